"""Honours named where no head of the vocabulary ends them, or where no verb confers them (issue 20, mined
from unannotated honour news, profiles and work reports; tests/test_honour_objects.py):

* :func:`designations` — the objects of a verb of designation (入选, 列入, 上榜 …) in a passage about
  honours, or after a verb that only ever designates with a level before the name (跻身全国千强镇);
* :func:`held_and_holders` — an honour held (已是“…”的, 一直是…, 系“…”) and an honour before its holders
  (…上榜的有…);
* :func:`counted_passive` — counted honours before a passive verb (12位全国劳动模范获得表彰);
* :func:`epithet_chains` — honours a person holds listed before the unit, role and name, merits run on after
  one verb (荣立个人二等功1次，个人三等功4次), a profile's designations after 是, and 新增N个… .

Every rule here returns :class:`.honours.AwardHit` values; :func:`.awards.find_awards` resolves the overlaps.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from .honours import GENERIC_REST as _GENERIC_REST
from .honours import ORGAN_AND, QUOTES, VAGUE_END as _VAGUE_END
from .honours import AwardHit, AwardRules, unquote

if TYPE_CHECKING:
    from .sections import Sentences

__all__ = ["BATCH_NOT", "counted_passive", "designations", "epithet_chains", "held_and_holders", "profile_lists"]

# a batch of recipients, not of honours: categories (先进集体, 先进个人), a description (成绩突出的…)
def _inside_quotes(name: str, start: int) -> tuple[str, int]:
    """A name printed wholly inside quotes, and its start: the name inside them."""
    if name[0] in QUOTES and name[-1] in QUOTES:
        return name[1:-1], start + 1
    return name, start


BATCH_NOT = regex.compile(r"^(?:先进|优秀)?(?:集体|个人|单位|职工|典型|工作者|人物)$|的")

# the items of a chain of objects after one verb of designation (列入A、B、C; 上榜A和B); quotes are not split
# (not 和谐, 和平; not the 和 inside a ministry's name: 全国住房和城乡建设系统先进集体, 人力资源和社会保障, 工业和信息化)
_CHAIN = regex.compile(rf"(?:[“\"][^“”\"\n]{{1,40}}[”\"]|(?!、|以及|和(?![谐平美睦]|{ORGAN_AND})|及|与|暨).)+")
# the characters of a name read after a verb of designation: no 的 (a description), no verb's clause
_NAME_SHAPE = regex.compile(r"[\p{Han}A-Za-z0-9“”\"（）()·\-—]+")
_SENT_END = regex.compile(r"[。！!？?；;]")
# words before an object that are no part of it: a particle, the kind of honour set before its name with a dash
# (荣获最高奖——“长安杯”)
_OBJECT_LEAD = regex.compile(r"^(?:了|的|为|于|\p{Han}{0,6}?(?:奖项|奖|荣誉|殊荣)(?:——|—|-{1,3}|[：:]))")
HOLDER_VERB = regex.compile(r"(?:荣获|获得|获评|喜获|被评为|被授予|获)(?!得者|奖者)")  # a verb of winning right after a name
_TAKE_PART = regex.compile(r"参评|参加|参与|参赛|申报|争创|创建|争取")
# words that end an object: a second verb of the clause, a conjunction (成为A并入选B)
_OBJECT_END = regex.compile(r"并(?:且)?(?=\p{Han})|同时|从而")


def designations(text: str, sents: Sentences, ar: AwardRules, found: list[AwardHit]) -> list[AwardHit]:
    """一批工作获得国家荣誉。成为…，列入全国森林康养基地、新时代文明实践中心: the objects of a verb of
    designation (入选, 列入, 上榜 …; ``designation_verbs``) are honours though their names end in no head of
    the vocabulary, where the passage speaks of honours (``honour_context_words``, or an honour ``found``, in
    the clause or the two sentences before: the line, at most) or the verb only ever designates
    (``designation_level_verbs``: 跻身, 荣登 …). The first object must read as a name (a level, a round, a
    region or quotes open it, or a head ends it); the next ones of the chain follow it. An object that ends
    as an event, a plan, a project, a role or a rank (``designation_not_end``) ends the chain."""
    hits: list[AwardHit] = []
    starts = sorted(h.start for h in found)
    spans = sorted((h.start, h.end) for h in found)
    for m in ar.designation.finditer(text):
        verb = m.group("verb")
        lo = m.start("obj")
        if text.startswith(("的", "之"), lo):
            continue  # 湖南省文明校园上榜的有…: the verb in a relative clause, its holders after it
        hi = m.end("obj")
        stops = (ar.verbs.search(text, lo + 1, hi), ar.designation.search(text, lo + 1, hi),
                 _OBJECT_END.search(text, lo, hi))
        for stop in stops:
            if stop is not None and stop.start() < hi:
                hi = stop.start()
        nominee = "候选" in text[lo:hi]  # 入选全国乡村治理示范村候选名单: a nomination (stage nominated)
        # a passage about honours: the clause and two sentences before, on the same line
        line = text.rfind("\n", 0, m.start()) + 1
        ends = [e.end() for e in _SENT_END.finditer(text, line, m.start())]
        ws = ends[-3] if len(ends) >= 3 else line
        k = bisect.bisect_left(starts, ws)
        context = bool(ar.honour_context.search(text, ws, m.start()) or (k < len(starts) and starts[k] < m.start())
                       or hits and hits[-1].start >= ws)  # 入选A，B村入选C: an object of this rule before it
        if verb not in ar.level_verbs and not nominee and not context:
            first = _CHAIN.match(text, lo, hi)
            head = unquote(ar.object_trim.sub("", first.group())) if first else ""
            if not ((lv := ar.level_open.match(head)) and (sd := _STRONG_DESIGNATION.search(head))
                    and sd.start() > lv.end() and ar.strong(head)):  # a modifier between the level and the head
                continue  # (获批省级生态文明建设示范区: a level, then a designation's head, needs no passage about honours)
        strict = not context and not nominee  # outside a passage about honours each object must read as a name
        for n, c in enumerate(_CHAIN.finditer(text, lo, hi)):
            name, s = c.group(), c.start()
            if c.end() == hi and HOLDER_VERB.match(text, hi) or _TAKE_PART.match(name):
                break  # 荣获A、“B”获得C奖: the holder of the next verb's honour; 获选参评…: to take part, no honour
            lead = _OBJECT_LEAD.match(name)
            if lead:
                name, s = name[lead.end():], s + lead.end()
            trim = ar.object_trim.search(name)
            name = name[: trim.start()] if trim else name
            bare = unquote(name)
            opening = ar.level_open.match(name) or ar.prefix.match(name)
            if len(bare) < 3 or len(bare) > 30 or not _NAME_SHAPE.fullmatch(name) or name.count("“") != name.count("”") \
                    or _NOT_A_NAME.search(_QUOTED_PART.sub("“”", name)) or ar.verbs.search(name) or ar.not_honour.search(name) \
                    or ar.generic.match(bare) or ar.object_not_end.search(bare) or _GENERIC_REST.search(bare) \
                    or _VAGUE_END.search(bare) or opening and len(name) - opening.end() < 2 \
                    or (n == 0 or strict) and not (opening or ar.head_end.search(_BRACKET_TAIL.sub("", bare))) \
                    or _INSTITUTION.search(bare) and not ar.head_end.search(bare) and not ar.epithet_word.search(bare):
                break  # the chain ends at the first object that names no honour (命名为海南省中医院: a name given)
            name, s = _inside_quotes(name, s)  # “全国优秀法院”: as award.quoted reads it
            k = bisect.bisect_left(spans, (s + len(name),))
            if any(a < s + len(name) and s < b for a, b in spans[max(0, k - 8):k]):
                continue  # read by another rule already (with its count and recipients)
            hits.append(AwardHit("award.designated", s, s + len(name), bare, None, None, None, 4,
                                 "nominated" if nominee else "conferred"))
    return hits


# an institution's own name (医院正式命名为海南省中医院): given by a verb of designation, no honour
_INSTITUTION = regex.compile(r"(?:医院|学院|大学|中学|小学|研究所|研究院)$")
# the heads of a designation a place or unit wins (示范区, 示范县, 卫生县城, 文明城市 …), not of a pilot or a project
_STRONG_DESIGNATION = regex.compile(r"(?:示范(?:区|县|市|镇|乡|村|乡镇|街道|社区|基地|医院|学校|园区|单位)|卫生(?:城市|县城|乡镇|镇|村)"
                                    r"|文明(?:城市|城区|县城|村镇|村|镇|单位|校园)|园林(?:城市|县城|城镇)|森林(?:城市|城镇|乡村))$")


def held_and_holders(text: str, ar: AwardRules) -> list[AwardHit]:
    """已是“中华诗词之乡”的荆州区, 一直是湖北省重点中学 (an honour held: stage held), and 湖南省文明校园上榜的有
    甲校、乙校 (the honour, then its holders: conferred)."""
    hits: list[AwardHit] = []
    for m in ar.held.finditer(text):
        name = m.group("quoted") or m.group("name")
        s = m.start("quoted") if m.group("quoted") else m.start("name")
        bare = unquote(name)
        if ar.generic.match(bare) or ar.not_honour.search(bare) or _NOT_A_NAME.search(bare) \
                or not (ar.strong(bare) or ar.epithet_word.search(bare) or m.group("quoted") and ar.level_open.match(bare)):
            continue  # 一直是全县的重点单位: no honour's name
        hits.append(AwardHit("award.held", s, s + len(name), bare, None, None, None, 3, "held"))
    for a in ar.holders_after.finditer(text):
        q = _QUOTED_BEFORE.search(text, max(0, a.start() - 42), a.start())
        m = q or ar.name_before.search(text, max(0, a.start() - 32), a.start())
        if m is None:
            continue
        name, s = m.group("name"), m.start("name")
        if q:
            name, s = name[1:-1], s + 1  # the name inside the quotes
        lead = _NEWS_LEAD.match(name)
        if lead:  # 本次省级示范幼儿园入选的有…: the news, not the name
            name, s = name[lead.end():], s + lead.end()
        bare = unquote(name)
        if name.count("“") != name.count("”") or ar.generic.match(bare) or ar.not_honour.search(bare) \
                or not (ar.strong(bare) or ar.list_item.search(bare) or ar.level_open.match(name)):
            continue
        hits.append(AwardHit("award.named", s, s + len(name), bare, None, None, None, 2))
    return hits


_QUOTED_BEFORE = regex.compile(r"(?P<name>[“\"][^“”\"\n，,。；;]{2,40}[”\"])$")
_NEWS_LEAD = regex.compile(r"^(?:本次|此次|本届|今年|近日|日前|据悉|其中)+")


# a passive verb of commending after counted honours: 12位全国劳动模范获得表彰, …等5个好妈妈获州妇联命名
_PASSIVE = regex.compile(r"(?:获得?|受到|荣获)了?(?:\p{Han}{2,10}?)?(?:表彰|命名|表扬|嘉奖)(?=[，,。；;\s（(]|$)")
# one counted item before it: (甲某等)5个好妈妈
_COUNTED_ITEM = regex.compile(r"^(?P<lead>(?:[^、，,。；;\d]{0,30}?等|\p{Han}{0,6}?(?:[省市县区镇乡]|共有|有))?(?P<n>\d+)"
                            r"(?:位|名|个|家|户|所|支|人))(?P<name>\S{2,24})$")


def counted_passive(text: str, ar: AwardRules) -> list[AwardHit]:
    """12位全国劳动模范获得表彰, 金某等5个好妈妈、张某等5个好爸爸获州妇联命名: each counted honour before a
    passive verb of commending or naming (not 4名个人获表彰: the recipients, no honour)."""
    hits: list[AwardHit] = []
    for a in _PASSIVE.finditer(text):
        lo = max(max(text.rfind(c, 0, a.start()) for c in "，,。；;\n：:") + 1, a.start() - 160)
        for c in _CHAIN.finditer(text, lo, a.start()):
            m = _COUNTED_ITEM.match(c.group())
            if m is None:
                continue
            name, s = m.group("name"), c.start() + m.start("name")
            name, s = _inside_quotes(name, s)
            bare = unquote(name)
            if BATCH_NOT.search(bare) or ar.generic.match(bare) or ar.not_honour.search(bare) \
                    or not (ar.named_item.fullmatch(name) and ar.strong(bare) or ar.list_item.fullmatch(bare)):
                continue  # 1个家庭获表彰: a kind of recipient, no honour
            hits.append(AwardHit("award.listed", s, s + len(name), bare, int(m.group("n")), m.group("lead"), None, 2))
    return hits


# a clause of honours, then the holder's unit or role and name: 2023年度全国三八红旗手、敦煌研究院…副部长宋某,
# 2022年度“感动甘肃·陇人骄子”、甘肃省巾帼建功标兵、…服务中心张某分别作了交流发言
_CLAUSE_SPAN = regex.compile(r"[^，,。；;：:\n]+")
_ROUND_MARK = regex.compile(r"首批|首届|第[一二三四五六七八九十\d]+[批届]")
# 荣立个人二等功1次，个人三等功4次: the merits after the first one of a verb
_MERIT_RUN = regex.compile(r"(?:荣立|记|获)[^，,。；;\n]{0,20}?(?:[一二三特]等功|嘉奖)[\d一二三四五六七八九十]+次"
                           r"(?:[，,、](?P<more>(?:集体|个人)?(?:[一二三特]等功|嘉奖))[\d一二三四五六七八九十]+次)+")
# 荣立集体一等功、三等功各1次: merits sharing one count; the holder's kind (集体) reaches the later ones
_MERIT_SHARED = regex.compile(r"(?:荣立|记)(?P<kind>集体|个人)?[一二三特]等功(?:[、和及](?P<more>[一二三特]等功))+"
                              r"各[\d一二三四五六七八九十]+次")
# 是湖南省首批示范性普通高级中学, 是…，全国首批儿童早期发展示范基地: a profile's designations after 是
_IS = regex.compile(r"(?<=[，,。；;\s]|\p{Han})是(?=[\p{Han}“])")
# a description before the name after 是 (是连续多年的全国文明村, 是远近闻名的国家卫生县城), not a goal or a plan
_IS_SAID = regex.compile(r"[^，,、的“”]{1,8}的(?=[\p{Han}“])")
_IS_GOAL = regex.compile(r"争|创建|申报|目标|计划|建设|打造|拟|将")
# 是A，是B，也是C: the 是 that opens the next part of a profile's designations
_IS_AGAIN = regex.compile(r"(?:也|还|又|更|亦|同时)?是(?=[\p{Han}“])")
# 是A、B、C等 (等荣誉): the end of the list, no part of its last name
_LIST_END = regex.compile(r"等(?:荣誉称号|称号|荣誉)?$")
# the designations after 是 joined by 和 (not 和谐, not 住房和城乡建设)
_IS_PART = regex.compile(rf"(?:(?!和(?![谐平美睦]|{ORGAN_AND})|及).)+")


def _designated(part: str, ar: AwardRules) -> bool:
    """A designation held after 是: a level first, then a round and a name, or a head that is no everyday word."""
    return bool(ar.level_open.match(part) and (_ROUND_MARK.search(part) and _honour_like(part, ar, plain=True)
                                               or _honour_like(part, ar) and ar.strong(unquote(part))))


def _honour_like(part: str, ar: AwardRules, plain: bool = False) -> bool:
    """A part of a list that names an honour by itself: a head that is no everyday word, or a year or round and
    quotes (2022年度“感动甘肃·陇人骄子”); with ``plain``, only that it is shaped as a name."""
    bare = unquote(part)
    if not 3 <= len(bare) <= 30 or _FUNCTION_LEAD.match(bare) or _NOT_A_NAME.search(bare) or ar.generic.match(bare) or ar.not_honour.search(bare) \
            or part.count("“") != part.count("”") or ar.verbs.search(bare) or ar.object_not_end.search(bare):
        return False
    return plain or bool(ar.strong(bare) and ar.named_item.fullmatch(bare) or ar.prefix.match(bare) and "“" in part)


def epithet_chains(text: str, ar: AwardRules) -> list[AwardHit]:
    """Honours a person holds, listed before the unit, role and name (stage held); merits run on after one
    verb (荣立个人二等功1次，个人三等功4次); a profile's designations after 是 (是湖南省首批示范性普通高级中学)."""
    hits: list[AwardHit] = []
    for c in _CLAUSE_SPAN.finditer(text):
        if "、" not in c.group():
            continue
        parts = c.group().split("、")
        if not ar.epithet_holder.search(parts[-1]):
            continue
        pos = c.start()
        for part in parts[:-1]:
            lead = len(part) - len(part.lstrip())
            if not (_honour_like(part.strip(), ar) and (ar.level_open.match(part.strip()) or ar.prefix.match(part.strip()))):
                break  # the honours come first, then the unit and the role
            name, s = _inside_quotes(part.strip(), pos + lead)  # “全国三八红旗手”
            hits.append(AwardHit("award.held", s, s + len(name), unquote(name), None, None, None, 3, "held"))
            pos += len(part) + 1
    for v in _NEWLY_VERB.finditer(text):  # 新增国家级专精特新“小巨人”企业5家、…: each honour, then its count
        if _GOAL_BEFORE.search(text, max(0, v.start() - 6), v.start()):
            continue  # 计划创建省级文明村镇10个: a goal, none won yet
        pos = v.end()
        while (m := _NAME_COUNT.match(text, pos)) is not None:
            name = m.group("name")
            bare = unquote(name)
            # the level of the first name reaches the next ones (市级卫生村11个，卫生居民小区3个)
            if not ((_SHORT_LEVEL.match(bare) or pos > v.end()) and name.count("“") == name.count("”") and not (
                    _NOT_A_NAME.search(bare) or ar.generic.match(bare) or ar.not_honour.search(bare)
                    or ar.verbs.search(bare)) and (ar.strong(_BRACKET_TAIL.sub("", bare)) and _honour_like(name, ar)
                                                   or "”" in name)):
                break  # 新增规模以上企业12家: no honour; the list ends there
            hits.append(AwardHit("award.listed", m.start("name"), m.end("name"), bare, int(m.group("n")), None, None, 2))
            pos = m.end()
    for m in _NEWLY.finditer(text):  # 全省新增8个国家卫生城市(县城), 成功创建甲镇等3个国家级生态乡镇: counted
        if _GOAL_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        while m is not None:
            name = m.group("name")
            if not (ar.level_open.match(name) and _honour_like(name, ar)
                    and ar.strong(_BRACKET_TAIL.sub("", unquote(name)))):
                break
            hits.append(AwardHit("award.listed", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                                 None, None, 2))
            m = _NEWLY_NEXT.match(text, m.end())
    for m in _MERIT_RUN.finditer(text):
        for name, s in zip(m.captures("more"), m.starts("more")):
            hits.append(AwardHit("award.merit", s, s + len(name), name, None, None, None, 2))
    for m in _MERIT_SHARED.finditer(text):
        for name, s in zip(m.captures("more"), m.starts("more")):
            hits.append(AwardHit("award.merit", s, s + len(name), (m.group("kind") or "") + name, None, None, None, 2))
    held_at = -1  # the end of the sentence in which a designation after 是 was found
    for m in _IS.finditer(text):
        end = _SENTENCE_END_OR_VERB.search(text, m.end())
        stop = end.start() if end else len(text)
        for n, c in enumerate(regex.finditer(r"[^，,、]+", text[m.end():stop])):
            part, cut = c.group(), 0
            said = _IS_SAID.match(part) if n == 0 else None
            if said and not _IS_GOAL.search(said.group()):  # 是连续多年的全国文明村: a description, then the name
                part, cut = part[said.end():], said.end()
            again = _IS_AGAIN.match(part)  # 是A，是B，也是C: each 是 opens the next designation
            if again and n:
                part, cut = part[again.end():], cut + again.end()
            part = _LIST_END.sub("", part)  # 也是A、B、C等: the list closed
            if n and held_at == stop and not ar.level_open.match(part) and _honour_like(part, ar) \
                    and ar.strong(_BRACKET_TAIL.sub("", unquote(part))) and ar.named_item.fullmatch(unquote(part)):
                s = m.end() + c.start() + cut  # 是全国文明村，也是历史文化传统村落: a name without a level, after one
                hits.append(AwardHit("award.held", s, s + len(part), unquote(part), None, None, None, 3, "held"))
                continue
            # 是A和B: split at 和 only where every piece is a designation (not 全国文明校园和…分别是…)
            pieces = [(p.group(), p.start()) for p in _IS_PART.finditer(part)]
            if len(pieces) < 2 or not all(_NAME_SHAPE.fullmatch(p) and _designated(p, ar) for p, _ in pieces):
                pieces = [(part, 0)]
            if not _NAME_SHAPE.fullmatch(part) and len(pieces) == 1 or len(part) > 30:
                break  # the list of designations ends where the sentence goes on
            for piece, at in pieces:
                if _designated(piece, ar):
                    s = m.end() + c.start() + cut + at
                    hits.append(AwardHit("award.held", s, s + len(piece), unquote(piece), None, None, None, 3, "held"))
                    held_at = stop
    return hits


