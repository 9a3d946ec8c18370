"""Objects of verbs of designation, honours held and the kind of honour after a name (issue 20, mined
from unannotated honour news, profiles and work reports): sentences written for this project, other
honours, verbs, counts and regions than the texts they were mined from. One row a construction; the
counter-examples beside each must stay empty.
"""
from __future__ import annotations

import pandas as pd
import pytest

import extract


def _awards(text: str) -> list[tuple[str, int | None, str]]:
    df = extract.extract_facts(text, year=2021, kinds="award")
    return [(r.value, None if pd.isna(r.count) else int(r.count), r.stage) for r in df.itertuples()]


C, N, H = "conferred", "nominated", "held"

FOUND = [
    # a verb of designation, its objects without a head, in a passage about honours (the word 荣誉, 殊荣 …)
    ("去年多项工作获得国家级荣誉。列入全国森林康养基地、新时代文明实践中心。",
     [("全国森林康养基地", None, C), ("新时代文明实践中心", None, C)]),
    ("本县再获殊荣，上榜2023中国最美县域和全国旅游影响力年度县区。",
     [("2023中国最美县域", None, C), ("全国旅游影响力年度县区", None, C)]),
    ("一年来收获多项荣誉。甲镇入选第三批全国乡村振兴样板镇。", [("第三批全国乡村振兴样板镇", None, C)]),
    # ... or after an honour found just before (the two sentences before, the same line)
    ("乙县获评全国文明城市。丙镇入选首批省级全域旅游样板区。", [("全国文明城市", None, C), ("首批省级全域旅游样板区", None, C)]),
    # ... but not a pilot area nor a construction list after it
    ("甲县获评全国美丽河湖，乙市入列全国第一批美丽城市先行区，丙园入选首批国家级零碳园区建设名单。",
     [("全国美丽河湖", None, C)]),
    # ... nor an event (a festival, a contest) after an honour
    ("甲作品荣获一等奖，两部影像作品入选第十三届全国青少年科学影像节。", [("一等奖", None, C)]),
    # a verb that only designates: a level or round opens the object, no honour word needed
    ("丁镇跻身全国千强镇。", [("全国千强镇", None, C)]),
    ("戊村荣登2022中国最美乡村榜。", [("2022中国最美乡村", None, C)]),
    ("该市当选为全国十佳魅力城市。", [("全国十佳魅力城市", None, C)]),
    ("甲县连续入围中国工业百强县(市)。", [("中国工业百强县(市)", None, C)]),
    # a chain of objects after one verb: the first reads as a name, the next ones follow it
    ("今年再获殊荣：入列全国生态文化村、省级森林人家和市级乡村振兴样板。",
     [("全国生态文化村", None, C), ("省级森林人家", None, C), ("市级乡村振兴样板", None, C)]),
    # the next clause of the passage, its own verb: 上榜A，B村入选C
    ("甲县跻身全国县域旅游发展潜力百佳县，乙村入选全国乡村振兴样板村。",
     [("全国县域旅游发展潜力百佳县", None, C), ("全国乡村振兴样板村", None, C)]),
    # a nomination: 入选 … 候选名单
    ("庚村入选全国民主法治示范村候选名单。", [("全国民主法治示范村", None, N)]),
    ("辛社区入选第四批全省和谐社区样板候选名单。", [("第四批全省和谐社区样板", None, N)]),
    # the kind of honour after a quoted name: 殊荣, 的光荣称号, 这一崇高荣誉
    ("该厂获得“省五一劳动奖状”殊荣。", [("省五一劳动奖状", None, C)]),
    ("去年，我县荣获“中国长寿之乡”的光荣称号。", [("中国长寿之乡", None, C)]),
    ("该院荣获“全国卫生系统先进集体”这一崇高荣誉。", [("全国卫生系统先进集体", None, C)]),
    # ... and after an unquoted name: 的荣誉称号, 这一殊荣 (not 的荣誉感)
    ("今年，我县获评国家园林县城的荣誉称号，这是全县人民努力的结果。", [("国家园林县城", None, C)]),
    ("该区荣获全国双拥模范城这一殊荣。", [("全国双拥模范城", None, C)]),
    # an honour and the number of its holders after it
    ("全市获得省长质量奖提名奖2家,获省政府质量奖5家。", [("省长质量奖提名奖", 2, C), ("省政府质量奖", 5, C)]),
    ("2015-2020年,全镇被评为县劳动模范8人。", [("县劳动模范", 8, C)]),
    # counted honours before a passive verb of commending or naming
    ("全县8位省劳动模范获得表彰。", [("省劳动模范", 8, C)]),
    ("赵某等3个好爸爸、钱某等2个好妈妈获市妇联命名。", [("好爸爸", 3, C), ("好妈妈", 2, C)]),
    ("乙区12名优秀共青团员和6个五四红旗团支部受到表彰。", [("优秀共青团员", 12, C), ("五四红旗团支部", 6, C)]),
    # the honour won again, an unquoted name, a count of wins after it
    ("该市蝉联全国双拥模范城“七连冠”。", [("全国双拥模范城", None, C)]),
    # (honours_tune6) a level before a counted list item; merits run on after one verb
    ("大会表彰了30个全省优秀派出所、120名全省优秀社区民警。", [("全省优秀派出所", 30, C), ("全省优秀社区民警", 120, C)]),
    ("王某荣立市公安局个人三等功2次,个人嘉奖3次。", [("市公安局个人三等功", 2, C), ("个人嘉奖", None, C)]),
    # the honour, then the kind of its holders (获得…的个人); honours counted as new this year
    ("会上表彰了获得2022年度全国五一劳动奖章的个人。", [("2022年度全国五一劳动奖章", None, C)]),
    ("今年全市新增6个国家园林县城。", [("国家园林县城", 6, C)]),
    # honours a person holds, listed before the unit, role and name
    ("2021年度全省劳动模范、甲县农业农村局党组书记、局长王某，“全国三八红旗手”、乙村党支部书记李某分别发言。",
     [("2021年度全省劳动模范", None, H), ("全国三八红旗手", None, H)]),
    ("队伍中涌现出“全国优秀人民警察”张某等一批先进典型。", [("全国优秀人民警察", None, H)]),
    ("经推荐，省级优秀共产党员、扎根乡村20年的甲县乙村党支部书记张某等一批党员成为代表人选。",
     [("省级优秀共产党员", None, H)]),
    # a profile's designations after 是: a round or a head that is no everyday word, a level first
    ("该校是全省首批示范性普通高级中学,系省直属单位。", [("全省首批示范性普通高级中学", None, H)]),
    ("该院是省级三甲医院，全国首批爱婴医院示范基地。", [("全国首批爱婴医院示范基地", None, H)]),
    # names without a head gathered from real designations: 驰名商标, 金牌 and 银牌 counted
    ("“甲牌”商标被国家知识产权局认定为中国驰名商标。", [("中国驰名商标", None, C)]),
    ("学生在国际奥林匹克竞赛中获得金牌3枚、银牌2枚。", [("金牌", 3, C), ("银牌", 2, C)]),
    # a region, a quoted word and an honour list item after it
    ("8支工作队被评为自治区“访惠聚”先进工作队。", [("自治区访惠聚先进工作队", 8, C)]),
    ("该校被省教育厅确认为“全省课程改革样板学校”。", [("全省课程改革样板学校", None, C)]),
    # the kind of honour set before its name with a dash
    ("该书荣获最高奖项——全国地市级综合年鉴特等奖。", [("全国地市级综合年鉴特等奖", None, C)]),
    # an honour held: 已是“…”的, 一直是…, 系“…”
    ("加上已是“中国楹联之乡”的甲区，全市实现全覆盖。", [("中国楹联之乡", None, H)]),
    ("该校1956年起一直是江西省重点中学。", [("江西省重点中学", None, H)]),
    ("该院创建于1950年，系“全国百佳医院”。", [("全国百佳医院", None, H)]),
    # the honour, then its holders: …上榜的有…, …入选的学校是…
    ("据悉，全国文明校园上榜的有甲中学、乙小学。", [("全国文明校园", None, C)]),
    ("本次省级示范幼儿园入选的分别是甲园和乙园。", [("省级示范幼儿园", None, C)]),
    # 表彰一批 LIST: a batch of honours of one commendation, no number printed
    ("区妇联表彰了一批最美家庭、巾帼建功标兵和三八红旗手（集体），激励全区妇女。",
     [("最美家庭", None, C), ("巾帼建功标兵", None, C), ("三八红旗手（集体）", None, C)]),
    ("会上表彰了一批全县优秀共产党员、优秀党务工作者。", [("全县优秀共产党员", None, C), ("优秀党务工作者", None, C)]),
    # heads gathered from real designations: …之乡, …名城
    ("甲县被中国曲艺家协会命名为中国曲艺之乡。", [("中国曲艺之乡", None, C)]),
    ("乙市获评国家历史文化名城。", [("国家历史文化名城", None, C)]),
]

