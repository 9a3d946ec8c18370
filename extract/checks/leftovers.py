"""A balance told over consecutive sentences: what an account had, what it spent, what is left.

Budget-execution reports state the three in sentences of their own::

    …加上年结余…，预算总收入804.2亿元。一般公共预算支出754.2亿元，下降8.5%。预算总收入减去支出，一般公共预算结余50亿元。
    …全年一般公共预算可用资金为24901.77万元。2021年一般公共预算支出21498.92万元，为调整预算的99.05%。结余3402.85万元。

The total is the latest figure named as what the account holds (总收入, 收入总计, 可用资金, 财力) in the
sentence of the spending or the one before it; the spending is the latest figure named as 支出 before
the balance, in its sentence or the one before; the balance is a figure named 结余 or 结转 (not 上年结余,
which came in). Which three figures make the account is read from their names and order alone, so a
balance is kept only when it adds up (total = spending + balance). A balance in one sentence is read
by breakdowns.balances.
"""
from __future__ import annotations

import bisect

import regex

from .figures import Num, Structure, depth_at, same_measure
from .lists import per_head

#: what an account holds: a figure named so is a balance's total
_HELD = regex.compile(r"总收入|收入总计|收入合计|可用资金|可用财力|财力|收入总量")
#: what an account spends
_SPENT = regex.compile(r"支出(?:总计|合计|完成|决算|执行)?$")
#: what is left (not what came in: 上年结余, 年初结余)
_LEFT = regex.compile(r"结余|结转")
_CARRIED_IN = regex.compile(r"上年|年初|以前年度")
_GAP = 60  # characters between two sentences of one account


def _levels(members: list[Num]) -> list[Num]:
    return [n for n in members if not n.change and n.kind == "amount" and not per_head(n)
            and depth_at(n.sentence, n.start - n.sentence_start) == 0]


def _clause(n: Num) -> str:
    """The words of a figure's clause before it (its label when it has one)."""
    before = n.sentence[:n.start - n.sentence_start]
    return regex.split(r"[，,；;。：:]", before)[-1] or n.label


def balances_across(by_sentence: dict[int, list[Num]]) -> list[Structure]:
    """Balances told over two or three consecutive sentences (see the module's docstring)."""
    order = sorted(by_sentence)
    out: list[Structure] = []
    for i, ss in enumerate(order):
        for left in _levels(by_sentence[ss]):
            clause = _clause(left)
            if not _LEFT.search(clause) or _CARRIED_IN.search(clause):
                continue
            window = [order[k] for k in range(max(0, i - 2), i + 1)]
            if any(b - (a + len(by_sentence[a][0].sentence.rstrip())) > _GAP for a, b in zip(window, window[1:])):
                window = [ss]
            figs = [n for s in window for n in _levels(by_sentence[s]) if n.start < left.start and same_measure(n, left)]
            spent = next((n for n in reversed(figs) if _SPENT.search(n.label or "") and not _HELD.search(n.label or "")),
                         None)
            if spent is None:
                continue
            held = next((n for n in reversed(figs) if n.start < spent.start and _HELD.search(n.label or "")
                         and not _CARRIED_IN.search(_clause(n))), None)
            if held is None or held.sentence_start == left.sentence_start == spent.sentence_start:
                continue  # one sentence: breakdowns.balances reads it
            if bisect.bisect_left(order, held.sentence_start) < i - 2:
                continue
            out.append(Structure(held, (spent, left), "eq", "结余", unsure=True))
    return out
