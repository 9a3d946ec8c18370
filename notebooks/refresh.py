"""Run every notebook here from top to bottom in a real kernel and save it with its outputs:

    python notebooks/refresh.py [name.ipynb ...]

(`make notebooks`; tests/test_notebooks.py fails when a notebook's saved outputs are stale.)"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent

for path in [HERE / a for a in sys.argv[1:]] or sorted(HERE.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(nb, path)
    print("saved", path.name)
