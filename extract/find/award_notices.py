"""Honours a notice names by the lists it announces, proposes or breaks down, with no verb of
conferring before each (issue 20, mined from unannotated notices: 名单, 公示, 获奖结果):

* ``award.nominated`` — a list a proposal names, the participle before it (对拟命名表彰的全国双拥模范城（县）
  和双拥模范单位名单进行了公示, 现对拟命名的120个国家卫生城市（区）进行公示, 拟推最美家庭20户), the
  nominee list after it (入选全国五一劳动奖章拟表彰名单的有：…, 第二批…先进工作者候选名单, 经研究提出了
  A和B推荐对象), and an honour with its candidates counted or named after it (确认第六届全国道德模范候选人
  共322名, 我省第四届全国道德模范正式候选人是…, 确定陈某等16人为全省劳动模范候选人);
* ``award.heading`` — a nominee list's heading line (附件：2.…拟获奖名单) and honours whose list of holders
  is announced with words between (…名单于日前正式出炉, …名单同日公布), after the verb (公布第五届全国
  文明城市名单) or with no 名单 after a year or round (2020年度A和第十二届B揭晓); :func:`.awards.find_awards`
  keeps these like list headings, only where the text names the honour nowhere else;
* ``award.level`` (``award.listed`` for other honours) — a sentence that is only a list of prize levels
  or honours with their counts, after a notice of results or a conferral (1.小学组：金奖77名，银奖100名
  （名单见附件1）; 教师硬笔一等奖4名，二等奖5名; 其中，A有100户，B有50户), not where prizes are set
  (设一等奖5名, 奖项设置) or quotas shared out (分配名额).

Each list item counts only where it reads as an honour (:func:`.award_lists.honour_item`).
"""
from __future__ import annotations

import regex

from .award_lists import CLAUSE_BACK, EVENT_END, honour_item
from .honours import LIST_NUMBER, PREFIX, AwardHit, AwardRules, count_in, unquote

__all__ = ["announced_lists", "level_counts", "proposed_headings", "proposed_lists"]

# a list item: split at 、 和 及 以及, and between two quoted titles side by side (“A”“B”)
_ITEM = regex.compile(r"(?:(?!以及|、|和|及|(?<=[”\"])(?=[“\"])).)+")
_COUNT_LEAD = regex.compile(r"^(?P<n>\d+)(?:个|名|家|所|位|户|项|人|座)")
_LIST_WORD = regex.compile(r"(?:获奖|表彰|命名|拟命名|推荐)?(?:名单|榜单)$")
# the holders named after the honour (第六届全国文明城市入选城市名单): no part of the name
_HOLDERS_END = regex.compile(r"(?:入选|获奖|受表彰|获评)(?:城市|单位|集体|个人|企业|学校|人员|作品|对象)$")
# an item that names who may compete or apply (省直学校参评新一届全国文明校园先进学校名单): no honour given
_NOT_GIVEN = regex.compile(r"参评|参选|参赛|申报|争创")
_ROUND_IN = regex.compile(rf"{PREFIX}")
# 候选集体, 候选人, 推荐对象 after a proposed honour: its holders, no part of the name
_CANDIDATE_END = regex.compile(r"的?(?:候选(?:人|对象|单位|集体|作品|项目)?|推荐对象|推荐人选)$")
# a proposed item that is a quoted title (a round may open it): the title is the honour's name
_QUOTED_ITEM = regex.compile(rf"(?:{PREFIX})?[“\"](?P<name>[^“”\"\n]{{2,24}})[”\"]")
_REGION_LEAD = regex.compile(r"\p{Han}{1,8}?(?:省|市|县|区|州|自治区|自治州|旗|盟)")  # 兰州市, 甲州: a region alone
_REGION_END = regex.compile(r"[省市县区州旗盟镇乡村]$")


