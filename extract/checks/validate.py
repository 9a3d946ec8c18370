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

import hashlib
import json
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import regex

from . import table_parts
from .bases import base_sums
from .breakdowns import base_of
from .rates import shares, stated_changes
from ..records import CHECK_COLUMNS, Fact, fmt_decimal
from ..rules import Identity, Rules, concept_key
from .figures import Num, concept_of, statement_of
from .structures import discover

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

NUMERIC = ("amount", "headcount", "quantity")
_CHECKED = frozenset((*NUMERIC, "percent"))
_DIRECTIONS = ("增加", "减少")
_UP = ("余", "多", "以上", "超过", "逾", "突破", "跨越", "迈上", "站上", "多达")
_DOWN = ("近", "不足", "不到", "以下", "以内", "将近", "接近")
_AROUND = ("约", "左右", "大约")


@dataclass(frozen=True)
class Figure:
    num: Num
    value: Decimal
    lo: Decimal
    hi: Decimal
    text: str
    #: how approximate the printed figure is (约, 余, 近 …); the direction of a change is apart
    qualifier: str
    #: 增加 or 减少 for a change figure, else ""
    direction: str = ""


def _magnitude(v: Decimal) -> Decimal:
    """Place value of the last non-zero digit of an integer figure: 400 -> 100, 1500 -> 100."""
    if v == 0:
        return Decimal(1)
    q = v.normalize()
    exp = q.as_tuple().exponent
    return Decimal(1).scaleb(int(exp)) if isinstance(exp, int) else Decimal(1)


def interval(value: Decimal, resolution: Decimal | None, qualifier: str | None) -> tuple[Decimal, Decimal]:
    """The values a printed figure can stand for.

    >>> interval(Decimal("1295000"), Decimal("100"), None)
    (Decimal('1294950'), Decimal('1295050'))
    >>> interval(Decimal("400"), Decimal("1"), "余")
    (Decimal('400'), Decimal('500'))
    """
    half = (resolution or Decimal(0)) / 2
    lo, hi = value - half, value + half
    q = qualifier or ""
    if not q:
        return lo, hi
    mag = max(_magnitude(value), resolution or Decimal(0))
    if any(w in q for w in _UP):
        lo, hi = value, value + mag
    if any(w in q for w in _DOWN):
        lo, hi = value - mag, value
    if any(w in q for w in _AROUND):
        lo, hi = value - mag, value + mag
    return lo, hi


def split_direction(qualifier: str) -> tuple[str, str]:
    """A change's direction (增加/减少, written first) and the rest of its qualifier.

    >>> split_direction("增加约"), split_direction("余")
    (('增加', '约'), ('', '余'))
    """
    direction = next((d for d in _DIRECTIONS if qualifier.startswith(d)), "")
    return direction, qualifier[len(direction):]


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


def _figures(facts: pd.DataFrame, rules: Rules) -> list[Figure]:
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


def _scope(num: Num) -> str:
    """Where an identity may combine figures: a top-level section, or one column of one table."""
    if num.source == "table":  # the table's number keeps two tables with one title (or none) apart
        return f"{num.section} (表{num.table}) [{num.column}]" if num.table else f"{num.section} [{num.column}]"
    path = num.section.split(" > ") if num.section else [""]
    if _PART.match(path[0]) and len(path) > 1:  # 第三部分 spans a whole report: scope is its 一、二、…
        return " > ".join(path[:2])
    return path[0]


_SPACE = regex.compile(r"\s+")
_CLAUSE = regex.compile(r"[，,；;：:、]")  # 、 too: …(土地增减挂钩收入)、调入…300万元 is no change
_PART = regex.compile(r"^第[一二三四五六七八九十]+(?:部分|章|篇)")
_CODE_LABEL = regex.compile(r"^(?P<code>\d{3}(?:\d{2}){0,2}) ")
_TOTAL_WORDS = ("合计", "小计", "总计")
_TOTAL_ROW = regex.compile(r"^(?:合计|总计|支出合计|本年支出合计)$")


