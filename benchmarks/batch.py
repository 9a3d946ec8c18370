"""Batch runs at growing corpus sizes: docs/s, MB/s and peak memory for the local and the Dask
engine, to show that memory stays flat as the corpus grows (documents stream into the store).

    python benchmarks/batch.py [--sizes 1000 10000] [--engines local dask] [--jobs 2]

The corpus is generated from real report texts (../shared/corpus/dev and the seed when present,
else corpus/): each document is one of them with a line of its own, so every file is distinct.
Each run is `reportfacts run` in a fresh process, into a fresh dataset.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted((shared / "dev").glob("*.txt")) + [shared / "changning-kexie-2021.txt"] if shared.is_dir() \
        else sorted((ROOT / "corpus").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files if f.exists()]


def build(folder: Path, n: int) -> int:
    texts = sources()
    size = 0
    for k in range(n):
        sub = folder / f"{k // 1000:03d}"
        sub.mkdir(exist_ok=True)
        data = (texts[k % len(texts)] + f"\n（第{k}份）\n").encode("utf-8")
        (sub / f"doc{k:06d}.txt").write_bytes(data)
        size += len(data)
    return size


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dt, max(after, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--engines", nargs="+", default=["local", "dask"])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    exe = str(Path(sys.executable).parent / "reportfacts")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            size = build(corpus, n)
            for engine in args.engines:
                out = Path(tmp) / f"out-{engine}"
                # each measurement in a fresh interpreter, so ru_maxrss is this run's peak alone
                probe = [sys.executable, "-c",
                         "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
                         "stdout=subprocess.DEVNULL); "
                         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)",
                         exe, "run", str(corpus), "-o", str(out), "--engine", engine, "--jobs", str(args.jobs), "-q"]
                t = time.perf_counter()
                res = subprocess.run(probe, check=True, capture_output=True, text=True)
                dt = time.perf_counter() - t
                peak = float(res.stdout.strip().splitlines()[-1])
                print(f"{engine:5} {n:6} docs, {size / 1e6:6.1f} MB: {dt:7.1f} s, {n / dt:6.1f} docs/s, "
                      f"{size / 1e6 / dt:5.2f} MB/s, peak RSS of one process {peak:5.0f} MB", flush=True)


if __name__ == "__main__":
    main()
