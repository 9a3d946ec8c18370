"""A matched figure -> Decimal value, unit, qualifier and printed resolution; dates -> ISO.

Money is Decimal in yuan with the printed precision kept: ``181.92万元`` is
1819200 yuan with resolution 100 yuan (one unit of the last printed digit),
so a validator can treat it as the interval [1819150, 1819250].
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import cn2an
import regex

from ..rules import Rules


_CLAUSE_TAIL = regex.compile(r"[，,。；;：:、！!？?]")


@dataclass(frozen=True)
class Parsed:
    value: Decimal | str
    unit: str | None
    qualifier: str | None = None
    value_max: Decimal | None = None
    resolution: Decimal | None = None
    date_start: str | None = None
    date_end: str | None = None


def _resolution(num: str, factor: Decimal) -> Decimal:
    """Value of one unit of the last printed digit.

    >>> _resolution("181.92", Decimal(10000)), _resolution("14", Decimal(1))
    (Decimal('100.00'), Decimal('1'))
    """
    decimals = len(num.split(".")[1]) if "." in num else 0
    return Decimal(1).scaleb(-decimals) * factor


def _group(m: regex.Match[str], name: str) -> str | None:
    """Group ``name`` of a match, None when the rule's pattern has no such group (cheaper than
    building ``groupdict()``, which the regex module does anew on every call)."""
    return m.group(name) if name in m.re.groupindex else None


def _factor(m: regex.Match[str], rules: Rules, suffix: str = "") -> Decimal:
    mult = _group(m, "mult" + suffix)
    return rules.multipliers[mult] if mult else Decimal(1)


def qualifier_of(m: regex.Match[str], text: str, rules: Rules) -> str | None:
    """A quantifier before the figure (约, 近, 超过 ...) or after its number (余, 多 ...)."""
    before = rules.qualifier_before.search(text, max(0, m.start() - 4), m.start())
    q_after = (_group(m, "qsuf") or "") + (_group(m, "qpost") or "") or None
    if before and q_after:
        return before.group() + q_after
    return before.group() if before else q_after


#: more significant digits than Decimal's default context keeps: such a figure would be rounded
#: silently by the arithmetic below, so it is refused (no fact) rather than misread
MAX_DIGITS = 28


def significant_digits(num: str) -> int:
    """Digits of a printed number without leading zeros and the point.

    >>> significant_digits("0012.50"), significant_digits("0.05")
    (4, 1)
    """
    return len(num.replace(".", "").lstrip("0"))


def parse_measure(kind: str, m: regex.Match[str], text: str, rules: Rules) -> Parsed | None:
    """Value of an amount, headcount, quantity or percent match.

    A printed sign (the rule's ``neg`` group: ``-``, ``负``, or an accountant's brackets) makes
    the value negative; a change stays a level with its direction in the qualifier (减少5万元).
    """
    parsed = _measure(kind, m, text, rules)
    if parsed is None or not _group(m, "neg") or not isinstance(parsed.value, Decimal) or not parsed.value:
        return parsed  # -0 is 0
    return Parsed(-parsed.value, parsed.unit, parsed.qualifier, parsed.value_max, parsed.resolution)


def _measure(kind: str, m: regex.Match[str], text: str, rules: Rules) -> Parsed | None:
    num = m.group("num")
    if significant_digits(num) > MAX_DIGITS or significant_digits(_group(m, "num2") or "") > MAX_DIGITS:
        return None
    unit = _group(m, "unit")
    qual = qualifier_of(m, text, rules)
    factor = _factor(m, rules)
    if kind == "amount":
        money = rules.money[unit] if unit else Decimal(1)  # ￥2,311.40 and 资金43万: yuan
        value = Decimal(num) * factor * money
        res = _resolution(num, factor * money)
        vmax = None
        num2 = _group(m, "num2")
        if num2:
            f2 = _factor(m, rules, "2") * money
            if not _group(m, "mult"):
                factor = _factor(m, rules, "2")  # 15-20万元: the low end shares the unit
                value = Decimal(num) * factor * money
                res = _resolution(num, factor * money)
            vmax = Decimal(num2) * f2
            if vmax < value:
                return None
        per = _group(m, "per")
        return Parsed(value, f"元/{per}" if per else "元", qual, vmax, res)
    if kind == "headcount":
        clause = _CLAUSE_TAIL.split(text[max(0, m.start() - 12):m.start()])[-1]
        if unit in ("位", "名") and rules.rank_before.search(clause):
            return None  # a place in a ranking: 排名提升6位
        value = Decimal(num) * factor
        return Parsed(value, rules.headcount_units.get(unit, unit) if unit else None, qual, None, _resolution(num, factor))
    if kind == "quantity":
        value = Decimal(num) * factor
        return Parsed(value, unit, qual, None, _resolution(num, factor))
    if kind == "percent":
        return Parsed(Decimal(num), unit, qual, None, _resolution(num, Decimal(1)))
    return None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    ys = f"{y:04d}" if y else "-"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 2月29日 without a year is kept
    except ValueError:
        return False
    return True


def _bounds(y: int | None, m: int | None, d: int | None, end: bool) -> str | None:
    if y is None:
        return None
    if m is None:
        return _iso(y, 12 if end else 1, 31 if end else 1)
    if d is None:
        return _iso(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return _iso(y, m, d)


_PERIODS = {"上半年": (1, 6), "下半年": (7, 12), "首季度": (1, 3)}
_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_XUN = {"上旬": (1, 10), "中旬": (11, 20)}


def _period_months(period: str) -> tuple[int, int] | None:
    """First and last month of a quarter or half (一季度 -> (1, 3), 前三季度 -> (1, 9)).

    >>> _period_months("第三季度"), _period_months("前两个季度"), _period_months("下半年")
    ((7, 9), (1, 6), (7, 12))
    """
    if period in _PERIODS:
        return _PERIODS[period]
    digits = [int(c) if c.isdigit() else _CN_SMALL.get(c) for c in period if c.isdigit() or c in _CN_SMALL]
    qs = [q for q in digits if q]
    if not qs or any(q > 4 for q in qs):
        return None
    if period.startswith("前"):
        return 1, 3 * qs[0]
    if len(qs) == 2:
        return 3 * qs[0] - 2, 3 * qs[1]
    return 3 * qs[0] - 2, 3 * qs[0]


def two_digit_year(yy: int, base: int | None) -> int:
    """The year a report of year ``base`` means by ``yy年``: the latest century-year not more than
    five years after the report (a plan may look a few years ahead; 97年 in a 1996 report is 1997,
    89年 in a 2021 report is 1989, 49年 in a 2021 report is 1949). Without a base year, 00-49 are
    20xx and 50-99 are 19xx.

    >>> two_digit_year(97, 1996), two_digit_year(89, 2021), two_digit_year(25, 2021), two_digit_year(49, 2021)
    (1997, 1989, 2025, 1949)
    """
    if base is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    candidates = [century + yy for century in (1800, 1900, 2000, 2100)]
    return max(c for c in candidates if c <= base + 5)


def _count(raw: str) -> int | None:
    """A small count in digits or numerals (十, 两, 8)."""
    if raw.isdigit():
        return int(raw)
    try:
        return int(cn2an.cn2an(raw.replace("两", "二"), "normal"))
    except (ValueError, KeyError, TypeError):
        return None


def parse_date(m: regex.Match[str], year: int | None, doc_year: int | None = None) -> Parsed | None:
    """ISO value of a date match.

    ``year`` is the year of a date printed without one (see :mod:`extract.years`);
    ``doc_year`` is the document's own year, the base of 今年/去年/明年. A date whose year
    is unknown is not a fact (None). ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
    ``A/B`` for ranges and periods; ``date_start``/``date_end`` give the first and last day
    covered (上旬/中旬/下旬 narrow them to days 1–10, 11–20, 21–end).
    """
    from .years import RELATIVE

    g = m.groupdict()

    def num(k: str) -> int | None:
        v = g.get(k)
        return int(v) if v else None

    y, mo, d = num("y"), num("m"), num("d")
    y2, mo2, d2 = num("y2"), num("m2"), num("d2")
    part = g.get("part")
    if g.get("yy"):
        y = two_digit_year(int(g["yy"]), doc_year or year)
    if g.get("yy2"):
        y2 = two_digit_year(int(g["yy2"]), doc_year or year)
    if g.get("rel"):
        if doc_year is None:
            return None
        y = doc_year + RELATIVE[g["rel"]]
    if y is None and (mo is not None or g.get("period")):
        y = year
    if y is None and y2 is None:
        return None  # the text never says which year
    if g.get("next") and y is not None:
        y2 = y + 1  # 10月至次年3月
    if g.get("mpart"):  # 2021年前十个月, 2019年首月, 二零二零年后两个月
        n = 1 if g["mpart"] == "首" else _count(g.get("nm") or "")
        if y is None or n is None or not 1 <= n <= 12:
            return None
        a, b = (1, n) if g["mpart"] != "后" else (13 - n, 12)
        value = _iso(y, a) if a == b else f"{_iso(y, a)}/{_iso(y, b)}"
        return Parsed(value, None, None, date_start=_bounds(y, a, None, False), date_end=_bounds(y, b, None, True))
    if g.get("period"):
        months = _period_months(g["period"])
        if months is None or y is None:
            return None
        a, b = months
        return Parsed(f"{_iso(y, a)}/{_iso(y, b)}", None, None,
                      date_start=_bounds(y, a, None, False), date_end=_bounds(y, b, None, True))
    if mo is not None and d is not None and not _valid(y, mo, d):
        return None
    if d2 is not None:  # day range: 11月15日--17日, 2021年1月1日至2021年12月31日
        mo2 = mo2 or mo
        y2 = y2 or y
        if mo is None or mo2 is None or not _valid(y2, mo2, d2) or (y2 or 0, mo2, d2) <= (y or 0, mo, d or 0):
            return None
        first, last = _iso(y, mo, d), _iso(y2, mo2, d2)
        return Parsed(f"{first}/{last}", None, part, date_start=_bounds(y, mo, d, False),
                      date_end=_bounds(y2, mo2, d2, True))
    if mo2 is not None and mo is None:  # from a year to a month: 1992到95年6月
        if y is None or y2 is None or y2 <= y:
            return None
        return Parsed(f"{y}/{_iso(y2, mo2)}", None, part, date_start=_bounds(y, None, None, False),
                      date_end=_bounds(y2, mo2, None, True))
    if mo2 is not None:  # month range: 1-2月, 2019年9月至2020年8月
        y2 = y2 or y
        if mo is None or (y2 or 0, mo2) <= (y or 0, mo):
            return None
        return Parsed(f"{_iso(y, mo)}/{_iso(y2, mo2)}", None, part,
                      date_start=_bounds(y, mo, None, False), date_end=_bounds(y2, mo2, None, True))
    if y2 is not None:  # year range: 2021-2025年
        if y is None or y2 <= y:
            return None
        return Parsed(f"{y}/{y2}", None, part, date_start=_bounds(y, None, None, False),
                      date_end=_bounds(y2, None, None, True))
    if mo is None:
        return Parsed(_iso(y), None, part, date_start=_bounds(y, None, None, False),
                      date_end=_bounds(y, None, None, True))
    start, end = _bounds(y, mo, d, False), _bounds(y, mo, d, True)
    if d is None and part in ("上旬", "中旬", "下旬") and y is not None:
        lo, hi = _XUN.get(part, (21, calendar.monthrange(y, mo)[1]))
        start, end = _iso(y, mo, lo), _iso(y, mo, hi)
    return Parsed(_iso(y, mo, d), None, part, date_start=start, date_end=end)
