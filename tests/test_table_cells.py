"""extract/read/table_cells.py finds pdfplumber's cells and tables: on every page of the real PDFs
(read as read_pdf reads them) and on random rulings (hypothesis: lines on a coarse grid, so that
crossings are shared, edges stop short or overrun, rectangles leave gaps)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, edges_to_intersections, intersections_to_cells

from extract.read.table_cells import cells, find_tables
from extract.read.tables import _SETTINGS
from tests.real_pdfs import PDFS, pdfium_pages


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_every_page_has_pdfplumbers_cells_and_tables(path):
    crossings = 0
    for page in pdfium_pages(path):
        finder = TableFinder(page, _SETTINGS)
        assert cells(finder.intersections) == finder.cells
        crossings += len(finder.intersections)
        ours = find_tables(page, _SETTINGS)
        assert [(t.bbox, t.cells) for t in ours] == [(t.bbox, t.cells) for t in finder.tables]
        assert [t.extract() for t in ours] == [t.extract() for t in finder.tables]
    if not crossings:
        pytest.skip("no ruling lines cross in this file")


def _edge(orientation, a, b, c):
    """A horizontal edge at top ``a`` from x ``b`` to ``c`` or a vertical one at x ``a`` from top ``b`` to ``c``."""
    lo, hi = min(b, c), max(b, c)
    if orientation == "h":
        return {"x0": lo, "x1": hi, "top": a, "bottom": a, "width": hi - lo, "orientation": "h"}
    return {"x0": a, "x1": a, "top": lo, "bottom": hi, "height": hi - lo, "orientation": "v"}


_AT = st.integers(0, 12).map(lambda k: k * 10.0)
_EDGE = st.builds(_edge, st.sampled_from("hv"), _AT, _AT, _AT)


def _grid(xs, ys, skip):
    """A full ruled grid, some of its segments left out."""
    edges = []
    for k, y in enumerate(ys):
        edges += [_edge("h", y, a, b) for j, (a, b) in enumerate(zip(xs, xs[1:])) if (k, j, "h") not in skip]
    for k, x in enumerate(xs):
        edges += [_edge("v", x, a, b) for j, (a, b) in enumerate(zip(ys, ys[1:])) if (k, j, "v") not in skip]
    return edges


@settings(max_examples=300, deadline=None)
@given(st.lists(_EDGE, max_size=30))
def test_random_rulings(edges):
    crossings = edges_to_intersections(edges, 1, 1)
    assert cells(crossings) == intersections_to_cells(crossings)


@settings(max_examples=200, deadline=None)
@given(st.lists(_AT, min_size=2, max_size=6, unique=True).map(sorted),
       st.lists(_AT, min_size=2, max_size=6, unique=True).map(sorted),
       st.sets(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from("hv")), max_size=8),
       st.lists(_EDGE, max_size=4))
def test_random_grids_with_gaps(xs, ys, skip, stray):
    crossings = edges_to_intersections(_grid(xs, ys, skip) + stray, 1, 1)
    assert cells(crossings) == intersections_to_cells(crossings)


@pytest.mark.parametrize("edges,expected", [
    pytest.param(_grid([0, 10, 20], [0, 10], set()), [(0, 0, 10, 10), (10, 0, 20, 10)], id="two-cells"),
    pytest.param([_edge("h", 0, 0, 20), _edge("h", 10, 0, 20), _edge("v", 0, 0, 10), _edge("v", 20, 0, 10)],
                 [(0, 0, 20, 10)], id="one-wide-cell"),
    pytest.param(_grid([0, 10, 20], [0, 10], {(1, 0, "v")}), [], id="counter-example-rules-in-pieces-not-joined"),
    pytest.param(_grid([0, 10], [0, 10], {(0, 0, "h")}), [], id="counter-example-no-top-no-cell"),
])
def test_crafted_rulings(edges, expected):
    crossings = edges_to_intersections(edges, 1, 1)
    assert cells(crossings) == expected == intersections_to_cells(crossings)
