"""Damaged PDFs (issue 27) and size limits checked before the work (issue 28).

Each variant of tests/damage.py is made from a real PDF (page excerpts in fixtures/pdf and one
whole report of ../shared/corpus/real) and read as the batch reads it. For every variant:

- it is read within the per-document limit (plus a margin for a busy machine);
- it is never ``ok`` with more pages or facts than its original;
- a variant whose facts differ from its original's (data lost, or garbage read) is not ``ok``;
- its facts carry the page they came from.

The full set (285 variants of the 19 real reports, in one batch) is benchmarks/damaged.py.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from extract.find.facts import document_facts
from extract.read import pdf as pdf_module
from extract.read.ingest import Limits, read_report
from extract.rules import load_rules

from .damage import KINDS, damage, many_pages, twin_pages, variants

HERE = Path(__file__).parent
REAL = HERE.parent.parent / "shared" / "corpus" / "real"
# small files of different makers: pypdf-cut excerpts (one xref table) and one report as published
SOURCES = [
    HERE / "fixtures" / "pdf" / "sh_putuo_sfj_2026_unit_budget_p11-12.pdf",
    HERE / "fixtures" / "pdf" / "js_prov_court_2017_dept_budget_p15-16-17.pdf",
    HERE / "fixtures" / "pdf" / "js_prov_party_office_2017_dept_budget_p6-7.pdf",
    REAL / "js_hongze_2024_xxgk_annual_report.pdf",
]
SOURCES = [p for p in SOURCES if p.exists()]
#: the per-document limit of these tests: a few times what the slowest original takes here
LIMIT = 20.0
MARGIN = 5.0


def _read(path: Path) -> tuple[float, object, list]:
    started = time.monotonic()
    doc = read_report(path, limits=Limits(seconds=LIMIT))
    facts = document_facts(doc, load_rules()) if doc.text else []
    return time.monotonic() - started, doc, facts


def _key(facts: list) -> Counter:
    return Counter((f.page, f.text, str(f.value)) for f in facts)


@pytest.fixture(scope="module")
def originals() -> dict[str, tuple[object, list]]:
    out = {}
    for src in SOURCES:
        _, doc, facts = _read(src)
        assert doc.status == "ok", (src.name, doc.error)  # the originals are sound
        out[src.name] = (doc, facts)
    return out


CASES = [pytest.param(src, kind, id=f"{src.stem[:24]}-{kind}") for src in SOURCES for kind in KINDS]


@pytest.mark.parametrize("src,kind", CASES)
def test_damaged_variant(src: Path, kind: str, originals, tmp_path: Path):
    path = tmp_path / f"{src.stem}.pdf"
    path.write_bytes(damage(src.read_bytes(), kind))
    seconds, doc, facts = _read(path)
    orig_doc, orig_facts = originals[src.name]
    assert seconds < LIMIT + MARGIN, f"{seconds:.1f} s"
    if doc.status == "ok":
        assert len(doc.pages) <= len(orig_doc.pages) and len(facts) <= len(orig_facts)
        # nothing lost and nothing garbled: the same facts on the same pages
        assert _key(facts) == _key(orig_facts), doc.error
    else:
        assert doc.status in ("partial", "error", "empty", "no_text_layer", "too_large", "encrypted")
        assert doc.error  # the reason is given
    for f in facts:  # a fact keeps its page, one of the pages read
        assert f.page is not None and 1 <= f.page <= len(doc.pages)


def test_the_generator_is_deterministic_and_damages():
    data = SOURCES[0].read_bytes()
    first, again = dict(variants(data, seed=3)), dict(variants(data, seed=3))
    assert first == again
    assert all(v != data for v in first.values())
    assert dict(variants(data, seed=4))["flip_20"] != first["flip_20"]
    assert len(first["truncated_50"]) == len(data) * 50 // 100
    assert len(first["zeroed_4k"]) == len(data) and first["zeroed_4k"].count(bytes(4096)) >= 1


@pytest.mark.parametrize("kind,data,want", [
    pytest.param("length_negative", b"<< /Length 345 >> << /Length 12 0 R >>", b"<< /Length -1  >> << /Length 12 0 R >>",
                 id="a-direct-length-only"),
    pytest.param("length_huge", b"<</Length 7>>", b"<</Length 999999999>>", id="huge-length"),
    pytest.param("count_2e9", b"/Type /Pages /Count 26", b"/Type /Pages /Count 2000000000", id="page-count"),
    pytest.param("no_eof", b"startxref\n9\n%%EOF\n", b"startxref\n9\n     \n", id="eof-marker"),
    pytest.param("wrong_filter", b"/Filter /FlateDecode", b"/Filter /LZWDecode  ", id="filter-name"),
    pytest.param("zeroed_4k", b"s stream\n" + b"x" * 9000 + b"\nendstream\nendobj\n1 0 obj stream\nyy\nendstream",
                 b"s stream\n" + b"x" * 2452 + bytes(4096) + b"x" * 2452 + b"\nendstream\nendobj\n1 0 obj stream\nyy\nendstream",
                 id="middle-of-the-largest-stream"),
])
def test_each_kind_of_damage_edits_what_it_names(kind: str, data: bytes, want: bytes):
    assert damage(data, kind) == want


# --- repairs: each is named in the document's error -------------------------------------------

def test_a_damaged_stream_is_partial_with_its_pages():
    """One flipped byte inside page content: pdfium reads what it can without a word; the zlib
    check of the page's streams says which pages lost data."""
    src = HERE / "fixtures" / "pdf" / "js_prov_court_2017_dept_budget_p15-16-17.pdf"
    doc = read_report(_tmp(src, "flip_20"))
    assert doc.status == "partial" and "damaged streams (data lost) on pages" in doc.error


