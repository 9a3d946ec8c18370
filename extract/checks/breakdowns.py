"""Breakdowns a report states without 其中/包括 after its total (structures.py reads those).

* ``parallel``: a 其中 list whose items each carry one figure per total
  (交易金额6581万元，节约建设资金514万元；其中：房屋市政类…交易额6125万元，节约金额486万元；交通类…);
* ``classified``: a classification sentence (分产业看：…, 按消费形态分，…, 从三次产业看，…) lists the
  parts of the total stated just before it (same kind, unit and period);
* ``totals_after``: the total comes last (A支出316.38万元，B支出2419.45万元，总支出2939.83万元;
  X亿元。加上A亿元，B亿元，…总收入T亿元);
* ``shares_of``: parts that say what they are a share of (工资福利支出905709.06元，占基本支出预算79.89%).

Every form is grammar about how such reports are written, never a document's wording.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from ..rules import Rules
from .figures import CLASSIFY as _CLASSIFY
from .figures import Num, Structure, depth_at, same_measure, signature

_ITEM = regex.compile(r"[；;]")
# the words before a total stated last: 总支出, 总收入预计为, 收入合计, 合计
_TOTAL_WORDS = regex.compile(r"(?P<before>[\p{Han}]{0,2}?)(?P<total>总收入|总支出|总投资|总计|合计|共计|总额)"
                             r"[\p{Han}]{0,4}?[为是达：:]?[\s\u3000约]*$")
_CLAUSE_SPLIT = regex.compile(r"[，,；;。：:]")
_PLUS = regex.compile(r"(?:^|[，,。；;])[\s\u3000]*(?:再)?加上")
# a part naming its whole right after its figure: …905709.06元，占基本支出预算79.89% (rates.py checks the share)
SHARE_OF = r"[\s\u3000]*[，,]?[\s\u3000]*占(?P<whole>[^\d%，,。；;（(\n]{2,16}?)(?:的?比重|的)?[\s\u3000]*"
_SHARE = regex.compile(SHARE_OF + r"[\d%，,。；;]")


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def _related(a: str, b: str) -> bool:
    """Two labels name the same measure (交易金额 / 交易额, 节约建设资金 / 节约金额)."""
    return bool(a and b and (a in b or b in a or _bigrams(a) & _bigrams(b)))


def _bare(label: str) -> str:
    """A label without the verb of its statement (完成, 实现, 累计), which any two figures share."""
    return regex.sub(r"(?:累计)?(?:完成|实现|达到|为|完)$", "", label or "")


def _levels(members: Sequence[Num]) -> list[Num]:
    return [n for n in members if not n.change]


def parallel(marker: regex.Match[str], after: Sequence[Num], members: Sequence[Num], sentence: str, ss: int,
             depth: int, rules: Rules) -> list[Structure]:
    """One structure per total when every ；-item after the marker holds one figure per total."""
    rel = marker.end()
    bounds = [rel] + [m.end() for m in _ITEM.finditer(sentence, rel)] + [len(sentence) + 1]
    items: list[list[Num]] = []
    for a, b in zip(bounds, bounds[1:]):
        got = [n for n in _levels(after) if a <= n.start - ss < b]
        if got:
            items.append(got)
    if len(items) < 2:
        return []
    k = len(items[0])
    if k < 2 or any(len(it) != k for it in items):
        return []
    before = [n for n in _levels(members) if n.end - ss <= marker.start() and depth_at(sentence, n.start - ss) == depth]
    if len(before) < k:
        return []
    totals = before[-k:]
    out = []
    for j, total in enumerate(totals):
        parts = tuple(it[j] for it in items)
        if not all(same_measure(p, total) and _related(p.label, total.label) for p in parts):
            return []
        relation = "le" if marker.group() in rules.partial_markers else "eq"
        out.append(Structure(total, parts, relation, marker.group()))
    return out


def _period_ok(total: Num, periods: tuple[str, ...]) -> bool:
    return not periods or not total.periods or bool(set(total.periods) & set(periods))


def classified(by_sentence: dict[int, list[Num]], nums: Sequence[Num], rules: Rules) -> list[Structure]:
    """分产业看：第一产业4.41亿元…；第二产业…；第三产业…: parts of the total stated just before."""
    out: list[Structure] = []
    used: set[str] = set()
    levels = [n for n in nums if n.source == "text" and not n.change]
    for ss in sorted(by_sentence):
        members = _levels(by_sentence[ss])
        if not members or not _CLASSIFY.match(members[0].sentence):
            continue
        sentence = members[0].sentence
        first = members[0]
        bounds = [0] + [m.end() for m in _ITEM.finditer(sentence)] + [len(sentence) + 1]
        parts: list[Num] = []
        for a, b in zip(bounds, bounds[1:]):
            got = [n for n in members if a <= n.start - ss < b and same_measure(n, first)]
            if got:
                parts.append(got[0])
        if len(bounds) == 2:
            parts = [n for n in members if same_measure(n, first)]
        if len(parts) < 2 or signature(members, ss) is not None:
            continue  # 从收入结构看，A当月…；累计…: one subject's periods, read by period_rows
        cands = [n for n in levels if n.end <= ss and n.start >= ss - 800 and same_measure(n, first)
                 and n.section == first.section and n.fact_id not in used and _period_ok(n, first.periods)]
        concepts = {rules.concept(p.label) for p in parts}
        for ident in rules.identities:
            if concepts <= {*ident.parts, *ident.optional} and set(ident.parts) <= concepts:
                named = [n for n in cands if rules.concept(n.label) == ident.total]
                cands = named or cands
        if not cands:
            continue
        # the total is the latest figure that names what the parts name (全旗公共财政预算支出29.48亿元，
        # 兑付上级专项资金2.23亿元。分支出级次看，旗本级公共财政预算支出…), else the latest
        named = [n for n in cands if all(_related(_bare(n.label), _bare(p.label)) for p in parts)]
        used.update(p.fact_id for p in parts)
        # a classification that ends the text before its sentence ends (…下降8%；) was cut there (an
        # excerpt): its items are parts, perhaps not all
        cut = ss == max(n.sentence_start for n in levels) and sentence.rstrip()[-1:] not in "。！？!?"
        out.append(Structure((named or cands)[-1], tuple(parts), "le" if cut else "eq", "classification"))
    return out


def _total_head(clause: str) -> str | None:
    """What a total stated last totals, from the words before it: 总支出 -> 支出, 收入合计 -> 收入,
    合计 -> '' (anything); None when the clause does not state a total.

    >>> _total_head("总支出"), _total_head("2023年一般公共预算总收入预计为"), _total_head("收入合计"), _total_head("支出")
    ('支出', '收入', '收入', None)
    """
    m = _TOTAL_WORDS.search(clause)
    if not m:
        return None
    word = m.group("total")
    if word.startswith("总") and word not in ("总计", "总额"):
        return word[1:]
    return m.group("before")


def totals_after(by_sentence: dict[int, list[Num]], nums: Sequence[Num], rules: Rules) -> list[Structure]:
    """A total stated after its parts: …A支出X，B支出Y，总支出Z; X。加上A，B，…总收入T.

    A running sum (加上…，减…后，收入总计T) starts from the figure before its first 加: in the
    sentence, or, when 加上 opens it, the first figure of the statement before — not of a 其中
    sentence that breaks that figure down (…收入完成16.75亿元。其中：税收8.37亿元…。加上…). A
    sub-total on the way (…转贷收入18195万元，一般预算总收入468222万元，加上年结余…，收入总计…)
    starts the sum again; what a 减 clause takes away counts negative."""
    out: list[Structure] = []
    order = sorted(by_sentence)
    for i, ss in enumerate(order):
        members = [n for n in _levels(by_sentence[ss]) if depth_at(n.sentence, n.start - ss) == 0]
        sentence = members[0].sentence if members else ""
        subtotals: list[Num] = []
        for j, total in enumerate(members):
            head = _total_head(_CLAUSE_SPLIT.split(sentence[:total.start - ss])[-1]) if j else None
            plus = _PLUS.search(sentence, 0, total.start - ss)
            if head is None and not (plus and j == len(members) - 1):
                continue
            earlier = [n for n in members[:j] if same_measure(n, total)]
            minus: set[str] = set()
            if plus:
                since = next((t for t in reversed(subtotals) if same_measure(t, total)), None)
                if since is not None and since.start - ss >= plus.start():
                    parts = [since, *(n for n in earlier if n.start > since.start)]
                else:
                    parts = [n for n in earlier if n.start - ss >= plus.end()]
                    lead = [n for n in earlier if n.start - ss < plus.start()]
                    if lead:
                        parts = [lead[-1], *parts]
                    elif plus.start() == 0 and i > 0:
                        parts = _statement_before(by_sentence, order, i, total, rules)[:1] + parts
                if head is None and not (parts and _restates(parts[0].label, total.label)):
                    continue  # the last figure is the sum's result only when it names what the sum started from
                prev_end = parts[0].end if parts else 0
                for n in parts[1:]:
                    if _MINUS.match(_clause_before(sentence, n, prev_end - ss)):
                        minus.add(n.fact_id)
                    prev_end = n.end
            else:
                if rules.part_marker.search(sentence, 0, total.start - ss):
                    continue  # a 其中 list before: that structure is read by structures.py
                parts = [n for n in earlier if not head or head in n.label]
                if len(parts) != len(earlier):
                    # 收入A，支出B，总收入C: parts that do not all name what the total totals
                    # (…上解上级支出3370万元，安排预算稳定调节基金731万元，支出总计…) are its parts only if they add up
                    if len(earlier) >= 3 and len(parts) * 2 > len(earlier):
                        out.append(Structure(total, tuple(earlier), "eq", "total-after", unsure=True))
                    continue
            if plus and len(parts) >= 3 and (mark := rules.part_marker.search(
                    sentence, parts[1].end - ss, total.start - ss)):
                # 加上级转移支付收入1884万元，其中：一般转移支付收入1478万元…，上年结转结余60万元，…收入合计:
                # the figures after a 其中 break a term down, and the text does not say where that
                # list ends and the sum goes on; each reading is kept only when it adds up
                inner = [n for n in parts if n.start - ss > mark.start()]
                for k in range(len(inner) + 1):
                    kept = [n for n in parts if n not in inner[:k]]
                    if len(kept) >= 2:
                        out.append(Structure(total, tuple(kept), "eq", "加上", minus=frozenset(minus), unsure=True))
                subtotals.append(total)
                continue
            if len(parts) >= 2:
                out.append(Structure(total, tuple(parts), "eq", "加上" if plus else "total-after",
                                     minus=frozenset(minus)))
                subtotals.append(total)
    return out


def _restates(start: str, result: str) -> bool:
    """A running sum's last figure names what it started from, so it is its result (…可用资金为
    23173.15万元。…加上上年结余1728.62万元，全年一般公共预算可用资金为24901.77万元).

    >>> _restates("一般公共预算可用资金", "一般公共预算可用资金"), _restates("一般公共预算收入", "结余")
    (True, False)
    """
    start, result = regex.sub(r"^(?:加上|加|减)", "", start), regex.sub(r"^(?:全年|全部|当年|本年)", "", result)
    return len(result) >= 2 and len(start) >= 2 and (start in result or result in start)


# a term a running sum takes away: 减调出资金等8亿元, 减去债务还本支出…
_MINUS = regex.compile(r"^[\s\u3000]*(?:再)?减(?:去|除)?(?!少)")


def _statement_before(by_sentence: dict[int, list[Num]], order: Sequence[int], i: int, like: Num,
                      rules: Rules) -> list[Num]:
    """The figures of ``like``'s measure in the statement before sentence ``order[i]``: the nearest
    sentence before it that does not open with a part marker (其中、包括: a breakdown of it)."""
    for k in range(i - 1, max(-1, i - 6), -1):
        figures = [n for n in _levels(by_sentence[order[k]]) if same_measure(n, like)
                   and depth_at(n.sentence, n.start - n.sentence_start) == 0]
        if not figures:
            continue
        if _OPENS_PARTS.match(figures[0].sentence) or rules.part_marker.match(figures[0].sentence.lstrip(" \u3000")):
            continue
        return figures
    return []


_OPENS_PARTS = regex.compile(r"^[\s\u3000]*(?:其中|包括)")


def shares_of(nums: Sequence[Num], rules: Rules) -> list[Structure]:
    """Parts that name their whole: 工资福利支出905709.06元，占基本支出预算79.89%；商品和服务支出…占基本支出…"""
    groups: dict[tuple[str, str], list[Num]] = {}
    for n in nums:
        if n.source != "text" or n.change or n.kind != "amount":
            continue
        m = _SHARE.match(n.sentence, n.end - n.sentence_start)
        if m:
            whole = rules.concept(m.group("whole")) or m.group("whole")
            groups.setdefault((whole, n.section), []).append(n)
    out: list[Structure] = []
    for (whole, _section), parts in groups.items():
        if len(parts) < 2:
            continue
        totals = [n for n in nums if n.source == "text" and not n.change and same_measure(n, parts[0])
                  and n not in parts and (rules.concept(n.label) or n.label) == whole]
        if not totals:
            continue
        concepts = {rules.concept(p.label) for p in parts}
        exact = any(i.total == whole and concepts == set(i.parts) for i in rules.identities)
        # the whole they name is the one stated last before them (2. 项目支出469500元…。其中：工资福利支出12000元，
        # 占项目支出预算2.56%…), not an earlier 项目支出 of another line (机构运行…，其中…项目支出0元)
        before = [n for n in totals if n.start < parts[0].start]
        out.append(Structure(before[-1] if before else totals[0], tuple(parts), "eq" if exact else "le", "占"))
    return out


# the base a change is measured against, from the words before it: 较上年减少, 比年初预算数增加, 与上年相比增长
# (the base's own level may stand between: 较上年1174万元减少40万元 is a change against 上年)
# (and a base may name its year: 比2021年预算减少4万元)
_BASE = regex.compile(r"(?:比|较|与)(?P<base>(?:(?:19|20)\d{2}年度?)?[^，,；;。：:\d]{0,10}?)(?:\d[\d,.]*[\s\u3000]*(?:万亿|亿|万|千)?(?:元|人次|人|个)?)?"
                      r"(?:相比|对比)?[\s\u3000]*(?:增加|减少|增长|下降|提高|降低|上升|压减|节约|增|减)[了\s\u3000约]*$")
_BASE_DROP = regex.compile(r"[数的\s\u3000]")


def base_of(n: Num) -> str:
    """What a change is measured against (上年, 年初预算, 2016年决算), from the words before it."""
    rel = n.start - n.sentence_start
    clause = _CLAUSE_SPLIT.split(n.sentence[max(0, rel - 40):rel])[-1]
    m = _BASE.search(clause)
    return _BASE_DROP.sub("", m.group("base")) if m else ""


def change_breakdowns(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """A change and the changes of its parts after 其中/包括, against the same base:
    比上年减少5万元，其中：公务接待费减少2万元，公务用车运行费减少3万元 (a total fall and the falls
    it is made of); a change against last year is never paired with one against the budget."""
    out: list[Structure] = []
    for ss, members in by_sentence.items():
        changes = [n for n in members if n.change]
        if len(changes) < 2:
            continue
        sentence = members[0].sentence
        markers = list(rules.part_marker.finditer(sentence))
        for i, m in enumerate(markers):
            depth = depth_at(sentence, m.start())
            nxt = markers[i + 1].start() if i + 1 < len(markers) else len(sentence)
            level = [n for n in changes if depth_at(sentence, n.start - ss) == depth]
            after = [n for n in level if m.start() <= n.start - ss < nxt]
            before = [n for n in level if n.end - ss <= m.start()]
            if not after or not before:
                continue
            # a part that names no base (其中：教育支出增加80万元) is measured against the total's
            inherit = base_of(before[-1])
            bases = {n.fact_id: base_of(n) or inherit for n in after}
            for base in dict.fromkeys(bases.values()):
                parts = [n for n in after if bases[n.fact_id] == base and same_measure(n, after[0])]
                totals = [n for n in before if base_of(n) == base and same_measure(n, after[0])]
                if parts and totals:
                    relation = "le" if m.group() in rules.partial_markers else "eq"
                    out.append(Structure(totals[-1], tuple(parts), relation, m.group(), signed=True))
    return out


def subject_run(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """A sentence whose first figure is followed by a run of figures of the same measure and no
    word that says they are its parts (在职人员81人，专业技术人员57人、管理人员1人，工勤人员23人):
    kept only when they add up (``unsure``), since nothing but the arithmetic says so."""
    out: list[Structure] = []
    for ss, members in by_sentence.items():
        levels = [n for n in _levels(members) if depth_at(n.sentence, n.start - ss) == 0]
        if len(levels) < 3 or rules.part_marker.search(levels[0].sentence):
            continue
        total, rest = levels[0], levels[1:]
        if all(same_measure(n, total) for n in rest):
            out.append(Structure(total, tuple(rest), "eq", "run", unsure=True))
    return out


# a balance: what comes in, what goes out, what is left (收入…，加上年结余…，减上解支出…，支出…，年终结余…)
_BALANCE_END = regex.compile(r"(?:年终|滚存|累计|净)?结余|结转下年|结转(?:至|到)?下年度?|收支相抵[^，,。；;]{0,6}")
_CARRIED_IN = regex.compile(r"上年(?:度)?(?:结余|结转)|年初结余|以前年度结余")
_OUT = regex.compile(r"减(?:去|少|除)?|上解|调出|支出|安排|偿还|拨付")
_CLAUSE_HEAD = regex.compile(r"[，,；;。：:]")


def balances(by_sentence: dict[int, list[Num]], rules: Rules) -> list[Structure]:
    """收入 + 上年结余 + 调入 − 上解 − 支出 = 年终结余 in one sentence: every figure before the balance
    counts, the first as what the account holds, then + or − by the words of its clause (减, 上解,
    调出, 支出 go out; 加, 上年结余, 调入, 补助 come in); 收入X，支出Y，收支相抵，结余Z likewise.
    Only a sentence that says both what goes out and what is left is read this way. A sentence of
    several accounts, one per ；-statement (…年终结转结余22389万元；政府性基金预算收入总量…), gives one
    balance per statement; a sentence none of whose statements holds one is read whole."""
    out: list[Structure] = []
    for ss, members in by_sentence.items():
        every = [n for n in _levels(members) if depth_at(n.sentence, n.start - ss) == 0]
        if len(every) < 3:
            continue
        sentence = every[0].sentence
        cuts = [0] + [m.end() for m in _ITEM.finditer(sentence) if depth_at(sentence, m.start()) == 0] + [len(sentence)]
        found = [st for a, b in zip(cuts, cuts[1:])
                 if (st := _balance([n for n in every if a <= n.start - ss < b], sentence, ss))]
        if not found and len(cuts) > 2:
            found = [st for st in [_balance(every, sentence, ss)] if st]
        out.extend(st for st in found if st is not None)
    return out


def _balance(levels: list[Num], sentence: str, ss: int) -> Structure | None:
    """The balance among one statement's figures, if it states one (see :func:`balances`)."""
    if len(levels) < 3:
        return None
    # what is left: the first figure named as a balance after two terms (…滚存结余7546万元，减结转
    # 下年支出7546万元，净结余为零: what goes on is a further step, not the balance)
    for k in range(2, len(levels)):
        head = _clause_before(sentence, levels[k], levels[k - 1].end - ss)
        if _BALANCE_END.search(head) and not _CARRIED_IN.search(head) and not _MINUS.match(head):
            break
    else:
        return None
    last = levels[k]
    terms = [n for n in levels[:k] if same_measure(n, last)]
    if len(terms) < 2 or len(terms) != k:
        return None  # a figure of another measure in between: not one account
    minus: set[str] = set()
    prev_end = levels[0].sentence_start
    for n in terms:
        clause = _clause_before(sentence, n, prev_end - ss)
        if n is not terms[0] and _OUT.search(clause) and not _CARRIED_IN.search(clause):
            minus.add(n.fact_id)
        prev_end = n.end
    if not minus:
        return None
    outs = terms[1:]
    if len(minus) == len(outs) >= 2 and _WHOLE.search(_clause_before(sentence, terms[0], 0)) and not any(
            _WHOLE.search(_clause_before(sentence, n, m.end - ss)) for m, n in zip(terms, outs)):
        # 收入总量572196万元，…，支出474555万元、上解上级支出8918万元…，年终结转结余22389万元: all that
        # came in, then uses named one by one — not always all of them (安排预算稳定调节基金 often goes
        # unnamed) — and what is left: together at most the whole (one 支出, or a 支出总计, is all of them)
        return Structure(terms[0], (*terms[1:], last), "le", "balance")
    if len(minus) == len(outs):  # 收入总计X，减支出总计Y，滚存结余Z: X = Y + Z, as a reader writes it
        return Structure(terms[0], (*outs, last), "eq", "balance")
    return Structure(last, tuple(terms), "eq", "balance", minus=frozenset(minus))


#: the name of all an account took in (收入总量, 收入总计, 收入合计): a balance's first term as a whole
_WHOLE = regex.compile(r"总量|总计|合计")


def _clause_before(sentence: str, n: Num, since: int) -> str:
    """The words between the figure before ``n`` (at ``since``) and ``n``: its clause's head."""
    text = sentence[max(0, since):n.start - n.sentence_start]
    return _CLAUSE_HEAD.split(text)[-1] if _CLAUSE_HEAD.search(text) else text

