"""Tables copied one cell per line with every cell's closing bar, empty cells as a bare ``|``:
a grid whose row width the row numbers show.

    序号 |                               header cells (merged ones once): their last cells that
    收入 |                               read as two sides (项目 | 预算数 | 项目 | 预算数) name
    支出 | ||                            the columns
    项 目 |
    预算数 |
    项 目 |
    预算数 | |
    栏次 |  1 |  2 |  3 |  4 |           a column-number row (栏次) is no row
    1 |                                  row 1: its number, then one cell per column, an empty
    一、一般公共预算拨款收入 |             one a bare |
    675.82 |
    一、一般公共服务支出 |
    516.39 |
    2 |                                  row 2 starts one row width after row 1
    二、政府性基金预算拨款收入 |
    |
    …

The width is the distance between the cells 1, 2, 3 (at least three rows numbered one after the
other); a grid without row numbers takes its width from its header, the last run of word cells
before the first figure (项目 | 2020年预算数 | 上年预算数 | 增幅(%): four), when every row under it
is then a label and that many cells less one of figures or empty ones (``header_grid_facts``).
In the rows, a column of figures takes its label from the nearest column of words on its
left, so a two-sided table gives each side its own column. Only money and people become facts,
with the unit of a ``单位：`` cell above the rows.
"""
from __future__ import annotations


from ..read.tables import NUMBER
from ..records import Document, Fact
from ..rules import Rules
from .flat_tables import _MARK, _NOT_FIGURES, _SPACE, _UNIT_LINE, _measure, header_sides, side_column, text_cell_fact

#: the widest row read (a number column, then label and value columns)
MAX_WIDTH = 9


def _width(cells: list[tuple[int, str]]) -> tuple[int, int] | None:
    """(first row's cell index, row width) where cells 1, 2, 3 stand one width apart, else None."""
    for p, (_, c) in enumerate(cells):
        if c != "1":
            continue
        for w in range(3, MAX_WIDTH + 1):
            if p + 2 * w < len(cells) and cells[p + w][1] == "2" and cells[p + 2 * w][1] == "3":
                return p, w
    return None


def grid_facts(doc: Document, rules: Rules, cells: list[tuple[int, str]], n: int, text: str) -> list[Fact]:
    """The money and people figures of one grid block (cells in order, "" for an empty one; ``text``
    the document's, as ``flat_tables.table_text`` reads it)."""
    found = _width(cells)
    if found is None:
        return []
    p, w = found
    rows = [cells[k:k + w] for k in range(p, len(cells), w)]
    kinds: list[str] = []  # per column after the number: "label", "value" or ""
    for j in range(1, w):
        filled = [r[j][1] for r in rows if j < len(r) and r[j][1]]
        numbers = sum(1 for c in filled if NUMBER.match(c))
        kinds.append("value" if filled and numbers * 2 > len(filled) else "label" if filled else "")
    labels = [j for j, k in enumerate(kinds, 1) if k == "label"]
    if not labels or "value" not in kinds:
        return []
    head = [c for _, c in cells[:p] if c]
    if "栏次" in head:
        head = head[:head.index("栏次")]
    unit = next((m.group("unit") for c in head if (m := _UNIT_LINE.search(c))), None)
    measure = _measure(unit, rules) if unit else None
    if measure is None:
        return []
    m = header_sides(head)
    names = [_SPACE.sub("", c) for c in head[len(head) - 2 * m:]] if m else []
    title = next((c for c in head if not _UNIT_LINE.search(c)), "")
    facts: list[Fact] = []
    for row in rows:
        for j in range(1, len(row)):
            printed, at = row[j][1], row[j][0]
            if kinds[j - 1] != "value" or not NUMBER.match(printed):
                continue
            side = sum(1 for k in labels if k < j) - 1
            if side < 0 or not row[labels[side]][1]:
                continue
            label_at, label = row[labels[side]]
            if m and len(labels) == 2 and side < 2:
                column = side_column(names[0], names[m], side, names[side * m + 1 + (j - labels[side] - 1)])
            else:
                column = f"列{j}"
            if _NOT_FIGURES.search(column):
                continue
            name = _MARK.sub("", _SPACE.sub("", label))
            facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.lines", name,
                                        _SPACE.sub("", title)[:40] or f"表{n}", doc.text[label_at:at + len(printed)],
                                        label_at, column, n))
    return facts


def _row(cells: list[tuple[int, str]]) -> bool:
    """Whether cells are a row: a label, then figures or empty cells."""
    return bool(cells[0][1]) and not NUMBER.match(cells[0][1]) and all(not c or NUMBER.match(c) for _, c in cells[1:])


def _header_width(cells: list[tuple[int, str]], first_fig: int) -> tuple[int, int, int] | None:
    """(header start, first row start, width) of a grid whose header is as wide as its rows."""
    for w in range(2, MAX_WIDTH + 1):
        for p0 in range(first_fig - 1, max(first_fig - w, 0) - 1, -1):
            if not _row(cells[p0:p0 + w]):
                continue
            start = p0
            while start - w >= 0 and len(cells[start - w:start]) == w and _row(cells[start - w:start]):
                start -= w  # rows of a label and empty cells before the first figure's row
            q = start - w
            if q >= 0 and all(c and not NUMBER.match(c) and not _UNIT_LINE.search(c) for _, c in cells[q:start]):
                return q, start, w
    return None


def header_grid_facts(doc: Document, rules: Rules, cells: list[tuple[int, str]], n: int, text: str) -> list[Fact]:
    """The money and people figures of a grid block without row numbers, its width its header's
    (see the module's docstring); none unless every row lines up under the header (a last row of
    words alone, the next heading, is left out) and at least three rows hold figures."""
    first_fig = next((i for i, (_, c) in enumerate(cells) if NUMBER.match(c)), None)
    if not first_fig:
        return []
    found = _header_width(cells, first_fig)
    if found is None:
        return []
    q, p, w = found
    head = [_SPACE.sub("", c) for _, c in cells[q:p]]
    rows = [cells[k:k + w] for k in range(p, len(cells), w)]
    if len(rows[-1]) < w or not _row(rows[-1]):
        if any(NUMBER.match(c) for _, c in rows[-1]):
            return []
        rows = rows[:-1]  # a heading after the table
    if not all(_row(r) for r in rows) or sum(1 for r in rows if any(c for _, c in r[1:])) < 3:
        return []
    unit = next((m.group("unit") for _, c in cells[:q] if (m := _UNIT_LINE.search(c))), None)
    measure = _measure(unit, rules) if unit else None
    if measure is None:
        return []
    title = next((c for _, c in reversed(cells[:q]) if c and not _UNIT_LINE.search(c)), "")
    facts: list[Fact] = []
    for row in rows:
        label_at, label = row[0]
        for j in range(1, w):
            at, printed = row[j]
            if not printed or _NOT_FIGURES.search(head[j]):
                continue
            facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.lines",
                                        _MARK.sub("", _SPACE.sub("", label)), _SPACE.sub("", title)[:40] or f"表{n}",
                                        doc.text[label_at:at + len(printed)], label_at, head[j], n))
    return facts
