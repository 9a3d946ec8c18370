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

from .honours import CLAUSE, AwardHit, AwardRules, split_recipients

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
# the sentence's words before a name that a list rule kept: a verb announcing results (另评出“成就奖”,
# 同时评选出优秀指导教师), 关于 of a notice, the writer's own place (我市“最美家庭”名单揭晓); the next
# 若干 of an uncounted prize (优秀奖若干); recipients 为 the name (命名甲市和乙市为国家园林城市)
_VERB_LEAD = regex.compile(r"^(?:(?:同时|另外|另|并|还|又|共|此外)?(?:评选出|评出|选出|决出|推选出|产生了?)|关于|"
                           r"(?:我|本|该)[省市县区州镇乡](?=[“\"\p{Han}]{3}))")
_VAGUE_TRAIL = regex.compile(r"若干[名个项件篇家位人]?$")
_RECIPIENTS_AS = regex.compile(r"^(?!全)[\p{Han}]{1,12}?[省市县区州旗盟镇乡村]为(?=[\p{Han}“\"]{3})")
# the recipients counted before 为 (等20名同学为, 等5个单位为): 为 opens no name there
_HOLDERS_BEFORE = regex.compile(r"\d+(?:[个名家所位户支人]|名?(?:同学|同志|学生|教师|职工|选手|个人|人员)|个?(?:单位|集体|家庭|团队|班集体))$")
GROUP_LEAD = regex.compile(r"^\p{Han}{1,8}?组(?=\p{Han}{2,6}$)")  # 小学组一等奖: the group is who holds the level
_COUNTED_LEAD = regex.compile(r"^(?:[^，,。；;、“”\d]{1,40}?等)?\d+(?:个|名|家|所|位|户|支|座|人)")


def trimmed(hits: list[AwardHit], text: str, ar: AwardRules) -> list[AwardHit]:
    """``hits`` with the words at the edges of a name that belong to the sentence, not to the name, left out."""
    out = []
    for h in hits:
        name, start, end = h.name, h.start, h.end
        lead = _LEAD.match(name)
        if lead and text.startswith(lead.group(), start) and len(name) - lead.end() >= 2:
            name, start = name[lead.end():], start + lead.end()
        for lead_pat in (_VERB_LEAD, _RECIPIENTS_AS):
            lead = lead_pat.match(name)
            if lead and text.startswith(lead.group(), start) and len(name) - lead.end() >= 2:
                name, start = name[lead.end():], start + lead.end()
        cut = name.find("为")  # 表彰张某等20名同学为“三好学生”: the recipients' noun and 为 before the name
        if 0 <= cut <= 4 and _HOLDERS_BEFORE.search(text[max(0, start - 6):start] + name[:cut]) and len(name) - cut > 2 \
                and text.startswith(name[:cut + 1], start):
            name, start = name[cut + 1:], start + cut + 1
        count, subject, priority = h.count, h.subject, h.priority
        group = GROUP_LEAD.match(name)
        if group and ar.level.fullmatch(name, group.end()) and text.startswith(name, start):
            subject = subject or group.group()
            name, start = name[group.end():], start + group.end()
            priority = min(priority, -1)  # the level read with its count and holders wins over a bare level there
        if _COUNTED_LEAD.match(name) and text.startswith(name, start):
            split = split_recipients(name, ar)  # 继续保留甲市等30个城市省级文明城市: the recipients, then the name
            if split and len(name) - split[2] >= 2:
                subject, count = subject or split[0], count or split[1]
                name, start = name[split[2]:], start + split[2]
        vague = _VAGUE_TRAIL.search(name)
        if vague and vague.start() >= 2 and text.endswith(vague.group(), start, end):
            name, end = name[: vague.start()], end - len(vague.group())
        trail = _TRAIL.search(name)
        if trail and text.endswith(trail.group(), start, end) and trail.start() >= 2 and not text.startswith("”", end):
            name, end = name[: trail.start()], end - len(trail.group())
            if not (ar.head_end.search(name) or ar.level.search(name) or ar.list_item.search(name)):
                continue  # 现将获奖(名单), 入选…摄影展并获奖: the head was 获奖, the rest names no honour
        if name != h.name and ar.generic.match(name):
            continue
        out.append(h if name == h.name and count == h.count else
                   replace(h, name=name, start=start, end=end, count=count, subject=subject, priority=priority))
    return out
