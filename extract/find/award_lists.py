"""Honours named in lists rather than after a verb of conferring.

* ``award.commended`` — the items of ``对 LIST 予以表彰`` (进行了表彰, 通报表扬, 授牌 …) that read
  as honours, when the list carries a year or round (对2021年度先进集体、先进个人…进行了表彰) or
  recipients with counts (对甲等10个见义勇为工作先进单位以及乙等10名…予以表彰); a list with
  neither names the categories a meeting honoured (会上对全国文明城市、全国文明县城进行了表彰);
* ``award.nominated`` — the honours of ``现将 A、B 和 C 拟推荐对象予以公示`` (stage ``nominated``);
* ``award.heading`` — a line heading a list of recipients with their number
  (全国二等奖获奖名单(10人), 拟推荐全国五一劳动奖章（2名）), kept by :func:`.awards.find_awards`
  only where the text confers the honour nowhere else (a heading repeating the body is a second
  mention);
* ``award.counted`` — an honour, its count and a colon before the recipients
  (第三届全国文明家庭2户：…, 优秀共产党员（10名）：…) when the name carries a year or round or reads as
  an honour list item (优秀…, 先进…, a level);
* ``award.nominated`` also for 共推荐奖状312个、奖章1224个 (counted nominations), 湖北五一劳动奖章拟推荐人选：…
  and 拟申报以下城(县)为全国双拥模范城(县) (a proposal); ``award.retained`` for 保留荣誉称号的往届全国文明城市名单;
* ``award.heading`` also for a level or honour and a colon opening a line of holders (一等奖：张某、李某) and
  honours whose list is announced (2023年全国五一劳动奖和全国工人先锋号名单公布); ``award.named`` for an
  honour named by its holder (…赛项一等奖的获得者——赵某).

The next objects of one verb after 、 (命名甲等30个城市为A、乙等31个县城为B) are read by :func:`continued`;
list headings may close with a bracket (市级卫生村(社区)(54个)) or open with 附件 or 重新确认的 (retained).
The honour column of text tables is read in :mod:`.award_tables`, the lists notices announce or propose
in :mod:`.award_notices`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .award_mood import GROUP_LEAD
from .honours import PREFIX, QUOTES, VAGUE_END, AwardHit, AwardRules, split_recipients, strip_tail, unquote

if TYPE_CHECKING:
    from .sections import Sentences

_ITEM = regex.compile(r"(?:(?!以及|、|和|及).)+")
# 团场10名; 在各行各业作出突出贡献的525名 (the recipients described before their count; not 获得A的50个集体,
# an honour won, read by _WON_THE)
_RECIPIENTS = regex.compile(r"^(?:以下|下列|全[市县区省国镇乡]|\p{Han}{1,4}(?=\d)|(?!获|荣获|被评)[^，,、“”]{2,60}?的(?=[^\d，,、“”]{0,30}?等?\d))?"
                            r"(?:(?P<recip>[^\d]*?等)?(?P<n>\d+)(?:个|名|家|所|位|户|支|项|人))")
# words that make an item a description of its holders, not an honour's name: a count inside
# (表现突出的5个集体), a result held (获得…优秀等次的单位), a grade or a ranking (等次, 排名)
# (…以来在科普工作中作出突出贡献的单位: the deeds of the holders, no honour's name)
_DESCRIBED = regex.compile(r"\d+(?:个|名|家|所|位|户|支|人)|获得|排名|等次|以来|[作做]出|贡献的|表现突出的|成绩突出的|事迹突出的|[优异良好显著]的(?=学校|单位|集体|个人|同志|企业|班级|学生|教师)")  # 合格率显著优异的学校
_CONTINUED = regex.compile(r"(?:[；;，,、]|(?<=评选出|评出|确定|命名|授予))(?P<recip>[^，,。；;！!？?\n]{1,40}?等(?P<n>\d+)[个名家所位户支][\p{Han}]{0,6})为"
                           r"[^，,。；;！!？?\n“”]{0,12}?“(?P<name>[^“”\n]{2,40})”")
# the next object of one verb after 、: counted recipients 为 an unquoted name (the first is read by named_as)
_NEXT_AS = regex.compile(r"、(?P<recip>(?:[^，,。；;、！!？?\n“”为\d]{1,40}?等)?(?P<n>\d+)[个名家所位户支座][\p{Han}]{0,6}?"
                         r"(?:[（(][^（）()]{1,8}[）)])?)为(?P<name>[^，,。；;、：:《》()（）“”\s的和]{2,30}"
                         r"(?:[（(][\p{Han}、]{1,6}[）)])?)(?=[，,。；;、\s]|$)")
# a list item naming its recipients by the honour they won: 获得开发建设新疆奖章的166名个人
_WON_THE = regex.compile(r"(?:获得|荣获|获评)(?P<name>[^，,。；;、的]{2,30}?)的(?P<recip>(?P<n>\d+)\s*(?:个|名|家|位|所|户|人)\p{Han}{0,4})$")
_WON_END = regex.compile(r"(?:获奖|得奖|颁奖)$")
_NOMINEE_LEAD = regex.compile(r"^(?:拟推荐的?|推荐的|拟表彰的?|以下)")
_COUNT_COLON = regex.compile(r"\d(?:户|名|个|家|人|项|所|位|支|件)[）)]?(?:[：:]|[，,]?分别[为是])")
_BRACKET_COUNT = regex.compile(r"[（(]共?\d+[人名个家项户位件篇所支][）)]")
# a notice of nominees: the list headings after it are nominations (拟推荐对象名单\n全国劳动模范（3名）)
_NOMINATION = regex.compile(r"拟推荐|推荐对象|推荐人选|候选人|候选对象|拟表彰|拟命名")
_CONFERRED = regex.compile(r"^(?:获得|荣获|获评|获(?!奖))")


# a contest or a meeting, not an honour (“‘青春有梦’——广东省校园摄影大赛”获奖名单)
_EVENT_END = regex.compile(r"(?:大赛|比赛|竞赛|决赛|复赛|初赛|联赛|大会|会议|论坛|展览|展演|评选活动|活动)$")


def _items(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The items of a list (split at 、 和 及 以及) with where each starts."""
    return [(m.start(), m.group()) for m in _ITEM.finditer(text, start, end)]


