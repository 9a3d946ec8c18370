"""Check that the figures add up; every check is a row, every failure names its evidence.

Three sources of checks, all collected (nothing stops at the first failure):

* ``stated-structure``: totals and parts the text states (see structures.py);
* ``identity.*``: known identities from patterns/identities.yaml, applied where
  their total and all parts are found in one document and one scope;
* ``repeated-figure``: one concept stated twice in a document with different values.

Arithmetic is Decimal. Tolerance comes from printed precision, as XBRL
Calculations 1.1 does: a figure printed as ``129.50万元`` is the interval
[129.495, 129.505]万元; quantifiers widen it (``400余人`` is [400, 500)).
A check passes when the interval of the total and the interval of the sum of
the parts overlap (eq) or the parts' lower bound does not exceed the total's
upper bound (le).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..records import CHECK_COLUMNS, Fact
from ..rules import Rules
from .collect import figures_table, figures, figures_of
from .printed import NUMERIC, Figure, interval, split_direction
from .rates import shares, stated_changes
from .sentence_checks import base_rows, identity_rows, repeated_rows, stated_rows
from .table_checks import table_rows, table_part_rows

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

__all__ = ["NUMERIC", "Figure", "check_document", "check_facts", "check_rows", "figures", "figures_of", "interval",
           "split_direction"]


def check_document(doc_id: str, figures: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """Every check of one document: stated structures, identities, repeated figures, tables,
    stated changes, rates and shares."""
    figs = [f for f in figures if f.num.kind != "percent"]
    pcts = [f for f in figures if f.num.kind == "percent"]
    rows, stated, guessed = stated_rows(doc_id, figs, rules)
    ident_rows, completed = identity_rows(doc_id, figs, rules, stated)
    # an identity's check stands for a partial breakdown it completed, and for a sum guessed from the layout
    # (one that does not add up stands beside a guessed sum that does: 一般公共预算收入 of a county is
    # also 本级收入 + 转移性收入 + …, and its 税收/非税 may be those of 本级收入 alone)
    named = {r["total_fact_id"] for r in ident_rows if r["status"] == "pass"}
    rows = [r for r in rows if r["total_fact_id"] not in completed
            and not (r["check_id"] in guessed and r["total_fact_id"] in named)] + ident_rows
    rows += base_rows(doc_id, rows, figs, guessed)
    rows += repeated_rows(doc_id, figs, rules)
    rows += table_rows(doc_id, figs)
    rows += table_part_rows(doc_id, figs, rules)
    rows += stated_changes(doc_id, figs, pcts, rules)  # type: ignore[arg-type]  # Figure fits rates._Fig
    rows += shares(doc_id, figs, pcts, rules)  # type: ignore[arg-type]
    return rows


def check_facts(facts: pd.DataFrame, rules: Rules, errors: dict[str, str] | None = None) -> pd.DataFrame:
    """The checks table for a facts table (all documents in it).

    With ``errors``, a document whose checking fails (a bug included) is recorded there
    (doc_id -> stage and exception) and the other documents are still checked; without it,
    the exception propagates."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    if len(facts):
        for doc_id, group in facts.groupby("doc_id", sort=False):
            try:
                rows.extend(check_document(str(doc_id), figures_table(group, rules), rules))
            except Exception as e:  # noqa: BLE001 - reported per document, never hidden
                if errors is None:
                    raise
                errors[str(doc_id)] = f"validate: {type(e).__name__}: {e}"
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def check_rows(doc_id: str, records: list[dict[str, Any]], rules: Rules,
               facts: Sequence[Fact] | None = None) -> list[dict[str, Any]]:
    """The check rows of one document's fact rows (no DataFrame: the per-document path of a batch).
    ``facts``: the Fact objects the rows were made from; the figures are taken from them instead of
    parsing the rows' text back (:func:`figures_of`)."""
    return check_document(doc_id, figures_of(facts, rules) if facts is not None else figures(records, rules), rules)
