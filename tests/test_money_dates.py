"""Money and dates in every form other Chinese number/date libraries test (issue 25), signs kept.

Sentences written for this project in the style of the reports; each form with counter-examples
where the same characters are not money or not a date. One parametrized case per line.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import extract


def _facts(text: str, year: int | None) -> list[dict[str, Any]]:
    df = extract.extract_facts(text, year=year)
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for r in rows:  # provenance: the span reads what the fact says
        assert text[r["start"]:r["end"]] == r["text"]
    return rows


def _one_parse(rows: list[dict[str, Any]]) -> None:
    """One parse per figure: no two figures share a character."""
    spans = sorted((r["start"], r["end"]) for r in rows if r["kind"] != "award")
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2, spans


def _same(kind: str, got: Any, want: str) -> bool:
    if kind in ("date", "year"):
        return str(got) == want
    return got is not None and Decimal(str(got)) == Decimal(want)


MONEY = [
    # 大写 money of every size
    ("capital-yuan-zheng", "收到个人捐款贰元整。", "贰元整", "2"),
    ("capital-yuan-jiao", "收取工本费叁元伍角。", "叁元伍角", "3.5"),
    ("capital-fen-only", "每张票据找零肆分。", "肆分", "0.04"),
    ("capital-jiao-fen-only", "单价柒角伍分。", "柒角伍分", "0.75"),
    ("capital-ling-fen", "合计伍元零贰分。", "伍元零贰分", "5.02"),
    ("capital-traditional-wan", "合同金额陆佰贰拾萬。", "陆佰贰拾萬", "6200000"),
    ("capital-traditional-wan-yuan", "中标金额陆佰贰拾萬元。", "陆佰贰拾萬元", "6200000"),
    ("capital-wan-yi", "总资产伍万亿元整。", "伍万亿元整", "5000000000000"),
    ("capital-sixteen-digits", "金额壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元整。",
     "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元整", "1234567890123456"),
    # signs printed are signs kept
    ("sign-fu-capital", "本月退款负贰元整。", "负贰元整", "-2"),
    ("sign-fu-capital-ten", "结余负拾叁元整。", "负拾叁元整", "-13"),
    ("sign-minus-wan", "企业所得税-36.2万元。", "-36.2万元", "-362000"),
    ("sign-minus-after-label", "其他收入-100万元。", "-100万元", "-1000000"),
    ("sign-fu-digits", "其他收入负100万元。", "负100万元", "-1000000"),
    ("sign-accounting-brackets", "其他收入（100）万元。", "（100）万元", "-1000000"),
    ("sign-full-width-minus", "投资收益－5.5万元。", "－5.5万元", "-55000"),
    # 元角分 after digits, 块毛 spoken
    ("digits-yuan-jiao-fen", "每人每天补助256元4角5分。", "256元4角5分", "256.45"),
    ("digits-yuan-ling-fen", "每份收费12元零5分。", "12元零5分", "12.05"),
    ("digits-yuan-jiao", "每斤3元5角。", "3元5角", "3.5"),
    ("spoken-kuai-mao", "一碗面八块五毛。", "八块五毛", "8.5"),
    ("spoken-kuai-jiao-fen-qian", "共花了二百零八块四角三分钱。", "二百零八块四角三分钱", "208.43"),
    # 万/千万 without 元 after a verb of paying, buying, investing
    ("buy-with-magnitude", "公司以六千万收购该厂股权。", "六千万", "60000000"),
    ("invest-magnitude", "区里投资五百万，建设文化广场。", "五百万", "5000000"),
    ("pay-magnitude-digits", "以1.2亿购买土地。", "1.2亿", "120000000"),
    ("spend-magnitude", "斥资三千万，新建厂房。", "三千万", "30000000"),
    # a figure printed in parts is one figure
    ("parts-yi-wan", "总投资1亿2000万元。", "1亿2000万元", "120000000"),
    ("parts-wan-digits", "补助1万2000元。", "1万2000元", "12000"),
    # a zero-width space inside a number is read, never misread
    ("zero-width-inside-number", "其他收入1\u200b2.5万元。", "1\u200b2.5万元", "125000"),
]


@pytest.mark.parametrize("text,surface,value", [pytest.param(t, s, v, id=i) for i, t, s, v in MONEY])
def test_money(text: str, surface: str, value: str) -> None:
    rows = _facts(text, 2021)
    amounts = [(r["text"], r["value"]) for r in rows if r["kind"] == "amount"]
    assert any(t == surface and _same("amount", v, value) for t, v in amounts), amounts
    _one_parse(rows)


NOT_MONEY = [
    # the same characters that are not an amount (or not this amount)
    ("people-in-wan", "覆盖五百万人。", None),
    ("tonnes-in-wan", "粮食产量六千万吨。", None),
    ("prize-level", "荣获一等奖。", None),
    ("season", "第一季度工作部署，第一季节目。", None),
    ("ranking-not-paid", "播放量以六千万居首。", None),
    ("people-then-verb", "吸引五百万人购买。", None),
    ("self-paid-is-not-negative", "个人自负100元。", "-100"),
    ("burden-relief-is-not-negative", "全年为企业减负1.2万亿元。", "-1200000000000"),
    ("range-not-negative", "补助15万-20万元。", "-200000"),
    ("code-dash-not-negative", "项目编号A-100元档。", "-100"),
    ("numeral-range-not-negative", "每户补助三-五万元。", "-50000"),
    ("percent-range-not-negative", "补助比例10%-20万元以下。", "-200000"),
    ("minutes-not-fen", "用时十分钟，十分重要。", None),
    ("exponent-not-308", "收入1E+308元。", "308"),
    ("exponent-minus-not-5", "误差1e-5元。", "-5"),
    ("twenty-nine-digits-refused", "收入12345678901234567890123456789元。", "12345678901234567890123456789"),
]


@pytest.mark.parametrize("text,bad", [pytest.param(t, b, id=i) for i, t, b in NOT_MONEY])
def test_not_money(text: str, bad: str | None) -> None:
    """``bad`` None: no amount at all; else no amount of that value."""
    amounts = [(r["text"], r["value"]) for r in _facts(text, 2021) if r["kind"] == "amount"]
    if bad is None:
        assert not amounts, amounts
    else:
        assert not any(_same("amount", v, bad) for _, v in amounts), amounts


def test_more_than_28_digits_is_refused_not_rounded() -> None:
    rows = _facts("收入12345678901234567890123456789元。", 2021)
    assert [r for r in rows if r["kind"] == "amount"] == []


def test_28_digits_are_read_exactly() -> None:
    rows = _facts("收入1234567890123456789012345678元。", 2021)
    assert [Decimal(str(r["value"])) for r in rows if r["kind"] == "amount"] == [
        Decimal("1234567890123456789012345678")]


DATES = [
    # (id, report year, sentence, surface, kind, value)
    ("cn-day-range", 2021, "活动从二月三日到五日举行。", "二月三日到五日", "date", "2021-02-03/2021-02-05"),
    ("cn-day-range-teens", 2021, "展览于四月十二日到十四日举行。", "四月十二日到十四日", "date", "2021-04-12/2021-04-14"),
    ("cn-month-range", 2021, "四月到六月开展专项检查。", "四月到六月", "date", "2021-04/2021-06"),
    ("months-between", 2021, "降雨集中在2月和7月之间。", "2月和7月之间", "date", "2021-02/2021-07"),
    ("month-range-next-year", 2021, "10月至次年3月为供暖期。", "10月至次年3月", "date", "2021-10/2022-03"),
    ("two-digit-year-1996-report", 1996, "大楼97年5月竣工。", "97年5月", "date", "1997-05"),
    ("two-digit-year-plan", 2021, "工程19年6月开工。", "19年6月", "date", "2019-06"),
    ("spoken-two-digit-year", 2021, "他八九年3月五号入职。", "八九年3月五号", "date", "1989-03-05"),
    ("spoken-full-year", 2021, "协会两千零一年三月八号成立。", "两千零一年三月八号", "date", "2001-03-08"),
    ("first-n-months", 2021, "2021年前十个月，税收增长。", "2021年前十个月", "date", "2021-01/2021-10"),
    ("first-n-months-digits", 2021, "2022年前8个月，税收增长。", "2022年前8个月", "date", "2022-01/2022-08"),
    ("first-month", 2021, "2019年首月，税收增长。", "2019年首月", "date", "2019-01"),
    ("last-n-months", 2021, "二零二零年后两个月，税收增长。", "二零二零年后两个月", "date", "2020-11/2020-12"),
    ("year-range-long-dash", 2021, "从2010年——2015年，税收增长。", "2010年——2015年", "year", "2010/2015"),
    ("year-to-month", 2021, "工程1992到95年6月分期建成。", "1992到95年6月", "date", "1992/1995-06"),
    ("day-range-with-hours", 2019, "领取时间：2019年7月16日8:30时起至2019年7月23日16:00时止。",
     "2019年7月16日8:30时起至2019年7月23日16:00时", "date", "2019-07-16/2019-07-23"),
    ("hours-of-one-day", 2021, "8月1日9时至12时开放。", "8月1日", "date", "2021-08-01"),
    ("this-year-month", 2021, "今年八月举办培训。", "今年八月", "date", "2021-08"),
    ("last-year-day", 2021, "去年5月2号举办培训。", "去年5月2号", "date", "2020-05-02"),
    ("day-list-first", 2021, "5月3号，4号，5号举办培训。", "5月3号", "date", "2021-05-03"),
    ("day-list-second", 2021, "5月3号，4号，5号举办培训。", "4号", "date", "2021-05-04"),
    ("day-list-third", 2021, "5月3号、4号和5号举办培训。", "5号", "date", "2021-05-05"),
]


@pytest.mark.parametrize("year,text,surface,kind,value",
                         [pytest.param(y, t, s, k, v, id=i) for i, y, t, s, k, v in DATES])
def test_dates(year: int, text: str, surface: str, kind: str, value: str) -> None:
    rows = _facts(text, year)
    dates = [(r["kind"], r["text"], r["value"]) for r in rows if r["kind"] in ("date", "year")]
    assert (kind, surface, value) in dates, dates
    _one_parse(rows)


NOT_DATES = [
    # relative periods alone are not dates; numbers with 号 that are not days
    ("this-quarter", "本季度完成任务。"),
    ("last-month", "上月完成任务。"),
    ("next-year", "明年完成任务。"),
    ("document-numbers", "按照湘财绩〔2020〕7号、8号文件要求。"),
    ("building-numbers", "3号楼、4号楼完成改造。"),
    ("ten-months-no-year", "连续十个月保持增长。"),
    ("season-not-quarter", "第一季节目播出。"),
    ("first-prize", "荣获一等奖。"),
    ("festival-name", "举办“三月三”民族节庆活动。"),
    ("within-a-month", "要求在一月内整改到位。"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_DATES])
def test_not_dates(text: str) -> None:
    dates = [(r["text"], r["value"]) for r in _facts(text, 2021) if r["kind"] == "date"]
    assert not dates, dates


SIGNED_CHECK = "其他收入合计-20万元，其中：利息收入-30万元，租金收入10万元。"


PARTS = [
    ("parts-wan-qian-people", "惠及2万5千人。", "headcount", "2万5千人", "25000"),
    ("parts-wan-qian-copies", "发放5万3千余份。", "quantity", "5万3千余份", "53000"),
]


@pytest.mark.parametrize("text,kind,surface,value", [pytest.param(t, k, s, v, id=i) for i, t, k, s, v in PARTS])
def test_figures_in_parts(text: str, kind: str, surface: str, value: str) -> None:
    got = [(r["kind"], r["text"], Decimal(str(r["value"]))) for r in _facts(text, 2021)]
    assert got == [(kind, surface, Decimal(value))]


@pytest.mark.parametrize("text", [pytest.param("惠及3万5人。", id="spoken-wan-digit"),
                                  pytest.param("惠及2万15千人。", id="parts-that-do-not-fit")])
def test_figures_in_parts_that_do_not_fit_are_refused(text: str) -> None:
    """3万5 is 35000 in speech, 2万15千 no number: no figure rather than 5 or 15000 people."""
    assert [r["text"] for r in _facts(text, 2021) if r["kind"] == "headcount"] == []


def test_tax_burden_is_not_a_negative_rate() -> None:
    rates = [Decimal(str(r["value"])) for r in _facts("企业综合税负3.5%。", 2021) if r["kind"] == "percent"]
    assert rates == [Decimal("3.5")]


def test_signed_percent() -> None:
    rows = _facts("第一产业投资同比增长-100.0%，第三产业投资增长-15.3%。", 2025)
    assert sorted(Decimal(str(r["value"])) for r in rows if r["kind"] == "percent") == [Decimal("-100.0"),
                                                                                        Decimal("-15.3")]


def test_months_without_between_are_two_months() -> None:
    dates = [(r["text"], r["value"]) for r in _facts("2月和7月各召开一次。", 2021) if r["kind"] == "date"]
    assert dates == [("2月", "2021-02"), ("7月", "2021-07")]


def test_negative_amounts_keep_their_sign_in_value() -> None:
    values = sorted(Decimal(str(r["value"])) for r in _facts(SIGNED_CHECK, 2021) if r["kind"] == "amount")
    assert values == [Decimal(-300000), Decimal(-200000), Decimal(100000)]


def test_a_negative_part_adds_up_in_the_checks() -> None:
    """80 = 100 + (−20): with the sign dropped the parts would make 120 and the check would fail."""
    facts = extract.extract_facts("收入合计80万元，其中：财政拨款收入100万元，其他收入-20万元。", year=2021)
    checks = extract.check(facts)
    assert list(checks["status"]) == ["pass"]
    assert Decimal(str(checks["total_value"].iloc[0])) == Decimal(800000)
