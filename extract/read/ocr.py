"""Scanned PDF pages -> the characters and ruling lines pdfplumber would have read, by OCR.

A scanned page (images, no text layer) is rendered with pdfium and recognised by RapidOCR on ONNX
Runtime (``pip install 'reportfacts[ocr]'``: the package ships its PP-OCRv4 detection, direction and
recognition models inside it, so nothing is downloaded and it runs on the CPU). What it recognises
becomes the page objects pdfplumber reads, as :mod:`extract.read.pdfium` does for a text page:

- each recognised character a ``char`` object at its box (the recogniser's per-character boxes;
  a line whose boxes do not match its characters one for one is divided evenly), in PDF points;
- the table's ruling lines, found in the image by morphology (long runs of dark pixels across
  or down the page), ``line`` objects;

so pdfplumber's own text extraction and table finder run on a scan unchanged, and the facts of a
scanned page keep their page, offsets into the text as read, table, row and column, and go through
the same table checks. Each recognised line is also kept (:class:`~extract.records.OcrLine`: page,
box, confidence, offsets of its text) for the documents row's mean confidence and each fact's.

``--ocr`` (:data:`MODES`): ``auto`` (default) recognises the pages that have images and no text,
``force`` every page (a text layer that is wrong), ``off`` none (the page is ``no_text_layer``).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import replace
from typing import Any

from ..records import Document, Fact, OcrLine

MODES = ("off", "auto", "force")
#: pixels per PDF point when a page is rendered for recognition (144 dpi: budget tables' 9-point
#: figures come out about 25 pixels high, the size the recogniser is trained on)
SCALE = 2.0
#: a ruling line is a run of dark pixels at least this many points long
_MIN_RULE = 12.0


class OcrUnavailable(ImportError):
    """The OCR extra is not installed."""


def mode(value: str | None) -> str:
    """The OCR mode: ``value``, else $REPORTFACTS_OCR, else ``auto``.

    >>> mode(None) if "REPORTFACTS_OCR" not in os.environ else "auto"
    'auto'
    >>> mode("force")
    'force'
    """
    m = value or os.environ.get("REPORTFACTS_OCR") or "auto"
    if m not in MODES:
        raise ValueError(f"unknown OCR mode {m!r}; expected one of {', '.join(MODES)}")
    return m


def available() -> bool:
    """Whether the OCR extra (rapidocr-onnxruntime) is installed."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _engine() -> Any:
    """One recogniser per process (loading the three models takes about a second)."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:
        raise OcrUnavailable("scanned pages need the OCR extra: pip install 'reportfacts[ocr]'") from e
    # one thread per process: the batch runs one process per core already
    return RapidOCR(intra_op_num_threads=int(os.environ.get("REPORTFACTS_OCR_THREADS", "1")),
                    inter_op_num_threads=1)


def needs_ocr(page: Any, ocr_mode: str) -> bool:
    """Whether a pdfplumber page is to be recognised: every page with ``force``; with ``auto`` a
    page with images and no character (a scan)."""
    if ocr_mode == "force":
        return True
    return ocr_mode == "auto" and not page.chars and bool(page.images)


def recognise(pdfium_page: Any, page: Any, scale: float = SCALE) -> tuple[dict[str, list[dict[str, Any]]],
                                                                       list[tuple[str, tuple[float, ...], float]]]:
    """A page's objects for pdfplumber, from its image, and the recognised lines as
    (text, (x0, top, x1, bottom) in points, confidence)."""
    import numpy as np

    image = np.asarray(pdfium_page.render(scale=scale).to_pil().convert("RGB"))
    found, _ = _engine()(image, return_word_box=True)
    x_off, top_off = page.bbox[0], page.bbox[1]
    chars: list[dict[str, Any]] = []
    lines: list[tuple[str, tuple[float, ...], float]] = []
    for box, text, score, *rest in found or []:
        text = _zeros(text.strip())
        if not text:
            continue
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        x0, top, x1, bottom = (min(xs) / scale + x_off, min(ys) / scale + top_off,
                               max(xs) / scale + x_off, max(ys) / scale + top_off)
        lines.append((text, (x0, top, x1, bottom), float(score)))
        chars.extend(_line_chars(text, rest[0] if rest else None, (x0, top, x1, bottom), scale, x_off, page))
    out: dict[str, list[dict[str, Any]]] = {"char": chars, "line": _rules(image, scale, page)}
    if page.images:
        out["image"] = list(page.images)
    return out, lines


_ZERO = re.compile(r"(?<=[0-9])[〇Oo]|[〇Oo](?=[0-9])|(?<=[0-9][.,])[〇Oo]|〇(?=[.,][0-9])"
                   r"|(?<![〇零一二三四五六七八九十百千两A-Za-z])〇(?=\s*(?:万元|亿元|元|万|%))")


def _zeros(text: str) -> str:
    """A zero the recogniser read as 〇 or the letter O (a lone ``0`` before 万元 comes out as ``〇``):
    0 beside digits, or alone before a unit; 二〇一八年 and words keep theirs.

    >>> _zeros("支出〇万元，增长1O.5%"), _zeros("二〇一八年"), _zeros("OCR"), _zeros("No.5")
    ('支出0万元，增长10.5%', '二〇一八年', 'OCR', 'No.5')
    """
    return _ZERO.sub("0", text)


def _line_chars(text: str, words: Any, box: tuple[float, float, float, float], scale: float, x_off: float,
                page: Any) -> list[dict[str, Any]]:
    """The characters of one recognised line, each from its own box where the recogniser gives one
    box per character (else the line divided evenly), stretched to the next character's left edge:
    pdfplumber splits words at gaps wider than 3 points, and the gap between two ink boxes is not a
    space (the recogniser says where the spaces are)."""
    x0, top, x1, bottom = box
    glyphs = [ch for ch in text if not ch.isspace()]
    if words is not None and len(words) == len(text) != len(glyphs):
        words = [w for ch, w in zip(text, words) if not ch.isspace()]
    if words is not None and len(words) == len(glyphs):
        cells = [(min(p[0] for p in w) / scale + x_off, max(p[0] for p in w) / scale + x_off) for w in words]
    else:  # boxes that do not match the characters one for one: the line divided evenly
        step = (x1 - x0) / len(glyphs)
        cells = [(x0 + k * step, x0 + (k + 1) * step) for k in range(len(glyphs))]
    # where the text has a space, the characters on either side keep their gap
    spaced = {len("".join(text[:i].split())) for i, ch in enumerate(text) if ch.isspace()}
    ends = [nxt[0] if k + 1 not in spaced and nxt[0] > cur[0] else cur[1]
            for k, (cur, nxt) in enumerate(zip(cells, cells[1:]))] + [cells[-1][1]]
    return [_char(ch, cx0, max(cx1, cx0 + 0.1), top, bottom, page)
            for ch, (cx0, _), cx1 in zip(glyphs, cells, ends)]


def _char(text: str, x0: float, x1: float, top: float, bottom: float, page: Any) -> dict[str, Any]:
    height = page.height
    size = bottom - top
    return {
        "matrix": (size, 0.0, 0.0, size, x0, height - bottom), "fontname": "OCR", "adv": x1 - x0,
        "upright": True, "x0": x0, "y0": height - bottom, "x1": x1, "y1": height - top, "width": x1 - x0,
        "height": size, "size": size, "mcid": None, "tag": None, "object_type": "char",
        "page_number": page.page_number, "text": text, "stroking_color": None, "non_stroking_color": None,
        "top": top, "bottom": bottom, "doctop": page.initial_doctop + top,
    }


def _rules(image: Any, scale: float, page: Any) -> list[dict[str, Any]]:
    """Horizontal and vertical ruling lines of a page image, as pdfplumber ``line`` objects: dark
    pixels opened with a long thin kernel keep only lines (text strokes are short)."""
    import cv2

    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    run = max(int(_MIN_RULE * scale), 10)
    out = []
    for kernel, horizontal in ((cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)), True),
                               (cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)), False)):
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for c in contours:
            x, y, w, h = cv2.boundingRect(c)
            x0, x1 = x / scale + page.bbox[0], (x + w) / scale + page.bbox[0]
            top, bottom = y / scale + page.bbox[1], (y + h) / scale + page.bbox[1]
            if horizontal:
                mid = (top + bottom) / 2
                out.append(_line(x0, mid, x1, mid, page))
            else:
                mid = (x0 + x1) / 2
                out.append(_line(mid, top, mid, bottom, page))
    return out


def _line(x0: float, top: float, x1: float, bottom: float, page: Any) -> dict[str, Any]:
    height = page.height
    return {
        "x0": x0, "y0": height - bottom, "x1": x1, "y1": height - top, "width": x1 - x0, "height": bottom - top,
        "pts": [(x0, top), (x1, bottom)], "linewidth": 1.0, "stroke": True, "fill": False, "evenodd": False,
        "stroking_color": (0,), "non_stroking_color": (0,), "mcid": None, "tag": None, "object_type": "line",
        "page_number": page.page_number, "path": [("m", (x0, top)), ("l", (x1, bottom))], "dash": None,
        "top": top, "bottom": bottom, "doctop": page.initial_doctop + top,
    }


def located(number: int, page_text: str, base: int, lines: list[tuple[str, tuple[float, ...], float]]
            ) -> list[OcrLine]:
    """The recognised lines of page ``number`` with the offsets of their text in the document (the
    page's text starts at ``base``); pdfplumber lays the characters out in reading order, so each
    line is searched from where the last one found ended, then from the page's start.

    >>> [(l.start, l.end) for l in located(2, "合计 5\\n其中 3", 10, [("合计", (0, 0, 1, 1), .9),
    ...                                                            ("其中", (0, 2, 1, 3), .8)])]
    [(10, 12), (15, 17)]
    """
    out: list[OcrLine] = []
    pos = 0
    for text, box, score in lines:
        squeezed = "".join(text.split())
        k = page_text.find(squeezed, pos)
        if k < 0:
            k = page_text.find(squeezed)
        start = end = None
        if k >= 0:
            start, end = base + k, base + k + len(squeezed)
            pos = k + len(squeezed)
        out.append(OcrLine(number, text, tuple(round(v, 2) for v in box), round(score, 4), start, end))
    return out


def with_provenance(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Facts read from recognised text marked ``origin = "ocr"`` with the lowest confidence of the
    recognised lines their text lies in (a fact on a page with a text layer is left as it is)."""
    if not doc.ocr:
        return facts
    pages = {line.page for line in doc.ocr}
    spans = sorted((line.start, line.end, line.confidence) for line in doc.ocr if line.start is not None)
    out = []
    for f in facts:
        if f.page not in pages:
            out.append(f)
            continue
        scores = [c for s, e, c in spans if s < f.end and e > f.start]  # type: ignore[operator]
        out.append(replace(f, origin="ocr", confidence=min(scores) if scores else None))
    return out


class Recogniser:
    """The OCR step of one PDF's reading (see :func:`extract.read.pdf.read_pdf`): recognises the pages
    :func:`needs_ocr` picks, and keeps their lines. Opens the PDF with pdfium itself when the page
    reader is pdfminer."""

    def __init__(self, data: bytes, pdfium_doc: Any, ocr_mode: str | None) -> None:
        self.mode = mode(ocr_mode)
        self.data, self.pdfium_doc, self._own = data, pdfium_doc, None
        self.lines: list[OcrLine] = []
        self.missing = False  # scanned pages were found and the extra is not installed

    def page(self, number: int, page: Any) -> list[tuple[str, tuple[float, ...], float]] | None:
        """Give a scanned page the recognised objects; its lines, or None when it is not recognised."""
        if self.mode == "off" or not needs_ocr(page, self.mode):
            return None
        if not available():
            self.missing = True
            return None
        doc = self.pdfium_doc or self._own
        if doc is None:
            import pypdfium2 as pdfium

            try:
                doc = self._own = pdfium.PdfDocument(self.data)
            except pdfium.PdfiumError:  # a file only pdfminer opens: its scans cannot be rendered
                self.pdfium_doc = None
                self.mode = "off"
                return None
        pdfium_page = doc[number - 1]
        try:
            page._objects, lines = recognise(pdfium_page, page)
        finally:
            pdfium_page.close()
        return lines

    def keep(self, number: int, text: str, base: int, lines: list[tuple[str, tuple[float, ...], float]] | None
             ) -> None:
        if lines:
            self.lines.extend(located(number, text, base, lines))

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
