"""Tables written one cell per line (web pages copied as text) -> a fact per figure.

    表1 2022年年末全区人口数及其结构     the title: the line before the table
    指 标                               header cells: the lines before the first row
    年末数(万人)                         (a unit in a header cell is its column's unit)
    比重(%)
    年末常住人口                         a row: a line of words, then the lines of its figures
    728
    100.00
    其中:城镇                            (a 其中 or # row keeps its mark in the row's text)
    483
    66.34
    人口(万人)                           a heading row (words, no figure): a unit in its brackets is
    总人口                               the unit of the rows under it (a heading without one ends
    3171.0                              it); a row's own unit, 进出口总额(万美元), is that of the
                                        rows under it too

Two-sided tables (收入 | 执行数 | 支出 | 执行数: the header's value cells repeat after a second
label cell) hold two rows on one line of the page; copied one cell per line, a row's cells follow
the other side's, and an empty side leaves only a wider gap (an extra blank line) where its cells
were. Each label with its figures is a side's row; the next one is the other side's, unless a wider
gap than the table's usual one stands before it (the other side is empty there). Each side is a
column of its own (收入/执行数, 支出/执行数), so its totals and numbered rows are checked alone.

Some copies close each cell with a bar (``项 目 |`` / ``30.8 |``, a bare ``|`` for an empty cell):
such a line is the cell before its bar. A block with empty cells shown so is a grid whose empty
places a reader of rows (a label, then its figures) cannot tell: ``grid_tables.py`` reads it. A
two-sided table copied so keeps every cell, empty or not, so its rows are read by position: each
row is the 2 x (label + figures) cells of its two sides (收入 | 执行数 | 支出 | 执行数: four cells).

Some copies put each bar on a line of its own, between the cells (``一般公共`` / ``预算`` / ``|`` /
``312.23`` / ``|``): the lines between two bars are one cell (a header cell wrapped over two lines),
two bars in a row an empty cell; such a block is read as rows like the others.

A table of one row without a label (``单位:万元`` / 合计 / 因公出国(境)费 / 公务接待费 / 35 / 0 / 5: a
三公 table) gives a figure per cell in the unit line's unit (the unit line may stand in the short
lines just above the block); each figure is named by its header cell when there are as many header
cells as figures, by the header's leaves when it is two lines (``flat_tables.header_leaves``), else
left unnamed (and none is read when a share column cannot be placed).

A text in traditional characters is read in simplified ones (``單位:萬元``), offsets kept.

A block is a run of short lines (blank lines between cells allowed) with at least three rows of
figures, and figures alone on their lines; prose, or a line with sentence punctuation, ends it.
Columns are named by the header cells when every row has at most one figure per header cell
after the first; otherwise only each row's first figure is read (a column that cannot be named
cannot be told from a share or a rate). Only money and people become facts; the sentence of a
fact is its row (label to last figure), its column the header cell above it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..read.tables import NUMBER
from ..records import Document, Fact
from ..rules import Rules
from .flat_tables import (_NOT_FIGURES, _UNIT_LINE, _measure, header_leaves, header_sides, side_column, table_text,
                          text_cell_fact)
from .grid_tables import grid_facts, header_grid_facts

_SHORT = 40
_PROSE = regex.compile(r"[。；;！？!?]|[，,].*[，,]")
_BRACKET_UNIT = regex.compile(r"[（(](?P<unit>[^()（）]{1,6})[）)]?\s*$")
_MARK = regex.compile(r"^(?:(?:其中|#|＃)\s*[:：]?|含\s*[:：])\s*")
_SPACE = regex.compile(r"[\s\u3000]+")
#: a line of one cell and the bar(s) after it (some pages copy each cell with its closing bar)
_BARRED = regex.compile(r"^(?P<cell>[^|]*)\|[\s|]*$")
#: at least this many rows of figures make a block a table
MIN_ROWS = 3
#: the lines above a block read for the header of a table of one row
_ABOVE = 12


@dataclass
class _Row:
    label: str
    start: int  # the label line's start (after its indent)
    values: list[tuple[str, int]] = field(default_factory=list)  # printed figure, offset


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _blocks(text: str) -> list[tuple[list[tuple[int, str]], bool]]:
    """Runs of short non-prose lines (blank lines dropped) holding figures alone on their lines,
    each with whether it shows empty cells as a bare ``|`` (a grid: its empty cells are kept, as "")."""
    blocks: list[tuple[list[tuple[int, str]], bool]] = []
    run: list[tuple[int, str]] = []
    holes = False

    barred = False  # a cell line carried its own bar (项 目 |): a bare | is then an empty cell

    def close() -> None:
        nonlocal holes, barred
        cells = run
        if holes and not barred:  # every bar on a line of its own: bars part the cells
            cells, holes = _parted(run), False
        if sum(1 for _, ln in cells if NUMBER.match(ln.strip())) >= MIN_ROWS:
            blocks.append(([c for c in cells if c[1] or holes], holes))
        run.clear()
        holes = barred = False

    for pos, line in _lines(text):
        cell = line.strip()
        bar = _BARRED.match(cell)
        if bar:  # 项 目 |, 30.8 |: a cell copied with the bar that closed it; | alone: an empty cell
            cell = bar.group("cell").strip()
            holes = holes or not cell
            barred = barred or bool(cell)
            if not cell:
                run.append((pos, ""))
                continue
        if not cell:
            continue
        if len(cell) > _SHORT or _PROSE.search(cell) or "|" in cell:
            close()
            continue
        run.append((pos + line.find(cell), cell))
    close()
    return blocks


def _parted(run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a block whose bars stand on lines of their own, between the cells (``一般公共`` /
    ``预算`` / ``|`` / ``312.23`` / ``|``): the lines between two bars are one cell (a header cell
    wrapped over two lines), two bars in a row an empty cell (dropped); lines before the first bar
    (a title, a unit line) are a cell each.

    >>> _parted([(0, "单位:万元"), (6, ""), (8, "一般公共"), (13, "预算"), (16, ""), (18, "30.5"), (23, "")])
    [(0, '单位:万元'), (8, '一般公共预算'), (18, '30.5')]
    """
    out: list[tuple[int, str]] = []
    part: list[tuple[int, str]] = []
    seen_bar = False
    for at, cell in run:
        if not cell:
            if part:
                out.append((part[0][0], "".join(c for _, c in part)))
            part, seen_bar = [], True
        elif seen_bar:
            part.append((at, cell))
        else:
            out.append((at, cell))
    if part:
        out.append((part[0][0], "".join(c for _, c in part)))
    return out


