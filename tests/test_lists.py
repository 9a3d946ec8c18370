"""Validator shapes of issue 19, as table rows: sentences written for this project in the style of
三公 explanations, budget-execution reports and communiqués (none is copied from a corpus text).

Each row gives the checks expected as (rule, total, parts, status) in yuan or persons; a mutation
row changes one printed figure by one unit beyond its rounding and expects the check to fail (or,
for a structure read from the layout alone, to disappear rather than cry wolf); a counter-example
expects no check of that kind."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _checks(text: str, rule: str | None = None) -> list[tuple[str, int, tuple[int, ...], str]]:
    rows = extract.check(extract.extract_facts(text, year=2023))
    out = sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)),
                  r.status) for r in rows.itertuples())
    return [c for c in out if rule is None or c[0] == rule]


S = "stated-structure"

SHAPES = [
    # numbered items on their own lines, announced by the total's sentence (如下：)
    pytest.param("2023年度“三公”经费支出合计56.8万元，具体如下：\n1. 因公出国（境）费0万元。\n"
                 "2. 公务接待费12.3万元，较上年减少1.2万元。\n3. 公务用车购置及运行维护费44.5万元。",
                 S, [(S, 568000, (0, 123000, 445000), "pass")], id="numbered-lines-如下"),
    pytest.param("2023年度“三公”经费支出合计56.8万元，具体如下：\n1. 因公出国（境）费0万元。\n"
                 "2. 公务接待费12.3万元，较上年减少1.2万元。\n3. 公务用车购置及运行维护费45.5万元。",
                 S, [(S, 568000, (0, 123000, 455000), "fail")], id="numbered-lines-如下-mutated"),
    # the intro on a line of its own (no figure there): the list is kept only when it adds up
    pytest.param("全年项目支出合计73.5万元。\n其中：\n1、培训费21.5万元；\n2、会议费30万元；\n3、印刷费22万元。",
                 S, [(S, 735000, (215000, 300000, 220000), "pass")], id="numbered-intro-on-its-own-line"),
    pytest.param("全年项目支出合计73.5万元。\n其中：\n1、培训费21.5万元；\n2、会议费30万元；\n3、印刷费25万元。",
                 S, [], id="numbered-intro-on-its-own-line-mutated-no-alarm"),
    # dashes
    pytest.param("全年一般公共预算收入完成8650万元，各项收入完成情况如下：\n——税收收入完成5320万元，增长3.1%；\n"
                 "——非税收入完成3330万元，下降2.0%。",
                 S, [(S, 86500000, (53200000, 33300000), "pass")], id="dash-items"),
    pytest.param("全年一般公共预算收入完成8650万元，各项收入完成情况如下：\n——税收收入完成5320万元，增长3.1%；\n"
                 "——非税收入完成3332万元，下降2.0%。",
                 S, [(S, 86500000, (53200000, 33320000), "fail")], id="dash-items-mutated"),
    # 一是、二是 and （1）（2）
    pytest.param("全年争取上级资金3200万元，分别为：\n一是产业发展资金2000万元；\n二是基础设施资金1200万元。",
                 S, [(S, 32000000, (20000000, 12000000), "pass")], id="一是-items"),
    pytest.param("项目支出预算120万元，明细如下：\n（1）办公设备购置40万元；\n（2）信息系统运维80万元。",
                 S, [(S, 1200000, (400000, 800000), "pass")], id="paren-items"),
    pytest.param("项目支出预算120万元，明细如下：\n（1）办公设备购置40万元；\n（2）信息系统运维82万元。",
                 S, [(S, 1200000, (400000, 820000), "fail")], id="paren-items-mutated"),
    # a gap in the numbering: the list is not whole
    pytest.param("项目资金100万元，具体如下：\n1、设备购置30万元；\n3、系统运维70万元。", S, [], id="numbering-gap"),
    # two periods side by side and their change, item by item
    pytest.param("2024年“三公”经费预算30万元，2023年预算35万元，比上年减少5万元。其中：\n"
                 "1、公务接待费2024年预算10万元，2023年预算12万元，减少2万元；\n"
                 "2、公务用车运行维护费2024年预算20万元，2023年预算23万元，减少3万元。",
                 S, [(S, 50000, (20000, 30000), "pass"), (S, 300000, (100000, 200000), "pass"),
                     (S, 350000, (120000, 230000), "pass")], id="two-periods-and-change-by-position"),
    pytest.param("2024年“三公”经费预算30万元，2023年预算35万元，比上年减少5万元。"
                 "其中：1、公务接待费2024年预算10万元，2023年预算12万元，减少2万元；\n"
                 "2、公务用车运行维护费2024年预算20万元，2023年预算25万元，减少3万元。",
                 S, [(S, 50000, (20000, 30000), "pass"), (S, 300000, (100000, 200000), "pass"),
                     (S, 350000, (120000, 250000), "fail")], id="two-periods-mutated"),
    # the same with 其中： on a line of its own: nothing in the figures' sentences says the items are
    # the totals' parts, so the pair that does not add up is left out rather than failed
    pytest.param("2024年“三公”经费预算30万元，2023年预算35万元，比上年减少5万元。其中：\n"
                 "1、公务接待费2024年预算10万元，2023年预算12万元，减少2万元；\n"
                 "2、公务用车运行维护费2024年预算20万元，2023年预算25万元，减少3万元。",
                 S, [(S, 50000, (20000, 30000), "pass"), (S, 300000, (100000, 200000), "pass")],
                 id="two-periods-intro-unseen-mutated-no-alarm"),
    # 其中 opening a sentence, changes against two bases paired by position
    pytest.param("“三公”经费较上年减少8.5万元，较年初预算减少1.2万元。其中：公务接待费较上年减少3.5万元，"
                 "较年初预算减少0.7万元；公务用车运行维护费较上年减少5万元，较年初预算减少0.5万元。",
                 S, [(S, 12000, (7000, 5000), "pass"), (S, 85000, (35000, 50000), "pass")],
                 id="opening-其中-changes-by-base"),
    pytest.param("“三公”经费较上年减少8.5万元，较年初预算减少1.2万元。其中：公务接待费较上年减少3.5万元，"
                 "较年初预算减少0.7万元；公务用车运行维护费较上年减少5万元，较年初预算减少0.8万元。",
                 S, [(S, 12000, (7000, 8000), "fail"), (S, 85000, (35000, 50000), "pass")],
                 id="opening-其中-changes-mutated"),
    # a change and its parts' changes in one sentence
    pytest.param("2024年一般公共预算支出比上年增加120万元，其中：教育支出增加80万元，卫生健康支出增加40万元。",
                 S, [(S, 1200000, (800000, 400000), "pass")], id="change-breakdown"),
    pytest.param("2024年一般公共预算支出比上年增加120万元，其中：教育支出增加80万元，卫生健康支出增加50万元。",
                 S, [(S, 1200000, (800000, 500000), "fail")], id="change-breakdown-mutated"),
    pytest.param("支出比上年增加20万元，包括：人员经费增加50万元，公用经费减少30万元。",
                 S, [(S, 200000, (500000, -300000), "pass")], id="changes-both-ways-signed"),
    pytest.param("支出比上年增加20万元，包括：人员经费增加50万元，公用经费减少33万元。",
                 S, [(S, 200000, (500000, -330000), "fail")], id="changes-both-ways-mutated"),
    pytest.param("支出比上年增加20万元，其中：人员经费增加50万元，公用经费减少30万元。", S, [],
                 id="partial-list-of-changes-both-ways-is-not-checked"),
    # 分别为 introduces the parts; 共青团 is a name, not 共 (a new statement)
    pytest.param("共下达项目资金60万元，分别为：青少年工作经费30万元；共青团代表大会经费30万元。",
                 S, [(S, 600000, (300000, 300000), "pass")], id="分别为-and-共青团"),
    pytest.param("共下达项目资金60万元，分别为：青少年工作经费30万元；共青团代表大会经费32万元。",
                 S, [(S, 600000, (300000, 320000), "fail")], id="分别为-mutated"),
    # a run of figures after the sentence's first figure, no word saying they are parts: only a sum that adds up
    pytest.param("现有职工60人，管理人员10人、专业技术人员35人、工勤人员15人。",
                 S, [(S, 60, (10, 35, 15), "pass")], id="subject-run-adds-up"),
    pytest.param("现有职工60人，管理人员10人、专业技术人员35人、工勤人员18人。", S, [], id="subject-run-no-alarm"),
    # averages and per-head figures are never summed
    pytest.param("全体居民人均可支配收入30000元，其中城镇居民人均可支配收入40000元，农村居民人均可支配收入20000元。",
                 S, [], id="averages-are-not-parts"),
    pytest.param("测算标准：代表268名，年人均2400元，计643200元。", S, [], id="per-head-standard"),
    # balances: income + carried in − sent up − spent = what is left
    pytest.param("全年一般公共预算收入50000万元，加上级补助收入30000万元，上年结余2000万元，减上解支出5000万元，"
                 "一般公共预算支出75000万元，年终结余2000万元。",
                 S, [(S, 20000000, (500000000, 300000000, 20000000, -50000000, -750000000), "pass")], id="balance"),
    pytest.param("全年一般公共预算收入50000万元，加上级补助收入30000万元，上年结余2000万元，减上解支出5000万元，"
                 "一般公共预算支出75000万元，年终结余2200万元。",
                 S, [(S, 22000000, (500000000, 300000000, 20000000, -50000000, -750000000), "fail")],
                 id="balance-mutated"),
    pytest.param("收入合计120万元，支出合计100万元，收支相抵，结余20万元。",
                 S, [(S, 1200000, (1000000, 200000), "pass")], id="收支相抵"),
    pytest.param("上年结余10万元，本年收入90万元，合计100万元。", S, [(S, 1000000, (100000, 900000), "pass")],
                 id="carried-in-is-no-balance"),
    # the parts' identity names their total among the figures before 其中 (not the budget printed between)
    pytest.param("“三公”经费决算数为96万元，预算数为130万元，其中，因公出国（境）经费6万元，"
                 "公务用车购置及运行维护费80万元，公务接待费10万元。",
                 S, [(S, 960000, (60000, 800000, 100000), "pass")], id="total-named-by-the-parts-identity"),
    pytest.param("“三公”经费决算数为96万元，预算数为130万元，其中，因公出国（境）经费6万元，"
                 "公务用车购置及运行维护费80万元，公务接待费14万元。",
                 S, [(S, 960000, (60000, 800000, 140000), "fail")], id="total-named-by-the-parts-identity-mutated"),
    # parts under half or over twice their total: more likely a misread list than a misprint -> warn
    pytest.param("全年支出总计100万元，包括：人员经费30万元，公用经费20万元，项目经费220万元。",
                 S, [(S, 1000000, (300000, 200000, 2200000), "warn")], id="implausible-sum-is-a-warning"),
    pytest.param("全年支出总计100万元，包括：人员经费30万元，公用经费20万元，项目经费70万元。",
                 S, [(S, 1000000, (300000, 200000, 700000), "fail")], id="plausible-misprint-is-a-failure"),
    # one subject per sentence, the same periods in each (当月…累计…): a table written as prose
    pytest.param("全市一般公共预算收入当月完成25.2亿元，下降4%；累计完成427.4亿元，增长3%。中央级收入当月完成5.0亿元，"
                 "累计完成188.0亿元。省级收入当月完成7.1亿元；累计完成80.6亿元。市级收入当月完成13.1亿元；累计完成158.8亿元。",
                 S, [(S, 2520000000, (500000000, 710000000, 1310000000), "pass"),
                     (S, 42740000000, (18800000000, 8060000000, 15880000000), "pass")], id="periods-sentence-by-sentence"),
    pytest.param("全市一般公共预算收入当月完成25.2亿元，下降4%；累计完成427.4亿元，增长3%。中央级收入当月完成5.0亿元，"
                 "累计完成188.0亿元。省级收入当月完成7.1亿元；累计完成80.6亿元。市级收入当月完成13.1亿元；累计完成159.8亿元。",
                 S, [(S, 2520000000, (500000000, 710000000, 1310000000), "pass")],
                 id="periods-a-column-that-does-not-add-up-disappears"),
    pytest.param("全市收入当月完成13.1亿元；累计完成158.9亿元。从收入结构看，税收收入当月完成11.1亿元；累计完成137.4亿元。"
                 "非税收入当月完成2.0亿元；累计完成21.5亿元。",
                 S, [(S, 1310000000, (1110000000, 200000000), "pass"),
                     (S, 15890000000, (13740000000, 2150000000), "pass")], id="periods-after-a-classification"),
    pytest.param("基金收入当月完成5亿元；累计完成60.4亿元。其中，土地出让金收入当月完成4.5亿元；累计完成50.8亿元。",
                 S, [(S, 500000000, (450000000,), "pass"), (S, 6040000000, (5080000000,), "pass")],
                 id="periods-a-其中-sentence-pairs-period-by-period"),
    pytest.param("全市收入完成13.1亿元，税收收入完成11.1亿元。中央级收入完成5.0亿元，省级收入完成8.1亿元。"
                 "市级收入完成3.0亿元，区级收入完成2.0亿元。",
                 S, [], id="figures-without-period-words-are-no-period-table"),
    # counts of categories in a 其中 list name its items; the money is the part
    pytest.param("全年支出完成300亿元，增长5%。其中，教育、卫生健康2类民生支出完成200亿元，增长8%。",
                 S, [(S, 30000000000, (20000000000,), "pass")], id="其中-list-measure-is-its-money-not-its-category-count"),
    pytest.param("全年支出完成300亿元，增长5%。其中，教育、卫生健康2类民生支出完成310亿元，增长8%。",
                 S, [(S, 30000000000, (31000000000,), "fail")], id="其中-list-measure-mutated"),
    # the sum of a list stated after it
    pytest.param("支出分别为：基本支出30万元、项目支出20万元，合计50万元。", S, [(S, 500000, (300000, 200000), "pass")],
                 id="合计-after-a-list-that-opens-the-sentence"),
    pytest.param("支出分别为：基本支出30万元、项目支出20万元，合计52万元。", S, [(S, 520000, (300000, 200000), "fail")],
                 id="合计-after-a-list-mutated"),
    pytest.param("支出分别为：基本支出30万元、项目支出20万元，增长52万元。", S, [], id="a-change-after-a-list-is-no-sum"),
    # one subject per sentence, periods in the same order, the total stated last
    pytest.param("公务接待费2022年预算数12万元，2023年预算数10万元。公务用车费2022年预算数20万元，2023年预算数18万元。"
                 "合计2022年预算数32万元，2023年预算数28万元。",
                 S, [(S, 320000, (120000, 200000), "pass"), (S, 280000, (100000, 180000), "pass")],
                 id="periods-with-the-total-last"),
    pytest.param("三公经费上年决算32万元，本年预算28万元。公务接待费上年决算12万元，本年预算10万元。公务用车费上年决算20万元，"
                 "本年预算18万元。",
                 S, [(S, 320000, (120000, 200000), "pass"), (S, 280000, (100000, 180000), "pass")],
                 id="periods-上年-is-a-column-not-a-comparison"),
    # a classification's total: the latest figure that names what its parts name
    pytest.param("全市财政支出完成29.48亿元，增长14.3%，兑付专项资金2.23亿元。分级次看，市本级财政支出24.56亿元；"
                 "区县财政支出4.92亿元。",
                 S, [(S, 2948000000, (2456000000, 492000000), "pass")], id="classified-total-names-what-its-parts-name"),
    pytest.param("全市财政支出完成29.48亿元，增长14.3%，兑付专项资金2.23亿元。分级次看，市本级财政支出24.56亿元；"
                 "区县财政支出4.82亿元。",
                 S, [(S, 2948000000, (2456000000, 482000000), "fail")], id="classified-total-names-mutated"),
    # 其中 points back: parts listed after it belong to a figure before them, not to a later total
    pytest.param("年末全师人口总数310.56万人。其中，男性160.61万人，女性149.95万人。年末户籍人口239.68万人。",
                 None, [(S, 3105600, (1606100, 1499500), "pass")], id="其中-parts-are-not-a-later-identity's"),
]


@pytest.mark.parametrize("text, rule, expected", SHAPES)
def test_shapes(text: str, rule: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text, rule) == sorted(expected)


IDENTITIES = [
    # a 其中 list names two of GDP's parts, the third stands in the next sentence: the identity completes it
    pytest.param("全年地区生产总值120.5亿元，其中：第一产业增加值20.1亿元，第二产业增加值40.2亿元。第三产业增加值60.2亿元。",
                 [("identity.gdp", 12050000000, (2010000000, 4020000000, 6020000000), "pass")], id="gdp-completed"),
    pytest.param("全年地区生产总值120.5亿元，其中：第一产业增加值20.1亿元，第二产业增加值40.2亿元。第三产业增加值61.2亿元。",
                 [("identity.gdp", 12050000000, (2010000000, 4020000000, 6120000000), "fail")], id="gdp-completed-mutated"),
    # 公务用车费 stated through its own parts
    pytest.param("区本级“三公”经费决算数100万元，其中因公出国（境）费10万元。公务用车购置费30万元，"
                 "公务用车运行维护费40万元，公务接待费20万元。",
                 [("identity.three_public", 1000000, (100000, 300000, 400000, 200000), "pass")], id="三公-through-car-parts"),
    pytest.param("区本级“三公”经费决算数100万元，其中因公出国（境）费10万元。公务用车购置费30万元，"
                 "公务用车运行维护费43万元，公务接待费20万元。",
                 [("identity.three_public", 1000000, (100000, 300000, 430000, 200000), "fail")],
                 id="三公-through-car-parts-mutated"),
    # a total named in the report's own words, followed by exactly an identity's parts
    pytest.param("部门预算总额500万元，基本支出300万元，项目支出200万元。",
                 [("identity.expenditure", 5000000, (3000000, 2000000), "pass")], id="led-by-parts"),
    pytest.param("部门预算总额500万元，基本支出300万元，项目支出210万元。",
                 [("identity.expenditure", 5000000, (3000000, 2100000), "fail")], id="led-by-parts-mutated"),
    pytest.param("年末户籍人口35.2万人，城镇人口12.1万人，乡村人口23.1万人。",
                 [("identity.registered_population", 352000, (121000, 231000), "pass")], id="population"),
    pytest.param("全年一般公共预算收入8.65亿元。税收收入5.32亿元，非税收入3.33亿元。",
                 [("identity.general_budget_revenue", 865000000, (532000000, 333000000), "pass")], id="tax-non-tax"),
    pytest.param("全年一般公共预算收入8.65亿元。税收收入5.32亿元，非税收入3.36亿元。",
                 [("identity.general_budget_revenue", 865000000, (532000000, 336000000), "fail")],
                 id="tax-non-tax-mutated"),
]


@pytest.mark.parametrize("text, expected", IDENTITIES)
def test_identities(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    got = [c for c in _checks(text) if c[0] != "identity.balance"]
    # an identity's row, or the same sum read from the sentence's layout (which an identity's row replaces
    # when it does not add up): the same total, parts and verdict
    assert sorted(c[1:] for c in got) == sorted(e[1:] for e in expected)
    assert all(c[0] in (e[0], S) for c, e in zip(sorted(got, key=lambda c: c[1:]), sorted(expected, key=lambda e: e[1:])))


def test_a_failed_check_names_total_parts_difference_and_sentences() -> None:
    rows = extract.check(extract.extract_facts(
        "项目支出预算120万元，明细如下：\n（1）办公设备购置40万元；\n（2）信息系统运维82万元。\n"
        "基本支出预算300万元。", year=2023))  # (a statement after the list: it is whole, not cut by an excerpt)
    fail = rows[rows.status == "fail"].iloc[0]
    for piece in ("120万元", "40万元", "82万元", "off by", "项目支出预算120万元", "信息系统运维82万元"):
        assert piece in fail.message, piece


SECTIONS = [
    pytest.param("“三公”经费决算总额为120万元，较年初预算减少10%。其中：\n一、因公出国(境)经费\n全年因公出国(境)决算支出0万元。\n"
                 "二、公务用车购置及运行维护费\n全年公务用车购置及运行费决算支出80万元。\n三、公务接待费\n全年公务接待费决算支出40万元。\n",
                 [(S, 1200000, (0, 800000, 400000), "pass")], id="numbered-sections-are-items"),
    pytest.param("“三公”经费决算总额为120万元，较年初预算减少10%。其中：\n一、因公出国(境)经费\n全年因公出国(境)决算支出0万元。\n"
                 "二、公务用车购置及运行维护费\n全年公务用车购置及运行费决算支出80万元。\n三、公务接待费\n全年公务接待费决算支出30万元。\n",
                 [], id="numbered-sections-that-do-not-add-up-are-no-check"),
    pytest.param("“三公”经费决算总额为120万元。其中：\n一、因公出国(境)经费\n全年因公出国(境)决算支出0万元。\n"
                 "三、公务接待费\n全年公务接待费决算支出120万元。\n",
                 [], id="a-gap-in-the-numbering-is-no-list"),
]


@pytest.mark.parametrize("text, expected", SECTIONS)
def test_sections_as_items(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text, S) == sorted(expected)


ROSTERS = [
    pytest.param("喜报：我校18名学生在全市书法比赛中荣获奖项。\n附：获奖名单\n一等奖获奖名单(3人)\n张三、李四、王五\n"
                 "二等奖获奖名单（共6人）\n赵六等\n三等奖获奖名单(9人)\n钱七等\n",
                 [(S, 18, (3, 6, 9), "pass")], id="name-list-headings-with-counts-are-the-winners'-parts"),
    pytest.param("喜报：我校18名学生在全市书法比赛中荣获奖项。\n附：获奖名单\n一等奖获奖名单(3人)\n张三、李四、王五\n"
                 "二等奖获奖名单（共6人）\n赵六等\n三等奖获奖名单(8人)\n钱七等\n",
                 [], id="name-list-counts-that-do-not-add-up-are-no-check"),
    pytest.param("本次比赛共有18名学生参加。\n一等奖获奖名单(3人)\n张三、李四、王五\n二等奖获奖名单(6人)\n赵六等\n"
                 "三等奖获奖名单(9人)\n钱七等\n",
                 [], id="a-count-of-participants-is-no-total-of-winners"),
]


@pytest.mark.parametrize("text, expected", ROSTERS)
def test_name_list_headings_with_counts(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text, S) == sorted(expected)
