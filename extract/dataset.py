"""The dataset a folder of outputs holds: an incremental DuckDB store and its exports.

``reportfacts.duckdb`` is the dataset. A run adds the documents that are new or changed (by
sha256) and leaves unchanged ones as they are (``rebuild`` rereads everything); each document's
rows (documents, facts, checks) are replaced in one transaction as soon as the document is
done, so a run that is killed keeps what it finished and the next run does the rest. The
Parquet and CSV files are exports of the store, written under temporary names and renamed
into place when all are written, in one order (document id, then position in the document)
whatever order the documents were processed in.
"""
from __future__ import annotations

import logging
import time
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .batch import Processed, process_all
from .read.ingest import Entry, Limits
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, ReportFactsError
from .store import (CONTROL, CSV_CELL_MAX, DUCKDB_FILE, FORMULA_START, NUMBER_TEXT, OutputLocked, commit, discard,
                    rows_table, table_schema)


log = logging.getLogger(__name__)
TABLES = {"documents": DOCUMENT_COLUMNS, "facts": FACT_COLUMNS, "checks": CHECK_COLUMNS}
#: a document read before is read again when its last reading ended so (it may go better now)
RETRY = ("error", "timeout")
#: documents go into the store in transactions of whole documents, at most this many (or rows,
#: or seconds) at a time: few transactions for speed, little work lost when a run is killed
BATCH_DOCUMENTS, BATCH_ROWS, BATCH_SECONDS = 64, 100_000, 2.0
#: exports read the store this many documents at a time
EXPORT_DOCUMENTS = 200


@dataclass(frozen=True)
class Summary:
    """What a run did, and what the dataset now holds."""

    read: int
    unchanged: int
    documents: int
    not_ok: int
    facts: int
    checks: dict[str, int]


def _schema(name: str) -> Any:
    return table_schema(tuple(TABLES[name]))


def pa_is_string(t: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(t))


def _parts(columns: list[str], per_document: list[Any]) -> list[Any]:
    """Arrow tables with a ``_seq`` column of the rows of a batch of documents: the tables that
    came from worker processes as they are, and all rows that came as dicts in one conversion."""
    import pyarrow as pa

    parts: list[Any] = []
    rows: list[dict[str, Any]] = []
    seq: list[int] = []
    for doc in per_document:
        if hasattr(doc, "num_rows"):
            if doc.num_rows:
                parts.append(_with_seq(doc))
        else:
            rows.extend(doc)
            seq.extend(range(1, len(doc) + 1))
    if rows:
        parts.append(rows_table(columns, rows).append_column("_seq", pa.array(seq, type=pa.int64())))
    return parts


def _with_seq(table: Any) -> Any:
    """A document's rows numbered 1..n in a ``_seq`` column: the order exports keep."""
    import pyarrow as pa

    return table.append_column("_seq", pa.array(range(1, table.num_rows + 1), type=pa.int64()))


