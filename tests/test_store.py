"""Output storage: a real DuckDB file and Parquet round trips."""
from __future__ import annotations

import duckdb
import pandas as pd

import extract
from extract.store import read_table, write_duckdb, write_table


def test_duckdb_file_holds_the_tables(tmp_path, fixtures):
    result = extract.run([fixtures / "changning-kexie-2021.txt"])
    path = write_duckdb({"documents": result.documents, "facts": result.facts, "checks": result.checks}, tmp_path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        n = con.execute("SELECT count(*) FROM facts WHERE kind = 'amount'").fetchone()[0]
        total = con.execute("SELECT value FROM facts WHERE label = '收入总计'").fetchone()[0]
        fails = con.execute("SELECT count(*) FROM checks WHERE status = 'fail'").fetchone()[0]
    finally:
        con.close()
    assert n == 20
    assert total == "1819200.00"
    assert fails == 1


def test_parquet_and_csv_round_trip(tmp_path, fixtures):
    result = extract.run([fixtures / "changning-kexie-2021.txt"])
    write_table(result.facts, tmp_path, "facts")
    back = read_table(tmp_path, "facts")
    pd.testing.assert_frame_equal(back, result.facts)
    (tmp_path / "facts.parquet").unlink()
    csv = read_table(tmp_path, "facts")
    assert list(csv.columns) == list(result.facts.columns)
    assert list(csv["value"]) == list(result.facts["value"].fillna(""))