def _sides(above: list[str], width: int) -> int:
    """The number of header cells per side of a two-sided table whose rows hold at most ``width``
    figures (收入 | 执行数 | 支出 | 执行数 -> 2), or 0.

    >>> _sides(["表1", "收 入", "执行数", "支 出", "执行数"], 1), _sides(["项目", "预算数", "执行数"], 2)
    (2, 0)
    """
    m = header_sides(above)
    return m if m and width <= m - 1 else 0


def _two_sided(text: str, cells: list[tuple[int, str]], m: int) -> list[tuple[_Row, int]]:
    """The rows of a two-sided table's cells (from its first row label on), each with its side
    (0 left, 1 right). A row is a label and up to ``m - 1`` figures; the next label is the other
    side's unless the gap before it is wider than the table's usual gap between cells."""
    gaps = [text[a + len(c):b].count("\n") for (a, c), (b, _) in zip(cells, cells[1:])]
    usual = min(gaps, default=0)
    out: list[tuple[_Row, int]] = []
    side = 0
    for k, (at, cell) in enumerate(cells):
        if NUMBER.match(cell):
            if out and len(out[-1][0].values) < m - 1:
                out[-1][0].values.append((cell, at))
        else:
            if out:
                wide = gaps[k - 1] > usual
                side = out[-1][1] if wide else 1 - out[-1][1]
            out.append((_Row(cell, at), side))
    return [(r, s) for r, s in out if r.values]


