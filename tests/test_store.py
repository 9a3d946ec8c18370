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


def test_every_column_keeps_its_type_when_a_batch_has_no_value_for_it(tmp_path):
    """A text with no ranges, events or pages still writes value_max/event/page with their types."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    facts = extract.extract_facts("收入总计181.92万元，比上年增加12.5万元。", year=2021)
    write_table(facts, tmp_path, "facts")
    schema = pq.read_schema(tmp_path / "facts.parquet")
    assert schema.field("value_max").type == pa.string()
    assert schema.field("event").type == pa.string()
    assert schema.field("page").type == pa.int64()
    assert schema.field("value_num").type == pa.decimal128(38, 8)
    assert schema.field("change").type == pa.bool_()
    con = duckdb.connect()
    rows = con.execute(f"SELECT text, value_num, change, qualifier FROM '{tmp_path / 'facts.parquet'}' "
                       "WHERE kind = 'amount' ORDER BY start").fetchall()
    assert [(t, str(v.normalize()), c, q) for t, v, c, q in rows] == [
        ("181.92万元", "1.8192E+6", False, None), ("12.5万元", "1.25E+5", True, "增加")]


def test_concept_column_joins_synonyms():
    facts = extract.extract_facts("一般公共预算财政拨款收入100万元，财政拨款收入100万元，其他收入5万元。", year=2021)
    amounts = facts[facts.kind == "amount"]
    assert list(amounts["concept"].fillna("")) == ["财政拨款收入", "财政拨款收入", ""]


HOSTILE_CELLS = [
    "收入", "=HYPERLINK(\"http://x\")", "+1+2", "-12.5", "+3", "-", "@SUM(A1)", "\t制表", "\r回车",
    "含\x00空\x07字\x1f符", "换行\n保留", "=", "甲" * 40_000, "=" + "乙" * 40_000, None, "",
]


def test_export_cells_are_store_csv_cell_in_arrow():
    """The exports' vectorised CSV cells (extract.dataset.csv_cells) give exactly what
    extract.store.csv_cell gives cell by cell."""
    import pyarrow as pa

    from extract.dataset import csv_cells
    from extract.store import csv_cell

    table = pa.table({"a": pa.array(HOSTILE_CELLS, type=pa.string()), "n": pa.array(range(len(HOSTILE_CELLS)))})
    got = csv_cells(table).column("a").to_pylist()
    assert got == [csv_cell(v) for v in HOSTILE_CELLS]
    assert got[1].startswith("'=") and got[3] == "-12.5" and got[9] == "含 空 字 符" and got[10] == "换行\n保留"
    assert csv_cells(table).column("n").to_pylist() == list(range(len(HOSTILE_CELLS)))


def test_zero_decimals_are_fixed_point_in_the_csv(tmp_path):
    """A check that adds up exactly has difference 0: the CSV says 0.00000000 like every other
    decimal cell (Arrow alone writes a zero of scale 8 as 0E-8)."""
    import csv

    from click.testing import CliRunner

    from extract.cli import main

    report = tmp_path / "r.txt"
    report.write_text("某局2021年部门预算\n收入总计100万元，其中财政拨款80万元，事业收入20万元。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(report), "-o", str(out), "--jobs", "1"]).exit_code == 0
    with open(out / "checks.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all("E" not in r[c] for r in rows for c in ("total_value", "difference", "tolerance"))
    assert "0.00000000" in [r["difference"] for r in rows]
    assert [r["total_value"] for r in rows if r["difference"] == "0.00000000"][0] == "1000000.00000000"
