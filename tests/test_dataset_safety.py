"""The dataset can never be broken, mixed or silently stale (issue 21), and the tool never
touches what is not its own nor takes a value that makes no sense (issue 29).

Every test drives the real command (click's runner, a real DuckDB file) on small reports
written here; the expected tables are those of a fresh run into an empty folder.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = ("documents", "facts", "checks")

#: two short reports with figures, a breakdown that adds up and one that does not, and a change
REPORTS = {
    "甲局2021年部门预算.txt": "甲局2021年部门预算\n2021年收入总计181.92万元，其中：财政拨款收入150万元，其他收入31.92万元。"
                         "实有在编人员共14人，其中在职10人，退休4人。",
    "乙局2022年部门预算.txt": "乙局2022年部门预算\n2022年支出合计50万元，其中基本支出30万元，项目支出21万元。"
                         "2022年3月召开会议。支出比上年减少约12.5万元。",
}


def _invoke(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.output


def _ok(*args: str) -> str:
    code, out = _invoke(*args)
    assert code == 0, out
    return out


def _corpus(folder: Path, files: dict[str, str] = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _exports(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_parquet(out / f"{n}.parquet") for n in TABLES}


def _store(out: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    try:
        return {n: con.sql(f"SELECT * FROM {n} ORDER BY ALL").df() for n in TABLES}
    finally:
        con.close()


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A corpus and the tables of one fresh run over it."""
    root = tmp_path_factory.mktemp("fresh")
    src = _corpus(root / "in")
    _ok("run", str(src), "-o", str(root / "o"), "--jobs", "1")
    return src, _exports(root / "o"), _store(root / "o")


def _command(step: str, src: Path, out: Path) -> list[str]:
    return {"run": ["run", str(src), "-o", str(out), "--jobs", "1"],
            "rebuild": ["run", str(src), "-o", str(out), "--jobs", "1", "--rebuild"],
            "partitioned": ["run", str(src), "-o", str(out), "--jobs", "1", "--rebuild", "--partitioned"],
            "check": ["check", str(out)],
            "compare": ["compare", str(out)],
            "show": ["show", str(out)]}[step]


STEPS = ("run", "check", "compare", "show", "rebuild")


# ---------------------------------------------------------------------------------------------
# 1. every command on a dataset any command wrote; earlier store layouts are carried over
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("steps", ["-".join(s) for s in itertools.product(STEPS, repeat=3)])
def test_every_sequence_of_three_commands_keeps_the_dataset_whole(tmp_path, fresh, steps):
    """run, then any three of {run, check, compare, show, run --rebuild}, then run: each works,
    and the tables are always a fresh run's (the README's own `run; check; run` broke the store)."""
    src, exports, store = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    for step in steps.split("-"):
        _ok(*_command(step, src, out))
        _same(_exports(out), exports)
    _ok(*_command("run", src, out))
    _same(_exports(out), exports)
    _same(_store(out), store)


def _old_store(out: Path, checks_without_seq: bool) -> None:
    """The store as release 1 wrote it: plain tables with a visible _seq column (and, after its
    `reportfacts check`, a checks table without one)."""
    (out / "reportfacts.duckdb").unlink()
    con = duckdb.connect(str(out / "reportfacts.duckdb"))
    try:
        for name in TABLES:
            path = str(out / f"{name}.parquet")
            seq = "0::BIGINT" if name == "documents" else "row_number() OVER (PARTITION BY doc_id)"
            extra = "" if (name == "checks" and checks_without_seq) else f", {seq} AS _seq"
            con.execute(f"CREATE TABLE {name} AS SELECT *{extra} FROM read_parquet(?)", [path])
    finally:
        con.close()


@pytest.mark.parametrize("checks_without_seq", [False, True], ids=["release-1-store", "release-1-after-check"])
@pytest.mark.parametrize("first", ["run", "rebuild", "check", "compare", "show"])
def test_a_store_of_an_earlier_release_is_carried_over(tmp_path, fresh, checks_without_seq, first):
    src, exports, store = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    _old_store(out, checks_without_seq)
    _ok(*_command(first, src, out))
    _ok(*_command("run", src, out))
    _same(_exports(out), exports)
    _same(_store(out), store)
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    try:
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'facts'").fetchall()}
        version = con.execute("SELECT value FROM _meta WHERE key = 'store_version'").fetchone()[0]
    finally:
        con.close()
    assert "_seq" not in columns and "fact_id" in columns
    assert version == "3"


