"""Pages per second of PDF ingestion, and where the time goes.

    python benchmarks/pdf_pages.py

Reads the PDFs of ../shared/corpus/real when present (else corpus/ and tests/fixtures/pdf)
and times, per file: pdfplumber's extract_text alone, our read_pdf (text, tables, their
cell positions), and fact extraction on the result.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pdfs() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus" / "real"
    if shared.is_dir():
        return sorted(shared.glob("*.pdf"))
    return sorted((ROOT / "corpus").glob("*.pdf")) + sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))


def main() -> None:
    import pdfplumber

    from extract.facts import document_facts
    from extract.pdf import read_pdf
    from extract.rules import load_rules

    rules = load_rules()
    pages = 0
    t_text = t_read = t_facts = 0.0
    for path in pdfs():
        data = path.read_bytes()
        t0 = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
            n = len(pdf.pages)
        t1 = time.perf_counter()
        doc = read_pdf(data, doc_id=path.stem, path=str(path), sha256="")
        t2 = time.perf_counter()
        document_facts(doc, rules)
        t3 = time.perf_counter()
        pages += n
        t_text += t1 - t0
        t_read += t2 - t1
        t_facts += t3 - t2
        print(f"  {path.stem:45s} {n:3d} pages  text {n / (t1 - t0):5.1f} p/s  read_pdf {n / (t2 - t1):5.1f} p/s"
              f"  facts {(t3 - t2) * 1000:6.0f} ms  tables {len(doc.tables)}")
    total = t_read + t_facts
    print(f"{pages} pages: pdfplumber extract_text alone {pages / t_text:.1f} pages/s; "
          f"reportfacts end to end {pages / total:.1f} pages/s")
    print(f"  time: read_pdf {t_read:.1f} s ({100 * t_read / total:.0f}%), facts+tables {t_facts:.1f} s "
          f"({100 * t_facts / total:.0f}%)")


if __name__ == "__main__":
    main()
