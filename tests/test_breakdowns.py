"""Validator forms of issue 8, as table rows: sentences written for this project in the style of
budget reports, communiqués and self-evaluations. Each row gives the checks expected as
(rule, total, parts, status); a counter-example expects none. Mutation rows change one printed
figure beyond its rounding tolerance and expect the check to fail."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _checks(text: str) -> list[tuple[str, int, tuple[int, ...], str]]:
    rows = extract.check(extract.extract_facts(text, year=2021))
    return sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)),
                   r.status) for r in rows.itertuples())


FORMS = [
    pytest.param("全年收入1200.50万元，其中财政拨款收入1000.30万元，上年结转结余200.20万元；"
                 "全年支出1100.40万元，其中基本支出700.10万元，项目支出400.30万元。",
                 [("stated-structure", 12005000, (10003000, 2002000), "pass"),
                  ("stated-structure", 11004000, (7001000, 4003000), "pass")], id="two-structures-one-sentence-上年结转"),
    pytest.param("1-6月份，全县社会消费品零售总额8.50亿元，增长3.1%。按经营单位所在地分，城镇消费品零售额6.20亿元，"
                 "增长3.5%；乡村消费品零售额2.30亿元，增长2.0%。",
                 [("stated-structure", 850000000, (620000000, 230000000), "pass")], id="classification-按…分"),
    pytest.param("上半年全市生产总值1000.00亿元，增长5%。二季度，全市生产总值520.00亿元。从三次产业看，上半年第一产业"
                 "增加值100.00亿元；第二产业增加值400.00亿元；第三产业增加值500.00亿元。",
                 [("stated-structure", 100000000000, (10000000000, 40000000000, 50000000000), "pass")],
                 id="classification-takes-the-total-of-its-period"),
    pytest.param("专项资金支出316.38万元，执行率61%，财政资金支出2419.45万元，执行率58%，总支出2735.83万元。",
                 [("stated-structure", 27358300, (3163800, 24194500), "pass")], id="total-stated-after-parts"),
    pytest.param("专项收入300万元，财政支出200万元，总支出500万元。", [], id="total-after-parts-of-another-kind"),
    pytest.param("本级收入39.10亿元。加上转移支付27.23亿元，上年结转5.45亿元，调入资金12.79亿元，总收入预计为84.57亿元。",
                 [("stated-structure", 8457000000, (3910000000, 2723000000, 545000000, 1279000000), "pass")],
                 id="加上-sources-of-a-total"),
    pytest.param("部门收入由财政拨款收入80.00万元、事业收入15.00万元、其他收入5.00万元组成，收入合计100.00万元。",
                 [("stated-structure", 1000000, (800000, 150000, 50000), "pass")], id="由…组成-then-合计"),
    pytest.param("实施项目57个，交易金额6581万元，节约资金514万元；其中：房屋类项目53个，交易额6125万元，节约金额486万元；"
                 "交通类项目4个，交易额456万元，节约金额28万元。",
                 [("stated-structure", 57, (53, 4), "pass"), ("stated-structure", 65810000, (61250000, 4560000), "pass"),
                  ("stated-structure", 5140000, (4860000, 280000), "pass")], id="parallel-items-one-figure-per-total"),
    pytest.param("工资福利支出90.00万元，占基本支出75.00%；商品和服务支出20.00万元，占基本支出16.67%；"
                 "对个人和家庭的补助10.00万元，占基本支出8.33%。基本支出120.00万元。",
                 [("share", 75, (900000, 1200000), "pass"), ("share", 16, (200000, 1200000), "pass"),
                  ("share", 8, (100000, 1200000), "pass"), ("share-sum", 100, (75, 16, 8), "pass"),
                  ("stated-structure", 1200000, (900000, 200000, 100000), "pass")], id="parts-that-name-their-whole"),
    pytest.param("“三公”经费支出5.20万元，其中因公出国（境）费0万元，公务用车购置及运行费2.00万元，公务接待费3.20万元。",
                 [("stated-structure", 52000, (0, 20000, 32000), "pass")], id="zero-part"),
    pytest.param("项目支出120.00万元，其中：培训费10.00万元，印刷费10.00万元，差旅费10.00万元，会议费10.00万元，"
                 "咨询费10.00万元，维修费10.00万元，租赁费10.00万元，物业费10.00万元，劳务费10.00万元，委托费10.00万元，"
                 "宣传费10.00万元，设备费10.00万元。",
                 [("stated-structure", 1200000, (100000,) * 12, "pass")], id="twelve-parts"),
    pytest.param("公务接待费由12.60万元减少到8.10万元，减少4.50万元，下降35.7%。",
                 [("stated-change", 45000, (126000, 81000), "pass"), ("stated-rate", 35, (126000, 81000), "pass")],
                 id="stated-change-and-rate"),
    pytest.param("人均收入从5.6万元增至7.8万元，年均增长5.4%。", [], id="average-annual-rate-is-not-the-change"),
    pytest.param("共编制15个绩效指标，其中一级指标3个，二级指标8个，三级指标15个。", [], id="levels-are-not-parts"),
    pytest.param("招标采用比选方式，比选项目12个，交易金额300万元。", [], id="比选-is-not-a-comparison"),
]


@pytest.mark.parametrize("text,expected", FORMS)
def test_forms(text, expected):
    assert _checks(text) == sorted(expected)


MUTATIONS = [
    pytest.param("专项资金支出316.38万元，财政资金支出2419.45万元，总支出2735.83万元。", "2735.83", "2735.85",
                 id="total-after-parts"),
    pytest.param("1-6月份，全县社会消费品零售总额8.50亿元。按经营单位所在地分，城镇消费品零售额6.20亿元；乡村消费品零售额2.30亿元。",
                 "8.50亿元", "8.52亿元", id="classification"),
    pytest.param("本级收入39.10亿元。加上转移支付27.23亿元，上年结转5.45亿元，总收入预计为71.78亿元。", "5.45", "5.48",
                 id="加上"),
    pytest.param("工资福利支出90.00万元，占基本支出75.00%；商品和服务支出20.00万元，占基本支出16.67%；"
                 "对个人和家庭的补助10.00万元，占基本支出8.33%。基本支出120.00万元。", "120.00万元", "120.03万元",
                 id="economic-classes"),
    pytest.param("公务接待费由12.60万元减少到8.10万元，减少4.50万元。", "减少4.50", "减少4.52", id="stated-change"),
]


@pytest.mark.parametrize("text,old,new", MUTATIONS)
def test_one_unit_beyond_tolerance_fails(text, old, new):
    assert all(s == "pass" for *_, s in _checks(text)) and _checks(text)
    mutated = text.replace(old, new, 1)
    assert mutated != text
    assert "fail" in {s for *_, s in _checks(mutated)}


def test_quantity_list_beyond_its_total_is_a_warning_not_an_error():
    text = "全年粮食种植面积43907公顷。其中，小麦种植面积21500公顷；玉米种植面积11118公顷；蔬菜种植面积15000公顷。"
    assert [s for *_, s in _checks(text)] == ["warn"]


def test_fail_message_names_the_printed_figures():
    rows = extract.check(extract.extract_facts("专项资金支出316.38万元，财政资金支出2419.45万元，总支出2939.83万元。"))
    msg = rows.iloc[0]["message"]
    assert all(t in msg for t in ("316.38万元", "2419.45万元", "2939.83万元", "2040000"))
