"""Issue 27's first point: the per-document time limit cannot be caught by library code. A reader's
fallback that catches every Exception (pdfium.py falls back to pdfminer's metrics after a damaged
font stream) used to swallow the limit, and the document ran on and came back ``ok``."""
from __future__ import annotations

import faulthandler
import importlib.util
import json
import os
import signal
import time
from pathlib import Path

import pytest

import extract
import extract.batch as batch
from extract import workers
from extract.read.ingest import Entry, Limits


def _sibling(name: str):  # type: ignore[no-untyped-def]
    """A helper module of tests/ (pytest imports test files in importlib mode: no sys.path entry)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


crafted = _sibling("crafted")


def _reader_that_swallows_everything(*args, **kwargs):
    try:
        time.sleep(30)  # a byte-at-a-time decompression of a damaged stream
    except Exception:  # noqa: BLE001 - as a library's broad fallback does
        pass
    raise AssertionError("the limit was swallowed")


def test_a_limit_fired_inside_a_broad_except_still_ends_as_timeout(monkeypatch, tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text("收入100万元。", encoding="utf-8")
    monkeypatch.setattr(batch, "read_report", _reader_that_swallows_everything)
    started = time.monotonic()
    row, facts, checks = batch._work(Entry(report, "r"), None, Limits(seconds=1))
    assert row["status"] == "timeout" and facts == [] and checks == []
    assert time.monotonic() - started < 10


def test_page_lookups_are_one_bisect_over_a_list_built_once():
    """Issue 28: at 3,000 pages a page lookup hashed every page per call (O(facts × pages))."""
    from extract.records import Document, PageSpan

    pages = tuple(PageSpan(page=i + 1, start=i * 10, end=i * 10 + 10) for i in range(3000))
    doc = Document(doc_id="d", path="", format="pdf", text="x" * 30000, pages=pages)
    assert doc.page_at(0) == 1 and doc.page_at(29_995) == 3000 and doc.page_at(30_000) is None
    built = doc._page_starts
    for offset in range(0, 30_000, 7):
        doc.page_at(offset)
    assert doc._page_starts is built  # the same list: built once, never rebuilt or re-hashed per call


# --- Issue 28: limits enforced from outside the worker -------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "changning-kexie-2021.txt"
GOLD = FIXTURES / "changning-kexie-2021.gold.jsonl"


def _gold_figures() -> set[tuple[str, int, int, str]]:
    """The seed's hand-checked amounts, headcounts and dates (every one is found when it is read alone)."""
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return {(g["kind"], g["start"], g["end"], g["text"]) for g in map(json.loads, lines)
            if g["kind"] in ("amount", "headcount", "date")}


@pytest.fixture(scope="module")
def seed_alone() -> set[tuple[str, int, int, str]]:
    """The seed's facts read alone, in this process (no worker, no limit)."""
    facts = extract.run([SEED], jobs=1, limits=Limits(seconds=None, memory_mb=None)).facts
    return {(f.kind, f.start, f.end, f.text) for f in facts.itertuples()}


