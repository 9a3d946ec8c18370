"""Budget-PDF layouts (issue 14), on pages cut from real reports: tables keep their identity across
page breaks and apart on one page, page furniture does not cut sentences, printed shares are
checked. Expected values are read off the printed pages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract.read.ingest import read_report
from extract.read.pdf import furniture, line_joins

PDF = Path(__file__).parent / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def runs():
    names = ["js_prov_court_2018_dept_budget_p9-10", "js_prov_court_2019_dept_budget_p8-9-10-11-18",
             "js_prov_party_office_2017_dept_budget_p6-7", "js_prov_npc_office_2018_dept_budget_p27-28"]
    return {n: extract.run([PDF / f"{n}.pdf"], jobs=1) for n in names}


def test_a_table_continued_on_the_next_page_keeps_its_number(runs):
    """一、2018年度…收支预算总表 runs over pages 1 and 2 of the cut: one table, number 1."""
    doc = read_report(PDF / "js_prov_court_2018_dept_budget_p9-10.pdf")
    first = [t for t in doc.tables if t.title.startswith("一、")]
    assert {t.page for t in first} == {1, 2}
    assert {t.number for t in first} == {1}
    facts = runs["js_prov_court_2018_dept_budget_p9-10"].facts
    assert set(facts[facts.section.fillna("").str.startswith("一、")]["table"]) == {1}


def test_two_tables_on_one_page_are_never_mixed_in_a_check(runs):
    """公开04表 and 公开05表 share page 3 of the cut: every table check uses one table's rows."""
    r = runs["js_prov_court_2019_dept_budget_p8-9-10-11-18"]
    on_page_3 = r.facts[(r.facts.page == 3) & (r.facts.source == "table")]
    assert set(on_page_3["table"]) == {4, 5}
    table_of = dict(zip(r.facts.fact_id, r.facts["table"]))
    table_checks = r.checks[r.checks.rule.str.startswith("table.")]
    assert len(table_checks) > 0
    for row in table_checks.itertuples():
        ids = [row.total_fact_id, *json.loads(row.part_fact_ids)]
        assert len({table_of[i] for i in ids}) == 1, row.message


def test_a_table_check_names_its_table_and_page(runs):
    r = runs["js_prov_court_2019_dept_budget_p8-9-10-11-18"]
    msg = r.checks[r.checks.rule == "table.code-hierarchy"].iloc[0]["message"]
    assert "表" in msg and "p. " in msg


def test_page_footer_inside_a_sentence_is_left_out(runs):
    """…基本支出预算数为 9964.07 万元。与上年相比增 / — 6 — / 加 941.62 万元，增长 10.44%: the change
    word cut by the page break and its footer is read whole, so 941.62万元 is a change, not a level."""
    facts = runs["js_prov_party_office_2017_dept_budget_p6-7"].facts
    row = facts[facts.text.str.replace(r"\s", "", regex=True) == "941.62万元"].iloc[0]
    assert bool(row["change"]) and row["qualifier"] == "增加"
    assert "增加941.62" in row["sentence"].replace(" ", "")


def test_page_numbers_are_furniture():
    doc = read_report(PDF / "js_prov_party_office_2017_dept_budget_p6-7.pdf")
    cut = [doc.text[s:e].strip() for _, ranges in furniture(doc) for s, e in ranges]
    assert cut == ["— 6 —", "— 7 —"]


def test_shares_split_by_a_page_break_add_up(runs):
    """因公出国（境）费支出 222.5 / 27 / 万元，占“三公”经费的 26.69%；…22.03%；…51.28%: the figure cut by
    the page number is read whole and the three printed shares add up to 100%."""
    r = runs["js_prov_npc_office_2018_dept_budget_p27-28"]
    facts = r.facts
    cut = facts[facts.text.str.startswith("222.5") & (facts.page.fillna(0) == 1)].iloc[0]
    assert cut["value"] == "2225000.0"
    share_sum = r.checks[r.checks.rule == "share-sum"].iloc[0]
    assert (json.loads(share_sum.part_values), share_sum.status) == ([26.69, 22.03, 51.28], "pass")


@pytest.mark.parametrize("text,status", [
    pytest.param("“三公”经费预算支出中，因公出国（境）费支出70万元，占“三公”经费的8.75%；公务用车购置及运行费支出"
                 "57.8万元，占“三公”经费的7.22%；公务接待费支出134.5万元，占“三公”经费的16.81%。", "fail",
                 id="shares-computed-against-another-whole"),
    pytest.param("“三公”经费预算支出中，因公出国（境）费支出70万元，占“三公”经费的26.69%；公务用车购置及运行费支出"
                 "57.8万元，占“三公”经费的22.03%；公务接待费支出134.5万元，占“三公”经费的51.28%。", "pass",
                 id="shares-that-add-up"),
    pytest.param("因公出国（境）费支出70万元，占支出总计的1.5%；公务接待费支出134.5万元，占支出总计的2.9%。", None,
                 id="shares-of-some-parts-only"),
])
def test_printed_shares_of_every_part_add_up_to_100(text, status):
    checks = extract.check(extract.extract_facts(text, year=2018))
    got = checks[checks.rule == "share-sum"]["status"].tolist()
    assert got == ([status] if status else [])