ABSENT = [
    # no passage about honours: 入选 and 列入 also select for projects, cases, pilots and events
    "该项目入选全国乡村旅游发展典型案例。",
    "列入全国重点项目库。",
    "两部作品入选第十二届全国青少年科学影像节。",
    # an event, a plan, a project, a pilot, a list of works, a role, a rank, even in a passage about honours
    "荣获多项荣誉。两部作品入选第九届全省中小学生艺术展演。",
    "荣获多项荣誉。入选省级重点工程项目。",
    "当选为全国人大代表。",
    "跻身全国百强。",
    "综合实力跻身中国西部百强区第71位。",
    "甲队入围全国总决赛。",
    "首次整体跻身全国省级监管企业第一方阵。",
    "荣获多项大奖，该现象成为全国基层大众文学创作标杆。",
    "该校荣获多项荣誉，成为湖南省获此殊荣的3家学校之一。",
    # a goal, a proposal to come
    "力争跻身全国文明城市提名城市行列。",
    "今年将表彰一批全国五一劳动奖状、奖章和工人先锋号。",
    # a qualification, an approval
    "被认定为第三批国家级专精特新“小巨人”企业。",
    "获批国家级示范区。",
    # recipients counted before a passive verb of commending: kinds of recipients, no honour
    "三门峡有5家单位、3个村镇、1个校园和1个家庭获表彰。",
    "我市2个团组织和4名个人荣获表彰。",
    "30名学生获得表扬。",
    # (honours_tune6 counter-examples) a pilot after 是, a qualification counted as new, medals counted,
    # the recipients of an honour (授予我国…的最高荣誉), a list of categories with no holder named after it
    "该县是全国首批新型城镇化试点县。",
    "这是全省首批开展此项工作的单位。",
    "今年新增102家国家级高新技术企业。",
    "运动会上共获得奖牌12枚。",
    "这些称号是全国妇联授予我国优秀女性的最高荣誉。",
    "2023年度全国三八红旗手、全国三八红旗集体评选工作启动。",
    # the feeling an honour gives, money counted after an honour's name
    "为增强获命名家庭的荣誉感，妇联前往走访。",
    "共获得奖金3万元。",
    # a description after 一直是, a metaphor
    "他一直是全国劳动模范的学习对象。",
    "这里自古是有名的鱼米之乡。",
    "该县一直是全省的产粮大县。",
    # a batch of recipients, not of honours: categories, a description
    "决定在五一前夕表彰一批先进集体和先进职工。",
    "大会还表彰一批成绩突出的先进集体和个人。",
    # the categories of a commendation decided, its holders not yet named
    "党中央决定，在建党105周年之际，以中共中央名义表彰一批全国优秀共产党员和全国先进基层党组织。",
    # a list of 对…予以表彰 is read as a list of recipients, its frame is no honour's name
    "为了表彰先进，中央决定：对甲委等500个基层党组织、乙某等200名党务工作者予以表彰。",
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s) for s, w in FOUND])
def test_honour_found(sentence, want):
    assert _awards(sentence) == want