def test_a_rebuilt_cross_reference_table_is_partial():
    src = HERE / "fixtures" / "pdf" / "sh_putuo_sfj_2026_unit_budget_p11-12.pdf"
    doc = read_report(_tmp(src, "length_huge"))  # every offset after the first stream moved
    assert doc.status == "partial" and "cross-reference table rebuilt" in doc.error


def test_two_pages_drawing_the_same_content_are_read_once():
    doc = read_pdf_bytes(twin_pages())
    assert doc.status == "partial" and "duplicate of page 1 on pages 2" in doc.error
    assert doc.text.count("1250.50") == 1  # read on page 1 only (printed twice at one place: one glyph run)
    assert [p.page for p in doc.pages] == [1, 2] and doc.pages[1].start == doc.pages[1].end


def test_blank_pages_sharing_an_empty_content_stream_are_not_duplicates():
    one = many_pages(2).replace(b"/MediaBox [0 0 595 842] >>", b"/MediaBox [0 0 595 842] /Contents 5 0 R >>")
    doc = read_pdf_bytes(one.replace(b"trailer", b"5 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\ntrailer"))
    assert "duplicate" not in (doc.error or "")


def _deflated(n: int, seed: int) -> bytes:
    import random
    import zlib

    rng = random.Random(seed)
    return zlib.compress(bytes(rng.randrange(256) for _ in range(n)) + b"text " * n)


def _outcome(fn, data: bytes) -> object:
    import zlib

    try:
        return fn(data)
    except zlib.error:
        return "zlib.error"


def _zeroed(data: bytes, at: float, n: int) -> bytes:
    k = int(len(data) * at)
    return data[:k] + bytes(min(n, len(data) - k)) + data[k + n:]


def _flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x5A]) + data[at + 1:]


@pytest.mark.parametrize("data", [
    pytest.param(_deflated(3000, 1), id="intact"),
    pytest.param(_flipped(_deflated(3000, 2), -2), id="checksum-byte"),
    pytest.param(_flipped(_deflated(3000, 3), -4), id="first-checksum-byte"),
    pytest.param(_deflated(3000, 4)[:-3], id="checksum-cut"),
    pytest.param(_deflated(3000, 5)[:-40], id="cut-inside"),
    pytest.param(_zeroed(_deflated(200_000, 6), 0.5, 4096), id="zeroed-4k-middle"),
    pytest.param(_zeroed(_deflated(200_000, 7), 0.9, 64), id="zeroed-64-late"),
    pytest.param(_flipped(_deflated(200_000, 8), 70_000), id="flip-at-a-block-boundary"),
    pytest.param(b"not deflate at all", id="garbage"),
])
def test_repair_of_a_damaged_stream_returns_what_pdfminers_does(data: bytes):
    """The linear repair returns pdfminer's bytes (or raises where it raises)."""
    pdf_module._bound_decompression()
    assert _outcome(pdf_module._decompress_corrupted, data) == _outcome(pdf_module.pdfminer_decompress_corrupted, data)


