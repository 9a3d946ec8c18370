"""What a figure is about, read from the words around it.

The label of ``其中基本支出129.50万元`` is ``基本支出``: the clause before the
figure, cut at the nearest delimiter, with list markers, periods (``2021年``),
connectives (``其中``, ``包括``) and verbs (``达``, ``为``) stripped from its
ends (vocabularies in patterns/labels.yaml). For people and things counted
with a classifier the noun usually follows (``近200名科技工作者``). Only the
small window around the figure is segmented with jieba, never the document.
"""
from __future__ import annotations

import functools
import logging

import regex

from ..rules import Rules
from .honour_labels import honour_label

_MARKER = regex.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)][、.．]?|[一二三四五六七八九十\d]{1,3}[、．]|[一二三四五六七八九十]{1,3}\."
    r"|\d{1,2}\.(?!\d)|[一二三四五六七八九十]{1,2}是|[①-⑳])\s*")


def strip_marker(text: str) -> str:
    """A name without its list marker (一、 （二） 3. 一是 ①), as in labels and table rows.

    >>> strip_marker("三、单位预留机动经费"), strip_marker("（一）人员经费"), strip_marker("2.5万元")
    ('单位预留机动经费', '人员经费', '2.5万元')
    """
    return _MARKER.sub("", text)
_WINDOW = 40
# the word before a 、 that joins two words of one label (…2018 年度收入、支出预算总计): at most
# four characters, after any year or 年度
_CONJUNCT = regex.compile(r"(?:年度|年|^|[^\p{Han}])(?P<word>(?!年)\p{Han}{1,4})$")
_DIGITS = regex.compile(r"[\d.]+")
_YEAR = regex.compile(r"(?:19|20)\d{2}年度?")
_FIGURE = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[年月日号])(?:万亿|[万亿千])?(?:元/[\p{Han}]|人次|[元人名位个项件次户%])?")


def _last_figure_end(clause: str) -> int:
    end = 0
    for m in _FIGURE.finditer(clause):
        end = m.end()
    return end


@functools.lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """jieba, loaded on first use (its dictionary load is the slow part), quietly."""
    import jieba

    from .userdict import path

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    if path().exists():
        jieba.load_userdict(str(path()))
    return jieba


def _unclosed(clause: str) -> int:
    """Index of the last bracket or quote opened and not closed in ``clause``, else -1.

    >>> _unclosed("局本级187人(在职在编"), _unclosed("公共安全（类）支出"), _unclosed("“三公”经费支出")
    (7, -1, -1)
    """
    stack: list[int] = []
    for k, ch in enumerate(clause):
        if ch in "(（“「『":
            stack.append(k)
        elif ch in ")）”」』" and stack:
            stack.pop()
        elif ch == '"':
            if stack and clause[stack[-1]] == '"':
                stack.pop()
            else:
                stack.append(k)
    return stack[-1] if stack else -1


def _strip(clause: str, rules: Rules) -> str:
    prev = None
    while prev != clause:
        prev = clause
        clause = clause.strip(" \t\u3000")
        clause = strip_marker(clause)
        clause = rules.strip_period.sub("", clause)
        clause = rules.strip_prefix.sub("", clause)
        clause = rules.strip_suffix.sub("", clause)
    return clause


def _tail_words(clause: str, limit: int) -> str:
    """The last words of a long clause that fit in ``limit`` characters."""
    words = _jieba().lcut(clause, HMM=False)
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or clause[-limit:]


def label_before(text: str, start: int, rules: Rules) -> str | None:
    """The label stated before the figure at ``start``.

    >>> from extract.rules import load_rules
    >>> label_before("全年支出总计181.92万元，其中基本支出129.50万元", 22, load_rules())
    '基本支出'
    >>> label_before("2018年度收入、支出预算总计33172.15万元", 15, load_rules())
    '收入、支出预算总计'
    """
    lo = max(0, start - _WINDOW)
    window = text[lo:start]
    if "号" in window:  # a document number cuts the clause like a comma (冀财建〔2019〕296号文)国省干线养护
        window = rules.document_number.sub(lambda m: "，" * len(m.group()), window)
    stops = [m for m in rules.clause_stop.finditer(window)]
    cut = stops[-1].end() if stops else None
    # a 、 joins coordinated words of one label (收入、支出预算总计) unless a figure stands before it
    # (基本支出100万元、项目支出50万元): then it separates items of a list
    if stops and stops[-1].group() == "、" and len(window) - stops[-1].end() <= 8:
        before = window[stops[-2].end() if len(stops) > 1 else 0:stops[-1].start()]
        conjunct = _CONJUNCT.search(before)
        if conjunct and not _FIGURE.search(before[conjunct.start():]):
            cut = stops[-1].start() - len(conjunct.group("word"))
    clause = window[cut:] if cut is not None else window
    clause = clause[_unclosed(clause) + 1:]
    raw = clause
    clause = _strip(clause, rules)
    # another figure in the clause (常住人口由上年729万人增加到…): the label is before it
    fig = _FIGURE.search(clause)
    if fig:
        head = _strip(clause[: fig.start()], rules)
        clause = head if len(head) >= 2 else clause[_last_figure_end(clause):]
    clause = _strip(clause, rules).lstrip("、，,；;：: )）]】〕")
    if not clause:
        # 比上年增加1,027.91万元, 比上年42,895万元增加29,821万元: the base is all the figure says of
        # itself; it is kept (find/facts.py completes it with the subject of the level before it)
        bare = strip_marker(_FIGURE.sub("", raw).strip(" \t\u3000、，,；;：:"))
        clause = bare if rules.reference_label.fullmatch(bare) and not _YEAR.fullmatch(bare) else ""
    if not clause and stops and stops[-1].group() in "：:":  # 成交价格：柒万伍仟元整
        field = rules.field_name.search(window, 0, stops[-1].end())
        clause = _strip(field.group("name"), rules) if field else ""
    if not clause or _DIGITS.fullmatch(clause):
        return None
    if len(clause) > rules.label_max:
        clause = _strip(_tail_words(clause, rules.label_max), rules)
    return clause or None