def _spans(facts) -> set[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return {(f.kind, f.start, f.end, f.text) for f in facts.itertuples()}


@pytest.mark.parametrize("name", sorted(crafted.CRAFTED))
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crafted_pdf_is_stopped_from_outside_and_the_batch_goes_on(tmp_path: Path, name: str, jobs: int,
                                                                    seed_alone):
    """The crafted PDF keeps pdfium busy in C, where the worker's own timer is never heard: the
    parent kills the worker after the limit and a margin, the file is its own ``timeout`` row,
    and the normal report beside it keeps every fact."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(crafted.CRAFTED[name]())
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    started = time.monotonic()
    result = extract.run([folder], jobs=jobs, limits=Limits(seconds=3))
    assert time.monotonic() - started < 30
    docs = result.documents.set_index("doc_id")
    bad = docs.loc[Path(name).stem]
    assert bad["status"] == "timeout", bad["error"]
    if name == "stacked-glyphs.pdf":  # all its time is in pdfium's C text loading: only the parent can stop it
        assert "stopped from outside after 5 s" in bad["error"]
    else:  # the fan-out returns to Python between form objects, where the worker's own timer may fire first
        assert "stopped from outside after 5 s" in bad["error"] or "over the limit of 3 s" in bad["error"], bad["error"]
    assert docs.loc[SEED.stem, "status"] == "ok"
    assert (result.facts.doc_id == SEED.stem).all()
    assert _spans(result.facts) == seed_alone and len(result.facts) == len(seed_alone)
    assert _gold_figures() <= seed_alone


def test_a_fan_out_over_the_memory_cap_costs_its_document_only(tmp_path: Path, seed_alone):
    """Under a 300 MB cap pdfium cannot expand 10^7 draws: its worker ends (read again alone, it
    ends again) long before the time limit; the row says so and the report beside it is read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fan.pdf").write_bytes(crafted.form_fan_out())
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    started = time.monotonic()
    faulthandler.disable()  # the worker pdfium aborts would print pytest's crash report: noise here
    try:
        result = extract.run([folder], jobs=2, limits=Limits(seconds=60, memory_mb=300))
    finally:
        faulthandler.enable()
    assert time.monotonic() - started < 40
    docs = result.documents.set_index("doc_id")
    assert (docs.loc["fan", "status"], docs.loc["fan", "error"]) in {
        ("error", batch.WORKER_DIED), ("too_large", "over the memory limit of 300 MB per document")}
    assert docs.loc[SEED.stem, "status"] == "ok" and _spans(result.facts) == seed_alone


def _hungry(path, *args, **kwargs):
    return bytearray(2 << 30)  # 2 GB at once: over the cap, a MemoryError in Python


def test_memory_over_the_cap_in_python_is_a_too_large_row(monkeypatch, tmp_path: Path):
    report = tmp_path / "r.txt"
    report.write_text("收入100万元。", encoding="utf-8")
    monkeypatch.setattr(batch, "read_report", _hungry)  # the forked worker inherits it
    [p] = batch.process_all([Entry(report, "r")], limits=Limits(seconds=30, memory_mb=200))
    assert p.row["status"] == "too_large"
    assert p.row["error"] == "over the memory limit of 200 MB per document (while it was at: read)"


def _pid_reader(real, log: Path):
    def read(path, *args, **kwargs):
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path, *args, **kwargs)
    return read


@pytest.mark.parametrize("limits,in_this_process", [
    pytest.param(Limits(), False, id="default-limits-one-child"),
    pytest.param(Limits(seconds=5, memory_mb=None), False, id="a-time-limit-one-child"),
    pytest.param(Limits(seconds=None, memory_mb=512), False, id="a-memory-limit-one-child"),
    pytest.param(Limits(seconds=None, memory_mb=None), True, id="no-limit-no-fork"),
])
def test_jobs_1_reads_in_a_child_when_a_limit_is_set(monkeypatch, tmp_path: Path, limits, in_this_process):
    for k in range(3):
        (tmp_path / f"r{k}.txt").write_text(f"{2010 + k}年收入{k + 1}万元。", encoding="utf-8")
    log = tmp_path / "pids.log"
    monkeypatch.setattr(batch, "read_report", _pid_reader(batch.read_report, log))
    result = extract.run([tmp_path], jobs=1, limits=limits)
    assert list(result.documents.status) == ["ok", "ok", "ok"]
    pids = set(log.read_text().split())
    assert len(pids) == 1  # one process read all three
    assert (pids == {str(os.getpid())}) is in_this_process


# the supervisor alone, on plain functions: each gets (its index, an argument), returns (index, result)

