"""Pages per CPU-second of PDF reading, whole processes side by side with plain pdfplumber.

    python benchmarks/pdf_pages.py [--jobs 1 2] [--tree DIR] [--per-file] [--stages]

Reads the PDFs of ../shared/corpus/real when present (else corpus/ and tests/fixtures/pdf), each a
distinct document. Every measure is a process of its own, timed by the CPU it and its children
used (``resource.getrusage(RUSAGE_CHILDREN)``: user + system, start-up included) and by the wall
clock (unreliable on a loaded machine, shown for completeness):

- ``pdfplumber extract_text``: ``pdfplumber.open`` and ``page.extract_text()`` of every page, the
  peer the speed goal is set against (issue 26: ``--jobs 1`` at 3x its pages per CPU-second);
- ``reportfacts run --jobs N`` on the PDFs alone (pages, tables, facts, checks, the dataset
  written), with the default (pdfium) reader, and ``--jobs 1`` with ``--pdf-reader pdfminer``.

``--tree DIR`` runs ``reportfacts`` from another copy of the package (``git archive HEAD`` unpacked
there) to compare before and after a change on the same machine at the same time. ``--per-file``
adds the older in-process table: read_pdf with each reader, per file. ``--stages`` prints only
where read_pdf's CPU goes, stage by stage (pdfium's characters, paths, the table finder, the text
layer, ...), in this process. Speed is never asserted in a test.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_PLAIN = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
"""


def pdfs() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus" / "real"
    if shared.is_dir():
        return sorted(shared.glob("*.pdf"))
    return sorted((ROOT / "corpus").glob("*.pdf")) + sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))


def timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of running ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def page_count(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        doc = pdfium.PdfDocument(str(p))
        total += len(doc)
        doc.close()
    return total


def per_file(paths: list[Path]) -> None:
    """The older in-process table: read_pdf per file with each reader (CPU seconds)."""
    from extract.read.pdf import read_pdf

    for path in paths:
        data = path.read_bytes()
        cpu = {}
        for reader in ("pdfium", "pdfminer"):
            t = time.process_time()
            doc = read_pdf(data, doc_id=path.stem, path=str(path), sha256="", reader=reader)
            cpu[reader] = time.process_time() - t
        n = len(doc.pages)
        print(f"  {path.stem:45s} {n:3d} pages  read_pdf pdfium {n / cpu['pdfium']:6.1f} p/CPU-s, "
              f"pdfminer {n / cpu['pdfminer']:5.1f} p/CPU-s  tables {len(doc.tables)}")


def stages(paths: list[Path]) -> None:
    """Where read_pdf's CPU goes, by stage (each stage's own time, its wrapped callees' left out),
    in this process: ``time.process_time`` around the reader's functions."""
    import functools

    import extract.read.pdf as P
    import extract.read.pdfium as F
    import extract.read.tables as T

    spent: dict[str, float] = {}
    stack: list[float] = []

    def wrap(module: object, name: str, label: str) -> None:
        f = getattr(module, name, None)
        if f is None:  # a stage this copy of the package does not have
            return

        @functools.wraps(f)
        def timed_call(*args: object, **kwargs: object) -> object:
            t = time.process_time()
            stack.append(0.0)
            try:
                return f(*args, **kwargs)
            finally:
                dt = time.process_time() - t
                inner = stack.pop()
                spent[label] = spent.get(label, 0.0) + dt - inner
                if stack:
                    stack[-1] += dt

        setattr(module, name, timed_call)

    for module, name, label in [
        (F, "_chars", "pdfium characters -> pdfplumber dicts"), (F, "Metrics", "pdfminer fonts (widths, descent)"),
        (F, "_paths", "pdfium paths"), (F, "_shape_object", "path objects"), (F, "objects", "objects, rest"),
        (P, "_deduped", "dedupe_chars"), (P, "_damaged_streams", "damaged-stream check"),
        (P, "_from_pdfium", "pdfium page load"), (P, "_page_text", "page text"),
        (T, "find_tables", "table finder"), (T, "_extract", "cell text"),
        (T, "read_tables", "tables, rest (words, rows, captions)"),
        (P, "read_pdf", "read_pdf, rest (pdfminer's page tree, pages)"),
    ]:
        wrap(module, name, label)
    datas = [(p, p.read_bytes()) for p in paths]
    P.read_pdf(datas[0][1], "warm-up", "", "")
    spent.clear()
    t = time.process_time()
    pages = sum(len(P.read_pdf(data, p.stem, str(p), "").pages) for p, data in datas)
    total = time.process_time() - t
    print(f"read_pdf, {pages} pages in this process: {total:.2f} CPU s ({pages / total:.1f} pages/CPU-s)")
    for label, cpu in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:48s} {cpu:6.2f} s {100 * cpu / total:5.1f} %")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--tree", type=Path, help="run reportfacts from this copy of the package instead")
    ap.add_argument("--no-pdfminer", action="store_true", help="skip the (slow) --pdf-reader pdfminer run")
    ap.add_argument("--per-file", action="store_true", help="also read_pdf per file, in this process")
    ap.add_argument("--stages", action="store_true",
                    help="only where read_pdf's CPU goes, by stage, in this process (with --tree: that copy's)")
    args = ap.parse_args()
    paths = pdfs()
    if args.stages:
        if args.tree:
            sys.path.insert(0, str(args.tree.resolve()))
        stages(paths)
        return
    pages = page_count(paths)
    env = dict(os.environ)
    if args.tree:
        env["PYTHONPATH"] = str(args.tree.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "extract"]
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        for p in paths:
            shutil.copy(p, folder / p.name)
        files = sorted(str(p) for p in folder.iterdir())
        rows.append(("pdfplumber extract_text", *timed([sys.executable, "-c", _PLAIN, *files])))
        runs = [(jobs, "pdfium") for jobs in args.jobs]
        if not args.no_pdfminer:
            runs.append((1, "pdfminer"))
        for jobs, reader in runs:
            out = Path(tmp) / f"out{jobs}{reader}"
            run = [*cmd, "run", str(folder), "-o", str(out), "--jobs", str(jobs), "--pdf-reader", reader, "-q"]
            # run from the temporary folder: ``python -m`` puts the working directory first on the
            # path, before --tree's copy
            rows.append((f"reportfacts run --jobs {jobs} --pdf-reader {reader}", *timed(run, env, Path(tmp))))
    base = pages / rows[0][2]
    print(f"{len(paths)} PDFs, {pages} pages" + (f"; reportfacts from {args.tree}" if args.tree else ""))
    print(f"{'':44s} {'wall s':>8s} {'CPU s':>8s} {'pages/CPU-s':>12s} {'vs pdfplumber':>14s}")
    for name, wall, cpu in rows:
        print(f"{name:44s} {wall:8.1f} {cpu:8.1f} {pages / cpu:12.1f} {pages / cpu / base:13.2f}x")
    if args.per_file:
        per_file(paths)


if __name__ == "__main__":
    main()
