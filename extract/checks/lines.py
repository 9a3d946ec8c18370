"""Budget lines and the changes reports state for them (issue 22), for :mod:`extract.checks.compare`.

A series is a budget line: a table row by its 科目编码, else a figure whose label names a line
(compare.yaml's ``lines``, an identities concept, the 项 of a 类/款/项 path). A stated change is
matched to the level before it in its sentence, or, when it names its own line
(主要原因是基本支出增加…3397.18万元), to that line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from ..rules import load_rules, load_yaml, patterns_dir
from ..store import iter_rows

if TYPE_CHECKING:
    import pandas as pd

_CODE = regex.compile(r"^(?P<code>\d{3,7})\s+(?P<name>.+)$")


@dataclass(frozen=True)
class CompareRules:
    report_types: tuple[tuple[str, tuple[str, ...]], ...]
    organization_drop: regex.Pattern[str]
    short_name_start: regex.Pattern[str]
    prior_column: regex.Pattern[str]
    swing_pct: Decimal
    #: (line name, pattern on a label): budget lines beyond the identities' concepts
    lines: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    item: regex.Pattern[str] | None = None


@functools.lru_cache(maxsize=2)
def compare_rules(folder: str | None = None) -> CompareRules:
    data = load_yaml((Path(folder) if folder else patterns_dir()) / "compare.yaml")
    return CompareRules(
        tuple((t["type"], tuple(t["words"])) for t in data["report_types"]),
        regex.compile(data["organization_drop"]), regex.compile(data["short_name_start"]),
        regex.compile(data["prior_column"]), Decimal(str(data["swing_pct"])),
        tuple((x["line"], regex.compile(x["pattern"])) for x in data.get("lines", ())),
        regex.compile(data["item"]) if data.get("item") else None)


def line_name(label: str, concept: str | None, rules: Any, cr: CompareRules) -> str | None:
    """The budget line a label names: one of compare.yaml's lines, an identities concept, or the
    项 of a 类/款/项 path; None for a fragment (支出, 单价, （), which enters no series.

    >>> r, cr = load_rules(), compare_rules()
    >>> line_name("本年收入合计", "收入总计", r, cr), line_name("基本支出", None, r, cr)
    ('本年收入合计', '基本支出')
    >>> line_name(". 法院（款）案件审判（项）支出", None, r, cr), line_name("支出", None, r, cr)
    ('案件审判（项）', None)
    """
    key = regex.sub(r"[\s“”\"'‘’]+", "", label).lstrip(".、．·")
    for name, pattern in cr.lines:
        if pattern.search(key):
            return name
    found = concept or rules.concept(key)
    if found:
        return found
    m = cr.item.search(key) if cr.item is not None else None
    return f"{m['name']}（项）" if m else None


def series_key(row: Any, rules: Any, cr: CompareRules | None = None) -> tuple[str, str, str, str] | None:
    """(key, line shown, code, which key matched) of a level figure; None when the figure names
    no budget line (no 科目编码, no known line name)."""
    label = str(row.label or "")
    m = _CODE.match(label) if row.source == "table" else None
    column = str(row.column or "")
    if m:
        return f"code:{m['code']}|{column}", f"{m['code']} {m['name']}", m["code"], "code"
    line = line_name(label, row.concept if isinstance(row.concept, str) and row.concept else None, rules,
                     cr or compare_rules())
    if line:
        return f"concept:{line}", line, "", "concept"
    return None


def _stated_changes(f: pd.DataFrame, rules: Any, cr: CompareRules
                    ) -> tuple[dict[str, tuple[Any, Any | None]], list[tuple[Any, Any | None]]]:
    """level fact id -> (the change the sentence prints for it, its rate): the change figure after
    the level in the same sentence (江苏省… 预算总计 33172.15万元，与上年相比…各增加 4322.77万元，增长 14.98%);
    and the changes that name their own line (主要原因是基本支出增加…3397.18万元、项目支出安排减少200万元),
    each with its rate. A figure read as a level whose clause opens with a line and 增加/减少
    (基本支出增加人员工资、提租补贴等3397.18万元) is such a change."""
    out: dict[str, tuple[Any, Any | None]] = {}
    alone: list[tuple[Any, Any | None]] = []
    for _, group in f.sort_values(["doc_id", "start"]).groupby(["doc_id", "sentence_start"], sort=False):
        rows = [_as_change(r, rules, cr) for r in iter_rows(group)]
        for i, r in enumerate(rows):
            if not r.change or r.source != "text":
                continue
            own = series_key(r, rules, cr) if _has_label(r) else None
            level = next((x for x in reversed(rows[:i]) if not x.change and x.kind == r.kind), None)
            if level is not None and own is not None and series_key(level, rules, cr) != own:
                level = None  # 项目支出安排减少…: a line of its own, not the figure before it
            if level is not None and level.fact_id not in out:
                out[level.fact_id] = (r, _rate_after(r))
            elif level is None:
                alone.append((r, _rate_after(r)))
    return out, alone


def _has_label(row: Any) -> bool:
    return row.label is not None and str(row.label) not in ("", "nan", "None")


_CLAUSE_CHANGE = regex.compile(r"(?P<dir>增加|减少)(?!到|至|为)")


def _as_change(row: Any, rules: Any, cr: CompareRules) -> Any:
    """A text figure read as a level whose clause says a line 增加/减少 by it becomes that change."""
    if row.change or row.source != "text" or row.kind != "amount":
        return row
    before = str(row.sentence)[: int(row.start) - int(row.sentence_start)]
    clause = regex.split(r"[，,；;：:。]", regex.sub(r"\s+", "", before))[-1]
    m = None
    for m in _CLAUSE_CHANGE.finditer(clause):
        pass
    if m is None:
        return row
    line = _line_in(clause[: m.start()], rules, cr)
    if line is None:
        return row
    return row._replace(change=True, qualifier=m["dir"], label=line, concept=line)


_DIRECTION = regex.compile(r"(?:增加|减少|增长|下降|上升|降低)")


def _line_before(change: Any, rules: Any, cr: CompareRules) -> str | None:
    """The line a change without a label is about: the line named right before the last 增加/减少 of
    its clause (与上年相比增加 … has none)."""
    if _has_label(change):
        return None
    before = str(change.sentence)[: int(change.start) - int(change.sentence_start)]
    clause = regex.split(r"[，,；;：:。]", regex.sub(r"\s+", "", before))[-1]
    cut = [m.start() for m in _DIRECTION.finditer(clause)]
    return _line_in(clause[: cut[-1]], rules, cr) if cut else None


def _line_in(head: str, rules: Any, cr: CompareRules) -> str | None:
    """The line that ends ``head`` (主要原因是基本支出 -> 基本支出), the longest that names one."""
    for i in range(len(head) - 1):
        line = line_name(head[i:], None, rules, cr)
        if line:
            return line
    return None


_RATE = regex.compile(r"^[^。；;]*?(?:增长|下降|增加|减少|提高|降低|上升)\s*(?P<pct>\d+(?:\.\d+)?)\s*%")


def _rate_after(change: Any) -> tuple[Decimal, Decimal] | None:
    """The rate printed right after a change (…增加 4322.77 万元，增长 14.98%): (value, resolution)."""
    rest = str(change.sentence)[int(change.end) - int(change.sentence_start):]
    m = _RATE.match(rest)
    if not m:
        return None
    pct = m.group("pct")
    return Decimal(pct), Decimal(1).scaleb(-(len(pct.split(".")[1]) if "." in pct else 0))
