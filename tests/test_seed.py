"""Reproduce the seed score with the evaluation script (copied into tests/fixtures/score.py)."""
from __future__ import annotations

import importlib.util
import json

import extract


def _score_module(fixtures):
    spec = importlib.util.spec_from_file_location("score", fixtures / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seed_score(fixtures, tmp_path):
    result = extract.run([fixtures / "changning-kexie-2021.txt"])
    gold = [json.loads(line) for line in
            (fixtures / "changning-kexie-2021.gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    score = _score_module(fixtures)
    pred = result.facts.astype(object).where(result.facts.notna(), None).to_dict("records")
    rows, misses = score.score(pred, gold)
    for kind in ("amount", "headcount", "date", "award"):
        assert rows[kind]["f1"] >= 0.95, (kind, rows[kind], [m for m in misses if m[0] == kind])
    checks = result.checks.to_dict("records")
    found, lines = score.score_checks(checks, gold)
    assert {k: found[k] for k in ("expected", "found", "verdict_agrees", "fail_expected", "fail_caught")} == {
        "expected": 6, "found": 6, "verdict_agrees": 6, "fail_expected": 1, "fail_caught": 1}, lines