def _items(text: str, start: int, end: int, ar: AwardRules) -> list[tuple[int, int, str, int | None]]:
    """(start, end, name, count) of each list item between ``start`` and ``end`` that names an honour
    (第九届全国道德模范名单 -> 第九届全国道德模范; 120个国家卫生城市（区） -> 国家卫生城市（区）, 120)."""
    out = []
    for m in _ITEM.finditer(text, start, end):
        piece, p_start = m.group(), m.start()
        if p_start > start and text[p_start - 1] in "“\"" and piece.count("”") > piece.count("“"):
            piece, p_start = text[p_start - 1] + piece, p_start - 1  # “A”“B”: B's opening quote, left by the split
        word = _LIST_WORD.search(piece)
        if word:
            piece = piece[:word.start()]
        holders = _HOLDERS_END.search(piece) or _CANDIDATE_END.search(piece)
        if holders:
            piece = piece[:holders.start()]
        if _NOT_GIVEN.search(piece):
            continue
        lead = _ROUND_IN.search(piece)  # 我省第七届全国道德模范, 关于2023年…: the name starts at its round
        region = 0  # 兰州市2016~2017年度…: a region before the round stays in the name
        if lead and lead.start() > 0 and not piece[lead.start() - 1].isdigit():
            if _REGION_END.search(piece, 0, lead.start()) and piece[0] not in "我本该此" \
                    and _REGION_LEAD.fullmatch(piece, 0, lead.start()):
                region = lead.start()
            if not (_REGION_END.search(piece, 0, lead.start()) and piece[0] not in "我本该此"):
                piece, p_start = piece[lead.start():], p_start + lead.start()
        count = None
        lead = _COUNT_LEAD.match(piece)
        if lead:
            count, piece, p_start = int(lead.group("n")), piece[lead.end():], p_start + lead.end()
        cut = piece.rfind("为") + 1  # 张某等1500人为全国…先进个人(拟表彰对象): the recipients, then the honour
        if cut and count_in(piece[:cut]) is not None:
            count, piece, p_start = count_in(piece[:cut]), piece[cut:], p_start + cut
        hon = honour_item(piece, ar)
        quoted = _QUOTED_ITEM.fullmatch(piece)
        if hon is None and quoted and not EVENT_END.search(unquote(quoted.group("name"))):
            # 为2022年度“感动某省·陇人骄子”候选集体: a proposed title in quotes, no head needed (not a contest's name)
            hon = (quoted.start("name"), quoted.group("name"))
        if hon is None and region:  # the name read from its round, printed with its region before it
            hon = honour_item(piece[region:], ar)
            if hon is not None and hon[0] == 0:
                hon = (0, piece[:region] + hon[1])
        if hon is not None:
            s = p_start + hon[0]
            out.append((s, s + len(hon[1]), unquote(hon[1]), count))
    return out


# 拟命名表彰的 LIST (名单) 进行公示, 现对拟命名的120个…进行公示, 被拟命名的全国双拥模范城（县）为：
_PROPOSED_BEFORE = regex.compile(r"拟(?:命名|表彰|推荐|授予|评选|认定)(?:表彰|命名|推荐)?的(?P<list>[^，,。；;！!？?\n：:]{2,120}?)"
                                 r"(?=(?:拟?(?:命名|表彰|推荐))?(?:名单|人选|对象)|(?:进行|予以)了?公示|为[：:]|[，,。；;：:]|$)")
_PROPOSED_COUNTED = regex.compile(r"拟(?:推荐|推|命名|表彰|评选|授予)(?P<list>[^，,。；;！!？?\n：:]{2,80}?\d+(?:名|个|户|家|人|位|所))"
                                  r"(?=[、，,。；;]|予以|进行|$)")
# a verb of nominating 为 the honours (将申报为A, 推荐为A和B候选人): stage nominated, also before it is done
_NOMINATED_AS = regex.compile(r"(?:申报|推荐|上报|报送|推选|提名)为(?P<list>[^，,。；;！!？?\n：:为“”]{2,40}?)"
                              r"(?:的?(?:候选(?:人|对象|单位|集体|作品|项目)?|人选|推荐对象)|(?:荣誉)?称号)?(?=[，,。；;！!？?\n]|$)")
