"""Honours conferred by frames with no verb of conferring before the name (issue 20, rounds 9 to 13).

Each function reads one frame of the language of honour reports and returns :class:`.honours.AwardHit` s:
a commendation's scope (在表彰的A、B中), the winners that stood out of a selection, recipients 为 an honour
after a sentence that confers or in a decision's clauses, an honour put before 授予 (将A授予), candidate
lists and shortlists (nominated), an honour won by passing its review, a round's holders made public, a prize named after its contest and 的, honours 揽入怀中, a ceremony's honours won as 上述殊荣, a year's honour 发布, the honour one is commended as (作为A受到表彰), the kinds
of honour presented (颁奖，包括：A、B), quoted honours whose nominees are put up for objections, an honour won before its holder
(为荣获A的甲颁奖), a counted proposal (拟确定了69个A), the prizes a count is made of (荣获3个奖项，包括A、B), runs of “A”是甲, a profile's year
lines, honours that stand as the subject of 受到表彰 and honours counted clause by clause after one verb
(被评为A5人，B103人次), a quoted medal handed over (颁发“A奖章”) and a
campaign's 人物 held before a name or become (“感动吉林”人物甲成为“感动中国”人物), and the later clauses of one
conferral (授予甲为“A”荣誉称号；乙为“B”荣誉称号), and bulleted lines of an honour and its holder
(■“最美”社区：甲社区), an honour before the count of its holders chosen (“三八”红旗集体共评出31个), and prizes by level after a
selection (评选，其中A特等奖3项、一等奖5项), and caption lines of an honour held and its holder (2020年全国劳动模范，
甲公司经理陆某). :func:`frames` runs them all, in this order.
"""
from __future__ import annotations

import regex

from .award_lists import honour_item as _honour
from .award_lists import items as _items
from .honours import AwardHit, AwardRules, count_in, strip_tail, unquote

# 在表彰的第五届全国文明村镇、文明单位中，…位列其中: the honours of a commendation whose holders follow
_AMONG = regex.compile(r"在(?:本次|此次|这次|本届|此前)?(?:表彰|评选|命名|授予|公布)的(?P<list>[^，,。；;！!？?\n：:《》]{2,60}?)中")
# 首批入围全国文明城市的10个候选城市, 另有3个文明城区进入候选名单: nominees counted (stage nominated)
_SHORTLISTED = regex.compile(r"入围(?P<name>[^，,。；;、：:《》“”\s的]{2,30}?)的(?P<n>\d+)(?:个|名|家|所|位)候选"
                             r"|(?P<n>\d+)(?:个|名|家|所|位)(?P<name>[^，,。；;、：:《》“”\s的\d]{2,30}?)(?:进入|入围|列入)候选名单")
# a sentence of counted recipients 为 an honour, with no verb, after a sentence that confers (会议表彰了…。甲等7个市为…)
_VERBLESS_AS = regex.compile(r"(?:^|(?<=[。；;\n]))[ \t\u3000]*(?P<recip>[^。；;\n为，,]{1,40}?等\d+(?:个|名|家|所|位|户|支)[^。；;\n为]{0,80}?)"
                             r"为(?P<name>[^，,。；;、：:《》“”\s的和为]{2,30})(?=[。；;]|$)")
_CONFERRED_BEFORE = regex.compile(r"表彰|授予|命名|评选出|颁发")
_GIVEN_TO = regex.compile(r"(?<![即必])(?:将|把)(?P<name>[^，,。；;、：:《》\s的将把]{2,24}?|“[^“”\n]{2,30}”)(?:荣誉称号|称号)?授予了?(?=\p{Han})")
_NOMINEE_NAMES = regex.compile(r"(?:提出|确定|产生|公布)了?(?P<list>[^，,。；;！!？?\n：:《》]{2,80}?)(?:倡议|推荐|拟推荐)?候选(?:人|对象|单位)?\s?名\s?单")
_CREATION_PASSED = regex.compile(r"通过了?(?:创建)?(?P<name>[^，,。；;、：:《》\s的]{2,24}?)的?(?:(?P<again>复审|复核|复查)|评审|验收|考评|评估验收|认定)"
                              r"(?!工作|标准|细则|办法|程序|条件)")
_COUNT_BEFORE = regex.compile(r"(\d+)(?:个|家|所|名|户)[\p{Han}]{0,2}$")  # 45个村通过…认定
# 现将2022年度自治区科普示范基地予以公布(名单附后): the holders of a round of an honour made public
_MADE_PUBLIC = regex.compile(r"(?:现将|特将|兹将|现把)(?P<name>(?:[^，,。；;、：:《》\s的将把()（）]|[（(][^（）()\n]{1,12}[）)]){4,60}?)(?:名单)?(?:予以|正式)?公布(?!如下条件)")
_NOT_CONFERRED = regex.compile(r"拟|候选|推荐|申报|预算|决算|项目|资金")
# 荣获了此次演讲比赛的组织奖: the contest named before 的, then the prize it gave
_EVENT_PRIZE = regex.compile(r"(?:荣获|获得|摘得|夺得|喜获|斩获|获)了?(?:此次|本次|本届|这次|该|今年的?)?[^，,。；;“”的\n]{0,16}?"
                             r"(?:赛|赛事|评选|评比|展演|运动会|活动)的(?P<name>[^，,。；;、“”的\d\n]{2,12}?奖)(?=[，,。；;、\s]|$)")