@pytest.mark.parametrize("sentence", [pytest.param(s, id=s) for s in ABSENT])
def test_no_honour(sentence):
    assert _awards(sentence) == []


# issue 20, round 6 (mined from 56 more unannotated profiles, résumés and honour news, /tmp/probe4_A): lists of
# honours in profiles, a body between 被 and the verb, a region and a round before a quoted title, one count shared
# by two titles, a designation's head after 获批, an honour and its holders' noun counted after it
PROFILE_FOUND = [
    # one verb, its objects run on past commas to the sentence end, each opening with a level or region
    ("该校曾被评为县文明单位,市绿色学校,省平安校园。",
     [("县文明单位", None, C), ("市绿色学校", None, C), ("省平安校园", None, C)]),
    ("王某先后荣获岳阳市“优秀教师”,临湘市“师德标兵”,2019年度“最美乡村教师”等荣誉和称号。",
     [("岳阳市优秀教师", None, C), ("临湘市师德标兵", None, C), ("2019年度最美乡村教师", None, C)]),
    # a field of honours: 荣誉：A、B; 这些荣誉主要有：A、B以及C等
    ("学校荣誉:全国青少年校园足球特色学校、省级标准化学校。",
     [("全国青少年校园足球特色学校", None, C), ("省级标准化学校", None, C)]),
    ("这些荣誉主要有:省文明单位、市园林单位以及市卫生先进单位等。",
     [("省文明单位", None, C), ("市园林单位", None, C), ("市卫生先进单位", None, C)]),
    # a field's items run to the line end past semicolons; a field over lines, one dated honour a line
    ("个人荣誉:2016年度区优秀共产党员;2019年度市劳动模范。",
     [("2016年度区优秀共产党员", None, C), ("2019年度市劳动模范", None, C)]),
    ("所获荣誉:\n2017年 全国巾帼文明岗\n2021.06 湖北省青年文明号\n联系电话:1234567",
     [("全国巾帼文明岗", None, C), ("湖北省青年文明号", None, C)]),
    # 系 and a list of designations (held); a streak before a name is no part of it
    ("该园系省级示范性幼儿园、连续三届市巾帼文明岗、区首批智慧校园示范学校。",
     [("省级示范性幼儿园", None, H), ("市巾帼文明岗", None, H), ("区首批智慧校园示范学校", None, H)]),
    # a list the honour noun closes: an item opening with a level may end in an everyday head (学校, 基地)
    ("先后被评为全国中小学劳动教育实验学校、省科技创新教育基地、市优秀家长学校等荣誉称号。",
     [("全国中小学劳动教育实验学校", None, C), ("省科技创新教育基地", None, C), ("市优秀家长学校", None, C)]),
    # a body between 被 and 评为, in a passage about honours: the object needs no head
    ("该院获得多项荣誉。2015年被省卫生厅评为江苏省规范化预防接种门诊。", [("江苏省规范化预防接种门诊", None, C)]),
    # a region and a round before a quoted title
    ("赵某等15名同志评选为湖北省第二届“最美社区工作者”。", [("湖北省第二届最美社区工作者", 15, C)]),
    # 授予为: 为 joins the verb and the name
    ("2020年被县委授予为先进党支部。", [("先进党支部", None, C)]),
    # one count, two quoted titles joined by 和
    ("省总工会表彰了120名“全省五一巾帼标兵”和“全省女职工建功立业标兵”。",
     [("全省五一巾帼标兵", 120, C), ("全省女职工建功立业标兵", None, C)]),
    # 获批 and a designation's head with a modifier before it: no passage about honours needed
    ("该县获批省级全域旅游示范区。", [("省级全域旅游示范区", None, C)]),
    # an honour, its holders' noun and their count after it; 新增 an honour and its count
    ("全区获得市长质量奖企业4家。", [("市长质量奖", 4, C)]),
    ("今年新增省级专精特新“小巨人”企业8家。", [("省级专精特新小巨人企业", 8, C)]),
    # 新增, 创建, 培育, 建成: designations won in the year, each counted, the list running on after 、 and commas
    ("全年新增市级文明单位9个、省级文明村4个。", [("市级文明单位", 9, C), ("省级文明村", 4, C)]),
    ("全区建成省级美丽乡村示范村15个,市级示范村40个。", [("省级美丽乡村示范村", 15, C), ("市级示范村", 40, C)]),
    ("全县共创建省级文明村镇21个。", [("省级文明村镇", 21, C)]),
    # 暨 joins two honours of one conferral
    ("该校荣获2019—2020年度市级文明单位暨首届市级文明校园称号。",
     [("2019—2020年度市级文明单位", None, C), ("首届市级文明校园", None, C)]),
    # heads gathered from union and hospital profiles: 职工小家, 爱婴医院, 无烟医院
    ("全市今年新增5个“全国模范职工小家”。", [("全国模范职工小家", 5, C)]),
    ("该院是全省首家三级妇幼保健院,全国百家优秀爱婴医院。", [("全国百家优秀爱婴医院", None, H)]),
    ("2019年被市爱卫会评为市级无烟医院。", [("市级无烟医院", None, C)]),
    # the kind of honour after the words that close a quoted name (先进集体光荣称号); the kind set before a dash
    ("该区连续两届获得“全省平安建设”先进集体光荣称号。", [("全省平安建设先进集体", None, C)]),
    ("该县同时荣获最高奖——“平安杯”。", [("平安杯", None, C)]),
    # 获评 only ever designates: a level opens the name, no passage about honours needed
    ("乙厂获评省级绿色工厂。", [("省级绿色工厂", None, C)]),
    # a count inside the quotes of a name is part of it, kept as printed
    ("该校获得多项荣誉。2002年被教育部确认为全国中小学“名校六百家”之一。", [("全国中小学名校六百家", None, C)]),
    # 获选 designates; 被选为 … 候选名单 nominates
    ("甲村、乙村获选“全国乡村旅游精品村”。", [("全国乡村旅游精品村", None, C)]),
    ("丙村被选为全省美丽乡村示范村候选名单。", [("全省美丽乡村示范村", None, N)]),
    # a quote before a second verb names the holder of that verb's honour (…、“甲项目”获得省文化创新奖)
    ("该县荣获全国休闲农业示范县、“乙项目”获得省农业创新奖。", [("全国休闲农业示范县", None, C), ("省农业创新奖", None, C)]),
    # 其中 opens a breakdown, no part of the name
    ("全校获国家级表彰4人,其中全国模范教师2人,省优秀班主任6人。", [("全国模范教师", 2, C), ("省优秀班主任", 6, C)]),
    # the time word after the last item of a list (获得A、B之后，又获…)
    ("该市获得全国双拥模范城、国家森林城市之后,又获殊荣。", [("全国双拥模范城", None, C), ("国家森林城市", None, C)]),
    # 对 LIST 给予奖励 / 以奖励: a frame of commending, like 予以表彰
    ("大会对李某等12名“最美乡村医生”、王某等30名“优秀护士”和赵某等8名“护理标兵”给予奖励。",
     [("最美乡村医生", 12, C), ("优秀护士", 30, C), ("护理标兵", 8, C)]),
    # a closed list: an item ending in 企业 with a level before it is one of the honours
    ("该公司先后被评为全国食品行业优秀企业、江苏省隐形冠军企业等荣誉。",
     [("全国食品行业优秀企业", None, C), ("江苏省隐形冠军企业", None, C)]),
]