def test_a_store_of_a_later_release_is_refused_in_one_line(tmp_path, fresh):
    src, _, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    con = duckdb.connect(str(out / "reportfacts.duckdb"))
    con.execute("UPDATE _meta SET value = '99' WHERE key = 'store_version'")
    con.close()
    for step in ("run", "check"):
        code, output = _invoke(*_command(step, src, out))
        assert code == 2, output
        assert "newer reportfacts" in output and len(output.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------
# 2. stable document ids: the path relative to the input folder named, whatever else is there
# ---------------------------------------------------------------------------------------------

BUDGET = {"2023/预算.txt": "2023年部门预算\n2023年收入总计100万元。", "2024/预算.txt": "2024年部门预算\n2024年收入总计200万元。"}


def _ids(out: Path) -> dict[str, str]:
    docs = pd.read_parquet(out / "documents.parquet")
    return dict(zip(docs["doc_id"], docs["path"].map(lambda p: Path(p).parent.name + "/" + Path(p).name)))


def test_adding_a_report_of_the_same_name_keeps_every_id(tmp_path):
    """Issue 21, scenario 1: `2023/预算.txt`, then `2024/预算.txt` beside it: two documents, not three."""
    d, out = tmp_path / "d", tmp_path / "o"
    _corpus(d, {"2023/预算.txt": BUDGET["2023/预算.txt"]})
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    assert _ids(out) == {"2023/预算": "2023/预算.txt"}
    _corpus(d, BUDGET)
    second = _ok("run", str(d), "-o", str(out), "--jobs", "1")
    assert _ids(out) == {"2023/预算": "2023/预算.txt", "2024/预算": "2024/预算.txt"}
    assert "[1 read, 1 unchanged]" in second


def test_runs_on_two_folders_never_replace_each_other(tmp_path):
    """Issue 21, scenario 2: `run d/2023; run d/2024` keeps both, and says the second id was qualified."""
    d, out = _corpus(tmp_path / "d", BUDGET), tmp_path / "o"
    _ok("run", str(d / "2023"), "-o", str(out), "--jobs", "1")
    code, output = _invoke("run", str(d / "2024"), "-o", str(out), "--jobs", "1")
    assert code == 0, output
    assert _ids(out) == {"预算": "2023/预算.txt", "2024/预算": "2024/预算.txt"}
    assert "'预算' is another file's" in output and "'2024/预算'" in output
    again = _ok("run", str(d / "2024"), "-o", str(out), "--jobs", "1")  # the id it got is kept
    assert "[0 read, 1 unchanged]" in again and _ids(out)["2024/预算"] == "2024/预算.txt"


@pytest.mark.parametrize("change", ["add-a-file", "remove-a-file", "rename-another-file"])
def test_other_files_never_change_an_existing_id(tmp_path, change):
    d, out = _corpus(tmp_path / "d", {**BUDGET, "其他.txt": "其他单位2023年收入10万元。"}), tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    before = _ids(out)
    if change == "add-a-file":
        _corpus(d, {"预算.txt": "2025年部门预算\n2025年收入总计300万元。"})
    elif change == "remove-a-file":
        (d / "其他.txt").unlink()
    else:
        (d / "其他.txt").rename(d / "其他单位.txt")
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    after = _ids(out)
    assert after["2023/预算"] == before["2023/预算"] == "2023/预算.txt"
    assert after["2024/预算"] == before["2024/预算"] == "2024/预算.txt"
    if change == "rename-another-file":  # the same bytes under a new name: the same document, moved
        assert after["其他"] == "d/其他单位.txt" and "其他单位" not in after
    else:
        assert after["其他"] == "d/其他.txt"


def test_a_moved_file_is_recognised_and_said(tmp_path):
    d, out = _corpus(tmp_path / "d", BUDGET), tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    facts = pd.read_parquet(out / "facts.parquet")
    (d / "archive").mkdir()
    (d / "2023" / "预算.txt").rename(d / "archive" / "预算.txt")
    code, output = _invoke("run", str(d), "-o", str(out), "--jobs", "1")
    assert code == 0, output
    assert "2023/预算: moved to" in output and "[0 read, 2 unchanged]" in output
    assert _ids(out) == {"2023/预算": "archive/预算.txt", "2024/预算": "2024/预算.txt"}
    pd.testing.assert_frame_equal(pd.read_parquet(out / "facts.parquet"), facts)


def test_a_copy_is_a_duplicate_of_the_original_whatever_its_name_sorts_as(tmp_path):
    d = _corpus(tmp_path / "d", {"预算.txt": BUDGET["2023/预算.txt"], "a_copy_of_预算.txt": BUDGET["2023/预算.txt"]})
    _ok("run", str(d), "-o", str(tmp_path / "o"), "--jobs", "1")
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet").set_index("doc_id")
    assert docs.loc["预算", "status"] == "ok"
    assert docs.loc["a_copy_of_预算", "status"] == "duplicate" and "same bytes as 预算" in docs.loc["a_copy_of_预算", "error"]
    assert docs.loc["a_copy_of_预算", "year"] == docs.loc["预算", "year"] == 2023
    assert docs.loc["a_copy_of_预算", "title"] == docs.loc["预算", "title"] == "2023年部门预算"


def test_the_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    d = _corpus(tmp_path / "d", BUDGET)
    out = d / "outputs"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    second = _ok("run", str(d), "-o", str(out), "--jobs", "1")
    assert sorted(_ids(out)) == ["2023/预算", "2024/预算"] and "[0 read, 2 unchanged]" in second


# ---------------------------------------------------------------------------------------------
# 3. settings stored per document: a run with other settings reads again what they affect
# ---------------------------------------------------------------------------------------------

PDF = FIXTURES / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf"


def test_another_year_reads_every_document_again_and_says_so(tmp_path, fresh):
    src, _, _ = fresh
    out = tmp_path / "o"
    _ok("run", str(src), "-o", str(out), "--jobs", "1")
    changed = _ok("run", str(src), "-o", str(out), "--jobs", "1", "--year", "2019")
    assert "read again with other settings: year (2)" in changed
    assert set(pd.read_parquet(out / "documents.parquet")["year"]) == {2019}
    same = _ok("run", str(src), "-o", str(out), "--jobs", "1", "--year", "2019")
    assert "[0 read, 2 unchanged]" in same and "other settings" not in same
    back = _ok("run", str(src), "-o", str(out), "--jobs", "1")
    assert "year (2)" in back and set(pd.read_parquet(out / "documents.parquet")["year"]) == {2021, 2022}


def test_another_pdf_reader_reads_only_the_pdfs_again(tmp_path, fresh):
    src, _, _ = fresh
    d = tmp_path / "in"
    shutil.copytree(src, d)
    shutil.copy(PDF, d)
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1", "--pdf-reader", "pdfium")
    changed = _ok("run", str(d), "-o", str(out), "--jobs", "1", "--pdf-reader", "pdfminer")
    assert "[1 read, 2 unchanged]" in changed and "pdf_reader (1)" in changed


def test_edited_rules_read_every_document_again(tmp_path, fresh, monkeypatch):
    src, _, _ = fresh
    out = tmp_path / "o"
    _ok("run", str(src), "-o", str(out), "--jobs", "1")
    monkeypatch.setattr("extract.dataset_ids.rules_digest", lambda: "edited-rules")
    assert "rules (2)" in _ok("run", str(src), "-o", str(out), "--jobs", "1")


def test_the_rules_digest_follows_the_rule_files(tmp_path, monkeypatch):
    from extract.dataset import rules_digest
    from extract.rules import patterns_dir

    copy = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), copy)
    monkeypatch.setenv("REPORTFACTS_PATTERNS", str(copy))
    before = rules_digest()
    assert rules_digest() == before
    with (copy / "units.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert rules_digest() != before


# ---------------------------------------------------------------------------------------------
# options: click types, one line, exit 2, nothing written
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("option,value,says", [
    ("--timeout", "-1", "positive, finite"), ("--timeout", "0", "positive, finite"),
    ("--timeout", "nan", "positive, finite"), ("--timeout", "inf", "positive, finite"),
    ("--timeout", "soon", "not a number"),
    ("--year", "20", "1949<=x<=2100"), ("--year", "1948", "1949<=x<=2100"), ("--year", "2101", "1949<=x<=2100"),
    ("--year", "二〇二一", "not a valid integer"),
    ("--max-chars", "0", "x>=1"), ("--max-chars", "-5", "x>=1"), ("--max-pages", "0", "x>=1"),
    ("--max-facts", "0", "x>=1"), ("--max-facts", "many", "not a valid integer"),
    ("--jobs", "-1", "x>=0"), ("--max-memory-mb", "-1", "x>=0"), ("--engine", "spark", "'local', 'dask'"), ("--pdf-reader", "ocr", "'pdfium', 'pdfminer'"),
    ("--scheduler", "tcp://host:8786", "for --engine dask"),
])
def test_an_option_value_that_makes_no_sense_is_one_line_and_exit_2(tmp_path, fresh, option, value, says):
    src, _, _ = fresh
    out = tmp_path / "o"
    code, output = _invoke("run", str(src), "-o", str(out), option, value)
    assert code == 2
    assert len(output.strip().splitlines()) == 1, output
    assert option in output and says in output
    assert not out.exists()


@pytest.mark.parametrize("option,value", [("--timeout", "0.5"), ("--timeout", "120"), ("--year", "1949"),
                                          ("--year", "2100"), ("--max-chars", "1"), ("--max-pages", "1"),
                                          ("--max-facts", "1")])
def test_an_option_value_that_makes_sense_is_taken(tmp_path, fresh, option, value):
    src, _, _ = fresh
    _ok("run", str(src), "-o", str(tmp_path / "o"), "--jobs", "1", option, value)


# ---------------------------------------------------------------------------------------------
# 4. every stage of a document inside its time limit
# ---------------------------------------------------------------------------------------------

def test_a_validation_that_runs_long_is_that_documents_timeout(tmp_path, monkeypatch):
    import time

    import extract
    from extract.read.ingest import Limits

    d = _corpus(tmp_path / "d")
    real = sys.modules["extract.checks.validate"].check_rows

    def slow(doc_id, *args, **kw):  # type: ignore[no-untyped-def]
        if doc_id.startswith("乙"):
            time.sleep(30)
        return real(doc_id, *args, **kw)

    monkeypatch.setattr("extract.checks.validate.check_rows", slow)
    started = time.monotonic()
    result = extract.run([d], jobs=1, limits=Limits(seconds=2))
    assert time.monotonic() - started < 20
    docs = result.documents.set_index("doc_id")
    assert docs.loc["乙局2022年部门预算", "status"] == "timeout"
    assert "while it was at: validate" in docs.loc["乙局2022年部门预算", "error"]
    assert docs.loc["甲局2021年部门预算", "status"] == "ok"
    assert set(result.facts["doc_id"]) == set(result.checks["doc_id"]) == {"甲局2021年部门预算"}


# ---------------------------------------------------------------------------------------------
# 5. a file-level fault is that document's row, never the batch's
# ---------------------------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    d = _corpus(tmp_path / "d")
    (Path(os.fsdecode(bytes(d) + b"/latin1-\xe9\xe8.txt"))).write_text("2021年收入总计10万元。", encoding="utf-8")
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert docs.loc["latin1-\\xe9\\xe8", "status"] == "ok"
    assert docs.loc["latin1-\\xe9\\xe8", "path"].endswith("latin1-\\xe9\\xe8.txt")
    assert (docs["status"] == "ok").all() and len(docs) == 3


@pytest.mark.parametrize("figure", ["1" * 27 + "万元", "1" * 24 + "亿元"])
def test_an_amount_beyond_decimal_38_8_is_an_error_row(tmp_path, figure):
    d = _corpus(tmp_path / "d", {**REPORTS, "大数.txt": f"2021年收入总计{figure}。"})
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert docs.loc["大数", "status"] == "error" and "DECIMAL(38, 8)" in docs.loc["大数", "error"]
    assert (docs.drop("大数")["status"] == "ok").all()
    assert set(pd.read_parquet(out / "facts.parquet")["doc_id"]) == {"甲局2021年部门预算", "乙局2022年部门预算"}


@pytest.mark.parametrize("figure,yuan", [("1" * 22 + "万元", "1" * 22 + "0000"), ("1" * 26 + "万元", "1" * 26 + "0000"),
                                         ("1" * 22 + "亿元", "1" * 22 + "0" * 8)])
def test_an_amount_that_decimal_38_8_holds_is_stored_exactly(tmp_path, figure, yuan):
    d = _corpus(tmp_path / "d", {"大数.txt": f"2021年收入总计{figure}。"})
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    facts = pd.read_parquet(out / "facts.parquet")
    amount = facts[facts.kind == "amount"]
    assert str(int(amount["value_num"].item())) == yuan


# ---------------------------------------------------------------------------------------------
# 6. the store recovers; SQL takes no path as text; only our own files are touched
# ---------------------------------------------------------------------------------------------

def _stale_wal(out: Path) -> None:
    """What a killed run followed by release 1's `check` left: a write-ahead log of the killed
    run, beside a main file that was copied without it, written to and renamed into place."""
    db = out / "reportfacts.duckdb"
    killed = ("import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); c.execute('PRAGMA disable_checkpoint_on_shutdown'); "
              "c.execute(\"SET checkpoint_threshold = '1TB'\"); "
              "c.execute('CREATE TABLE extra AS SELECT range AS i FROM range(50000)'); os._exit(0)")
    subprocess.run([sys.executable, "-c", killed, str(db)], check=True)
    assert (out / "reportfacts.duckdb.wal").exists()
    shutil.copyfile(db, out / "copy.duckdb")
    con = duckdb.connect(str(out / "copy.duckdb"))
    con.execute("CREATE TABLE written_by_check AS SELECT 1 AS x")
    con.close()
    os.replace(out / "copy.duckdb", db)
    with pytest.raises(duckdb.IOException, match="WAL"):  # the store as DuckDB alone cannot open it
        duckdb.connect(str(db)).close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-file", "stale-wal"])
@pytest.mark.parametrize("step", ["run", "rebuild", "check", "compare", "show"])
def test_a_damaged_store_is_recovered_with_a_message(tmp_path, fresh, damage, step):
    src, exports, store = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    db = out / "reportfacts.duckdb"
    if damage == "garbage":
        db.write_bytes(b"not a database " * 1000)
    elif damage == "truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    elif damage == "empty-file":
        db.write_bytes(b"")
    else:
        _stale_wal(out)
    code, output = _invoke(*_command(step, src, out))
    assert code == 0, output
    if damage != "stale-wal" and step in ("run", "rebuild", "check"):
        assert "set aside as reportfacts.duckdb.corrupt-" in output
        assert any(p.name.startswith("reportfacts.duckdb.corrupt-") for p in out.iterdir())
    if damage == "stale-wal" and step in ("run", "rebuild", "check"):
        assert "set aside as reportfacts.duckdb.wal.stale-" in output
        assert not (out / "reportfacts.duckdb.wal").exists()
    _ok(*_command("run", src, out))
    _same(_exports(out), exports)
    _same(_store(out), store)


def test_with_its_inputs_gone_a_corrupt_store_is_rebuilt_from_the_exports(tmp_path, fresh):
    src, exports, store = fresh
    d, out = tmp_path / "in", tmp_path / "o"
    shutil.copytree(src, d)
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    shutil.rmtree(d)
    (out / "reportfacts.duckdb").write_bytes(b"\x00" * 5000)
    output = _ok("check", str(out))
    now = _exports(out)
    _same({n: df.drop(columns="path", errors="ignore") for n, df in now.items()},
          {n: df.drop(columns="path", errors="ignore") for n, df in exports.items()})
    assert list(now["documents"]["path"]) == [str(d / Path(p).name) for p in exports["documents"]["path"]]
    assert _store(out)["facts"].shape == store["facts"].shape
    assert "rebuilt from the exports" in output or "set aside" in output


HOSTILE_NAMES = ["o'; COPY (SELECT 42) TO 'pwned.csv'; --", 'o"; DROP TABLE _facts; --', "o;$(touch pwned)"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_paths_reach_duckdb_as_parameters_never_as_sql(tmp_path, name, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = _corpus(tmp_path / f"in {name}", {f"{name[:8].replace('/', '_')}.txt": REPORTS["甲局2021年部门预算.txt"]})
    out = tmp_path / name
    for step in ("run", "check", "compare", "show"):
        _ok(*_command(step, d, out))
    _ok("run", str(d), "-o", str(out), "--partitioned", "--jobs", "1")
    assert not list(tmp_path.rglob("pwned*"))
    con = duckdb.connect()
    n = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                    [str(out / "facts_by_year" / "**" / "*.parquet")]).fetchone()[0]
    assert n == len(pd.read_parquet(out / "facts.parquet")) > 0


def _partitions_read_by_every_tool(folder: Path) -> dict[str, pd.DataFrame]:
    """facts_by_year/ as DuckDB, pandas and Dask read it (year, organization and fact_id)."""
    con = duckdb.connect()
    try:
        by_duckdb = con.execute("SELECT fact_id, year, organization FROM read_parquet(?, hive_partitioning = true) "
                                "ORDER BY fact_id", [str(folder / "**" / "*.parquet")]).df()
    finally:
        con.close()
    out = {"duckdb": by_duckdb, "pandas": pd.read_parquet(folder)}
    if importlib.util.find_spec("dask") is not None:
        import dask.dataframe as dd

        out["dask"] = dd.read_parquet(str(folder)).compute()
    return out


def test_a_long_organisation_name_makes_a_bounded_partition_folder(tmp_path):
    """Issue 29: 27+ CJK characters made a folder name over 255 bytes (`File name too long`)."""
    org = "某" * 40 + "委员会"  # 129 bytes: with `organization=` and a long year, near a file name's 255
    d = _corpus(tmp_path / "d", {"长.txt": f"{org}2021年部门预算\n2021年收入总计10万元。",
                                 "短.txt": "乙局2021年部门预算\n2021年收入总计20万元。"})
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--partitioned", "--jobs", "1")
    names = sorted(p.name for p in (out / "facts_by_year" / "year=2021").iterdir())
    assert len(names) == 2 and all(len(n.encode()) <= 255 for n in names)
    long = next(n for n in names if n.startswith("organization=某某"))
    assert len(long.encode()) < len(f"organization={org}".encode()) and "~" in long  # cut, with a hash
    facts = pd.read_parquet(out / "facts.parquet")
    for tool, got in _partitions_read_by_every_tool(out / "facts_by_year").items():
        assert sorted(got["fact_id"]) == sorted(facts["fact_id"]), tool
        assert {str(y) for y in got["year"]} == {"2021"}, tool


def test_a_document_without_a_year_is_in_a_readable_partition(tmp_path):
    """Issue 21, item 5: facts of a document without a year went to `year=0`; now `year=NULL`,
    which DuckDB reads as NULL (the column stays a number) and pandas and Dask as the label NULL;
    without an organisation, `organization=unknown`."""
    d = _corpus(tmp_path / "d", {"有年.txt": "甲局2021年部门预算\n2021年收入总计10万元。",
                                 "无年.txt": "部门预算说明\n收入总计20万元，支出总计20万元。"})
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--partitioned", "--jobs", "1")
    assert sorted(p.name for p in (out / "facts_by_year").iterdir()) == ["year=2021", "year=NULL"]
    assert [p.name for p in (out / "facts_by_year" / "year=NULL").iterdir()] == ["organization=unknown"]
    facts = pd.read_parquet(out / "facts.parquet")
    undated = set(facts.loc[facts.doc_id == "无年", "fact_id"])
    assert undated
    tools = _partitions_read_by_every_tool(out / "facts_by_year")
    by_duckdb = tools.pop("duckdb")
    assert str(by_duckdb["year"].dtype) in ("Int64", "int64", "float64")  # a number, not text
    assert set(by_duckdb.loc[by_duckdb["year"].isna(), "fact_id"]) == undated
    assert set(by_duckdb.loc[by_duckdb["year"].isna(), "organization"]) == {"unknown"}
    for tool, got in tools.items():
        assert set(got.loc[got["year"].astype(str) == "NULL", "fact_id"]) == undated, tool
        assert sorted(got["fact_id"]) == sorted(facts["fact_id"]), tool


def test_only_our_own_temporary_files_are_removed(tmp_path, fresh):
    """Issue 29: `-o .` removed a user's `.thesis.tmp-draft/` and `.bashrc.tmp-2024`."""
    src, _, _ = fresh
    out = tmp_path / "o"
    out.mkdir()
    planted = [out / ".thesis.tmp-draft" / "chapter1.txt", out / ".bashrc.tmp-2024", out / ".facts.parquet.tmp-123",
               out / "sub" / ".notes.tmp-1"]
    for f in planted:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("mine", encoding="utf-8")
    ours = out / ".reportfacts-tmp" / "facts.parquet.99999"
    ours.parent.mkdir()
    ours.write_bytes(b"left by a killed run")
    for step in ("run", "check", "compare", "show", "rebuild"):
        _ok(*_command(step, src, out))
    assert all(f.read_text(encoding="utf-8") == "mine" for f in planted)
    assert not ours.exists()


@pytest.mark.parametrize("step,target", [("compare", "compare.xlsx"), ("show", "report.html"),
                                         ("check", "checks.csv"), ("run", "facts.parquet"),
                                         ("compare", "series.csv"), ("partitioned", "facts_by_year")])
def test_a_planted_symlink_is_replaced_never_written_through(tmp_path, fresh, step, target):
    src, _, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (out / target).unlink(missing_ok=True)
    os.symlink(victim, out / target)
    _ok(*_command(step, src, out))
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / target).is_symlink() and (out / target).stat().st_size > 0


def test_a_symlink_planted_as_our_temporary_folder_is_not_followed(tmp_path, fresh):
    src, _, _ = fresh
    out, elsewhere = tmp_path / "o", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me", encoding="utf-8")
    out.mkdir()
    os.symlink(elsewhere, out / ".reportfacts-tmp")
    _ok(*_command("run", src, out))
    assert (elsewhere / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.txt"]


# ---------------------------------------------------------------------------------------------
# bad paths and ids: one line, exit 2, in every command
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """A dataset with a nested id (2023/预算)."""
    root = tmp_path_factory.mktemp("nested")
    d = _corpus(root / "d", BUDGET)
    _ok("run", str(d), "-o", str(root / "o"), "--jobs", "1")
    return root / "o"


@pytest.mark.parametrize("args,says", [
    (["show", "{o}", "--doc", "nope"], "no document 'nope'"),
    (["show", "{o}", "-o", "/nonexistent/x.html"], "no folder /nonexistent"),
    (["show", "{o}", "--doc", "2023/预算", "-o", "{o}/missing/x.html"], "no folder"),
    (["show", "{empty}"], "no documents.parquet or documents.csv"),
    (["compare", "{o}", "--xlsx", "/nonexistent/x.xlsx"], "no folder /nonexistent"),
    (["compare", "{empty}"], "no documents.parquet or documents.csv"),
    (["check", "{empty}"], "not a dataset"),
    (["check", "{o}/facts.csv"], "is a file"),
    (["run", "{o}/../d", "-o", "{o}/facts.csv"], "is a file"),
    (["run", "{o}/../nowhere"], "does not exist"),
    (["show", "{o}/../nowhere"], "does not exist"),
])
def test_a_bad_path_or_id_is_one_line_and_exit_2(tmp_path, dataset, args, says):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, output = _invoke(*[a.format(o=dataset, empty=empty) for a in args])
    assert code == 2, output
    assert len(output.strip().splitlines()) == 1, output
    assert says in output


def test_show_writes_a_nested_id_to_one_file(dataset):
    output = _ok("show", str(dataset), "--doc", "2023/预算")
    assert (dataset / "2023_预算.html").is_file() and "2023_预算.html" in output


# ---------------------------------------------------------------------------------------------
# disk full and a second Ctrl-C say what happened and leave no temporary file
# ---------------------------------------------------------------------------------------------

def _no_space(*args, **kw):  # type: ignore[no-untyped-def]
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


def _no_space_in_store(*args, **kw):  # type: ignore[no-untyped-def]
    raise duckdb.IOException('IO Error: Could not write file "reportfacts.duckdb": No space left on device')


@pytest.mark.parametrize("where,fault", [("extract.dataset.Dataset.export", _no_space),
                                         ("extract.dataset.Dataset.put", _no_space_in_store),
                                         ("extract.dataset.Dataset.replace_checks", _no_space_in_store)])
def test_disk_full_says_disk_full_and_leaves_no_temporary_files(tmp_path, fresh, monkeypatch, where, fault):
    src, exports, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    (src / "甲局2021年部门预算.txt").touch()
    monkeypatch.setattr(where, fault)
    step = "check" if where.endswith("replace_checks") else "rebuild"
    code, output = _invoke(*_command(step, src, out))
    assert code == 1 and "disk full" in output and len(output.strip().splitlines()) == 1, output
    assert not list((out / ".reportfacts-tmp").glob("*"))
    _same(_exports(out), exports)  # the previous exports, whole


def test_a_second_ctrl_c_says_what_is_there(tmp_path, fresh, monkeypatch):
    src, exports, store = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))

    def reading(*args, **kw):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the first Ctrl-C, while documents are read
        yield

    def exporting(*args, **kw):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the second, while the exports are written

    monkeypatch.setattr("extract.dataset.process_all", reading)
    monkeypatch.setattr("extract.dataset.Dataset.export", exporting)
    code, output = _invoke(*_command("rebuild", src, out))
    assert code == 130
    assert "interrupted twice" in output and "exports were not rewritten" in output
    _same(_exports(out), exports)
    assert not list((out / ".reportfacts-tmp").glob("*"))
    monkeypatch.undo()
    assert "[0 read, 2 unchanged]" in _ok(*_command("run", src, out))  # an interrupted --rebuild lost nothing
    _same(_store(out), store)


