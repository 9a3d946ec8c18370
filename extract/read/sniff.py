"""What a file is, by its first bytes: the suffix its reader is chosen by.

Reports come with the wrong name as often as with the right one: a ``.pdf`` that is the HTML
error page of the site it was downloaded from, a ``.doc`` that Word saved as a web page or as a
``.docx``, a ``.txt`` that is a PDF. :func:`sniffed_suffix` looks at the first bytes (and, for a
ZIP archive, at the names in its directory, never at its contents) and says which reader fits,
so that the file goes to the right one or becomes one ``unsupported`` or ``error`` row; nothing is
read whole to find this out.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..records import IngestError

#: bytes read to tell what a file is (a PDF header may follow up to 1 KB of junk)
HEAD_BYTES = 4096
_OLE = b"\xd0\xcf\x11\xe0"  # Word 97-2003, Excel 97-2003, WPS
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
#: other formats a folder of reports holds, by their first bytes: the suffix they are dispatched by
_OTHER = ((b"\x89PNG", ".png"), (b"\xff\xd8\xff", ".jpg"), (b"GIF8", ".gif"), (b"II*\x00", ".tif"),
          (b"MM\x00*", ".tif"), (b"\x1f\x8b", ".gz"), (b"7z\xbc\xaf\x27\x1c", ".7z"), (b"Rar!", ".rar"),
          (b"{\\rtf", ".rtf"), (b"MIME-Version:", ".mht"))
_HTML = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<?xml", b"<!--")
#: the suffix a reader is chosen by, for each family of formats that one reader takes
#: suffixes of plain text (their bytes say nothing of a format)
TEXT = {".txt", ".md", ".text"}
_FAMILY = {".pdf": "pdf", ".docx": "zip", ".xlsx": "zip", ".html": "html", ".htm": "html", ".shtml": "html",
           ".xhtml": "html", ".doc": "ole", ".xls": "ole", ".wps": "ole", ".et": "ole"}


def what(head: bytes) -> str | None:
    """The family of a file by its first bytes (``pdf``, ``zip``, ``ole``, ``html``), the suffix of
    another format it shows (``.png``), or None for text (or anything else: the text reader says).

    >>> what(b"%PDF-1.7"), what(b"\\xef\\xbb\\xbf<!DOCTYPE HTML>"), what(b"PK\\x03\\x04"), what("收入".encode())
    ('pdf', 'html', 'zip', None)
    >>> what(b"\\x89PNG\\r\\n")
    '.png'
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    for magic, suffix in _OTHER:
        if head.startswith(magic):
            return suffix
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML) and (b"<html" in head.lower() or b"<body" in head.lower() or start.startswith(b"<!doc")):
        return "html"
    return None


def _texty(head: bytes) -> bool:
    """True when the first bytes read as text (UTF-8 or GB18030, no NUL).

    >>> _texty("收入总计".encode("gbk")), _texty(b"\\x00\\x01binary")
    (True, False)
    """
    if not head.strip() or b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:  # the head may end inside a character
            if len(head) == HEAD_BYTES and e.start >= len(head) - 4:
                return True
    return False


def _office_in_zip(path: Path) -> str | None:
    """``.docx`` or ``.xlsx`` by the names in a ZIP archive's directory; None for another archive."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return ".docx"
    if "xl/workbook.xml" in names:
        return ".xlsx"
    return None


def sniffed_suffix(path: Path, suffix: str, head: bytes) -> str:
    """The suffix whose reader fits the file: ``suffix`` when the bytes agree with it (or say
    nothing, as a text does), else the suffix of the format the bytes show (the dispatch of
    :func:`extract.read.ingest.read_report` then reads it or says it is unsupported). A ZIP archive
    that is no Office file, or an old Office file under another suffix, is :class:`IngestError`
    ``unsupported``; a file whose bytes fit no reader of its own binary format (a ``.docx`` that
    is not a ZIP archive) is ``error``."""
    found = what(head)
    family = _FAMILY.get(suffix)
    if found is None:
        if family in ("pdf", "zip", "ole") and _texty(head):  # a text named .xls (tab-separated figures)
            return ".txt"
        if family in ("pdf", "zip", "ole"):  # a binary format, but not its bytes
            raise IngestError("error", f"not a {suffix} file: its first bytes {head[:8]!r} are not those of "
                                       f"a {family.upper()} file; renamed or damaged?")
        return suffix
    if found == family or (found.startswith(".") and family is None and suffix not in TEXT):
        return suffix  # what it says it is, or a format of its own (an image: its reader, if any, says)
    if found.startswith("."):
        return found
    if found == "pdf":
        return ".pdf"
    if found == "html":
        return ".html"
    if found == "zip":
        office = _office_in_zip(path)
        if office is None:
            raise IngestError("unsupported", f"{path.name} is a ZIP archive, not a report: unpack it and run on "
                                             "its folder")
        return office
    raise IngestError("unsupported", f"{path.name} is an old binary Office file (Word/Excel 97-2003): give it "
                                     "its own suffix (.doc, .xls) or convert it (LibreOffice: soffice --headless "
                                     "--convert-to docx)")


def head_of(path: Path) -> bytes:
    """The first :data:`HEAD_BYTES` bytes of a file."""
    with path.open("rb") as fh:
        return fh.read(HEAD_BYTES)