# a word that opens a phrase, not a name (对2020届…, 继文明城市…)
_FUNCTION_LEAD = regex.compile(r"[对在为向继由从与和及把被将]")
_SENTENCE_END_OR_VERB = regex.compile(r"[。；;！!？?\n]")
# 新增8个国家卫生城市(县城): the honours a place won in the year, with their number
_NEWLY = regex.compile(r"(?:新增|成功创建|创成|建成)了?(?:[^，,。；;\d“”]{1,40}?等)?(?P<n>\d+)(?:个|家|所|座|名|位)"
                       r"(?P<name>[^，,。；;、：:\s的和]{3,30}?(?:[（(][\p{Han}、]{1,6}[）)])?)(?=[，,。；;、\s和]|$)")
# the next counted honour of the same verb: 和连江县梅洋村1个国家级生态村
_NEWLY_NEXT = regex.compile(r"(?:和|及|、)(?:[^，,。；;\d“”]{1,30}?)?(?P<n>\d+)(?:个|家|所|座|名|位)"
                            r"(?P<name>[^，,。；;、：:\s的和]{3,30}?(?:[（(][\p{Han}、]{1,6}[）)])?)(?=[，,。；;、\s和]|$)")


# 新增…, 成功创建…, 培育…, 建成…: designations won in the year, each with its count (新增市级文明单位12个、省级文明村3个)
_GOAL_BEFORE = regex.compile(r"(?:计划|力争|争取|确保|努力|预计|准备|将|拟|要|目标为?|任务是|着力)\s*$")
_NEWLY_VERB = regex.compile(r"(?:新增|创建|创成|培育|建成|认定|命名|(?<=[\d家个所名]，|[\d家个所名],)其中)了?(?=[\p{Han}“])")
_NAME_COUNT = regex.compile(r"(?:(?<=[了增建成育中定名])|[、，,和及])(?P<name>[^，,。；;、：:\s的和\d]{3,30}?)(?P<n>\d+)"
                            r"(?:个|家|所|座|名|位|户)(?=[，,。；;、\s和及]|$)")
