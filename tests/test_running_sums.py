"""Running sums and balances of budget-execution and final-account reports, "X中" subsets and
comparison bases (sentences written for this project in the style of those reports; none is a
corpus text). Each row gives the checks of one rule family expected as (rule, total, parts, status)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract


def _checks(text: str, rules: tuple[str, ...] = ("stated-structure", "identity.balance")
            ) -> list[tuple[str, int, tuple[int, ...], str]]:
    rows = extract.check(extract.extract_facts(text, year=2022))
    return sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)),
                   r.status) for r in rows.itertuples() if r.rule in rules)


CASES = [
    pytest.param("全县一般公共预算收入完成10.00亿元，增长3%。其中：税收收入6.00亿元，非税收入4.00亿元。"
                 "加上上级补助收入20.00亿元、调入资金1.50亿元后，收入总计31.50亿元。",
                 [("stated-structure", 1000000000, (600000000, 400000000), "pass"),
                  ("stated-structure", 3150000000, (1000000000, 2000000000, 150000000), "pass")],
                 id="加上-after-a-其中-sentence-starts-from-the-statement-it-breaks-down"),
    pytest.param("全县财政收入5000万元，加上级补助收入3000万元，债券转贷收入1000万元，全县一般预算总收入9000万元，"
                 "加上年结余500万元，再加调入资金200万元，收入总计9700万元。",
                 [("stated-structure", 90000000, (50000000, 30000000, 10000000), "pass"),
                  ("stated-structure", 97000000, (90000000, 5000000, 2000000), "pass")],
                 id="a-sub-total-on-the-way-starts-the-sum-again"),
    pytest.param("全市收入完成300.0亿元。加上转移支付80.0亿元，减调出资金10.0亿元，减债务还本支出20.0亿元，"
                 "预算总收入350.0亿元。",
                 [("stated-structure", 35000000000, (30000000000, 8000000000, -1000000000, -2000000000), "pass")],
                 id="减-terms-count-negative"),
    pytest.param("收入总计900万元，减支出总计850万元，财政滚存结余50万元，减结转下年支出50万元，净结余为零。",
                 [("stated-structure", 9000000, (8500000, 500000), "pass")],
                 id="the-balance-is-the-first-figure-named-as-left-over"),
    pytest.param("2021年收入总计900万元，支出总计850万元，年终结余50万元。",
                 [("stated-structure", 9000000, (8500000, 500000), "pass")],
                 id="a-final-account-with-a-balance-left-is-not-income-equals-expenditure"),
    pytest.param("2022年收入总计900万元。2022年支出总计900万元。",
                 [("identity.balance", 9000000, (9000000,), "pass")], id="a-budget-balances"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_running_sums_and_balances(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text) == sorted(expected)


def test_a_comparison_base_is_no_total_of_a_其中_list() -> None:
    # 比报告数4900万元: the figure reported to the congress is a base, not this year's level
    text = "本级收入4950万元，比报告数4900万元增加50万元。其中税收收入3000万元、非税收入1950万元。"
    assert _checks(text) == [("stated-structure", 49500000, (30000000, 19500000), "pass")]


@pytest.mark.parametrize(("label", "concept"), [
    ("公务接待费支出决算", "公务接待费"),
    ("公务用车购置及运行维护费支出决算", "公务用车费"),
    ("“三公”经费财政拨款支出年初预算", "三公经费"),
    ("县本级一般公共预算财政拨款“三公”经费支出决算汇总数", "三公经费"),
    ("支出决算", None),  # a statement word alone names no line
    ("财政拨款基本支出", None),  # one fund's part of 基本支出 is not 基本支出
])
def test_concepts_of_labels_with_statement_words(label: str, concept: str | None) -> None:
    from extract.checks.figures import concept_of
    from extract.rules import load_rules

    assert concept_of(label, load_rules()) == concept


def test_parts_stated_as_决算_belong_to_the_决算_total() -> None:
    text = ("“三公”经费财政拨款支出年初预算为50.00万元，支出决算为40.00万元，完成预算的80%，其中：因公出国(境)费决算为0万元；"
            "公务用车购置及运行维护费支出决算为30.00万元；公务接待费支出决算为10.00万元。")
    rows = extract.check(extract.extract_facts(text, year=2022))
    sums = sorted((r.rule, int(Decimal(r.total_value)), r.status) for r in rows.itertuples() if r.rule != "share")
    # 40 = 0 + 30 + 10, and no identity pairs the 预算 50 with the 决算 parts
    assert sums == [("stated-structure", 400000, "pass")]


@pytest.mark.parametrize(("text", "expected"), [
    ("年末户籍人口50000人，城镇户籍人口20000人，乡村户籍人口30000人。",
     [("identity.registered_population_named", 50000, (20000, 30000), "pass")]),
    ("年末常住人口48000人，城镇人口21000人，乡村人口27000人。",
     [("identity.resident_population", 48000, (21000, 27000), "pass")]),
    # a 户籍 total and 常住 parts are two counts: no identity combines them (nor warns they differ)
    ("年末户籍人口50000人。年末常住人口48000人，城镇常住人口21000人。城镇户籍人口20000人。", []),
])
def test_populations_are_summed_within_one_count(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    rows = extract.check(extract.extract_facts(text, year=2022))
    got = sorted((r.rule, int(Decimal(r.total_value)), tuple(int(Decimal(str(x))) for x in json.loads(r.part_values)),
                  r.status) for r in rows.itertuples())
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bracketed 其中 inside a list belongs to its part; the list goes on after it
    ("转移性收入500万元，其中：返还性收入100万元、一般性转移支付收入300万元（其中：疫情补助收入50万元）、"
     "专项转移支付收入100万元。",
     [("stated-structure", 3000000, (500000,), "pass"), ("stated-structure", 5000000, (1000000, 3000000, 1000000), "pass")]),
    # 增减 inside a name (城乡建设用地增减挂钩) before the next item is no change word
    ("调入资金120万元，其中：调入存量资金70万元（城乡建设用地增减挂钩收入）、调入国有资本经营预算收入50万元。",
     [("stated-structure", 1200000, (700000, 500000), "pass")]),
])
def test_lists_around_brackets(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text) == sorted(expected)


def test_上年_before_a_carried_over_fund_is_no_comparison() -> None:
    from extract.rules import load_rules

    comparison = load_rules().comparison
    assert not comparison.search("上年专项结转收入") and not comparison.search("上年度结余")
    assert comparison.search("比上年增长") and comparison.search("上年同期")


def test_a_numbered_list_that_adds_up_stands_beside_an_identity_that_does_not() -> None:
    # 税收/非税 here are the parts of 本级收入 only; the items (1)-(3) are the county total's
    text = ("2021年，全县一般公共预算收入完成1000万元。\n(1)本级收入300万元，其中税收收入完成200万元、非税收入完成100万元。\n"
            "(2)转移性收入600万元。\n(3)上年专项结转收入100万元。")
    got = _checks(text, ("stated-structure", "identity.general_budget_revenue"))
    assert ("stated-structure", 10000000, (3000000, 6000000, 1000000), "pass") in got


@pytest.mark.parametrize(("text", "expected"), [
    # items that do not all name 支出 are the total's parts when they add up ...
    ("一般公共预算支出900万元，上解上级支出50万元，债务还本支出30万元，补充预算周转金20万元，支出总计1000万元。",
     [("stated-structure", 10000000, (9000000, 500000, 300000, 200000), "pass")]),
    # ... and say nothing when they do not (nothing shows they are its parts)
    ("一般公共预算支出900万元，上解上级支出50万元，债务还本支出30万元，补充预算周转金20万元，支出总计1200万元。", []),
])
def test_a_total_after_items_not_all_named_like_it(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text) == expected


# constructions read since the third tune batch (sums_tune3); own sentences, each beside one that must not read so
NEW_FEATURES = [
    # a 其中 inside a running sum: where its list ends is not written, so each reading counts only if it adds up
    pytest.param("全镇收入3000万元，加上级补助收入1500万元，其中：专项补助900万元，上年结转200万元，调入资金100万元，"
                 "收入合计为4800万元。",
                 [("stated-structure", 15000000, (9000000, 2000000, 1000000), "pass"),
                  ("stated-structure", 48000000, (30000000, 15000000, 2000000, 1000000), "pass")],
                 id="其中-inside-a-running-sum-the-reading-that-adds-up"),
    pytest.param("全镇收入3000万元，加上级补助收入1500万元，其中：专项补助900万元，上年结转200万元，调入资金100万元，"
                 "收入合计为5000万元。",
                 [("stated-structure", 15000000, (9000000, 2000000, 1000000), "pass")],
                 id="其中-inside-a-running-sum-no-reading-adds-up-no-fail"),
    pytest.param("全镇收入3000万元，加上级补助收入1500万元，上年结转200万元，调入资金100万元，收入合计为5000万元。",
                 [("stated-structure", 50000000, (30000000, 15000000, 2000000, 1000000), "fail")],
                 id="a-running-sum-without-其中-still-fails"),
    # a 、-list in brackets ends at a comma
    pytest.param("转移支付收入1000万元，其中：一般转移支付收入600万元（含均衡性转移支付100万元、结算补助200万元、"
                 "其他补助300万元，专项转移支付收入400万元）。",
                 [("stated-structure", 6000000, (1000000, 2000000, 3000000), "pass"),
                  ("stated-structure", 10000000, (6000000,), "pass")],
                 id="a-bracketed-list-joined-by-、-ends-at-a-comma"),
    pytest.param("在职人员50人（其中：管理人员10人，专业技术人员30人，工勤人员10人）。",
                 [("stated-structure", 50, (10, 30, 10), "pass")],
                 id="a-bracketed-list-joined-by-commas-runs-on"),
    pytest.param("局本级187人（在职在编139人、退休人员8人，协管员40人）。",
                 [("stated-structure", 187, (139, 8, 40), "pass")],
                 id="a-bracketed-list-that-goes-on-after-a-comma-may-run-on"),
    # a ；-statement naming a total is no part of the 其中 list before it
    pytest.param("基金收入总计300万元，其中本级收入100万元，上级补助收入200万元；基金支出总计300万元，其中本级支出250万元，"
                 "调出资金50万元。",
                 [("stated-structure", 3000000, (1000000, 2000000), "pass"),
                  ("stated-structure", 3000000, (2500000, 500000), "pass")],
                 id="a-total-after-；-opens-a-statement-of-its-own"),
    pytest.param("基金收入总计300万元，其中本级收入100万元，上级补助收入150万元；基金支出总计300万元。",
                 [("stated-structure", 3000000, (1000000, 1500000), "pass")],
                 id="and-a-list-that-falls-short-of-its-total-is-still-le"),
    # 其中包括 is one intro
    pytest.param("全年可用资金为2000万元，为预算的105%。其中包括：支出基数1200万元，体制结算收入500万元，上级补助收入300万元。",
                 [("stated-structure", 20000000, (12000000, 5000000, 3000000), "pass")],
                 id="其中包括-is-one-intro-its-total-the-sentence-before"),
    pytest.param("全年可用资金为2000万元，为预算的105%。其中包括：支出基数1200万元，体制结算收入500万元，上级补助收入400万元。",
                 [("stated-structure", 20000000, (12000000, 5000000, 4000000), "fail")],
                 id="其中包括-mutated-parts-beyond-the-total-fail"),
    # a running sum's result named as what it started from
    pytest.param("一般公共预算可用资金为2000万元。加上上年结余300万元，全年一般公共预算可用资金为2300万元。",
                 [("stated-structure", 23000000, (20000000, 3000000), "pass")],
                 id="the-result-of-加上-restates-the-first-term's-name"),
    pytest.param("一般公共预算可用资金为2000万元。加上上年结余300万元，全年安排项目支出为2300万元。",
                 [], id="a-last-figure-of-another-name-is-no-result"),
    # a balance of an account's whole and its uses named one by one
    pytest.param("一般公共预算收入总量5000万元，一般公共预算支出4000万元、上解上级支出300万元、债务还本支出200万元，"
                 "年终结转结余400万元；基金预算收入总量900万元、基金支出700万元、上解上级支出50万元，年终结余150万元。",
                 [("stated-structure", 50000000, (40000000, 3000000, 2000000, 4000000), "pass"),
                  ("stated-structure", 9000000, (7000000, 500000, 1500000), "pass")],
                 id="uses-named-one-by-one-are-at-most-the-whole-one-balance-per-statement"),
    pytest.param("一般公共预算收入总量5000万元，一般公共预算支出4000万元、上解上级支出300万元、债务还本支出200万元，"
                 "年终结转结余600万元。",
                 [("stated-structure", 50000000, (40000000, 3000000, 2000000, 6000000), "fail")],
                 id="uses-and-balance-beyond-the-whole-fail"),
    # a change broken down in brackets
    pytest.param("全县收入安排29000万元（其中：县本级25780万元，开发区3220万元），比人代会预算数增加6000万元"
                 "（其中：县本级5880万元，开发区120万元）。",
                 [("stated-structure", 290000000, (257800000, 32200000), "pass"),
                  ("stated-structure", 60000000, (58800000, 1200000), "pass")],
                 id="a-bracket-after-a-change-breaks-the-change-down"),
    pytest.param("全县收入安排29000万元（其中：县本级25780万元，开发区3220万元），比人代会预算数增加6000万元"
                 "（其中：县本级5880万元，开发区130万元）。",
                 [("stated-structure", 290000000, (257800000, 32200000), "pass")],
                 id="a-change's-bracket-that-does-not-add-up-is-no-check-its-parts'-directions-unseen"),
]


@pytest.mark.parametrize(("text", "expected"), NEW_FEATURES)
def test_new_features_of_the_third_tune_batch(text: str, expected: list[tuple[str, int, tuple[int, ...], str]]) -> None:
    assert _checks(text) == sorted(expected)