# 已把“A”“B”、国家级“C”等诸多…荣誉揽入怀中: honours a place has gathered (the idiom closes the list)
_GATHERED = regex.compile(r"(?:把|将)(?P<list>[^。；;！!？?\n]{4,240}?)(?:揽入怀中|收入囊中|纳入囊中|收归囊中|尽收囊中)")
_LIST_QUOTE = regex.compile(r"[“\"](?P<name>[^“”\"\n]{2,40})[”\"]")
# 举行“A”、“B”授牌仪式，甲、乙分别获得上述殊荣: the honours a ceremony is named by, won as 上述
_CEREMONY = regex.compile(r"(?P<list>(?:[“\"][^“”\"\n]{2,30}[”\"“][ \t]*[、，,和及与]?[ \t]*){1,8})(?:授牌|颁奖|颁牌|表彰|命名)(?:仪式|大会|典礼)")
_THE_ABOVE = regex.compile(r"(?:获得|荣获|获)了?上述")
_CEREMONY_ITEM = regex.compile(r"[“\"](?P<name>[^“”\"\n]{2,30})[”\"“]")
# 2023年“齐鲁最美审计工作者”发布(仪式举行), …评选结果发布: a year's honour whose holders are made known
# (2025“感动龙江”年度人物(群体)发布仪式: the year without 年, the kind of holder and a bracket after the quote)
_RELEASED = regex.compile(r"(?P<name>(?:19|20)\d{2}(?:年度?)?[“\"][^“”\"\n]{2,20}[”\"](?:年度)?(?:人物|群体)?(?:[（(]\p{Han}{1,4}[）)])?)"
                       r"(?:评选结果|推选结果|推选展示结果|名单)?(?:发布|揭晓)"
                       # “2009…感动中原年度十大人物”颁奖晚会在郑州举行: a year's honour, its ceremony held
                       r"|[“\"](?P<name>[^“”\"\n]{0,12}?(?:19|20)\d{2}[^“”\"\n]{2,24})[”\"](?:颁奖典礼|颁奖晚会|颁奖仪式|颁奖大会|表彰大会)"
                       r"(?:[^，,。；;！!？?\n]{0,20}?)(?:隆重)?(?:举行|举办|召开)"
                       # 第二届“安徽省突出贡献人才奖”颁奖仪式在合肥举行: a round's honour, its ceremony held
                       r"|(?P<name>(?:第[\d一二三四五六七八九十]+届|首届)[“\"][^“”\"\n]{2,24}[”\"])(?:颁奖典礼|颁奖晚会|颁奖仪式|颁奖大会|表彰大会)"
                       r"(?:[^，,。；;！!？?\n]{0,20}?)(?:隆重)?(?:举行|举办|召开)")
# 2020江苏“最美警察、最美辅警、最美警嫂”揭晓: a year's quoted list of honours made known
_RELEASED_LIST = regex.compile(r"(?:19|20)\d{2}(?:年度?)?\p{Han}{0,4}[“\"](?P<list>[^“”\"\n、]{2,20}(?:、[^“”\"\n、]{2,20}){1,8})[”\"]"
                               r"(?:评选结果|推选结果|名单)?(?:发布|揭晓)")
# 甲同志作为先进个人，与…一起受到表彰: the honour one is commended as
_COMMENDED_AS = regex.compile(r"作为(?P<name>[“\"]?[^，,。；;、“”\"\n的]{2,24}?[”\"]?)(?:[，,]|(?=与|和|一同|一起|受到))"
                           r"[^。；;！!？?\n]{0,40}?受到(?:了)?(?:表彰|表扬|嘉奖)")
# 为获奖者代表颁奖，包括：A、B，C…等: the kinds of honour presented
_PRESENTED = regex.compile(r"(?:颁奖|颁发|表彰)[^。；;！!？?\n]{0,12}?(?:包括|有)[：:](?P<list>[^。；;！!？?\n]{4,300}?)(?:等(?=[，,。；;])|(?=[。；;]))")
_PRESENTED_SPLIT = regex.compile(r"[^、，,]+")
# 现将“A”“B”和“C”入选作品、单位及个人予以公示: the honours of a list of nominees put up for objections
_NOMINEES_SHOWN = regex.compile(r"(?:现将|特将|兹将)(?P<list>(?:[“\"][^“”\"\n]{2,30}[”\"][、和及与]?){1,6})(?:拟|入选|推荐|候选|获奖)[^。；;！!？?\n]{0,20}?(?:予以|进行)公示")
# 为荣获A的甲、荣获B的乙颁奖: an honour won, named in a relative clause before its holder
# (向获得卓越贡献奖的《花开盛世》创作团队, 及获得牡丹园艺“金牡丹奖”的百花园: after 及/和, a quoted part, a title)
_WON_NAME = r"(?:荣获|获得|获评|荣膺)(?P<name>[^，,。；;、“”的\n]{3,30}?|(?:[^，,。；;、“”的\n]|“[^“”\n]{1,20}”){3,30}?)的"
# (at a line's start only before a quoted holder: 获得“三八”红旗集体的“高频作业班”; not 获得A的意义)
_WON_BEFORE_HOLDER = regex.compile(rf"(?<=[为、对向及和]){_WON_NAME}(?=[\p{{Han}}《“])|(?:(?<=\n)|^){_WON_NAME}(?=“)")
# 拟确定了69个A，现予以公示: a proposal that counts its holders before the honour (nominated)
_PROPOSED_COUNT_FIRST = regex.compile(r"拟(?:确定|认定|命名|推荐|表彰|授予)了?(?P<n>\d+)(?:个|名|家|所|户|位)(?P<name>[^，,。；;、\n]{3,30}?)"
                                      r"(?=[，,。；;]|予以|进行|$)")
