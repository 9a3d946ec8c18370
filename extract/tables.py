"""Budget tables in PDFs -> one fact per numeric cell.

A cell's label is its row (the nearest text cells to its left: 科目名称, with
its 科目编码 when the row has one, e.g. ``30101 基本工资``) and its column is
the header text above it (``预算数``, ``上年执行数``). Values are converted to
yuan with the table's unit caption (``单位：万元``). The fact's offsets point
at the figure in the page text as extracted, so provenance holds for table
facts too; a cell that cannot be found in the page text is not reported.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import regex

from .labels import strip_marker
from .records import Document, Fact, Table
from .rules import Rules

_NUMBER = regex.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_PART = regex.compile(r"^\d{1,2}$")
_SPACES = regex.compile(r"\s+")
_CODE_PREFIX = regex.compile(r"^\d+\s*")
_CODE_HEADER = regex.compile(r"编码|代码|编号|科目码")
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _clean(cell: Any) -> str:
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
    while k > 0 and _NUMBER.match(texts[k - 1]):
        k -= 1
    nums = line[k:]
    head = line[:k]
    codes: list[dict[str, Any]] = []
    while head and _CODE.match(head[0]["text"]) or (codes and head and _CODE_PART.match(head[0]["text"])):
        codes.append(head.pop(0))
    if not nums or not head or any(_NUMBER.match(w["text"]) for w in head):
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
            if box is None or not _clean(text):
                edges.append(None)
                continue
            inside = [w["x1"] for w in words if box[0] - 1 <= (w["x0"] + w["x1"]) / 2 <= box[2] + 1
                      and box[1] - 1 <= (w["top"] + w["bottom"]) / 2 <= box[3] + 1]
            edges.append(max(inside) if inside else box[2])
            if i < first_data and _is_header(_clean(text)):
                headers.append((box[0], box[2], _clean(text)))
        right.append(tuple(edges))
    return right, headers


def _lost_rows(lines: list[list[dict[str, Any]]], rows: list[list[Any]], top: float, bottom: float,
               lo: float, hi: float) -> tuple[list[Row], list[Row]]:
    """Text lines between ``lo`` and ``hi`` that read as rows of this table but are not in it:
    those above its top (a row lost at a page break) and those under its bottom."""
    covered = {_clean(c) for r in rows for c in r if c and not _NUMBER.match(_clean(c))}
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
        name = next(c for c in row[0] if not _CODE.match(c) and not _CODE_PART.match(c))
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
        if len(rows) < 2 or not any(_NUMBER.match(_clean(c)) for r in rows for c in r):
            continue
        first_data = _first_data([[_clean(c) for c in r] for r in rows])
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


def _first_data(rows: list[list[str]]) -> int:
    """Index of the first row holding a figure (rows before it are headers)."""
    return next((i for i, r in enumerate(rows)
                 if any(_NUMBER.match(c) and (not _CODE.match(c) or "." in c) for c in r)), 0)


def _column(table: Table, x: float | None) -> str:
    """Header text above a figure whose text ends at ``x``."""
    if x is None:
        return ""
    parts: list[str] = []
    for x0, x1, text in table.headers:
        if x0 - 1 <= x - 0.5 <= x1 + 1 and text not in parts:
            parts.append(text)
    return "/".join(parts)


def _is_code(row: list[str], j: int, header: str) -> bool:
    cell = row[j]
    if not _CODE.match(cell):
        return False
    if _CODE_HEADER.search(header):
        return True
    right = next((c for c in row[j + 1:] if c), "")
    return bool(right) and not _NUMBER.match(right)


def _next(row: list[str], j: int) -> str:
    return next((c for c in row[j + 1:] if c), "")


_HEADER_MAX = 30  # a longer "header cell" is prose that the table finder swept in
_PROSE = regex.compile(r"[。，；]")
_CAPTION_CELL = regex.compile(r"单位[:：]|部门[:：]|编制(?:单位|部门)")
_NAME_HEADER = regex.compile(r"(?:名称|^项目)$")


def _group(table: Table, x: float | None) -> tuple[float, float] | None:
    """The header band a figure belongs to: the narrowest header over it that also spans a
    name column (two-sided tables: 收入 | 功能分类 | 支出用途 each have their own names)."""
    if x is None:
        return None
    over = sorted((h for h in table.headers if h[0] - 1 <= x <= h[1] + 1), key=lambda h: h[1] - h[0])
    for x0, x1, _ in over:
        if any(_NAME_HEADER.search(t) and x0 - 1 <= a and b <= x1 + 1 and (a, b) != (x0, x1)
               for a, b, t in table.headers):
            return x0, x1
    return None


def _in(band: tuple[float, float] | None, x: float | None) -> bool:
    return band is None or (x is not None and band[0] - 1 <= x <= band[1] + 1)


def _name(table: Table, rows: list[list[str]], i: int, j: int, parts: list[tuple[str, float | None]]) -> str:
    """The row name of the figure at (i, j): the nearest text cell in its own header band;
    a name wrapped onto the lines above and below the figure's line is joined back."""
    band = _group(table, _edge(table, i, j))
    own = [t for t, x in parts if _in(band, x)]
    if own or band is None:
        return own[-1] if own else ""
    above, below = (_fragments(table, rows, k, band) for k in (i - 1, i + 1))
    if above and below:  # 三、单位预留机动经 / figure line / 费
        return strip_marker(above + below)
    return parts[-1][0] if parts else ""  # a merged label cell reaching from the next band (当年支出小计)