def _honour(piece: str, ar: AwardRules) -> tuple[int, str] | None:
    """Where an honour's name starts in a list item and the name, holder nouns left out
    (获得省老科协论文奖作者 -> 省老科协论文奖), or None when the item names no honour."""
    off = 0
    got = _CONFERRED.match(piece) or _NOMINEE_LEAD.match(piece)
    if got:
        off = got.end()
    core = piece[off:]
    holder = ar.holder_end.search(core)
    if holder and holder.start() > 0:
        core = core[: holder.start()]
    core = strip_tail(core.strip(), ar).strip(QUOTES)  # 吴某等12名“优秀教育工作者”: the quote marks are no part of the name
    of = core.find("的")
    if of > 1 and ar.head_end.search(core[:of]) and regex.fullmatch(r"\p{Han}{1,6}", core[of + 1:]):
        core = core[:of]  # 提名奖的少年儿童: the honour, then its holders
    core = _WON_END.sub("", core)  # 市长质量奖获奖(名单): the winners' word; 获奖(名单) alone names no honour
    name = unquote(core)
    if len(name) < 2 or len(name) > 30 or not ar.named_item.fullmatch(core) or ar.generic.match(name) \
            or ar.not_honour.search(piece) or _DESCRIBED.search(name) or _EVENT_END.search(name):
        return None
    if ar.weak_end.search(name) and not (ar.list_item.fullmatch(name) or ar.strong(name) or ar.prefix.match(name)):
        return None  # 王某等200名党务工作者: the recipients counted, no honour named (第20届…集体 names one)
    return piece.find(core, off), core


#: a contest's or a meeting's name, no honour's (also :mod:`.award_notices`)
EVENT_END = _EVENT_END
#: where an honour's name starts in a list item and the name (the notices of :mod:`.award_notices` read their lists so)
honour_item = _honour
#: the items of a list with where each starts (the frames of :mod:`.award_frames` read their lists so)
items = _items


def commended(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """The honours of 对 LIST 予以表彰."""
    hits = []
    for m in ar.commended.finditer(text):
        found, qualified = [], False
        for k, (p_start, piece) in enumerate(_items(text, m.start("list"), m.end("list"))):
            count, recip, off = None, None, 0
            rc = _RECIPIENTS.match(piece)
            if rc:
                count, recip, off = int(rc.group("n")), (rc.group("recip") or None), rc.end()
                qualified = True
            if k == 0 and (ar.prefix.match(piece[off:]) or piece.startswith("以下")):
                qualified = True  # 对2021年度先进集体、…: the year reaches every item
            if _CONFERRED.match(piece[off:]):
                qualified = True
            won = _WON_THE.match(piece, off)
            if won and ar.named_item.fullmatch(won.group("name")) and not ar.generic.match(unquote(won.group("name"))):
                # 对获得开发建设新疆奖状的50个集体、获得…的166名个人进行了表彰: the recipients named by their honour
                found.append(AwardHit("award.commended", p_start + won.start("name"), p_start + won.end("name"),
                                      unquote(won.group("name")), int(won.group("n")), won.group("recip"), None, 1))
                qualified = True
                continue
            hon = _honour(piece[off:], ar)
            if hon is None:
                continue
            s = p_start + off + hon[0]
            found.append(AwardHit("award.commended", s, s + len(hon[1]), unquote(hon[1]), count,
                                  recip.removesuffix("等") if recip else None, None, 1))
        if qualified:
            hits += found
    return hits


def continued(text: str, ar: AwardRules) -> list[AwardHit]:
    """Each object of one verb: 选树甲等97个团组织为“A”；乙等158名同志为“B”; 评选出甲等10家单位为“A”，
    乙等100家单位为“B”."""
    hits = []
    for m in _CONTINUED.finditer(text):
        stop = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
        upto = m.start("recip") + 6  # the verb may open the clause (…认定,最终评选出“甲”等10家单位为“A”)
        if not (ar.verbs.search(text, stop + 1, upto) or ar.result_verbs.search(text, stop + 1, upto)):
            continue
        name = m.group("name").strip()
        if ar.generic.match(name) or ar.not_honour.search(name):
            continue
        recip = m.group("recip").strip()
        hits.append(AwardHit("award.quoted", m.start("name"), m.end("name"), name, int(m.group("n")), recip,
                             None, 0))
    for m in _NEXT_AS.finditer(text):  # 命名甲等30个城市为国家园林城市、乙等31个县城为国家园林县城、丙等7个镇为…
        stop = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
        name = strip_tail(m.group("name"), ar)
        if not ar.named_as.search(text, stop + 1, m.start() + 1) or not ar.named_item.fullmatch(name) \
                or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), name, int(m.group("n")),
                             m.group("recip").strip(), None, 2))
    for m in ar.continued_named.finditer(text):  # …为国家卫生城市（区），236个县城（乡镇）为国家卫生县城（乡镇）
        stop = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
        name = strip_tail(m.group("name"), ar)
        if not ar.named_as.search(text, stop + 1, m.start() + 1) or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), name, int(m.group("n")),
                             m.group("recip").strip(), None, 2))
    return hits


