"""The award grammar's compiled code kept on disk (extract/find/grammar_cache.py): the same patterns
as compiling them, found by their exact text, and a cache that cannot be read never breaks a run."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.find import grammar_cache as gc
from extract.find.honours import _compile, award_rules
from extract.records import RuleError
from extract.rules import load_rules

DATA = {"verbs": ["荣获", "获得"]}
PATTERNS = [r"(?P<verb>荣获|获得)“(?P<name>[^”]{2,20})”", r"(?<!\d)(?P<n>\d+)(?:名|个)候选人", r"\p{Han}{2,4}奖"]
SENTENCES = ["本会荣获“全国科普工作先进集体”称号", "确定10名候选人", "获得一等奖", "荣获了先进", "没有"]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(gc.CACHE_ENV, str(folder))
    return folder


def _build(compile_: gc.Compile) -> list[object]:
    return [compile_(p, "test.yaml") for p in PATTERNS]


def _run() -> tuple[list[object], gc.PatternCache]:
    cache = gc.PatternCache("test", DATA)
    out = _build(cache.compile)
    cache.save()
    return out, cache


def _matches(patterns: list[object]) -> list[list[tuple[int, int, dict[str, str]]]]:
    return [[(m.start(), m.end(), m.groupdict()) for s in SENTENCES for m in p.finditer(s)]  # type: ignore[attr-defined]
            for p in patterns]


def test_a_second_build_takes_every_pattern_from_the_file_and_matches_the_same(cache: Path) -> None:
    first, c1 = _run()
    second, c2 = _run()
    assert (c1.missed, c2.missed) == (len(PATTERNS), 0)
    assert [p.pattern for p in second] == PATTERNS  # type: ignore[attr-defined]
    assert [p.flags for p in second] == [p.flags for p in first]  # type: ignore[attr-defined]
    assert _matches(second) == _matches(first)
    assert any(_matches(first))  # the sentences do match something


def test_the_award_grammar_from_the_cache_is_the_compiled_one(cache: Path) -> None:
    rules = load_rules()
    fresh = _compile(rules)
    gc.cached_grammar("awards", rules.award_data, lambda comp: _compile(rules, comp))  # writes the file
    again = gc.PatternCache("awards", rules.award_data)
    cached = _compile(rules, again.compile)
    assert again.missed == 0
    names = [n for n in fresh.__dataclass_fields__ if hasattr(getattr(fresh, n), "pattern")]
    assert len(names) > 30
    assert [(getattr(cached, n).pattern, getattr(cached, n).flags) for n in names] == \
        [(getattr(fresh, n).pattern, getattr(fresh, n).flags) for n in names]
    text = "第十二届“中国青年五四奖章标兵”10名候选人日前确定。本会荣获“全国科普工作先进集体”称号。"
    assert [m.span() for m in cached.counted_nominee.finditer(text)] == \
        [m.span() for m in fresh.counted_nominee.finditer(text)] != []
    assert award_rules(rules) is award_rules(rules)  # still once per rule set


def test_a_changed_pattern_misses_and_is_compiled(cache: Path) -> None:
    _run()
    c = gc.PatternCache("test", DATA)
    p = c.compile(r"\d+名候选对象", "test.yaml")
    assert c.missed == 1 and p.pattern == r"\d+名候选对象" and p.search("3名候选对象")


def test_the_file_is_named_by_the_rule_data(cache: Path) -> None:
    assert gc.PatternCache("test", DATA).path != gc.PatternCache("test", {"verbs": ["荣获"]}).path


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other magic", "entry under another pattern"])
def test_a_damaged_file_is_ignored_and_written_again(cache: Path, damage: str) -> None:
    _, c = _run()
    assert c.path is not None
    blob = c.path.read_bytes()
    if damage == "truncated":
        c.path.write_bytes(blob[: len(blob) // 2])
    elif damage == "garbage":
        c.path.write_bytes(blob[: len(gc.MAGIC)] + os.urandom(len(blob) - len(gc.MAGIC)))
    elif damage == "empty":
        c.path.write_bytes(b"")
    elif damage == "other magic":
        c.path.write_bytes(b"x" + blob[1:])
    else:  # a well-formed file whose entry is filed under another pattern's text
        import hashlib
        import marshal

        entries = gc._read(c.path)
        swapped = {PATTERNS[0]: entries[PATTERNS[1]], PATTERNS[1]: entries[PATTERNS[0]], PATTERNS[2]: entries[PATTERNS[2]]}
        body = marshal.dumps(swapped)
        c.path.write_bytes(gc.MAGIC + hashlib.sha256(body).digest() + body)
    again, c2 = _run()
    assert [p.pattern for p in again] == PATTERNS  # type: ignore[attr-defined]
    assert c2.missed == (2 if damage == "entry under another pattern" else len(PATTERNS))
    assert _run()[1].missed == 0  # written again whole


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners")
def test_a_file_others_may_write_is_not_read(cache: Path) -> None:
    _, c = _run()
    assert c.path is not None
    c.path.chmod(0o666)
    assert gc.PatternCache("test", DATA).known == {}
    c.path.chmod(0o600)
    assert len(gc.PatternCache("test", DATA).known) == len(PATTERNS)


@pytest.mark.parametrize("value", ["", "0"])
def test_no_cache_when_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(gc.CACHE_ENV, value)
    monkeypatch.chdir(tmp_path)
    out, c = _run()
    assert c.path is None and [p.pattern for p in out] == PATTERNS  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    monkeypatch.setenv(gc.CACHE_ENV, str(ro / "cache"))
    out, c = _run()
    assert [p.pattern for p in out] == PATTERNS  # type: ignore[attr-defined]


def test_a_folder_in_place_of_the_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv(gc.CACHE_ENV, str(tmp_path / "file"))
    out, c = _run()
    assert [p.pattern for p in out] == PATTERNS  # type: ignore[attr-defined]
    assert (tmp_path / "file").read_text() == "not a folder"


def test_a_bad_pattern_is_still_a_rule_error(cache: Path) -> None:
    with pytest.raises(RuleError, match="test.yaml"):
        gc.PatternCache("test", DATA).compile("(unclosed", "test.yaml")


def test_no_temporary_file_is_left(cache: Path) -> None:
    _run()
    _run()
    assert [p.name for p in cache.iterdir()] == [gc.PatternCache("test", DATA).path.name]  # type: ignore[union-attr]


def test_old_files_of_a_grammar_are_pruned(cache: Path) -> None:
    import time

    for k in range(gc.KEEP + 3):
        c = gc.PatternCache("test", {"verbs": [f"v{k}"]})
        _build(c.compile)
        c.save()
        assert c.path is not None
        os.utime(c.path, (time.time() + k, time.time() + k))  # newer each time, whatever the clock's grain
    kept = sorted(cache.glob("test-*.bin"))
    assert len(kept) == gc.KEEP and c.path in kept
    other = gc.PatternCache("other", DATA)
    _build(other.compile)
    other.save()
    assert len(list(cache.glob("test-*.bin"))) == gc.KEEP  # another grammar's files are not its to prune


def test_no_home_directory_is_no_cache_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(gc.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    out, c = _run()
    assert c.path is None and [p.pattern for p in out] == PATTERNS  # type: ignore[attr-defined]
