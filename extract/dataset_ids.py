"""Which id each file of a run gets, and what a run reads documents with (settings stored per
document, so a run with other settings reads again exactly the documents they affect).
Part of :mod:`extract.dataset`.
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .dataset_schema import abs_path
from .read.ingest import Entry, Limits, shown
from .records import package_version


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


@dataclass(frozen=True)
class Settings:
    """What a run reads documents with; stored per document, so a run with other settings reads
    again exactly the documents they affect (the PDF reader affects only PDFs)."""

    year: int | None
    pdf_reader: str
    rules: str
    version: str
    #: ``--kinds`` (``amount,label``), None for everything: a later run with other kinds reads again
    kinds: str | None = None

    def of(self, entry: Entry) -> str:
        """The settings that bear on ``entry``, as stored (JSON)."""
        pdf = entry.path.suffix.lower() == ".pdf"
        return json.dumps({"year": self.year, "pdf_reader": self.pdf_reader if pdf else None,
                           "rules": self.rules, "version": self.version, "kinds": self.kinds}, sort_keys=True)


def settings_for(year: int | None, limits: Limits | None) -> Settings:
    reader = (limits.pdf_reader if limits else None) or os.environ.get("REPORTFACTS_PDF_READER") or "pdfium"
    kinds = ",".join(sorted(limits.kinds)) if limits and limits.kinds is not None else None
    return Settings(year, reader, rules_digest(), package_version(), kinds)


def changed_settings(stored: str | None, now: str) -> list[str]:
    """The names of the settings that differ (``unknown`` when the store does not say)."""
    if not stored:
        return ["unknown"]
    try:
        old = json.loads(stored)
    except ValueError:
        return ["unknown"]
    new = json.loads(now)
    return [k for k in sorted(new) if old.get(k) != new[k]]


def inside(path: Path, folder: Path) -> bool:
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
        here = abs_path(e.path)
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
