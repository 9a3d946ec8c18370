"""Budget tables on PDF pages: cells as printed, with their edges and the caption above.

pdfplumber's table finder gives the rows; text lines around a table that read as
rows (and that incomplete ruling lines left out) are added back. What the cells
say is decided later, in ``find/tables.py``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

import regex

from ..records import Table
from .pdf_text import page_text as chars_text
from .pdf_text import pdfplumber_text
from .pdf_text import text as cell_text
from .pdf_text import words as pdf_words
from .table_cells import find_tables

NUMBER = regex.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2}$")
CODE_PART = regex.compile(r"^\d{1,2}$")
_SPACES = regex.compile(r"\s+")
_DIGIT = regex.compile(r"\d")
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
    # each word's middle, computed once (not once per cell), sorted top to bottom: a cell's words
    # are found by bisection (a NaN middle is in no cell)
    mids = sorted(((w["top"] + w["bottom"]) / 2, (w["x0"] + w["x1"]) / 2, w["x1"]) for w in words)
    mids = [m for m in mids if m[0] == m[0]]
    ys = [m[0] for m in mids]
    for i, (row, cells) in enumerate(zip(rows, tb.rows)):
        edges: list[float | None] = []
        for text, box in zip(row, cells.cells):
            if box is None or not clean_cell(text):
                edges.append(None)
                continue
            bx0, btop, bx1, bbottom = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
            band = mids[bisect_left(ys, btop):bisect_right(ys, bbottom)]
            inside = [x1 for v, h, x1 in band if bx0 <= h <= bx1]
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
    if not _may_hold_tables(page, page_text):
        return out
    fast = not pdfplumber_text()
    found = find_tables(page, _SETTINGS) if fast else list(page.find_tables(_SETTINGS))
    words = (pdf_words(page.chars) if fast else page.extract_words()) if found else []
    lines = _lines(words)
    mids = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in page.chars] if found else []
    x0, y0, x1, y1 = page.bbox
    for n, tb in enumerate(found):
        rows = _extract(tb, mids, fast)
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
            cropped = _text_only(page, (x0, above, x1, top)).crop((x0, above, x1, top))
            caption = (chars_text(cropped.chars) if fast else cropped.extract_text()) or ""
        all_rows = [tuple(r) for r, _ in before] + [tuple(r) for r in rows] + [tuple(r) for r, _ in after]
        all_right = [tuple(e) for _, e in before] + right + [tuple(e) for _, e in after]
        out.append(Table(page=number, title=caption, unit="", rows=tuple(all_rows), page_start=page_start,
                         page_end=page_start + len(page_text), right=tuple(all_right), headers=tuple(headers)))
    return out


def _text_only(page: Any, bbox: tuple[float, float, float, float] | None = None) -> Any:
    """The page with its characters alone: cropping it for a caption's text clips no ruling line
    (pdfplumber crops every kind of object, and a table page has hundreds of them). With ``bbox``,
    only the characters whose box reaches it (what pdfplumber's crop to it keeps, and a few it
    drops: a box touching it at a corner), each tested in four comparisons rather than clipped."""
    p = page.filter(lambda obj: True)
    chars = page.chars
    if bbox is not None:
        bx0, btop, bx1, bbottom = bbox
        chars = [c for c in chars if c["x0"] <= bx1 and c["x1"] >= bx0 and c["top"] <= bbottom and c["bottom"] >= btop]
    p._objects = {"char": chars}
    return p


def _extract(tb: Any, mids: list[tuple[float, float, dict[str, Any]]], fast: bool = True) -> list[list[Any]]:
    """pdfplumber's ``Table.extract()`` (each cell's text from the page's characters whose middle
    is in the cell; the same characters in the same order, so the same text), with each
    character's middle computed once: pdfplumber tests every character against every row
    through a function call, 2.5 million calls for the tables of 19 budget PDFs. A row's
    characters are found by bisection over the middles sorted top to bottom, then put back in
    the page's order. ``fast``: the cell's text through :func:`extract.read.pdf_text.text` (the
    same text)."""
    from pdfplumber.utils import extract_text as pdfplumber_extract_text

    extract_text = cell_text if fast else pdfplumber_extract_text
    # (middle's y, index) of each character; a NaN middle is in no row
    by_y = sorted((m[1], k) for k, m in enumerate(mids) if m[1] == m[1])
    ys = [v for v, _ in by_y]
    index = [k for _, k in by_y]

    out: list[list[Any]] = []
    for row in tb.rows:
        rx0, rtop, rx1, rbottom = row.bbox
        band = sorted(index[bisect_left(ys, rtop):bisect_left(ys, rbottom)])
        row_chars = [m for m in map(mids.__getitem__, band) if rx0 <= m[0] < rx1]
        cells: list[Any] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [c for h, v, c in row_chars if cx0 <= h < cx1 and ctop <= v < cbottom]
            cells.append(extract_text(inside) if inside else "")
        out.append(cells)
    return out


def _may_hold_tables(page: Any, page_text: str) -> bool:
    """Whether pdfplumber's table finder can find a table :func:`read_tables` keeps, told from
    what the page already holds: the finder (``lines`` strategies) builds cells from the edges of
    ruling lines, rectangles and curves only, and a table is kept only with a figure in a cell,
    whose digits are in the page's text. A page of prose without a ruling line skips the finder."""
    objects = page.objects
    ruled = bool(objects.get("line") or objects.get("rect") or objects.get("curve"))
    return ruled and _DIGIT.search(page_text) is not None


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