# --- wrapped lines and letter-spaced lines (issue 22), on pages cut from real reports ---------------
# PDFs: tests/fixtures/pdf/lines/*.pdf (pages cut with pypdf); page texts: tests/fixtures/page_texts/*.json
# (the texts the PDF reader gives for those pages, and which of them hold a table), for pages whose PDF is large.
LINES = PDF / "lines"
PAGE_TEXTS = Path(__file__).parent / "fixtures" / "page_texts"


def _text_cut(name: str):
    """A Document of page texts cut from a real PDF, with its pages that hold a table."""
    from extract.records import Document, PageSpan, Table
    cut = json.loads((PAGE_TEXTS / f"{name}.json").read_text(encoding="utf-8"))
    spans, pos = [], 0
    for k, text in enumerate(cut["texts"], start=1):
        spans.append(PageSpan(k, pos, pos + len(text)))
        pos += len(text) + 1
    tables = tuple(Table(page=p, title="", unit="", rows=()) for p in cut["table_pages"])
    return Document(doc_id=name, path=name, format="pdf", text="\f".join(cut["texts"]), pages=tuple(spans),
                    tables=tables)


def _joined(doc) -> str:
    """The document's text with the deletions of line_joins made (what rules read)."""
    gone = set(line_joins(doc))
    return "".join(ch for i, ch in enumerate(doc.text) if i not in gone)


@pytest.fixture(scope="module")
def line_cuts():
    names = ["js_prov_procuratorate_2017_dept_budget_p18", "js_prov_procuratorate_2019_dept_budget_p25",
             "js_prov_party_office_2017_dept_budget_p8"]
    out = {n: _joined(read_report(LINES / f"{n}.pdf")) for n in names}
    for n in ["js_hongze_2023_xxgk_annual_report_p1-2", "js_prov_npc_office_2018_dept_budget_p29",
              "js_prov_procuratorate_2018_dept_budget_p30"]:
        out[n] = _joined(_text_cut(n))
    return out


@pytest.mark.parametrize("cut,joined", [
    # prose under a table (the page holds 公开12表): the wraps of the court's and procuratorate's layout
    pytest.param("js_prov_procuratorate_2017_dept_budget_p18", "与上年相比收、支预算总计各增加 1463.8 万元，增长8.85 %。",
                 id="table-page-prose-wrapped-before-a-rate"),
    pytest.param("js_prov_procuratorate_2017_dept_budget_p18", "与上年相比增加9.45 万元", id="table-page-prose-before-a-figure"),
    # a narrow page (a 28-character measure, lines counted wide by their spaces and digits before)
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "主动公开政府文件、项目审批", id="narrow-page-first-line-indented"),
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "从严从实把好政治关", id="narrow-table-page-prose"),
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "严格执行“分级审核", id="page-break-before-a-table-page"),
    # a numbered item wrapped inside its name
    pytest.param("js_prov_party_office_2017_dept_budget_p8", "（款）行政运行（项）支出 6106.99 万元",
                 id="numbered-item-cut-inside-its-name"),
    # short last line of a paragraph
    pytest.param("js_prov_procuratorate_2018_dept_budget_p30", "3,096.24 万元。其中：拟采购货物支出 268 万元、拟购买服务支出2,828.24 万元。",
                 id="spread-line-and-short-last-line"),
    # letter-spaced text layer
    pytest.param("js_prov_procuratorate_2019_dept_budget_p25", "江苏省人民检察院 2019 年度收入、支出预算总计24,169.74 万元",
                 id="letter-spaced-line"),
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "号，邮编： 223100 ，电话：", id="letter-spaced-address"),
])
def test_wrapped_and_spaced_lines_read_as_one(line_cuts, cut, joined):
    assert joined in line_cuts[cut]


