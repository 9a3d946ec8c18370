"""Compare an organisation's figures across years, and check each report against the last.

Two tables (vocabulary in patterns/compare.yaml):

* ``series``: one row per organisation, report type, concept and year — the figure the report
  states (a table row by its 科目编码 first, then the concept of the label, then the label);
* ``changes``: one row per series and year that has the year before, with the computed change,
  the change the report itself prints (``与上年相比增加4322.77万元，增长14.98%``) and the verdict:
  ``stated-change`` and ``stated-rate`` rows (pass/fail), ``restated-prior`` (a 上年 column against
  last year's report: warn when they differ), ``restated-in-report`` (the report states the
  figure twice, differently: warn), ``computed`` (no stated change: info; a swing beyond
  ``swing_pct`` says so).

Organisations are matched by name without 人民 and scope notes (江苏省人民检察院 = 江苏省检察院),
a short name (省检察院) by the one full name that ends with it. Intervals as in the validator:
each figure stands for the values that round to it; Decimal throughout.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from ..records import ReportFactsError, fmt_decimal
from ..rules import load_rules, load_yaml, patterns_dir
from ..store import iter_rows, typed
from .validate import interval, split_direction

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

SERIES_COLUMNS = ["organization", "report_type", "concept", "label", "code", "key_rule", "year", "value", "unit",
                  "doc_id", "fact_id", "source", "page", "column"]
CHANGES_COLUMNS = ["organization", "report_type", "concept", "code", "year", "prior_year", "value", "prior_value",
                   "change", "change_pct", "stated_change", "stated_pct", "rule", "status", "difference",
                   "tolerance", "message", "fact_id", "prior_fact_id", "unit", "sentence"]
_CODE = regex.compile(r"^(?P<code>\d{3,7})\s+(?P<name>.+)$")
_HUNDRED = Decimal(100)
# the department's summary tables: 收支预算总表, 收入预算总表, 支出预算总表 (not the 财政拨款 ones)
_TOTAL_TABLE = regex.compile(r"(?<!财政拨款)(?:收支|收入|支出)(?:预算|决算)?总表")
# the column of a summary table that holds a row's whole amount (not 基本支出, 项目支出 … beside it)
_TOTAL_COLUMN = regex.compile(r"(?:^|/)(?:金额|合计|总计|小计|预算数|决算数|本年预算数?|预算)$")
_FUND = regex.compile(r"财政拨款|一般公共预算|政府性基金|国有资本|专户|其他资金")


@dataclass(frozen=True)
class CompareRules:
    report_types: tuple[tuple[str, tuple[str, ...]], ...]
    organization_drop: regex.Pattern[str]
    short_name_start: regex.Pattern[str]
    prior_column: regex.Pattern[str]
    swing_pct: Decimal


@functools.lru_cache(maxsize=2)
def compare_rules(folder: str | None = None) -> CompareRules:
    data = load_yaml((Path(folder) if folder else patterns_dir()) / "compare.yaml")
    return CompareRules(
        tuple((t["type"], tuple(t["words"])) for t in data["report_types"]),
        regex.compile(data["organization_drop"]), regex.compile(data["short_name_start"]),
        regex.compile(data["prior_column"]), Decimal(str(data["swing_pct"])))


def report_type(title: str | None, cr: CompareRules | None = None) -> str:
    """预算, 决算, 绩效自评 … from a document's title (``其他`` when none fits).

    >>> report_type("江苏省高级人民法院2019年度部门预算公开"), report_type("上海市普陀区财政局年度部门决算")
    ('预算', '决算')
    """
    cr = cr or compare_rules()
    for kind, words in cr.report_types:
        if any(w in (title or "") for w in words):
            return kind
    return "其他"


def organization_keys(names: list[str], cr: CompareRules | None = None) -> dict[str, str]:
    """Each organisation name -> the key it is compared under.

    >>> k = organization_keys(["江苏省人民检察院", "省检察院", "江苏省检察院", "江苏省高级人民法院"])
    >>> len({k["江苏省人民检察院"], k["省检察院"], k["江苏省检察院"]}), k["江苏省高级人民法院"]
    (1, '江苏省高级法院')
    """
    cr = cr or compare_rules()
    base = {n: cr.organization_drop.sub("", regex.sub(r"\s+", "", n)) for n in names if n}
    full = sorted({b for b in base.values() if not cr.short_name_start.match(b)})
    out = {}
    for name, b in base.items():
        if cr.short_name_start.match(b):
            longer = [f for f in full if f.endswith(b)]
            b = longer[0] if len(longer) == 1 else b
        out[name] = b
    return out


def _load(source: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    if hasattr(source, "documents") and hasattr(source, "facts"):
        return source.documents, source.facts
    from ..store import read_table

    return read_table(source, "documents"), read_table(source, "facts")


def _key(row: Any, rules: Any) -> tuple[str, str, str, str]:
    """(key, concept shown, code, which key matched) of a level figure."""
    label = str(row.label or "")
    m = _CODE.match(label) if row.source == "table" else None
    column = str(row.column or "")
    if m:
        return f"code:{m['code']}|{column}", f"{m['code']} {m['name']}", m["code"], "code"
    concept = row.concept if isinstance(row.concept, str) and row.concept else rules.concept(label)
    if concept:
        return f"concept:{concept}", concept, "", "concept"
    return f"label:{label}|{column}", label, "", "label"


def _dec(v: Any) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and str(v) not in ("", "nan", "None", "<NA>") else None
    except ArithmeticError:
        return None


def _interval(row: Any) -> tuple[Decimal, Decimal]:
    _, q = split_direction(str(row.qualifier or ""))
    return interval(Decimal(str(row.value)), _dec(row.resolution), q)


def compare(source: Any, org: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(series, changes)`` for a run's result or an outputs folder; ``org`` keeps the
    organisations whose name contains it."""
    import pandas as pd

    rules, cr = load_rules(), compare_rules()
    documents, facts = _load(source)
    docs = documents[(documents["status"] == "ok") & documents["year"].notna()].copy()
    names = [str(n) for n in docs["organization"].dropna().unique()]
    keys = organization_keys(names, cr)
    docs["org_key"] = docs["organization"].map(lambda n: keys.get(str(n)) if isinstance(n, str) else None)
    docs["report_type"] = docs["title"].map(lambda t: report_type(t, cr))
    untyped = set(docs.loc[docs["report_type"] == "其他", "doc_id"])
    if untyped:  # a title that does not say (a cut or a cover missing): the tables' titles do (…部门收入预算总表)
        sections = facts[facts["doc_id"].isin(untyped) & (facts["source"] == "table")].groupby("doc_id")["section"]
        by_tables = {d: next((t for t in (report_type(x, cr) for x in s.dropna().unique()) if t != "其他"), "其他")
                     for d, s in sections}
        docs["report_type"] = [by_tables.get(d, t) if t == "其他" else t for d, t in zip(docs["doc_id"], docs["report_type"])]
    docs = docs[docs["org_key"].notna()]
    if org:
        docs = docs[docs["organization"].str.contains(org, regex=False) | docs["org_key"].str.contains(org, regex=False)]
        if not len(docs):
            known = ", ".join(sorted(set(keys.values()))) or "none"
            raise ReportFactsError(f"no organisation matches {org!r}; organisations: {known}")
    shown = docs.groupby("org_key")["organization"].agg(lambda s: s.value_counts().index[0]).to_dict()
    meta = docs.set_index("doc_id")[["org_key", "report_type", "year"]].to_dict("index")
    f = facts[facts["doc_id"].isin(meta) & facts["kind"].isin(["amount", "headcount"])]
    levels = f[~f["change"].astype(bool)]
    # series: the first statement of each key in each report, prior-year columns apart. A table row
    # with a 科目编码 is keyed by its code and column; a concept is read first from the text, then
    # from the department's summary table (收支预算总表) — a concept's name in another table (a
    # 公务接待费 line of the procurement table) is not that concept
    chosen: dict[tuple[str, str, str, int], Any] = {}
    others: dict[tuple[str, str, str, int], list[Any]] = {}
    prior: dict[tuple[str, str, str, int], Any] = {}
    shown_concept: dict[str, tuple[str, str, str]] = {}
    summary = levels["section"].fillna("").map(lambda sct: bool(_TOTAL_TABLE.search(sct))) & \
        levels["column"].fillna("").map(lambda col: not col or bool(_TOTAL_COLUMN.search(col)))
    coded = levels["label"].fillna("").str.match(_CODE.pattern) & (levels["source"] == "table")
    keep = coded | (levels["source"] == "text") | summary
    ordered = levels[keep].assign(_t=(~((levels["source"] == "text") | coded)).astype(int)).sort_values(
        ["doc_id", "_t", "start"])
    for row in iter_rows(ordered):
        m = meta[row.doc_id]
        key, concept, code, how = _key(row, rules)
        if not concept.strip():
            continue  # a figure without a label is no series
        is_prior = bool(row.column) and isinstance(row.column, str) and bool(cr.prior_column.search(row.column))
        if is_prior:
            key = cr.prior_column.sub("", key)
        k = (m["org_key"], m["report_type"], key, int(m["year"]))
        shown_concept.setdefault(key, (concept, code, how))
        if is_prior:
            prior.setdefault(k, row)
        elif k not in chosen:
            chosen[k] = row
        else:
            others.setdefault(k, []).append(row)
    series = pd.DataFrame([{
        "organization": shown[k[0]], "report_type": k[1], "concept": shown_concept[k[2]][0], "label": r.label,
        "code": shown_concept[k[2]][1] or None, "key_rule": shown_concept[k[2]][2], "year": k[3], "value": r.value,
        "unit": r.unit, "doc_id": r.doc_id, "fact_id": r.fact_id, "source": r.source, "page": r.page,
        "column": r.column} for k, r in sorted(chosen.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3]))],
        columns=SERIES_COLUMNS)
    stated_of_fact = _stated_changes(f)
    stated: dict[tuple[str, str], tuple[Any, Any | None]] = {}  # (doc_id, key) -> the change it prints
    for row in iter_rows(ordered):
        if row.fact_id in stated_of_fact:
            stated.setdefault((row.doc_id, _key(row, rules)[0]), stated_of_fact[row.fact_id])
    rows: list[dict[str, Any]] = []
    for k, cur in chosen.items():
        org_key, rtype, key, year = k
        base = {"organization": shown[org_key], "report_type": rtype, "concept": shown_concept[key][0],
                "code": shown_concept[key][1] or None, "year": year, "unit": cur.unit}
        for other in (o for o in others.get(k, []) if o.doc_id == cur.doc_id):
            # the same concept in the text and in the report's own summary table (not a fund's share of it)
            pair = {cur.source, other.source}
            table_row = cur if cur.source == "table" else other
            text_row = other if table_row is cur else cur
            if not (pair == {"table", "text"} and _TOTAL_TABLE.search(str(table_row.section or ""))
                    and not _FUND.search(str(text_row.label or ""))):
                continue
            if other.value != cur.value and _differs(cur, other):
                rows.append({**base, "prior_year": None, "value": cur.value, "prior_value": other.value,
                             "rule": "restated-in-report", "status": "warn", "fact_id": cur.fact_id,
                             "prior_fact_id": other.fact_id, "sentence": other.sentence,
                             "message": f"the {year} report states {shown_concept[key][0]} twice: {_t(cur)} "
                                        f"and {_t(other)}"})
        last = chosen.get((org_key, rtype, key, year - 1))
        if last is None:
            continue
        rows.extend(_pair(base, cur, last, stated.get((cur.doc_id, key)), cr))
        restated = prior.get(k)
        if restated is not None and _differs(restated, last):
            rows.append({**base, "prior_year": year - 1, "value": restated.value, "prior_value": last.value,
                         "rule": "restated-prior", "status": "warn", "fact_id": restated.fact_id,
                         "prior_fact_id": last.fact_id, "sentence": restated.sentence,
                         "message": f"the {year} report restates last year's {shown_concept[key][0]} as "
                                    f"{_t(restated)}; the {year - 1} report printed {_t(last)}"})
        elif restated is not None:
            rows.append({**base, "prior_year": year - 1, "value": restated.value, "prior_value": last.value,
                         "rule": "restated-prior", "status": "pass", "fact_id": restated.fact_id,
                         "prior_fact_id": last.fact_id, "sentence": restated.sentence,
                         "message": f"last year's {shown_concept[key][0]} restated as {_t(restated)} "
                                    f"= {_t(last)} in the {year - 1} report"})
    changes = pd.DataFrame(rows, columns=CHANGES_COLUMNS)
    if len(changes):
        changes = changes.sort_values(["organization", "report_type", "concept", "year", "rule"],
                                      kind="stable").reset_index(drop=True)
    return typed(series), typed(changes)


