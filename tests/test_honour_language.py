"""The next common variant of each honour construction (issue 20), in sentences written for this
project: other honours, other counts, other verbs, other punctuation than the ones the rules were
first written from. One row a construction; the counter-examples beside them must stay empty.
"""
from __future__ import annotations

import pandas as pd
import pytest

import extract
from extract.find.honours import printed_name


def _awards(text: str) -> list[tuple[str, int | None, str]]:
    df = extract.extract_facts(text, year=2021)
    df = df[df["kind"] == "award"]
    return [(r.value, None if pd.isna(r.count) else int(r.count), r.stage) for r in df.itertuples()]


C, N, R, H = "conferred", "nominated", "retained", "held"

FOUND = [
    # counted honours after a verb of commending or of announcing results, no verb before each
    ("大会表彰了20名优秀党务工作者、8个先进党支部和2名“时代楷模”。",
     [("优秀党务工作者", 20, C), ("先进党支部", 8, C), ("时代楷模", 2, C)]),
    ("共表彰优秀学校5所、优秀团队3支、先进个人40人。", [("优秀学校", 5, C), ("优秀团队", 3, C), ("先进个人", 40, C)]),
    ("评选出优秀论文30篇、优秀作品12件、优秀组织单位6家。",
     [("优秀论文", 30, C), ("优秀作品", 12, C), ("优秀组织单位", 6, C)]),
    ("共评出特等奖3件，一等奖10件（高中组6件，初中组4件），二等奖20件。",
     [("特等奖", 3, C), ("一等奖", 10, C), ("二等奖", 20, C)]),
    # 选出 announces results too; titles ending 明星, 新星, 带头人; quotes ASCII or curly
    ("共评出青工岗位服务明星30名、岗位技术能手20名。", [("青工岗位服务明星", 30, C), ("岗位技术能手", 20, C)]),
    ("评出青年科技明星8人,青年科技新星50人。", [("青年科技明星", 8, C), ("青年科技新星", 50, C)]),
    ('还选出县级"青年致富带头人标兵"6名,县级"青年致富带头人"40名。',
     [("县级青年致富带头人标兵", 6, C), ("县级青年致富带头人", 40, C)]),
    # an honour, its count and a colon; a year before a name and a colon over a line of holders
    ("第二届全省最美家庭5户：张某家庭、王某家庭。", [("第二届全省最美家庭", 5, C)]),
    ("2022年度全县优秀共青团员：张某、李某、王某。", [("2022年度全县优秀共青团员", None, C)]),
    ("一、“最美家庭”（10户）\n张某家庭\n二、“书香家庭”（5户）\n李某家庭\n", [("最美家庭", 10, C), ("书香家庭", 5, C)]),
    ("先进集体（10个）：甲局、乙局、丙局。先进个人（20名）：张某、李某。", [("先进集体", 10, C), ("先进个人", 20, C)]),
    ("获奖名单：一等奖：甲中学；二等奖：乙中学、丙中学；三等奖：丁小学。",
     [("一等奖", None, C), ("二等奖", None, C), ("三等奖", None, C)]),
    # one verb, several objects: quoted titles side by side, counts with 人 and a note
    ("该院被评为“2022年度安全生产先进单位”“2022年度平安医院建设先进单位”。",
     [("2022年度安全生产先进单位", None, C), ("2022年度平安医院建设先进单位", None, C)]),
    ("授予215人(含追授2人)全国优秀共青团员称号，授予108人(含追授1人)全国优秀共青团干部称号。",
     [("全国优秀共青团员", 215, C), ("全国优秀共青团干部", 108, C)]),
    ("市教育局授予我县李某等6名教师全市模范教师等称号。", [("全市模范教师", 6, C)]),
    ("甲县、乙县分别被认定为省级生态县、省级园林县城。", [("省级生态县", None, C), ("省级园林县城", None, C)]),
    # counted recipients before quoted titles, and after 以下
    ("对张某等15名“优秀班主任”、李某等40名“优秀教师”进行表彰奖励。", [("优秀班主任", 15, C), ("优秀教师", 40, C)]),
    ("现决定对以下6个先进集体和12名先进个人给予通报表扬。", [("先进集体", 6, C), ("先进个人", 12, C)]),
    ("会上对2022年度目标考核先进单位、先进个人进行了表彰。", [("2022年度目标考核先进单位", None, C), ("先进个人", None, C)]),
    # verbs and frames: 荣膺, 喜获, 摘得, 斩获, 获授, 被列为, 表彰为 after 获…, 荣立…一次, the goal words kept out
    ("该院荣膺全国卫生系统先进集体。", [("全国卫生系统先进集体", None, C)]),
    ("我校代表队摘得全省大学生数学竞赛一等奖。", [("全省大学生数学竞赛一等奖", None, C)]),
    ("李某获授“全国优秀教师”称号。", [("全国优秀教师", None, C)]),
    ("该馆被列为全国爱国主义教育示范基地。", [("全国爱国主义教育示范基地", None, C)]),
    ("该中心获市总工会表彰为模范职工之家。", [("模范职工之家", None, C)]),
    ("该支队荣立集体一等功一次。", [("集体一等功", None, C)]),
    # titles whose head is in no vocabulary, after a verb of naming: an honour word and the clause end
    ("李某被表彰为全国优秀县委书记。", [("全国优秀县委书记", None, C)]),
    ("张某荣获全省先进女职工称号。", [("全省先进女职工", None, C)]),
    # the conferring body before the name (…颁发的); a level straight after a quoted prize
    ("该所荣获国务院颁发的全国民族团结进步模范集体称号。", [("全国民族团结进步模范集体", None, C)]),
    ("荣获市政府颁发的“科技进步奖”二等奖。", [("科技进步奖二等奖", None, C)]),
    ("近日，省文明办发布2023年“最美人物”名单，我县张某入选。", [("2023年最美人物", None, C)]),
    # recipients described before the honour (授予…的甲公司优秀组织奖)
    ("授予对大赛组织工作成绩突出的甲公司优秀组织奖，授予对赛事服务做出突出成绩的李某同志优秀组织个人。",
     [("优秀组织奖", None, C), ("优秀组织个人", None, C)]),
    # heads: 杯, 品牌, 优质幼儿园, 友好型社区, 先进村镇
    ("该校篮球队荣获全省中学生篮球赛冠军杯。", [("全省中学生篮球赛冠军杯", None, C)]),
    ("该园获评省级优质幼儿园。", [("省级优质幼儿园", None, C)]),
    ("该社区入选第二批全国示范性老年友好型社区。", [("第二批全国示范性老年友好型社区", None, C)]),
    ("甲镇乙村被评为全国创建文明村镇工作先进村镇。", [("全国创建文明村镇工作先进村镇", None, C)]),
    # 当选 with a head; tails after a quoted title (国家荣誉称号, 牌匾); counted headings in 件; 全市 before counts
    ("我省推荐的3名同志当选全国劳动模范。", [("全国劳动模范", 3, C)]),
    ("张某被授予“人民科学家”国家荣誉称号。", [("人民科学家", None, C)]),
    ("甲村被授予“全国民主法治示范村”牌匾。", [("全国民主法治示范村", None, C)]),
    ("优秀组织奖（3个）\n甲局 乙局 丙局\n优秀作品奖（12件）\n", [("优秀组织奖", 3, C), ("优秀作品奖", 12, C)]),
    ("县委决定对全县20个先进集体、45名先进个人予以表彰。", [("先进集体", 20, C), ("先进个人", 45, C)]),
    ("该村于2020年被评为省级美丽乡村精品村，甲乡被命名为省级森林乡镇。",
     [("省级美丽乡村精品村", None, C), ("省级森林乡镇", None, C)]),
    # a holder on a published list; an honour kept after passing review
    ("中央文明委公布的第三批全国文明单位名单中，某医院榜上有名。", [("第三批全国文明单位", None, C)]),
    ("甲公司顺利通过了全国文明单位复查。", [("全国文明单位", None, R)]),
    ("近日，省妇联公布了2023年度全省三八红旗手（集体）名单，我县李某榜上有名。", [("2023年度全省三八红旗手（集体）", None, C)]),
    # a quoted word inside a longer name, its count after it
    ("获评首批省级“一村一品”示范村镇3个。", [("首批省级一村一品示范村镇", None, C)]),
    # a list heading after a notice of those to be commended: nominated
    ("拟表彰对象名单\n全省优秀教师（30名）\n张某 某中学\n", [("全省优秀教师", 30, N)]),
    # nominations: 拟推荐 before candidates with counts, counts before the honour, 拟命名/拟表彰 lists
    ("拟推荐全国三八红旗手（集体）候选人2名、候选集体1个。", [("全国三八红旗手（集体）", 2, N)]),
    ("经民主推荐，推选出3名全市优秀共产党员候选人。", [("全市优秀共产党员", 3, N)]),
    ("现将拟推荐的全国文明家庭名单公示如下：", [("全国文明家庭", None, N)]),
    ("现将2023年度市级文明单位拟表彰名单予以公示。", [("2023年度市级文明单位", None, N)]),
    ("中央文明办发布关于第七届全国文明村镇拟命名名单的公示。", [("第七届全国文明村镇", None, N)]),
    # epithets: a second title between the honour and the name
    ("省劳动模范、县人大代表李某在会上发言。", [("省劳动模范", None, H)]),
    ("全国优秀共产党员、某村党支部书记王某介绍经验。", [("全国优秀共产党员", None, H)]),
    # tables: one cell per line (a web page copied), a wrapped conferring body in the middle
    ("序号\n\n获奖时间\n\n获奖称号\n\n授奖机构\n\n1\n\n2019年5月\n\n全国文明单位\n\n中央文明委\n\n"
     "2\n\n2020年3月\n\n湖南省思想政治工作优秀集体\n\n省委宣传部\n\n省委组织部\n\n3\n\n2021年1月\n\n全国最佳志愿服务组织\n\n中宣部,中央文明办\n",
     [("全国文明单位", None, C), ("湖南省思想政治工作优秀集体", None, C), ("全国最佳志愿服务组织", None, C)]),
    # a column that names a nomination (推荐荣誉, 申报荣誉): stage nominated; other headers of an honour column
    ("序号\t姓名\t工作单位\t推荐荣誉\n1\t张某\t某中学\t全国优秀教师\n2\t李某\t某小学\t全国模范教师\n",
     [("全国优秀教师", None, N), ("全国模范教师", None, N)]),
    ("序号\t单位\t表彰类别\n1\t甲局\t先进集体\n2\t乙局\t先进集体\n", [("先进集体", None, C), ("先进集体", None, C)]),
    # a list of holders announced, each row "name unit honour、honour"
    ("2019年受表彰教师名单如下：\n张某 某小学 全国模范教师、全国教育系统巾帼建功标兵\n李某 某中学 全国优秀教师\n",
     [("全国模范教师", None, C), ("全国教育系统巾帼建功标兵", None, C), ("全国优秀教师", None, C)]),
    # a sentence opening with 其中 breaks down the honours conferred in the sentence before (groups, notes)
    ("本次竞赛共评出获奖选手40名。其中特等奖2名，一等奖8名，二等奖30名。",
     [("特等奖", 2, C), ("一等奖", 8, C), ("二等奖", 30, C)]),
    ("从优秀作品中抽选出25件获奖作品。其中，初中组金奖3件、银奖5件；小学组金奖4件。",
     [("金奖", 3, C), ("银奖", 5, C), ("金奖", 4, C)]),
    ("大赛共评选出三等奖6名、优秀指导教师奖4名（名单附后）。", [("三等奖", 6, C), ("优秀指导教师奖", 4, C)]),
    # recipients counted in 人, or named at length, before an unquoted honour after 授予
    ("省总工会决定，授予李某等8人省五一巾帼标兵称号，授予某某市第一人民医院急诊科护理组等12个班组省巾帼文明岗称号。",
     [("省五一巾帼标兵", 8, C), ("省巾帼文明岗", 12, C)]),
    ("授予某某自治州人民医院某某分院心血管内科护理单元等30个集体全国三八红旗集体称号。", [("全国三八红旗集体", 30, C)]),
    # the first of several recipients listed before 等N个 is no honour; a recipient named by 该/我
    ("授予甲区青年突击队、乙县消防救援大队等6个集体“市青年五四奖章集体”称号。", [("市青年五四奖章集体", 6, C)]),
    ("市政府授予该厂市长质量奖、市级文明单位称号。", [("市长质量奖", None, C), ("市级文明单位", None, C)]),
    # a numeral inside a quoted name stays as printed
    ("我市8部作品获第十届“五个一”工程奖。", [("第十届五个一工程奖", 8, C)]),
    # nominees counted next to the honour and 候选人, in either order, with no verb of nominating
    ("第九届“全国敬业奉献模范”6名候选人日前产生。", [("第九届全国敬业奉献模范", 6, N)]),
    ("经评审委员会投票，确定了15名“省青年五四奖章”候选人。", [("省青年五四奖章", 15, N)]),
    # a level of the conferring body before an honour word in a result list (院级, 校级, 系级)
    ("学院共评选出院级先进班集体4个、系级优秀学生干部15名。", [("院级先进班集体", 4, C), ("系级优秀学生干部", 15, C)]),
    # levels run together with one shared total: one set (分别荣获一、二、三等奖 stays three, in test_awards)
    ("本届大赛共评出一、二、三等奖及鼓励奖共85件。", [("一、二、三等奖及鼓励奖", 85, C)]),
    ("经评审，评选出一、二等奖共12名。", [("一、二等奖", 12, C)]),
    # holders on the list of an honour (登上“…”榜单); counts after words naming the winners (获奖名单中…共有)
    ("全县已有15人登上“最美家乡人”榜单。", [("最美家乡人", 15, C)]),
    ("本次表彰中，全市共有12个先进基层党组织和30名优秀党务工作者。",
     [("先进基层党组织", 12, C), ("优秀党务工作者", 30, C)]),
    # a yearbook table's honour cell wrapped over three lines, the row's other cells between
    ("获奖单位 奖励(命名)名称 授奖(命名)单位\n某区 全国文明单位 中央文明委\n“新时代好少年”主题读书活动“美好\n"
     "某区教育局 教育部关工委\n生活”先进集体\n某局 湖南省先进基层党组织 中共湖南省委\n",
     [("全国文明单位", None, C), ("新时代好少年主题读书活动美好生活先进集体", None, C), ("湖南省先进基层党组织", None, C)]),
]