def _fragments(table: Table, rows: list[list[str]], k: int, band: tuple[float, float]) -> str:
    """Text in ``band`` on row ``k`` when that row has no figure there (a wrapped name)."""
    if not 0 <= k < len(rows):
        return ""
    cells = [(c, _edge(table, k, m)) for m, c in enumerate(rows[k]) if c]
    if any(_NUMBER.match(c) for c, x in cells if _in(band, x)):
        return ""
    return "".join(c for c, x in cells if _in(band, x))


def _edge(table: Table, i: int, j: int) -> float | None:
    return table.right[i][j] if i < len(table.right) and j < len(table.right[i]) else None


_COLUMN_UNIT = regex.compile(r"单位[:：](?P<unit>[^）)]+)")


def _measure(unit: str, rules: Rules) -> tuple[str, Decimal, str | None]:
    """(kind, factor to the fact's unit, unit) for a table or column unit caption."""
    if unit in rules.money:
        return "amount", rules.money[unit], "元"
    if unit in rules.headcount_units:
        return "headcount", Decimal(1), rules.headcount_units[unit]
    return "quantity", Decimal(1), unit or None


def table_facts(doc: Document, table: Table, rules: Rules) -> list[Fact]:
    """One fact per numeric cell of ``table``: money in yuan under a money caption
    (单位：万元), people under 人/人次, otherwise a quantity in the caption's unit (or none)."""
    raw = [list(r) for r in table.rows]
    width = max(len(r) for r in raw)
    rows = [[_clean(c) for c in r] + [""] * (width - len(r)) for r in raw]
    first_data = _first_data(rows)
    locate = _Locator(doc, table)
    facts: list[Fact] = []
    code_at: dict[int, str] = {}  # cell index -> code built up to that column in the rows above
    section = table.title or f"表(第{table.page}页)"
    for i in range(first_data, len(rows)):
        row = rows[i]
        label_parts: list[tuple[str, float | None]] = []
        code = ""
        after_number = False
        anchor: int | None = None  # offset of the row's first figure (its 合计 column)
        for j, cell in enumerate(row):
            if not cell:
                continue
            if code and len(code) < 7 and _CODE_PART.match(cell) and not after_number and not label_parts:
                code += cell.zfill(2)  # 类 | 款 | 项 in separate columns: 210 | 11 | 01 -> 2101101
                code_at[j] = code
                continue
            if _CODE_PART.match(cell) and _next(row, j) and not _NUMBER.match(_next(row, j)):
                # a 款/项 part whose 类 (and 款) cells are merged with the rows above: 02 under 210 11
                code = code_at[j - 1] + cell.zfill(2) if j - 1 in code_at else ""
                code_at[j] = code
                label_parts = []
                if after_number:
                    after_number, anchor = False, None
                continue
            head = _column(table, _edge(table, i, j))
            is_code = _is_code(row, j, head) or (
                bool(_CODE.match(cell)) and len(cell) == 3 and _CODE_PART.match(_next(row, j)))
            if is_code or not _NUMBER.match(cell):
                if after_number:  # a text cell after figures starts the next label (two-sided tables)
                    label_parts, code, after_number, anchor = [], "", False, None
                if is_code:  # a code opens a new segment of the row: its name follows
                    code, label_parts = cell, []
                    code_at[j] = cell
                else:
                    label_parts.append((strip_marker(cell), _edge(table, i, j)))
                continue
            after_number = True
            name = _name(table, rows, i, j, label_parts)
            label = f"{code} {name}".strip() if code else name
            if not label:
                continue
            printed = str(raw[i][j] if j < len(raw[i]) and raw[i][j] else cell).strip()
            start = locate(printed)
            if start is None:
                continue
            anchor = start if anchor is None else anchor
            facts.append(_cell_fact(doc, table, rules, printed, start, label, head, section,
                                    " | ".join(c for c in row if c), anchor))
    return facts


class _Locator:
    """Finds each printed figure in the page text, in reading order (a cursor), falling back
    to the first occurrence; offsets are into the document text."""

    def __init__(self, doc: Document, table: Table) -> None:
        self.text = doc.text[table.page_start:table.page_end]
        self.base = table.page_start
        self.cursor = 0

    def __call__(self, printed: str) -> int | None:
        at = self.text.find(printed, self.cursor)
        if at < 0:
            at = self.text.find(printed)
        if at < 0:
            return None
        self.cursor = at + len(printed)
        return self.base + at


def _cell_fact(doc: Document, table: Table, rules: Rules, printed: str, start: int, label: str, head: str,
               section: str, row_text: str, anchor: int) -> Fact:
    num = _clean(printed).replace(",", "")
    decimals = len(num.split(".")[1]) if "." in num else 0
    col_unit = _COLUMN_UNIT.search(head)
    kind, factor, unit = _measure(col_unit.group("unit") if col_unit else table.unit, rules)
    return Fact(
        doc_id=doc.doc_id, kind=kind, text=printed, start=start, end=start + len(printed),
        value=Decimal(num) * factor, unit=unit, rule="table.cell", label=label,
        section=section, page=doc.page_at(start), sentence=row_text, sentence_start=anchor,
        resolution=Decimal(1).scaleb(-decimals) * factor, source="table", column=head or None,
        concept=_concept_of(label, rules) if kind in ("amount", "headcount") else None, table=table.number or None,
    )


def _concept_of(label: str, rules: Rules) -> str | None:
    """Concept of a table row name, without its 科目编码 (``30101 基本工资``)."""
    return rules.concept(_CODE_PREFIX.sub("", label))
