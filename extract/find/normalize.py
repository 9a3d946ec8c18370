"""Text -> normalised text + an offset map back to the text as read.

Rules scan the normalised text (ASCII digits, no thousands separators, Chinese
numerals inside figures rewritten as digits); every span found there is mapped
back through :class:`OffsetMap`, so ``original[start:end]`` is exactly the
printed surface form (as quantulum3 does with its shift map).

Only figures are rewritten: a Chinese numeral becomes digits when a unit or a
date marker follows it (``五千余人``, ``两万余份``, ``二〇二六年``), never inside
ordinary words (``一般``, ``一是``, ``十九届``, ``王一花``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

import cn2an
import regex

from ..read.script import gloss_spans, is_traditional, simplified, simplified_char  # noqa: F401  (read in the find stage too)
from ..rules import Rules, load_rules
from .numerals import numeral_words


@dataclass(frozen=True)
class OffsetMap:
    """Maps positions in the normalised text back to the text as read.

    Stored as the list of edits (normalised start/end, original start/end);
    between edits the two texts are shifted by a constant, so a lookup is one
    bisect. Deletions are edits with an empty normalised side.
    """

    norm_starts: tuple[int, ...]
    norm_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    original_length: int

    def char(self, p: int) -> tuple[int, int]:
        """Original span that normalised character ``p`` came from."""
        k = bisect.bisect_right(self.norm_starts, p) - 1
        if k >= 0 and p < self.norm_ends[k]:
            return self.orig_starts[k], self.orig_ends[k]
        delta = self.orig_ends[k] - self.norm_ends[k] if k >= 0 else 0
        return p + delta, p + delta + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end).

        >>> n = normalize("达 5 万元")   # the space inside the figure is dropped
        >>> n.text, n.map.span(2, 5)
        ('达 5万元', (2, 6))
        """
        if end <= start:
            return (self.char(start)[0], self.char(start)[0])
        return self.char(start)[0], self.char(end - 1)[1]


@dataclass(frozen=True)
class Normalized:
    text: str
    map: OffsetMap


_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({"％": "%", "．": ".", "－": "-", "～": "~", "／": "/", "＋": "+", "‰": "‰",
                   "—": "-", "–": "-", "−": "-", "\u00a0": " ", "\u3000": " ", "\u2002": " ",
                   "\u2003": " ", "\u2009": " "})

_FULLWIDTH = {k: v for k, v in _FULLWIDTH.items() if k != v}
# found with the standard library's re: for a plain character class it scans ~10x faster than
# str.translate with a dict table (a lookup per character) and than the regex module
_FULLWIDTH_RE = re.compile("[" + re.escape("".join(_FULLWIDTH)) + "]")


def _half(text: str) -> str:
    """``text`` with the one-to-one rewrites of ``_FULLWIDTH`` (same length, same offsets)."""
    return _FULLWIDTH_RE.sub(lambda m: _FULLWIDTH[m.group()], text)


# a thousands separator, also with the stray space some pages print after it (2, 418.6万元)
_CLAUSE_END = ("", "，", ",", "。", "；", ";", " ", "\n")
_SEP = regex.compile(r"(?<=(?<![\d.])\d{1,3})[,，] ?(?=\d{3}(?:[,，] ?\d{3})*(?:\.\d+)?(?![\d]))")