ABSENT = [
    "本次大赛设一等奖1名、二等奖2名。其中一等奖奖金5000元。",  # prizes set, then their money: no breakdown
    "共有60件作品参赛。其中一等奖3件由专家复评。",             # entries, not results, before 其中
    "确定了12名村委会委员候选人。",                             # candidates for no honour
    "李某等10名候选人参加选举。",
    "大赛设一、二、三等奖共30名。",
    "评选出院级科研项目10个、市级课题5项。",                      # projects of a level, no honour word                              # prizes set, not conferred
    "该短视频登上“热搜”榜单。",                                  # a list that is no honour
    "获奖名单中，共有8个单位和20名同志。",                       # counts of recipients, no honour named
    "全市共有先进基层党组织12个。",                              # holders counted, nothing conferred
    "对在疫情防控中表现突出的5个集体和15名个人进行表彰。",   # recipients described, no honour named
    "会上，县领导为获得2022年度全县综合考核优秀等次的单位颁奖。",  # a grade of an assessment
    "全国五一劳动奖状是全国总工会授予劳动者、企事业单位、机关团体的光荣称号。",  # kinds of recipients
    "该项目被列为省级重点项目。",                             # 被列为 without an honour head
    "年度考核被评为优秀等次。",                                # a grade
    "学生在考试中取得优秀成绩。",                              # a result
    "力争被评为优秀单位，争取被评为全国文明城市。",              # goals
    "全国劳动模范、先进工作者代表等参加。",                     # representatives, no one named
    "2023年度先进集体：评选工作已经启动。",                     # a year and a colon before prose
    "2021年度先进集体：由各单位推荐、评审产生。",
    "参会人员名单如下：\n张某 某局 局长\n李某 某县 副县长\n",    # a list of people, no honour
    "给予对工作不力的单位通报批评。",                          # a reprimand
    "给予表现突出的同志物质奖励。",                            # a reward, no honour named
    "项目顺利通过了竣工验收复查。",                            # a review, no honour
    "关于2024年度项目拟表彰名单的公示",                        # a list with no honour in its name
    "奖项设置：一等奖：奖金5000元；二等奖：3000元。",          # prizes set, not conferred
    "今年共获得省级以上荣誉8项。",
    "获得了上级领导颁发的充分肯定。",                           # a body before no honour                             # a count of honours, none named
    "张某当选县人大代表。",                                     # 当选 without an honour head
    "参加县长杯足球赛。",                                      # a cup as an event
    "选出代表20名，会议选出新一届委员15名。",                   # results that are no honours
    "授予“A”的同时开展“科技周”活动。",                         # a second quote that is no title
    "序号\n\n项目\n\n金额\n\n1\n\n办公楼维修\n\n50万元\n",      # a one-cell-per-line table, no honour column
    "单位名称\n\n荣誉称号\n\n甲公司\n\n2021年\n\n联系电话\n\n12345\n",  # one cell per line without 序号: no rows told
    "序号\n\n荣誉称号\n\n单位\n\n1\n\n联系电话\n\n甲公司\n",           # a cell that reads as no honour
]


@pytest.mark.parametrize("sentence,want", [pytest.param(s, w, id=s[:40]) for s, w in FOUND])
def test_variant_found(sentence, want):
    assert _awards(sentence) == want


@pytest.mark.parametrize("sentence", [pytest.param(s, id=s[:40]) for s in ABSENT])
def test_variant_absent(sentence):
    assert _awards(sentence) == []


# the value keeps the printed characters normalisation rewrote one for one (dev conventions: as printed)
@pytest.mark.parametrize("name,printed,want", [
    ("2019-2020年度先进集体", "2019—2020年度先进集体", "2019—2020年度先进集体"),
    ("2014-2015年度全国无偿献血促进奖", "2014－2015年度全国无偿献血促进奖", "2014－2015年度全国无偿献血促进奖"),
    ("第六届全国文明村镇", "第六届“全国文明村镇”", "第六届全国文明村镇"),
    ("甲先进集体", "甲\n乙局 丙委\n先进集体", "甲先进集体"),   # a wrapped cell: the span holds more than the name
    ("全国文明单位", "全国文明城市", "全国文明单位"),           # another name: never taken
])
def test_printed_name(name, printed, want):
    assert printed_name(name, printed) == want
