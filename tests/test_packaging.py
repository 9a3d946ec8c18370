"""Packaging: a wheel (not an editable install) finds its rule files, ``python -m extract`` works,
and the version is written once."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import extract

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel_site(tmp_path_factory):
    """The project built as a wheel and installed into a folder of its own (dependencies come
    from the test environment)."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(ROOT),
                    "-w", str(tmp / "dist")], check=True, capture_output=True)
    wheel = next((tmp / "dist").glob("reportfacts-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(tmp / "site"),
                    str(wheel)], check=True, capture_output=True)
    return wheel, tmp / "site"


def test_wheel_ships_the_rule_files(wheel_site):
    wheel, _ = wheel_site
    names = zipfile.ZipFile(wheel).namelist()
    for f in (ROOT / "patterns").iterdir():
        assert f"extract/patterns/{f.name}" in names


def test_installed_wheel_runs_from_anywhere(wheel_site, tmp_path):
    _, site = wheel_site
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("REPORTFACTS_PATTERNS", None)
    seed = ROOT / "tests" / "fixtures" / "changning-kexie-2021.txt"
    probe = subprocess.run([sys.executable, "-c", "import extract, extract.rules as r; "
                            "print(extract.__file__); print(r.patterns_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(p.startswith(str(site)) for p in probe)
    res = subprocess.run([sys.executable, "-m", "extract", "run", str(seed), "-o", str(tmp_path / "o"), "--jobs", "1"],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    here = extract.run([seed], jobs=1)  # the source tree's result: the wheel must read the same
    assert f"{len(here.facts)} facts, {len(here.checks)} checks" in res.stdout


def test_version_is_the_one_in_pyproject():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{extract.__version__}"' in text
