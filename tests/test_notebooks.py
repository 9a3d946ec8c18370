"""Every notebook in notebooks/ runs from top to bottom without error (a real kernel), and its
saved outputs are not stale: saved with every code cell run, and a fresh run gives each cell the
same kinds of output (a notebook edited without re-running fails here)."""
from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def _shape(cell) -> list[str]:  # type: ignore[no-untyped-def]
    """The kinds of output of a code cell (stream, display_data, execute_result …), in order."""
    return [o.get("output_type") for o in cell.get("outputs", []) if o.get("name") != "stderr"]


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"quickstart", "validation", "analysis", "auditors"}


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
    assert [_shape(c) for c in now] == [_shape(c) for c in code], "saved outputs are stale: re-run and save"
