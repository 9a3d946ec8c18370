"""The mood of a conferral: an honour after 将/计划/可 is still to come, after 拟 only proposed, after
撤销/取消 taken away, after 重新确认/复查合格 kept after review. One filter over the hits of every award
rule (patterns/awards.yaml: ``future_words``, ``propose_words``, ``revoke_words``), so that no rule has
to repeat the words.

The words count only in the clause before the honour (from the last comma, full stop or line end),
where the verb that confers it stands: 雷山县将张某等14位同志表彰为“优秀教育工作者” keeps its award
(将 is the object marker there, a name follows it, not a verb).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from .honours import CLAUSE, AwardHit, AwardRules

__all__ = ["in_mood", "trimmed"]


# a conferral after a review that keeps the honour (重新确认…为, 经复查合格…授予): stage retained
_KEPT = regex.compile(r"重新确认|复查确认|确认保留|继续保留|复查合格|复审合格|通过复查")


def in_mood(hits: list[AwardHit], text: str, ar: AwardRules) -> list[AwardHit]:
    """``hits`` without the honours revoked or still to come; a proposed conferral becomes stage nominated,
    one kept after review stage retained."""
    marks = [m.end() for m in CLAUSE.finditer(text)]
    out = []
    for h in hits:
        k = bisect.bisect_right(marks, h.start)
        start = marks[k - 1] if k else 0
        if ar.revoke.search(text, start, h.start):
            continue  # 撤销甲县省文明县城荣誉称号
        if h.stage == "conferred":
            if ar.future.search(text, start, h.start):
                continue  # 将命名新一届全国双拥模范城（县）
            if ar.propose.search(text, start, h.start):
                h = replace(h, stage="nominated")  # 拟将甲等780个单位评为…优秀组织单位
            elif _KEPT.search(text, start, h.start):
                h = replace(h, stage="retained")  # 重新确认甲市等93个城市为国家卫生城市: kept after review
        out.append(h)
    return out


# words a list rule may leave at the edges of a name: 表彰全国五一劳动奖状, 的特级优秀人民警察 before it;
# 先进基层党组织受到表彰, 市长质量奖获奖（名单）, “优秀组织奖”获奖名单 after it
_LEAD = regex.compile(r"^(?:表彰了?|的)")
_TRAIL = regex.compile(r"(?:受到表彰|获奖(?:单位|集体|个人|者)?|获得者|(?:获奖|表彰|拟表彰|推荐)?名单)$")


def trimmed(hits: list[AwardHit], text: str, ar: AwardRules) -> list[AwardHit]:
    """``hits`` with the words at the edges of a name that belong to the sentence, not to the name, left out."""
    out = []
    for h in hits:
        name, start, end = h.name, h.start, h.end
        lead = _LEAD.match(name)
        if lead and text.startswith(lead.group(), start) and len(name) - lead.end() >= 2:
            name, start = name[lead.end():], start + lead.end()
        trail = _TRAIL.search(name)
        if trail and text.endswith(trail.group(), start, end) and trail.start() >= 2:
            name, end = name[: trail.start()], end - len(trail.group())
            if not (ar.head_end.search(name) or ar.level.search(name) or ar.list_item.search(name)):
                continue  # 现将获奖(名单), 入选…摄影展并获奖: the head was 获奖, the rest names no honour
        if name != h.name and ar.generic.match(name):
            continue
        out.append(h if name == h.name else replace(h, name=name, start=start, end=end))
    return out
