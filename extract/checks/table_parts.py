"""其中 rows of a table: the rows a table marks as "of which" are parts of a row above.

    户籍总人口 | 146041          the parent: the row just above a 其中 row, or, when that row is
    其中：城镇 | 90730           itself a part of an earlier group (乡村 below), the earlier group's
    乡村       | 55311           parent, whichever can hold the rows marked after it
    其中：男性 | 72794           (男性 + 女性 = 146041 cannot be parts of 乡村 55311)
    女性       | 73247
    #城镇就业人员 | 923          ``#`` is the statistical tables' 其中 mark, written before each
                                of its rows (其中 is written once, before the first)

A group is its marked row and the unmarked rows after it, up to the next marked row, a total row
(合计/小计/总计) or the end of the column, and only as long as the rows together stay within
the parent: a row beyond that is the parent's sibling (在职人数 32，其中：在岗人数 32，离退休人数 25).
其中 says "of which", so the group is checked ``le`` (its rows never exceed their parent); the
caller makes it ``eq`` where the rows are exactly a known identity's parts.

Figures are duck-typed: ``num`` (a :class:`~extract.checks.figures.Num`), ``lo``, ``hi``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

#: the mark of an "of which" row, right before its label in the row's text
_MARK = regex.compile(r"(?:(?:其中|#|＃)[\s\u3000]*[:：]?|含[\s\u3000]*[:：])[\s\u3000]*$")
_CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2} ")
_TOTAL = ("合计", "小计", "总计")


def mark(label: str, row: str) -> str:
    """The mark before the label in the row's text ("其中", "#"), or "" (an unmarked row).

    >>> mark("城镇", "其中:城镇 | 48443 | 49.18 |"), mark("城镇就业人员", "#城镇就业人员 | 923 |"), mark("乡村", "乡村 |")
    ('其中', '#', '')
    """
    name = _CODE.sub("", label or "")
    if not name:
        return ""
    at = row.find(name[:4])
    m = _MARK.search(row[max(0, at - 6):at]) if at > 0 else None
    return "" if m is None else "#" if m.group().lstrip()[:1] in "#＃" else m.group()[:2]


def marked(label: str, row: str) -> bool:
    """The row's text marks the label as an "of which" row (其中：城镇, #城镇就业人员)."""
    return bool(mark(label, row))


def _is_total(label: str) -> bool:
    return any(w in (label or "") for w in _TOTAL)


def groups(figs: Sequence[Any]) -> list[tuple[Any, list[Any]]]:
    """(parent, rows) for every 其中 group of every table column among ``figs``."""
    columns: dict[tuple[str, int, str], list[Any]] = {}
    for f in figs:
        if f.num.source == "table":
            columns.setdefault((f.num.section, f.num.table, f.num.column), []).append(f)
    out: list[tuple[Any, list[Any]]] = []
    for col in columns.values():
        col.sort(key=lambda f: f.num.start)
        marks = [i for i, f in enumerate(col) if marked(f.num.label, f.num.sentence)]
        previous: tuple[Any, int] | None = None  # the last group's parent and its last row
        for g, i in enumerate(marks):
            if i == 0:
                continue
            stop = marks[g + 1] if g + 1 < len(marks) else len(col)
            run = []
            hashed = mark(col[i].num.label, col[i].num.sentence) == "#"
            for f in col[i:stop]:
                if run and (_is_total(f.num.label) or hashed):
                    break  # a # marks each of its rows (#城镇就业人员); 其中 is written once before a list
                run.append(f)
            candidates = [col[i - 1]]
            if previous is not None and previous[1] == i - 1:
                candidates.append(previous[0])  # 乡村 just above may be a part itself
            whole = sum(f.lo for f in run)
            parent = next((c for c in candidates if whole <= c.hi), candidates[0])
            if any(f.num.kind != parent.num.kind or f.num.unit != parent.num.unit for f in run):
                continue
            rows: list[Any] = []
            running = 0
            for f in run:
                if rows and running + f.lo > parent.hi:
                    break  # beyond the parent: its sibling (离退休人数 after 在职人数's 其中 row)
                rows.append(f)
                running += f.lo
            out.append((parent, rows))
            previous = (parent, i + len(rows) - 1)
    return out