def _t(row: Any) -> str:
    """A figure as printed, without the line breaks a PDF put inside it."""
    return regex.sub(r"\s+", "", str(row.text))


def _differs(a: Any, b: Any) -> bool:
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    return ahi < blo or bhi < alo


def _stated_changes(f: pd.DataFrame) -> dict[str, tuple[Any, Any | None]]:
    """level fact id -> (the change the sentence prints for it, its rate): the change figure after
    the level in the same sentence (江苏省… 预算总计 33172.15万元，与上年相比…各增加 4322.77万元，增长 14.98%)."""
    out: dict[str, tuple[Any, Any | None]] = {}
    pct_rows = f  # the rate is a percent fact: not in f (amount/headcount); looked up from the sentence text
    del pct_rows
    for _, group in f.sort_values(["doc_id", "start"]).groupby(["doc_id", "sentence_start"], sort=False):
        rows = list(iter_rows(group))
        for i, r in enumerate(rows):
            if not r.change or r.source != "text":
                continue
            level = next((x for x in reversed(rows[:i]) if not x.change and x.kind == r.kind), None)
            if level is not None and level.fact_id not in out:
                out[level.fact_id] = (r, _rate_after(r))
    return out


_RATE = regex.compile(r"^[^。；;]*?(?:增长|下降|增加|减少|提高|降低|上升)\s*(?P<pct>\d+(?:\.\d+)?)\s*%")


