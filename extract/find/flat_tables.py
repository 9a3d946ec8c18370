"""Tables flattened into text lines, ``|`` between cells (web pages saved as text) -> a fact per figure.

    2021年人口数及其构成                 the table's title: the line before it
    单位：人                            the unit: a line just above, a header cell (年末人数(人)),
    指 标 | 年末人数(人) | 比重(%) |      or a cell of the row that is a unit (| 户籍总人口 | 人 | 146041 |)
    全县人口 | 98509 | -- |            a row: its first text cell is the label, each figure a fact
    其中:城镇 | 48443 | 49.18 |          (a 其中 row keeps its marker in the row text: checks read it)

A two-sided table (收入 | 执行数 | 支出 | 执行数: the value cells of the header repeat after a second
label cell) holds two rows on each line: a figure's label is the nearest text cell on its left,
and each side is a column of its own (收入/执行数, 支出/执行数).

A row without a label (``1.7 | 0 | 0 | 1.7 |`` under its header: a table of one row) gives a fact
per figure in the table's unit, named by the header cell above it when the header is one line, by
the header's leaves (``header_leaves``) when it is two.

Only money and people become facts (a unit of 元/万元/亿元 or 人/人次/名); cells under a share
or rate header (比重, %, 增长) and under a numbering header (序号, 栏次) are left out, and so
are tables written one cell per line, whose rows the text does not show. Offsets point at the
figure in the original text; the fact's sentence is its row, its column the header above it.
"""
from __future__ import annotations

from decimal import Decimal

import regex

from ..read.script import is_traditional, simplified
from ..read.tables import NUMBER
from ..records import Document, Fact
from ..rules import Rules

_UNIT_LINE = regex.compile(r"单位\s*[:：]\s*(?P<unit>[^\s|，,。;；)）]{1,4})")
_HEAD_UNIT = regex.compile(r"[（(](?P<unit>[^()（）]{1,4})[）)]\s*$")
_NOT_FIGURES = regex.compile(r"%|％|比重|比例|增长|增幅|增速|占|率|序号|栏次|行次|编号|编码|代码|排名|名次")
_SPACE = regex.compile(r"[\s\u3000]+")
_MARK = regex.compile(r"^(?:(?:其中|#|＃)\s*[:：]?|含\s*[:：])\s*")  # 其中：城镇, #城镇就业人员


def _cells(line: str, base: int) -> list[tuple[str, int]]:
    """The cells of a line with their offsets (empty cells kept, for column positions)."""
    out, pos = [], 0
    for part in line.split("|"):
        stripped = part.strip()
        out.append((stripped, base + pos + (part.find(stripped) if stripped else 0)))
        pos += len(part) + 1
    if out and not out[0][0] and line.lstrip().startswith("|"):
        out = out[1:]  # | a | b |: the line's opening bar
    return out


def _measure(word: str, rules: Rules) -> tuple[str, Decimal, str] | None:
    word = word.strip()
    if word in rules.money:
        return "amount", rules.money[word], "元"
    if word in rules.headcount_units:
        return "headcount", Decimal(1), "人"
    if word.startswith("万") and word[1:] in rules.headcount_units:
        return "headcount", Decimal(10000), "人"
    return None


def table_text(doc: Document, rules: Rules) -> str:
    """The text the tables saved as text are read from: a text in traditional characters in simplified
    ones (one character for one, so offsets are the document's: ``單位:萬元`` is ``单位:万元``, a
    ``合計`` column a ``合计`` column); a fact's sentence is still cut from the text as printed."""
    return simplified(doc.text) if is_traditional(doc.text, rules) else doc.text


def text_cell_fact(doc: Document, rules: Rules, printed: str, at: int, measure: tuple[str, Decimal, str], rule: str,
                   label: str, section: str | None, sentence: str, sentence_start: int, column: str | None,
                   table: int) -> Fact:
    """The fact of a figure printed in a table saved as text (``|`` rows, one cell per line, a grid):
    its value in the measure's unit, the resolution of its last printed digit, its row's label and
    concept, its column."""
    kind, factor, unit = measure
    num = printed.replace(",", "")
    decimals = len(num.split(".")[1]) if "." in num else 0
    return Fact(
        doc_id=doc.doc_id, kind=kind, text=printed, start=at, end=at + len(printed),
        value=Decimal(num) * factor, unit=unit, rule=rule, label=label,
        section=section, page=doc.page_at(at), sentence=sentence, sentence_start=sentence_start,
        resolution=Decimal(1).scaleb(-decimals) * factor, source="table", column=column,
        concept=rules.concept(label), table=table,
    )


