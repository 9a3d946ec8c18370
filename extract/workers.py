"""Supervised worker processes: tasks one at a time, under limits the parent enforces.

A worker takes one task over its pipe, does it and sends the result back; the parent knows which
task each worker holds and since when. A worker past its time (the task's limit plus a margin,
:func:`grace`) is killed by the parent with SIGKILL: native code that never returns to Python
(pdfium loading a crafted page) cannot hear a timer signal, but it cannot ignore that one. A fresh
worker takes its place and the batch goes on. Each worker caps its own address space
(``RLIMIT_AS``), so a blow-up is a ``MemoryError`` in the worker (or the worker's death), never the
machine's memory. A worker that dies holding a task has the task read again alone, in a fresh
worker: the one that kills its worker again is lost (the caller words its row).

This module knows nothing of documents: the caller gives the function, its arguments and what a
lost task becomes (:data:`TIMEOUT`, :data:`MEMORY`, :data:`DIED`).
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

#: why a task came back without its result
TIMEOUT, MEMORY, DIED = "timeout", "memory", "died"
#: a worker is stopped from outside this long after its own limit: max(2 s, 10 % of the limit)
MARGIN_SECONDS, MARGIN_SHARE = 2.0, 0.10


def grace(seconds: float) -> float:
    """When the parent stops a worker given ``seconds``: the worker's own timer fires first (and
    names the stage it was in); this is the backstop.

    >>> grace(3), grace(120)
    (5.0, 132.0)
    """
    return seconds + max(MARGIN_SECONDS, MARGIN_SHARE * seconds)


def start_method() -> str:
    """``fork`` where there is one and this process runs no other thread (Linux: the rules and
    jieba loaded in the parent are shared, and a new worker costs a few milliseconds); else a clean
    process: ``forkserver`` (Linux) or ``spawn``. A process with threads — a Jupyter kernel, or one
    that has run a Dask client — cannot be forked safely: a lock or an event loop held by another
    thread stays held in the child, whose work then hangs or crashes."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    forced = os.environ.get("REPORTFACTS_START_METHOD", "")
    if forced in methods:  # the test suite asks for fork: its tests hand patched functions to workers
        return forced
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


_GUARDED = [False]


def _collector_free() -> bool:
    """True when no garbage collection is under way in another thread: a collection asked for
    here runs (its callbacks are called) only then."""
    import gc

    ran: list[str] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        ran.append(phase)

    gc.callbacks.append(seen)
    try:
        gc.collect(0)
    finally:
        gc.callbacks.remove(seen)
    return bool(ran)


def _wait_for_collections() -> None:
    """Before a fork: let a collection under way in another thread finish. Its finalizers may let
    this thread run in the middle of it; a child forked then inherits a collector stuck half-way
    (it never collects again, or crashes on the half-sorted objects)."""
    deadline = time.monotonic() + 5
    while not _collector_free() and time.monotonic() < deadline:
        time.sleep(0.001)  # gives the collecting thread the interpreter


def _fork_guard() -> None:
    """Wait for collections before every fork of this process (installed once, when the first
    workers are made)."""
    if _GUARDED[0] or not hasattr(os, "register_at_fork"):
        return
    _GUARDED[0] = True
    os.register_at_fork(before=_wait_for_collections)


def worker_init() -> None:
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
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _address_space() -> int | None:
    """Bytes of address space this process holds now (Linux), else None."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def cap_memory(megabytes: int | None) -> None:
    """Cap this process's address space at what it holds now plus ``megabytes`` (what one task
    may add: the libraries a forked worker shares with its parent are not counted against it).
    Where ``RLIMIT_AS`` does not exist, nothing is capped."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # Windows
        return
    held = _address_space() or 0
    cap = held + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # a platform that refuses it (macOS) keeps no cap
        pass


