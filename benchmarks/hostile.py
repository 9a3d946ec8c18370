"""Time and memory on hostile input: pathological patterns at growing sizes, one long line
without punctuation, and many figures in one sentence.

    python benchmarks/hostile.py [--mb 5]

Prints seconds per size and the growth ratio (4x the text should cost about 4x the time) and
the peak resident memory of each run (each in a fresh process).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

PATTERNS = {"figures": "1元", "qizhong": "其中", "honour": "荣获“", "years": "2020年", "lists": "评出一等奖",
            "brackets": "（", "plain": "数",
            # issue 21: a 2.2 M-character line of this did not finish in 900 s (quadratic validation)
            "totals": "收入总计181.92万元其中基本支出129.5万元"}

CHILD = """
import json, resource, sys, time
import extract
unit, n = sys.argv[1], int(sys.argv[2])
text = (unit * (n // len(unit) + 1))[:n] + "12.5万元"
extract.extract_facts("预热1元", year=2021)
t = time.perf_counter()
facts = extract.extract_facts(text, year=2021)
extract.check(facts)
print(json.dumps({"s": time.perf_counter() - t, "facts": len(facts),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(unit: str, n: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, unit, str(n)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the long unpunctuated line")
    args = ap.parse_args()
    print(f"{'pattern':10} {'10k s':>8} {'40k s':>8} {'160k s':>8} {'40k/10k':>8} {'160k/40k':>9} {'peak MB':>8}")
    for name, unit in PATTERNS.items():
        r = [measure(unit, n) for n in (10_000, 40_000, 160_000)]
        print(f"{name:10} {r[0]['s']:8.3f} {r[1]['s']:8.3f} {r[2]['s']:8.3f} {r[1]['s'] / r[0]['s']:8.1f} "
              f"{r[2]['s'] / r[1]['s']:9.1f} {r[2]['rss_mb']:8.0f}")
    n = int(args.mb * 1_000_000 / 3)  # Chinese characters are 3 bytes in UTF-8
    r = measure("数据统计", n)
    print(f"one {args.mb:.0f} MB line without punctuation: {r['s']:.1f} s, peak {r['rss_mb']:.0f} MB")
    r = measure("收入1元，", n // 4)
    print(f"{n // 4 * 4 / 1e6:.1f} M characters of figures: {r['facts']} facts in {r['s']:.1f} s, peak {r['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
