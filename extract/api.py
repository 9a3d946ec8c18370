"""The library's verbs: each returns pandas DataFrames.

    >>> import extract
    >>> df = extract.extract_facts("2021年收入总计181.92万元。", year=2021)
    >>> df[["kind", "text", "value"]].values.tolist()
    [['year', '2021年', '2021'], ['amount', '181.92万元', '1819200.00']]
    >>> df.loc[df.kind == "amount", "label"].item()
    '收入总计'
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .facts import document_facts
from .ingest import Entry, Limits, discover, entry_row, read_report
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


def read_documents(paths: Iterable[str | Path], year: int | None = None,
                   follow_symlinks: bool = False) -> list[Document]:
    """Every document under ``paths`` as read (one per entry found, readable or not)."""
    return [read_report(e.path, year, e.doc_id) if e.status is None else entry_row(e)
            for e in discover(list(paths), follow_symlinks)]


class DocumentTimeout(Exception):
    """One document took longer than its time limit."""


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block after ``seconds`` (a timer signal: only in the main
    thread of a process; elsewhere, as in a Dask worker's threads, the block is not limited)."""
    import signal
    import threading

    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise DocumentTimeout()

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _read_and_extract(entry: Entry, year: int | None, limits: Limits | None = None
                      ) -> tuple[dict[str, object], list[Fact]]:
    """One entry: its documents row and its facts (runs in a worker process under ``jobs``).

    This is the batch's boundary: whatever goes wrong while reading or extracting one document
    (a bug included) becomes that document's ``status`` = ``error`` with the stage and the
    exception, a document over its time limit becomes ``timeout``, and the batch goes on."""
    if entry.status is not None:
        return entry_row(entry).row(), []
    limits = limits or Limits()
    stage, doc = "read", None
    try:
        with _deadline(limits.seconds):
            doc = read_report(entry.path, year, entry.doc_id, limits)
            if not doc.text:
                return doc.row(), []
            stage = "extract"
            facts = document_facts(doc, load_rules(), year=year)
    except DocumentTimeout:
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "timeout", "error": f"over the limit of {limits.seconds:g} s per document "
                                                     f"(while it was at: {stage})"}, []
    except Exception as e:  # noqa: BLE001 - reported in the documents table, never hidden
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "error", "error": f"{stage}: {type(e).__name__}: {e}"}, []
    return doc.row(), facts


def _worker_init() -> None:
    """Worker processes end with the parent: the kernel signals them when it dies (Linux), and a
    watchdog thread notices a new parent elsewhere."""
    import signal
    import threading
    import os

    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        import time

        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def run(paths: Iterable[str | Path], year: int | None = None,
        progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None, jobs: int = 1,
        follow_symlinks: bool = False, exclude: tuple[str, ...] = (), entries: list[Entry] | None = None,
        limits: Limits | None = None) -> RunResult:
    """Read every report under ``paths``, extract its facts and check them.

    A file that cannot be read becomes a documents row with its status and error;
    the batch goes on. ``jobs`` > 1 reads and extracts files in that many worker
    processes (results keep the order of the files); validation runs afterwards.
    ``progress(iterable, total)`` may wrap the per-file results (a progress bar).
    """
    from .validate import check_facts

    files = entries if entries is not None else discover(list(paths), follow_symlinks, exclude)
    rows: list[dict[str, object]] = []
    facts: list[Fact] = []
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_worker_init) as pool:
            results = pool.map(_read_and_extract, files, [year] * len(files), [limits] * len(files), chunksize=1)
            for row, found in (progress(results, len(files)) if progress else results):
                rows.append(row)
                facts.extend(found)
    else:
        results = (_read_and_extract(f, year, limits) for f in files)
        for row, found in (progress(results, len(files)) if progress else results):
            rows.append(row)
            facts.extend(found)
    fdf = facts_frame(facts)
    errors: dict[str, str] = {}
    checks = check_facts(fdf, load_rules(), errors)
    for row in rows:
        if row["doc_id"] in errors:
            row["status"], row["error"] = "error", errors[str(row["doc_id"])]
    return RunResult(documents_frame(rows), fdf, checks)


def check(facts: pd.DataFrame) -> pd.DataFrame:
    """Validate a facts table: the ``checks`` table (one row per check, failures with evidence)."""
    from .validate import check_facts

    return check_facts(facts, load_rules())


__all__ = ["RunResult", "extract_facts", "run", "check", "read_documents", "CHECK_COLUMNS"]
