"""The house's contract: stage folders, imports that run one way (read -> find -> check -> run/show), no circles.

The graph is read from the code by docs/layout.py (ast, nothing imported); the floors are listed there.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("layout", Path(__file__).resolve().parent.parent / "docs" / "layout.py")
assert _spec and _spec.loader
layout = importlib.util.module_from_spec(_spec)
sys.modules["layout"] = layout
_spec.loader.exec_module(layout)


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module on a higher floor than the importer."""
    return sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                  if layout.floor_of(b) > layout.floor_of(a))


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), i.e. import circles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


GRAPH = layout.graph()


def test_every_module_is_on_a_floor() -> None:
    for module in GRAPH:
        layout.floor_of(module)  # raises for a module nobody placed


def test_imports_run_one_way() -> None:
    assert upward(GRAPH) == []


def test_no_circles() -> None:
    assert circles(GRAPH) == []


@pytest.mark.parametrize("module, stage", [
    ("read.ingest", "read"), ("read.pdf", "read"), ("find.facts", "find"), ("find.awards", "find"),
    ("checks.validate", "check"), ("checks.compare", "check"), ("views.view", "show"), ("views.nlp", "show"),
])
def test_stage_folders(module: str, stage: str) -> None:
    assert module in GRAPH and layout.FLOORS[layout.floor_of(module)][0] == stage


def test_stage_doors_say_what_enters_and_leaves() -> None:
    for stage in ("read", "find", "checks", "views"):
        doc = (layout.PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")
        assert "In:" in doc and "Out:" in doc, stage


# the checks themselves find what they are for: a planted back edge and a planted circle
def test_a_planted_upward_import_is_found() -> None:
    planted = {m: set(t) for m, t in GRAPH.items()}
    planted["read.pdf"].add("find.tables")
    assert upward(planted) == ["read.pdf -> find.tables"]


def test_a_planted_circle_is_found() -> None:
    planted = {m: set(t) for m, t in GRAPH.items()}
    planted["checks.figures"].add("checks.breakdowns")
    assert circles(planted) == [["checks.breakdowns", "checks.figures"]]


def test_relative_and_lazy_imports_are_read() -> None:
    # cli imports the view inside a function, __init__ imports the show stage lazily
    assert "views.view" in GRAPH["cli"] and "views.nlp" in GRAPH["__init__"]
    assert "read.pdf" in GRAPH["find.facts"]  # a function-level `from ..read.pdf import line_joins`
