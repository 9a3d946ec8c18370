"""Comparing across years (issue 9): real pages of the Jiangsu High Court's budgets 2017–2019
(cut from ../shared/corpus/real) and three years of a made-up department written for this test.
Expected figures are read off the printed pages and sentences."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import regex
from click.testing import CliRunner
from openpyxl import load_workbook

import extract
from extract.cli import main
from extract.checks.compare import line_name, compare_rules, organization_keys, report_type
from extract.rules import load_rules

COURT = Path(__file__).parent / "fixtures" / "pdf" / "compare"


@pytest.fixture(scope="module")
def court():
    return extract.compare(extract.run([COURT], jobs=1))


def test_court_total_series_is_one_concept(court):
    series, _ = court
    total = series[series.concept == "收入总计"].sort_values("year")
    assert list(total.year) == [2017, 2018, 2019]
    assert [Decimal(v) for v in total.value] == [Decimal("288493800"), Decimal("331721500"), Decimal("371883400")]
    assert set(total.organization) == {"江苏省高级人民法院"}


@pytest.mark.parametrize("year,change,pct", [(2018, "43227700", "14.98"), (2019, "40161900", "12.11")])
def test_court_stated_changes_match_last_years_report(court, year, change, pct):
    """与上年相比收、支预算总计各增加4322.77万元，增长14.98% (2018); …4016.19万元，增长12.11% (2019)."""
    _, changes = court
    rows = changes[(changes.concept == "收入总计") & (changes.year == year)].set_index("rule")
    assert Decimal(rows.loc["stated-change", "stated_change"]) == Decimal(change)
    assert Decimal(rows.loc["stated-rate", "stated_pct"]) == Decimal(pct)
    assert rows.loc["stated-change", "status"] == "pass" and rows.loc["stated-rate", "status"] == "pass"
    assert rows.loc["stated-change", "prior_fact_id"]


YEARS = {
    2021: "某市某某局2021年部门预算\n一、收支预算总体情况\n2021年收入、支出预算总计1000.00万元。其中基本支出600.00万元，项目支出400.00万元。",
    2022: "某市某某局2022年部门预算\n一、收支预算总体情况\n2022年收入、支出预算总计1100.00万元，与上年相比增加100.00万元，增长10.00%。"
          "其中基本支出650.00万元，项目支出450.00万元。",
    # the change printed here is wrong: 1500.00 − 1100.00 = 400.00, not 300.00, and 36.36%, not 27.27%
    2023: "某市某某局2023年部门预算\n一、收支预算总体情况\n2023年收入、支出预算总计1500.00万元，与上年相比增加300.00万元，增长27.27%。"
          "其中基本支出700.00万元，项目支出800.00万元。",
}


@pytest.fixture()
def department(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for year, text in YEARS.items():
        (d / f"budget{year}.txt").write_text(text, encoding="utf-8")
    (d / "final2022.txt").write_text("某市某某局2022年部门决算\n2022年收入、支出决算总计9999.00万元。", encoding="utf-8")
    return d


def test_wrong_stated_change_fails(department):
    _, changes = extract.compare(extract.run([department], jobs=1))
    total = changes[changes.concept == "收入总计"].set_index(["year", "rule"])
    assert total.loc[(2022, "stated-change"), "status"] == "pass"
    assert total.loc[(2022, "stated-rate"), "status"] == "pass"
    assert total.loc[(2023, "stated-change"), "status"] == "fail"
    assert total.loc[(2023, "stated-rate"), "status"] == "fail"
    assert "300.00万元" in total.loc[(2023, "stated-change"), "message"]
    swing = changes[(changes.concept == "项目支出") & (changes.year == 2023)].iloc[0]
    assert (swing.rule, swing.status) == ("computed", "info") and "states no change" in swing.message
    assert set(changes.report_type) == {"预算"}  # the 决算 of 2022 is never set against a 预算


@pytest.mark.parametrize("title,kind", [
    ("江苏省高级人民法院2019年度部门预算公开", "预算"), ("上海市普陀区财政局2024年度部门决算", "决算"),
    ("上海市普陀区2026年区级单位预算", "单位预算"), ("某县2022年国民经济和社会发展统计公报", "统计公报"),
    ("2026年甘肃省政府工作报告", "政府工作报告"), ("某局2021年部门整体支出绩效自评报告", "绩效自评"),
])
def test_report_types(title, kind):
    assert report_type(title) == kind


def test_organisation_names_across_forms():
    keys = organization_keys(["江苏省人民检察院", "省检察院", "江苏省检察院", "上海市普陀区人民政府万里街道办事处（部门）",
                              "上海市普陀区人民政府万里街道办事处"])
    assert keys["江苏省人民检察院"] == keys["省检察院"] == keys["江苏省检察院"]
    assert keys["上海市普陀区人民政府万里街道办事处（部门）"] == keys["上海市普陀区人民政府万里街道办事处"]


def test_cli_compare_writes_tables_and_a_workbook(tmp_path, department):
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    res = CliRunner().invoke(main, ["compare", str(out)])
    assert res.exit_code == 0, res.output
    assert "fail" in res.output
    for name in ("series", "changes"):
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    try:
        fails = con.execute("SELECT count(*) FROM changes WHERE status = 'fail'").fetchone()[0]
        facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()
    assert fails == 2 and facts > 0  # the run's own tables are still there
    wb = load_workbook(out / "compare.xlsx")
    assert wb.sheetnames == ["说明", "某市某某局", "未通过与警告"]
    ws = wb["某市某某局"]
    assert ws.freeze_panes == "E2"
    header = [c.value for c in ws[1]]
    assert header == ["报告类型", "科目编码", "科目/项目", "单位", "2021年", "2022年", "2023年",
                      "2021年出处", "2022年出处", "2023年出处",
                      "2022比2021变化", "2022比2021变化率(%)", "2022年报告所述变化", "2022年核对结果",
                      "2023比2022变化", "2023比2022变化率(%)", "2023年报告所述变化", "2023年核对结果"]
    rows = {r[2].value: [c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value == "预算"}
    total = rows["收入总计"]
    assert total[3:7] == ["万元", 1000.0, 1100.0, 1500.0]  # in 万元
    assert total[7:10] == ["budget2021", "budget2022", "budget2023"]  # a text file has no page
    assert total[10:14] == [100.0, 10.0, 100.0, "一致"]
    assert total[14:18] == [400.0, 36.36, 300.0, "不一致"]  # 1500 − 1100 = 400, the report says 300
    verdict = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "收入总计")[17]
    assert verdict.fill.fgColor.rgb.endswith("F8CBAD")
    # 项目支出 450 → 800 (+77.78%) and the report states no change: a swing, marked
    assert rows["项目支出"][14:18] == [350.0, 77.78, None, "大幅变动，报告未说明"]
    assert rows["基本支出"][17] is None  # 650 → 700: +7.69%, unremarkable
    assert ws.column_dimensions["C"].width >= 20 and ws.column_dimensions["H"].width >= 20
    cover = {r[0].value: r[1].value for r in wb["说明"].iter_rows() if r[0].value}
    assert cover["年份"] == "2021、2022、2023"
    assert (cover["一致"], cover["不一致"], cover["需核实"], cover["大幅变动，报告未说明"]) == (1, 1, 0, 1)
    failed = wb["未通过与警告"]
    assert [c.value for c in failed[1]][:6] == ["单位", "报告类型", "科目/项目", "年份", "核对规则", "结果"]
    assert failed.max_row == 3 and any("300.00万元" in str(c.value) for c in failed[2])


def test_an_organisation_that_matches_nothing_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(COURT), "-o", str(out), "--jobs", "1"]).exit_code == 0
    before = sorted(p.name for p in out.iterdir())
    res = CliRunner().invoke(main, ["compare", str(out), "--org", "不存在的单位"])
    assert res.exit_code == 2 and "no organisation matches" in res.output
    assert sorted(p.name for p in out.iterdir()) == before


@pytest.mark.parametrize("label,concept,line", [
    # real_reports: labels of the court's and the procuratorate's budgets
    ("本年收入合计", "收入总计", "本年收入合计"),  # not 收入总计: they differ in 决算 reports
    ("本年支出合计", "支出总计", "本年支出合计"),
    ("一般公共预算机关运行经费预算支出", None, "机关运行经费"),
    ("我部门政府采购预算总金额", None, "政府采购"),
    ("年一般公共预算财政拨款支出预算", None, "一般公共预算财政拨款支出"),
    ("公共预算拨款安排的会议费预算支出", None, "会议费"),
    ("一般公共预算", None, "一般公共预算收入"),
    (". 法院（款）案件审判（项）支出", None, "案件审判（项）"),  # one item, split over rows
    ("法院（款）案件审判（项）支出", None, "案件审判（项）"),
    ("项目支出安排", None, "项目支出"),
    ("基本支出", "基本支出", "基本支出"),
    # fragments from wrapped lines and table cells: no budget line
    ("支出", None, None), ("单价", None, None), ("（", None, None), ("加", None, None),
    ("数小于上年预算数", None, None), ("支预算总计各", None, None), ("（项）支出", None, None),
])
def test_budget_lines(label, concept, line):
    assert line_name(label, concept, load_rules(), compare_rules()) == line


LEVELLESS = {
    2021: "某县某某局2021年部门预算\n2021年收入、支出预算总计500.00万元。其中基本支出300.00万元，项目支出200.00万元。"
          "单价 3.00万元。",
    2022: "某县某某局2022年部门预算\n2022年收入、支出预算总计560.00万元，与上年相比增加60.00万元。"
          "主要原因是基本支出增加人员工资、提租补贴等 50.00万元、项目支出安排增加10.00万元。"
          "其中基本支出350.00万元，项目支出210.00万元。单价 4.00万元。",
}


@pytest.fixture()
def levelless(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for year, text in LEVELLESS.items():
        (d / f"b{year}.txt").write_text(text, encoding="utf-8")
    return extract.run([d], jobs=1)


@pytest.mark.parametrize("line,stated", [("基本支出", "500000"), ("项目支出", "100000"), ("收入总计", "600000")])
def test_a_change_stated_without_its_level_is_matched(levelless, line, stated):
    """主要原因是基本支出增加…50.00万元: the change of 基本支出, checked against both reports' 基本支出."""
    _, changes = extract.compare(levelless)
    row = changes[(changes.concept == line) & (changes.rule == "stated-change")].iloc[0]
    assert (Decimal(row.stated_change), row.status) == (Decimal(stated), "pass")


