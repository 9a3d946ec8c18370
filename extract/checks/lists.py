"""Lists of parts that run over several sentences and lines, read from their numbering.

Long reports state a total, then its parts as a numbered list, one item per line or sentence::

    汇总数2045.3万元。其中:                       the total, then the list's intro
    1. 因公出国(境)费0万元,…                     item 1: its first figure is a part
    2. 公务接待费720.03万元,较上年增加113.1万元…   item 2
    3. 公务用车购置及运行维护费1325.27万元。        item 3 (its own 其中 is a nested breakdown)

Items are sentences that open with a numbering mark of one style (``1、`` ``1.`` ``（1）``
``①`` ``一是`` ``——``), numbered 1, 2, 3 … without a gap; sentences without a mark between
two items belong to the item before (a 测算标准 line). The list ends where the numbering ends.
Its total is the figure of the same measure in the sentence just before item 1.

When every item states the same number of figures, and so does the total's sentence (two
periods side by side, a level and its change), the figures pair by position::

    2016年预算33万元，2015年预算57.55万元，与上年对比减少24.55万元。…其中：
    1、公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元 …
    2、公务车辆运行2016年预算25万元，2015年预算45.2万元；对比减少20.20万元 …

(33 = 8 + 25; 57.55 = 12.5 + 45.2; the change −24.55 = −4.35 − 20.20). The same pairing reads
a sentence that opens with 其中 and lists its parts in ；-clauses after the sentence of its totals.

Items may be headings of their own (…决算总额为1023万元。其中：\n一、因公出国(境)经费\n2020年…决算支出0万元。
\n二、公务用车…\n…785万元…): sections numbered 1, 2, 3 … one after the other under one parent, each
section's first figure of the total's measure a part, the total the figure just before section 1.

A list is checked (and may fail) when its intro (其中, 包括, 如下, 分别为 …) stands in the
sentences of its figures. When it does not (an intro on a line of its own holds no figure, so the
facts do not hold it), the list is kept only when it adds up: nothing shows the items are the
total's parts, and a fail is a promise that figures presented as a whole and its parts disagree.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..rules import Rules
from .figures import Num, Structure, depth_at, rate_base, same_measure

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
# a sentence that opens an item: an optional intro word, then the item's mark
_ITEM = regex.compile(
    r"^[\s\u3000]*(?P<intro>(?:其中|包括|分别为|分别是|分项为|具体为|主要是|主要有|主要包括)[\s\u3000]*[:：，,]?[\s\u3000]*)?"
    r"(?:(?P<arabic>\d{1,2})(?:、|[.．](?!\d))|[（(](?P<paren>\d{1,2})[）)]|(?P<circled>[" + _CIRCLED + r"])"
    r"|(?P<shi>[一二三四五六七八九十]{1,2})是|(?P<dash>——|—|－－|--)"
    r"|(?P<cn>[一二三四五六七八九十]{1,2})、|[（(](?P<cnparen>[一二三四五六七八九十]{1,2})[）)])")
# (一、 and （一） number headings as often as list items; like every list whose intro is not seen,
# a list of them is kept only when it adds up)
# the end of a sentence that announces a list (…情况说明如下：, 其中：, 分别为：)
_INTRO_END = regex.compile(r"(?:其中|包括|如下|分别为|分别是|分项为|具体为|主要是|主要有|情况是|明细为|具体情况|情况如下|明细)[\s\u3000]*[:：]?[\s\u3000]*$")
# a sentence that opens with a part marker and lists its parts in ；-clauses (totals in the sentence before)
# right after a figure: the list that follows is its breakdown (…2897260元，具体项目情况说明如下：)
_INTRO_TAIL = regex.compile(r"^[^，,。；;\d]{0,4}[，,]?[^，,。；;\d]{0,12}(?:如下|分别为|分别是|其中|包括|分项为|明细为)[\s\u3000]*[:：]?[\s\u3000]*$")
_OPENING = regex.compile(r"^[\s\u3000]*(?:其中|包括|分别为|分别是|分项为|具体为)[\s\u3000]*[:：，,]")
_CLAUSES = regex.compile(r"[；;]")
_MAX_GAP = 40  # characters between the total's sentence and item 1 (an intro line the facts do not hold)
_PER_HEAD = regex.compile(r"人均|户均|平均|每人|每户|每家|每名|每位|标准")


@dataclass
class _Item:
    style: str
    ordinal: int
    intro: bool
    sentence_start: int
    nums: list[Num]


def per_head(num: Num) -> bool:
    """An average, a per-head figure or a standard (人均可支配收入, 年人均2400元): never a total or a part."""
    return bool(_PER_HEAD.search(num.label or "")) or bool(
        _PER_HEAD.search(num.sentence[max(0, num.start - num.sentence_start - 6):num.start - num.sentence_start]))


def _mark(sentence: str) -> tuple[str, int, bool] | None:
    m = _ITEM.match(sentence)
    if not m:
        return None
    intro = bool(m.group("intro"))
    if m.group("arabic"):
        return "arabic", int(m.group("arabic")), intro
    if m.group("paren"):
        return "paren", int(m.group("paren")), intro
    if m.group("circled"):
        return "circled", _CIRCLED.index(m.group("circled")) + 1, intro
    for style in ("shi", "cn", "cnparen"):
        word = m.group(style)
        if word:
            return style, _CN[word[-1]] + (9 if len(word) == 2 and word[0] == "十" else 0), intro
    return "dash", 0, intro


def _runs(order: list[int], by_sentence: dict[int, list[Num]]) -> list[list[_Item]]:
    """Items grouped into lists: one style, numbered 1, 2, 3 … (dashes: one after the other)."""
    runs: list[list[_Item]] = []
    open_: dict[str, list[_Item]] = {}
    last_dash = -1
    for i, ss in enumerate(order):
        members = by_sentence[ss]
        mark = _mark(members[0].sentence)
        if mark is None:
            continue
        style, k, intro = mark
        item = _Item(style, k, intro, ss, members)
        if style == "dash":
            if "dash" in open_ and last_dash == i - 1:
                open_["dash"].append(item)
            else:
                open_["dash"] = [item]
                runs.append(open_["dash"])
            last_dash = i
            continue
        run = open_.get(style)
        if k == 1:
            open_[style] = [item]
            runs.append(open_[style])
        elif run is not None and run[-1].ordinal == k - 1:
            run.append(item)
        else:
            open_.pop(style, None)  # a gap in the numbering: the list is not whole
    return [r for r in runs if len(r) >= 2]


def _figures(nums: Sequence[Num]) -> list[Num]:
    """The figures of an item that may be summed: at the item's own bracket depth (or a heading's
    value in brackets at its end), no averages."""
    return [n for n in nums if n.kind in ("amount", "headcount") and not per_head(n)
            and (depth_at(n.sentence, n.start - n.sentence_start) == 0 or _bracketed_value(n))]


#: a bracket that holds nothing but a figure, at the end of its line: the value of what the line
#: names (一、中央财政衔接资金（5273万元）, 二、公务接待费（共12.5万元）)
_VALUE_OPEN = regex.compile(r"[（(][\s\u3000]*(?:共计|合计|总计|共|计)?[\s\u3000]*$")
_VALUE_CLOSE = regex.compile(r"^[\s\u3000]*[）)][\s\u3000。：:]*$")


def _bracketed_value(n: Num) -> bool:
    """Whether a figure is the whole of a bracket that ends its sentence.

    >>> from .figures import Num
    >>> s = "一、中央财政衔接资金（5273万元）"
    >>> _bracketed_value(Num("f", "amount", "元", 11, 17, 0, s, "", "", "text", "", 0))
    True
    >>> s = "一、项目支出（其中：设备购置5万元）"
    >>> _bracketed_value(Num("f", "amount", "元", 14, 17, 0, s, "", "", "text", "", 0))
    False
    """
    rel, end = n.start - n.sentence_start, n.end - n.sentence_start
    return bool(_VALUE_OPEN.search(n.sentence[:rel]) and _VALUE_CLOSE.match(n.sentence[end:])
                and depth_at(n.sentence, rel) == 1)


def _previous(order: list[int], by_sentence: dict[int, list[Num]], ss: int) -> list[Num] | None:
    """The figures of the last sentence before ``ss`` that states money or people, if it ends
    within a short gap of ``ss`` (sentences with other figures only, 十条举措, are passed over)."""
    for prev_ss in reversed(order[max(0, bisect.bisect_left(order, ss) - 3):bisect.bisect_left(order, ss)]):
        prev = by_sentence[prev_ss]
        if not _figures(prev):
            continue
        end = prev_ss + len(prev[0].sentence.rstrip())
        return prev if ss - end <= _MAX_GAP else None
    return None


def _pair(totals: Sequence[Num], items: Sequence[Sequence[Num]], marker: str, unsure: bool) -> list[Structure]:
    """Totals and items of k figures each, paired by position; [] when they do not line up."""
    k = len(items[0])
    if k < 2 or any(len(it) != k for it in items) or len(totals) < k:
        return []
    totals = totals[-k:]
    out = []
    for j, total in enumerate(totals):
        parts = tuple(it[j] for it in items)
        if not all(same_measure(p, total) and p.change == total.change for p in parts):
            return []
        out.append(Structure(total, parts, "eq", marker, signed=total.change, unsure=unsure))
    return out


def _common_tail(a: str, b: str) -> int:
    """How many characters two labels end with in common (批复指标 of 当年预算批复指标 and 县直各部门批复指标: 4)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _pair_short(totals: Sequence[Num], items: Sequence[Sequence[Num]]) -> list[Structure]:
    """Totals and items of k figures each, where the last items may lack their last figures (…预算批复指标71.48亿元，
    已用指标62.09亿元，预算结余9.39亿元。其中：A批复指标…，已用指标…，预算结余…；B…；C预算指标20.58亿元，已用指标
    20.36亿元): paired by position while each part's label ends as its total's (two characters at least); a total
    some item says nothing of is more than its listed parts (``le``)."""
    k = max(len(it) for it in items)
    if k < 2 or len(items[0]) != k or len(totals) < k or any(not it for it in items):
        return []
    totals = totals[-k:]
    out = []
    for j, total in enumerate(totals):
        parts = tuple(it[j] for it in items if len(it) > j)
        if len(parts) < 2 or not all(same_measure(p, total) and p.change == total.change
                                     and _common_tail(p.label, total.label) >= 2 for p in parts):
            return []
        whole = len(parts) == len(items)
        out.append(Structure(total, parts, "eq" if whole else "le", "其中", signed=total.change and whole))
    return out


