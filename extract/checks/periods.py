"""Sentences that each state one subject for the same periods, in the same order: a table
written as prose (see :func:`period_rows`).

    全市收入当月完成25.2亿元；累计完成427.4亿元。       the totals, period by period
    中央级收入当月完成5.0亿元，累计完成188.0亿元。      parts, one per sentence
    省级收入当月完成7.1亿元；累计完成80.6亿元。
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from ..rules import Rules
from .figures import CLASSIFY, Num, Structure, depth_at, same_measure, signature

def period_rows(with_changes: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """Sentences that each state one subject for the same periods, in the same order
    (…收入当月完成25.2亿元；累计完成427.4亿元。中央级…当月完成5亿元，累计完成188亿元。省级…), read as
    a table: the first sentence's figures are the totals, the next sentences' figures their parts,
    period by period. Only the arithmetic says the subjects after the first are its parts, so each
    column is kept only when it adds up (``unsure``); a classification sentence (从收入结构看，…)
    starts the parts of the sentence before it; a sentence opening with 其中 is a part of the one
    before, period by period, whether or not it adds up (``le``)."""
    out: list[Structure] = []
    # a figure after 上年 is a comparison's base elsewhere; here 上年决算32万元 is a column's level
    # (a change, 增加5万元, is not)
    by_sentence = {ss: kept for ss, members in with_changes.items()
                   if (kept := [n for n in members if not n.change or not rules.change_before.search(
                       n.sentence, 0, n.start - ss)])}
    order = sorted(by_sentence)
    sigs = {ss: signature(by_sentence[ss], ss) for ss in order}
    run: list[int] = []

    def close() -> None:
        if len(run) < 3:
            run.clear()
            return
        heads = [_SUM_WORD.search(by_sentence[ss][0].sentence, 0, _columns(by_sentence[ss], ss)[0].start - ss)
                 for ss in run]
        if heads[-1] and not heads[0]:  # …三公经费合计上年决算32万元，本年预算28万元: the total stated last
            columns = [_columns(by_sentence[ss], ss) for ss in run]
            for j, total in enumerate(columns[-1]):
                out.append(Structure(total, tuple(col[j] for col in columns[:-1]), "eq", "periods", unsure=True))
            run.clear()
            return
        cuts = [0] + [k for k in range(1, len(run)) if CLASSIFY.match(by_sentence[run[k]][0].sentence)] + [len(run)]
        for a, b in zip(cuts, cuts[1:]):
            head = run[a] if a == 0 else run[a - 1]
            parts = run[a + 1:b] if a == 0 else run[a:b]
            if len(parts) < 2:
                continue
            columns = [_columns(by_sentence[ss], ss) for ss in (head, *parts)]
            for j, total in enumerate(columns[0]):
                out.append(Structure(total, tuple(col[j] for col in columns[1:]), "eq", "periods", unsure=True))
        run.clear()

    for ss in order:
        sig = sigs[ss]
        if run and sig is not None and sig == sigs[run[-1]] and _OPENS_WITH_PART.match(by_sentence[ss][0].sentence):
            head, one = _columns(by_sentence[run[-1]], run[-1]), _columns(by_sentence[ss], ss)
            out.extend(Structure(t, (p,), "le", "periods") for t, p in zip(head, one))
            close()
            continue
        same = run and sig is not None and sig == sigs[run[-1]] \
            and by_sentence[ss][0].section == by_sentence[run[-1]][0].section
        if not same:
            close()
        if sig is not None:
            run.append(ss)
    close()
    return out


def _columns(members: Sequence[Num], ss: int) -> list[Num]:
    levels = [n for n in members if depth_at(n.sentence, n.start - ss) == 0]
    return [n for n in levels if same_measure(n, levels[0])]


_SUM_WORD = regex.compile(r"合计|总计|共计|汇总")
_OPENS_WITH_PART = regex.compile(r"^[\s\u3000]*其中")
