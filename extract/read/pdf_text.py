"""A page's words, lines and text from its characters, as pdfplumber groups them, in one pass.

pdfplumber's text layer (``utils/text.py``: ``WordExtractor``, ``WordMap.to_textmap``,
``cluster_objects``) calls a function per character and per comparison; on budget PDFs it was
a fifth of the time a page takes to read once pdfium reads the characters (issue 26). The
functions here give the same result for the arguments :mod:`extract.read.pdf` and
:mod:`extract.read.tables` pass (no layout, ``keep_blank_chars`` off, no text flow, no
tolerance ratios, no split at punctuation, no extra attributes, ligatures expanded):

- :func:`word_groups`: the characters of each word, in pdfplumber's order (runs of equal
  ``upright``; a run's lines clustered by ``top`` — by ``x0`` for rotated glyphs — with the
  tolerance chained over the sorted distinct values; a line sorted by ``x0`` — by ``top``,
  ``bottom`` for rotated glyphs; a word broken at a blank, at a glyph left of the previous one's
  start, further than the tolerance past its end, or off its line);
- :func:`page_text` = ``page.extract_text(y_tolerance=…)`` (``chars_to_textmap``: words in that
  order, a line break wherever consecutive words' tops fall in different clusters);
- :func:`text` = ``pdfplumber.utils.extract_text(chars)`` (what ``Table.extract`` gives a cell:
  words grouped into lines by clustered ``top``, all of a cluster's words on one line);
- :func:`words` = ``page.extract_words()`` (the same dicts, keys in the same order).

tests/test_pdf_text.py compares each with pdfplumber's on every page of the real PDFs and on
random characters (hypothesis). pdfplumber's own path is used when ``REPORTFACTS_PDF_TEXT`` is
``pdfplumber`` (see :func:`pdfplumber_text`).
"""
from __future__ import annotations

import os
from typing import Any

#: pdfplumber's ``utils.text.LIGATURES`` (a test checks they are the same)
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
X_TOLERANCE = Y_TOLERANCE = 3  # pdfplumber's defaults
_ENV = "REPORTFACTS_PDF_TEXT"


def pdfplumber_text() -> bool:
    """Whether pdfplumber's own text layer is asked for (``REPORTFACTS_PDF_TEXT=pdfplumber``):
    tests and benchmarks compare the two; the text is the same either way."""
    return os.environ.get(_ENV, "") == "pdfplumber"


def _cluster_numbers(values: list[Any], tolerance: float) -> dict[Any, int]:
    """pdfplumber's ``make_cluster_dict``: each distinct value's cluster number, the values
    sorted and chained while each is within ``tolerance`` of the one before."""
    ordered = sorted(set(values))
    if tolerance == 0 or len(ordered) < 2:
        return {v: k for k, v in enumerate(ordered)}
    number: dict[Any, int] = {}
    n, last = 0, ordered[0]
    for v in ordered:
        if not v <= last + tolerance:
            n += 1
        number[v] = n
        last = v
    return number


def word_groups(chars: list[dict[str, Any]], x_tolerance: float = X_TOLERANCE,
                y_tolerance: float = Y_TOLERANCE) -> list[tuple[list[dict[str, Any]], bool]]:
    """(characters, upright) of every word, as ``WordExtractor.iter_extract_tuples`` groups them."""
    out: list[tuple[list[dict[str, Any]], bool]] = []
    n, i = len(chars), 0
    while i < n:
        upright = chars[i]["upright"]
        j = i + 1
        while j < n and chars[j]["upright"] == upright:
            j += 1
        run = chars[i:j]
        i = j
        up = bool(upright)
        if up:  # lines by top (y tolerance), left to right within a line
            tops = [c["top"] for c in run]
            number = _cluster_numbers(tops, y_tolerance)
            x0s = [c["x0"] for c in run]
            order = sorted(range(len(run)), key=lambda k: (number[tops[k]], x0s[k]))
            along, ahead, across, tol, cross_tol = "x0", "x1", "top", x_tolerance, y_tolerance
        else:  # rotated glyphs: lines by x0 (x tolerance), top to bottom within a line
            x0s = [c["x0"] for c in run]
            number = _cluster_numbers(x0s, x_tolerance)
            order = sorted(range(len(run)), key=lambda k: (number[x0s[k]], run[k]["top"], run[k]["bottom"]))
            along, ahead, across, tol, cross_tol = "top", "bottom", "x0", y_tolerance, x_tolerance
        line = None
        word: list[dict[str, Any]] = []
        a = b = y = 0.0
        for k in order:
            c = run[k]
            if number[tops[k] if up else x0s[k]] != line:  # a new line: no word runs across lines
                line = number[tops[k] if up else x0s[k]]
                if word:
                    out.append((word, up))
                word = []
            t = c["text"]
            if t.isspace():
                if word:
                    out.append((word, up))
                word = []
                continue
            if t == "":  # pdfplumber's split_at_punctuation is "" and ``"" in ""``: a word of its own
                if word:
                    out.append((word, up))
                out.append(([c], up))
                word = []
                continue
            cx, cy = c[along], c[across]
            if word and (cx < a or cx > b + tol or abs(cy - y) > cross_tol):
                out.append((word, up))
                word = []
            word.append(c)
            a, b, y = cx, c[ahead], cy
        if word:
            out.append((word, up))
    return out


