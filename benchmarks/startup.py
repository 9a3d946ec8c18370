"""Where the fixed cost of a run goes: each step a run takes before and around its first document,
timed in a fresh interpreter (CPU-seconds of that process; best of ``--repeat``).

    python benchmarks/startup.py [--repeat 3] [--tree DIR]

Steps, each measured after the ones before it in the same process: ``import extract``, loading the
rules, the award grammar, jieba's dictionary, reading, extracting and checking one tiny report,
importing pyarrow, pandas (pyarrow imports it on its first table of rows) and DuckDB. The first run
starts with an empty cache folder (``REPORTFACTS_CACHE``: the award grammar is compiled and its
cache file written, extract/find/grammar_cache.py), the others find it: both are printed. ``--tree``
measures another copy of the package (``git archive HEAD`` unpacked there).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: run in a fresh interpreter; prints {step: CPU-seconds}
PROBE = r'''
import json, os, sys, tempfile, time
from pathlib import Path
out = {}
def step(name, fn):
    t = time.process_time(); fn(); out[name] = time.process_time() - t
step("import extract", lambda: __import__("extract"))
from extract.rules import load_rules
step("load rules", load_rules)
rules = load_rules()
from extract.find.honours import award_rules
step("award grammar", lambda: award_rules(rules))
from extract.find.labels import _jieba
step("jieba dictionary", _jieba)
tiny = Path(tempfile.mkdtemp()) / "tiny.txt"
tiny.write_text("2021年，本会共举办培训班3期，培训120人次，支出经费12.5万元。\n", encoding="utf-8")
from extract.batch import _work
from extract.read.ingest import Entry, Limits
step("one tiny report (read, extract, check)", lambda: _work(Entry(tiny, "tiny"), 2021, Limits(seconds=None, memory_mb=None)))
step("import pyarrow", lambda: __import__("pyarrow"))
step("import pandas", lambda: __import__("pandas"))
step("import duckdb", lambda: __import__("duckdb"))
print(json.dumps(out))
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tree", type=Path, help="measure this copy of the package instead")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.tree:
        env["PYTHONPATH"] = str(args.tree.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as cache:
        env["REPORTFACTS_CACHE"] = cache  # empty for the first run, which writes what the next ones read
        for _ in range(max(2, args.repeat)):
            # run from the cache folder: ``python -c`` puts its working directory first on sys.path
            res = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True, env=env,
                                 cwd=cache)
            runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
    print("CPU-seconds: first run (empty cache), best of the next" + (f"; reportfacts from {args.tree}" if args.tree else ""))
    for k in runs[0]:
        print(f"  {k:45} {runs[0][k]:6.3f}  {min(r[k] for r in runs[1:]):6.3f}")
    print(f"  {'total':45} {sum(runs[0].values()):6.3f}  {sum(min(r[k] for r in runs[1:]) for k in runs[0]):6.3f}")


if __name__ == "__main__":
    main()