def csv_cells(table: Any) -> Any:
    """``table`` (an Arrow table or record batch) with its text cells as written to CSV for people:
    control characters out, long text cut, a leading formula character neutralised with a quote
    (numbers stay numbers) - :func:`extract.store.csv_cell`, column by column in Arrow, with its
    patterns. Each rewrite runs only on a column where some cell needs it (in most chunks none does)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for field, col in zip(table.schema, table.columns):
        if pa_is_string(field.type) and len(col):
            if pc.any(pc.match_substring_regex(col, CONTROL)).as_py():
                col = pc.replace_substring_regex(col, CONTROL, " ")
            long = pc.greater(pc.utf8_length(col), CSV_CELL_MAX)
            if pc.any(long).as_py():
                cut = pc.binary_join_element_wise(pc.utf8_slice_codeunits(col, 0, CSV_CELL_MAX), "…[cut]", "")
                col = pc.if_else(long, cut, col)
            formula = pc.is_in(pc.utf8_slice_codeunits(col, 0, 1), value_set=pa.array(FORMULA_START))
            if pc.any(formula).as_py():
                formula = pc.and_(formula, pc.invert(pc.match_substring_regex(col, NUMBER_TEXT)))
                col = pc.if_else(formula, pc.binary_join_element_wise("'", col, ""), col)
        columns.append(col)
    if isinstance(table, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(columns, schema=table.schema)
    return pa.Table.from_arrays(columns, schema=table.schema)


class Dataset:
    """The DuckDB store of one outputs folder (opened for writing: one process at a time)."""

    def __init__(self, folder: str | Path) -> None:
        import duckdb

        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DUCKDB_FILE
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise
            raise OutputLocked(f"{self.path} is open in another process (a notebook?); close it and run again "
                               f"({str(e).splitlines()[0]})") from None
        # the store's own cache stays small: memory is flat whatever the size of the dataset
        self.con.execute("SET memory_limit = '128MB'")
        self.con.execute("SET threads = 2")
        existing = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name in TABLES:
            if name not in existing:
                self.con.register("_empty", _schema(name).empty_table())
                self.con.execute(f'CREATE TABLE "{name}" AS SELECT *, 0::BIGINT AS _seq FROM _empty')
                self.con.unregister("_empty")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (sha256, status) of every document in the store."""
        rows = self.con.execute("SELECT doc_id, sha256, status FROM documents").fetchall()
        return {d: (sha or "", st or "") for d, sha, st in rows}

    def clear(self) -> None:
        for name in TABLES:
            self.con.execute(f'DELETE FROM "{name}"')

    def put(self, batch: list[Processed]) -> None:
        """Replace the rows of every document in ``batch``, in one transaction: each document is
        in the store whole or not at all."""
        if not batch:
            return
        import pyarrow as pa

        ids = [str(p.row["doc_id"]) for p in batch]
        docs = rows_table(TABLES["documents"], [p.row for p in batch])
        tables = {"documents": [docs.append_column("_seq", pa.array([0] * len(batch), type=pa.int64()))],
                  "facts": _parts(TABLES["facts"], [p.facts for p in batch]),
                  "checks": _parts(TABLES["checks"], [p.checks for p in batch])}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, parts in tables.items():
                self.con.execute(f'DELETE FROM "{name}" WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))', [ids])
                if parts:
                    table = pa.concat_tables(parts)
                    self.con.register("_rows", table)
                    self.con.execute(f'INSERT INTO "{name}" SELECT * FROM _rows')
                    self.con.unregister("_rows")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def counts(self) -> tuple[int, int, int, dict[str, int]]:
        docs, not_ok = self.con.execute("SELECT count(*), count(*) FILTER (WHERE status <> 'ok') FROM documents"
                                        ).fetchone() or (0, 0)
        facts = (self.con.execute("SELECT count(*) FROM facts").fetchone() or (0,))[0]
        checks = dict(self.con.execute("SELECT status, count(*) FROM checks GROUP BY status").fetchall())
        return int(docs), int(not_ok), int(facts), {str(k): int(v) for k, v in checks.items()}

    def export(self, partitioned: bool = False) -> None:
        """Write Parquet and CSV exports of the three tables (and, with ``partitioned``, the facts
        as a Parquet dataset partitioned by year and organisation), then rename them into place.
        The CSV cells are made safe for spreadsheets in SQL (see :func:`extract.store.csv_cell`)."""
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        staged: list[tuple[Path, Path]] = []
        tag = f".tmp-{os.getpid()}"
        try:
            ids = [r[0] for r in self.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
            for name in TABLES:
                pq_tmp, csv_tmp = self.folder / f".{name}.parquet{tag}", self.folder / f".{name}.csv{tag}"
                schema = _schema(name)
                with pq.ParquetWriter(pq_tmp, schema) as parquet, open(csv_tmp, "wb") as fh:
                    fh.write(b"\xef\xbb\xbf")  # utf-8-sig: Excel on Chinese Windows reads it
                    with pacsv.CSVWriter(fh, schema,
                                         write_options=pacsv.WriteOptions(quoting_style="all_valid")) as csv:
                        # a few hundred documents at a time, in document order: each sort is small,
                        # so memory stays flat whatever the size of the dataset; each chunk is read
                        # from the store once, and its CSV cells are made from those rows
                        for k in range(0, len(ids), EXPORT_DOCUMENTS):
                            query = (f'SELECT * EXCLUDE (_seq) FROM "{name}" WHERE doc_id IN '
                                     f"(SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, _seq")
                            # streamed in batches of 10,000 rows: a huge document is never in memory whole
                            for rows in self.con.sql(query, params=[ids[k:k + EXPORT_DOCUMENTS]]
                                                     ).to_arrow_reader(10_000):
                                rows = rows if rows.schema == schema else rows.cast(schema)
                                parquet.write_batch(rows)
                                csv.write_batch(csv_cells(rows))
                staged += [(pq_tmp, self.folder / f"{name}.parquet"), (csv_tmp, self.folder / f"{name}.csv")]
            if partitioned:
                staged += self._partitioned(tag)
            commit(staged)
        except BaseException:
            discard(staged)
            raise

    def _partitioned(self, tag: str) -> list[tuple[Path, Path]]:
        """facts_by_year/year=2021/organization=…/*.parquet: what Dask, DuckDB or Spark read directly."""
        import shutil

        tmp = self.folder / f".facts_by_year{tag}"
        shutil.rmtree(tmp, ignore_errors=True)
        self.con.execute(
            f"COPY (SELECT f.* EXCLUDE (_seq), coalesce(d.year, 0) AS year, "
            f"coalesce(d.organization, 'unknown') AS organization FROM facts f JOIN documents d USING (doc_id)) "
            f"TO '{tmp}' (FORMAT PARQUET, PARTITION_BY (year, organization))")
        return [(tmp, self.folder / "facts_by_year")]


def build(entries: list[Entry], folder: str | Path, year: int | None = None, limits: Limits | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None, rebuild: bool = False,
          partitioned: bool = False,
          progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None) -> Summary:
    """Add ``entries`` to the dataset in ``folder`` (new and changed documents only, unless
    ``rebuild``) and rewrite its exports. Ctrl-C stops the reading; what finished is kept and
    exported, and KeyboardInterrupt is raised again."""
    folder = Path(folder)
    discard([(stale, stale) for stale in folder.glob(".*.tmp-*")])  # left by a run killed while exporting
    with Dataset(folder) as ds:
        if rebuild:
            ds.clear()
        known = ds.known()
        todo = [e for e in entries if e.status is not None or not e.sha256 or known.get(e.doc_id, ("", ""))[0]
                != e.sha256 or known[e.doc_id][1] in RETRY]
        unchanged = len(entries) - len(todo)
        log.info("%d documents to read, %d unchanged", len(todo), unchanged)
        results: Iterator[Processed] = process_all(todo, year, limits, jobs, engine, scheduler, pack=True)
        interrupted = False
        batch: list[Processed] = []
        rows, last, stored = 0, time.monotonic(), 0
        try:
            for p in (progress(results, len(todo)) if progress else results):
                batch.append(p)
                rows += len(p.facts)
                # a transaction per batch of whole documents: a killed run loses at most these
                if len(batch) >= BATCH_DOCUMENTS or rows >= BATCH_ROWS or time.monotonic() - last > BATCH_SECONDS:
                    ds.put(batch)
                    stored += len(batch)
                    log.info("stored %d documents (%d of %d)", len(batch), stored, len(todo))
                    batch, rows, last = [], 0, time.monotonic()
        except KeyboardInterrupt:
            interrupted = True
        ds.put(batch)
        ds.export(partitioned)
        docs, not_ok, facts, checks = ds.counts()
    if interrupted:
        raise KeyboardInterrupt
    return Summary(len(todo), unchanged, docs, not_ok, facts, checks)


__all__ = ["Dataset", "Summary", "build", "ReportFactsError"]
