"""Issue 27's first point: the per-document time limit cannot be caught by library code. A reader's
fallback that catches every Exception (pdfium.py falls back to pdfminer's metrics after a damaged
font stream) used to swallow the limit, and the document ran on and came back ``ok``."""
from __future__ import annotations

import time
from pathlib import Path

import extract.batch as batch
from extract.read.ingest import Entry, Limits


def _reader_that_swallows_everything(*args, **kwargs):
    try:
        time.sleep(30)  # a byte-at-a-time decompression of a damaged stream
    except Exception:  # noqa: BLE001 - as a library's broad fallback does
        pass
    raise AssertionError("the limit was swallowed")


def test_a_limit_fired_inside_a_broad_except_still_ends_as_timeout(monkeypatch, tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text("收入100万元。", encoding="utf-8")
    monkeypatch.setattr(batch, "read_report", _reader_that_swallows_everything)
    started = time.monotonic()
    row, facts, checks = batch._work(Entry(report, "r"), None, Limits(seconds=1))
    assert row["status"] == "timeout" and facts == [] and checks == []
    assert time.monotonic() - started < 10


def test_page_lookups_are_one_bisect_over_a_list_built_once():
    """Issue 28: at 3,000 pages a page lookup hashed every page per call (O(facts × pages))."""
    from extract.records import Document, PageSpan

    pages = tuple(PageSpan(page=i + 1, start=i * 10, end=i * 10 + 10) for i in range(3000))
    doc = Document(doc_id="d", path="", format="pdf", text="x" * 30000, pages=pages)
    assert doc.page_at(0) == 1 and doc.page_at(29_995) == 3000 and doc.page_at(30_000) is None
    built = doc._page_starts
    for offset in range(0, 30_000, 7):
        doc.page_at(offset)
    assert doc._page_starts is built  # the same list: built once, never rebuilt or re-hashed per call