def nominee_lists(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """The honours of 现将 A、B 和 C 拟推荐对象予以公示 (stage nominated)."""
    hits = []
    for m in ar.nominee_list.finditer(text):
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            hon = _honour(piece, ar)
            if hon is None:
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), None, None, None, 1,
                                 "nominated"))
    return hits


_LEAD_COUNT = regex.compile(r"(?P<n>\d+)(?:个|名|人|家|位|项)")


def elected(text: str, ar: AwardRules) -> list[AwardHit]:
    """推选出全国五一劳动奖状候选单位3个、全国五一劳动奖章候选人10名 (stage nominated)."""
    hits = []
    for m in ar.elect_list.finditer(text):
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            it = ar.nominee_item.match(piece)
            if not it:
                continue
            words, n = it.group("name"), int(it.group("n")) if it.group("n") else None
            cut = words.rfind("为") + 1  # 拟推荐张某为全国劳动模范人选: the honour follows 为
            lead = _LEAD_COUNT.match(words, cut)  # 推选出2名全省优秀共产党员候选人: the count before
            if lead:
                cut, n = lead.end(), n or int(lead.group("n"))
            hon = _honour(words[cut:], ar)
            if hon is None:
                continue
            s = p_start + cut + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), n, None, None, -1,
                                 "nominated"))
    return hits


def counted_nominees(text: str, ar: AwardRules) -> list[AwardHit]:
    """第十二届“中国青年五四奖章标兵”10名候选人日前确定: an honour, its count of nominees (stage nominated)."""
    hits: list[AwardHit] = []
    if not ar.nominee_word.search(text):  # every match ends in a nominee noun: none, no match (and no slow scan)
        return hits
    for m in ar.counted_nominee.finditer(text):
        name, start = m.group("name"), m.start("name")
        cut = name.rfind("为") + 1  # 500个集体为全国…先进集体拟表彰对象: the recipients, then the honour after 为
        name, start = name[cut:], start + cut
        said = ar.elected_in.search(name)  # the last one
        if said is not None:  # 会议推选出全国劳动模范候选人5名: the verb and its subject are no part of the name
            name, start = name[said.end():], start + said.end()
        # 1677名全国劳动模范和762名全国先进工作者拟表彰对象: one nominee noun closes two counted honours
        parts = [(start, name, int(m.group("n")))]
        nxt = _NEXT_COUNTED.search(name)
        if nxt and nxt.start() >= 2:
            parts = [(start, name[:nxt.start()], int(m.group("n"))),
                     (start + nxt.end(), name[nxt.end():], int(nxt.group("n")))]
        # 全国优秀共产党员和全国优秀党务工作者推荐人选各57名: two honours, one count each (each: 各; 800名劳动模范和
        # 先进工作者拟表彰对象 is one count of two honours together, one record)
        if len(parts) == 1 and "各" in text[m.end("name"):m.end()] and (cut := name.find("和")) > 1 and ar.strong(name[:cut]) and ar.strong(name[cut + 1:]):
            parts = [(start, name[:cut], int(m.group("n"))), (start + cut + 1, name[cut + 1:], int(m.group("n")))]
        for p_start, p_name, n in parts:
            if len(unquote(p_name)) < 2 or ar.generic.match(unquote(p_name)) or ar.not_honour.search(p_name) \
                    or not (ar.strong(p_name) or _TITLE_QUOTED.fullmatch(p_name) and not ar.object_not_end.search(unquote(p_name))):
                continue  # 42名“天津好人”候选人: a title in quotes, its head an everyday word (not “社区委员”: a role)
            hits.append(AwardHit("award.nominated", p_start, p_start + len(p_name), unquote(p_name), n,
                                 None, None, 1, "nominated"))
    return hits


_TITLE_QUOTED = regex.compile(r"[“\"「『][^“”\"「」『』]{2,20}[”\"」』]")
_NEXT_COUNTED = regex.compile(r"(?:和|及|与|、)(?P<n>\d+)(?:名|个|位|人|家)")


def epithets(text: str, ar: AwardRules) -> list[AwardHit]:
    """“全国劳动模范”李某某出席会议: an honour a named person holds (stage held); also with the person's
    unit and role between (“全国优秀共产党员”某村党委书记余某；, “A”、“B”某集团总工程师张某；)."""
    hits = [AwardHit("award.held", m.start("name"), m.end("name"), m.group("name"), None, m.group("who"), None, 3,
                     "held") for m in ar.epithet.finditer(text)
            if not _ROLE_NOUN.search(m.group("who"))]  # “未来之星”小记者、…: a role or a programme, no person named
    for m in ar.epithet_role.finditer(text):
        names = [(m.start("name"), m.group("name"))] + \
            [(m.start("more") + q.start(1), q.group(1)) for q in _QUOTED.finditer(m.group("more"))]
        for start, name in names:
            if ar.generic.match(name) or ar.not_honour.search(name) \
                    or not (ar.strong(name) or ar.epithet_word.search(name)
                            or ar.head_end.search(name) and ar.level_open.match(name)):  # “中国好人”: a level, any head
                continue
            hits.append(AwardHit("award.held", start, start + len(name), name, None, m.group("who"), None, 3, "held"))
    return hits