def test_a_figure_that_names_no_line_enters_no_series(levelless):
    series, _ = extract.compare(levelless)
    assert "单价" not in set(series.concept) and "支出" not in set(series.concept)
    assert {"收入总计", "基本支出", "项目支出"} <= set(series.concept)


def test_two_chosen_years(tmp_path, department):
    """--years 2021 2023: 2023 against 2021; 与上年相比 (against 2022) is not checked against 2021."""
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    res = CliRunner().invoke(main, ["compare", str(out), "--years", "2021", "2023"])
    assert res.exit_code == 0, res.output
    _, changes = extract.compare(out, years=(2021, 2023))
    total = changes[changes.concept == "收入总计"]
    assert list(total.rule) == ["computed"] and list(total.prior_year) == [2021]
    assert Decimal(total.iloc[0].change_pct) == Decimal("50.00")
    ws = load_workbook(out / "compare.xlsx")["某市某某局"]
    header = [c.value for c in ws[1]]
    assert "2023比2021变化" in header and "2022年" not in header


def test_runs_for_different_organisations_do_not_overwrite_each_other(tmp_path, department):
    (department / "other2021.txt").write_text("某县乙局2021年部门预算\n2021年收入、支出预算总计10.00万元。", encoding="utf-8")
    (department / "other2022.txt").write_text("某县乙局2022年部门预算\n2022年收入、支出预算总计12.00万元。", encoding="utf-8")
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    for org in ("某市某某局", "某县乙局"):
        res = CliRunner().invoke(main, ["compare", str(out), "--org", org])
        assert res.exit_code == 0, res.output
    a, b = load_workbook(out / "compare_某市某某局.xlsx"), load_workbook(out / "compare_某县乙局.xlsx")
    assert a.sheetnames[1] == "某市某某局" and b.sheetnames[1] == "某县乙局"
    assert (out / "changes_某市某某局.csv").exists() and (out / "changes_某县乙局.csv").exists()
    assert not (out / "compare.xlsx").exists()


