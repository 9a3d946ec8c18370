"""Totals and parts stated in ways a gold-free reading of 34 unseen real reports found unchecked or
misread (budget notices, 决算 and 预算执行 reports of towns and counties, 三公 explanations, fund
allocations, communiqués and their tables). Every sentence here is written for this project in the
style of those reports; none is a corpus text.

Each construction has a case that passes, a one-figure mutation of it that must fail (or, for a
structure read from the layout alone and so kept only when it adds up, must lose its check), and
counter-examples that must not produce the check."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _rows(text: str, year: int = 2023) -> list[tuple[str, str, int, tuple[int, ...], str]]:
    rows = extract.check(extract.extract_facts(text, year=year))
    return sorted((r.rule, r.relation, int(Decimal(r.total_value)),
                   tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)), r.status)
                  for r in rows.itertuples())


def _sums(text: str) -> list[tuple[int, tuple[int, ...], str]]:
    """(total, parts, status) of the sum checks: stated structures and identities."""
    return sorted((t, p, s) for rule, _, t, p, s in _rows(text)
                  if rule.startswith(("stated-structure", "identity.")))


# ---- a communiqué table: each identity's parts are the rows under its own total -------------------
_POPULATION_TABLE = """指标 | 单位 | 2023年 |
年末常住人口 | 万人 | 52.40 |
城镇人口 | 万人 | 30.10 |
年末户籍人口 | 万人 | 60.50 |
乡村人口 | 万人 | 25.20 |
城镇人口 | 万人 | 35.30 |
男性 | 万人 | 31.00 |
女性 | 万人 | 29.50 |
"""


def test_table_rows_belong_to_the_total_above_them():
    got = _sums(_POPULATION_TABLE)
    assert (605000, (353000, 252000), "pass") in got  # 户籍 = its own 城镇 + 乡村 rows
    assert (605000, (310000, 295000), "pass") in got  # 户籍 = 男 + 女
    # 常住人口 has no rural row of its own: no check pairs it with 户籍人口's rows
    assert not [g for g in got if g[0] == 524000]


def test_table_rows_mutation_fails():
    got = _sums(_POPULATION_TABLE.replace("| 35.30 |", "| 36.30 |"))
    assert (605000, (363000, 252000), "fail") in got


# ---- a 其中 list ends where the other side of the account is named -------------------------------
CONTRASTS = [
    pytest.param("年末金融机构本外币各项存款余额300.50亿元，比年初增长5.0%。其中住户存款余额210.20亿元，增长6.1%；"
                 "金融机构本外币各项贷款余额150.30亿元，增长8.2%。",
                 [(30050000000, (21020000000,), "pass")], id="loans-are-no-part-of-deposits"),
    pytest.param("全县实现社会消费品零售总额60.00亿元，其中限额以上社会消费品零售额12.00亿元，批发业销售额90.00亿元，"
                 "住宿业营业额1.00亿元。",
                 [(6000000000, (1200000000,), "pass")], id="wholesale-sales-are-no-retail"),
    pytest.param("全镇一般公共预算收入500万元，其中税收收入300万元，非税收入200万元，一般公共预算支出480万元。",
                 [(5000000, (3000000, 2000000), "pass")], id="spending-ends-an-income-list"),
]


@pytest.mark.parametrize("text,expected", CONTRASTS)
def test_a_list_ends_at_the_other_side(text, expected):
    assert _sums(text) == expected


def test_contrast_mutation_fails():
    text = CONTRASTS[0].values[0].replace("210.20亿元", "310.20亿元")
    assert _sums(text) == [(30050000000, (31020000000,), "fail")]


def test_same_side_parts_still_listed():  # counter-example: deposits of two kinds are both parts
    assert _sums("年末存款余额300亿元，其中住户存款200亿元，非金融企业存款90亿元。") == [
        (30000000000, (20000000000, 9000000000), "pass")]


# ---- sections of different funds each state their own totals -------------------------------------
_FUNDS = """一、预算收支决算情况
（一）一般公共预算收支情况
全镇一般公共预算收入100万元，加上级补助收入900万元，收入总计1000万元。
（二）政府性基金预算收支情况
全镇政府性基金上级补助收入50万元，加上年结转收入10万元，收入总计60万元。
"""


def test_parallel_fund_sections_are_no_repeated_figure():
    assert not [r for r in _rows(_FUNDS) if r[0] == "repeated-figure"]


def test_one_account_told_twice_still_warns():  # counter-example: the same account in two sections
    text = "一、收入支出决算总体情况\n2023年收入总计1000万元。\n二、收入决算情况\n2023年收入总计1100万元。\n"
    assert [r[4] for r in _rows(text) if r[0] == "repeated-figure"] == ["warn"]


# ---- labels with the verbs of a communiqué: 实现地区生产总值, 第一产业实现增加值 -----------------------
_GDP = ("前三季度，全区实现地区生产总值300.00亿元，同比增长6.0%。其中，第一产业实现增加值30.00亿元，"
        "第二产业实现增加值120.00亿元，第三产业实现增加值150.00亿元。")


def test_verbs_in_labels_name_the_concept():
    assert _sums(_GDP) == [(30000000000, (3000000000, 12000000000, 15000000000), "pass")]
    assert [r[1] for r in _rows(_GDP) if r[0] == "stated-structure"] == ["eq"]  # the three sectors are all of it


def test_verbs_in_labels_mutation_fails():  # as a whole (eq), a sum short of the total fails
    assert _sums(_GDP.replace("150.00亿元", "140.00亿元"))[0][2] == "fail"


# ---- a heading with its total in brackets, then its numbered items ---------------------------------
_HEADING = ("现将资金分配情况公告如下。\n一、中央财政衔接资金（500万元）\n（一）支持产业发展300万元；\n"
            "（二）支持乡村建设行动项目150万元；\n（三）按1%提取项目管理费50万元。\n")


def test_heading_total_in_brackets():
    assert (5000000, (3000000, 1500000, 500000), "pass") in _sums(_HEADING)


def test_heading_total_mutation_loses_the_check():
    # nothing but the layout says the items are the heading's parts: a list that does not add up is
    # not claimed to be its breakdown
    assert not [g for g in _sums(_HEADING.replace("150万元", "160万元")) if g[0] == 5000000]


def test_bracket_with_words_is_no_heading_value():  # counter-example
    text = "一、项目支出（其中：设备购置5万元）\n（一）设备购置费3万元；\n（二）维修费2万元。\n"
    assert not [g for g in _sums(text) if g[1] == (30000, 20000)]


# ---- 以上…合计 sums the lines above it -------------------------------------------------------------
_ABOVE = "一、资金来源\n中央资金120.5万元\n省级资金80.2万元\n市级资金20.3万元\n以上资金合计221.0万元。\n"


def test_sum_of_the_lines_above():
    assert _sums(_ABOVE) == [(2210000, (1205000, 802000, 203000), "pass")]


def test_sum_of_the_lines_above_mutation_fails():
    assert _sums(_ABOVE.replace("80.2万元", "81.2万元")) == [(2210000, (1205000, 812000, 203000), "fail")]


def test_lines_under_another_heading_are_not_summed():  # counter-example
    text = "一、资金来源\n中央资金120.5万元\n二、资金使用\n省级资金80.2万元\n以上资金合计221.0万元。\n"
    assert _sums(text) == []


# ---- a side of a 收支 total named without a figure: 收入包括：…；支出包括：… ---------------------------
_SIDES = ("2023年财政拨款收支总预算700.00万元。收入包括：一般公共预算拨款680.00万元、上年结转结余20.00万元；"
          "支出包括：教育支出500.00万元、社会保障和就业支出120.00万元、住房保障支出80.00万元。")


def test_both_sides_of_a_balanced_total():
    assert _sums(_SIDES) == [(7000000, (5000000, 1200000, 800000), "pass"),
                             (7000000, (6800000, 200000), "pass")]


def test_a_side_that_does_not_add_up_is_not_claimed():
    got = _sums(_SIDES.replace("500.00万元", "510.00万元"))
    assert got == [(7000000, (6800000, 200000), "pass")]


def test_the_other_sides_figure_is_no_total():  # counter-example: a wrapped line's figure is not the 支出 total
    assert _sums("上年结转结余\n23.00万元；支出包括：教育支出50.00万元、卫生健康支出20.00万元。") == []


# ---- a bracketed 其中 after the sentence of its total ------------------------------------------------
_BRACKET = "（一）安排产业发展项目资金1400.00万元。（其中：中央财政衔接资金900.00万元、省级财政衔接资金500.00万元）。"


def test_bracket_after_the_sentence():
    assert _sums(_BRACKET) == [(14000000, (9000000, 5000000), "pass")]


def test_bracket_after_the_sentence_mutation_fails():
    assert _sums(_BRACKET.replace("500.00万元", "600.00万元")) == [(14000000, (9000000, 6000000), "fail")]


# ---- 由…构成 after the figure it breaks down ---------------------------------------------------------
_MADE = "全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元，加上级补助收入、上年结余等1,756.37万元构成。"


def test_made_of_the_figures_of_the_next_sentence():
    assert _sums(_MADE) == [(18674800, (1111100, 17563700), "pass")]


def test_made_of_mutation_fails():
    assert _sums(_MADE.replace("111.11万元", "121.11万元")) == [(18674800, (1211100, 17563700), "fail")]


def test_由于_is_not_made_of():  # counter-example
    assert _sums("全镇财力1,867.48万元。由于上级补助收入增加111.11万元，支出增加1,756.37万元。") == []


# ---- a balance told over consecutive sentences: total, spending, what is left -----------------------
_LEFT = ("2023年全县一般公共预算可用资金为3000.00万元。一般公共预算支出2600.00万元，为调整预算的98%。"
         "结余400.00万元，全部为结转项目资金。")


def test_balance_over_sentences():
    assert (30000000, (26000000, 4000000), "pass") in _sums(_LEFT)


def test_balance_over_sentences_that_does_not_add_up_is_not_claimed():
    # which figures make the account is read from their names alone: a balance that does not add up
    # is not presented as one
    assert not [g for g in _sums(_LEFT.replace("400.00万元", "450.00万元")) if g[1][:1] == (26000000,)]


def test_carried_in_is_no_balance():  # counter-example: 上年结余 came in, it is not what is left
    text = "全县一般公共预算可用资金为3000.00万元。一般公共预算支出2600.00万元。上年结余400.00万元。"
    assert not [g for g in _sums(text) if g[1] == (26000000, 4000000)]


# ---- the levels compared against, stated beside each figure: the same sum for each base -------------
_BASES = ("2022年“三公”经费支出决算数为100万元，较上年120万元减少20万元，较预算数150万元减少50万元。其中：因公出国（境）费0万元，"
          "较上年10万元减少10万元，较预算数0万元无增减；公务接待费30万元，较上年40万元减少10万元，较预算数50万元减少20万元；"
          "公务用车购置及运行维护费70万元，较上年70万元无增减，较预算数100万元减少30万元。")


def test_bases_add_up_like_the_levels():
    got = _sums(_BASES)
    assert (1000000, (0, 300000, 700000), "pass") in got
    assert (1500000, (0, 500000, 1000000), "pass") in got  # 较预算数: 150 = 0 + 50 + 100
    # 较上年: 120 = 10 + 40 + 70, checked once (a change identity reads these figures too)
    assert [(t, sorted(p), s) for t, p, s in got if t == 1200000] == [(1200000, [100000, 400000, 700000], "pass")]


def test_bases_mutation_fails():
    got = _sums(_BASES.replace("较预算数50万元", "较预算数60万元"))
    assert (1500000, (0, 600000, 1000000), "fail") in got


def test_a_change_is_no_base():  # counter-example: 减少20万元 is a change (checked as one), not a level
    rows = _rows("“三公”经费支出100万元，比上年减少20万元。其中：公务接待费30万元，比上年减少10万元；"
                 "公务用车运行维护费70万元，比上年减少10万元。")
    assert not [r for r in rows if r[0].endswith(".base")]


# ---- an item stated unchanged changed by zero: the others' changes make the total's ----------------
_FLAT = ("2022年“三公”经费支出决算数为500万元，较上年决算数减少60万元。因公出国（境）费为0万元，与上年持平；"
         "公务接待费为40万元，较上年减少10万元；公务用车购置及运行维护费为460万元，较上年减少50万元。")


def test_unchanged_item_is_a_zero_change():
    assert [(t, sorted(p), s) for r, _, t, p, s in _rows(_FLAT) if r == "identity.three_public.change"] == [
        (600000, [100000, 500000], "pass")]


def test_unchanged_item_mutation_fails():
    assert [s for r, _, t, p, s in _rows(_FLAT.replace("减少50万元", "减少40万元"))
            if r == "identity.three_public.change"] == ["fail"]


def test_unchanged_against_another_base_is_not_zero():  # counter-example: flat against the budget only
    text = _FLAT.replace("与上年持平", "与预算一致")
    assert not [r for r in _rows(text) if r[0] == "identity.three_public.change"]


# ---- a balance sheet: what is owned is what is owed plus what is one's own --------------------------
_SHEET = "截至2023年12月底,该镇财政账面资产6962.08万元、负债6960.88万元、净资产1.2万元。"


def test_assets_are_liabilities_plus_net_assets():
    assert _sums(_SHEET) == [(69620800, (69608800, 12000), "pass")]


def test_balance_sheet_mutation_fails():
    assert _sums(_SHEET.replace("1.2万元", "2.2万元")) == [(69620800, (69608800, 22000), "fail")]


def test_a_listed_part_is_no_balance_sheet_total():  # counter-example: 固定资产 is a part of 资产总额
    got = _sums("截至2023年12月底,本部门资产总额500万元,其中流动资产300万元,固定资产200万元;负债总额100万元,净资产400万元。")
    assert [g for g in got if g[1] == (1000000, 4000000)] == [(5000000, (1000000, 4000000), "pass")]


# ---- a change stated with its parts in brackets, in a sentence of nothing but changes ---------------
def test_bracketed_parts_of_a_change():
    got = _sums("与上年相比，一是收入增加3627万元，其中：本级收入增加365万元（税收增加146万元、非税增加219万元）、"
                "上级补助收入增加3262万元。")
    assert (3650000, (1460000, 2190000), "pass") in got


def test_bracketed_parts_of_a_change_that_do_not_add_up_are_not_claimed():
    # the parts of a change may move either way, which the figures do not show: only a sum that adds up
    got = _sums("与上年相比，一是收入增加3627万元，其中：本级收入增加365万元（税收增加146万元、非税增加229万元）、"
                "上级补助收入增加3262万元。")
    assert not [g for g in got if g[0] == 3650000]


# ---- a numbered list that ends the text may have been cut there: its items are parts, not all -------
_CUT = "一般公共服务支出1000万元，其中：\n1、人大事务支出100万元；\n2、政府办公厅（室）事务支出600万元；\n3.党委办公厅（室）事务支出200万元；\n"


def test_a_list_ending_the_text_is_a_subset():
    assert [(t, p, s) for r, rel, t, p, s in _rows(_CUT) if rel == "le" and len(p) == 3] == [
        (10000000, (1000000, 6000000, 2000000), "pass")]


def test_a_list_ending_the_text_mutation_fails():  # its parts may not exceed the total
    got = _rows(_CUT.replace("600万元", "800万元"))
    assert [(t, s) for r, rel, t, p, s in got if len(p) == 3] == [(10000000, "fail")]


def test_a_list_followed_by_more_text_is_whole():  # counter-example: a later statement closes it
    got = _rows(_CUT + "二、公共安全支出500万元。\n")
    assert [(rel, s) for r, rel, t, p, s in got if len(p) == 3] == [("eq", "fail")]


# ---- a classification cut before its sentence ends (an excerpt stopping at a ；) is a subset ----------
_CLASSES = ("2021年度一般公共预算支出累计实现1000万元，增长4%。财政支出按照功能分类支出完成情况：一般公共服务支出完成300万元，"
            "增长9%；教育支出完成400万元，增长14%；")


def test_a_cut_classification_is_a_subset():
    assert _sums(_CLASSES) == [(10000000, (3000000, 4000000), "pass")]
    assert [r[1] for r in _rows(_CLASSES) if r[0] == "stated-structure"] == ["le"]


def test_a_cut_classification_mutation_fails():
    assert _sums(_CLASSES.replace("400万元", "800万元")) == [(10000000, (3000000, 8000000), "fail")]


def test_a_classification_whose_sentence_ends_is_whole():  # counter-example: ends with 。 → eq
    text = _CLASSES[:-1] + "。"
    assert [(r[1], r[4]) for r in _rows(text) if r[0] == "stated-structure"] == [("eq", "fail")]
