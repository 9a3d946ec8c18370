"""PDF pages read by pdfium (the default) against pdfplumber's own pdfminer reading, on the real
page cuts in fixtures/pdf and the real PDFs in corpus/: the same tables, the same facts and the
same checks. What may differ is said here: a space glyph narrower than pdfplumber's 3-point word
gap (pdfium does not report most space glyphs; pdfplumber then splits words by their gaps alone).
"""
from __future__ import annotations

import io
import zlib
from collections import Counter
from pathlib import Path

import pandas as pd
import pdfplumber
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter

import extract
from extract.read.ingest import Limits
from extract.read.pdf import dedupe_chars, read_pdf
from extract.read.pdfium import intact, objects

ROOT = Path(__file__).parent.parent
PDFS = sorted((ROOT / "tests" / "fixtures" / "pdf").rglob("*.pdf")) + sorted((ROOT / "corpus").glob("*.pdf"))
FACT_KEY = ["doc_id", "kind", "value", "unit", "label", "concept", "qualifier", "page", "section", "source",
            "column", "table", "subject", "event"]
CHECK_KEY = ["doc_id", "rule", "relation", "scope", "total_label", "total_value", "part_labels", "part_values",
             "difference", "status"]


def _multiset(df, key):
    return Counter(tuple("" if pd.isna(v) else str(v) for v in row) for row in df[key].itertuples(index=False))


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    for p in PDFS:
        (folder / p.name).write_bytes(p.read_bytes())
    runs = {reader: extract.run([folder], jobs=1, limits=Limits(pdf_reader=reader))
            for reader in ("pdfium", "pdfminer")}
    runs["folder"] = folder
    return runs


def test_fixtures_are_many_real_pdfs():
    assert len(PDFS) >= 12


def test_same_facts_with_either_reader(both):
    a, b = both["pdfium"].facts, both["pdfminer"].facts
    assert len(a) > 1000
    assert _multiset(a, FACT_KEY) == _multiset(b, FACT_KEY)
    assert set(a[a.source == "table"].doc_id) == set(b[b.source == "table"].doc_id)


def test_same_checks_with_either_reader(both):
    a, b = both["pdfium"].checks, both["pdfminer"].checks
    assert len(a) > 100 and set(a.status) >= {"pass", "fail"}
    assert _multiset(a, CHECK_KEY) == _multiset(b, CHECK_KEY)


def test_offsets_hold_with_pdfium(both):
    texts = {d.doc_id: d.text for d in extract.read_documents([both["folder"]])}
    facts = both["pdfium"].facts
    for row in facts.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_same_tables_and_text_up_to_spaces(path):
    data = path.read_bytes()
    a = read_pdf(data, path.stem, str(path), "", reader="pdfium")
    b = read_pdf(data, path.stem, str(path), "", reader="pdfminer")
    assert [t.page for t in a.pages] == [t.page for t in b.pages]
    assert [(t.page, t.number, t.title, t.unit, t.rows) for t in a.tables] == \
        [(t.page, t.number, t.title, t.unit, t.rows) for t in b.tables]
    for pa, pb in zip(a.pages, b.pages):
        assert "".join(a.text[pa.start:pa.end].split()) == "".join(b.text[pb.start:pb.end].split())


@pytest.mark.parametrize("path", PDFS[:6], ids=lambda p: p.stem)
def test_glyph_boxes_and_ruling_lines_are_pdfminers(path):
    """Every non-space character in the same order with the same box (to 0.01 pt), and the same
    rectangles, lines and curves, on each page (pdfplumber's objects read by pdfminer)."""
    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        for k, page in enumerate(pdf.pages):
            pdfium_page = doc[k]
            mine = objects(pdfium_page, page)
            pdfium_page.close()
            ref = page.objects
            ours = [c for c in mine["char"] if c["text"].strip()]
            theirs = [c for c in ref["char"] if c["text"].strip()]
            if [c["text"] for c in ours] != [c["text"] for c in theirs]:
                # a glyph drawn twice can come in another order; the boxes still match as a set
                assert sorted(c["text"] for c in ours) == sorted(c["text"] for c in theirs)
                continue
            for x, y in zip(ours, theirs):
                assert all(abs(x[q] - y[q]) < 0.01 for q in ("x0", "x1", "top", "bottom", "size")), (x, y)
                assert x["upright"] == y["upright"] and x["fontname"] == y["fontname"]
            for kind in ("rect", "line", "curve"):
                box = lambda o: tuple(round(o[q], 2) for q in ("x0", "top", "x1", "bottom"))  # noqa: E731
                assert sorted(map(box, mine.get(kind, []))) == sorted(map(box, ref.get(kind, []))), kind
    doc.close()


@pytest.mark.parametrize("path", PDFS[:4], ids=lambda p: p.stem)
def test_dedupe_chars_is_pdfplumbers(path):
    from pdfplumber.utils import dedupe_chars as reference

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert dedupe_chars(page.chars) == reference(page.chars)


