"""Path -> Document: decode text files, read PDFs, find title, organisation and year.

Text files are decoded in a fixed order: a BOM (UTF-8/UTF-16/UTF-32), strict
UTF-8, strict GB18030 (a superset of GBK and GB2312), then charset-normalizer;
the encoding used is recorded. A file that cannot be read is not an exception
for the batch: :func:`read_report` returns a Document whose ``status`` says
why (``empty``, ``binary``, ``undecodable``, ``unsupported``, ``error`` ...).
"""
from __future__ import annotations

import dataclasses

import codecs
import fnmatch
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..records import Document, IngestError
from ..store import file_sha256
from .metadata import organization, report_year, with_meta  # noqa: F401  (api.py reads the first two here)
from .sniff import head_of, sniffed_suffix

TEXT_SUFFIXES = {".txt", ".md", ".text"}
MARKUP_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
OFFICE_SUFFIXES = {".docx", ".xlsx"}
#: old binary Office formats: .xls, .et read by python-calamine; .doc, .wps through a converter (converted.py)
OLD_OFFICE_SUFFIXES = {".doc": "docx", ".wps": "docx", ".xls": "xlsx", ".et": "xlsx"}
PDF_SUFFIXES = {".pdf"}
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | MARKUP_SUFFIXES | OFFICE_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Truncated(Exception):
    def __init__(self, text: str, dropped: int) -> None:
        super().__init__(f"file ends inside a UTF-8 character: last {dropped} byte(s) dropped")
        self.text = text


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text report -> (text, encoding used).

    >>> decode("收入".encode("gbk"))
    ('收入', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "收入".encode())
    ('收入', 'utf-8-sig')
    """
    if not data.strip(b" \t\r\n"):
        raise IngestError("empty", "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise IngestError("undecodable", f"starts with a {enc} byte-order mark but does not decode: {e}")
    head = data[:4096]
    if head.count(0) > max(2, len(head) // 100):  # a stray NUL or two in a text is noise, many are not
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise IngestError("binary", "file holds NUL bytes: binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            # a UTF-8 file cut inside its last character: keep everything before the cut
            raise _Truncated(data[: e.start].decode("utf-8"), len(data) - e.start) from None
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("undecodable", "not UTF-8, not GB18030, and no other encoding fits")
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (Windows tools do): the byte order whose text
    reads as text (almost no control characters), or None for a binary file.

    >>> _utf16_without_bom("收入总计181.92万元".encode("utf-16-le"))
    ('收入总计181.92万元', 'utf-16-le')
    """
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
        if sample and bad <= len(sample) * 0.01 and (best is None or bad < best[0]):
            best = (bad, text, enc)
    return (best[1], best[2]) if best else None


@dataclass(frozen=True)
class Limits:
    """Per-document limits: a document over one is a row with status ``too_large`` or
    ``timeout``, never a hung or crashed batch. Also how PDFs are read."""

    #: seconds to read and extract one document (enforced where a timer signal can be used:
    #: the main thread of the process doing the work)
    seconds: float | None = 120
    #: characters of text (a text file after decoding)
    chars: int | None = 50_000_000
    #: pages of a PDF
    pages: int | None = 3_000
    #: ``pdfium`` or ``pdfminer`` (see :data:`extract.pdf.READERS`); None: $REPORTFACTS_PDF_READER, else pdfium
    pdf_reader: str | None = None
    #: facts found in one document (a text of nothing but figures would fill memory and the store)
    facts: int | None = 1_000_000
    #: megabytes of memory one document may take in its worker process (its address space is capped
    #: there, RLIMIT_AS: a blow-up is a ``too_large`` row, never the machine's memory)
    memory_mb: int | None = 4096
    #: bytes of any file, checked before it is read (a 3 GB archive is never read into memory)
    bytes: int | None = 1 << 30
    #: scanned PDF pages: ``auto``, ``force`` or ``off`` (see :data:`extract.read.ocr.MODES`);
    #: None: $REPORTFACTS_OCR, else auto
    ocr: str | None = None
    #: the kinds of facts and stages to run (:func:`extract.rules.choose_kinds`); None: everything
    kinds: frozenset[str] | None = None


