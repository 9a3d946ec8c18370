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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import Processed, process_all
from .dataset_export import csv_cells
from .dataset_export import export as write_exports
from .dataset_ids import Settings, changed_settings, inside, resolve_ids, rules_digest, settings_for
from .dataset_schema import (DERIVED, STORE_VERSION, TABLES, abs_path, arrow_schema, base_table, columns_sql, migrate,
                             rollback)
from .read.ingest import Entry, Limits
from .records import CHECK_COLUMNS, ReportFactsError
from .store import (DUCKDB_FILE, FLOAT_OF, arrow_ints, arrow_texts, clear_tmp, conform, ident, open_store, rows_table,
                    tidy_tmp, typed)

if TYPE_CHECKING:
    import pandas as pd


log = logging.getLogger(__name__)
#: a document read before is read again when its last reading ended so (it may go better now)
RETRY = ("error", "timeout")
#: documents go into the store in transactions of whole documents, at most this many (or rows,
#: or seconds) at a time: few transactions for speed, little work lost when a run is killed
BATCH_DOCUMENTS, BATCH_ROWS, BATCH_SECONDS = 64, 100_000, 2.0
#: rows go into the store this many at a time (a document of 100k facts never fills the store's cache)
INSERT_ROWS = 20_000
#: the store's cache (DuckDB's memory_limit): memory stays flat whatever the size of the dataset
STORE_MEMORY = "256MB"


@dataclass(frozen=True)
class Summary:
    """What a run did, and what the dataset now holds."""

    read: int
    unchanged: int
    documents: int
    not_ok: int
    facts: int
    checks: dict[str, int]
    #: documents read again because the settings they were read with differ: setting -> count
    resettled: dict[str, int] = field(default_factory=dict)
    #: one line each: a document moved, an id that had to be qualified, a store recovered
    notices: list[str] = field(default_factory=list)


def _parts(columns: list[str], per_document: list[Any]) -> list[Any]:
    """Arrow tables with a ``_seq`` column of the rows of a batch of documents: the tables that
    came from worker processes as they are, and all rows that came as dicts in one conversion."""
    parts: list[Any] = []
    rows: list[dict[str, Any]] = []
    seq: list[int] = []
    for doc in per_document:
        if hasattr(doc, "num_rows"):
            if doc.num_rows:  # a worker's table: the stored columns (a check's figures also as floats)
                parts.append(_with_seq(conform(doc, columns)))
        else:
            rows.extend(doc)
            seq.extend(range(1, len(doc) + 1))
    if rows:
        parts.append(rows_table(columns, rows).append_column("_seq", arrow_ints(seq)))
    return parts


def _with_seq(table: Any) -> Any:
    """A document's rows numbered 1..n in a ``_seq`` column: the order exports keep."""
    return table.append_column("_seq", arrow_ints(range(1, table.num_rows + 1)))


