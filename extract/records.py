"""The shared record types: every module speaks in these.

Facts are frozen and keep the raw surface text beside the parsed value, so a
person can always check what was read against what was printed.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any


def package_version() -> str:
    """The installed version of reportfacts (written once, in pyproject.toml), looked up on each call;
    ``0+unknown`` when running from a source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportfacts")
    except PackageNotFoundError:
        return "0+unknown"


class ReportFactsError(Exception):
    """Base class of every error the library raises on purpose."""


class IngestError(ReportFactsError):
    """A file could not be read as a report (unreadable, empty, binary, encrypted...)."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


class RuleError(ReportFactsError):
    """A rule file in patterns/ is malformed: bad regex, duplicate id, unknown label..."""


@dataclass(frozen=True)
class PageSpan:
    """Where one PDF page's text lies inside ``Document.text`` (0-based offsets, 1-based page)."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """One table read from a PDF page, cells as printed (None for an empty cell)."""

    page: int
    title: str
    unit: str
    rows: tuple[tuple[str | None, ...], ...]
    #: offset in Document.text where the page's text starts (table cells are searched from here)
    page_start: int = 0
    page_end: int = 0
    #: right edge (x, points) of the text in each cell, None for an empty cell: figures are
    #: right-aligned, so this finds a figure's column even where merged cells shift indices
    right: tuple[tuple[float | None, ...], ...] = ()
    #: header cells as (x0, x1, text), outermost row first; a continued table inherits them
    headers: tuple[tuple[float, float, str], ...] = ()
    #: the table's number in its document (1, 2, …); a table continued over a page break keeps it
    number: int = 0


#: a web page's own fields, as documents columns: 发布机构, 发布日期, 来源, 索引号, 文号
PAGE_FIELDS = ("publisher", "published", "source_name", "index_no", "doc_no")


@dataclass(frozen=True)
class OcrLine:
    """One line of text recognised on a scanned page: its page, box (x0, top, x1, bottom in PDF
    points from the page's top left), the recogniser's confidence, and where its text lies in
    ``Document.text`` (None when the page's text does not hold it as one run)."""

    page: int
    text: str
    box: tuple[float, ...]
    confidence: float
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Document:
    """A report as read: the text exactly as decoded (offsets of every fact index into it)."""

    doc_id: str
    path: str
    format: str
    text: str
    encoding: str | None = None
    sha256: str = ""
    title: str | None = None
    organization: str | None = None
    year: int | None = None
    status: str = "ok"
    error: str | None = None
    pages: tuple[PageSpan, ...] = ()
    tables: tuple[Table, ...] = ()
    #: what the reader could not tell from the document (no organisation or year stated: issue 22)
    notes: str | None = None
    #: what read the text: pdfium or pdfminer (+ocr for recognised pages), html.parser, docx-xml, openpyxl …
    reader: str | None = None
    #: the lines recognised on scanned pages (extract/read/ocr.py), in page order
    ocr: tuple[OcrLine, ...] = ()
    #: the page's own fields (a web page's info block and <meta>): (name, value) for the names of PAGE_FIELDS
    fields: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def _page_starts(self) -> list[int]:
        """Where each page starts, built once per document (a cache keyed by the pages tuple hashed
        every page on every call: O(facts × pages) at 3,000 pages)."""
        return [p.start for p in self.pages]

    def page_at(self, offset: int) -> int | None:
        """1-based page holding ``offset``, or None for a text file (one bisect: a 5,000-page
        file costs no more per fact than a short one)."""
        k = bisect.bisect_right(self._page_starts, offset) - 1
        if k >= 0 and offset < self.pages[k].end:
            return self.pages[k].page
        return None

    def row(self) -> dict[str, Any]:
        """The documents-table row (no text, no tables)."""
        return {
            "doc_id": self.doc_id,
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "chars": len(self.text),
            "pages": len(self.pages) or None,
            "tables": len(self.tables) or None,
            # words of the page shown as one line: a control character in a title would reach the
            # organisation and the workbook's sheet names (which cannot hold one)
            "title": _CONTROL.sub(" ", self.title) if self.title else self.title,
            "organization": _CONTROL.sub("", self.organization) if self.organization else self.organization,
            "year": self.year,
            "status": self.status,
            "error": self.error,
            "notes": self.notes,
            "reader": self.reader,
            # pages read by OCR, and the recogniser's mean confidence over their lines
            "ocr_pages": len({line.page for line in self.ocr}) or None,
            "ocr_confidence": (round(sum(line.confidence for line in self.ocr) / len(self.ocr), 4)
                               if self.ocr else None),
            # a web page's 发布机构, 发布日期 (ISO), 来源, 索引号, 文号
            **{name: dict(self.fields).get(name) for name in PAGE_FIELDS},
        }


DOCUMENT_COLUMNS = list(Document(doc_id="", path="", format="", text="").row())


