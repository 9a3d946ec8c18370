"""What a researcher meets in a notebook: views from a Document, check spans by default, Chinese
drawn as written, a CJK font found (or a clear warning)."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import extract
from extract.read.ingest import read_report
from extract.views.fonts import cjk_font

SEED = Path(__file__).parent / "fixtures" / "changning-kexie-2021.txt"


def test_show_takes_a_document():
    page = extract.show(read_report(str(SEED))).html
    assert "181.92万元" in page and 'class="fact' in page


def test_show_refuses_a_file_that_changed_since_the_run(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某局2021年报告\n收入总计100万元，其中财政拨款80万元。", encoding="utf-8")
    result = extract.run([report])
    report.write_text("某局2021年报告\n另一份报告，收入总计999万元。", encoding="utf-8")
    with pytest.raises(extract.ReportFactsError, match="changed since the run"):
        extract.show(result)


def test_show_says_which_file_is_gone(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某局2021年报告\n收入总计100万元。", encoding="utf-8")
    result = extract.run([report])
    report.unlink()
    with pytest.raises(extract.ReportFactsError, match="is gone"):
        extract.show(result)


def test_to_spacy_adds_check_spans_by_default():
    text = "实有在编人员共14人，其中在职14人，退休4人。"
    sdoc = extract.to_spacy(text)
    assert [s.text for s in sdoc.spans["checks"]]  # the failed check's figures, without passing checks


def test_displacy_keeps_chinese_as_written():
    from extract.views.nlp import displacy_html

    sdoc = extract.to_spacy(read_report(str(SEED)))
    html = displacy_html(sdoc)
    # the label boxes and the markup's own line breaks out: what is left is the text as drawn
    shown = re.sub(r"\s*<[^>]+>\s*", "", re.sub(r"<span[^>]*>[^<]*</span>", "", html))
    assert "2021年收入总计181.92万元" in shown
    assert "收 入" not in shown and "1 8 1" not in shown


def test_a_cjk_font_is_found_or_a_warning_says_what_to_install():
    with pytest.warns(UserWarning, match="no CJK font found"):
        assert cjk_font(("No Such Font Family",)) is None
    from matplotlib import font_manager

    if "Noto Sans CJK SC" in {f.name for f in font_manager.fontManager.ttflist}:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert cjk_font(("No Such Font Family", "Noto Sans CJK SC")) == "Noto Sans CJK SC"


def test_a_document_is_read_again_with_the_reader_the_run_used(tmp_path, monkeypatch):
    """pdfium and pdfminer place a few characters differently: a dataset built with one and shown
    with the other would put facts over the wrong characters."""
    from pathlib import Path

    from extract.read.ingest import Limits
    from extract.views.view import reread

    pdf = Path(__file__).parent / "fixtures" / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf"
    result = extract.run([pdf], limits=Limits(pdf_reader="pdfminer"))
    row = result.documents.iloc[0]
    assert str(row["reader"]).startswith("pdfminer")
    monkeypatch.setenv("REPORTFACTS_PDF_READER", "pdfium")  # what a later session would default to
    again = reread(row)
    assert str(again.reader).startswith("pdfminer") and again.text == read_report(
        str(pdf), limits=Limits(pdf_reader="pdfminer")).text