def read_report(path: str | Path, year: int | None = None, doc_id: str | None = None,
                limits: Limits | None = None) -> Document:
    """Read one report file. Never raises for a bad file: the status says what went wrong.
    ``doc_id`` defaults to the file name without its extension."""
    limits = limits or Limits()
    p = Path(path)
    doc_id = doc_id or p.stem
    fmt = p.suffix.lower().lstrip(".") or "unknown"
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # /dev/zero behind a followed link would be read for ever
            return Document(doc_id, shown(p), fmt, "", status="error",
                            error="not a regular file (a device, a pipe or a socket); not read")
        # what the file is, by its first bytes: the suffix the reader is chosen by (a .pdf that
        # is a web page is read as one); a format no reader takes is never read whole
        try:
            suffix = sniffed_suffix(p, p.suffix.lower(), head_of(p))
        except IngestError as e:
            return Document(doc_id, shown(p), fmt, "", sha256=file_sha256(p), status=e.status, error=str(e))
        if suffix not in SUFFIXES and suffix not in OLD_OFFICE_SUFFIXES:
            named = f" ({p.name} holds a {suffix} file)" if suffix != p.suffix.lower() else ""
            return Document(doc_id, shown(p), fmt, "", sha256=file_sha256(p), status="unsupported",
                            error=f"unsupported file type {suffix or '(none)'}{named}; "
                                  f"expected one of {', '.join(sorted(SUFFIXES))}")
        fmt = suffix.lstrip(".")
        # a file over the size limits is never read into memory (a text: 4 bytes per character at most)
        if suffix in TEXT_SUFFIXES and limits.chars is not None and st.st_size > 4 * limits.chars + 4:
            return Document(doc_id, shown(p), fmt, "", sha256=file_sha256(p), status="too_large",
                            error=f"{st.st_size} bytes: over the limit of {limits.chars} characters")
        if limits.bytes is not None and st.st_size > limits.bytes:
            return Document(doc_id, shown(p), fmt, "", sha256=file_sha256(p), status="too_large",
                            error=f"{st.st_size} bytes: over the limit of {limits.bytes} bytes per file")
        data = p.read_bytes()
    except OSError as e:
        return Document(doc_id, shown(p), fmt, "", status="error", error=f"cannot read file: {e.strerror or e}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        if suffix in PDF_SUFFIXES:
            from .pdf import read_pdf

            doc = read_pdf(data, doc_id=doc_id, path=shown(p), sha256=sha, max_pages=limits.pages,
                           reader=limits.pdf_reader, ocr=limits.ocr)
        elif suffix in MARKUP_SUFFIXES or suffix in OFFICE_SUFFIXES:
            from .markup import read_html
            from .office import read_docx, read_xlsx

            if suffix in MARKUP_SUFFIXES:
                try:
                    doc = read_html(data, doc_id=doc_id, path=shown(p), sha256=sha, decode=decode)
                except _Truncated as t:  # a page cut inside a character: what decodes is read, and said
                    doc = read_html(t.text.encode("utf-8"), doc_id=doc_id, path=shown(p), sha256=sha)
                    doc = dataclasses.replace(doc, status="truncated", error=str(t))
            else:
                reader = read_docx if suffix == ".docx" else read_xlsx
                doc = reader(data, doc_id=doc_id, path=shown(p), sha256=sha)
        elif suffix in (".xls", ".et"):  # Excel 97-2003 and WPS workbooks: python-calamine
            from .office import read_xls

            doc = read_xls(data, doc_id=doc_id, path=shown(p), sha256=sha, fmt=suffix.lstrip("."))
        elif suffix in OLD_OFFICE_SUFFIXES:  # .doc, .wps: a converter when one is installed, else unsupported
            from .converted import read_word97

            doc = read_word97(data, doc_id=doc_id, path=shown(p), sha256=sha, fmt=suffix.lstrip("."))
        elif suffix in TEXT_SUFFIXES:
            try:
                text, enc = decode(data)
                doc = Document(doc_id, shown(p), fmt, text, encoding=enc, sha256=sha)
            except _Truncated as t:
                doc = Document(doc_id, shown(p), fmt, t.text, encoding="utf-8", sha256=sha,
                               status="truncated", error=str(t))
        else:
            raise IngestError("unsupported", f"unsupported file type {suffix or '(none)'}; "
                                             f"expected one of {', '.join(sorted(SUFFIXES))}")
    except IngestError as e:
        return Document(doc_id, shown(p), fmt, "", sha256=sha, status=e.status, error=str(e))
    if limits.chars is not None and len(doc.text) > limits.chars:
        return Document(doc_id, shown(p), fmt, "", encoding=doc.encoding, sha256=sha, status="too_large",
                        error=f"{len(doc.text)} characters, over the limit of {limits.chars}")
    if not doc.text.strip() and doc.status == "ok":
        return dataclasses.replace(doc, status="empty", error="no text in file")
    return with_meta(doc, year)


@dataclass(frozen=True)
class Entry:
    """One thing found under the paths of a run: a file to read, or a row saying why not."""

    path: Path
    doc_id: str
    #: None: read it; else the status of its documents row (skipped, error, duplicate …)
    status: str | None = None
    error: str | None = None
    sha256: str = ""
    #: the input folder the user named that holds it (the id is the path relative to it)
    root: Path | None = None


def shown(path: str | Path) -> str:
    """A path as text every table can hold: bytes of a file name that are not UTF-8 (a Latin-1
    name from an old archive) are shown as ``\\xe9`` escapes instead of breaking the batch.

    >>> shown(os.fsdecode(b"latin1-\\xe9.txt"))
    'latin1-\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _walk(root: Path, follow_symlinks: bool, out: list[tuple[Path, str | None, str | None]]) -> None:
    """Every file under ``root`` (sorted), each with a status when it cannot or must not be read."""
    base = root.resolve()

    def onerror(e: OSError) -> None:
        out.append((Path(e.filename or root), "error", f"cannot list folder: {e.strerror or e}"))

    seen: set[Path] = {base}
    for folder, dirs, files in os.walk(root, onerror=onerror, followlinks=follow_symlinks):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for d in list(dirs):
            link = here / d
            if link.is_symlink():
                real = link.resolve()
                if not follow_symlinks:
                    dirs.remove(d)
                    out.append((link, "skipped", "symbolic link to a folder; not followed (use --follow-symlinks)"))
                elif real in seen or any(real == p or p in real.parents for p in seen if p != base):
                    dirs.remove(d)
                    out.append((link, "error", "symbolic link loop"))
                else:
                    seen.add(real)
        for name in sorted(files):
            if name.startswith("."):
                continue  # hidden files (.DS_Store, editor swap files) are not reports
            f = here / name
            out.append((f, *_link_status(f, base, follow_symlinks)))


def _link_status(f: Path, base: Path, follow_symlinks: bool) -> tuple[str | None, str | None]:
    if not f.is_symlink():
        return None, None
    try:
        real = f.resolve(strict=True)
    except FileNotFoundError:
        return "error", "dangling symbolic link"
    except (RuntimeError, OSError) as e:
        return "error", f"symbolic link loop or unreadable link: {e}"
    if not follow_symlinks and base not in real.parents:
        return "skipped", "symbolic link to a file outside the input folder; not followed (use --follow-symlinks)"
    return None, None


def discover(paths: list[str | Path], follow_symlinks: bool = False, exclude: tuple[str, ...] = ()) -> list[Entry]:
    """Every entry under ``paths``, in order: files to read, and rows for what cannot be read
    (unsupported types are read into an ``unsupported`` row, links leaving the input folder are
    ``skipped``, dangling links and unreadable folders are ``error``). ``doc_id`` is the file's
    path relative to the input folder named (without its extension), so it does not depend on
    which other files are in the run; of files with the same bytes one is read (the shortest
    path) and the others are ``duplicate`` rows. Paths matching an
    ``exclude`` glob (on the file name or the path relative to its input folder) are left out."""
    found: list[tuple[Path, Path, str | None, str | None]] = []  # (root, path, status, error)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            rows: list[tuple[Path, str | None, str | None]] = []
            _walk(p, follow_symlinks, rows)
            found.extend((p, f, st, err) for f, st, err in rows)
        else:
            found.append((p.parent, p, None, None))
    if exclude:
        found = [x for x in found if not _excluded(x[1], x[0], exclude)]
    out: list[Entry] = []
    ids: set[str] = set()
    for root, f, status, error in found:
        try:
            doc_id = shown(f.relative_to(root).with_suffix("").as_posix())
        except ValueError:
            doc_id = shown(f.with_suffix("").as_posix())
        base_id, k = doc_id, 2
        while doc_id in ids:  # the same file named twice
            doc_id, k = f"{base_id}~{k}", k + 1
        ids.add(doc_id)
        sha = ""
        if status is None and f.is_file():
            try:
                sha = file_sha256(f)
            except OSError:
                sha = ""
        out.append(Entry(f, doc_id, status, error, sha, root))
    # of files with the same bytes, the one with the shortest path (then the first by name, then
    # the first named) is read and the others are duplicate rows: a copy_of_… never wins over its original
    original: dict[str, Entry] = {}
    readable = [(k, e) for k, e in enumerate(out) if e.status is None and e.sha256]
    for _, e in sorted(readable, key=lambda ke: (len(os.path.abspath(ke[1].path)), os.path.abspath(ke[1].path),
                                                 ke[0])):
        original.setdefault(e.sha256, e)
    return [e if e.status is not None or not e.sha256 or original[e.sha256] is e else
            Entry(e.path, e.doc_id, "duplicate", f"same bytes as {original[e.sha256].doc_id}; read once",
                  e.sha256, e.root) for e in out]


def _excluded(f: Path, root: Path, globs: tuple[str, ...]) -> bool:
    try:
        rel = f.relative_to(root).as_posix()
    except ValueError:
        rel = f.as_posix()
    return any(fnmatch.fnmatch(f.name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def entry_row(e: Entry) -> Document:
    """The documents row of an entry that is not read."""
    fmt = e.path.suffix.lower().lstrip(".") or "unknown"
    return Document(e.doc_id, shown(e.path), fmt, "", sha256=e.sha256, status=e.status or "error", error=e.error)