@pytest.mark.parametrize("cut,kept", [
    # table rows and wrapped table cells stay lines
    pytest.param("js_prov_procuratorate_2017_dept_budget_p18", "空调、电梯维修和保养\n分散自行组织 30.00\n服务\n", id="table-cell-wrapped"),
    pytest.param("js_prov_procuratorate_2017_dept_budget_p18", "教育服务 分散自行组织 700.00\n第三部分", id="table-row-then-heading"),
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n",
                 id="table-header-and-row"),
    # headings, even as wide as the page, and list items
    pytest.param("js_prov_npc_office_2018_dept_budget_p29", "十一、一般公共预算机关运行经费支出预算情况说明\n本预算反映",
                 id="wide-heading"),
    pytest.param("js_prov_party_office_2017_dept_budget_p8", "五、财政拨款支出预算表情况说明\n本表反映", id="heading"),
    pytest.param("js_hongze_2023_xxgk_annual_report_p1-2", "一、总体情况\n2023 年", id="short-heading"),
    pytest.param("js_prov_procuratorate_2017_dept_budget_p18", "包括：\n1．财政拨款收入预算总计", id="list-item"),
    # a sentence's end, and a two-character heading's spacing (目 录 is no run of letters)
    pytest.param("js_prov_party_office_2017_dept_budget_p8", "增长 1.66%。主要原因是政策性调资。\n", id="sentence-end"),
])
def test_table_rows_headings_and_list_items_stay_lines(line_cuts, cut, kept):
    assert kept in line_cuts[cut]


@pytest.mark.parametrize("name", ["js_prov_procuratorate_2017_dept_budget_p18", "js_prov_procuratorate_2019_dept_budget_p25",
                                  "js_prov_party_office_2017_dept_budget_p8"])
def test_offsets_still_index_the_text_as_read(name):
    doc = read_report(LINES / f"{name}.pdf")
    facts = extract.run([LINES / f"{name}.pdf"], jobs=1).facts
    assert len(facts) > 10
    for f in facts.itertuples():
        assert doc.text[int(f.start):int(f.end)] == f.text


def test_a_change_under_a_table_keeps_its_direction():
    """与上 / 年相比收、支预算总计各增加 1463.8 万元，增长 / 8.85 %: on a page holding a table, the
    rate wrapped onto its own line is a change (it was read as a level)."""
    facts = extract.run([LINES / "js_prov_procuratorate_2017_dept_budget_p18.pdf"], jobs=1).facts
    rate = facts[facts.text == "8.85 %"].iloc[0]
    assert (bool(rate["change"]), rate["direction"]) == (True, "增加")


def test_letter_spaced_label_reads_as_words():
    """江 苏 省 人 民 检 察 院 2019 年 度 收 入 、 支 出 预 算 总 计 / 24,169.74 万元: label and concept."""
    facts = extract.run([LINES / "js_prov_procuratorate_2019_dept_budget_p25.pdf"], jobs=1).facts
    total = facts[(facts.text == "24,169.74 万元") & (facts.page == 1)].iloc[0]
    assert (total["label"], total["concept"]) == ("收入、支出预算总计", "收入总计")


@pytest.mark.parametrize("line,spaced", [
    pytest.param("江 苏 省 人 民 检 察 院 2019 年 度 收 入 、 支 出 预 算 总 计", True, id="letter-spaced"),
    pytest.param("号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：", True, id="spaced-with-punctuation"),
    pytest.param("中 ：拟 采购 货物 支出 268 万 元、 拟购 买服 务支出", True, id="spread-by-justification"),
    pytest.param("合计 财政拨款收入 事业收入 其他收入", False, id="table-header-row"),
    pytest.param("维持 纠正 结果 审结 总 计结果 结果 其他 尚未", False, id="table-header-of-short-words"),
    pytest.param("目 录", False, id="two-letter-heading"),
    pytest.param("2017 年度收入、支出预算总计 17996.68 万元，与上", False, id="prose-with-figures"),
])
def test_letter_spaced_lines(line, spaced):
    from extract.read.pdf_lines import letter_spaced
    assert letter_spaced(line) is spaced


@pytest.mark.parametrize("line,is_prose", [
    pytest.param("年相比收、支预算总计各增加 1463.8 万元，增长", True, id="clause"),
    pytest.param("8.85 %。主要是员额制检察官工资改革", True, id="sentence-end"),
    pytest.param("三、其他资金 15.00 五、教育支出", False, id="row-names-numbered-with-dun"),
    pytest.param("车辆维修和保养服务 分散自行组织 267.80", False, id="table-row"),
    pytest.param("部门： 江苏省人民检察院 单位：万元", False, id="table-caption"),
])
def test_prose_lines(line, is_prose):
    from extract.read.pdf_lines import prose
    assert prose(line) is is_prose


def _line_rules():
    from extract.rules import load_yaml, patterns_dir
    return load_yaml(patterns_dir() / "pdf_lines.yaml")["rules"]


@pytest.mark.parametrize("line,whole", [
    *[pytest.param(e, True, id=f"{r['id']}:{e}") for r in _line_rules() for e in r["examples"]],
    *[pytest.param(e, False, id=f"{r['id']}:{e}") for r in _line_rules() for e in r["counter_examples"]],
])
def test_pdf_line_rules_against_their_examples(line, whole):
    from extract.read.pdf_lines import heading
    assert heading(line) is whole
