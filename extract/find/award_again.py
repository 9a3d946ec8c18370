"""An honour a text confers, printed again elsewhere in it: ``award.again``.

A report names its honours more than once: the decision confers 全国文明单位 on a list, and a later paragraph
says 全国文明单位甲局 or 向全国文明单位学习; a profile lists 全国五一劳动奖章 and its closing line repeats it. By
the conventions each printing of a conferred honour is an award, but the grammar and the tagger read a name from
the words around it, and a repeat often stands without a verb of conferring. Once the text has conferred a name,
its other printings are that honour again, where the conventions allow (the tagger's :func:`.award_tagger.admissible`:
no goal, no application, no prize money or event after it …), no word around it makes it an activity, a goal, a
description or the heading of a list (:func:`.award_tagger.bare_ruled_out`: 开展…评选活动, 创建…, …是, …获奖名单) and
nothing found overlaps it.

Only specific names are repeated: a bare head (先进个人, 优秀教师, 文明单位) or prize level (一等奖) printed again is as
often a kind of people or a prize set up as an honour, and a name shorter than :data:`SHORTEST` characters is too.

>>> from extract.rules import load_rules
>>> text = "甲局荣获全国文明单位称号。会上，全国文明单位甲局作了发言。"
>>> kept = [AwardHit("award.tv", 4, 10, "全国文明单位", None, "甲局", None, 1)]
>>> [(h.start, h.name, h.rule) for h in repeated(text, kept, load_rules())]
[(16, '全国文明单位', 'award.again')]
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from .award_tagger import _count, admissible, bare_ruled_out, first_clue, lexicon, segments
from .honours import AwardHit, award_rules, unquote

if TYPE_CHECKING:
    from ..rules import Rules

__all__ = ["RULE", "SHORTEST", "repeated"]

RULE = "award.again"
SHORTEST = 4  # 三等功, 金奖, 先进县 printed again are too often something else
_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"'}


def repeated(text: str, kept: list[AwardHit], rules: Rules) -> list[AwardHit]:
    """The other printings of the specific honours in ``kept`` (found in the normalised ``text``), each kept where
    :func:`.award_tagger.admissible` allows and no honour of ``kept`` or another printing overlaps it. A printing
    carries the stage of the honour it repeats and the count printed next to it; no recipient."""
    ar = award_rules(rules)
    lex = lexicon(rules)
    names: dict[str, AwardHit] = {}
    for h in sorted(kept, key=lambda h: h.start):
        name = unquote(h.name)
        if len(name) < SHORTEST or lex.heads.fullmatch(name) or ar.generic.match(name) or ar.level.fullmatch(name) \
                or ar.not_honour.search(name):
            continue
        names.setdefault(name, h)
        lead = ar.prefix.match(name)  # 2020年全国劳动模范, 第五届全国文明城市: printed again without the year or round
        if lead and len(name) - lead.end() >= SHORTEST and not lex.heads.fullmatch(name[lead.end():]):
            names.setdefault(name[lead.end():], h)
    if not names:
        return []
    taken = sorted((h.start, h.end) for h in kept)
    starts, ends = [a for a, _ in taken], [b for _, b in taken]
    sentences = list(segments(text))
    begins = [s for s, _ in sentences]
    clue_end = first_clue(text, lex)
    out: list[AwardHit] = []
    # longer names first: 全国文明单位标兵 before the 全国文明单位 inside it
    for name in sorted(names, key=len, reverse=True):
        h = names[name]
        for m in regex.finditer(regex.escape(name), text):
            a, b = m.span()
            if a and text[a - 1] in _PAIRS and text.startswith(_PAIRS[text[a - 1]], b):
                a, b = a - 1, b + 1  # the quotes around it
            k = bisect.bisect_left(starts, b)
            if k and ends[k - 1] > a:
                continue
            at = bisect.bisect_right(begins, a) - 1
            if at < 0:
                continue
            sentence = sentences[at]
            if b > sentence[1] or bare_ruled_out(text, a, b, sentence[0], lex) \
                    or not admissible(text, a, b, sentence, sentence[0], lex, ar, clue_end):
                continue
            starts.insert(k, a)
            ends.insert(k, b)
            out.append(AwardHit(RULE, a, b, name, _count(text, a, b, sentence[0], ar), None, None, 10, h.stage))
    return sorted(out, key=lambda h: h.start)
