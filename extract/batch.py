"""Many documents: one function per document, run in this process, in worker processes, or on a
Dask cluster, with the same result.

``process`` is the batch's boundary: it reads, extracts and checks one document, and whatever
goes wrong there (a bug included) becomes that document's ``status`` (``error`` with the stage
and the exception, ``timeout`` over the time limit), never an exception for the batch.
``process_all`` yields the results as they complete; callers put them in order (``extract.run``)
or store each as it comes (``extract.dataset``), so memory holds one document at a time.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .find.facts import document_facts
from .read.ingest import Entry, Limits, entry_row, read_report
from .records import Fact, ReportFactsError
from .rules import load_rules

ENGINES = ("local", "dask")
#: seconds to connect to a Dask scheduler
DASK_CONNECT_SECONDS = 30


class DaskUnavailable(ReportFactsError):
    """The Dask scheduler named cannot be reached (or its address is not one)."""


class DocumentTimeout(BaseException):
    """One document took longer than its time limit. A BaseException: library code that catches
    every Exception (a PDF reader falling back after a damaged stream) cannot swallow the limit."""


@dataclass
class Processed:
    """One document's rows: its documents row, fact rows and check rows (dicts with the tables'
    columns; DataFrames are built once for a whole run, not per document). A worker process of a
    dataset build sends fact and check rows as Arrow tables instead (:func:`process_packed`)."""

    index: int
    row: dict[str, Any]
    facts: Any  # list[dict[str, Any]] | pyarrow.Table
    checks: Any  # list[dict[str, Any]] | pyarrow.Table


def packed(columns: Sequence[str], rows: Any) -> Any:
    """Rows as an Arrow table (unchanged when they already are one)."""
    from .store import rows_table

    return rows if hasattr(rows, "num_rows") else rows_table(columns, rows)


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


#: the largest amount DECIMAL(38, 8) holds: 30 digits before the point
DECIMAL_DIGITS = 30


def _out_of_range(facts: list[Fact]) -> Fact | None:
    """The first fact whose value DECIMAL(38, 8) cannot hold (the tables could not store it)."""
    from decimal import Decimal

    for f in facts:
        for v in (f.value, f.value_max):
            if isinstance(v, Decimal) and (not v.is_finite() or (v and v.adjusted() >= DECIMAL_DIGITS)):
                return f
    return None


def _work(entry: Entry, year: int | None, limits: Limits | None
          ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Read, extract and check one entry - every stage inside the document's time limit (a
    validation that runs long is a ``timeout`` like a slow reading); a failure or a timeout in
    any stage becomes the row's status and the document keeps no facts or checks (never half)."""
    if entry.status is not None:
        return entry_row(entry).row(), [], []
    limits = limits or Limits()
    stage, doc = "read", None
    checks: list[dict[str, Any]] = []
    try:
        with _deadline(limits.seconds):
            doc = read_report(entry.path, year, entry.doc_id, limits)
            if not doc.text:
                return doc.row(), [], []
            stage = "extract"
            facts = document_facts(doc, load_rules(), year=year)
            if limits.facts is not None and len(facts) > limits.facts:
                return {**doc.row(), "status": "too_large",
                        "error": f"{len(facts)} facts, over the limit of {limits.facts} per document"}, [], []
            bad = _out_of_range(facts)
            if bad is not None:
                return {**doc.row(), "status": "error",
                        "error": f"extract: the figure {bad.text[:80]!r} at {bad.start} is beyond what the tables "
                                 f"hold (DECIMAL(38, 8): at most {DECIMAL_DIGITS} digits before the point)"}, [], []
            records = [f.row() for f in facts]
            if records:
                from .checks.validate import check_rows

                stage = "validate"
                checks = check_rows(doc.doc_id, records, load_rules())
    except DocumentTimeout:
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "timeout", "error": f"over the limit of {limits.seconds:g} s per document "
                                                     f"(while it was at: {stage})"}, [], []
    except Exception as e:  # noqa: BLE001 - reported in the documents table, never hidden
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "error", "error": f"{stage}: {type(e).__name__}: {e}"}, [], []
    return doc.row(), records, checks


def process(index: int, entry: Entry, year: int | None, limits: Limits | None = None) -> Processed:
    """Read, extract and check one document (in whichever process or cluster worker runs it)."""
    return Processed(index, *_work(entry, year, limits))


#: a document with at least this many facts leaves its worker as Arrow tables (below it, the
#: conversion costs more than pickling the few dicts)
PACK_ROWS = 200


def process_packed(index: int, entry: Entry, year: int | None, limits: Limits | None = None) -> Processed:
    """:func:`process`, with the fact and check rows of a large document as Arrow tables:
    converted in the worker, they cross to the parent as a few buffers instead of thousands of
    pickled dicts, and the parent, which every worker waits on, only inserts them."""
    from .records import CHECK_COLUMNS, FACT_COLUMNS

    p = process(index, entry, year, limits)
    if len(p.facts) < PACK_ROWS:
        return p
    return Processed(p.index, p.row, packed(FACT_COLUMNS, p.facts), packed(CHECK_COLUMNS, p.checks))


def _worker_init() -> None:
    """Worker processes end with the parent: the kernel signals them when it dies (Linux), and a
    watchdog thread notices a new parent elsewhere."""
    import signal
    import threading

    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
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


