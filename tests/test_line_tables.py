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