_BRACKET_TAIL = regex.compile(r"[（(][^（）()]{1,8}[）)]$")
#: a short note in brackets that closes a name (…县城（乡镇）): :mod:`.awards` strips it before looking for a head
BRACKET_TAIL = _BRACKET_TAIL
# a quoted part of a name may hold a count (全国中小学“名校六百家”): no count of recipients
_QUOTED_PART = regex.compile(r"“[^“”]{1,20}”")
# no name of an honour: a description (的, 为), a count of recipients (1297个集体), a rank among peers (唯一一部),
# a numeral cut from a list of levels (全市卫健系统一、二等奖)
_NOT_A_NAME = regex.compile(r"[的为]|\d+[个名家所位人项户部件篇]|唯一|首个|首家|之一|[一二三四五六七八九十\d]$")


# a name in a profile's list opens with a level or a region (省安全文明校园, 临汾市“劳动模范”), not with an office
# or a body of the place (市长…, 县委…, 区政府…, 市民…)
_SHORT_LEVEL = regex.compile(r"(?:全国|全省|全市|全县|全区|中国|国家级|国家|部级|省级|市级|县级|区级|[省市县区]"
                             r"|\p{Han}{2,6}?(?:省|自治区|市|县|区|州))(?!长|委|政府|民|直|属|里|场|内|外|级以上|$)")
