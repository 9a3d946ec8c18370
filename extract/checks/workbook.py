"""The comparison as a workbook for people (``reportfacts compare``; issue 22).

A cover sheet ``说明`` (what was compared, from which documents, the legend, the counts of each
verdict, the documents that could not be placed), one sheet per organisation (each budget line
down; across: each year's figure and where it is printed, then for each year against the one
before: the change, the change in %, the change the report states and the verdict; a swing of
``swing_pct`` or more that the report does not state is marked; below: each year's own failed
in-report checks) and a sheet ``未通过与警告`` of every failed or warned comparison. Headers are in
Chinese, money in 万元.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from ..store import csv_cell, iter_rows

if TYPE_CHECKING:
    import pandas as pd

#: verdict of a comparison row, in Chinese, and its fill
VERDICTS = {"pass": ("一致", "C6EFCE"), "fail": ("不一致", "F8CBAD"), "warn": ("需核实", "FFE699"),
            "swing": ("大幅变动，报告未说明", "FCE4D6"), "info": ("", None)}
_RANK = {"fail": 3, "warn": 2, "swing": 1, "pass": 0, "info": -1}
_WAN = Decimal(10000)


def _num(v: Any) -> Decimal | None:
    try:
        return Decimal(str(v)) if v is not None and str(v) not in ("", "nan", "None", "<NA>") else None
    except ArithmeticError:
        return None


def _shown(value: Decimal | None, money: bool) -> float | None:
    return None if value is None else float(value / _WAN if money else value)


def _verdicts(changes: pd.DataFrame, swing_pct: Decimal) -> dict[tuple[Any, ...], dict[str, Any]]:
    """(organisation, report type, line, year) -> change, %, stated change, verdict, messages."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in iter_rows(changes):
        k = (r.organization, r.report_type, r.concept, int(r.year))
        cell = out.setdefault(k, {"change": None, "pct": None, "stated": None, "status": "info", "messages": []})
        if r.rule in ("stated-change", "stated-rate", "computed"):
            v, pv = _num(r.value), _num(r.prior_value)  # (the table's change column is typed as a flag)
            cell["change"] = cell["change"] if cell["change"] is not None or v is None or pv is None else v - pv
            cell["pct"] = cell["pct"] if cell["pct"] is not None else _num(r.change_pct)
            cell["prior_year"] = r.prior_year
        if r.rule == "stated-change":
            cell["stated"] = _num(r.stated_change)
        status = r.status
        if r.rule == "computed":
            pct = _num(r.change_pct)
            status = "swing" if pct is not None and abs(pct) >= swing_pct else "info"
        if _RANK.get(status, -1) > _RANK.get(cell["status"], -1):
            cell["status"] = status
        if status in ("fail", "warn", "swing"):
            cell["messages"].append(str(r.message))
    return out


_CJK = r"[\p{Han}、，。：；！？（）《》“”]"
_SPACED = regex.compile(rf"(?<={_CJK})[ \u3000](?={_CJK})")
# four or more single CJK characters, a space between each (江 苏 省 人 民 检 察 院 in a sentence whose
# other lines are not spaced: the PDF reader's text layer spaced that line only)
_SPACED_RUN = regex.compile(rf"(?<!{_CJK})(?:{_CJK}[ \u3000]){{3,}}{_CJK}(?!{_CJK})")


def unspaced(text: str) -> str:
    """A sentence from a text layer with a space between every character (江 苏 省 人 民 检 察 院)
    as words; a sentence with a few spaces keeps them, and so does a run of fewer than four
    spaced characters (目 录).

    >>> unspaced("江 苏 省 人 民 检 察 院 2019 年 度 收 入 预 算"), unspaced("基本支出 1447.63 万元")
    ('江苏省人民检察院 2019 年度收入预算', '基本支出 1447.63 万元')
    >>> unspaced("江 苏 省 人 民 检 察 院 2019 年 度 预 算 总 计 24,169.74 万元，与上年相比收、支预算总计各增加 2214.39 万元")
    '江苏省人民检察院 2019 年度预算总计 24,169.74 万元，与上年相比收、支预算总计各增加 2214.39 万元'
    """
    han = len(regex.findall(r"\p{Han}", text))
    if han and len(_SPACED.findall(text)) >= han / 2:
        return _SPACED.sub("", text)
    return _SPACED_RUN.sub(lambda m: _SPACED.sub("", m.group()), text)


def _sheet_title(name: str, used: set[str]) -> str:
    title = regex.sub(r"[\[\]:*?/\\]", "", name)[:28] or "单位"
    while title in used:
        title = title[:25] + f"~{len(used)}"
    used.add(title)
    return title


