"""Shared fixtures: paths to the small real documents kept in tests/fixtures/."""
from __future__ import annotations

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
