"""A dataset's exports: Parquet and CSV of its three tables, and the facts partitioned by year
and organisation (``facts_by_year/``), streamed from the store and renamed into place together.
Part of :mod:`extract.dataset`.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .dataset_schema import TABLES, arrow_schema, base_table, columns_sql
from .store import (CONTROL, CSV_CELL_MAX, FORMULA_START, NUMBER_TEXT, arrow_ints, arrow_texts, commit, discard,
                    file_schema, ident, tmp_path)

#: exports read the store this many documents, or rows, at a time (a larger document in slices)
EXPORT_DOCUMENTS, EXPORT_ROWS = 200, 10_000
#: a partition folder's organisation name is cut past this many bytes (a hash keeps it unique)
PARTITION_NAME_BYTES = 120


def pa_is_string(t: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(t))


def csv_cells(table: Any) -> Any:
    """``table`` (an Arrow table or record batch) with its text cells as written to CSV for people:
    control characters out, long text cut, a leading formula character neutralised with a quote
    (numbers stay numbers) - :func:`extract.store.csv_cell`, column by column in Arrow, with its
    patterns. Each rewrite runs only on a column where some cell needs it (in most chunks none does)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for field, col in zip(table.schema, table.columns):
        if pa.types.is_decimal(field.type):
            col = decimal_text(col)
        elif pa_is_string(field.type) and len(col):
            if pc.any(pc.match_substring_regex(col, CONTROL)).as_py():
                col = pc.replace_substring_regex(col, CONTROL, " ")
            long = pc.greater(pc.utf8_length(col), arrow_ints([CSV_CELL_MAX])[0])
            if pc.any(long).as_py():
                cut = pc.binary_join_element_wise(pc.utf8_slice_codeunits(col, 0, CSV_CELL_MAX), *_texts("…[cut]", ""))
                col = pc.if_else(long, cut, col)
            formula = pc.is_in(pc.utf8_slice_codeunits(col, 0, 1), value_set=arrow_texts(FORMULA_START))
            if pc.any(formula).as_py():
                formula = pc.and_(formula, pc.invert(pc.match_substring_regex(col, NUMBER_TEXT)))
                quote, empty = _texts("'", "")
                col = pc.if_else(formula, pc.binary_join_element_wise(quote, col, empty), col)
        columns.append(col)
    schema = csv_schema(table.schema)
    if isinstance(table, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(columns, schema=schema)
    return pa.Table.from_arrays(columns, schema=schema)


def _texts(*words: str) -> list[Any]:
    """Arrow text scalars (made without pyarrow's conversion of Python values, which imports pandas)."""
    return list(arrow_texts(words))


def csv_schema(schema: Any) -> Any:
    """The CSV exports' columns: decimals are written as fixed-point text (:func:`decimal_text`)."""
    import pyarrow as pa

    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_decimal(f.type) else f for f in schema])


def decimal_text(col: Any) -> Any:
    """DECIMAL(38, 8) cells as fixed-point text with all eight decimals (``181.92000000``, as Arrow
    writes them), zero included: Arrow writes a zero of scale 8 as ``0E-8``, which a reader of
    the CSV takes for a formula-like exponent and some spreadsheets show as text.

    >>> import pyarrow as pa; from decimal import Decimal
    >>> decimal_text(pa.array([Decimal(0), Decimal("-1.5"), None], pa.decimal128(38, 8))).to_pylist()
    ['0.00000000', '-1.50000000', None]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pc.cast(col, pa.string())
    zero = arrow_texts(["0." + "0" * col.type.scale if col.type.scale else "0"])[0]
    return pc.if_else(pc.equal(col, pc.cast(arrow_ints([0]), col.type)[0]), zero, text)


def export(con: Any, folder: Path, partitioned: bool = False) -> None:
    """Write Parquet and CSV exports of the three tables (and, with ``partitioned``, the facts
    as a Parquet dataset partitioned by year and organisation), then rename them into place.
    The CSV cells are made safe for spreadsheets (see :func:`extract.store.csv_cell`)."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    staged: list[tuple[Path, Path]] = []
    try:
        ids = [r[0] for r in con.execute("SELECT doc_id FROM _documents ORDER BY doc_id").fetchall()]
        for name in TABLES:
            pq_tmp, csv_tmp = tmp_path(folder, f"{name}.parquet"), tmp_path(folder, f"{name}.csv")
            staged += [(pq_tmp, folder / f"{name}.parquet"), (csv_tmp, folder / f"{name}.csv")]
            schema = arrow_schema(name)
            with pq.ParquetWriter(pq_tmp, file_schema(tuple(TABLES[name]))) as parquet, open(csv_tmp, "wb") as fh:
                fh.write(b"\xef\xbb\xbf")  # utf-8-sig: Excel on Chinese Windows reads it
                with pacsv.CSVWriter(fh, csv_schema(schema),
                                     write_options=pacsv.WriteOptions(quoting_style="all_valid")) as csv:
                    # each slice of rows is read from the store once, and its CSV cells are made from those rows
                    for rows in _rows(con, name, ids):
                        parquet.write_batch(rows)
                        csv.write_batch(csv_cells(rows))
        if partitioned:
            staged += _partitioned(con, folder)
        commit(staged)
    except BaseException:
        discard(staged)
        raise


