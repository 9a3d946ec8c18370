"""Hostile input (issue 13): no file can stall, crash or poison a batch, and nothing is written
where it should not be. Time growth is measured by counting the Python calls a run makes
(deterministic), never by a clock: speed figures live in benchmarks/hostile.py."""
from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from pypdf import PdfReader, PdfWriter

import extract
from extract.cli import main
from extract.store import OutputLock

FIXTURES = Path(__file__).parent / "fixtures"
SEED = (FIXTURES / "changning-kexie-2021.txt").read_text(encoding="utf-8")


def _calls(text: str) -> int:
    """Python function calls made to extract and check ``text``: a measure of work that does not
    depend on the machine's load."""
    count = 0

    def prof(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(prof)
    try:
        extract.check(extract.extract_facts(text, year=2021))
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit", [
    pytest.param("1元", id="a-figure-every-two-characters"),
    pytest.param("其中", id="其中-without-end"),
    pytest.param("荣获“", id="open-honour-quotes"),
    pytest.param("2020年", id="years-in-one-paragraph"),
    pytest.param("评出一等奖", id="result-lists"),
    pytest.param("（", id="open-brackets"),
    pytest.param("数", id="a-line-without-punctuation"),
    pytest.param("收入总计181.92万元其中基本支出129.5万元", id="a-line-of-totals-each-with-其中"),  # issue 21, item 4
])
def test_work_grows_linearly(unit):
    """10k vs 40k characters of each pathological pattern: four times the text, under six times the work."""
    small, large = ((unit * (n // len(unit) + 1))[:n] + "12.5万元" for n in (10_000, 40_000))
    _calls(small)  # warm caches (rules, jieba) so both runs count only their own work
    ratio = _calls(large) / _calls(small)
    assert ratio < 6, ratio


def test_every_fact_keeps_a_bounded_sentence():
    facts = extract.extract_facts("1元" * 20_000, year=2021)
    assert len(facts) == 20_000
    assert facts["sentence"].str.len().max() <= 1000


def _encrypted_pdf() -> bytes:
    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("secret")
    b = io.BytesIO()
    w.write(b)
    return b.getvalue()


@pytest.fixture()
def bad_corpus(tmp_path):
    """Every bad case in one folder, beside one good report."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(SEED, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (d / "png.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (d / "truncated.txt").write_bytes("收入总计181.92万元".encode("utf-8")[:-2])
    (d / "locked.pdf").write_bytes(_encrypted_pdf())
    (d / "utf16.txt").write_bytes("2021年收入总计181.92万元。".encode("utf-16-le"))
    (d / "nul.txt").write_bytes("收入\x00总计181.92万元。\r其中工资100万元。".encode("utf-8"))
    (d / "report.docx").write_bytes(b"PK\x03\x04 a zip")
    (d / "table.xlsx").write_bytes(b"PK\x03\x04 another zip")
    (d / "sub" / "deep.md").write_text("2022年支出合计50万元。", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("密码123元", encoding="utf-8")
    os.symlink(outside, d / "leak.txt")
    os.symlink(tmp_path / "nowhere.txt", d / "dangling.txt")
    os.symlink(d, d / "sub" / "loop")
    return d


def test_bad_corpus_runs_as_one_batch(bad_corpus):
    result = extract.run([bad_corpus], jobs=1)
    status = dict(zip(result.documents["doc_id"], result.documents["status"]))
    assert status == {
        "binary": "binary", "dangling": "error", "sub/deep": "ok", "empty": "empty", "good": "ok",
        "leak": "skipped", "locked": "encrypted", "sub/loop": "skipped", "nul": "ok", "png": "unsupported",
        "report": "error", "table": "error", "truncated": "truncated", "utf16": "ok",
    }
    docs = result.documents.set_index("doc_id")
    assert docs.loc["utf16", "encoding"] == "utf-16-le"
    assert "outside the input folder" in docs.loc["leak", "error"]
    facts = result.facts
    assert "secret" not in set(facts["doc_id"])
    nul = facts[facts.doc_id == "nul"]
    assert len(nul) and not nul["sentence"].str.contains("\x00|\r").any()


def test_following_symlinks_is_a_choice(bad_corpus):
    result = extract.run([bad_corpus], jobs=1, follow_symlinks=True)
    status = dict(zip(result.documents["doc_id"], result.documents["status"]))
    assert status["leak"] == "ok"


def test_unreadable_folder_gets_a_row(tmp_path, monkeypatch):
    d = tmp_path / "in"
    (d / "closed").mkdir(parents=True)
    (d / "a.txt").write_text("收入100万元。", encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):  # as os.walk does when a folder cannot be listed
        for folder, dirs, files in real_walk(top, followlinks=followlinks):
            if Path(folder).name == "closed":
                onerror(PermissionError(13, "Permission denied", folder))
                continue
            yield folder, dirs, files

    monkeypatch.setattr("extract.read.ingest.os.walk", walk)
    docs = extract.run([d], jobs=1).documents
    assert sorted(docs["status"]) == ["error", "ok"]
    assert "cannot list folder" in docs.loc[docs.status == "error", "error"].item()


@pytest.mark.parametrize("stage,target", [
    ("extract", "extract.batch.document_facts"),
    ("validate", "extract.checks.validate.check_document"),
])
def test_a_failing_stage_marks_its_document_and_the_batch_goes_on(tmp_path, monkeypatch, stage, target):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SEED, encoding="utf-8")
    (d / "b.txt").write_text(SEED + "\n附记。", encoding="utf-8")
    module, name = target.rsplit(".", 1)
    real = getattr(sys.modules[module], name)

    def boom(first, *args, **kw):  # type: ignore[no-untyped-def]
        doc_id = first if isinstance(first, str) else first.doc_id
        if doc_id == "b":
            raise ZeroDivisionError("a bug in one document")
        return real(first, *args, **kw)

    monkeypatch.setattr(target, boom)
    result = extract.run([d], jobs=1)
    docs = result.documents.set_index("doc_id")
    assert docs.loc["a", "status"] == "ok"
    assert docs.loc["b", "status"] == "error"
    assert docs.loc["b", "error"] == f"{stage}: ZeroDivisionError: a bug in one document"
    assert len(result.checks[result.checks.doc_id == "a"]) > 0


def test_same_name_in_two_folders_and_the_same_file_twice(tmp_path):
    for year in ("2017", "2018"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "预算.txt").write_text(f"{year}年收入总计{year[-1]}00万元。", encoding="utf-8")
    result = extract.run([tmp_path, tmp_path / "2017" / "预算.txt"], jobs=1)
    docs = result.documents
    assert list(docs["doc_id"]) == ["2017/预算", "2018/预算", "预算"]
    assert list(docs["status"]) == ["ok", "ok", "duplicate"]
    assert result.facts["fact_id"].is_unique


def test_csv_round_trip_of_hostile_text(tmp_path):
    text = "=HYPERLINK(\"http://x\")\n收入总计181.92万元，\r其中工资100万元。" + "长" * 200_000 + "支出5万元。"
    facts = extract.extract_facts(text, year=2021)
    facts.loc[0, "label"] = "+cmd|' /C calc'!A0"
    out = tmp_path / "o"
    extract.store.write_table(facts, out, "facts")
    raw = (out / "facts.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rows) == len(facts) + 1  # a bare CR inside a sentence stays inside its cell
    labels = [r[rows[0].index("label")] for r in rows[1:]]
    assert labels[0].startswith("'+cmd")  # a formula is neutralised for spreadsheets
    assert max(len(c) for r in rows for c in r) <= 32_010
    back = pd.read_parquet(out / "facts.parquet")
    assert back.loc[0, "label"] == "+cmd|' /C calc'!A0"  # Parquet keeps the exact text


def test_second_run_into_a_locked_folder_exits_2(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("收入100万元。", encoding="utf-8")
    out = tmp_path / "o"
    with OutputLock(out):
        res = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(out)])
    assert res.exit_code == 2 and "another reportfacts run" in res.output
    assert not (out / "facts.parquet").exists()


def test_symlink_inside_output_is_replaced_not_written_through(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("收入100万元。", encoding="utf-8")
    out = tmp_path / "o"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    os.symlink(victim, out / "facts.csv")
    res = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "facts.csv").is_symlink()


def _children(pid: int) -> list[int]:
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            out.append(int(status.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state


def test_a_worker_that_dies_costs_its_document_only(tmp_path, monkeypatch):
    """A worker killed in the middle of a document (a segfault in pdfium, the OOM killer) breaks
    the whole process pool; the batch reads the documents in flight again one by one, gives the
    one that kills its worker again an error row, and reads the rest."""
    import extract.batch as batch
    from extract.read.ingest import discover

    for k, name in enumerate(["a", "b", "crash", "c", "d", "e"]):
        (tmp_path / f"{name}.txt").write_text(f"{2010 + k}年支出{k + 1}万元。", encoding="utf-8")
    real = batch.read_report

    def segfaulting(path, *args, **kwargs):
        if Path(path).stem == "crash":
            import faulthandler

            faulthandler.disable()  # pytest's crash report would only be noise here
            os.kill(os.getpid(), signal.SIGSEGV)  # as a native library would
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "read_report", segfaulting)  # forked workers inherit it
    rows = {p.row["doc_id"]: p.row for p in batch.process_all(discover([tmp_path]), jobs=2)}
    assert sorted(rows) == ["a", "b", "c", "crash", "d", "e"]
    assert rows["crash"]["status"] == "error" and rows["crash"]["error"] == batch.WORKER_DIED
    assert {d: rows[d]["status"] for d in "abcde"} == dict.fromkeys("abcde", "ok")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
def test_workers_die_with_a_killed_parent(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for k in range(40):
        (corpus / f"r{k}.txt").write_text(SEED * 3 + f"\n附{k}", encoding="utf-8")
    exe = Path(sys.executable).parent / "reportfacts"
    proc = subprocess.Popen([str(exe), "run", str(corpus), "-o", str(tmp_path / "o"), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.2)
    assert workers, "the run started no worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


@pytest.mark.parametrize("limits,name,status", [
    pytest.param(dict(chars=1000), "seed.txt", "too_large", id="text-over-its-characters"),
    pytest.param(dict(pages=1), "two.pdf", "too_large", id="pdf-over-its-pages"),
    pytest.param(dict(seconds=0.001), "seed.txt", "timeout", id="document-over-its-time"),
])
def test_a_document_over_a_limit_is_a_row(tmp_path, limits, name, status):
    from extract.read.ingest import Limits

    d = tmp_path / "in"
    d.mkdir()
    (d / "seed.txt").write_text(SEED, encoding="utf-8")
    r = PdfReader(FIXTURES / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf")
    w = PdfWriter()
    for page in r.pages:
        w.add_page(page)
    with (d / "two.pdf").open("wb") as fh:
        w.write(fh)
    docs = extract.run([d], jobs=1, limits=Limits(**limits)).documents.set_index("doc_id")
    assert docs.loc[Path(name).stem, "status"] == status
    assert "limit" in docs.loc[Path(name).stem, "error"]
    other = "two" if name == "seed.txt" else "seed"
    if status != "timeout":
        assert docs.loc[other, "status"] == "ok"


# ---------------------------------------------------------------------------------------------
# files are sniffed by their first bytes (issue 21): the right reader, or one row saying why not
# ---------------------------------------------------------------------------------------------

FORMATS = FIXTURES / "formats"
PDF = FIXTURES / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf"
HTML_PAGE = "<!DOCTYPE html><html><body><p>2021年收入总计181.92万元。</p></body></html>".encode()
GOOD_TEXT = "2021年收入总计181.92万元。".encode("gbk")


def _zip(names: list[str]) -> bytes:
    import zipfile

    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return b.getvalue()


@pytest.mark.parametrize("name,data,status,fmt,says", [
    # named right: read by its own reader, as before
    pytest.param("r.pdf", PDF.read_bytes(), "ok", "pdf", None, id="a-pdf-named-pdf"),
    pytest.param("r.txt", GOOD_TEXT, "ok", "txt", None, id="a-text-named-txt"),
    # named wrong: the reader its bytes call for
    pytest.param("r.pdf", HTML_PAGE, "ok", "html", None, id="a-web-page-named-pdf"),
    pytest.param("r.doc", HTML_PAGE, "ok", "html", None, id="a-web-page-named-doc"),
    pytest.param("r.txt", PDF.read_bytes(), "ok", "pdf", None, id="a-pdf-named-txt"),
    pytest.param("r.txt", (FORMATS / "cq_czj_2024_sangong.docx").read_bytes(), "ok", "docx", None,
                 id="a-docx-named-txt"),
    pytest.param("r.doc", (FORMATS / "cq_czj_2024_sangong.docx").read_bytes(), "ok", "docx", None,
                 id="a-docx-named-doc"),
    pytest.param("r.xls", GOOD_TEXT, "ok", "txt", None, id="a-text-named-xls"),
    # no reader fits: one row that says what the file is
    pytest.param("r.txt", _zip(["a.csv", "b.pdf"]), "unsupported", "txt", "ZIP archive", id="an-archive-named-txt"),
    pytest.param("r.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "unsupported", "pdf", "holds a .png",
                 id="an-image-named-pdf"),
    pytest.param("r.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "unsupported", "txt",
                 "old binary Office", id="an-old-office-file-named-txt"),
    pytest.param("r.docx", b"\x00\x01\x02\x03" * 100, "error", "docx", "not a .docx file", id="a-docx-that-is-no-zip"),
    pytest.param("r.pdf", b"\x00\x01\x02\x03" * 100, "error", "pdf", "not a .pdf file", id="a-pdf-that-is-no-pdf"),
])
def test_a_file_is_read_by_what_its_first_bytes_say(tmp_path, name, data, status, fmt, says):
    from extract.read.ingest import read_report

    (tmp_path / name).write_bytes(data)
    doc = read_report(tmp_path / name, year=2021)
    assert (doc.status, doc.format) == (status, fmt), doc.error
    if says is None:
        assert doc.text and doc.error is None
    else:
        assert says in doc.error and len(doc.error.splitlines()) == 1 and doc.sha256


@pytest.mark.parametrize("name,size", [
    pytest.param("backup.zip", 3 << 30, id="an-archive-of-3-GB"),
    pytest.param("backup.txt", 3 << 30, id="an-archive-of-3-GB-named-txt"),
    pytest.param("scan.pdf", 3 << 30, id="a-pdf-over-the-byte-limit"),
])
def test_a_huge_file_is_labelled_without_being_read_into_memory(tmp_path, name, size):
    """Issue 21, item 11: a 3 GB backup.zip was read whole just to be called unsupported. The
    file here is sparse (no disk used) and starts with its format's bytes; the process that
    labels it stays far below its size (VmHWM: the peak resident memory of that process)."""
    magic = b"PK\x03\x04" if "backup" in name else b"%PDF-1.7\n"
    with (tmp_path / name).open("wb") as fh:
        fh.write(magic)
        fh.truncate(size)
    code = ("import sys, re; from extract.read.ingest import read_report, Limits; "
            "doc = read_report(sys.argv[1], limits=Limits(bytes=1 << 30)); "
            "print(doc.status, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], capture_output=True, text=True,
                         check=True, timeout=120)
    status, peak_kb = out.stdout.split()
    assert status == ("too_large" if name.endswith(".pdf") else "unsupported")
    assert int(peak_kb) < 400 * 1024