def test_a_finished_rebuild_holds_only_the_documents_it_read(tmp_path, fresh):
    src, _, _ = fresh
    out, other = tmp_path / "o", _corpus(tmp_path / "other", {"丙局.txt": "丙局2023年收入总计5万元。"})
    _ok(*_command("run", src, out))
    _ok("run", str(other), "-o", str(out), "--jobs", "1")
    assert len(_exports(out)["documents"]) == 3
    _ok("run", str(other), "-o", str(out), "--jobs", "1", "--rebuild")
    assert list(_exports(out)["documents"]["doc_id"]) == ["丙局"]
    assert set(_store(out)["facts"]["doc_id"]) == {"丙局"}


# ---------------------------------------------------------------------------------------------
# a Dask scheduler that cannot be reached is one line, in bounded time
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["garbage address", "tcp://127.0.0.1:1", "silent"])
def test_an_unreachable_scheduler_is_one_line_in_bounded_time(tmp_path, fresh, monkeypatch, address):
    import socket
    import time

    pytest.importorskip("distributed")
    src, _, _ = fresh
    monkeypatch.setattr("extract.batch.DASK_CONNECT_SECONDS", 3)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)  # accepts connections and never answers
    if address == "silent":
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    try:
        started = time.monotonic()
        code, output = _invoke("run", str(src), "-o", str(tmp_path / "o"), "--engine", "dask", "--scheduler", address)
        assert time.monotonic() - started < 30
    finally:
        server.close()
    assert code == 2, output
    assert "cannot reach the Dask scheduler" in output and len(output.strip().splitlines()) == 1, output