# a list flattened into one line: 附件1：受表彰的单位名单 一、优秀单位(10个) 甲县政府、乙区政府 二、…
_INLINE_HEADING = regex.compile(r"(?<=[ \t\u3000。；;])[一二三四五六七八九十]{1,2}、[ \t]*(?P<nom>(?!))?(?P<kind>(?!))?"
                                r"(?P<name>[^\s，,。；;：:、《》()（）]{2,30}?(?:[（(][\p{Han}、]{1,6}[）)])?)"
                                r"[（(](?:共)?(?P<n>\d+)[人名个家项户位件篇所支][）)][：:]?(?=[ \t\u3000])")
_ROLE_NOUN = regex.compile(r"(?:者|员|们)$")
_QUOTED = regex.compile(r"[“\"]([^“”\"\n]{2,24})[”\"]")


def headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """Lines that head a list of recipients: 全国二等奖获奖名单(10人), 拟推荐全国五一劳动奖章（2名）."""
    hits: list[AwardHit] = []
    if not _BRACKET_COUNT.search(text):
        return hits
    for m in [*ar.heading.finditer(text), *_INLINE_HEADING.finditer(text)]:
        name = unquote(m.group("name"))  # 一、“最美家庭”（10户）
        if not (m.group("kind") or m.group("nom") or ar.list_item.fullmatch(name) or ar.strong(name)):
            continue  # 预算单位(3个): a count of units, no list of honours; 全国五一劳动奖状（10个） heads one
        if not ar.named_item.fullmatch(name) or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        nominated = bool(m.group("nom")) or any(w in (m.group("kind") or "") for w in ("推荐", "候选")) \
            or bool(_NOMINATION.search(text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()))
        hits.append(AwardHit("award.heading", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                             None, None, 3, "nominated" if nominated else "conferred"))
    return hits


# (a bracket may close the name: 安徽省卫生县城(区); a line opening 重新确认的 heads honours kept after review;
# a mark may open it or brackets close it round: ■优秀组织奖, 【一等奖】)
MARK_OPEN = r"(?:[■□●◆◇▲△★☆◎○•▶►][ \t]*|[【\[])?"
_BARE = regex.compile(r"(?m)^[ \t\u3000]*(?P<annex>附件[\d一二三四五六七八九十]*[：:]?[ \t]*(?:\d{1,2}[.．、][ \t]*)?)?"
                      r"(?:[一二三四五六七八九十]{1,2}、[ \t]*|[（(][一二三四五六七八九十]{1,2}[）)][ \t]*"
                      r"|(?P<arabic>\d{1,2}[.．、])[ \t]*)?" + MARK_OPEN +
                      r"(?P<kept>(?:重新确认|复查确认|确认保留|继续保留)(?:命名)?的)?"
                      r"(?P<name>[^\s，,。；;：:、！!？?()（）|【】\[\]■□●◆◇▲△★☆◎○•]{3,31}"
                      r"(?:[（(][\p{Han}、]{1,6}[）)](?:\p{Han}{1,8})?)?)"
                      r"[】\]]?(?P<note>[（(](?:价值|奖品|名单见|详见|见附件)[^（）()\n]{1,30}[）)])?"
                      r"[：:]?[ \t\u3000]*\n(?=[ \t\u3000]*\S)")
_RECEIVED = regex.compile(r"(?:领|获|颁|得|评)奖$")
_KIND = regex.compile(r"(?:获奖名单|获奖人员名单|获奖者名单|获奖单位|获奖集体|获奖企业|名单|拟推荐人选|推荐人选|拟推荐对象|推荐对象|候选人|候选对象)$")
_ANNOUNCE = regex.compile(r"荣誉|表彰|称号|名单|获奖|授予|命名|评选结果|表扬|获评|评为|推荐|候选")
_ANNOUNCE_WINDOW = 400


# a sub-list under an honour the text conferred: 一、先进党支部 … 1.宣传工作先进党支部\n甲支部\n乙支部 — the
# words before the conferred title name a kind of it (a field of work, no unit), the line is numbered, and
# names, not a next heading, follow
_SUB_LEAD = regex.compile(r"\p{Han}{2,8}")
_UNIT_END = regex.compile(r"[省市县区州镇乡村组队局厂司校院所站部处室馆会委]$")  # 甲镇青年突击队: a holder, not a kind
_NEXT_IS_HEADING = regex.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}、|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)])")


def sub_headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """A heading naming a kind of an honour the text conferred in quotes (1.机关建设先进市(县)组织 under
    “先进市(县)组织”), over lines of holders rather than over the next heading (单项先进市(县)组织\n1.…: a
    category of the sub-lists): an honour of its own, though it ends in the conferred one."""
    hits: list[AwardHit] = []
    titles = {q.group(1) for q in _QUOTED.finditer(text) if len(q.group(1)) >= 3}
    if not titles:
        return hits
    for m in _BARE.finditer(text):
        name, start = m.group("name"), m.start("name")
        title = next((t for t in titles if name.endswith(t) and _SUB_LEAD.fullmatch(name[:-len(t)])), None)
        if title is None or not _NEXT_IS_HEADING.match(text, m.start()) or _UNIT_END.search(name[:-len(title)]) \
                or _DESCRIBED.search(name) or _NEXT_IS_HEADING.match(text, m.end()) \
                or ar.not_honour.search(name) or not _ANNOUNCE.search(text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()):
            continue
        hits.append(AwardHit("award.heading", start, start + len(name), name, None, None, None, 3, "conferred"))
    return hits


