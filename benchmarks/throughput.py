"""Throughput of `reportfacts run` on a text corpus of --mb megabytes, and peak memory; JioNLP side
by side when it is installed (pip install 'reportfacts[bench]').

    python benchmarks/throughput.py [--mb 10] [--jobs 1 2] [--repeat 3] [--no-jionlp] [--profile]

Builds the corpus by repeating the real report texts (../shared/corpus when present, else
corpus/), each copy with a line of its own so no file is a duplicate of another. Each run is
`reportfacts run CORPUS -o OUT --jobs N` in a fresh process into a fresh dataset: everything a
user waits for (start-up, all kinds of facts with labels and sections, the checks, the DuckDB
store, Parquet and CSV exports). Peak RSS is that of the largest single process (the parent or
one worker), read from wait4. With --repeat N the best of N runs is shown (this machine's
timings vary by about 10 % from run to run).
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


def timed(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of the largest process of ``cmd`` (itself or a child it waited for)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    dt = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return dt, usage.ru_maxrss / 1024


def jionlp_side_by_side(corpus: Path, size: int, ours: float) -> None:
    """JioNLP's money extractor (no labels, no checks, no storage) over the same texts."""
    try:
        import jionlp as jio  # noqa: F401 - optional: the bench extra
    except ImportError:
        print("JioNLP: not installed (pip install 'reportfacts[bench]') - skipped")
        return
    import logging

    import jionlp as jio

    logging.disable(logging.ERROR)  # its time parser logs a traceback for every phrase it gives up on
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    jio.ner.extract_money(texts[0][:200])  # its dictionaries load on first use
    t = time.perf_counter()
    n = sum(len(jio.ner.extract_money(x)) for x in texts)
    money = time.perf_counter() - t
    print(f"JioNLP {getattr(jio, '__version__', '')} extract_money, one process: {size / 1e6 / money:.2f} MB/s "
          f"({n} amounts, no labels, checks or storage)")
    print(f"  reportfacts run --jobs 1 (every kind, labels, checks, store) / JioNLP money only: "
          f"{ours / (size / 1e6 / money):.2f}x")
    sample, chars = [], 0
    for x in texts:  # extract_time is slow: a 1 MB sample
        if chars > 1_000_000:
            break
        sample.append(x)
        chars += len(x.encode("utf-8"))
    t = time.perf_counter()
    for x in sample:
        jio.ner.extract_money(x)
        jio.ner.extract_time(x, time_base=time.time())
    both = time.perf_counter() - t
    print(f"JioNLP extract_money + extract_time, one process: {chars / 1e6 / both:.2f} MB/s (on {chars / 1e6:.1f} MB)")


def profile(corpus: Path) -> None:
    """The top lines of a cProfile of one in-process run (cumulative time)."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from extract.dataset import build as build_dataset
    from extract.read.ingest import discover

    with tempfile.TemporaryDirectory() as out:
        prof = cProfile.Profile()
        prof.enable()
        build_dataset(discover([corpus]), out, jobs=1)
        prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(r"extract/", 25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs")
    ap.add_argument("--no-jionlp", action="store_true")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of one in-process run")
    args = ap.parse_args()
    exe = ROOT / ".venv" / "bin" / "reportfacts"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "extract"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        size, docs = build(corpus, args.mb)
        one = 0.0
        for jobs in args.jobs:
            runs = [timed([*cmd, "run", str(corpus), "-o", str(out / f"jobs{jobs}-{k}"), "--jobs", str(jobs), "-q"])
                    for k in range(args.repeat)]
            dt, peak = min(t for t, _ in runs), max(m for _, m in runs)
            print(f"reportfacts run --jobs {jobs}: {size / 1e6:.1f} MB in {docs} docs, {dt:.1f} s: "
                  f"{size / 1e6 / dt:.2f} MB/s, {docs / dt:.1f} docs/s, peak RSS of one process {peak:.0f} MB")
            if jobs == 1:
                one = size / 1e6 / dt
        if not args.no_jionlp and one:
            jionlp_side_by_side(corpus, size, one)
        if args.profile:
            profile(corpus)


if __name__ == "__main__":
    main()
