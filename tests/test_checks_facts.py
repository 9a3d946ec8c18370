"""The checks of a batch are fed the document's Fact objects (``figures_of``) instead of parsing the
fact rows back (``figures``): both must give the same figures, digit for digit (a Decimal's exponent
included: ``repr`` is compared), on real reports and on the cases where a row differs from its Fact
(exponent-form values, control characters in labels, table facts, dates that give a period)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extract.checks.validate import check_document, check_rows, figures, figures_of
from extract.find.facts import document_facts
from extract.read.ingest import read_report
from extract.records import Fact
from extract.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.pdf"))[:2] \
    + sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))[:3]


def _both(facts: list[Fact]) -> tuple[str, str]:
    rules = load_rules()
    return repr(figures([f.row() for f in facts], rules)), repr(figures_of(facts, rules))


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_reports_give_the_same_figures_from_facts_as_from_rows(path: Path) -> None:
    doc = read_report(path, None, path.stem)
    facts = document_facts(doc, load_rules())
    from_rows, from_facts = _both(facts)
    assert from_facts == from_rows
    assert "Figure(" in from_rows  # a report with figures to check, not two empty lists


def _fact(**kw: object) -> Fact:
    base: dict[str, object] = dict(doc_id="d", kind="amount", text="120万元", start=10, end=16,
                                   value=Decimal("1200000"), unit="元", rule="amount.wan", sentence="收入合计120万元",
                                   sentence_start=4, resolution=Decimal("10000"), label="收入合计", section="一、收支")
    base.update(kw)
    return Fact(**base)  # type: ignore[arg-type]


CASES = {
    "plain amount": [_fact()],
    "value and resolution in exponent form": [_fact(value=Decimal("1.2E+6"), resolution=Decimal("1E+4"))],
    "control characters in label, section, column": [_fact(label="收入\n合计", section="一、\x07收支",
                                                           column="预算\t数", source="table", page=3, table=2)],
    "approximate people": [_fact(kind="headcount", text="400余人", value=Decimal("400"), unit="人",
                                 rule="headcount.plain", qualifier="余", resolution=Decimal("1"))],
    "exact people": [_fact(kind="headcount", text="12人", value=Decimal("12"), unit="人", rule="headcount.plain",
                           resolution=Decimal("1"))],
    "a change with its direction": [_fact(qualifier="增加约", change=True, sentence="比上年增加约120万元",
                                          sentence_start=0, start=5, end=11)],
    "a date giving the sentence's period": [_fact(kind="date", text="2021年", value="2021", unit=None,
                                                  rule="date.year", start=4, end=9, resolution=None),
                                            _fact()],
    "a sentence at offset 0 and no sentence": [_fact(sentence_start=0, start=0, end=6),
                                               _fact(sentence_start=None, sentence=None, start=20, end=26)],
    "skipped: a range, a per-unit amount, a date alone": [
        _fact(value_max=Decimal("1500000")), _fact(rule="amount.per_unit", start=30, end=36),
        _fact(kind="date", text="2021年", value="2021", unit=None, rule="date.year", resolution=None)],
    "a percent": [_fact(kind="percent", text="12.5%", value=Decimal("12.5"), unit="%", rule="percent.plain",
                        resolution=Decimal("0.1"))],
}


@pytest.mark.parametrize("facts", list(CASES.values()), ids=list(CASES))
def test_facts_and_their_rows_give_the_same_figures(facts: list[Fact]) -> None:
    from_rows, from_facts = _both(facts)
    assert from_facts == from_rows


def test_exponent_form_is_written_out_as_the_row_has_it() -> None:
    (fig,) = figures_of([_fact(value=Decimal("1.2E+6"), resolution=Decimal("1E+4"))], load_rules())
    assert repr(fig.value) == "Decimal('1200000')" and repr(fig.hi) == "Decimal('1205000')"


def test_check_rows_takes_the_facts_when_given(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    doc = read_report(path, 2021, "seed")
    rules = load_rules()
    facts = document_facts(doc, rules, year=2021)
    rows = [f.row() for f in facts]
    expected = check_document("seed", figures(rows, rules), rules)
    assert expected  # the seed report has checks
    assert check_rows("seed", rows, rules, facts=facts) == expected == check_rows("seed", rows, rules)
