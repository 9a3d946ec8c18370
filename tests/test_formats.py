"""Every format reports come in: the report's text and tables, as the format holds them, reach the same facts
and checks as a text file. Fixtures: web pages of three government sites (重庆市交通委员会, www.gov.cn as a
crawler archived it, 生态环境部), a Word, Excel 97 (.xls, .et) and .doc file built from 重庆市财政局's published
2024 三公 table by make_office.py, and scanned pages made in the test from real budget PDFs."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import extract
from extract.read.ingest import read_report

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def test_web_page_keeps_the_report_and_drops_the_furniture():
    doc = read_report(FORMATS / "cq_jtw_2018_budget.html")
    assert doc.status == "ok" and doc.format == "html"
    assert "2018年一般公共预算财政拨款收入324970.32万元" in doc.text
    assert "当前位置" not in doc.text and "版权所有" not in doc.text and "jquery" not in doc.text
    assert doc.year == 2018


def test_web_page_figures_are_checked():
    result = extract.run([FORMATS / "cq_jtw_2018_budget.html"])
    checks = result.checks
    procurement = checks[checks.total_value == "60604100.00"]
    assert list(procurement.status) == ["pass"]  # 6060.41 = 4728.6 + 0 + 1331.81
    facts = result.facts
    text = read_report(FORMATS / "cq_jtw_2018_budget.html").text
    assert all(text[s:e] == t for s, e, t in zip(facts.start, facts.end, facts.text))


def _table_cells(name: str) -> dict[str, Decimal]:
    result = extract.run([FORMATS / name])
    cells = result.facts[result.facts.rule == "table.flat"]
    return {label: Decimal(str(v)) for label, v in zip(cells.label, cells.value)}


def test_excel_sheet_rows_are_table_facts():
    doc = read_report(FORMATS / "cq_czj_2024_sangong.xlsx")
    assert doc.format == "xlsx" and "单位:亿元" in doc.text.splitlines()  # the merged unit line, once
    assert _table_cells("cq_czj_2024_sangong.xlsx") == {
        "合计": Decimal("608000000"), "因公出国(境)费": Decimal("66000000"), "公务用车购置及运行费": Decimal("472000000"),
        "公务用车购置费": Decimal("177000000"), "公务用车运行费": Decimal("295000000"), "公务接待费": Decimal("70000000")}


def test_word_paragraphs_and_table_in_order():
    doc = read_report(FORMATS / "cq_czj_2024_sangong.docx")
    assert doc.format == "docx"
    assert doc.text.index("较2023年只减不增") < doc.text.index("合计 | 6.08 |")
    assert _table_cells("cq_czj_2024_sangong.docx")["公务接待费"] == Decimal("70000000")
    checks = extract.run([FORMATS / "cq_czj_2024_sangong.docx"]).checks
    stated = checks[checks.total_value == "608000000.00"]
    assert "pass" in set(stated.status)  # 6.08亿 = 0.66 + 0.7 + 4.72 in the paragraph


# --- scanned PDFs: pages of real budget PDFs rendered to images and wrapped as image-only PDFs ---------------

PDFS = Path(__file__).parent / "fixtures" / "pdf"
#: real pages: a unit budget's expenditure table (上海市普陀区司法局 2026, pages 11-12) and prose with a stated
#: breakdown and shares (江苏省人大常委会办公厅 2018, pages 27-28)
SCANNED = ("sh_putuo_sfj_2026_unit_budget_p11-12.pdf", "js_prov_npc_office_2018_dept_budget_p27-28.pdf")


def _scan(pdf: Path, out: Path, dpi: int = 150, pages: int | None = None) -> Path:
    """The PDF's pages (the first ``pages``) as grey JPEG images at ``dpi``, in an image-only PDF (as a
    scanner makes them)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = [doc[k].render(scale=dpi / 72).to_pil().convert("L") for k in range(pages or len(doc))]
    doc.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=70)
    return out


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """(text-layer result, scanned result) per real PDF, each run once (OCR takes seconds a page)."""
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed: pip install '.[ocr]'")
    folder = tmp_path_factory.mktemp("scans")
    return {name: (extract.run([PDFS / name], jobs=1), extract.run([_scan(PDFS / name, folder / name)], jobs=1))
            for name in SCANNED}


def _amounts(result) -> Counter:
    f = result.facts[result.facts.kind == "amount"]
    return Counter(zip(f.value, f.page))