# (honours_tune7) own sentences for the constructions its misses showed
TUNE7_FOUND = [
    # a list closed by 等多项荣誉; a pilot's best unit is an honour, a pilot is none
    ("该校获得全国青少年校园足球特色学校、省第二批智慧校园试点优秀单位、市文明单位等多项荣誉。",
     [("全国青少年校园足球特色学校", None, C), ("省第二批智慧校园试点优秀单位", None, C), ("市文明单位", None, C)]),
    # 认定…为A，…为B with the heads 示范社, 示范组织
    ("认定甲社等20家合作社为省级农民合作社示范社,乙会等8家农民用水协会为省级用水合作示范组织。",
     [("省级农民合作社示范社", 20, C), ("省级用水合作示范组织", 8, C)]),
    # a total, then 其中 and counted designations
    ("全市示范家庭农场达到40家,其中省级示范农场12家,市级示范农场28家。",
     [("省级示范农场", 12, C), ("市级示范农场", 28, C)]),
    ("全县合作社示范社达到30家,其中部级示范社3家,省级示范社9家。", [("部级示范社", 3, C), ("省级示范社", 9, C)]),
    # a time word or a total after the quote is no part of the name
    ("该院自2015年被授予“全国文明单位”以来,持续创建。", [("全国文明单位", None, C)]),
    ("甲科、乙科荣获“改善护理服务示范科室”共两项大奖。", [("改善护理服务示范科室", None, C)]),
    # quotes inside a quoted title; 获得者 closing a quoted title is part of it
    ("授予李某等12名同志“‘南丁格尔奖章’获得者”称号。", [("南丁格尔奖章获得者", 12, C)]),
    # recipients described at length, a comma inside, before the quoted title
    ("授予县人民医院院长、党委副书记,县卫健局局长王某“全省卫生健康系统先进工作者”称号。",
     [("全省卫生健康系统先进工作者", None, C)]),
    # an uncounted prize closing a run of counted prizes
    ("该队荣获2个一等奖、3个二等奖及优秀组织奖。", [("一等奖", 2, C), ("二等奖", 3, C), ("优秀组织奖", None, C)]),
]

