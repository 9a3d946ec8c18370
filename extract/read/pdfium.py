"""A pdfplumber page's objects (characters, rectangles, lines, curves) read with pdfium.

pdfplumber builds a page's objects by running pdfminer's pure-Python content-stream
interpreter, which is ~95 % of the time a budget PDF takes to read. pdfium (through
pypdfium2, the C++ library Chrome uses) reads the same content streams in native code;
with it, reading a PDF takes about half the time (benchmarks/pdf_pages.py). This module turns what pdfium reports into the dicts pdfplumber would have made,
so pdfplumber's own text extraction, table finder and word extraction run unchanged on them:

- characters: pdfium's text page, without the characters pdfium generates (line breaks,
  spaces it infers); boxed as pdfminer boxes them: (0, descent) to (advance, descent + size)
  in text space through the character's matrix, with the advance width and the descent taken
  from the font dictionaries (:class:`Metrics`: pdfminer's resource manager reads those
  without interpreting the page), placed at pdfium's loose box;
- paths: each painted path object, split into subpaths and classified as pdfminer does
  (``ml`` a line, a closed axis-aligned ``mlllh`` a rectangle, anything else a curve).

:func:`objects` is used per page when the ``pdfium`` reader is chosen (the default, see
:mod:`extract.pdf`); a test compares its pages, tables and facts with pdfminer's on real PDFs.
"""
from __future__ import annotations

import ctypes
import functools
import re
import zlib
from collections.abc import Iterator
from typing import Any

