"""Shared fixtures: paths to the small real documents kept in tests/fixtures/."""
from __future__ import annotations

import os

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "changning-kexie-2021.txt").read_text(encoding="utf-8")


# tests patch functions in this process and expect the worker processes to inherit them: fork, whatever
# threads earlier tests left behind (tqdm's monitor, a Dask connect attempt). test_cluster.py, which
# runs last, removes it to test the rule users get (no fork after a Dask client).
os.environ.setdefault("REPORTFACTS_START_METHOD", "fork")

# the award grammar's compiled-code cache (extract/find/grammar_cache.py) goes to a folder of this
# session, not the user's ~/.cache: the suite leaves nothing behind and starts from no cache
if "REPORTFACTS_CACHE" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["REPORTFACTS_CACHE"] = tempfile.mkdtemp(prefix="reportfacts-test-cache-")
    atexit.register(shutil.rmtree, os.environ["REPORTFACTS_CACHE"], True)


def pytest_collection_modifyitems(session, config, items):
    """The Dask tests run last. A process that has run a Dask client keeps its threads, and from a
    process with threads reportfacts starts workers with forkserver, not fork (extract/workers.py):
    tests before them that patch a function in this process and expect a worker to inherit it
    (the memory cap, a failing stage, the worker that dies) need the fork."""
    items.sort(key=lambda item: "test_cluster.py" in str(item.fspath))