def _rate_after(change: Any) -> tuple[Decimal, Decimal] | None:
    """The rate printed right after a change (…增加 4322.77 万元，增长 14.98%): (value, resolution)."""
    rest = str(change.sentence)[int(change.end) - int(change.sentence_start):]
    m = _RATE.match(rest)
    if not m:
        return None
    pct = m.group("pct")
    return Decimal(pct), Decimal(1).scaleb(-(len(pct.split(".")[1]) if "." in pct else 0))


def _pair(base: dict[str, Any], cur: Any, last: Any, stated: tuple[Any, Any] | None,
          cr: CompareRules) -> list[dict[str, Any]]:
    v, pv = Decimal(str(cur.value)), Decimal(str(last.value))
    clo, chi = _interval(cur)
    plo, phi = _interval(last)
    change = v - pv
    pct = (change / pv * _HUNDRED) if pv else None
    common = {**base, "prior_year": base["year"] - 1, "value": cur.value, "prior_value": last.value,
              "change": fmt_decimal(change), "change_pct": fmt_decimal(pct.quantize(Decimal("0.01"))) if pct is not None
              else None, "prior_fact_id": last.fact_id}
    if stated is None:
        swing = pct is not None and abs(pct) >= cr.swing_pct
        shown_pct = fmt_decimal(pct.quantize(Decimal("0.01"))) if pct is not None else "?"
        return [{**common, "rule": "computed", "status": "info", "fact_id": None,
                 "message": (f"{base['concept']} changed by {shown_pct}% from "
                             f"{_t(last)} to {_t(cur)} and the report states no change" if swing else
                             f"{base['concept']}: {_t(last)} ({base['year'] - 1}) → {_t(cur)} ({base['year']})")}]
    change_fact, rate = stated
    sign = -1 if str(change_fact.qualifier or "").startswith("减少") else 1
    s_val = Decimal(str(change_fact.value)) * sign
    slo, shi = (x * sign for x in _interval(change_fact))
    slo, shi = min(slo, shi), max(slo, shi)
    lo, hi = clo - phi, chi - plo
    # one unit of the stated change's last digit more: reports subtract their rounded 万元 totals
    # (18976.76 − 15621.11 = 3355.65 where the yuan figures give 3355.6428)
    unit = (shi - slo)
    ok = slo - unit / 2 <= hi and lo <= shi + unit / 2
    tol = (chi - clo + phi - plo) / 2 + unit
    rows = [{**common, "stated_change": fmt_decimal(s_val), "stated_pct": fmt_decimal(rate[0] * sign) if rate else None,
             "rule": "stated-change", "status": "pass" if ok else "fail", "difference": fmt_decimal(s_val - change),
             "tolerance": fmt_decimal(tol), "fact_id": change_fact.fact_id, "sentence": change_fact.sentence,
             "message": (f"{_t(change_fact)} {'=' if ok else '≠'} {_t(cur)} − {_t(last)} = {fmt_decimal(change)}"
                         f" ({base['year']} and {base['year'] - 1} reports)")}]
    if rate is not None and pv:
        r_val, r_res = rate
        r_lo, r_hi = (r_val - r_res) * sign, (r_val + r_res) * sign  # one unit: rounded or truncated
        corners = [(a - b) / b * _HUNDRED for a in (clo, chi) for b in (plo, phi) if b]
        ok = min(r_lo, r_hi) <= max(corners) and min(corners) <= max(r_lo, r_hi)
        rows.append({**common, "stated_change": fmt_decimal(s_val), "stated_pct": fmt_decimal(r_val * sign),
                     "rule": "stated-rate", "status": "pass" if ok else "fail",
                     "difference": fmt_decimal((r_val * sign - pct).quantize(Decimal("0.0001"))) if pct is not None else None,
                     "tolerance": fmt_decimal(r_res), "fact_id": change_fact.fact_id, "sentence": change_fact.sentence,
                     "message": f"{fmt_decimal(r_val)}% {'=' if ok else '≠'} ({_t(cur)} − {_t(last)}) / {_t(last)} = "
                                f"{fmt_decimal(pct.quantize(Decimal('0.01'))) if pct is not None else '?'}%"})
    return rows


