"""Hard-wrapped plain text (a web page or Word file copied with its line breaks): which breaks are joined
(extract/read/text_lines.py), and what the join gives the checks. Texts of our own, each with counter-examples."""
from __future__ import annotations

import pytest

import extract
from extract.read.text_lines import opens_item, text_joins, wrapped_measure
from extract.records import Document
from extract.rules import load_yaml, patterns_dir

# a budget note copied from a web page that wrapped every line at about 24 characters
WRAPPED = (
    "2023年本单位一般公共预算财政拨款安排的“三公”经费支\n"
    "出预算为12.6万元，比上年减少1.4万元，下降10%，主要原\n"
    "因是压减公务接待。其中，因公出国（境）费0万元；公务\n"
    "用车购置及运行维护费8.1万元，其中公务用车运行维护费\n"
    "8.1万元；公务接待费4.5万元，比上年减少1.4万元，下降\n"
    "23.7%。\n"
    "（二）机关运行经费情况说明\n"
    "2023年本单位机关运行经费预算为35.2万元，比上年增加\n"
    "2.3万元，增长7%，主要用于办公费、水电费、物业管理费\n"
    "等日常公用支出。\n"
)
# the same report, one paragraph per line (most reports saved as text)
ONE_PER_LINE = WRAPPED.replace("支\n出", "支出").replace("原\n因", "原因").replace("务\n用", "务用") \
    .replace("费\n8", "费8").replace("降\n2", "降2").replace("加\n2", "加2").replace("费\n等", "费等")
# short items, one per line, of nearly equal width and without a full stop: a list, not a wrap
SHORT_LIST = "全区户籍总人口50.81万人\n其中男性26.16万人\n女性24.65万人\n18岁以下12.53万人\n60岁以上9.48万人\n"
# a table saved as lines, its cells split by |
TABLE_LINES = ("项目 | 预算数 | 上年数 | 增减额 |\n合计 | 12.6 | 14.0 | -1.4 |\n因公出国（境）费 | 0 | 0 | 0 |\n"
               "公务接待费，含外宾接待 | 4.5 | 5.9 | -1.4 |\n公务用车购置及运行维护费，含购置 | 8.1 | 8.1 | 0 |\n"
               "其中：公务用车运行维护费，含保险 | 8.1 | 8.1 | 0 |\n")
# a title block of equal-width lines, then paragraphs of one line each
TITLE_BLOCK = ("某某县农业农村局二〇二三年部门预算公开说明文件\n某某县农业农村局二〇二三年部门预算编制情况说明\n"
               "一、部门基本情况\n本部门2023年收入预算1520.5万元，其中财政拨款收入1480.5万元，其他收入40万元。\n"
               "本部门2023年支出预算1520.5万元，其中基本支出1120.5万元，项目支出400万元。\n")


# a full line ending in a colon runs on into its list; a short one (a list's intro line) does not
COLON = (
    "2022年一般公共预算拨款支出1493924.6元，同比增加2.3%，其中：\n"
    "基本支出1440224.6元，项目支出53700元，具体支出预算如下：\n"
    "（一）机构运行1100910.5元，主要用于单位日常运转的支出。\n"
    "机关事业单位基本养老保险缴费支出150384元，同比增长2%，\n"
    "主要用于机关事业单位人员基本养老保险缴费支出等方面。\n"
    "住房公积金112788元，全部是基本支出，主要用于住房公积\n"
    "金支出。收入包括：\n"
    "一般公共预算拨款1493924.6元。\n"
    "事业单位医疗76142.1元，全部是基本支出，主要用于事业单\n"
    "位职工基本医疗保险缴费支出，同比增加0.5万元。\n"
)


def _joined(text: str) -> str:
    gone = set(text_joins(Document("t", "t.txt", "txt", text)))
    return "".join(ch for i, ch in enumerate(text) if i not in gone)


@pytest.mark.parametrize("text, wrapped", [
    pytest.param(WRAPPED, True, id="web-page-wrapped-at-24"),
    pytest.param(ONE_PER_LINE, False, id="one-paragraph-per-line"),
    pytest.param(SHORT_LIST, False, id="short-items"),
    pytest.param(TABLE_LINES, False, id="table-as-lines"),
    pytest.param(TITLE_BLOCK, False, id="title-block"),
])
def test_a_text_is_wrapped_only_when_its_lines_say_so(text, wrapped):
    assert (wrapped_measure(text) is not None) is wrapped