@dataclass(frozen=True)
class Fact:
    """One figure found in a report.

    ``value`` is a Decimal for amount/headcount/quantity/percent (money always in
    yuan), an ISO string for dates (``2021-03-11``, ``2021-09``, ``A/B`` ranges)
    and the award name for awards. ``resolution`` is the value of one unit of the
    last printed digit (``181.92万元`` -> 100 yuan): the validator's tolerance is
    half of it, as in XBRL calculation rounding.
    """

    doc_id: str
    kind: str
    text: str
    start: int
    end: int
    value: Decimal | str
    unit: str | None
    rule: str
    qualifier: str | None = None
    label: str | None = None
    count: int | None = None
    subject: str | None = None
    event: str | None = None
    #: awards: conferred, retained (kept after review) or nominated
    stage: str | None = None
    section: str | None = None
    page: int | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    value_max: Decimal | None = None
    resolution: Decimal | None = None
    date_start: str | None = None
    date_end: str | None = None
    source: str = "text"
    column: str | None = None
    #: table facts: the number of the table in the document (a table continued on the next page keeps it)
    table: int | None = None
    #: the canonical concept of the label (synonyms in patterns/identities.yaml), None where none applies
    concept: str | None = None
    #: a change or difference (增加1808.29万元, 下降12%), not a level; the direction is in ``qualifier``
    change: bool = False
    #: ``ocr`` for a figure read from a scanned page's recognised text, else None
    origin: str | None = None
    #: for ``origin = ocr``: the recogniser's lowest confidence over the lines the figure lies in
    confidence: float | None = None
    fact_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.fact_id:
            key = f"{self.doc_id}|{self.kind}|{self.start}|{self.end}|{self.rule}|{self.column or ''}"
            object.__setattr__(self, "fact_id", hex_id(hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]))

    def row(self) -> dict[str, Any]:
        """The facts-table row (a shallow copy: every field is a scalar; asdict would deep-copy)."""
        d = {name: getattr(self, name) for name in _FACT_FIELDS}
        for k in _DERIVED_TEXT:  # words read from the page, shown without line breaks or control characters
            if d[k]:
                d[k] = _CONTROL.sub("", d[k])
        d["value_num"] = d["value"] if isinstance(d["value"], Decimal) else None
        d["value_float"] = float(d["value_num"]) if d["value_num"] is not None else None
        # the qualifier of a change holds its direction first (增加近): each in a column of its own,
        # and the change as a signed number (减少5万元: -50000); a date's 初/中/末 is no approximation
        q = d["qualifier"]
        d["direction"] = q[:2] if self.change and q and q[:2] in DIRECTIONS else None
        d["approximation"] = None if self.kind == "date" else (q[2:] if d["direction"] else q) or None
        num = d["value_num"]
        d["change_num"] = (-num if d["direction"] == "减少" else num) if self.change and num is not None else None
        d["change_float"] = float(d["change_num"]) if d["change_num"] is not None else None
        for k in ("value", "value_max", "resolution"):
            d[k] = fmt_decimal(d[k]) if isinstance(d[k], Decimal) else d[k]
        return d


_FACT_FIELDS = tuple(f.name for f in fields(Fact))
_DERIVED_TEXT = ("label", "section", "subject", "event", "column")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FACT_COLUMNS = ["fact_id"] + [name for name in _FACT_FIELDS if name != "fact_id"]
FACT_COLUMNS.insert(FACT_COLUMNS.index("value") + 1, "value_num")
#: value_num as a float, for pandas arithmetic (nlargest, plots); value_num stays the exact number
FACT_COLUMNS.insert(FACT_COLUMNS.index("value_num") + 1, "value_float")
#: the qualifier split (direction of a change; approximation 约/近/余 …), and a change as a signed number
FACT_COLUMNS[FACT_COLUMNS.index("qualifier") + 1:FACT_COLUMNS.index("qualifier") + 1] = ["direction", "approximation"]
FACT_COLUMNS[FACT_COLUMNS.index("change") + 1:FACT_COLUMNS.index("change") + 1] = ["change_num", "change_float"]
#: the directions of a change figure, first in its qualifier
DIRECTIONS = ("增加", "减少")

CHECK_COLUMNS = [
    "check_id", "doc_id", "rule", "relation", "scope", "total_fact_id", "total_label",
    "total_value", "part_fact_ids", "part_labels", "part_values", "difference",
    "tolerance", "unit", "status", "message",
]
#: the checks table as stored and exported: the exact numbers (total_value, difference, tolerance:
#: DECIMAL in Parquet and DuckDB) each followed by the same as a float, for pandas arithmetic
CHECK_TABLE_COLUMNS = [c for col in CHECK_COLUMNS
                       for c in (col, f"{col}_float" if col in ("total_value", "difference", "tolerance") else "") if c]


def hex_id(digest: str) -> str:
    """A hex id that is never all digits (a spreadsheet reads ``1234567890123456`` as a number and
    mangles it): the first digit becomes a letter in the 1 id in 1,000 that would be.

    >>> hex_id("0123456789012345"), hex_id("0a23456789012345")
    ('g123456789012345', '0a23456789012345')
    """
    return "ghijklmnop"[int(digest[0])] + digest[1:] if digest.isdigit() else digest


def fmt_decimal(d: Decimal | None) -> str | None:
    """A Decimal as a plain number, never in exponent form.

    >>> fmt_decimal(Decimal("1.8192E+6"))
    '1819200'
    >>> fmt_decimal(Decimal("1.50"))
    '1.50'
    """
    if d is None:
        return None
    s = format(d, "f")
    return s
