"""Compare an organisation's figures across years, and check each report against the last.

Two tables (vocabulary in patterns/compare.yaml):

* ``series``: one row per organisation, report type, budget line and year — the figure the report
  states (a table row by its 科目编码 first, then the line its label names: :mod:`.lines`; a figure
  that names no line is in no series);
* ``changes``: one row per series and year that has the year before, with the computed change,
  the change the report itself prints (``与上年相比增加4322.77万元，增长14.98%``) and the verdict:
  ``stated-change`` and ``stated-rate`` rows (pass/fail), ``restated-prior`` (a 上年 column against
  last year's report: warn when they differ), ``restated-in-report`` (the report states the
  figure twice, differently: warn), ``computed`` (no stated change: info; a swing beyond
  ``swing_pct`` says so).

Organisations are matched by name without 人民 and scope notes (江苏省人民检察院 = 江苏省检察院),
a short name (省检察院) by the one full name that ends with it. Intervals as in the validator:
each figure stands for the values that round to it; Decimal throughout. ``years`` sets chosen
years against each other; the workbook for people is :mod:`.workbook`.
"""
from __future__ import annotations

import bisect
import functools
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from ..records import ReportFactsError, fmt_decimal
from ..rules import load_rules
from ..store import iter_rows, typed
from .lines import (_CODE, CompareRules, _line_before, _rate_after, _stated_changes, compare_rules,  # noqa: F401
                    line_name, series_key)
from .validate import interval, split_direction
from .workbook import write_workbook  # noqa: F401 - the workbook's home since issue 22; imported here as before

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

SERIES_COLUMNS = ["organization", "report_type", "concept", "label", "code", "key_rule", "year", "value", "unit",
                  "doc_id", "fact_id", "source", "page", "column"]
CHANGES_COLUMNS = ["organization", "report_type", "concept", "code", "year", "prior_year", "value", "prior_value",
                   "change", "change_pct", "stated_change", "stated_pct", "rule", "status", "difference",
                   "tolerance", "message", "fact_id", "prior_fact_id", "unit", "sentence"]
_HUNDRED = Decimal(100)
# the department's summary tables: 收支预算总表, 收入预算总表, 支出预算总表 (not the 财政拨款 ones)
_TOTAL_TABLE = regex.compile(r"(?<!财政拨款)(?:收支|收入|支出)(?:预算|决算)?总表")
# the column of a summary table that holds a row's whole amount (not 基本支出, 项目支出 … beside it)
_TOTAL_COLUMN = regex.compile(r"(?:^|/)(?:金额|合计|总计|小计|预算数|决算数|本年预算数?|预算)$")
_FUND = regex.compile(r"财政拨款|一般公共预算|政府性基金|国有资本|专户|其他资金")