def write_workbook(series: pd.DataFrame, changes: pd.DataFrame, path: str | Path) -> Path:
    """compare.xlsx for people: one sheet per organisation (concepts down, years across, in 万元
    with separators, a change column per year, failed cross-year checks in red, frozen header)
    and a sheet of every failed or warned check with its sentence."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ..store import csv_cell

    red = PatternFill("solid", fgColor="F8CBAD")
    amber = PatternFill("solid", fgColor="FFE699")
    bold = Font(bold=True)
    wb = Workbook()
    wb.remove(wb.active)
    bad = changes[changes["status"].isin(["fail", "warn"])] if len(changes) else changes
    flagged = {(r.organization, r.report_type, r.concept, r.year): r.status for r in iter_rows(bad)}
    used: set[str] = set()
    for orgname, group in series.groupby("organization", sort=True):
        title = regex.sub(r"[\[\]:*?/\\]", "", str(orgname))[:28] or "organization"
        while title in used:
            title = title[:26] + f"~{len(used)}"
        used.add(title)
        ws = wb.create_sheet(title)
        years = sorted(int(y) for y in group["year"].unique())
        header = ["报告类型", "科目/概念", "单位"] + [str(y) for y in years] + [f"{y}比上年" for y in years[1:]]
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        rank = {"concept": 0, "code": 1, "label": 2}  # named concepts first, then 科目编码 rows, then labels
        order = sorted(group.groupby(["report_type", "concept"], sort=True),
                       key=lambda kv: (kv[0][0], rank.get(str(kv[1]["key_rule"].iloc[0]), 3), kv[0][1]))
        for (rtype, concept), rows in order:
            values = {int(r.year): Decimal(str(r.value)) for r in iter_rows(rows)}
            unit = rows["unit"].iloc[0]
            money = unit == "元"
            scale = Decimal(10000) if money else Decimal(1)
            line: list[Any] = [rtype, csv_cell(str(concept)), "万元" if money else unit]
            line += [float(values[y] / scale) if y in values else None for y in years]
            line += [float((values[y] - values[y - 1]) / scale) if y in values and (y - 1) in values else None
                     for y in years[1:]]
            ws.append(line)
            r = ws.max_row
            for k, y in enumerate(years):
                status = flagged.get((orgname, rtype, concept, y))
                if status:
                    ws.cell(r, 4 + k).fill = red if status == "fail" else amber
        for col in range(4, len(header) + 1):
            for cell in ws.iter_cols(min_col=col, max_col=col, min_row=2):
                for c in cell:
                    c.number_format = "#,##0.00"
            ws.column_dimensions[get_column_letter(col)].width = 14
        ws.column_dimensions["B"].width = 28
        ws.freeze_panes = "D2"
    ws = wb.create_sheet("failed and warned")
    ws.append(["organization", "report_type", "concept", "year", "rule", "status", "message", "sentence"])
    for cell in ws[1]:
        cell.font = bold
    for r in iter_rows(bad):
        ws.append([csv_cell(str(x)) if x is not None else None for x in
                   (r.organization, r.report_type, r.concept, r.year, r.rule, r.status, r.message, r.sentence)])
        ws.cell(ws.max_row, 6).fill = red if r.status == "fail" else amber
    ws.freeze_panes = "A2"
    path = Path(path)
    wb.save(path)
    return path


def write_comparison(series: pd.DataFrame, changes: pd.DataFrame, folder: str | Path,
                     xlsx: str | Path | None = None) -> Path:
    """series/changes as Parquet and CSV beside a run's tables, into its DuckDB file, and the workbook."""
    from ..store import OutputLock, commit, discard, write_duckdb, write_table

    folder = Path(folder)
    staged: list[tuple[Path, Path]] = []
    with OutputLock(folder):
        try:  # both tables and the database, renamed into place together
            arrow = {name: write_table(df, folder, name, staged) for name, df in (("series", series),
                                                                                  ("changes", changes))}
            write_duckdb(arrow, folder, staged, keep=True)
            commit(staged)
        except BaseException:
            discard(staged)
            raise
    return write_workbook(series, changes, xlsx or folder / "compare.xlsx")


__all__ = ["compare", "write_workbook", "write_comparison", "report_type", "organization_keys", "json"]
