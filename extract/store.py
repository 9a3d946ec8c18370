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
_INTEGER = {"start", "end", "page", "count", "sentence_start", "chars", "pages", "tables", "year", "table"}
_BOOLEAN = {"change"}
_DECIMAL = {"value_num"}


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column whatever the rows hold (so a batch without ranges or events has the
    same table shape as one with them): nullable integers, booleans, Decimal objects for
    ``value_num``, and Python strings (None when empty) for the rest."""
    for col in df.columns:
        if col in _INTEGER:
            df[col] = df[col].astype("Int64")
        elif col in _BOOLEAN:
            df[col] = df[col].fillna(False).astype(bool)
        elif col not in _DECIMAL:
            values = df[col].astype(object)
            df[col] = values.where(values.notna(), None)
    return df


def arrow_table(df: pd.DataFrame) -> Any:
    """``df`` as an Arrow table with one fixed type per column, whatever the rows hold: integers,
    booleans, DECIMAL(38, 8) for ``value_num``, text for the rest (an all-empty column is still text)."""
    import pyarrow as pa

    quantum = Decimal(1).scaleb(-DECIMAL_SCALE)
    fields, arrays = [], []
    for col in df.columns:
        values = df[col]
        if col in _INTEGER:
            typ, arr = pa.int64(), pa.array(values, type=pa.int64(), from_pandas=True)
        elif col in _BOOLEAN:
            typ, arr = pa.bool_(), pa.array(values, type=pa.bool_(), from_pandas=True)
        elif col in _DECIMAL:
            typ = pa.decimal128(38, DECIMAL_SCALE)
            arr = pa.array([v.quantize(quantum) if isinstance(v, Decimal) and isinstance(v.as_tuple().exponent, int)
                            and v.as_tuple().exponent < -DECIMAL_SCALE else (v if isinstance(v, Decimal) else None)
                            for v in values], type=typ)
        else:
            typ = pa.string()
            arr = pa.array(values.astype(object), type=typ, from_pandas=True)
        fields.append(pa.field(col, typ))
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> Any:
    """Write ``df`` as Parquet and CSV; returns the Arrow table (for :func:`write_duckdb`)."""
    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    table = arrow_table(df)
    pq.write_table(table, out / f"{name}.parquet")
    df.to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")
    return table


def write_duckdb(tables: dict[str, Any], folder: str | Path) -> Path:
    """(Re)write the tables (DataFrames, or the Arrow tables :func:`write_table` returned) into
    ``folder/reportfacts.duckdb``."""
    import duckdb

    path = Path(folder) / DUCKDB_FILE
    con = duckdb.connect(str(path))
    try:
        for name, df in tables.items():
            con.register("_frame", arrow_table(df) if isinstance(df, pd.DataFrame) else df)
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
