"""One check row from a total and its parts, and the small helpers every check shares
(a figure's scope and concept, signs, the pages a table check spans)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import regex

from ..records import fmt_decimal
from ..rules import Rules
from .figures import Num, concept_of
from .printed import Figure


def scope_of(num: Num) -> str:
    """Where an identity may combine figures: a top-level section, or one column of one table."""
    if num.source == "table":  # the table's number keeps two tables with one title (or none) apart
        return f"{num.section} (表{num.table}) [{num.column}]" if num.table else f"{num.section} [{num.column}]"
    path = num.section.split(" > ") if num.section else [""]
    if _PART.match(path[0]) and len(path) > 1:  # 第三部分 spans a whole report: scope is its 一、二、…
        return " > ".join(path[:2])
    return path[0]


_PART = regex.compile(r"^第[一二三四五六七八九十]+(?:部分|章|篇)")


def check_row(doc_id: str, rule: str, relation: str, total: Figure, parts: Sequence[Figure], scope: str,
         status: str | None = None, message: str | None = None,
         names: tuple[str, list[str]] | None = None) -> dict[str, Any]:
    """One checks row; ``names`` overrides the labels shown for total and parts (table columns)."""
    total_name, part_names = names or (total.num.label or "?", [p.num.label or "?" for p in parts])
    s_val = sum((p.value for p in parts), Decimal(0))
    s_lo = sum((p.lo for p in parts), Decimal(0))
    s_hi = sum((p.hi for p in parts), Decimal(0))
    diff = total.value - s_val
    tol = max(total.hi - total.value, total.value - total.lo) + max(s_hi - s_val, s_val - s_lo)
    approx = bool(total.qualifier or any(p.qualifier for p in parts))
    parts_txt = " + ".join(f"{n} {p.text}" for n, p in zip(part_names, parts))
    if status is None:
        ok = (s_lo <= total.hi and total.lo <= s_hi) if relation == "eq" else s_lo <= total.hi
        status = "pass" if ok else ("warn" if approx else "fail")
        if ok:
            message = f"{total_name} {total.text} {'=' if relation == 'eq' else '≥'} {parts_txt}"
        elif relation == "eq":
            message = (f"{total_name} {total.text} ≠ {parts_txt}: the parts sum to {fmt_decimal(s_val)}, "
                       f"off by {fmt_decimal(diff)} ({total.num.unit}), beyond the rounding tolerance "
                       f"{fmt_decimal(tol)}")
        else:
            message = (f"parts exceed the whole: {parts_txt} = {fmt_decimal(s_val)} > "
                       f"{total_name} {total.text} by {fmt_decimal(-diff)} ({total.num.unit})")
        if not ok and status == "fail" and not rule.startswith("table.") and _implausible(total.value, s_val):
            # a publisher's slip moves a sum by a little; parts that are under half or over twice their
            # total more often mean the list was misread (another total, a list cut short) than misprinted
            status = "warn"
            message += "; the parts are under half or over twice the total: a misread list is as likely as a misprint"
        if not ok:
            message += _where(total, parts)
    ids = [p.num.fact_id for p in parts]
    key = f"{doc_id}|{rule}|{total.num.fact_id}|{','.join(ids)}"
    return {
        "check_id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        "doc_id": doc_id, "rule": rule, "relation": relation, "scope": scope,
        "total_fact_id": total.num.fact_id, "total_label": total_name,
        "total_value": fmt_decimal(total.value),
        "part_fact_ids": json.dumps(ids),
        "part_labels": json.dumps(part_names, ensure_ascii=False),
        "part_values": "[" + ", ".join(fmt_decimal(p.value) or "" for p in parts) + "]",
        "difference": fmt_decimal(diff), "tolerance": fmt_decimal(tol), "unit": total.num.unit,
        "status": status, "message": message,
    }


def negated(fig: Figure) -> Figure:
    """A figure that a balance subtracts (上解支出5000万元 -> −5000万元)."""
    return Figure(fig.num, -fig.value, -fig.hi, -fig.lo, f"−{fig.text}", fig.qualifier, fig.direction)


def signed(fig: Figure) -> Figure:
    """A change figure with its direction as a sign (减少 12万元 -> -12万元)."""
    if fig.direction != "减少":
        return fig
    return Figure(fig.num, -fig.value, -fig.hi, -fig.lo, f"{fig.direction}{fig.text}", fig.qualifier, fig.direction)


def _implausible(total: Decimal, parts: Decimal) -> bool:
    """Parts that sum to less than half or more than twice their total (both of one sign)."""
    if total == 0 or parts == 0 or (total > 0) != (parts > 0):
        return total != parts
    ratio = parts / total
    return ratio < Decimal("0.5") or ratio > 2


def _where(total: Figure, parts: Sequence[Figure]) -> str:
    """The sentences a violated check's figures stand in (each once, in text order)."""
    said = dict.fromkeys(f.num.sentence.strip() for f in sorted((total, *parts), key=lambda f: f.num.start)
                         if f.num.source == "text" and f.num.sentence.strip())
    if not said:
        return ""
    return "; in: " + " ".join(f"「{s if len(s) <= 160 else s[:157] + '…'}」" for s in said)


def figure_concept(fig: Figure, rules: Rules) -> str | None:
    return concept_of(fig.num.label, rules)


def compares(fig: Figure, rules: Rules) -> bool:
    """A figure in a comparison across periods, or a change (增加1753.34万元): not a level."""
    if fig.num.source == "table":
        return bool(rules.comparison.search(fig.num.column))
    return fig.num.change


def on_pages(row: dict[str, Any], total: Figure, parts: Sequence[Figure]) -> dict[str, Any]:
    """Name the table and pages in a table check's message; a violated check whose rows lie on
    more than one page is a ``warn``: a row lost or misread at a page break would explain it."""
    pages = sorted({f.num.page for f in (total, *parts) if f.num.page})
    where = f"表{total.num.table} " if total.num.table else ""
    where += f"《{total.num.section}》" + (f", p. {pages[0]}" if len(pages) == 1 else
                                          f", pp. {', '.join(map(str, pages))}" if pages else "")
    row["message"] = f"{row['message']} [{where}]"
    if row["status"] == "fail" and len(pages) > 1:
        row["status"] = "warn"
        row["message"] += "; the rows lie on several pages: a row lost at a page break would explain it"
    return row
