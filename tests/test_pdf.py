"""Real PDFs (pages cut from ../shared/corpus/real with pypdf, see fixtures/pdf/) through the
whole pipeline: page provenance, table facts with codes, columns and units, and table checks.

Expected figures are read off the printed pages, not computed by the code under test.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import extract
from extract.read.pdf import _page_health
from extract.read.ingest import read_report

PDF = Path(__file__).parent / "fixtures" / "pdf"
COURT_2019 = PDF / "js_prov_court_2019_dept_budget_p8-9-10-11-18.pdf"


@pytest.fixture(scope="module")
def court_2019():
    return extract.run([COURT_2019])


@pytest.fixture(scope="module")
def all_pdfs():
    return extract.run([PDF])


def _fact(facts, **want):
    rows = facts
    for k, v in want.items():
        rows = rows[rows[k] == v]
    assert len(rows) >= 1, f"no fact with {want}"
    return rows.iloc[0]


def test_every_fixture_reads_ok_with_pages(all_pdfs):
    docs = all_pdfs.documents
    assert set(docs.status) == {"ok"}
    assert dict(zip(docs.doc_id, docs.pages))["js_prov_court_2019_dept_budget_p8-9-10-11-18"] == 5


def test_table_and_text_offsets_point_at_the_figure(all_pdfs):
    texts = {d.doc_id: d.text for d in extract.read_documents([PDF])}
    for row in all_pdfs.facts.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


@pytest.mark.parametrize("label,text,value", [
    ("基本支出", "21,968.00", "219680000.00"),
    ("项目支出", "10,208.94", "102089400.00"),
    ("单位预留机动经费", "5,011.40", "50114000.00"),
    ("支出合计", "37,188.34", "371883400.00"),
])
def test_court_2019_budget_total_and_parts(court_2019, label, text, value):
    f = _fact(court_2019.facts, source="table", label=label, text=text)
    assert (f.value, f.page, f.column, f.kind, f.unit) == (value, 1, "支出/支出用途/金额", "amount", "元")
    assert "收支预算总表" in f.section


def test_court_2019_budget_total_equals_parts(court_2019):
    c = court_2019.checks
    row = c[(c.rule == "identity.expenditure") & c.scope.str.startswith("公开01表")].iloc[0]
    assert (row.status, row.relation, row.total_value) == ("pass", "eq", "371883400.00")
    assert json.loads(row.part_labels) == ["基本支出", "项目支出", "单位预留机动经费"]


@pytest.mark.parametrize("label,text,value", [
    ("20405 法院", "27,488.23", "274882300.00"),
    ("2040501 行政运行", "17,279.29", "172792900.00"),
    ("30101 基本工资", "2,827.41", "28274100.00"),
    ("30217 公务接待费", "41.95", "419500.00"),
])
def test_court_2019_coded_rows(court_2019, label, text, value):
    f = _fact(court_2019.facts, source="table", label=label, text=text)
    assert f.value == value


def test_court_2019_code_hierarchy_checks_pass(court_2019):
    c = court_2019.checks
    hier = c[c.rule == "table.code-hierarchy"]
    assert len(hier) >= 8 and set(hier.status) == {"pass"}
    law = hier[hier.message.str.startswith("20405 法院")].iloc[0]
    assert len(json.loads(law.part_fact_ids)) == 6  # 2040501 … 2040599


def test_court_2019_narrative_page_is_read(court_2019):
    f = _fact(court_2019.facts, source="text", label="基本支出预算数")
    assert (f.text, f.value, f.page) == ("21968 万元", "219680000", 5)


# --- bugs caught on real files, one test each ---

def test_wrapped_name_in_two_sided_total_table(all_pdfs):
    """court 2018: 三、单位预留机动经费 wraps around the line that holds its figure."""
    f = all_pdfs.facts
    row = _fact(f[f.doc_id.str.startswith("js_prov_court_2018")], source="table", text="3,258.06")
    assert row.label == "单位预留机动经费"
    c = all_pdfs.checks
    ident = c[c.doc_id.str.startswith("js_prov_court_2018") & (c.rule == "identity.expenditure")]
    assert list(ident.status) == ["pass"]


def test_rows_lost_by_pdfplumber_are_recovered(all_pdfs):
    """court 2017: 30206 电费 at a page break and 30229 福利费 under a table's last ruling line."""
    f = all_pdfs.facts[all_pdfs.facts.doc_id.str.startswith("js_prov_court_2017")]
    assert _fact(f, label="30206 电费", text="235.00").value == "2350000.00"
    assert _fact(f, label="30229 福利费", text="110.00").value == "1100000.00"
    c = all_pdfs.checks[all_pdfs.checks.doc_id.str.startswith("js_prov_court_2017")]
    assert len(c) >= 10 and set(c.status) == {"pass"}


