"""Honours as a vocabulary (patterns/honours.yaml) and the grammar around it (patterns/awards.yaml).

Sentences written for this project, one construction per row, each with counter-examples: the
vocabulary's own examples, then every trigger (verbs, one verb with several objects, commendation
lists, nominee lists, list headings) and what must stay out (prize money, medals, revoked honours,
goals, rankings, table headers, pilots).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import extract
from extract.find.honours import award_rules, honour_heads
from extract.records import RuleError
from extract.rules import load_rules, patterns_dir

GROUPS = yaml.safe_load((patterns_dir() / "honours.yaml").read_text(encoding="utf-8"))["groups"]


def _awards(text: str) -> list[dict]:
    df = extract.extract_facts(text, year=2021)
    df = df[df["kind"] == "award"]
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _ends_in_head(value: str, heads: list[str]) -> bool:
    value = re.sub(r"[（(][^（）()]*[）)]$", "", value)  # 全国双拥模范城（县）
    return any(value.endswith(h) for h in heads)


@pytest.mark.parametrize("group,sentence", [pytest.param(g, e, id=f"{g['id']}:{e}") for g in GROUPS
                                            for e in g["examples"]])
def test_vocabulary_example_is_an_award(group, sentence):
    got = _awards(sentence)
    assert any(_ends_in_head(a["value"], group["heads"]) for a in got), got


@pytest.mark.parametrize("group,sentence", [pytest.param(g, e, id=f"{g['id']}:{e}") for g in GROUPS
                                            for e in g["counter_examples"]])
def test_vocabulary_counter_example_is_no_award(group, sentence):
    assert _awards(sentence) == []


def test_every_group_has_examples_and_counter_examples():
    assert all(g["examples"] and g["counter_examples"] and g["why"] for g in GROUPS)


def test_the_vocabulary_is_large():
    assert len(honour_heads(GROUPS)) >= 300


def test_a_head_listed_twice_is_refused(tmp_path: Path):
    d = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), d)
    f = d / "honours.yaml"
    text = f.read_text(encoding="utf-8")
    assert "heads: [劳动模范," in text, "the test's anchor is gone from the rule file"
    f.write_text(text.replace("heads: [劳动模范,", "heads: [先进集体, 劳动模范,", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="先进集体"):
        award_rules(load_rules(str(d)))


# (sentence, [(value, count, stage)]) — every award the sentence holds, in order; count None when unprinted
FOUND = [
    # verbs beyond 荣获/授予, unquoted names with a year or round before them
    ("李某荣获2019年度全省优秀共产党员称号。", [("2019年度全省优秀共产党员", None, "conferred")]),
    ("该村入选首批全国乡村治理示范村。", [("首批全国乡村治理示范村", None, "conferred")]),
    ("某中队荣立集体二等功。", [("集体二等功", None, "conferred")]),
    ("该市蝉联全国文明城市。", [("全国文明城市", None, "conferred")]),
    ("省政府决定，表彰为全省脱贫攻坚先进集体。", [("全省脱贫攻坚先进集体", None, "conferred")]),
    ("追授李某同志“全国优秀共产党员”称号。", [("全国优秀共产党员", None, "conferred")]),
    ("该村获评为省级美丽乡村。", [("省级美丽乡村", None, "conferred")]),
    ("命名甲区等100个县（市、区）为全国科普示范县（市、区）。", [("全国科普示范县（市、区）", 100, "conferred")]),
    ("我市获评“全国双拥模范城”六连冠。", [("全国双拥模范城", None, "conferred")]),
    ("该同志曾荣获全国五一劳动奖章、全国劳动模范称号。",
     [("全国五一劳动奖章", None, "conferred"), ("全国劳动模范", None, "conferred")]),
    ("该县被命名为国家生态文明建设示范县（区）。", [("国家生态文明建设示范县（区）", None, "conferred")]),
    ("我省获得全国五一劳动奖章2枚。", [("全国五一劳动奖章", 2, "conferred")]),     # an honour followed by its count
    ("该校获教学成果奖15万元。", [("教学成果奖", None, "conferred")]),            # ... or by its money
    ("本次竞赛共评出一等奖6名（初中组4名，小学组2名）、二等奖12名。", [("一等奖", 6, "conferred"), ("二等奖", 12, "conferred")]),
    ("大会评选出十佳青年、优秀团干部。", [("十佳青年", None, "conferred"), ("优秀团干部", None, "conferred")]),
    # one verb, several objects
    ("经评审，分别认定为省级科普教育基地、省级科普示范社区。",
     [("省级科普教育基地", None, "conferred"), ("省级科普示范社区", None, "conferred")]),
    ("该局被授予“全国文明单位”和“全国青年文明号”称号。",
     [("全国文明单位", None, "conferred"), ("全国青年文明号", None, "conferred")]),
    ("授予6个集体“青年文明号”、15名个人“青年岗位能手”、3个团支部“五四红旗团支部”称号。",
     [("青年文明号", 6, "conferred"), ("青年岗位能手", 15, "conferred"), ("五四红旗团支部", 3, "conferred")]),
    ("经复查，12个单位继续保留全国文明单位荣誉称号。", [("全国文明单位", 12, "retained")]),
    ("市一中等5个单位分别保留“省级文明单位”、“省级文明校园”荣誉称号。",
     [("省级文明单位", 5, "retained"), ("省级文明校园", None, "retained")]),
    ("选树甲区团委等9个团组织为某市“五四红旗团委”；乙某等20名同志为某市“优秀共青团员”。",
     [("五四红旗团委", 9, "conferred"), ("优秀共青团员", 20, "conferred")]),
    # counted honours after 表彰 and after 评出
    ("大会表彰了12名优秀教师、5个先进集体和3名“最美乡村医生”。",
     [("优秀教师", 12, "conferred"), ("先进集体", 5, "conferred"), ("最美乡村医生", 3, "conferred")]),
    ("县政府表彰奖励了8个教育世家和30名我心中的好老师。",
     [("教育世家", 8, "conferred"), ("我心中的好老师", 30, "conferred")]),
    ("会议表彰2022年度优秀共产党员50名、先进基层党组织10个。",
     [("2022年度优秀共产党员", 50, "conferred"), ("先进基层党组织", 10, "conferred")]),
    ("共评选出2022年度“最美家庭”10户、“书香家庭”5户。", [("2022年度最美家庭", 10, "conferred"), ("书香家庭", 5, "conferred")]),
    # 对 LIST 予以表彰 with a year or with counts
    ("会上对2022年度先进基层党组织、优秀共产党员进行了表彰。",
     [("2022年度先进基层党组织", None, "conferred"), ("优秀共产党员", None, "conferred")]),
    ("决定对以下先进集体和先进个人予以通报表扬：", [("先进集体", None, "conferred"), ("先进个人", None, "conferred")]),
    ("对甲站等6个平安建设先进单位以及乙某等8名平安建设先进个人予以通报表扬。",
     [("平安建设先进单位", 6, "conferred"), ("平安建设先进个人", 8, "conferred")]),
    # nominee lists and list headings
    ("现将全省劳动模范和先进工作者拟推荐对象予以公示。",
     [("全省劳动模范", None, "nominated"), ("先进工作者", None, "nominated")]),
    ("拟推荐张某为全国劳动模范人选。", [("全国劳动模范", None, "nominated")]),
    ("会议推选出全国劳动模范候选人5名。", [("全国劳动模范", 5, "nominated")]),
    ("共推选出全国五一劳动奖状候选单位3个、全国五一劳动奖章候选人10名。",
     [("全国五一劳动奖状", 3, "nominated"), ("全国五一劳动奖章", 10, "nominated")]),
    ("现将拟推荐的2023年全国三八红旗手（集体）候选人予以公示。", [("2023年全国三八红旗手（集体）", None, "nominated")]),
    ("附件：\n省级优秀科技工作者获奖名单(12人)\n", [("省级优秀科技工作者", 12, "conferred")]),
    ("拟推荐全国五一劳动奖章（2名）\n", [("全国五一劳动奖章", 2, "nominated")]),
    # an honour held as an epithet before a person's name
    ("“全国劳动模范”李某某出席会议并讲话。", [("全国劳动模范", None, "held")]),
    # an honour with its count before the recipients; a yearbook table's honour column
    ("第三届全国文明家庭2户：张某家庭、李某家庭。", [("第三届全国文明家庭", 2, "conferred")]),
    ("二、优秀共产党员（10名）：张某、李某", [("优秀共产党员", 10, "conferred")]),
    ("序号\t单位名称\t荣誉称号\t授予单位\n1\t某某局\t全国文明单位\t中央文明委\n2\t某医院\t全国五一劳动奖状\t全国总工会\n",
     [("全国文明单位", None, "conferred"), ("全国五一劳动奖状", None, "conferred")]),
    ("| 姓名 | 学校 | 获奖等次 |\n|---|---|---|\n| 张某 | 一中 | 一等奖 |\n| 李某 | 二中 | 二等奖 |\n",
     [("一等奖", None, "conferred"), ("二等奖", None, "conferred")]),
]

# sentences that hold no award at all
FOUND += [
    # recipients counted before the name are no part of it; the honour after the last of two lists
    ("省政府决定，授予王某等12名同志全省先进工作者称号；授予甲公司等30个单位、乙班等40个班组全省先进集体称号。",
     [("全省先进工作者", 12, "conferred"), ("全省先进集体", 40, "conferred")]),
    # each object of one result verb, the first recipient quoted
    ("最终评选出“某某食堂”等8家单位为“十佳职工食堂”，某中心等50家单位为“百佳爱心驿站”。",
     [("十佳职工食堂", 8, "conferred"), ("百佳爱心驿站", 50, "conferred")]),
    # the honour, then who holds it
    ("获得2020年全省五一劳动奖章的会员有：张某、李某。", [("2020年全省五一劳动奖章", None, "conferred")]),
    # more verbs of winning
    ("我校代表队包揽全省中学生辩论赛一等奖。", [("全省中学生辩论赛一等奖", None, "conferred")]),
    ("该厂捧得全国质量奖。", [("全国质量奖", None, "conferred")]),
    ("该中心荣获全国巾帼文明岗，问鼎全国青年文明号。", [("全国巾帼文明岗", None, "conferred"), ("全国青年文明号", None, "conferred")]),
    # a line that is an honour's name alone over its recipients, in a list announced before it
    ("我院多个集体和个人获得荣誉表彰。\n省级五四红旗团支部\n某学院2020级1班团支部\n省级优秀共青团员\n张某 某学院学生\n",
     [("省级五四红旗团支部", None, "conferred"), ("省级优秀共青团员", None, "conferred")]),
]

# issue 20: the next common variants (sentences written for this project)
FOUND += [
    # one verb, counted recipients before each unquoted name (the recipient noun is no part of the name)
    ("中央文明委授予1493个村镇全国文明村镇称号，授予2318个单位全国文明单位称号。",
     [("全国文明村镇", 1493, "conferred"), ("全国文明单位", 2318, "conferred")]),
    ("决定授予甲市等69个城市全国文明城市称号。", [("全国文明城市", 69, "conferred")]),
    ("决定授予25家先进单位吉林省五一劳动奖状、100名先进个人省五一劳动奖章、30个先进集体省“工人先锋号”荣誉称号。",
     [("吉林省五一劳动奖状", 25, "conferred"), ("省五一劳动奖章", 100, "conferred"), ("工人先锋号", 30, "conferred")]),
    ("全国双拥工作领导小组决定命名411个全国双拥模范城(县)。", [("全国双拥模范城(县)", 411, "conferred")]),
    ("市政府决定命名甲村等10个村为省级文明村。", [("省级文明村", 10, "conferred")]),
    # an honour and its count after the verb; A和B称号; levels written as bare numerals
    ("该局荣获全国五一劳动奖状1个、全国工人先锋号2个。", [("全国五一劳动奖状", 1, "conferred"), ("全国工人先锋号", 2, "conferred")]),
    ("该局荣获全国文明单位和全国五一劳动奖状称号。", [("全国文明单位", None, "conferred"), ("全国五一劳动奖状", None, "conferred")]),
    # levels run together are one record as printed (our annotators wrote them so in every batch: 网络类一、二、三等奖)
    ("学生在比赛中分别荣获一、二、三等奖。", [("一、二、三等奖", None, "conferred")]),
    ("该中队荣立三等功1次。", [("三等功", 1, "conferred")]),
    # more verbs and heads: 评定为, 上榜, 职工之家, 好人榜
    ("该会被评定为全国模范职工之家。", [("全国模范职工之家", None, "conferred")]),
    ("该村上榜2023年中国美丽休闲乡村。", [("2023年中国美丽休闲乡村", None, "conferred")]),
    ("李某入选2023年度“中国好人榜”。", [("2023年度中国好人榜", None, "conferred")]),
    # an honour named by its holder
    ("本次大赛护理员赛项一等奖的获得者张某表示，将继续努力。", [("护理员赛项一等奖", None, "conferred")]),
    # a prize set beside the results
    ("经评委审核，最终评选出一等奖1名，二等奖2名，并设优秀组织奖。",
     [("一等奖", 1, "conferred"), ("二等奖", 2, "conferred"), ("优秀组织奖", None, "conferred")]),
    # 为 LIST 颁奖 with counted recipients
    ("会上，为10个先进集体和20名先进个人颁奖。", [("先进集体", 10, "conferred"), ("先进个人", 20, "conferred")]),
    # retained after review; counted nominations; nominees before a colon; a proposal
    ("此次复查确认继续保留荣誉称号的往届全国文明城市名单共83个。", [("往届全国文明城市", None, "retained")]),
    ("各地共推荐奖状312个、奖章1224个、工人先锋号1084个。",
     [("奖状", 312, "nominated"), ("奖章", 1224, "nominated"), ("工人先锋号", 1084, "nominated")]),
    ("湖北五一劳动奖章拟推荐人选：张某、李某", [("湖北五一劳动奖章", None, "nominated")]),
    ("拟推荐以下同志为2023年全国五一劳动奖章推荐人选：", [("2023年全国五一劳动奖章", None, "nominated")]),
    ("拟申报以下城(县)为全国双拥模范城(县)\n\n拉萨市：拉萨市、当雄县\n", [("全国双拥模范城(县)", None, "nominated")]),
    # a level or a round before a quoted name belongs to the name
    ("该站荣获第十一届全国“母亲河奖”。", [("第十一届全国母亲河奖", None, "conferred")]),
    ("该局被评为省级“文明单位”。", [("省级文明单位", None, "conferred")]),
    ("该队荣获2022年度省级“青年文明号”。", [("2022年度省级青年文明号", None, "conferred")]),
    # an honour and a colon opening a line of holders, in a list announced before
    ("表彰名单\n全国文明单位：区检察院、区法院\n全国青年文明号：区医院\n",
     [("全国文明单位", None, "conferred"), ("全国青年文明号", None, "conferred")]),
    # unquoted epithets with a level before them; a retained list heading; a title announcing nominees
    ("全国劳动模范李某某出席会议并讲话。", [("全国劳动模范", None, "held")]),
    ("省劳动模范张某说，要继续努力。", [("省劳动模范", None, "held")]),
    ("第六届全国文明城市（区）复查确认保留荣誉称号名单", [("第六届全国文明城市（区）", None, "retained")]),
    ("关于2023年全国五一劳动奖和全国工人先锋号拟推荐对象的公示",
     [("2023年全国五一劳动奖", None, "nominated"), ("全国工人先锋号", None, "nominated")]),
    # list headings: an honour with a strong head and its count; 名单 lines; a level and a colon; a list announced
    ("附件：\n全国五一劳动奖状（10个）\n甲公司\n全国五一劳动奖章（20名）\n张某 甲公司\n",
     [("全国五一劳动奖状", 10, "conferred"), ("全国五一劳动奖章", 20, "conferred")]),
    ("拟推荐对象名单\n全国劳动模范（3名）\n张某\n", [("全国劳动模范", 3, "nominated")]),
    ("附件\n2022年度先进集体名单\n甲局\n2022年度先进个人名单\n张某 甲局\n",
     [("2022年度先进集体", None, "conferred"), ("2022年度先进个人", None, "conferred")]),
    ("表彰名单：\n一等奖：张某、李某\n二等奖：王某\n", [("一等奖", None, "conferred"), ("二等奖", None, "conferred")]),
    ("2023年全国五一劳动奖和全国工人先锋号名单公布", [("2023年全国五一劳动奖", None, "conferred"), ("全国工人先锋号", None, "conferred")]),
    # a yearbook table whose cells are split by single spaces, a cell wrapped onto its own line
    ("获奖单位 奖励(命名)名称 授奖(命名)单位\n望城区 第二批全国全域旅游示范区 文化和旅游部\n国务院某领\n"
     "某分局 2020年度全国检察宣传先进集体\n导小组\n",
     [("第二批全国全域旅游示范区", None, "conferred"), ("2020年度全国检察宣传先进集体", None, "conferred")]),
]

ABSENT = [
    "决定撤销某某“全国文明单位”称号。",              # a revoked honour
    "会上对全国文明城市、全国文明县城进行了表彰。",     # categories a meeting honoured: no year, no count
    "对获奖单位和个人予以表彰。",                     # a table-header word, not an honour
    "给予每位一等奖获得者奖金5000元。",               # prize money
    "运动员共获得奖牌12枚。",                         # medals counted
    "发放先进集体奖励资金30万元。",                   # money for an honour
    "金昌、庆阳入选全国紧密型城市医疗集团试点城市。",   # a pilot, a qualification
    "争创全国文明城市，力争获评国家卫生县城。",         # goals
    "全市综合考核获得第一名。",                       # a ranking
    "预算单位(3个)\n",
    "项目支出3项：甲、乙、丙。",                      # things counted before a colon
    "共产生项目单位3个、试点学校5所。",                # units counted after a result verb
    "| 序号 | 项目 | 金额 |\n| 1 | 奖励 | 5 |\n",      # a table without an honour column
    "被认定为第三批国家级专精特新“小巨人”企业。",       # a qualification
    "开展“最美教师”评选，学习“时代楷模”事迹。",         # an honour's contest and deeds, no holder named                               # a count of units under a heading
    "希望获奖学生珍惜荣誉，再创佳绩。",               # 获奖 as an adjective
    "两部作品入选“第十二届全国青少年科学影像节”。",     # selected for an event
    "一、单位概况\n办公室\n负责机关日常运转。\n",        # a heading line with no list announced before it
    "表彰名单如下：\n重庆某某高等专科学校\n张某\n",        # a school's name: an everyday head alone
    # issue 20 counter-examples
    "授予1000名职工荣誉证书。",                          # a certificate, no honour named
    "获评5个国家生态文明建设示范区。",                    # places counted by their region, no recipients named
    "共推荐项目30个、课题5项。",                          # things nominated, no honour
    "困难家庭(30户)：张某、李某",                         # an everyday head before a colon
    "该县困难家庭名单\n张某\n李某\n",                   # a list of people, no honour
    "奖项设置：\n一等奖：奖金5000元\n二等奖：3000元\n",  # prizes announced, not conferred
    "设一等奖1名、二等奖2名，并设优秀组织奖。",            # categories of a contest, no results
    "市领导为获奖单位颁奖。",                             # a table-header word after 为…颁奖
    "为推动工作，市里为10个单位拨付资金。",                # 为 with counts, no honour
    "2023年部门预算公开名单公布",                         # a list announced, no honour
    "并向受到表彰的个人代表颁奖。",                        # 颁奖 is no honour's name
    "大会宣读了关于命名411个全国双拥模范城(县)的决定。",    # the title of a decision, read as a reference
    "关于表彰2021年度全市优秀共产党员和先进基层党组织的决定",  # the same: its honours are those of the body
    "全国劳动模范表彰大会在京召开。",                      # an honour's meeting, no holder
    "全国劳动模范代表作发言。",                            # representatives, no one named
    "单位简介\n荣誉称号：全国文明单位\n",                  # a field of a profile, no list announced
    "奖项设置\n优秀组织奖：10个\n",                       # a prize announced with its number
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s) for s, w in FOUND])
def test_honours_found(sentence, want):
    got = [(a["value"], a["count"], a["stage"]) for a in _awards(sentence)]
    assert got == [(v, c, s) for v, c, s in want]


@pytest.mark.parametrize("sentence", [pytest.param(s, id=s) for s in ABSENT])
def test_no_honour(sentence):
    assert _awards(sentence) == []


def test_a_heading_repeating_the_body_is_a_second_mention():
    text = "张某等3名同学荣获“全国一等奖”。\n全国一等奖获奖名单(3人)\n全国二等奖获奖名单(10人)\n"
    got = [(a["value"], a["count"], a["start"]) for a in _awards(text)]
    assert got == [("全国一等奖", 3, 10), ("全国二等奖", 10, text.index("全国二等奖"))]


# the label of a count of an honour's holders, or of its prize money, names the honour
LABELS = [
    ("马某等三名同学斩获“全国一等奖”。", "三名", "全国一等奖获奖同学"),
    ("刘某等10多位老师荣获“优秀指导教师”称号。", "10多位", "优秀指导教师获奖老师"),
    ("朱某、孙某等5人获“全国最美志愿者”称号。", "5人", "全国最美志愿者获奖者"),
    ("本次大赛共评选出一等奖6名、二等奖9名。", "6名", "一等奖获奖者"),
    ("附件：\n全国二等奖获奖名单(10人)\n", "10人", "全国二等奖获奖者"),
    ("授予肖某等16名同志“某市见义勇为先进个人”称号。", "16名", "某市见义勇为先进个人获奖同志"),
    ("授予甲公司等3家单位“2012年度某县县长质量奖”，各奖励10万元。", "10万元", "2012年度某县县长质量奖奖金"),
    # one verb before a list of counted honours; the honour held before the people counted
    ("表彰了12名优秀教师、5个先进集体和3名“最美乡村医生”。", "3名", "最美乡村医生获奖者"),
    ("评选出优秀教师20名、5名“教学能手”。", "5名", "教学能手获奖者"),
    ("对获得一等奖的8名学生各奖励2000元。", "8名", "一等奖获奖学生"),
    ("荣获“市级优秀共青团员”称号的6名团员分别发言。", "6名", "市级优秀共青团员获奖团员"),
]
# counts and money that are no honour's keep the labels of their own words
NOT_HONOUR_LABELS = [
    ("全局共有职工3名，退休5人。", "3名"),
    ("支出总计100万元，其中奖励5万元。", "5万元"),
    ("12名同学参加了比赛。", "12名"),
    ("参加培训的12名学员、5名“专家”参加座谈。", "5名"),
    ("获得补助的8名学生各发放2000元。", "8名"),
    ("获得奖金的3名同学合影留念。", "3名"),
]


@pytest.mark.parametrize("sentence,figure,label", [pytest.param(s, f, l, id=s) for s, f, l in LABELS])
def test_label_of_counted_honour(sentence, figure, label):
    df = extract.extract_facts(sentence, year=2021)
    rows = df[df["text"] == figure]
    assert list(rows["label"]) == [label]


@pytest.mark.parametrize("sentence,figure", [pytest.param(s, f, id=s) for s, f in NOT_HONOUR_LABELS])
def test_label_of_other_figures_names_no_honour(sentence, figure):
    df = extract.extract_facts(sentence, year=2021)
    labels = list(df[df["text"] == figure]["label"])
    assert len(labels) == 1 and not any(w in str(labels[0]) for w in ("获奖", "奖金")), labels
