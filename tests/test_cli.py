"""The CLI: run/check write the tables, summary lines, exit codes, and the README documents it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main

ROOT = Path(__file__).parent.parent


@pytest.fixture()
def corpus(tmp_path, fixtures):
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(fixtures / "changning-kexie-2021.txt", d)
    (d / "empty.txt").write_bytes(b"")
    return d


def test_run_writes_tables(tmp_path, corpus):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", str(corpus), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert re.search(r"2 documents \(1 not ok\), \d+ facts, \d+ checks \(\d+ pass, 1 fail, 0 warn\)", res.output)
    for name in ("documents", "facts", "checks"):
        assert (out / f"{name}.parquet").exists()
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel on Chinese Windows reads it
    assert (out / "reportfacts.duckdb").exists()
    facts = pd.read_parquet(out / "facts.parquet")
    text = (corpus / "changning-kexie-2021.txt").read_text(encoding="utf-8")
    for row in facts.itertuples():
        assert text[row.start:row.end] == row.text
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert set(docs.status) == {"ok", "empty"}


def test_strict_exits_1_on_failed_check(tmp_path, corpus):
    res = CliRunner().invoke(main, ["run", str(corpus), "-o", str(tmp_path / "o"), "--strict"])
    assert res.exit_code == 1


def test_check_reruns_validation(tmp_path, corpus):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["run", str(corpus), "-o", str(out)])
    first = pd.read_csv(out / "checks.csv", encoding="utf-8-sig")
    (out / "checks.csv").unlink()
    (out / "checks.parquet").unlink()
    res = CliRunner().invoke(main, ["check", str(out)])
    assert res.exit_code == 0, res.output
    assert "1 fail" in res.output
    again = pd.read_csv(out / "checks.csv", encoding="utf-8-sig")
    assert list(again.check_id) == list(first.check_id)
    assert CliRunner().invoke(main, ["check", str(out), "--strict"]).exit_code == 1


def test_check_on_folder_without_facts_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert res.exit_code != 0 and "no facts.parquet or facts.csv" in res.output


def test_run_missing_path_is_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["run", str(tmp_path / "nope")])
    assert res.exit_code == 2


def test_every_cli_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"reportfacts {name}" in readme, name


def test_check_works_from_csv_alone(tmp_path, corpus):
    """A user may hand over only the CSVs (values as text): validation gives the same checks."""
    out = tmp_path / "out"
    CliRunner().invoke(main, ["run", str(corpus), "-o", str(out)])
    first = pd.read_csv(out / "checks.csv", encoding="utf-8-sig")
    for p in out.glob("*.parquet"):
        p.unlink()
    (out / "checks.csv").unlink()
    res = CliRunner().invoke(main, ["check", str(out)])
    assert res.exit_code == 0, res.output
    again = pd.read_csv(out / "checks.csv", encoding="utf-8-sig")
    assert sorted(again.check_id) == sorted(first.check_id)
    assert dict(zip(again.check_id, again.status)) == dict(zip(first.check_id, first.status))


def test_worker_processes_give_the_same_tables(tmp_path, fixtures):
    """--jobs 2 reads files in two processes; the tables are the same, in file order."""
    import extract

    corpus = tmp_path / "c"
    corpus.mkdir()
    seed = (fixtures / "changning-kexie-2021.txt").read_text(encoding="utf-8")
    for k in range(3):  # three different files (identical ones would be read once, as duplicates)
        (corpus / f"seed{k}.txt").write_text(seed + f"\n附：第{k}份副本。", encoding="utf-8")
    shutil.copy(fixtures / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf", corpus)
    one = extract.run([corpus], jobs=1)
    two = extract.run([corpus], jobs=2)
    pd.testing.assert_frame_equal(one.documents, two.documents)
    pd.testing.assert_frame_equal(one.facts, two.facts)
    pd.testing.assert_frame_equal(one.checks, two.checks)
    res = CliRunner().invoke(main, ["run", str(corpus), "-o", str(tmp_path / "o"), "--jobs", "2"])
    assert res.exit_code == 0 and "4 documents (0 not ok)" in res.output