# 荣获3个奖项，包括A、B和C: the honours a count of prizes is made of
_PRIZES_INCLUDED = regex.compile(r"(?:荣获|获得|获|斩获|摘得)了?\d+(?:个|项)(?:奖项|荣誉|大奖|奖)[，,]?(?:包括|分别是|分别为)[：:]?"
                                 r"(?P<list>[^。；;！!？?\n]{4,200}?)(?=[。；;！!？?\n]|$)")
_AND = regex.compile(r"和|及|与")
_EACH_COUNT = regex.compile(r"各?\d+(?:个|项|名)$")  # 机构捐赠奖和志愿服务奖各1个: the count each prize shares
_INCLUDED_ITEM = regex.compile(r"[^、，,]+")
_QUOTE_IS = regex.compile(r"[“\"](?P<name>[^“”\"\n]{2,24})[”\"]\s*(?:是|为|：|:)\s*(?P<who>[^、，,。；;“”\"\n]{2,30})")
_RUN_GAP = regex.compile(r"[、，,；;\s]*")
_AWARD_CONTEXT = regex.compile(r"获得|荣获|获奖|殊荣|评选|揭晓|颁奖|授予|当选")
_YEAR_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?:19|20)\d{2}年度?[ \t\u3000]*(?P<name>[^\n，,。；;：:]{3,30}?)[ \t\u3000]*$")
# the honours that stand as the subject of 受到表彰 (…、十佳妇女之家、578位上海市三八红旗手和200个三八红旗集体获得表彰)
_SUBJECTS_COMMENDED = regex.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<list>[^。；;！!？?\n：:，,]{3,60}(?:[，,、][^。；;！!？?\n：:，,]{3,60}){0,8}?)"
                                    r"(?:均|都|共同)?(?:受到了?|获得了?)(?:[^，,。；;！!？?\n]{1,16}?(?<=[委府部院会局厅办央]))?"  # 受到党中央、国务院表彰
                                    r"(?:表彰|表扬|嘉奖)(?=[，,。；;！!\s]|$)")
_SUBJECT_ITEM = regex.compile(r"(?:\p{Han}{1,5}?(?=\d))?(?:(?P<n>\d+)(?:位|名|个|家|户|所|支))?(?P<name>[^，,、和及]+?)(?:获得者|代表)?(?=[，,、]|和|及|$)")
_TOP_TEN = regex.compile(r"十佳|十大|百佳")
_DECIDED_COLON = regex.compile(r"(?:政府|委员会|党委|决定|研究)决定[，,：:]|决定[：:]")
_DECIDED_CLAUSE = regex.compile(r"(?:(?<=[，,：:；;])|(?<=决定))(?P<recip>[^；;。为，,]{2,120}?)为(?P<name>[^，,；;。为]{4,60}?)(?=[，,；;。]|$)")
_MERIT_WORD = regex.compile(r"先进|优胜|优秀|示范|模范|标兵|达标|文明")
_STOOD_OUT = regex.compile(r"(?P<n>\d+)(?:个|名|家|位|所|户)[“\"](?P<name>[^“”\"\n]{2,20})[”\"][^。；;！!？?\n]{0,30}?脱颖而出")
# 被评为市劳动模范5人，市先进生产(工作)者103人次: one verb, honours each with its count after it, clause by clause
_COUNTED_RUN = regex.compile(r"(?:被评为|评为|获评|荣获|获得)(?P<first>[^，,。；;、\d]{3,24}?)\d+(?:人次|人|名|个|家|所|位|户|项)"
                          r"(?:[，,、；;](?P<more>[^，,。；;、\d]{3,24}?)(?P<n>\d+)(?:人次|人|名|个|家|所|位|户|项))+(?=[，,。；;]|$)")
_INNER_BRACKET = regex.compile(r"[（(][\p{Han}、]{1,6}[）)]")
# 给全校各班的优秀学生颁发“周恩来奖章”: a quoted medal or prize handed over (not 颁发“A”奖牌: a plaque)
_HANDED_OVER = regex.compile(r"(?:颁发|颁授)了?(?:[^，,。；;！!？?“”\n]{0,24}?)[“\"](?P<name>[^“”\"\n]{2,20}(?:奖|奖章|奖状|勋章|纪念章))[”\"]"
                          r"(?!奖牌|奖杯|证书|牌匾|奖金|奖品|荣誉证书)")
# “感动吉林”人物张某、李某成为“感动中国”人物: a quoted campaign's 人物 held before names, or become (成为/当选)
_TITLED_PERSON = regex.compile(r"(?<=成为|当选为|当选|入选)(?P<bname>[“\"][^“”\"\n]{2,12}[”\"](?:\d{4})?(?:年度|十大)?(?:人物|年度人物))"
                            r"|(?<![\p{Han}“”\"])(?P<name>[“\"][^“”\"\n]{2,12}[”\"](?:\d{4})?(?:年度|十大)?(?:人物|年度人物))"
                            r"(?!发布|揭晓|评选|颁奖|名单|活动|候选|推荐|事迹|评出|产生|出炉)(?P<who>\p{Han}{2,3})(?=[、，,。；;]|成为|等)")
