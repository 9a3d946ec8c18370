"""The library's verbs: each returns pandas DataFrames.

    >>> import extract
    >>> df = extract.extract_facts("2021年收入总计181.92万元。", year=2021)
    >>> df[["kind", "text", "value"]].values.tolist()
    [['date', '2021年', '2021'], ['amount', '181.92万元', '1819200.00']]
    >>> df.loc[df.kind == "amount", "label"].item()
    '收入总计'
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .facts import document_facts
from .ingest import discover, read_report
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, Document, Fact
from .rules import load_rules


@dataclass(frozen=True)
class RunResult:
    """The three tables of a run."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    checks: pd.DataFrame


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    rows = [f.row() for f in facts]
    df = pd.DataFrame(rows, columns=FACT_COLUMNS)
    for col in ("start", "end", "page", "count", "sentence_start"):
        df[col] = df[col].astype("Int64")
    return df


def documents_frame(docs: Iterable[Document]) -> pd.DataFrame:
    df = pd.DataFrame([d.row() for d in docs], columns=DOCUMENT_COLUMNS)
    for col in ("chars", "pages", "tables", "year"):
        df[col] = df[col].astype("Int64")
    return df


def extract_facts(text: str, year: int | None = None, doc_id: str = "text") -> pd.DataFrame:
    """Facts of one text (the ``facts`` table's columns)."""
    from .ingest import organization, report_year

    title = text.strip().splitlines()[0][:120] if text.strip() else None
    doc = Document(doc_id, "", "txt", text, title=title, organization=organization(title, text),
                   year=year or report_year(title, text))
    return facts_frame(document_facts(doc, load_rules()))


def read_documents(paths: Iterable[str | Path], year: int | None = None) -> list[Document]:
    return [read_report(p, year) for p in discover(list(paths))]


def run(paths: Iterable[str | Path], year: int | None = None,
        progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None) -> RunResult:
    """Read every report under ``paths``, extract its facts and check them.

    A file that cannot be read becomes a documents row with its status and error;
    the batch goes on.
    """
    from .validate import check_facts

    rules = load_rules()
    files = discover(list(paths))
    docs: list[Document] = []
    facts: list[Fact] = []
    for f in (progress(files) if progress else files):
        doc = read_report(f, year)
        docs.append(doc)
        if doc.status == "ok" or doc.text:
            facts.extend(document_facts(doc, rules))
    fdf = facts_frame(facts)
    return RunResult(documents_frame(docs), fdf, check_facts(fdf, rules, docs))


def check(facts: pd.DataFrame) -> pd.DataFrame:
    """Validate a facts table: the ``checks`` table (one row per check, failures with evidence)."""
    from .validate import check_facts

    return check_facts(facts, load_rules())


__all__ = ["RunResult", "extract_facts", "run", "check", "read_documents", "CHECK_COLUMNS"]
