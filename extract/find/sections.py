"""Heading hierarchy and sentences of a normalised text.

Reports mix numbering styles freely (一、 （一） 1、 1. (1) ① 第一部分) and
run-in markers (一是 二是). Each style has a fixed rank (patterns/sections.yaml);
a numbered line opens a section at its rank and closes every open section of
the same or a deeper rank, so ``三、部门预算支出情况分析`` followed by
``1、人员经费115.89万元…`` gives ``三、部门预算支出情况分析 > 1、人员经费``.
A numbered paragraph's title is its text up to the first comma or figure.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .normalize import Normalized
from ..rules import Rules

_SENTENCE_END = regex.compile(r"[。！？!?]+|\n+|\f")
_LINE = regex.compile(r"[^\n\f]*")
_SPACES = regex.compile(r"[ \t\u3000]+")
# a numbered line that is only a name and figures is a table row (一、基本支出 21,968.00), not a heading
_TABLE_ROW = regex.compile(r"[^\d，。；,;：:]*?(?:[ \t]+-?[\d,]+(?:\.\d+)?)+[ \t]*$")


@dataclass(frozen=True)
class Outline:
    """Section path at every offset of the normalised text."""

    starts: tuple[int, ...]
    paths: tuple[str, ...]

    def at(self, offset: int) -> str | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.paths[k] if k >= 0 and self.paths[k] else None


_DIGIT = regex.compile(r"\d")


def _title(norm: Normalized, original: str, start: int, body_start: int, line_end: int, rules: Rules) -> str:
    """Marker plus the words after it, up to a comma, a figure or ``title_max`` chars (as printed)."""
    text = norm.text
    stop = line_end
    m = rules.title_stop.search(text, body_start, line_end)
    if m:
        stop = m.start()
    d = _DIGIT.search(text, body_start, stop)
    if d and d.start() > body_start:
        stop = d.start()
    stop = min(stop, body_start + rules.title_max)
    s, e = norm.map.span(start, stop)
    return _SPACES.sub("", original[s:e]).strip()


def outline(norm: Normalized, original: str, rules: Rules,
            exclude: Sequence[tuple[int, int]] = ()) -> Outline:
    """Build the section path of every offset from the numbered lines and run-in markers.

    ``exclude``: ranges of the original text that hold tables; their numbered row names
    (一、一般公共预算) are not headings.
    """
    starts: list[int] = [0]
    paths: list[str] = [""]
    stack: list[tuple[int, str]] = []  # (rank, title)
    text = norm.text
    for line in _LINE.finditer(text):
        ls, le = line.span()
        if ls == le:
            continue
        m = rules.heading.match(text, ls, le)
        if m and exclude:
            o = norm.map.char(ls)[0]
            if any(a <= o < b for a, b in exclude):
                m = None
        if m and m.end() < le and not _TABLE_ROW.match(text, m.end(), le):
            rank = rules.heading_ranks[m.lastgroup or ""]
            while stack and stack[-1][0] >= rank:
                stack.pop()
            stack.append((rank, _title(norm, original, m.start(m.lastgroup), m.end(), le, rules)))
            starts.append(ls)
            paths.append(" > ".join(t for _, t in stack))
        base = " > ".join(t for _, t in stack)
        if paths[-1] != base:
            starts.append(ls)
            paths.append(base)
        runs = list(rules.run_in.finditer(text, ls, le))
        for r in runs:
            title = _title(norm, original, r.start(), r.end(), le, rules)
            starts.append(r.start())
            paths.append(f"{base} > {title}" if base else title)
        if runs:
            starts.append(le)
            paths.append(base)
    return Outline(tuple(starts), tuple(paths))


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of the normalised text, for lookup by offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def at(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return 0, 0
        return self.starts[k], self.ends[k]


#: a sentence longer than this (unpunctuated text, a hostile file) is cut at its last clause mark
#: before the limit, or at the limit: every stage that looks at a sentence stays linear
MAX_SENTENCE = 1000
_CLAUSE_MARK = regex.compile(r"[；;，,、：:\s]")


def _bounded(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        last = None
        for m in _CLAUSE_MARK.finditer(text, start + MAX_SENTENCE // 2, cut):
            last = m
        cut = last.end() if last else cut
        starts.append(start)
        ends.append(cut)
        start = cut
    if end > start:
        starts.append(start)
        ends.append(end)


def sentences(text: str) -> Sentences:
    """Split at 。！？ and line breaks; each sentence keeps its closing mark. A sentence over
    ``MAX_SENTENCE`` characters is cut at a clause mark (or at the limit).

    >>> s = sentences("甲。乙！\\n丙")
    >>> [("甲。乙！\\n丙")[a:b] for a, b in zip(s.starts, s.ends)]
    ['甲。', '乙！', '丙']
    >>> max(b - a for a, b in zip(*(lambda s: (s.starts, s.ends))(sentences("1元" * 5000))))
    1000
    """
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] not in "\n\f" else m.start()
        if end > pos:
            _bounded(text, pos, end, starts, ends)
        pos = m.end()
    if pos < len(text):
        _bounded(text, pos, len(text), starts, ends)
    return Sentences(tuple(starts), tuple(ends))
