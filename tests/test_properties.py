"""Hypothesis properties: extraction never raises, spans round-trip, offset maps are monotone."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import extract
from extract.find.normalize import normalize

# text in the style of these reports: digits (half and full width), numerals, units, punctuation
ALPHABET = st.sampled_from(list(
    "0123456789０１２３４５６７８９.,，。、；：（）()“”- 　\n一二三四五六七八九十百千万亿两〇余多约近"
    "年月日号元人名位次份个块%其中包括总计收入支出经费荣获获评为奖等第届是")) | st.characters()
TEXTS = st.text(alphabet=ALPHABET, max_size=200)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_extraction_never_raises_and_spans_round_trip(text):
    df = extract.extract_facts(text, year=2021)
    for row in df.itertuples():
        assert text[row.start:row.end] == row.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_offset_map_is_monotone_and_in_bounds(text):
    n = normalize(text)
    prev = 0
    for i in range(len(n.text)):
        s, e = n.map.char(i)
        assert 0 <= s < e <= len(text)
        assert s >= prev
        prev = s


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_validation_never_raises(text):
    facts = extract.extract_facts(text, year=2021)
    checks = extract.check(facts)
    assert set(checks["status"]) <= {"pass", "fail", "warn"}
