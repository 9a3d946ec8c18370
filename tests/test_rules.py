"""Every rule in patterns/ against its own examples and counter-examples; rule files fail loudly."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import extract
from extract.find.awards import award_rules
from extract.rules import load_rules, patterns_dir
from extract.records import RuleError

RULES = load_rules()
ALL = [*RULES.figures, *award_rules(RULES).rules.values()]


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


@pytest.mark.parametrize("file,old,new,message", [
    pytest.param("figures.yaml", "id: amount.range", "id: amount.money", "duplicate rule id", id="duplicate-rule-id"),
    pytest.param("figures.yaml", "(?P<num2>{NUM})", "(?P<num2>{NUM}", "does not compile", id="bad-regex"),
    pytest.param("figures.yaml", "kind: percent", "kind: ratio", "unknown kind", id="unknown-kind"),
    pytest.param("figures.yaml", "{START}(?P<num>{NUM})(?P<unit>{PERCENT})", "{NOPE}", "unknown placeholder",
                 id="unknown-placeholder"),
    pytest.param("units.yaml", "  万元: 10000\n", "  万元: 10000\n  万元: 1\n", "duplicate key", id="duplicate-key"),
    pytest.param("identities.yaml", "parts: [人员经费, 公用经费]", "parts: [人员经费, 公用费]", "unknown concept",
                 id="unknown-concept"),
    pytest.param("identities.yaml", "  公务接待费: [公务接待费]", "  公务接待费: [公务接待费, 公务用车费]",
                 "given to both", id="synonym-in-two-concepts"),
])
def test_bad_rule_file_is_refused(tmp_path, file, old, new, message):
    d = _copy_patterns(tmp_path)
    f = d / file
    text = f.read_text(encoding="utf-8")
    assert old in text, "the test's anchor is gone from the rule file"
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules(str(d))