# a proposal, its recipients, 为, the honours, then the words that put them up for objections
_PROPOSED_AS = regex.compile(r"拟(?:命名|表彰|推荐|授予|认定|评定)(?P<recip>[^，,。；;！!？?\n“”为]{1,60}?)为(?P<list>[^，,。；;！!？?\n：:为]{2,80}?)"
                             r"(?=(?:进行|予以)公示|(?:的)?拟?(?:表彰|命名|推荐)?(?:名单|对象|人选)|[，,。；;]|$)")
_COUNTED_ITEM = regex.compile(r"(?:表彰|表扬|命名|授予)?(?P<name>[^、和及\d]{2,30}?)(?P<n>\d+)(?:名|个|户|家|人|位|所)")
# LIST 拟表彰名单 / 拟命名名单 / 拟获奖名单 / 候选名单: the list read back to the clause start (or to the verb
# that opens it: 入选, 公示了, 对)
_PROPOSED_AFTER = regex.compile(r"(?:拟(?:表彰|命名|推荐|获奖|授予)(?:名单|人选|对象|集体)|候选(?:名单|人名单|单位名单))"
                                 r"(?![^，,。；;\n]{0,4}异议)")  # 对A拟表彰对象有异议的: the notice's instructions
# 经研究提出了A和B推荐对象: nominees put forward by a verb of proposing (a bare 推荐对象 names none)
_RECOMMENDED = regex.compile(r"(?:推荐对象|推荐人选|推荐名单)(?![^，,。；;\n]{0,4}异议)")
_PROPOSER = regex.compile(r"(?r)(?:提出|确定|产生|推选出|推荐出)了?")
_OPENS_LIST = regex.compile(r"(?r)(?:入选|列入|进入|公示(?:了|为)?|公布了?|发布了?|确定了?|(?<![针面相核反应])对|(?<![即必])将"
                            r"|附件\d*[：:]?|[\d一二三四五六七八九十]+[、.．])")
# the candidates of an honour, counted or named after it (stage nominated)
_CANDIDATES_OF = regex.compile(r"(?:正式)?(?:候选人|候选对象)(?:共|共计|总数为?)?(?:(?P<n>\d+)(?:名|个|位|人)|(?:是|为|有)[：:]?)")
_AS_CANDIDATE = regex.compile(r"为(?P<name>[^，,。；;、“”\n为]{2,30}?)(?:候选人|候选对象|候选单位|推荐对象|推荐人选)")
# a candidates' list announced: the honour before it must carry a round or a year (第六届…)
_ROUND = regex.compile(r"(?:(?:19|20)\d{2}年度?|第[\d一二三四五六七八九十]+[届批])")


