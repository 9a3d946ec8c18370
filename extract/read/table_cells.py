"""pdfplumber's table finder with its cell search made linear in the crossings it looks at.

``pdfplumber.table.intersections_to_cells`` finds, for every crossing of ruling lines, the
smallest cell it is the top-left corner of. For each crossing it scans every later crossing to
find those below and to the right, and for every pair it tests rebuilds the sets of edges
touching both ends (``edges_to_set`` per test); on budget tables (hundreds of crossings) that was
half of the finder's time and an eighth of a page's (issue 26). :func:`cells` is the same search
with each crossing's edge sets built once, the crossings of each column and row listed once, and
the crossings to the right that an edge reaches tested once per crossing rather than once per
crossing below: the same cells in the same order (tests/test_table_cells.py compares the two on
every page of the real PDFs and on random grids). :func:`find_tables` is ``page.find_tables``
with it.
"""
from __future__ import annotations

from typing import Any

Point = tuple[Any, Any]


def cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[tuple[Any, Any, Any, Any]]:
    """``pdfplumber.table.intersections_to_cells(intersections)``."""
    from pdfplumber.utils import obj_to_bbox

    v = {p: {obj_to_bbox(e) for e in edges["v"]} for p, edges in intersections.items()}
    h = {p: {obj_to_bbox(e) for e in edges["h"]} for p, edges in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:  # pdfplumber's edge_connects
        if p1[0] == p2[0] and not v[p1].isdisjoint(v[p2]):
            return True
        return p1[1] == p2[1] and not h[p1].isdisjoint(h[p2])

    points = sorted(intersections)
    # the crossings after each one in the sorted order with its x (below it), with its y (right of it)
    columns: dict[Any, list[Point]] = {}
    rows: dict[Any, list[Point]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    in_column = {p: k for group in columns.values() for k, p in enumerate(group)}
    in_row = {p: k for group in rows.values() for k, p in enumerate(group)}
    out = []
    for pt in points:
        below = columns[pt[0]][in_column[pt] + 1:]
        right = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            if right is None:  # computed once: it does not depend on the crossing below
                right = [r for r in rows[pt[1]][in_row[pt] + 1:] if connects(pt, r)]
            found = None
            for right_pt in right:
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found is not None:
                out.append(found)
                break
    return out


def find_tables(page: Any, settings: dict[str, Any]) -> list[Any]:
    """``page.find_tables(settings)`` (pdfplumber's ``TableFinder``), its cells found by :func:`cells`."""
    from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    finder = TableFinder.__new__(TableFinder)
    finder.page = page
    finder.settings = s = TableSettings.resolve(settings)
    finder.edges = finder.get_edges()
    finder.intersections = edges_to_intersections(finder.edges, s.intersection_x_tolerance,
                                                  s.intersection_y_tolerance)
    finder.cells = cells(finder.intersections)
    finder.tables = [Table(page, group) for group in cells_to_tables(finder.cells)]
    return finder.tables
