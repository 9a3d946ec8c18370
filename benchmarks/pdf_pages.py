"""Pages per second of PDF ingestion with each page reader, and end to end with worker processes.

    python benchmarks/pdf_pages.py [--jobs 1 2]

Reads the PDFs of ../shared/corpus/real when present (else corpus/ and tests/fixtures/pdf).
Per file, one process: pdfplumber's extract_text alone (its pdfminer interpreter), then our
read_pdf (text, tables, their cell positions) with the pdfium and the pdfminer reader, then
fact extraction. Then `reportfacts run` on the PDFs alone with --jobs N: pages/s end to end.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    import pdfplumber

    from extract.find.facts import document_facts
    from extract.read.pdf import read_pdf
    from extract.rules import load_rules

    rules = load_rules()
    pages = 0
    t_text = t_facts = 0.0
    t_read = {"pdfium": 0.0, "pdfminer": 0.0}
    for path in pdfs():
        data = path.read_bytes()
        t0 = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
            n = len(pdf.pages)
        t_text += time.perf_counter() - t0
        per = {}
        for reader in t_read:
            t = time.perf_counter()
            doc = read_pdf(data, doc_id=path.stem, path=str(path), sha256="", reader=reader)
            per[reader] = time.perf_counter() - t
            t_read[reader] += per[reader]
        t = time.perf_counter()
        document_facts(doc, rules)
        t_facts += time.perf_counter() - t
        pages += n
        print(f"  {path.stem:45s} {n:3d} pages  read_pdf pdfium {n / per['pdfium']:6.1f} p/s, "
              f"pdfminer {n / per['pdfminer']:5.1f} p/s  tables {len(doc.tables)}")
    print(f"{pages} pages, one process: pdfplumber extract_text alone {pages / t_text:.1f} pages/s")
    for reader, t in t_read.items():
        print(f"  read_pdf --pdf-reader {reader:8s} {pages / t:6.1f} pages/s; with facts and tables "
              f"{pages / (t + t_facts):6.1f} pages/s")
    exe = ROOT / ".venv" / "bin" / "reportfacts"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "extract"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        for p in pdfs():
            shutil.copy(p, folder / p.name)
        for jobs in args.jobs:
            for reader in ("pdfium", "pdfminer"):
                t = time.perf_counter()
                subprocess.run([*cmd, "run", str(folder), "-o", str(Path(tmp) / f"out{jobs}{reader}"), "--jobs",
                                str(jobs), "--pdf-reader", reader, "-q"], check=True, stdout=subprocess.DEVNULL)
                dt = time.perf_counter() - t
                print(f"reportfacts run --jobs {jobs} --pdf-reader {reader}: {pages} pages in {dt:.1f} s, "
                      f"{pages / dt:.1f} pages/s end to end (start-up, checks and store included)")


if __name__ == "__main__":
    main()