def proposed_lists(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours a notice proposes: 拟命名表彰的 A 和 B 名单, A 拟表彰名单的有：…, A 候选名单 (stage nominated)."""
    hits: list[AwardHit] = []
    if "拟" not in text and "候选" not in text and "推荐" not in text and "申报为" not in text and "报送为" not in text \
            and "上报为" not in text and "推选为" not in text and "提名为" not in text:
        return hits  # the cheap test first
    for m in _PROPOSED_BEFORE.finditer(text):
        for s, e, name, n in _items(text, m.start("list"), m.end("list"), ar):
            hits.append(AwardHit("award.nominated", s, e, name, n, None, None, 1, "nominated"))
    for m in _PROPOSED_COUNTED.finditer(text):  # 现确定拟推最美家庭20户予以公示: counted honours after the proposal
        for piece in _ITEM.finditer(text, m.start("list"), m.end("list")):
            it = _COUNTED_ITEM.fullmatch(piece.group())
            hon = honour_item(it.group("name"), ar) if it else None
            if hon is not None and ar.strong(hon[1]):
                s = piece.start() + it.start("name") + hon[0]
                hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), int(it.group("n")), None,
                                     None, 1, "nominated"))
    for m in _PROPOSED_AS.finditer(text):  # 现对拟命名…共178个市、县城为A、B进行公示: every honour after 为
        for s, e, name, _n in _items(text, m.start("list"), m.end("list"), ar):
            hits.append(AwardHit("award.nominated", s, e, name, count_in(m.group("recip")), None, None, 1, "nominated"))
    for m in _NOMINATED_AS.finditer(text) if "为" in text else ():  # 获得一等奖的选手，将申报为广东省五一劳动奖章
        for s, e, name, n in _items(text, m.start("list"), m.end("list"), ar):
            hits.append(AwardHit("award.nominated", s, e, name, n, None, None, 1, "nominated"))
    hits += _nominee_lists(text, ar, heading=False)
    for c in _AS_CANDIDATE.finditer(text):  # 确定陈斌等16人为全省劳动模范候选人: the recipients, 为, the honour
        lo = max(0, c.start() - 40)
        stop = CLAUSE_BACK.search(text, lo, c.start())
        recip = text[stop.end() if stop else lo:c.start()]
        hon = honour_item(c.group("name"), ar)
        if hon is None or count_in(recip) is None:
            continue  # 选举张某为居委会主任候选人: no honour; 为…候选人 without counted recipients: a description
        s = c.start("name") + hon[0]
        hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), count_in(recip), None, None, 1,
                             "nominated"))
    for c in _CANDIDATES_OF.finditer(text):
        m = ar.name_before.search(text, max(0, c.start() - 32), c.start())
        if m is None:
            continue
        name = m.group("name")
        lead = _ROUND.search(name)
        if lead is None or not ar.strong(name[lead.start():]) or ar.generic.match(unquote(name)):
            continue  # 居委会委员候选人共12名: no honour; 道德模范候选人 without its round: a category
        s = m.start("name") + lead.start()
        hits.append(AwardHit("award.nominated", s, m.end("name"), unquote(name[lead.start():]),
                             int(c.group("n")) if c.group("n") else None, None, None, 1, "nominated"))
    return hits


def proposed_headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """A line that heads a nominee list (附件：2.第三届…优秀辅导员拟获奖名单; 一、推荐市优秀共产党员、先进基层党组织名单):
    kept like any list heading, only where the text names the honour nowhere else (:func:`.awards.find_awards`)."""
    hits = _nominee_lists(text, ar, heading=True)
    for m in _NOMINEE_LINE.finditer(text) if "推荐" in text else ():
        for s, e, name, n in _items(text, m.start("list"), m.end("list"), ar):
            hits.append(AwardHit("award.heading", s, e, name, n, None, None, 3, "nominated"))
    return hits


# a numbered line that proposes honours and nothing else: 一、推荐市抗疫先进个人、先进集体; 2.拟推荐省劳动模范名单（3名）
_NOMINEE_LINE = regex.compile(rf"(?m)^[ \t\u3000]*{LIST_NUMBER}[ \t]*(?:拟)?推荐(?:的)?(?P<list>[^\s，,。；;：:《》]{{2,60}}?)"
                              r"(?:拟?推荐)?(?:名单|对象|人选)?(?:[（(]\d+[名个人家户项][）)])?[ \t\u3000]*$")


_HEADING_LEAD = regex.compile(rf"(?:^|(?<=\n))[ \t\u3000]*(?:附件[\d一二三四五六七八九十]*[：:]?[ \t]*)?{LIST_NUMBER}[ \t]*$")


def _nominee_lists(text: str, ar: AwardRules, heading: bool) -> list[AwardHit]:
    """A 拟表彰名单 / 拟获奖名单 / 候选名单 read back to its clause start (or to the verb that opens it), in a
    notice of nominees; ``heading`` picks the lists that open their line (a heading) or the others."""
    hits: list[AwardHit] = []
    if "公示" not in text and "入选" not in text:
        return hits  # a notice of nominees only: the lists it names are nominations
    anchors = [(a, _OPENS_LIST) for a in _PROPOSED_AFTER.finditer(text)] \
        + [(a, _PROPOSER) for a in _RECOMMENDED.finditer(text)]
    for a, opens in anchors:
        lo = max(0, a.start() - 80)
        stop = CLAUSE_BACK.search(text, lo, a.start())
        lo = stop.end() if stop else lo
        opener = opens.search(text, lo, a.start())
        if opens is _PROPOSER and opener is None:
            continue  # 湖北五一劳动奖章推荐对象 alone: a heading or a category, no nominees put forward
        at_line = _HEADING_LEAD.search(text, max(0, lo - 20), opener.end() if opener else lo) is not None
        if at_line != heading:
            continue
        lo = opener.end() if opener else lo
        for s, e, name, n in _items(text, lo, a.start(), ar):
            hits.append(AwardHit("award.heading" if heading else "award.nominated", s, e, name, n, None, None,
                                 3 if heading else 1, "nominated"))
    return hits


# …名单于日前正式出炉, …名单同日公布: words between the list and the verb that announces it
_LIST_ANNOUNCED = regex.compile(r"(?:名单|榜单)(?:已经|已|于|日前|近日|正式|同日|今天|今日|昨天|昨日|也|均|全部|终于)+"
                                r"(?:公布|揭晓|出炉|发布)|评选(?:结果)?(?:正式)?(?:揭晓|出炉)")
# 2020年度福州市最美家庭和第十二届福州市五好家庭揭晓: honours announced with no 名单, the list opening with a year or round
_BARE_ANNOUNCED = regex.compile(r"(?<!名单|榜单|评选|结果)(?:正式)?(?:揭晓|出炉)")
_NEWS_LEAD = regex.compile(r"[ \t\u3000]*(?:近日|日前|昨日|今天|日前，)?[，,]?[ \t\u3000]*(?:由[^，,。；;]{2,30}?(?:评选|评定|主办)的)?")
_ROUND_OPENS = regex.compile(rf"{PREFIX}")
# 公布第五届全国文明城市名单, 发布了…表彰名单: the verb first, the list closed by 名单
_ANNOUNCES_LIST = regex.compile(r"(?:公布|发布|揭晓)了?(?P<list>[^，,。；;！!？?\n：:《》]{2,80}?)(?:获奖|表彰|命名)?名单(?![公揭出发]|的通知)")


# A名单公示, A获奖名单昨天公示, “A”“B”名单，现予以公示: a list shown for objections, its honours proposed
_LIST_SHOWN = regex.compile(r"(?:(?:获奖|表彰|命名|入选)?(?:名单|榜单)|(?:初评|初审|评审|评选|推荐)结果)"
                            r"(?:[，,]?(?:现|已经|已|于|日前|近日|正式|同日|今天|今日|昨天|昨日|开始|也|均|将|面向社会|向社会))*"
                            r"(?:予以|进行|作|做)?公示(?![期时])|(?<=(?:进入|入选|列入|入围|上榜)[^，,。；;\n]{2,60})(?:拟表彰)?公示名单")


def shown_lists(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours of a list put up for objections (A、B名单公示; A获奖名单昨天公示): stage nominated, kept
    like a list heading (only where the text names the honour nowhere else)."""
    hits: list[AwardHit] = []
    if "公示" not in text or "名单" not in text and "榜单" not in text and "结果" not in text:
        return hits  # the cheap test first
    for a in _LIST_SHOWN.finditer(text):
        lo = max(0, a.start() - 80)
        stop = CLAUSE_BACK.search(text, lo, a.start())
        lo = stop.end() if stop else lo
        opener = _OPENS_LIST.search(text, lo, a.start())  # 研究确定了A、B名单，现予以公示
        lo = opener.end() if opener else lo
        if "拟" in text[lo:a.start()] or _NOT_GIVEN.search(text, lo, a.start()):
            continue  # 拟命名…名单: a proposal, read by proposed_lists; 申报…名单: who applies
        for s, e, name, _n in _items(text, lo, a.start(), ar):
            hits.append(AwardHit("award.heading", s, e, name, None, None, None, 2, "nominated"))
    return hits


def announced_lists(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours whose lists of holders are announced: A、B 和 C 名单于日前正式出炉; 公布 A 名单."""
    hits: list[AwardHit] = shown_lists(text, ar)
    if "公布" not in text and "揭晓" not in text and "出炉" not in text and "发布" not in text:
        return hits  # the cheap test first
    listed = "名单" in text or "榜单" in text or "评选" in text
    for a in _LIST_ANNOUNCED.finditer(text) if listed else ():
        lo = max(0, a.start() - 80)
        stop = CLAUSE_BACK.search(text, lo, a.start())
        lo = stop.end() if stop else lo
        for s, e, name, _n in _items(text, lo, a.start(), ar):
            hits.append(AwardHit("award.heading", s, e, name, None, None, None, 2))
    for a in _BARE_ANNOUNCED.finditer(text) if "揭晓" in text or "出炉" in text else ():
        lo = max(0, a.start() - 80)
        stop = CLAUSE_BACK.search(text, lo, a.start())
        lo = stop.end() if stop else lo
        lead = _NEWS_LEAD.match(text, lo, a.start())
        lo = lead.end() if lead else lo
        if not _ROUND_OPENS.match(text, lo, a.start()):
            continue  # 比赛结果揭晓, 谜底揭晓: only a list opening with a year or round names honours so
        for s, e, name, _n in _items(text, lo, a.start(), ar):
            hits.append(AwardHit("award.heading", s, e, name, None, None, None, 2))
    for m in _ANNOUNCES_LIST.finditer(text) if "名单" in text else ():
        if "拟" in m.group("list"):
            continue  # 公布…拟命名名单: a proposal, read by proposed_lists
        for s, e, name, _n in _items(text, m.start("list"), m.end("list"), ar):
            hits.append(AwardHit("award.heading", s, e, name, None, None, None, 2))
    return hits


# a sentence that is only prize levels and their counts: 小学组：金奖77名，银奖100名（名单见附件1）
_LEVEL_LEAD = regex.compile(rf"[ \t\u3000]*{LIST_NUMBER}[ \t]*(?:其中[，,：:]?|另有|另|此外[，,]?)?(?:\p{{Han}}{{1,6}}?组[：:])?")
_LEVEL_ITEM = regex.compile(r"(?:(?P<g>(?:\p{Han}{1,8}?组[、和及])*\p{Han}{0,10}?)(?P<name>(?:特等|一等|二等|三等|优秀|金|银|铜|优胜|鼓励)奖)"
                            r"|(?P<name>(?:优秀|先进|最佳|十佳)\p{Han}{1,10}?|\p{Han}{2,10}?(?<![获颁得])奖)"
                            r"|(?P<name>[\p{Han}“”]{2,16}?))"  # 全国工人先锋号1034个: any honour (checked below)
                            r"(?:作品|论文)?(?:共有|有|共|各)?[：:]?[ \t\u3000]*(?P<n>\d+)[ \t]*(?:名|个|件|篇|项|人|部|幅|首|位|所|家|支|队|户)"
                            r"(?:[（(][^（）()\n]{0,40}[）)])?")
_LEVEL_SEP = regex.compile(r"(?:以及|[、，,和及])(?:其中[，,：:]?)?")  # …150名，其中职工劳模120名
_VERB_IN = regex.compile(r"拟|表彰|评选|推荐|命名|授予|获|评出|选出")
_LEVEL_END = regex.compile(r"[（(][^（）()\n]{0,30}[）)]?[。；;]?[ \t\u3000]*|[。；;]?[ \t\u3000]*")
_ANY_COUNT = regex.compile(r"\d(?:名|个|件|篇|项|人|部|幅|首|位|所|家|支|队|户)")
_SENTENCE_BACK = regex.compile(r"(?r)[。；;！!？?\n]")
_SENTENCE = regex.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
# the notice announces results before the sentence (获奖名单, 评出, 赛出, 结果) ...
_RESULTS = regex.compile(r"获奖|评出|评选出|选出|赛出|决出|产生|揭晓|公布|名单|结果")
# ... and sets no prizes before it (设一等奖5名, 奖项设置); the sentence shares out no quotas, no money
_SETTING = regex.compile(r"设(?:置|立)?(?:特等|一等|二等|三等|优秀|金)奖|奖项设置|设置奖项|奖励标准|评选标准|名额")
_NOT_RESULTS = regex.compile(r"设|名额|指标|奖金|奖励|\d元")


def level_counts(text: str, ar: AwardRules) -> list[AwardHit]:
    """教师硬笔一等奖4名，二等奖5名，三等奖5名，优秀奖17名 — a sentence that is only a list of prize levels
    with their counts, after a notice of results or a conferral (within 400 characters before it): each level is
    conferred on the count printed (a group before a level, 教师硬笔, is no part of its name)."""
    hits: list[AwardHit] = []
    if not _ANY_COUNT.search(text):
        return hits  # the cheap test first: no count anywhere
    done = -1
    for c in _ANY_COUNT.finditer(text):  # only the sentences with a count in them
        if c.start() < done:
            continue
        back = _SENTENCE_BACK.search(text, max(0, c.start() - 300), c.start())
        sent = _SENTENCE.match(text, back.end() if back else max(0, c.start() - 300))
        if sent is None:
            continue
        done = sent.end()
        pos, end = _LEVEL_LEAD.match(text, sent.start(), sent.end()).end(), sent.end()
        items = []
        while (it := _LEVEL_ITEM.match(text, pos, end)) is not None:
            items.append(it)
            sep = _LEVEL_SEP.match(text, it.end(), end)
            pos = sep.end() if sep else it.end()
            if not sep:
                break
        if not items or not _LEVEL_END.fullmatch(text, pos, end):
            continue
        if any(_VERB_IN.search(it.group("name")) or ar.verbs.search(it.group("name")) for it in items):
            continue  # 全市拟表彰劳动模范150名: the sentence has its verb, the other rules read it
        named = [it for it in items if _names_prize(it.group("name"), ar)]
        if not named:
            continue  # 小学组25名: no prize named
        lo = max(0, sent.start() - 400)
        if not (_RESULTS.search(text, lo, sent.start()) or ar.prior_award.search(text, lo, sent.start())) \
                or _SETTING.search(text, lo, sent.start()) \
                or _NOT_RESULTS.search(text, sent.start(), end):
            continue
        for it in named:
            name = it.group("name")
            if ar.generic.match(unquote(name)) or ar.not_honour.search(name):
                continue
            rule = "award.level" if ar.level.fullmatch(name) else "award.listed"
            hits.append(AwardHit(rule, it.start("name"), it.end("name"), unquote(name), int(it.group("n")),
                                 it.group("g") or None, None, 1))
    return hits


def _names_prize(name: str, ar: AwardRules) -> bool:
    """A level (一等奖), an honour list item (优秀组织奖, 优秀指导教师) or a name ending in a head that is no
    everyday word (全国工人先锋号); not a group (小学组), a count of things (项目) or a verb's object
    (入选中国美丽休闲乡村5个: the sentence has its verb, the other rules read it)."""
    return not ar.verbs.search(name) and bool(ar.level.fullmatch(name) or ar.list_item.fullmatch(name)
                                              or ar.named_item.fullmatch(name) and ar.strong(name))