TUNE7_ABSENT = [
    # honours counted by their kind name none; 金奖 read across 奖金 and 奖励
    ("累计荣获国家级文明荣誉14项。", []),
    ("大赛获奖的选手另获得一次性奖金奖励。", []),
    # prizes set, not won
    ("设一等奖1名、二等奖2名及优秀奖。", []),
    # 其中 and counted units that are no honour
    ("全县有贫困村30个,其中国家级贫困村12个。", []),
    # a pilot closing a list
    ("先后获得全国先进集体、省级改革试点县等荣誉。", [("全国先进集体", None, C)]),
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s) for s, w in TUNE7_FOUND + TUNE7_ABSENT])
def test_tune7_constructions(sentence, want):
    assert _awards(sentence) == want


PROFILE_ABSENT = [
    # the sentence goes on after the comma with another clause, an office, a figure
    ("该校被评为市文明单位,市长为学校授牌。", [("市文明单位", None, C)]),
    ("该村获评省级文明村,村集体收入增长30%。", [("省级文明村", None, C)]),
    # the holders after a relative clause: persons, not honours
    ("获得“全国优秀教师”称号的分别是甲校校长李某,乙校教师王某。", [("全国优秀教师", None, C)]),
    # a review passed after a comma is no honour
    ("2008年被命名为省级卫生县城,2014年通过届满复审。", [("省级卫生县城", None, C)]),
    # a field with no honour's name
    ("获得荣誉:无。", []),
    ("荣誉:奖金5000元。", []),
    # a field word alone over one line: a form's field; a field over lines with no honour under it
    ("单位简介\n荣誉称号:\n全国文明单位\n", []),
    ("所获荣誉:\n暂无\n", []),
    # 系 and kinds of unit, no honour
    ("该中心系市直属事业单位、市财政全额拨款单位。", []),
    ("该村系省级贫困村、市级重点帮扶村。", []),
    # a grade, a project after a body between 被 and 评为; no passage about honours
    ("该生被学校评为优秀等次。", []),
    ("荣获多项荣誉。该项目被市发改委评为省级重点建设项目。", []),
    # 授予为 and a description: the recipients
    ("授予为抗疫作出突出贡献的人员荣誉称号。", []),
    # a person after 和 is no second title
    ("表彰了20名“优秀教师”和“李某某”。", [("优秀教师", 20, C)]),
    # 获批 a pilot, a bare category, a new district
    ("该县获批省级农业产业强镇试点。", []),
    ("该市获批国家级新区。", []),
    # counted units of a statistical category, a scale
    ("新增“四上”企业20家。", []),
    # a goal before the verb; a count of everyday units first ends the list
    ("计划创建省级文明村镇10个。", []),
    ("力争培育省级示范家庭农场5个。", []),
    ("全县新增规模以上企业12家、省级文明村3个。", []),
    ("全县新增规模以上企业12家。", []),
    # outside a passage about honours, the next part after 、 must read as a name too (not a project's news)
    ("甲平台获评国家首批卓越级智能工厂、三期工程开工。", [("国家首批卓越级智能工厂", None, C)]),
    # 获评 a grade of a scenic area, an assessment's grade, a rank
    ("该景区获评国家5A级旅游景区。", []),
    ("该县获评全国第一。", []),
    # a count of schools outside quotes: a rank among peers, no name
    ("该校荣获多项荣誉,被确认为全国1000所学校之一。", []),
    # 获选 to take part in an evaluation; 被选为 a role
    ("我校获选参评新一届全国文明校园先进学校。", []),
    ("他被选为村民代表。", []),
    # a word that classes honours as national names none (两项“国字号”荣誉)
    ("这是该镇获得的两项“国字号”荣誉。", []),
    # a reward frame after recipients with no honour named
    ("对获奖选手给予奖励。", []),
    # a project in a closed list
    ("先后被评为全国先进集体、省级重点项目等荣誉称号。", [("全国先进集体", None, C)]),
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s) for s, w in PROFILE_FOUND + PROFILE_ABSENT])
def test_profile_lists(sentence, want):
    assert _awards(sentence) == want