# a name that opens with a county-level place (洪泽区…, 渠县…): the city before it may be left out
_COUNTY_START = regex.compile(r"^\p{Han}{1,6}?(?:区|县|旗)")


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

    A county or district named without its city (洪泽区人民政府, 2023) is the one full name that ends
    with it (淮安市洪泽区人民政府, 2024):

    >>> k = organization_keys(["洪泽区人民政府", "淮安市洪泽区人民政府"])
    >>> k["洪泽区人民政府"] == k["淮安市洪泽区人民政府"]
    True
    """
    cr = cr or compare_rules()
    base = {n: cr.organization_drop.sub("", regex.sub(r"\s+", "", n)) for n in names if n}
    full = sorted({b for b in base.values() if not cr.short_name_start.match(b)})
    out = {}
    for name, b in base.items():
        if cr.short_name_start.match(b) or _COUNTY_START.match(b):
            longer = [f for f in full if f.endswith(b) and f != b]
            b = longer[0] if len(longer) == 1 else b
        out[name] = b
    return out


def _load(source: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    if hasattr(source, "documents") and hasattr(source, "facts"):
        return source.documents, source.facts
    from ..store import read_table

    return read_table(source, "documents"), read_table(source, "facts")


def _dec(v: Any) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and str(v) not in ("", "nan", "None", "<NA>") else None
    except ArithmeticError:
        return None


def _interval(row: Any) -> tuple[Decimal, Decimal]:
    _, q = split_direction(str(row.qualifier or ""))
    return interval(Decimal(str(row.value)), _dec(row.resolution), q)


def compare(source: Any, org: str | None = None,
            years: tuple[int, ...] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(series, changes)`` for a run's result or an outputs folder; ``org`` keeps the
    organisations whose name contains it; ``years`` (2017, 2019) keeps those years' reports and
    sets each against the one before it in the list (a change the report states is checked only
    against the year just before)."""
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
    if years:
        chosen_years = sorted(set(int(y) for y in years))
        docs = docs[docs["year"].astype(int).isin(chosen_years)]
        if not len(docs):
            raise ReportFactsError(f"no report of the years {', '.join(map(str, chosen_years))}"
                                   + (f" for {org!r}" if org else ""))
        before = dict(zip(chosen_years[1:], chosen_years))
    else:
        before = {}
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
        keyed = series_key(row, rules, cr)
        if keyed is None:
            continue  # a figure that names no budget line is no series
        key, concept, code, how = keyed
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
    stated_of_fact, unattached = _stated_changes(f, rules, cr)
    stated: dict[tuple[str, str], tuple[Any, Any | None]] = {}  # (doc_id, key) -> the change it prints
    for row in iter_rows(ordered):
        keyed = series_key(row, rules, cr) if row.fact_id in stated_of_fact else None
        if keyed is not None:
            stated.setdefault((row.doc_id, keyed[0]), stated_of_fact[row.fact_id])
    before_sentence = _levels_by_doc(levels)
    for change, rate in unattached:  # 基本支出增加1447.63万元: a change printed without its level
        keyed = series_key(change, rules, cr)
        line = keyed[1] if keyed is not None else _line_before(change, rules, cr)
        if line is not None:
            stated.setdefault((change.doc_id, keyed[0] if keyed else f"concept:{line}"), (change, rate))
            continue
        level = _level_of_previous_sentence(change, before_sentence.get(change.doc_id, []))
        keyed = series_key(level, rules, cr) if level is not None else None
        if keyed is None:
            continue
        # 基本支出预算数为18570.82万元。与上年相比增加1447.63万元，增长8.45%。: also the rate of the same
        # change stated elsewhere without one (主要原因是基本支出增加…1447.63万元)
        rate = rate or _rate_after(change)
        had = stated.get((change.doc_id, keyed[0]))
        if had is None or (had[1] is None and rate is not None and _dec(had[0].value) == _dec(change.value)):
            stated[(change.doc_id, keyed[0])] = (change, rate)
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
        prev = before.get(year) if years else year - 1
        last = chosen.get((org_key, rtype, key, prev)) if prev is not None else None
        if last is None:
            continue
        adjacent = prev == year - 1  # 与上年相比 and a 上年 column speak of the year just before
        rows.extend(_pair({**base, "prior_year": prev}, cur, last, stated.get((cur.doc_id, key)) if adjacent else None,
                          cr))
        restated = prior.get(k) if adjacent else None
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


# a page number printed between the two halves of a figure a page break cut (4016.19 / 17 / 万元)
_PAGE_NUMBER_INSIDE = regex.compile(r"[\n\f][ \t]*[-—–－]*[ \t]*(?:第[ \t]*)?\d{1,4}(?:[ \t]*页)?[ \t]*[-—–－]*[ \t]*(?=[\n\f])")


def _t(row: Any) -> str:
    r"""A figure as printed, without the line breaks a PDF put inside it nor the page number
    between its halves.

    >>> from types import SimpleNamespace as Row
    >>> _t(Row(text="4016.19\n17\f万元")), _t(Row(text="65.88 万\n— 8 —\f元")), _t(Row(text="1,836.22\n万元"))
    ('4016.19万元', '65.88万元', '1,836.22万元')
    """
    return regex.sub(r"\s+", "", _PAGE_NUMBER_INSIDE.sub("", str(row.text)))


@functools.lru_cache(maxsize=1)
def _change_opener() -> regex.Pattern[str]:
    """``change.opener`` of patterns/compare_changes.yaml: a sentence opening with the comparison."""
    from ..rules import compile_rule, load_yaml, patterns_dir

    rule = next(r for r in load_yaml(patterns_dir() / "compare_changes.yaml")["rules"] if r["id"] == "change.opener")
    return compile_rule(rule["pattern"], "compare_changes.yaml: change.opener")


def _levels_by_doc(levels: pd.DataFrame) -> dict[str, list[Any]]:
    """Each document's text figures read as levels, in text order."""
    out: dict[str, list[Any]] = {}
    text = levels[levels["source"] == "text"].sort_values(["doc_id", "start"])
    for row in iter_rows(text):
        out.setdefault(row.doc_id, []).append(row)
    return out