@pytest.mark.parametrize("name", SCANNED)
def test_scanned_pages_give_the_text_layers_amounts_with_pages(scanned, name):
    text_layer, ocr = scanned[name]
    assert text_layer.documents.reader[0] == "pdfium" and (text_layer.documents.ocr_pages.isna()[0])
    doc = ocr.documents.iloc[0]
    assert doc.status == "ok" and doc.reader == "pdfium+ocr" and doc.ocr_pages == 2 and doc.ocr_confidence > 0.9
    want, got = _amounts(text_layer), _amounts(ocr)
    assert sum(want.values()) >= 10
    found = sum(min(n, got[k]) for k, n in want.items())
    assert found >= 0.95 * sum(want.values()), [k for k in want if got[k] < want[k]]


@pytest.mark.parametrize("name", SCANNED)
def test_scanned_pages_pass_the_checks_the_text_layer_passes(scanned, name):
    text_layer, ocr = scanned[name]
    passed = {(c.rule, c.total_value) for c in text_layer.checks.itertuples() if c.status == "pass"}
    assert passed
    assert passed <= {(c.rule, c.total_value) for c in ocr.checks.itertuples() if c.status == "pass"}


def test_scanned_table_keeps_its_cells_columns_and_offsets(scanned):
    text_layer, ocr = scanned[SCANNED[0]]
    assert ocr.documents.tables[0] == text_layer.documents.tables[0] == 2
    cells = ocr.facts[(ocr.facts.source == "table") & (ocr.facts.value == "786150.00")]
    assert set(cells.page) == {2} and set(cells.column) == set(
        text_layer.facts[(text_layer.facts.source == "table") & (text_layer.facts.value == "786150.00")].column)


def test_ocr_lines_keep_page_box_and_confidence_and_mark_their_facts(tmp_path):
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed: pip install '.[ocr]'")
    from extract.find.facts import document_facts
    from extract.read.ocr import with_provenance

    doc = read_report(_scan(PDFS / SCANNED[1], tmp_path / "npc.pdf", pages=1))
    line = next(x for x in doc.ocr if "7877.76" in x.text)
    assert line.page == 1 and doc.text[line.start:line.end] == "".join(line.text.split())
    x0, top, x1, bottom = line.box
    assert 0 < x0 < x1 < 595 and 0 < top < bottom < 842 and 0.5 < line.confidence <= 1
    facts = with_provenance(doc, document_facts(doc))
    total = next(f for f in facts if f.text.startswith("7877.76"))
    assert total.origin == "ocr" and total.page == 1 and total.confidence == line.confidence
    assert all(doc.text[f.start:f.end] == f.text for f in facts)
    text_layer = read_report(PDFS / SCANNED[1])
    assert {f.origin for f in with_provenance(text_layer, document_facts(text_layer))} == {None}


def test_ocr_off_leaves_a_scan_unread_and_says_how_to_read_it(tmp_path):
    from extract.read.ingest import Limits

    doc = read_report(_scan(PDFS / SCANNED[1], tmp_path / "npc.pdf"), limits=Limits(ocr="off"))
    assert doc.status == "no_text_layer" and not doc.text.strip("\f") and doc.ocr == ()
    assert "no_text_layer on pages 1, 2" in (doc.error or "")


def test_ocr_models_ship_inside_the_package():
    """Nothing is fetched at run time: the models the recogniser loads are files of the installed package."""
    ocr_pkg = pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    import yaml

    root = Path(ocr_pkg.__file__).parent
    config = yaml.safe_load((root / "config.yaml").read_text())
    for part in ("Det", "Cls", "Rec"):
        model = root / config[part]["model_path"]
        assert model.suffix == ".onnx" and model.stat().st_size > 100_000, model


# --- old binary Office formats -----------------------------------------------------------------------------

SANGONG = {"合计": Decimal("608000000"), "因公出国(境)费": Decimal("66000000"), "公务用车购置及运行费": Decimal("472000000"),
           "公务用车购置费": Decimal("177000000"), "公务用车运行费": Decimal("295000000"), "公务接待费": Decimal("70000000")}


@pytest.mark.parametrize("name", ["cq_czj_2024_sangong.xls", "cq_czj_2024_sangong.et"])
def test_excel97_and_wps_workbooks_take_the_xlsx_table_path(name):
    doc = read_report(FORMATS / name)
    assert doc.status == "ok" and doc.reader == "calamine" and doc.format == name.rsplit(".", 1)[1]
    lines = doc.text.splitlines()
    assert lines[:3] == ["三公经费", "2024年市级“三公”经费预算表", "单位:亿元"]  # sheet, merged title and unit, once
    assert _table_cells(name) == SANGONG


