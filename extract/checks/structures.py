"""Discover the arithmetic a report states: a total followed by its parts.

Forms (markers in patterns/identities.yaml ``part_markers``)::

    收入总计181.92万元，包括一般公共预算财政拨款收入169.77万元，其他收入12.15万元   exhaustive: eq
    实有在编人员共14人，其中在职14人，退休4人                                       partial:    le
    3、项目经费52.42万元，…。…其中科普活动工作经费15.0万元，…                       total earlier in the section
    现有人员1894人,其中局本级187人(在职在编139人、退休人员8人、协管员40人)            nested parentheses

The total is the nearest figure of the same kind and unit before the marker in
the same sentence, else the first such figure of the same (list-item)
section. Parts are the figures of that kind and unit after the marker, at the
marker's bracket depth, up to the next marker or the end of the sentence; a
bracketed list right after a part is that part's own breakdown.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from .breakdowns import balances, change_breakdowns, classified, parallel, shares_of, subject_run, totals_after
from .figures import CLOSE, OPEN, Num, Structure, concept_of, depth_at, rate_base, same_measure, signature, \
    statement_of
from .leftovers import balances_across
from .lists import item_lists, made_of, opening_lists, per_head, roster_counts, section_lists, sums_above
from .periods import period_rows
from ..rules import Rules

_CLAUSE = regex.compile(r"[，,；;、]")
_STATEMENT_END = regex.compile(r"[；;]")


_CLAUSE_END = regex.compile(r"[。；;]")
_ETC_END = regex.compile(r"等(?:[。；;，,]|$)")


def _relation(marker: str, sentence: str, mpos: int, rules: Rules) -> str:
    if marker in rules.partial_markers:
        return "le"
    tail = sentence[mpos:]
    end = _CLAUSE_END.search(tail)
    clause = tail[: end.start()] if end else tail
    if "主要" in sentence[max(0, mpos - 2):mpos] or _ETC_END.search(clause):
        return "le"
    return "eq"


_COMMA = regex.compile(r"[，,；;]")
#: a list's own subject right before its marker, a side of an account without a figure (收入包括：, 支出包括：)
_SIDE = regex.compile(r"[\p{Han}]{0,4}(?:收入|支出)")
#: a clause naming a total (支出总计, 收入合计, 共计): after a ；it opens a statement of its own
_TOTAL_NAMED = regex.compile(r"总计|合计|共计|总额|总数")
#: the words of a sum's result: a clause naming one ends a 其中 list before it (…基金调入103万元，收入合计为6449万元)
_SUM_NAMED = regex.compile(r"总计|合计")
#: a term of a running sum (…4402万元，加上级转移支付收入1884万元，其中：…): a figure of its own, which a 其中
#: after it breaks down, though it follows another figure
_PLUS_TERM = regex.compile(r"[，,][\s\u3000]*(?:再)?加(?:上)?")


class _Marker:
    """Part markers written one after the other (其中包括, 其中：包括) as one: the list's intro, read
    with the first word's meaning (其中: a subset); the list starts after the last."""

    def __init__(self, first: regex.Match[str], last: regex.Match[str]) -> None:
        self._start, self._end, self._word = first.start(), last.end(), first.group()

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._word


def _merged(sentence: str, found: list[regex.Match[str]]) -> list[_Marker]:
    out: list[_Marker] = []
    first: regex.Match[str] | None = None
    for k, m in enumerate(found):
        first = first or m
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and not sentence[m.end():nxt.start()].strip(" ：:，,\u3000"):
            continue
        out.append(_Marker(first, m))
        first = None
    return out


def _bracket_breakdowns(part: Num, nums: Sequence[Num], sentence: str) -> list[Structure]:
    """A part followed directly by a bracketed list of same-kind figures: its own breakdown.

    A list joined by 、 that goes on after a comma (含A166万元、B968万元、C212万元，专项转移支付收入406万元)
    may end at the comma (the last a sibling of the part, its bracket misplaced) or run on: each
    reading is kept only when it adds up."""
    rel_end = part.end - part.sentence_start
    rest = sentence[rel_end:]
    if not rest or rest[0] not in OPEN:
        return []
    close = 0
    depth = 0
    for i, ch in enumerate(rest):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                close = i
                break
    if not close:
        return []
    lo, hi = part.end, part.end + close
    base = depth_at(sentence, rel_end) + 1
    inner = [n for n in nums if lo < n.start < hi and same_measure(n, part)
             and depth_at(sentence, n.start - n.sentence_start) == base]
    if not inner:
        return []
    head = rest[1:1 + 3]
    if len(inner) < 2 and not head.startswith(("其中", "含")):
        return []  # 人民币贰佰元（RMB200.00）: the same figure restated, not a breakdown
    relation = "le" if head.startswith(("其中", "含")) or len(inner) < 2 else "eq"
    seps = [sentence[a.end - a.sentence_start:b.start - b.sentence_start] for a, b in zip(inner, inner[1:])]
    cut = next((k for k, sep in enumerate(seps) if "、" not in sep and _COMMA.search(sep)), None)
    if seps and "、" in seps[0] and cut is not None:
        return [Structure(part, tuple(inner), relation, "()", unsure=True),
                Structure(part, tuple(inner[:cut + 1]), relation, "()", unsure=True)]
    return [Structure(part, tuple(inner), relation, "()")]


