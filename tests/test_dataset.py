"""The incremental dataset (issue 11) with real processes and a real DuckDB file: unchanged
documents are not read again, a killed run leaves the previous dataset intact and the next run
finishes the rest, an interrupted run exits 130 keeping what it finished."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = (FIXTURES / "changning-kexie-2021.txt").read_text(encoding="utf-8")
EXE = Path(sys.executable).parent / "reportfacts"


def _corpus(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + n):
        (folder / f"r{k:03d}.txt").write_text(SEED + f"\n附{k}：本年另支出{k}.5万元。", encoding="utf-8")
    return folder


def _run(*args: str) -> str:
    res = CliRunner().invoke(main, ["run", *args, "--jobs", "1"])
    assert res.exit_code == 0, res.output
    return res.output


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_parquet(out / f"{n}.parquet") for n in ("documents", "facts", "checks")}


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_unchanged_documents_are_not_read_again(tmp_path):
    src, out = _corpus(tmp_path / "in", 3), tmp_path / "o"
    first = _run(str(src), "-o", str(out))
    assert "[" not in first  # nothing was there before
    again = _run(str(src), "-o", str(out))
    assert "[0 read, 3 unchanged]" in again
    _corpus(src, 1, start=3)  # a new report arrives
    (src / "r000.txt").write_text(SEED + "\n附：更正版。", encoding="utf-8")  # and one is corrected
    third = _run(str(src), "-o", str(out))
    assert "[2 read, 2 unchanged]" in third
    docs = _tables(out)["documents"]
    assert list(docs.doc_id) == ["r000", "r001", "r002", "r003"]
    rebuilt = _run(str(src), "-o", str(out), "--rebuild")
    assert "unchanged]" not in rebuilt


def test_new_reports_add_to_the_dataset(tmp_path):
    """A folder of only new reports adds to the dataset; nothing old is read or lost."""
    out = tmp_path / "o"
    _run(str(_corpus(tmp_path / "2021", 2)), "-o", str(out))
    _run(str(_corpus(tmp_path / "2022", 2, start=10)), "-o", str(out))
    docs = _tables(out)["documents"]
    assert list(docs.doc_id) == ["r000", "r001", "r010", "r011"]
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    try:
        n = con.execute("SELECT count(DISTINCT doc_id) FROM facts").fetchone()[0]
    finally:
        con.close()
    assert n == 4


def _tmp_files(out: Path) -> bool:
    return any((out / ".reportfacts-tmp").glob("*"))


def _start(src: Path, out: Path) -> subprocess.Popen[str]:
    """A real run in its own process, logging each batch it stores (-v)."""
    return subprocess.Popen([str(EXE), "run", str(src), "-o", str(out), "--jobs", "1", "-v"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen[str], words: str) -> None:
    assert proc.stderr is not None
    for line in proc.stderr:
        if words in line:
            return
    raise AssertionError(f"the run ended before logging {words!r}")


@pytest.mark.parametrize("moment", ["before-any-document", "after-some-documents", "while-writing"])
def test_a_killed_run_is_finished_by_the_next(tmp_path, moment):
    src = _corpus(tmp_path / "in", 150)
    clean = tmp_path / "clean"
    _run(str(src), "-o", str(clean))
    out = tmp_path / "o"
    _run(str(_corpus(tmp_path / "old", 1, start=999)), "-o", str(out))  # a previous dataset
    before = _tables(out)
    proc = _start(src, out)
    if moment == "before-any-document":
        _wait_for(proc, "documents to read")
    elif moment == "after-some-documents":
        _wait_for(proc, "stored")
    else:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and not _tmp_files(out):
            time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after_kill = _tables(out)  # the exports are whole: the previous ones or, if the rename ended, new ones
    if moment != "while-writing":
        _same(after_kill, before)
    _run(str(src), "-o", str(out))
    final = _tables(out)
    assert "r999" in set(final["documents"].doc_id)  # the earlier dataset is kept
    keep = {n: df[df.doc_id != "r999"].reset_index(drop=True) for n, df in final.items()}
    _same(keep, _tables(clean))


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_ctrl_c_keeps_what_finished_and_exits_130(tmp_path):
    n = 200
    src, out = _corpus(tmp_path / "in", n), tmp_path / "o"
    proc = _start(src, out)
    _wait_for(proc, "stored")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "run again" in err
    done = _tables(out)["documents"]
    assert 0 < len(done) < n
    rest = _run(str(src), "-o", str(out))
    assert f"[{n - len(done)} read, {len(done)} unchanged]" in rest


def test_dataset_open_in_another_process_is_exit_2_before_any_work(tmp_path):
    src, out = _corpus(tmp_path / "in", 1), tmp_path / "o"
    _run(str(src), "-o", str(out))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(out / "reportfacts.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        res = CliRunner().invoke(main, ["run", str(src), "-o", str(out), "--jobs", "1"])
        assert res.exit_code == 2
        assert "open in another process" in res.output
    finally:
        holder.kill()
        holder.wait()