def _level_of_previous_sentence(change: Any, levels: list[Any]) -> Any | None:
    """The figure a change stated in a sentence of its own is about: the last level of the same
    kind in the sentence just before, when the change's sentence opens with the comparison
    (…基本支出预算数为18570.82万元。与上年相比增加1447.63万元，…)."""
    if not _change_opener().match(regex.sub(r"\s+", "", str(change.sentence))):
        return None
    start = int(change.sentence_start)
    k = bisect.bisect_left([int(r.start) for r in levels], start)
    last = next((r for r in reversed(levels[:k]) if r.kind == change.kind), None)
    if last is None:
        return None
    end = int(last.sentence_start) + len(str(last.sentence))
    return last if 0 <= start - end <= 2 and int(last.sentence_start) != start else None


def _differs(a: Any, b: Any) -> bool:
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    return ahi < blo or bhi < alo


def _pair(base: dict[str, Any], cur: Any, last: Any, stated: tuple[Any, Any] | None,
          cr: CompareRules) -> list[dict[str, Any]]:
    v, pv = Decimal(str(cur.value)), Decimal(str(last.value))
    clo, chi = _interval(cur)
    plo, phi = _interval(last)
    change = v - pv
    pct = (change / pv * _HUNDRED) if pv else None
    common = {**base, "prior_year": base["prior_year"], "value": cur.value, "prior_value": last.value,
              "change": fmt_decimal(change), "change_pct": fmt_decimal(pct.quantize(Decimal("0.01"))) if pct is not None
              else None, "prior_fact_id": last.fact_id}
    if stated is None:
        swing = pct is not None and abs(pct) >= cr.swing_pct
        shown_pct = fmt_decimal(pct.quantize(Decimal("0.01"))) if pct is not None else "?"
        return [{**common, "rule": "computed", "status": "info", "fact_id": None,
                 "message": (f"{base['concept']} changed by {shown_pct}% from "
                             f"{_t(last)} to {_t(cur)} and the report states no change" if swing else
                             f"{base['concept']}: {_t(last)} ({base['prior_year']}) → {_t(cur)} ({base['year']})")}]
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


def unplaced(source: Any) -> pd.DataFrame:
    """The documents read without an organisation or a year (``doc_id``, ``title``, ``notes``):
    they enter no series, and ``compare`` says so."""
    documents, _ = _load(source)
    docs = documents[(documents["status"] == "ok") & (documents["organization"].isna() | documents["year"].isna())]
    notes = docs["notes"] if "notes" in docs else None
    out = docs[["doc_id", "title"]].copy()
    out["notes"] = notes if notes is not None else "no organisation or no year"
    return out.reset_index(drop=True)


def file_suffix(org: str | None) -> str:
    """What the files of one ``--org`` run are told apart by (compare_江苏省人民检察院.xlsx):
    a name cut to what a file name can hold.

    >>> file_suffix("江苏省/人民检察院"), file_suffix(None)
    ('_江苏省_人民检察院', '')
    """
    if not org:
        return ""
    return "_" + regex.sub(r"[\\/:*?\"<>|\s.]+", "_", org)[:60]


def write_comparison(series: pd.DataFrame, changes: pd.DataFrame, folder: str | Path,
                     xlsx: str | Path | None = None, org: str | None = None) -> Path:
    """series/changes as Parquet and CSV beside a run's tables, into its DuckDB file, and the workbook.
    With ``org`` the tables are ``series_<org>``/``changes_<org>`` and the workbook
    ``compare_<org>.xlsx``: runs for different organisations never overwrite each other."""
    from ..store import OutputLock, commit, discard, read_table, write_duckdb, write_table

    folder = Path(folder)
    tail = file_suffix(org)
    staged: list[tuple[Path, Path]] = []
    with OutputLock(folder):
        try:  # both tables and the database, renamed into place together
            arrow = {name: write_table(df, folder, name, staged) for name, df in ((f"series{tail}", series),
                                                                                  (f"changes{tail}", changes))}
            if not tail:  # the database holds the comparison of every organisation
                write_duckdb(arrow, folder, staged, keep=True)
            commit(staged)
        except BaseException:
            discard(staged)
            raise
    try:
        checks = read_table(folder, "checks")
    except (OSError, ValueError):
        checks = None
    documents, _ = _load(folder)
    return write_workbook(series, changes, xlsx or folder / f"compare{tail}.xlsx", checks=checks,
                          documents=documents, unplaced=unplaced(folder), swing_pct=compare_rules().swing_pct,
                          source=str(folder))


__all__ = ["compare", "write_comparison", "write_workbook", "unplaced", "line_name", "report_type", "organization_keys", "json"]
