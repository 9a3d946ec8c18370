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
