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
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .find.facts import document_facts
from .read.ingest import Entry, Limits, entry_row, read_report
from .records import Fact, ReportFactsError
from .rules import load_rules
from .workers import DIED, MEMORY, TIMEOUT, grace, start_method, supervise

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
            facts = document_facts(doc, load_rules(), year=year, kinds=limits.kinds)
            if limits.facts is not None and len(facts) > limits.facts:
                return {**doc.row(), "status": "too_large",
                        "error": f"{len(facts)} facts, over the limit of {limits.facts} per document"}, [], []
            bad = _out_of_range(facts)
            if bad is not None:
                return {**doc.row(), "status": "error",
                        "error": f"extract: the figure {bad.text[:80]!r} at {bad.start} is beyond what the tables "
                                 f"hold (DECIMAL(38, 8): at most {DECIMAL_DIGITS} digits before the point)"}, [], []
            records = [f.row() for f in facts]
            if records and (limits.kinds is None or "check" in limits.kinds):
                from .checks.validate import check_rows

                stage = "validate"
                checks = check_rows(doc.doc_id, records, load_rules(), facts=facts)
    except DocumentTimeout:
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "timeout", "error": f"over the limit of {limits.seconds:g} s per document "
                                                     f"(while it was at: {stage})"}, [], []
    except MemoryError:  # the worker's address-space cap (workers.cap_memory) was reached
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "too_large", "error": f"{_over_memory(limits)} (while it was at: {stage})"}, [], []
    except Exception as e:  # noqa: BLE001 - reported in the documents table, never hidden
        row = doc.row() if doc is not None else entry_row(entry).row()
        return {**row, "status": "error", "error": f"{stage}: {type(e).__name__}: {e}"}, [], []
    return doc.row(), records, checks


def _over_memory(limits: Limits) -> str:
    if limits.memory_mb:
        return f"over the memory limit of {limits.memory_mb} MB per document"
    return "over the memory limit (out of memory)"


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


