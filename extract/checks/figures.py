"""The figures a check reads and the shapes they form: one vocabulary for every check module.

A :class:`Num` is a numeric fact as the validator sees it (kind, unit, where it
stands, what it is about); a :class:`Structure` is a total with its parts and how
they relate (``eq`` exhaustive, ``le`` partial).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

#: brackets that nest a breakdown inside a sentence
OPEN, CLOSE = "(（", ")）"


@dataclass(frozen=True)
class Num:
    """A numeric fact as the validator sees it."""

    fact_id: str
    kind: str
    unit: str
    start: int
    end: int
    sentence_start: int
    sentence: str
    section: str
    label: str
    source: str = "text"
    column: str = ""
    page: int = 0
    #: a change or comparison figure (比上年增加25万元): never a total or a part of one
    change: bool = False
    #: the periods (date values) named in the figure's sentence: 上半年 -> 2022-01/2022-06
    periods: tuple[str, ...] = ()
    #: table facts: the table's number in the document
    table: int = 0


@dataclass(frozen=True)
class Structure:
    total: Num
    parts: tuple[Num, ...]
    relation: str  # eq | le
    marker: str
    #: changes summed with their direction (减少 counts negative): a total change and its parts' changes
    signed: bool = False
    #: the structure is read from the figures' layout alone (a numbered list whose intro the facts do
    #: not hold): it is kept only when it adds up, since nothing shows the items are the total's parts
    unsure: bool = False


@functools.lru_cache(maxsize=256)
def _depths(sentence: str) -> tuple[int, ...]:
    """Bracket depth before every position of ``sentence``, computed once per sentence."""
    out = [0]
    d = 0
    for ch in sentence:
        if ch in OPEN:
            d += 1
        elif ch in CLOSE and d:
            d -= 1
        out.append(d)
    return tuple(out)


def depth_at(sentence: str, pos: int) -> int:
    depths = _depths(sentence)
    return depths[max(0, min(pos, len(depths) - 1))]


def same_measure(a: Num, b: Num) -> bool:
    return a.kind == b.kind and a.unit == b.unit