def test_a_damaged_xls_is_one_error_row(tmp_path):
    bad = tmp_path / "bad.xls"
    bad.write_bytes((FORMATS / "cq_czj_2024_sangong.xls").read_bytes()[:600])
    doc = read_report(bad)
    assert doc.status == "error" and "not a readable .xls workbook" in doc.error


def test_doc_without_a_converter_is_unsupported_and_says_what_to_install(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    for suffix in ("doc", "wps"):
        f = tmp_path / f"report.{suffix}"
        f.write_bytes((FORMATS / "cq_czj_2024_sangong.xls").read_bytes())  # an OLE2 file, as .doc files are
        doc = read_report(f)
        assert doc.status == "unsupported" and "libreoffice" in doc.error.lower() and "antiword" in doc.error


CONVERTERS = [c for c in ("soffice", "antiword") if __import__("shutil").which(c)]


@pytest.mark.skipif(not CONVERTERS, reason="neither LibreOffice (soffice) nor antiword is installed "
                                           "(apt-get install libreoffice-writer-nogui antiword)")
@pytest.mark.parametrize("converter", CONVERTERS or ["none"])
def test_doc_is_read_through_the_installed_converter(converter, monkeypatch):
    import shutil

    which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: which(name) if name == converter else None)
    doc = read_report(FORMATS / "cq_czj_2024_sangong.doc")
    assert doc.status == "ok" and doc.format == "doc" and doc.reader.startswith(converter)
    assert "较2023年只减不增" in doc.text and "公务接待费" in doc.text
    checks = extract.run([FORMATS / "cq_czj_2024_sangong.doc"], jobs=1).checks
    assert "pass" in set(checks[checks.total_value == "608000000.00"].status)  # 6.08亿 = 0.66 + 0.7 + 4.72


# --- web pages of three government sites: the report kept, the furniture dropped, the page's own fields ------

PAGES = {
    # 重庆市交通委员会: a budget note, its figures in prose
    "cq_jtw_2018_budget.html": dict(
        keeps="2018年一般公共预算财政拨款收入324970.32万元", drops=("当前位置", "版权所有", "jquery"),
        fields={"published": "2018-03-06"}),
    # www.gov.cn (国务院), the article as a crawler archived it: the info block (索引号, 发文机关, 发文字号 …) in a
    # table, the text in a layout table's cell, print and close buttons, a QR code
    "gov_cn_2018_guofa43.html": dict(
        keeps="对先行区内医疗机构因临床急需进口少量药品（不含疫苗）的申请，由海南省人民政府实施审批。",
        drops=("扫一扫在手机打开当前页", "AddFavorite"),
        fields={"publisher": "国务院", "published": "2018-12-29", "index_no": "000014349/2018-00222",
                "doc_no": "国发〔2018〕43号"}),
    # 生态环境部 (www.mee.gov.cn): <meta> fields, a search form, breadcrumbs, a share bar, font-size and print
    # widgets, a hidden "related reading" block and a footer of links
    "mee_2022_weekly_news.html": dict(
        keeps="提出了22项具体要求", drops=("当前位置", "分享到", "字号", "[打印]", "请输入", "相关阅读推荐", "外交部"),
        fields={"published": "2022-04-17", "source_name": "生态环境部"}),
}


@pytest.mark.parametrize("name", PAGES)
def test_web_page_keeps_the_report_drops_the_furniture_and_reads_its_fields(name):
    case = PAGES[name]
    doc = read_report(FORMATS / name)
    assert doc.status == "ok" and doc.reader == "html.parser"
    assert case["keeps"] in doc.text
    assert [d for d in case["drops"] if d in doc.text] == []
    row = doc.row()
    assert {k: row[k] for k in ("publisher", "published", "source_name", "index_no", "doc_no") if row[k]} \
        == case["fields"]


def test_layout_table_cell_is_text_and_the_info_block_names_the_document():
    doc = read_report(FORMATS / "gov_cn_2018_guofa43.html")
    assert doc.title == ("国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》"
                         "有关规定的决定")
    assert doc.organization == "国务院" and doc.year == 2018
    lines = doc.text.splitlines()
    assert "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" in lines  # a paragraph is a line, not a cell
    assert "发文字号： | 国发〔2018〕43号 | 发布日期： | 2018年12月29日 |" in lines  # the info block stays a table


@pytest.mark.parametrize("name", PAGES)
def test_web_page_facts_point_into_the_text(name):
    result = extract.run([FORMATS / name], jobs=1)
    text = read_report(FORMATS / name).text
    facts = result.facts
    assert len(facts) >= 3
    assert all(text[s:e] == t for s, e, t in zip(facts.start, facts.end, facts.text))


