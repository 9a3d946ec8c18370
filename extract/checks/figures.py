"""The figures a check reads and the shapes they form: one vocabulary for every check module.

A :class:`Num` is a numeric fact as the validator sees it (kind, unit, where it
stands, what it is about); a :class:`Structure` is a total with its parts and how
they relate (``eq`` exhaustive, ``le`` partial).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..rules import Rules, concept_key

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
    #: parts that count negative (a balance: 收入 + 上年结余 − 上解支出 − 支出 = 年终结余)
    minus: frozenset[str] = frozenset()
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


_STATEMENT = regex.compile(r"(?P<s>预算|决算|执行)数?$")


def statement_of(label: str | None) -> str | None:
    """Which statement of a figure its label ends with: 预算 (年初预算, 调整预算), 决算 or 执行.

    >>> statement_of("公务接待费支出决算"), statement_of("年初预算数"), statement_of("公务接待费")
    ('决算', '预算', None)
    """
    m = _STATEMENT.search(label or "")
    return m.group("s") if m else None


def same_measure(a: Num, b: Num) -> bool:
    return a.kind == b.kind and a.unit == b.unit


_PER_HEAD = regex.compile(r"人均|户均|平均|每人|每户")
# words before a concept that say whose it is (…安排的, 市级部门), not another measure (财政拨款收入 is
# one fund's part of 收入)
_QUALIFIED = regex.compile(r"(?:的|部门|单位|本级|级|中)$")
# the verbs a communiqué writes into a label (全区实现地区生产总值, 第一产业完成增加值): not part of the name
_VERB = regex.compile(r"实现|完成")
_YEAR = regex.compile(r"^(?:(?:19|20)\d{2}年度?|本年度?|全年)")
_NOTE = regex.compile(r"[（(][^（）()]{1,12}[）)]$")
# single generic words among the synonyms (工程, 服务, 货物) name a concept only as a whole label
_SUFFIX_MIN = 4


class _Concepts:
    """What a label names, beyond the synonyms: without a bracketed note at its end
    (工资福利支出(人员支出) -> 工资福利支出), by the longest synonym it ends with
    (拨款安排的“三公”经费决算支出数 -> 三公经费), and without the verbs a communiqué writes into it
    (第一产业实现增加值 -> 第一产业增加值)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.memo: dict[str, str | None] = {}

    def __call__(self, label: str) -> str | None:
        if label in self.memo:
            return self.memo[label]
        rules = self.rules
        found = rules.concept(label)
        bare = _YEAR.sub("", _NOTE.sub("", label))
        if found is None and bare != label and bare:
            found = rules.concept(bare)
        if found is None and bare and not _PER_HEAD.search(bare):
            whole = concept_key(bare)
            key = whole
            for _ in range(3):  # 三公经费财政拨款支出年初预算 -> …支出 -> …财政拨款 -> 三公经费: three endings at most
                key = rules.label_suffix.sub("", key) or key
            best: tuple[int, str] | None = None  # the longest synonym either form ends with
            for cand in (key, whole):
                for i in range(len(cand) - _SUFFIX_MIN + 1):  # one dict look-up per ending, longest first
                    ending, before = cand[i:], cand[:i]
                    # the words before the concept qualify it (拨款安排的…, 区本级…), they do not make
                    # another measure of it (人均…, 涉及…当年财政拨款)
                    if ending in rules.concepts and (not before or _QUALIFIED.search(before)
                                                     or rules.label_prefix.fullmatch(before)):
                        if best is None or len(ending) > best[0]:
                            best = (len(ending), rules.concepts[ending])
                        break
            found = best[1] if best else None
        if found is None and bare and _VERB.search(bare) and _VERB.sub("", bare):
            found = self(_VERB.sub("", bare))  # 第一产业实现增加值, 一季度全县生产总值完成
        self.memo[label] = found
        return found


def concept_of(label: str | None, rules: Rules) -> str | None:
    """The concept a figure's label names (see :class:`_Concepts`)."""
    if not label:
        return None
    return rules.derived("checks.concepts", _Concepts)(label)


#: a classification sentence (分产业看：, 从收入结构看，): its items are parts of the total before it
#: (also with its subject before 按照 and a classification named: 财政支出按照功能分类支出完成情况：)
CLASSIFY = regex.compile(r"^[\s\u3000]*(?:(?:从|按|分)[^，,。：:；;]{1,10}?(?:看|分|划分|统计)"
                         r"|[^，,。：:；;\d]{1,6}?按照?[^，,。：:；;\d]{1,10}?分类[^，,。：:；;\d]{0,8}?)[\s\u3000]*[：:，,]")


#: the words that name a figure's column when a sentence states one subject for several periods or
#: stages (…收入当月完成13.1亿元；累计完成158.9亿元 / 上年决算…，今年预算…), longest first
_PERIOD = regex.compile(r"(?:(?:19|20)\d{2}年度?)?(?:年初预算|调整预算|预算数|决算数|执行数|上年决算|上年预算|当月|本月|"
                        r"累计|上年|本年|当年|预算|决算)|\d{1,2}\s*[-—～~至]\s*\d{1,2}\s*月|(?:19|20)\d{2}年度?")


#: a rate's base: 完成年初预算数60999万元的40.4% (the figure a share is taken of)
_RATE_BASE = regex.compile(r"[\s\u3000]*的[\s\u3000]*\d[\d.]*[\s\u3000]*[%％]")


def rate_base(n: Num) -> bool:
    """A figure that a rate is taken of (…累计完成24627万元，完成年初预算数60999万元的40.4%): a base, neither a
    total of the parts that follow nor a period's column."""
    return n.source == "text" and bool(_RATE_BASE.match(n.sentence, n.end - n.sentence_start))


def signature(members: Sequence[Num], ss: int) -> tuple[str, ...] | None:
    """The period words of a sentence's figures of one measure, one per figure, when each figure has
    its own (当月完成13.1亿元；累计完成158.9亿元 -> ('当月', '累计')); None otherwise.

    The figures are the sentence's figures outside brackets (levels: the caller leaves changes
    out), of the measure of its first."""
    levels = [n for n in members if depth_at(n.sentence, n.start - ss) == 0 and not rate_base(n)]
    if len(levels) < 2:
        return None
    levels = [n for n in levels if same_measure(n, levels[0])]
    words: list[str] = []
    prev = 0
    for n in levels:
        found = _PERIOD.findall(n.sentence, prev, n.start - ss)
        if not found:
            return None
        words.append(regex.sub(r"\s", "", found[-1]))
        prev = n.end - ss
    return tuple(words) if len(words) >= 2 and len(set(words)) == len(words) else None
