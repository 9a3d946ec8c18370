"""The library's verbs: each returns pandas DataFrames.

    >>> import extract
    >>> df = extract.extract_facts("2021年收入总计181.92万元。", year=2021)
    >>> df[["kind", "text", "value"]].values.tolist()
    [['year', '2021年', '2021'], ['amount', '181.92万元', '1819200.00']]
    >>> df.loc[df.kind == "amount", "label"].item()
    '收入总计'
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from pathlib import Path

from .find.facts import document_facts
from .read.ingest import Entry, Limits, discover, entry_row, read_report
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, Document, Fact
from .rules import choose_kinds, load_rules
from .store import typed

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd


@dataclass(frozen=True)
class RunResult:
    """The three tables of a run."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    checks: pd.DataFrame


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    import pandas as pd

    rows = [f.row() for f in facts]
    return typed(pd.DataFrame(rows, columns=FACT_COLUMNS))


def documents_frame(docs: Iterable[Document | dict[str, object]]) -> pd.DataFrame:
    import pandas as pd

    rows = [d if isinstance(d, dict) else d.row() for d in docs]
    return typed(pd.DataFrame(rows, columns=DOCUMENT_COLUMNS))


def extract_facts(text: str, year: int | None = None, doc_id: str = "text",
                  kinds: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Facts of one text (the ``facts`` table's columns).

    ``kinds`` (``"amount"``, ``["amount", "label"]``; default everything): only facts of these
    kinds, and their labels only when ``label`` is named (:func:`extract.rules.choose_kinds`).

    >>> extract_facts("2021年收入总计181.92万元。", kinds="amount")[["text", "value", "label"]].values.tolist()
    [['181.92万元', '1819200.00', None]]
    """
    from .read.ingest import organization, report_year

    title = text.strip().splitlines()[0][:120] if text.strip() else None
    doc = Document(doc_id, "", "txt", text, title=title, organization=organization(title, text),
                   year=year or report_year(title, text))
    return facts_frame(document_facts(doc, load_rules(), year=year, kinds=choose_kinds(kinds)))


def read_documents(paths: Iterable[str | Path], year: int | None = None,
                   follow_symlinks: bool = False) -> list[Document]:
    """Every document under ``paths`` as read (one per entry found, readable or not)."""
    return [read_report(e.path, year, e.doc_id) if e.status is None else entry_row(e)
            for e in discover(list(paths), follow_symlinks)]


def run(paths: Iterable[str | Path], year: int | None = None,
        progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None, jobs: int = 1,
        follow_symlinks: bool = False, exclude: tuple[str, ...] = (), entries: list[Entry] | None = None,
        limits: Limits | None = None, engine: str = "local", scheduler: str | None = None,
        kinds: str | Iterable[str] | None = None) -> RunResult:
    """Read every report under ``paths``, extract its facts and check them.

    A file that cannot be read becomes a documents row with its status and error; the batch
    goes on. ``jobs`` > 1 reads, extracts and checks files in that many worker processes;
    ``engine="dask"`` runs the same per-document function on a Dask cluster (``scheduler``
    address, or a local cluster of ``jobs`` processes). The tables are the same whichever way,
    in file order. ``progress(iterable, total)`` may wrap the per-file results (a progress bar).
    ``kinds``: as for :func:`extract_facts`; the checks run only when ``check`` is named (or by default).
    """
    import pandas as pd

    from .batch import process_all

    if kinds is not None:
        limits = replace(limits or Limits(), kinds=choose_kinds(kinds))
    files = entries if entries is not None else discover(list(paths), follow_symlinks, exclude)
    results = process_all(files, year, limits, jobs, engine, scheduler)
    done = sorted(progress(results, len(files)) if progress else results, key=lambda p: p.index)
    return RunResult(
        documents_frame([p.row for p in done]),
        typed(pd.DataFrame([r for p in done for r in p.facts], columns=FACT_COLUMNS)),
        pd.DataFrame([r for p in done for r in p.checks], columns=CHECK_COLUMNS),
    )


def check(facts: pd.DataFrame) -> pd.DataFrame:
    """Validate a facts table: the ``checks`` table (one row per check, failures with evidence)."""
    from .checks.validate import check_facts

    return check_facts(facts, load_rules())


__all__ = ["RunResult", "extract_facts", "run", "check", "read_documents", "CHECK_COLUMNS"]