def test_a_followed_link_to_a_device_is_an_error_row_not_an_endless_read(tmp_path):
    import time

    d = _corpus(tmp_path / "d")
    os.symlink("/dev/zero", d / "zero.txt")
    started = time.monotonic()
    _ok("run", str(d), "-o", str(tmp_path / "o"), "--jobs", "1", "--follow-symlinks")
    assert time.monotonic() - started < 30
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet").set_index("doc_id")
    assert docs.loc["zero", "status"] == "error" and "not a regular file" in docs.loc["zero", "error"]
    assert (docs.drop("zero")["status"] == "ok").all()


def test_a_document_over_max_facts_is_too_large_and_the_batch_goes_on(tmp_path):
    d = _corpus(tmp_path / "d", {**REPORTS, "figures.txt": "合计1元，" * 500})
    _ok("run", str(d), "-o", str(tmp_path / "o"), "--jobs", "1", "--max-facts", "100")
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet").set_index("doc_id")
    assert docs.loc["figures", "status"] == "too_large" and "over the limit of 100" in docs.loc["figures", "error"]
    assert (docs.drop("figures")["status"] == "ok").all()
    assert "figures" not in set(pd.read_parquet(tmp_path / "o" / "facts.parquet")["doc_id"])


@pytest.mark.parametrize("title,organization", [
    ("甲\x07乙局2021年部门预算", "甲乙局"), ("甲乙局2021年\x1b部门预算", "甲乙局"), ("甲乙局2021年部门预算", "甲乙局"),
])
def test_control_characters_in_a_title_never_reach_the_tables(tmp_path, title, organization):
    d = _corpus(tmp_path / "d", {"t.txt": f"{title}\n2021年收入总计10万元。"})
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    _ok("compare", str(out))
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["organization"].item() == organization
    assert not docs["title"].str.contains("[\x00-\x1f]").any()
    import openpyxl

    openpyxl.load_workbook(out / "compare.xlsx")  # readable: no control character in a sheet name