def process_all(entries: Sequence[Entry], year: int | None = None, limits: Limits | None = None, jobs: int = 1,
                engine: str = "local", scheduler: str | None = None, pack: bool = False) -> Iterator[Processed]:
    """Every entry processed, yielded as each completes (``Processed.index`` gives its place).

    ``engine`` ``local`` uses ``jobs`` worker processes (1: this process); ``dask`` submits the
    same function to a Dask cluster: the scheduler at ``scheduler`` (``tcp://host:8786``), or a
    local cluster of ``jobs`` worker processes when none is given. ``pack``: rows from other
    processes come as Arrow tables (:func:`process_packed`)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if engine == "dask":
        yield from _on_dask(entries, year, limits, jobs, scheduler, process_packed if pack else process)
        return
    if jobs <= 1 or len(entries) <= 1:
        for k, e in enumerate(entries):
            yield process(k, e, year, limits)
        return
    load_rules()
    # jieba's dictionary is loaded by each worker on first use, not here: the workers load it side
    # by side while this process opens the store, and this process (which extracts nothing) stays small
    yield from _local_pool(entries, year, limits, jobs, process_packed if pack else process)


#: the error of a document whose worker process died while reading it
WORKER_DIED = ("worker process died while reading this document (killed by the system, e.g. out of memory, "
               "or a crash in a native library such as pdfium); read it alone to see more")


def _local_pool(entries: Sequence[Entry], year: int | None, limits: Limits | None, jobs: int,
                work: Any) -> Iterator[Processed]:
    """Documents on a pool of ``jobs`` worker processes. A worker that dies (the kernel's OOM
    killer, a segfault in a native library) breaks the whole pool; then the documents it was
    working on are read again one at a time, each in a worker of its own: the one that kills its
    worker again gets an ``error`` row, and the batch goes on with a new pool."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    queue = deque(range(len(entries)))
    suspects: list[int] = []
    while queue or suspects:
        for k in suspects:
            with ProcessPoolExecutor(max_workers=1, initializer=_worker_init) as alone:
                try:
                    yield alone.submit(work, k, entries[k], year, limits).result()
                except BrokenProcessPool:
                    row = entry_row(entries[k]).row()
                    yield Processed(k, {**row, "status": "error", "error": WORKER_DIED}, [], [])
        suspects = []
        if not queue:
            break
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(queue)), initializer=_worker_init)
        pending: dict[Any, int] = {}
        try:
            while queue or pending:
                while queue and len(pending) < 4 * jobs:  # a few documents in flight, not the corpus
                    k = queue.popleft()
                    pending[pool.submit(work, k, entries[k], year, limits)] = k
                done = next(iter(as_completed(pending)))
                k = pending.pop(done)
                try:
                    result = done.result()
                except BrokenProcessPool:
                    suspects = sorted([k, *pending.values()])
                    break
                yield result
        finally:  # on Ctrl-C (or any stop) queued documents are dropped, running ones not waited for
            pool.shutdown(wait=False, cancel_futures=True)


def _windowed(submit: Any, n: int, window: int, completed: Any, result: Any) -> Iterator[Processed]:
    """Results of ``submit(0..n-1)`` as they complete, with at most ``window`` documents in flight:
    memory holds a few documents' rows, not the corpus's."""
    pending: set[Any] = set()
    k = 0
    try:
        while k < n or pending:
            while k < n and len(pending) < window:
                pending.add(submit(k))
                k += 1
            done = next(iter(completed(pending)))
            pending.discard(done)
            yield result(done)
    finally:
        for f in pending:
            f.cancel()


def _connect(client_class: Any, scheduler: str) -> Any:
    """A Dask client of ``scheduler``, or :class:`DaskUnavailable` within :data:`DASK_CONNECT_SECONDS`:
    the client is made in a daemon thread, because an address that accepts connections and never
    answers holds the handshake beyond the client's own timeout."""
    import queue
    import threading

    done: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue()

    def connect() -> None:
        try:
            done.put((client_class(scheduler, timeout=DASK_CONNECT_SECONDS), None))
        except Exception as e:  # noqa: BLE001 - handed to the caller, who words it
            done.put((None, e))

    threading.Thread(target=connect, daemon=True, name="reportfacts-dask-connect").start()
    try:
        client, error = done.get(timeout=DASK_CONNECT_SECONDS + 5)
    except queue.Empty:
        client, error = None, TimeoutError("no answer")
    if error is not None or client is None:
        text = str(error).splitlines()[0] if error is not None and str(error) else ""
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler!r} within {DASK_CONNECT_SECONDS} s: "
                              f"{type(error).__name__}: {text}")
    return client


def _on_dask(entries: Sequence[Entry], year: int | None, limits: Limits | None, jobs: int,
             scheduler: str | None, work: Any = process) -> Iterator[Processed]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("the dask engine needs the cluster extra: pip install 'reportfacts[cluster]'") from None
    cluster = None
    if scheduler:
        client = _connect(Client, scheduler)
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)

    def fetch(f: Any) -> Processed:
        result = f.result()
        f.release()  # the cluster forgets the document once it is here
        return result

    try:
        yield from _windowed(lambda k: client.submit(work, k, entries[k], year, limits, pure=False),
                             len(entries), 8 * max(jobs, len(client.nthreads())), as_completed, fetch)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