def _napper(k: int, seconds: float) -> tuple[int, float]:
    """Sleeps with the timer signal blocked, as native code that never returns to Python."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(seconds)
    return k, seconds


def _suicidal(k: int, x: int) -> tuple[int, int]:
    if x == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer or a segfault would
    return k, x


def _greedy(k: int, mb: int) -> tuple[int, int]:
    return k, len(bytearray(mb << 20))


@pytest.mark.parametrize("args,work,jobs,seconds,memory_mb,expected", [
    pytest.param([0.1, 60, 0.2], _napper, 1, 0.5, None, {0: 0.1, 1: "timeout", 2: 0.2}, id="overrun-killed"),
    pytest.param([0.1, 60, 0.2], _napper, 2, 0.5, None, {0: 0.1, 1: "timeout", 2: 0.2}, id="overrun-beside-another"),
    pytest.param([1, 2, 3], _suicidal, 2, None, None, {0: 1, 1: "died", 2: 3}, id="died-twice"),
    pytest.param([8, 1024, 16], _greedy, 1, None, 256, {0: 8 << 20, 1: "memory", 2: 16 << 20},
                 id="over-the-memory-cap"),
    pytest.param([8, 1024], _greedy, 1, None, None, {0: 8 << 20, 1: 1024 << 20}, id="no-cap"),
])
def test_the_supervisor_gives_every_task_a_result(args, work, jobs, seconds, memory_mb, expected):
    started = time.monotonic()
    tasks = list(enumerate(args))
    got = dict(workers.supervise(tasks, work, jobs, seconds, memory_mb, lambda k, why: (k, why)))
    assert got == expected
    assert time.monotonic() - started < 20


def test_the_margin_lets_the_worker_own_timer_fire_first():
    assert [workers.grace(s) for s in (0.5, 3, 20, 120)] == [2.5, 5, 22, 132]


def test_closing_the_results_early_kills_the_workers():
    """Ctrl-C in the parent (or a caller that stops reading) leaves no worker behind."""
    import multiprocessing

    results = workers.supervise([(0, 0.1), (1, 60), (2, 60)], _napper, 3, None, None, lambda k, why: (k, why))
    assert next(results) == (0, 0.1)
    assert len(multiprocessing.active_children()) >= 2
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("value,exit_code,status", [
    pytest.param("200", 0, "too_large", id="a-cap-reaches-the-workers"),
    pytest.param("0", 0, "error", id="zero-means-no-cap"),
    pytest.param("-1", 2, None, id="negative-refused"),
    pytest.param("lots", 2, None, id="not-a-number-refused"),
])
def test_cli_max_memory_mb(monkeypatch, tmp_path: Path, value: str, exit_code: int, status: str | None):
    from click.testing import CliRunner

    from extract.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text("收入100万元。", encoding="utf-8")

    def hungry_or_failing(path, *args, **kwargs):
        limits = args[2] if len(args) > 2 else kwargs["limits"]
        if limits.memory_mb is None:
            raise RuntimeError("no cap")  # an uncapped worker must not allocate 2 GB in a test
        return _hungry(path)

    monkeypatch.setattr(batch, "read_report", hungry_or_failing)  # the forked worker inherits it
    res = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1",
                                    "--max-memory-mb", value])
    assert res.exit_code == exit_code, res.output
    if status is not None:
        import pandas as pd

        docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
        assert list(docs.status) == [status]
        assert ("200 MB" in docs.error[0]) is (value == "200")


class _Finalised:
    def __del__(self):
        time.sleep(0)  # lets other threads run in the middle of a collection, as finalizers may


def _collects(k: int, _: int) -> tuple[int, bool]:
    import gc

    seen: list[str] = []
    gc.callbacks.append(lambda phase, info: seen.append(phase))
    gc.collect()
    return k, bool(seen)


def test_a_worker_forked_while_another_thread_collects_garbage_still_collects():
    """Bug caught: a worker forked while another thread of the parent was in the middle of a
    garbage collection (a finalizer had let the forking thread run) inherited a collector stuck
    half-way; such workers crashed in the test suite ("Fatal Python error: Segmentation fault",
    "Garbage-collecting"). The parent now lets the collection finish before each fork."""
    import gc
    import threading

    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            for _ in range(200):
                a = _Finalised()
                a.cycle = [a]  # type: ignore[attr-defined]
            gc.collect()
            time.sleep(0.005)

    thread = threading.Thread(target=churn, daemon=True)
    thread.start()
    try:
        got = [dict(workers.supervise([(k, 0)], _collects, 1, None, None, lambda k, why: (k, why)))
               for k in range(10)]
    finally:
        stop.set()
        thread.join()
    assert got == [{k: True} for k in range(10)]
