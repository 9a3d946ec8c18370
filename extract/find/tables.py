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

from ..read.tables import CODE, CODE_PART, NUMBER, clean_cell, first_data_row
from ..records import Document, Fact, Table
from ..rules import Rules
from .labels import strip_marker

_CODE_PREFIX = regex.compile(r"^\d+\s*")
_CODE_HEADER = regex.compile(r"编码|代码|编号|科目码")


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
    if not CODE.match(cell):
        return False
    if _CODE_HEADER.search(header):
        return True
    right = next((c for c in row[j + 1:] if c), "")
    return bool(right) and not NUMBER.match(right)


def _next(row: list[str], j: int) -> str:
    return next((c for c in row[j + 1:] if c), "")


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
    if any(NUMBER.match(c) for c, x in cells if _in(band, x)):
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
    rows = [[clean_cell(c) for c in r] + [""] * (width - len(r)) for r in raw]
    first_data = first_data_row(rows)
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
            if code and len(code) < 7 and CODE_PART.match(cell) and not after_number and not label_parts:
                code += cell.zfill(2)  # 类 | 款 | 项 in separate columns: 210 | 11 | 01 -> 2101101
                code_at[j] = code
                continue
            if CODE_PART.match(cell) and _next(row, j) and not NUMBER.match(_next(row, j)):
                # a 款/项 part whose 类 (and 款) cells are merged with the rows above: 02 under 210 11
                code = code_at[j - 1] + cell.zfill(2) if j - 1 in code_at else ""
                code_at[j] = code
                label_parts = []
                if after_number:
                    after_number, anchor = False, None
                continue
            head = _column(table, _edge(table, i, j))
            is_code = _is_code(row, j, head) or (
                bool(CODE.match(cell)) and len(cell) == 3 and CODE_PART.match(_next(row, j)))
            if is_code or not NUMBER.match(cell):
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
    num = clean_cell(printed).replace(",", "")
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
