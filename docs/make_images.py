"""Regenerate the README's pictures from a dataset folder (default outputs/, after `make run`):

    python docs/make_images.py [outputs/]

docs/images/compare.png: the first sheet of compare.xlsx (written by `reportfacts compare`), drawn
as an HTML table in the system's headless Chromium; docs/images/view.png: `reportfacts show` of
the seed report, with its failed check's figures outlined, is written by the browser test into
outputs/view.png and copied here.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent


def workbook_html(book: Path, sheet: str | None = None) -> str:
    wb = load_workbook(book)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = []
    for r, row in enumerate(ws.iter_rows(), 1):
        cells = []
        for c in row:
            v = c.value
            text = "" if v is None else (f"{v:,.2f}" if isinstance(v, float) else str(v))
            fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
            style = f' style="background:#{str(fill)[-6:]}"' if fill else ""
            tag = "th" if r == 1 else "td"
            cells.append(f"<{tag}{style}>{html.escape(text)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ("<!DOCTYPE html><meta charset='utf-8'><style>body{font:13px 'Noto Sans CJK SC',sans-serif;margin:12px}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;white-space:nowrap}"
            "td:nth-child(n+4){text-align:right}th{background:#f0f0f0}</style>"
            f"<h3>{html.escape(ws.title)} — compare.xlsx</h3><table>{''.join(rows[:28])}</table>")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "outputs"
    out = ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "book.html"
        page.write_text(workbook_html(folder / "compare.xlsx"), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--window-size=1100,760",
                        f"--screenshot={out / 'compare.png'}", page.as_uri()], check=True, capture_output=True)
    if (folder / "view.png").exists():
        shutil.copyfile(folder / "view.png", out / "view.png")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
