"""The validator: stated structures, identities, repeated figures, tolerance, mutations."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import extract
from extract.checks.validate import interval


def _checks(text: str, year: int = 2021):
    return extract.check(extract.extract_facts(text, year=year))


def _summary(checks):
    return sorted((r.rule, r.relation, r.total_value, tuple(json.loads(r.part_values)), r.status)
                  for r in checks.itertuples())


@pytest.mark.parametrize("value,res,qual,lo,hi", [
    ("1295000", "100", None, "1294950", "1295050"),   # 129.50万元
    ("14", "1", None, "13.5", "14.5"),
    ("400", "1", "余", "400", "500"),                   # 400余人
    ("30000", "10000", "余", "30000", "40000"),         # 3万余人次
    ("200", "1", "近", "100", "200"),                   # 近200名
    ("1500", "1", "约余", "1400", "1600"),              # 约1500余人次: widest reading
])
def test_interval(value, res, qual, lo, hi):
    assert interval(Decimal(value), Decimal(res), qual) == (Decimal(lo), Decimal(hi))


@pytest.mark.parametrize("text,expected", [
    pytest.param("实有在编人员共14人，其中在职14人，退休4人。",
                 [("stated-structure", "le", "14", (14, 4), "fail")], id="seed-parts-exceed-whole"),
    pytest.param("收入总计181.92万元，包括一般公共预算财政拨款收入169.77万元，其他收入12.15万元。",
                 [("stated-structure", "eq", "1819200.00", (1697700, 121500), "pass")], id="exhaustive-包括"),
    pytest.param("现有310名科技工作者完成信息采集，其中高级职称46人，中级职称111人，初级职称104人。",
                 [("stated-structure", "le", "310", (46, 111, 104), "pass")], id="partial-其中"),
    pytest.param("支出总计434.72万元，包括基本支出434.16万元，项目支出0.00万元，经营支出0.55万元。",
                 [("stated-structure", "eq", "4347200.00", (4341600, 0, 5500), "pass")], id="rounding-passes"),
    pytest.param("支出总计434.72万元，包括基本支出430.16万元，项目支出0.00万元。",
                 [("stated-structure", "eq", "4347200.00", (4301600, 0), "fail")], id="true-error-fails"),
    pytest.param("现有人员1894人,其中局本级187人(在职在编139人、退休人员8人、协管员40人),环卫处1707人(在职1500人、退休207人)。",
                 [("stated-structure", "eq", "1707", (1500, 207), "pass"),
                  ("stated-structure", "eq", "187", (139, 8, 40), "pass"),
                  ("stated-structure", "le", "1894", (187, 1707), "pass")], id="nested-parentheses"),
    pytest.param("获衡阳市一等奖8个，二等奖17个，三等奖18个，其中8个优秀项目被推荐。", [], id="list-end-is-no-total"),
    pytest.param("新增铁路运营里程639公里、其中高铁370公里，新增高速公路2600公里、农村公路3000公里。",
                 [("stated-structure", "le", "639", (370,), "pass")], id="gansu-parts-stop-at-new-clause"),
    pytest.param("由于资金紧张，人均1.0元，科普经费年初预算36.0万元。", [], id="由于-is-not-a-marker"),
    pytest.param("全年地区生产总值（GDP）1234.56亿元，比上年增长6.5%。其中，第一产业增加值100.10亿元，增长3.0%；"
                 "第二产业增加值500.20亿元，增长7.0%；第三产业增加值634.26亿元，增长6.8%。",
                 [("stated-structure", "eq", "123456000000.00", (10010000000, 50020000000, 63426000000), "pass")],
                 id="communique-其中-opens-next-sentence"),
    pytest.param("2021年“三公”经费支出5.2万元，其中：公务接待费3.2万元，公务用车运行维护费2万元，因公出国（境）费0万元。",
                 [("stated-structure", "le", "52000.0", (32000, 20000, 0), "pass")], id="three-public-quoted-label"),
])
def test_stated_structures(text, expected):
    got = [(r, rel, t, tuple(int(Decimal(str(x))) for x in p), s) for r, rel, t, p, s in _summary(_checks(text))]
    assert got == sorted(expected)


def test_section_total_with_parts_sentences_later():
    text = ("三、部门预算支出情况分析\n"
            "3、项目经费52.42万元，开展科普活动；32个单位完成注册。其中科普活动工作经费15.0万元，"
            "科普大篷车运行及车载资源经费8.0万元，科普示范市工作经费14.27万元，文明创建、禁毒科普经费12.15万元，"
            "科普信息化融合经费3.0万元。")
    rows = _checks(text)
    assert len(rows) == 1
    r = rows.iloc[0]
    assert (r.total_value, r.status, len(json.loads(r.part_values))) == ("524200.00", "pass", 5)


def test_identity_applies_within_a_scope():
    text = ("三、支出情况\n全年支出总计181.92万元，其中基本支出129.50万元，项目支出52.42万元。\n"
            "1、人员经费115.89万元，用于工资。\n2、公用经费13.61万元，用于办公。")
    rows = _checks(text)
    ident = rows[rows.rule == "identity.basic_expenditure"]
    assert list(ident.status) == ["pass"]
    stated = rows[rows.rule == "stated-structure"]
    assert list(stated.relation) == ["eq"]  # 其中 upgraded: 支出总计 = 基本支出 + 项目支出 is an identity


def test_identity_needs_one_scope():
    text = "一、基本支出\n基本支出129.50万元。\n二、其他\n人员经费115.89万元，公用经费13.61万元。"
    assert "identity.basic_expenditure" not in set(_checks(text).rule)


def test_repeated_figure_warns():
    text = "一、预算\n基本支出预算数为12323.46万元，主要用于人员。基本支出12323.48万元。"
    rows = _checks(text)
    rep = rows[rows.rule == "repeated-figure"]
    assert list(rep.status) == ["warn"]
    assert "12323.46万元" in rep.iloc[0].message and "12323.48万元" in rep.iloc[0].message


def test_comparisons_are_not_repeats():
    text = "一般公共预算收入从874.6亿元增加到1112.4亿元。"
    assert len(_checks(text)) == 0


def test_checks_table_columns():
    rows = _checks("实有在编人员共14人，其中在职14人，退休4人。")
    for col in ("check_id", "doc_id", "rule", "relation", "total_fact_id", "total_label", "total_value",
                "part_fact_ids", "part_labels", "part_values", "difference", "tolerance", "status", "message"):
        assert col in rows.columns
    r = rows.iloc[0]
    facts = extract.extract_facts("实有在编人员共14人，其中在职14人，退休4人。", year=2021)
    ids = set(facts.fact_id)
    assert r.total_fact_id in ids and set(json.loads(r.part_fact_ids)) <= ids
    assert "exceed" in r.message and "14人" in r.message


# --- mutation tests on the seed report: change one figure, exactly its checks turn to fail ---

def _seed_checks(text):
    return extract.check(extract.extract_facts(text, year=2021, doc_id="seed"))


def test_unchanged_seed_fails_only_the_headcount(seed_text):
    rows = _seed_checks(seed_text)
    bad = rows[rows.status != "pass"]
    assert [(r.total_value, json.loads(r.part_values)) for r in bad.itertuples()] == [("14", [14, 4])]


@pytest.mark.parametrize("old,new,failing_rules", [
    ("人员经费115.89万元", "人员经费115.98万元", {"identity.basic_expenditure"}),
    ("公用经费13.61万元", "公用经费13.16万元", {"identity.basic_expenditure"}),
    ("其他收入12.15万元", "其他收入12.51万元", {"stated-structure"}),
    ("项目支出52.42万元", "项目支出52.24万元", {"stated-structure"}),
    ("科普示范市工作经费14.27万元", "科普示范市工作经费24.27万元", {"stated-structure"}),
    ("初级职称104人", "初级职称204人", {"stated-structure"}),
])
def test_mutation_fails_exactly_the_checks_involving_it(seed_text, old, new, failing_rules):
    assert seed_text.count(old) == 1
    before = _seed_checks(seed_text)
    after = _seed_checks(seed_text.replace(old, new))
    fails = lambda df: {r.check_id for r in df.itertuples() if r.status == "fail"}  # noqa: E731
    newly = fails(after) - fails(before)
    assert newly, "the mutated figure should make a check fail"
    changed = after[after.check_id.isin(newly)]
    assert set(changed.rule) == failing_rules
    new_value = new.removeprefix(new.rstrip("0123456789.万元人"))
    for r in changed.itertuples():  # every newly failing check involves the mutated figure
        assert new_value in r.message
