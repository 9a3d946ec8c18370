"""Derived data is generated and guarded: the jieba user dictionary matches patterns/."""
from __future__ import annotations

from click.testing import CliRunner

from extract.cli import main
from extract.find.labels import _jieba
from extract.rules import load_rules
from extract.find.userdict import path, render


def test_user_dictionary_is_up_to_date():
    assert path().read_text(encoding="utf-8") == render(load_rules()), "run `reportfacts build-dict`"


def test_user_dictionary_keeps_budget_terms_whole():
    words = _jieba().lcut("严格按照年初预算计划实行一般公共预算财政拨款收入", HMM=False)
    assert words[-1] == "一般公共预算财政拨款收入"


def test_build_dict_command_regenerates_the_file(tmp_path, monkeypatch):
    import shutil

    from extract.rules import patterns_dir

    committed = path().read_text(encoding="utf-8")
    copy = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), copy)
    (copy / "jieba_userdict.txt").unlink()
    monkeypatch.setenv("REPORTFACTS_PATTERNS", str(copy))
    res = CliRunner().invoke(main, ["build-dict"])
    assert res.exit_code == 0, res.output
    assert (copy / "jieba_userdict.txt").read_text(encoding="utf-8") == committed
