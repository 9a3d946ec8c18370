"""Labels of figures that count an honour's holders or its prize money: they name the honour.

``3名同学斩获“全国一等奖”`` is labelled 全国一等奖获奖同学 rather than 同学, ``评选出一等奖6名``
一等奖获奖者, ``全国二等奖获奖名单(10人)`` 全国二等奖获奖者, and ``授予…“县长质量奖”，各奖励10万元``
县长质量奖奖金. :func:`.labels.label_for` asks here first; every other figure keeps the label of
its own words.
"""
from __future__ import annotations

import functools

import regex

from ..rules import Rules
from .honours import AwardRules, award_rules, strip_tail, unquote


_HEADING = regex.compile(r"(?P<name>[^\s，,。；;：:、.．]{2,30}?)(?P<kind>获奖人员名单|获奖学生名单|获奖者名单|获奖名单|名单|拟推荐对象"
                         r"|推荐对象|候选人|候选对象)[（(]共?$")
_GIVEN = regex.compile(r"^(?P<noun>\p{Han}{0,4}?)[“\"](?P<name>[^“”\"]{2,30})[”\"]")
_HOLDER = regex.compile(r"^(?P<noun>\p{Han}{0,4}?)(?:在[^，,。；;]{1,20}?中)?(?:被|均|分别|先后)?$")


# a text that never says any of these counts no honour's holders (one search per text, cached)
_HONOUR_WORDS = regex.compile(r"奖|荣誉|称号|表彰|表扬|先进|模范|标兵|能手|之星|名单|推荐|候选")


@functools.lru_cache(maxsize=8)
def _speaks_of_honours(text: str) -> bool:
    return bool(_HONOUR_WORDS.search(text))


_PRIZE = regex.compile(r"(?:^|[，,])(?:各|每家|每人|每个|分别|并|同时)?(?:给予)?(?:一次性)?(?:奖励|奖金|发放奖金)[^，,。；;]{0,2}$")


def _prize_money(text: str, start: int, ar: AwardRules) -> str | None:
    """授予…“2012年度某县县长质量奖”，各奖励10万元 -> 2012年度某县县长质量奖奖金: the money of an honour
    conferred in the clause before is its prize money."""
    lo = max(0, start - 120)
    stop = max(text.rfind(c, lo, start) for c in "。；;\n")
    window = text[stop + 1:start]
    if not _PRIZE.search(window):
        return None
    last = None
    for pat in (ar.quoted, ar.named):
        for m in pat.finditer(window):
            if last is None or m.end() > last[0]:
                last = (m.end(), m.group("name"))
    if last is None:
        return None
    name = strip_tail(unquote(last[1]).strip(), ar)
    return name + "奖金" if name and not ar.generic.match(name) else None