# 授予甲、乙为“A”荣誉称号；丙、丁为“B”荣誉称号: the later clauses of one conferral, recipients 为 a titled honour
_CONTINUED_AS = regex.compile(r"[；;](?P<recip>[^；;。！!？?\n为“”]{2,200}?)为(?P<name>[“\"][^“”\"\n]{2,40}[”\"]|[^，,；;。\n为“”]{2,30}?)"
                           r"(?:荣誉称号|称号)(?=[；;。，,]|$)")
_CONFERRED_IN = regex.compile(r"授予|命名|评为|确定")
_EVENT_WORD = regex.compile(r"活动|评选|大会|会议|仪式|比赛|大赛|时间|地点|主办|承办|标准|条件|要求|事迹")
# ■“最美”社区：胶州市中云街道兰州西路社区。: a bulleted line, an honour and its holder after a colon
_BULLET_HOLDER = regex.compile(r"(?m)^[ \t\u3000]*[■●◆▲★☆◇□][ \t\u3000]*(?P<name>[^：:\n，,。；;]{2,24}?)[ \t]*[：:][ \t]*(?P<who>[^\n：:]{2,60})$")
# 当年“三八”红旗集体共评出31个: an honour, then the count of its holders chosen
_NAME_THEN_RESULT = regex.compile(r"(?:(?<=[，,。；;\n])|^)[ \t\u3000]*(?:当年|今年|本届|此次|本次|全年)?(?P<name>(?:[^，,。；;、“”\n\d]|“[^“”\n]{1,20}”){3,24}?)"
                               r"(?:共|共计)?(?:评出|评选出|选出|产生)了?(?P<n>\d+)(?:个|名|位|家|户|人)")
# 论坛对…进行评选，其中A特等奖3项、一等奖5项; 评选出…。具体包括：甲组一等奖7项，二等奖13项: the prizes by level
_BREAKDOWN = regex.compile(r"(?:评选|评比|评审|评出|评选出|决出)[^。；;！!？?\n]{0,40}?[，,。：:]\s*(?:其中|具体包括|具体为|分别是)[：:]?"
                        r"(?P<list>[^。\n]{4,400})")
_BREAKDOWN_ITEM = regex.compile(r"(?P<pre>[^、，,；;：:\d]{0,20}?)(?P<level>(?:特等|一等|二等|三等|优秀|金|银|铜|优胜|鼓励|入围|参与)奖)"
                             r"(?P<n>\d+)(?:项|名|个|件|篇|人|部|支)")
# 2020年全国劳动模范，甲公司清运部经理陆某 (a photo caption line): an honour held, then the holder's unit, role, name
_CAPTION_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?P<name>(?:(?:19|20)\d{2}年度?)?[^，,。；;、：:\n\d“”]{3,20}?)[，,]"
                           r"(?P<rest>[^\n。；;：:]{4,80}?)$")
_LEVEL_LEAD = regex.compile(r"全国|全省|全市|中国|国家级?|省级|市级|县级|[\p{Han}]{2,6}?(?:省|市|县|区)")


def commendation_scopes(text: str, ar: AwardRules) -> list[AwardHit]:
    """在表彰的A、B中: the honours of a commendation whose holders follow."""
    hits: list[AwardHit] = []
    for m in _AMONG.finditer(text):
        lead = ""
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            hon = _honour(piece, ar)
            if hon is None:
                break
            name = unquote(hon[1])
            level = _LEVEL_LEAD.match(ar.prefix.sub("", name))
            if not lead and not (level or ar.prefix.match(name)):
                break  # 在表彰的先进集体中: a kind of recipient, no honour named
            lead = lead or "x"
            s = p_start + hon[0]
            hits.append(AwardHit("award.listed", s, s + len(hon[1]), name, None, None, None, 2))
    return hits


def stood_out(text: str, ar: AwardRules) -> list[AwardHit]:
    """20个“A”从…中脱颖而出: the winners of a selection, counted."""
    hits: list[AwardHit] = []
    for m in _STOOD_OUT.finditer(text):  # 20个“浙江最美村庄”从…中脱颖而出: the winners of a selection, counted
        name = m.group("name")
        if (ar.head_end.search(name) or ar.epithet_word.search(name)) and not ar.generic.match(name) \
                and not ar.not_honour.search(name):
            hits.append(AwardHit("award.listed", m.start("name"), m.end("name"), name, int(m.group("n")), None, None, 2))
    return hits


def verbless_recipients(text: str, ar: AwardRules) -> list[AwardHit]:
    """会议表彰了…。甲等7个市、乙等18个单位为A: the recipients of the last conferral, no verb."""
    hits: list[AwardHit] = []
    for m in _VERBLESS_AS.finditer(text):  # 会议表彰了…。甲等7个市、乙等18个单位为…: the recipients of the last conferral
        name = strip_tail(m.group("name"), ar)
        prev = text[max(0, m.start() - 200):m.start()]
        if not _CONFERRED_BEFORE.search(prev.rsplit("\n\n", 1)[-1]) or not ar.named_item.fullmatch(name) \
                or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        several = len(regex.findall(r"等\d+", m.group("recip"))) > 1  # 甲等7个市、乙等39个县: no one count
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), unquote(name),
                             None if several else count_in(m.group("recip")), m.group("recip"), None, 2))
    return hits