# 荣获A，B，C等荣誉和称号: the kind of honour closing a list (and 、以及 inside it)
_RUN_CLOSE = regex.compile(r"等(?:\d+余?项)?(?:国家级|省级|市级|\p{Han}{1,8}?级)?(?:集体|个人)?(?:多项|各类|一系列)?"
                        r"(?:荣誉和称号|荣誉称号|荣誉|称号|殊荣|奖项)(?:\d+余?项)?(?:$|(?=后|之后|以后))")  # …等83项国家和省市县级集体荣誉后
_RUN_SPLIT = regex.compile(r"以及|[，,、]")
# a profile's field of honours: 所获荣誉：…; 这些荣誉包括（但不限于）：A、B…; 荣誉：A、B (a bare field word only with
# several items: 荣誉称号：全国文明单位 alone may be a form's field)
_FIELD = regex.compile(r"(?:(?P<won>所获|获得|主要)(?:荣誉|称号|奖项)|(?:荣誉|称号|奖项)(?P<has>(?:主要)?(?:包括|有|如下|计有)"
                       r"(?:但不限于)?)?)[：:]")
# 系 naming what a unit is (not 系统, 系列, 关系 …): its designations follow
_IS_OF = regex.compile(r"(?<=\p{Han})(?<!关|联|体|派|院|学|直)系(?![统列数指])")
_FIELD_STOP = regex.compile(r"[。！!？?\n]")
_FIELD_SPLIT = regex.compile(r"以及|[，,、；;]")
_LINE = regex.compile(r"[^\n]+")
# a line of a profile's honours: a year or a date, then the name (2019年 全国文明单位, 2020.05 省级青年文明号)
_DATED_NAME = regex.compile(r"\s*(?:\d+[.、．]\s*)?(?:(?:19|20)\d{2}(?:年|[.．/-])(?:\d{1,2}月?)?(?:\s+|[：:]))?"
                            r"(?P<name>[^\s，,。；;]{3,30})\s*[。；;]?\s*")
