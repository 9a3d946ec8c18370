"""Budget-PDF layouts (issue 14), on pages cut from real reports: tables keep their identity across
page breaks and apart on one page, page furniture does not cut sentences, printed shares are
checked. Expected values are read off the printed pages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.read.ingest import read_report
from extract.read.pdf import furniture

PDF = Path(__file__).parent / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def runs():
    names = ["js_prov_court_2018_dept_budget_p9-10", "js_prov_court_2019_dept_budget_p8-9-10-11-18",
             "js_prov_party_office_2017_dept_budget_p6-7", "js_prov_npc_office_2018_dept_budget_p27-28"]
    return {n: extract.run([PDF / f"{n}.pdf"], jobs=1) for n in names}


def test_a_table_continued_on_the_next_page_keeps_its_number(runs):
    """一、2018年度…收支预算总表 runs over pages 1 and 2 of the cut: one table, number 1."""
    doc = read_report(PDF / "js_prov_court_2018_dept_budget_p9-10.pdf")
    first = [t for t in doc.tables if t.title.startswith("一、")]
    assert {t.page for t in first} == {1, 2}
    assert {t.number for t in first} == {1}
    facts = runs["js_prov_court_2018_dept_budget_p9-10"].facts
    assert set(facts[facts.section.fillna("").str.startswith("一、")]["table"]) == {1}


def test_two_tables_on_one_page_are_never_mixed_in_a_check(runs):
    """公开04表 and 公开05表 share page 3 of the cut: every table check uses one table's rows."""
    r = runs["js_prov_court_2019_dept_budget_p8-9-10-11-18"]
    on_page_3 = r.facts[(r.facts.page == 3) & (r.facts.source == "table")]
    assert set(on_page_3["table"]) == {4, 5}
    table_of = dict(zip(r.facts.fact_id, r.facts["table"]))
    table_checks = r.checks[r.checks.rule.str.startswith("table.")]
    assert len(table_checks) > 0
    for row in table_checks.itertuples():
        ids = [row.total_fact_id, *json.loads(row.part_fact_ids)]
        assert len({table_of[i] for i in ids}) == 1, row.message


def test_a_table_check_names_its_table_and_page(runs):
    r = runs["js_prov_court_2019_dept_budget_p8-9-10-11-18"]
    msg = r.checks[r.checks.rule == "table.code-hierarchy"].iloc[0]["message"]
    assert "表" in msg and "p. " in msg


def test_page_footer_inside_a_sentence_is_left_out(runs):
    """…基本支出预算数为 9964.07 万元。与上年相比增 / — 6 — / 加 941.62 万元，增长 10.44%: the change
    word cut by the page break and its footer is read whole, so 941.62万元 is a change, not a level."""
    facts = runs["js_prov_party_office_2017_dept_budget_p6-7"].facts
    row = facts[facts.text.str.replace(r"\s", "", regex=True) == "941.62万元"].iloc[0]
    assert bool(row["change"]) and row["qualifier"] == "增加"
    assert "增加941.62" in row["sentence"].replace(" ", "")


def test_page_numbers_are_furniture():
    doc = read_report(PDF / "js_prov_party_office_2017_dept_budget_p6-7.pdf")
    cut = [doc.text[s:e].strip() for _, ranges in furniture(doc) for s, e in ranges]
    assert cut == ["— 6 —", "— 7 —"]


def test_shares_split_by_a_page_break_add_up(runs):
    """因公出国（境）费支出 222.5 / 27 / 万元，占“三公”经费的 26.69%；…22.03%；…51.28%: the figure cut by
    the page number is read whole and the three printed shares add up to 100%."""
    r = runs["js_prov_npc_office_2018_dept_budget_p27-28"]
    facts = r.facts
    cut = facts[facts.text.str.startswith("222.5") & (facts.page.fillna(0) == 1)].iloc[0]
    assert cut["value"] == "2225000.0"
    share_sum = r.checks[r.checks.rule == "share-sum"].iloc[0]
    assert (json.loads(share_sum.part_values), share_sum.status) == ([26.69, 22.03, 51.28], "pass")


@pytest.mark.parametrize("text,status", [
    pytest.param("“三公”经费预算支出中，因公出国（境）费支出70万元，占“三公”经费的8.75%；公务用车购置及运行费支出"
                 "57.8万元，占“三公”经费的7.22%；公务接待费支出134.5万元，占“三公”经费的16.81%。", "fail",
                 id="shares-computed-against-another-whole"),
    pytest.param("“三公”经费预算支出中，因公出国（境）费支出70万元，占“三公”经费的26.69%；公务用车购置及运行费支出"
                 "57.8万元，占“三公”经费的22.03%；公务接待费支出134.5万元，占“三公”经费的51.28%。", "pass",
                 id="shares-that-add-up"),
    pytest.param("因公出国（境）费支出70万元，占支出总计的1.5%；公务接待费支出134.5万元，占支出总计的2.9%。", None,
                 id="shares-of-some-parts-only"),
])
def test_printed_shares_of_every_part_add_up_to_100(text, status):
    checks = extract.check(extract.extract_facts(text, year=2018))
    got = checks[checks.rule == "share-sum"]["status"].tolist()
    assert got == ([status] if status else [])