def given_to(text: str, ar: AwardRules) -> list[AwardHit]:
    """组委会将A授予了甲队: the honour put before the verb."""
    hits: list[AwardHit] = []
    for m in _GIVEN_TO.finditer(text):  # 组委会将集体奖授予了甲队: the honour put before the verb
        name = m.group("name")
        bare = unquote(name)
        if ar.generic.match(bare) or ar.not_honour.search(bare) or not (ar.head_end.search(bare) or ar.list_item.fullmatch(bare)):
            continue  # 将该奖项授予…, 将资金授予…: no honour named
        hits.append(AwardHit("award.named", m.start("name"), m.end("name"), bare, None, None, None, 2))
    return hits


def candidate_lists(text: str, ar: AwardRules) -> list[AwardHit]:
    """现提出A、B和C候选名单: the honours of a list of candidates (nominated)."""
    hits: list[AwardHit] = []
    for m in _NOMINEE_NAMES.finditer(text):  # 现提出A、B和C候选名单: the honours of a list of candidates
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            hon = _honour(piece, ar)
            if hon is None:
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), None, None, None, 1, "nominated"))
    return hits


def passed_reviews(text: str, ar: AwardRules) -> list[AwardHit]:
    """通过了创建省级“平安医院”的评审, 45个村通过“浙江省善治示范村”认定: the honour won by passing its review;
    通过省级卫生镇复审: kept after a review (retained)."""
    hits: list[AwardHit] = []
    for m in _CREATION_PASSED.finditer(text):
        name = m.group("name")
        bare = unquote(name)
        if ar.approved and m.group().endswith("认定") and ar.approved[0].search(bare):
            continue  # 通过高新技术企业认定: a qualification approved, no honour
        if ar.head_end.search(bare) and not ar.generic.match(bare) and not ar.not_honour.search(bare):
            before = text[max(0, m.start() - 8):m.start()]
            count = int(c.group(1)) if (c := _COUNT_BEFORE.search(before)) else None
            rule, stage = ("award.retained", "retained") if m.group("again") else ("award.named", "conferred")
            hits.append(AwardHit(rule, m.start("name"), m.end("name"), bare, count, None, None, 2, stage))
    return hits


def made_public(text: str, ar: AwardRules) -> list[AwardHit]:
    """现将2022年度自治区科普示范基地予以公布: a year's or round's holders of an honour published (conferred)."""
    hits: list[AwardHit] = []
    for m in _MADE_PUBLIC.finditer(text):
        name = m.group("name")
        bare = unquote(name)
        if ar.prefix.match(bare) and ar.strong(bare) and not _NOT_CONFERRED.search(bare) \
                and not ar.generic.match(bare) and not ar.not_honour.search(bare):
            hits.append(AwardHit("award.named", m.start("name"), m.end("name"), bare, None, None, None, 2))
    return hits


def event_prizes(text: str, ar: AwardRules) -> list[AwardHit]:
    """荣获了此次演讲比赛的组织奖: a prize named after the contest that gave it and 的."""
    hits: list[AwardHit] = []
    for m in _EVENT_PRIZE.finditer(text):
        name = m.group("name")
        if not (ar.generic.match(name) or ar.not_honour.search(name)):
            hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, None, None, None, 2))
    return hits


def gathered(text: str, ar: AwardRules) -> list[AwardHit]:
    """已把“A”“B”…等荣誉揽入怀中: each quoted honour of the list (a quote holding A、B: each of them)."""
    hits: list[AwardHit] = []
    for m in _GATHERED.finditer(text):
        for q in _LIST_QUOTE.finditer(text, m.start("list"), m.end("list")):
            pos = q.start("name")
            for part in q.group("name").split("、"):
                if ar.strong(part) and not (ar.generic.match(part) or ar.not_honour.search(part)
                                            or ar.object_not_end.search(part)):
                    hits.append(AwardHit("award.listed", pos, pos + len(part), part, None, None, None, 2))
                pos += len(part) + 1
    return hits


def ceremonies(text: str, ar: AwardRules) -> list[AwardHit]:
    """举行“A”、“B”授牌仪式，甲、乙分别获得上述殊荣: each honour the ceremony is named by."""
    hits: list[AwardHit] = []
    for m in _CEREMONY.finditer(text):
        if not _THE_ABOVE.search(text, m.end(), m.end() + 120):
            continue  # a ceremony named, the honours not said to be won
        for q in _CEREMONY_ITEM.finditer(text, m.start("list"), m.end("list")):
            name = q.group("name")
            if ar.strong(name) and not (ar.generic.match(name) or ar.not_honour.search(name)):
                hits.append(AwardHit("award.listed", q.start("name"), q.end("name"), name, None, None, None, 2))
    return hits


def released(text: str, ar: AwardRules) -> list[AwardHit]:
    """2023年“齐鲁最美审计工作者”发布: a year's quoted honour (an honour word or a head) made known."""
    hits: list[AwardHit] = []
    for m in _RELEASED.finditer(text):
        name = unquote(m.group("name"))
        title = ar.prefix.sub("", name)
        word = ar.epithet_word.search(title)
        held = "颁奖" in m.group() or "表彰" in m.group()  # a ceremony: the honour word may stand anywhere
        if (word and (word.start() <= 4 or held) or ar.strong(title)) and not (ar.generic.match(title) or ar.not_honour.search(title)):
            hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, None, None, None, 2))
    for m in _RELEASED_LIST.finditer(text):
        for p in regex.finditer(r"[^、]+", m.group("list")):
            title = ar.prefix.sub("", p.group())
            word = ar.epithet_word.search(title)
            if (word and word.start() <= 4 or ar.strong(title)) and not (ar.generic.match(title) or ar.not_honour.search(title)):
                s = m.start("list") + p.start()
                hits.append(AwardHit("award.named", s, s + len(p.group()), p.group(), None, None, None, 2))
    return hits