def test_doubled_glyphs_are_one_character():
    chars = [{"upright": True, "text": t, "fontname": "F", "size": 10.0, "doctop": top, "x0": x}
             for t, top, x in [("增", 0, 0), ("增", 0.4, 0.3), ("加", 0, 10), ("增", 0, 20)]]
    assert [(c["text"], c["x0"]) for c in dedupe_chars(chars)] == [("增", 0), ("加", 10), ("增", 20)]


def test_a_rotated_page_is_read_by_pdfminer(tmp_path):
    """pdfminer turns a /Rotate page's coordinates; such a page is left to it."""
    src = PdfReader(str(PDFS[0]))
    out = PdfWriter()
    out.add_page(src.pages[0])
    out.pages[0].rotate(90)
    buf = io.BytesIO()
    out.write(buf)
    data = buf.getvalue()
    a = read_pdf(data, "r", "r.pdf", "", reader="pdfium")
    b = read_pdf(data, "r", "r.pdf", "", reader="pdfminer")
    assert a.text == b.text and len(a.text) > 100


def test_unknown_reader_is_refused():
    with pytest.raises(ValueError, match="pdfium, pdfminer"):
        read_pdf(PDFS[0].read_bytes(), "x", "x.pdf", "", reader="poppler")


def test_cli_reader_option(tmp_path):
    from click.testing import CliRunner

    from extract.cli import main

    pdf = tmp_path / "in"
    pdf.mkdir()
    (pdf / PDFS[0].name).write_bytes(PDFS[0].read_bytes())
    results = {}
    for reader in ("pdfium", "pdfminer"):
        r = CliRunner().invoke(main, ["run", str(pdf), "-o", str(tmp_path / reader), "--pdf-reader", reader, "-q"])
        assert r.exit_code == 0, r.output
        results[reader] = (tmp_path / reader / "facts.csv").read_text(encoding="utf-8-sig").count("\n")
    assert results["pdfium"] == results["pdfminer"] > 10


# --- damaged streams (issue 27) -------------------------------------------------------------------

def _flate(raw: bytes):
    from pdfminer.psparser import LIT
    from pdfminer.pdftypes import PDFStream

    return PDFStream({"Filter": LIT("FlateDecode")}, raw)


_TEXT = b"BT /F1 12 Tf 72 700 Td (1250.50) Tj ET\n" * 200


@pytest.mark.parametrize("stream,whole", [
    pytest.param(_flate(zlib.compress(_TEXT)), True, id="intact"),
    pytest.param(_flate(zlib.compress(_TEXT)[:-20]), False, id="cut-short"),
    pytest.param(_flate(zlib.compress(_TEXT)[:-1] + b"\x00"), False, id="bad-checksum"),
    pytest.param(_flate(b"\x78\x9c" + bytes(64)), False, id="zeroed"),
    pytest.param(_flate(b"plain text, not deflate"), False, id="not-deflate"),
    pytest.param(_flate(zlib.compress(_TEXT) + b"\r\n"), True, id="end-of-line-after-the-data"),
])
def test_intact_tells_a_damaged_flate_stream(stream, whole):
    assert intact(stream) is whole


def test_a_stream_of_another_filter_is_not_checked():
    from pdfminer.psparser import LIT
    from pdfminer.pdftypes import PDFStream

    assert intact(PDFStream({"Filter": LIT("DCTDecode")}, b"\xff\xd8 not checked"))
    assert intact(PDFStream({}, b"BT ET"))


def test_a_font_with_a_damaged_stream_gets_pdfiums_metrics():
    """pdfminer never decompresses a font stream that does not inflate (its repair ran byte by
    byte for minutes): the page's characters are the same, placed with pdfium's metrics."""
    from pdfminer.pdftypes import resolve1

    from extract.read.pdfium import Metrics, font_streams

    path = ROOT / "tests" / "fixtures" / "pdf" / "js_prov_court_2017_dept_budget_p15-16-17.pdf"
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        specs = resolve1(page.page_obj.resources["Font"])
        damaged = {objid for spec in specs.values() for objid, _ in font_streams(spec)}
        assert damaged  # the fixture embeds its fonts
        assert Metrics(page).fonts and not Metrics(page, damaged).fonts
        doc = pdfium.PdfDocument(path)
        try:
            sound = [c["text"] for c in objects(doc[0], page)["char"]]
            guarded = [c["text"] for c in objects(doc[0], page, damaged)["char"]]
        finally:
            doc.close()
    assert guarded == sound and len(sound) > 100


# --- pages by need (issue 26): the same result with less work -------------------------------------

def _char(text, doctop, x0, font="F", size=10.0, upright=True):
    return {"upright": upright, "text": text, "fontname": font, "size": size, "doctop": doctop, "x0": x0}