#: the two sides of one kind of account: a part named by the other side than its total is that total's
#: sibling, and the list of parts ended before it (存款余额…，其中住户存款…；各项贷款余额…: loans are not
#: part of deposits; 社会消费品零售总额…，其中限额以上零售额…，批发业销售额…: wholesale sales are no retail)
_CONTRASTS = (("收入", "支出"), ("存款", "贷款"), ("零售", "批发"))


def _contrasts(total: str, part: str) -> bool:
    """Whether a part's label names the other side of its total's account.

    >>> _contrasts("金融机构存款余额", "各项贷款余额"), _contrasts("一般公共预算收入", "税收收入")
    (True, False)
    >>> _contrasts("支出总计", "中央补助收入安排的支出")  # names both sides: no verdict
    False
    """
    return any(a in total and b not in total and b in part and a not in part
               for x, y in _CONTRASTS for a, b in ((x, y), (y, x)))


#: retired staff, and the words that count them with those serving (在职…，退休…; 离退休人员)
_RETIRED = regex.compile(r"退休|离休")
_STATUS = regex.compile(r"在职|在岗|退休|离休")


def _unopened(sentence: str, start: int, end: int) -> bool:
    """A bracket closed between ``start`` and ``end`` that was not opened there: a publisher wrote a list in
    brackets and left out the opening one (…7.71亿元，其中：税收收入5.93亿元、非税收入1.78亿元)、上级补助收入…).

    >>> _unopened("其中：A1元、B2元)、C3元", 0, 12), _unopened("其中：A1元(含D1元)、C3元", 0, 13)
    (True, False)
    """
    depth = 0
    for ch in sentence[start:end]:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


def _retired(label: str) -> bool:
    """A part that counts retired staff (people, not 离退休干部用车): after parts by grade or post (副高级职称4人，…，中级工1人，退休职工28人) it is
    a sibling of the serving staff the total counts, unless the total or a part before it names a status
    (在职14人，退休4人; 离退休人员).

    >>> _retired("退休职工"), _retired("中级职称")
    (True, False)
    """
    return bool(_RETIRED.search(label))


def _siblings(total: str, part: str, rules: Rules) -> bool:
    """Whether a part's label names a sibling of its total: both are parts of one known identity and the
    part is none of the total's own (…其中，因公出国（境）费0万元；公务用车购置及运行维护费8.1万元，其中公务用车
    运行维护费8.1万元；公务接待费4.5万元: 公务接待费 is the next item of the outer list, not a car cost).
    The list of parts ended before it, as before the other side of an account (:func:`_contrasts`)."""
    ct, cp = concept_of(total, rules), concept_of(part, rules)
    if ct is None or cp is None or ct == cp:
        return False
    if any(i.total == ct and cp in (*i.parts, *i.optional) for i in rules.identities):
        return False
    return any(ct in (*i.parts, *i.optional) and cp in (*i.parts, *i.optional) for i in rules.identities)


_LEVEL = regex.compile(r"^[一二三四五六七八九1-9]级")


def _levels_not_parts(parts: Sequence[Num]) -> bool:
    """共编制15个指标，其中一级指标3个，二级指标8个，三级指标15个: parts named by level (一级, 二级 …)
    count the layers of a hierarchy, not pieces of the whole."""
    return len(parts) >= 2 and all(_LEVEL.match(p.label or "") for p in parts)


def _named_total(before: Sequence[Num], parts: Sequence[Num], rules: Rules) -> Num | None:
    """The figure before a 其中 that the parts' identity names as their total: 因公出国、公务用车、
    公务接待 are parts of 三公经费, so in …“三公”经费决算数为9663万元，预算数为13874万元…其中，因公出国…
    the total is 9663, not the budget figure printed between."""
    concepts = {concept_of(p.label, rules) for p in parts} - {None}
    if not concepts or len(before) < 2:
        return None
    for ident in rules.identities:
        if concepts <= {*ident.parts, *ident.optional}:
            named = [n for n in before if concept_of(n.label, rules) == ident.total]
            if named:
                # parts stated as 决算 belong to the 决算 total, not the 预算 figure named before it
                # (…年初预算为683.51万元，支出决算为358.18万元，其中：因公出国(境)费决算为0万元…)
                measure = {statement_of(p.label) for p in parts}
                if len(measure) == 1 and None not in measure and statement_of(named[-1].label) not in measure:
                    same = [n for n in before if statement_of(n.label) in measure]
                    if same:
                        return same[-1]
                if measure == {None} and len({statement_of(n.label) for n in named}) > 1:
                    # parts that state no measure, totals that state several (…决算数为96万元，预算数为
                    # 130万元，其中…): the parts are the sentence's subject's, its first statement
                    return named[0]
                return named[-1]
    return None