def test_a_line_of_thousands_of_figures_ends_in_bounded_time_and_the_batch_goes_on(tmp_path):
    """Issue 21, item 4 (scaled down): a line of figures with a 其中 each; its validation is inside
    the document's time limit, so it ends as `ok` or `timeout`, and the other documents are right."""
    import time

    d = _corpus(tmp_path / "d", {**REPORTS, "line.txt": "收入总计181.92万元其中基本支出129.5万元" * 20_000})
    started = time.monotonic()
    _ok("run", str(d), "-o", str(tmp_path / "o"), "--jobs", "1", "--timeout", "5")
    assert time.monotonic() - started < 90
    docs = pd.read_parquet(tmp_path / "o" / "documents.parquet").set_index("doc_id")
    assert docs.loc["line", "status"] in ("ok", "timeout")
    assert (docs.drop("line")["status"] == "ok").all()


# ---------------------------------------------------------------------------------------------
# columns typed for users (issue 21, item 6)
# ---------------------------------------------------------------------------------------------

def test_pandas_gets_numbers_it_can_use(tmp_path, fresh):
    src, _, _ = fresh
    d = tmp_path / "in"
    shutil.copytree(src, d)
    shutil.copy(PDF, d)
    out = tmp_path / "o"
    _ok("run", str(d), "-o", str(out), "--jobs", "1")
    facts = pd.read_parquet(out / "facts.parquet")
    assert str(facts["value_float"].dtype) == "float64"
    top = facts.nlargest(1, "value_float")  # raised on Decimal objects
    assert top["value_float"].item() == float(top["value_num"].item())
    for col in ("page", "start", "table", "count"):
        assert str(facts[col].dtype) == "Int64", col
    assert facts.loc[facts.doc_id == "甲局2021年部门预算", "page"].isna().all()  # a text file has no pages: <NA>
    docs = pd.read_parquet(out / "documents.parquet")
    assert str(docs["year"].dtype) == "Int64" and str(docs["pages"].dtype) == "Int64"


