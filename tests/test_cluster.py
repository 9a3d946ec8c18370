"""The cluster engine on a real Dask LocalCluster (2 worker processes): the same tables as the
local engine, gathered into the same store, and a partitioned Parquet dataset others can read; a
document stuck in native code is given up after its time limit (issue 28)."""
from __future__ import annotations

from pathlib import Path

import importlib.util
import time

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

import extract
from extract.cli import main
from extract.read.ingest import Limits

FIXTURES = Path(__file__).parent / "fixtures"
pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus():
    return [FIXTURES / "changning-kexie-2021.txt", FIXTURES / "pdf"]


@pytest.fixture(autouse=True)
def _start_method_as_users_get_it(monkeypatch):
    """No forced fork here: after a Dask client this process has threads, and workers must not fork."""
    monkeypatch.delenv("REPORTFACTS_START_METHOD", raising=False)


def test_dask_engine_gives_the_local_tables(corpus):
    local = extract.run(corpus, jobs=1)
    on_dask = extract.run(corpus, jobs=2, engine="dask")
    for name in ("documents", "facts", "checks"):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(on_dask, name), obj=name)


def test_cli_dask_engine_writes_the_store_and_partitions(tmp_path, corpus):
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    for out, extra in ((local, ["--jobs", "1"]), (on_dask, ["--engine", "dask", "--jobs", "2"])):
        res = CliRunner().invoke(main, ["run", *map(str, corpus), "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
    for name in ("documents", "facts", "checks"):
        pd.testing.assert_frame_equal(pd.read_parquet(local / f"{name}.parquet"),
                                      pd.read_parquet(on_dask / f"{name}.parquet"), obj=name)
    years = sorted(p.name for p in (on_dask / "facts_by_year").iterdir())
    assert "year=2021" in years and "year=2019" in years
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{on_dask}/facts_by_year/**/*.parquet', "
                    "hive_partitioning = true)").fetchone()[0]
    assert n == len(pd.read_parquet(local / "facts.parquet"))


def test_a_document_stuck_in_native_code_is_given_up_on_dask(tmp_path, corpus):
    """A timer signal cannot reach a Dask worker's thread: the client gives the document up after
    its limit and a margin (a ``timeout`` row), restarts the worker still busy with it, and the
    other documents come back as on the local engine."""
    spec = importlib.util.spec_from_file_location("crafted", Path(__file__).parent / "crafted.py")
    assert spec is not None and spec.loader is not None
    crafted = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crafted)
    stuck = tmp_path / "stacked-glyphs.pdf"
    stuck.write_bytes(crafted.stacked_glyphs())
    started = time.monotonic()
    on_dask = extract.run([stuck, *corpus], jobs=2, engine="dask", limits=Limits(seconds=3))
    assert time.monotonic() - started < 60  # a LocalCluster starts in 5-15 s on a busy machine
    docs = on_dask.documents.set_index("doc_id")
    assert docs.loc["stacked-glyphs", "status"] == "timeout"
    assert "stopped from outside after 5 s" in docs.loc["stacked-glyphs", "error"]
    local = extract.run(corpus, jobs=1)
    pd.testing.assert_frame_equal(local.facts, on_dask.facts)
    assert (docs.drop("stacked-glyphs").status == "ok").all()


def test_small_documents_go_several_to_a_task_with_the_local_tables(tmp_path, monkeypatch):
    """Small text files travel to the cluster several to a task (a task's round trip costs more
    than a 2 KB report); the tables are the local engine's all the same."""
    from extract import batch

    seed = (FIXTURES / "changning-kexie-2021.txt").read_text(encoding="utf-8")
    for k in range(6):
        (tmp_path / f"doc{k}.txt").write_text(seed + f"\n（第{k}份）\n", encoding="utf-8")
    units: list[list[int]] = []
    real = batch.tasks

    monkeypatch.setattr(batch, "TASK_BYTES", (3 * len(seed.encode()), 4 << 20))
    monkeypatch.setattr(batch, "tasks", lambda entries, slots: units.extend(real(entries, slots)) or units)
    local = extract.run([tmp_path], jobs=1)
    on_dask = extract.run([tmp_path], jobs=2, engine="dask")
    assert sorted(len(u) for u in units) == [2, 2, 2]  # three documents' bytes would be over the task size
    for name in ("documents", "facts", "checks"):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(on_dask, name), obj=name)


def test_a_stuck_task_of_several_documents_is_retried_one_by_one():
    """A task of three documents stuck on its second is given up after the limit; the three are
    submitted again alone, and only the stuck one is lost (``timed_out``)."""
    from distributed import Client, LocalCluster

    from extract.batch import _on_cluster

    def work(unit):  # defined here: cloudpickle sends it to the workers by value
        import time as t

        if 1 in unit:
            t.sleep(120)
        return [("done", k) for k in unit]

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        submitted: list[list[int]] = []

        def submit(unit):
            submitted.append(list(unit))
            return client.submit(work, list(unit), pure=False)

        started = time.monotonic()
        got = list(_on_cluster(client, submit, [[0, 1, 2], [3]], 4, 1, 3.0, lambda k: ("timeout", k), restart=True))
    assert time.monotonic() - started < 90
    assert sorted(got) == [("done", 0), ("done", 2), ("done", 3), ("timeout", 1)]
    assert submitted[:2] == [[0, 1, 2], [3]] and sorted(submitted[2:]) == [[0], [1], [2]]