# a quoted title wrapped inside a line (被评为“全省档案工作\n先进集体”): the quote opened and not closed on its line
# and closed on the next is one name
_WRAPPED_QUOTE = regex.compile(r"[“\"](?P<a>[^“”\"\n]{1,30})\n[ \t\u3000]*(?P<b>[^“”\"\n]{1,30})[”\"]")
_CLAUSE_START = regex.compile(r"(?r)[，,。；;！!？?：:]")


def wrapped_quotes(text: str, ar: AwardRules) -> list[AwardHit]:
    """A quoted honour broken over two lines after a verb of conferring in its clause; the name is read joined."""
    hits: list[AwardHit] = []
    for m in _WRAPPED_QUOTE.finditer(text) if "\n" in text else ():
        name = m.group("a").strip() + m.group("b").strip()
        if not 2 <= len(name) <= 40 or not (ar.named_item.fullmatch(name) or ar.strong(name)) \
                or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        stop = _CLAUSE_START.search(text, max(0, m.start() - 60), m.start())
        if not ar.verbs.search(text, stop.end() if stop else max(0, m.start() - 60), m.start()):
            continue  # 开展“…活动”: no verb of conferring before the quote
        hits.append(AwardHit("award.quoted", m.start("a"), m.end("b"), name, None, None, None, 2, "conferred"))
    return hits


def bare_headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """A line that is an honour's name alone, over the lines of its recipients, in a list the text
    announced just before (…获荣誉表彰。\n天津市五四红旗团委\n某学院团委\n天津市优秀共青团员\n张某 …):
    kept like a list heading, only where the text confers the honour nowhere else."""
    hits: list[AwardHit] = []
    last = -_ANNOUNCE_WINDOW
    for m in _BARE.finditer(text):
        name, start = m.group("name"), m.start("name")
        group = GROUP_LEAD.match(name)
        if group and ar.level.fullmatch(name, group.end()):
            name, start = name[group.end():], start + group.end()
        k = _KIND.search(name)
        kind = k.group() if k else ""
        if k:
            name = name[:k.start()]
        if not 3 <= len(name) <= 25 or m.group("annex") and not kind \
                or _DESCRIBED.search(name) or _RECEIVED.search(name):
            continue  # 荆门16名省劳模赴汉领奖: a headline (a count, a verb of receiving), no honour's name
        if name.count("“") != name.count("”"):
            continue  # 该村开展“美丽庭院\n示范户”评选活动: a sentence wrapped inside a quote, no heading
        if _SETTING.search(name) or "设奖" in name or m.group("note") and _SETTING.search(
                text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()):  # 奖项设置：\n一等奖（价值500元）: a prize set
            continue  # 比赛设奖：\n一等奖 3名: the prizes set, no honour's name
        if m.group("arabic") and kind and not m.group("annex"):
            continue  # 附件：\n1.…获奖名单\n2.…名单: the titles of the attachments, each repeating the body
        if m.group("annex") and regex.search(r"[和、及]", name):
            continue  # 附件：2017年度文明单位和文明乡镇名单: several honours, each conferred in the body in its own words
        if (not ar.named_item.fullmatch(name) and not ar.level.fullmatch(name)) or ar.generic.match(name) \
                or ar.not_honour.search(name) or name[0].isdigit() and not ar.prefix.match(name):
            continue
        if ar.verbs.search(name) or VAGUE_END.search(name) and len(unquote(strip_tail(name, ar))) < 3:
            continue  # 我校获评一批各级荣誉, 获奖荣誉: a headline or a page label, no honour's name
        if ar.weak_end.search(name) and not (ar.prefix.match(name) or ar.list_item.fullmatch(name)):
            continue  # 重庆幼儿师范高等专科学校: a school's name, not 示范学校
        if kind and not (ar.strong(name) or ar.prefix.match(name) or ar.list_item.fullmatch(name)
                         or ar.level.fullmatch(name)):
            continue  # 困难家庭名单: a list of people, no honour
        if not kind and not m.group("kept") and m.start() - last > _ANNOUNCE_WINDOW and not _ANNOUNCE.search(
                text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()):
            continue
        last = m.end()
        nominated = "推荐" in kind or "候选" in kind \
            or bool(_NOMINATION.search(text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()))  # a notice of nominees
        stage = "nominated" if nominated else "retained" if m.group("kept") else "conferred"
        hits.append(AwardHit("award.heading", start, start + len(name), unquote(name), None, None,
                             None, 3, stage))
    return hits