def test_the_checks_figures_are_numbers_in_parquet_and_duckdb(tmp_path, fresh):
    """Issue 21, item 6: a check's total_value, difference and tolerance were text; now exact
    DECIMAL(38, 8) as value_num is, each followed by a float for pandas arithmetic."""
    from decimal import Decimal

    src, _, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    checks = pd.read_parquet(out / "checks.parquet")
    assert len(checks) >= 2
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    try:
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'checks'").fetchall())
        sums = con.execute("SELECT sum(difference), sum(total_value_float) FROM checks").fetchone()
    finally:
        con.close()
    for col in ("total_value", "difference", "tolerance"):
        assert types[col] == "DECIMAL(38,8)" and types[f"{col}_float"] == "DOUBLE", col
        assert str(checks[f"{col}_float"].dtype) == "float64", col
        exact = checks[col].dropna()
        assert len(exact) and all(isinstance(v, Decimal) for v in exact), col
        assert list(checks.loc[exact.index, f"{col}_float"]) == [float(v) for v in exact], col
    # 乙局's breakdown (50万元 against 30 + 21: off by -1万元 within the rounding of 50) as numbers
    yi = checks[checks.doc_id == "乙局2022年部门预算"].iloc[0]
    assert (yi["total_value"], yi["difference"], yi["tolerance"]) == (Decimal(500000), Decimal(-10000), Decimal(15000))
    assert (yi["total_value_float"], yi["difference_float"], yi["tolerance_float"]) == (500000.0, -10000.0, 15000.0)
    assert checks.nlargest(1, "total_value_float")["total_value"].item() == Decimal(1819200)
    assert sums[1] == pytest.approx(float(checks["total_value_float"].sum()))


