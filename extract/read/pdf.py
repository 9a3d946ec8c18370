"""PDF -> Document with pdfplumber: page texts with page spans, tables, text-layer health.

Each page is read with ``dedupe_chars()`` (doubled glyphs, pdfplumber #992);
page texts are joined with a form feed so offsets stay page-exact. A page
whose text layer is unusable (mostly ``(cid:…)`` glyphs, or images and no
text: a scan) is reported in the document's ``status``/``error`` and its text
is left out, never read as numbers. Lines that a PDF wrapped mid-sentence are
joined later, in normalisation, through the offset map (see ``line_joins``).
"""
from __future__ import annotations

import io
import logging
import os
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import regex

from ..records import Document, IngestError, PageSpan, Table

_CID = regex.compile(r"\(cid:\d+\)")
_UNIT = regex.compile(r"(?:金额|计量)?单位\s*[:：]\s*(?P<unit>万元|亿元|千元|元|人次|人|个|件|条|项|次|户|家|平方米|吨)")
_TITLE = regex.compile(r"^(?:公开\s*\d+\s*表|[^\s，。；]{0,40}?表(?:[（(][^）)]*[）)])?)$")
_TITLE_END = regex.compile(r"(?:报告|预算|决算|公开|总结|说明)$")
_COVER_DATE = regex.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?$")
_PART = regex.compile(r"^第[一二三四五六七八九十]+部分")
# figures set in another font sit a few points off the Chinese baseline in some PDFs
# (…总计 万元 / 2024 0.3 2023 on the next line); 5 points joins them, rows stay apart
_Y_TOLERANCE = 5
_END_PUNCT = "。！？!?；;：:"
PAGE_SEPARATOR = "\f"


def _page_health(text: str, n_images: int) -> str | None:
    """None when the page text is usable, else why not."""
    cids = len(_CID.findall(text))
    if cids and cids * 7 > 0.3 * max(len(text), 1):
        return "cid_glyphs"
    if not text.strip() and n_images:
        return "no_text_layer"
    return None


def _title_and_unit(lines: list[str]) -> tuple[str, str | None]:
    """Table title (``公开01表 收支预算总表``) and unit from the caption lines above a table."""
    titles: list[str] = []
    unit = None
    for line in lines:
        s = line.replace(" ", "").strip()
        m = _UNIT.search(s)
        if m:
            unit = m.group("unit")
        if s and _TITLE.match(s) and "目录" not in s and not _PART.match(s):
            titles.append(s)
    return " ".join(titles[-2:]), unit


def _continues(prev: Table, cur: Table) -> bool:
    """The first table of a page continues the last table of the previous page when it has no
    caption of its own or repeats the same title (with or without its header rows repeated)."""
    return cur.page == prev.page + 1 and (not cur.title or cur.title == prev.title)


def _named(page_tables: list[Table], previous: Table | None) -> list[Table]:
    """Give a page's tables their title and unit; a table continuing the previous page's
    last table takes that table's title, unit and columns."""
    out: list[Table] = []
    number = previous.number if previous is not None else 0
    for k, t in enumerate(page_tables):
        inner = [h for _, _, h in t.headers if _TITLE.match(h) and "表" in h and "部门" not in h]
        cells = [c for r in t.rows[:4] for c in r if c]  # a caption printed inside the table
        caption, unit = _title_and_unit(t.title.splitlines() + cells)
        t = replace(t, title=inner[0] if inner else caption, unit=unit or "")  # a title inside wins
        if k == 0 and previous is not None and _continues(previous, t):
            t = replace(t, title=previous.title, unit=previous.unit or t.unit, headers=previous.headers,
                        number=previous.number)
        else:
            number += 1
            t = replace(t, number=number)
        out.append(t)
    return out


#: how a page's characters and ruling lines are read: ``pdfium`` (pypdfium2, see extract/pdfium.py;
#: about twice the pages per second end to end) or ``pdfminer`` (pdfplumber's own interpreter);
#: pdfplumber finds text lines and tables in both
READERS = ("pdfium", "pdfminer")