def commended_as(text: str, ar: AwardRules) -> list[AwardHit]:
    """甲作为先进个人，与…一起受到表彰: the honour a holder is commended as."""
    hits: list[AwardHit] = []
    for m in _COMMENDED_AS.finditer(text):
        name = unquote(m.group("name"))
        if ar.strong(name) and not (ar.generic.match(name) or ar.not_honour.search(name)):
            s = m.start("name") + (1 if m.group("name")[0] in "“\"" else 0)
            hits.append(AwardHit("award.named", s, s + len(name), name, None, None, None, 2))
    return hits


def presented(text: str, ar: AwardRules) -> list[AwardHit]:
    """为获奖者代表颁奖，包括：A、B，C…等: each honour presented (one that reads as an honour's name)."""
    hits: list[AwardHit] = []
    for m in _PRESENTED.finditer(text):
        for p in _PRESENTED_SPLIT.finditer(text, m.start("list"), m.end("list")):
            name = unquote(p.group()).strip()
            if (ar.named_item.fullmatch(name) and not ar.head_end.fullmatch(name) or ar.list_item.fullmatch(name)) and not (
                    ar.generic.match(name) or ar.not_honour.search(name) or ar.verbs.search(name)):
                s = p.start() + p.group().find(name[:1])
                hits.append(AwardHit("award.listed", s, s + len(name), name, None, None, None, 2))
    return hits


def nominees_shown(text: str, ar: AwardRules) -> list[AwardHit]:
    """现将“A”“B”和“C”入选作品、单位及个人予以公示: the honours whose nominees are put up (nominated)."""
    hits: list[AwardHit] = []
    for m in _NOMINEES_SHOWN.finditer(text):
        for q in _LIST_QUOTE.finditer(text, m.start("list"), m.end("list")):
            name = q.group("name")
            if (ar.strong(name) or ar.head_end.search(name)) and not (ar.generic.match(name) or ar.not_honour.search(name)):
                hits.append(AwardHit("award.nominated", q.start("name"), q.end("name"), name, None, None, None, 2,
                                     "nominated"))
    return hits


def won_before_holders(text: str, ar: AwardRules) -> list[AwardHit]:
    """为荣获江苏省五一劳动奖状的甲学院、荣获…奖章的乙颁奖: a strong honour won, then its holder after 的."""
    hits: list[AwardHit] = []
    for m in _WON_BEFORE_HOLDER.finditer(text):
        pos = m.start("name")
        parts = _AND.split(m.group("name"))  # 荣获省三八红旗手和省三八红旗集体的甲和乙: two honours
        # (a prize, its head 奖 an everyday head, is one too: 获得卓越贡献奖的…团队)
        if not all((ar.strong(p) or len(unquote(p)) >= 4 and unquote(p).endswith("奖")) and ar.named_item.fullmatch(unquote(p))
                   and not (ar.generic.match(unquote(p)) or ar.not_honour.search(p)) for p in parts):
            continue
        for part in parts:
            start = text.index(part, pos)
            hits.append(AwardHit("award.named", start, start + len(part), unquote(part), None, None, None, 2))
            pos = start + len(part)
    return hits


def proposed_counts(text: str, ar: AwardRules) -> list[AwardHit]:
    """拟确定了69个全国绿色高质高效行动示范县，现予以公示: a counted proposal (nominated)."""
    hits: list[AwardHit] = []
    for m in _PROPOSED_COUNT_FIRST.finditer(text):
        name = unquote(m.group("name"))
        if ar.strong(name) and ar.named_item.fullmatch(name) and not (ar.generic.match(name) or ar.not_honour.search(name)):
            hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), name, int(m.group("n")), None, None, 2,
                                 "nominated"))
    return hits


def prizes_included(text: str, ar: AwardRules) -> list[AwardHit]:
    """柯桥区荣获3个奖项，包括A、B和C: each prize of the count."""
    hits: list[AwardHit] = []
    for m in _PRIZES_INCLUDED.finditer(text):
        for p in _INCLUDED_ITEM.finditer(text, m.start("list"), m.end("list")):
            piece, at = p.group(), p.start()
            cut = piece.find("和")  # 机构捐赠奖和志愿服务奖: two prizes; 慈善项目和慈善信托奖: one
            parts = [(piece[:cut], at), (piece[cut + 1:], at + cut + 1)] \
                if cut > 0 and ar.head_end.search(piece[:cut]) else [(piece, at)]
            for part, start in parts:
                name = _EACH_COUNT.sub("", unquote(part).strip())
                if name and ar.named_item.fullmatch(name) and not ar.head_end.fullmatch(name) and not (
                        ar.generic.match(name) or ar.not_honour.search(name) or ar.verbs.search(name)):
                    s = start + part.find(name[:1])
                    hits.append(AwardHit("award.listed", s, s + len(name), name, None, None, None, 2))
    return hits


