"""Regenerate docs/images/compare.png: the workbook of `reportfacts compare` on the Jiangsu High
Court's budgets 2017-2019 (../shared/corpus/real/js_prov_court_*; the cut pages in
tests/fixtures/pdf/compare when that folder is absent), each sheet rendered as HTML by pandas, photographed by
headless Chromium.  Run from the repository root:  .venv/bin/python docs/compare_png.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

import extract
from extract.checks.compare import write_comparison
from extract.checks.workbook import VERDICTS

ROOT = Path(__file__).resolve().parents[1]
COLOURS = {text: colour for text, colour in VERDICTS.values() if text and colour}


def _style(v: object) -> str:
    colour = COLOURS.get(str(v))
    return f"background-color:#{colour}" if colour else ""


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("no chromium on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "o"
        from click.testing import CliRunner

        from extract.cli import main as cli

        real = sorted((ROOT.parent / "shared" / "corpus" / "real").glob("js_prov_court_*.pdf"))
        inputs = [str(p) for p in real] or [str(ROOT / "tests" / "fixtures" / "pdf" / "compare")]
        done = CliRunner().invoke(cli, ["run", *inputs, "-o", str(out), "--jobs", "1"])
        if done.exit_code:
            sys.exit(done.output)
        series, changes = extract.compare(out)
        book = write_comparison(series, changes, out)
        sheets = pd.read_excel(book, sheet_name=None, engine="openpyxl", header=None)
        parts = []
        for name, df in sheets.items():
            df = df.head(24).dropna(how="all", axis=1).fillna("")
            html = df.style.map(_style).hide(axis="index").hide(axis="columns").format(
                lambda v: f"{v:,.2f}" if isinstance(v, float) else v).to_html()
            parts.append(f"<h2>工作表：{name}</h2>{html}")
        page = Path(tmp) / "compare.html"
        page.write_text("<html><head><meta charset='utf-8'><style>body{font-family:sans-serif;font-size:12px}"
                        "table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px;white-space:nowrap}"
                        "</style></head><body>" + "".join(parts) + "</body></html>", encoding="utf-8")
        target = ROOT / "docs" / "images" / "compare.png"
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={target}", "--window-size=2300,1500", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
