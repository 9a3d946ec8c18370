"""Checks of what a report says about changes and shares, beside its sums.

* ``stated-change``: 公务接待费由12.60万元减少到8.10万元，减少4.50万元 — the printed change is the
  difference of the two printed levels, in the stated direction;
* ``stated-rate``: …，下降35.7% — the printed rate is that change over the earlier level;
* ``share``: 工资福利支出905709.06元，占基本支出预算79.89% — the printed share is the part over the
  whole the text names (found as a figure of that concept in the document).

Intervals as in :mod:`extract.validate`: a figure stands for every value that rounds to it. A rate
or share printed with two decimals is allowed one unit of its last digit, because publishers
truncate as often as they round (6.4564% printed as 6.45%).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

import regex

from .breakdowns import SHARE_OF
from ..records import fmt_decimal
from ..rules import Rules

_TO = regex.compile(r"^[\s\u3000]*(?:增加|减少|增长|下降|提高|降低|上升|压减|减|增)(?:到|至|为)[\s\u3000约]*$")
_SHARE_AFTER = regex.compile(SHARE_OF + "$")
_HUNDRED = Decimal(100)
# a rate over several years (年均增长5.4%) is not the change over the earlier level
_AVERAGE = regex.compile(r"年均|平均|每年|年增|累计")


class _Fig(Protocol):  # validate.Figure, without importing it (validate imports this module)
    num: Any
    value: Decimal
    lo: Decimal
    hi: Decimal
    text: str
    qualifier: str
    direction: str


def _row(doc_id: str, rule: str, stated: _Fig, figures: Sequence[_Fig], computed: Decimal, lo: Decimal,
         hi: Decimal, slack: Decimal, message: str) -> dict[str, Any]:
    """A check row: ``stated`` is the printed change/rate/share, ``figures`` what it is computed from.
    Money is shown to the fen, rates and shares to four decimals."""
    q = Decimal("0.0001") if stated.num.kind == "percent" else Decimal("0.01")
    unit = "%" if stated.num.kind == "percent" else f" {stated.num.unit}"
    ok = lo - slack <= stated.hi and stated.lo <= hi + slack
    ids = [f.num.fact_id for f in figures]
    key = f"{doc_id}|{rule}|{stated.num.fact_id}|{','.join(ids)}"
    diff = stated.value - computed
    tol = max(stated.hi - stated.value, stated.value - stated.lo) + max(hi - computed, computed - lo) + slack
    status = "pass" if ok else ("warn" if any(f.qualifier for f in (stated, *figures)) else "fail")
    verdict = "agrees with" if ok else "does not agree with"
    return {
        "check_id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        "doc_id": doc_id, "rule": rule, "relation": "eq", "scope": stated.num.section,
        "total_fact_id": stated.num.fact_id, "total_label": stated.num.label or rule,
        "total_value": fmt_decimal(stated.value), "part_fact_ids": json.dumps(ids),
        "part_labels": json.dumps([f.num.label for f in figures], ensure_ascii=False),
        "part_values": "[" + ", ".join(fmt_decimal(f.value) or "" for f in figures) + "]",
        "difference": fmt_decimal(diff.quantize(q)), "tolerance": fmt_decimal(tol.quantize(q)),
        "unit": stated.num.unit, "status": status,
        "message": f"{stated.text} {verdict} {message} = {fmt_decimal(computed.quantize(q))}{unit}"
                   + ("" if ok else f", off by {fmt_decimal(diff.quantize(q))}{unit} beyond the rounding "
                                    f"tolerance {fmt_decimal(tol.quantize(q))}{unit}"),
    }


def _ratio_bounds(a_lo: Decimal, a_hi: Decimal, b_lo: Decimal, b_hi: Decimal) -> tuple[Decimal, Decimal]:
    """Bounds of a / b * 100 over the intervals (b > 0)."""
    corners = [x / y * _HUNDRED for x in (a_lo, a_hi) for y in (b_lo, b_hi) if y > 0]
    return min(corners), max(corners)


def stated_changes(doc_id: str, figs: Sequence[_Fig], pcts: Sequence[_Fig], rules: Rules) -> list[dict[str, Any]]:
    """由A减少到B，减少C，下降P%: C = |B − A| in the stated direction, P = C / A."""
    rows: list[dict[str, Any]] = []
    by_sentence: dict[int, list[_Fig]] = {}
    for f in [*figs, *pcts]:
        if f.num.source == "text":
            by_sentence.setdefault(f.num.sentence_start, []).append(f)
    for members in by_sentence.values():
        members.sort(key=lambda f: f.num.start)
        sentence = members[0].num.sentence
        ss = members[0].num.sentence_start
        for i in range(len(members) - 1):
            a, b = members[i], members[i + 1]
            if a.num.kind not in ("amount", "headcount") or a.num.kind != b.num.kind or a.num.unit != b.num.unit:
                continue
            if not _TO.match(sentence[a.num.end - ss:b.num.start - ss]):
                continue
            up = b.value > a.value
            rest = members[i + 2:]
            change = next((f for f in rest if f.num.kind == a.num.kind and f.num.change), None)
            rate = next((f for f in rest if f.num.kind == "percent" and f.num.change), None)
            if change is not None:
                said_up = change.direction == "增加"
                if said_up != up and change.value != 0:
                    rows.append(_row(doc_id, "stated-change", change, [a, b], b.value - a.value, b.lo - a.hi,
                                     b.hi - a.lo, Decimal(0), f"the direction of {a.text} → {b.text}"))
                    rows[-1]["status"] = "fail"
                else:
                    rows.append(_row(doc_id, "stated-change", change, [a, b], abs(b.value - a.value),
                                     min(abs(b.lo - a.hi), abs(b.hi - a.lo)), max(abs(b.lo - a.hi), abs(b.hi - a.lo)),
                                     Decimal(0), f"the difference {b.text} − {a.text}"))
            if rate is not None and _AVERAGE.search(sentence, b.num.end - ss, rate.num.start - ss):
                rate = None
            if rate is not None and a.value > 0:
                d_lo, d_hi = min(abs(b.lo - a.hi), abs(b.hi - a.lo)), max(abs(b.lo - a.hi), abs(b.hi - a.lo))
                lo, hi = _ratio_bounds(d_lo, d_hi, a.lo, a.hi)
                rows.append(_row(doc_id, "stated-rate", rate, [a, b], abs(b.value - a.value) / a.value * _HUNDRED,
                                 lo, hi, (rate.hi - rate.lo) / 2, f"({b.text} − {a.text}) / {a.text}"))
    return rows


def shares(doc_id: str, figs: Sequence[_Fig], pcts: Sequence[_Fig], rules: Rules) -> list[dict[str, Any]]:
    """工资福利支出905709.06元，占基本支出预算79.89%: the share is the part over the whole it names."""
    rows: list[dict[str, Any]] = []
    levels = [f for f in figs if f.num.source == "text" and not f.num.change]
    named: dict[tuple[str, str], list[tuple[_Fig, _Fig]]] = {}  # (whole, section) -> (part, share)
    in_sentence: dict[int, list[_Fig]] = {}
    for f in levels:
        in_sentence.setdefault(f.num.sentence_start, []).append(f)
    for p in pcts:
        if p.num.source != "text" or p.num.change:
            continue
        ss = p.num.sentence_start
        part = next((f for f in reversed(in_sentence.get(ss, [])) if f.num.end <= p.num.start), None)
        if part is None or part.num.kind != "amount":
            continue
        m = _SHARE_AFTER.fullmatch(p.num.sentence[part.num.end - ss:p.num.start - ss])
        if not m:
            continue
        whole_key = rules.concept(m.group("whole")) or m.group("whole")
        named.setdefault((whole_key, p.num.section), []).append((part, p))
        whole = next((f for f in levels if f is not part and f.num.kind == part.num.kind
                      and f.num.unit == part.num.unit and (rules.concept(f.num.label) or f.num.label) == whole_key
                      and f.value > 0), None)
        if whole is None:
            continue
        lo, hi = _ratio_bounds(part.lo, part.hi, whole.lo, whole.hi)
        rows.append(_row(doc_id, "share", p, [part, whole], part.value / whole.value * _HUNDRED, lo, hi,
                         (p.hi - p.lo) / 2, f"{part.text} / {whole.num.label} {whole.text}"))
    for (whole_key, _section), pairs in named.items():
        concepts = {rules.concept(part.num.label) for part, _ in pairs}
        if len(pairs) < 2 or not any(i.total == whole_key and concepts == set(i.parts) for i in rules.identities):
            continue
        rows.append(_share_sum(doc_id, whole_key, [share for _, share in pairs]))
    return rows


def _share_sum(doc_id: str, whole: str, pcts: Sequence[_Fig]) -> dict[str, Any]:
    """The printed shares of every part of a whole add up to 100% (each allowed one unit of its last
    digit, as above)."""
    total = sum((f.value for f in pcts), Decimal(0))
    lo = sum((f.lo - (f.hi - f.lo) / 2 for f in pcts), Decimal(0))
    hi = sum((f.hi + (f.hi - f.lo) / 2 for f in pcts), Decimal(0))
    ok = lo <= _HUNDRED <= hi
    ids = [f.num.fact_id for f in pcts]
    shown = " + ".join(f.text for f in pcts)
    return {
        "check_id": hashlib.sha1(f"{doc_id}|share-sum|{','.join(ids)}".encode("utf-8")).hexdigest()[:16],
        "doc_id": doc_id, "rule": "share-sum", "relation": "eq", "scope": pcts[0].num.section,
        "total_fact_id": None, "total_label": f"{whole} (100%)", "total_value": "100",
        "part_fact_ids": json.dumps(ids),
        "part_labels": json.dumps([f.num.label for f in pcts], ensure_ascii=False),
        "part_values": "[" + ", ".join(fmt_decimal(f.value) or "" for f in pcts) + "]",
        "difference": fmt_decimal(_HUNDRED - total), "tolerance": fmt_decimal(max(hi - total, total - lo)),
        "unit": "%", "status": "pass" if ok else "fail",
        "message": (f"the shares of every part of {whole} add up to 100%: {shown} = {fmt_decimal(total)}%" if ok else
                    f"the shares of every part of {whole} should add up to 100% but {shown} = {fmt_decimal(total)}%: "
                    f"they were computed against another whole"),
    }
