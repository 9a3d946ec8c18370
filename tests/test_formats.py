"""Web pages, Word and Excel files: the report's text and tables, as the format holds them, reach the
same facts and checks as a text file (fixtures: a page archived from 重庆市交通委员会's site, and a
Word and an Excel file built from 重庆市财政局's published 2024 三公 table by make_office.py)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import extract
from extract.read.ingest import read_report

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def test_web_page_keeps_the_report_and_drops_the_furniture():
    doc = read_report(FORMATS / "cq_jtw_2018_budget.html")
    assert doc.status == "ok" and doc.format == "html"
    assert "2018年一般公共预算财政拨款收入324970.32万元" in doc.text
    assert "当前位置" not in doc.text and "版权所有" not in doc.text and "jquery" not in doc.text
    assert doc.year == 2018


def test_web_page_figures_are_checked():
    result = extract.run([FORMATS / "cq_jtw_2018_budget.html"])
    checks = result.checks
    procurement = checks[checks.total_value == "60604100.00"]
    assert list(procurement.status) == ["pass"]  # 6060.41 = 4728.6 + 0 + 1331.81
    facts = result.facts
    text = read_report(FORMATS / "cq_jtw_2018_budget.html").text
    assert all(text[s:e] == t for s, e, t in zip(facts.start, facts.end, facts.text))


def _table_cells(name: str) -> dict[str, Decimal]:
    result = extract.run([FORMATS / name])
    cells = result.facts[result.facts.rule == "table.flat"]
    return {label: Decimal(str(v)) for label, v in zip(cells.label, cells.value)}


def test_excel_sheet_rows_are_table_facts():
    doc = read_report(FORMATS / "cq_czj_2024_sangong.xlsx")
    assert doc.format == "xlsx" and "单位:亿元" in doc.text.splitlines()  # the merged unit line, once
    assert _table_cells("cq_czj_2024_sangong.xlsx") == {
        "合计": Decimal("608000000"), "因公出国(境)费": Decimal("66000000"), "公务用车购置及运行费": Decimal("472000000"),
        "公务用车购置费": Decimal("177000000"), "公务用车运行费": Decimal("295000000"), "公务接待费": Decimal("70000000")}


def test_word_paragraphs_and_table_in_order():
    doc = read_report(FORMATS / "cq_czj_2024_sangong.docx")
    assert doc.format == "docx"
    assert doc.text.index("较2023年只减不增") < doc.text.index("合计 | 6.08 |")
    assert _table_cells("cq_czj_2024_sangong.docx")["公务接待费"] == Decimal("70000000")
    checks = extract.run([FORMATS / "cq_czj_2024_sangong.docx"]).checks
    stated = checks[checks.total_value == "608000000.00"]
    assert "pass" in set(stated.status)  # 6.08亿 = 0.66 + 0.7 + 4.72 in the paragraph
