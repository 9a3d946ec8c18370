"""Word (.docx) and Excel (.xlsx) files -> a Document whose text holds paragraphs and table rows in order.

* ``.docx``: the paragraphs and tables of ``word/document.xml`` in document order (read with the
  standard library: a .docx is a zip of XML); a table row is one line, ``|`` between cells, a cell
  merged across columns (``gridSpan``) repeated so the columns line up with the header.
* ``.xlsx`` (openpyxl): every sheet in order: its name, then one line per row with ``|`` between
  cells; merged cells take the value of their top-left cell, so a header spread over columns names
  each of them; numbers are written as the sheet shows them (no float noise: 12.5 not 12.500000001).

* ``.xls`` and ``.et`` (WPS's spreadsheet, saved as an Excel 97 or an .xlsx file inside): python-calamine
  (Rust, reads the binary format and tells the two apart by their bytes); the same lines as ``.xlsx``,
  merged cells resolved the same way.

Table rows are read by find/flat_tables.py like a web page's (unit from a 单位：万元 line or a header
cell). ``.doc`` and ``.wps`` go through a converter when one is installed (read/converted.py).
"""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree

from ..records import Document, IngestError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _runs(el: ElementTree.Element) -> str:
    out = []
    for node in el.iter():
        if node.tag == f"{_W}t" and node.text:
            out.append(node.text)
        elif node.tag in (f"{_W}tab",):
            out.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return "".join(out)


def read_docx(data: bytes, doc_id: str, path: str, sha256: str) -> Document:
    """A Word document's paragraphs and tables, in order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as e:
        raise IngestError("error", f"not a readable .docx (a zip with word/document.xml): {e}") from None
    body = ElementTree.fromstring(xml).find(f"{_W}body")
    lines: list[str] = []
    for block in list(body) if body is not None else []:
        if block.tag == f"{_W}p":
            lines.append(_runs(block).strip())
        elif block.tag == f"{_W}tbl":
            for tr in block.iter(f"{_W}tr"):
                cells: list[str] = []
                for tc in tr.findall(f"{_W}tc"):
                    span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                    text = " ".join(_runs(p).strip() for p in tc.findall(f"{_W}p")).strip()
                    cells += [text] * int(span.get(f"{_W}val", "1") if span is not None else 1)
                lines.append(_row_line(cells))
    text = "\n".join(ln for ln in lines if ln) + "\n"
    return Document(doc_id, path, "docx", text, encoding="utf-8", sha256=sha256, reader="docx-xml")


def _row_line(cells: list[str]) -> str:
    """A table row as a text line; a row of one text (a title or a 单位：万元 line merged across the
    columns) is that text alone."""
    filled = [c for c in cells if c]
    if not filled:
        return ""
    if len(set(filled)) == 1 and (len(filled) == 1 or len(filled) == len(cells)):
        return filled[0]
    return " | ".join(cells) + " |"


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # as the sheet shows it: 12.5, 6.08, 30 (not 30.0)
        return format(Decimal(repr(value)).normalize(), "f") if value == value and abs(value) != float("inf") \
            else repr(value)
    return str(value).strip()


def _sheet_lines(name: str, rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
                 ) -> list[str]:
    """A sheet's name, then a line per row (see :func:`_row_line`), every cell of a merged range
    taking its top-left value (0-based row and column indices)."""
    fill: dict[tuple[int, int], Any] = {}
    for (r0, c0), (r1, c1) in merged:
        top = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                fill[(r, c)] = top
    lines = [name]
    for r, row in enumerate(rows):
        cells = [_shown(fill.get((r, c), v)) for c, v in enumerate(row)]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            lines.append(_row_line(cells))
    return lines


def read_xls(data: bytes, doc_id: str, path: str, sha256: str, fmt: str = "xls") -> Document:
    """Every sheet of an Excel 97-2003 (.xls) or WPS (.et) workbook, read with python-calamine."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [wb.get_sheet_by_name(name) for name in wb.sheet_names]
        lines: list[str] = []
        for sheet in sheets:
            lines += _sheet_lines(sheet.name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or [])
    except Exception as e:  # noqa: BLE001 - calamine raises its own kinds for a damaged file; one row says so
        raise IngestError("error", f"not a readable .{fmt} workbook: {type(e).__name__}: {e}") from None
    return Document(doc_id, path, fmt, "\n".join(lines) + "\n", encoding=None, sha256=sha256, reader="calamine")


def read_xlsx(data: bytes, doc_id: str, path: str, sha256: str) -> Document:
    """Every sheet of a workbook: its name, then a line per row."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file; one row says so
        raise IngestError("error", f"not a readable .xlsx: {type(e).__name__}: {e}") from None
    lines: list[str] = []
    for ws in wb.worksheets:
        merged: dict[tuple[int, int], Any] = {}
        for rng in ws.merged_cells.ranges:
            top = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = top
        lines.append(ws.title)
        for r, row in enumerate(ws.iter_rows(values_only=True), 1):
            cells = [_shown(merged.get((r, c), v)) for c, v in enumerate(row, 1)]
            while cells and not cells[-1]:
                cells.pop()
            if not any(cells):
                continue
            lines.append(_row_line(cells))
    text = "\n".join(lines) + "\n"
    return Document(doc_id, path, "xlsx", text, encoding="utf-8", sha256=sha256, reader="openpyxl")