def _total_of(cands: Sequence[Num], parts: Sequence[Num]) -> Num:
    """Which figure of the sentence before a list it adds up to: the sentence's subject, its first
    figure (全年支出总计181.92万元，其中基本支出…，项目支出…), unless the text shows the list
    belongs to a later one (…安排项目支出2897260元，具体项目情况说明如下：), i.e. the list's intro
    follows that figure directly."""
    if len(cands) == 1:
        return cands[0]
    last = cands[-1]
    tail = last.sentence[last.end - last.sentence_start:]
    return last if _INTRO_TAIL.match(tail) else cands[0]


def item_lists(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """Totals with their parts listed as numbered items (see the module's docstring)."""
    order = sorted(by_sentence)
    out: list[Structure] = []
    for run in _runs(order, by_sentence):
        prev = _previous(order, by_sentence, run[0].sentence_start)
        if not prev:
            continue
        seen = run[0].intro or bool(_INTRO_END.search(prev[0].sentence.rstrip()))
        unsure = not seen
        totals = [n for n in _figures(prev) if not rate_base(n)]
        items = [_figures(it.nums) for it in run]
        paired = _pair(totals, items, "list", unsure)
        if paired:
            out.extend(paired)
            continue
        levels = [[n for n in it if not n.change] for it in items]
        if not all(levels):
            continue  # an item without a figure: the list is not whole
        parts = [lv[0] for lv in levels]
        if not all(same_measure(p, parts[0]) for p in parts):
            continue
        cands = [n for n in totals if not n.change and same_measure(n, parts[0])]
        if cands:
            # a list whose intro says it lists the total's parts and whose last item ends the text may
            # have been cut there (an excerpt): its items are parts, perhaps not all (a list read from
            # the layout alone stays whole: only its adding up shows it is the total's)
            cut = seen and run[-1].sentence_start == order[-1]
            out.append(Structure(_total_of(cands, parts), tuple(parts), "le" if cut else "eq", "list", unsure=unsure))
    return out


def opening_lists(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """其中：A较上年减少2.90万元，较年初预算减少0.04万元；B较上年减少12.39万元，…: totals in the sentence before."""
    order = sorted(by_sentence)
    out: list[Structure] = []
    for ss in order:
        members = by_sentence[ss]
        sentence = members[0].sentence
        if not _OPENING.match(sentence) or _mark(sentence):
            continue
        bounds = [0] + [m.end() for m in _CLAUSES.finditer(sentence)] + [len(sentence) + 1]
        items = [got for a, b in zip(bounds, bounds[1:])
                 if (got := [n for n in _figures(members) if a <= n.start - ss < b])]
        if len(items) < 2:
            continue
        prev = _previous(order, by_sentence, ss)
        if prev:  # (a rate's base, 完成年初预算数60999万元的40.4%, is none of the totals)
            totals = [n for n in _figures(prev) if not rate_base(n)]
            out.extend(_pair(totals, items, "其中", False) or _pair_short(totals, items))
    return out


#: the words before a figure that sum the lines above it (以上资金合计241.3万元, 以上共计768.1万元, 上述三项合计)
_ABOVE = regex.compile(r"^[\s\u3000]*(?:以上|上述)[^，,。；;\d]{0,10}?(?:合计|共计|总计|小计|共)[\s\u3000]*(?:为|是|达)?[\s\u3000]*$")


def sums_above(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """A sentence that opens with 以上…合计 (or 上述…共计) and a figure sums the lines just above it,
    one figure each (中央资金125.5万元 / 省级资金91.2万元 / 市级资金24.6万元 / 以上资金合计241.3万元):
    the lines run back while they follow each other closely, under the same top-level heading."""
    order = sorted(by_sentence)
    out: list[Structure] = []
    for i, ss in enumerate(order):
        figs = [n for n in _figures(by_sentence[ss]) if not n.change]
        if not figs or not _ABOVE.match(figs[0].sentence[:figs[0].start - ss]):
            continue
        total = figs[0]
        top = total.section.split(" > ")[0]
        parts: list[Num] = []
        nxt = ss
        for prev_ss in reversed(order[:i]):
            members = by_sentence[prev_ss]
            line = [n for n in _figures(members) if not n.change and same_measure(n, total)]
            end = prev_ss + len(members[0].sentence.rstrip())
            if len(line) != 1 or nxt - end > _MAX_GAP or line[0].section.split(" > ")[0] != top:
                break
            parts.insert(0, line[0])
            nxt = prev_ss
        if len(parts) >= 2:
            out.append(Structure(total, tuple(parts), "eq", "以上"))
    return out


#: a sentence that says what the figure before it is made of (由一般公共预算收入111.11万元，加上级补助收入…等
#: 1,756.37万元构成。): it opens with 由 and ends with 构成/组成
_MADE_OF = regex.compile(r"^[\s\u3000]*由(?P<body>.*)(?:构成|组成)[\s\u3000]*[。；;]?[\s\u3000]*$")


def made_of(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元，加上级补助收入…等1,756.37万元构成。:
    the figures of a 由…构成 sentence are the parts of the last figure of the sentence just before it."""
    order = sorted(by_sentence)
    out: list[Structure] = []
    for i, ss in enumerate(order):
        members = [n for n in _figures(by_sentence[ss]) if not n.change]
        if len(members) < 2 or not _MADE_OF.match(members[0].sentence) or not i:
            continue
        prev = _previous(order, by_sentence, ss)
        if not prev or prev[0].sentence.rstrip()[-1:] not in "。；;":
            continue
        totals = [n for n in _figures(prev) if not n.change and same_measure(n, members[0])]
        parts = [n for n in members if same_measure(n, members[0])]
        if totals and len(parts) >= 2:
            out.append(Structure(totals[-1], tuple(parts), "eq", "由…构成"))
    return out


_SECTION_GAP = 80  # characters between the total's sentence and section 1's first figure (an intro, a heading)


def section_lists(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """Totals with their parts as the first figures of numbered sections (see the module's docstring).
    No intro the facts hold shows the sections are the total's parts (it stands on a line of its own),
    so a list is kept only when it adds up."""
    order = sorted(by_sentence)
    firsts: list[tuple[str, str, int, Num]] = []  # (parent, style, ordinal, first figure) per section
    seen: set[str] = set()
    for ss in order:
        for n in _figures(by_sentence[ss]):
            if n.change or not n.section or n.section in seen:
                continue
            seen.add(n.section)
            parent, _, heading = n.section.rpartition(" > ")
            mark = _mark(heading)
            if mark is not None and mark[0] != "dash":
                firsts.append((parent, mark[0], mark[1], n))
    out: list[Structure] = []
    for k, (parent, style, ordinal, first) in enumerate(firsts):
        if ordinal != 1:
            continue
        parts = [first]
        for p_parent, p_style, p_ordinal, n in firsts[k + 1:]:
            if (p_parent, p_style, p_ordinal) != (parent, style, len(parts) + 1):
                break
            parts.append(n)
        if len(parts) < 2 or not all(same_measure(p, first) for p in parts):
            continue
        i = bisect.bisect_left(order, first.sentence_start)
        prev = [n for n in _figures(by_sentence[order[i - 1]]) if not n.change and same_measure(n, first)
                and (n.section or "") == parent] if i else []
        if not prev or first.sentence_start - (prev[0].sentence_start + len(prev[0].sentence.rstrip())) > _SECTION_GAP:
            continue
        out.append(Structure(_total_of(prev, parts), tuple(parts), "eq", "sections", unsure=True))
    return out


#: the heading of a list of names with its count: 全国一等奖获奖名单(3人), 二等奖获得者（共10名）
_ROSTER = regex.compile(r"^[\s\u3000]*[^，,。；;：:]{1,30}?(?:名单|获得者|获奖者|获奖人员)[\s\u3000]*"
                        r"[（(][\s\u3000]*(?:共|计)?[\s\u3000]*\d{1,5}[\s\u3000]*(?:人|名|位)[\s\u3000]*[）)][\s\u3000]*$")
#: a figure counting winners: its sentence says they won (荣获, 获得, 获奖)
_WON = regex.compile(r"获奖|荣获|获得|斩获")
_LEVEL_WORD = regex.compile(r"[一二三四五六七八九]等奖|金奖|银奖|铜奖|优秀奖|特等奖")


def roster_counts(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """Headings of name lists with their counts, one after the other (全国一等奖获奖名单(3人) /
    全国二等奖获奖名单(10人) / …), as parts of the count of winners the text states first (27名学生荣获…).
    Nothing but the arithmetic says the lists are all of them, so the sum is kept only when it adds up."""
    order = sorted(by_sentence)
    runs: list[list[Num]] = []
    last = -2
    for i, ss in enumerate(order):
        members = by_sentence[ss]
        if len(members) == 1 and members[0].kind == "headcount" and _ROSTER.match(members[0].sentence):
            if last == i - 1 and runs:
                runs[-1].append(members[0])
            else:
                runs.append([members[0]])
            last = i
    out: list[Structure] = []
    for run in runs:
        if len(run) < 2:
            continue
        before = [n for ss in order if ss < run[0].sentence_start for n in by_sentence[ss]
                  if same_measure(n, run[0]) and not n.change and _WON.search(n.sentence)
                  and not _LEVEL_WORD.search(n.label or "")]
        if before:
            out.append(Structure(before[0], tuple(run), "eq", "roster", unsure=True))
    return out
