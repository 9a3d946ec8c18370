"""extract/read/pdf_text.py gives pdfplumber's words and text, byte for byte: on every page of the
real PDFs (fixtures, corpus/ and ../shared/corpus/real when present), read as read_pdf reads them,
and on random characters (hypothesis: boxes on a coarse grid so that ties and tolerance edges
happen, blanks, empty texts, ligatures, rotated glyphs, glyphs printed twice)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfplumber.utils import extract_text as reference_text
from pdfplumber.utils import extract_words as reference_words
from pdfplumber.utils.text import LIGATURES, chars_to_textmap

from extract.read.pdf import _Y_TOLERANCE, _deduped, _page_text, read_pdf
from extract.read.pdf_text import page_text, text, word_groups, words
from tests.real_pdfs import FIXTURES, PDFS, pdfium_pages

ROOT = Path(__file__).parent.parent


def _same_on_page(page) -> None:
    chars = page.chars
    assert page_text(chars, _Y_TOLERANCE) == (page.extract_text(y_tolerance=_Y_TOLERANCE) or "")
    assert page_text(chars) == page.extract_text()  # a caption's text: pdfplumber's defaults
    assert words(chars) == page.extract_words()
    assert text(chars) == reference_text(chars)  # the whole page as one table cell


def test_there_are_real_pdfs():
    assert len(FIXTURES) >= 10 and len(PDFS) >= 14


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_every_page_is_pdfplumbers_with_pdfium_chars(path):
    pages = 0
    for page in pdfium_pages(path):
        _same_on_page(page)
        pages += 1
    assert pages > 0


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.parent.name + "/" + p.stem)
def test_every_page_is_pdfplumbers_with_pdfminer_chars(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            _same_on_page(_deduped(page))


# budget page cuts with ruled tables (captions, cells, rows added back)
TABLE_PAGES = ["js_prov_court_2017_dept_budget_p15-16-17", "js_prov_court_2019_dept_budget_p8-9-10-11-18",
               "js_prov_procuratorate_2017_dept_budget_p10-12-13", "sh_putuo_czj_2024_dept_final_p16-17"]


@pytest.mark.parametrize("path", [ROOT / "tests" / "fixtures" / "pdf" / f"{n}.pdf" for n in TABLE_PAGES],
                         ids=lambda p: p.stem)
def test_read_pdf_is_the_same_with_pdfplumbers_text_layer(path, monkeypatch):
    """The whole Document (page texts, spans, tables with their captions and cells) is the same
    with pdfplumber's own text layer (``REPORTFACTS_PDF_TEXT=pdfplumber``)."""
    data = path.read_bytes()
    fast = read_pdf(data, path.stem, str(path), "")
    monkeypatch.setenv("REPORTFACTS_PDF_TEXT", "pdfplumber")
    assert read_pdf(data, path.stem, str(path), "") == fast
    assert fast.text.strip() and fast.tables


def test_the_flag_chooses_pdfplumbers_text_layer(monkeypatch):
    """With the flag set, the page's own extract_text is what gives the text."""
    class Page:
        chars = [{"text": "a", "x0": 0, "x1": 1, "top": 0, "bottom": 1, "doctop": 0, "upright": True}]

        def extract_text(self, **kwargs):
            return "pdfplumber's"

    assert _page_text(Page()) == "a"
    monkeypatch.setenv("REPORTFACTS_PDF_TEXT", "pdfplumber")
    assert _page_text(Page()) == "pdfplumber's"


def test_ligatures_are_pdfplumbers():
    from extract.read.pdf_text import LIGATURES as ours

    assert ours == LIGATURES


def _char(t, x0, top, width=5.0, height=10.0, upright=True):
    return {"text": t, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + height, "doctop": top + 800,
            "upright": upright}