# 授予 and recipients described at length, a comma inside (their offices, then the name), then the quoted title
# and the kind of honour closing it
_LONG_RECIPIENTS = regex.compile(r"授予(?P<between>[^。；;！!？?\n“”]{2,40}?[，,][^。；;！!？?\n“”，,]{2,40}?)"
                                 r"“(?P<name>[^“”\n]{2,40})”(?:荣誉称号|称号)")
_LAST_PRIZE = regex.compile(r"\d+(?:个|项|名|人)[^，,。；;、\d]{1,12}?奖(?:、\d+(?:个|项|名|人)[^，,。；;、\d]{1,12}?奖)*"
                            r"(?:及|和|以及)(?P<name>[^，,。；;、\d及和]{2,12}?奖)(?=[，,。；;\s]|$)")
_CLAUSE_STOP = regex.compile(r"[，,。；;！!？?\n]")
_STOP = regex.compile(r"[。；;！!？?\n]")


# words of a clause, not of a name: a passive, a review passed, a list one is on (2013年通过了省卫生城市复审)
_RUN_NOT = regex.compile(r"被|通过|复审|复查|验收|榜上有名|获|记(?=集体|个人|[一二三特]等功|嘉奖)|已|在|向|由")


def _run_item(item: str, ar: AwardRules) -> bool:
    """An item of a profile's list that reads as an honour's name: a level or a region opens it (after a year or
    round: 2010年度“感动山西”十大人物), it has no verb, no description and no holder (…副科长郑某), and it is no
    everyday word, grade or rank."""
    bare = unquote(item)
    time = ar.prefix.match(bare)
    rest = bare[time.end():] if time else bare
    return bool(3 <= len(bare) <= 30 and len(rest) >= 3 and item.count("“") == item.count("”")
                and _NAME_SHAPE.fullmatch(item) and not _RUN_NOT.search(bare) and not (ar.epithet_holder.search(bare) and not ar.strong(bare))
                and (_SHORT_LEVEL.match(rest) or ar.level_open.match(rest) or time and "“" in item)
                and not (_NOT_A_NAME.search(bare) or ar.verbs.search(bare) or ar.not_honour.search(bare)
                         or ar.generic.match(bare) or _GENERIC_REST.search(bare) or _VAGUE_END.search(bare)
                         or ar.object_not_end.search(bare) and not item.endswith("”") and not ar.strong(bare) or _FUNCTION_LEAD.match(bare)))


