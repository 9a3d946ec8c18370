"""Write and read the output tables: Parquet, CSV (utf-8-sig for Excel) and DuckDB.

Every table is written as ``DIR/<name>.parquet`` and ``DIR/<name>.csv``; the
three tables also go into one DuckDB file, ``DIR/reportfacts.duckdb``, for SQL
across years and documents.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .records import ReportFactsError

DUCKDB_FILE = "reportfacts.duckdb"


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    df.to_parquet(out / f"{name}.parquet", index=False)
    df.to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")


def write_duckdb(tables: dict[str, pd.DataFrame], folder: str | Path) -> Path:
    """(Re)write the tables into ``folder/reportfacts.duckdb``."""
    import duckdb

    path = Path(folder) / DUCKDB_FILE
    con = duckdb.connect(str(path))
    try:
        for name, df in tables.items():
            con.register("_frame", df)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _frame')
            con.unregister("_frame")
    finally:
        con.close()
    return path


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A table written by :func:`write_table` (Parquet if present, else CSV)."""
    out = Path(folder)
    if (out / f"{name}.parquet").exists():
        return pd.read_parquet(out / f"{name}.parquet")
    if (out / f"{name}.csv").exists():
        return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    raise ReportFactsError(f"no {name}.parquet or {name}.csv in {out}")