def counted(text: str, ar: AwardRules) -> list[AwardHit]:
    """An honour with its count before a colon: 第三届全国文明家庭2户：张某家庭、李某家庭."""
    hits: list[AwardHit] = []
    if not _COUNT_COLON.search(text):
        return hits  # the cheap test first: no count before a colon anywhere
    for m in ar.counted.finditer(text):
        name = unquote(m.group("name"))  # “最美志愿者”2人，分别为…
        if not (ar.named_item.fullmatch(name) or ar.level.fullmatch(name)) or ar.generic.match(name) \
                or ar.not_honour.search(name):
            continue
        if not (ar.prefix.match(name) or ar.list_item.fullmatch(name) or ar.level.fullmatch(name) or ar.strong(name)):
            continue  # 项目支出3项：… counts things; an honour list item reads as one
        hits.append(AwardHit("award.counted", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                             None, None, 1))
    for m in _NEXT_LEVEL.finditer(text):  # 一等奖3名：甲（某校）乙（某校）二等奖5名：丙（某校）: a list flattened to one line
        lo = max(0, m.start() - _ANNOUNCE_WINDOW)
        if ar.level.fullmatch(m.group("name")) and not _PRIZE_SET.match(text, m.end()) \
                and not _SETTING.search(text, lo, m.start()) and "设奖" not in text[lo:m.start()]:
            hits.append(AwardHit("award.counted", m.start("name"), m.end("name"), m.group("name"), int(m.group("n")),
                                 None, None, 1))
    return hits


# a level, its count and a colon right after the closing bracket of the last holder of the level before
_NEXT_LEVEL = regex.compile(r"(?<=[）)][ \t\u3000]*)(?P<name>(?:特等|一等|二等|三等|四等|优秀|优胜|鼓励|纪念|金|银|铜)奖)"
                            r"(?P<n>\d+)(?:名|个|件|篇|项|人)[：:]")


# a line opening with a level or an honour and a colon, then its holders: 一等奖：张某、李某
_LEVEL_COLON = regex.compile(r"(?m)(?:^|(?<=[；;]|名单[：:]|如下[：:]))[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])?[ \t]*"
                             + MARK_OPEN +
                             rf"(?P<name>(?:{PREFIX})?[^\s，,。；;：:、《》()（）【】■□●◆◇▲△★☆◎○•\d]{{2,20}})[】\]]?[：:][ \t\u3000]*\S")
# a group before a level (小学组一等奖：…, 【教师组二等奖】): the level is the honour, the group its holders' kind


# a line of holders: short names split by 、 or spaces (张某、李某、王某)
_HOLDERS = regex.compile(r"[^\n，,。；;：:]{2,20}(?:[、 \t][^\n，,。；;：:、 \t]{2,20})+[。；;]?[ \t]*(?:\n|$)")
_PRIZE_SET = regex.compile(r"[ \t\u3000]*(?:\d|奖金|奖励|奖品|各|每|[一二三四五六七八九十]+名|空缺|暂缺|无[ \t\u3000]*$)")  # 一等奖：空缺
_SETTING = regex.compile(r"奖项设置|设置奖项|设立|评选标准|奖励标准|奖励办法|评分标准")


def level_lines(text: str, ar: AwardRules) -> list[AwardHit]:
    """获奖名单如下：\n一等奖：张某、李某\n优秀组织奖：甲局 — in a list the text announced just before, each line
    opening with a level (or an honour list item) and a colon names an honour (kept like a list heading)."""
    hits: list[AwardHit] = []
    for m in _LEVEL_COLON.finditer(text, overlapped=True):
        name, start = m.group("name"), m.start("name")
        group = GROUP_LEAD.match(name)
        if group and ar.level.fullmatch(name, group.end()):
            name, start = name[group.end():], start + group.end()
        if not (ar.level.fullmatch(name) or (ar.list_item.fullmatch(name) or ar.strong(name)) and ar.named_item.fullmatch(name)) \
                or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        if _PRIZE_SET.match(text, m.end() - 1) or _PRIZE_SET.match(text, m.end()) \
                or not (_ANNOUNCE.search(text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start())
                        or ar.prefix.match(name) and _HOLDERS.match(text, m.end() - 1)) \
                or _SETTING.search(text, max(0, m.start() - _ANNOUNCE_WINDOW), m.start()):
            continue  # 奖项设置：一等奖：奖金5000元 — a prize announced, not conferred; a year or round
            # before the name (2022年度全县优秀共青团员：张某、李某) makes the line a list without an announcement
        hits.append(AwardHit("award.heading", start, m.end("name"), unquote(name), None, None, None, 3))
    return hits


_NOMINEE_COLON = regex.compile(r"(?:拟推荐人选|推荐人选|拟推荐对象|推荐对象|候选人|候选对象|候选单位)(?:名单)?[：:]")
# the words before it, from the line or sentence start (numbering left out)
_NOMINEE_WORDS = regex.compile(r"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:[一二三四五六七八九十\d]{1,2}[、.．])?[ \t]*"
                               r"(?P<name>[^\s，,。；;：:、《》()（）]{2,30})$")
# the clause before words that announce a list, read backwards; a news lead (近日，) left out
CLAUSE_BACK = regex.compile(r"(?r)[，,。；;！!？?\n：:]")  # the last clause stop before a place (searched backwards)
_NEWS_LEAD = regex.compile(r"[ \t\u3000]*(?:近日|日前)?[，,]?(?:现将|特将|兹将|现把)?")  # 现将…名单公布如下: the notice's own words


def nominee_colons(text: str, ar: AwardRules) -> list[AwardHit]:
    """湖北五一劳动奖章拟推荐人选：张某、李某 (stage nominated)."""
    hits = []
    for a in _NOMINEE_COLON.finditer(text):
        m = _NOMINEE_WORDS.search(text, max(0, a.start() - 40), a.start())
        if m is None:
            continue
        words = m.group("name")
        cut = words.rfind("为") + 1  # 拟推荐以下同志为2023年全国五一劳动奖章推荐人选：
        hon = _honour(words[cut:], ar)
        if hon is None:
            continue
        s = m.start("name") + cut + hon[0]
        hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), None, None, None, 1, "nominated"))
    return hits


