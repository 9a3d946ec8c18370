"""Tables saved as text lines with | between cells: figures of money and people become table facts
(own examples in the layouts web pages are copied in; none is a corpus text)."""
from __future__ import annotations

from decimal import Decimal

import pytest

import extract


def _cells(text: str) -> list[tuple[str, str, Decimal, str, str]]:
    facts = extract.extract_facts(text, year=2023)
    rows = facts[facts["rule"] == "table.flat"]
    for r in rows.itertuples():
        assert text[r.start:r.end] == r.text  # offsets into the text as given
    return [(r.kind, r.label, Decimal(str(r.value)), r.column or "", r.text) for r in rows.itertuples()]


CASES = [
    pytest.param("2023年人口数及其构成\n指 标 | 年末人数(人) | 比重(%) |\n全镇人口 | 52310 | -- |\n其中:城镇 | 20310 | 38.83 |\n"
                 "乡村 | 32000 | 61.17 |\n",
                 [("headcount", "全镇人口", Decimal(52310), "年末人数(人)", "52310"),
                  ("headcount", "城镇", Decimal(20310), "年末人数(人)", "20310"),
                  ("headcount", "乡村", Decimal(32000), "年末人数(人)", "32000")], id="unit-in-header-share-column-left-out"),
    pytest.param("“三公”经费预算表\n单位：万元\n项目 | 2023年预算数 | 2022年预算数 |\n合计 | 12.50 | 14.00 |\n"
                 "公务接待费 | 4.50 | 5.00 |\n公务用车运行维护费 | 8.00 | 9.00 |\n",
                 [("amount", "合计", Decimal("125000"), "2023年预算数", "12.50"),
                  ("amount", "合计", Decimal("140000"), "2022年预算数", "14.00"),
                  ("amount", "公务接待费", Decimal("45000"), "2023年预算数", "4.50"),
                  ("amount", "公务接待费", Decimal("50000"), "2022年预算数", "5.00"),
                  ("amount", "公务用车运行维护费", Decimal("80000"), "2023年预算数", "8.00"),
                  ("amount", "公务用车运行维护费", Decimal("90000"), "2022年预算数", "9.00")], id="unit-line-above"),
    pytest.param("| 指标 | 单位 | 年末数 |\n| 户籍人口 | 人 | 146041 |\n| 总户数 | 户 | 64933 |\n",
                 [("headcount", "户籍人口", Decimal(146041), "年末数", "146041")], id="unit-column-households-left-out"),
    pytest.param("单位:万元\n序号 | 项目 | 金额 |\n1 | 培训费 | 20.00 |\n2 | 会议费 | 15.00 |\n",
                 [("amount", "培训费", Decimal("200000"), "金额", "20.00"),
                  ("amount", "会议费", Decimal("150000"), "金额", "15.00")], id="numbering-column-left-out"),
    pytest.param("单位:万元\n合计 |\n6.08 |\n公务接待费 |\n0.70 |\n", [], id="one-cell-per-line-not-read"),
    pytest.param("项目 | 数量 |\n车辆 | 12 |\n设备 | 30 |\n", [], id="no-unit-no-facts"),
    pytest.param("收支决算表\n单位：万元\n| 收入 | 决算数 | 支出 | 决算数 |\n| 本年收入合计 | 90.5 | 本年支出合计 | 88.0 |\n"
                 "| 财政拨款收入 | 80.5 | 基本支出 | 70.0 |\n| | | 项目支出 | 18.0 |\n",
                 [("amount", "本年收入合计", Decimal("905000"), "收入/决算数", "90.5"),
                  ("amount", "本年支出合计", Decimal("880000"), "支出/决算数", "88.0"),
                  ("amount", "财政拨款收入", Decimal("805000"), "收入/决算数", "80.5"),
                  ("amount", "基本支出", Decimal("700000"), "支出/决算数", "70.0"),
                  ("amount", "项目支出", Decimal("180000"), "支出/决算数", "18.0")],
                 id="two-sided-label-of-its-own-side-empty-left-cells"),
    pytest.param("单位：万元\n项目 | 预算数 | 决算数 | 预算数 |\n培训费 | 20.00 | 18.00 | 19.00 |\n",
                 [("amount", "培训费", Decimal("200000"), "预算数", "20.00"),
                  ("amount", "培训费", Decimal("180000"), "决算数", "18.00"),
                  ("amount", "培训费", Decimal("190000"), "预算数", "19.00")],
                 id="repeated-value-header-without-a-second-label-is-one-sided"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_flat_tables(text: str, expected: list[tuple[str, str, Decimal, str, str]]) -> None:
    assert _cells(text) == expected
