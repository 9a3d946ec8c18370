"""Throughput of `reportfacts run` on a text corpus of --mb megabytes, and peak memory; JioNLP side
by side when it is installed (pip install 'reportfacts[bench]').

    python benchmarks/throughput.py [--mb 10] [--jobs 1 2] [--repeat 3] [--kinds amount] [--no-jionlp] [--profile]
                                    [--tree DIR]

Builds the corpus by repeating the real report texts (../shared/corpus when present, else
corpus/), each copy with a line of its own so no file is a duplicate of another. Each run is
`reportfacts run CORPUS -o OUT --jobs N` in a fresh process into a fresh dataset: everything a
user waits for (start-up, all kinds of facts with labels and sections, the checks, the DuckDB
store, Parquet and CSV exports); `--kinds amount` runs also `reportfacts run --kinds amount` (amounts
without labels or checks). Each line gives the wall time and the CPU-seconds of the whole process
and its workers (from wait4: on a loaded machine wall time is unreliable, CPU time much less so),
and MB per CPU-second. Peak RSS is that of the largest single process (the parent or one worker).
With --repeat N the best of N runs is shown (this machine's timings vary by about 10 % from run to
run).

JioNLP runs the same way, in a fresh process over the same files: `extract_money` beside
`--kinds amount`, `extract_money` + `extract_time` (it also finds dates) beside the full run.
The ratios are MB per CPU-second, ours over JioNLP's.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user + system seconds of the process and the children it waited for
    rss: float  # MB, the largest single process

    def line(self, mb: float) -> str:
        return (f"wall {self.wall:5.1f} s, CPU {self.cpu:5.1f} s: {mb / self.wall:5.2f} MB/s, "
                f"{mb / self.cpu:5.2f} MB/CPU-s, peak RSS {self.rss:.0f} MB")


#: ``--tree``: another copy of the package to run (before/after, alternated on a loaded machine)
TREE: Path | None = None


def timed(cmd: list[str]) -> Timing:
    """Wall time, CPU time and peak RSS of ``cmd`` (itself and every child process it waited for)."""
    t = time.perf_counter()
    ours = TREE is not None and cmd[:3] == [sys.executable, "-m", "extract"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=TREE if ours else None,
                            env={**os.environ, "PYTHONPATH": str(TREE)} if ours else None)
    _, status, usage = os.wait4(proc.pid, 0)
    dt = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    return Timing(dt, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(cmd: Callable[[int], list[str]], repeat: int) -> Timing:
    """The best of ``repeat`` runs of ``cmd(k)`` (k = 0, 1, ...: each run into a fresh folder)."""
    runs = [timed(cmd(k)) for k in range(repeat)]
    return Timing(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.rss for r in runs))


#: JioNLP over every file of a folder, in a process of its own (its import and dictionaries included,
#: as our start-up is in ours); argv: folder, "money" or "money+time"
_JIONLP = """
import logging, sys, time
from pathlib import Path
import jionlp as jio
logging.disable(logging.ERROR)  # its time parser logs a traceback for every phrase it gives up on
n = 0
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = p.read_text(encoding="utf-8")
    n += len(jio.ner.extract_money(text))
    if sys.argv[2] == "money+time":
        n += len(jio.ner.extract_time(text, time_base=time.time()))
print(n)
"""


def jionlp_installed() -> bool:
    try:
        import jionlp  # noqa: F401 - optional: the bench extra
    except ImportError:
        return False
    return True


def profile(corpus: Path, kinds: str | None = None) -> None:
    """The top lines of a cProfile of one in-process run (cumulative time)."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from extract.dataset import build as build_dataset
    from extract.read.ingest import Limits, discover
    from extract.rules import choose_kinds

    with tempfile.TemporaryDirectory() as out:
        prof = cProfile.Profile()
        prof.enable()
        build_dataset(discover([corpus]), out, limits=Limits(seconds=None, memory_mb=None, kinds=choose_kinds(kinds)),
                      jobs=1)
        prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(r"extract/", 25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs")
    ap.add_argument("--kinds", default=None, help="also run `reportfacts run --kinds KINDS` (e.g. amount)")
    ap.add_argument("--no-jionlp", action="store_true")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of one in-process run")
    ap.add_argument("--tree", type=Path, help="run the package of another copy (e.g. `git archive HEAD` unpacked)")
    args = ap.parse_args()
    global TREE
    TREE = args.tree.resolve() if args.tree else None
    exe = ROOT / ".venv" / "bin" / "reportfacts"
    cmd = [str(exe)] if exe.exists() and TREE is None else [sys.executable, "-m", "extract"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        size, docs = build(corpus, args.mb)
        mb = size / 1e6
        print(f"corpus: {mb:.1f} MB in {docs} distinct documents")
        ours: dict[str, Timing] = {}
        for jobs in args.jobs:
            for kinds in [None, args.kinds] if args.kinds else [None]:
                extra = ["--kinds", kinds] if kinds else []
                name = f"reportfacts run --jobs {jobs}" + (f" --kinds {kinds}" if kinds else "")
                t = best(lambda k: [*cmd, "run", str(corpus), "-o", str(out / f"jobs{jobs}-{kinds}-{k}"),
                                    "--jobs", str(jobs), "-q", *extra], args.repeat)
                print(f"{name:<44} {t.line(mb)}, {docs / t.wall:.1f} docs/s")
                if jobs == 1 or (kinds or "all") not in ours:
                    ours[kinds or "all"] = t
        if not args.no_jionlp:
            if not jionlp_installed():
                print("JioNLP: not installed (pip install 'reportfacts[bench]') - skipped")
            else:
                import jionlp

                for what, mine in [("money", args.kinds or "all"), ("money+time", "all")]:
                    t = best(lambda k: [sys.executable, "-c", _JIONLP, str(corpus), what], args.repeat)
                    name = f"JioNLP {jionlp.__version__} extract_{what.replace('+', ' + extract_')}"
                    print(f"{name:<44} {t.line(mb)}")
                    if mine in ours:
                        print(f"  reportfacts {'--kinds ' + mine if mine != 'all' else '(everything)'} --jobs 1 / "
                              f"JioNLP {what}: {ours[mine].cpu and t.cpu / ours[mine].cpu:.2f}x MB per CPU-s, "
                              f"{t.wall / ours[mine].wall:.2f}x MB/s")
        if args.profile:
            profile(corpus, args.kinds)


if __name__ == "__main__":
    main()
