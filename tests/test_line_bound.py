"""`--kinds`: rules of other kinds tried only on the lines that figures of the kinds asked touch.

The proof has two steps, each tested here: :func:`extract.rules.line_bound` says which patterns can
never match a line break (and read no further than one with their lookaheads), and for those a scan
of chosen lines finds what a full scan finds there; then ``_bearing_on`` keeps the same matches from
the lines as from the whole text (the metamorphic test in test_kinds.py checks the facts end to end).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.find import facts as F
from extract.find.normalize import normalize
from extract.rules import KINDS, line_bound, load_rules

ROOT = Path(__file__).parent.parent
RULES = load_rules()


@pytest.mark.parametrize("pattern,bound", [
    pytest.param(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>万元|元)", True, id="digits-and-a-unit"),
    pytest.param(r"(?<![\d.第\s])\d+人", True, id="lookbehind-may-read-a-break"),
    pytest.param(r"(?<=编制[^，\d]{0,6}?)\d+人", True, id="negated-set-in-a-lookbehind"),
    pytest.param(r"[\p{Han}]{2,4}局", True, id="han-property"),
    pytest.param(r"(?P<n>\d+)年|(?P<n>\d+)月", True, id="group-names-repeat-as-regex-allows"),
    pytest.param(r"\d+(?=[，。])", True, id="lookahead-of-no-break"),
    pytest.param(r"\d+\s*万元", False, id="counter:space-may-be-a-break"),
    pytest.param(r"\d+(?=\s)", False, id="counter:lookahead-reads-a-break"),
    pytest.param(r"[^，]+元", False, id="counter:negated-set-holds-a-break"),
    pytest.param(r"\d+.元", False, id="counter:any-character"),
    pytest.param(r"\d+元$", False, id="counter:end-of-text"),
    pytest.param(r"\d*", False, id="counter:may-match-nothing"),
    pytest.param(r"(\d)\1元", False, id="counter:back-reference"),
    pytest.param(r"[[:space:]]+元", False, id="counter:posix-class"),
    pytest.param(r"[\P{Han}]+元", False, id="counter:negated-property"),
    pytest.param(r"\d+[\n元]", False, id="counter:break-in-a-set"),
    pytest.param(r"\d+(?<=(?=\s)\d)元", False, id="counter:lookahead-inside-a-lookbehind"),
])
def test_line_bound(pattern, bound):
    assert line_bound(pattern) is bound


def test_the_costly_rules_of_other_kinds_are_line_bound():
    bound = {r.id for r in RULES.figures if r.line_bound}
    assert {"quantity.count", "percent.rate", "headcount.people", "date.months_of_year"} <= bound


# text made of what the figure rules read, with line breaks among it
_PIECES = st.sampled_from(["2021", "21", "1", "3", "12.5", "0", "年", "月", "日", "号", "万", "亿", "元", "万元", "人",
                           "名", "个", "%", "个百分点", "余", "约", "达", "-", "负", "至", "，", "。", "、", "：", "（", "）",
                           "\n", "\n\n", " ", "一", "五", "十", "百", "第", "前", "后", "季度", "上半年", "今年", "编制",
                           "增长", "增加", "共", "次", "项", "美元", "平方米", "/", "每", "亩", "人次", "左右", "以上"])


def _lines_scan(rule, text):
    """The rule's matches from a scan of each line alone, as ``_lines_bearing_on`` scans them."""
    out, start = [], 0
    for line in text.split("\n"):
        end = min(len(text), start + len(line) + 1)
        out += [m.span() for m in rule.pattern.finditer(text, start, end)]
        start = end
    return out


@pytest.mark.parametrize("rule", [r for r in RULES.figures if r.line_bound], ids=lambda r: r.id)
@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=50))
def test_a_line_bound_rule_finds_line_by_line_what_it_finds_in_the_whole(rule, pieces):
    text = "".join(pieces)
    assert _lines_scan(rule, text) == [m.span() for m in rule.pattern.finditer(text)]


def _kept(found):
    return [(order, m.span(), m.groups()) for order, _, m in found]


def _full(text):
    return [(order, rule, m) for order, rule in enumerate(RULES.figures) for m in rule.finditer(text)]


KINDS_ASKED = [frozenset([k]) for k in KINDS if k != "award"] + [frozenset(["amount", "percent"])]


@pytest.mark.parametrize("kinds", KINDS_ASKED, ids=lambda k: ",".join(sorted(k)))
@settings(max_examples=120, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=60))
def test_the_lines_of_the_kinds_asked_settle_as_the_whole_text(kinds, pieces):
    text = "".join(pieces)
    assert _kept(F._bearing_on(F._lines_bearing_on(text, RULES, kinds), kinds)) == \
        _kept(F._bearing_on(_full(text), kinds))


@pytest.mark.parametrize("kinds", KINDS_ASKED, ids=lambda k: ",".join(sorted(k)))
def test_the_lines_of_the_kinds_asked_settle_as_the_whole_text_in_real_reports(kinds):
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        text = normalize(p.read_text(encoding="utf-8"), RULES).text
        assert _kept(F._bearing_on(F._lines_bearing_on(text, RULES, kinds), kinds)) == \
            _kept(F._bearing_on(_full(text), kinds)), p.name


@pytest.mark.parametrize("text,kinds,texts", [
    pytest.param("收入300万元。\n增长1.5个百分点。", "amount", ["300万元"], id="a-percent-on-another-line-is-not-read"),
    pytest.param("收入300万元，增长1.5个百分点。", "amount", ["1.5个", "1.5个百分点", "300万元"],
                 id="counter:same-line"),
    pytest.param("核定编制161人。\n共计5万元", "amount", ["5万元"], id="posts-elsewhere"),
])
def test_only_the_lines_of_the_kinds_asked_are_read(text, kinds, texts):
    found = F._lines_bearing_on(text, RULES, frozenset([kinds]))
    assert sorted({m.group() for _, _, m in found}) == sorted(texts)
