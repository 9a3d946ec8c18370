"""Whose parts a listed figure is (issue: the validator's recall on texts nobody tuned on): a 其中 inside a 其中 list,
a share naming its whole, one concept listed under two wholes. Sentences written for this project in the style of
budget reports; each construction with counter-examples. Rows: (rule, total, parts, status), values in 元."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _checks(text: str, rule_prefix: str = "") -> list[tuple[str, int, tuple[int, ...], str]]:
    rows = extract.check(extract.extract_facts(text, year=2023))
    return sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)),
                   r.status) for r in rows.itertuples() if r.rule.startswith(rule_prefix))


# a 其中 inside a 其中 list ends at the outer list's next item: a sibling of its total under a known identity
NESTED = [
    pytest.param("2023年“三公”经费预算12.6万元，其中：因公出国（境）费0万元；公务用车购置及运行维护费8.1万元，"
                 "其中公务用车运行维护费8.1万元；公务接待费4.5万元。",
                 [("stated-structure", 81000, (81000,), "pass")], id="inner-list-ends-at-公务接待费"),
    pytest.param("“三公”经费决算20.0万元，其中：公务用车购置及运行费12.0万元，其中：公务用车购置费5.0万元，"
                 "公务用车运行费7.0万元；公务接待费8.0万元。",
                 [("stated-structure", 120000, (50000, 70000), "pass"),  # (the outer list stops at the inner 其中)
                  ("stated-structure", 200000, (120000,), "pass")], id="inner-list-of-two-then-a-sibling"),
    pytest.param("基本支出300万元，其中人员经费200万元；项目支出100万元。",
                 [("stated-structure", 3000000, (2000000,), "pass")], id="项目支出-is-基本支出's-sibling"),
    # counter-examples: a part of the total's own identity, and parts of no known identity, stay in the list
    pytest.param("公务用车购置及运行维护费8.1万元，其中：公务用车购置费3.0万元，公务用车运行维护费5.1万元。",
                 [("stated-structure", 81000, (30000, 51000), "pass")], id="counter-own-parts-stay"),
    pytest.param("支出总计500万元，其中：基本支出300万元，项目支出200万元。",
                 [("stated-structure", 5000000, (3000000, 2000000), "pass")], id="counter-identity-parts-stay"),
    pytest.param("本年收入100万元，其中：财政拨款80万元，其他收入30万元。",
                 [("stated-structure", 1000000, (800000, 300000), "fail")], id="counter-unknown-parts-still-checked"),
]


@pytest.mark.parametrize("text, expected", NESTED)
def test_a_nested_list_ends_at_its_totals_sibling(text, expected):
    assert _checks(text, "stated-structure") == expected


# a share names its whole (占项目支出预算2.56%): the whole stated last before the parts, not an earlier namesake
SHARES = [
    pytest.param("机构运行100000元，其中：基本支出100000元，项目支出0元。"
                 "项目支出50000元，同比增加5000元。其中：商品和服务支出30000元，占项目支出预算60%；"
                 "资本性支出20000元，占项目支出预算40%。",
                 ("stated-structure", 50000, (30000, 20000), "pass"), id="the-whole-stated-last-before"),
    pytest.param("工资福利支出90元，占基本支出75%；商品和服务支出30元，占基本支出25%。基本支出120元。",
                 ("stated-structure", 120, (90, 30), "pass"), id="counter-whole-stated-after"),
]


@pytest.mark.parametrize("text, expected", SHARES)
def test_a_share_names_the_whole_stated_before_it(text, expected):
    assert expected in _checks(text, "stated-structure")


# one concept listed under two wholes of different values is two parts, not one figure stated twice
REPEATED = [
    pytest.param("机构运行1100910.5元，其中：基本支出1100910.5元，项目支出0元。事业单位医疗76142.1元，其中："
                 "基本支出76142.1元，项目支出0元。", [], id="parts-of-two-wholes"),
    pytest.param("一般公共预算支出500万元，其中：基本支出300万元，项目支出200万元。"
                 "财政拨款支出500万元，其中：基本支出320万元，项目支出180万元。",
                 [("repeated-figure", 2000000, (1800000,), "warn"), ("repeated-figure", 3000000, (3200000,), "warn")],
                 id="counter-one-whole-told-twice"),
    pytest.param("基本支出300万元，主要用于人员经费。全年基本支出320万元，保障机构运转。",
                 [("repeated-figure", 3000000, (3200000,), "warn")], id="counter-listed-under-nothing"),
]


@pytest.mark.parametrize("text, expected", REPEATED)
def test_parts_of_two_wholes_are_no_repeated_figure(text, expected):
    assert _checks(text, "repeated-figure") == expected


# a change against a base whose own level stands between (较上年120万元减少20万元) is measured against that base
_LEVEL_BETWEEN = ("“三公”经费支出决算数为100万元，较上年120万元减少20万元。其中：因公出国（境）费0万元，较上年5万元减少5万元；"
                  "公务接待费30万元，较上年40万元减少10万元；公务用车购置及运行维护费70万元，较上年75万元减少5万元。")


def _changes(text: str) -> list[tuple[int, tuple[int, ...], str]]:
    return [(t, tuple(sorted(p)), s) for r, t, p, s in _checks(text, "identity.three_public.change")]


def test_a_change_after_its_bases_level_adds_up_with_the_others():
    assert (200000, (50000, 50000, 100000), "pass") in _changes(_LEVEL_BETWEEN)


def test_a_change_after_its_bases_level_mutation_fails():
    assert (200000, (50000, 50000, 150000), "fail") in _changes(_LEVEL_BETWEEN.replace("减少10万元", "减少15万元"))


def test_the_bases_levels_are_still_summed():  # counter-example: 较上年120万元 is a level, 120 = 5 + 40 + 75
    assert (1200000, (50000, 400000, 750000), "pass") in _changes(_LEVEL_BETWEEN)


# a base named by the year before the report's is 上年's (比2021年预算 in a 2022 report is 比上年预算)
_YEAR_BASE = ("2022年“三公”经费预算79万元，比上年预算减少49万元。其中：因公出国（境）费0万元，与2021年预算一致；"
              "公务接待费4万元，比2021年预算减少4万元；公务用车购置及运行费75万元，比2021年预算减少45万元。")


def test_a_base_named_by_the_year_before_is_last_years():
    assert (490000, (40000, 450000), "pass") in _changes(_YEAR_BASE)


def test_a_base_named_by_the_year_before_mutation_fails():
    assert (490000, (40000, 550000), "fail") in _changes(_YEAR_BASE.replace("减少45万元", "减少55万元"))


def test_a_base_two_years_back_is_another_base():  # counter-example: 2020年预算 is not 上年预算 in a 2022 report
    assert not [c for c in _changes(_YEAR_BASE.replace("比2021年", "比2020年")) if c[0] == 490000]


# who is counted with whom: retired staff after parts by grade, a year's births after a population, a rate's base
PEOPLE = [
    pytest.param("核定编制50人，实有在编职工40人，其中高级职称5人，中级职称20人，初级职称10人，退休职工15人。",
                 [("stated-structure", 40, (5, 20, 10), "pass")], id="retirees-after-grades-are-siblings"),
    pytest.param("实有人员20人，其中在职14人，退休6人。",
                 [("stated-structure", 20, (14, 6), "pass")], id="counter-在职-and-退休-are-parts"),
    pytest.param("机关共有人员30人，其中离退休人员8人，在职人员22人。",
                 [("stated-structure", 30, (8, 22), "pass")], id="counter-离退休-first-is-a-part"),
    pytest.param("年末户籍人口52000人。其中，男26500人，女25500人；出生人口410人，死亡人口380人。",
                 [("stated-structure", 52000, (26500, 25500), "pass")], id="births-are-no-part-of-a-population"),
    pytest.param("全年接生新生儿1200人，其中出生人口男婴620人，女婴580人。",
                 [("stated-structure", 1200, (620, 580), "pass")], id="counter-出生-as-the-first-part-stays"),
]


@pytest.mark.parametrize("text, expected", PEOPLE)
def test_who_is_counted_with_whom(text, expected):
    assert _checks(text, "stated-structure") == expected


_RATE = ("1-4月，一般公共预算收入累计完成3000万元，完成年初预算数8000万元的37.5%。其中：税收收入1000万元，"
         "非税收入2000万元。")


def test_a_rates_base_is_no_total():
    assert _checks(_RATE, "stated-structure") == [("stated-structure", 30000000, (10000000, 20000000), "pass")]


def test_a_figure_before_a_share_of_itself_stays_a_total():  # counter-example: 的 without a rate after it
    text = "全年收入完成3000万元，其中：税收收入1000万元，非税收入2000万元，税收的占比为33.3%。"
    assert ("stated-structure", 30000000, (10000000, 20000000), "pass") in _checks(text, "stated-structure")


# a part whose own change is not stated changed by the sum of its parts' changes
_SUB_CHANGES = ("2023年“三公”经费预算100万元，比上年减少20万元。其中：因公出国（境）费0万元，与上年持平；公务接待费30万元，"
                "比上年减少5万元；公务用车购置费20万元，比上年减少10万元；公务用车运行费50万元，比上年减少5万元。")


def test_a_parts_change_is_its_own_parts_changes():
    assert (200000, (50000, 50000, 100000), "pass") in _changes(_SUB_CHANGES)


def test_a_parts_change_mutation_fails():
    assert (200000, (50000, 50000, 150000), "fail") in _changes(_SUB_CHANGES.replace("减少10万元", "减少15万元"))


def test_a_part_with_half_its_parts_changes_is_unknown():  # counter-example: 运行费's change not stated
    text = _SUB_CHANGES.replace("比上年减少5万元。", "。")
    assert not [c for c in _changes(text) if c[0] == 200000]


def test_a_rates_base_is_no_total_of_an_opening_list():  # each item with its change: read by position
    text = ("1-4月，一般公共预算收入累计完成3000万元，完成年初预算数8000万元的37.5%，比上年减收100万元。其中：税收收入"
            "1000万元，比上年增收50万元；非税收入2000万元，比上年减收150万元。")
    got = _checks(text, "stated-structure")
    assert ("stated-structure", 30000000, (10000000, 20000000), "pass") in got
    assert not [g for g in got if g[1] == 80000000]


# a table's 合计 column beside its funds' columns, one header row: the funds add up to it, row by row
_FUNDS_TABLE = ("2019年行政经费及“三公”经费预算表\n单位：万元\n项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 |\n"
                "行政经费 | 312.23 | 312.23 | 0.00 | 0.00 |\n公务接待费 | 1.00 | 0.50 | 0.50 | 0.00 |\n"
                "公务用车运行维护费 | 28.00 | 28.00 | 0.00 | 0.00 |\n")


def test_a_total_column_beside_one_header_row_adds_up():
    assert [(t, p) for _, t, p, s in _checks(_FUNDS_TABLE, "table.total-column") if s == "pass"] == [
        (10000, (5000, 5000, 0)), (280000, (280000, 0, 0)), (3122300, (3122300, 0, 0))]  # in 元


def test_columns_that_do_not_add_up_to_a_total_column_say_nothing():  # counter-example: 合计 | 上年数 | 本年数
    text = ("“三公”经费预算对比表\n单位：万元\n项目 | 合计 | 上年数 | 本年数 |\n行政经费 | 624.46 | 312.23 | 312.23 |\n"
            "公务接待费 | 2.00 | 1.00 | 1.00 |\n公务用车运行维护费 | 56.00 | 28.00 | 30.00 |\n")
    assert [s for _, _, _, s in _checks(text, "table.total-column")] == ["pass", "pass"]


def test_vehicles_for_retired_cadres_stay_in_a_list_of_vehicles():  # counter-example: 辆, not 人
    text = "本单位共有车辆12辆，其中机要通信用车2辆，应急保障用车3辆，执法执勤用车5辆，离退休干部用车2辆。"
    assert _checks(text, "stated-structure") == [("stated-structure", 12, (2, 3, 5, 2), "pass")]


# 其中 items of several figures each, the last ones short of a figure: paired by position while the labels agree
_SHORT_ITEMS = ("2024年，当年预算批复指标50.00亿元，已用指标40.00亿元，预算结余10.00亿元。其中：县直部门批复指标30.00亿元，"
                "已用指标22.00亿元，预算结余8.00亿元；各乡镇批复指标12.00亿元，已用指标10.00亿元，预算结余2.00亿元；"
                "实拨单位资金批复指标8.00亿元，已用指标8.00亿元。")


def test_items_short_of_their_last_figure_are_paired_by_position():
    got = _checks(_SHORT_ITEMS, "stated-structure")
    assert ("stated-structure", 5000000000, (3000000000, 1200000000, 800000000), "pass") in got
    assert ("stated-structure", 4000000000, (2200000000, 1000000000, 800000000), "pass") in got
    assert ("stated-structure", 1000000000, (800000000, 200000000), "pass") in got


def test_items_short_of_a_figure_mutation_fails():
    got = _checks(_SHORT_ITEMS.replace("已用指标10.00亿元", "已用指标13.00亿元"), "stated-structure")
    assert ("stated-structure", 4000000000, (2200000000, 1300000000, 800000000), "fail") in got


def test_items_whose_labels_disagree_are_not_paired():  # counter-example: the short item lacks a middle figure
    text = _SHORT_ITEMS.replace("实拨单位资金批复指标8.00亿元，已用指标8.00亿元。", "实拨单位资金批复指标8.00亿元，预算结余0.50亿元。")
    assert not [g for g in _checks(text, "stated-structure") if g[1] == 4000000000 and 50000000 in g[2]]


# a list in brackets whose opening bracket the publisher left out ends at the closing one
def test_a_list_ends_at_a_bracket_never_opened():
    text = "全县完成一般公共预算收入7.71亿元，其中：税收收入5.93亿元、非税收入1.78亿元）、上级补助收入21.64亿元、调入资金3.67亿元。"
    assert ("stated-structure", 771000000, (593000000, 178000000), "pass") in _checks(text, "stated-structure")


def test_a_bracket_opened_and_closed_inside_the_list_does_not_end_it():  # counter-example
    text = "全县完成收入10.00亿元，其中：税收收入6.00亿元（含增值税2.00亿元）、非税收入4.00亿元。"
    assert ("stated-structure", 1000000000, (600000000, 400000000), "pass") in _checks(text, "stated-structure")
