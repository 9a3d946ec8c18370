"""Damaged variants of a real PDF, made deterministically (issue 27).

    from tests.damage import variants
    for name, data in variants(pdf_bytes, seed=27): ...

Fifteen kinds of damage seen in files fetched from government sites (cut downloads, flipped
bits, tools that rewrite a file without its cross-reference table) and in hand-edited files:

- ``truncated_10`` / ``_50`` / ``_90`` / ``_99``: the file cut at that share of its bytes;
- ``flip_1`` / ``flip_20`` / ``flip_500``: that many bytes replaced (positions and values from
  the seed, never the first 1,024 bytes, so the header stays);
- ``no_xref``: the cross-reference table (or stream) the last ``startxref`` points at blanked out;
- ``no_eof``: every ``%%EOF`` marker removed;
- ``length_huge`` / ``length_negative``: every direct ``/Length`` of a stream set to 999999999 / -1;
- ``zeroed_4k``: 4 KB zeroed in the middle of the largest stream (in budget PDFs an embedded
  CJK font: pdfminer's ``decompress_corrupted`` went quadratic on it);
- ``obj_broken``: half of the ``N G obj`` keywords (chosen by the seed) misspelt ``ojb``;
- ``wrong_filter``: every ``/FlateDecode`` named ``/LZWDecode``;
- ``count_2e9``: every ``/Count`` (the page tree's) set to 2000000000.

Edits keep the file's length where they can (all but truncation, ``length_huge`` and
``count_2e9``), so only the named damage applies: offsets in the cross-reference table still
point where they did.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterator

KINDS = ("truncated_10", "truncated_50", "truncated_90", "truncated_99", "flip_1", "flip_20", "flip_500",
         "no_xref", "no_eof", "length_huge", "length_negative", "zeroed_4k", "obj_broken", "wrong_filter",
         "count_2e9")

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")  # a direct length, not 12 0 R
_OBJ = re.compile(rb"(?<![\d])(\d+\s+\d+\s+)obj\b")
_COUNT = re.compile(rb"/Count\s+(-?\d+)")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def _same_length(old: bytes, new: bytes) -> bytes:
    """``new`` padded with spaces (or cut) to the length of ``old``."""
    return new[: len(old)].ljust(len(old), b" ")


def _flip(data: bytes, n: int, rng: random.Random) -> bytes:
    out = bytearray(data)
    lo = min(1024, len(data) // 2)
    for pos in rng.sample(range(lo, len(data)), min(n, len(data) - lo)):
        out[pos] ^= rng.randrange(1, 256)
    return bytes(out)


def _largest_stream(data: bytes) -> tuple[int, int] | None:
    """(start, end) of the longest stream's bytes."""
    best: tuple[int, int] | None = None
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end > 0 and (best is None or end - m.end() > best[1] - best[0]):
            best = (m.end(), end)
    return best


def _no_xref(data: bytes) -> bytes:
    found = list(_STARTXREF.finditer(data))
    if not found:
        return data
    off = int(found[-1].group(1))
    if data[off:off + 4] == b"xref":
        end = data.find(b"trailer", off)
    else:  # a cross-reference stream: the whole object
        end = data.find(b"endobj", off)
        end = end + len(b"endobj") if end > 0 else -1
    if off >= len(data) or end < 0:
        return data
    return data[:off] + b" " * (end - off) + data[end:]


def damage(data: bytes, kind: str, seed: int = 27) -> bytes:
    """``data`` with one kind of damage (see the module doc); the same bytes for the same seed."""
    rng = random.Random(f"{seed}:{kind}:{len(data)}")
    if kind.startswith("truncated_"):
        share = int(kind.split("_")[1])
        return data[: len(data) * share // 100]
    if kind.startswith("flip_"):
        return _flip(data, int(kind.split("_")[1]), rng)
    if kind == "no_xref":
        return _no_xref(data)
    if kind == "no_eof":
        return data.replace(b"%%EOF", b"     ")
    if kind == "length_huge":
        return _LENGTH.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + b"999999999", data)
    if kind == "length_negative":
        return _LENGTH.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + _same_length(m.group(1), b"-1"), data)
    if kind == "zeroed_4k":
        span = _largest_stream(data)
        if span is None:
            return data
        mid = max(span[0], (span[0] + span[1]) // 2 - 2048)
        end = min(span[1], mid + 4096)
        return data[:mid] + bytes(end - mid) + data[end:]
    if kind == "obj_broken":
        return _OBJ.sub(lambda m: m.group(1) + (b"ojb" if rng.random() < 0.5 else b"obj"), data)
    if kind == "wrong_filter":
        return data.replace(b"/FlateDecode", b"/LZWDecode  ")
    if kind == "count_2e9":
        return _COUNT.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + b"2000000000", data)
    raise ValueError(f"unknown kind of damage {kind!r}; expected one of {', '.join(KINDS)}")


def variants(data: bytes, seed: int = 27, kinds: tuple[str, ...] = KINDS) -> Iterator[tuple[str, bytes]]:
    """(kind, damaged bytes) for each kind of damage."""
    for kind in kinds:
        yield kind, damage(data, kind, seed)


def build(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of these object bodies (object k+1 is ``objects[k]``) with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def many_pages(n: int) -> bytes:
    """A valid PDF of ``n`` empty pages in one flat page tree (issue 28: 200,000 pages, ~20 MB,
    became ``too_large`` only after every page was enumerated)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count %d /Kids [" % n + b" ".join(b"%d 0 R" % (k + 3) for k in range(n)) + b"] >>"]
    return build(objs + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n)


def twin_pages() -> bytes:
    """Two page objects drawing the same content stream: what a fallback parser that finds an
    old and a new revision of one page makes of it (issue 27: 50 pages for 26, facts doubled)."""
    text = b"BT /F1 12 Tf 72 700 Td (Total income 1250.50 yuan, of which grants 1000.00 yuan.) Tj ET " * 2
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