def process_all(entries: Sequence[Entry], year: int | None = None, limits: Limits | None = None, jobs: int = 1,
                engine: str = "local", scheduler: str | None = None, pack: bool = False) -> Iterator[Processed]:
    """Every entry processed, yielded as each completes (``Processed.index`` gives its place).

    ``engine`` ``local`` uses ``jobs`` supervised worker processes (:mod:`extract.workers`): the
    parent stops a document that overruns its time limit, even inside native code, and caps each
    worker's memory. With ``jobs`` 1 the one worker is a child process too, unless ``limits`` sets
    neither a time nor a memory limit (then documents are read in this process, without a fork).
    ``dask`` submits the same function to a Dask cluster: the scheduler at ``scheduler``
    (``tcp://host:8786``), or a local cluster of ``jobs`` worker processes when none is given; a
    document there is given up after its time limit and a margin. ``pack``: rows from other
    processes come as Arrow tables (:func:`process_packed`)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    limits = limits or Limits()
    if engine == "dask":
        yield from _on_dask(entries, year, limits, jobs, scheduler, process_packed if pack else process)
        return
    if jobs <= 1 and not limits.seconds and not limits.memory_mb:
        for k, e in enumerate(entries):
            yield process(k, e, year, limits)
        return
    todo = []
    for k, e in enumerate(entries):
        if e.status is None:
            todo.append(k)
        else:  # unsupported, skipped: a row without reading, no worker needed
            yield process(k, e, year, limits)
    if not todo:
        return
    workers = min(max(jobs, 1), len(todo))
    # jieba's dictionary (0.6 CPU-s) is loaded here only for several workers to share: a lone
    # worker loads it on first use, and a run whose documents need none (one short report) never does
    _preload((limits.kinds is None or "label" in limits.kinds) and workers > 1)
    work = process_packed if pack else process
    tasks = [(k, entries[k], year, limits) for k in todo]
    yield from supervise(tasks, work, workers, limits.seconds, limits.memory_mb,
                         lambda i, why: _lost(todo[i], entries[todo[i]], limits, why))


def _preload(labels: bool = True) -> None:
    """The rules, and jieba's dictionary (when ``labels`` are asked for) when workers are forked:
    loaded once here, shared by every worker, and a worker that replaces a stopped one starts ready
    (spawned workers load their own)."""
    if start_method() == "fork" and labels:
        _warm()
    else:
        load_rules()


#: the error of a document whose worker process died while reading it
WORKER_DIED = ("worker process died while reading this document (killed by the system, e.g. out of memory, "
               "or a crash in a native library such as pdfium); read it alone to see more")


def _lost(index: int, entry: Entry, limits: Limits, why: str) -> Processed:
    """The row of a document whose worker did not give it back: stopped from outside after its
    time (``TIMEOUT``), over the memory cap (``MEMORY``) or dead twice (``DIED``)."""
    row = entry_row(entry).row()
    if why == TIMEOUT:
        seconds = limits.seconds or 0
        return Processed(index, {**row, "status": "timeout", "error": (
            f"over the limit of {seconds:g} s per document: stopped from outside after {grace(seconds):g} s "
            "(the work did not come back to Python in time, e.g. native code in a PDF library)")}, [], [])
    if why == MEMORY:
        return Processed(index, {**row, "status": "too_large", "error": _over_memory(limits)}, [], [])
    assert why == DIED, why
    return Processed(index, {**row, "status": "error", "error": WORKER_DIED}, [], [])


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


def _on_dask(entries: Sequence[Entry], year: int | None, limits: Limits, jobs: int,
             scheduler: str | None, work: Any = process) -> Iterator[Processed]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("the dask engine needs the cluster extra: pip install 'reportfacts[cluster]'") from None
    cluster = None
    if scheduler:
        client = _connect(Client, scheduler)
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    slots = max(1, sum(client.nthreads().values()))
    try:
        if limits.seconds:  # each worker loads the rules and jieba as it starts, outside any document's clock
            client.register_plugin(_warm_plugin(), name="reportfacts-warm")
        yield from _on_cluster(client, lambda unit: client.submit(process_many, [(k, entries[k]) for k in unit], year,
                                                                  limits, work, pure=False),
                               tasks(entries, slots), 4 * max(jobs, slots), slots,
                               grace(limits.seconds) if limits.seconds else None,
                               lambda k: _lost(k, entries[k], limits, TIMEOUT), restart=cluster is not None)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


#: a text or markup file up to this size goes to a cluster worker with others in one task
SMALL_BYTES = 256 * 1024
#: bytes of small documents in one task: about 8 tasks per worker thread, within these bounds
TASK_BYTES = (256 * 1024, 2 * 1024 * 1024)
#: documents in one task at most
TASK_DOCUMENTS = 1000


def _small(entry: Entry) -> int | None:
    """The size of a small text or markup file (batched with others), else None (a task alone:
    a PDF's or an office file's work is not told by its bytes)."""
    from .read.ingest import MARKUP_SUFFIXES, TEXT_SUFFIXES

    if entry.status is not None:
        return 0
    if entry.path.suffix.lower() not in TEXT_SUFFIXES | MARKUP_SUFFIXES:
        return None
    try:
        size = entry.path.stat().st_size
    except OSError:
        return None
    return size if size <= SMALL_BYTES else None


def tasks(entries: Sequence[Entry], slots: int) -> list[list[int]]:
    """The indices of ``entries`` grouped into cluster tasks: small documents together, up to a
    task size chosen from the corpus (its small documents' bytes over 8 tasks per worker thread,
    within :data:`TASK_BYTES`), every other document alone. A task's round trip through the
    scheduler costs several milliseconds, more than reading a 2 KB report.

    >>> from pathlib import Path
    >>> tasks([Entry(Path("a.pdf"), "a"), Entry(Path("b.doc"), "b", status="skipped"),
    ...        Entry(Path("c.doc"), "c", status="skipped")], 2)
    [[0], [1, 2]]
    """
    sizes = [_small(e) for e in entries]
    small = sum(s for s in sizes if s is not None)
    low, high = TASK_BYTES
    target = min(high, max(low, small // (8 * max(slots, 1))))
    units: list[list[int]] = []
    group: list[int] = []
    held = 0
    for k, size in enumerate(sizes):
        if size is None:
            units.append([k])
            continue
        if group and (held + size > target or len(group) >= TASK_DOCUMENTS):
            units.append(group)
            group, held = [], 0
        group.append(k)
        held += size
    if group:
        units.append(group)
    return units


def process_many(items: Sequence[tuple[int, Entry]], year: int | None, limits: Limits | None = None,
                 work: Any = process) -> list[Processed]:
    """``work`` (:func:`process` or :func:`process_packed`) for each ``(index, entry)``: one
    cluster task."""
    return [work(k, e, year, limits) for k, e in items]


#: a short report that takes every stage once: amounts, people, a date, an honour, a total and its parts
WARM_TEXT = ("2021年工作报告\n一、经费收支\n2021年收入合计120万元，其中财政拨款100万元，其他收入20万元。\n"
             "二、队伍建设\n全年培训基层干部和科普志愿者320人次，2021年3月15日召开年度大会。\n"
             "三、荣誉\n本单位荣获“全国科普工作先进集体”称号。\n")


def _warm() -> None:
    """What every document needs loaded first: the rules, jieba's dictionary, and what the stages
    compile on first use (the award grammar, the metadata vocabularies: ~0.7 CPU-s), built by
    reading :data:`WARM_TEXT` once. Done before workers fork, each worker starts with them."""
    import tempfile
    from pathlib import Path

    from .find.labels import _jieba

    load_rules()
    _jieba()
    with tempfile.TemporaryDirectory(prefix="reportfacts-warm-") as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text(WARM_TEXT, encoding="utf-8")
        _work(Entry(path, "warm"), 2021, Limits(seconds=None, memory_mb=None))


def _warm_plugin() -> Any:
    """A Dask worker plugin that runs :func:`_warm` when a worker starts (a restarted one too)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class Warm(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            _warm()

    return Warm()


def _on_cluster(client: Any, submit: Any, units: Sequence[Sequence[int]], window: int, slots: int,
                limit: float | None, timed_out: Any, restart: bool) -> Iterator[Processed]:
    """Results of ``submit(unit)`` for each unit of document indices (:func:`tasks`), each
    document as its task completes, with at most ``window`` tasks in flight (memory holds a few
    tasks' rows, not the corpus's). A task is given up ``limit`` seconds after it could start (a
    timer signal cannot reach a Dask worker's thread): its clock starts when fewer than ``slots``
    (the cluster's threads) tasks submitted before it are still pending, as Dask runs them first.
    It is cancelled; a task of one document becomes ``timed_out(k)``, the documents of a larger one
    are submitted again one by one, each with its own limit (a stuck document costs the others of
    its task nothing but time). On a cluster of our own (``restart``) the worker still busy with it
    is restarted, so its thread is not lost for the run."""
    from distributed import wait

    queue = deque(units)
    pending: dict[Any, Sequence[int]] = {}  # in the order submitted
    clocks: dict[Any, float] = {}
    try:
        while queue or pending:
            while queue and len(pending) < window:
                unit = queue.popleft()
                pending[submit(unit)] = unit
            now = time.monotonic()
            for f in list(pending)[:slots]:
                clocks.setdefault(f, now)
            timeout = None if limit is None else max(0.0, min(clocks.values()) + limit - now) + 0.05
            try:
                done, _ = wait(list(pending), timeout=timeout, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            for f in done:
                pending.pop(f)
                clocks.pop(f, None)
                results = f.result()
                f.release()  # the cluster forgets the documents once they are here
                yield from results
            now = time.monotonic()
            for f in [f for f, t in clocks.items() if limit is not None and now - t > limit]:
                unit = pending.pop(f)
                clocks.pop(f)
                busy = [w for w, keys in client.processing().items() if f.key in keys] if restart else []
                f.cancel()
                if busy:
                    client.restart_workers(busy, timeout=30, raise_for_error=False)
                    clocks.clear()  # the tasks queued while it restarted start their clocks again
                if len(unit) > 1:
                    queue.extendleft([k] for k in reversed(unit))
                else:
                    yield timed_out(unit[0])
    finally:
        for f in pending:
            f.cancel()