class Dataset:
    """The DuckDB store of one outputs folder (opened for writing: one process at a time).

    Opening it recovers from a stale write-ahead log or a corrupt file (:func:`extract.store.open_store`;
    a store set aside is rebuilt from the folder's exports), and migrates an earlier layout
    (:func:`migrate`). ``notices`` says what was done."""

    def __init__(self, folder: str | Path, create: bool = True) -> None:
        self.folder = Path(folder)
        self.path = self.folder / DUCKDB_FILE
        self.notices: list[str] = []
        exports = any((self.folder / f"facts.{ext}").exists() for ext in ("parquet", "csv"))
        if not create and not self.path.exists() and not exports:
            raise ReportFactsError(f"{self.folder}: not a dataset (no {DUCKDB_FILE} and no facts.parquet or "
                                   "facts.csv); write one with `reportfacts run PATH -o DIR`")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.con = open_store(self.path, self.notices)
        # the store's own cache stays small: memory is flat whatever the size of the dataset
        self.con.execute(f"SET memory_limit = '{STORE_MEMORY}'")
        self.con.execute("SET threads = 2")
        self.con.execute("SET enable_progress_bar = false")  # the library never prints
        migrate(self.con, self.notices)
        if exports and not self.known():
            self._import_exports()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _import_exports(self) -> None:
        """A store rebuilt from the folder's Parquet (or CSV) exports: the documents whose inputs
        are gone stay in the dataset (their settings are unknown, so inputs still there are read again)."""
        from .store import read_table

        frames = {}
        for name in TABLES:
            try:
                frames[name] = read_table(self.folder, name)
            except ReportFactsError:
                return
        import pyarrow as pa

        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, df in frames.items():
                if not (self.folder / f"{name}.parquet").exists():  # read from CSV: every cell text
                    df = df.replace("", None)
                table = pa.Table.from_pandas(df[[c for c in TABLES[name] if c in df.columns]], preserve_index=False)
                if name == "documents":
                    table = table.append_column("_path", pa.array([abs_path(str(p or d)) for p, d in
                                                                   zip(df["path"], df["doc_id"])], type=pa.string()))
                else:
                    table = table.append_column("_seq", pa.array(df.groupby("doc_id", sort=False).cumcount() + 1,
                                                                 type=pa.int64()))
                self._insert(name, table)
                for flt, exact in FLOAT_OF.items():  # exports of an earlier release lack the floats
                    if flt in TABLES[name]:
                        self.con.execute(f"UPDATE {ident(base_table(name))} SET {ident(flt)} = {DERIVED[flt]} "
                                         f"WHERE {ident(flt)} IS NULL AND {ident(exact)} IS NOT NULL")
            self.con.execute("COMMIT")
        except BaseException:
            rollback(self.con)
            raise
        self.notices.append(f"the store was rebuilt from the exports in {self.folder} ({len(frames['documents'])} "
                            "documents)")

    def _insert(self, name: str, table: Any) -> None:
        """``table``'s rows into the base table of ``name``, by column name, a bounded slice at a time."""
        for k in range(0, max(table.num_rows, 1), INSERT_ROWS):
            part = table.slice(k, INSERT_ROWS)
            if not part.num_rows:
                break
            self._insert_part(name, part)

    def _insert_part(self, name: str, part: Any) -> None:
        self.con.register("_rows", part)
        try:
            self.con.execute(f"INSERT INTO {ident(base_table(name))} BY NAME SELECT * FROM _rows")
        finally:
            self.con.unregister("_rows")

    def known(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (sha256, status) of every document in the store."""
        rows = self.con.execute("SELECT doc_id, sha256, status FROM _documents").fetchall()
        return {d: (sha or "", st or "") for d, sha, st in rows}

    def sources(self) -> dict[str, tuple[str, str, str, str | None]]:
        """doc_id -> (absolute path, sha256, status, settings) of every document in the store."""
        rows = self.con.execute("SELECT doc_id, _path, sha256, status, _settings FROM _documents").fetchall()
        return {d: (p or "", sha or "", st or "", se) for d, p, sha, st, se in rows}

    def fill_duplicates(self) -> None:
        """A duplicate's row carries the title, organisation and year of the document it repeats
        (so it is counted with the right year and body wherever it is listed)."""
        self.con.execute(
            "UPDATE _documents SET title = o.title, organization = o.organization, year = o.year FROM "
            "(SELECT sha256, any_value(title) AS title, any_value(organization) AS organization, "
            " any_value(year) AS year FROM _documents WHERE status <> 'duplicate' AND sha256 <> '' GROUP BY sha256) o "
            "WHERE _documents.status = 'duplicate' AND _documents.sha256 = o.sha256")

    def keep_only(self, ids: list[str]) -> None:
        """Drop every document but ``ids`` (``--rebuild``, once every document was read again), in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in TABLES:
                self.con.execute(f"DELETE FROM {ident(base_table(name))} "
                                 "WHERE doc_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids])
            self.con.execute("COMMIT")
        except BaseException:
            rollback(self.con)
            raise

    def moved(self, doc_id: str, path: str) -> None:
        """A document found at a new path with the same bytes: its row says where it is now."""
        self.con.execute("UPDATE _documents SET path = ?, _path = ? WHERE doc_id = ?",
                         [path, abs_path(path), doc_id])

    def table(self, name: str) -> pd.DataFrame:
        """One table of the store as a DataFrame (the exports' types and order)."""
        order = "doc_id" if name == "documents" else "doc_id, _seq"
        arrow = self.con.sql(f"SELECT {columns_sql(name)} FROM {ident(base_table(name))} ORDER BY {order}").arrow()
        if not isinstance(arrow, __import__("pyarrow").Table):
            arrow = arrow.read_all()
        return typed(arrow.cast(arrow_schema(name)).to_pandas())

    def replace_checks(self, checks: pd.DataFrame) -> None:
        """The checks table replaced by ``checks`` (``reportfacts check``), in one transaction."""
        import pyarrow as pa

        from .store import arrow_table

        table = conform(arrow_table(checks[CHECK_COLUMNS]), TABLES["checks"]).append_column(
            "_seq", pa.array(checks.groupby("doc_id", sort=False).cumcount() + 1, type=pa.int64()))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM _checks")
            self._insert("checks", table)
            self.con.execute("COMMIT")
        except BaseException:
            rollback(self.con)
            raise

    def put(self, batch: list[Processed], where: Mapping[int, tuple[str, str | None]] | None = None) -> None:
        """Replace the rows of every document in ``batch``, in one transaction: each document is
        in the store whole or not at all. ``where``: ``Processed.index`` -> (absolute path, settings)."""
        if not batch:
            return
        import pyarrow as pa

        where = where or {}
        ids = [str(p.row["doc_id"]) for p in batch]
        docs = rows_table(TABLES["documents"], [p.row for p in batch])
        info = [where.get(p.index, (abs_path(str(p.row.get("path") or "")), None)) for p in batch]
        docs = docs.append_column("_path", arrow_texts([i[0] for i in info]))
        docs = docs.append_column("_settings", arrow_texts([i[1] for i in info]))
        tables = {"documents": [docs],
                  "facts": _parts(TABLES["facts"], [p.facts for p in batch]),
                  "checks": _parts(TABLES["checks"], [p.checks for p in batch])}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, parts in tables.items():
                self.con.execute(f"DELETE FROM {ident(base_table(name))} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids])
                if parts:
                    self._insert(name, pa.concat_tables(parts))
            self.con.execute("COMMIT")
        except BaseException:
            rollback(self.con)
            raise

    def counts(self) -> tuple[int, int, int, dict[str, int]]:
        docs, not_ok = self.con.execute("SELECT count(*), count(*) FILTER (WHERE status <> 'ok') FROM _documents"
                                        ).fetchone() or (0, 0)
        facts = (self.con.execute("SELECT count(*) FROM _facts").fetchone() or (0,))[0]
        checks = dict(self.con.execute("SELECT status, count(*) FROM _checks GROUP BY status").fetchall())
        return int(docs), int(not_ok), int(facts), {str(k): int(v) for k, v in checks.items()}

    def export(self, partitioned: bool = False) -> None:
        """Write the exports (:func:`extract.dataset_export.export`)."""
        write_exports(self.con, self.folder, partitioned)


def build(entries: list[Entry], folder: str | Path, year: int | None = None, limits: Limits | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None, rebuild: bool = False,
          partitioned: bool = False,
          progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None) -> Summary:
    """Add ``entries`` to the dataset in ``folder`` (new and changed documents, and those read
    with other settings, unless ``rebuild``: then every one) and rewrite its exports. Ctrl-C
    stops the reading; what finished is kept and exported, and KeyboardInterrupt is raised again.
    Call it holding :class:`extract.store.OutputLock` on ``folder``."""
    folder = Path(folder)
    clear_tmp(folder)  # what a run killed while writing left: only in our own temporary folder
    real = folder.resolve()
    entries = [e for e in entries if not inside(e.path, real)]  # -o inside an input folder is not input
    settings = settings_for(year, limits)
    with Dataset(folder) as ds:
        notices = ds.notices
        entries, moves, id_notices = resolve_ids(entries, ds.sources())
        notices += id_notices
        for doc_id, path in moves:
            ds.moved(doc_id, path)
        known = ds.sources()
        todo: list[Entry] = []
        resettled: dict[str, int] = {}
        for e in entries:
            _, sha, status, stored = known.get(e.doc_id, ("", "", "", None))
            if rebuild or e.status is not None or not e.sha256 or sha != e.sha256 or status in RETRY:
                todo.append(e)
                continue
            changed = changed_settings(stored, settings.of(e))
            if changed:
                todo.append(e)
                for k in changed:
                    resettled[k] = resettled.get(k, 0) + 1
        unchanged = len(entries) - len(todo)
        where = {k: (abs_path(e.path), settings.of(e)) for k, e in enumerate(todo)}
        log.info("%d documents to read, %d unchanged", len(todo), unchanged)
        results: Iterator[Processed] = process_all(todo, year, limits, jobs, engine, scheduler, pack=True)
        interrupted = False
        batch: list[Processed] = []
        rows, last, stored_n = 0, time.monotonic(), 0
        try:
            for p in (progress(results, len(todo)) if progress else results):
                batch.append(p)
                rows += len(p.facts)
                # a transaction per batch of whole documents: a killed run loses at most these
                if len(batch) >= BATCH_DOCUMENTS or rows >= BATCH_ROWS or time.monotonic() - last > BATCH_SECONDS:
                    ds.put(batch, where)
                    stored_n += len(batch)
                    log.info("stored %d documents (%d of %d)", len(batch), stored_n, len(todo))
                    batch, rows, last = [], 0, time.monotonic()
        except KeyboardInterrupt:
            interrupted = True
        try:
            ds.put(batch, where)
            if rebuild and not interrupted:  # the dataset is now this run's documents (kept until here)
                ds.keep_only([e.doc_id for e in entries])
            ds.fill_duplicates()
            ds.export(partitioned)
        except KeyboardInterrupt:  # a second Ctrl-C: the store holds every finished document
            raise KeyboardInterrupt("the store holds every finished document; the exports were not rewritten") \
                from None
        docs, not_ok, facts, checks = ds.counts()
    tidy_tmp(folder)
    if interrupted:
        raise KeyboardInterrupt
    return Summary(len(todo), unchanged, docs, not_ok, facts, checks, resettled, notices)


def recheck(folder: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """``reportfacts check``: validate the dataset's facts again (after an edit of
    ``patterns/identities.yaml``), replace its checks table in the store and rewrite the exports.
    Call it holding :class:`extract.store.OutputLock` on ``folder``. Returns the checks and the
    notices of the store's opening (a store recovered or carried over)."""
    from .api import check

    with Dataset(folder, create=False) as ds:
        checks = check(ds.table("facts"))
        ds.replace_checks(checks)
        ds.export()
    tidy_tmp(folder)
    return checks, ds.notices


__all__ = ["Dataset", "Summary", "Settings", "build", "recheck", "resolve_ids", "migrate", "csv_cells", "rules_digest",
           "STORE_VERSION", "ReportFactsError"]
