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
from typing import Any
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .facts import document_facts
from .ingest import discover, read_report
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, Document, Fact
from .rules import load_rules
from .store import typed


@dataclass(frozen=True)
class RunResult:
    """The three tables of a run."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    checks: pd.DataFrame


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    rows = [f.row() for f in facts]
    return typed(pd.DataFrame(rows, columns=FACT_COLUMNS))


def documents_frame(docs: Iterable[Document | dict[str, object]]) -> pd.DataFrame:
    rows = [d if isinstance(d, dict) else d.row() for d in docs]
    return typed(pd.DataFrame(rows, columns=DOCUMENT_COLUMNS))


def extract_facts(text: str, year: int | None = None, doc_id: str = "text") -> pd.DataFrame:
    """Facts of one text (the ``facts`` table's columns)."""
    from .ingest import organization, report_year

    title = text.strip().splitlines()[0][:120] if text.strip() else None
    doc = Document(doc_id, "", "txt", text, title=title, organization=organization(title, text),
                   year=year or report_year(title, text))
    return facts_frame(document_facts(doc, load_rules(), year=year))


def read_documents(paths: Iterable[str | Path], year: int | None = None) -> list[Document]:
    return [read_report(p, year) for p in discover(list(paths))]


def _read_and_extract(path: Path, year: int | None) -> tuple[dict[str, object], list[Fact]]:
    """One file: its documents row and its facts (runs in a worker process under ``jobs``)."""
    doc = read_report(path, year)
    facts = document_facts(doc, load_rules(), year=year) if doc.status == "ok" or doc.text else []
    return doc.row(), facts


def run(paths: Iterable[str | Path], year: int | None = None,
        progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None, jobs: int = 1) -> RunResult:
    """Read every report under ``paths``, extract its facts and check them.

    A file that cannot be read becomes a documents row with its status and error;
    the batch goes on. ``jobs`` > 1 reads and extracts files in that many worker
    processes (results keep the order of the files); validation runs afterwards.
    ``progress(iterable, total)`` may wrap the per-file results (a progress bar).
    """
    from .validate import check_facts

    files = discover(list(paths))
    rows: list[dict[str, object]] = []
    facts: list[Fact] = []
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            results = pool.map(_read_and_extract, files, [year] * len(files), chunksize=1)
            for row, found in (progress(results, len(files)) if progress else results):
                rows.append(row)
                facts.extend(found)
    else:
        results = (_read_and_extract(f, year) for f in files)
        for row, found in (progress(results, len(files)) if progress else results):
            rows.append(row)
            facts.extend(found)
    fdf = facts_frame(facts)
    return RunResult(documents_frame(rows), fdf, check_facts(fdf, load_rules()))


def check(facts: pd.DataFrame) -> pd.DataFrame:
    """Validate a facts table: the ``checks`` table (one row per check, failures with evidence)."""
    from .validate import check_facts

    return check_facts(facts, load_rules())


__all__ = ["RunResult", "extract_facts", "run", "check", "read_documents", "CHECK_COLUMNS"]