def test_repair_of_a_damaged_stream_is_linear(monkeypatch):
    """8 MB of output before a bad checksum: pdfminer fed zlib one byte at a time and appended each
    byte's output to a growing ``bytes`` (quadratic: minutes for a font of a few MB). Counted, not
    timed: the repair calls zlib once per 64 KB block, byte by byte only inside the failing block."""
    import zlib

    calls = [0]

    class Counting:
        def __init__(self, inner):
            self.inner = inner

        def decompress(self, data):
            calls[0] += 1
            return self.inner.decompress(data)

        def copy(self):
            return Counting(self.inner.copy())

    plain = b"".join(b"%08d glyph outline " % k for k in range(400_000))
    packed = bytearray(zlib.compress(plain))
    packed[-1] ^= 0xFF
    original = zlib.decompressobj
    monkeypatch.setattr(pdf_module.zlib, "decompressobj", lambda: Counting(original()))
    out = pdf_module._decompress_corrupted(bytes(packed))
    assert out == plain
    blocks = len(packed) // (1 << 16) + 1
    assert calls[0] <= blocks + (1 << 16) < len(packed)  # pdfminer: one call per byte of the stream


# --- size limits before the work (issue 28) -----------------------------------------------------

def test_200000_empty_pages_are_too_large_before_any_page_is_read(tmp_path: Path, monkeypatch):
    path = tmp_path / "many.pdf"
    path.write_bytes(many_pages(200_000))
    from pdfminer.pdfpage import PDFPage

    def enumerated(*args, **kwargs):  # was 47 s and 970 MB: every page enumerated first
        raise AssertionError("pages enumerated before the page limit was checked")

    monkeypatch.setattr(PDFPage, "create_pages", enumerated)
    doc = read_report(path, limits=Limits(pages=3_000))
    assert doc.status == "too_large" and "200000 pages" in doc.error


def test_the_page_limit_holds_when_pdfium_cannot_open_the_file(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(pdf_module, "_pdfium_document", lambda data: None)
    path = tmp_path / "many.pdf"
    path.write_bytes(many_pages(20_000))
    doc = read_report(path, limits=Limits(pages=3_000))
    assert doc.status == "too_large" and "declares 20000 pages" in doc.error


def test_a_file_within_the_page_limit_is_read(tmp_path: Path):
    path = tmp_path / "few.pdf"
    path.write_bytes(many_pages(3))
    doc = read_report(path, limits=Limits(pages=3))
    assert doc.status == "empty" and len(doc.pages) == 3  # blank pages: read, nothing in them


def _tmp(src: Path, kind: str) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="damaged_"))
    path = folder / f"{src.stem}-{kind}.pdf"
    path.write_bytes(damage(src.read_bytes(), kind))
    return path


def read_pdf_bytes(data: bytes):
    return pdf_module.read_pdf(data, doc_id="d", path="d.pdf", sha256="")


# --- the time limit is never swallowed by a reader's fallback (issue 27) ---------------------------

class _Limit(BaseException):
    """What the batch's time limit raises (a BaseException: ``except Exception`` cannot catch it)."""


def _fires(*args, **kwargs):
    raise _Limit()


COURT = HERE / "fixtures" / "pdf" / "js_prov_court_2017_dept_budget_p15-16-17.pdf"


@pytest.mark.parametrize("target", [
    pytest.param("pdfminer.pdfinterp.PDFResourceManager.get_font", id="font-metrics-fallback"),
    pytest.param("extract.read.pdfium.objects", id="pdfium-page-fallback"),
    pytest.param("pypdfium2.PdfDocument", id="pdfium-open-fallback"),
    pytest.param("extract.read.pdfium.intact", id="stream-check"),
])
def test_a_limit_fired_inside_a_fallback_is_not_swallowed(target: str, monkeypatch):
    """Each place a reader falls back on ``except Exception`` (Metrics to pdfium's metrics, a page
    to pdfminer, the file to pdfminer) lets the limit through."""
    monkeypatch.setattr(target, _fires)
    with pytest.raises(_Limit):
        pdf_module.read_pdf(COURT.read_bytes(), doc_id="d", path="d.pdf", sha256="", reader="pdfium")
