"""Checks of what sentences state: stated totals and parts, known identities (levels and changes),
a total led by exactly an identity's parts, the same sum against each compared base, repeated figures."""
from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any

import regex

from ..records import fmt_decimal
from ..rules import Identity, Rules
from .bases import base_sums
from .breakdowns import base_of
from .figures import statement_of
from .printed import Figure
from .rows import check_row, compares, figure_concept, negated, scope_of, signed
from .structures import discover


def base_rows(doc_id: str, rows: Sequence[dict[str, Any]], figs: Sequence[Figure], guessed: set[str]
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
            row = check_row(doc_id, f"{rule}.base", r["relation"], by_id[base.fact_id],
                       [by_id[p.fact_id] for p in of_parts], r["scope"])
            if row["status"] == "pass" or r["check_id"] not in guessed:
                out.append(row)
    return out


def stated_rows(doc_id: str, figs: Sequence[Figure], rules: Rules
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
            parts = [negated(p) if p.num.fact_id in st.minus else p for p in parts]
        if st.signed and len({f.direction for f in (total, *parts)}) > 1:
            # changes in both directions add up with their signs (减少 negative); a partial list of
            # them says nothing about the total
            if st.relation != "eq":
                continue
            total, parts = signed(total), [signed(p) for p in parts]
        relation = st.relation
        concepts = {figure_concept(p, rules) for p in parts}
        for ident in rules.identities:  # 其中 listing exactly an identity's parts lists all of them
            if figure_concept(total, rules) == ident.total and set(ident.parts) <= concepts <= {
                    *ident.parts, *ident.optional}:
                relation = "eq"
        row = check_row(doc_id, "stated-structure", relation, total, parts, st.total.section)
        if st.unsure and row["status"] != "pass":
            continue  # read from the layout alone: only a list that adds up shows it is the total's parts
        if not st.unsure:  # a sum read from the layout alone does not stand for a known identity
            stated.setdefault(total.num.fact_id, []).extend(figure_concept(p, rules) for p in parts)
        else:
            guessed.add(row["check_id"])
        if row["status"] == "fail" and total.num.kind not in ("amount", "headcount"):
            # tonnes, hectares, vehicles: a 其中 list often names categories beyond the total
            # (粮食种植面积…其中…蔬菜), so a violated one is a doubt for a reader, not a proven error
            row["status"] = "warn"
            row["message"] += "; a list of quantities may name categories beyond its total"
        rows.append(row)
    return rows, stated, guessed


def identity_rows(doc_id: str, figs: Sequence[Figure], rules: Rules, stated: dict[str, list[str | None]]
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
            labels.setdefault(scope_of(f.num), []).append(f.num.label)  # nothing left over breaks nothing
        c = figure_concept(f, rules)
        if c and not compares(f, rules):
            scopes.setdefault(scope_of(f.num), {}).setdefault(c, f)
            every.setdefault(scope_of(f.num), {}).setdefault(c, []).append(f)
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
                rows.append(check_row(doc_id, ident.id, "eq" if complete else "le", total, parts, scope))
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
    year = _report_year(figs)
    for f in figs:
        if f.num.source != "text":
            continue
        if not f.num.change:
            c = figure_concept(f, rules)
            last[f.num.sentence_start] = c or last.get(f.num.sentence_start)
            said = _FLAT.match(f.num.sentence, f.num.end - f.num.sentence_start)
            if c and said:
                flat.setdefault(scope_of(f.num), set()).add((c, "预算" in said.group()))
            continue
        c = figure_concept(f, rules) or last.get(f.num.sentence_start)
        if c:
            base = _year_base(_STATEMENT_WORD.sub("", base_of(f.num)), year)
            scopes.setdefault((scope_of(f.num), base), {}).setdefault(c, f)
    rows: list[dict[str, Any]] = []
    for (scope, base), found in scopes.items():
        same = {c for c, budget in flat.get(scope, set()) if budget == ("预算" in base)}
        by_total = {i.total: i for i in rules.identities}
        for ident in rules.identities:
            if len(ident.parts) < 2 or ident.total not in found:
                continue
            # a part whose own change is not stated is the sum of its parts' changes (公务用车购置费同口径比2018年
            # 减少334万元…；公务用车运行费…减少449万元: the changes of 公务用车费), as for levels
            names: list[str] = []
            for p in (*ident.parts, *ident.optional):
                sub = by_total.get(p)
                if p not in found and p not in same and p in ident.parts and sub is not None and sub.total != ident.total \
                        and sub.parts and all(q in found for q in sub.parts):
                    names.extend(sub.parts)
                else:
                    names.append(p)
            if not all(p in found or p in same for p in names if p not in ident.optional):
                continue
            total = found[ident.total]
            parts = [found[p] for p in names if p in found]
            if not parts or any(p.num.kind != total.num.kind or p.num.unit != total.num.unit for p in parts):
                continue
            complete = all(p in found or p in same for p in ident.optional)
            if len({f.direction for f in (total, *parts)}) > 1:
                if not complete:
                    continue  # changes both ways: only a whole list adds up with signs
                total, parts = signed(total), [signed(p) for p in parts]
            rows.append(check_row(doc_id, f"{ident.id}.change", "eq" if complete else "le", total, parts, scope))
    return rows


#: a year named in a text: the report's is the latest one its first sentence with a figure names
_YEAR = regex.compile(r"((?:19|20)\d{2})年")


def _report_year(figs: Sequence[Figure]) -> int | None:
    """The year a report is of: the latest year named in its first sentence with a figure (寿县司法局2022年一般公共
    预算“三公”经费支出预算为79万元，比上年预算减少49万元 -> 2022), None when that sentence names none."""
    first = next((f.num.sentence for f in figs if f.num.source == "text" and _YEAR.search(f.num.sentence)), None)
    return max(int(y) for y in _YEAR.findall(first)) if first else None


def _year_base(base: str, year: int | None) -> str:
    """A base named by the year before the report's is 上年's (2021年预算 in a 2022 report is 上年预算).

    >>> _year_base("2021年预算", 2022), _year_base("2020年预算", 2022), _year_base("上年", None)
    ('上年预算', '2020年预算', '上年')
    """
    m = _YEAR.match(base)
    if m and year is not None and int(m.group(1)) == year - 1:
        return "上年" + base[m.end():].removeprefix("度")
    return base


#: an item stated unchanged against its base, right after its level (…0万元，与上年持平; …0万元，与2021年预算一致)
_FLAT = regex.compile(r"(?:[^。；;\d]|(?:19|20)\d{2}年){0,16}?(?:持平|一致|无增减|无变化|没有变化)")
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
        concepts = [figure_concept(f, rules) for f in members]
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
            rows.append(check_row(doc_id, ident.id, "eq" if complete else "le", total, parts, scope_of(total.num)))
    return rows


def repeated_rows(doc_id: str, figs: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """One concept stated twice in a document with different values (each pair once): a warning."""
    rows: list[dict[str, Any]] = []
    first: dict[tuple[str, str, str], Figure] = {}
    reported: set[tuple[str, Decimal, Decimal]] = set()
    for f in figs:
        c = rules.concept(f.num.label)  # synonyms only: a repeated figure is a warning, said sparingly
        if not c or compares(f, rules):
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
        wa, wf = _whole_of(a, figs, rules), _whole_of(f, figs, rules)
        if wa is not None and wf is not None and wa.value != wf.value:
            continue  # 机构运行…，其中：基本支出…；住房公积金…，其中：基本支出…: the parts of two wholes
        if (a.hi < f.lo or f.hi < a.lo) and (c, a.value, f.value) not in reported:
            reported.add((c, a.value, f.value))
            msg = (f"{c} is stated twice with different values: {a.text} ({a.num.label}) and "
                   f"{f.text} ({f.num.label}); difference {fmt_decimal(a.value - f.value)} {f.num.unit}")
            rows.append(check_row(doc_id, "repeated-figure", "eq", a, [f], scope_of(a.num), "warn", msg))
    return rows


def _whole_of(fig: Figure, figs: Sequence[Figure], rules: Rules) -> Figure | None:
    """The figure a part is listed under in its sentence: the last figure of the same measure before the
    其中 (包括, 含 …) that precedes it (机构运行1100910.5元，其中：基本支出1100910.5元 -> 机构运行's), None for a
    figure listed under nothing."""
    n = fig.num
    if n.source != "text":
        return None
    rel = n.start - n.sentence_start
    marker = None
    for marker in rules.part_marker.finditer(n.sentence, 0, rel):
        pass
    if marker is None:
        return None
    at = n.sentence_start + marker.start()
    before = [g for g in figs if g.num.sentence_start == n.sentence_start and g.num.end <= at
              and not g.num.change and g.num.kind == n.kind and g.num.unit == n.unit]
    return before[-1] if before else None


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