def line_table_facts(doc: Document, rules: Rules, first_number: int = 1) -> list[Fact]:
    """Every money or people figure in the one-cell-per-line tables of a text document."""
    facts: list[Fact] = []
    text = table_text(doc, rules)
    for n, (block, holes) in enumerate(_blocks(text), first_number):
        one = _one_row(doc, rules, text, block, n)
        if one is not None:
            facts += one
            continue
        if holes:
            two = _two_sided_grid(doc, rules, block, n, text)
            facts += two if two is not None else grid_facts(doc, rules, block, n, text) \
                or header_grid_facts(doc, rules, block, n, text)
            continue
        first_fig = next(i for i, (_, c) in enumerate(block) if NUMBER.match(c))
        if first_fig == 0:
            continue  # figures before any words: no row to hang them on
        rows: list[_Row] = []
        units: list[str | None] = []  # the unit in force at each row (headings set it)
        unit: str | None = None
        unit_line = next((m.group("unit") for _, c in block[:first_fig] if (m := _UNIT_LINE.search(c))), None)
        for at, cell in block[first_fig - 1:]:
            if NUMBER.match(cell):
                if rows:
                    rows[-1].values.append((cell, at))
                continue
            if rows and not rows[-1].values:  # the row before had no figure: it was a heading
                heading = rows.pop()
                units.pop()
                m = _BRACKET_UNIT.search(heading.label)
                unit = m.group("unit") if m else None
            rows.append(_Row(cell, at))
            units.append(unit)
            own = _BRACKET_UNIT.search(cell)
            if own:  # 进出口总额(万美元), then 出口额, 进口额: the rows under a row share its unit
                unit = own.group("unit")
        if rows and not rows[-1].values:
            rows.pop()
            units.pop()
        if sum(1 for r in rows if r.values) < MIN_ROWS:
            continue
        width = max(len(r.values) for r in rows)
        above = [c for _, c in block[:first_fig - 1] if not _UNIT_LINE.search(c)]
        sides = _sides(above, width)
        if sides:
            facts += _two_sided_facts(doc, rules, block[first_fig - 1:], above, sides, unit_line, n, text)
            continue
        # the header: one cell over the labels and one over each column of figures; lines above it
        # are the table's title
        named = len(above) >= width + 1
        columns = [_SPACE.sub("", h) for h in above[len(above) - width:]] if named else [""]
        titles = above[:len(above) - width - 1] if named else above
        before = text[max(0, block[0][0] - 200):block[0][0]].strip().split("\n")
        title = titles[-1] if titles else next(
            (ln.strip() for ln in reversed(before) if ln.strip() and not _UNIT_LINE.search(ln)), "")
        section = _SPACE.sub("", title)[:40] or f"表{n}"
        for row, row_unit in zip(rows, units):
            label = _MARK.sub("", _SPACE.sub("", row.label))
            own = _BRACKET_UNIT.search(label)
            end = row.values[-1][1] + len(row.values[-1][0])
            for j, (printed, at) in enumerate(row.values[:len(columns)]):
                head = columns[j]
                if head and _NOT_FIGURES.search(head):
                    continue
                col_unit = _BRACKET_UNIT.search(head) if head else None
                word = (own.group("unit") if own else None) or row_unit \
                    or (col_unit.group("unit") if col_unit else None) or unit_line
                measure = _measure(word, rules) if word else None
                if measure is None:
                    continue
                name = _BRACKET_UNIT.sub("", label) if own else label
                facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.lines", name, section,
                                            doc.text[row.start:end], row.start, head or None, n))
    return facts


def _one_row(doc: Document, rules: Rules, text: str, block: list[tuple[int, str]], n: int) -> list[Fact] | None:
    """The facts of a table of one row without a label (see the module's docstring), or None when
    the block is no such table: its figures all follow its words (a heading may follow them), and a
    unit line stands over its header, in the block or in the short lines just above it (a header
    line of two cells ends a block)."""
    cells = [c for c in block if c[1]]
    first_fig = next(i for i, (_, c) in enumerate(cells) if NUMBER.match(c))
    last = next((i for i in range(first_fig, len(cells)) if not NUMBER.match(cells[i][1])), len(cells))
    figures = cells[first_fig:last]  # words after them (the next heading) end the table
    if any(NUMBER.match(c) for _, c in cells[last:]):
        return None
    words = [c for _, c in cells[:first_fig]]
    pos = cells[0][0]
    for _ in range(_ABOVE):  # the header lines above the block, up to its unit line
        if any(_UNIT_LINE.search(c) for c in words) or pos == 0:
            break
        start = text.rfind("\n", 0, pos - 1) + 1
        line = text[start:pos].strip()
        pos = start
        parts = [p.strip() for p in line.split("|") if p.strip()]
        if any(len(p) > _SHORT or _PROSE.search(p) or NUMBER.match(p) for p in parts):
            break
        words = parts + words
    at_unit = next((i for i, c in enumerate(words) if _UNIT_LINE.search(c)), None)
    if at_unit is None:
        return None
    measure = _measure(_UNIT_LINE.search(words[at_unit]).group("unit"), rules)
    if measure is None:
        return None
    header = [_SPACE.sub("", c) for c in words[at_unit + 1:]]
    leaves = header_leaves(header, len(figures))  # a cell over each figure, or the leaves of two lines
    named = leaves is not None
    if not named and any(_NOT_FIGURES.search(h) for h in header):
        return None  # a share's column (增幅(%)) that cannot be told from the others
    section = _SPACE.sub("", words[at_unit - 1])[:40] if at_unit else f"表{n}"
    facts: list[Fact] = []
    for j, (at, printed) in enumerate(figures):
        head = leaves[j] if leaves else ""
        if head and _NOT_FIGURES.search(head):
            continue
        facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.lines", _MARK.sub("", head), section,
                                    doc.text[at:at + len(printed)], at, None, n))
    return facts