# a streak before a name in a profile's list (连续两届市教科研基地, 连续三年…)
_STREAK_LEAD = regex.compile(r"^(?:(?:连续|连年)[两二三四五六七八九十\d]{1,2}|[两二三四五六七八九十]{1,2})(?:届|年|次)")


def _item_hits(items: list[tuple[str, int]], ar: AwardRules, rule: str, stage: str) -> list[AwardHit]:
    hits = []
    for item, s in items:
        item = item.removesuffix("等")
        lead = _STREAK_LEAD.match(item)
        if lead:
            item, s = item[lead.end():], s + lead.end()
        trim = ar.object_trim.search(item)
        item = item[: trim.start()] if trim and trim.start() > 0 else item
        if not _run_item(item, ar):
            break  # the list ends at the first part that names no honour
        name, s = _inside_quotes(item, s)
        hits.append(AwardHit(rule, s, s + len(name), unquote(name), None, None, None, 2, stage))
    return hits


def _field_lines(text: str, pos: int, ar: AwardRules) -> list[AwardHit]:
    """The lines under a field of honours, one honour a line, a year or date before it; the list ends at the first
    line that is no honour's name."""
    hits: list[AwardHit] = []
    for line in _LINE.finditer(text, pos):
        m = _DATED_NAME.fullmatch(line.group())
        if m is None or not line.group().strip():
            break
        got = _item_hits([(m.group("name"), line.start() + m.start("name"))], ar, "award.listed", "conferred")
        if not got:
            break
        hits += got
    return hits