def _bbox(word: list[dict[str, Any]]) -> tuple[Any, Any, Any, Any]:
    if len(word) == 1:
        c = word[0]
        return c["x0"], c["top"], c["x1"], c["bottom"]
    return (min(c["x0"] for c in word), min(c["top"] for c in word), max(c["x1"] for c in word),
            max(c["bottom"] for c in word))


def _word_text(word: list[dict[str, Any]]) -> str:
    get = LIGATURES.get
    return "".join(get(c["text"], c["text"] or "") for c in word)


def words(chars: list[dict[str, Any]], x_tolerance: float = X_TOLERANCE,
          y_tolerance: float = Y_TOLERANCE) -> list[dict[str, Any]]:
    """``pdfplumber.utils.extract_words(chars, x_tolerance=…, y_tolerance=…)``."""
    out = []
    for word, up in word_groups(chars, x_tolerance, y_tolerance):
        x0, top, x1, bottom = _bbox(word)
        first = word[0]
        out.append({"text": _word_text(word), "x0": x0, "x1": x1, "top": top,
                    "doctop": top + (first["doctop"] - first["top"]), "bottom": bottom,
                    "upright": first["upright"], "height": bottom - top, "width": x1 - x0,
                    "direction": "ltr" if up else "ttb"})
    return out


def _top(word: list[dict[str, Any]]) -> Any:
    return word[0]["top"] if len(word) == 1 else min(c["top"] for c in word)


def page_text(chars: list[dict[str, Any]], y_tolerance: float = Y_TOLERANCE,
              x_tolerance: float = X_TOLERANCE) -> str:
    """``page.extract_text(y_tolerance=…)`` of a page holding ``chars`` (no layout)."""
    groups = word_groups(chars, x_tolerance, y_tolerance)
    if not groups:
        return ""
    tops = [_top(w) for w, _ in groups]
    number = _cluster_numbers(tops, y_tolerance)
    get = LIGATURES.get
    parts: list[str] = []
    line: int | None = None
    length = 0  # letters on the current line (a space goes before a word only after one)
    for (word, _), top in zip(groups, tops):
        n = number[top]
        if n != line:
            if line is not None:
                parts.append("\n")
            line, length = n, 0
        if length:
            parts.append(" ")
            length += 1
        for c in word:
            letters = get(c["text"], c["text"])
            parts.append(letters)
            length += len(letters)
    return "".join(parts)


def text(chars: list[dict[str, Any]], x_tolerance: float = X_TOLERANCE, y_tolerance: float = Y_TOLERANCE) -> str:
    """``pdfplumber.utils.extract_text(chars)`` (no layout): what a table cell's text is."""
    if not chars:
        return ""
    groups = word_groups(chars, x_tolerance, y_tolerance)
    tops = [_top(w) for w, _ in groups]
    number = _cluster_numbers(tops, y_tolerance)
    lines: dict[int, list[str]] = {}
    for (word, _), top in zip(groups, tops):
        lines.setdefault(number[top], []).append(_word_text(word))
    return "\n".join(" ".join(lines[n]) for n in sorted(lines))
