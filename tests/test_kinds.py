"""`--kinds` / ``kinds=``: only the facts, labels and checks asked for, the same facts as a full run;
and the anchored figure rules (tried only near their anchor words) matching as the plain regex does."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import extract
from extract.cli import main
from extract.find.facts import document_facts
from extract.read.ingest import read_report
from extract.records import RuleError
from extract.rules import choose_kinds, load_rules, patterns_dir

ROOT = Path(__file__).parent.parent
RULES = load_rules()


# --- what may be asked, and what it brings with it -------------------------------------------------------

@pytest.mark.parametrize("asked,chosen", [
    pytest.param("amount", {"amount"}, id="one-kind"),
    pytest.param("amount, date ,label", {"amount", "date", "label"}, id="spaces-and-label"),
    pytest.param(["headcount", "award"], {"headcount", "award"}, id="a-list"),
    pytest.param("check", {"amount", "headcount", "quantity", "percent", "date", "year", "label", "check"},
                 id="checks-need-every-figure-and-labels"),
    pytest.param("award,check", None, id="everything-is-the-default"),
    pytest.param("", None, id="nothing-named-is-the-default"),
    pytest.param(None, None, id="none-is-the-default"),
])
def test_choose_kinds(asked, chosen):
    got = choose_kinds(asked)
    assert (set(got) if got is not None else None) == chosen


@pytest.mark.parametrize("asked,message", [
    pytest.param("amounts", "unknown kind 'amounts'", id="unknown"),
    pytest.param("amount,Date", "unknown kind 'Date'", id="case-matters"),
    pytest.param("label", "label alone gives no facts", id="label-alone"),
])
def test_choose_kinds_refuses(asked, message):
    with pytest.raises(ValueError, match=message):
        choose_kinds(asked)


# --- constructions where figures of two kinds compete for the same characters ------------------------------
# (kinds asked, text, the facts expected as (kind, text, value)); the counter-example of each pair is a
# figure of the kind asked that nothing else claims

@pytest.mark.parametrize("kinds,text,expected", [
    pytest.param("quantity", "同比增长1.5个百分点。", [], id="percentage-points-are-not-a-count"),
    pytest.param("quantity", "新建学校3个。", [("quantity", "3个", "3")], id="counter:a-count"),
    pytest.param("headcount", "核定编制161人。", [], id="posts-are-not-people"),
    pytest.param("quantity", "核定编制161人。", [("quantity", "161人", "161")], id="posts-asked-for"),
    pytest.param("headcount", "实有人员150人。", [("headcount", "150人", "150")], id="counter:people"),
    pytest.param("year", "2023年上半年，生产总值增长5%。", [], id="a-half-year-is-a-date-not-a-year"),
    pytest.param("year", "2023年，生产总值增长5%。", [("year", "2023年", "2023")], id="counter:a-year"),
    pytest.param("date", "2023年上半年，生产总值增长5%。", [("date", "2023年上半年", "2023-01/2023-06")],
                 id="the-half-year-asked-for"),
    pytest.param("amount", "收入总计300万元，增长1.5个百分点。", [("amount", "300万元", "3000000")],
                 id="amount-beside-a-percent"),
])
def test_competing_figures_settled_as_in_a_full_run(kinds, text, expected):
    df = extract.extract_facts(text, year=2023, kinds=kinds)
    assert [tuple(r) for r in df[["kind", "text", "value"]].values.tolist()] == expected


@pytest.mark.parametrize("kinds,label", [
    pytest.param("amount", None, id="no-label-unless-asked"),
    pytest.param("amount,label", "收入总计", id="label-asked"),
])
def test_labels_only_when_asked(kinds, label):
    df = extract.extract_facts("收入总计181.92万元。", year=2021, kinds=kinds)
    assert df[["text", "value"]].values.tolist() == [["181.92万元", "1819200.00"]]
    assert (df["label"].item() if df["label"].notna().item() else None) == label


def test_a_change_is_a_change_without_labels():
    df = extract.extract_facts("支出比上年增加20万元。", kinds="amount")
    assert df[["text", "qualifier", "change"]].values.tolist() == [["20万元", "增加", True]]


def test_amounts_alone_never_load_jieba():
    code = ("import sys, extract; df = extract.extract_facts('收入总计181.92万元，其中人员经费100万元。', "
            "kinds='amount'); print(len(df), 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["2", "False"]


# --- the same facts as a full run, on real reports (a metamorphic property: two modes, one answer) ---------

def _real_documents():
    texts = sorted((ROOT / "corpus").glob("*.txt"))
    pdf = ROOT / "tests" / "fixtures" / "pdf" / "js_prov_court_2019_dept_budget_p8-9-10-11-18.pdf"
    return [p for p in [*texts, pdf] if p.exists()]


@pytest.fixture(scope="module")
def full_runs():
    out = {}
    for p in _real_documents():
        doc = read_report(p)
        out[p.name] = (doc, document_facts(doc, RULES))
    return out


@pytest.mark.parametrize("kinds", ["amount", "headcount", "quantity", "percent", "date", "year", "award",
                                   "amount,label", "date,year", "check"])
def test_kinds_give_the_facts_of_a_full_run(full_runs, kinds):
    chosen = choose_kinds(kinds)
    assert chosen is not None
    labels = "label" in chosen
    differ = []
    for name, (doc, full) in full_runs.items():
        got = [f.row() for f in document_facts(doc, RULES, kinds=chosen)]
        want = [{**f.row(), **({} if labels else {"label": None, "concept": None})}
                for f in full if f.kind in chosen]
        if got != want:
            differ.append(name)
    assert not differ
    assert any(f.kind in chosen for _, full in full_runs.values() for f in full), "nothing of these kinds to compare"


# --- runs, checks and the dataset ---------------------------------------------------------------------------

SUM = "收入总计300万元，其中：财政拨款200万元，其他收入100万元。"


@pytest.mark.parametrize("kinds,checks", [
    pytest.param(None, ["pass"], id="default-checks"),
    pytest.param("check", ["pass"], id="checks-asked"),
    pytest.param("amount,label", [], id="no-checks-unless-asked"),
])
def test_checks_only_when_asked(tmp_path, kinds, checks):
    (tmp_path / "r.txt").write_text(SUM, encoding="utf-8")
    res = extract.run([tmp_path], kinds=kinds)
    assert len(res.facts) == 3
    assert res.checks["status"].tolist() == checks


def test_cli_refuses_an_unknown_kind_in_one_line(tmp_path):
    (tmp_path / "r.txt").write_text(SUM, encoding="utf-8")
    res = CliRunner().invoke(main, ["run", str(tmp_path), "-o", str(tmp_path / "o"), "--kinds", "amount,money"],
                             prog_name="reportfacts")
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "Error: Invalid value for '--kinds': unknown kind 'money'; expected some of amount, headcount, quantity, "
        "percent, date, year, award, label, check (see reportfacts run --help)"]
    assert not (tmp_path / "o" / "facts.csv").exists()


def test_a_run_with_other_kinds_reads_again(tmp_path):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "r.txt").write_text(SUM, encoding="utf-8")
    (corpus / "s.txt").write_text("参会人员30人。", encoding="utf-8")
    steps = [(["--kinds", "amount"], "2 documents (0 not ok), 3 facts, 0 checks", "-> "),
             (["--kinds", "amount"], "2 documents (0 not ok), 3 facts, 0 checks", "0 read, 2 unchanged"),
             (["--kinds", "amount,headcount"], "2 documents (0 not ok), 4 facts, 0 checks", "kinds (2)"),
             ([], "2 documents (0 not ok), 4 facts, 1 checks", "kinds (2)"),
             ([], "2 documents (0 not ok), 4 facts, 1 checks", "0 read, 2 unchanged")]
    for extra, summary, said in steps:
        res = CliRunner().invoke(main, ["run", str(corpus), "-o", str(out), "--jobs", "1", *extra])
        assert res.exit_code == 0, res.output
        assert summary in res.output and said in res.output, (extra, res.output)


def test_settings_of_a_store_written_before_kinds_existed_are_the_default():
    from extract.dataset_ids import Settings, changed_settings

    before = json.dumps({"pdf_reader": None, "rules": "r", "version": "v", "year": None}, sort_keys=True)
    entry = type("E", (), {"path": Path("a.txt")})()
    assert changed_settings(before, Settings(None, "pdfium", "r", "v").of(entry)) == []
    assert changed_settings(before, Settings(None, "pdfium", "r", "v", "amount").of(entry)) == ["kinds"]


# --- anchored rules: tried near their anchor words only, the same matches --------------------------------------

ANCHORED = [r for r in RULES.figures if r.anchor is not None]


def test_the_slow_rules_are_anchored():
    assert {r.id for r in ANCHORED} >= {"date.period", "date.day_list"}


# text made of what these rules read: digits, years, quarters, halves, days and their separators
_PIECES = st.sampled_from(["2021", "21", "1", "3", "12", "年", "月", "日", "号", "季度", "半年", "上", "下", "前", "第",
                           "一", "三", "两", "个", "首", "今年", "去年", "至", "-", "，", "、", "和", "楼", "。", "\n", "度",
                           "同期", "考核", "全", " "])


@pytest.mark.parametrize("rule", ANCHORED, ids=lambda r: r.id)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40))
def test_anchored_rule_matches_as_the_plain_regex(rule, pieces):
    text = "".join(pieces)
    assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]


@pytest.mark.parametrize("rule", ANCHORED, ids=lambda r: r.id)
def test_anchored_rule_on_real_reports(rule):
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert [m.span() for m in rule.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)], p.name


@pytest.mark.parametrize("rule,text,spans", [
    pytest.param("date.period", "2021年上半年，一季度增长，全年下降", [(0, 8), (9, 12)], id="period-near-anchors"),
    pytest.param("date.period", "季度考核，上年同期", [], id="counter:period-words-without-a-period"),
    pytest.param("date.day_list", "5月3号，4号，5号举办", [(5, 7), (8, 10)], id="days-of-a-list"),
    pytest.param("date.day_list", "3号楼、4号楼", [], id="counter:buildings"),
])
def test_anchored_rule_examples(rule, text, spans):
    r = {x.id: x for x in RULES.figures}[rule]
    assert [m.span() for m in r.finditer(text)] == spans


def test_an_anchor_without_a_reach_is_refused(tmp_path):
    d = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), d)
    f = d / "figures.yaml"
    text = f.read_text(encoding="utf-8")
    assert "    reach: 16\n" in text, "the test's anchor is gone from the rule file"
    f.write_text(text.replace("    reach: 16\n", "", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="an anchor needs a reach"):
        load_rules(str(d))
