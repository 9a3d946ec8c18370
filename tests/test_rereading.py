"""Views never put facts over another text (issue 28): ``show`` and ``to_spacy`` read a report
again only from a file whose sha256 is the one the run recorded, with the reader the run used;
an edited, moved or deleted report is one line and exit 2, never a page of facts over other
characters. Each case is a real run into a real dataset folder."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import extract
from extract.cli import main
from extract.read.ingest import Limits, read_report
from extract.store import read_table
from extract.views.view import dataset_document

REPORT = "某局2021年部门预算\n收入总计100万元，其中财政拨款80万元，事业收入20万元。\n"
OTHER = "另一个单位2021年部门预算\n支出合计9,999.50万元，比上年增加12.5万元。\n"
PDF = Path(__file__).parent / "fixtures" / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf"


@pytest.fixture
def dataset(tmp_path, monkeypatch):
    """A report at a/r.txt, run from inside a/ with the relative path ``r.txt``."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", "r.txt", "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    return tmp_path, out


def _show(out: Path, page: Path) -> object:
    return CliRunner().invoke(main, ["show", str(out), "--doc", "r", "-o", str(page)])


def test_shown_from_another_folder_it_is_the_file_the_run_read(dataset, monkeypatch):
    """The exported path is relative to where the run started; from another folder holding
    another r.txt, the page still shows the report the run read (the store kept its absolute path)."""
    root, out = dataset
    (root / "b").mkdir()
    (root / "b" / "r.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(root / "b")
    res = _show(out, root / "v.html")
    assert res.exit_code == 0, res.output
    page = (root / "v.html").read_text(encoding="utf-8")
    assert "财政拨款" in page and "9,999.50" not in page


@pytest.mark.parametrize("change, says", [
    ("edited", "changed since the run"),
    ("moved", "is gone"),
    ("deleted", "is gone"),
])
def test_a_report_that_is_not_the_one_read_is_one_line_and_exit_2(dataset, change, says):
    root, out = dataset
    report = root / "a" / "r.txt"
    if change == "edited":
        report.write_text(REPORT.replace("某局", "某某局"), encoding="utf-8")  # every offset after it moves by one
    elif change == "moved":
        (root / "elsewhere").mkdir()
        shutil.move(report, root / "elsewhere" / "r.txt")
    else:
        report.unlink()
    res = _show(out, root / "v.html")
    assert res.exit_code == 2
    assert says in res.output and len(res.output.strip().splitlines()) == 1
    assert not (root / "v.html").exists()
    with pytest.raises(extract.ReportFactsError, match=says):
        extract.to_spacy(out, doc_id="r")


def test_a_dataset_moved_with_its_reports_is_read_beside_it(dataset, monkeypatch):
    root, out = dataset
    moved = root / "moved"
    moved.mkdir()
    shutil.move(out, moved / "out")
    shutil.move(root / "a" / "r.txt", moved / "r.txt")
    monkeypatch.chdir(root)
    doc = extract.to_spacy(moved / "out", doc_id="r")
    assert [s.text for s in doc.spans["facts"]] == ["2021年", "100万元", "80万元", "20万元"]


def test_to_spacy_refuses_facts_from_another_text(dataset):
    root, out = dataset
    facts = read_table(out, "facts")
    read = read_report(str(root / "a" / "r.txt"), doc_id="r")
    edited = dataclasses.replace(read, text="前言" + read.text)
    with pytest.raises(extract.ReportFactsError, match="not at their characters"):
        extract.to_spacy(edited, facts)
    # the text the run read takes the same facts
    doc = extract.to_spacy(read, facts)
    assert [s.text for s in doc.spans["facts"]] == ["2021年", "100万元", "80万元", "20万元"]


def test_read_again_with_the_reader_the_run_used(tmp_path, monkeypatch):
    """A dataset built with pdfminer and viewed where pdfium is the default: the report is read
    with pdfminer again, and every fact is at its characters."""
    out = tmp_path / "out"
    shutil.copy(PDF, tmp_path / PDF.name)
    res = CliRunner().invoke(main, ["run", str(tmp_path / PDF.name), "-o", str(out), "--jobs", "1",
                                    "--pdf-reader", "pdfminer"])
    assert res.exit_code == 0, res.output
    monkeypatch.setenv("REPORTFACTS_PDF_READER", "pdfium")
    document, _, _ = dataset_document(out, PDF.stem)
    assert str(document.reader).startswith("pdfminer")
    doc = extract.to_spacy(out, doc_id=PDF.stem)
    assert doc.text == read_report(str(PDF), limits=Limits(pdf_reader="pdfminer")).text
    facts = read_table(out, "facts")
    assert len(doc.spans["facts"]) == len(facts) > 10
