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
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .batch import Processed, process_all
from .ingest import Entry, Limits
from .records import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, ReportFactsError
from .store import DUCKDB_FILE, OutputLocked, arrow_table, commit, csv_frame, discard, typed

log = logging.getLogger(__name__)
TABLES = {"documents": DOCUMENT_COLUMNS, "facts": FACT_COLUMNS, "checks": CHECK_COLUMNS}
#: a document read before is read again when its last reading ended so (it may go better now)
RETRY = ("error", "timeout")


@dataclass(frozen=True)
class Summary:
    """What a run did, and what the dataset now holds."""

    read: int
    unchanged: int
    documents: int
    not_ok: int
    facts: int
    checks: dict[str, int]


def _empty(name: str) -> pd.DataFrame:
    return typed(pd.DataFrame(columns=TABLES[name]))


class Dataset:
    """The DuckDB store of one outputs folder (opened for writing: one process at a time)."""

    def __init__(self, folder: str | Path) -> None:
        import duckdb

        self.folder = Path(folder)
        self.path = self.folder / DUCKDB_FILE
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.IOException as e:
            raise OutputLocked(f"{self.path} is open in another process (a notebook?); close it and run again "
                               f"({str(e).splitlines()[0]})") from None
        existing = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        for name in TABLES:
            if name not in existing:
                self.con.register("_empty", arrow_table(_empty(name)))
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

    def put(self, p: Processed) -> None:
        """Replace one document's rows, in one transaction."""
        doc_id = str(p.row["doc_id"])
        frames = {"documents": typed(pd.DataFrame([p.row], columns=DOCUMENT_COLUMNS)),
                  "facts": p.facts, "checks": p.checks}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, df in frames.items():
                self.con.execute(f'DELETE FROM "{name}" WHERE doc_id = ?', [doc_id])
                if len(df):
                    df = df.reindex(columns=TABLES[name])
                    self.con.register("_rows", arrow_table(df))
                    self.con.execute(f'INSERT INTO "{name}" SELECT *, row_number() OVER () AS _seq FROM _rows')
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
        as a Parquet dataset partitioned by year and organisation), then rename them into place."""
        import csv

        import pyarrow.parquet as pq

        staged: list[tuple[Path, Path]] = []
        tag = f".tmp-{os.getpid()}"
        try:
            for name in TABLES:
                order = "doc_id, _seq"
                rel = self.con.sql(f'SELECT * EXCLUDE (_seq) FROM "{name}" ORDER BY {order}')
                reader = rel.to_arrow_reader(50_000)
                pq_tmp, csv_tmp = self.folder / f".{name}.parquet{tag}", self.folder / f".{name}.csv{tag}"
                schema = arrow_table(_empty(name)).schema
                with pq.ParquetWriter(pq_tmp, schema) as writer, \
                        open(csv_tmp, "w", encoding="utf-8-sig", newline="") as fh:
                    header = True
                    for batch in reader:
                        table = batch if batch.schema == schema else batch.cast(schema)
                        writer.write_batch(table)
                        csv_frame(typed(table.to_pandas())).to_csv(fh, index=False, header=header,
                                                                   quoting=csv.QUOTE_ALL)
                        header = False
                    if header:
                        writer.write_table(schema.empty_table())
                        csv_frame(_empty(name)).to_csv(fh, index=False, quoting=csv.QUOTE_ALL)
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
            f"coalesce(d.organization, 'unknown') AS organization FROM facts f JOIN documents d USING (doc_id) "
            f"ORDER BY f.doc_id, f._seq) TO '{tmp}' (FORMAT PARQUET, PARTITION_BY (year, organization))")
        return [(tmp, self.folder / "facts_by_year")]


def build(entries: list[Entry], folder: str | Path, year: int | None = None, limits: Limits | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None, rebuild: bool = False,
          partitioned: bool = False,
          progress: Callable[[Iterable[Any], int], Iterable[Any]] | None = None) -> Summary:
    """Add ``entries`` to the dataset in ``folder`` (new and changed documents only, unless
    ``rebuild``) and rewrite its exports. Ctrl-C stops the reading; what finished is kept and
    exported, and KeyboardInterrupt is raised again."""
    folder = Path(folder)
    for stale in folder.glob(".*.tmp-*"):  # left by a run that was killed while exporting
        if stale.is_dir():
            import shutil

            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    with Dataset(folder) as ds:
        if rebuild:
            ds.clear()
        known = ds.known()
        todo = [e for e in entries if e.status is not None or not e.sha256 or known.get(e.doc_id, ("", ""))[0]
                != e.sha256 or known[e.doc_id][1] in RETRY]
        unchanged = len(entries) - len(todo)
        log.info("%d documents to read, %d unchanged", len(todo), unchanged)
        results: Iterator[Processed] = process_all(todo, year, limits, jobs, engine, scheduler)
        interrupted = False
        try:
            for p in (progress(results, len(todo)) if progress else results):
                ds.put(p)
        except KeyboardInterrupt:
            interrupted = True
        ds.export(partitioned)
        docs, not_ok, facts, checks = ds.counts()
    if interrupted:
        raise KeyboardInterrupt
    return Summary(len(todo), unchanged, docs, not_ok, facts, checks)


__all__ = ["Dataset", "Summary", "build", "ReportFactsError"]