def test_weekly_news_dates_and_counts():
    facts = extract.run([FORMATS / "mee_2022_weekly_news.html"], jobs=1).facts
    values = set(zip(facts.text, facts.value))
    assert {("2022年3月23日至25日", "2022-03-23/2022-03-25"), ("4月12日", "2022-04-12"), ("22项", "22")} <= values


@pytest.mark.parametrize("declared", ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" '
                                      'content="text/html; charset=GBK">', ""])
def test_web_page_in_the_charset_it_declares_or_that_is_found(tmp_path, declared):
    page = (FORMATS / "mee_2022_weekly_news.html").read_text(encoding="utf-8").replace('<meta charset="UTF-8">', declared)
    f = tmp_path / "page.html"
    f.write_bytes(page.encode("gb18030"))
    doc = read_report(f)
    assert doc.status == "ok" and doc.encoding == "gb18030" and "提出了22项具体要求" in doc.text


@pytest.mark.parametrize("merge,row,line", [
    # a header cell spread over two columns names each of them
    ("B1:C1", 1, "项目 | 预算数 | 预算数 |"),
    # a title merged across the table is one line, kept once
    ("A1:C1", 1, "项目"),
])
def test_xlsx_merged_cells_take_their_top_left_value(tmp_path, merge, row, line):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["项目", "预算数", None])
    ws.append([None, "2024年", "2023年"])
    ws.append(["合计", 6.08, 6.2])
    ws.merge_cells(merge)
    wb.save(tmp_path / "t.xlsx")
    lines = read_report(tmp_path / "t.xlsx").text.splitlines()
    assert lines[row] == line and lines[-1] == "合计 | 6.08 | 6.2 |"


def _boxes(*spans):
    """Per-character boxes as the recogniser gives them, in pixels at scale 1 (x0, x1), 10 pixels high."""
    return [[[x0, 0], [x1, 0], [x1, 10], [x0, 10]] for x0, x1 in spans]


@pytest.mark.parametrize("text,words,want", [
    # ink boxes with gaps between them: one word, each character reaching the next one's left edge
    ("合计", _boxes((0, 8), (12, 20)), [("合", 0, 12), ("计", 12, 20)]),
    # a space the recogniser read keeps its gap, so pdfplumber keeps the space
    ("合 计", _boxes((0, 8), (9, 10), (30, 38)), [("合", 0, 8), ("计", 30, 38)]),
    ("合 计", _boxes((0, 8), (30, 38)), [("合", 0, 8), ("计", 30, 38)]),
    # boxes that do not match the characters one for one: the line's box divided evenly
    ("6.08", _boxes((0, 40)), [("6", 0, 10), (".", 10, 20), ("0", 20, 30), ("8", 30, 40)]),
])
def test_recognised_line_becomes_characters_at_their_boxes(text, words, want):
    from types import SimpleNamespace

    from extract.read.ocr import _line_chars

    page = SimpleNamespace(height=100, page_number=1, initial_doctop=0)
    chars = _line_chars(text, words, (0, 0, 40, 10), 1.0, 0, page)
    assert [(c["text"], c["x0"], c["x1"]) for c in chars] == want
    assert all(c["top"] == 0 and c["bottom"] == 10 and c["y0"] == 90 for c in chars)


@pytest.mark.parametrize("html,kept", [
    # furniture by class, id, style or what the line says
    ('<div class="zzjgLdFont">字号：<a>[大]</a></div><p>收入100万元</p>', False),
    ('<div id="qr_container">扫一扫在手机打开当前页</div><p>收入100万元</p>', False),
    ('<div style="display: none">相关阅读推荐</div><p>收入100万元</p>', False),
    ('<div class="headerC">邮箱</div><p>收入100万元</p>', False),
    ('<p>分享到：</p><p>收入100万元</p>', False),
    # counter-examples: content whose class only looks like furniture
    ('<div class="font16 content"><p>邮箱收入100万元</p></div>', True),
    ('<div class="article-header"><h1>邮箱收入100万元</h1></div>', True),
    ('<p>分享到各单位的收入100万元</p>', True),
])
def test_page_furniture_rules_and_their_counter_examples(tmp_path, html, kept):
    f = tmp_path / "p.html"
    f.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    text = read_report(f).text
    assert "收入100万元" in text
    assert any(w in text for w in ("字号", "扫一扫", "相关阅读", "邮箱", "分享到")) == kept