def header_sides(cells: list[str]) -> int:
    """The number of header cells per side when the last header cells are two sides of one table
    (a label cell and its value cells, repeated: 收入 | 执行数 | 支出 | 执行数 -> 2), else 0.

    >>> header_sides(["收 入", "执行数", "支 出", "执行数"]), header_sides(["项目", "预算数", "执行数"])
    (2, 0)

    A header whose value cells repeat without rows under a second label cell (项目 | 预算数 | 决算数 |
    预算数) is one-sided: the caller checks the rows.
    """
    cells = [_SPACE.sub("", c) for c in cells]
    for m in (2, 3, 4):
        tail = cells[len(cells) - 2 * m:]
        if len(cells) >= 2 * m and tail[1:m] == tail[m + 1:] and not any(NUMBER.match(c) for c in tail):
            return m
    return 0


def header_leaves(cells: list[str], n: int) -> list[str] | None:
    """The names of ``n`` columns under a header of ``cells`` read in order: the cells themselves when
    there are ``n``; a header over two lines whose second line starts with its parent's subtotal
    (合计 | 因公出国(境)费 | 公务用车费 | 公务接待费 / 小计 | 运行维护费 | 购置费) has that parent, the first
    line's cell sharing the most characters with the second line's names, replaced by its children
    where it stands, the subtotal named as the parent; else None.

    >>> header_leaves(["合计", "因公出国(境)费", "公务用车费", "公务接待费", "小计", "公务用车运行费", "公务用车购置费"], 6)
    ['合计', '因公出国(境)费', '公务用车费', '公务用车运行费', '公务用车购置费', '公务接待费']
    >>> header_leaves(["合计", "因公出国(境)费", "公务用车费", "小计", "运行费", "购置费", "公务接待费"], 5) is None
    True
    """
    cells = [_SPACE.sub("", c) for c in cells]
    if len(cells) == n:
        return cells
    split = next((i for i, c in enumerate(cells) if i and c in ("小计", "合计")), None)
    if split is None or split + 2 > len(cells) or len(cells) - 1 != n:
        return None
    top, children = cells[:split], cells[split + 1:]
    shared = [len(set(c) & set("".join(children))) for c in top]
    best = max(shared)
    if shared.count(best) > 1 or best == 0:
        return None
    at = shared.index(best)
    return top[:at + 1] + children + top[at + 1:]


