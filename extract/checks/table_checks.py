"""Checks inside tables: 科目编码 hierarchy, 合计 rows, numbered and plain rows, 其中 rows, total columns."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from . import table_parts
from ..rules import Rules
from .printed import Figure
from .rows import check_row, figure_concept, on_pages, scope_of

_CODE_LABEL = regex.compile(r"^(?P<code>\d{3}(?:\d{2}){0,2}) ")
_TOTAL_WORDS = ("合计", "小计", "总计")
_TOTAL_ROW = regex.compile(r"^(?:合计|总计|支出合计|本年支出合计)$")


def table_rows(doc_id: str, figs: Sequence[Figure]) -> list[dict[str, Any]]:
    """科目编码 hierarchy (a code = the sum of its direct children) and 合计 rows, per table column."""
    rows: list[dict[str, Any]] = []
    columns: dict[str, list[Figure]] = {}
    for f in figs:
        if f.num.source == "table":
            columns.setdefault(scope_of(f.num), []).append(f)
    for scope, col in columns.items():
        coded: dict[str, Figure] = {}
        for f in col:
            m = _CODE_LABEL.match(f.num.label)
            if m and m.group("code") not in coded:
                coded[m.group("code")] = f
        for code, parent in coded.items():
            kids = [coded[k] for k in coded if len(k) == len(code) + 2 and k.startswith(code)]
            if kids:
                rows.append(on_pages(check_row(doc_id, "table.code-hierarchy", "eq", parent, kids, scope), parent, kids))
        top = [f for c, f in coded.items() if len(c) == 3]
        total = next((f for f in col if _TOTAL_ROW.match(f.num.label)), None)
        if total is not None and not coded:
            items = table_parts.numbered_items(col, total)
            plain = table_parts.plain_rows(col, total) if len(items) < 2 else []
            if len(plain) >= 2:  # 合计 | 因公出国(境)费 | 公务接待费 | 公务用车费 | 其中:…: kept when it adds up
                row = check_row(doc_id, "table.plain-rows", "eq", total, plain, scope)
                if row["status"] == "pass":
                    rows.append(on_pages(row, total, plain))
            if len(items) >= 2:  # 合计 | 1、因公出国(境)费 | 2、公务接待费 | 3、公务用车费 | 其中:(1)…
                rows.append(on_pages(check_row(doc_id, "table.numbered-rows", "eq", total, items, scope), total, items))
                for item, under in table_parts.item_rows(col, items):  # kept only when they add up
                    row = check_row(doc_id, "table.item-rows", "eq", item, under, scope)
                    if row["status"] == "pass":
                        rows.append(on_pages(row, item, under))
        for whole, parts in table_parts.rows_above(col) if not coded else ():  # kept when they add up
            row = check_row(doc_id, "table.rows-above", "eq", whole, parts, scope)
            if row["status"] == "pass":
                rows.append(on_pages(row, whole, parts))
        if total is not None and top:
            # rows without a code beside the coded ones (项目支出 lines under 基本支出's 301/302/303):
            # the coded classes are then only part of the 合计
            uncoded = [f for f in col if f is not total and not _CODE_LABEL.match(f.num.label) and f.value
                       and not any(w in f.num.label for w in _TOTAL_WORDS)]
            rows.append(on_pages(check_row(doc_id, "table.total-row", "le" if uncoded else "eq", total, top, scope),
                                  total, top))
    rows.extend(_total_columns(doc_id, figs))
    return rows


def table_part_rows(doc_id: str, figs: Sequence[Figure], rules: Rules) -> list[dict[str, Any]]:
    """A table's 其中 rows against the row they belong to (see table_parts.py): ``le``, or ``eq``
    where they are exactly a known identity's parts (户籍总人口 / 其中：男性、女性)."""
    rows: list[dict[str, Any]] = []
    for parent, parts in table_parts.groups(figs):
        relation = "le"
        concepts = {figure_concept(p, rules) for p in parts}
        for ident in rules.identities:
            if figure_concept(parent, rules) == ident.total and set(ident.parts) <= concepts <= {*ident.parts, *ident.optional}:
                relation = "eq"
        rows.append(on_pages(check_row(doc_id, "table.part-rows", relation, parent, parts, scope_of(parent.num)),
                              parent, parts))
    return rows


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
            if path[-1] not in _TOTAL_WORDS:
                continue
            if len(path) < 2:  # 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算: kept when it adds up
                flat = [g for c, g in cols.items() if "/" not in c and c not in _TOTAL_WORDS]
                if len(flat) >= 2:
                    row = check_row(doc_id, "table.total-column", "eq", total, flat, f"{section} [{col}]",
                                    names=(f"{total.num.label} [{col}]", [g.num.column for g in flat]))
                    if row["status"] == "pass":
                        rows.append(on_pages(row, total, flat))
                continue
            prefix = "/".join(path[:-1]) + "/"
            parts = [g for c, g in cols.items() if c.startswith(prefix) and c.split("/")[-1] not in _TOTAL_WORDS]
            parts = [g for g in parts if not any(c.startswith(g.num.column + "/") for c in cols)]
            if len(parts) >= 2:
                names = (f"{total.num.label} [{col}]", [g.num.column.removeprefix(prefix) for g in parts])
                rows.append(on_pages(check_row(doc_id, "table.total-column", "eq", total, parts, f"{section} [{col}]",
                                           names=names), total, parts))
    return rows