_COUNTED_ITEM = regex.compile(r"^(?P<name>.{2,30}?)(?P<n>\d+)(?:个|名|人|家|项|位|篇|件|户|所|支)$")


# 现将我市拟推荐对象名单予以公示，其中A19名、B1个: the nominees counted after a list put up for objections
_SHOWN_AMONG = regex.compile(r"(?:推荐|推选|候选)(?:对象|人选)?名单(?:予以|进行)?公示[，,]其中(?P<list>[^。；;！!？?\n]{2,160})")


def nominated_counts(text: str, ar: AwardRules) -> list[AwardHit]:
    """共推荐奖状312个、奖章1224个、工人先锋号1084个: honours counted after a verb of nominating
    (stage nominated); an item without a count or whose name is no honour (项目3个) is left out."""
    hits = []
    for m in [*ar.count_nominate.finditer(text), *_SHOWN_AMONG.finditer(text)]:
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            it = _COUNTED_ITEM.match(piece)
            if not it:
                continue
            hon = _honour(ar.nominee_end.sub("", it.group("name")), ar)  # 优秀文明单位候选单位4家: the honour
            if hon is None or ar.weak_end.search(hon[1]) and not ar.list_item.fullmatch(hon[1]):
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), int(it.group("n")), None,
                                 None, 1, "nominated"))
    return hits


def announced(text: str, ar: AwardRules) -> list[AwardHit]:
    """2023年全国五一劳动奖和全国工人先锋号名单公布: the honours whose holders are announced."""
    hits: list[AwardHit] = []
    if "公布" not in text and "揭晓" not in text and "出炉" not in text and "发布" not in text:
        return hits  # the cheap test first
    for a in ar.announced.finditer(text):
        lo = max(0, a.start() - 60)
        stop = CLAUSE_BACK.search(text, lo, a.start())
        lo = stop.end() if stop else lo
        lead = _NEWS_LEAD.match(text, lo, a.start())
        for p_start, piece in _items(text, lead.end() if lead else lo, a.start()):
            hon = _honour(piece, ar)
            if hon is None:
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.heading", s, s + len(hon[1]), unquote(hon[1]), None, None, None, 2))
    return hits


_MONEY_AFTER = regex.compile(r"^[^，,。；;\n]{0,8}?(?:奖金|奖励|\d[\d.]*万?元)")
_ADDRESSED = regex.compile(r"给予|每位|每名|每人|向|对")
_CALL_AFTER = regex.compile(r"^的?(?:推荐|评选|申报|候选|推选|评审)")
_HOLDER_LEAD = regex.compile(r"^(?:本次|此次|本届|今年|该)(?:大赛|比赛|竞赛|活动|评选)?")


# “光荣在党50年”纪念章获得者, 表彰第八届“浙江慈善奖”获得者: a quoted name (its round before it), its head after or inside
_QUOTED_BEFORE = regex.compile(r"(?P<name>(?:第[\d一二三四五六七八九十]+届|首届|(?:19|20)\d{2}年度?)?“[^“”\n]{2,24}”\p{Han}{0,8})$")


def holders_of(text: str, ar: AwardRules) -> list[AwardHit]:
    """本次大赛孤残儿童护理员赛项一等奖的获得者——赵某: an honour named by its holder."""
    hits: list[AwardHit] = []
    if "获得者" not in text and "得主" not in text:
        return hits  # the cheap test first
    for a in ar.holder_of.finditer(text):
        m = ar.name_before.search(text, max(0, a.start() - 32), a.start())
        q = _QUOTED_BEFORE.search(text, max(0, a.start() - 32), a.start())
        if q is not None and ar.head_end.search(unquote(q.group())) and (m is None or q.start() < m.start()):
            m = q  # “光荣在党50年”纪念章获得者: a quoted name, then its head
        if m is None:
            continue
        name, start = m.group("name"), m.start("name")
        if "为" in name:  # 10名少先队员为纪念章获得者…: the words before 为 are no part of the name
            cut = name.rfind("为") + 1
            name, start = name[cut:], start + cut
        if ar.head_end.fullmatch(name) and not ar.level.fullmatch(name):
            continue  # 为纪念章获得者代表献上鲜花: a bare head names the holders of an honour said before
        lead = _HOLDER_LEAD.match(name)
        off = lead.end() if lead else 0
        name = name[off:]
        after = text[a.end():a.end() + 20]
        if _CALL_AFTER.match(after):
            continue  # “浙江慈善奖”获得者的推荐工作: a call for its holders, none named
        if _MONEY_AFTER.match(after) or _ADDRESSED.search(name):
            continue  # 给予每位一等奖获得者奖金5000元: the prize money of a category, no honour conferred
        if len(unquote(name)) < 2 or name.endswith(("获奖", "颁奖")) or not ar.named_item.fullmatch(unquote(name)) \
                or ar.generic.match(unquote(name)) or ar.not_honour.search(name):
            continue
        s = start + off
        hits.append(AwardHit("award.named", s, s + len(name), unquote(name), None, None, None, 2))
    return hits


