"""Tables written one cell per line: figures of money and people become table facts, and the
table's checks run on them (own tables in the layout web pages are copied in; none is a corpus
text). Expected facts and checks are written by hand."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _cells(text: str) -> list[tuple[str, str, Decimal, str]]:
    facts = extract.extract_facts(text, year=2023)
    rows = facts[facts["rule"] == "table.lines"]
    for r in rows.itertuples():
        assert text[r.start:r.end] == r.text  # offsets into the text as given
        assert text[r.sentence_start:r.sentence_start + len(r.sentence)] == r.sentence
    return [(r.kind, r.label, Decimal(str(r.value)), r.column or "") for r in rows.itertuples()]


POPULATION = ("表2 2023年末全县人口\n指 标\n年末数(万人)\n比重(%)\n年末户籍人口\n50.2\n100.0\n其中:城镇\n20.1\n40.0\n"
              "乡村\n30.1\n60.0\n")
INDICATORS = ("主要指标\n\n人口(万人)\n\n 常住人口\n\n120.5\n\n  男性\n\n61.0\n\n  女性\n\n59.5\n\n"
              "国民经济(亿元)\n\n 生产总值\n\n800.0\n\n人均生产总值(元)\n\n66390\n\n价格指数(上年=100)\n\n"
              " 居民消费价格\n\n101.8\n")

CASES = [
    pytest.param(POPULATION, [("headcount", "年末户籍人口", Decimal(502000), "年末数(万人)"),
                              ("headcount", "城镇", Decimal(201000), "年末数(万人)"),
                              ("headcount", "乡村", Decimal(301000), "年末数(万人)")],
                 id="header-names-columns-share-column-left-out"),
    pytest.param(INDICATORS, [("headcount", "常住人口", Decimal(1205000), "人口(万人)"),
                              ("headcount", "男性", Decimal(610000), "人口(万人)"),
                              ("headcount", "女性", Decimal(595000), "人口(万人)"),
                              ("amount", "生产总值", Decimal("80000000000"), "人口(万人)"),
                              ("amount", "人均生产总值", Decimal(66390), "人口(万人)")],
                 id="headings-set-the-unit-an-index-is-no-figure"),
    pytest.param("单位：万元\n项目\n金额\n培训费\n20.00\n会议费\n15.00\n", [], id="two-rows-are-not-a-table"),
    pytest.param("全年完成投资\n120亿元\n同比增长\n5.2%\n其中工业\n80亿元\n", [], id="figures-with-units-are-prose"),
    pytest.param("2023年工作总结。\n一、基本情况\n我单位现有职工\n45\n人。\n", [], id="prose-lines-are-no-table"),
    # two sides: the right side ends first, its empty cells leave a wider gap
    pytest.param("收支平衡表\n\n单位:万元\n\n收 入\n\n决算数\n\n支 出\n\n决算数\n\n合 计\n\n500\n\n合 计\n\n500\n\n"
                 "税收收入\n\n300\n\n基本支出\n\n420\n\n非税收入\n\n120\n\n\n\n上级补助\n\n80\n\n\n\n",
                 [("amount", "合计", Decimal(5000000), "收入/决算数"), ("amount", "合计", Decimal(5000000), "支出/决算数"),
                  ("amount", "税收收入", Decimal(3000000), "收入/决算数"), ("amount", "基本支出", Decimal(4200000), "支出/决算数"),
                  ("amount", "非税收入", Decimal(1200000), "收入/决算数"), ("amount", "上级补助", Decimal(800000), "收入/决算数")],
                 id="two-sided-a-wider-gap-skips-the-empty-right-side"),
    # single line breaks; the left side ends first: the wider gap after a right row skips the next left
    pytest.param("单位：元\n项目\n预算数\n项目\n预算数\n收入总计\n900\n支出总计\n900\n财政拨款\n900\n人员经费\n600\n"
                 "\n公用经费\n200\n\n项目经费\n100\n",
                 [("amount", "收入总计", Decimal(900), "左:项目/预算数"), ("amount", "支出总计", Decimal(900), "右:项目/预算数"),
                  ("amount", "财政拨款", Decimal(900), "左:项目/预算数"), ("amount", "人员经费", Decimal(600), "右:项目/预算数"),
                  ("amount", "公用经费", Decimal(200), "右:项目/预算数"), ("amount", "项目经费", Decimal(100), "右:项目/预算数")],
                 id="two-sided-same-label-cells-told-apart-by-side"),
    pytest.param("单位：元\n项目\n预算数\n决算数\n预算数\n培训费\n900\n800\n850\n会议费\n600\n500\n550\n"
                 "差旅费\n300\n200\n250\n",
                 [("amount", "培训费", Decimal(900), "预算数"), ("amount", "培训费", Decimal(800), "决算数"),
                  ("amount", "培训费", Decimal(850), "预算数"), ("amount", "会议费", Decimal(600), "预算数"),
                  ("amount", "会议费", Decimal(500), "决算数"), ("amount", "会议费", Decimal(550), "预算数"),
                  ("amount", "差旅费", Decimal(300), "预算数"), ("amount", "差旅费", Decimal(200), "决算数"),
                  ("amount", "差旅费", Decimal(250), "预算数")],
                 id="a-repeated-value-cell-with-rows-of-three-figures-is-one-sided"),
    pytest.param("单位:万元\n项 目 |\n预算数 |\n决算数 |\n合 计 |\n12.5 |\n11.0 |\n公务接待费 |\n4.5 |\n3.0 |\n"
                 "公务用车费 |\n8.0 |\n8.0 |\n",
                 [("amount", "合计", Decimal(125000), "预算数"), ("amount", "合计", Decimal(110000), "决算数"),
                  ("amount", "公务接待费", Decimal(45000), "预算数"), ("amount", "公务接待费", Decimal(30000), "决算数"),
                  ("amount", "公务用车费", Decimal(80000), "预算数"), ("amount", "公务用车费", Decimal(80000), "决算数")],
                 id="cells-copied-with-their-closing-bar"),
    pytest.param("单位:万元\n| 项目 | 预算数 |\n| 合计 | 12.5 |\n| 公务接待费 | 4.5 |\n| 公务用车费 | 8.0 |\n", [],
                 id="rows-of-bars-are-no-cell-lines"),
    pytest.param("单位:万元\n项 目 |\n预算数 |\n决算数 |\n合 计 |\n12.5 |\n11.0 |\n公务接待费 |\n|\n3.0 |\n"
                 "公务用车费 |\n8.0 |\n8.0 |\n", [], id="barred-cells-with-empty-ones-and-no-row-numbers-are-not-read"),
    # a grid: empty cells as a bare |, rows numbered in their first column
    pytest.param("收支总表 |\n单位:万元 | ||\n序号 |\n收入 |\n支出 | ||\n项 目 |\n预算数 |\n项 目 |\n预算数 | |\n"
                 "栏次 |\n1 |\n2 |\n3 |\n4 |\n1 |\n一、财政拨款收入 |\n80.00 |\n一、一般公共服务支出 |\n70.00 |\n"
                 "2 |\n二、事业收入 |\n|\n二、教育支出 |\n|\n3 |\n|\n|\n三、农林水支出 |\n10.00 |\n"
                 "4 |\n本年收入合计 |\n80.00 |\n本年支出合计 |\n80.00 |\n",
                 [("amount", "一、财政拨款收入", Decimal(800000), "左:项目/预算数"),
                  ("amount", "一、一般公共服务支出", Decimal(700000), "右:项目/预算数"),
                  ("amount", "三、农林水支出", Decimal(100000), "右:项目/预算数"),
                  ("amount", "本年收入合计", Decimal(800000), "左:项目/预算数"),
                  ("amount", "本年支出合计", Decimal(800000), "右:项目/预算数")],
                 id="a-grid-with-empty-cells-and-row-numbers"),
    pytest.param("单位：元\n收入项目\n预算数\n支出项目\n预算数\n收入总计\n900\n支出总计\n900\n财政拨款\n900\n人员经费\n600\n"
                 "\n公用经费\n200\n\n项目经费\n100\n",
                 [("amount", "收入总计", Decimal(900), "收入项目/预算数"), ("amount", "支出总计", Decimal(900), "支出项目/预算数"),
                  ("amount", "财政拨款", Decimal(900), "收入项目/预算数"), ("amount", "人员经费", Decimal(600), "支出项目/预算数"),
                  ("amount", "公用经费", Decimal(200), "支出项目/预算数"), ("amount", "项目经费", Decimal(100), "支出项目/预算数")],
                 id="two-sided-a-wider-gap-after-a-right-row-skips-the-empty-left-side"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_line_table_facts(text: str, expected: list[tuple[str, str, Decimal, str]]) -> None:
    assert _cells(text) == expected


def test_line_table_checks_read_其中_rows_and_identities() -> None:
    text = POPULATION + "其中:男性\n25.0\n49.8\n女性\n25.2\n50.2\n"
    checks = extract.check(extract.extract_facts(text, year=2023))
    got = sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(v))) for v in json.loads(r.part_values)),
                  r.status) for r in checks.itertuples())
    assert got == [("identity.registered_population_by_sex", 502000, (250000, 252000), "pass"),
                   ("table.part-rows", 502000, (201000, 301000), "pass"),
                   ("table.part-rows", 502000, (250000, 252000), "pass")]


# a two-sided balance table copied with each cell's closing bar, its empty cells a bare bar: read by
# position, four cells a row (a table of our own in the layout 预算执行 reports use)
_BARRED_TWO_SIDED = ("2023年全镇一般公共预算收支平衡表\n单位:万元\n收入 |\n执行数 |\n支出 |\n执行数 |\n"
                     "总计 |\n1000 |\n总计 |\n1000 |\n一、本级收入 |\n300 |\n一、本级支出 |\n900 |\n"
                     "税收 |\n200 |\n二、转移性支出 |\n100 |\n非税 |\n100 |\n上解支出 |\n100 |\n"
                     "二、转移性收入 |\n700 |\n|\n|\n上级补助收入 |\n650 |\n|\n|\n上年结转 |\n50 |\n|\n|\n")


def test_barred_two_sided_table_is_read_by_position() -> None:
    cells = _cells(_BARRED_TWO_SIDED)
    assert ("amount", "上年结转", Decimal(500000), "收入/执行数") in cells
    assert ("amount", "上解支出", Decimal(1000000), "支出/执行数") in cells
    checks = extract.check(extract.extract_facts(_BARRED_TWO_SIDED, year=2023))
    got = sorted((r.rule, r.total_value, r.status) for r in checks.itertuples() if r.rule.startswith("table."))
    assert ("table.item-rows", "7000000", "pass") in got  # 转移性收入 700 = 650 + 50
    assert [s for rule, total, s in got if rule == "table.numbered-rows"] == ["pass", "pass"]


def test_barred_two_sided_table_mutation_fails() -> None:
    checks = extract.check(extract.extract_facts(_BARRED_TWO_SIDED.replace("本级收入 |\n300", "本级收入 |\n310"),
                                                 year=2023))
    assert "fail" in [r.status for r in checks.itertuples() if r.rule == "table.numbered-rows"]


def test_barred_cells_out_of_line_are_left_to_the_grid_reader() -> None:  # counter-example
    text = _BARRED_TWO_SIDED.replace("上年结转 |\n50 |\n|\n|\n", "上年结转 |\n50 |\n|\n")  # a row one cell short
    assert not [c for c in _cells(text) if c[3] == "收入/执行数"]