def _serve(conn: Any, work: Callable[..., Any], memory_mb: int | None) -> None:
    """A worker's life: tasks from ``conn`` until it closes (or says None), each result sent back."""
    worker_init()
    cap_memory(memory_mb)
    conn.send(("ready", None, None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        k, args = task
        try:
            conn.send(("done", k, work(*args)))
        except MemoryError:  # the result did not fit (the work itself turns its own into a row)
            conn.send((MEMORY, k, None))


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: int | None = None
    sent: float = 0.0
    ready: float | None = None
    started: float = field(default_factory=time.monotonic)

    def since(self) -> float:
        """When the clock of the task in hand started: when it was sent, or when the worker was
        ready if it was sent before (a spawned worker imports the package first)."""
        return max(self.sent, self.ready if self.ready is not None else time.monotonic())

    def stop(self, kill: bool) -> None:
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
            else:
                self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class Supervisor:
    """Up to ``jobs`` workers doing ``work(*args)``; a task is stopped after ``grace(seconds)``."""

    def __init__(self, work: Callable[..., Any], jobs: int, seconds: float | None, memory_mb: int | None):
        import multiprocessing

        self.work, self.jobs, self.memory_mb = work, max(1, jobs), memory_mb
        self.limit = grace(seconds) if seconds else None
        method = start_method()
        self.context: Any = multiprocessing.get_context(method)
        if method == "fork":
            _fork_guard()
        elif method == "forkserver":  # the work's module imported once, in the server workers are forked from
            self.context.set_forkserver_preload([getattr(work, "__module__", None) or "__main__"])
        self.workers: list[_Worker] = []

    def _new(self) -> _Worker:
        here, there = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(there, self.work, self.memory_mb), daemon=True,
                                       name="reportfacts-worker")
        process.start()
        there.close()
        worker = _Worker(process, here)
        self.workers.append(worker)
        return worker

    def _drop(self, worker: _Worker, kill: bool) -> None:
        self.workers.remove(worker)
        worker.stop(kill)

    def rounds(self, tasks: Sequence[Sequence[Any]], order: Sequence[int], jobs: int
               ) -> Iterator[tuple[str, int, Any]]:
        """``(outcome, k, result)`` for every ``k`` in ``order`` as each completes: ``done`` with
        the result, or TIMEOUT, MEMORY, DIED with None."""
        queue = deque(order)
        while queue or any(w.task is not None for w in self.workers):
            idle = [w for w in self.workers if w.task is None]
            while queue and (idle or len(self.workers) < jobs):
                worker = idle.pop() if idle else self._new()
                k = queue.popleft()
                try:
                    worker.conn.send((k, tuple(tasks[k])))
                except (OSError, ValueError):  # a worker that died idle: its place goes to a new one
                    queue.appendleft(k)
                    self._drop(worker, kill=True)
                    continue
                worker.task, worker.sent = k, time.monotonic()
            yield from self._wait()

    def _wait(self) -> Iterator[tuple[str, int, Any]]:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.task is not None]
        timeout = None
        if self.limit is not None:
            now = time.monotonic()
            timeout = max(0.0, min(w.since() + self.limit for w in busy) - now) + 0.05
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for w in busy:
            k = w.task
            assert k is not None
            if w.conn in ready or w.conn.poll():  # a message (or the pipe's end, if it died)
                try:
                    outcome, _, result = w.conn.recv()
                except (EOFError, OSError):
                    self._drop(w, kill=True)
                    yield DIED, k, None
                    continue
                if outcome == "ready":
                    w.ready = time.monotonic()
                    continue
                w.task = None
                yield outcome, k, result
            elif w.process.sentinel in ready or not w.process.is_alive():
                self._drop(w, kill=True)
                yield DIED, k, None
            elif self.limit is not None and time.monotonic() - w.since() > self.limit:
                self._drop(w, kill=True)  # SIGKILL: native code cannot ignore it
                yield TIMEOUT, k, None

    def close(self, kill: bool) -> None:
        for w in list(self.workers):
            self._drop(w, kill or w.task is not None)


def supervise(tasks: Sequence[Sequence[Any]], work: Callable[..., Any], jobs: int, seconds: float | None,
              memory_mb: int | None, lost: Callable[[int, str], Any]) -> Iterator[Any]:
    """``work(*tasks[k])`` for every ``k``, yielded as each completes, on ``jobs`` supervised
    workers; a task that did not come back is ``lost(k, why)`` (``why``: TIMEOUT, MEMORY, DIED).
    A task whose worker died is read again alone in a fresh worker before it counts as lost.
    On any stop (Ctrl-C, the caller closing the generator) the workers are killed, not waited for."""
    boss = Supervisor(work, jobs, seconds, memory_mb)
    suspects: list[int] = []
    finished = False
    try:
        for outcome, k, result in boss.rounds(tasks, range(len(tasks)), boss.jobs):
            if outcome == DIED:
                suspects.append(k)
            else:
                yield result if outcome == "done" else lost(k, outcome)
        for k in sorted(suspects):
            boss.close(kill=False)  # alone: the one a sibling's blow-up killed comes back
            for outcome, k2, result in boss.rounds(tasks, [k], 1):
                yield result if outcome == "done" else lost(k2, outcome)
        finished = True
    finally:
        boss.close(kill=not finished)
