"""Awards and honours: what a sentence confers, retains or nominates, and on whom.

The vocabulary of honour names is data (patterns/honours.yaml, compiled in :mod:`.honours`), the
grammar around it too (patterns/awards.yaml). The rules that start from a verb are here:

* ``award.quoted`` — a quoted title after a verb of conferring in the same clause,
  with recipients or 第N届 between (授予甲、乙等3家单位“…”; 获得第六届“…”荣誉称号), and the
  quoted titles listed after it (授予6个集体“青年文明号”、15名个人“青年岗位能手”称号);
* ``award.retained`` — 保留“…”荣誉称号, 分别保留“A”、“B”荣誉称号 (stage ``retained``);
* ``award.named`` — an unquoted title after such a verb, ending in an honour head
  (被评为…示范基地学校, 获评全国美丽河湖, 获先进集体表彰), also after counted recipients, one verb
  several objects (授予1493个村镇全国文明村镇称号，授予25家先进单位A、100名先进个人B);
* ``award.level`` — an award level in a sentence with such a verb (获一等奖8个);
* ``award.listed`` — the honours listed after a verb that announces results
  (评选出一等奖6名、二等奖9名…, 表彰奖励15个先进单位、20名我心中的好老师);
* ``award.nominated`` — 推荐…为…候选对象, 拟推荐…申报… (stage ``nominated``);
* ``award.merit`` — 记集体三等功一次.

The rules that start from a list (对…予以表彰, nominee lists, list headings, counted honours
before a colon, honour columns of text tables, epithets) are in :mod:`.award_lists`; names without a
head after verbs of designation, honours held, and epithet chains in :mod:`.award_objects`. A name
that is only a category (国家级荣誉称号), a placing in a ranking (全市考核第一名), prize money or
medals (奖金, 奖牌), a name inside a document title (《…》) and a headline that repeats an honour
conferred in the body are not awards. The recipient is the clause before the verb (or the recipients
named between verb and title); the count is the number printed with them.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from .award_again import repeated
from .award_frames import frames
from .award_siblings import siblings
from .award_lists import EVENT_END as _EVENT_END
from .award_lists import SENTENCE_STOP as _SENTENCE_STOP
from .award_lists import (announced, bare_headings, published_lists, commended, continued, counted, counted_nominees, elected,
                          epithets, headings, holders_of, level_lines, nominated_counts, nominee_colons,
                          nominee_lists, proposals, sub_headings, titles, wrapped_quotes)
from .award_mood import in_mood, trimmed
from .award_objects import BATCH_NOT as _BATCH_NOT
from .award_objects import BRACKET_TAIL as _BRACKET_TAIL
from .award_objects import HOLDER_VERB as _HOLDER_VERB
from .award_objects import counted_passive, designations, epithet_chains, held_and_holders, profile_lists
from .award_notices import announced_lists, level_counts, proposed_headings, proposed_lists
from .award_tables import holder_rows, level_rows, line_column, table_column
from .award_tagger import tagged
from .honours import (CLAUSE, LIST_NUMBER, ORGAN_AND, PREFIX, QUOTES, AwardHit, AwardRules, award_rules, count_in, event_before, recipient,
                      split_recipients, strip_tail, unquote)
from .honours import GENERIC_REST as _GENERIC_REST
from .honours import VAGUE_END as _VAGUE_END

if TYPE_CHECKING:
    from ..rules import Rules
    from .sections import Sentences

__all__ = ["AwardHit", "award_rules", "find_awards"]

_FULL_STOP = regex.compile(r"[。！!？?\n]")
_PREFIX = regex.compile(r"(?:第[\d一二三四五六七八九十]+[届批]|首[届批]|新一[届批]|本届|全国|全省|全市|全区|全县|国家级|省级|市级|县级|区级|(?:19|20)\d{2}(?:[—\-－](?:19|20)?\d{2})?年度?)+$")
_LEAD_COUNT = regex.compile(r"^(?:共|等|其中)?(?P<n>\d+)(?![\d.年\-—－~至])(?:个|名|项|件|家|所|位|篇|部|支|户|人|枚|块|面|尊)?(?:单位|集体|个人|同志|团队)?")
_TAIL_COUNT = regex.compile(r"[共各]?(?P<n>\d+)(?:个|名|项|件|家|所|位|篇|部|支|户|人|枚)?(?:以上|左右)?$")
_TAKES_PART = regex.compile(r"参加|参与|进入|参评|申报")  # 遴选出15件优秀项目参加…赛道: entries sent on, no honour
_HELD = regex.compile(r"(?:举行|举办|召开|开幕|启动)$")  # 先进事迹报告活动举行: an event's name, then its holding
# a note after a counted item (优秀辅导教师奖7名(具体名单见附件), 一等奖1名(名单附后)): no part of the item
_NOTE_AFTER_COUNT = regex.compile(r"(?<=\d+(?:个|名|项|件|家|所|位|篇|部|支|户|人))[（(][^（）()]{1,20}[）)]$")
_ITEM_SPLIT = regex.compile(rf"以及|[、，,；;及与暨]|和(?!{ORGAN_AND})")  # not 住房和城乡建设
# a bracket of recipients or a note after an item (10个“书香家庭”（甲、乙），3个“书香班级”（名单附后）): no part of it
_RECIPIENT_BRACKET = regex.compile(r"[（(](?:[^（）()\n]*[、，,][^（）()\n]*|[^（）()\n]{0,12}(?:名单|附件|附后|详见|见附)[^（）()\n]{0,6})[）)]$")

# a bracket of names (no counts) whose separators are no separators of the list
_NAMES_BRACKET = regex.compile(r"[（(][^（）()\n\d]*[、，,][^（）()\n\d]*[）)]")


def _items(part: str) -> list[str]:
    """The items of a list, split at its separators outside a bracket of names (甲、乙 stay with their item; a
    breakdown with counts, 一等奖4名（本科组2名，专科组2名）, is split as before)."""
    inside = {i for b in _NAMES_BRACKET.finditer(part) for i in range(b.start(), b.end())}
    if not inside:
        return _ITEM_SPLIT.split(part)
    pieces, start = [], 0
    for m in _ITEM_SPLIT.finditer(part):
        if m.start() not in inside:
            pieces.append(part[start:m.start()])
            start = m.end()
    return pieces + [part[start:]]


_BOOK = regex.compile(r"《[^《》\n]{0,80}》")
_SHORT_LEVEL = regex.compile(r"(?P<n>[一二三特])[、和及]$")
# the words right after a closing quote that continue the same name (“两山”实践创新基地)
_AFTER_QUOTE = regex.compile(r"(?!(?:荣誉称号|称号|荣誉|奖牌|奖杯|证书|表彰|奖励|奖金|等|和|及|与|暨|以及|并|以来|之后|以后|后|共|时|之外|以外|外|的"
                             r"|农户|个人|集体|同志|代表|获得者))"  # 获得“最美家庭”农户: the holders after the name
                             r"(?:(?:19|20)\d{2})?[\p{Han}]{1,12}?"  # “出彩河南人”2022感动中原年度人物
                             r"(?=[，,。；;、：:\s（(“]|和|及|与|暨|等(?!奖)|\d+[个名家所项户]|(?:的|这一)?(?:光荣|崇高)?(?:荣誉称号|称号)|的(?:有|是|为|分别|包括)"
                             r"|(?<=奖)的|$)")  # 荣获“五个一工程”奖的甲、乙: a prize, then its holders
# one more quoted title after a conferred one: 、15名个人“青年岗位能手” / 和“B”
# (被评为“A”“B”“C”: the next quote straight after)
# (被评选为“A”称号、“B”称号: the kind of honour after each)
_NEXT_QUOTED = regex.compile(r"(?:(?:荣誉称号|称号)?(?:、|以及|和|及|暨)(?P<recip>[^，,。；;！!？?\n“”\"「」『』]{0,40}?)|(?=[“「『]))"
                             r"[“\"「『](?P<name>[^“”\"「」『』《》\n]{2,40}?)[”\"」』]")
# the list after a quoted honour its holders are on (登上“全国道德模范”榜单): no part of the name
# the next object of a verb with an object after a comma: recipients, a quoted title, its tail
_NEXT_OBJECT = regex.compile(r"(?:[（(][^（）()]{1,12}[）)])?(?P<sep>[，,；;])(?P<recip>[^，,。；;！!？?\n]{1,60}?)[“\"](?P<name>[^“”\"\n]{2,40}?)[”\"]"
                             r"(?P<tail>荣誉称号|称号)?(?=[，,。；;（(\s]|$)")
_ON_LIST = regex.compile(r"榜单|名单|光荣榜|红榜|榜")  # 荣登“中国好人”榜
# “全国双拥模范城”六连冠: the honour won again, not a longer name
_STREAK = regex.compile(r"[二三四五六七八九十\d]+连冠")
_LIST_TAIL = regex.compile(r"荣誉称号|称号|荣誉")
_ENDS_LEVEL = regex.compile(r"(?:[一二三特]等|金|银|铜|优秀|优胜|鼓励)奖$")
# the objects of one verb: 25家先进单位吉林省五一劳动奖状、100名先进个人省五一劳动奖章
# an object of 授予 (…称号、…称号); a list of the kinds of recipients (62个车间、班组、科室A) is no cut
_OBJECT = regex.compile(r"(?:(?!、(?!(?:车间|班组|科室|处室|股室|部门|站所|队所)(?:、|\p{Han}))|以及|和(?=\d)).)+")
_AT_TAIL = regex.compile(r"(?:荣誉称号|称号|的(?:决定|通知|命令)).*$")
_ROUND = regex.compile(PREFIX)
# recipients named before a counted honour in a result list (…、临汾一中等10个优秀组织奖)
_NAMED_LEAD = regex.compile(r"[^\d，,。；;：:“”]{1,40}?等(?=\d+(?:个|名|家|所|位|支)(?!\d))")
_CANDIDATES = regex.compile(r"(?:候选人|候选对象|候选单位|人选(?![的之中]))(?P<done>名单(?:已经|已|日前|正式)?(?:确定|公布|产生|出炉|揭晓))?")
_ANNOUNCE_NOMINEES = regex.compile(r"(?:公示|公布|确定)了?")
# 推荐我市2020年全国劳动模范和先进工作者人选: a verb of nominating before the honour and 人选
_NOMINATE_FOR = regex.compile(r"(?:推荐|推选)(?:出)?了?(?!的)")  # not 推荐的…人选中 (the nominees described)
# the end of a list closed by the kind of honour (…等荣誉称号, 等荣誉10余项)
_CLOSED_LIST = regex.compile(r"等(?:多项|各项|多个|一系列|各类|\d+余?项)?(?:国家级|省级|市级)?(?:以上)?(?:荣誉称号|称号|荣誉|殊荣)(?:\d+余?项)?\s*$")
# (…、“十佳乡村能人”四个“十佳”称号: the list counted and named by its kind)
_KIND_CLOSED = regex.compile(r"”?(?:等|[两二三四五六七八九十\d]+[个项](?:[“\"][^“”\"\n]{1,6}[”\"])?)(?:奖项|荣誉称号|荣誉|称号|殊荣)\s*$")
# 分别荣获A、B、C荣誉称号: without 等, after 分别, the last item unquoted before the honour noun
_CLOSED_BARE = regex.compile(r"、[^、“”\"（）()]{2,16}(?:荣誉称号|称号)\s*$")
# the start of a name in a closed list: a level or a region (全国…, 中国…, 浙江省…, 某市…)
_LEVEL_START = regex.compile(r"(?:全国|中国|国家|全省|全市|全县|全区|省|市|县|区|[\p{Han}x*＊]{1,6}?(?:省|市|县|区|自治区|州))(?!$)")
# a prize set beside the results announced (…三等奖3名，并设优秀组织奖)
_ALSO_SET = regex.compile(r"^(?:并|另|同时|还)(?:特)?设(?:立|置)?(?:了)?")
# 表彰一批…: the list after the verb is a batch of honours (一批, 一大批), counted by no number
_BATCH = regex.compile(r"(?:了)?(?:一大批|一批)(?=[\p{Han}“\"])")
# the level a counted list item may open with (100个全国优秀公安局, 30名全省最美教师)
_LEVEL_WORD = regex.compile(r"(?:全国|全省|全市|全县|全区|国家级|省级|市级|县级|区级|\p{Han}{2,6}?(?:省|市|县|区))")  # 43位荆州市“最美妇联人”
# 党中央决定，以中共中央名义表彰一批…: the categories of a commendation decided, its holders not yet named
_DECIDED = regex.compile(r"决定|名义|之际|前夕")
# the frame closing a commended list (…45名先进个人给予表彰奖励, …进行了表彰)
_FRAME_TAIL = regex.compile(r"(?:给予|予以|进行了?)(?:通报)?(?:表彰|表扬|奖励|嘉奖)+$")
_AS_NOMINEES = regex.compile(r"作为(?P<list>[^，,。；;、：:《》\s的]{2,30}(?:、[^，,。；;、：:《》\s的]{2,30}){1,6})的?"
                             r"(?:候选单位|候选村|候选人|候选对象|候选集体)")
_AS_NOMINEE = regex.compile(r"作为(?P<name>[^，,。；;、：:《》\s的]{2,30}?)(?:候选村|候选人|候选单位|候选对象|候选集体|推荐对象)")
# nominees counted before 申报 (组织推荐22家单位申报全国科普教育基地)
_COUNTED_NOMINEES = regex.compile(r"(?:推荐|推选|遴选)(?:了|出)?\d+(?:家|个|名|所|位|户)[\p{Han}]{0,4}?$")
# a prize counted before its name (1枚银牌, 4个优胜奖, 2项一等奖) in a list after a verb of winning
_PRIZE_ITEM = regex.compile(r"(?P<n>\d+)(?:枚|块|面|座|个|项|尊)(?P<name>[\p{Han}“”]{0,12}?(?:奖|金牌|银牌|铜牌|奖章|奖状|奖杯|杯))(?=[、，,。；;和及与\s]|以及|$)")
_PRIZE_JOINED = regex.compile(r"(?:、|和|及|与|以及)$")  # the joint before the next prize
# 受到省政府通报表扬, 获中央文明办通报表扬, 给予…等38名运动员通报表扬: a commendation with no other honour named
_BULLETIN = regex.compile(r"(?:受到|受|获得|获|给予)了?(?P<body>[^，,。；;！!？?\n“”]{0,40}?)(?P<name>通报表扬|通报嘉奖|通报表彰)"
                          r"(?=[，,。；;！!\s]|$)")
# …的最高荣誉称号 after a name: the name is of the holders the description is about
_HIGHEST_FOR = regex.compile(r"(?:(?:和|及|与)[^，,。；;]{1,20}?)?的(?:最高|崇高)")
# a name that opens with a number and a measure word counts recipients (一个单位, 两名同志)
_COUNTED_RECIPIENTS = regex.compile(r"等\d+(?:人|名|个|家|位|户)$")
_GIVEN_BEFORE = regex.compile(r"(?:将|把)[^，,。；;！!？?\n]{2,36}$")
_THINGS_COUNTED = regex.compile(r"\d+(?:项|种|类|条|批)")
_COUNTED_NOUN = regex.compile(r"[一两二三四五六七八九十几数多每各][个名家所位户]")
# a verb inside a name read after an earlier verb (获省总工会表彰为模范职工之家): the later verb's name is the honour
_INNER_VERB = regex.compile(r"(?:表彰|评|命名|认定|确定|评定|列)为|授予|获评")


def _quoted(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.quoted.finditer(text):
        between, tail = m.group("between"), m.group("tail")
        prefix = _PREFIX.search(between)
        recipients = (between[: prefix.start()] if prefix else between).rstrip()  # 被评为 “…”: a space, no recipient
        # the quoted titles listed after this one (、15名个人“青年岗位能手”、3个团支部“…”称号)
        more, last = [], m
        if not tail or tail in ("称号", "荣誉称号"):  # 被评选为“A”称号、“B”称号: the kind after each title
            had_tail = bool(tail)
            while (nxt := _NEXT_QUOTED.match(text, last.end())) is not None:
                more.append(nxt)
                last = nxt
            list_tail = _LIST_TAIL.match(text, last.end()) if more and not had_tail else None
            tail = list_tail.group() if list_tail else tail  # 保留“A”、“B”荣誉称号: the tail of all
        # words between verb and title must name recipients (…等3家单位, …为) or be empty
        # (授予荆州市“中华诗词之市”称号: after a verb with an object the words are its recipients)
        region = _REGION_BEFORE.fullmatch(recipients) if recipients \
            and m.group("verb") not in ar.object_verbs else None
        if region and prefix and not _ROUND_ONLY.fullmatch(prefix.group()):
            region = None  # 被评为山东省2022年“…”优秀组织单位: a year after the region, read by award.named
        if region and prefix:  # 评选为甘肃省第一届“最美社区工作者”: a region, then a round, then the title
            recipients, prefix = "", region if region.group("region") else prefix
        elif region:  # 被评为常州市“最美护士”, 获得由甲大学“…奖”: the region is part of the name, the body is not
            recipients, prefix = "", region if region.group("region") else None
        elif recipients and not prefix and _KIND_DASH.fullmatch(recipients):
            recipients = ""  # 荣获全国平安建设最高奖——“长安杯”: the kind of honour, then its name
        elif recipients and _CONFERRING_BODY.fullmatch(recipients) \
                and (prefix or m.group("verb") not in ar.object_verbs):
            recipients = ""  # 荣获公安部首批“枫桥式公安派出所”, 获民盟中央“先进集体”: the body that confers
        elif recipients and m.group("verb") not in ar.object_verbs and _FIELD_BEFORE.fullmatch(recipients):
            recipients, region = "", _FIELD_BEFORE.fullmatch(recipients)  # 荣获精神文明建设“五个一工程”奖: the field
            prefix = region
        elif recipients and m.group("verb") not in ar.object_verbs and _PLACE.fullmatch(recipients) \
                and ar.epithet_word.match(m.group("name").strip()):
            recipients, region = "", _PLACE.fullmatch(recipients)  # 入选安庆“最美校园”: a place the name is of
            prefix = region
        elif recipients and m.group("verb") in _GIVE and not ar.verbs.search(recipients):
            pass  # 授予交通系团总支 “五四红旗团总支”: after 授予 the words before the title are its recipients
        elif recipients and not tail and not regex.search(r"[等、为]|\d|单位|同志|集体|个人|(?:颁发|授予|评选|命名)的$", recipients):
            continue
        retained = m.group("verb") in ar.retain
        if retained and not tail:
            continue
        if not m.group("tail") and _HOLDER_VERB.match(text, m.end()):
            continue  # 荣获A、“B”获得C奖: the quote names the holder of the next verb's honour, not an honour
        name = m.group("name").strip()
        if ar.generic.match(name) or ar.not_honour.search(name):
            continue
        start = m.start("between") + prefix.start("region" if region else 0) if prefix else m.start("name")
        end = m.end("name") + (1 if prefix else 0)
        if not tail:
            # a quoted word inside a longer name: “五个一工程”奖, “科普日”活动优秀组织单位
            rest = _AFTER_QUOTE.match(text, m.end())
            if rest and not _GENERIC_REST.search(rest.group()) and not _STREAK.fullmatch(rest.group()) \
                    and not _ON_LIST.fullmatch(rest.group()):  # 登上“全国道德模范”榜单: the list the honour is on
                if not (ar.head_end.search(rest.group()) or ar.list_item.fullmatch(rest.group())):
                    continue  # the quote names a part of something that is no honour (自治区“访惠聚”先进工作队 is one)
                name += rest.group()
                end = rest.end()
                if not prefix:  # “铁牛杯”金杯奖: the span opens at the quote, so it closes it
                    start = m.start("name") - 1
        if m.group("verb") in ar.head_verbs and not ar.head_end.search(name) \
                and not (m.group("verb") == "当选" and (prefix or ar.prefix.match(name) or ar.epithet_word.search(name))) \
                and not ar.epithet_word.match(name) \
                or m.group("verb") == "成为" and not ar.strong(unquote(name)):
            continue  # 入选“…影像节”: selected for an event, not given an honour; 成为“…”城市: a role
        value = (between[prefix.start("region"):] if region and prefix else prefix.group() if prefix else "") + name
        ss, _ = sents.at(m.start())
        subj, ev = recipient(text, ss, m.start(), ar)
        recip = recipients.strip().removesuffix("为").strip() or None
        rule, stage = ("award.retained", "retained") if retained else ("award.quoted", "conferred")
        hits.append(AwardHit(rule, start, end, unquote(value), count_in(recip) or count_in(subj), recip or subj, ev, 0,
                             stage))  # “‘白求恩奖章’获得者”: quotes inside the title go too
        for nxt in more:
            nm, r = nxt.group("name").strip(), (nxt.group("recip") or "").strip() or None
            if ar.generic.match(nm) or ar.not_honour.search(nm):
                continue
            hits.append(AwardHit(rule, nxt.start("name"), nxt.end("name"), nm, count_in(r), r or subj, ev, 0, stage))
        # 授予甲区“A”荣誉称号，乙县、丙县“B”荣誉称号，丁镇等150个村镇“C”荣誉称号: the next objects of one verb
        after = (more[-1] if more else m).end()
        # (…等50个集体“A”；…等166名个人“B”: after a semicolon, counted recipients and no tail)
        while m.group("verb") in ar.object_verbs and (m.group("tail") or count_in(recipients)) \
                and (obj := _NEXT_OBJECT.match(text, after + (len(tail) if more and tail else 0))) is not None \
                and (obj.group("tail") or obj.group("sep") in "；;" and count_in(obj.group("recip"))) \
                and not ar.verbs.search(obj.group("recip")):
            nm, r = obj.group("name").strip(), obj.group("recip").strip()
            if not (ar.generic.match(nm) or ar.not_honour.search(nm)):
                hits.append(AwardHit(rule, obj.start("name"), obj.end("name"), nm, count_in(r), r, ev, 0, stage))
            after, more = obj.end(), []
    return hits


# an item of a closed list that names a project or a pilot, not an honour (省级重点项目)
_LIST_NOT_END = regex.compile(r"(?:项目|工程|计划|规划|课题|专项|资金|试点|工委|党委|政府|[委厅局部办])$")  # 省委教育工委: a body
_KIND_DASH = regex.compile(r"\p{Han}{0,10}?(?:奖项|奖|荣誉|殊荣)(?:——|—|-{1,3}|[：:])")
# the body that confers an honour, named between the verb and a round (荣获公安部首批“…”)
_CONFERRING_BODY = regex.compile(r"\p{Han}{0,10}?(?:部|委|厅|总局|局|办|署|协会|学会|研究会|基金会|联合会|委员会|总工会|妇联|团中央|团省委|团市委|科协|政府|中央"
                              r"|大赛|竞赛|比赛|组委会)")  # 获大赛“杰出贡献奖”, 获得挑战杯大赛“…优秀组织奖”: the contest that gives it
# a pilot's best unit is an honour (省第一批…试点优秀单位), a pilot is none
_PILOT_OK = regex.compile(r"试点(?=(?:工作)?(?:优秀|先进|示范))")
_ROUND_ONLY = regex.compile(r"第[\d一二三四五六七八九十]+[届批]|首[届批]|新一[届批]")
# a region between the verb and a quoted title, part of the name (被评为常州市“最美护士”), or the body
# that gives it (获得由甲大学“…奖”)
_REGION_BEFORE = regex.compile(r"(?:由[^“”，,。；;]{2,20}?)?(?P<region>\p{Han}{1,8}?(?:省|市|县|区|州|盟|旗)级?|(?:省|市|县|区)级?)?")
# recipients counted before an honour's name: 赵某等15名同志 | 保定某公司等92个单位
_RECIPIENTS_LEAD = regex.compile(r"^(?P<recip>[^，,。；;、“”]{1,40}?等(?P<n>\d+)(?:[个名家所位户支]|人(?!次))[\p{Han}]{0,3}?"
                                 r"(?:同志|单位|集体|个人|班组|团队|家庭|企业|学校|组织|教师|校长|职工|干部|学生|医生|护士|民警|员工|选手)?)(?=[^\d])")
# the honour after the last of several counted recipient lists: 、乙等108个班组河北省先进集体称号
_AFTER_RECIPIENTS = regex.compile(r"、(?P<recip>[^，,。；;、“”]{1,40}?等(?P<n>\d+)(?:[个名家所位户支]|人(?!次))"
                                  r"(?:同志|单位|集体|个人|班组|团队|家庭|企业|学校|组织))"
                                  r"(?P<name>[^，,。；;、“”\d]{2,30}?)(?=荣誉称号|称号)")


# a place named bare before a quoted title that opens with an honour word (入选安庆“最美校园”, 首都“最美家庭”)
_PLACE = regex.compile(r"(?P<region>\p{Han}{2,4})")
# a field of work before a quoted title, part of its name (荣获精神文明建设“五个一工程”奖, 全国卫生健康系统“先进集体”)
_FIELD_BEFORE = regex.compile(r"(?P<region>(?:全国|全省|全市|全县|全区|省|市|县|区)?\p{Han}{2,8}?(?:建设|工作|系统|行业|战线))")
# verbs whose words before a quoted title are its recipients, whatever they are
_GIVE = frozenset({"授予", "追授"})


# the kind of honour set before its name with a dash or a colon (最高奖项——全国…特等奖, 最高荣誉：…)
_APPOSED = regex.compile(r"^\p{Han}{0,6}?(?:奖项|荣誉|殊荣)(?:——|—|-{1,3}|[：:])")
# a title read after a verb that opens as its recipients do (授予我国优秀女性的最高荣誉)
_DEICTIC_NAME = regex.compile(r"^(?:我[国省市县区镇校院局]|该|本[单市县区镇校院])")
# a recipient named by 该/我/本 before the honour (授予该厂全国五一劳动奖状, 授予我县全国文明县城称号)
_DEICTIC = regex.compile(r"^(?:该|我|本)(?:单位|公司|中心|协会|医院|学校|街道|社区|[厂校院村镇县市区局所站队省])")
# the rest of a recipient list after its first item: 、乙队、丙队等5个青年集体
_RECIPIENTS_AHEAD = regex.compile(r"[^，,。；;！!？?\n“”]{1,80}?等\d+(?:个|名|家|所|位|户|支|人)")


# 授予对大赛组织工作成绩突出的甲公司优秀组织奖: recipients described (…的), then the recipient and the honour
_DESCRIBED_RECIPIENT = regex.compile(r"(?:授予|颁发|给予)(?:[^，,。；;“”\n]{2,40}?的)(?P<rest>[^，,。；;、的“”\s]{3,30}?)"
                                     r"(?=荣誉称号|称号|[，,。；;、\s]|$)")


def _quote_in_head(name: str, ar: AwardRules) -> bool:
    """“专精特新”企业: the name opens with a quote its head closes (a head printed with the quote inside)."""
    hm = ar.head_end.search(name)
    return bool(hm) and hm.start() < name.find("”", 1)


def _described(text: str, ar: AwardRules) -> list[AwardHit]:
    """授予对大赛组织工作成绩突出的甲公司优秀组织奖: the honour is the list item the words end in
    (优秀…, a level), the words before it the recipient."""
    hits = []
    for m in _DESCRIBED_RECIPIENT.finditer(text):
        rest = m.group("rest")
        for i in range(1, len(rest) - 1):
            if ar.list_item.fullmatch(rest, i) and not ar.generic.match(rest[i:]) and not ar.not_honour.search(rest[i:]):
                s = m.start("rest") + i
                hits.append(AwardHit("award.named", s, m.end("rest"), rest[i:], None, rest[:i], None, 2))
                break
    return hits


# after a name: 的 and the list of its holders (被授予全国劳动模范的人员名单)


_BARE_PERSON = frozenset({"榜样", "英雄", "模范", "楷模", "好人", "先锋", "英模"})


def _named_matches(text: str, ar: AwardRules) -> Iterator[regex.Match[str]]:
    """Every match of the unquoted grammar, and again from a verb inside a name read too far
    (获评“全国优秀法院”是我院继获得全国法院文化建设示范单位: the name of 获得, not of 获评)."""
    for m in ar.named.finditer(text):
        yield m
        inner = ar.verbs.search(text, m.start("name") + 1, m.end("name"))
        while inner is not None:
            again = ar.named.match(text, inner.start())
            if again is None:
                break
            yield again
            inner = ar.verbs.search(text, again.start("name") + 1, again.end("name"))


def _named(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = _described(text, ar)
    for m in _named_matches(text, ar):
        name = strip_tail(m.group("name"), ar)
        if m.group("name").endswith("荣誉") and name != m.group("name") \
                and not ar.head_end.search(_BRACKET_TAIL.sub("", unquote(name))):
            continue  # 被命名乡镇珍惜荣誉: the name ended only in the kind of honour (荣誉), no honour's own head
        if name[0] in QUOTES and not _quote_in_head(name, ar) or name[-1] in QUOTES \
                or _GENERIC_REST.search(name) or name.count("“") != name.count("”") \
                or _INNER_VERB.search(name):
            continue  # a quoted title is read by award.quoted; 多项荣誉 names no honour
        value = unquote(name)
        if "与" in value and (left := name[:name.index("与")]) and ar.head_end.search(unquote(left)) \
                and ar.head_end.search(value) and (ar.strong(unquote(left)) or ar.level.fullmatch(unquote(left))):
            name, value = left, unquote(left)  # 斩获金奖与最佳人气奖: two prizes (the second read after 与 below)
        if value in _BARE_PERSON:
            continue  # 为这一群体选树了榜样: a bare word for a model person, no honour named
        if _COUNTED_RECIPIENTS.search(value):
            continue  # 授予王某等10人国家荣誉称号: the recipients left when the kind of honour is cut, no name
        if m.group("verb").removeprefix("被") in ar.object_verbs and _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # 将年度特别致敬群体奖授予了甲团队: the honour before the verb, its recipient after
        if len(value) < 2 or ar.generic.match(value) or ar.generic.match(unquote(m.group("name"))) \
                or ar.not_honour.search(value) or _COUNTED_NOUN.match(value):
            continue  # 授予一个单位、城市的最高荣誉: a number of recipients, no name
        if ar.approved and m.group("verb").removeprefix("被") in ar.approved[1] and ar.approved[0].search(name):
            continue  # 被认定为国家级专精特新“小巨人”企业: a qualification approved, no honour
        if m.group("verb") == "成为" and not ar.strong(value):
            continue  # 成为全国…双枢纽城市: after 成为 a head that is an everyday word names no honour
        if m.group("verb").removeprefix("被") in ar.object_verbs and text[m.end("name"):m.end("name") + 1] == "、" \
                and _RECIPIENTS_AHEAD.match(text, m.end("name")):
            continue  # 授予甲突击队、乙队等5个集体“…奖章集体”: the first of the recipients listed, not an honour
        if _HIGHEST_FOR.match(text, m.end("name")):
            continue  # 授予劳动模范和先进工作者的最高荣誉称号: the holders of a description, no honour conferred
        apposed = _APPOSED.match(name)
        kind_cut = apposed.end() if apposed and len(name) - apposed.end() >= 2 else 0
        if kind_cut:  # 喜获最高奖项——全国…特等奖: the kind of honour, then its name
            name = name[kind_cut:]
            value = unquote(name)
        deictic = _DEICTIC.match(name) if m.group("verb").removeprefix("被") in ar.object_verbs else None
        if deictic and ar.named_item.fullmatch(unquote(name[deictic.end():])):
            name, start_cut = name[deictic.end():], kind_cut + deictic.end()  # 授予该厂…: the recipient named first
            value = unquote(name)
        else:
            start_cut = kind_cut
        ss, _ = sents.at(m.start())
        subj, ev = recipient(text, ss, m.start(), ar)
        if m.group("n") and _ENDS_LEVEL.search(value):
            continue  # 获衡阳市一等奖8个: a level counted is read by award.level
        if m.group("n") and _VAGUE_END.search(m.group("name")):
            continue  # 累计荣获国家级文明荣誉14项: honours counted by their kind, none named
        count = int(m.group("n")) if m.group("n") else count_in(subj)  # 获得五一劳动奖章2枚
        start = m.start("name") + start_cut
        if _RECIPIENTS_LEAD.match(name):  # 授予赵某等15名同志河北省特等劳动模范称号: the recipients are no part of the name
            lead = split_recipients(name, ar)
            if lead is None:
                continue  # 授予甲等92个单位、乙等108个班组…: the first list names no honour
            subj, count, cut = lead
            name, start = strip_tail(name[cut:], ar), start + cut  # “广东省卫生村”称号: the kind of honour
            value = unquote(name)
            if len(value) < 2:
                continue
        hits.append(AwardHit("award.named", start, start + len(name), value, count, subj, ev, 2))
        at = start + len(name) + len(text[start + len(name):m.end()]) - len(text[start + len(name):m.end()].lstrip("”\""))
        while (nxt := ar.and_next.match(text, at)) is not None:  # 获A和B: the name joined to this one
            nm = strip_tail(nxt.group("name"), ar)
            if ar.generic.match(unquote(nm)) or ar.not_honour.search(nm) or _COUNTED_NOUN.match(nm) \
                    or not (ar.strong(unquote(nm)) or ar.list_item.fullmatch(unquote(nm))):
                break
            hits.append(AwardHit("award.named", nxt.start("name"), nxt.start("name") + len(nm), unquote(nm), None, subj, ev, 2))
            at = nxt.start("name") + len(nm)
    for m in ar.counted_prizes.finditer(text):  # 获1枚银牌及4个优胜奖: each prize with its count
        if m.group("verb").removeprefix("被") in ar.object_verbs:
            continue  # 授予8个集体县五一劳动奖状: the count is of recipients (award.named reads it)
        ss, _ = sents.at(m.start())
        subj, ev = recipient(text, ss, m.start(), ar)
        for it in _PRIZE_ITEM.finditer(m.group("list")):
            if it.start() and not _PRIZE_JOINED.search(m.group("list"), 0, it.start()):
                break
            name = it.group("name")
            if ar.not_honour.search(name) or ar.generic.match(name):
                break
            s = m.start("list") + it.start("name")
            hits.append(AwardHit("award.named", s, s + len(name), name, int(it.group("n")), subj, ev, 2))
    for m in _AFTER_RECIPIENTS.finditer(text):  # …、乙等108个班组河北省先进集体称号: after the last list
        name = m.group("name")
        stop = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
        if not ar.verbs.search(text, stop + 1, m.start()) or not ar.named_item.fullmatch(name) \
                or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        hits.append(AwardHit("award.named", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                             m.group("recip"), None, 2))
    for m in ar.counted_objects.finditer(text):  # 授予1493个村镇全国文明村镇称号，…: each counted object's honour
        if m.group("verb") not in ar.object_verbs or text.endswith("关于", 0, m.start()):
            # 获评5个国家生态文明建设示范区: the places counted are the subject's, not recipients named;
            continue  # 关于命名411个…的决定: the title of a decision, read as a reference
        stop = CLAUSE.search(m.group("list"))
        end = m.start("list") + (stop.start() if stop else len(m.group("list")))
        for p_start, piece in ((c.start(), c.group()) for c in _OBJECT.finditer(text, m.start("list"), end)):
            piece = strip_tail(_AT_TAIL.sub("", piece), ar).removesuffix("等")  # 全国模范教师等称号
            lead = split_recipients(piece, ar)
            if lead is None:
                continue
            subj, count, cut = lead
            name = piece[cut:]
            if ar.generic.match(unquote(name)) or ar.not_honour.search(name) \
                    or not (ar.strong(name) or ar.list_item.fullmatch(unquote(name)) or ar.prefix.match(unquote(name))):
                continue  # 授予1000名职工荣誉证书: a certificate, no honour named (第九届…提名奖 names one)
            hits.append(AwardHit("award.named", p_start + cut, p_start + len(piece), unquote(name), count, subj, None, 2))
    for m in ar.named_as.finditer(text):
        name = strip_tail(m.group("name"), ar)  # 授予甲等5个社区为第十三届市级文明社区称号
        if ar.generic.match(name) or ar.not_honour.search(name) or _THINGS_COUNTED.match(name):
            continue  # 将选树项目凝练为15项核心品牌: things counted, no honour
        recip = m.group("recip").strip()
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), name, count_in(recip), recip,
                             None, 2))
    for m in ar.retained_named.finditer(text):
        name = m.group("name")
        if ar.generic.match(name) or ar.not_honour.search(name):
            continue
        ss, _ = sents.at(m.start())
        subj, _ev = recipient(text, ss, m.start())
        if m.group("recip"):  # 保留49个城市（区）的全国文明城市（区）荣誉称号: the holders counted before the name
            subj = m.group("recip")
        hits.append(AwardHit("award.retained", m.start("name"), m.end("name"), name, count_in(subj), subj, None, 1,
                             "retained"))
    for m in ar.retained_names.finditer(text):  # 保留全国文明村镇、全国文明单位的荣誉称号: each name kept
        ss, _ = sents.at(m.start())
        subj, _ev = recipient(text, ss, m.start())
        for it in regex.finditer(r"[^、和及]+", m.group("list")):
            name = it.group()
            if not (ar.generic.match(name) or ar.not_honour.search(name)):
                s = m.start("list") + it.start()
                hits.append(AwardHit("award.retained", s, s + len(name), name, None, subj, None, 1, "retained"))
    for m in ar.free_title.finditer(text):  # 被评为全国优秀县委书记: no head, an honour word and the clause end
        name = strip_tail(m.group("name"), ar)  # 荣获全国绿化模范县这一殊荣: the kind of honour
        name = ar.since_end.sub("", name)  # 荣获全国模范派出所之后: the time word after the honour won
        if _DEICTIC_NAME.match(name) or "的" in name:
            continue  # 授予我国优秀女性的最高荣誉, 授予劳动模范和先进工作者的最高荣誉称号: the recipients, not the honour
        if ar.generic.match(name) or ar.not_honour.search(name) or _INNER_VERB.search(name):
            continue
        ss, _ = sents.at(m.start())
        subj, ev = recipient(text, ss, m.start())
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), name, count_in(subj), subj,
                             ev, 3))
    for m in _BULLETIN.finditer(text):  # 获中央文明办通报表扬, 给予甲等38名运动员通报表扬: the commendation is the honour
        clause = text[max(0, m.start() - 60):m.start()]
        if "对" in regex.split(r"[，,。；;！!？?\n]", clause)[-1] or ar.head_end.search(m.group("body").strip()):
            continue  # 对A予以/给予通报表扬 names its honour in A (award.commended); 获A先进集体通报表扬 too
        if m.start() < _title_end(text) and m.group("name") in text[m.end():]:
            continue  # a headline repeating the commendation of the body
        ss, _ = sents.at(m.start())
        subj, _ev = recipient(text, ss, m.start())
        hits.append(AwardHit("award.named", m.start("name"), m.end("name"), m.group("name"), count_in(m.group("body")),
                             subj, None, 3))
    for m in ar.merit.finditer(text):
        ss, _ = sents.at(m.start())
        subj, _ev = recipient(text, ss, m.start())
        hits.append(AwardHit("award.merit", m.start("name"), m.end("name"), m.group("name"), None, subj, None, 2))
    return hits


def _breakdown(text: str, ss: int, ar: AwardRules) -> bool:
    """共评出获奖作品50件。其中一等奖5件…: a sentence opening with 其中 breaks down the honours the
    sentence before it conferred (a verb of conferring, of announcing results or 获奖…); after a prize
    set (设一等奖1名。其中…) it breaks down nothing."""
    if not ar.breakdown.match(text, ss):
        return False
    prev = max(text.rfind(c, 0, max(ss - 1, 0)) for c in "。；;！!？?\n")
    return bool(ar.prior_award.search(text, prev + 1, ss))


def _levels(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.level.finditer(text):
        ss, _ = sents.at(m.start())
        after = ar.count_after.match(text[m.end():m.end() + 10])
        if not (ar.verbs.search(text, ss, m.start()) or ar.result_verbs.search(text, ss, m.start())
                or (after and _breakdown(text, ss, ar))):
            continue
        clause_start = max([ss] + [c.end() for c in CLAUSE.finditer(text, ss, m.start())])
        if m.group("name").startswith("第") and ar.ranking.search(text, clause_start, m.start()):
            continue  # 全市考核第一名: a ranking
        if text.startswith("奖", m.start("name") - 1) and m.group("name")[0] in "金银":
            continue  # 给予一次性奖金奖励: 金奖 read across 奖金 and 奖励
        count = None
        before = ar.count_before.search(text[max(ss, m.start() - 6):m.start()])
        if after:
            count = int(after.group("n"))
        elif before:
            count = int(before.group("n"))
        start = pos = m.start("name")
        while m.group("name")[1:] == "等奖" and (short := _SHORT_LEVEL.search(text, max(ss, pos - 2), pos)):
            # 分获…大赛一、二等奖, 分别荣获一、二、三等奖: the levels run together are one record, as printed
            start = pos = short.start()
        hits.append(AwardHit("award.level", start, m.end("name"), text[start:m.end("name")], count,
                             None, event_before(text, ss, m.start(), ar), 1))
    return hits


# levels run together and counted once (一、二、三等奖及优秀奖共620篇): one set of honours, its total
_LEVEL_SET = regex.compile(r"(?<![第十\d])(?P<name>[特一二三](?:、[一二三])+等奖(?:(?:及|和|以及)(?:优秀|优胜|鼓励|优秀组织)奖)?)"
                           r"共(?P<n>\d+)(?:个|名|项|件|篇|部|人)")


def _level_sets(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """评出一、二、三等奖及优秀奖共620篇: the levels share one total, so they are read as one set (a
    breakdown by level, when printed, follows in its own sentence); 分别荣获一、二、三等奖 stays three."""
    hits = []
    for m in _LEVEL_SET.finditer(text):
        ss, _ = sents.at(m.start())
        if ar.verbs.search(text, ss, m.start()) or ar.result_verbs.search(text, ss, m.start()):
            hits.append(AwardHit("award.level", m.start("name"), m.end("name"), m.group("name"), int(m.group("n")),
                                 None, event_before(text, ss, m.start(), ar), 0))
    return hits


def _listed(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """Honours listed after a verb that announces results, up to the end of the sentence."""
    hits = []
    verbs = [(v, False, False) for v in ar.result_verbs.finditer(text)] + \
        [(v, True, False) for v in ar.commend_verbs.finditer(text)] + \
        [(v, True, False) for v in ar.winners_have.finditer(text)] + \
        [(v, False, True) for v in ar.verbs.finditer(text)]
    for v, need_count, conferred in verbs:
        ss, se = sents.at(v.start())
        # after a verb that announces results the list runs on past semicolons (评出一等奖6名…；指导教师奖49名)
        stop = (CLAUSE if conferred else _SENTENCE_STOP if need_count else _FULL_STOP).search(text, v.end(), se)
        end = stop.start() if stop else se
        if conferred and text.startswith("奖", v.end()) and text[v.end() + 1:v.end() + 2] not in "章状杯牌":
            continue  # 获奖先进集体和先进个人: 获奖 (won a prize), then its holders; no list of honours
        if conferred and ar.counted_objects.match(text, v.start()):
            continue  # 授予甲等34个县级市和县…称号: counted recipients before each name, read by award.named
        # 荣获A、B、C等荣誉称号: a list the honour noun closes names an honour in every item
        closed = bool(conferred and (_CLOSED_LIST.search(text, v.end(), end) or text.endswith("分别", 0, v.start())
                                     and _CLOSED_BARE.search(text, v.end(), end)))
        leveled = False
        # 评选出“A”、“B”等奖项: after a verb that announces results, a list the kind of honour closes
        closed_kind = bool(not conferred and not need_count and _KIND_CLOSED.search(text, v.end(), end))
        pos = v.end()
        # 表彰了一批最美家庭、三八红旗手: a batch of honours of one commendation, their counts not printed
        batch = _BATCH.match(text, v.end(), end) if need_count and v.group().startswith("表彰") \
            and not _DECIDED.search(text, ss, v.start()) else None
        if batch:
            pos = batch.end()
        counted_before = False
        for n, piece in enumerate(_items(text[pos:end])):
            p_start = text.find(piece, pos, end) if piece else pos
            pos = p_start + len(piece)
            if need_count and _FRAME_TAIL.search(piece):
                continue  # 对…45名先进个人给予表彰奖励: a list of 对…予以表彰, read by award.commended
            if batch and (_BATCH_NOT.search(piece) or CLAUSE.search(text, p_start - 1, p_start)):
                break  # 表彰一批先进集体和先进职工，分别授予…: recipients; a batch ends with its clause
            if not piece or ar.verbs.search(piece) or "受到" in piece:
                continue  # an item with its own verb (11家单位获得优秀组织奖, …受到表彰) is read by the other rules
            if piece.startswith("其中") and len(piece) > 4:
                piece, p_start = piece[2:], p_start + 2  # 其中全国优秀教师1人: the word opening a breakdown
            also = _ALSO_SET.match(piece) if not conferred else None
            if also:  # 评选出一等奖1名…，并设优秀组织奖: a prize set beside the results is conferred too
                piece, p_start = piece[also.end():], p_start + also.end()
            named = _NAMED_LEAD.match(piece) if not conferred else None
            if named:  # 以及甲局、乙校等10个优秀组织奖: the recipients named before the count
                piece, p_start = piece[named.end():], p_start + named.end()
            lead = _LEAD_COUNT.match(piece)
            count = int(lead.group("n")) if lead and lead.group("n") else None
            core_start = lead.end() if lead else 0
            split = split_recipients(piece, ar) if conferred else None
            if split:  # 、100名先进个人省五一劳动奖章: the recipients are no part of the name
                count, core_start = split[1], split[2]
            core = _RECIPIENT_BRACKET.sub("", _NOTE_AFTER_COUNT.sub("", piece[core_start:]))
            tail = _TAIL_COUNT.search(core)
            if tail and closed and "等" in core[:tail.start()]:
                tail = None  # …、浙江省青年文明号等省级以上荣誉110项: the count is of the whole list
            if tail and tail.start() > 0:
                count = count or int(tail.group("n"))
                core = core[: tail.start()]
            inner = core.strip().strip(QUOTES)  # 全省道德模范 445名: the space before the count
            paired = counted_before and text[p_start - 1:p_start] in "和及与" and piece[:1] in QUOTES \
                and piece[-1:] in QUOTES  # 表彰了1998名“全国优秀教师”和“全国优秀教育工作者”: one count, two titles
            # 表彰679名省劳动模范、先进工作者和100个先进集体: a strong name after a counted one shares its count
            shared = bool(need_count and count is None and counted_before and text[p_start - 1:p_start] in "、和及与"
                          and ar.strong(unquote(core.strip())))
            counted_before = count is not None
            if conferred:  # 获中国戏剧梅花奖、白玉兰奖: the items after the first (the rules above read that one)
                cut = r"(?<![特一二三])等.*$" if closed else r"等.*$"  # 全国特等年鉴等荣誉: a grade is no 等
                inner = strip_tail(regex.sub(cut, "", inner), ar)  # 全国劳动模范称号 -> 全国劳动模范
                inner = ar.since_end.sub("", inner)  # 获得A、B之后，又获C: the time word after the last item
                if n == 0:  # 分别荣获第十四批省级文明单位、文明乡镇…: the level of the first reaches the rest
                    leveled = bool(closed and (_LEVEL_START.match(inner) or ar.prefix.match(inner)))
                if closed and inner and len(inner) <= 24 and (_LEVEL_START.match(inner) or leveled) \
                        and (n > 0 or not ar.named_item.fullmatch(inner)) \
                        and not (ar.generic.match(unquote(inner)) or _PILOT_OK.sub("", inner) != inner and
                                 ar.not_honour.search(_PILOT_OK.sub("", inner)) or _PILOT_OK.sub("", inner) == inner
                                 and ar.not_honour.search(inner) or _VAGUE_END.search(inner)
                                 or _GENERIC_REST.search(inner) or ar.verbs.search(inner) or "的" in inner
                                 or _LIST_NOT_END.search(inner)):
                    pass  # 全国环境优美乡镇、省生态教育课程基地…等荣誉称号: a level or region (or the first item's), then a name
                elif n == 0 or not inner or len(inner) > 16 or not ar.named_item.fullmatch(inner) \
                        or ar.not_honour.search(inner) \
                        or ar.generic.match(inner) or _GENERIC_REST.search(inner) or _VAGUE_END.search(inner) \
                        or ar.weak_end.search(inner) and not (ar.list_item.fullmatch(inner) or ar.strong(inner)):
                    continue  # 授予…劳动者、企事业单位、机关团体的光荣称号: the kinds of recipients, no honour
            else:  # 表彰奖励了12个教育世家: with counts, any honour name; after 评出, a level or 优秀… (after a year)
                if closed_kind and inner:  # 评选出“A”、“B”和“C”等奖项: the kind of honour closes the list
                    inner = _KIND_CLOSED.sub("", inner).strip(QUOTES)
                inner = strip_tail(inner, ar).strip(QUOTES) if inner else inner  # 100个“…乡村”称号: the kind
                # 表彰了2023年度广东省三八红旗手（集体）: a year or round names the honours of one commendation
                rounded = bool(need_count and v.group().startswith("表彰") and inner
                               and (ar.prefix.match(unquote(inner)) or _TOP_N.search(inner))  # 桃都十大巾帼标兵
                               and not _DECIDED.search(text, ss, v.start()) and not text.endswith("关于", 0, v.start()))
                bare = ar.prefix.sub("", unquote(inner))
                if (count is not None or "“" in inner) and (lvl := _LEVEL_WORD.match(bare)) and ar.list_item.fullmatch(bare, lvl.end()) \
                        and not ar.nominee_word.search(bare):  # 3名全市优秀共产党员候选人: nominees, read elsewhere
                    bare = bare[lvl.end():]  # 100个全国优秀公安局: a level before an honour list item
                if not inner or len(unquote(inner)) > 22 or _EVENT_END.search(_HELD.sub("", unquote(inner))) or _TAKES_PART.search(inner) or "的" in inner and "“" not in inner and not ar.head_end.search(bare) or ar.generic.match(bare) or ar.not_honour.search(inner) or not (
                        ar.list_item.fullmatch(bare) or closed_kind and piece.lstrip()[:1] in QUOTES
                        or count is not None and _WHOLE_QUOTE.fullmatch(core.strip())  # 表彰了30位“…好领导”, 评选出“A”12名
                        or ((count is not None or batch or paired or rounded or shared) and ar.named_item.fullmatch(unquote(inner))
                                                         and (need_count or not ar.weak_end.search(bare)
                                                              or ar.strong(bare)))):
                    continue  # after 评出, 项目单位3个 counts units; 书香家庭5户 counts an honour
            if need_count and count is None and not batch and not paired and not shared \
                    and not (v.group().startswith("表彰") and (ar.prefix.match(unquote(inner)) or _TOP_N.search(inner))):
                continue  # 表彰了2017年度优秀护士: a year or round names the honours of one commendation
            at = core.find(inner)
            if inner.count("“") > inner.count("”") and core[at + len(inner):at + len(inner) + 1] == "”":
                inner += "”"  # 省教育厅宣传思想工作“先进集体”: the quote closed inside the item stays with it
            elif inner.count("”") > inner.count("“") and inner.endswith("”"):
                inner = inner[:-1]  # “普法宣传先进单位”等: the quote opened before the item goes with its close
            s = p_start + core_start + at
            hits.append(AwardHit("award.listed", s, s + len(inner), unquote(inner), count, None,
                                 event_before(text, ss, v.start(), ar), 1))
    return hits


# 表彰了桃都十大巾帼标兵: a top-ten title names the honours of one commendation, no count printed
_TOP_N = regex.compile(r"十大|十佳|百佳|百名|十强")
_WHOLE_QUOTE = regex.compile(r"“[^“”\n]{2,24}”")
# quoted honours a nominee is put up for: 参加2010年度“A”和“B”的评选, 申报“A”的是
_APPLY_QUOTED = regex.compile(r"(?:参加|申报|参评)(?P<names>(?:(?:19|20)\d{2}年度?)?[“\"][^“”\"\n]{2,30}[”\"]"
                              r"(?:(?:和|及|、|以及)[“\"][^“”\"\n]{2,30}[”\"])*)(?=的?评选|的是|的有|[，,。；;：:]|$)")
_QUOTE_ITEM = regex.compile(r"(?P<year>(?:19|20)\d{2}年度?)?[“\"](?P<name>[^“”\"\n]{2,30})[”\"]")
_NOMINEES_COUNTED = regex.compile(r"各?(?P<n>\d+)(?:名|个|位|人|家)")
_PUT_UP = regex.compile(r"被推荐|获推荐|推荐了")  # not 各单位推荐人员参加…: a call


def _nominated(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.nominated_as.finditer(text):
        after = _NOMINEES_COUNTED.match(text, m.end())  # 推荐出“七一勋章”初步建议人选12名: the count after the noun
        hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), unquote(m.group("name")),
                             int(after.group("n")) if after else None, None, None, 0, "nominated"))
    for m in _CANDIDATES.finditer(text):  # 第七届全国道德模范候选人名单已经确定, 公示第六届道德模范候选人
        lo = max(0, m.start() - 40)
        cut = max(text.rfind(c, lo, m.start()) for c in "，,。；;、：:\n")  # the name is read back to the clause start
        s = max(lo, cut + 1)
        if not m.group("done"):  # without 名单…确定 after it, a verb of announcing before it
            verb = None
            for verb in (_NOMINATE_FOR if m.group().startswith("人选") else _ANNOUNCE_NOMINEES).finditer(text, s, m.start()):
                pass
            if verb is None:
                continue
            s = verb.end()
        name = text[s:m.start()]
        if "为" in name and m.group().startswith("人选"):
            continue  # 推荐张某为A人选: read by award.nominated (推荐…为…)
        lead = _ROUND.search(name)  # 我省第七届全国道德模范: the name starts at its round
        if lead and lead.start() > 0:
            name, s = name[lead.start():], s + lead.start()
        if not ar.nominee_named.fullmatch(name) or ar.generic.match(unquote(name)) \
                or not (ar.strong(name) or ar.prefix.match(unquote(name))):
            continue
        hits.append(AwardHit("award.nominated", s, s + len(name), unquote(name), None, None, None, 1, "nominated"))
    for m in _AS_NOMINEES.finditer(text):  # 作为2019—2021年度江苏省文明村镇、文明单位、文明社区的候选单位
        pos = m.start("list")
        for part in m.group("list").split("、"):
            bare = unquote(part)
            if ar.named_item.fullmatch(bare) and ar.strong(bare) and not ar.generic.match(bare):
                hits.append(AwardHit("award.nominated", pos, pos + len(part), bare, None, None, None, 1, "nominated"))
            pos += len(part) + 1
    for m in _AS_NOMINEE.finditer(text):  # 择优作为省级“最美乡村”候选村向上级推荐: the honour a nominee is put up for
        name = m.group("name")
        if ar.named_item.fullmatch(unquote(name)) and not ar.generic.match(unquote(name)) \
                and (ar.strong(unquote(name)) or ar.level_open.match(name)):
            hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), unquote(name), None, None, None, 1,
                                 "nominated"))
    for m in _APPLY_QUOTED.finditer(text):  # 拟推荐14个乡镇参加2010年度“A”和“B”的评选, 被推荐申报“A”的是：
        ss, _ = sents.at(m.start())
        if not (ar.nominate_verbs.search(text, ss, m.start()) or _PUT_UP.search(text, ss, m.start())):
            continue
        for q in _QUOTE_ITEM.finditer(text, m.start("names"), m.end("names")):
            name = q.group("name")
            if ar.strong(name) and not ar.generic.match(name) and not ar.not_honour.search(name):
                s = q.start("year") if q.group("year") else q.start()
                hits.append(AwardHit("award.nominated", s, q.end(), text[s:q.end()].replace("“", "").replace("”", ""),
                                     None, None, None, 0, "nominated"))
    for m in ar.applied_for.finditer(text):
        ss, _ = sents.at(m.start())
        recip = regex.split(r"[，,。；;、]", text[ss:m.start()])[-1]
        if not (ar.nominate_verbs.search(text, ss, m.start()) or _COUNTED_NOMINEES.search(recip)):
            continue  # 2.推荐申报衡阳市科技示范学校: a work item; 推荐22家单位申报…: nominees counted
        hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), m.group("name"),
                             count_in(recip), None, None, 0, "nominated"))
    return hits


def _title_end(text: str) -> int:
    """End of the headline block: the opening lines (at most six) before the first line that
    reads as prose (a full stop, or over 80 characters)."""
    end = 0
    for k, m in enumerate(regex.finditer(r"[^\n]*\n?", text[:2000])):
        line = m.group().strip()
        if k >= 6 or "。" in line or len(line) > 80 or not m.group():
            break
        end = m.end()
    return end


def _outer_single_quotes(text: str) -> str:
    """‘全国文明校园’称号: single quotes used as title quotes read as “…” (same length, so every offset holds);
    inside “…” they stay (“全国‘五一’劳动奖状”)."""
    if "‘" not in text:
        return text
    out, depth = list(text), 0
    for i, c in enumerate(text):
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        elif depth == 0 and c in "‘’":
            out[i] = "“" if c == "‘" else "”"
    return "".join(out)


def find_awards(text: str, sents: Sentences, rules: Rules) -> list[AwardHit]:
    """Every award in the normalised ``text``; overlaps resolved longest first."""
    ar = award_rules(rules)
    read = tagged(text, rules)  # the tagger reads the text it was trained on, before the quotes below
    text = _outer_single_quotes(text)
    hits = _quoted(text, sents, ar) + _named(text, sents, ar) + _levels(text, sents, ar) + _level_sets(text, sents, ar) \
        + _listed(text, sents, ar) + _nominated(text, sents, ar) + commended(text, sents, ar) \
        + nominee_lists(text, sents, ar) + continued(text, ar) + counted(text, ar) + table_column(text, ar) + line_column(text, ar) + holder_rows(text, ar) \
        + elected(text, ar) + counted_nominees(text, ar) + epithets(text, ar) + nominee_colons(text, ar) + nominated_counts(text, ar) \
        + announced(text, ar) + holders_of(text, ar) + proposals(text, ar) + frames(text, ar) + titles(text, ar) \
        + proposed_lists(text, ar) + level_counts(text, ar) + level_rows(text, ar)
    hits += held_and_holders(text, ar) + counted_passive(text, ar)  # 已是“…”的; …上榜的有…; 12位…获得表彰
    hits += epithet_chains(text, ar)  # “A”、B、…单位、职务、姓名; 荣立…1次，个人三等功4次; 是…首批…
    hits += designations(text, sents, ar, hits)  # 列入A、B、C in a passage about honours: names without a head
    hits += profile_lists(text, ar, hits)  # 被评为A，B，C; 荣誉：A、B: a profile's list of honours
    hits += sub_headings(text, ar)  # 1.机关建设先进市(县)组织 under “先进市(县)组织”: a kind of the conferred honour
    hits += wrapped_quotes(text, ar)  # 被评为“全省档案工作\n先进集体”: a quoted name wrapped inside its line
    # a list heading names an honour only where the text confers it nowhere else (全国二等奖获奖名单(10人))
    said = [_key(h.name) for h in hits]
    hits += [h for h in headings(text, ar) + bare_headings(text, ar) + level_lines(text, ar) + proposed_headings(text, ar)
             + announced_lists(text, ar) + published_lists(text, ar)  # 公布了…名单。甲…榜上有名
             if not any(_key(h.name) in k or k in _key(h.name) and _only_modifiers(_key(h.name), k, ar) for k in said)]
    books = [(b.start(), b.end()) for b in _BOOK.finditer(text)]

    def settled(found: list[AwardHit]) -> list[AwardHit]:
        # inside a document title (a name that opens with a paper's title and goes on, 《团结报》订阅工作先进集体, is not)
        found = [h for h in found if not any(a <= h.start < b and (h.end <= b or h.start > a) for a, b in books)]
        return trimmed(in_mood(found, text, ar), text, ar)  # 将命名…, 拟授予…, 撤销…称号: to come, proposed, taken away

    hits = settled(hits)
    hits.sort(key=lambda h: (-(h.end - h.start), h.priority, h.start))
    kept: list[AwardHit] = []
    starts: list[int] = []  # kept spans never overlap: sorted starts give sorted ends (one bisect per hit)
    ends: list[int] = []
    # the grammar's honours first, longest first; then what the tagger reads where the grammar found nothing
    for h in hits + settled(read):
        k = bisect.bisect_left(starts, h.end)
        if k and ends[k - 1] > h.start:
            continue
        starts.insert(k, h.start)
        ends.insert(k, h.end)
        kept.append(h)
    kept += settled(siblings(text, kept, rules))  # 荣获A、B和C: the items beside one found
    kept += settled(repeated(text, kept, rules))  # a conferred name printed again (全国文明单位甲局 after the decision)
    title_end = _title_end(text)
    body = [_key(h.name) for h in kept if h.start >= title_end]
    # a headline repeating an honour of the body (三等功 in the title, 集体三等功 in the decision)
    kept = [h for h in kept if h.start >= title_end or not any(_key(h.name) in b or b in _key(h.name) for b in body)]
    return sorted(kept, key=lambda h: h.start)


# what a heading may add to a name the body says and still repeat it: a year or round, a level or region, a list
# number (2020年度全国文明城市 repeats 全国文明城市; 机关建设先进市(县)组织 is a category of 先进市(县)组织)
_MODIFIERS = regex.compile(rf"(?:{PREFIX}|{LIST_NUMBER}|全国|全省|全市|全县|全区|中国|国家级?|[省市县区]级?"
                           r"|[\p{Han}]{1,6}?(?:省|市|县|区|自治区|州)|[“”\"\s]|\d+)+")


_FIELD = regex.compile(r"[\p{Han}]{2,6}")


def _only_modifiers(heading: str, said: str, ar: AwardRules) -> bool:
    """The heading repeats the name said in the body: it adds only modifiers (a year, a level, a region), or words
    that are no field of work before it (a verb: 华安村获全国文明村称号, 广州入选全国文明村镇), or words after it, or
    the name said is a bare head (全省卫生系统先进集体 over 获先进集体表彰的为…: the body's category). A category
    closes it: a field of two to six characters before a longer name (机关建设先进市(县)组织)."""
    at = heading.find(said)
    before = heading[:at]
    if not before or heading[at + len(said):] or _MODIFIERS.fullmatch(before) or ar.head_end.fullmatch(said):
        return True
    return not _FIELD.fullmatch(before) or bool(ar.verbs.search(before) or ar.designation.search(before)
                                                or regex.search(r"[获拟评选]|命名|上榜|入选", before))


def _key(name: str) -> str:
    return unquote(name)
