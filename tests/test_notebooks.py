"""Every notebook in notebooks/ runs from top to bottom without error (a real kernel), and its
saved outputs are not stale: a fresh run gives every cell the same text output (printed lines,
tables by their values), the same kinds of output, and an image where one was saved. A notebook
edited, or code changed, without re-running and saving it fails here (`make notebooks` saves them)."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
_VOLATILE = re.compile(r"0x[0-9a-f]{6,}|/tmp/[^\s'\"]+|\d+(?:\.\d+)? ?(?:s|ms|seconds)\b")


def _content(cell) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """What a code cell showed: its kinds of output, with the text of each (a table's plain-text
    rendering holds its values; an image counts by its presence)."""
    out = []
    for o in cell.get("outputs", []):
        kind = o.get("output_type")
        if o.get("name") == "stderr":
            continue
        if kind == "stream":
            out.append((kind, _VOLATILE.sub("…", o.get("text", ""))))
            continue
        data = o.get("data", {})
        if "image/png" in data:
            out.append((kind, "image"))
        elif "text/plain" in data:
            out.append((kind, _VOLATILE.sub("…", "".join(data["text/plain"]))))
        else:
            out.append((kind, ",".join(sorted(data))))
    return out


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"quickstart", "validation", "analysis", "auditors"}


def test_a_changed_count_is_stale():
    saved = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stdout", text="2751 facts\n")])
    fresh = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stdout", text="2756 facts\n")])
    assert _content(saved) != _content(fresh)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_saved_outputs_are_fresh(path):
    saved = nbformat.read(path, as_version=4)
    code = [c for c in saved.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "saved without running every cell"
    assert all(c.get("outputs") for c in code), "a code cell was saved without output"
    fresh = copy.deepcopy(saved)
    NotebookClient(fresh, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in fresh.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    now = [c for c in fresh.cells if c.cell_type == "code"]
    for i, (was, is_) in enumerate(zip(code, now)):
        assert _content(is_) == _content(was), f"cell {i} of {path.name}: saved outputs are stale (make notebooks)"
