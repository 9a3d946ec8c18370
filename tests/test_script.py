"""Reports reposted in traditional characters are read in simplified ones, one character for one.

Sentences of our own; the surface (``text``) and an honour's value stay as printed, in the document's
characters, and every offset is the document's own.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract
from extract.find.normalize import is_traditional, normalize, simplified
from extract.rules import load_rules

TRADITIONAL = [
    # (text, kind, surface, value, label or None)
    ("全縣一般公共預算收入3.5億元，比上年增長5%。", "amount", "3.5億元", "350000000", "一般公共预算收入"),
    ("去年全市財政總支出達到12.6萬元，較上年減少。", "amount", "12.6萬元", "126000", None),
    ("大會授予李四等10名同志“全國勞動模範”稱號。", "award", "全國勞動模範", "全國勞動模範", None),
    ("該校榮獲2019年度全省教育系統先進集體。", "award", "2019年度全省教育系統先進集體", "2019年度全省教育系統先進集體", None),
    ("本次評選共表彰了35名優秀教師和12個先進單位。", "headcount", "35名", "35", "优秀教师"),
]


@pytest.mark.parametrize("text,kind,surface,value,label", TRADITIONAL, ids=[t[2] for t in TRADITIONAL])
def test_traditional_report_is_read(text: str, kind: str, surface: str, value: str, label: str | None) -> None:
    df = extract.extract_facts(text)
    rows = df[(df["kind"] == kind) & (df["text"] == surface)]
    assert len(rows) == 1, df[["kind", "text", "value"]].to_string()
    row = rows.iloc[0]
    assert text[int(row["start"]):int(row["end"])] == surface
    if kind == "award":
        assert row["value"] == value  # the name as printed
    else:
        assert Decimal(str(row["value"])) == Decimal(value)
    if label is not None:
        assert row["label"] == label


SIMPLIFIED_KEPT = [
    "授予张三“全国劳动模范”称号，全县一般公共预算收入3.5亿元。",
    "乾隆年间的著名书院於今仍在，发展后劲足。",  # a traditional character or two in a simplified report
    "本届評審委员会由5名专家组成，评选出先进集体10个。",
]


@pytest.mark.parametrize("text", SIMPLIFIED_KEPT)
def test_simplified_report_is_not_rewritten(text: str) -> None:
    rules = load_rules()
    assert not is_traditional(text, rules)
    assert normalize(text, rules).text.count("評") == text.count("評")  # not converted


def test_the_rule_file_examples() -> None:
    data = load_rules().numeral_data["traditional_script"]
    for text in data["examples"]:
        assert is_traditional(text, load_rules()), text
    for text in data["counter_examples"]:
        assert not is_traditional(text, load_rules()), text


def test_phrases_first_then_characters() -> None:
    assert simplified("著名商標，全國勞動模範稱號") == "著名商标，全国劳动模范称号"  # 著名 stays 著名
    assert simplified("頭髮與發展") == "头发与发展"


_CHARS = st.sampled_from(list("發進區產動實會設體為縣開資項學著名乾隆後麵髮於億萬元年月日，。、“”（）0123456789 \nａ１"))


@settings(max_examples=200, deadline=None)
@given(st.text(_CHARS, max_size=60))
def test_conversion_keeps_every_offset(text: str) -> None:
    assert len(simplified(text)) == len(text)
    norm = normalize(text)
    for i in range(len(norm.text)):  # every normalised character maps back inside the text
        s, e = norm.map.char(i)
        assert 0 <= s <= e <= len(text)