def quote_runs(text: str, ar: AwardRules) -> list[AwardHit]:
    """“A”是甲、“B”是乙 after a conferral: honours and their holders."""
    hits: list[AwardHit] = []
    runs: list[list[regex.Match[str]]] = []
    for m in _QUOTE_IS.finditer(text):  # “最具商业价值乡村”是甲村、“最适宜人居乡村”是乙村: honours and their holders
        if runs and _RUN_GAP.fullmatch(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        lo = max(text.rfind(c, 0, run[0].start()) for c in "。！!？?\n")
        if len(run) < 2 or not _AWARD_CONTEXT.search(text, lo + 1, run[0].start() + 1):
            continue  # a run of definitions (“A”是…), no conferral said before it
        for m in run:
            name = m.group("name")
            if not (ar.generic.match(name) or ar.not_honour.search(name)):
                hits.append(AwardHit("award.listed", m.start("name"), m.end("name"), name, None, m.group("who"), None, 2))
    return hits


def year_lines(text: str, ar: AwardRules) -> list[AwardHit]:
    """2015年 全国文明单位 ⏎ 2016年甲县“星级示范村”: a profile's honours, a year a line."""
    hits: list[AwardHit] = []
    lines = list(_YEAR_LINE.finditer(text))
    for k, m in enumerate(lines):  # 2015年 全国文明单位 ⏎ 2016年商城县“星级示范村”: a profile's honours, a year a line
        near = [o for o in (lines[k - 1] if k else None, lines[k + 1] if k + 1 < len(lines) else None)
                if o is not None and not text[min(o.end(), m.end()):max(o.start(), m.start())].strip()]
        if not near:
            continue  # one line with a year: a heading or a date, no list
        hon = _honour(m.group("name"), ar)
        if hon is None or ar.object_not_end.search(unquote(hon[1])):
            continue
        s = m.start("name") + hon[0]
        e = s + len(hon[1]) + (1 if hon[1].count("“") > hon[1].count("”") and text.startswith("”", s + len(hon[1])) else 0)
        hits.append(AwardHit("award.listed", s, e, unquote(hon[1]), None, None, None, 3))
    return hits


def commended_subjects(text: str, ar: AwardRules) -> list[AwardHit]:
    """会上，A，B，C受到了表彰: honours as the subject of 受到表彰."""
    hits: list[AwardHit] = []
    for m in _SUBJECTS_COMMENDED.finditer(text):  # 会上，全国三八红旗集体，上海市三八红旗手（集体）…受到了表彰
        for it in _SUBJECT_ITEM.finditer(m.group("list")):
            piece = it.group("name").strip()
            bare = unquote(piece)
            hon = _honour(piece, ar)
            level = _LEVEL_LEAD.match(ar.prefix.sub("", bare))
            after = ar.prefix.sub("", bare)[level.end():] if level else ""
            if hon is not None and (level or ar.prefix.match(bare)) and (ar.strong(bare) or ar.list_item.fullmatch(bare)
                                                                         or bool(after) and ar.list_item.fullmatch(after)):
                s, e = m.start("list") + it.start("name") + hon[0], m.start("list") + it.start("name") + hon[0] + len(hon[1])
            elif ar.list_item.fullmatch(bare) and _TOP_TEN.match(bare):
                s, e = m.start("list") + it.start("name"), m.start("list") + it.end("name")  # 十佳妇女之家
            else:
                continue  # 张某, 甲局: a recipient, no honour named
            n = it.group("n")
            hits.append(AwardHit("award.listed", s, e, unquote(text[s:e]), int(n) if n else None, None, None, 3))
    return hits


def decision_clauses(text: str, ar: AwardRules) -> list[AwardHit]:
    """市政府决定，甲、乙为A，…；丙为B: each clause's recipients 为 an honour."""
    hits: list[AwardHit] = []
    for d in _DECIDED_COLON.finditer(text):  # 市政府决定，甲、乙为A，各奖励…；丙为B: each clause's recipients 为 an honour
        stop = text.find("\n", d.end())
        stop = min(stop if stop >= 0 else len(text), d.end() + 600)
        for c in _DECIDED_CLAUSE.finditer(text, d.end(), stop):
            name = strip_tail(c.group("name"), ar)  # 甲、乙为“…标兵县”荣誉称号: the kind of honour
            bare = unquote(name)
            if not ar.head_end.search(bare) or ar.verbs.search(bare) or ar.generic.match(bare) or ar.not_honour.search(bare) \
                    or not (ar.strong(bare) or _MERIT_WORD.search(bare)):
                continue  # 甲为牵头单位: a duty, no honour
            hits.append(AwardHit("award.named", c.start("name"), c.start("name") + len(name), bare, count_in(c.group("recip")),
                                 c.group("recip"), None, 2))
    return hits


def shortlists(text: str, ar: AwardRules) -> list[AwardHit]:
    """入围A的10个候选城市, 3个A进入候选名单 (nominated)."""
    hits: list[AwardHit] = []
    for m in _SHORTLISTED.finditer(text):
        name = m.group("name")
        if ar.named_item.fullmatch(name) and not ar.generic.match(name) and not ar.not_honour.search(name):
            hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                                 None, None, 2, "nominated"))
    return hits


def counted_runs(text: str, ar: AwardRules) -> list[AwardHit]:
    """被评为市劳动模范5人，市先进生产(工作)者103人次: the honours after the first, each with its count."""
    hits: list[AwardHit] = []
    for m in _COUNTED_RUN.finditer(text):
        for name, s, n in zip(m.captures("more"), m.starts("more"), m.captures("n")):
            bare = _INNER_BRACKET.sub("", name)  # 先进生产(工作)者: a bracket inside the name
            if ar.strong(bare) and ar.named_item.fullmatch(bare) and not (ar.generic.match(bare) or ar.not_honour.search(bare)):
                hits.append(AwardHit("award.listed", s, s + len(name), name, int(n), None, None, 2))
    return hits


