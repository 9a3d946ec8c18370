"""A printed figure and the values it can stand for (its interval): the unit validate's checks add.

Arithmetic is Decimal. Tolerance comes from printed precision, as XBRL Calculations 1.1 does:
``129.50万元`` is [129.495, 129.505]万元; quantifiers widen it (``400余人`` is [400, 500)).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .figures import Num

NUMERIC = ("amount", "headcount", "quantity")
_CHECKED = frozenset((*NUMERIC, "percent"))
_DIRECTIONS = ("增加", "减少")
_UP = ("余", "多", "以上", "超过", "逾", "突破", "跨越", "迈上", "站上", "多达")
_DOWN = ("近", "不足", "不到", "以下", "以内", "将近", "接近")
_AROUND = ("约", "左右", "大约")


@dataclass(frozen=True)
class Figure:
    num: Num
    value: Decimal
    lo: Decimal
    hi: Decimal
    text: str
    #: how approximate the printed figure is (约, 余, 近 …); the direction of a change is apart
    qualifier: str
    #: 增加 or 减少 for a change figure, else ""
    direction: str = ""


def _magnitude(v: Decimal) -> Decimal:
    """Place value of the last non-zero digit of an integer figure: 400 -> 100, 1500 -> 100."""
    if v == 0:
        return Decimal(1)
    q = v.normalize()
    exp = q.as_tuple().exponent
    return Decimal(1).scaleb(int(exp)) if isinstance(exp, int) else Decimal(1)


def interval(value: Decimal, resolution: Decimal | None, qualifier: str | None) -> tuple[Decimal, Decimal]:
    """The values a printed figure can stand for.

    >>> interval(Decimal("1295000"), Decimal("100"), None)
    (Decimal('1294950'), Decimal('1295050'))
    >>> interval(Decimal("400"), Decimal("1"), "余")
    (Decimal('400'), Decimal('500'))
    """
    half = (resolution or Decimal(0)) / 2
    lo, hi = value - half, value + half
    q = qualifier or ""
    if not q:
        return lo, hi
    mag = max(_magnitude(value), resolution or Decimal(0))
    if any(w in q for w in _UP):
        lo, hi = value, value + mag
    if any(w in q for w in _DOWN):
        lo, hi = value - mag, value
    if any(w in q for w in _AROUND):
        lo, hi = value - mag, value + mag
    return lo, hi


def split_direction(qualifier: str) -> tuple[str, str]:
    """A change's direction (增加/减少, written first) and the rest of its qualifier.

    >>> split_direction("增加约"), split_direction("余")
    (('增加', '约'), ('', '余'))
    """
    direction = next((d for d in _DIRECTIONS if qualifier.startswith(d)), "")
    return direction, qualifier[len(direction):]
