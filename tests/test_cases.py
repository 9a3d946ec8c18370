"""Table-driven extraction cases, grouped by origin (tests/cases/*.yaml).

One parametrized case per line of a table, so one failure never hides the rest.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import extract

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list[Any]:
    cases = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["id"]) for c in cases]


def _same(field: str, got: Any, want: str) -> bool:
    if field in ("value", "value_max") and got is not None:
        try:
            return Decimal(str(got)) == Decimal(want)
        except ArithmeticError:
            pass
    return str(got) == str(want)


def _matches(row: dict[str, Any], spec: dict[str, Any]) -> bool:
    return all(_same(k, row.get(k), v) for k, v in spec.items())


def _check(case: dict[str, Any]) -> None:
    text = case["text"]
    df = extract.extract_facts(text, year=case.get("year"))
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for row in rows:  # provenance holds for every fact
        assert text[row["start"]:row["end"]] == row["text"]
    for spec in case.get("expect", []):
        assert any(_matches(r, spec) for r in rows), (
            f"expected {spec}\n got: {[(r['kind'], r['text'], r['value'], r['label']) for r in rows]}")
    scored = {"amount", "headcount", "date", "award", "quantity", "percent"}
    for spec in case.get("absent", []):
        bad = [r for r in rows if r["kind"] in scored and _matches(
            {**r, "text": r["text"]}, {k: v for k, v in spec.items() if k != "text"})
               and ("text" not in spec or r["text"] in spec["text"])]
        assert not bad, f"unexpected {[(r['kind'], r['text']) for r in bad]} for {spec}"


@pytest.mark.parametrize("case", _load("real_reports"))
def test_real_reports(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _load("traps"))
def test_traps(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _load("new_features"))
def test_new_features(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _load("known_failures"))
@pytest.mark.xfail(strict=True, reason="known limitation, see the case's why")
def test_known_failures(case: dict[str, Any]) -> None:
    _check(case)