def _split(text: str, lo: int, hi: int, sep: regex.Pattern[str] | None = None) -> list[tuple[str, int]]:
    """The parts of text[lo:hi] between commas, 、 and 以及, with their starts (stripped of spaces)."""
    parts, pos = [], lo
    for m in (sep or _RUN_SPLIT).finditer(text, lo, hi):
        parts.append((text[pos:m.start()], pos))
        pos = m.end()
    parts.append((text[pos:hi], pos))
    return [(p.strip(), s + len(p) - len(p.lstrip())) for p, s in parts if p.strip()]


def profile_lists(text: str, ar: AwardRules, found: list[AwardHit]) -> list[AwardHit]:
    """Lists of honours in profiles and résumés (issue 20, mined from school, hospital, village and person
    profiles): the honours after one verb run on past commas to the sentence end (多次被评为区最佳文明单位，市文明
    单位，省安全文明校园; 先后荣获临汾市“劳动模范”，尧都区“…”等荣誉和称号) where the verb's first object was an
    honour and every part reads as a name opening with a level or region; and a field of honours
    (荣誉：A、B; 这些荣誉包括但不限于：A、B以及C等)."""
    hits: list[AwardHit] = []
    firsts = sorted((h.start, h.end) for h in found)
    for v in ar.verbs.finditer(text):
        comma = _CLAUSE_STOP.search(text, v.end())
        if comma is None or comma.group() not in "，,":
            continue
        k = bisect.bisect_left(firsts, (v.end(),))
        if not (k < len(firsts) and firsts[k][0] < comma.start()) or "的" in text[firsts[k][1]:comma.start()]:
            continue  # the verb's first object was no honour: its clause goes on about something else
        stop = _STOP.search(text, comma.end())
        hi = stop.start() if stop else len(text)
        close = _RUN_CLOSE.search(text, comma.end(), hi)
        end = close.start() if close else hi
        items = _split(text, comma.end(), end)
        if not items or not all(_run_item(p.removesuffix("等"), ar) for p, _ in items):
            continue  # the sentence goes on with another clause: not a list of the verb's objects
        if len(items) == 1 and not ar.head_end.search(_BRACKET_TAIL.sub("", unquote(items[0][0].removesuffix("等")))):
            continue  # 获白玉兰荣誉奖,龚正市长颁证: one more clause, no second honour
        hits += _item_hits(items, ar, "award.listed", "conferred")
    for m in _IS_OF.finditer(text):  # 该园系省级示范性幼儿园、市教科研基地、…: a profile's designations (held)
        stop = _STOP.search(text, m.end())
        hi = stop.start() if stop else len(text)
        close = _RUN_CLOSE.search(text, m.end(), hi)
        chain = _item_hits(_split(text, m.end(), close.start() if close else hi), ar, "award.held", "held")
        if len(chain) >= 2 and any(ar.strong(h.name) for h in chain):
            hits += chain
    spans = sorted((h.start, h.end) for h in found)
    for m in _LONG_RECIPIENTS.finditer(text):  # 授予市卫健委党组书记、主任，市中医药管理局局长陈某“A”称号
        s, e = m.start("name"), m.end("name")
        k = bisect.bisect_left(spans, (e,))
        if any(a < e and s < b for a, b in spans[max(0, k - 8):k]) or ar.generic.match(m.group("name")) \
                or ar.not_honour.search(m.group("name")) or ar.verbs.search(m.group("between")):
            continue
        hits.append(AwardHit("award.quoted", s, e, unquote(m.group("name")), None, None, None, 1))
    for m in _LAST_PRIZE.finditer(text):  # 荣获1个一等奖、4个二等奖及优秀组织奖: the uncounted prize closing a counted run
        name = m.group("name")
        if (ar.list_item.fullmatch(name) or ar.strong(name)) and not (ar.generic.match(name) or ar.not_honour.search(name)):
            hits.append(AwardHit("award.listed", m.start("name"), m.end("name"), name, None, None, None, 2))
    for f in _FIELD.finditer(text):
        if text.startswith("\n", f.end()):  # 所获荣誉：, then one honour a line (2019年 全国文明单位)
            field = _field_lines(text, f.end() + 1, ar)
        else:  # a field runs to its line's end: 个人荣誉：2015年度A；2018年度B
            stop = _FIELD_STOP.search(text, f.end())
            hi = stop.start() if stop else len(text)
            close = _RUN_CLOSE.search(text, f.end(), hi)
            field = _item_hits(_split(text, f.end(), close.start() if close else hi, _FIELD_SPLIT), ar,
                               "award.listed", "conferred")
        if len(field) >= 2 or f.group("won") or f.group("has"):
            hits += field
    return hits
