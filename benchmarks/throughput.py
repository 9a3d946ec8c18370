"""Throughput of `reportfacts run` on a >= 10 MB text corpus, and peak memory.

    python benchmarks/throughput.py [--mb 10]

Builds the corpus by repeating the real report texts (../shared/corpus when present,
else corpus/), runs the CLI on it in a subprocess, and prints MB/s, docs/s and the peak
resident memory of that process. Then profiles the stages in-process on one copy.
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


def sources() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        files = [shared / "changning-kexie-2021.txt", *sorted((shared / "real").glob("*.txt"))]
    else:
        files = sorted((ROOT / "corpus").glob("*.txt"))
    return [f for f in files if f.exists()]


def build(folder: Path, mb: float) -> tuple[int, int]:
    files = sources()
    size = docs = 0
    k = 0
    while size < mb * 1_000_000:
        for f in files:
            dst = folder / f"{f.stem}__{k:03d}.txt"
            # a line of its own: identical files would be read once (as duplicates)
            dst.write_bytes(f.read_bytes() + f"\n（副本{k}）\n".encode("utf-8"))
            size += dst.stat().st_size
            docs += 1
        k += 1
    return size, docs


def stages() -> None:
    sys.path.insert(0, str(ROOT))
    import extract
    from extract.facts import document_facts
    from extract.ingest import read_report
    from extract.normalize import normalize
    from extract.rules import load_rules
    from extract.validate import check_facts

    from extract.labels import _jieba

    rules = load_rules()
    _jieba()  # dictionary load (~1 s) is a one-off per process, not a per-MB cost
    docs = [read_report(f) for f in sources()]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    t0 = time.perf_counter()
    for d in docs:
        normalize(d.text, rules)
    t1 = time.perf_counter()
    facts = [f for d in docs for f in document_facts(d, rules)]
    t2 = time.perf_counter()
    df = extract.api.facts_frame(facts)
    t3 = time.perf_counter()
    check_facts(df, rules)
    t4 = time.perf_counter()
    print(f"stages on {mb:.2f} MB ({len(docs)} docs, {len(facts)} facts):")
    print(f"  normalize          {mb / (t1 - t0):8.2f} MB/s")
    print(f"  extract (all)      {mb / (t2 - t1):8.2f} MB/s   (normalize + outline + rules + labels + awards)")
    print(f"  facts -> DataFrame {mb / (t3 - t2):8.2f} MB/s")
    print(f"  validate           {mb / (t4 - t3):8.2f} MB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    exe = ROOT / ".venv" / "bin" / "reportfacts"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "extract.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        size, docs = build(corpus, args.mb)
        for jobs in ("1", "0"):
            t = time.perf_counter()
            # a fresh dataset each time: into an existing one, unchanged documents are not read again
            subprocess.run([*cmd, "run", str(corpus), "-o", str(out / f"jobs{jobs}"), "--jobs", jobs], check=True,
                           stdout=subprocess.DEVNULL)
            dt = time.perf_counter() - t
            # ru_maxrss of children is the largest single process: the parent, or one worker
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            label = "--jobs 1" if jobs == "1" else f"--jobs 0 ({os.cpu_count()} workers)"
            print(f"reportfacts run {label}: {size / 1e6:.1f} MB in {docs} docs, {dt:.1f} s")
            print(f"  {size / 1e6 / dt:.2f} MB/s, {docs / dt:.1f} docs/s, peak RSS of one process {peak:.0f} MB")
    stages()


if __name__ == "__main__":
    main()
