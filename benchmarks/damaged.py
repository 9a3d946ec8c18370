"""Issue 27: a batch of damaged PDFs finishes within its time budget and never passes damage as ``ok``.

    python benchmarks/damaged.py [--jobs 2] [--timeout 30] [--seed 27] [--keep DIR]

Makes the 15 variants of tests/damage.py of every real PDF in ../shared/corpus/real (19 files:
285 variants), reads them in one ``reportfacts run --jobs N --timeout T`` (a fresh process, a
fresh dataset) beside the originals, and prints the wall time, the peak memory of the run, the
status counts, and the variants ``ok`` with another number of facts than their original. It fails
(exit 1) when the batch takes longer than files × timeout / jobs, or a variant is ``ok`` with
more pages or another number of facts than its original.
"""
from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.damage import variants  # noqa: E402  (the generator the tests use)

REAL = ROOT.parent / "shared" / "corpus" / "real"


def build(folder: Path, seed: int) -> int:
    """Originals in folder/original, variants in folder/damaged; the number of variants."""
    n = 0
    (folder / "original").mkdir(parents=True)
    (folder / "damaged").mkdir()
    for src in sorted(REAL.glob("*.pdf")):
        data = src.read_bytes()
        (folder / "original" / src.name).write_bytes(data)
        for kind, damaged in variants(data, seed):
            (folder / "damaged" / f"{src.stem}__{kind}.pdf").write_bytes(damaged)
            n += 1
    return n


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def report(out: Path) -> tuple[int, list[str]]:
    """Print the status counts of the variants (``stem__kind`` beside the original ``stem``) in the
    dataset ``out``; (rows, variants ``ok`` with more pages or another number of facts)."""
    docs = _rows(out / "documents.csv")
    facts = Counter(r["doc_id"] for r in _rows(out / "facts.csv"))
    by_id = {r["doc_id"]: r for r in docs}
    variants_ = [r for r in docs if "__" in r["doc_id"]]
    print(f"{len(variants_)} variants of {len(docs) - len(variants_)} PDFs: {len(docs)} rows")
    print("variants by status:", ", ".join(f"{k} {v}" for k, v in Counter(r["status"] for r in variants_).most_common()))
    kinds: dict[str, Counter[str]] = {}
    bad = []
    for r in variants_:
        stem, kind = r["doc_id"].rsplit("__", 1)
        kinds.setdefault(kind, Counter())[r["status"]] += 1
        orig = by_id.get(stem)
        if r["status"] == "ok" and orig is not None and (
                int(r["pages"] or 0) > int(orig["pages"] or 0) or facts[r["doc_id"]] != facts[stem]):
            bad.append(f"{r['doc_id']}: ok with {r['pages']} pages, {facts[r['doc_id']]} facts "
                       f"(original {orig['pages']}, {facts[stem]})")
    for kind, c in sorted(kinds.items()):
        print(f"  {kind:16} " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    return len(docs), bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per document (--timeout of the run)")
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--keep", type=Path, help="build the files and the dataset here (kept) instead of a temp folder")
    ap.add_argument("--report", type=Path, metavar="DATASET", help="only print the counts of a dataset made before")
    args = ap.parse_args()
    if args.report is not None:
        return 1 if report(args.report)[1] else 0
    tmp = None
    if args.keep is None:
        tmp = tempfile.TemporaryDirectory(prefix="damaged_")
        folder = Path(tmp.name)
    else:
        folder = args.keep
    n = build(folder, args.seed)
    files = n + len(list((folder / "original").glob("*.pdf")))
    out = folder / "dataset"
    cmd = [str(Path(sys.executable).parent / "reportfacts"), "run", str(folder / "original"), str(folder / "damaged"),
           "-o", str(out), "--jobs", str(args.jobs), "--timeout", f"{args.timeout:g}"]
    started = time.monotonic()
    run = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    budget = files * args.timeout / args.jobs
    print(f"wall time {seconds:.0f} s (budget files x timeout / jobs = {files} x {args.timeout:g} / {args.jobs} "
          f"= {budget:.0f} s), peak RSS of one process {peak_mb:.0f} MB, exit {run.returncode}")
    rows, bad = report(out)
    for line in bad:
        print("  OK BUT DIFFERENT:", line)
    if run.returncode not in (0, 1):
        print(run.stderr[-2000:])
    failed = seconds > budget or bad or rows != files
    if tmp is not None:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