# round 8 (issue 20, mined from probe5_A and honours_tune7): sentences written for this project
ROUND8_FOUND = [
    # the 和 inside a ministry's or a system's name is no list joint (not split into two names)
    ("甲局被评为全国人力资源和社会保障系统先进集体。", [("全国人力资源和社会保障系统先进集体", None, C)]),
    ("乙厅荣获全省住房和城乡建设系统先进集体称号。", [("全省住房和城乡建设系统先进集体", None, C)]),
    ("今年获得多项荣誉，丙局入选全国文化和旅游系统先进集体。", [("全国文化和旅游系统先进集体", None, C)]),
    # 推荐/推选 … 人选: the honour nominated for
    ("推荐我县2025年全国五一劳动奖章人选。", [("2025年全国五一劳动奖章", None, N)]),
    ("会议推选本市第八届全国道德模范人选。", [("第八届全国道德模范", None, N)]),
    # designations a firm wins by list, printed with quotes inside the name
    ("戊企业入选2024年度省级“专精特新”中小企业。", [("2024年度省级专精特新中小企业", None, C)]),
    ("丙公司被评为第五批制造业单项冠军企业。", [("第五批制造业单项冠军企业", None, C)]),
    # 成为 … 的一员: the holder one of the honour's holders
    ("丁公司成为国家级专精特新“小巨人”企业的一员。", [("国家级专精特新小巨人企业", None, C)]),
    ("该厂经过评审，顺利成为“专精特新”企业的一员。", [("专精特新企业", None, C)]),
    # a second verb of the clause after 并 ends the name
    ("己某被评为市优秀教师并当选县人大代表。", [("市优秀教师", None, C)]),
    # 创建成 with an honour head
    ("庚镇创建成国家卫生镇，辛村创建成省级森林乡村。", [("国家卫生镇", None, C), ("省级森林乡村", None, C)]),
    # two quoted titles joined by 暨
    ("甲校荣获“全国文明校园”暨“全国绿色学校”称号。", [("全国文明校园", None, C), ("全国绿色学校", None, C)]),
    ("乙院荣获2019年度“市级文明单位”暨“市级平安医院”称号。", [("2019年度市级文明单位", None, C), ("市级平安医院", None, C)]),
    # honours held before the unit, role and name, the holder then speaking (讲述, 分享 …)
    ("当天，全国劳动模范、全国教学名师、某学院教师李某讲述了创业故事。",
     [("全国劳动模范", None, H), ("全国教学名师", None, H)]),
    ("会上，省级优秀教师、甲县实验小学教师张某分享了教学经验。", [("省级优秀教师", None, H)]),
    ("随后，全国教书育人楷模、某中学教师王某宣讲了先进事迹。", [("全国教书育人楷模", None, H)]),
    # 是 … 的 before designations held (a description, then the names)
    ("全村人均收入超万元，是连续多年的全国文明村。", [("全国文明村", None, H)]),
    ("该县是远近闻名的国家卫生县城和省级园林县城。", [("国家卫生县城", None, H), ("省级园林县城", None, H)]),
    # a head grown from real lists: 全国生态文化村 (counted after the verb's object)
    ("截至目前，我市已获评全国生态文化村12个。", [("全国生态文化村", 12, C)]),
]