@pytest.mark.parametrize("text", [ONE_PER_LINE, SHORT_LIST, TABLE_LINES, TITLE_BLOCK])
def test_nothing_is_joined_in_a_text_that_is_not_wrapped(text):
    assert text_joins(Document("t", "t.txt", "txt", text)) == []


@pytest.mark.parametrize("joined, kept", [
    pytest.param("经费支出预算为12.6万元", "", id="a-word-cut-in-two"),
    pytest.param("公务用车购置及运行维护费8.1万元，其中公务用车运行维护费8.1万元", "", id="a-figure-on-the-next-line"),
    pytest.param("下降23.7%。", "", id="the-last-line-of-a-paragraph"),
    pytest.param("", "23.7%。\n（二）机关运行经费情况说明\n2023年", id="a-heading-is-never-joined"),
    pytest.param("", "办公费、水电费、物业管理费等日常公用支出。\n", id="a-paragraph-end-stays"),
])
def test_wrapped_breaks_are_joined_and_others_kept(joined, kept):
    out = _joined(WRAPPED)
    assert joined in out and kept in out


def test_the_wrapped_text_reads_as_the_one_paragraph_per_line_text():
    assert _joined(WRAPPED) == ONE_PER_LINE


def test_joins_keep_the_text_and_the_facts_spans():
    facts = extract.extract_facts(WRAPPED, year=2023)
    assert len(facts) and all(WRAPPED[s:e] == t for s, e, t in zip(facts["start"], facts["end"], facts["text"]))


def test_a_wrapped_total_and_its_parts_are_checked_as_the_unwrapped_text():
    def sums(text: str) -> list[tuple[str, str]]:
        checks = extract.check(extract.extract_facts(text, year=2023))
        return sorted(zip(checks["total_value"], checks["status"]))
    wrapped = sums(WRAPPED)
    assert ("126000.0", "pass") in wrapped and wrapped == sums(ONE_PER_LINE)  # 12.6万元, in 元


def _line_rules():
    return load_yaml(patterns_dir() / "text_lines.yaml")["rules"]


@pytest.mark.parametrize("line, opens", [
    *[pytest.param(e, True, id=f"{r['id']}:{e}") for r in _line_rules() for e in r["examples"]],
    *[pytest.param(e, False, id=f"{r['id']}:{e}") for r in _line_rules() for e in r["counter_examples"]],
])
def test_text_line_rules_against_their_examples(line, opens):
    assert opens_item(line) is opens


@pytest.mark.parametrize("joined, kept", [
    pytest.param("其中：基本支出1440224.6元", "", id="a-full-line-ending-in-其中："),
    pytest.param("", "具体支出预算如下：\n（一）", id="never-before-a-numbered-item"),
    pytest.param("", "收入包括：\n一般公共预算拨款", id="a-short-line-ending-in-a-colon-stays"),
])
def test_a_full_line_ending_in_a_colon_runs_on(joined, kept):
    assert wrapped_measure(COLON) is not None
    out = _joined(COLON)
    assert joined in out and kept in out


def test_a_colon_ending_a_list_intro_in_a_text_that_is_not_wrapped_stays():
    text = ONE_PER_LINE.replace("其中，因公出国", "其中：\n因公出国")
    assert text_joins(Document("t", "t.txt", "txt", text)) == []


# a table whose cells are split by single spaces (a yearbook's honour table), inside a wrapped text:
# its rows are never joined; a wrapped prose line with one space in it still is
SPACED_TABLE = WRAPPED + (
    "获奖单位 奖励名称 授奖单位\n"
    "甲镇 全国文明村镇 中央精神文明建设指导委员会\n"
    "乙街道 省级卫生乡镇 某省爱国卫生运动委员会\n"
)


def test_rows_split_by_single_spaces_are_never_joined():
    out = _joined(SPACED_TABLE)
    assert "授奖单位\n甲镇 全国文明村镇 中央精神文明建设指导委员会\n乙街道" in out
    assert _joined(WRAPPED) in out  # the prose above is joined as before
