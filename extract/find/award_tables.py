"""Honours in the column of a table printed as text: yearbook honour tables (recipient, honour,
conferring body per row).

``award.table`` — the cells of the column headed 荣誉称号 (奖项, 获奖等次, 奖励(命名)名称 …). Cells are split
at tabs, runs of spaces or ``|``; a table whose header cells are split by single spaces (the PDF text
of a yearbook) is read row by row while rows keep the header's width, a cell wrapped onto a line of
its own leaving the table open.
"""
from __future__ import annotations

import regex

from .honours import AwardHit, AwardRules, unquote

_HEADER_NOTE = regex.compile(r"[（(][^（）()]{1,6}[）)]")  # 奖励(命名)名称 -> 奖励名称
_SPACED = regex.compile(r"[^ \t\u3000\n]+")
_PROSE = regex.compile(r"[，,；;]")


def _nth_cell(line: str, k: int) -> int:
    return [c.start() for c in _SPACED.finditer(line)][k]


_CELL = regex.compile(r"(?:(?!\t| {2,}|\u3000|\|).)+")
_LINE = regex.compile(r"(?m)^[^\n]*$")


def _cells(line: str) -> list[tuple[int, str]]:
    out = []
    for c in _CELL.finditer(line):
        stripped = c.group().strip()
        if stripped:
            out.append((c.start() + c.group().find(stripped), stripped))
    return out


def table_column(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours in the column headed 荣誉称号 (奖项, 获奖等次 …) of a table printed as text."""
    hits: list[AwardHit] = []
    if not (ar.column_word.search(text) or "名称" in text):  # 奖励(命名)名称 reads 奖励名称
        return hits  # no header word of an honour column anywhere
    col = None
    width = 0
    single, misfits = False, 0  # a table whose cells are split by single spaces (PDF text of a yearbook)
    for m in _LINE.finditer(text):
        line = m.group()
        if "|" not in line and "\t" not in line and "  " not in line and "\u3000" not in line:
            if col is not None and single and not _PROSE.search(line) and misfits < 4:
                cells = _SPACED.findall(line)
                if not (width - 1 <= len(cells) <= width and col < len(cells)):
                    misfits += 1  # a cell wrapped onto its own line: the table goes on
                    continue
                misfits = 0
                pos = _nth_cell(line, col)
                cell = cells[col].rstrip("。")
                name = unquote(cell)
                if ar.named_item.fullmatch(cell) and not ar.generic.match(name) and not ar.not_honour.search(name):
                    hits.append(AwardHit("award.table", m.start() + pos, m.start() + pos + len(cell), name, None,
                                         cells[col - 1] if col else None, None, 1))
                continue
            col, single = None, False  # a line of prose: no table row, and the table (if any) ended
            if not (ar.column_word.search(line) or "名称" in line):
                continue
            cells = _SPACED.findall(line)
            heads = [k for k, c in enumerate(cells) if ar.honour_column.match(_HEADER_NOTE.sub("", c))]
            if 2 <= len(cells) <= 5 and len(heads) == 1:
                col, width, single, misfits = heads[0], len(cells), True, 0
            continue
        cells = _cells(line)
        if col is not None:
            if len(cells) < 2 or len(cells) > width + 1 or len(cells) <= col - (width - len(cells)):
                col = None  # the table ended
            else:
                k = col - (width - len(cells))  # a row without its first cell (序号) keeps its honour column
                pos, cell = cells[k]
                name = unquote(cell)
                if (ar.named_item.fullmatch(cell) or ar.level.fullmatch(cell)) and not ar.generic.match(name) \
                        and not ar.not_honour.search(name):
                    holder = cells[k - 1][1] if k and not cells[k - 1][1].isdigit() else None  # the row's recipient
                    hits.append(AwardHit("award.table", m.start() + pos, m.start() + pos + len(cell), name, None,
                                         holder, None, 1))
                continue
        heads = [k for k, (_p, c) in enumerate(cells) if ar.honour_column.match(_HEADER_NOTE.sub("", c))]
        if len(cells) >= 2 and len(heads) == 1:
            col, width = heads[0], len(cells)
    return hits


# 湖北五一劳动奖章拟推荐人选：张某、李某 — an honour, its nominee noun and a colon before the names
