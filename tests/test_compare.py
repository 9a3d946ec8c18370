"""Comparing across years (issue 9): real pages of the Jiangsu High Court's budgets 2017–2019
(cut from ../shared/corpus/real) and three years of a made-up department written for this test.
Expected figures are read off the printed pages and sentences."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import extract
from extract.cli import main
from extract.checks.compare import organization_keys, report_type

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
    assert wb.sheetnames == ["某市某某局", "failed and warned"]
    ws = wb["某市某某局"]
    assert ws.freeze_panes == "D2"
    header = [c.value for c in ws[1]]
    assert header[:6] == ["报告类型", "科目/概念", "单位", "2021", "2022", "2023"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "收入总计")
    assert [c.value for c in row[3:6]] == [1000.0, 1100.0, 1500.0]  # in 万元
    assert row[5].number_format == "#,##0.00"
    assert row[5].fill.fgColor.rgb.endswith("F8CBAD")  # the year whose stated change fails
    checks = wb["failed and warned"]
    assert checks.max_row == 3
    assert any("300.00万元" in str(c.value) for c in checks[2])


def test_an_organisation_that_matches_nothing_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(COURT), "-o", str(out), "--jobs", "1"]).exit_code == 0
    before = sorted(p.name for p in out.iterdir())
    res = CliRunner().invoke(main, ["compare", str(out), "--org", "不存在的单位"])
    assert res.exit_code == 2 and "no organisation matches" in res.output
    assert sorted(p.name for p in out.iterdir()) == before