def test_a_change_has_its_direction_approximation_and_sign_in_columns_of_their_own(tmp_path, fresh):
    """Issue 21, item 6: `qualifier` mixed direction and approximation (减少约) and a change's
    amount was unsigned; now `direction`, `approximation` and a signed `change_num`/`change_float`."""
    from decimal import Decimal

    src, _, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    facts = pd.read_parquet(out / "facts.parquet").set_index("text")
    change = facts.loc["12.5万元"]
    assert (change["qualifier"], change["direction"], change["approximation"]) == ("减少约", "减少", "约")
    assert change["value_num"] == Decimal(125000) and change["change_num"] == Decimal(-125000)
    assert change["change_float"] == -125000.0
    level = facts.loc["50万元"]
    assert pd.isna(level["direction"]) and pd.isna(level["change_num"]) and pd.isna(level["change_float"])
    date = facts.loc["2022年3月"]
    assert pd.isna(date["approximation"])


def _store_version_2(out: Path) -> None:
    """The store as the previous release wrote it: base tables, views, a checks table whose
    figures are text and that has no float columns, facts without the columns split from the
    qualifier (direction, approximation) and without the signed change."""
    con = duckdb.connect(str(out / "reportfacts.duckdb"))
    try:
        con.execute("DROP VIEW checks")
        con.execute("DROP VIEW facts")
        for col in ("direction", "approximation", "change_num", "change_float"):
            con.execute(f"ALTER TABLE _facts DROP COLUMN {col}")
        con.execute("CREATE VIEW facts AS SELECT * EXCLUDE (_seq) FROM _facts")
        for col in ("total_value", "difference", "tolerance"):
            con.execute(f"ALTER TABLE _checks DROP COLUMN {col}_float")
            con.execute(f"ALTER TABLE _checks ALTER COLUMN {col} SET DATA TYPE VARCHAR USING "
                        f"CASE WHEN {col} IS NULL THEN NULL ELSE rtrim(rtrim({col}::VARCHAR, '0'), '.') END")
        con.execute("CREATE VIEW checks AS SELECT * EXCLUDE (_seq) FROM _checks")
        con.execute("UPDATE _meta SET value = '2' WHERE key = 'store_version'")
    finally:
        con.close()