ROUND8_ABSENT = [
    # two honours joined by 和 stay two
    ("丙县获评全国文明城市和国家卫生县城。", [("全国文明城市", None, C), ("国家卫生县城", None, C)]),
    # 人选 as a work item or a condition, no nomination made
    ("要做好全国劳动模范人选推荐工作。", []),
    ("会议明确了推荐全国劳动模范人选的条件。", []),
    # a firm designation as a policy, a goal or a stock
    ("大力培育“专精特新”中小企业。", []),
    ("支持专精特新企业发展。", []),
    ("被认定为高新技术企业。", []),
    ("丙公司被认定为2024年度省级“专精特新”中小企业。", []),  # a verb of approval: a qualification
    # 成为 … 的一员 of no honour
    ("该校成为联盟的一员。", []),
    # 暨 joining a title and an event's prize that is no honour head
    ("甲厂荣获“五一劳动奖状”暨表彰大会纪念品。", [("五一劳动奖状", None, C)]),
    # the unit, role and name with no honour before them; a role word is no honour
    ("会上，甲县实验小学教师张某分享了教学经验。", []),
    ("会上，教学骨干、甲县实验小学教师张某分享了教学经验。", []),
    ("要学习时代楷模的精神。", []),
    # 是 … 的 before a goal, a description with no level, a rank
    ("该村是全县争创的全国文明村。", []),
    ("这里自古是有名的鱼米之乡。", []),
    ("甲镇是我省唯一的全国重点镇。", []),
    # honours described after 是, not held: the clause goes on past 和
    ("全国文明城市是反映城市整体文明水平的最高荣誉，全国文明校园和全国文明家庭分别是学校和家庭领域的最高荣誉。", []),
    # 生态文化村 as a plan or a description
    ("加快建设生态文化村。", []),
    ("这里是远近闻名的民俗文化村。", []),
    # 创建成 as a goal
    ("力争创建成国家卫生县城。", []),
    ("计划创建成省级文明村。", []),
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s) for s, w in ROUND8_FOUND + ROUND8_ABSENT])
def test_round8_constructions(sentence, want):
    assert _awards(sentence) == want


