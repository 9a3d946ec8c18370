"""Compiled grammars kept on disk between runs: the award grammar's 51 regexes take ~0.25 CPU-s to
compile (the ``regex`` module parses a pattern in Python) and ~4 ms to rebuild from their compiled code.

What is kept is each pattern's compiled code as the ``regex`` module pickles it (its ``_pickled_data``:
the pattern's text, flags, code and group tables: strings, numbers, bytes, lists and dicts), written
with :mod:`marshal` (plain data: loading it runs nothing) in one file per grammar, named by a digest of
the rule data it was compiled from, the package's and the ``regex`` module's versions. Each entry is
found by the exact text of its pattern, so a grammar whose code changed (another pattern) misses and
compiles afresh: the cache never hands back another pattern than the one asked for. The file is
written under a temporary name and renamed into place; one that cannot be read (missing, truncated,
another format, not the user's own, writable by others) or written (a read-only home) is ignored, and
the grammar is compiled as without a cache. ``REPORTFACTS_CACHE`` names the folder (default
``$XDG_CACHE_HOME/reportfacts`` or ``~/.cache/reportfacts``); set empty or ``0``, no cache is used.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex

from ..records import package_version
from ..rules import compile_rule

_T = TypeVar("_T")
#: the environment variable naming the cache folder ("" or "0": no cache)
CACHE_ENV = "REPORTFACTS_CACHE"
#: the first bytes of a cache file (a file of another format is not read)
MAGIC = b"reportfacts-grammar-1\n"
#: cache files kept per grammar (the newest)
KEEP = 8
Compile = Callable[[str, str], "regex.Pattern[str]"]


def cache_dir() -> Path | None:
    """The folder of the cache files, or None when caching is switched off."""
    named = os.environ.get(CACHE_ENV)
    if named is not None:
        return Path(named) if named.strip() not in ("", "0") else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no home directory to be found: no cache
            return None
    return Path(base) / "reportfacts"


def cache_key(name: str, data: Any) -> str:
    """The digest a grammar's cache file is named by: the rule data it is compiled from (as loaded
    from patterns/), the package's version and the ``regex`` module's (its compiled code's format).

    >>> cache_key("awards", {"verbs": ["荣获"]}) == cache_key("awards", {"verbs": ["荣获"]})
    True
    >>> cache_key("awards", {"verbs": ["荣获"]}) == cache_key("awards", {"verbs": ["获得"]})
    False
    """
    text = json.dumps([name, data, package_version(), regex.__version__], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _owned(st: os.stat_result) -> bool:
    """A file or folder of this user's that nobody else may write (where there are owners)."""
    if not hasattr(os, "geteuid"):
        return True
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path) -> dict[str, tuple[Any, ...]]:
    """The entries of a cache file: pattern text -> compiled code; empty when it cannot be read."""
    try:
        if not _owned(path.parent.stat()) or not _owned(path.stat()):
            return {}
        blob = path.read_bytes()
    except OSError:
        return {}
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 32:
        return {}
    digest, body = blob[len(MAGIC):len(MAGIC) + 32], blob[len(MAGIC) + 32:]
    if hashlib.sha256(body).digest() != digest:  # truncated or damaged
        return {}
    try:
        entries = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, tuple) and v and v[0] == k}


def _write(path: Path, entries: dict[str, tuple[Any, ...]]) -> None:
    """Write the cache file under a temporary name and rename it into place (a reader never sees
    half a file); nothing is written where the folder cannot be made or written."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _owned(path.parent.stat()):
            return
        body = marshal.dumps(entries)
        fd, tmp = tempfile.mkstemp(prefix=".grammar-", dir=path.parent)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Keep the :data:`KEEP` newest files of this grammar (each edit of its rule files names a new
    one; two checkouts of the package may take turns): the folder does not grow with every edit."""
    name = path.name.rsplit("-", 1)[0]
    try:
        others = sorted((f for f in path.parent.glob(f"{name}-*.bin") if f != path),
                        key=lambda f: f.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1:]:  # the file just written is one of those kept
            old.unlink()
    except OSError:  # another process pruned first, or the folder is not ours to clean
        pass


class PatternCache:
    """A ``compile(pattern, where)`` that rebuilds a pattern compiled before from its code in the
    cache file, else compiles it (:func:`extract.rules.compile_rule`: a bad pattern is a RuleError)."""

    def __init__(self, name: str, data: Any) -> None:
        folder = cache_dir()
        self.path = folder / f"{name}-{cache_key(name, data)}.bin" if folder is not None else None
        self.known = _read(self.path) if self.path is not None else {}
        self.used: dict[str, tuple[Any, ...]] = {}
        self.missed = 0

    def compile(self, pattern: str, where: str) -> regex.Pattern[str]:
        code = self.known.get(pattern)
        if code is not None:
            try:
                compiled = regex._regex.compile(*code)
            except Exception:  # noqa: BLE001 - code the module does not take: compiled afresh below
                compiled = None
            if compiled is not None and compiled.pattern == pattern:
                self.used[pattern] = code
                return compiled  # type: ignore[no-any-return]
        compiled = compile_rule(pattern, where)
        self.missed += 1
        code = getattr(compiled, "_pickled_data", None)
        if isinstance(code, tuple):
            self.used[pattern] = code
        return compiled

    def save(self) -> None:
        """Write what this grammar used, when any pattern had to be compiled."""
        if self.path is not None and self.missed and self.used:
            _write(self.path, self.used)


def cached_grammar(name: str, data: Any, build: Callable[[Compile], _T]) -> _T:
    """``build(compile)`` with ``compile`` taking its patterns from the cache file of ``name`` and
    ``data`` (the rule data the grammar is built from); the file is rewritten when a pattern missed."""
    cache = PatternCache(name, data)
    out = build(cache.compile)
    cache.save()
    return out
