"""Write and read the output tables: Parquet, CSV (utf-8-sig for Excel) and DuckDB.

Every table is written as ``DIR/<name>.parquet`` and ``DIR/<name>.csv``; the
three tables also go into one DuckDB file, ``DIR/reportfacts.duckdb``, for SQL
across years and documents.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from .records import ReportFactsError

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd

DUCKDB_FILE = "reportfacts.duckdb"
#: exact numbers in Parquet and DuckDB: 30 integer digits, 8 decimals (a 万亿元 total in yuan fits)
DECIMAL_SCALE = 8
_INTEGER = {"start", "end", "page", "count", "sentence_start", "chars", "pages", "tables", "year", "table",
            "prior_year", "ocr_pages"}
_BOOLEAN = {"change"}
#: exact numbers: a fact's value, a check's total, difference and tolerance (DECIMAL(38, 8))
_DECIMAL = {"value_num", "change_num", "total_value", "difference", "tolerance"}
#: beside each exact number of the stored tables, the same as a float for pandas arithmetic
#: (``nlargest``, plots): float column -> its exact column
FLOAT_OF = {"value_float": "value_num", "change_float": "change_num", "total_value_float": "total_value",
            "difference_float": "difference", "tolerance_float": "tolerance"}
#: floats of their own: the OCR recogniser's confidence
_FLOAT = set(FLOAT_OF) | {"confidence", "ocr_confidence"}


def column_type(col: str) -> Any:
    """The Arrow type of a column of the output tables (the same for every batch and run)."""
    import pyarrow as pa

    if col in _INTEGER:
        return pa.int64()
    if col in _BOOLEAN:
        return pa.bool_()
    if col in _DECIMAL:
        return pa.decimal128(38, DECIMAL_SCALE)
    if col in _FLOAT:
        return pa.float64()
    return pa.string()


@functools.lru_cache(maxsize=16)
def table_schema(columns: tuple[str, ...]) -> Any:
    """The Arrow schema of a table with ``columns`` (see :func:`arrow_table`)."""
    import pyarrow as pa

    return pa.schema([pa.field(c, column_type(c)) for c in columns])


@functools.lru_cache(maxsize=16)
def file_schema(columns: tuple[str, ...]) -> Any:
    """:func:`table_schema` with pandas' metadata, so that ``pd.read_parquet`` gives integer
    columns as integers (``Int64``, with <NA> for empty cells) rather than floats. The metadata is
    written as pyarrow writes it for the empty frame of :func:`typed` (``tests/test_store_arrow.py``
    compares the two), without importing pandas: `reportfacts run` never needs it."""
    import json
    from importlib.metadata import PackageNotFoundError, version

    import pyarrow as pa

    try:
        pandas_version = version("pandas")
    except PackageNotFoundError:  # no pandas: the metadata of the pandas it would read with is moot
        return table_schema(columns)
    types = {pa.int64(): ("int64", "Int64"), pa.bool_(): ("bool", "bool"), pa.float64(): ("float64", "float64")}
    cols = []
    for f in table_schema(columns):
        pandas_type, numpy_type = types.get(f.type, ("empty", "object"))
        cols.append({"name": f.name, "field_name": f.name, "pandas_type": pandas_type, "numpy_type": numpy_type,
                     "metadata": None})
    meta = {"index_columns": [], "column_indexes": [], "columns": cols, "attributes": {},
            "creator": {"library": "pyarrow", "version": pa.__version__}, "pandas_version": pandas_version}
    return table_schema(columns).with_metadata({b"pandas": json.dumps(meta).encode("utf-8")})


# Arrow arrays made from Python values without pyarrow's own conversion: that conversion imports
# pandas (to ask whether a list is a pandas object), ~0.3 CPU-s that `reportfacts run` never needs.

def arrow_ints(values: Sequence[int]) -> Any:
    """Whole numbers (no nulls) as an int64 Arrow array.

    >>> arrow_ints([1, 2, 3]).to_pylist()
    [1, 2, 3]
    """
    import array

    import pyarrow as pa

    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(array.array("q", values))])


def arrow_floats(values: Sequence[float | None]) -> Any:
    """Floats (None: null) as a float64 Arrow array, bit for bit.

    >>> arrow_floats([0.1, None, -0.0]).to_pylist()
    [0.1, None, -0.0]
    """
    import array

    import pyarrow as pa

    data = array.array("d", [0.0 if v is None else v for v in values])
    valid, nulls = _validity(values)
    return pa.Array.from_buffers(pa.float64(), len(values), [valid, pa.py_buffer(data)], null_count=nulls)


def arrow_texts(values: Sequence[str | None]) -> Any:
    """Text (None: null) as a string Arrow array.

    >>> arrow_texts(["收入", None, ""]).to_pylist()
    ['收入', None, '']
    """
    import array

    import pyarrow as pa

    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = array.array("i", [0])
    end = 0
    for b in encoded:
        end += len(b)
        offsets.append(end)
    valid, nulls = _validity(values)
    return pa.Array.from_buffers(pa.string(), len(values),
                                 [valid, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))], null_count=nulls)


def _validity(values: Sequence[Any]) -> tuple[Any, int]:
    """Arrow's validity bitmap of ``values`` (None is null; no bitmap when none is) and the null count."""
    import pyarrow as pa

    nulls = sum(v is None for v in values)
    if not nulls:
        return None, 0
    bits = bytearray((len(values) + 7) // 8)
    for i, v in enumerate(values):
        if v is not None:
            bits[i >> 3] |= 1 << (i & 7)
    return pa.py_buffer(bytes(bits)), nulls


#: rows a process converts through pyarrow's JSON reader (:func:`_json_table`, ~10 µs a row dearer
#: than pyarrow's own conversion) before it lets pyarrow import pandas (~0.3 CPU-s once): a run of
#: amounts alone, or of small documents, never pays the import; a large full run pays at most
#: ~0.1 CPU-s more than the import
JSON_ROWS = 10_000
_json_rows = [0]


def _json_budget(n: int) -> bool:
    """Whether ``n`` more rows fit in this process's :data:`JSON_ROWS` (counted when they do)."""
    if _json_rows[0] + n > JSON_ROWS:
        return False
    _json_rows[0] += n
    return True


#: a number as fmt_decimal writes one: Decimal and Arrow read it alike
_PLAIN_NUMBER = regex.compile(r"-?[0-9]+(?:\.[0-9]+)?")


@functools.lru_cache(maxsize=1)
def _json_row() -> Any:
    """A row as one JSON object (a line of its own: no raw line break), for pyarrow's JSON reader."""
    import json

    return json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=str, check_circular=False).encode