def handed_over(text: str, ar: AwardRules) -> list[AwardHit]:
    """给优秀学生颁发“周恩来奖章”: a quoted medal or prize handed over."""
    hits: list[AwardHit] = []
    for m in _HANDED_OVER.finditer(text):
        name = m.group("name")
        if len(name) >= 4 and not (ar.generic.match(name) or ar.not_honour.search(name) or ar.level.fullmatch(name)):
            hits.append(AwardHit("award.quoted", m.start("name"), m.end("name"), name, None, None, None, 2))
    return hits


def titled_persons(text: str, ar: AwardRules) -> list[AwardHit]:
    """“感动吉林”人物张某成为“感动中国”人物: a campaign's 人物 held before a name (held), or become (conferred)."""
    hits: list[AwardHit] = []
    for m in _TITLED_PERSON.finditer(text):
        if m.group("bname"):
            hits.append(AwardHit("award.named", m.start("bname"), m.end("bname"), unquote(m.group("bname")), None, None, None, 3))
        else:
            hits.append(AwardHit("award.held", m.start("name"), m.end("name"), unquote(m.group("name")), None, m.group("who"),
                                 None, 2, "held"))
    return hits


def continued_as(text: str, ar: AwardRules) -> list[AwardHit]:
    """授予甲为“A”荣誉称号；乙、丙为“B”荣誉称号: each later clause of one conferral (its verb in the sentence before)."""
    hits: list[AwardHit] = []
    for m in _CONTINUED_AS.finditer(text):
        lo = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 400)
        name = unquote(m.group("name"))
        if not _CONFERRED_IN.search(text, lo + 1, m.start()) or not (ar.strong(name) or _MERIT_WORD.search(name)) \
                or ar.generic.match(name) or ar.not_honour.search(name) or ar.verbs.search(name):
            continue
        hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, count_in(m.group("recip")),
                             m.group("recip"), None, 2))
    return hits


def bullet_holders(text: str, ar: AwardRules) -> list[AwardHit]:
    """■“最美”社区：甲社区。: an honour (an honour word opening it, or a head) and its holder on a bulleted line."""
    hits: list[AwardHit] = []
    for m in _BULLET_HOLDER.finditer(text):
        name = unquote(m.group("name"))
        word = ar.epithet_word.search(name)
        if (word and word.start() <= 4 or ar.strong(name)) and not (ar.generic.match(name) or ar.not_honour.search(name)
                                                                    or ar.verbs.search(name) or _EVENT_WORD.search(name)):
            hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, None, m.group("who").strip(), None, 2))
    return hits


def name_then_results(text: str, ar: AwardRules) -> list[AwardHit]:
    """当年“三八”红旗集体共评出31个: a strong honour, then the count of its holders chosen."""
    hits: list[AwardHit] = []
    for m in _NAME_THEN_RESULT.finditer(text):
        name = unquote(m.group("name"))
        if ar.strong(name) and ar.named_item.fullmatch(name) and not (ar.generic.match(name) or ar.not_honour.search(name)):
            hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, int(m.group("n")), None, None, 2))
    return hits


def breakdowns(text: str, ar: AwardRules) -> list[AwardHit]:
    """评选，其中A特等奖3项、一等奖5项; 具体包括：甲组一等奖7项，二等奖13项: each prize level with its count (a group
    before the level, 甲组, is no part of the name; a field of work before the first level is)."""
    hits: list[AwardHit] = []
    for m in _BREAKDOWN.finditer(text):
        for it in _BREAKDOWN_ITEM.finditer(text, m.start("list"), m.end("list")):
            pre = it.group("pre")
            keep = bool(pre) and not pre.endswith("组") and ar.named_item.fullmatch(pre + it.group("level")) is not None \
                and not ar.verbs.search(pre)
            s = it.start("pre") if keep else it.start("level")
            name = text[s:it.end("level")]
            hits.append(AwardHit("award.level", s, it.end("level"), name, int(it.group("n")), None, None, 2))
    return hits


def caption_lines(text: str, ar: AwardRules) -> list[AwardHit]:
    """2020年全国劳动模范，甲公司清运部经理 陆某: a line of an honour held, then its holder (stage held)."""
    hits: list[AwardHit] = []
    for m in _CAPTION_LINE.finditer(text):
        name = m.group("name").strip()
        bare = ar.prefix.sub("", name)
        holder = ar.epithet_holder.search(regex.sub(r"[ \t\u3000]", "", m.group("rest")))
        if holder is None or not ar.strong(bare) or not ar.epithet_word.search(bare) and not ar.level_open.match(bare) \
                or ar.generic.match(bare) or ar.not_honour.search(bare) or ar.verbs.search(name):
            continue
        s = m.start("name") + m.group("name").find(name)
        hits.append(AwardHit("award.held", s, s + len(name), name, None, holder.group("who"), None, 3, "held"))
    return hits


def frames(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours of every frame above, in the order they are listed."""
    return [h for read in (commendation_scopes, stood_out, verbless_recipients, given_to, candidate_lists,
                           passed_reviews, made_public, event_prizes, gathered, ceremonies, released, commended_as, presented,
                           nominees_shown, won_before_holders, proposed_counts, prizes_included, quote_runs, year_lines, commended_subjects, decision_clauses, shortlists,
                           counted_runs, handed_over, titled_persons, continued_as, bullet_holders, name_then_results,
                           breakdowns, caption_lines)
            for h in read(text, ar)]
