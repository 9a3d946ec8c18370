"""Score reportfacts on the held-out evaluation corpus in benchmarks/corpus/ (texts nobody tuned on).

    python benchmarks/score_corpus.py [honours|sums ...] [--show N] [--keep DIR]

Each folder is run through `reportfacts run` into a fresh folder and scored with the evaluation
script (tests/fixtures/score.py, a copy of the shared scorer) in folder mode. The honours folder
has gold for awards only, the sums folder for sum checks, amounts, headcounts (and some dates):
the lines printed are the ones that folder's gold covers. Misses are listed only with --show N:
reading them is how a held-out corpus stops being held out.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent / "tests" / "fixtures" / "score.py"
SUMS = ("amount", "headcount", "sum checks")
#: the lines each folder's gold covers; *_tune* folders are tuned on (their misses may be read)
COVERS = {"honours": ("award",), "honours_tune": ("award",), "honours_tune2": ("award",),
          "honours_tune3": ("award",), "honours_tune4": ("award",), "honours_fresh": ("award",), "honours_fresh2": ("award",), "honours_fresh4": ("award",), "honours_tune5": ("award",), "honours_tune6": ("award",), "honours_tune7": ("award",), "honours_tune8": ("award",), "honours_fresh5": ("award",), "honours_tune9": ("award",), "honours_tune10": ("award",), "honours_tune11": ("award",), "honours_tune12": ("award",), "honours_tune13": ("award",), "honours_fresh6": ("award",), "honours_tune14": ("award",), "honours_tune15": ("award",), "honours_fresh7": ("award",), "honours_tune16": ("award",), "honours_tune17": ("award",), "honours_tune18": ("award",), "honours_fresh8": ("award",), "honours_tune19": ("award",), "honours_fresh9": ("award",), "honours_tune20": ("award",), "honours_fresh10": ("award",), "honours_tune21": ("award",), "honours_fresh11": ("award",), "honours_tune22": ("award",), "honours_fresh12": ("award",),
          "sums": SUMS, "sums_tune": SUMS, "sums_tune2": SUMS, "sums_tune3": SUMS, "sums_tune4": SUMS, "sums_tune5": SUMS, "sums_fresh": SUMS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["honours", "sums"], help="folders (the *_tune* ones are tuned on)")
    ap.add_argument("--show", type=int, default=0, help="misses to list (default none)")
    ap.add_argument("--keep", help="write the outputs here instead of a temporary folder")
    a = ap.parse_args()
    for name in a.sets:
        corpus = HERE / "corpus" / name
        out = Path(a.keep) / name if a.keep else Path(tempfile.mkdtemp(prefix=f"rf-{name}-"))
        run = subprocess.run([sys.executable, "-m", "extract", "run", str(corpus), "-o", str(out)],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(run.stderr.strip().splitlines()[-1:] or run.returncode, file=sys.stderr)
            return 2
        texts = len(list(corpus.glob("*.gold.jsonl")))
        res = subprocess.run([sys.executable, str(SCORER), str(out / "facts.csv"), str(corpus),
                              "--checks", str(out / "checks.csv"), "--show", str(a.show)],
                             capture_output=True, text=True, check=True)
        print(f"== {name}: {texts} texts (gold: {', '.join(COVERS[name])})")
        lines = res.stdout.splitlines()
        head = [l for l in lines[:a.show]] if a.show else []
        keep = [l for l in lines if l.startswith(("kind ", "labels right", *COVERS[name]))]  # totals only
        print("\n".join(head + keep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
