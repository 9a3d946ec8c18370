"""Crafted PDFs that no per-document limit inside the worker can stop (issue 28), built here, byte
by byte, so the tests need no binary fixture:

* :func:`stacked_glyphs` - 4 KB: 300 lines of 1,000 one-character ``Tj``, every line starting at
  the same place. pdfium's text-page loading compares each glyph with those already drawn there,
  in C (quadratic: 10k glyphs 1.5 s, 20k 7 s, 300k never finish), where a timer signal is never
  heard.
* :func:`form_fan_out` - 2 KB: a form XObject that draws another ten times, seven deep (10^7 draws
  of one glyph): pdfium expands every draw, in C (10^6: 2.7 s and 230 MB; 10^7: gigabytes, and
  an abort when memory is capped).

``python tests/crafted.py DIR`` writes both into DIR.
"""
from __future__ import annotations

import sys
import zlib
from pathlib import Path


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(content: bytes, extra: bytes = b"") -> bytes:
    """A Flate-compressed stream object (``extra``: more dictionary entries)."""
    data = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _one_page(content: bytes, resources: bytes, more: list[bytes]) -> bytes:
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents 4 0 R >>",
        stream(content),
        FONT,
        *more,
    ])


def stacked_glyphs(lines: int = 300, per_line: int = 1000) -> bytes:
    """``lines`` lines of ``per_line`` one-character ``Tj``, every line drawn from the same position."""
    line = b"1 0 0 1 72 700 Tm " + b"(8) Tj " * per_line
    content = b"BT /F1 12 Tf\n" + b"\n".join([line] * lines) + b"\nET"
    return _one_page(content, b"<< /Font << /F1 5 0 R >> >>", [])


def form_fan_out(depth: int = 7, fan: int = 10) -> bytes:
    """Form XObject ``X0`` draws ``X1`` ``fan`` times ... ``X{depth-1}`` draws a glyph: ``fan**depth``
    glyphs on one page from a file of about a kilobyte."""
    first = 6  # objects 1-5: catalog, pages, page, page content, font
    forms = []
    for level in range(depth):
        if level == depth - 1:
            body, res = b"BT /F1 1 Tf 0 0 Td (8) Tj ET", b"<< /Font << /F1 5 0 R >> >>"
        else:
            body = b"q 1 0 0 1 1 0 cm /X Do Q " * fan
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + level + 1)
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res + b" "))
    return _one_page(b"/X Do", b"<< /XObject << /X %d 0 R >> >>" % first, forms)


CRAFTED = {"stacked-glyphs.pdf": stacked_glyphs, "form-fan-out.pdf": form_fan_out}


def write(folder: Path) -> list[Path]:
    """Every crafted file written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in CRAFTED.items():
        (folder / name).write_bytes(make())
        paths.append(folder / name)
    return paths


if __name__ == "__main__":
    for p in write(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(p, p.stat().st_size, "bytes")