def _edits(half: str, rules: Rules, deletions: Iterable[int] = ()) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits on ``half`` (the text after the one-to-one character
    rewrites of ``_FULLWIDTH``, which move no offset and so need no entry in the map),
    non-overlapping, sorted."""
    edits: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()

    def put(s: int, e: int, rep: str) -> None:
        if any(k in taken for k in range(s, e)):
            return
        for k in range(s, e):
            taken.add(k)
            edits.pop(k, None)
        edits[s] = (e, rep)

    # 2. line breaks the caller knows are wraps (PDF lines), a mirror copy's pinyin glosses
    # (全國(guó)雙擁 -> 全國雙擁), and thousands separators
    for pos in deletions:
        put(pos, pos + 1, "")  # thousands separators next: 24,169.74 -> 24169.74
    for s, e in gloss_spans(half, rules):
        put(s, e, "")
    words = numeral_words(rules)
    for m in words.invisible.finditer(half):  # zero-width characters; a BOM between digits too, else a space
        put(m.start(), m.end(), "" if m.group() != "\ufeff" or words.inside_number(half, m.start()) else " ")
    for m in _SEP.finditer(half):
        put(m.start(), m.end(), "")
    for m in words.compound.finditer(half):  # 1亿2000万元, 2万5千人, 1万2000元
        rep = words.compound_text(m.group(), rules)
        if rep is not None:
            put(m.start(), m.end(), rep)
    # 3. spaces inside figures: "达 5 万元", "2021 年"
    for m in rules.figure_space.finditer(half):
        put(m.start(), m.end(), "")
    # 4. Chinese numerals inside figures and dates, never inside fixed phrases (五位一体)
    for m in rules.cn_idioms.finditer(half):
        taken.update(range(m.start(), m.end()))
    for m in words.money.finditer(half):  # 伍元零贰分, 256元4角5分, 二百零八块四角三分钱, 肆分
        yuan = words.money_value(m, rules)
        if yuan is not None:
            put(m.start(), m.end(), f"{yuan}元")
    for m in rules.money_words.finditer(half):  # 贰佰元整, 三十二万零五百零六元二角, 二十块五毛
        if m.start() in taken:  # most are read just above
            continue
        yuan = _money_value(m, rules)
        if yuan is not None:
            put(m.start(), m.end(), f"{yuan}元")
    for m in rules.cn_year.finditer(half):
        raw_y = m.group("y")
        if "千" in raw_y:  # 两千零九年
            try:
                digits = str(int(cn2an.cn2an(raw_y.replace("两", "二"), "normal")))
            except (ValueError, KeyError, TypeError):
                continue
        else:
            digits = "".join(str(rules.cn_digits[c]) for c in raw_y)
        put(m.start("y"), m.end("y"), digits)
    for m in rules.cn_figure.finditer(half):
        raw = m.group("n")
        after = half[m.end("n"):m.end("n") + 1]
        if after in ("月", "日", "号") or (half[m.start("n") - 1:m.start("n")] == "月" and after in _CLAUSE_END):
            # 一月, 二十七日, and a day without 日 ending its clause (二零一九年六月一，)
            value = _cn_value(raw, rules, date_part=True)
        else:
            value = _cn_value(raw, rules, bare_ok=after in ("余", "多"))
        if value is not None:
            put(m.start("n"), m.end("n"), str(value))
    for m in words.month.finditer(half):  # 从二月三日, 四月到六月
        put(m.start("n"), m.end("n"), str(words.digit_value(m.group("n"))))
    for m in words.year2.finditer(half):  # 八九年3月
        put(m.start("y"), m.end("y"), "".join(str(rules.cn_digits[c]) for c in m.group("y")))
    for m in words.magnitude.finditer(half):  # 以六千万收购, 投资五百万, 陆佰贰拾萬
        rep = words.magnitude_text(m, rules)
        if rep is not None:
            put(m.start(), m.end(), rep)
    return sorted((s, e, r) for s, (e, r) in edits.items())


def _money_value(m: regex.Match[str], rules: Rules) -> str | None:
    """Yuan (as decimal text) of money written in words, or None when the run is not a figure.

    >>> r = load_rules()
    >>> [_money_value(m, r) for m in r.money_words.finditer("人民币贰佰贰拾捌万捌仟贰佰叁拾壹元柒角贰分，二十块五毛，千元")]
    ['2288231.72', '20.5', None]
    """
    raw = "".join(rules.cn_capital.get(c, c) for c in m.group("int"))
    if not any(c in rules.cn_digits for c in raw) or raw in rules.cn_skip:
        return None  # 千元, 万元: a unit; 一元: a word
    try:
        whole = int(cn2an.cn2an(raw.replace("两", "二") if raw[0] != "两" else raw, "normal"))
    except (ValueError, KeyError, TypeError):
        return None
    jiao, fen = m.group("jiao"), m.group("fen")
    if not jiao and not fen:
        return str(whole)
    digit = {**{k: v for k, v in rules.cn_digits.items()}, **{k: rules.cn_digits[v] for k, v in rules.cn_capital.items()
                                                              if v in rules.cn_digits}}
    return f"{whole}.{digit[jiao] if jiao else 0}{digit[fen] if fen else ''}".rstrip(".")


#: at most this many numeral runs remembered per rule set (:func:`_cn_value`)
_CN_MEMO_MAX = 50_000


def _cn_value(raw: str, rules: Rules, bare_ok: bool = False, date_part: bool = False) -> int | None:
    """Value of a Chinese numeral run, or None when it is not a number worth rewriting.

    A bare magnitude (千, 万) is a figure only before 余/多 (``千余份``); in ``千元``
    it is part of the unit. The same few runs (一, 二十, 三百) recur in every report, and
    cn2an checks and converts each one in Python: each answer is remembered per rule set.

    >>> r = load_rules()
    >>> _cn_value("五千", r), _cn_value("千", r, bare_ok=True), _cn_value("千", r), _cn_value("一", r)
    (5000, 1000, None, None)
    """
    memo: dict[tuple[str, bool, bool], int | None] = rules.derived("find.normalize.cn_value", lambda _: {})
    key = (raw, bare_ok, date_part)
    if key in memo:
        return memo[key]
    if len(memo) >= _CN_MEMO_MAX:
        memo.clear()
    value = memo[key] = _cn_read(raw, rules, bare_ok, date_part)
    return value


def _cn_read(raw: str, rules: Rules, bare_ok: bool, date_part: bool) -> int | None:
    if raw in rules.cn_skip and not date_part:
        return None
    if raw in rules.cn_bare:
        return rules.cn_bare[raw] if bare_ok else None
    try:
        v = cn2an.cn2an(raw, "normal")
    except (ValueError, KeyError, TypeError):
        return None
    return int(v) if float(v).is_integer() else None


def normalize(text: str, rules: Rules | None = None, deletions: Iterable[int] = ()) -> Normalized:
    """Normalise ``text`` for rule matching, keeping a map back to it.

    >>> n = normalize("受众达五千余人，展板１５０块，共24,169.74万元")
    >>> n.text
    '受众达5000余人，展板150块，共24169.74万元'
    >>> s, e = n.map.span(n.text.index("5000"), n.text.index("人") + 1)
    >>> "受众达五千余人，展板１５０块，共24,169.74万元"[s:e]
    '五千余人'
    """
    rules = rules or load_rules()
    parts: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    os_: list[int] = []
    oe: list[int] = []
    pos = 0
    npos = 0
    # 1. one-to-one character rewrites (full-width digits, dashes, odd spaces; a text in traditional
    # characters read in simplified ones): same offsets
    half = _half(text)
    if is_traditional(half, rules):
        half = simplified(half)
    for s, e, rep in _edits(half, rules, deletions):
        parts.append(half[pos:s])
        npos += s - pos
        parts.append(rep)
        ns.append(npos)
        ne.append(npos + len(rep))
        os_.append(s)
        oe.append(e)
        npos += len(rep)
        pos = e
    parts.append(half[pos:])
    return Normalized("".join(parts), OffsetMap(tuple(ns), tuple(ne), tuple(os_), tuple(oe), len(text)))
