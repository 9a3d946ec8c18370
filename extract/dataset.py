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

import dataclasses
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import Processed, process_all
from .read.ingest import Entry, Limits, shown
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, ReportFactsError
from .store import (CONTROL, CSV_CELL_MAX, DUCKDB_FILE, FORMULA_START, NUMBER_TEXT, clear_tmp, commit, discard,
                    file_schema, ident, open_store, rows_table, table_schema, tidy_tmp, tmp_path, typed)

if TYPE_CHECKING:
    import pandas as pd


log = logging.getLogger(__name__)
TABLES = {"documents": DOCUMENT_COLUMNS, "facts": FACT_COLUMNS, "checks": CHECK_COLUMNS}
#: a document read before is read again when its last reading ended so (it may go better now)
RETRY = ("error", "timeout")
#: documents go into the store in transactions of whole documents, at most this many (or rows,
#: or seconds) at a time: few transactions for speed, little work lost when a run is killed
BATCH_DOCUMENTS, BATCH_ROWS, BATCH_SECONDS = 64, 100_000, 2.0
#: exports read the store this many documents at a time
EXPORT_DOCUMENTS = 200
#: rows go into the store this many at a time (a document of 100k facts never fills the store's cache)
INSERT_ROWS = 20_000
#: the layout of the store; :func:`migrate` brings any earlier one up to it
STORE_VERSION = 2
#: columns of the store's base tables (``_documents`` …) that the views users query leave out:
#: where a document was found and what it was read with, and the order of rows in a document
HIDDEN = {"documents": {"_path": "VARCHAR", "_settings": "VARCHAR"},
          "facts": {"_seq": "BIGINT"}, "checks": {"_seq": "BIGINT"}}
#: columns added since a store was written, and how to fill them from its other columns
DERIVED = {"value_float": "value_num::DOUBLE"}
#: a partition folder's organisation name is cut past this many bytes (a hash keeps it unique)
PARTITION_NAME_BYTES = 120


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


def _sql_type(t: Any) -> str:
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


def _base(name: str) -> str:
    """The base table behind the view ``name`` (``facts`` -> ``_facts``)."""
    return f"_{name}"


