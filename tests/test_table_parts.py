"""其中 rows of tables are checked against the row they belong to (own tables, written in the
layouts web pages are copied in; none is a corpus text). Expected checks are written by hand."""
from __future__ import annotations

import json

import pytest

import extract
from extract.checks.table_parts import marked


def _part_checks(text: str) -> list[tuple[float, list[float], str, str]]:
    checks = extract.check(extract.extract_facts(text, year=2023))
    rows = checks[checks["rule"] == "table.part-rows"]
    return sorted((float(r.total_value), [float(v) for v in json.loads(r.part_values)], r.relation, r.status)
                  for r in rows.itertuples())


CASES = [
    pytest.param("人口构成\n指 标 | 年末人数(人) |\n全乡人口 | 20000 |\n其中:城镇 | 8000 |\n乡村 | 12000 |\n",
                 [(20000.0, [8000.0, 12000.0], "le", "pass")], id="one-group-to-the-end"),
    pytest.param("人口构成\n指 标 | 年末人数(人) |\n户籍人口 | 20000 |\n其中:城镇 | 8000 |\n乡村 | 12000 |\n"
                 "其中:男性 | 10100 |\n女性 | 9900 |\n",
                 [(20000.0, [8000.0, 12000.0], "le", "pass"), (20000.0, [10100.0, 9900.0], "eq", "pass")],
                 id="second-group-belongs-to-the-first-parent-identity-makes-eq"),
    pytest.param("单位：人\n项 目 | 合 计 |\n在职人数 | 40 |\n其中:在岗人数 | 38 |\n离退休人数 | 12 |\n",
                 [(40.0, [38.0], "le", "pass")], id="sibling-after-the-group-is-not-a-part"),
    pytest.param("单位：万元\n项目 | 金额 |\n基本支出 | 60.00 |\n其中：人员经费 | 70.00 |\n项目支出 | 40.00 |\n",
                 [(600000.0, [700000.0], "le", "fail")], id="part-larger-than-its-row-fails"),
    pytest.param("指标 | 数值(万人) |\n就业人员 | 1473.0 |\n#城镇就业人员 | 923.0 |\n城镇登记失业人数 | 31.0 |\n",
                 [(14730000.0, [9230000.0], "le", "pass")], id="hash-mark-of-statistical-tables"),
    pytest.param("人口构成\n指 标 | 年末人数(人) |\n全乡人口 | 20000 |\n城镇 | 8000 |\n乡村 | 12000 |\n",
                 [], id="no-mark-no-group"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_table_part_rows(text: str, expected: list[tuple[float, list[float], str, str]]) -> None:
    assert _part_checks(text) == expected


@pytest.mark.parametrize(("label", "row", "expected"), [
    ("城镇", "其中:城镇 | 8000 |", True),
    ("城镇", "其中： 城镇 | 8000 |", True),
    ("城镇就业人员", "#城镇就业人员 | 923 |", True),
    ("离休人数", "其中离休人数 | 2 |", True),
    ("乡村", "乡村 | 12000 |", False),
    ("含税收入", "含税收入 | 100 |", False),  # 含 as part of the name, not a mark before it
    ("", "其中: | 5 |", False),
])
def test_marked(label: str, row: str, expected: bool) -> None:
    assert marked(label, row) is expected


NUMBERED = [
    pytest.param("单位：万元\n项目 | 预算数 |\n合计 | 30.00 |\n1、因公出国(境)费 | 0 |\n2、公务接待费 | 10.00 |\n"
                 "3、公务用车费 | 20.00 |\n其中:(1)公务用车运行维护费 | 15.00 |\n(2)公务用车购置费 | 5.00 |\n",
                 [(300000.0, [0.0, 100000.0, 200000.0], "pass")], id="合计-first-items-after-its-own-其中-rows-out"),
    pytest.param("单位：万元\n项目 | 金额 |\n一、工资福利支出 | 50.00 |\n二、商品和服务支出 | 30.00 |\n合计 | 81.00 |\n",
                 [(810000.0, [500000.0, 300000.0], "fail")], id="合计-last-items-before-a-misprint-fails"),
    pytest.param("单位：万元\n项目 | 金额 |\n合计 | 30.00 |\n1、培训费 | 10.00 |\n3、会议费 | 20.00 |\n",
                 [], id="a-gap-in-the-numbering-is-no-list"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERED)
def test_numbered_rows_under_a_total_row(text: str, expected: list[tuple[float, list[float], str]]) -> None:
    checks = extract.check(extract.extract_facts(text, year=2023))
    rows = checks[checks["rule"] == "table.numbered-rows"]
    assert [(float(r.total_value), [float(v) for v in json.loads(r.part_values)], r.status)
            for r in rows.itertuples()] == expected


ITEM_ROWS = [
    pytest.param("单位：万元\n项目 | 执行数 |\n总计 | 100 |\n一、本级收入 | 40 |\n税收 | 30 |\n非税 | 10 |\n"
                 "二、转移性收入 | 60 |\n上级补助 | 45 |\n调入资金 | 10 |\n上年结转 | 5 |\n",
                 [(400000.0, [300000.0, 100000.0]), (600000.0, [450000.0, 100000.0, 50000.0])],
                 id="rows-under-each-numbered-item-to-the-next"),
    pytest.param("单位：万元\n项目 | 执行数 |\n总计 | 100 |\n一、本级收入 | 40 |\n税收 | 30 |\n非税 | 6 |\n"
                 "二、转移性收入 | 60 |\n",
                 [], id="rows-that-do-not-add-up-are-no-breakdown-of-the-layout"),
    pytest.param("单位：万元\n项目 | 执行数 |\n总计 | 100 |\n一、本级收入 | 40 |\n其中:税收 | 30 |\n非税 | 10 |\n"
                 "二、转移性收入 | 60 |\n",
                 [], id="an-item-with-其中-rows-is-left-to-its-group"),
    pytest.param("单位：万元\n项目 | 执行数 |\n总计 | 100 |\n一、本级收入 | 40 |\n税收 | 40 |\n二、转移性收入 | 60 |\n",
                 [], id="one-row-is-no-breakdown"),
    pytest.param("单位：万元\n项目 | 执行数 |\n总计 | 100 |\n一、本级收入 | 40 |\n（一）税收 | 30 |\n增值税 | 20 |\n"
                 "（二）非税 | 10 |\n二、转移性收入 | 60 |\n",
                 [(400000.0, [300000.0, 100000.0])], id="sub-numbered-rows-are-the-item's-own-their-rows-not"),
]


@pytest.mark.parametrize(("text", "expected"), ITEM_ROWS)
def test_rows_under_numbered_items(text: str, expected: list[tuple[float, list[float]]]) -> None:
    checks = extract.check(extract.extract_facts(text, year=2023))
    rows = checks[checks["rule"] == "table.item-rows"]
    assert [(float(r.total_value), [float(v) for v in json.loads(r.part_values)]) for r in rows.itertuples()] \
        == expected
    assert set(rows["status"]) <= {"pass"}


PLAIN_ROWS = [
    pytest.param("单位：万元\n项目 | 决算数 |\n合计 | 25.7 |\n因公出国(境)费 | 0 |\n公务接待费 | 16.3 |\n"
                 "公务用车购置及运行维护费 | 9.4 |\n其中:公务用车运行维护费 | 9.4 |\n公务用车购置费 | 0 |\n",
                 [(257000.0, [0.0, 163000.0, 94000.0])], id="合计-first-rows-after-it-their-其中-rows-left-out"),
    pytest.param("单位：万元\n项目 | 决算数 |\n合计 | 27.7 |\n因公出国(境)费 | 0 |\n公务接待费 | 16.3 |\n"
                 "公务用车购置及运行维护费 | 9.4 |\n其中:公务用车运行维护费 | 9.4 |\n公务用车购置费 | 0 |\n",
                 [], id="rows-that-do-not-add-up-are-no-check-of-the-layout"),
    pytest.param("单位：万元\n项目 | 金额 |\n合计 | 30.00 |\n1、培训费 | 10.00 |\n2、会议费 | 20.00 |\n",
                 [], id="numbered-rows-are-read-as-numbered-rows"),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN_ROWS)
def test_rows_beside_a_total_row(text: str, expected: list[tuple[float, list[float]]]) -> None:
    checks = extract.check(extract.extract_facts(text, year=2023))
    rows = checks[checks["rule"] == "table.plain-rows"]
    assert [(float(r.total_value), [float(v) for v in json.loads(r.part_values)]) for r in rows.itertuples()] \
        == expected


ROWS_ABOVE = [
    pytest.param("单位：万元\n项目 | 预算数 |\n一、一般公共服务支出 | 70.00 |\n三、农林水支出 | 10.00 |\n本年支出合计 | 80.00 |\n"
                 "年终结转结余 | 5.00 |\n支出总计 | 85.00 |\n",
                 [(800000.0, [700000.0, 100000.0]), (850000.0, [800000.0, 50000.0])],
                 id="totals-inside-a-column-numbering-may-skip-empty-rows"),
    pytest.param("单位：万元\n项目 | 预算数 |\n一、一般公共服务支出 | 70.00 |\n三、农林水支出 | 10.00 |\n本年支出合计 | 90.00 |\n"
                 "年终结转结余 | 5.00 |\n支出总计 | 96.00 |\n",
                 [], id="totals-inside-a-column-that-do-not-add-up-are-no-check"),
    pytest.param("单位：万元\n项目 | 预算数 |\n合计 | 80.00 |\n基本支出 | 70.00 |\n项目支出 | 10.00 |\n",
                 [], id="a-total-row-first-is-not-read-here"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS_ABOVE)
def test_total_rows_inside_a_column(text: str, expected: list[tuple[float, list[float]]]) -> None:
    checks = extract.check(extract.extract_facts(text, year=2023))
    rows = checks[checks["rule"] == "table.rows-above"]
    assert sorted((float(r.total_value), [float(v) for v in json.loads(r.part_values)]) for r in rows.itertuples()) \
        == expected