def honour_label(text: str, start: int, end: int, unit: str | None, rules: Rules) -> str | None:
    """The label of a count of people who received an honour names the honour, not just the people:
    ``3名同学斩获“全国一等奖”`` -> 全国一等奖获奖同学, ``评选出一等奖6名`` -> 一等奖获奖者,
    ``全国二等奖获奖名单(10人)`` -> 全国二等奖获奖者. None when the figure counts no honour's holders.

    >>> from extract.rules import load_rules
    >>> r = load_rules()
    >>> t = "马某等三名同学斩获“全国一等奖”。"
    >>> honour_label(t, 3, 5, "名", r), honour_label("共有职工3名。", 4, 6, "名", r)
    ('全国一等奖获奖同学', None)
    """
    if not _speaks_of_honours(text):
        return None  # most reports: no figure of theirs counts an honour's holders
    ar = award_rules(rules)
    if unit in rules.money:
        return _prize_money(text, start, ar)
    if unit not in rules.headcount_units:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    head = _HEADING.search(text[max(line_start, start - 48):start].strip())  # a heading's last 48 characters
    if head:  # 全国二等奖获奖名单(10人), 优秀共产党员拟推荐对象(2名)
        name, kind = head.group("name"), head.group("kind")
        if ar.named_item.fullmatch(name) and not ar.generic.match(name):
            return name + ("获奖者" if "获奖" in kind or kind == "名单" else kind)
    stop = rules.clause_stop.search(text, end, min(len(text), end + 60))
    after = text[end:stop.start() if stop else min(len(text), end + 60)]
    verb = ar.verbs.search(after)
    if verb:  # 10多位老师荣获“优秀指导教师”称号
        holder = _HOLDER.match(after[: verb.start()])
        name = strip_tail(unquote(after[verb.end():]).removeprefix("了").strip(), ar)
        if holder and (ar.named_item.fullmatch(name) or ar.level.fullmatch(name)) and not ar.generic.match(name):
            return name + "获奖" + (holder.group("noun") or "者")
        return None
    lo = max(line_start, start - 30)
    clause = text[lo:start]
    cut = rules.clause_stop.search(clause[::-1])
    clause = clause[len(clause) - cut.start():] if cut else clause
    given = _GIVEN.match(after)
    # 授予肖某等16名同志“…先进个人”称号; 表彰了12名优秀教师、5个先进集体和3名“最美乡村医生” (one verb
    # before a list of counted honours joined by 、 and 和)
    if given and (ar.verbs.search(clause) or _listed_after_verb(text, lo + len(text[lo:start]) - len(clause), ar)):
        name = given.group("name")
        if not ar.generic.match(name) and not ar.not_honour.search(name):
            return name + "获奖" + (given.group("noun") or "者")
    held = _OF_HONOUR.search(clause)
    if held and ar.verbs.search(held.group("verb")):  # 对获得一等奖的8名学生各奖励2000元
        name = strip_tail(unquote(held.group("name")).strip(), ar)
        noun = _NOUN.match(after)
        if (ar.level.fullmatch(name) or ar.named_item.fullmatch(name)) and not ar.generic.match(name):
            return name + "获奖" + (noun.group() if noun else "者")
    last = None
    for last in ar.result_verbs.finditer(clause):
        pass
    if last is not None:  # 评选出一等奖6名
        name = clause[last.end():]
        if (ar.level.fullmatch(name) or ar.named_item.fullmatch(name)) and not ar.generic.match(name):
            return name + "获奖者"
    level = _LEVEL_BEFORE.search(clause)
    if level and _level_results(text, start, ar):  # 教师硬笔一等奖4名，二等奖5名 in a notice of results
        return level.group("name") + "获奖者"
    return None


# 获得一等奖的8名学生, 荣获“优秀班集体”称号的5个班级: the honour held by the people counted after it
_OF_HONOUR = regex.compile(r"(?P<verb>获得|荣获|获评|获|被评为|评为)(?P<name>[^，,。；;、的]{2,30}?)(?:称号|荣誉)?的$")
# the people counted: the noun right after the count, before 各/每人/分别 or a verb
_NOUN = regex.compile(r"\p{Han}{1,4}?(?=各|每人|每名|分别|均|共|将|获|给予|奖励|[，,。；;、]|$)")
_PRAISE = regex.compile(r"表彰|表扬|嘉奖")
# a list of counted honours after one verb: only 、 和 及 between the verb's clause and the count
_LIST_JOIN = regex.compile(r"[^，,。；;：:\n]*$")


def _listed_after_verb(text: str, clause_start: int, ar: AwardRules) -> bool:
    """Whether the clause starting at ``clause_start`` continues a list whose items a verb of
    conferral before them governs (表彰了12名优秀教师、5个先进集体和3名“…”)."""
    if clause_start == 0 or text[clause_start - 1] != "、":
        return False
    run = _LIST_JOIN.search(text, max(0, clause_start - 120), clause_start)
    return bool(run and (ar.verbs.search(run.group()) or ar.result_verbs.search(run.group())
                         or _PRAISE.search(run.group())))


# a prize level right before a count (学生硬笔一等奖, 二等奖作品); the group before it is no part of the honour
_LEVEL_BEFORE = regex.compile(r"(?P<name>(?:特等|一等|二等|三等|优秀|金|银|铜|优胜|鼓励)奖)(?:作品|论文)?$")
_SETTING = regex.compile(r"设(?:置|立)?|名额|指标|奖金|每名|每人")


def _level_results(text: str, start: int, ar: AwardRules) -> bool:
    """The sentence of a count after a level announces results (评出, 获奖, 其中 after them), and sets no prizes."""
    stop = max(text.rfind(c, 0, start) for c in "。；;\n")
    sentence = text[stop + 1:start]
    if _SETTING.search(sentence):
        return False  # 设一等奖5名, 分配名额: prizes set, not conferred
    before = text[max(0, stop - 300):start]
    return bool(ar.result_verbs.search(before) or ar.verbs.search(sentence) or "获奖" in before)
