"""Budget tables on PDF pages: cells as printed, with their edges and the caption above.

pdfplumber's table finder gives the rows; text lines around a table that read as
rows (and that incomplete ruling lines left out) are added back. What the cells
say is decided later, in ``find/tables.py``.
"""
from __future__ import annotations

from typing import Any

import regex

from ..records import Table

NUMBER = regex.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2}$")
CODE_PART = regex.compile(r"^\d{1,2}$")
_SPACES = regex.compile(r"\s+")
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def clean_cell(cell: Any) -> str:
    return "" if cell is None else _SPACES.sub("", str(cell))


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into text lines (same baseline within 3 points), left to right."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - w["bottom"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _data_row(line: list[dict[str, Any]]) -> tuple[list[str], list[float | None]] | None:
    """A text line that reads as a table row: [codes] name figures (e.g. ``30229 福利费 110.00``)."""
    texts = [w["text"] for w in line]
    k = len(texts)
    while k > 0 and NUMBER.match(texts[k - 1]):
        k -= 1
    nums = line[k:]
    head = line[:k]
    codes: list[dict[str, Any]] = []
    while head and CODE.match(head[0]["text"]) or (codes and head and CODE_PART.match(head[0]["text"])):
        codes.append(head.pop(0))
    if not nums or not head or any(NUMBER.match(w["text"]) for w in head):
        return None
    name = "".join(w["text"] for w in head)
    cells = [w["text"] for w in codes] + [name] + [w["text"] for w in nums]
    right: list[float | None] = [w["x1"] for w in codes] + [head[-1]["x1"]] + [w["x1"] for w in nums]
    return cells, right


Row = tuple[list[str], list[float | None]]


def _cell_edges(tb: Any, rows: list[list[Any]], words: list[dict[str, Any]], first_data: int
                ) -> tuple[list[tuple[float | None, ...]], list[tuple[float, float, str]]]:
    """Right edge of the text in every cell, and the header cells (x0, x1, text)."""
    right: list[tuple[float | None, ...]] = []
    headers: list[tuple[float, float, str]] = []
    for i, (row, cells) in enumerate(zip(rows, tb.rows)):
        edges: list[float | None] = []
        for text, box in zip(row, cells.cells):
            if box is None or not clean_cell(text):
                edges.append(None)
                continue
            inside = [w["x1"] for w in words if box[0] - 1 <= (w["x0"] + w["x1"]) / 2 <= box[2] + 1
                      and box[1] - 1 <= (w["top"] + w["bottom"]) / 2 <= box[3] + 1]
            edges.append(max(inside) if inside else box[2])
            if i < first_data and _is_header(clean_cell(text)):
                headers.append((box[0], box[2], clean_cell(text)))
        right.append(tuple(edges))
    return right, headers


def _lost_rows(lines: list[list[dict[str, Any]]], rows: list[list[Any]], top: float, bottom: float,
               lo: float, hi: float) -> tuple[list[Row], list[Row]]:
    """Text lines between ``lo`` and ``hi`` that read as rows of this table but are not in it:
    those above its top (a row lost at a page break) and those under its bottom."""
    covered = {clean_cell(c) for r in rows for c in r if c and not NUMBER.match(clean_cell(c))}
    before: list[Row] = []
    after: list[Row] = []
    for line in lines:
        y = line[0]["bottom"]
        if not lo <= y <= hi:
            continue
        row = _data_row(line)
        if row is None:
            if y > bottom + 2 and after:
                break  # the rows under a table end at the first line that is not a row
            continue
        name = next(c for c in row[0] if not CODE.match(c) and not CODE_PART.match(c))
        if name in covered:
            continue
        if y < top:
            before.append(row)
        elif y > bottom:
            after.append(row)
    return before, after


def read_tables(page: Any, number: int, page_start: int, page_text: str) -> list[Table]:
    """Tables on one pdfplumber page (cells as printed), with the text just above each as caption.

    Ruling lines in these PDFs are often incomplete, so pdfplumber can drop a table's
    first row (page break) or last rows; text lines around a table that read as rows
    and are not in it are added back, with their words' positions.
    """
    out: list[Table] = []
    found = list(page.find_tables(_SETTINGS))
    words = page.extract_words() if found else []
    lines = _lines(words)
    x0, y0, x1, y1 = page.bbox
    for n, tb in enumerate(found):
        rows = [list(r) for r in tb.extract()]
        if len(rows) < 2 or not any(NUMBER.match(clean_cell(c)) for r in rows for c in r):
            continue
        first_data = first_data_row([[clean_cell(c) for c in r] for r in rows])
        right, headers = _cell_edges(tb, rows, words, first_data)
        top, bottom = tb.bbox[1], tb.bbox[3]
        continued = n == 0 and first_data == 0
        hi = found[n + 1].bbox[1] if n + 1 < len(found) else y1
        before, after = _lost_rows(lines, rows, top, bottom, y0 if continued else top, hi)
        caption = ""
        above = max(y0, top - 90, found[n - 1].bbox[3] if n else y0)  # not into the table above
        if top > above and not continued:
            caption = page.crop((x0, above, x1, top)).extract_text() or ""
        all_rows = [tuple(r) for r, _ in before] + [tuple(r) for r in rows] + [tuple(r) for r, _ in after]
        all_right = [tuple(e) for _, e in before] + right + [tuple(e) for _, e in after]
        out.append(Table(page=number, title=caption, unit="", rows=tuple(all_rows), page_start=page_start,
                         page_end=page_start + len(page_text), right=tuple(all_right), headers=tuple(headers)))
    return out


def _is_header(text: str) -> bool:
    """A column header, not a caption cell (单位：万元) nor prose swept into the table."""
    return len(text) <= _HEADER_MAX and not _CAPTION_CELL.search(text) and not _PROSE.search(text)


def first_data_row(rows: list[list[str]]) -> int:
    """Index of the first row holding a figure (rows before it are headers)."""
    return next((i for i, r in enumerate(rows)
                 if any(NUMBER.match(c) and (not CODE.match(c) or "." in c) for c in r)), 0)


_HEADER_MAX = 30  # a longer "header cell" is prose that the table finder swept in
_PROSE = regex.compile(r"[。，；]")
_CAPTION_CELL = regex.compile(r"单位[:：]|部门[:：]|编制(?:单位|部门)")
