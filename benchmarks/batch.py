"""Batch runs at growing corpus sizes: CPU per document, docs/s, MB/s and peak memory for the
local and the Dask engine, to show that memory stays flat as the corpus grows (documents stream
into the store) and what a run costs before its first document (the fixed cost).

    python benchmarks/batch.py [--sizes 1000 10000] [--engines local dask] [--jobs 2] [--fixed] [--tree DIR]

The corpus is generated from real report texts (../shared/corpus/dev and the seed when present,
else corpus/): each document is one of them with a line of its own, so every file is distinct.
Each run is `reportfacts run` in a fresh process, into a fresh dataset. CPU is that of the whole
process tree (the command and every worker it waited for: ``RUSAGE_CHILDREN`` of a probe process,
user + system), the measure a loaded 2-core machine does not distort as it does wall time.
CPU per document subtracts nothing: the fixed cost is printed on its own line (``--fixed``: a
run on one tiny file, ``--jobs 1`` and ``--jobs N``, and the import of the command alone).
``--tree DIR`` runs the package from another copy of it (``git archive HEAD`` unpacked there), to
measure before and after side by side.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the environment of every measured run (``--tree`` puts another copy of the package first)
ENV = dict(os.environ)

#: run in a fresh interpreter: the command's CPU (its whole tree) and peak RSS of its largest process
PROBE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
         "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)")


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


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the whole process tree, peak RSS MB of its largest process)."""
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", PROBE, *cmd], check=True, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - t
    cpu, peak = map(float, res.stdout.split())
    return wall, cpu, peak


def fixed_cost(exe: str, jobs: int, repeat: int) -> None:
    """CPU of a run on one tiny file (best of ``repeat``): what every run pays before its documents."""
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("2021年，本会共举办培训班3期，培训120人次，支出经费12.5万元。\n", encoding="utf-8")
        cases = [("import of the command (reportfacts --help)", [exe, "--help"])]
        for j in sorted({1, jobs}):
            cases.append((f"run on one tiny file, --jobs {j}",
                          [exe, "run", str(tiny), "-o", "", "--jobs", str(j), "-q"]))
        for what, cmd in cases:
            best = None
            for r in range(repeat):
                c = [x if x else str(Path(tmp) / f"out{r}-{len(what)}") for x in cmd]
                wall, cpu, peak = measure(c)
                best = min(best or (wall, cpu, peak), (wall, cpu, peak), key=lambda m: m[1])
            assert best is not None
            print(f"fixed cost, {what:45}: {best[1]:5.2f} CPU-s, {best[0]:5.2f} s wall, peak RSS {best[2]:4.0f} MB",
                  flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="corpus sizes (none: only --fixed)")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--fixed", action="store_true", help="also print the fixed cost of a run")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each fixed-cost line (the best is printed)")
    ap.add_argument("--tree", type=Path, help="run reportfacts from this copy of the package instead")
    args = ap.parse_args()
    exe = str(Path(sys.executable).parent / "reportfacts")
    if args.tree:
        ENV["PYTHONPATH"] = str(args.tree.resolve()) + os.pathsep + ENV.get("PYTHONPATH", "")
        print(f"reportfacts from {args.tree}", flush=True)
    if args.fixed:
        fixed_cost(exe, args.jobs, args.repeat)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            size = build(corpus, n)
            per_doc: dict[str, float] = {}
            for engine in args.engines:
                out = Path(tmp) / f"out-{engine}"
                wall, cpu, peak = measure([exe, "run", str(corpus), "-o", str(out), "--engine", engine,
                                           "--jobs", str(args.jobs), "-q"])
                per_doc[engine] = cpu / n
                print(f"{engine:5} {n:6} docs, {size / 1e6:6.1f} MB: {wall:7.1f} s wall, {cpu:7.1f} CPU-s, "
                      f"{1000 * cpu / n:5.2f} CPU-ms/doc, {n / wall:6.1f} docs/s, {size / 1e6 / wall:5.2f} MB/s, "
                      f"peak RSS of one process {peak:5.0f} MB", flush=True)
            if "local" in per_doc and "dask" in per_doc:
                print(f"dask / local, CPU per document, {n} docs: {per_doc['dask'] / per_doc['local']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