# pdfium page object and path segment types (fpdf_edit.h)
_PATH, _IMAGE, _FORM = 2, 3, 5
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
_SUBPATH = re.compile(r"m[^m]+")
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def _matrix(obj: Any, m: Any = None) -> tuple[float, float, float, float, float, float]:
    """A page object's matrix (identity where pdfium has none); ``obj`` a plain address."""
    import pypdfium2.raw as R

    m = R.FS_MATRIX() if m is None else m
    if not _native("FPDFPageObj_GetMatrix", ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(obj, ctypes.addressof(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _mul(m1: tuple[float, ...], m0: tuple[float, ...]) -> tuple[float, float, float, float, float, float]:
    """The matrix that applies ``m1`` and then ``m0`` (pdfminer's mult_matrix order)."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _paths(raw_page: Any, images: list[Any]) -> list[tuple[list[tuple[Any, ...]], bool, bool, float]]:
    """(path in page space as pdfminer segments, stroke, fill, line width) of every painted path
    object of the page, forms included; the page's image objects are added to ``images``."""
    import pypdfium2.raw as R

    out: list[tuple[list[tuple[Any, ...]], bool, bool, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    width = ctypes.c_float()

    # pdfium's functions bound once, with plain addresses (see _native): the visit runs per page
    # object, the inner loop per segment
    vp, i_ = ctypes.c_void_p, ctypes.c_int
    obj_type = _native("FPDFPageObj_GetType", i_, vp)
    count_objects = _native("FPDFFormObj_CountObjects", i_, vp)
    get_object = _native("FPDFFormObj_GetObject", vp, vp, ctypes.c_ulong)
    draw_mode = _native("FPDFPath_GetDrawMode", i_, vp, vp, vp)
    count_segments = _native("FPDFPath_CountSegments", i_, vp)
    get_segment = _native("FPDFPath_GetPathSegment", vp, vp, i_)
    get_point = _native("FPDFPathSegment_GetPoint", i_, vp, vp, vp)
    segment_type = _native("FPDFPathSegment_GetType", i_, vp)
    closes = _native("FPDFPathSegment_GetClose", i_, vp)
    stroke_width = _native("FPDFPageObj_GetStrokeWidth", i_, vp, vp)
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    fill_ref, stroke_ref, width_ref = ctypes.addressof(fillmode), ctypes.addressof(stroke), ctypes.addressof(width)
    m = R.FS_MATRIX()

    def visit(obj: Any, outer: tuple[float, ...] | None) -> None:
        kind = obj_type(obj)
        if kind == _FORM:
            mf = _matrix(obj, m)
            inner = mf if outer is None else _mul(mf, outer)
            for k in range(count_objects(obj)):
                visit(get_object(obj, k), inner)
            return
        if kind == _IMAGE:
            images.append(obj)
            return
        if kind != _PATH:
            return
        mp = _matrix(obj, m)
        a, b, c, d, e, f = mp if outer is None else _mul(mp, outer)
        draw_mode(obj, fill_ref, stroke_ref)
        if not fillmode.value and not stroke.value:
            return
        path: list[tuple[Any, ...]] = []
        bezier: list[tuple[float, float]] = []
        for k in range(count_segments(obj)):
            seg = get_segment(obj, k)
            get_point(seg, x_ref, y_ref)
            px, py = x.value, y.value
            pt = (a * px + c * py + e, b * px + d * py + f)  # the point through the matrix
            t = segment_type(seg)
            if t == _MOVETO:
                path.append(("m", pt))
            elif t == _LINETO:
                path.append(("l", pt))
            elif t == _BEZIERTO:  # three segments per curve: two control points, then the end point
                bezier.append(pt)
                if len(bezier) == 3:
                    path.append(("c", *bezier))
                    bezier = []
            if closes(seg):
                path.append(("h",))
        lw = width.value if stroke_width(obj, width_ref) else 0.0
        out.append((path, bool(stroke.value), bool(fillmode.value), lw))

    page_object = _native("FPDFPage_GetObject", vp, vp, i_)
    page_address = ctypes.cast(raw_page, ctypes.c_void_p).value
    for k in range(R.FPDFPage_CountObjects(raw_page)):
        visit(page_object(page_address, k), None)
    return out


def _shapes(path: list[tuple[Any, ...]]) -> list[tuple[str, list[tuple[float, float]], list[tuple[Any, ...]]]]:
    """pdfminer's paint_path: (kind, points, path) for each subpath: ``line``, ``rect`` or ``curve``."""
    shape = "".join(seg[0] for seg in path)
    if shape[:1] != "m":
        return []
    if shape.count("m") > 1:
        return [s for m in _SUBPATH.finditer(shape) for s in _shapes(path[m.start():m.end()])]
    pts = [seg[-1] if seg[0] != "h" else path[0][-1] for seg in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        return [("line", pts[:2], path)]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return [("rect", [pts[0], pts[2]], path)]
    return [("curve", pts, path)]


class _Frame:
    """What placing an object on a pdfplumber page needs, read from the page once."""

    __slots__ = ("dx", "dy", "height", "page_number", "doctop", "flip")

    def __init__(self, page: Any) -> None:
        self.dx, self.dy = page.mediabox[0], page.mediabox[1]
        self.height, self.page_number, self.doctop = page.height, page.page_number, page.initial_doctop
        self.flip = self.dy + self.height  # pdfplumber's point2coord: (x0 + x, (top + height) - y)


def _shape_object(kind: str, pts: list[tuple[float, float]], path: list[tuple[Any, ...]], stroke: bool,
                  fill: bool, linewidth: float, frame: _Frame) -> dict[str, Any]:
    # pdfminer's coordinates start at the media box's corner, pdfium's at the page space's origin
    dx, dy, flip = frame.dx, frame.dy, frame.flip
    pts = [(x - dx, y + dy) for x, y in pts]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    height = frame.height
    top = (height - y1) + dy
    obj: dict[str, Any] = {
        "x0": x0 + dx, "y0": y0, "x1": x1 + dx, "y1": y1, "width": x1 - x0, "height": y1 - y0,
        "linewidth": linewidth, "stroke": stroke, "fill": fill, "object_type": kind,
        "page_number": frame.page_number, "top": top, "bottom": (height - y0) + dy,
        "doctop": frame.doctop + top,
    }
    if kind in ("curve", "line", "rect"):
        obj["pts"] = [(dx + x, flip - y) for x, y in (pts if kind != "rect" else _corners(pts))]
        obj["path"] = _placed(path, dx, dy, flip)
    return obj


def _placed(path: list[tuple[Any, ...]], dx: float, dy: float, flip: float) -> list[tuple[Any, ...]]:
    """A path's points from pdfium's page space to pdfplumber's: moved to the media box's corner
    as pdfminer places them (``x - dx``, ``y + dy``), then as pdfplumber's point2coord turns them
    (``dx + x``, ``flip - y``); the same two steps, the same floats."""
    out: list[tuple[Any, ...]] = []
    for seg in path:
        if len(seg) == 2:  # m, l: one point
            x, y = seg[1]
            out.append((seg[0], (dx + (x - dx), flip - (y + dy))))
        else:
            out.append((seg[0], *[(dx + (x - dx), flip - (y + dy)) for x, y in seg[1:]]))
    return out


def _corners(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1) = pts
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


_FONT_FILES = ("FontFile", "FontFile2", "FontFile3")
#: inflating a stream to check it stops after this many bytes of output (a Flate bomb is not read)
_CHECK_OUTPUT = 256 << 20


def intact(stream: Any) -> bool:
    """Whether a pdfminer stream's Flate data inflates to its end without an error (checked with
    zlib in C, the output discarded): pdfium reads what it can of a damaged stream without a
    word, and pdfminer's repair of one runs byte by byte. Streams of other filters, and streams
    pdfminer has already decoded, count as intact."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    try:
        filters = stream.get_filters()
    except Exception:  # noqa: BLE001 - a filter entry pdfminer cannot read: not a Flate stream to check
        return True
    raw = stream.rawdata
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE or raw is None:
        return True
    if stream.decipher and stream.objid is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    d = zlib.decompressobj()
    left, tail = _CHECK_OUTPUT, raw
    try:
        while True:
            out = d.decompress(tail, 1 << 20)
            left -= len(out)
            tail = d.unconsumed_tail
            if d.eof or left <= 0:
                return True
            if not tail and not out:  # the data ends before the stream does
                return False
    except zlib.error:
        return False


def _streams(ref: Any, *keys: str) -> Iterator[tuple[int, Any]]:
    """(object id, stream) of an indirect stream reached from ``ref`` through ``keys``."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

    obj = ref
    for key in keys:
        obj = resolve1(obj)
        if not isinstance(obj, dict):
            return
        obj = obj.get(key)
    if isinstance(obj, PDFObjRef):
        target = resolve1(obj)
        if isinstance(target, PDFStream):
            yield obj.objid, target


def font_streams(spec: Any) -> Iterator[tuple[int, Any]]:
    """The streams pdfminer decompresses to read a font: its ToUnicode map and the font
    programs of its descriptor and its descendant fonts'."""
    from pdfminer.pdftypes import resolve1

    yield from _streams(spec, "ToUnicode")
    descendants = resolve1(resolve1(spec).get("DescendantFonts")) if isinstance(resolve1(spec), dict) else None
    for font in [spec, *(descendants if isinstance(descendants, list) else [])]:
        for key in _FONT_FILES:
            yield from _streams(font, "FontDescriptor", key)


def page_streams(page_obj: Any) -> Iterator[tuple[int, Any]]:
    """(object id, stream) of the streams a page's text comes from: its content streams, its
    fonts' (see :func:`font_streams`) and its form XObjects' content."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

    contents = page_obj.attrs.get("Contents")
    for ref in resolve1(contents) if isinstance(resolve1(contents), list) else [contents]:
        if isinstance(ref, PDFObjRef) and isinstance(resolve1(ref), PDFStream):
            yield ref.objid, resolve1(ref)
    resources = resolve1(page_obj.resources) or {}
    fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
    for spec in (fonts.values() if isinstance(fonts, dict) else ()):
        yield from font_streams(spec)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
        target = resolve1(ref)
        if isinstance(ref, PDFObjRef) and isinstance(target, PDFStream) \
                and getattr(resolve1(target.get("Subtype")), "name", None) == "Form":
            yield ref.objid, target


class Metrics:
    """pdfminer's metrics of a page's fonts (descent, and width by character), found by the
    font's name: pdfminer places a glyph with the font dictionary's /Descent and /W or /Widths,
    pdfium with the font program's; reading the dictionaries (not the content streams) is
    cheap, and pdfminer's resource manager caches each font for the whole document.

    A font with a stream in ``damaged`` (object ids of streams that do not inflate, see
    :func:`intact`) is not read by pdfminer: its glyphs get pdfium's metrics."""

    def __init__(self, page: Any, damaged: set[int] | frozenset[int] = frozenset()) -> None:
        self.fonts: dict[str, Any] = {}
        self.inverse: dict[str, dict[str, int]] = {}
        try:
            from pdfminer.pdftypes import resolve1

            specs = resolve1((page.page_obj.resources or {}).get("Font")) or {}
            for ref in specs.values():
                if damaged and any(objid in damaged for objid, _ in font_streams(ref)):
                    continue
                spec = resolve1(ref)
                objid = getattr(ref, "objid", None)
                font = page.pdf.rsrcmgr.get_font(objid, spec)
                name = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
                self.fonts.setdefault(name, font)
                # pdfium gives some names without their subset tag (ABCDEE+方正小标宋简体)
                self.fonts.setdefault(_SUBSET_TAG.sub("", name), font)
        except Exception:  # noqa: BLE001 - pdfium's own metrics are used instead
            self.fonts = {}

    def name(self, name: str) -> str:
        """pdfminer's name of the font pdfium calls ``name`` (with its subset tag)."""
        font = self.fonts.get(name)
        return name if font is None else str(font.fontname)

    def descent(self, name: str) -> float | None:
        font = self.fonts.get(name)
        return float(font.get_descent()) if font is not None else None

    def width(self, name: str, text: str) -> float | None:
        """The font's width of the character (in text space units per unit of font size)."""
        font = self.fonts.get(name)
        if font is None or font.unicode_map is None:
            return None
        if name not in self.inverse:
            self.inverse[name] = {u: cid for cid, u in sorted(font.unicode_map.cid2unichr.items(), reverse=True)}
        cid = self.inverse[name].get(text)
        return float(font.char_width(cid)) if cid is not None else None


@functools.lru_cache(maxsize=None)
def _native(name: str, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function called with plain addresses (``c_void_p``): pypdfium2's bindings return
    typed pointers, and turning one into a number (``ctypes.cast``) cost as much as the call."""
    import pypdfium2.raw as R

    address = ctypes.cast(getattr(R, name), ctypes.c_void_p).value
    if not address:
        raise OSError(f"pdfium has no {name}")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _chars(pdfium_page: Any, page: Any, damaged: set[int] | frozenset[int] = frozenset()) -> list[dict[str, Any]]:
    """The page's characters as pdfminer boxes them (see the module doc). What pdfium reports per
    text object (matrix, font size, font, descent) is asked once per object, not per character:
    the loop is the reader's hottest, one character at a time through ctypes."""
    import pypdfium2.raw as R

    metrics = Metrics(page, damaged)
    textpage = pdfium_page.get_textpage()
    try:
        tp = textpage.raw
        vp, i_, p_ = ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
        text_object = _native("FPDFText_GetTextObject", vp, p_, i_)
        # the per-character calls bound with plain addresses (see _native): a third less per call
        is_generated = _native("FPDFText_IsGenerated", i_, p_, i_)
        unicode_of = _native("FPDFText_GetUnicode", ctypes.c_uint, p_, i_)
        map_error = _native("FPDFText_HasUnicodeMapError", i_, p_, i_)
        loose_box = _native("FPDFText_GetLooseCharBox", i_, p_, i_, p_)
        origin = _native("FPDFText_GetCharOrigin", i_, p_, i_, p_, p_)
        tp_address = ctypes.cast(tp, ctypes.c_void_p).value
        rect = R.FS_RECTF()
        mat = R.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        rect_ref, ox_ref, oy_ref = ctypes.addressof(rect), ctypes.addressof(ox), ctypes.addressof(oy)
        # per text object: its matrix, font size, pdfminer's font name, pdfium's font, descent
        objs: dict[int, tuple[Any, ...]] = {}
        fonts: dict[int, tuple[str, float, Any]] = {}
        font_of = _native("FPDFTextObj_GetFont", vp, p_)
        widths: dict[tuple[int, str, int, str], float] = {}
        boxed: dict[tuple[int, int], float] = {}
        # per text object and glyph: its advance and the extent of its box (what the width gives)
        shapes: dict[tuple[int, int, str], tuple[float, float, float, float, float]] = {}
        value = ctypes.c_float()
        buf = ctypes.create_string_buffer(256)
        height, mb_x0, mb_top, doctop0 = page.height, page.mediabox[0], page.mediabox[1], page.initial_doctop
        page_number = page.page_number
        out = []
        for i in range(R.FPDFText_CountChars(tp)):
            if is_generated(tp_address, i):
                continue
            code = unicode_of(tp_address, i)
            if 0xD800 <= code <= 0xDFFF:
                continue  # half of a surrogate pair: pdfium reports astral characters in two halves
            text = "(cid:0)" if map_error(tp_address, i) or not code else chr(code)
            loose_box(tp_address, i, rect_ref)
            origin(tp_address, i, ox_ref, oy_ref)
            key = text_object(tp_address, i) or 0
            info = objs.get(key)
            if info is None:
                R.FPDFText_GetMatrix(tp, i, mat)
                fs = R.FPDFText_GetFontSize(tp, i)  # the size set with Tf
                fkey = (font_of(key) if key else None) or 0
                if fkey not in fonts:
                    font = R.FPDFTextObj_GetFont(R.FPDFText_GetTextObject(tp, i))
                    n = R.FPDFFont_GetBaseFontName(font, buf, 256) if font else 0
                    name = metrics.name(buf.value.decode("utf-8", "replace") if n else "")
                    desc = metrics.descent(name)
                    if desc is None:  # pdfium's descent, per unit of font size
                        desc = value.value if font and R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), value) \
                            else 0.0
                    fonts[fkey] = (name, desc, font)
                name, desc, font = fonts[fkey]
                a, b, c, d = mat.a, mat.b, mat.c, mat.d
                lo, hi = desc * fs, desc * fs + fs
                info = objs[key] = (name, font, fkey, fs, a, b, c, d, (a, b, c, d, mat.e, mat.f), lo, hi,
                                    a * d > 0 and b * c <= 0)
            fontname, font, fkey, fs, a, b, c, d, matrix, lo, hi, upright = info
            shape = shapes.get((key, code, text))
            if shape is None:
                # a glyph's width is its font's: asked once per font and character
                wkey = (fkey, fontname, code, text)
                w = widths.get(wkey)
                if w is None:
                    w = metrics.width(fontname, text)
                    if w is None and font and R.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1.0), value):
                        w = value.value
                    if w is not None:
                        widths[wkey] = w
                    else:  # no width known: the glyph's box, as first met in this text object
                        w = boxed.get((key, code))
                        if w is None:
                            w = boxed[(key, code)] = (rect.right - rect.left) / (a * fs) if a and fs else 0.0
                # pdfminer's box: (0, descent) to (advance, descent + size) in text space, through the
                # character's matrix, at its origin
                adv = w * fs
                xs = (c * lo, a * adv + c * lo, c * hi, a * adv + c * hi)
                ys = (d * lo, b * adv + d * lo, d * hi, b * adv + d * hi)
                shape = shapes[(key, code, text)] = (adv, max(xs), min(xs), min(ys), max(ys))
            adv, x_max, x_min, y_min, y_max = shape
            # x from the loose box's left edge: pdfium's origin can differ from pdfminer's where a
            # text run repositions its glyphs
            x0 = rect.left - mb_x0
            x1 = x0 + x_max - x_min
            y = oy.value
            y0 = y + y_min + mb_top
            y1 = y + y_max + mb_top
            top = (height - y1) + mb_top
            out.append({
                "matrix": matrix, "fontname": fontname, "adv": adv,
                "upright": upright, "x0": x0 + mb_x0, "y0": y0, "x1": x1 + mb_x0, "y1": y1, "width": x1 - x0,
                "height": y1 - y0, "size": y1 - y0, "mcid": None, "tag": None, "object_type": "char",
                "page_number": page_number, "text": text, "stroking_color": None, "non_stroking_color": None,
                "top": top, "bottom": (height - y0) + mb_top, "doctop": doctop0 + top,
            })
        return out
    finally:
        textpage.close()


def objects(pdfium_page: Any, page: Any, damaged: set[int] | frozenset[int] = frozenset()
            ) -> dict[str, list[dict[str, Any]]]:
    """The objects pdfplumber's ``page.objects`` would hold, read with pdfium (see module doc).
    ``damaged``: object ids of streams pdfminer must not decompress (see :class:`Metrics`)."""
    import pypdfium2.raw as R

    out: dict[str, list[dict[str, Any]]] = {"char": _chars(pdfium_page, page, damaged)}
    images: list[Any] = []
    frame = _Frame(page)
    for path, stroke, fill, lw in _paths(pdfium_page.raw, images):
        for kind, pts, sub in _shapes(path):
            out.setdefault(kind, []).append(_shape_object(kind, pts, sub, stroke, fill, lw, frame))
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    vp = ctypes.c_void_p
    bounds = _native("FPDFPageObj_GetBounds", ctypes.c_int, vp, vp, vp, vp, vp)
    refs = [ctypes.addressof(v) for v in (left, bottom, right, top)]
    for img in images:  # only counted (a page of images and no text is a scan), placed for completeness
        if bounds(img, *refs):
            pts = [(left.value, bottom.value), (right.value, top.value)]
            obj = _shape_object("image", pts, [], False, False, 0.0, frame)
            out.setdefault("image", []).append(obj)
    return out