def _two_sided_grid(doc: Document, rules: Rules, block: list[tuple[int, str]], n: int,
                    text: str) -> list[Fact] | None:
    """A two-sided table whose empty cells show as a bare ``|``: rows of 2m cells, read by position
    (see the module's docstring); None when the block is not one (grid_tables.py reads it then)."""
    first_fig = next((i for i, (_, c) in enumerate(block) if NUMBER.match(c)), 0)
    if first_fig == 0:
        return None
    above = [c for _, c in block[:first_fig - 1] if c and not _UNIT_LINE.search(c)]
    m = header_sides(above)
    cells = block[first_fig - 1:]
    if not m or len(cells) % (2 * m):
        return None
    rows: list[tuple[_Row, int]] = []
    for k in range(0, len(cells), 2 * m):
        for side in (0, 1):
            (at, label), values = cells[k + side * m], cells[k + side * m + 1:k + (side + 1) * m]
            if any(v and not NUMBER.match(v) for _, v in values) or (label and NUMBER.match(label)):
                return None  # the cells do not line up in rows of this width
            if not label:
                if any(v for _, v in values):
                    return None
                continue
            rows.append((_Row(label, at, [(v, a) for a, v in values if v]), side))
    if sum(1 for r, _ in rows if r.values) < MIN_ROWS:
        return None
    unit_line = next((m_.group("unit") for _, c in block[:first_fig] if (m_ := _UNIT_LINE.search(c))), None)
    return _two_sided_facts(doc, rules, cells, above, m, unit_line, n, text, [(r, s) for r, s in rows if r.values])


def _two_sided_facts(doc: Document, rules: Rules, cells: list[tuple[int, str]], above: list[str], m: int,
                     unit_line: str | None, n: int, text: str,
                     rows: list[tuple[_Row, int]] | None = None) -> list[Fact]:
    """The facts of a two-sided table (see the module's docstring): columns 收入/执行数, 支出/执行数;
    its rows as read from the cells' order and gaps, unless given (``text``: the document's, as
    :func:`table_text` reads it)."""
    heads = [_SPACE.sub("", c) for c in above[len(above) - 2 * m:]]
    titles = above[:len(above) - 2 * m]
    section = _SPACE.sub("", titles[-1])[:40] if titles else f"表{n}"
    facts: list[Fact] = []
    for row, side in (rows if rows is not None else _two_sided(text, cells, m)):
        label = _MARK.sub("", _SPACE.sub("", row.label))
        own = _BRACKET_UNIT.search(label)
        name = _BRACKET_UNIT.sub("", label) if own else label
        end = row.values[-1][1] + len(row.values[-1][0])
        for j, (printed, at) in enumerate(row.values):
            head = heads[side * m + 1 + j]
            if _NOT_FIGURES.search(head):
                continue
            col_unit = _BRACKET_UNIT.search(head)
            word = (own.group("unit") if own else None) or (col_unit.group("unit") if col_unit else None) \
                or unit_line
            measure = _measure(word, rules) if word else None
            if measure is None:
                continue
            facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.lines", name, section,
                                        doc.text[row.start:end], row.start,
                                        side_column(heads[0], heads[m], side, head), n))
    return facts