def _partitioned(con: Any, folder: Path) -> list[tuple[Path, Path]]:
    """facts_by_year/year=2021/organization=…/data_0.parquet: what Dask, DuckDB or Spark read
    directly. Each partition is streamed from the store by pyarrow (values are parameters; no
    path ever goes into SQL). A document without a year is under ``year=NULL``, which DuckDB
    reads as NULL (the year stays a number) and pandas and Dask as the label ``NULL``; one
    without an organisation under ``organization=unknown``; an organisation name is made a
    safe folder name (:func:`partition_name`)."""
    import pyarrow.parquet as pq

    tmp = tmp_path(folder, "facts_by_year")
    groups: dict[tuple[int | None, str | None], list[str]] = {}
    for year, org, doc_id in con.execute(
            "SELECT year::BIGINT, organization, doc_id FROM _documents d "
            "WHERE EXISTS (SELECT 1 FROM _facts f WHERE f.doc_id = d.doc_id) ORDER BY ALL NULLS LAST").fetchall():
        groups.setdefault((year, org), []).append(doc_id)
    for (year, org), ids in groups.items():
        part = tmp / f"year={NO_YEAR if year is None else year}" / f"organization={partition_name(org)}"
        part.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(part / "data_0.parquet", arrow_schema("facts")) as writer:
            for rows in _rows(con, "facts", ids):
                writer.write_batch(rows)
    return [(tmp, folder / "facts_by_year")]


def _rows(con: Any, name: str, ids: list[str]) -> Iterator[Any]:
    """The rows of table ``name`` of the documents ``ids`` (in that order), each document's in
    its order, as record batches of at most :data:`EXPORT_ROWS` rows. Documents are read from
    the store a few at a time, and a document of more rows in slices of its row numbers, so
    every sort the store makes is of at most :data:`EXPORT_ROWS` rows: memory stays within the
    store's cache whatever the size of a document or of the dataset."""
    schema = arrow_schema(name)
    table = ident(base_table(name))
    if name == "documents":
        slices: list[tuple[list[str], int, int]] = [(ids[k:k + EXPORT_DOCUMENTS], 0, 0)
                                                    for k in range(0, len(ids), EXPORT_DOCUMENTS)]
    else:
        sizes = dict(con.execute(f"SELECT doc_id, max(_seq) FROM {table} WHERE doc_id IN "
                                 "(SELECT unnest(?::VARCHAR[])) GROUP BY doc_id", [ids]).fetchall())
        slices = []
        group: list[str] = []
        rows = 0
        for doc_id in ids:
            n = int(sizes.get(doc_id) or 0)
            if n > EXPORT_ROWS:  # one document, in slices of its row numbers
                if group:
                    slices.append((group, 0, 0))
                    group, rows = [], 0
                slices += [([doc_id], k, k + EXPORT_ROWS) for k in range(0, n, EXPORT_ROWS)]
            elif n:
                if rows + n > EXPORT_ROWS or len(group) >= EXPORT_DOCUMENTS:
                    slices.append((group, 0, 0))
                    group, rows = [], 0
                group.append(doc_id)
                rows += n
        if group:
            slices.append((group, 0, 0))
    order = "doc_id" if name == "documents" else "doc_id, _seq"
    for group, lo, hi in slices:
        query = f"SELECT {columns_sql(name)} FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))"
        params: list[Any] = [group]
        if hi:
            query += " AND _seq > ? AND _seq <= ?"
            params += [lo, hi]
        for rows in con.sql(f"{query} ORDER BY {order}", params=params).to_arrow_reader(10_000):
            yield rows if rows.schema == schema else rows.cast(schema)


#: a partition folder's year where the document states none (DuckDB writes and reads NULL so)
NO_YEAR = "NULL"
#: a partition folder's organisation where the document states none
NO_ORGANIZATION = "unknown"


def partition_name(org: str | None) -> str:
    """An organisation as a partition folder name: no ``/``, ``%`` or control characters, and at
    most :data:`PARTITION_NAME_BYTES` bytes (a longer name is cut and given a hash of the whole,
    so it stays unique); :data:`NO_ORGANIZATION` when there is none.

    >>> partition_name("甲/乙局"), partition_name(None)
    ('甲_乙局', 'unknown')
    >>> partition_name("某" * 50) == "某" * 30 + "~bac09bc2e6"
    True
    """
    import hashlib

    if org is None:
        return NO_ORGANIZATION
    name = "".join("_" if c in "/\\%=" or ord(c) < 32 else c for c in org) or "_"
    if len(name.encode("utf-8")) > PARTITION_NAME_BYTES:
        name = f"{name[:30]}~{hashlib.sha1(org.encode('utf-8')).hexdigest()[:10]}"
    return name