@pytest.mark.parametrize("first", ["run", "rebuild", "check", "compare", "show"])
def test_a_store_of_version_2_gets_typed_checks_and_the_new_fact_columns(tmp_path, fresh, first):
    """Carried over by SQL (dataset_schema.DERIVED), the new columns equal a fresh run's (Python)."""
    src, exports, store = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    _store_version_2(out)
    con = duckdb.connect(str(out / "reportfacts.duckdb"), read_only=True)
    assert con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = '_checks' "
                       "AND column_name = 'total_value'").fetchone()[0] == "VARCHAR"
    con.close()
    _ok(*_command(first, src, out))
    _ok(*_command("run", src, out))
    _same(_exports(out), exports)
    _same(_store(out), store)


def test_a_document_of_60k_facts_goes_into_the_store_in_bounded_inserts(tmp_path, monkeypatch):
    """Issue 29: one document of 50k-100k facts ran the store out of its cache and the batch was
    lost. Its rows go in slices of INSERT_ROWS and come out (exports, partitions) in slices of
    EXPORT_ROWS; here under a store cache of 64 MB."""
    from extract import dataset

    parts: list[tuple[str, int]] = []
    real = dataset.Dataset._insert_part

    def counted(self, name, part):  # type: ignore[no-untyped-def]
        parts.append((name, part.num_rows))
        return real(self, name, part)

    monkeypatch.setattr(dataset.Dataset, "_insert_part", counted)
    monkeypatch.setattr(dataset, "STORE_MEMORY", "64MB")
    d = _corpus(tmp_path / "d", {**REPORTS, "figures.txt": "合计1元，收入" * 60_000})
    _ok("run", str(d), "-o", str(tmp_path / "o"), "--jobs", "1", "--partitioned", "--timeout", "1000")
    facts = pd.read_parquet(tmp_path / "o" / "facts.parquet")
    assert (facts["doc_id"] == "figures").sum() == 60_000
    assert len(pd.read_parquet(tmp_path / "o" / "facts_by_year")) == len(facts)
    fact_parts = [n for name, n in parts if name == "facts"]
    assert max(fact_parts) <= dataset.INSERT_ROWS < 60_000
    assert sum(fact_parts) == len(facts) and len(fact_parts) >= 3


def test_the_stores_own_columns_are_hidden(tmp_path, fresh):
    src, _, _ = fresh
    out = tmp_path / "o"
    _ok(*_command("run", src, out))
    for name, frame in _store(out).items():
        assert not [c for c in frame.columns if c.startswith("_")], name
    assert "_seq" not in pd.read_parquet(out / "facts.parquet").columns


@pytest.mark.parametrize("digest,shown_as", [
    ("0123456789012345", "g123456789012345"), ("9999999999999999", "p999999999999999"),
    ("0a23456789012345", "0a23456789012345"), ("abcdef0123456789", "abcdef0123456789"),
])
def test_an_id_is_never_all_digits(digest, shown_as):
    from extract.records import hex_id

    assert hex_id(digest) == shown_as


@pytest.mark.parametrize("name,size,status", [
    ("huge.txt", 300 * 1024 * 1024, "too_large"),
    ("huge.md", 300 * 1024 * 1024, "too_large"),
])
def test_a_text_file_over_its_size_is_never_read_into_memory(tmp_path, name, size, status):
    d = _corpus(tmp_path / "d")
    with (d / name).open("wb") as fh:  # sparse: no disk used
        fh.truncate(size)
    # the peak memory of the process that read it (VmHWM: getrusage's maxrss is inherited from pytest)
    code = ("import sys, re; from extract.read.ingest import read_report, Limits; "
            "doc = read_report(sys.argv[1], limits=Limits(chars=1000)); "
            "print(doc.status, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    out = subprocess.run([sys.executable, "-c", code, str(d / name)], capture_output=True, text=True, check=True)
    got, peak_kb = out.stdout.split()
    assert got == status
    assert int(peak_kb) < 250 * 1024  # the file is 300 MB
