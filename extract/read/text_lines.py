"""A plain-text document's hard line breaks inside sentences: which to join in normalisation.

A web page or a Word file copied as text often keeps the page's line breaks: every line as wide as
the page (about the same number of characters) and a sentence running on into the next line
(…公务用车购 / 置及运行费支出决算3.98万元…). As for a PDF (:mod:`extract.read.pdf_lines`), such a
break is deleted in normalisation through the offset map: the text is not changed, every fact's
``start``/``end`` still index it as read.

Whether a document is wrapped is decided from its own lines (:func:`wrapped_measure`): its measure
is the width of its long lines (the 90th percentile, widths in ems: a CJK character 1, an ASCII one
1/2), and it is wrapped when several lines of prose (with clause punctuation) stand within 1/5 of
that measure without ending a sentence. Most reports saved as text hold one paragraph per line: their
long lines end a sentence, nothing is joined there. Lines that look like table rows (cells split by
``|``, a tab or a run of spaces) neither count nor join.
"""
from __future__ import annotations

import functools

import regex

from ..records import Document
from ..rules import compile_rule, load_yaml, patterns_dir
from .pdf_lines import _END_PUNCT, _UNIT_START, heading, width  # one notion of a sentence end and a cut unit

#: what opens a list inside a sentence: at the end of a full line of a wrapped text, the sentence runs on
_OPENS_LIST = "：:"
#: clause punctuation of a line of prose, full-width or ASCII (web copies often use , and ;)
_CLAUSE = regex.compile(r"[，,。；;]|(?<![一二三四五六七八九十\d])、")
#: a table saved as lines: cells split by |, a tab, or a run of spaces between non-space text
_CELLS = regex.compile(r"[|｜\t]|\S {3,}\S|\S\u3000{2,}\S")
_LINE = regex.compile(r"[^\n]*\n?")
#: a wrap at less than this many ems is a list of short items, not a page's measure
_MIN_MEASURE = 15.0
#: a line this near the measure is full (a paragraph's first line is indented by two characters)
_FULL = 0.8
#: how many full lines of prose, not ending a sentence, make a wrapped document (and what share of its prose lines)
_MIN_OPEN = 3
_MIN_SHARE = 0.2


@functools.lru_cache(maxsize=1)
def _opens_item() -> regex.Pattern[str]:
    """``line.opens_item`` of patterns/text_lines.yaml."""
    rule = next(r for r in load_yaml(patterns_dir() / "text_lines.yaml")["rules"] if r["id"] == "line.opens_item")
    return compile_rule(rule["pattern"], "text_lines.yaml: line.opens_item")


def opens_item(line: str) -> bool:
    """A line that opens a heading, a numbered item, an enumerated point or a bullet.

    >>> opens_item("（二）公务接待费"), opens_item("1.05 万元,增长 35.8%;")
    (True, False)
    """
    return bool(_opens_item().match(line))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start of the text, end of the text, stripped text) of each line, offsets in ``text``; an
    empty line is kept as (-1, -1, "") so that a blank line between two lines is seen."""
    out = []
    for m in _LINE.finditer(text):
        raw = m.group().rstrip("\n")
        t = raw.strip()
        if not m.group():
            break
        if not t:
            out.append((-1, -1, ""))
            continue
        s = m.start() + (len(raw) - len(raw.lstrip()))
        out.append((s, s + len(t), t))
    return out


# a row whose cells are split by single spaces, without clause punctuation (a yearbook's honour
# table: 望城区 第二批全国全域旅游示范区 文化和旅游部)
_SPACED_ROW = regex.compile(r"^[^\s，,。；;]+(?: [^\s，,。；;]+){2,}$")


def _cells(line: str) -> bool:
    """A line that looks like a table row or a cell of one (项目 | 预算数 |, 望城区 第二批… 文化和旅游部)."""
    return bool(_CELLS.search(line) or _SPACED_ROW.match(line.strip()))


def _prose(line: str) -> bool:
    return bool(_CLAUSE.search(line))


def wrapped_measure(text: str) -> float | None:
    """The measure of a hard-wrapped text (the width of its long lines, in ems), None when the text is
    not wrapped: a text is wrapped when at least 3 lines of prose, a fifth of its prose lines, are
    nearly as wide as its measure (4/5) and end without ending a sentence.

    >>> wrapped_measure("一、概况\\n全年一般公共预算收入12.5亿元，同比增长5%。\\n税收收入9.1亿元。\\n") is None
    True
    """
    lines = [t for _, _, t in _lines(text) if t and not _cells(t)]
    prose = [t for t in lines if _prose(t)]
    if len(prose) < _MIN_OPEN:
        return None
    widths = sorted(width(t) for t in lines)
    measure = widths[int(len(widths) * 0.9) - 1]
    if measure < _MIN_MEASURE:
        return None
    open_full = [t for t in prose if width(t) >= _FULL * measure and t[-1] not in _END_PUNCT]
    if len(open_full) < _MIN_OPEN or len(open_full) < _MIN_SHARE * len(prose):
        return None
    return measure


def _wrap(c: str, n: str, measure: float) -> bool:
    """Whether the break between line ``c`` and the next line ``n`` of a wrapped text is a wrap."""
    if _cells(c) or _cells(n) or opens_item(n) or heading(c):
        return False
    if c[-1] in _OPENS_LIST and width(c) >= _FULL * measure:
        return True  # …750 元,其中: / 基本支出…: a full line's colon opens the rest of its sentence
    if c[-1] in _END_PUNCT:
        return False
    if c[-1].isascii() and c[-1].isalpha() and n[0].isascii() and n[0].isalpha():
        return False  # two words of a Latin text: a space, not nothing, stands between them
    if c[-1].isdigit() and _UNIT_START.match(n):
        return True
    return width(c) >= _FULL * measure


def text_joins(doc: Document) -> list[int]:
    """Positions to delete in normalisation so that a hard-wrapped sentence reads as one: the line
    break (and the spaces around it) between a full line that does not end a sentence and the next
    line, when that line does not open a heading or an item. Nothing in a text that is not wrapped
    (:func:`wrapped_measure`), nothing across a blank line, never between table rows."""
    text = doc.text
    measure = wrapped_measure(text)
    if measure is None:
        return []
    out: list[int] = []
    lines = _lines(text)
    for (_, e, c), (s2, _, n) in zip(lines, lines[1:]):
        if c and n and _wrap(c, n, measure):
            out.extend(range(e, s2))
    return out