def _json_table(schema: Any, rows: Sequence[dict[str, Any]]) -> Any | None:
    """Row dicts as an Arrow table of ``schema`` read by pyarrow's JSON reader (C++, no pandas), or
    None where it might not give what ``pa.Table.from_pylist`` gives: a decimal column holding
    anything but a Decimal (or a plain number as text) that DECIMAL(38, 8) takes as it is (with no
    rounding), a value JSON cannot write (NaN, a
    lone surrogate), or a value the reader refuses for its column's type (a number in a text column,
    text in a number column: the reader is stricter than from_pylist, never looser)."""
    import io

    import pyarrow as pa
    import pyarrow.json as pj

    exact = [f.name for f in schema if pa.types.is_decimal(f.type)]
    for r in rows:
        for c in exact:
            v = r.get(c)
            if v is None:
                continue
            if type(v) is str and _PLAIN_NUMBER.fullmatch(v):  # a check's figures, written by fmt_decimal
                v = Decimal(v)
            if not (type(v) is Decimal and v.is_finite() and (not v or v.adjusted() < 38 - DECIMAL_SCALE)
                    and v.as_tuple().exponent >= -DECIMAL_SCALE):  # type: ignore[operator]
                return None
    try:
        encode = _json_row()  # a missing key reads as null: the nulls are left out (a third of the bytes)
        data = "\n".join(encode({k: v for k, v in r.items() if v is not None}) for r in rows).encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError, RecursionError):
        return None
    try:
        return pj.read_json(io.BytesIO(data),
                            read_options=pj.ReadOptions(use_threads=False, block_size=max(1 << 20, len(data) + 1)),
                            parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None


def _cell(v: Any, t: Any) -> Any:
    """A row value as its column's Arrow type takes it."""
    import pyarrow as pa

    if v is None or (isinstance(v, float) and v != v):
        return None
    if pa.types.is_string(t):
        return v if isinstance(v, str) else str(v)
    if pa.types.is_decimal(t):
        return _fit(v, Decimal(1).scaleb(-DECIMAL_SCALE))
    if pa.types.is_boolean(t):
        return bool(v)
    return v


def rows_table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> Any:
    """Row dicts as an Arrow table of the schema of ``columns``: one C-level conversion, or value
    by value (:func:`_cell`) for a column where a row holds what the type does not take as it is
    (an over-precise decimal, a number as text in a decimal column, a number in a text column).
    Missing keys are nulls; a missing float column of :data:`FLOAT_OF` is made from its exact one."""
    import pyarrow as pa

    schema = table_schema(tuple(columns))
    if not rows:
        return conform(pa.Table.from_arrays([pa.nulls(0, f.type) for f in schema], schema=schema), columns)
    if "pandas" not in sys.modules and _json_budget(len(rows)):  # else pyarrow's own conversion
        table = _json_table(schema, rows)
        if table is not None:
            return conform(table, columns)
    try:
        return conform(pa.Table.from_pylist(list(rows), schema=schema), columns)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        arrays = []
        for f in schema:
            values = [r.get(f.name) for r in rows]
            try:
                arrays.append(pa.array(values, type=f.type))
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
                arrays.append(pa.array([_cell(v, f.type) for v in values], type=f.type))
        return conform(pa.Table.from_arrays(arrays, schema=schema), columns)


def conform(table: Any, columns: Sequence[str]) -> Any:
    """An Arrow table as the table of ``columns`` (their order and types, :func:`column_type`):
    a column it lacks is null, or, for a float column of :data:`FLOAT_OF` whose exact column it
    has, that column as floats (Python's ``float`` of each Decimal: the nearest float, as a fact's
    ``value_float``)."""
    import pyarrow as pa

    arrays = []
    for f in table_schema(tuple(columns)):
        src = FLOAT_OF.get(f.name)
        if f.name in table.column_names and not (src in table.column_names and table[f.name].null_count == len(table)
                                                 and table[src].null_count < len(table)):
            col = table[f.name]
            arrays.append(col if col.type == f.type else col.cast(f.type))
        elif src is not None and src in table.column_names:
            arrays.append(arrow_floats([None if v is None else float(v) for v in table[src].to_pylist()]))
        else:
            arrays.append(pa.nulls(len(table), type=f.type))
    return pa.Table.from_arrays(arrays, schema=table_schema(tuple(columns)))


def iter_rows(df: pd.DataFrame) -> Iterator[Any]:
    """``df.itertuples()`` as plain rows (attribute access by column name)."""
    return iter(df.itertuples())


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column whatever the rows hold (so a batch without ranges or events has the
    same table shape as one with them): nullable integers, booleans, Decimal objects for
    ``value_num``, floats for ``value_float``, and Python strings (None when empty) for the rest."""
    import pandas as pd

    for col in df.columns:
        if col in _INTEGER:
            df[col] = df[col].astype("Int64")
        elif col in _BOOLEAN:
            df[col] = df[col].fillna(False).astype(bool)
        elif col in _FLOAT:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
        elif col not in _DECIMAL:
            values = df[col].astype(object)
            df[col] = values.where(values.notna(), None)
    return df


def _fit(v: Any, quantum: Decimal) -> Decimal | None:
    """A Decimal (or a number as text: a check's ``total_value``) as DECIMAL(38, 8) takes it
    (rounded past eight decimals), None for anything else.

    >>> _fit("181.92", Decimal("1E-8")), _fit("n/a", Decimal("1E-8"))
    (Decimal('181.92'), None)
    """
    if isinstance(v, str):
        try:
            v = Decimal(v)
        except ArithmeticError:
            return None
    if not isinstance(v, Decimal) or not v.is_finite() or (v and v.adjusted() >= 38 - DECIMAL_SCALE):
        return None  # batch.py makes such a figure its document's error row before it gets here
    exp = v.as_tuple().exponent
    return v.quantize(quantum) if isinstance(exp, int) and exp < -DECIMAL_SCALE else v


def arrow_table(df: pd.DataFrame) -> Any:
    """``df`` as an Arrow table with one fixed type per column (:func:`column_type`), whatever the
    rows hold: integers, booleans, DECIMAL(38, 8) for ``value_num``, text for the rest (an
    all-empty column is still text)."""
    import pandas as pd
    import pyarrow as pa

    quantum = Decimal(1).scaleb(-DECIMAL_SCALE)
    arrays = []
    for col in df.columns:
        values, typ = df[col], column_type(col)
        if pa.types.is_decimal(typ):
            arr = pa.array([_fit(v, quantum) for v in values], type=typ)
        elif pa.types.is_string(typ):
            arr = pa.array([None if v is None or (isinstance(v, float) and v != v) or v is pd.NA
                            else v if isinstance(v, str) else str(v) for v in values.astype(object)], type=typ)
        else:
            arr = pa.array(values, type=typ, from_pandas=True)
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, schema=table_schema(tuple(df.columns)))


#: a spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a number as a spreadsheet reads one (ASCII digits): such a cell is not a formula
NUMBER_TEXT = r"^[+-]?[0-9]+(?:\.[0-9]+)?$"
#: control characters no spreadsheet cell may hold (tab, LF and CR are kept)
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
_NUMBER_TEXT = regex.compile(NUMBER_TEXT)
_XLSX_ILLEGAL = regex.compile(CONTROL)
#: Python's csv reader refuses fields over 131,072 characters; no text cell is longer than this
CSV_CELL_MAX = 32_000


def csv_cell(v: Any) -> Any:
    """A text cell as written to CSV/XLSX for people: a leading formula character is neutralised
    with a quote (numbers stay numbers), and very long text is cut with a mark.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("-12.5"), csv_cell("收入")
    ("'=HYPERLINK(1)", '-12.5', '收入')
    """
    if not isinstance(v, str):
        return v
    v = _XLSX_ILLEGAL.sub(" ", v)
    if len(v) > CSV_CELL_MAX:
        v = v[:CSV_CELL_MAX] + "…[cut]"
    if v.startswith(FORMULA_START) and not _NUMBER_TEXT.match(v):
        return "'" + v
    return v


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell made safe for spreadsheets (:func:`csv_cell`)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(csv_cell)
    return out


def _replace_into(tmp: Path, target: Path) -> None:
    """Rename ``tmp`` onto ``target``: a symbolic link at ``target`` is replaced, never written through."""
    os.replace(tmp, target)


#: the one folder inside a dataset where the tool writes temporary files: clearing it never
#: touches a file of the user's (nothing is ever removed by a name pattern over their folder)
TMP_DIR = ".reportfacts-tmp"


def tmp_dir(folder: str | Path) -> Path:
    """``folder/.reportfacts-tmp/`` (created; a symbolic link or a file planted there is removed,
    never followed)."""
    d = Path(folder) / TMP_DIR
    if d.is_symlink() or (d.exists() and not d.is_dir()):
        d.unlink()
    d.mkdir(parents=True, exist_ok=True)
    return d


def clear_tmp(folder: str | Path) -> None:
    """Remove what runs killed while writing left in ``folder/.reportfacts-tmp/`` (call it under
    :class:`OutputLock`: then no other run of ours is writing there)."""
    import shutil

    d = Path(folder) / TMP_DIR
    if d.is_symlink():
        d.unlink()
    elif d.is_dir():
        shutil.rmtree(d, ignore_errors=True)


def tidy_tmp(folder: str | Path) -> None:
    """Remove the folder's own temporary folder when nothing is left in it."""
    d = Path(folder) / TMP_DIR
    try:
        if d.is_dir() and not d.is_symlink():
            d.rmdir()
    except OSError:  # not empty: another process of ours is writing there
        pass


def tmp_path(folder: str | Path, name: str) -> Path:
    """A temporary file for ``name`` in the folder's own temporary folder (unique to this process)."""
    return tmp_dir(folder) / f"{name}.{os.getpid()}"


def write_table(df: pd.DataFrame, folder: str | Path, name: str, staged: list[tuple[Path, Path]] | None = None
                ) -> Any:
    """Write ``df`` as Parquet and CSV; returns the Arrow table (for :func:`write_duckdb`).

    Files are written under temporary names and renamed into place: at once, or, with
    ``staged``, later by :func:`commit` (so a set of tables replaces the previous set only
    when all of them were written). CSV quotes every field (a bare CR in a sentence stays in
    its cell) and neutralises formulas; Parquet keeps the exact text."""
    import csv

    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    table = arrow_table(df)
    pairs = [(tmp_path(out, f"{name}.parquet"), out / f"{name}.parquet"),
             (tmp_path(out, f"{name}.csv"), out / f"{name}.csv")]
    try:
        pq.write_table(table.replace_schema_metadata(file_schema(tuple(df.columns)).metadata), pairs[0][0])
        csv_frame(df).to_csv(pairs[1][0], index=False, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    except BaseException:
        discard(pairs)
        raise
    if staged is None:
        commit(pairs)
    else:
        staged.extend(pairs)
    return table


def commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename every staged file (or folder) into place."""
    import shutil

    for tmp, target in staged:
        if tmp.is_dir():
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
        _replace_into(tmp, target)
    staged.clear()


def discard(staged: list[tuple[Path, Path]]) -> None:
    """Remove the temporary files of ``staged`` (only those: they are ours)."""
    import shutil

    for tmp, _ in staged:
        if tmp.is_dir() and not tmp.is_symlink():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
    staged.clear()


def save_file(target: str | Path, write: Any) -> Path:
    """Write one file through ``write(tmp_path)`` to a temporary file beside ``target`` and rename
    it over ``target``: a symbolic link planted at ``target`` is replaced, never written through,
    and a failure leaves the old file as it was."""
    target = Path(target)
    tmp = target.parent / f".{target.name}.reportfacts-{os.getpid()}"
    try:
        write(tmp)
        _replace_into(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


class OutputLocked(ReportFactsError):
    """Another run is writing to the same output folder."""


class OutputLock:
    """An exclusive lock on an output folder for the length of a run (``.reportfacts.lock``)."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / ".reportfacts.lock"
        self._fh: Any = None

    def __enter__(self) -> OutputLock:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a+")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(self._fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._fh.close()
            raise OutputLocked(f"another reportfacts run is writing to {self.path.parent}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        fcntl.flock(self._fh, fcntl.LOCK_UN)
        self._fh.close()


def write_duckdb(tables: dict[str, Any], folder: str | Path, staged: list[tuple[Path, Path]] | None = None,
                 keep: bool = False) -> Path:
    """(Re)write the tables (DataFrames, or the Arrow tables :func:`write_table` returned) into
    ``folder/reportfacts.duckdb``. The database is built under a temporary name and renamed into
    place (a notebook holding the old file open does not stop the run); with ``keep``, the tables
    are replaced inside the existing store, in one transaction (its write-ahead log replayed, its
    other tables untouched: ``reportfacts compare`` adds two)."""
    import duckdb
    import pandas as pd

    path = Path(folder) / DUCKDB_FILE
    if keep and path.exists():
        con = open_store(path, [])
        try:
            con.execute("BEGIN TRANSACTION")
            for name, df in tables.items():
                _create(con, name, df)
            con.execute("COMMIT")
        finally:
            con.close()
        return path
    tmp = tmp_path(folder, DUCKDB_FILE)
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for name, df in tables.items():
            _create(con, name, arrow_table(df) if isinstance(df, pd.DataFrame) else df)
    finally:
        con.close()
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    if staged is None:
        _replace_into(tmp, path)
    else:
        staged.append((tmp, path))
    return path


def _create(con: Any, name: str, table: Any) -> None:
    import pandas as pd

    con.register("_frame", arrow_table(table) if isinstance(table, pd.DataFrame) else table)
    try:
        con.execute(f"CREATE OR REPLACE TABLE {ident(name)} AS SELECT * FROM _frame")
    finally:
        con.unregister("_frame")


def ident(name: str) -> str:
    """A quoted SQL identifier (table and column names reach DuckDB quoted, never as raw text).

    >>> ident('a"b')
    '"a""b"'
    """
    return '"' + name.replace('"', '""') + '"'


#: a DuckDB file's headers, before its blocks
_HEADER_BYTES = 3 * 4096


def open_store(path: str | Path, notices: list[str]) -> Any:
    """Open the DuckDB store at ``path``, recovering from what ordinary events leave behind: a
    write-ahead log that does not belong to the file (a copy, a killed run) is set aside, and a
    store that cannot be opened or read (truncated, overwritten) is renamed aside
    (``reportfacts.duckdb.corrupt-<time>``) and a new, empty one is opened. Each recovery adds a
    line to ``notices``. Another process holding the file open is :class:`OutputLocked`."""
    import time

    import duckdb

    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    wal = Path(str(path) + ".wal")
    for attempt in range(3):
        con = None
        try:
            con = duckdb.connect(str(path))
            size = con.execute("SELECT block_size, total_blocks FROM pragma_database_size()").fetchone()
            if size and path.exists() and path.stat().st_size < _HEADER_BYTES + int(size[0]) * int(size[1]):
                raise duckdb.IOException(f"the file is shorter than the {size[1]} blocks it lists (truncated)")
            for (name,) in con.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_type = 'BASE TABLE'").fetchall():
                con.execute(f"SELECT count(*) FROM {ident(name)}").fetchone()
            return con
        except duckdb.Error as e:
            if con is not None:
                con.close()
            first = (str(e).splitlines() or [type(e).__name__])[0]
            if "Could not set lock" in first or "Conflicting lock" in first:
                raise OutputLocked(f"{path} is open in another process (a notebook?); close it and run again "
                                   f"({first})") from None
            if attempt == 0 and wal.exists():
                aside = wal.with_name(f"{wal.name}.stale-{stamp}")
                os.replace(wal, aside)
                notices.append(f"{wal.name} did not fit {path.name} ({first}); set aside as {aside.name}")
                continue
            if not path.exists():
                raise
            aside = path.with_name(f"{path.name}.corrupt-{stamp}")
            os.replace(path, aside)
            if wal.exists():
                os.replace(wal, Path(str(aside) + ".wal"))
            notices.append(f"{path.name} could not be read ({first}); set aside as {aside.name}, a new one is built")
    raise ReportFactsError(f"{path}: cannot open the store")


def recorded_sources(folder: str | Path) -> dict[str, tuple[str, str]]:
    """doc_id -> (absolute path, sha256) the dataset's store recorded for each document (the
    exported tables keep a path as the run was given it, relative to where the run started).
    Empty for a folder without a store, a store of an older layout, or one being written."""
    import duckdb

    db = Path(folder) / DUCKDB_FILE
    if not db.is_file():
        return {}
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute("SELECT doc_id, _path, sha256 FROM _documents").fetchall()
    except duckdb.Error:
        return {}
    return {str(d): (str(p or ""), str(sha or "")) for d, p, sha in rows}


def changed_sources(folder: str | Path, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
    """doc_id -> why, for the documents (of ``doc_ids``, default all) whose file is no longer the
    one the run read: ``changed`` (another sha256 at the recorded path) or ``gone``."""
    wanted = None if doc_ids is None else set(doc_ids)
    out: dict[str, str] = {}
    for doc_id, (path, sha) in recorded_sources(folder).items():
        if (wanted is not None and doc_id not in wanted) or not path or not sha:
            continue
        if not Path(path).is_file():
            out[doc_id] = "gone"
        elif file_sha256(Path(path)) != sha:
            out[doc_id] = "changed"
    return out


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read a megabyte at a time."""
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A table written by :func:`write_table` (Parquet if present, else CSV)."""
    import pandas as pd

    out = Path(folder)
    if (out / f"{name}.parquet").exists():
        return typed(pd.read_parquet(out / f"{name}.parquet"))
    if (out / f"{name}.csv").exists():
        return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    raise ReportFactsError(f"no {name}.parquet or {name}.csv in {out}")