def discover(nums: Sequence[Num], rules: Rules) -> list[Structure]:
    """Every stated total/parts structure among one document's numeric facts (sorted by start)."""

    out: list[Structure] = []
    nums = [n for n in nums if not per_head(n)]  # averages and per-head figures are never summed
    by_sentence: dict[int, list[Num]] = {}
    with_changes: dict[int, list[Num]] = {}
    for n in nums:
        if n.source == "text":
            with_changes.setdefault(n.sentence_start, []).append(n)
            if not n.change:
                by_sentence.setdefault(n.sentence_start, []).append(n)
    listed = item_lists(with_changes, rules) + opening_lists(with_changes, rules)
    order = sorted(with_changes)  # every sentence with a figure, to find the one before another
    opening: dict[tuple[str, str, str], Num] = {}  # the first figure of each section and measure
    for ss in sorted(by_sentence):
        for n in by_sentence[ss]:
            opening.setdefault((n.section, n.kind, n.unit), n)
    claimed = {p.fact_id for st in listed for p in st.parts}
    for ss, members in by_sentence.items():
        sentence = members[0].sentence
        markers = _merged(sentence, list(rules.part_marker.finditer(sentence)))
        for i, m in enumerate(markers):
            mpos = ss + m.start()
            depth = depth_at(sentence, m.start())
            # the list runs to the next marker at its own depth (a bracketed 其中 inside it is a part's own)
            nxt = next((ss + k.start() for k in markers[i + 1:] if depth_at(sentence, k.start()) <= depth),
                       ss + len(sentence))
            after = [n for n in members if mpos <= n.start < nxt
                     and depth_at(sentence, n.start - ss) == depth]
            if not after:
                continue
            # the list's measure: its first money or people figure (…住房保障5类…以及…8类…的支出完成238.4亿元:
            # counts of categories name the items, they are not the parts)
            first = next((n for n in after if n.kind in ("amount", "headcount")), after[0])
            lists = parallel(m, after, members, sentence, ss, depth, rules)
            if lists:
                out.extend(lists)
                continue
            parts: list[Num] = []
            prev_end = m.end() + ss
            for n in after:
                gap = sentence[prev_end - ss:n.start - ss]
                clause = _CLAUSE.split(gap)[-1]
                prev_end = n.end
                if not same_measure(n, first):
                    continue  # 共计接待3837批次: a figure of another measure neither joins nor ends the list
                if parts and rules.part_stop.match(clause):
                    break
                if parts and _unopened(sentence, m.end(), n.start - ss):
                    break  # 其中：税收收入…、非税收入…)、上级补助收入…: the bracket the list was in closes
                if parts and (_SUM_NAMED.search(clause) or _STATEMENT_END.search(gap) and _TOTAL_NAMED.search(clause)):
                    break  # …上年结余1885万元；2023年政府性基金支出总计3319万元: a new statement's total
                parts.append(n)
            before = [n for n in members if n.end <= mpos and same_measure(n, first) and not rate_base(n)
                      and depth_at(sentence, n.start - ss) == depth]
            clause_from = max((k.end() for k in _STATEMENT_END.finditer(sentence, 0, m.start())), default=0)
            side = bool(_SIDE.fullmatch(sentence[clause_from:m.start()].strip(" ，,:：\u3000")))
            if side:  # …；支出包括：… names its own subject: a figure of the clause before is not its total
                before = [n for n in before if n.start - ss >= clause_from]
            named = _named_total(before, parts, rules)
            total = named or (before[-1] if before else None)
            if named is None and len(before) >= 2 and not _PLUS_TERM.search(
                    sentence, before[-2].end - ss, before[-1].start - ss) and not rules.part_marker.search(
                    sentence, before[-2].end - ss, before[-1].start - ss) and not _STATEMENT_END.search(
                    sentence, before[-2].end - ss, before[-1].start - ss):
                # 一等奖8个，二等奖17个，三等奖18个，其中8个…: the last item of a list is no total
                # (but after a ；a new statement starts: …200.20万元；全年支出1100.40万元，其中…)
                total = None
            lead = sentence[:m.start()].strip(" ，,:：\u3000")
            opens = not lead
            # (其中：中央资金9504.83万元、省级资金4839万元)。 a bracket of its own after the sentence of its total
            depth_opens = depth == 1 and len(lead) == 1 and lead in OPEN
            if total is None and (depth == 0 and (opens or side) or depth_opens):
                # 其中 opens the sentence: the total closes the previous one (…1234.56亿元，增长6.5%。其中，…);
                # so does a side's list after a 收支 total (收支总预算…。收入包括：…；支出包括：…), read when it adds up
                k = bisect.bisect_left(order, ss)
                prev = [n for n in by_sentence.get(order[k - 1], []) if same_measure(n, first) and not rate_base(n)
                        and n.section == first.section] if k else []
                if prev and signature(members, ss) is not None and signature(by_sentence[order[k - 1]], order[k - 1]) \
                        == signature(members, ss):
                    continue  # 其中，A当月…，累计…: one part per period of the sentence before (period_rows)
                if prev and side and not opens and not (
                        prev[-1].sentence.rstrip()[-1:] in "。；;" and "收支" in prev[-1].label):
                    prev = []  # a side's list belongs to a 收支 total that ends its sentence, not to a wrapped line
                if prev:
                    total = prev[-1]
            if total is None and depth == 0 and first.section and " > " in first.section:
                # 3、项目经费52.42万元，…。…其中…: the figure that opens the list item's section
                head = opening.get((first.section, first.kind, first.unit))
                if head is not None and head.start < mpos:
                    total = head
            if total is None and parts:
                # 分别为：基本支出30万元、项目支出20万元，合计50万元: the list's sum stated after it
                later = [n for n in members if n.start > parts[-1].start and same_measure(n, first)
                         and depth_at(sentence, n.start - ss) == depth]
                if later and _SUM_NAMED.search(_CLAUSE.split(sentence[parts[-1].end - ss:later[0].start - ss])[-1]):
                    total = later[0]
            if total is None:
                continue
            cut = next((k for k, p in enumerate(parts) if _contrasts(total.label, p.label)
                        or _siblings(total.label, p.label, rules)
                        or k and p.kind == "headcount" and _retired(p.label)
                        and not any(_STATUS.search(q.label) for q in (total, *parts[:k]))),
                       None)
            if cut is not None:  # …存款余额288.06亿元。其中住户存款208.02亿元；各项贷款余额113.71亿元
                parts = parts[:cut]
                if not parts:
                    continue
            relation = _relation(m.group(), sentence, m.start(), rules) if len(parts) > 1 else "le"
            if total.start > parts[-1].start:
                relation = "eq"  # a 合计 after the list sums what it lists
            out.append(Structure(total, tuple(parts), relation, m.group(),
                                 unsure=side and total.sentence_start != ss))
        for n in members:
            out.extend(_bracket_breakdowns(n, members, sentence))
    for ss, changed in with_changes.items():  # (a sentence may state nothing but changes)
        for n in changed:
            # 比人代会预算数增加60000万元(其中:旗本级58800万元,开发区1200万元): the bracket breaks the change
            # down; its parts may change in either direction, which the figures do not show, so it is
            # kept only when it adds up
            if n.change:
                out.extend(Structure(st.total, st.parts, st.relation, st.marker, unsure=True)
                           for st in _bracket_breakdowns(n, changed, n.sentence))
    out.extend(period_rows(with_changes, rules))
    out.extend(classified(by_sentence, nums, rules))
    out.extend(totals_after(by_sentence, nums, rules))
    out.extend(shares_of(nums, rules))
    out.extend(change_breakdowns(with_changes, rules))
    out.extend(balances(by_sentence, rules))
    totals = {st.total.fact_id for st in out} | {st.total.fact_id for st in listed}
    read = {st.total.sentence_start for st in out if st.minus}  # a balance read the sentence already
    out.extend(st for st in subject_run(by_sentence, rules)
               if st.total.fact_id not in totals and st.total.sentence_start not in read)
    # a list read whole from its numbering replaces what a single sentence of it seemed to say
    out = [st for st in out if not claimed & {p.fact_id for p in st.parts}] + listed
    # numbered sections: kept only when they add up, they replace nothing (nor repeat a numbered list)
    out += [st for st in section_lists(by_sentence, rules) if not claimed & {p.fact_id for p in st.parts}]
    out += roster_counts(by_sentence, rules)
    stated = {frozenset(p.fact_id for p in st.parts) for st in out}  # a list summed twice is checked once
    out += [st for st in (*sums_above(by_sentence, rules), *made_of(by_sentence, rules), *balances_across(by_sentence))
            if frozenset(p.fact_id for p in st.parts) not in stated]
    return [st for st in out if not _levels_not_parts(st.parts)]
