"""Word 97-2003 (.doc) and WPS (.wps) files, through a converter the operating system provides.

No Python library reads the old binary Word format well; two programs do, and are packaged by every
Linux distribution: LibreOffice (``soffice --headless --convert-to docx``: paragraphs and tables, read
then by :func:`extract.read.office.read_docx`) and antiword (``.doc`` only: text, table rows with ``|``
between cells). Whichever is installed is used (LibreOffice first: it keeps tables as tables and reads
WPS files too); with neither, the file is an ``unsupported`` row that says what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..records import Document, IngestError

#: seconds a conversion may take (LibreOffice's first start in a fresh profile takes several)
TIMEOUT = 120
INSTALL = ("install LibreOffice (Debian: apt-get install libreoffice-writer-nogui) or, for .doc, antiword "
           "(apt-get install antiword), or convert the file yourself: soffice --headless --convert-to docx FILE")


def converters() -> dict[str, str]:
    """The converters installed: name -> path (``soffice``, ``antiword``)."""
    found = {"soffice": shutil.which("soffice") or shutil.which("libreoffice"), "antiword": shutil.which("antiword")}
    return {k: v for k, v in found.items() if v}


def read_word97(data: bytes, doc_id: str, path: str, sha256: str, fmt: str) -> Document:
    """A .doc or .wps file's text (and tables, through LibreOffice) with the first converter installed."""
    have = converters()
    if "soffice" in have:
        return _soffice(have["soffice"], data, doc_id, path, sha256, fmt)
    if "antiword" in have and fmt == "doc":
        return _antiword(have["antiword"], data, doc_id, path, sha256)
    raise IngestError("unsupported", f".{fmt} (old binary Word/WPS format) needs a converter, none is installed: "
                                     f"{INSTALL}")


def _soffice(exe: str, data: bytes, doc_id: str, path: str, sha256: str, fmt: str) -> Document:
    from .office import read_docx

    with tempfile.TemporaryDirectory(prefix="reportfacts-convert-") as tmp:
        src = Path(tmp) / f"in.{fmt}"
        src.write_bytes(data)
        # a profile of its own: a LibreOffice the user has open, or another worker's, does not block it
        profile = Path(tmp, "profile").as_uri()
        _run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx", "--outdir", tmp,
              str(src)], "LibreOffice")
        out = Path(tmp) / "in.docx"
        if not out.is_file():
            raise IngestError("error", f"LibreOffice did not convert this .{fmt} file")
        doc = read_docx(out.read_bytes(), doc_id, path, sha256)
    return Document(doc_id, path, fmt, doc.text, encoding=None, sha256=sha256, reader="soffice+docx-xml")


def _antiword(exe: str, data: bytes, doc_id: str, path: str, sha256: str) -> Document:
    with tempfile.TemporaryDirectory(prefix="reportfacts-convert-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        # UTF-8 output; -w 0: a paragraph on one line (no wrapping at 80 columns inside sentences)
        out = _run([exe, "-m", "UTF-8.txt", "-w", "0", str(src)], "antiword")
    text = "\n".join(_table_row(line.rstrip()) for line in out.decode("utf-8", "replace").splitlines()).strip()
    return Document(doc_id, path, "doc", text + "\n", encoding="utf-8", sha256=sha256, reader="antiword")


def _table_row(line: str) -> str:
    """antiword's table row (``|合计      |6.08     |``, cells padded to their width) as a .docx row
    is read: cells stripped, `` | `` between them; a row of one text (a title across the table) alone.

    >>> _table_row("|合计      |6.08     |"), _table_row("|2024年预算表          |"), _table_row("正文")
    ('合计 | 6.08 |', '2024年预算表', '正文')
    """
    from .office import _row_line

    if not (line.startswith("|") and line.endswith("|") and len(line) > 1):
        return line
    return _row_line([cell.strip() for cell in line[1:-1].split("|")])


def _run(cmd: list[str], name: str) -> bytes:
    env = {**os.environ, "HOME": os.environ.get("HOME", tempfile.gettempdir())}
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise IngestError("error", f"{name} took more than {TIMEOUT} s to convert the file") from None
    if done.returncode != 0:
        msg = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise IngestError("error", f"{name} could not read the file: {msg[-1] if msg else done.returncode}")
    return done.stdout