# (chars, the text pdfplumber's page.extract_text gives them): constructions written by hand
CRAFTED = [
    pytest.param([_char("总", 0, 0), _char("计", 5, 0), _char("1", 30, 2)], "总计 1", id="gap-over-tolerance-splits"),
    pytest.param([_char("总", 0, 0), _char("计", 7.9, 0)], "总计", id="gap-within-tolerance-joins"),
    pytest.param([_char("1", 10, 0), _char("2", 0, 0)], "2 1", id="a-line-read-left-to-right"),
    pytest.param([_char("a", 0, 0), _char(" ", 5, 0), _char("b", 10, 0)], "a b", id="blank-splits"),
    pytest.param([_char("a", 0, 0), _char("b", 5, 4.5), _char("c", 0, 20)], "ab\nc", id="line-within-y-tolerance"),
    pytest.param([_char("ﬁ", 0, 0), _char("x", 5, 0)], "fix", id="ligature-expanded"),
    pytest.param([_char("a", 0, 0), _char("", 5, 0), _char("b", 5, 0)], "a  b", id="empty-text-a-word-of-its-own"),
    pytest.param([_char("上", 0, 0, upright=False), _char("下", 0, 10, upright=False)], "上下", id="rotated-top-down"),
    pytest.param([_char("a", 0, 0), _char("b", 0, 30, upright=False), _char("c", 10, 0)], "a\nb\nc",
                 id="runs-of-direction-in-char-order"),
]


@pytest.mark.parametrize("chars,expected", CRAFTED)
def test_crafted_chars(chars, expected):
    assert page_text(chars, _Y_TOLERANCE) == expected
    assert page_text(chars, _Y_TOLERANCE) == _reference_page_text(chars, 3, _Y_TOLERANCE)


def test_counter_example_a_cell_puts_a_lines_words_together():
    """pdfplumber's cell text groups a line's words wherever they come; the page text does not."""
    chars = [_char("a", 0, 0), _char("b", 0, 30, upright=False), _char("c", 10, 0)]
    assert text(chars) == "a c\nb" == reference_text(chars)
    assert page_text(chars) != text(chars)


def _reference_page_text(chars, x_tolerance, y_tolerance):
    """pdfplumber's Page.extract_text (``_get_textmap``) of these chars on a 600 x 800 page."""
    return chars_to_textmap(chars, layout_bbox=(0, 0, 600, 800), layout_width=600, layout_height=800,
                            x_tolerance=x_tolerance, y_tolerance=y_tolerance).as_string


_COORD = st.one_of(st.integers(0, 40).map(lambda k: k * 0.5), st.floats(0, 20, allow_nan=False, width=32))
_CHAR = st.builds(
    _char,
    st.sampled_from(["a", "1", "中", " ", "\u3000", "", "ﬁ", "(cid:3)", "."]),
    _COORD, _COORD,
    st.sampled_from([0.0, 1.0, 2.5, 3.0, 5.0, 6.5]),
    st.sampled_from([0.0, 3.0, 10.0, 12.5]),
    st.sampled_from([True, True, True, False, 1, 0]),
)


@st.composite
def _chars(draw):
    chars = draw(st.lists(_CHAR, max_size=40))
    for k in draw(st.lists(st.integers(0, 39), max_size=6)):  # glyphs printed twice, same or nudged
        if chars:
            c = chars[k % len(chars)]
            nudge = draw(st.sampled_from([0.0, 0.3, -1.0]))
            chars.insert(draw(st.integers(0, len(chars))), {**c, "x0": c["x0"] + nudge, "x1": c["x1"] + nudge})
    return chars


_TOLERANCE = st.sampled_from([0, 1, 3, 5, 0.5])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_chars(), _TOLERANCE, _TOLERANCE)
def test_random_chars_are_pdfplumbers(chars, x_tolerance, y_tolerance):
    assert page_text(chars, y_tolerance, x_tolerance) == _reference_page_text(chars, x_tolerance, y_tolerance)
    assert words(chars, x_tolerance, y_tolerance) == reference_words(chars, x_tolerance=x_tolerance,
                                                                     y_tolerance=y_tolerance)
    assert text(chars, x_tolerance, y_tolerance) == reference_text(chars, x_tolerance=x_tolerance,
                                                                   y_tolerance=y_tolerance)


@settings(max_examples=100, deadline=None)
@given(_chars())
def test_word_groups_hold_every_char_not_blank_once(chars):
    grouped = [id(c) for word, _ in word_groups(chars) for c in word]
    assert sorted(grouped) == sorted(id(c) for c in chars if not c["text"].isspace())
