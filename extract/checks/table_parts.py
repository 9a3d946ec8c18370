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
            run: list[Any] = []
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


#: the numbering of a table's item rows, by style: 一、 / （一） / 1、 1. / （1）
_NUMBERED = (regex.compile(r"^[一二三四五六七八九十]{1,3}、"), regex.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"),
             regex.compile(r"^\d{1,2}(?:、|[.．](?!\d))"), regex.compile(r"^[（(]\d{1,2}[）)]"))


def _style(label: str) -> int | None:
    return next((k for k, p in enumerate(_NUMBERED) if p.match(label or "")), None)


def numbered_items(col: Sequence[Any], total: Any) -> list[Any]:
    """The rows of one table column numbered in the style of the first numbered row on the side of
    ``total`` (a 合计 row first: the rows after it; last: the rows before it) — the items it totals
    (合计 | 1、因公出国(境)费 | 2、公务接待费 | 3、公务用车费 | 其中:(1)…, whose (1) rows are the
    third item's own). [] when the numbering skips or repeats (two lists in one column)."""
    rows = sorted(col, key=lambda f: f.num.start)
    k = rows.index(total)
    side = rows[k + 1:] if k == 0 else rows[:k] if k == len(rows) - 1 else []
    side = [f for f in side if not _is_total(f.num.label)]
    styles = [_style(f.num.label) for f in side]
    first = next((s for s in styles if s is not None), None)
    if first is None or any(marked(f.num.label, f.num.sentence) and s == first for f, s in zip(side, styles)):
        return []
    items = [f for f, s in zip(side, styles) if s == first]
    numbers = [_ordinal(f.num.label) for f in items]
    return items if numbers == list(range(1, len(items) + 1)) else []


def item_rows(col: Sequence[Any], items: Sequence[Any]) -> list[tuple[Any, list[Any]]]:
    """(item, its rows) for the numbered items of one column: the rows between an item and the
    next item (or the column's end or total row) when they are not numbered in the items' style
    (一、本级收入 | 税收 | 非税 | 二、转移性收入 | …); rows numbered in a style of their own
    ((一)…(二)… under 一、) are the item's rows alone. An item with a 其中 row among them is left
    to its 其中 group, and one row is no breakdown. The caller keeps them only when they add up:
    the layout alone says rows are an item's parts, not that they are all of them."""
    rows = sorted(col, key=lambda f: f.num.start)
    at = {id(f): rows.index(f) for f in items}
    out: list[tuple[Any, list[Any]]] = []
    for k, item in enumerate(items):
        stop = at[id(items[k + 1])] if k + 1 < len(items) else len(rows)
        under: list[Any] = []
        for f in rows[at[id(item)] + 1:stop]:
            if _is_total(f.num.label):
                break
            under.append(f)
        if any(marked(f.num.label, f.num.sentence) for f in under):
            continue
        styles = {_style(f.num.label) for f in under} - {None}
        if len(styles) > 1:
            continue
        if styles:
            under = [f for f in under if _style(f.num.label) is not None]
        if len(under) >= 2:
            out.append((item, under))
    return out


def plain_rows(col: Sequence[Any], total: Any) -> list[Any]:
    """The rows on the side of a total row (合计 first: the rows after it; last: the rows before it)
    that are no one's 其中 rows: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车费 | 其中:运行维护费 |
    购置费 -> the three fees. The caller keeps the sum only when it adds up: without numbering or
    codes, only the arithmetic says the rows are all of the total's parts."""
    rows = sorted(col, key=lambda f: f.num.start)
    k = rows.index(total)
    side = rows[k + 1:] if k == 0 else rows[:k] if k == len(rows) - 1 else []
    inner = {id(f) for _, group in groups(side) for f in group}
    return [f for f in side if not _is_total(f.num.label) and id(f) not in inner
            and not marked(f.num.label, f.num.sentence)]


def rows_above(col: Sequence[Any]) -> list[tuple[Any, list[Any]]]:
    """(total row, its parts) for the total rows inside a column (本年支出合计 under its items, 收入总计
    after 本年收入合计 | 上年结转结余): a total row after another is that one plus the rows between;
    the first total row after rows of items is the items numbered in one style above it (numbers may
    skip: a row whose cell is empty holds no figure), else the rows above it that are no one's 其中 rows.
    A total row first or last in its column is :func:`plain_rows`'s and :func:`numbered_items`'s. The caller
    keeps these only when they add up: only the layout says so."""
    rows = sorted(col, key=lambda f: f.num.start)
    out: list[tuple[Any, list[Any]]] = []
    last: int | None = None
    for k, f in enumerate(rows):
        if not _is_total(f.num.label):
            continue
        if last is not None:
            between = [g for g in rows[last + 1:k] if not marked(g.num.label, g.num.sentence)]
            if between:
                out.append((f, [rows[last], *between]))
        elif 0 < k < len(rows) - 1:  # (a total row last: numbered_items and plain_rows read it)
            above = rows[:k]
            styles = [_style(g.num.label) for g in above]
            first = next((st for st in styles if st is not None), None)
            if first is not None:
                items = [g for g, st in zip(above, styles) if st == first]
                numbers = [_ordinal(g.num.label) for g in items]
                parts = items if numbers == sorted(set(numbers)) else []
            else:
                inner = {id(g) for _, group in groups(above) for g in group}
                parts = [g for g in above if id(g) not in inner and not marked(g.num.label, g.num.sentence)]
            if parts:
                out.append((f, parts))
        last = k
    return out


_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def _ordinal(label: str) -> int:
    """1 for 1、 / 一、 / （一） / (1); 十一 -> 11."""
    m = regex.match(r"^[（(]?(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})", label)
    n = m.group("n") if m else ""
    if n.isdigit():
        return int(n)
    if n == "十":
        return 10
    if n.startswith("十"):
        return 10 + _CN.get(n[1:], 0)
    if len(n) >= 2 and n[1] == "十":
        return _CN.get(n[0], 0) * 10 + (_CN.get(n[2:], 0) if len(n) > 2 else 0)
    return _CN.get(n, 0)