# a list heading more specific than a name the body says (a category of it) is an honour of its own; a heading
# that only adds a year or a level to the body's name repeats it
_DECIDED = "2023年4月，某县总工会召开表彰会，授予甲镇工会等20个单位“先进乡(镇)工会”称号。现将名单公布如下：\n"
HEADINGS = [
    (_DECIDED + "先进乡(镇)工会名单\n(共20个)\n一、先进乡(镇)工会\n甲镇工会\n乙乡工会\n二、单项先进乡(镇)工会\n"
     "1.民主管理先进乡(镇)工会\n丙镇工会\n2.文体活动先进乡(镇)工会\n丁乡工会\n", "民主管理先进乡(镇)工会", True),
    (_DECIDED + "先进乡(镇)工会名单\n(共20个)\n一、先进乡(镇)工会\n甲镇工会\n二、单项先进乡(镇)工会\n"
     "1.民主管理先进乡(镇)工会\n丙镇工会\n2.文体活动先进乡(镇)工会\n丁乡工会\n", "文体活动先进乡(镇)工会", True),
    # a year before the body's name: the same honour, not a second one
    (_DECIDED + "2023年度先进乡(镇)工会名单\n(共20个)\n甲镇工会\n乙乡工会\n", "2023年度先进乡(镇)工会", False),
]


@pytest.mark.parametrize("text,name,kept", HEADINGS)
def test_specific_heading_kept(text, name, kept):
    assert (name in [a[0] for a in _awards(text)]) == kept
