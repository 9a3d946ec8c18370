"""Which year a date printed without one belongs to.

Reports often print ``11月20日`` or ``上半年`` without a year. The year comes
from the nearest statement of it, in this order (as a careful reader would):

1. a year stated earlier in the same sentence (``2019年3月…，7月20日被…命名``);
2. a year that opens a sentence or clause earlier in the same paragraph (``2020年我县…。…6月…``):
   such a year sets the time frame of what follows, while a year inside a clause
   (``并于2018年12月办理…。9月7日…``) is only a recalled event;
3. the document's publication line (``发布日期:2020-11-23``, ``发布时间：2022-08-29 09:58``,
   or a dateline ``2022-11-24 17:09:08`` in the opening lines);
   the title, when the first line is a title (short, no sentence punctuation), or the
   year the caller gives (``--year``), which overrides both;
4. failing all these, the nearest year stated earlier anywhere in the text.

A site's date banner (a first line that is only a date) is none of these.
Relative years (今年, 去年, 上年, 明年, 次年) count from the document's own
year (step 3). When no step gives a year the date is not a fact: the text
never says which year it is (``--MM-DD`` is not a date anyone can use).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

# a stated year: 2019年 (not 2019年度 — an honour's or budget's year — and not part of a range)
_STATED = regex.compile(r"(?<![\d.\-~至到])(?P<y>(?:19|20)\d{2})年(?![度代])(?!\s*[\-~至到]\s*(?:19|20)\d{2})")
_PUBLISHED = regex.compile(
    r"(?:(?:发布|发稿|更新|成文|印发)?(?:时间|日期))\s*[:：]\s*(?P<y>(?:19|20)\d{2})\s*[-/.年]"
    r"|^\s*(?P<y>(?:19|20)\d{2})[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])\s+\d{1,2}:\d{2}",
    regex.MULTILINE)
_TITLE_YEAR = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年")
_BANNER = regex.compile(r"\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:\s*(?:星期|周)[一二三四五六日天])?\s*")
_CLAUSE_OPEN = regex.compile(r"(?:^|[。！？!?\n，,；;：:])[ \t\u3000]*\Z")
RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1, "次年": 1, "前年": -2}


def _first_line(text: str) -> tuple[int, int] | None:
    for m in regex.finditer(r"[^\n]+", text[:2000]):
        if m.group().strip():
            return m.span()
    return None


@dataclass(frozen=True)
class YearContext:
    """Years stated in a normalised text, and the document's own year."""

    #: offset and value of each stated year, in text order; ``topical``: it opens a clause
    positions: tuple[int, ...]
    years: tuple[int, ...]
    topical: tuple[bool, ...]
    #: sentence starts (offset after each 。！？ or line break) and paragraph starts, sorted
    sentences: tuple[int, ...]
    paragraphs: tuple[int, ...]
    document_year: int | None
    #: span of a date banner line to ignore, if any
    banner: tuple[int, int] | None = None
    #: for each stated year, the index of the nearest topical year at or before it (-1: none)
    last_topical: tuple[int, ...] = ()
    #: the day of the publication line (year, month, day) when the document's year is read from it
    published: tuple[int, int, int] | None = None

    def at(self, pos: int, month: int | None = None, day: int | None = None) -> int | None:
        """The year of a date at ``pos`` printed without one (None when the text never says).

        When that year is the publication line's and the date's ``month`` (and ``day``) are
        known, the year is the one that puts the date nearest the day of publication: a page of
        2 January 2024 tells of ``12月2日`` 2023, one of 28 December 2023 announces ``1月5日``
        2024 (as dateparser prefers dates relative to a base)."""
        k = bisect.bisect_right(self.positions, pos) - 1
        if k < 0:
            return self._own(month, day)
        sent = self.sentences[bisect.bisect_right(self.sentences, pos) - 1]
        if self.positions[k] >= sent:
            return self.years[k]
        para = self.paragraphs[bisect.bisect_right(self.paragraphs, pos) - 1]
        j = self.last_topical[k]
        if j >= 0 and self.positions[j] >= para:
            return self.years[j]
        return self._own(month, day) or self.years[k]

    def _own(self, month: int | None, day: int | None) -> int | None:
        if self.published is None or month is None or not 1 <= month <= 12:
            return self.document_year
        y, m, d = self.published
        base = y * 372 + (m - 1) * 31 + d  # a day count: order is all that matters here
        return min((y - 1, y, y + 1), key=lambda c: abs(c * 372 + (month - 1) * 31 + (day or 15) - base))

    def in_banner(self, pos: int) -> bool:
        return self.banner is not None and self.banner[0] <= pos < self.banner[1]


def document_year(text: str, user_year: int | None = None, title: str | None = None) -> int | None:
    """The document's own year: ``user_year`` when the caller gives one, else the publication
    line, else the year in a title (``title``, or the first line when it reads as one).

    >>> document_year("2025年06月17日\\n我市获奖\\n来源: 发布日期:2020-11-23 打印\\n本报讯")
    2020
    >>> document_year("常宁市科学技术协会2021年部门整体支出绩效评价报告\\n一、基本情况")
    2021
    >>> document_year("本报讯 3月31日,会议公布2020年度名单。") is None
    True
    """
    if user_year:
        return user_year
    m = _PUBLISHED.search(text[:600])
    if m:
        return int(m.group("y"))
    first = _first_line(text)
    for line in (title, text[first[0]:first[1]] if first else None):
        line = (line or "").strip()
        if line and not _BANNER.fullmatch(line) and len(line) <= 60 and not regex.search(r"[。，,；;！!？?]", line):
            t = _TITLE_YEAR.search(line)
            if t:
                return int(t.group("y"))
    return None


def year_context(text: str, user_year: int | None = None, title: str | None = None) -> YearContext:
    """Scan ``text`` (normalised: ASCII digits) once for stated years and sentence starts."""
    pos: list[int] = []
    yrs: list[int] = []
    top: list[bool] = []
    for m in _STATED.finditer(text):
        pos.append(m.start())
        yrs.append(int(m.group("y")))
        top.append(bool(_CLAUSE_OPEN.search(text, max(0, m.start() - 3), m.start())))
    sents = [0] + [m.end() for m in regex.finditer(r"[。！？!?\n]", text)]
    paras = [0] + [m.end() for m in regex.finditer(r"\n", text)]
    first = _first_line(text)
    banner = None
    if first and _BANNER.fullmatch(text[first[0]:first[1]]) and _PUBLISHED.search(text[:600]):
        banner = first
    last, latest = [], -1
    for k, t in enumerate(top):
        latest = k if t else latest
        last.append(latest)
    return YearContext(tuple(pos), tuple(yrs), tuple(top), tuple(sents), tuple(paras),
                       document_year(text, user_year, title), banner, tuple(last),
                       None if user_year else published_day(text))


_PUBLISHED_DAY = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>1[0-2]|0?[1-9])\s*[-/.月]\s*(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)")


def published_day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the document's publication line, when it gives the day.

    >>> published_day("更新日期:2024-01-02 09:44:27  【作者:办公室】\\n正文"), published_day("正文") is None
    ((2024, 1, 2), True)
    """
    m = _PUBLISHED.search(text[:600])
    if not m:
        return None
    day = _PUBLISHED_DAY.match(text, m.start("y"))
    return (int(day.group("y")), int(day.group("m")), int(day.group("d"))) if day else None
