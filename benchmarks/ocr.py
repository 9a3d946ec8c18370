"""Pages per second of scanned-PDF reading (OCR), and how much of the text layer's figures it gives back.

    python benchmarks/ocr.py [--pages 12] [--dpi 150] [--threads 1]

Takes the first ``--pages`` pages of the real PDFs in ../shared/corpus/real (else tests/fixtures/pdf),
two pages a file (from the middle of each: the budget tables and their notes), renders each at ``--dpi`` to a grey JPEG and wraps them as an
image-only PDF, as a scanner would. Then, in one process, ``read_pdf`` of each scan (render, recognise,
pdfplumber's text and tables on the recognised characters) against ``read_pdf`` of the original: pages/s
of both (wall clock, and per second of CPU time: the figure that holds on a shared machine), the
recogniser's mean confidence, and the share of the text layer's amounts (value, page) the
scans give. ``--threads``: ONNX Runtime threads per recogniser (the batch runs one process per core).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from pdf_pages import pdfs  # noqa: E402 - the real PDFs, as the text-layer benchmark reads them


def scan(pdf: Path, out: Path, dpi: int, first: int, count: int) -> int:
    """Pages ``first`` … of ``pdf`` as an image-only PDF; the number of pages written."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = range(min(first, len(doc) - 1), min(first + count, len(doc)))
    images = [doc[k].render(scale=dpi / 72).to_pil().convert("L") for k in pages]
    doc.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=70)
    return len(images)


def cut(pdf: Path, out: Path, first: int, count: int) -> None:
    """The same pages with their text layer (pypdfium2 imports pages into a new document)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf)
    new = pdfium.PdfDocument.new()
    new.import_pages(src, list(range(min(first, len(src) - 1), min(first + count, len(src)))))
    new.save(out)


def amounts(doc) -> Counter:  # type: ignore[no-untyped-def]
    from extract.find.facts import document_facts

    return Counter((f.value, f.page) for f in document_facts(doc) if f.kind == "amount")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    os.environ["REPORTFACTS_OCR_THREADS"] = str(args.threads)
    from extract.read.ocr import _engine
    from extract.read.pdf import read_pdf

    t = time.perf_counter()
    _engine()
    print(f"recogniser loaded in {time.perf_counter() - t:.2f} s (once per process)")
    ocr_s = text_s = ocr_cpu = 0.0
    pages = 0
    want = got = 0
    confidences: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs():
            if pages >= args.pages:
                break
            n = min(2, args.pages - pages)
            scanned, original = Path(tmp) / f"scan-{pdf.name}", Path(tmp) / f"text-{pdf.name}"
            import pypdfium2 as pdfium

            middle = len(pdfium.PdfDocument(pdf)) // 2
            n = scan(pdf, scanned, args.dpi, middle, n)
            cut(pdf, original, middle, n)
            t = time.perf_counter()
            a = read_pdf(original.read_bytes(), pdf.stem, str(original), "")
            text_s += time.perf_counter() - t
            t, cpu = time.perf_counter(), time.process_time()
            b = read_pdf(scanned.read_bytes(), pdf.stem, str(scanned), "")
            took = time.perf_counter() - t
            ocr_s += took
            ocr_cpu += time.process_time() - cpu
            pages += n
            confidences += [line.confidence for line in b.ocr]
            wa, wb = amounts(a), amounts(b)
            hit = sum(min(k, wb[v]) for v, k in wa.items())
            want, got = want + sum(wa.values()), got + hit
            print(f"{pdf.name}: {n} pages, {took:.1f} s, amounts {hit}/{sum(wa.values())}, "
                  f"tables {len(b.tables)}/{len(a.tables)}")
    print(f"OCR: {pages} pages in {ocr_s:.1f} s = {pages / ocr_s:.2f} pages/s "
          f"(text layer: {pages / text_s:.1f} pages/s); {pages / ocr_cpu:.2f} pages per CPU second")
    print(f"mean confidence {sum(confidences) / max(len(confidences), 1):.4f}; "
          f"amounts of the text layer found (value and page): {got}/{want} = {got / max(want, 1):.1%}")


if __name__ == "__main__":
    main()