def test_side_by_side_table_with_split_codes(all_pdfs):
    """czj 2024 决算: two 经济分类 halves side by side, 类 and 款 in separate cells."""
    f = all_pdfs.facts[all_pdfs.facts.doc_id.str.startswith("sh_putuo_czj")]
    assert _fact(f, label="30204 手续费", text="0.09").value == "900.00"
    assert _fact(f, label="30229 福利费", text="42.77").value == "427700.00"
    assert not (f.column.fillna("").str.contains("编码")).any()  # code cells are not figures
    c = all_pdfs.checks[all_pdfs.checks.doc_id.str.startswith("sh_putuo_czj")]
    assert set(c.status) == {"pass"}


def test_real_inconsistency_in_source_is_reported(all_pdfs):
    """sfj 2026 unit budget prints 行政运行: 合计 14,348,853.34 but 项目支出 64,840,547.00."""
    c = all_pdfs.checks[all_pdfs.checks.doc_id.str.startswith("sh_putuo_sfj")]
    fails = c[c.status == "fail"].sort_values("rule")
    assert list(fails.rule) == ["table.code-hierarchy", "table.total-column"]  # one cell, seen two ways
    hierarchy, column = fails.iloc[0], fails.iloc[1]
    assert hierarchy.message.startswith("20406 司法")
    assert Decimal(hierarchy.difference) == Decimal("-64840547.00")
    assert column.message.startswith("2040601 行政运行 [支出预算/合计] 14,348,853.34 ≠ 基本支出 14,348,853.34 + 项目支出")
    assert Decimal(column.difference) == Decimal("-64840547.00")
    others = c[(c.rule == "table.total-column") & (c.status == "pass")]
    assert len(others) >= 20  # every other row: 合计 = 基本支出 + 项目支出


def test_procuratorate_2017_total_table_and_continued_table(all_pdfs):
    c = all_pdfs.checks[all_pdfs.checks.doc_id.str.startswith("js_prov_procuratorate_2017")]
    ident = c[c.rule == "identity.expenditure"].iloc[0]
    assert (ident.status, ident.total_value) == ("pass", "179966800.00")
    assert set(c.status) == {"pass"}


# --- bad PDFs become document rows ---

def _scan_pdf() -> bytes:
    """A one-page PDF holding only an image: what a scanned page looks like."""
    image = (b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
             b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    return _pdf([b"/XObject << /Im1 5 0 R >>", image], b"q 100 0 0 100 50 50 cm /Im1 Do Q")


def test_scanned_page_is_reported_not_read(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(_scan_pdf())
    doc = read_report(p)
    assert (doc.status, doc.error) == ("no_text_layer", "no_text_layer on pages 1")
    assert doc.text == ""


def test_encrypted_pdf_is_a_clear_row(tmp_path):
    w = PdfWriter()
    w.add_page(PdfReader(COURT_2019).pages[0])
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    p = tmp_path / "locked.pdf"
    with open(p, "wb") as f:
        w.write(f)
    doc = read_report(p)
    assert doc.status == "encrypted" and "password" in doc.error


@pytest.mark.parametrize("data", [b"%PDF-1.4\ngarbage", COURT_2019.read_bytes()[:5000]], ids=["garbage", "truncated"])
def test_corrupt_pdf_is_a_clear_row(tmp_path, data):
    p = tmp_path / "broken.pdf"
    p.write_bytes(data)
    doc = read_report(p)
    assert doc.status in ("error", "empty", "no_text_layer") and doc.error


@pytest.mark.parametrize("text,images,why", [
    ("(cid:12)(cid:40)(cid:7)(cid:99)" * 20, 0, "cid_glyphs"),
    ("", 2, "no_text_layer"),
    ("", 0, None),  # a blank page is just blank
    ("收入合计 37,188.34", 0, None),
])
def test_page_health(text, images, why):
    assert _page_health(text, images) == why



def _pdf(page_objects: list[bytes], content: bytes) -> bytes:
    """A one-page PDF from raw objects (4: contents, 5.. extra), with correct xref offsets."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << %s >> /Contents 4 0 R >>"
        % b" ".join(page_objects[:1]),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *page_objects[1:],
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def test_figures_on_a_shifted_baseline_join_their_line(tmp_path):
    """Bug from 普陀区财政局 2024 决算 p.21: its figures sit ~5 pt below the Chinese text
    (another font), and pdfplumber's default 3 pt tolerance put them on a line of their own."""
    font = b"/Font << /F1 5 0 R >>"
    helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = b"BT /F1 12 Tf 20 150 Td (total) Tj ET BT /F1 12 Tf 60 146 Td (0.3) Tj ET"
    p = tmp_path / "shifted.pdf"
    p.write_bytes(_pdf([font, helvetica], content))
    doc = read_report(p)
    assert doc.text.splitlines() == ["total 0.3"]