def _columns_sql(name: str) -> str:
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
            base, hidden = _base(name), HIDDEN[name]
            want = [(f.name, _sql_type(f.type)) for f in _schema(name)] + list(hidden.items())
            if kinds.get(base) != "BASE TABLE":
                con.execute(f"CREATE TABLE {ident(base)} ({', '.join(f'{ident(c)} {t}' for c, t in want)})")
            else:
                have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                                  "WHERE table_name = ?", [base]).fetchall()}
                for c, t in want:
                    if c not in have:  # a column added since: derived from the others where it can be
                        con.execute(f"ALTER TABLE {ident(base)} ADD COLUMN {ident(c)} {t}")
                        if c in DERIVED:
                            con.execute(f"UPDATE {ident(base)} SET {ident(c)} = {DERIVED[c]}")
            if kinds.get(name) == "BASE TABLE":  # an earlier release's table: its rows move in
                old = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = ?", [name]).fetchall()}
                cols = [ident(c) for c, _ in want if c in old and c != "_seq"]
                cols += [f"{DERIVED[c]} AS {ident(c)}" for c, _ in want if c not in old and c in DERIVED]
                if "_seq" in hidden:
                    cols.append("_seq" if "_seq" in old else
                                "row_number() OVER (PARTITION BY doc_id ORDER BY rowid) AS _seq")
                con.execute(f"INSERT INTO {ident(base)} BY NAME SELECT {', '.join(cols)} FROM {ident(name)}")
                con.execute(f"DROP TABLE {ident(name)}")
                notices.append(f"table {name} of an earlier release carried over to store version {STORE_VERSION}")
            elif name in kinds:
                con.execute(f"DROP VIEW IF EXISTS {ident(name)}")
            con.execute(f"CREATE VIEW {ident(name)} AS SELECT {_columns_sql(name)} FROM {ident(base)}")
        for doc_id, path in con.execute("SELECT doc_id, path FROM _documents WHERE _path IS NULL").fetchall():
            con.execute("UPDATE _documents SET _path = ? WHERE doc_id = ?", [_abs(path or doc_id), doc_id])
        con.execute("INSERT OR REPLACE INTO _meta VALUES ('store_version', ?)", [str(STORE_VERSION)])
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: Any) -> None:
    """ROLLBACK without masking the error that led here (after a failed write, DuckDB may have
    ended the transaction itself: 'no transaction is active')."""
    import duckdb

    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


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
        self.con.execute("SET memory_limit = '256MB'")
        self.con.execute("SET threads = 2")
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
                    table = table.append_column("_path", pa.array([_abs(str(p or d)) for p, d in
                                                                   zip(df["path"], df["doc_id"])], type=pa.string()))
                else:
                    table = table.append_column("_seq", pa.array(df.groupby("doc_id", sort=False).cumcount() + 1,
                                                                 type=pa.int64()))
                self._insert(name, table)
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise
        self.notices.append(f"the store was rebuilt from the exports in {self.folder} ({len(frames['documents'])} "
                            "documents)")

    def _insert(self, name: str, table: Any) -> None:
        """``table``'s rows into the base table of ``name``, by column name, a bounded slice at a time."""
        for k in range(0, max(table.num_rows, 1), INSERT_ROWS):
            part = table.slice(k, INSERT_ROWS)
            if not part.num_rows:
                break
            self.con.register("_rows", part)
            try:
                self.con.execute(f"INSERT INTO {ident(_base(name))} BY NAME SELECT * FROM _rows")
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
                self.con.execute(f"DELETE FROM {ident(_base(name))} WHERE doc_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids])
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise

    def moved(self, doc_id: str, path: str) -> None:
        """A document found at a new path with the same bytes: its row says where it is now."""
        self.con.execute("UPDATE _documents SET path = ?, _path = ? WHERE doc_id = ?",
                         [path, _abs(path), doc_id])

    def table(self, name: str) -> pd.DataFrame:
        """One table of the store as a DataFrame (the exports' types and order)."""
        order = "doc_id" if name == "documents" else "doc_id, _seq"
        arrow = self.con.sql(f"SELECT {_columns_sql(name)} FROM {ident(_base(name))} ORDER BY {order}").arrow()
        if not isinstance(arrow, __import__("pyarrow").Table):
            arrow = arrow.read_all()
        return typed(arrow.cast(_schema(name)).to_pandas())

    def replace_checks(self, checks: pd.DataFrame) -> None:
        """The checks table replaced by ``checks`` (``reportfacts check``), in one transaction."""
        import pyarrow as pa

        from .store import arrow_table

        table = arrow_table(checks[TABLES["checks"]]).append_column(
            "_seq", pa.array(checks.groupby("doc_id", sort=False).cumcount() + 1, type=pa.int64()))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM _checks")
            self._insert("checks", table)
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
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
        info = [where.get(p.index, (_abs(str(p.row.get("path") or "")), None)) for p in batch]
        docs = docs.append_column("_path", pa.array([i[0] for i in info], type=pa.string()))
        docs = docs.append_column("_settings", pa.array([i[1] for i in info], type=pa.string()))
        tables = {"documents": [docs],
                  "facts": _parts(TABLES["facts"], [p.facts for p in batch]),
                  "checks": _parts(TABLES["checks"], [p.checks for p in batch])}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, parts in tables.items():
                self.con.execute(f"DELETE FROM {ident(_base(name))} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids])
                if parts:
                    self._insert(name, pa.concat_tables(parts))
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise

    def counts(self) -> tuple[int, int, int, dict[str, int]]:
        docs, not_ok = self.con.execute("SELECT count(*), count(*) FILTER (WHERE status <> 'ok') FROM _documents"
                                        ).fetchone() or (0, 0)
        facts = (self.con.execute("SELECT count(*) FROM _facts").fetchone() or (0,))[0]
        checks = dict(self.con.execute("SELECT status, count(*) FROM _checks GROUP BY status").fetchall())
        return int(docs), int(not_ok), int(facts), {str(k): int(v) for k, v in checks.items()}

    def export(self, partitioned: bool = False) -> None:
        """Write Parquet and CSV exports of the three tables (and, with ``partitioned``, the facts
        as a Parquet dataset partitioned by year and organisation), then rename them into place.
        The CSV cells are made safe for spreadsheets (see :func:`extract.store.csv_cell`)."""
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        staged: list[tuple[Path, Path]] = []
        try:
            ids = [r[0] for r in self.con.execute("SELECT doc_id FROM _documents ORDER BY doc_id").fetchall()]
            for name in TABLES:
                pq_tmp, csv_tmp = tmp_path(self.folder, f"{name}.parquet"), tmp_path(self.folder, f"{name}.csv")
                staged += [(pq_tmp, self.folder / f"{name}.parquet"), (csv_tmp, self.folder / f"{name}.csv")]
                schema = _schema(name)
                order = "doc_id" if name == "documents" else "doc_id, _seq"
                query = (f"SELECT {_columns_sql(name)} FROM {ident(_base(name))} WHERE doc_id IN "
                         f"(SELECT unnest(?::VARCHAR[])) ORDER BY {order}")
                with pq.ParquetWriter(pq_tmp, file_schema(tuple(TABLES[name]))) as parquet, open(csv_tmp, "wb") as fh:
                    fh.write(b"\xef\xbb\xbf")  # utf-8-sig: Excel on Chinese Windows reads it
                    with pacsv.CSVWriter(fh, schema,
                                         write_options=pacsv.WriteOptions(quoting_style="all_valid")) as csv:
                        # a few hundred documents at a time, in document order: each sort is small,
                        # so memory stays flat whatever the size of the dataset; each chunk is read
                        # from the store once, and its CSV cells are made from those rows
                        for k in range(0, len(ids), EXPORT_DOCUMENTS):
                            # streamed in batches of 10,000 rows: a huge document is never in memory whole
                            for rows in self.con.sql(query, params=[ids[k:k + EXPORT_DOCUMENTS]]
                                                     ).to_arrow_reader(10_000):
                                rows = rows if rows.schema == schema else rows.cast(schema)
                                parquet.write_batch(rows)
                                csv.write_batch(csv_cells(rows))
            if partitioned:
                staged += self._partitioned()
            commit(staged)
        except BaseException:
            discard(staged)
            raise

    def _partitioned(self) -> list[tuple[Path, Path]]:
        """facts_by_year/year=2021/organization=…/data_0.parquet: what Dask, DuckDB or Spark read
        directly. Each partition is streamed from the store by pyarrow (values are parameters; no
        path ever goes into SQL). An organisation name is made a safe folder name: no ``/`` or
        control characters, and at most :data:`PARTITION_NAME_BYTES` bytes (a longer one is cut
        and given a hash of the whole, so it stays unique)."""
        import hashlib

        import pyarrow.parquet as pq

        tmp = tmp_path(self.folder, "facts_by_year")
        schema = _schema("facts")
        cols = ", ".join(f"f.{ident(c)}" for c in TABLES["facts"])
        groups = self.con.execute("SELECT DISTINCT coalesce(year, 0)::BIGINT, coalesce(organization, 'unknown') "
                                  "FROM _documents d WHERE EXISTS (SELECT 1 FROM _facts f WHERE f.doc_id = d.doc_id) "
                                  "ORDER BY ALL").fetchall()
        for year, org in groups:
            name = "".join("_" if c == "/" or ord(c) < 32 else c for c in org)
            if len(name.encode("utf-8")) > PARTITION_NAME_BYTES:
                name = f"{name[:30]}~{hashlib.sha1(org.encode('utf-8')).hexdigest()[:10]}"
            part = tmp / f"year={year}" / f"organization={name}"
            part.mkdir(parents=True, exist_ok=True)
            query = (f"SELECT {cols} FROM _facts f JOIN _documents d USING (doc_id) "
                     "WHERE coalesce(d.year, 0) = ? AND coalesce(d.organization, 'unknown') = ? "
                     "ORDER BY f.doc_id, f._seq")
            with pq.ParquetWriter(part / "data_0.parquet", schema) as writer:
                for rows in self.con.sql(query, params=[year, org]).to_arrow_reader(10_000):
                    writer.write_batch(rows if rows.schema == schema else rows.cast(schema))
        return [(tmp, self.folder / "facts_by_year")]


def rules_digest() -> str:
    """A digest of the rule files in ``patterns/`` (names and bytes): what the facts were found with."""
    import hashlib

    from .rules import patterns_dir

    h = hashlib.sha256()
    folder = patterns_dir()
    for f in sorted(folder.rglob("*")):
        if f.is_file() and not f.name.startswith("."):
            h.update(f.relative_to(folder).as_posix().encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportfacts")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True)
class Settings:
    """What a run reads documents with; stored per document, so a run with other settings reads
    again exactly the documents they affect (the PDF reader affects only PDFs)."""

    year: int | None
    pdf_reader: str
    rules: str
    version: str

    def of(self, entry: Entry) -> str:
        """The settings that bear on ``entry``, as stored (JSON)."""
        pdf = entry.path.suffix.lower() == ".pdf"
        return json.dumps({"year": self.year, "pdf_reader": self.pdf_reader if pdf else None,
                           "rules": self.rules, "version": self.version}, sort_keys=True)


def settings_for(year: int | None, limits: Limits | None) -> Settings:
    reader = (limits.pdf_reader if limits else None) or os.environ.get("REPORTFACTS_PDF_READER") or "pdfium"
    return Settings(year, reader, rules_digest(), _version())


def _changed(stored: str | None, now: str) -> list[str]:
    """The names of the settings that differ (``unknown`` when the store does not say)."""
    if not stored:
        return ["unknown"]
    try:
        old = json.loads(stored)
    except ValueError:
        return ["unknown"]
    new = json.loads(now)
    return [k for k in sorted(new) if old.get(k) != new[k]]


def _abs(path: str | Path) -> str:
    """The absolute path the store keeps (as text every table can hold: see :func:`shown`)."""
    return shown(os.path.abspath(path))


def _inside(path: Path, folder: Path) -> bool:
    try:
        return folder in path.resolve().parents
    except (OSError, RuntimeError):
        return False


def resolve_ids(entries: list[Entry], sources: dict[str, tuple[str, str, str, str | None]]
                ) -> tuple[list[Entry], list[tuple[str, str]], list[str]]:
    """The ids of this run's entries made stable against the store: a file the store knows (by
    absolute path) keeps its id; a file with the bytes of a stored document whose file is gone is
    that document, moved; a new file whose id (its path relative to the input root named) is taken
    by another file gets the input root's folder names in front (``2024/预算``). Returns the
    entries, the moves (doc_id, new path) and one notice per move or qualified id."""
    by_path = {p: d for d, (p, _, _, _) in sources.items() if p}
    gone = {sha: d for d, (p, sha, _, _) in sources.items() if sha and p and not os.path.exists(p)}
    taken = set(sources)
    out: list[Entry] = []
    moves: list[tuple[str, str]] = []
    notices: list[str] = []
    for e in entries:
        here = _abs(e.path)
        doc_id = by_path.get(here)
        if doc_id is None and e.status is None and e.sha256 in gone:
            doc_id = gone.pop(e.sha256)
            moves.append((doc_id, shown(e.path)))
            notices.append(f"{doc_id}: moved to {shown(e.path)} (same bytes); kept as the same document")
        if doc_id is None:
            doc_id = e.doc_id
            if doc_id in taken:
                root = Path(os.path.abspath(e.root if e.root is not None else e.path.parent))
                names = [n for n in reversed(root.parts) if n not in ("/", "")]
                k = 0
                while doc_id in taken:
                    doc_id = "/".join([*reversed(names[:k + 1]), e.doc_id]) if k < len(names) else f"{e.doc_id}~{k}"
                    k += 1
                notices.append(f"{shown(e.path)}: id {e.doc_id!r} is another file's in this dataset; "
                               f"stored as {doc_id!r}")
        taken.add(doc_id)
        out.append(e if doc_id == e.doc_id else dataclasses.replace(e, doc_id=doc_id))
    return out, moves, notices


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
    entries = [e for e in entries if not _inside(e.path, real)]  # -o inside an input folder is not input
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
            changed = _changed(stored, settings.of(e))
            if changed:
                todo.append(e)
                for k in changed:
                    resettled[k] = resettled.get(k, 0) + 1
        unchanged = len(entries) - len(todo)
        where = {k: (_abs(e.path), settings.of(e)) for k, e in enumerate(todo)}
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


__all__ = ["Dataset", "Summary", "Settings", "build", "recheck", "resolve_ids", "migrate", "ReportFactsError"]