def write_workbook(series: pd.DataFrame, changes: pd.DataFrame, path: str | Path, *,
                   checks: pd.DataFrame | None = None, documents: pd.DataFrame | None = None,
                   unplaced: pd.DataFrame | None = None, swing_pct: Decimal = Decimal(30),
                   source: str = "") -> Path:
    """Write the workbook (see the module's docstring) to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    fills = {k: PatternFill("solid", fgColor=c) for k, (_, c) in VERDICTS.items() if c}
    wrap = Alignment(wrap_text=True, vertical="top")
    wb = Workbook()
    cover = wb.active
    cover.title = "说明"
    verdicts = _verdicts(changes, swing_pct)
    titles = {}
    if documents is not None and len(documents):
        titles = {r.doc_id: r.title for r in iter_rows(documents)}
    used = {"说明", "未通过与警告"}
    sheets: list[tuple[str, str]] = []
    for orgname, group in series.groupby("organization", sort=True):
        ws = wb.create_sheet(_sheet_title(str(orgname), used))
        sheets.append((str(orgname), ws.title))
        _org_sheet(ws, str(orgname), group, verdicts, checks, titles, bold, fills, wrap)
    _cover(cover, series, changes, verdicts, sheets, unplaced, titles, swing_pct, source, bold, fills, wrap)
    _failed_sheet(wb.create_sheet("未通过与警告"), changes, bold, fills, wrap)
    path = Path(path)
    wb.save(path)
    return path


def _org_sheet(ws: Any, orgname: str, group: pd.DataFrame, verdicts: dict[tuple[Any, ...], dict[str, Any]],
               checks: pd.DataFrame | None, titles: dict[str, Any], bold: Any, fills: dict[str, Any],
               wrap: Any) -> None:
    from openpyxl.utils import get_column_letter

    years = sorted(int(y) for y in group["year"].unique())
    pairs = list(zip(years, years[1:]))
    header = ["报告类型", "科目编码", "科目/项目", "单位"] + [f"{y}年" for y in years]
    header += [f"{y}年出处" for y in years]
    for prev, y in pairs:
        header += [f"{y}比{prev}变化", f"{y}比{prev}变化率(%)", f"{y}年报告所述变化", f"{y}年核对结果"]
    ws.append(header)
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = wrap
    rank = {"concept": 0, "code": 1}  # named lines first, then the 科目编码 rows
    order = sorted(group.groupby(["report_type", "concept"], sort=True),
                   key=lambda kv: (kv[0][0], rank.get(str(kv[1]["key_rule"].iloc[0]), 2), kv[0][1]))
    n_years = len(years)
    for (rtype, concept), rows in order:
        by_year = {int(r.year): r for r in iter_rows(rows)}
        unit = str(rows["unit"].iloc[0])
        money = unit == "元"
        code = rows["code"].dropna().iloc[0] if rows["code"].notna().any() else None
        code_text = str(code).split(" ", 1)[0] if code else None
        name = str(concept).split(" ", 1)[1] if code and " " in str(concept) else str(concept)
        line: list[Any] = [rtype, code_text, csv_cell(name), "万元" if money else unit]
        line += [_shown(_num(by_year[y].value), money) if y in by_year else None for y in years]
        line += [_where(by_year[y]) if y in by_year else None for y in years]
        marks: list[tuple[int, str]] = []
        for k, (prev, y) in enumerate(pairs):
            v = verdicts.get((orgname, rtype, concept, y))
            if v is None or v.get("prior_year") not in (None, prev):
                line += [None, None, None, None]
                continue
            line += [_shown(v["change"], money), float(v["pct"]) if v["pct"] is not None else None,
                     _shown(v["stated"], money), VERDICTS.get(v["status"], ("", None))[0] or None]
            if v["status"] in fills:
                marks.append((4 + 2 * n_years + 4 * k + 4, v["status"]))
        ws.append(line)
        r = ws.max_row
        for col, status in marks:
            ws.cell(r, col).fill = fills[status]
            if status == "swing":
                ws.cell(r, col - 2).fill = fills[status]  # the % beside it
        for k in range(n_years):
            ws.cell(r, 5 + k).number_format = "#,##0.00"
        for k in range(len(pairs)):
            base = 5 + 2 * n_years + 4 * k
            ws.cell(r, base).number_format = "#,##0.00"
            ws.cell(r, base + 1).number_format = "0.00"
            ws.cell(r, base + 2).number_format = "#,##0.00"
    widths = [10, 10, 30, 7] + [14] * n_years + [30] * n_years + [14, 12, 14, 20] * len(pairs)
    for k, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = w
    ws.freeze_panes = "E2"
    _own_checks(ws, group, checks, bold, fills, wrap)


def _where(row: Any) -> str:
    """Where a figure is printed: the document and its page (第3页), or the document alone."""
    page = _num(row.page)
    return f"{row.doc_id}" + (f" 第{int(page)}页" if page is not None else "")


def _own_checks(ws: Any, group: pd.DataFrame, checks: pd.DataFrame | None, bold: Any, fills: dict[str, Any],
                wrap: Any) -> None:
    """Below the lines: each year's failed or warned checks within its own report."""
    ws.append([])
    ws.append(["各年报告内部核对（未通过/需核实）"])
    ws.cell(ws.max_row, 1).font = bold
    docs: dict[int, list[str]] = {int(str(y)): sorted(set(s)) for y, s in group.groupby("year")["doc_id"]}
    rows = []
    if checks is not None and len(checks):
        bad = checks[checks["status"].isin(["fail", "warn"])]
        for year in sorted(docs):
            for r in iter_rows(bad[bad["doc_id"].isin(docs[year])]):
                rows.append([year, r.doc_id, r.rule, VERDICTS[r.status][0], csv_cell(unspaced(str(r.message)))])
    ws.append(["年份", "文件", "核对规则", "结果", "说明"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    if not rows:
        ws.append(["", "", "", "", "无"])
    for line in rows:
        ws.append(line)
        ws.cell(ws.max_row, 4).fill = fills["fail" if line[3] == VERDICTS["fail"][0] else "warn"]
        ws.cell(ws.max_row, 5).alignment = wrap


def _cover(ws: Any, series: pd.DataFrame, changes: pd.DataFrame, verdicts: dict[tuple[Any, ...], dict[str, Any]],
           sheets: list[tuple[str, str]], unplaced: pd.DataFrame | None, titles: dict[str, Any],
           swing_pct: Decimal, source: str, bold: Any, fills: dict[str, Any], wrap: Any) -> None:
    years = sorted(int(y) for y in series["year"].unique()) if len(series) else []
    from openpyxl.styles import Font

    ws.append(["跨年度对比"])
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append(["数据来源", source])
    ws.append(["年份", "、".join(str(y) for y in years) or "无"])
    ws.append(["报告类型", "、".join(sorted(set(series["report_type"]))) if len(series) else "无"])
    ws.append([])
    ws.append(["单位", "工作表", "年份", "文件", "标题"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for orgname, title in sheets:
        mine = series[series["organization"] == orgname]
        for year, ids in mine.groupby("year")["doc_id"]:
            for d in sorted(set(ids)):
                ws.append([orgname, title, int(str(year)), d, csv_cell(unspaced(str(titles.get(d) or "")))])
    ws.append([])
    ws.append(["核对结果", "条数", "含义"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    counts = {k: 0 for k in VERDICTS}
    for v in verdicts.values():
        counts[v["status"]] = counts.get(v["status"], 0) + 1
    meaning = {"pass": "报告所述的变化（或上年数）与两年报告的数字相符",
               "fail": "报告所述的变化与两年报告的数字不符",
               "warn": "同一数字在报告中或两年报告之间说法不一，需核实",
               "swing": f"变化幅度达到或超过{swing_pct}%，报告未说明变化",
               "info": "仅计算的变化，报告未说明"}
    for k in ("pass", "fail", "warn", "swing", "info"):
        ws.append([VERDICTS[k][0] or "计算变化", counts.get(k, 0), meaning[k]])
        if k in fills:
            ws.cell(ws.max_row, 1).fill = fills[k]
    ws.append([])
    ws.append(["金额单位", "万元（原文以元计的数字除以10000）；变化率为（本年-上年）/上年×100"])
    ws.append(["出处", "文件名与页码（PDF）；文本文件无页码"])
    if unplaced is not None and len(unplaced):
        ws.append([])
        ws.append(["未能归属的文件", "说明"])
        for cell in ws[ws.max_row]:
            cell.font = bold
        for r in iter_rows(unplaced):
            ws.append([r.doc_id, csv_cell(str(r.notes or ""))])
    for col, w in zip("ABCDE", (22, 30, 10, 36, 50)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows():
        for c in row:
            c.alignment = wrap


def _failed_sheet(ws: Any, changes: pd.DataFrame, bold: Any, fills: dict[str, Any], wrap: Any) -> None:
    ws.append(["单位", "报告类型", "科目/项目", "年份", "核对规则", "结果", "说明", "原文"])
    for cell in ws[1]:
        cell.font = bold
    bad = changes[changes["status"].isin(["fail", "warn"])] if len(changes) else changes
    for r in iter_rows(bad):
        ws.append([csv_cell(unspaced(str(x))) if x is not None else None for x in
                   (r.organization, r.report_type, r.concept, r.year, r.rule, VERDICTS[r.status][0], r.message,
                    r.sentence)])
        ws.cell(ws.max_row, 6).fill = fills[r.status]
        for c in (7, 8):
            ws.cell(ws.max_row, c).alignment = wrap
    for col, w in zip("ABCDEFGH", (24, 10, 28, 8, 16, 10, 60, 60)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
