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
from extract.find.normalize import normalize
from extract.read.script import is_traditional, simplified
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


# (a report's opening lines of our own, in simplified characters; the same in traditional ones must
# give the same metadata: the organisation in simplified characters, the title as printed)
REPORTS = [
    ("某某县农业农村局2023年部门整体支出绩效自评报告\n\n某某县农业农村局\n2024年3月15日\n"
     "一、部门基本情况\n我局内设机构6个，在职人员45人。2023年部门预算收入1200万元。\n",
     "某某县农业农村局", 2023),
    ("关于表彰2022年度全市教育系统先进集体和先进个人的决定\n各区县教育局：\n"
     "为表彰先进，市教育局决定授予10个单位“先进集体”称号。\n\n某某市教育局\n2023年1月10日\n",
     "某某市教育局", 2022),
]


@pytest.mark.parametrize("text, org, year", REPORTS)
def test_metadata_of_a_traditional_report(tmp_path, text: str, org: str, year: int) -> None:
    import opencc

    trad = opencc.OpenCC("s2t").convert(text)
    assert trad != text and len(trad) == len(text)
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    (tmp_path / "t.txt").write_text(trad, encoding="utf-8")
    s, t = extract.read_report(tmp_path / "s.txt"), extract.read_report(tmp_path / "t.txt")
    assert (s.organization, s.year) == (org, year)
    assert (t.organization, t.year) == (org, year)
    assert t.title == trad.splitlines()[0]  # the title as printed


# (text, surface, value) of our own: a mirror copy that prints the pinyin of a character after it
GLOSSED = [
    ("我省19個(gè)市(縣)獲全國(guó)雙擁模范城(縣)稱號(hào),實現全省。", "全國(guó)雙擁模范城(縣)", "全國(guó)雙擁模范城(縣)"),
    ("學(xue)(xue)校(xiao)榮獲全(quan)(quan)國(guo)“文明(ming)校園(yuan)”。", "全(quan)(quan)國(guo)“文明(ming)校園(yuan)”",
     "全(quan)(quan)國(guo)文明(ming)校園(yuan)"),
    ("该(gāi)校(xiào)被(bèi)评为全国文明校园，收入(rù)3.5亿元。", "全国文明校园", "全国文明校园"),
]


@pytest.mark.parametrize("text,surface,value", GLOSSED, ids=[g[1] for g in GLOSSED])
def test_a_glossed_copy_is_read_without_its_glosses(text: str, surface: str, value: str) -> None:
    df = extract.extract_facts(text)
    rows = df[(df["kind"] == "award") & (df["text"] == surface)]
    assert len(rows) == 1, df[["kind", "text", "value"]].to_string()
    assert text[int(rows.iloc[0]["start"]):int(rows.iloc[0]["end"])] == surface
    assert rows.iloc[0]["value"] == value  # the name as printed, glosses and all


def test_the_gloss_examples() -> None:
    from extract.read.script import gloss_spans

    data = load_rules().numeral_data["pinyin_gloss"]
    for text in data["examples"]:
        assert gloss_spans(text, load_rules()), text
    for text in data["counter_examples"]:
        assert gloss_spans(text, load_rules()) == [], text
        assert normalize(text).text == text  # nothing left out


def test_an_amount_in_a_glossed_copy() -> None:
    df = extract.extract_facts("全縣(xiàn)一(yī)般公共預(yù)算收入3.5億元(yuán)，增長(zhǎng)5%。")
    amounts = df[df["kind"] == "amount"]
    assert list(amounts["value"].map(Decimal)) == [Decimal("350000000")]