def read_pdf(data: bytes, doc_id: str, path: str, sha256: str, max_pages: int | None = None,
             reader: str | None = None, ocr: str | None = None) -> Document:
    """Read a PDF's pages and tables; raise IngestError for an encrypted or corrupt file, or one
    with more than ``max_pages`` pages (``too_large``, before any page is read). Each page's
    parsed objects are released once read, so memory stays flat with the page count.

    ``reader``: see :data:`READERS`; by default the environment's ``REPORTFACTS_PDF_READER``,
    else ``pdfium``. A page pdfium cannot read, or a rotated page, is read by pdfminer.

    A damaged file is never ``ok`` with data missing: every repair made while reading it (a
    page stream that does not inflate, pdfminer's data loss, a rebuilt cross-reference table,
    objects it cannot read, page counts pdfium and pdfminer disagree on, a page repeated) makes
    it ``partial`` with the reason in ``error``; the page count is pdfium's, taken before pdfminer
    enumerates a page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    from .ocr import Recogniser
    from .tables import read_tables

    # what pdfminer raises on objects a damaged file garbled (a name where a dictionary belongs,
    # a missing key, None for an array): the page, or the file when it is its page tree, is unreadable
    broken = (PSException, PDFException, PdfminerException, ValueError, KeyError, TypeError, IndexError,
              AttributeError)
    texts: list[str] = []
    spans: list[PageSpan] = []
    tables: list[Table] = []
    bad: dict[str, list[int]] = {}
    pos = 0
    reader = reader or os.environ.get("REPORTFACTS_PDF_READER") or "pdfium"
    if reader not in READERS:
        raise ValueError(f"unknown PDF reader {reader!r}; expected one of {', '.join(READERS)}")
    _bound_decompression()
    # the page count from pdfium's page tree (C, no page is loaded) before pdfminer enumerates pages
    pdfium_doc = _pdfium_document(data)
    counted = len(pdfium_doc) if pdfium_doc is not None else None
    try:
        if max_pages is not None and counted is not None and counted > max_pages:
            raise IngestError("too_large", f"PDF has {counted} pages, over the limit of {max_pages}")
        with _repairs_logged() as repairs:
            try:
                pdf = pdfplumber.open(io.BytesIO(data))
            except PdfminerException as e:  # pdfplumber wraps what pdfminer raised
                cause = e.args[0] if e.args else e.__context__
                if isinstance(cause, PDFPasswordIncorrect):
                    raise IngestError("encrypted", "PDF is encrypted (password required)") from None
                raise IngestError("error", f"not a readable PDF: {type(cause).__name__}: {cause}") from None
            except PDFPasswordIncorrect:
                raise IngestError("encrypted", "PDF is encrypted (password required)") from None
            except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
                raise IngestError("error", f"not a readable PDF: {type(e).__name__}: {e}") from None
            with pdf:
                _watch_objects(pdf.doc, repairs)
                if pdfium_doc is None:  # pdfium opens every sound PDF, repairing what it can
                    repairs.append("pdfium cannot open the file (pdfminer read it)")
                if counted is None and max_pages is not None:  # pdfium could not open it: the tree's /Count
                    declared = _declared_pages(pdf.doc)
                    if declared is not None and declared > max_pages:
                        raise IngestError("too_large", f"PDF declares {declared} pages, over the limit of {max_pages}")
                try:
                    pages = pdf.pages
                except broken as e:  # a page tree pdfminer cannot walk
                    pdf.cached_properties = [c for c in pdf.cached_properties if c != "_pages"]
                    pdf._pages = []  # (pdfplumber's close() would walk the tree again)
                    raise IngestError("error", f"not a readable PDF: page tree: {type(e).__name__}: {e}") from None
                if not pages:
                    raise IngestError("empty", "PDF has no pages")
                if max_pages is not None and len(pages) > max_pages:
                    raise IngestError("too_large", f"PDF has {len(pages)} pages, over the limit of {max_pages}")
                if counted is not None and counted != len(pages):
                    # the two parsers disagree on the page tree: page k of one may not be page k of the
                    # other, so pdfminer reads every page (the pages and facts are pdfminer's)
                    repairs.append(f"page count differs: pdfium {counted}, pdfminer {len(pages)}")
                    reader = "pdfminer"
                use_pdfium = pdfium_doc is not None and reader == "pdfium"
                seen: dict[Any, int] = {}
                checked: dict[int, bool] = {}
                scans = Recogniser(data, pdfium_doc, ocr)  # scanned pages: extract/read/ocr.py
                for number, page in enumerate(pages, start=1):
                    lines = None
                    try:
                        twin = _twin(page, seen, number)
                        damaged = _damaged_streams(page, checked)
                        if damaged:
                            bad.setdefault("damaged streams (data lost)", []).append(number)
                        if twin is not None:  # the same page again: read once, its twin left empty
                            bad.setdefault(f"duplicate of page {twin}", []).append(number)
                            text, why = "", None
                        else:
                            if use_pdfium and page.rotation == 0:
                                _from_pdfium(pdfium_doc, number, page, damaged)
                            lines = scans.page(number, page)
                            p = _deduped(page)
                            text = _page_text(p)
                            why = _page_health(text, len(page.images))
                    except broken as e:  # a broken content stream, font or resource: this page only
                        text, why = "", f"unreadable ({type(e).__name__})"
                    if why:
                        bad.setdefault(why, []).append(number)
                        text = ""
                    if texts:
                        pos += len(PAGE_SEPARATOR)
                    spans.append(PageSpan(number, pos, pos + len(text)))
                    scans.keep(number, text, pos, lines)
                    texts.append(text)
                    if text:
                        tables.extend(_named(read_tables(p, number, pos, text), tables[-1] if tables else None))
                    pos += len(text)
                    page.close()  # drop the page's parsed objects: a 5,000-page file must not hold them all
                scans.close()
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()
    full = PAGE_SEPARATOR.join(texts)
    title = _cover_title(next((t for t in texts if t.strip()), ""))
    status, error = "ok", None
    if bad:
        error = "; ".join(f"{why} on pages {', '.join(map(str, pages))}" for why, pages in bad.items())
        health = {k: v for k, v in bad.items() if not k.startswith(("damaged streams", "duplicate of"))}
        status = "no_text_layer" if sum(map(len, health.values())) == len(spans) else "partial"
    if repairs:  # the file was repaired while read: what it holds may be more or less than what was read
        error = "; ".join(dict.fromkeys([*([error] if error else []), *repairs]))
        status = "partial" if status == "ok" else status
    if scans.missing and error:
        error += " (scanned pages are read with the OCR extra: pip install 'reportfacts[ocr]')"
    return Document(doc_id, path, "pdf", full, encoding=None, sha256=sha256, title=title, status=status,
                    error=error, pages=tuple(spans), tables=tuple(tables),
                    reader=reader + ("+ocr" if scans.lines else ""), ocr=tuple(scans.lines))


def dedupe_chars(chars: list[dict[str, Any]], tolerance: float = 1,
                 extra_attrs: tuple[str, ...] = ("fontname", "size")) -> list[dict[str, Any]]:
    """pdfplumber's ``utils.dedupe_chars`` (a glyph printed twice at one place is one character),
    made linear: pdfplumber sorts its result with ``key=chars.index``, a scan of the list per
    character (a third of a page's reading time on a table page of 1,500 characters), and
    clusters every group of equal glyphs, though most glyphs of a page are one of a kind.

    The same characters in the same order: glyphs are grouped by text, font and size; in a group
    of more than one, positions are clustered as pdfplumber clusters them (``doctop``, then
    ``x0``, values chained within ``tolerance``) and each cluster keeps its first character by
    (``doctop``, ``x0``), the earliest on a tie."""
    from operator import itemgetter

    key = itemgetter("upright", "text", *extra_attrs)
    groups: dict[Any, list[int]] = {}
    for k, c in enumerate(chars):
        groups.setdefault(key(c), []).append(k)
    kept: list[int] = []
    doctop: list[float] = []
    x0: list[float] = []
    for members in groups.values():
        if len(members) == 1:
            kept.append(members[0])
            continue
        if not doctop:
            doctop, x0 = [c["doctop"] for c in chars], [c["x0"] for c in chars]
        for y_cluster in _clusters(members, doctop, tolerance):
            if len(y_cluster) == 1:
                kept.append(y_cluster[0])
                continue
            for x_cluster in _clusters(y_cluster, x0, tolerance):
                kept.append(min(x_cluster, key=lambda k: (doctop[k], x0[k])))
    kept.sort()
    return [chars[k] for k in kept]


def _clusters(members: list[int], values: list[float], tolerance: float) -> list[list[int]]:
    """pdfplumber's ``cluster_objects`` of the indices ``members`` by ``values[k]``: distinct
    values sorted and chained while each is within ``tolerance`` of the one before; clusters in
    that order, members in their own order inside each."""
    ordered = sorted({values[k] for k in members})
    number: dict[float, int] = {}
    n, last = 0, ordered[0]
    for v in ordered:
        if v > last + tolerance if tolerance else v != last:
            n += 1
        number[v] = n
        last = v
    if n == len(members) - 1:  # every member a cluster of its own
        return [[k] for k in sorted(members, key=lambda k: number[values[k]])]
    out: list[list[int]] = [[] for _ in range(n + 1)]
    for k in members:
        out[number[values[k]]].append(k)
    return out


def _page_text(page: Any) -> str:
    """``page.extract_text(y_tolerance=5)``, through :func:`extract.read.pdf_text.page_text` (the
    same text, several times faster) unless pdfplumber's own is asked for (``REPORTFACTS_PDF_TEXT``)."""
    from .pdf_text import page_text, pdfplumber_text

    if pdfplumber_text():
        return page.extract_text(y_tolerance=_Y_TOLERANCE) or ""
    return page_text(page.chars, _Y_TOLERANCE)


def _deduped(page: Any) -> Any:
    """``page.dedupe_chars()``, through :func:`dedupe_chars`."""
    p = page.filter(lambda obj: True)
    p._objects = {kind: objs for kind, objs in page.objects.items()}
    p._objects["char"] = dedupe_chars(page.chars)
    return p


_PDFMINER_LOG = "pdfminer"
# what pdfminer logs when it repairs a file, and the reason the document's row gives
_REPAIR_MESSAGES = (("Data-loss", "data lost while decompressing a stream"),
                    ("Not adding object", "cross-reference entries skipped"))


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (a Flate stream zlib refuses: keep what inflates when
    only the checksum at its end is wrong), in linear time: pdfminer feeds zlib one byte at a time
    and appends to a ``bytes``, quadratic in the output (a 4 KB zeroed block in a font stream of
    a budget PDF: 171 s). Here 64 KB at a time; only the block where zlib fails is fed again byte
    by byte (from a copy of the inflater made before it) to find where, as pdfminer does."""
    log = logging.getLogger("pdfminer.pdftypes")
    d = zlib.decompressobj()
    out: list[bytes] = []
    pos, step = 0, 1 << 16
    while pos < len(data):
        block = data[pos:pos + step]
        before = d.copy()
        try:
            out.append(d.decompress(block))
        except zlib.error:
            d = before
            for k in range(len(block)):
                try:
                    out.append(d.decompress(block[k:k + 1]))
                except zlib.error:
                    if pos + k < len(data) - 3:  # not in the checksum: pdfminer drops the stream
                        log.warning("Data-loss: a Flate stream that cannot be decompressed was dropped")
                        raise
                    log.warning("Data-loss while decompressing corrupted data")
                    return b"".join(out)
        pos += len(block)
    return b"".join(out)


#: pdfminer's own ``decompress_corrupted``, once replaced (tests compare the two)
pdfminer_decompress_corrupted: Any = None


def _bound_decompression() -> None:
    """Use :func:`_decompress_corrupted` in pdfminer (set once, on the first PDF read; it returns
    what pdfminer's own returns, so other users of pdfminer in the process see no difference)."""
    global pdfminer_decompress_corrupted
    from pdfminer import pdftypes

    if pdftypes.decompress_corrupted is not _decompress_corrupted:
        pdfminer_decompress_corrupted = pdftypes.decompress_corrupted
        pdftypes.decompress_corrupted = _decompress_corrupted  # type: ignore[assignment]


class _RepairLog(logging.Handler):
    """pdfminer's warnings about repairs, of this thread's document only."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.repairs: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        msg = record.getMessage()
        for start, why in _REPAIR_MESSAGES:
            if msg.startswith(start) and why not in self.repairs:
                self.repairs.append(why)


@contextmanager
def _repairs_logged() -> Iterator[list[str]]:
    """The repairs made while reading, as reasons for the document's ``error``: what pdfminer logs
    (its warnings are taken here, not printed), and what :func:`_watch_objects` sees."""
    handler = _RepairLog()
    log = logging.getLogger(_PDFMINER_LOG)
    log.addHandler(handler)
    try:
        yield handler.repairs
    finally:
        log.removeHandler(handler)


def _watch_objects(doc: Any, repairs: list[str]) -> None:
    """Note a cross-reference table rebuilt by pdfminer's fallback parser (it scans the file for
    ``N G obj``: objects of earlier revisions come back, pages can double), and count objects
    referred to that cannot be read (pdfminer resolves them to nothing, silently)."""
    from pdfminer.pdfdocument import PDFXRefFallback
    from pdfminer.pdftypes import PDFObjectNotFound

    if any(isinstance(x, PDFXRefFallback) for x in doc.xrefs):
        repairs.append("cross-reference table rebuilt (fallback parser)")
    getobj = doc.getobj

    def counted(objid: int) -> object:
        try:
            return getobj(objid)
        except PDFObjectNotFound:
            if "objects skipped" not in repairs:
                repairs.append("objects skipped")
            raise

    doc.getobj = counted


def _declared_pages(doc: Any) -> int | None:
    """The page tree's /Count (pdfminer, without enumerating pages), where it is a number."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(doc.catalog.get("Pages")).get("Count"))
    except (AttributeError, TypeError, ValueError, KeyError):
        return None
    return count if isinstance(count, int) else None


def _twin(page: Any, seen: dict[Any, int], number: int) -> int | None:
    """The earlier page this one repeats (the same page object, or the same content streams of
    more than a blank page's few bytes), or None."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

    contents = resolve1(page.page_obj.attrs.get("Contents"))
    refs = contents if isinstance(contents, list) else [page.page_obj.attrs.get("Contents")]
    keys = [("page", page.page_obj.pageid)]
    streams = [resolve1(r) for r in refs]
    if (refs and all(isinstance(r, PDFObjRef) for r in refs) and all(isinstance(s, PDFStream) for s in streams)
            and sum(len(s.rawdata or s.data or b"") for s in streams) > 64):
        keys.append(("contents", tuple(r.objid for r in refs)))
    for key in keys:
        if key in seen:
            return seen[key]
    for key in keys:
        seen[key] = number
    return None


def _damaged_streams(page: Any, checked: dict[int, bool]) -> set[int]:
    """Object ids of the page's Flate streams (content, fonts, forms) that do not inflate cleanly
    (zlib, in C, output discarded): pdfium reads what it can of them without a word, pdfminer
    keeps garbage up to the checksum. ``checked`` caches verdicts for the document."""
    from .pdfium import intact, page_streams

    out: set[int] = set()
    for objid, stream in page_streams(page.page_obj):
        if objid not in checked:
            checked[objid] = intact(stream)
        if not checked[objid]:
            out.add(objid)
    return out


def _pdfium_document(data: bytes) -> Any:
    """The PDF opened by pdfium, or None where pdfium cannot open it (pdfminer reads it then)."""
    try:
        import pypdfium2 as pdfium

        return pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfminer is the fallback, and reports what is wrong
        return None


def _from_pdfium(pdfium_doc: Any, number: int, page: Any, damaged: set[int] | None = None) -> None:
    """Give a pdfplumber page the objects pdfium reads; leave it to pdfminer when that fails.
    ``damaged``: stream object ids pdfminer must not decompress (fonts: pdfium's metrics are used)."""
    from .pdfium import objects

    try:
        pdfium_page = pdfium_doc[number - 1]
    except Exception:  # noqa: BLE001 - pdfminer reads the page instead
        return
    try:
        page._objects = objects(pdfium_page, page, damaged or set())
    except Exception:  # noqa: BLE001 - pdfminer reads the page instead
        pass
    finally:
        pdfium_page.close()


def _cover_title(first_page: str) -> str | None:
    """A cover title wrapped over lines: 2018 年度江苏省高级 / 人民法院预算公开 -> one line.

    >>> _cover_title("江苏省高级人民法院\\n2019 年度部门预算公开\\n1")
    '江苏省高级人民法院2019年度部门预算公开'
    """
    parts: list[str] = []
    for line in first_page.splitlines():
        s = line.replace(" ", "").strip()
        if (not s or s.isdigit() or "：" in s or ":" in s or "目录" in s or _COVER_DATE.match(s)
                or len("".join(parts) + s) > 60):
            break
        parts.append(s)
        if len(parts) == 3 or _TITLE_END.search(s):
            break
    return "".join(parts) or None


# a page number printed as the page's first or last line: 3, - 10 -, — 5 —, 第 3 页, 3/26
_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—–－]+\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–－]+)?\s*$"
                             r"|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$")
_HEADING_START = regex.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\D"
                               r"|第[一二三四五六七八九十]+部分)")
_LINE = regex.compile(r"[^\n]*\n?")
# a line that starts with the unit of a figure ending the line before (37188.34 / 万元，…)
_UNIT_START = regex.compile(r"^(?:万亿|亿|万|千)?(?:元|%|人次|人|名|个)(?![\d])")
_PROSE_UNIT = regex.compile(r"^(?:万亿|亿|万|千)?(?:元|%|人次|人|名|个)[，,。；;、]")


# page furniture, wrapped lines and letter-spaced lines: extract/read/pdf_lines.py (issue 22)
from .pdf_lines import _page_lines, _running, furniture, line_joins  # noqa: E402,F401
