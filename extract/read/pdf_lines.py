"""A PDF page's text as lines: what normalisation deletes so that a sentence reads as one.

pdfplumber gives a page's text line by line as printed. Three things in it are not part of
the text's flow, and are deleted in normalisation (through the offset map, so every fact's
``start``/``end`` still index the text as read):

* page furniture: page numbers and running headers or footers (:func:`furniture`);
* line breaks the PDF inserted inside a sentence (a wrap), and a page break inside one;
* the spaces of a letter-spaced line (``江 苏 省 人 民 检 察 院``, or a justified line that the
  text layer spreads: ``其中 ：拟 采购 货物 支出``), so its words read as words.

Whether a line is "full" is judged by its printed width: a CJK character is one em, an ASCII
character (digits, a space) half of one (:func:`width`), the page's measure is the width of its
long lines. Table rows are never joined: on a page holding a table only prose lines (lines with
clause punctuation) are candidates, and a table row carries none.
"""
from __future__ import annotations

import functools
import unicodedata

import regex

from ..records import Document
from ..rules import compile_rule, load_yaml, patterns_dir

# a page number printed as the page's first or last line: 3, - 10 -, — 5 —, 第 3 页, 3/26
_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—–－]+\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–－]+)?\s*$"
                             r"|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$")
_HEADING_START = regex.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\D"
                               r"|第[一二三四五六七八九十]+部分)")
_LINE = regex.compile(r"[^\n]*\n?")
_END_PUNCT = "。！？!?；;：:"
# a line that starts with the unit of a figure ending the line before (37188.34 / 万元，…)
_UNIT_START = regex.compile(r"^(?:万亿|亿|万|千)?(?:元|%|人次|人|名|个)(?![\d])")
_PROSE_UNIT = regex.compile(r"^(?:万亿|亿|万|千)?(?:元|%|人次|人|名|个)[，,。；;、]")
# clause punctuation: what a sentence has and a table row has not (一、 二、 open a table's row
# names, so 、 after a numeral does not count)
_CLAUSE = regex.compile(r"[，。；]|(?<![一二三四五六七八九十\d])、")
_CJK = r"[\p{Han}、，。：；！？（）《》“”]"
# a space between two CJK characters (or CJK punctuation) of a line
_CJK_GAP = regex.compile(rf"(?<={_CJK}) (?={_CJK})")
_CJK_PAIR = regex.compile(rf"(?<={_CJK})(?={_CJK})")


@functools.lru_cache(maxsize=1)
def _heading_end() -> regex.Pattern[str]:
    """``heading.end`` of patterns/pdf_lines.yaml: the ending of a whole numbered heading."""
    rule = next(r for r in load_yaml(patterns_dir() / "pdf_lines.yaml")["rules"] if r["id"] == "heading.end")
    return compile_rule(rule["pattern"], "pdf_lines.yaml: heading.end")


def heading(line: str) -> bool:
    """A whole numbered heading: it opens with a heading number, has no clause punctuation and
    ends with the noun of a report's part (patterns/pdf_lines.yaml ``heading.end``).

    >>> heading("五、财政拨款支出预算表情况说明"), heading("1．党委办公厅（室）及相关机构事务（款）行政运行")
    (True, False)
    """
    return bool(_HEADING_START.match(line) and not prose(line) and _heading_end().search(line))


def width(line: str) -> float:
    """Printed width of a line in ems: CJK characters and full-width forms 1, the rest 1/2.

    >>> width("与上年相比增长 8.85 %。"), width("号 ， 邮 编 ：")
    (11.5, 7.0)
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in line)


def prose(line: str) -> bool:
    """A line of a sentence, not a table row: it has clause punctuation (，。；、 — not the 、 of
    一、, which opens a row name).

    >>> prose("收、支预算总计各增加 4016.19 万元，"), prose("三、其他资金 15.00 五、教育支出")
    (True, False)
    """
    return bool(_CLAUSE.search(line))


def letter_spaced(line: str) -> bool:
    """A line whose text layer has a space between most of its CJK characters: letter-spaced
    (江 苏 省 人 民 检 察 院) or spread by justification (中 ：拟 采购 货物 支出 268 万 元、).
    At least 4 such spaces, at least half as many as unspaced pairs, and the line is prose or
    has nothing but single characters: a table's header row (合计 财政拨款收入 事业收入) is
    neither.

    >>> letter_spaced("江 苏 省 人 民 检 察 院"), letter_spaced("合计 财政拨款收入 事业收入 其他收入")
    (True, False)
    """
    gaps = len(_CJK_GAP.findall(line))
    if gaps < 4 or gaps * 2 < len(_CJK_PAIR.findall(line)):
        return False
    return prose(line) or not _CJK_PAIR.search(line)


def _page_lines(text: str, base: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-empty line of a page, offsets in the document."""
    out = []
    for m in _LINE.finditer(text):
        if m.group().strip():
            out.append((base + m.start(), base + m.start() + len(m.group().rstrip("\n")), m.group().strip()))
    return out


def _running(doc: Document, pages: list[list[tuple[int, int, str]]]) -> set[str]:
    """Lines printed at the top or bottom of most pages (running headers and footers),
    digits masked so 第3页 and 第4页 are one line."""
    seen: dict[str, int] = {}
    for lines in pages:
        for line in {lines[0][2], lines[-1][2]} if lines else set():
            key = regex.sub(r"\d+", "#", line.replace(" ", ""))
            seen[key] = seen.get(key, 0) + 1
    need = max(3, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need and len(k) <= 40}


