"""Every rule in patterns/ against its own examples and counter-examples; rule files fail loudly."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import extract
from extract.rules import load_rules, patterns_dir
from extract.records import RuleError

RULES = load_rules()
ALL = [*RULES.figures, *RULES.award_rules.values()]


def _rule_ids(text: str) -> set[str]:
    return set(extract.extract_facts(text, year=2021)["rule"])


@pytest.mark.parametrize("rule,example", [pytest.param(r, e, id=f"{r.id}:{e}") for r in ALL for e in r.examples])
def test_rule_example_matches(rule, example):
    assert rule.id in _rule_ids(example)


@pytest.mark.parametrize("rule,example",
                         [pytest.param(r, e, id=f"{r.id}:{e}") for r in ALL for e in r.counter_examples])
def test_rule_counter_example_does_not_match(rule, example):
    assert rule.id not in _rule_ids(example)


def test_every_rule_has_examples():
    assert all(r.examples for r in ALL), [r.id for r in ALL if not r.examples]


def _copy_patterns(tmp_path: Path) -> Path:
    dst = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), dst)
    return dst


def test_duplicate_rule_id_is_refused(tmp_path):
    d = _copy_patterns(tmp_path)
    f = d / "figures.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("id: amount.range", "id: amount.money"), encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules(str(d))


def test_regex_that_does_not_compile_is_refused(tmp_path):
    d = _copy_patterns(tmp_path)
    f = d / "figures.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("(?P<num2>{NUM})", "(?P<num2>{NUM}"), encoding="utf-8")
    with pytest.raises(RuleError, match="does not compile"):
        load_rules(str(d))


def test_duplicate_yaml_key_is_refused(tmp_path):
    d = _copy_patterns(tmp_path)
    f = d / "units.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("  万元: 10000\n", "  万元: 10000\n  万元: 1\n"),
                 encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate key"):
        load_rules(str(d))


def test_unknown_concept_in_identity_is_refused(tmp_path):
    d = _copy_patterns(tmp_path)
    f = d / "identities.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("parts: [人员经费, 公用经费]", "parts: [人员经费, 公用费]"),
                 encoding="utf-8")
    with pytest.raises(RuleError, match="unknown concept"):
        load_rules(str(d))


def test_unknown_kind_is_refused(tmp_path):
    d = _copy_patterns(tmp_path)
    f = d / "figures.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("kind: percent", "kind: ratio"), encoding="utf-8")
    with pytest.raises(RuleError, match="unknown kind"):
        load_rules(str(d))