def _row(doc_id: str, rule: str, relation: str, total: Figure, parts: Sequence[Figure], scope: str,
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


def _negated(fig: Figure) -> Figure:
    """A figure that a balance subtracts (上解支出5000万元 -> −5000万元)."""
    return Figure(fig.num, -fig.value, -fig.hi, -fig.lo, f"−{fig.text}", fig.qualifier, fig.direction)


def _signed(fig: Figure) -> Figure:
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


def _concept(fig: Figure, rules: Rules) -> str | None:
    return concept_of(fig.num.label, rules)


def _compares(fig: Figure, rules: Rules) -> bool:
    """A figure in a comparison across periods, or a change (增加1753.34万元): not a level."""
    if fig.num.source == "table":
        return bool(rules.comparison.search(fig.num.column))
    return fig.num.change


def check_document(doc_id: str, figures: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """Every check of one document: stated structures, identities, repeated figures, tables,
    stated changes, rates and shares."""
    figs = [f for f in figures if f.num.kind != "percent"]
    pcts = [f for f in figures if f.num.kind == "percent"]
    rows, stated, guessed = _stated(doc_id, figs, rules)
    ident_rows, completed = _identities(doc_id, figs, rules, stated)
    # an identity's check stands for a partial breakdown it completed, and for a sum guessed from the layout
    # (one that does not add up stands beside a guessed sum that does: 一般公共预算收入 of a county is
    # also 本级收入 + 转移性收入 + …, and its 税收/非税 may be those of 本级收入 alone)
    named = {r["total_fact_id"] for r in ident_rows if r["status"] == "pass"}
    rows = [r for r in rows if r["total_fact_id"] not in completed
            and not (r["check_id"] in guessed and r["total_fact_id"] in named)] + ident_rows
    rows += _base_rows(doc_id, rows, figs, guessed)
    rows += _repeated(doc_id, figs, rules)
    rows += _table_checks(doc_id, figs)
    rows += _table_part_rows(doc_id, figs, rules)
    rows += stated_changes(doc_id, figs, pcts, rules)  # type: ignore[arg-type]  # Figure fits rates._Fig
    rows += shares(doc_id, figs, pcts, rules)  # type: ignore[arg-type]
    return rows


def _base_rows(doc_id: str, rows: Sequence[dict[str, Any]], figs: Sequence[Figure], guessed: set[str]
               ) -> list[dict[str, Any]]:
    """A stated or known sum again for the levels its figures are compared with, base by base
    (…1134万元，较预算数1237万元… 其中：…0万元，较预算数0万元…；…122万元，较预算数339万元…；…1012万元，较预算数
    898万元…: 1237 = 0 + 339 + 898; see bases.py). A sum read from the layout alone gives only
    base sums that add up."""
    by_id = {f.num.fact_id: f for f in figs}
    texts = [f.num for f in figs if f.num.source == "text"]
    seen = {(r["total_fact_id"], frozenset(json.loads(r["part_fact_ids"]))) for r in rows}
    out: list[dict[str, Any]] = []
    for r in rows:
        rule = r["rule"]
        if not (rule == "stated-structure" or rule.startswith("identity.") and not rule.endswith(".change")):
            continue
        total = by_id.get(r["total_fact_id"])
        parts = [by_id.get(i) for i in json.loads(r["part_fact_ids"])]
        if total is None or total.num.source != "text" or not parts or any(
                p is None or p.num.source != "text" for p in parts):
            continue
        for _name, base, of_parts in base_sums(total.num, [p.num for p in parts if p is not None], texts):
            key = (base.fact_id, frozenset(p.fact_id for p in of_parts))
            if key in seen:
                continue  # a change identity read the same figures (较上年1174万元 as its change)
            seen.add(key)
            row = _row(doc_id, f"{rule}.base", r["relation"], by_id[base.fact_id],
                       [by_id[p.fact_id] for p in of_parts], r["scope"])
            if row["status"] == "pass" or r["check_id"] not in guessed:
                out.append(row)
    return out


def _stated(doc_id: str, figs: Sequence[Figure], rules: Rules
            ) -> tuple[list[dict[str, Any]], dict[str, list[str | None]], set[str]]:
    """Checks of the totals and parts the text states; also, per total, the concepts of its parts."""
    rows: list[dict[str, Any]] = []
    by_id = {f.num.fact_id: f for f in figs}
    stated: dict[str, list[str | None]] = {}
    guessed: set[str] = set()
    for st in discover([f.num for f in figs], rules):
        total = by_id[st.total.fact_id]
        parts = [by_id[p.fact_id] for p in st.parts]
        if st.minus:  # a balance: what goes out counts negative
            parts = [_negated(p) if p.num.fact_id in st.minus else p for p in parts]
        if st.signed and len({f.direction for f in (total, *parts)}) > 1:
            # changes in both directions add up with their signs (减少 negative); a partial list of
            # them says nothing about the total
            if st.relation != "eq":
                continue
            total, parts = _signed(total), [_signed(p) for p in parts]
        relation = st.relation
        concepts = {_concept(p, rules) for p in parts}
        for ident in rules.identities:  # 其中 listing exactly an identity's parts lists all of them
            if _concept(total, rules) == ident.total and set(ident.parts) <= concepts <= {
                    *ident.parts, *ident.optional}:
                relation = "eq"
        row = _row(doc_id, "stated-structure", relation, total, parts, st.total.section)
        if st.unsure and row["status"] != "pass":
            continue  # read from the layout alone: only a list that adds up shows it is the total's parts
        if not st.unsure:  # a sum read from the layout alone does not stand for a known identity
            stated.setdefault(total.num.fact_id, []).extend(_concept(p, rules) for p in parts)
        else:
            guessed.add(row["check_id"])
        if row["status"] == "fail" and total.num.kind not in ("amount", "headcount"):
            # tonnes, hectares, vehicles: a 其中 list often names categories beyond the total
            # (粮食种植面积…其中…蔬菜), so a violated one is a doubt for a reader, not a proven error
            row["status"] = "warn"
            row["message"] += "; a list of quantities may name categories beyond its total"
        rows.append(row)
    return rows, stated, guessed


def _identities(doc_id: str, figs: Sequence[Figure], rules: Rules, stated: dict[str, list[str | None]]
                ) -> tuple[list[dict[str, Any]], set[str]]:
    """Known identities within one scope, on the first statement of each concept there.

    Also returns the totals whose stated breakdown an identity completed: the text listed some of
    the identity's parts after 其中 (二产, 一产 …) and stated the others in the next sentence; the
    identity's check then stands for the partial one. A part that is itself the total of another
    identity may be stated through that identity's parts (公务用车购置费 and 运行维护费 for 公务用车费)."""
    rows: list[dict[str, Any]] = []
    completed: set[str] = set()
    scopes: dict[str, dict[str, Figure]] = {}
    every: dict[str, dict[str, list[Figure]]] = {}  # each concept's statements in a scope, in text order
    labels: dict[str, list[str]] = {}
    for f in figs:
        if f.num.source == "text" and f.value:  # a 收支总表's 支出总计 holds its 年末结转和结余 line;
            labels.setdefault(_scope(f.num), []).append(f.num.label)  # nothing left over breaks nothing
        c = _concept(f, rules)
        if c and not _compares(f, rules):
            scopes.setdefault(_scope(f.num), {}).setdefault(c, f)
            every.setdefault(_scope(f.num), {}).setdefault(c, []).append(f)
    by_total = {i.total: i for i in rules.identities}
    for scope, first in scopes.items():
        for ident in rules.identities:
            if ident.total not in first:
                continue
            found = _owned_parts(ident, first, every[scope], rules)
            if ident.unless is not None and any(ident.unless.search(lb) for lb in labels.get(scope, ()) if lb):
                continue  # 收入总计 = 支出总计 + 结余: the scope names what is left over
            names: list[str] = []
            absent: list[str] = list(ident.optional)  # parts that may exist beyond those stated
            for p in ident.parts:
                sub = by_total.get(p)
                if p in found:
                    names.append(p)
                elif sub is not None and sub.total != ident.total and all(q in found for q in sub.parts):
                    names.extend((*sub.parts, *(o for o in sub.optional if o in found)))
                    absent.extend(sub.optional)
                else:
                    break
            else:
                total = found[ident.total]
                said = stated.get(total.num.fact_id, [])
                mine = {*names, *ident.parts, *ident.optional}
                partial = bool(said) and all(c in mine for c in said) and len(set(said)) < len(names)
                if set(said) & mine and not partial:
                    continue  # the text states this breakdown itself: that check stands
                parts = [found[p] for p in (*names, *ident.optional) if p in found]
                if any(p.num.kind != total.num.kind or p.num.unit != total.num.unit for p in parts):
                    continue
                if any(p.num.start < total.num.start and rules.part_marker.search(
                        p.num.sentence, 0, p.num.start - p.num.sentence_start) for p in parts):
                    continue  # 其中 points back: 总人口310.56万人。其中，男性…，女性…  are not a later 户籍人口's
                if len({statement_of(f.num.label) for f in (total, *parts)} - {None}) > 1:
                    continue  # a 预算 total and 决算 parts are two statements, not one identity
                if partial:
                    completed.add(total.num.fact_id)
                # a table lists every line, so an absent optional part is zero there; in prose it is unknown
                complete = total.num.source == "table" or all(p in found for p in absent)
                rows.append(_row(doc_id, ident.id, "eq" if complete else "le", total, parts, scope))
    rows.extend(_led_by_parts(doc_id, figs, rules, stated,
                              {frozenset(json.loads(r["part_fact_ids"])) for r in rows}))
    rows.extend(_changed_identities(doc_id, figs, rules))
    return rows, completed


def _owned_parts(ident: Identity, first: dict[str, Figure], every: dict[str, list[Figure]], rules: Rules
                 ) -> dict[str, Figure]:
    """The statements an identity combines in one scope: its total's first statement and, for each part,
    the statement that belongs to that total.

    A part concept shared by two identities (城镇人口 of 常住人口 and of 户籍人口) belongs to the total it
    follows: a part is not this total's when the other identity's total stands between them
    (年末常住人口 | 城镇人口 | 年末户籍人口 | 乡村人口 | 城镇人口: the 乡村人口 row is 户籍人口's, and 常住人口
    has no rural part here). Of the statements left, the first after the total is taken, else the
    first before it."""
    total = first[ident.total]
    out = dict(first)
    for c, stated in every.items():
        if c == ident.total:
            continue
        rivals = [f for o in rules.identities if o.total != ident.total and c in (*o.parts, *o.optional)
                  for f in every.get(o.total, ())]
        if not rivals:
            continue
        mine = [f for f in stated if not any(min(f.num.start, total.num.start) < r.num.start
                                              < max(f.num.start, total.num.start) for r in rivals)]
        after = [f for f in mine if f.num.start > total.num.start]
        if after or mine:
            out[c] = (after or mine)[0]
        else:
            del out[c]
    return out


def _changed_identities(doc_id: str, figs: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """An identity holds for changes too: the 三公 fall against the budget is the falls of its three
    items against the budget (…9663万元，比年初预算数减少4211万元 …因公出国326万元，比年初预算数减少84万元 …).
    A change is of the figure before it in its sentence (公务接待费692万元，比年初预算数减少2088万元),
    unless its own label names a concept; changes pair only against the same base (上年决算 is 上年).
    An item stated unchanged (因公出国(境)费为0万元，与上年持平) changed by zero."""
    scopes: dict[tuple[str, str], dict[str, Figure]] = {}
    flat: dict[str, set[tuple[str, bool]]] = {}  # scope -> (concept, against a budget?) stated unchanged
    last: dict[int, str | None] = {}  # sentence -> concept of the last level figure seen in it
    for f in figs:
        if f.num.source != "text":
            continue
        if not f.num.change:
            c = _concept(f, rules)
            last[f.num.sentence_start] = c or last.get(f.num.sentence_start)
            said = _FLAT.match(f.num.sentence, f.num.end - f.num.sentence_start)
            if c and said:
                flat.setdefault(_scope(f.num), set()).add((c, "预算" in said.group()))
            continue
        c = _concept(f, rules) or last.get(f.num.sentence_start)
        if c:
            scopes.setdefault((_scope(f.num), _STATEMENT_WORD.sub("", base_of(f.num))), {}).setdefault(c, f)
    rows: list[dict[str, Any]] = []
    for (scope, base), found in scopes.items():
        same = {c for c, budget in flat.get(scope, set()) if budget == ("预算" in base)}
        for ident in rules.identities:
            if len(ident.parts) < 2 or ident.total not in found or not all(p in found or p in same for p in ident.parts):
                continue
            total = found[ident.total]
            parts = [found[p] for p in (*ident.parts, *ident.optional) if p in found]
            if not parts or any(p.num.kind != total.num.kind or p.num.unit != total.num.unit for p in parts):
                continue
            complete = all(p in found or p in same for p in ident.optional)
            if len({f.direction for f in (total, *parts)}) > 1:
                if not complete:
                    continue  # changes both ways: only a whole list adds up with signs
                total, parts = _signed(total), [_signed(p) for p in parts]
            rows.append(_row(doc_id, f"{ident.id}.change", "eq" if complete else "le", total, parts, scope))
    return rows


#: an item stated unchanged against its base, right after its level (…0万元，与上年持平; …0万元，与2021年预算一致)
_FLAT = regex.compile(r"[^。；;\d]{0,16}?(?:持平|一致|无增减|无变化|没有变化)")
#: the statement a base names, left out when pairing changes (较上年决算数 and 较上年 are one base)
_STATEMENT_WORD = regex.compile(r"决算$")


def _led_by_parts(doc_id: str, figs: Sequence[Figure], rules: Rules, stated: dict[str, list[str | None]],
                  used: Collection[frozenset[str]] = ()) -> list[dict[str, Any]]:
    """A figure followed in its sentence by exactly an identity's parts is that identity's total,
    whatever its own label says (部门经费预算7464053元，基本支出4566793元，…；项目支出2897260元), unless
    those parts already have their named total (``used``) or the figure is itself a listed part
    (资产总额…，其中流动资产…，固定资产…；负债总额…，净资产…: 固定资产 is no total)."""
    rows: list[dict[str, Any]] = []
    by_sentence: dict[int, list[Figure]] = {}
    for f in figs:
        if f.num.source == "text" and not f.num.change:
            by_sentence.setdefault(f.num.sentence_start, []).append(f)
    for members in by_sentence.values():
        concepts = [_concept(f, rules) for f in members]
        for ident in rules.identities:
            if len(ident.parts) < 2 or not all(p in concepts for p in ident.parts):
                continue  # (收入 = 支出 is a balance, not a total followed by its parts)
            first = min(concepts.index(p) for p in ident.parts)
            if first == 0:
                continue
            total = members[first - 1]
            if concepts[first - 1] is not None or total.num.fact_id in stated:
                continue  # a named total is the identities' own business; a stated breakdown stands
            parts = [members[concepts.index(p)] for p in (*ident.parts, *ident.optional) if p in concepts]
            if any(p.num.kind != total.num.kind or p.num.unit != total.num.unit for p in parts):
                continue
            if frozenset(p.num.fact_id for p in parts) in used or rules.part_marker.search(
                    total.num.sentence, 0, total.num.start - total.num.sentence_start):
                continue
            complete = all(p in concepts for p in ident.optional)
            rows.append(_row(doc_id, ident.id, "eq" if complete else "le", total, parts, _scope(total.num)))
    return rows


def _repeated(doc_id: str, figs: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """One concept stated twice in a document with different values (each pair once): a warning."""
    rows: list[dict[str, Any]] = []
    first: dict[tuple[str, str, str], Figure] = {}
    reported: set[tuple[str, Decimal, Decimal]] = set()
    for f in figs:
        c = rules.concept(f.num.label)  # synonyms only: a repeated figure is a warning, said sparingly
        if not c or _compares(f, rules):
            continue
        if f.num.source == "table" and (not rules.summary_table.search(f.num.section)
                                        or f.num.start != f.num.sentence_start):
            continue  # only a summary table's row total: detail tables and columns hold sub-totals
        k = (c, f.num.kind, f.num.unit)
        if k not in first:
            first[k] = f
            continue
        a = first[k]
        if a.num.source == "table" and f.num.source == "table":
            continue  # inside tables, consistency is checked by the table checks
        if a.num.periods and f.num.periods and not set(a.num.periods) & set(f.num.periods):
            continue  # 上半年 and 二季度: one concept, two periods
        if _parallel_sections(a.num.section, f.num.section):
            continue  # (一)一般公共预算收支 and (二)政府性基金收支 each have their own 收入总计
        if (a.hi < f.lo or f.hi < a.lo) and (c, a.value, f.value) not in reported:
            reported.add((c, a.value, f.value))
            msg = (f"{c} is stated twice with different values: {a.text} ({a.num.label}) and "
                   f"{f.text} ({f.num.label}); difference {fmt_decimal(a.value - f.value)} {f.num.unit}")
            rows.append(_row(doc_id, "repeated-figure", "eq", a, [f], _scope(a.num), "warn", msg))
    return rows


#: the funds and kinds of spending a report gives a sub-section each
_FUNDS = regex.compile(r"一般公共预算|政府性基金|国有资本经营|社会保险基金|财政专户|基本支出|项目支出")


def _parallel_sections(a: str, b: str) -> bool:
    """Two sections whose headings name different funds or kinds of spending, none in common:
    parallel accounts, in which one concept (收入总计, 商品和服务支出) has one value each.

    >>> _parallel_sections("一、决算情况 > (一)一般公共预算收支情况", "二、财力 > (二)政府性基金预算财力及平衡情况")
    True
    >>> _parallel_sections("(二)按支出结构分类 > 1.基本支出预算", "六、一般公共预算基本支出情况说明")  # 基本支出 in both
    False
    >>> _parallel_sections("一、收入支出总体情况", "二、收入决算情况")  # one account told twice
    False
    """
    fa = set(_FUNDS.findall(a.split(" > ")[-1]))
    fb = set(_FUNDS.findall(b.split(" > ")[-1]))
    return bool(fa) and bool(fb) and not fa & fb


def _table_checks(doc_id: str, figs: Sequence[Figure]) -> list[dict[str, Any]]:
    """科目编码 hierarchy (a code = the sum of its direct children) and 合计 rows, per table column."""
    rows: list[dict[str, Any]] = []
    columns: dict[str, list[Figure]] = {}
    for f in figs:
        if f.num.source == "table":
            columns.setdefault(_scope(f.num), []).append(f)
    for scope, col in columns.items():
        coded: dict[str, Figure] = {}
        for f in col:
            m = _CODE_LABEL.match(f.num.label)
            if m and m.group("code") not in coded:
                coded[m.group("code")] = f
        for code, parent in coded.items():
            kids = [coded[k] for k in coded if len(k) == len(code) + 2 and k.startswith(code)]
            if kids:
                rows.append(_on_pages(_row(doc_id, "table.code-hierarchy", "eq", parent, kids, scope), parent, kids))
        top = [f for c, f in coded.items() if len(c) == 3]
        total = next((f for f in col if _TOTAL_ROW.match(f.num.label)), None)
        if total is not None and not coded:
            items = table_parts.numbered_items(col, total)
            plain = table_parts.plain_rows(col, total) if len(items) < 2 else []
            if len(plain) >= 2:  # 合计 | 因公出国(境)费 | 公务接待费 | 公务用车费 | 其中:…: kept when it adds up
                row = _row(doc_id, "table.plain-rows", "eq", total, plain, scope)
                if row["status"] == "pass":
                    rows.append(_on_pages(row, total, plain))
            if len(items) >= 2:  # 合计 | 1、因公出国(境)费 | 2、公务接待费 | 3、公务用车费 | 其中:(1)…
                rows.append(_on_pages(_row(doc_id, "table.numbered-rows", "eq", total, items, scope), total, items))
                for item, under in table_parts.item_rows(col, items):  # kept only when they add up
                    row = _row(doc_id, "table.item-rows", "eq", item, under, scope)
                    if row["status"] == "pass":
                        rows.append(_on_pages(row, item, under))
        for whole, parts in table_parts.rows_above(col) if not coded else ():  # kept when they add up
            row = _row(doc_id, "table.rows-above", "eq", whole, parts, scope)
            if row["status"] == "pass":
                rows.append(_on_pages(row, whole, parts))
        if total is not None and top:
            # rows without a code beside the coded ones (项目支出 lines under 基本支出's 301/302/303):
            # the coded classes are then only part of the 合计
            uncoded = [f for f in col if f is not total and not _CODE_LABEL.match(f.num.label) and f.value
                       and not any(w in f.num.label for w in _TOTAL_WORDS)]
            rows.append(_on_pages(_row(doc_id, "table.total-row", "le" if uncoded else "eq", total, top, scope),
                                  total, top))
    rows.extend(_total_columns(doc_id, figs))
    return rows


def _table_part_rows(doc_id: str, figs: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """A table's 其中 rows against the row they belong to (see table_parts.py): ``le``, or ``eq``
    where they are exactly a known identity's parts (户籍总人口 / 其中：男性、女性)."""
    rows: list[dict[str, Any]] = []
    for parent, parts in table_parts.groups(figs):
        relation = "le"
        concepts = {_concept(p, rules) for p in parts}
        for ident in rules.identities:
            if _concept(parent, rules) == ident.total and set(ident.parts) <= concepts <= {*ident.parts, *ident.optional}:
                relation = "eq"
        rows.append(_on_pages(_row(doc_id, "table.part-rows", relation, parent, parts, _scope(parent.num)),
                              parent, parts))
    return rows


def _on_pages(row: dict[str, Any], total: Figure, parts: Sequence[Figure]) -> dict[str, Any]:
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


def _total_columns(doc_id: str, figs: Sequence[Figure]) -> list[dict[str, Any]]:
    """A 合计/小计/总计 column equals the columns under the same header, row by row
    (支出预算/合计 = 支出预算/基本支出 + 支出预算/项目支出); a sub-total column stands for its
    own children, so only leaf columns are summed."""
    rows: list[dict[str, Any]] = []
    by_row: dict[tuple[str, int], dict[str, Figure]] = {}
    for f in figs:
        if f.num.source == "table" and f.num.column:
            by_row.setdefault((f.num.section, f.num.sentence_start), {}).setdefault(f.num.column, f)
    for (section, _), cols in by_row.items():
        for col, total in cols.items():
            path = col.split("/")
            if path[-1] not in _TOTAL_WORDS or len(path) < 2:
                continue
            prefix = "/".join(path[:-1]) + "/"
            parts = [g for c, g in cols.items() if c.startswith(prefix) and c.split("/")[-1] not in _TOTAL_WORDS]
            parts = [g for g in parts if not any(c.startswith(g.num.column + "/") for c in cols)]
            if len(parts) >= 2:
                names = (f"{total.num.label} [{col}]", [g.num.column.removeprefix(prefix) for g in parts])
                rows.append(_on_pages(_row(doc_id, "table.total-column", "eq", total, parts, f"{section} [{col}]",
                                           names=names), total, parts))
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
                rows.extend(check_document(str(doc_id), _figures(group, rules), rules))
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