def furniture(doc: Document) -> list[tuple[list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """Per page: its content lines, and the ranges of page furniture (page numbers, running
    headers and footers) at its top and bottom, which are not part of the text's flow."""
    pages = [_page_lines(doc.text[p.start:p.end], p.start) for p in doc.pages]
    running = _running(doc, pages) if len(pages) >= 3 else set()
    out = []
    for lines in pages:
        cut: list[tuple[int, int]] = []
        content = list(lines)
        for edge in (-1, 0):
            while content:
                s, e, t = content[edge]
                if _PAGE_NUMBER.match(t) or regex.sub(r"\d+", "#", t.replace(" ", "")) in running:
                    cut.append((s, e))
                    content.pop(edge)
                else:
                    break
        out.append((content, cut))
    return out


def _measure(lines: list[str]) -> float | None:
    """The width of a page's long lines (the 90th percentile), None without lines."""
    widths = sorted(width(t) for t in lines)
    if not widths:
        return None
    return widths[int(len(widths) * 0.9) - 1 if len(widths) > 1 else 0]


def _measures(doc: Document, pages: list[tuple[list[tuple[int, int, str]], list[tuple[int, int]]]],
              table_pages: set[int]) -> list[float | None]:
    """Each page's measure. A page holding a table is measured on its prose lines (its rows
    may be wider than its text column), never narrower than the document's pages of text (the
    median of their measures): its text column is theirs, and cells with a 、 (网络、电子检务、实)
    are prose lines too."""
    own = []
    for span, (content, _) in zip(doc.pages, pages):
        lines = [t for _, _, t in content]
        if span.page in table_pages:
            lines = [t for t in lines if prose(t)]
        own.append(_measure(lines))
    text_pages = sorted(m for span, m in zip(doc.pages, own) if m and span.page not in table_pages)
    typical = text_pages[len(text_pages) // 2] if text_pages else None
    return [m if span.page not in table_pages or typical is None else max(m or 0, typical)
            for span, m in zip(doc.pages, own)]


def _wrap(c: str, n: str, full: float | None, on_table_page: bool) -> bool:
    """Whether the break between line ``c`` and the next line ``n`` (both stripped) is a wrap."""
    if not c or not n or c[-1] in _END_PUNCT or _HEADING_START.match(n) or heading(c):
        return False
    # …总计 37188.34 / 万元，…: a figure cut from its unit (on a table page only when the unit
    # opens a sentence's next clause, which no table cell does)
    if c[-1].isdigit() and (_PROSE_UNIT if on_table_page else _UNIT_START).match(n):
        return True
    if full is None or width(c) < 0.8 * full:
        return False
    # a wide line of text without a cell gap (…使用一般公共预算安排的基本支出中) is prose too; the
    # next line must be (…的日常公用经费支出，…; 围的单位包括：)
    return not on_table_page or ((prose(c) or " " not in c) and (prose(n) or n[-1] in "。：；"))


def line_joins(doc: Document) -> list[int]:
    """Positions to delete in normalisation so that a sentence reads as one: line breaks a
    PDF inserted inside a sentence, page furniture (page numbers, running headers/footers),
    a page break inside a sentence (…总额2744.84万元，其中：拟采 / - 31 - / 购货物支出…), and
    the spaces of letter-spaced lines (江 苏 省 人 民 检 察 院).

    A break is a wrap when the line before it is nearly as wide as the page's measure (4/5 of
    it: a paragraph's first line is indented by two characters) and does not end a sentence,
    and the next line does not open a numbered heading. On a page holding a table both lines
    must be prose (a table's rows and wrapped cells are never joined). Across a page break,
    the last line must end in words, not figures.
    """
    out: set[int] = set()
    table_pages = {t.page for t in doc.tables}
    pages = furniture(doc)
    fulls = _measures(doc, pages, table_pages)
    for span, (content, cut), full in zip(doc.pages, pages, fulls):
        for s, e in cut:  # the furniture line and the line break after it
            out.update(range(s, min(e + 1, span.end)))
        on_table_page = span.page in table_pages
        for (_, e, c), (s2, _, n) in zip(content, content[1:]):
            if s2 == e + 1 and _wrap(c, n, full, on_table_page):  # next line, no blank line between
                out.add(e)
        for s, e, c in content:
            if letter_spaced(c):
                out.update(m.start() for m in _CJK_GAP.finditer(doc.text, s, e))
    for k in range(len(pages) - 1):
        content, _ = pages[k]
        following, _ = pages[k + 1]
        if not content or not following or doc.pages[k + 1].page != doc.pages[k].page + 1:
            continue
        s, e, last = content[-1]
        s2, _, first = following[0]
        full = fulls[k]
        ends_in_words = bool(regex.match(r".*[\p{Han}，、（(“]$", last))
        figure_cut = bool(regex.match(r".*\d$", last) and _UNIT_START.match(first))
        on_table_page = doc.pages[k].page in table_pages
        if (full is not None and width(last) >= 0.8 * full and last[-1] not in _END_PUNCT
                and (ends_in_words or figure_cut) and not _HEADING_START.match(first) and not heading(last)
                and (not on_table_page or (prose(last) and prose(first)))):
            out.update(range(e, s2))
    return sorted(out)
