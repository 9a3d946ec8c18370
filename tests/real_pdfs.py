"""The real PDFs the reader's equality tests run on, and their pages as read_pdf reads them."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from extract.read.pdf import _deduped
from extract.read.pdfium import objects

ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "real"
FIXTURES = sorted((ROOT / "tests" / "fixtures").rglob("*.pdf"))
#: fixtures, corpus/ and ../shared/corpus/real when present
PDFS = FIXTURES + sorted((ROOT / "corpus").glob("*.pdf")) + (sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else [])


def pdfium_pages(path: Path) -> Iterator[Any]:
    """Every page of the file as a deduplicated pdfplumber page, as read_pdf reads it: with
    pdfium's objects where the page is not rotated (pdfminer's where it is)."""
    doc = pdfium.PdfDocument(str(path))
    pdf = pdfplumber.open(path)
    try:
        for k, page in enumerate(pdf.pages):
            if page.rotation == 0:
                pdfium_page = doc[k]
                page._objects = objects(pdfium_page, page)
                pdfium_page.close()
            yield _deduped(page)
    finally:
        pdf.close()
        doc.close()