@pytest.mark.parametrize("chars", [
    pytest.param([_char("1", 0, 0), _char("1", 0.5, 0.5), _char("1", 1.4, 1.4)], id="a-chain-within-tolerance"),
    pytest.param([_char("1", 0, 0), _char("1", 0, 0), _char("1", 0, 0)], id="three-at-one-place"),
    pytest.param([_char("1", 0, 5), _char("1", 0, 0), _char("1", 0.2, 0.3)], id="the-first-by-position-wins"),
    pytest.param([_char("1", 0.5, 0), _char("1", 0, 0.9), _char("1", 0, 0.9)], id="a-tie-keeps-the-earliest"),
    pytest.param([_char("1", 0, 0), _char("1", 0, 1.5), _char("1", 0, 3.0)], id="apart-by-more-than-tolerance"),
    pytest.param([_char("1", 0, 0), _char("1", 0, 0, font="G"), _char("1", 0, 0, size=11.0)], id="other-font-or-size"),
    pytest.param([_char("1", 0, 0), _char("1", 0, 0, upright=False), _char("2", 0, 0)], id="other-text-or-direction"),
    pytest.param([_char("1", 0, 0), _char("1", 0.9, 5), _char("1", 1.8, 0.5)], id="one-row-cluster-two-columns"),
])
def test_dedupe_chars_is_pdfplumbers_on_crafted_glyphs(chars):
    from pdfplumber.utils import dedupe_chars as reference

    assert [id(c) for c in dedupe_chars(chars)] == [id(c) for c in reference(chars)]
    assert [id(c) for c in dedupe_chars(chars, tolerance=0)] == [id(c) for c in reference(chars, tolerance=0)]


@pytest.mark.parametrize("seed", range(12))
def test_dedupe_chars_is_pdfplumbers_on_random_glyphs(seed):
    """Glyphs of a few texts on a coarse grid, some printed twice a fraction of a point apart."""
    import random

    from pdfplumber.utils import dedupe_chars as reference

    rnd = random.Random(seed)
    chars = []
    for _ in range(300):
        c = _char(rnd.choice("01.万元"), rnd.randrange(0, 40) * 0.7, rnd.randrange(0, 40) * 0.7,
                  font=rnd.choice("FG"))
        chars.append(c)
        if rnd.random() < 0.3:
            chars.append({**c, "doctop": c["doctop"] + rnd.uniform(-1.2, 1.2), "x0": c["x0"] + rnd.uniform(-1.2, 1.2)})
    rnd.shuffle(chars)
    assert [id(c) for c in dedupe_chars(chars)] == [id(c) for c in reference(chars)]


def _pages_with_objects(path):
    """The fixture's pdfplumber pages, each with the objects the pdfium reader gives it, deduplicated."""
    from extract.read.pdf import _deduped

    doc = pdfium.PdfDocument(str(path))
    pdf = pdfplumber.open(path)
    out = []
    for k, page in enumerate(pdf.pages):
        pdfium_page = doc[k]
        page._objects = objects(pdfium_page, page)
        pdfium_page.close()
        out.append(_deduped(page))
    return doc, pdf, out


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_cells_are_pdfplumbers_table_extract(path):
    """The table cells read_tables takes (each character's middle computed once) are pdfplumber's
    ``Table.extract()`` of the same tables, cell for cell."""
    from extract.read.tables import _SETTINGS, _extract

    doc, pdf, pages = _pages_with_objects(path)
    try:
        tables = 0
        for page in pages:
            mids = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in page.chars]
            for tb in page.find_tables(_SETTINGS):
                tables += 1
                assert _extract(tb, mids) == tb.extract()
        if not tables:
            pytest.skip("no ruled table in this file")
    finally:
        pdf.close()
        doc.close()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_a_page_skipped_by_the_table_finder_has_no_table(path):
    """read_tables skips the finder on a page with no ruling line or no digit; on every page of
    the real PDFs the finder, run anyway, finds no table that read_tables would keep there."""
    from extract.read import tables as T

    doc, pdf, pages = _pages_with_objects(path)
    try:
        skipped = 0
        for number, page in enumerate(pages, start=1):
            text = page.extract_text(y_tolerance=5) or ""
            if T._may_hold_tables(page, text):
                continue
            skipped += 1
            kept = [tb for tb in page.find_tables(T._SETTINGS)
                    if len(tb.extract()) >= 2 and any(T.NUMBER.match(T.clean_cell(c)) for r in tb.extract() for c in r)]
            assert kept == [], number
    finally:
        pdf.close()
        doc.close()


class _Page:
    def __init__(self, **objs):
        self.objects = objs


@pytest.mark.parametrize("objs,text,may", [
    pytest.param({"line": [{}]}, "合计 1,250.00", True, id="ruled-with-figures"),
    pytest.param({"rect": [{}]}, "支出 ３ 万元", True, id="full-width-digit"),
    pytest.param({"curve": [{}]}, "12", True, id="curves-only"),
    pytest.param({}, "合计 1,250.00", False, id="no-ruling-line"),
    pytest.param({"line": [], "rect": []}, "合计 1,250.00", False, id="empty-lists"),
    pytest.param({"line": [{}]}, "部门职责与机构设置", False, id="no-digit"),
    pytest.param({"image": [{}]}, "1 2 3", False, id="an-image-is-no-ruling"),
])
def test_may_hold_tables(objs, text, may):
    from extract.read.tables import _may_hold_tables

    assert _may_hold_tables(_Page(**objs), text) is may