def proposals(text: str, ar: AwardRules) -> list[AwardHit]:
    """拟申报以下城(县)为全国双拥模范城(县) (stage nominated); 保留荣誉称号的往届全国文明城市名单 (retained)."""
    hits: list[AwardHit] = []
    if "保留" not in text and "拟" not in text and "名单" not in text and "复" not in text:
        return hits  # the cheap test first
    for pat, stage in ((ar.proposed, "nominated"), (ar.retained_list, "retained")):
        for m in pat.finditer(text):
            name = m.group("name")
            if ar.generic.match(unquote(name)) or ar.not_honour.search(name):
                continue
            rule = "award.nominated" if stage == "nominated" else "award.retained"
            hits.append(AwardHit(rule, m.start("name"), m.end("name"), unquote(name), None, None, None, 1, stage))
    for pat, rule, stage in ((ar.on_list, "award.named", "conferred"), (ar.review_passed, "award.retained", "retained")):
        for m in pat.finditer(text):  # 公布的…名单中…榜上有名; 通过了全国文明单位复查
            name = m.group("name")
            if not ar.generic.match(unquote(name)) and not ar.not_honour.search(name):
                hits.append(AwardHit(rule, m.start("name"), m.end("name"), unquote(name), None, None, None, 1, stage))
    for a in ar.retained_tail.finditer(text):  # 第六届全国文明城市（区）复查确认保留荣誉称号名单
        m = ar.name_before.search(text, max(0, a.start() - 32), a.start())
        if m is not None and not ar.generic.match(unquote(m.group("name"))) and not ar.not_honour.search(m.group("name")):
            hits.append(AwardHit("award.retained", m.start("name"), m.end("name"), unquote(m.group("name")), None, None,
                                 None, 1, "retained"))
    return hits


# 公布了全国科普教育基地名单。甲、乙…等8家单位榜上有名: a published list of an honour's holders, the holders found
# on it in the same sentence or the next (入围公示名单, 候选名单: stage nominated)
_PUBLISHED = regex.compile(r"(?:公布|发布|公示|印发|下发)了?的?(?P<list>[^，,。；;！!？?\n：:《》]{2,90}?)(?P<nom>入围|候选|拟命名|拟推荐|推荐)?"
                           r"(?:公示)?名单(?!的通知|的决定|的公告)")
#: the end of a sentence or of a clause closed by a semicolon (also :mod:`.awards`)
SENTENCE_STOP = regex.compile(r"[。；;！!？?\n]")
_ON_IT = regex.compile(r"榜上有名|上榜|入选|入围|名列其中|位列其中|在列|获此殊荣")
_ROUND_LEVEL = regex.compile(r"(?:第[\d一二三四五六七八九十]+批|首批)(?:国家级|省级|市级|全国|全省|全市|[\p{Han}]{2,6}?(?:省|市))")


def published_lists(text: str, ar: AwardRules) -> list[AwardHit]:
    """公布…名单 and, in the same sentence or the next, a holder 榜上有名 / 入选 / 上榜: the honours of the list."""
    hits: list[AwardHit] = []
    if "名单" not in text:
        return hits
    for m in _PUBLISHED.finditer(text):
        first = SENTENCE_STOP.search(text, m.end())
        stop = first.end() if first else len(text)
        if first and first.group() in "。；;！!？?\n":  # the holders may be named in the next sentence
            second = SENTENCE_STOP.search(text, stop)
            stop = second.end() if second else len(text)
        on = _ON_IT.search(text, m.end(), min(stop, m.end() + 400))
        if on is None:
            continue
        nominated = bool(m.group("nom")) or "公示" in m.group() or on.group() == "入围"
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            hon = _honour(piece, ar)
            if hon is None:
                bare = unquote(piece.strip())
                if not (_ROUND_LEVEL.match(bare) and 4 <= len(bare) <= 24 and not ar.not_honour.search(bare)
                        and not ar.object_not_end.search(bare)):
                    continue  # 试点县（区）, “满天星”训练营: no honour on the list
                hon = (piece.find(bare), bare)  # 第五批省级引领型农村社区: a round and a level name it
            s = p_start + hon[0]
            stage = "nominated" if nominated else "conferred"
            hits.append(AwardHit("award.nominated" if nominated else "award.named", s, s + len(hon[1]), unquote(hon[1]),
                                 None, None, None, 2, stage))
    return hits



def titles(text: str, ar: AwardRules) -> list[AwardHit]:
    """关于2023年全国五一劳动奖和全国工人先锋号拟推荐对象的公示 (nominated), an unquoted epithet
    全国劳动模范李某某出席会议 (held). The title of a decision (关于表彰…的决定) is no award: the dev
    conventions read it as a reference to the decision, its honours are those of the body."""
    hits: list[AwardHit] = []
    for pat, stage in ((ar.nominee_title, "nominated"),) if "公示" in text else ():
        for m in pat.finditer(text):
            for p_start, piece in _items(text, m.start("list"), m.end("list")):
                off = 0
                lead = split_recipients(piece, ar)
                if lead:  # 关于授予张某等10名同志全市劳动模范称号的决定
                    off = lead[2]
                hon = _honour(piece[off:], ar)
                if hon is None:
                    continue
                s = p_start + off + hon[0]
                rule = "award.nominated" if stage == "nominated" else "award.commended"
                hits.append(AwardHit(rule, s, s + len(hon[1]), unquote(hon[1]), lead[1] if lead else None,
                                     lead[0] if lead else None, None, 1, stage))
    for m in ar.bare_epithet.finditer(text):
        name = m.group("name")
        if ar.strong(name) and not ar.generic.match(name):
            hits.append(AwardHit("award.held", m.start("name"), m.end("name"), name, None, m.group("who"), None, 3,
                                 "held"))
    return hits