def reference_only(label: str, rules: Rules) -> bool:
    """Whether a label names only the base a figure is measured against (完成预算, 较上年同期,
    比报告数, 同比增支: patterns/labels.yaml ``reference_words``), not what the figure is about.

    >>> from extract.rules import load_rules
    >>> r = load_rules()
    >>> reference_only("完成年初预算", r), reference_only("较上年同期", r), reference_only("预算收入", r)
    (True, True, False)
    """
    return bool(rules.reference_label.fullmatch(label.replace(" ", "")))


def subject_of(level: str, rules: Rules) -> str:
    """A level's label without the words of comparison that end it: what a comparison stated after
    the level is about (结余资金安排的“三公”经费决算数 -> 结余资金安排的“三公”经费; 一般公共预算收入完成
    -> 一般公共预算收入). A label that would keep fewer than two characters is kept whole.

    >>> from extract.rules import load_rules
    >>> subject_of("“三公”经费决算数", load_rules()), subject_of("公务接待费2016年预算", load_rules())
    ('“三公”经费', '公务接待费')
    """
    tail = rules.derived("labels.reference_tail", lambda r: regex.compile(f"(?:{r.reference_label.pattern})$"))
    m = tail.search(level)
    return level[:m.start()].rstrip() if m and m.start() >= 2 else level


_HAN = regex.compile(r"\p{Han}")


def noun_after(text: str, end: int, rules: Rules) -> str | None:
    """The noun phrase right after a classifier figure (``200名科技工作者和科普志愿者``)."""
    window = text[end:end + _WINDOW]
    m = rules.noun_after_stop.search(window)
    phrase = window[: m.start()] if m else window
    phrase = rules.strip_prefix.sub("", phrase.strip())
    if len(phrase) < 2 or not _HAN.match(phrase):
        return None
    if len(phrase) > rules.label_max:
        words = _jieba().lcut(phrase, HMM=False)
        phrase = ""
        for w in words:
            if len(phrase) + len(w) > rules.label_max:
                break
            phrase += w
    return phrase or None


def label_for(text: str, start: int, end: int, unit: str | None, rules: Rules) -> str | None:
    """Label of the figure ``text[start:end]`` printed with ``unit`` (normalised text)."""
    honour = honour_label(text, start, end, unit, rules)
    if honour:
        return honour
    before = label_before(text, start, rules)
    if unit in rules.noun_after_units:
        after = noun_after(text, end, rules)
        if after:
            return after
    return before


_CHANGE_CLAUSE = regex.compile(r"[，,；;：:。！？!?\n]")


def change_direction(text: str, start: int, rules: Rules) -> str | None:
    """``增加`` or ``减少`` when the words just before a figure make it a change (增加1808.29万元,
    较上年下降12%), None when the figure is a level.

    >>> from extract.rules import load_rules
    >>> r = load_rules()
    >>> change_direction("比上年增加1808.29万元", 5, r), change_direction("收入总计181.92万元", 4, r)
    ('增加', None)
    """
    word = change_word(text, start, rules)
    if word is None:
        return None
    return "增加" if word in rules.change_up else "减少"


def change_word(text: str, start: int, rules: Rules) -> str | None:
    """The change word as printed just before a figure (增支 of 同比增支41805万元), else None."""
    lo = max(0, start - 20)
    cut = None
    for m in _CHANGE_CLAUSE.finditer(text, lo, start):
        cut = m.end()
    m = rules.change_before.search(text, cut if cut is not None else lo, start)
    return m.group("word") if m else None
