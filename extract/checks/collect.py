"""The figures of one document, read from its fact rows or its Fact objects (both give the same)."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import regex

from ..records import Fact, fmt_decimal
from ..rules import Rules
from .figures import Num
from .printed import _CHECKED, NUMERIC, Figure, interval, split_direction

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

_SPACE = regex.compile(r"\s+")
_CLAUSE = regex.compile(r"[，,；;：:、]")  # 、 too: …(土地增减挂钩收入)、调入…300万元 is no change


def _is_na(v: Any) -> bool:
    """pandas' NA (from a DataFrame's nullable columns); nothing is, while pandas is not imported."""
    pd = sys.modules.get("pandas")
    return pd is not None and v is pd.NA


def _dec(v: Any) -> Decimal | None:
    if v is None or (isinstance(v, float) and v != v) or v == "" or _is_na(v):
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def _str(v: Any) -> str:
    if v.__class__ is str:
        return v
    return "" if v is None or (isinstance(v, float) and v != v) or _is_na(v) else str(v)


def _is_change(sentence: str, rel: int, rules: Rules) -> bool:
    """The clause before a figure makes it a change or a comparison (比2024年预算减少990万元)."""
    # the clause before the figure (looked for in the last 80 characters: sentences can be long)
    clause = _CLAUSE.split(_SPACE.sub("", sentence[max(0, rel - 80):max(0, rel)]))[-1]
    return bool(rules.comparison.search(clause) or rules.change_before.search(clause))


_EXACT_PEOPLE = regex.compile(r"[\d,，]+\s*(?:人次|人|名|位|口)")
_CONTROL = regex.compile(r"[\x00-\x1f\x7f]")  # as records.Fact.row removes them from words read from the page
_FIGURE_COLUMNS = ["fact_id", "kind", "text", "start", "end", "value", "unit", "rule", "qualifier", "label",
                   "section", "page", "sentence", "sentence_start", "value_max", "resolution", "source", "column",
                   "table"]


def figures_table(facts: pd.DataFrame, rules: Rules) -> list[Figure]:
    """The figures of one document's facts table."""
    wanted = facts[facts["kind"].isin((*NUMERIC, "percent", "date"))]
    records: list[dict[str, Any]] = wanted[[c for c in _FIGURE_COLUMNS if c in wanted.columns]].to_dict("records")  # type: ignore[assignment]
    return figures(records, rules)


def figures(records: list[dict[str, Any]], rules: Rules) -> list[Figure]:
    """The figures of one document's fact rows (dicts with the facts table's columns), in text order."""
    out = []
    periods: dict[str, list[str]] = {}  # the dates named in each sentence: a total and its parts share a period
    for r in records:
        if r.get("kind") == "date" and _str(r.get("sentence_start")):
            periods.setdefault(_str(r.get("sentence_start")), []).append(_str(r.get("value")))
    for r in records:
        if r.get("kind") not in _CHECKED or _str(r.get("rule")) == "amount.per_unit":
            continue
        v = _dec(r.get("value"))
        if v is None or _dec(r.get("value_max")) is not None:
            continue
        direction, qual = split_direction(_str(r.get("qualifier")))
        resolution = _dec(r.get("resolution"))
        if r["kind"] == "headcount" and _EXACT_PEOPLE.fullmatch(_str(r.get("text"))):
            resolution = Decimal(0)  # 12人 is a count, not a rounded figure (37.4万人 is rounded)
        lo, hi = interval(v, resolution, qual)
        ss = r.get("sentence_start")
        page = _str(r.get("page"))
        start, sentence_start, sentence = int(r["start"]), int(str(ss)) if _str(ss) else -1, _str(r.get("sentence"))
        source = _str(r.get("source")) or "text"
        num = Num(_str(r.get("fact_id")), r["kind"], _str(r.get("unit")), start, int(r["end"]),
                  sentence_start, sentence, _str(r.get("section")),
                  _str(r.get("label")), source, _str(r.get("column")),
                  int(float(page)) if page else 0,
                  change=source == "text" and _is_change(sentence, start - sentence_start, rules),
                  periods=tuple(periods.get(_str(ss), ())),
                  table=int(float(_str(r.get("table")))) if _str(r.get("table")) else 0)
        out.append(Figure(num, v, lo, hi, _str(r.get("text")), qual, direction))
    out.sort(key=lambda f: f.num.start)
    return out


def _exact(v: Decimal) -> Decimal:
    """A fact's Decimal as its row holds it (:func:`extract.records.fmt_decimal`, no exponent), so a
    figure taken from a Fact is the figure taken from its row, digit for digit."""
    exp = v.as_tuple().exponent
    return v if isinstance(exp, int) and exp <= 0 else Decimal(format(v, "f"))


def _plain(v: str | None) -> str:
    """A label, section or column as the facts table shows it (control characters removed)."""
    return _CONTROL.sub("", v) if v else ""


def figures_of(facts: Sequence[Fact], rules: Rules) -> list[Figure]:
    """:func:`figures` of a document's Fact objects, without their rows: the same figures (a test
    compares both on real reports) at less cost on the per-document path of a batch."""
    out = []
    periods: dict[int, list[str]] = {}
    for f in facts:
        if f.kind == "date" and f.sentence_start is not None:
            periods.setdefault(f.sentence_start, []).append(f.value if isinstance(f.value, str) else
                                                            fmt_decimal(f.value) or "")
    for f in facts:
        if f.kind not in _CHECKED or f.rule == "amount.per_unit" or f.value_max is not None:
            continue
        v = _exact(f.value) if isinstance(f.value, Decimal) else _dec(f.value)
        if v is None:
            continue
        direction, qual = split_direction(f.qualifier or "")
        resolution = _exact(f.resolution) if f.resolution is not None else None
        text = f.text or ""
        if f.kind == "headcount" and _EXACT_PEOPLE.fullmatch(text):
            resolution = Decimal(0)  # 12人 is a count, not a rounded figure (37.4万人 is rounded)
        lo, hi = interval(v, resolution, qual)
        ss = f.sentence_start
        sentence_start, sentence = ss if ss is not None else -1, f.sentence or ""
        source = f.source or "text"
        num = Num(f.fact_id, f.kind, f.unit or "", f.start, f.end, sentence_start, sentence, _plain(f.section),
                  _plain(f.label), source, _plain(f.column), f.page or 0,
                  change=source == "text" and _is_change(sentence, f.start - sentence_start, rules),
                  periods=tuple(periods.get(ss, ())) if ss is not None else (),
                  table=f.table or 0)
        out.append(Figure(num, v, lo, hi, text, qual, direction))
    out.sort(key=lambda f: f.num.start)
    return out
