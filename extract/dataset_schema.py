"""The layout of a dataset's DuckDB store, and how the layout of an earlier release is brought up to it.

The store holds base tables (``_documents``, ``_facts``, ``_checks``) with columns of its own
(:data:`HIDDEN`), views of the users' columns (``documents``, ``facts``, ``checks``) and ``_meta``
with :data:`STORE_VERSION`; :func:`migrate` carries any earlier layout over in one transaction.
Part of :mod:`extract.dataset`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .read.ingest import shown
from .records import CHECK_TABLE_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, ReportFactsError
from .store import FLOAT_OF, ident, table_schema

#: the three tables of a dataset and their users' columns
TABLES = {"documents": DOCUMENT_COLUMNS, "facts": FACT_COLUMNS, "checks": CHECK_TABLE_COLUMNS}
#: the layout of the store; :func:`migrate` brings any earlier one up to it
STORE_VERSION = 3
#: columns of the store's base tables (``_documents`` …) that the views users query leave out:
#: where a document was found and what it was read with, and the order of rows in a document
HIDDEN = {"documents": {"_path": "VARCHAR", "_settings": "VARCHAR"},
          "facts": {"_seq": "BIGINT"}, "checks": {"_seq": "BIGINT"}}
#: columns added since a store was written, and how to fill them from its other columns
_DIRECTION = "CASE WHEN change AND left(qualifier, 2) IN ('增加', '减少') THEN left(qualifier, 2) END"
_CHANGE = ("CASE WHEN change AND value_num IS NOT NULL THEN "
           "CASE WHEN left(qualifier, 2) = '减少' THEN -value_num ELSE value_num END END")
DERIVED = {**{flt: f"{ident(exact)}::DOUBLE" for flt, exact in FLOAT_OF.items()},
           "direction": _DIRECTION,
           "approximation": f"CASE WHEN kind = 'date' THEN NULL WHEN ({_DIRECTION}) IS NOT NULL "
                            "THEN nullif(substr(qualifier, 3), '') ELSE nullif(qualifier, '') END",
           "change_num": _CHANGE, "change_float": f"({_CHANGE})::DOUBLE"}


def arrow_schema(name: str) -> Any:
    return table_schema(tuple(TABLES[name]))


def sql_type(t: Any) -> str:
    import pyarrow as pa

    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_decimal(t):
        return f"DECIMAL({t.precision}, {t.scale})"
    if pa.types.is_floating(t):
        return "DOUBLE"
    return "VARCHAR"


def base_table(name: str) -> str:
    """The base table behind the view ``name`` (``facts`` -> ``_facts``)."""
    return f"_{name}"


def columns_sql(name: str) -> str:
    return ", ".join(ident(c) for c in TABLES[name])


def migrate(con: Any, notices: list[str]) -> None:
    """Bring the store to :data:`STORE_VERSION`, in one transaction: base tables ``_documents``,
    ``_facts``, ``_checks`` with the hidden columns (:data:`HIDDEN`), views ``documents``,
    ``facts``, ``checks`` of the users' columns, and ``_meta`` with the version. A store of an
    earlier release (plain tables, ``_seq`` visible; a ``checks`` table that ``reportfacts check``
    rewrote without it; columns added since) is carried over row for row; a store of a later
    release is refused with one line."""
    kinds = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                             "WHERE table_schema = 'main'").fetchall())
    version = 0
    if "_meta" in kinds:
        row = con.execute("SELECT value FROM _meta WHERE key = 'store_version'").fetchone()
        version = int(row[0]) if row else 0
    if version > STORE_VERSION:
        raise ReportFactsError(f"this dataset was written by a newer reportfacts (store version {version}; this one "
                               f"reads up to {STORE_VERSION}): upgrade reportfacts, or write to another folder")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for name in TABLES:
            base, hidden = base_table(name), HIDDEN[name]
            want = [(f.name, sql_type(f.type)) for f in arrow_schema(name)] + list(hidden.items())
            if kinds.get(base) != "BASE TABLE":
                con.execute(f"CREATE TABLE {ident(base)} ({', '.join(f'{ident(c)} {t}' for c, t in want)})")
            else:
                have = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                        "WHERE table_name = ?", [base]).fetchall())
                for c, t in want:  # a column typed since (a check's total_value was text): its values cast
                    if c in have and have[c] == "VARCHAR" and t != "VARCHAR":
                        con.execute(f"ALTER TABLE {ident(base)} ALTER COLUMN {ident(c)} SET DATA TYPE {t} "
                                    f"USING TRY_CAST({ident(c)} AS {t})")
                for c, t in want:
                    if c not in have:  # a column added since: derived from the others where it can be
                        con.execute(f"ALTER TABLE {ident(base)} ADD COLUMN {ident(c)} {t}")
                        if c in DERIVED:
                            con.execute(f"UPDATE {ident(base)} SET {ident(c)} = {DERIVED[c]}")
            if kinds.get(name) == "BASE TABLE":  # an earlier release's table: its rows move in
                old = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = ?", [name]).fetchall()}
                cols = [f"TRY_CAST({ident(c)} AS {t}) AS {ident(c)}" if t != "VARCHAR" else ident(c)
                        for c, t in want if c in old and c != "_seq"]
                cols += [f"{DERIVED[c]} AS {ident(c)}" for c, _ in want if c not in old and c in DERIVED]
                if "_seq" in hidden:
                    cols.append("_seq" if "_seq" in old else
                                "row_number() OVER (PARTITION BY doc_id ORDER BY rowid) AS _seq")
                con.execute(f"INSERT INTO {ident(base)} BY NAME SELECT {', '.join(cols)} FROM {ident(name)}")
                con.execute(f"DROP TABLE {ident(name)}")
                notices.append(f"table {name} of an earlier release carried over to store version {STORE_VERSION}")
            elif name in kinds:
                con.execute(f"DROP VIEW IF EXISTS {ident(name)}")
            con.execute(f"CREATE VIEW {ident(name)} AS SELECT {columns_sql(name)} FROM {ident(base)}")
        for doc_id, path in con.execute("SELECT doc_id, path FROM _documents WHERE _path IS NULL").fetchall():
            con.execute("UPDATE _documents SET _path = ? WHERE doc_id = ?", [abs_path(path or doc_id), doc_id])
        con.execute("INSERT OR REPLACE INTO _meta VALUES ('store_version', ?)", [str(STORE_VERSION)])
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise


def rollback(con: Any) -> None:
    """ROLLBACK without masking the error that led here (after a failed write, DuckDB may have
    ended the transaction itself: 'no transaction is active')."""
    import duckdb

    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def abs_path(path: str | Path) -> str:
    """The absolute path the store keeps (as text every table can hold: see :func:`shown`)."""
    return shown(os.path.abspath(path))
