"""Rows to Arrow without pandas: the JSON reader path of ``rows_table``, the array builders and the
Parquet metadata give exactly what pyarrow's own conversion and pandas give."""
from __future__ import annotations

import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import store as S
from extract.dataset_schema import TABLES
from extract.records import CHECK_COLUMNS, FACT_COLUMNS

ROOT = Path(__file__).parent.parent
COLUMNS = ["doc_id", "start", "change", "value_num", "value_float", "total_value", "total_value_float", "label"]


def _pylist(rows):
    """What pyarrow's own conversion gives (pandas is loaded here, so rows_table takes that path)."""
    assert "pandas" in sys.modules
    return S.rows_table(COLUMNS, rows)


@pytest.mark.parametrize("row", [
    pytest.param({"doc_id": "a", "start": 3, "change": True, "value_num": Decimal("1819200"), "value_float": 1819200.0},
                 id="a-fact"),
    pytest.param({"value_num": Decimal("1.8192E+6")}, id="decimal-in-exponent-form"),
    pytest.param({"value_num": Decimal("1E-7")}, id="small-decimal-in-exponent-form"),
    pytest.param({"value_num": Decimal("-0")}, id="negative-zero"),
    pytest.param({"value_num": Decimal("12345678901234567890123456789.5")}, id="widest-decimal"),
    pytest.param({"total_value": "181.92"}, id="a-check-figure-as-text"),
    pytest.param({"total_value": "-0.005"}, id="a-check-tolerance-as-text"),
    pytest.param({"value_float": 0.1, "total_value_float": -0.0}, id="floats-bit-for-bit"),
    pytest.param({"value_float": 3}, id="an-int-in-a-float-column"),
    pytest.param({"label": "收入\n“总计”\\\u2028"}, id="text-with-escapes"),
    pytest.param({"label": ""}, id="empty-text"),
    pytest.param({}, id="all-missing"),
    pytest.param({"doc_id": "a", "extra": object()}, id="a-key-not-in-the-table"),
])
def test_json_rows_are_what_pyarrow_converts(row):
    rows = [row, {"doc_id": "b", "value_num": Decimal("2.5"), "total_value": "3"}]
    got = S._json_table(S.table_schema(tuple(COLUMNS)), rows)
    assert got is not None
    assert S.conform(got, COLUMNS).equals(_pylist(rows))


@pytest.mark.parametrize("row", [
    pytest.param({"value_num": Decimal("1.123456789")}, id="over-precise-decimal-is-rounded-by-the-old-path"),
    pytest.param({"value_num": Decimal("1E+30")}, id="decimal-too-wide"),
    pytest.param({"value_num": Decimal("NaN")}, id="not-a-number"),
    pytest.param({"value_num": 1.5}, id="float-in-a-decimal-column"),
    pytest.param({"total_value": "n/a"}, id="words-in-a-decimal-column"),
    pytest.param({"total_value": "1_000"}, id="python-only-number-text"),
    pytest.param({"value_float": float("nan")}, id="nan-float"),
    pytest.param({"label": 12}, id="number-in-a-text-column"),
    pytest.param({"start": 1.0}, id="float-in-an-int-column"),
    pytest.param({"start": True}, id="bool-in-an-int-column"),
    pytest.param({"start": 2 ** 63}, id="int-too-large"),
    pytest.param({"label": "\ud800"}, id="lone-surrogate"),
])
def test_json_rows_refuse_what_the_old_path_treats_value_by_value(row):
    assert S._json_table(S.table_schema(tuple(COLUMNS)), [row]) is None


_TEXT = st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8))
_DEC = st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=4,
                                        min_value=Decimal("-1E12"), max_value=Decimal("1E12")))
_FLOAT = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
_ROW = st.fixed_dictionaries({}, optional={"doc_id": _TEXT, "start": st.one_of(st.none(), st.integers(-2**62, 2**62)),
                                           "change": st.one_of(st.none(), st.booleans()), "value_num": _DEC,
                                           "value_float": _FLOAT, "label": _TEXT})


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_ROW, min_size=1, max_size=6))
def test_json_rows_never_differ_from_pyarrow(rows):
    got = S._json_table(S.table_schema(tuple(COLUMNS)), rows)
    if got is not None:
        assert S.conform(got, COLUMNS).equals(_pylist(rows))


@settings(max_examples=200, deadline=None)
@given(ints=st.lists(st.integers(-2**63, 2**63 - 1)), floats=st.lists(_FLOAT), texts=st.lists(_TEXT))
def test_array_builders_are_pyarrow_arrays(ints, floats, texts):
    assert S.arrow_ints(ints).equals(pa.array(ints, type=pa.int64()))
    assert S.arrow_texts(texts).equals(pa.array(texts, type=pa.string()))
    bits = [None if v is None else struct.pack("<d", v) for v in S.arrow_floats(floats).to_pylist()]
    assert bits == [None if v is None else struct.pack("<d", v) for v in floats]  # -0.0 stays -0.0


@pytest.mark.parametrize("columns", [FACT_COLUMNS, CHECK_COLUMNS, *TABLES.values()], ids=lambda c: c[0])
def test_parquet_metadata_is_what_pandas_writes(columns):
    empty = S.typed(pd.DataFrame({c: pd.Series(dtype=object) for c in columns}))
    assert S.file_schema(tuple(columns)).metadata == pa.Schema.from_pandas(empty, preserve_index=False).metadata


@pytest.mark.parametrize("kinds", [["--kinds", "amount"], []], ids=["amounts", "everything"])
def test_a_run_never_imports_pandas(tmp_path, kinds):
    (tmp_path / "r.txt").write_text("收入总计300万元，其中：财政拨款200万元，其他收入100万元。参会人员30人。",
                                    encoding="utf-8")
    code = ("import sys; from extract.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, "run", str(tmp_path), "-o", str(tmp_path / "o"), "-q", *kinds],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split()[-1] == "False"
    assert (tmp_path / "o" / "facts.csv").read_text(encoding="utf-8-sig").count("\n") > 1


def test_the_budget_of_json_rows_is_kept(monkeypatch):
    monkeypatch.setattr(S, "_json_rows", [0])
    monkeypatch.setattr(S, "JSON_ROWS", 5)
    assert [S._json_budget(n) for n in (3, 3, 2, 1)] == [True, False, True, False]
