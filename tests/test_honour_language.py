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
    # levels run together with one shared total: one set (分别荣获一、二、三等奖 is one record too, in test_awards)
    ("本届大赛共评出一、二、三等奖及鼓励奖共85件。", [("一、二、三等奖及鼓励奖", 85, C)]),
    ("经评审，评选出一、二等奖共12名。", [("一、二等奖", 12, C)]),
    # holders on the list of an honour (登上“…”榜单); counts after words naming the winners (获奖名单中…共有)
    ("全县已有15人登上“最美家乡人”榜单。", [("最美家乡人", 15, C)]),
    ("本次表彰中，全市共有12个先进基层党组织和30名优秀党务工作者。",
     [("先进基层党组织", 12, C), ("优秀党务工作者", 30, C)]),
    # issue 20, mined from 121 unannotated honour texts (the probe): the constructions that recurred
    # a region between the verb and a quoted title is part of the name; a body after 由 is not
    ("该同志被评为某某市“最美护士”。", [("某某市最美护士", None, C)]),
    ("甲同学获得由乙大学“青少年创新奖”。", [("青少年创新奖", None, C)]),
    # counted recipients with a note after them (（区）, （含追授2名）) or a modifier before the noun (地级, 县级市和)
    ("授予12个城市（区）省级文明城市（区）称号。", [("省级文明城市（区）", 12, C)]),
    ("授予30名同志（含追授2名）全省优秀共青团员称号。", [("全省优秀共青团员", 30, C)]),
    ("授予甲市等4个地级城市省级卫生城市称号，授予乙市等9个县级市和县省级卫生县城称号。",
     [("省级卫生城市", 4, C), ("省级卫生县城", 9, C)]),
    ("授予8个集体县五一劳动奖状。", [("县五一劳动奖状", 8, C)]),
    ("授予326户家庭全市最美家庭称号。", [("全市最美家庭", 326, C)]),
    # one verb, objects counted 为 an unquoted name, the next after a comma
    ("命名甲村等10个村为省级美丽乡村示范村,乙镇等3个镇为省级卫生乡镇。",
     [("省级美丽乡村示范村", 10, C), ("省级卫生乡镇", 3, C)]),
    ("授予甲社区等4个社区为第五届区级文明社区称号。", [("第五届区级文明社区", 4, C)]),
    # a list the honour noun closes (…等荣誉称号): every item that opens with a level or a region
    ("先后荣获全国生态示范乡镇、省级森林城镇、某市平安乡镇等荣誉称号。",
     [("全国生态示范乡镇", None, C), ("省级森林城镇", None, C), ("某市平安乡镇", None, C)]),
    ("该刊相继获得中国精品期刊、全国特等年鉴、全省优秀期刊等荣誉10余项。",
     [("中国精品期刊", None, C), ("全国特等年鉴", None, C), ("全省优秀期刊", None, C)]),
    # the honour, 的, then its holders (…的分别为, …的集体有)
    ("获评省级文明校园的分别为甲中学、乙小学。", [("省级文明校园", None, C)]),
    ("其中获得全国模范职工之家的单位有3家。", [("全国模范职工之家", None, C)]),
    # 表彰了 with a year before each item; 评出 with a count after a name ending in 单位
    ("大会表彰了2023年度优秀辅导员、2023年度先进志愿者。", [("2023年度优秀辅导员", None, C), ("2023年度先进志愿者", None, C)]),
    ("本届共评出省级文明单位320个。", [("省级文明单位", 320, C)]),
    # an honour kept (继续保持…荣誉称号); 为 inside 助人为乐; a count then 分别为
    ("该院继续保持“省级文明单位”荣誉称号。", [("省级文明单位", None, R)]),
    ("张某荣获助人为乐类省级道德模范。", [("助人为乐类省级道德模范", None, C)]),
    ("“最美家庭”3户，分别为张某家庭、李某家庭、王某家庭。", [("最美家庭", 3, C)]),
    # candidates of an honour with no count (…候选人名单日前确定, 公示…候选人); a proposed conferral (拟将…评为)
    ("全市第三届道德模范候选人名单日前确定。", [("第三届道德模范", None, N)]),
    ("县文明办公示第五届全县道德模范候选人。", [("第五届全县道德模范", None, N)]),
    ("拟将甲公司等6家企业评为市级诚信企业。", [("市级诚信企业", 6, N)]),
    # 将 as the object marker (a name after it, not a verb): the conferral stands
    ("县委将张某等5名同志表彰为“优秀共产党员”。", [("优秀共产党员", 5, C)]),
    # recipients named before a counted honour in a result list
    ("共评选出优秀作品30件，以及甲区文化馆、乙中学等8个优秀组织奖。", [("优秀作品", 30, C), ("优秀组织奖", 8, C)]),
    # an announced list whose honour ends in a weak head keeps it when a round opens it
    ("近日，第5届全省青年文明号集体评选结果揭晓。", [("第5届全省青年文明号集体", None, C)]),
    # honours_tune5: the next objects of one verb after a comma (a tail each) or a semicolon (counted recipients)
    ("授予甲区“市文明城区”荣誉称号,乙县、丙县“市文明县城”荣誉称号,丁公司“红旗”车队队员张某等5人“市道德模范”荣誉称号。",
     [("市文明城区", None, C), ("市文明县城", None, C), ("市道德模范", 5, C)]),
    ("授予甲公司等30个集体“自治区五一劳动奖状”；乙某等80名个人“自治区五一劳动奖章”。",
     [("自治区五一劳动奖状", 30, C), ("自治区五一劳动奖章", 80, C)]),
    # (after a semicolon, recipients with no count and no tail: the quote is no next object)
    ("授予甲公司“诚信企业”称号；乙公司“优质服务”深受好评。", [("诚信企业", None, C)]),
    # recipients named by the honour they won, in a list commended
    ("会议对获得省级文明单位的12个集体、获得省级文明家庭的30户家庭进行了表彰。",
     [("省级文明单位", 12, C), ("省级文明家庭", 30, C)]),
    # 分别荣获 A、B、C荣誉称号: the level of the first item reaches the rest
    ("甲局等5个单位、乙镇等3个乡镇分别荣获第九批市级文明单位、文明乡镇荣誉称号。",
     [("第九批市级文明单位", 3, C), ("文明乡镇", None, C)]),
    # 成为, 入列, 列入 with an honour head; 当选为 and 荣登…榜 with a quoted title
    ("该区成为首批国家级生态文明建设示范区。", [("首批国家级生态文明建设示范区", None, C)]),
    ("甲镇入列全国百强镇。", [("全国百强镇", None, C)]),
    ("该校当选为“全国百强中学”，并荣登“全国科技创新”榜。", [("全国百强中学", None, C), ("全国科技创新", None, C)]),
    # 授予 many recipients named one by one 为 an unquoted title
    ("授予张某、李某、王某、赵某、钱某、孙某、周某、吴某、郑某、冯某、陈某、褚某等24人为某市特等劳动模范荣誉称号。",
     [("某市特等劳动模范", 24, C)]),
    # honours held, quoted before the holder's unit and role, then the name
    ("有“全国优秀共产党员”某县某村党委书记余某;有“中国公路百名优秀工程师”、“十大桥梁人物”某集团总工程师张某某;",
     [("全国优秀共产党员", None, H), ("中国公路百名优秀工程师", None, H), ("十大桥梁人物", None, H)]),
    # yearbook prizes (精品年鉴, 一等年鉴)
    ("《某县年鉴（2022）》获评省级精品年鉴。", [("省级精品年鉴", None, C)]),
    # a yearbook table's honour cell wrapped over three lines, the row's other cells between
    ("获奖单位 奖励(命名)名称 授奖(命名)单位\n某区 全国文明单位 中央文明委\n“新时代好少年”主题读书活动“美好\n"
     "某区教育局 教育部关工委\n生活”先进集体\n某局 湖南省先进基层党组织 中共湖南省委\n",
     [("全国文明单位", None, C), ("新时代好少年主题读书活动美好生活先进集体", None, C), ("湖南省先进基层党组织", None, C)]),
    # round 15 (honours_tune14): a bare place before a quoted honour word, a contest as the giver, 以及 between
    # quoted titles, 授予 recipients with a space before the quote, review passed, a round made public,
    # recipients named before a count after 成功创建, quoted honours a nominee is put up for
    ("全县共有8所学校入选某州“最美校园”。", [("某州最美校园", 8, C)]),
    ("该同学获大赛“最佳创意奖”，学校获得挑战杯竞赛“优秀组织奖”。", [("最佳创意奖", None, C), ("优秀组织奖", None, C)]),
    ("学院连续三年获“全省高校优秀组织奖”以及“五四红旗团委”等荣誉称号。",
     [("全省高校优秀组织奖", None, C), ("五四红旗团委", None, C)]),
    ("团县委授予某镇团委 “五四红旗团委”。", [("五四红旗团委", None, C)]),
    ("全市已有30个村通过“省级善治示范村”认定。", [("省级善治示范村", 30, C)]),
    ("某镇顺利通过国家卫生乡镇复审。", [("国家卫生乡镇", None, R)]),
    ("现将2024年度市级青年文明号予以公布(名单附后)。", [("2024年度市级青年文明号", None, C)]),
    ("该县已成功创建甲镇、乙镇等2个国家级生态乡镇和丙村1个国家级生态村。",
     [("国家级生态乡镇", 2, C), ("国家级生态村", 1, C)]),
    ("市生态环境局拟推荐5个乡镇参加2024年度“省级生态乡镇”和“省级生态村”的评选。",
     [("2024年度省级生态乡镇", None, N), ("省级生态村", None, N)]),
    ("评出一等奖2名，二等奖4名；个人参与奖30名。", [("一等奖", 2, C), ("二等奖", 4, C), ("个人参与奖", 30, C)]),
    ("我省14个(gè)村获评全國(guó)文明村镇稱號(hào)，增長(zhǎng)明显。", [("全國(guó)文明村镇", 14, C)]),
    # round 16 (honours_tune15): a middle dot inside a quoted name, a holder word before the first count of a
    # commended list, a prize named after its contest and 的, candidates counted after 筛选, honours 揽入怀中,
    # a field of work before a quote, then 的 and the holders
    ("经评审，产生2023年度“善行义举·感动某县”道德模范12名。", [("2023年度善行义举·感动某县道德模范", 12, C)]),
    ("大会对全镇8名优秀共产党员和3个先进基层党组织进行表彰。", [("优秀共产党员", 8, C), ("先进基层党组织", 3, C)]),
    ("该队还荣获了本届职工篮球赛的体育道德风尚奖。", [("体育道德风尚奖", None, C)]),
    ("从推荐的家庭中筛选“最美家庭”候选家庭6户、优秀志愿者候选人3名，提交会议审定。",
     [("最美家庭", 6, N), ("优秀志愿者", 3, N)]),
    ("该县已把“国家园林县城”“中国天然氧吧”等多项荣誉收入囊中。", [("国家园林县城", None, C), ("中国天然氧吧", None, C)]),
    ("大会表彰了荣获全县宣传工作“先进集体”称号的单位代表。", [("全县宣传工作先进集体", None, C)]),
    ("会议表彰了荣获精神文明建设“五个一工程”奖的甲单位、乙单位。", [("精神文明建设五个一工程奖", None, C)]),
    # round 17 (honours_tune16): a quoted honour before 获得者, a counted quoted title after 表彰了, the next
    # counted recipients 为 a name with no 等, a ceremony's honours won as 上述殊荣, a run of honours across a
    # comma closed by 等N项…荣誉后, a verb's name read again from a later verb
    ("大会为“光荣在党50年”纪念章获得者颁发了纪念章。", [("光荣在党50年纪念章", None, C)]),
    ("会议还表彰了20位“最美巾帼奋斗者”。", [("最美巾帼奋斗者", 20, C)]),
    ("拟认定12个乡镇为第二批省级乡村治理示范乡镇、86个村为第二批省级乡村治理示范村。",
     [("第二批省级乡村治理示范乡镇", 12, N), ("第二批省级乡村治理示范村", 86, N)]),
    ("县妇联举行“全国巾帼文明岗”、“省三八红旗手”授牌仪式，该院护理部、张某分别获得上述殊荣。",
     [("全国巾帼文明岗", None, C), ("省三八红旗手", None, C)]),
    ("这是该院继获得全国青年文明号、全省先进基层党组织，全市文明单位、全市优秀法院等40项集体荣誉后获得的又一殊荣。",
     [("全国青年文明号", None, C), ("全省先进基层党组织", None, C), ("全市文明单位", None, C), ("全市优秀法院", None, C)]),
    # round 18 (the three batches above again): a top-ten title after 表彰了 with a place before it, a year's quoted
    # honour 发布, a run item with a role word or a ranking word inside a name ending in a strong head
    ("副县长宣读并表彰了某乡十佳创业能手。", [("某乡十佳创业能手", None, C)]),
    ("2024年“某市最美护林员”发布仪式举行。", [("2024年某市最美护林员", None, C)]),
    ("该院先后获得全国青年文明号，湖南省模范职工之家、全省法院司法考评先进单位等荣誉。",
     [("全国青年文明号", None, C), ("湖南省模范职工之家", None, C), ("全省法院司法考评先进单位", None, C)]),
    # round 19 (honours_tune17, drawn as the held-out folders are): a strong name sharing the count before it, the
    # honour one is commended as, the kinds of honour presented after 包括：, quoted honours whose nominees are put up,
    # an honour won before its holder, 摘下 and a space before the tail, recipients counted by their role before a
    # name, 被授予A的人员名单
    ("大会表彰了500名市劳动模范、先进工作者和80个先进集体。",
     [("市劳动模范", 500, C), ("先进工作者", None, C), ("先进集体", 80, C)]),
    ("局长张某作为先进个人，与其他先进集体代表一起受到表彰。", [("先进个人", None, C)]),
    ("校领导为获奖者颁奖，包括：优秀学生干部、先进班集体、十佳研究生等。",
     [("优秀学生干部", None, C), ("先进班集体", None, C), ("十佳研究生", None, C)]),
    ("现将“某省五一文艺奖”和“某省职工文化示范基地”入选作品及单位予以公示。",
     [("某省五一文艺奖", None, N), ("某省职工文化示范基地", None, N)]),
    ("市领导为荣获省五一劳动奖状的甲公司、荣获省五一劳动奖章的乙某颁奖。",
     [("省五一劳动奖状", None, C), ("省五一劳动奖章", None, C)]),
    ("某镇一举摘下了 “省级文明村镇” 的桂冠。", [("省级文明村镇", None, C)]),
    ("某村继续保留“省级文明村” 的荣誉称号。", [("省级文明村", None, R)]),
    ("授予王某等9名校长某省中小学优秀校长称号。", [("某省中小学优秀校长", 9, C)]),
    ("副市长宣读了我市被授予全国劳动模范的人员名单。", [("全国劳动模范", None, C)]),
    # round 20 (honours_tune18): quoted titles counted in a result list, a year inside the words after a quote,
    # a year's quoted honour whose ceremony is held, candidates of several honours after 作为, counted honours as
    # the subject of 受到…表彰 with a place before the count, nominees counted after a list put up for objections
    ("共评选出“高校教师年度人物”10名，“道德模范群体”8个。", [("高校教师年度人物", 10, C), ("道德模范群体", 8, C)]),
    ("他当选“出彩某省人”2023感动某省年度人物。", [("出彩某省人2023感动某省年度人物", None, C)]),
    ("“2023某市感动人物”颁奖典礼在市文化中心隆重举行。", [("2023某市感动人物", None, C)]),
    ("提出20个村作为2022—2024年度省级文明村镇、文明单位的候选单位。",
     [("2022—2024年度省级文明村镇", None, N), ("文明单位", None, N)]),
    ("某省30名全国劳动模范、12名全国先进工作者受到党中央、国务院表彰。",
     [("全国劳动模范", 30, C), ("全国先进工作者", 12, C)]),
    ("现将我市拟推荐对象名单予以公示，其中省劳动模范15名、先进集体2个。", [("省劳动模范", 15, N), ("先进集体", 2, N)]),
    # round 21 (honours_tune19): 颁授 as a verb of announcing results, 被选为 and 被确立为 as verbs of naming, a
    # proposal counting its holders before the honour, the prizes a count of prizes is made of
    ("大会共颁授省五一劳动奖状20个、省五一劳动奖章120个。", [("省五一劳动奖状", 20, C), ("省五一劳动奖章", 120, C)]),
    ("全省有3个村被选为全国生态文化村。", [("全国生态文化村", 3, C)]),
    ("5个项目区被确立为国家级农业标准化示范区。", [("国家级农业标准化示范区", 5, C)]),
    ("经专家评审，拟确定了30个省级农业标准化示范县，现予以公示。", [("省级农业标准化示范县", 30, N)]),
    ("该区荣获3个奖项，包括机构捐赠奖和志愿服务奖、慈善项目奖。",
     [("机构捐赠奖", None, C), ("志愿服务奖", None, C), ("慈善项目奖", None, C)]),
    # round 22 (honours_tune19, second pass): the time word after an honour won, merits sharing one count, a
    # bracket of recipients or a note after a counted item, a round's quoted honour before 获得者, a count each
    # prize shares, honours counted clause by clause after one verb, 先进地区 among the heads
    ("该县2019年蝉联国家卫生县城以来，群众满意度逐年提高。", [("国家卫生县城", None, C)]),
    ("该所荣获全国模范派出所之后，又获得了省级文明单位。", [("全国模范派出所", None, C), ("省级文明单位", None, C)]),
    ("该连队先后荣立集体二等功、三等功各2次。", [("集体二等功", None, C), ("集体三等功", None, C)]),
    ("本届共评出20个“文明家庭”（甲户、乙户等），15个“美丽庭院”（丙户、丁户等）。",
     [("文明家庭", 20, C), ("美丽庭院", 15, C)]),
    ("大会表彰了首届“湖北慈善奖”获得者。", [("首届湖北慈善奖", None, C)]),
    ("该院荣获2个奖项，包括优秀组织奖和最佳创意奖各1个。", [("优秀组织奖", None, C), ("最佳创意奖", None, C)]),
    ("全镇被评为省劳动模范3人，省先进工作者(生产者)11人。", [("省劳动模范", 3, C), ("省先进工作者(生产者)", 11, C)]),
    ("对甲旗等4个先进地区和乙某等10名先进个人予以表彰。", [("先进地区", 4, C), ("先进个人", 10, C)]),
    # round 23 (honours_tune18, third pass): recipients described before their count in 对…进行表彰, 选拔 as a
    # verb of electing, a quoted title whose head is an everyday word counted before 候选人, a name that opens with
    # a paper's title
    ("对在脱贫攻坚中作出突出贡献的80名市优秀共产党员和30个市先进基层党组织进行表彰。",
     [("市优秀共产党员", 80, C), ("市先进基层党组织", 30, C)]),
    ("各社区选拔了15名“最美家庭”候选人。", [("最美家庭", 15, N)]),
    ("全区推选了12名“身边好人”候选人。", [("身边好人", 12, N)]),
    ("该支部被评为《人民日报》发行工作先进集体。", [("《人民日报》发行工作先进集体", None, C)]),
    # round 24 (honours_tune20): a year range opening the first counted item, recipients listed with 等 after a
    # description, a list of the kinds of recipients before the honour, a round's honour whose ceremony is held, a
    # year's honour without 年 and with the kind of its holders, a year's quoted list made known, a prize won
    # before its holder after 及
    ("大会共表彰2019-2022年度全省体育先进单位120个、全省体育先进个人300名。",
     [("2019-2022年度全省体育先进单位", 120, C), ("全省体育先进个人", 300, C)]),
    ("对在抗洪抢险中作出突出贡献的甲局等20个先进集体予以表彰。", [("先进集体", 20, C)]),
    ("授予甲厂等15个车间、科室省工人先锋号。", [("省工人先锋号", 15, C)]),
    ("授予张某等50人省金牌职工。", [("省金牌职工", 50, C)]),
    ("昨日，第三届“江西省科技创新奖”颁奖典礼在南昌举行。", [("第三届江西省科技创新奖", None, C)]),
    ("12日，2024“感动荆楚”年度人物(群体)发布仪式在武汉举行。", [("2024感动荆楚年度人物(群体)", None, C)]),
    ("2022江苏“最美教师、最美医生”揭晓。", [("最美教师", None, C), ("最美医生", None, C)]),
    ("市长分别向获得市长质量奖的甲公司，及获得“创新突出贡献奖”的乙公司授牌。",
     [("市长质量奖", None, C), ("创新突出贡献奖", None, C)]),
    # round 25 (honours_tune20, second pass): an epithet with a quoted nickname or a unit and role before the name,
    # a quoted title opening with a level whose head is an everyday word, two prizes joined by 与, a quoted medal
    # handed over
    ("全国劳动模范、“铁人班长”王某，介绍了经验。", [("全国劳动模范", None, H)]),
    ("省劳动模范、甲煤矿有限公司驾驶员李某，作了发言。", [("省劳动模范", None, H)]),
    ("“中国好人”、乡村医生赵某，扎根山区三十年。", [("中国好人", None, H)]),
    ("该作品一举摘得金奖与最佳创意奖。", [("金奖", None, C), ("最佳创意奖", None, C)]),
    ("该委荣获全国人口与计划生育工作先进单位。", [("全国人口与计划生育工作先进单位", None, C)]),  # 与 inside one name
    ("学校每年给品学兼优的学生颁发“陶行知奖章”。", [("陶行知奖章", None, C)]),
    # a campaign's 人物 held before names, or become (成为)
    ("“感动安徽”人物王某、李某成为“感动中国”人物。", [("感动安徽人物", None, H), ("感动中国人物", None, C)]),
    # round 27 (honours_tune21): a decision clause's quoted honour with its kind, a result list counted and named
    # by its kind, a level word before a quoted item, nominee nouns before their count, a whole quoted title counted
    # before 候选人, 寻找出 as a verb of results
    ("市政府决定，授予甲市等3个市“全省植树造林先进市”荣誉称号；乙县、丙县为“全省植树造林标兵县”荣誉称号。",
     [("全省植树造林先进市", 3, C), ("全省植树造林标兵县", None, C)]),
    ("晚会揭晓了2023年度全市“十佳孝老儿女”、“十佳好邻居”两个“十佳”称号。",
     [("2023年度全市十佳孝老儿女", None, C), ("十佳好邻居", None, C)]),
    ("全省共推荐“五一劳动奖章”建议人选30名、省劳动模范和省先进工作者推荐人选各20名。",
     [("五一劳动奖章", 30, N), ("省劳动模范", 20, N), ("省先进工作者", 20, N)]),
    ("组委会先后推出了20位“感动重庆”候选人。", [("感动重庆", 20, N)]),
    ("活动最终寻找出50户2022年度“最美家庭”。", [("2022年度最美家庭", 50, C)]),
    # round 28 (honours_tune21, second pass): the later clauses of one conferral, bulleted lines of an honour and
    # its holder, an honour before the count of its holders chosen, a quoted honour won before a quoted holder
    ("省政府授予甲市为“全省植树先进市”荣誉称号；乙县、丙县为“全省植树标兵县”荣誉称号。",
     [("全省植树先进市", None, C), ("全省植树标兵县", None, C)]),
    ("■“最美”街道：某区甲街道。\n■“最美”医院：某市人民医院。\n", [("最美街道", None, C), ("最美医院", None, C)]),
    ("当年全省五一劳动奖章共评出120名。", [("全省五一劳动奖章", 120, C)]),
    ("获得“三八”红旗集体的“机修班”由8名女工组成。", [("三八红旗集体", None, C)]),
    # round 29 (honours_tune22): prizes by level after a selection (a group before the level no part of the name),
    # a counted list after one verb running on past a semicolon
    ("大会对优秀论文进行评选，其中教育科研优秀论文特等奖2项、一等奖6项。",
     [("教育科研优秀论文特等奖", 2, C), ("一等奖", 6, C)]),
    ("最终评选出一等奖10项。具体包括：小学组一等奖4项，中学组一等奖6项。",
     [("一等奖", 10, C), ("一等奖", 4, C), ("一等奖", 6, C)]),
    ("全市获评省三八红旗手5名、省三八红旗集体3个；省巾帼文明岗12个。",
     [("省三八红旗手", 5, C), ("省三八红旗集体", 3, C), ("省巾帼文明岗", 12, C)]),
    # round 30 (honours_tune22, second pass): quoted titles each with its kind after one verb, a caption line of an
    # honour held and its holder
    ("该校先后被评为“全省文明校园”称号、“省级平安校园”称号。", [("全省文明校园", None, C), ("省级平安校园", None, C)]),
    ("2020年全国先进工作者，某市人民医院主任医师 王某\n", [("2020年全国先进工作者", None, H)]),
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
    # issue 20 (the probe): an award to come, possible, or taken away; the constructions above kept out
    "省里将命名新一届省级双拥模范城（县）。",                   # 将 + verb: to come
    "今年计划公开表彰50个先进集体、100名先进个人。",            # a plan
    "获得前三名的选手经核准后可授予“省技术能手”荣誉称号。",     # possible
    "因创建工作滑坡，甲市被取消省级文明城市荣誉称号。",        # taken away
    "撤销乙镇等3个村镇市级文明村镇荣誉称号。",
    "学校获得社会各界“好评”。",                                # between verb and quote no region
    "该村获得县里“以奖代补”资金。",
    "先后获得国家、省、市等荣誉称号。",                        # a closed list of levels, no names
    "获得全国文明单位的意义重大。",                            # 的 before no holders
    "大会表彰了优秀辅导员和先进志愿者。",                      # categories: no year, no count
    "共评出项目单位12个。",
    "继续保持良好发展势头。",
    "困难家庭3户，分别为张某家庭、李某家庭、王某家庭。",      # a count of households, no honour
    "项目3个,分别为甲、乙、丙。",
    "村委会委员候选人名单已经确定。",                          # candidates of no honour
    "共有8部年鉴获全国荣誉。",                                 # a level and 荣誉: a category
    "对甲等300个基层党组织、乙等100名党务工作者予以表彰。",    # recipients counted, no honour named
    "“全国最美乡村医生”揭晓，某县张某榜上有名。",             # a headline, no holder named after it
    "编纂出版精品年鉴。",
    "评选出甲公司、乙公司等5家单位。",                          # recipients counted, no honour after them
    "该市成为全国“东数西算”双枢纽城市。",                      # 成为 with an everyday head: a role
    "开展“最美教师”评选活动的学校校长张某。",                  # a campaign, not an honour held
    "有“科技下乡”服务队队长王某；",                            # a quoted name that reads as no honour
    "涌现出“市劳动模范”“县五一奖章”等先进职工代表；",          # holders described, no one named
    "该区有望成为国家级生态文明建设示范区。",                    # 有望: still to come
    "授予赣州市章贡区、余江县、芦溪县荣誉称号。",               # recipients before 荣誉称号, no 分别, no name
    "入围冠军赛的作品数量居全省首位，冠军项目指导教师张某出席。",  # a final and a project, no placing won
    "颁奖典礼上，市领导为获奖团队颁奖。",                        # 获奖团队: the winners, no honour named
    "企业须先通过高新技术企业认定。",                            # a qualification passed
    "现将2023年度部门预算予以公布。",                            # a budget made public
    "各单位推荐人员参加“全国技术能手”的评选。",                  # a call, no nominee
    "计划成功创建3个国家级生态乡镇。",                          # a goal
    "两部作品入选“第十届青少年科学影像节”展映单元。",            # an event
    "近日，省教育厅公布“‘光影青春’——全省校园摄影大赛”获奖名单。",  # a contest's name, no honour
    "他把“创新”“协调”等理念收入囊中。",                          # no honour gathered
    "各单位推荐的候选人须经公示。",                                # 推荐的: a description
    "少先队员为纪念章获得者代表献上鲜花。",                        # the holders of an honour said before
    "对学业水平考试中合格率显著优异的学校进行了表彰。",            # holders described, no honour named
    "市妇联举行“全国巾帼文明岗”授牌仪式，市领导出席。",            # a ceremony, no one said to have won
    "会议表彰了十大经济人物的事迹。",                              # deeds, no honour
    "2023年“科技活动周”发布会召开。",                              # an event launched
    "获得全国文明单位的意义重大。",                                # a name, then no holder after 的
    "会上为获奖者颁奖，包括：奖杯、证书和奖金。",                  # things presented, no honour
    "他作为代表受到表彰。",                                        # a role, no honour
    "今年全市的获奖先进集体和先进个人将在大会上介绍经验。",        # 获奖: holders of prizes, no honour listed
    "各单位推荐了一批先进典型，为这一群体选树了榜样。",            # a bare word for a model person
    "他获得3个奖项，包括奖金、证书。",                              # things, no prize named
    "他被选为村民代表。",                                          # a role
    "自2018年申报国家卫生县城以来，全县上下共同努力。",            # an application, no honour won
    "第五届“湖北慈善奖”获得者的推荐工作已经启动。",              # a call for its holders
    "年度考核被评为优秀8人，称职95人。",                          # grades, no honour
    "对在防汛工作中表现突出的80名干部职工进行表彰。",              # recipients described, no honour
    "学校选拔了30名队员参加省运会。",                              # athletes, no nominees
    "确定了15名“社区委员”候选人。",                                # a role in quotes, no honour
    "他在《人民日报》发表文章。",                                  # a paper, no honour
    "各镇获得省政府500万元建设资金奖励。",                          # money, no gold prize
    "省公安厅举行“最美警察”揭晓暨先进事迹报告活动。",              # an event's name, no honour
    "评选揭晓暨先进事迹报告活动举行。",                              # an event held, no honour
    "2023年“科技活动周、科普日”发布。",                              # events made known, no honour
    "向获得过帮助的群众了解情况。",                                  # no honour won
    "“好人”、村民李某，守护山林多年。",                              # no level: an everyday word
    "全省将选树项目凝练为12项核心品牌。",                            # things counted, no honour
    "为学校颁发“市级科技创新示范学校”奖牌。",                      # a plaque, no medal
    "记者采访了“感动中国”人物的家人。",                            # no holder named, none become
    "组委会将该奖项授予了甲团队。",                                # the recipient after 将…授予, no honour
    "授予甲某等8人荣誉称号。",                                      # recipients, no name
    "居委会确定了15名“社区委员”候选人。",                          # a role in quotes
    "■活动时间：2023年10月\n■主办单位：市文明办\n",                 # bulleted notice lines, no honour
    "本次活动共选出20名志愿者。",                                  # helpers chosen, no honour
    "获得全国文明城市的意义重大。",                                # no holder after 的
    "全校遴选出12件优秀作品参加省赛。",                            # entries sent on, no honour
    "我校获评一批各级荣誉\n近日，我校多个集体受到表彰。",           # a headline with a verb, no name
    "本次比赛设一等奖2名、二等奖4名。其中一等奖奖金3000元。",      # prizes set, their money
    "活动现场，市委书记张某\n",                                      # a caption with no honour
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


# the recipients of each conferral of one clause: after an earlier conferral and 、 (issue 20, the probe),
# a list of recipients with no verb inside keeps all its items
@pytest.mark.parametrize("text,want", [
    ("其中，20个集体荣获省五一劳动奖状、85个集体荣获省工人先锋号。", ["20个集体", "85个集体"]),
    ("我县2家单位获评全省优秀组织单位、4项活动获评全省优秀活动。", ["我县2家单位", "4项活动"]),
    ("甲局、乙局获评全市先进集体。", ["甲局、乙局"]),
])
def test_recipients_after_an_earlier_conferral(text, want):
    df = extract.extract_facts(text, year=2021)
    assert df[df["kind"] == "award"]["subject"].tolist() == want
