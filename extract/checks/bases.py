"""The levels a report compares against, stated beside each figure: a second column of one list.

三公 explanations and budget reports give each item's level of the base period or of the budget
right after its own, before the change::

    “三公”经费支出决算汇总数为1134万元，较上年1174万元减少40万元，较预算数1237万元减少103万元。其中：
    因公出国(境)费为0万元，较上年6万元减少6万元，较预算数0万元无增减；公务接待费为122万元，较上年144万元…，
    较预算数339万元…；公务用车购置及运行维护费为1012万元，…较预算数898万元增加114万元…

The base figures (1174, 6, 144, …; 1237, 0, 339, 898) are levels of another period or statement, so
a total and its parts the text states (1134 = 0 + 122 + 1012) hold for them too, base by base
(1237 = 0 + 339 + 898), with the relation the text gave the levels. A base is a figure right after
比/较/与 and the name of what is compared (上年, 预算数, 年初预算), followed by a change word.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from .figures import Num, same_measure

#: the words before a base figure: 较上年, 比预算数, 与2022年决算的, 较年初预算
_BEFORE = regex.compile(r"(?:比|较|与)(?P<base>[^，,；;。：:\d（）()]{1,10}?)(?:的)?[\s\u3000]*$")
#: the words after it: the change from it
_AFTER = regex.compile(r"^[\s\u3000]*(?:相比|对比)?[\s\u3000，,]*(?:增加|减少|增长|下降|提高|降低|上升|压减|节约|持平|无增减|无变化|增|减)")
_DROP = regex.compile(r"[数的\s\u3000]")


def base_name(n: Num) -> str | None:
    """What a base figure is the level of (上年, 预算, 年初预算), or None when it is no base.

    >>> s = "公务接待费为122万元，较上年144万元减少22万元"
    >>> base_name(Num("b", "amount", "元", 15, 20, 0, s, "", "", change=True))
    '上年'
    >>> base_name(Num("c", "amount", "元", 22, 26, 0, s, "", "", change=True))  # the change itself
    """
    rel, end = n.start - n.sentence_start, n.end - n.sentence_start
    m = _BEFORE.search(n.sentence[max(0, rel - 14):rel])
    if not m or not _AFTER.match(n.sentence[end:]):
        return None
    return _DROP.sub("", m.group("base")) or None


def _bases(level: Num, figures: Sequence[Num]) -> dict[str, Num]:
    """The base figures stated for a level: after it in its sentence, before its sentence's next level."""
    out: dict[str, Num] = {}
    for n in figures:
        if n.sentence_start != level.sentence_start or n.start <= level.start:
            continue
        if not n.change:
            if same_measure(n, level):
                break  # the next level: its bases are its own
            continue
        name = base_name(n)
        if name and same_measure(n, level):
            out.setdefault(name, n)
    return out


def base_sums(total: Num, parts: Sequence[Num], figures: Sequence[Num]) -> list[tuple[str, Num, tuple[Num, ...]]]:
    """For a total and its parts whose figures all state a base of one name, that base's total and
    parts (see the module's docstring); ``figures`` in text order."""
    if total.change or any(p.change for p in parts):
        return []
    bases = _bases(total, figures)
    if not bases:
        return []
    of_parts = [_bases(p, figures) for p in parts]
    return [(name, base, tuple(p[name] for p in of_parts)) for name, base in bases.items()
            if all(name in p for p in of_parts)]
