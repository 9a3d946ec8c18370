"""Honours read beside one found: a conferred name printed again (award.again) and the other items of its list
(award.sibling). Sentences of our own; what each should give was written from reading it."""
from __future__ import annotations

import pytest

import extract
from extract.find.award_tagger import bare_ruled_out, lexicon
from extract.rules import load_rules

LEX = lexicon(load_rules())


def _awards(text: str) -> list[tuple[str, str, int]]:
    df = extract.extract_facts(text, year=2021)
    df = df[df["kind"] == "award"]
    return [(t, r, int(s)) for t, r, s in zip(df["text"], df["rule"], df["start"])]


AGAIN = [
    # an epithet before the holder, later in the text
    ("乙村被命名为全国文明村镇。走进全国文明村镇乙村，村容整洁。", "全国文明村镇", 15),
    # printed again without the year it was conferred for
    ("乙公司荣获2019年度全国五一劳动奖状。如今，全国五一劳动奖状摆在公司展厅正中。", "全国五一劳动奖状", 23),
    # quoted the second time
    ("丙校荣获全国青少年校园足球特色学校称号。作为“全国青少年校园足球特色学校”，丙校坚持每天训练。", "“全国青少年校园足球特色学校”", 22),
]


@pytest.mark.parametrize("text,surface,start", AGAIN)
def test_a_conferred_name_printed_again(text: str, surface: str, start: int) -> None:
    assert (surface, "award.again", start) in _awards(text)


NOT_AGAIN = [
    "丁市荣获全国文明城市称号。戊市正在创建全国文明城市。",  # a goal
    "己局荣获全国文明单位称号。全国文明单位是精神文明建设的最高荣誉。",  # a description
    "庚村荣获“美丽宜居示范村”称号。全县将开展美丽宜居示范村评选活动。",  # an activity
    "张某等3名同学荣获“全国一等奖”。\n全国一等奖获奖名单\n张某",  # the list it heads
    "甲某等10人荣获先进个人称号。全体党员要向先进个人学习。",  # a bare head
    "甲某荣获金奖。乙某去年也曾获得金奖。",  # shorter than four characters
]


@pytest.mark.parametrize("text", NOT_AGAIN)
def test_not_printed_again(text: str) -> None:
    assert [a for a in _awards(text) if a[1] == "award.again"] == []


SIBLINGS = [
    ("学校现有“全国文明校园”1所、市级绿色学校2所、区级书香校园3所。", "市级绿色学校"),
    ("会上发布了“感动甲县”十大人物、甲县学雷锋示范岗、“甲县诚信之星”。", "甲县学雷锋示范岗"),
]


@pytest.mark.parametrize("text,name", SIBLINGS)
def test_the_other_items_of_a_list(text: str, name: str) -> None:
    assert name in [t for t, r, _ in _awards(text) if r == "award.sibling"]


NOT_SIBLINGS = [
    "甲村荣获全国文明村称号，张某家庭、李某家庭受到表彰。",  # recipients, an everyday head
    "甲校被评为全国文明校园，未达到一星级学校、二星级学校的要整改。",  # a negation
    "甲院荣获全国文明单位，系省直属单位。",  # a copula
    "乙县获评国家卫生县城，和谐示范村建设稳步推进。",  # 和 inside a word: no list mark
    "甲县荣获全国文明城市，乙局等24个单位、丙镇等4个乡镇受到表彰。",  # counted recipients
]


@pytest.mark.parametrize("text", NOT_SIBLINGS)
def test_not_an_item_of_the_list(text: str) -> None:
    assert [a for a in _awards(text) if a[1] == "award.sibling"] == []


@pytest.mark.parametrize("text,name,ruled_out", [
    ("全县开展最美庭院评选活动", "最美庭院", True),
    ("正在争创全国文明城市", "全国文明城市", True),
    ("甲区获批国家级示范区", "国家级示范区", True),
    ("甲市获批1个国家中医药示范城市", "国家中医药示范城市", True),
    ("创建一批绿色高产示范县", "绿色高产示范县", True),
    ("公布全国一等奖获奖名单", "全国一等奖", True),
    ("最美家庭和五好家庭揭晓", "最美家庭", True),
    ("全国文明单位是最高荣誉", "全国文明单位", True),
    ("全国劳动模范甲某作了发言", "全国劳动模范", False),
    ("走进全国文明村镇乙村", "全国文明村镇", False),
    ("作为全国五一劳动奖章获得者", "全国五一劳动奖章", False),
])
def test_words_around_a_bare_name(text: str, name: str, ruled_out: bool) -> None:
    a = text.index(name)
    assert bare_ruled_out(text, a, a + len(name), 0, LEX) is ruled_out


def test_a_likely_run_into_more_name_is_its_recipients() -> None:
    text = "决定授予25家先进单位吉林省五一劳动奖状、100名先进个人省五一劳动奖章。"
    assert "先进个人" not in [t for t, _, _ in _awards(text)]