def side_column(left: str, right: str, side: int, value: str) -> str:
    """The column of a figure on one side of a two-sided table: its side's label cell and its value
    cell (收入/执行数); sides whose label cells read the same (项目 | 预算数 | 项目 | 预算数) are told
    apart by 左/右.

    >>> side_column("收入", "支出", 1, "执行数"), side_column("项目", "项目", 1, "预算数")
    ('支出/执行数', '右:项目/预算数')
    """
    head = f"{(left, right)[side]}/{value}"
    return head if left != right else f"{'左右'[side]}:{head}"


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Runs of consecutive lines with at least two cells (line start, line)."""
    blocks: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 2 and sum(1 for c in line.split("|") if c.strip()) >= 2:
            run.append((pos, line))
        else:
            if len(run) >= 2:
                blocks.append(run)
            run = []
        pos += len(line) + 1
    if len(run) >= 2:
        blocks.append(run)
    return blocks


def flat_table_facts(doc: Document, rules: Rules, first_number: int = 1) -> list[Fact]:
    """Every money or people figure in the ``|`` tables of a text document."""
    facts: list[Fact] = []
    text = table_text(doc, rules)
    for n, block in enumerate(_blocks(text), first_number):
        start = block[0][0]
        above = text[max(0, start - 300):start].strip().split("\n")[-3:]
        unit_line = next((m for line in reversed(above) if (m := _UNIT_LINE.search(line))), None)
        table_unit = _measure(unit_line.group("unit"), rules) if unit_line else None
        title = next((ln.strip() for ln in reversed(above)
                      if ln.replace("|", "").strip() and not _UNIT_LINE.search(ln)), "")
        section = _SPACE.sub("", title)[:40] or f"表{n}"
        headers: dict[int, list[str]] = {}
        head_cells: list[str] = []  # the header's cells in reading order, line after line
        in_header, two_sided, sides = True, False, 0
        for line_start, line in block:
            cells = _cells(line, line_start)
            figures = [j for j, (c, _) in enumerate(cells) if j and NUMBER.match(c)]
            if not figures and in_header:
                for j, (c, _) in enumerate(cells):
                    if c:
                        headers.setdefault(j, []).append(_SPACE.sub("", c))
                        head_cells.append(c)
                continue
            if in_header:  # two sides: the header says so, and rows hold a label under the second label cell
                width = max(headers, default=0) + 1
                sides = header_sides([headers[j][-1] if j in headers else "" for j in range(width)])
                two_sided = sides > 0 and any(len(cs := _cells(ln, 0)) > sides and cs[sides][0]
                                              and not NUMBER.match(cs[sides][0])
                                          and any(NUMBER.match(c) for c, _ in cs[1:]) for _, ln in block)
            in_header = False
            texts = [(j, c) for j, (c, _) in enumerate(cells) if c and not NUMBER.match(c)]
            if not texts and table_unit and not two_sided:  # | 1.7 | 0 | 1.7 |: a row without a label
                facts += _unlabelled(doc, rules, cells, headers, head_cells, table_unit, section, line_start, line, n)
                continue
            if not texts or not figures:
                continue
            row_unit = next((m for _, c in texts if (m := _measure(c, rules))), None)
            names = [(j, c) for j, c in texts if not _measure(c, rules)] or texts
            label = _MARK.sub("", _SPACE.sub("", texts[0][1]))
            for j in figures:
                printed, at = cells[j]
                head = "/".join(headers.get(j, []))
                if two_sided:  # the label on the figure's own side, the side named in the column
                    k, cell = max(((k, c) for k, c in names if k < j), default=names[0])
                    label = _MARK.sub("", _SPACE.sub("", cell))
                    head = side_column("/".join(headers.get(0, [])), "/".join(headers.get(sides, [])), int(k >= sides), head)
                if _NOT_FIGURES.search(head):
                    continue
                col_unit = _HEAD_UNIT.search(head)
                measure = row_unit or (_measure(col_unit.group("unit"), rules) if col_unit else None) or table_unit
                if measure is None:
                    continue
                facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.flat", label, section,
                                            doc.text[line_start:line_start + len(line)].strip(), line_start,
                                            head or None, n))
    return facts


def _unlabelled(doc: Document, rules: Rules, cells: list[tuple[str, int]], headers: dict[int, list[str]],
                head_cells: list[str], measure: tuple[str, Decimal, str], section: str, line_start: int, line: str,
                n: int) -> list[Fact]:
    """The figures of a row without a label (a table of one row under its header), in the table's
    unit: each named by the header cell above it when the header is one line (its cells then stand
    over the figures), by the header's leaves (:func:`header_leaves`) when it is two, else unnamed;
    none when a header cell names a share that cannot be placed."""
    one_line = all(len(h) == 1 for h in headers.values())
    figures = [(printed, at) for printed, at in cells if NUMBER.match(printed)]
    leaves = None if one_line else header_leaves(head_cells, len(figures))
    if not one_line and leaves is None and any(_NOT_FIGURES.search(c) for c in head_cells):
        return []
    facts: list[Fact] = []
    k = 0
    for j, (printed, at) in enumerate(cells):
        if not NUMBER.match(printed):
            continue
        head = headers[j][0] if one_line and j in headers else leaves[k] if leaves else ""
        k += 1
        if head and _NOT_FIGURES.search(head):
            continue
        facts.append(text_cell_fact(doc, rules, printed, at, measure, "table.flat", _MARK.sub("", head), section,
                                    doc.text[line_start:line_start + len(line)].strip(), line_start, None, n))
    return facts