def test_documents_without_organisation_or_year_are_named(tmp_path, department):
    (department / "news.txt").write_text("本报讯 近日,某县召开会议。", encoding="utf-8")
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    res = CliRunner().invoke(main, ["compare", str(out)])
    assert res.exit_code == 0 and "could not be placed" in res.output and "news" in res.output
    cover = [[c.value for c in r] for r in load_workbook(out / "compare.xlsx")["说明"].iter_rows()]
    assert any(r[0] == "news" and "states no" in str(r[1]) for r in cover)


def test_each_years_failed_in_report_checks_are_on_its_sheet(tmp_path, department):
    """2023's 其中 parts (700 + 900) do not make its 总计 (1500): the check that fails is listed."""
    (department / "budget2023.txt").write_text(YEARS[2023].replace("项目支出800.00万元", "项目支出900.00万元"),
                                             encoding="utf-8")
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["compare", str(out)]).exit_code == 0
    ws = load_workbook(out / "compare.xlsx")["某市某某局"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    start = next(k for k, r in enumerate(rows) if r[0] == "各年报告内部核对（未通过/需核实）")
    listed = rows[start + 2:]
    assert any(r[0] == 2023 and r[1] == "budget2023" and r[3] == "不一致" for r in listed), listed
    assert not any(r[0] in (2021, 2022) for r in listed)


@pytest.mark.parametrize("text,shown", [
    # real_reports: the procuratorate's 2019 text layer has a space between every character
    ("江 苏 省 人 民 检 察 院 2019 年 度 收 入 、 支 出 预 算 总 计", "江苏省人民检察院 2019 年度收入、支出预算总计"),
    # counter-examples: ordinary spacing stays
    ("基本支出 1447.63 万元", "基本支出 1447.63 万元"),
    ("江苏省人民检察院 2019年度部门预算", "江苏省人民检察院 2019年度部门预算"),
    # real_reports: a sentence whose first line only is spaced (procuratorate 2019, p. 25)
    ("江 苏 省 人 民 检 察 院 2019 年 度 收 入 、 支 出 预 算 总 计 24,169.74 万元，与上年相比收、支预算总计各增加",
     "江苏省人民检察院 2019 年度收入、支出预算总计 24,169.74 万元，与上年相比收、支预算总计各增加"),
    # counter-examples: a spaced two-character heading, a table header of short words
    ("目 录 第一部分 部门概况", "目 录 第一部分 部门概况"),
    ("合计 因公出 公务接 会议费 培训费", "合计 因公出 公务接 会议费 培训费"),
])
def test_letter_spaced_sentences_read_as_words_in_the_workbook(text, shown):
    from extract.checks.workbook import unspaced

    assert unspaced(text) == shown


# --- issue 22, second round: a change stated in a sentence of its own -------------------------------
OWN_SENTENCE = {
    2021: "某县丙局2021年部门预算\n2021年收入、支出预算总计500.00万元。\n基本支出预算数为300.00万元。\n项目支出预算数为200.00万元。",
    2022: "某县丙局2022年部门预算\n2022年收入、支出预算总计560.00万元。\n基本支出预算数为350.00万元。与上年相比增加50.00万元，"
          "增长16.67%。\n项目支出预算数为210.00万元。与上年相比增加10.00万元，增长5.00%。\n"
          # counter-example: a sentence naming its own subject is not the sentence before's change
          "单价 4.00万元。本单位人员经费增加 20.00万元。",
}


@pytest.fixture()
def own_sentence(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for year, text in OWN_SENTENCE.items():
        (d / f"c{year}.txt").write_text(text, encoding="utf-8")
    return extract.run([d], jobs=1)


@pytest.mark.parametrize("line,stated,pct", [("基本支出", "500000", "16.67"), ("项目支出", "100000", "5.00")])
def test_a_change_stated_in_its_own_sentence_is_the_change_of_the_figure_before(own_sentence, line, stated, pct):
    """基本支出预算数为350.00万元。与上年相比增加50.00万元，增长16.67%。 (the court's and the
    procuratorate's layout): the change and rate of 基本支出, checked against last year's."""
    _, changes = extract.compare(own_sentence)
    rows = changes[(changes.concept == line)].set_index("rule")
    assert (Decimal(rows.loc["stated-change", "stated_change"]), rows.loc["stated-change", "status"]) == \
        (Decimal(stated), "pass")
    assert (Decimal(rows.loc["stated-rate", "stated_pct"]), rows.loc["stated-rate", "status"]) == (Decimal(pct), "pass")


def test_a_change_naming_its_own_subject_is_not_the_figure_befores(own_sentence):
    _, changes = extract.compare(own_sentence)
    assert not len(changes[changes.stated_change.fillna("").astype(str) == "200000"])


def _change_rules():
    from extract.rules import load_yaml, patterns_dir
    return load_yaml(patterns_dir() / "compare_changes.yaml")["rules"]


@pytest.mark.parametrize("example,hit", [
    *[pytest.param(e, True, id=f"{r['id']}:{e}") for r in _change_rules() for e in r["examples"]],
    *[pytest.param(e, False, id=f"{r['id']}:{e}") for r in _change_rules() for e in r["counter_examples"]],
])
def test_change_vocabulary_examples(example, hit):
    from extract.checks.compare import _change_opener
    assert bool(_change_opener().match(regex.sub(r"\s+", "", example))) is hit


@pytest.mark.parametrize("text,shown", [
    # real_reports: a figure cut by a page break and its page number (court 2019, p. 17/18)
    ("4016.19\n17\f万元", "4016.19万元"), ("65.88 万\n— 8 —\f元", "65.88万元"),
    # counter-examples: a figure wrapped without a page number keeps every digit
    ("1,836.22\n万元", "1,836.22万元"), ("2017\n年", "2017年"),
])
def test_a_figure_is_shown_without_the_page_number_inside_it(text, shown):
    from types import SimpleNamespace

    from extract.checks.compare import _t
    assert _t(SimpleNamespace(text=text)) == shown


def test_a_rate_stated_with_the_second_statement_of_a_change_is_checked(tmp_path):
    """主要原因是基本支出增加50.00万元 (no rate), then 基本支出预算数为350.00万元。与上年相比增加50.00万元，
    增长16.67%。 (the court's 2018 and 2019 reports): both the change and its rate are checked."""
    d = tmp_path / "reports"
    d.mkdir()
    (d / "e2021.txt").write_text("某县丁局2021年部门预算\n2021年收入、支出预算总计500.00万元。\n基本支出预算数为300.00万元。",
                                 encoding="utf-8")
    (d / "e2022.txt").write_text("某县丁局2022年部门预算\n2022年收入、支出预算总计550.00万元，与上年相比增加50.00万元。"
                                 "主要原因是基本支出增加50.00万元。\n基本支出预算数为350.00万元。与上年相比增加50.00万元，"
                                 "增长16.67%。", encoding="utf-8")
    _, changes = extract.compare(extract.run([d], jobs=1))
    rows = changes[changes.concept == "基本支出"].set_index("rule")
    assert rows.loc["stated-change", "status"] == "pass"
    assert (Decimal(rows.loc["stated-rate", "stated_pct"]), rows.loc["stated-rate", "status"]) == (Decimal("16.67"), "pass")


@pytest.mark.parametrize("names,same", [
    # real_reports: Hongze district's 2023 report names it without its city, the 2024 report with it
    (["洪泽区人民政府", "淮安市洪泽区人民政府"], True),
    (["普陀区财政局", "上海市普陀区财政局", "上海市普陀区司法局"], True),
    # counter-examples: no place before the body's name; two cities have a district of that name
    (["财政局", "上海市财政局"], False),
    (["朝阳区政府", "北京市朝阳区政府", "长春市朝阳区政府"], False),
])
def test_a_county_named_without_its_city_is_the_one_full_name_ending_with_it(names, same):
    keys = organization_keys(names)
    assert (keys[names[0]] == keys[names[1]]) is same


def test_every_sheet_has_chinese_headers_and_set_widths(tmp_path, department):
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["compare", str(out)]).exit_code == 0
    wb = load_workbook(out / "compare.xlsx")
    for ws in wb.worksheets:
        header = [c.value for c in ws[1] if c.value is not None]
        assert header and all(regex.search(r"\p{Han}", str(v)) for v in header), (ws.title, header)
        assert ws.column_dimensions["A"].width >= 8 and ws.column_dimensions["C"].width >= 10, ws.title


def test_compare_names_reports_that_changed_or_went_since_the_run(tmp_path, department):
    """compare reads no report text (its figures are the stored ones), so it does not refuse; it
    says in one line which compared reports are no longer the files the run read."""
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(department), "-o", str(out), "--jobs", "1"]).exit_code == 0
    clean = CliRunner().invoke(main, ["compare", str(out)])
    assert clean.exit_code == 0 and "since the run" not in clean.output
    (department / "budget2022.txt").write_text(YEARS[2022].replace("某市", "某某市"), encoding="utf-8")
    (department / "budget2023.txt").unlink()
    res = CliRunner().invoke(main, ["compare", str(out)])
    assert res.exit_code == 0, res.output
    line = next(l for l in res.output.splitlines() if "since the run" in l)
    assert "budget2022 (changed)" in line and "budget2023 (gone)" in line and "budget2021" not in line
