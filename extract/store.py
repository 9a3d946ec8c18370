"""Write and read the output tables: Parquet, CSV (utf-8-sig for Excel) and DuckDB.

Every table is written as ``DIR/<name>.parquet`` and ``DIR/<name>.csv``; the
three tables also go into one DuckDB file, ``DIR/reportfacts.duckdb``, for SQL
across years and documents.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from .records import ReportFactsError

DUCKDB_FILE = "reportfacts.duckdb"
#: exact numbers in Parquet and DuckDB: 30 integer digits, 8 decimals (a 万亿元 total in yuan fits)
DECIMAL_SCALE = 8
_INTEGER = {"start", "end", "page", "count", "sentence_start", "chars", "pages", "tables", "year"}
_BOOLEAN = {"change"}
_DECIMAL = {"value_num"}


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column whatever the rows hold (so a batch without ranges or events has the
    same table shape as one with them): nullable integers, booleans, Decimal objects for
    ``value_num``, pandas text for the rest."""
    for col in df.columns:
        if col in _INTEGER:
            df[col] = df[col].astype("Int64")
        elif col in _BOOLEAN:
            df[col] = df[col].astype(bool)
        elif col not in _DECIMAL:
            df[col] = df[col].astype(object).where(df[col].notna(), None).map(
                lambda v: v if v is None else str(v)).astype("str")
    return df


def arrow_table(df: pd.DataFrame) -> Any:
    """``df`` as an Arrow table with one fixed type per column, whatever the rows hold: integers,
    booleans, DECIMAL(38, 8) for ``value_num``, text for the rest (an all-empty column is still text)."""
    import pyarrow as pa

    quantum = Decimal(1).scaleb(-DECIMAL_SCALE)
    fields, data = [], {}
    for col in df.columns:
        values = df[col]
        if col in _INTEGER:
            typ = pa.int64()
        elif col in _BOOLEAN:
            typ = pa.bool_()
        elif col in _DECIMAL:
            typ = pa.decimal128(38, DECIMAL_SCALE)
            values = values.map(lambda v: v.quantize(quantum) if isinstance(v, Decimal) and v.as_tuple().exponent
                                < -DECIMAL_SCALE else v)  # type: ignore[operator]
        else:
            typ = pa.string()
            values = values.map(lambda v: None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                                else str(v))
        fields.append(pa.field(col, typ))
        data[col] = pa.array(values.astype(object).where(values.notna(), None).tolist(), type=typ)
    return pa.Table.from_pydict(data, schema=pa.schema(fields))


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> None:
    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(arrow_table(df), out / f"{name}.parquet")
    df.to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")


def write_duckdb(tables: dict[str, pd.DataFrame], folder: str | Path) -> Path:
    """(Re)write the tables into ``folder/reportfacts.duckdb``."""
    import duckdb

    path = Path(folder) / DUCKDB_FILE
    con = duckdb.connect(str(path))
    try:
        for name, df in tables.items():
            con.register("_frame", arrow_table(df))
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _frame')
            con.unregister("_frame")
    finally:
        con.close()
    return path


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A table written by :func:`write_table` (Parquet if present, else CSV)."""
    out = Path(folder)
    if (out / f"{name}.parquet").exists():
        return typed(pd.read_parquet(out / f"{name}.parquet"))
    if (out / f"{name}.csv").exists():
        return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    raise ReportFactsError(f"no {name}.parquet or {name}.csv in {out}")
