"""The other items of a list one of whose items is an honour: ``award.sibling``.

Reports enumerate honours: 荣获全国文明单位、全国五一劳动奖状和全国模范职工之家; 现有全国文明校园1所、消防安全示范校
1所; 其中一等奖13名、二等奖29名、单项奖92名. The grammar and the tagger read the item next to the verb and often stop
there. Where an item was found, the items beside it are honours too when they read as one. An item stands after
or before a list mark (、 ， 以及), a count of its own between; it stops at 和 及 与, and no list runs on past them,
as they are as often inside a word (和谐, 及时, 与会). It reads as an honour when it ends in an honour head of
patterns/honours.yaml that is no everyday word (not 单位, 家庭: :meth:`.honours.AwardRules.strong`) or is a prize
level, holds no count, 等 or 的 (甲局等24个单位, 获此殊荣的单位: recipients), opens with no negation, copula, verb or
first-person place (未达到…, 系…, 我区已有…, 简称…), and the tagger's conventions allow it
(:func:`.award_tagger.admissible`). A list runs on from each item kept; it stops at the clause's end or at the first
item that does not read as an honour.

>>> from extract.rules import load_rules
>>> text = "学校先后荣获全国文明校园、全省依法治校示范校、市级平安校园和“优秀家长学校”等称号。"
>>> kept = [AwardHit("award.tv", 6, 12, "全国文明校园", None, None, None, 1)]
>>> [(h.name, h.rule) for h in siblings(text, kept, load_rules())]
[('全省依法治校示范校', 'award.sibling'), ('市级平安校园', 'award.sibling')]
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from .award_tagger import _count, admissible, first_clue, lexicon, segments
from .honours import AwardHit, award_rules, unquote

if TYPE_CHECKING:
    from ..rules import Rules

__all__ = ["RULE", "siblings"]

RULE = "award.sibling"
_COUNT = r"(?:\d+(?:所|个|名|项|家|户|人|位|次|枚|座|条|篇|件|组|支|处))"
# after an item: its closing mark or bracket, its own count, a list mark, an opening mark
_AFTER = regex.compile(rf"[”\"」』]?{_COUNT}?[”\"」』]?(?:、|，|,|以及)[“\"「『]?")
# an item: up to the next list mark or the clause's end
_ITEM = regex.compile(r"[^、，,。；;：:！!？?\n“”\"「」『』和及与]{2,30}")
# before an item, read backwards: the same marks
_BEFORE = regex.compile(r"(?:、|，|,|以及)[“\"「『]?$")
_ITEM_BEFORE = regex.compile(rf"[^、，,。；;：:！!？?\n“”\"「」『』和及与]{{2,30}}?(?:[”\"」』]?{_COUNT}?[”\"」』]?)$")
_VERBS = ("verbs", "head_verbs", "title_verbs", "retain_verbs", "designation_verbs", "commend_verbs")
_YEAR = regex.compile(r"^\d{4}(?:[-—]\d{4})?年度?")
_NOT_NAME = regex.compile(r"\d|等|的|[已现共还拥]有|简称|分为|^(?:未|不|非|没|为|是|系|有|获|此|其中|要|从|我[省市县区镇乡村校院])")
_TRAIL = regex.compile(rf"(?:{_COUNT}|等|荣誉称号|称号|荣誉)+$")


def siblings(text: str, kept: list[AwardHit], rules: Rules) -> list[AwardHit]:
    """The items beside each honour of ``kept`` in the normalised ``text`` that read as honours (see the module),
    none overlapping ``kept`` or each other. An item carries the stage of the honour beside it and the count
    printed with it; no recipient."""
    ar = award_rules(rules)
    lex = lexicon(rules)
    taken = sorted((h.start, h.end) for h in kept)
    starts, ends = [a for a, _ in taken], [b for _, b in taken]
    sentences = list(segments(text))
    begins = [s for s, _ in sentences]
    clue_end = first_clue(text, lex)
    verbs = [p for k, p in lex.lists if k in _VERBS]
    out: list[AwardHit] = []

    def take(a: int, b: int, stage: str) -> AwardHit | None:
        verb = max((m.end() for p in verbs for m in p.finditer(text, a, b)), default=a)
        a = verb  # 先后荣获A、B: the item starts after the verb
        name = text[a:b]
        trail = _TRAIL.search(name)
        if trail and trail.start() >= 2:
            b -= len(name) - trail.start()
            name = text[a:b]
        if not (ar.level.fullmatch(name) or ar.strong(name)) or _NOT_NAME.search(_YEAR.sub("", name)):
            return None  # 张某家庭, 甲局等24个单位, 未达到一星级学校: recipients, no honour
        if ar.generic.match(name) or ar.not_honour.search(name):
            return None
        k = bisect.bisect_left(starts, b)
        if k and ends[k - 1] > a:
            return None
        at = bisect.bisect_right(begins, a) - 1
        if at < 0 or b > sentences[at][1] or not admissible(text, a, b, sentences[at], sentences[at][0], lex, ar,
                                                              clue_end):
            return None
        starts.insert(k, a)
        ends.insert(k, b)
        hit = AwardHit(RULE, a, b, unquote(name), _count(text, a, b, sentences[at][0], ar), None, None, 11, stage)
        out.append(hit)
        return hit

    for h in sorted(kept, key=lambda h: h.start):
        end = h.end
        while (mark := _AFTER.match(text, end)) and (item := _ITEM.match(text, mark.end())):
            got = take(item.start(), item.end(), h.stage)
            if got is None:
                break
            end = got.end
        start = h.start
        while (mark := _BEFORE.search(text, max(0, start - 3), start)) \
                and (item := _ITEM_BEFORE.search(text, max(0, mark.start() - 40), mark.start())):
            got = take(item.start(), item.end(), h.stage)
            if got is None:
                break
            start = got.start
    return sorted(out, key=lambda h: h.start)
