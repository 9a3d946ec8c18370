"""How documents are grouped into cluster tasks (extract.batch.tasks) and what is loaded before
workers fork: small text and markup files travel several to a task (a task's round trip costs
more than reading a 2 KB report), everything else alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import batch
from extract.read.ingest import Entry

KB = 1024


def _entries(tmp_path: Path, files: list[tuple[str, int]]) -> list[Entry]:
    out = []
    for name, size in files:
        p = tmp_path / name
        if size >= 0:  # a negative size: a file that is not there
            p.write_bytes(b"x" * size)
        out.append(Entry(p, p.stem))
    return out


# (files as name and bytes, slots, task bytes bounds, expected tasks as indices)
CASES = {
    "small text files share a task": ([("a.txt", 10), ("b.txt", 10), ("c.md", 10)], 1, (100, 1000), [[0, 1, 2]]),
    "a task closes before its bytes go over the size": (
        [("a.txt", 60), ("b.txt", 60), ("c.txt", 60)], 1, (100, 1000), [[0], [1], [2]]),
    "two small ones fit, the third starts a new task": (
        [("a.txt", 40), ("b.txt", 40), ("c.txt", 40)], 1, (100, 1000), [[0, 1], [2]]),
    "html is batched like text": ([("a.html", 10), ("b.htm", 10)], 1, (100, 1000), [[0, 1]]),
    "a PDF goes alone, as soon as it is met": (
        [("a.txt", 10), ("b.pdf", 10), ("c.txt", 10)], 1, (100, 1000), [[1], [0, 2]]),
    "an office file goes alone": ([("a.docx", 10), ("b.txt", 10)], 1, (100, 1000), [[0], [1]]),
    "a text file over the small size goes alone": (
        [("a.txt", 10), ("big.txt", batch.SMALL_BYTES + 1), ("c.txt", 10)], 1, (100, 1 << 30), [[1], [0, 2]]),
    "a file that is gone goes alone (its reader words the row)": (
        [("a.txt", 10), ("gone.txt", -1)], 1, (100, 1000), [[1], [0]]),
    "more worker threads, smaller tasks (8 per thread), not below the lower bound": (
        [(f"d{k}.txt", 100) for k in range(16)], 2, (100, 1 << 20), [[k] for k in range(16)]),
    "one thread: the corpus over 8 tasks": (
        [(f"d{k}.txt", 100) for k in range(16)], 1, (100, 1 << 20), [[2 * k, 2 * k + 1] for k in range(8)]),
}


@pytest.mark.parametrize("files, slots, bounds, expected", CASES.values(), ids=CASES.keys())
def test_tasks(tmp_path, monkeypatch, files, slots, bounds, expected):
    monkeypatch.setattr(batch, "TASK_BYTES", bounds)
    assert [list(u) for u in batch.tasks(_entries(tmp_path, files), slots)] == expected


def test_a_task_holds_at_most_task_documents(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "TASK_DOCUMENTS", 3)
    monkeypatch.setattr(batch, "TASK_BYTES", (1 << 20, 1 << 20))
    units = batch.tasks(_entries(tmp_path, [(f"d{k}.txt", 1) for k in range(7)]), 1)
    assert [len(u) for u in units] == [3, 3, 1]


def test_entries_with_a_status_ride_along_without_bytes(tmp_path):
    entries = [Entry(tmp_path / "a.exe", "a", status="unsupported"), *_entries(tmp_path, [("b.txt", 10)])]
    assert batch.tasks(entries, 1) == [[0, 1]]


def test_process_many_gives_each_document_its_own_result(tmp_path):
    texts = {"a": "2021年支出经费12.5万元。\n", "b": "2021年培训干部120人次。\n"}
    items = []
    for k, (name, text) in enumerate(texts.items()):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        items.append((k, Entry(tmp_path / f"{name}.txt", name)))
    got = batch.process_many(items, 2021, None)
    assert [(p.index, p.row["doc_id"]) for p in got] == [(0, "a"), (1, "b")]
    assert [[f["text"] for f in p.facts if f["kind"] != "year"] for p in got] == [["12.5万元"], ["120人次"]]


def test_warming_builds_what_the_stages_compile_on_first_use(monkeypatch):
    """Before workers fork the parent reads a short report once: the award grammar (compiled on
    first use, ~0.7 CPU-s) is then in the rule set every worker inherits, not compiled again."""
    from extract.find import honours
    from extract.rules import load_rules

    rules = load_rules()
    rules._derived.clear()
    batch._warm()

    def again(r):
        raise AssertionError("the award grammar was compiled again after warming")

    monkeypatch.setattr(honours, "_compile", again)
    assert honours.award_rules(rules) is not None


def test_the_warm_text_takes_every_kind_of_fact(tmp_path):
    """WARM_TEXT must reach every stage: if a rule change left a kind out of it, that stage's
    compiling would move back into each worker."""
    (tmp_path / "w.txt").write_text(batch.WARM_TEXT, encoding="utf-8")
    row, facts, checks = batch._work(Entry(tmp_path / "w.txt", "w"), 2021, None)
    assert row["status"] == "ok"
    assert {"amount", "headcount", "date", "award"} <= {f["kind"] for f in facts}
    assert checks and all(c["status"] == "pass" for c in checks)
    assert any(f["label"] for f in facts if f["kind"] == "amount")
