"""Awards and honours: what a sentence confers, retains or nominates, and on whom.

The vocabulary and grammar are data (patterns/awards.yaml); the rules are:

* ``award.quoted`` — a quoted title after a verb of conferring in the same clause,
  with recipients or 第N届 between (授予甲、乙等3家单位“…”; 获得第六届“…”荣誉称号);
* ``award.retained`` — 保留“…”荣誉称号 (stage ``retained``);
* ``award.named`` — an unquoted title after such a verb, ending in an honour noun
  (被评为…示范基地学校, 获先进集体表彰);
* ``award.level`` — an award level in a sentence with such a verb (获一等奖8个);
* ``award.listed`` — the honours listed after a verb that announces results
  (评选出一等奖6名、二等奖9名…, 表彰奖励15个先进单位、30名“最美乡村教师”);
* ``award.nominated`` — 推荐…为…候选对象, 拟推荐…申报… (stage ``nominated``);
* ``award.merit`` — 记集体三等功一次.

A name that is only a category (国家级荣誉称号), a placing in a ranking (全市考核第一名),
a name inside a document title (《…》) and a headline that repeats an honour conferred
in the body are not awards. The recipient is the clause before the verb (or the
recipients named between verb and title); the count is the number printed with them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from ..rules import FigureRule, Rules, alternation, compile_rule

if TYPE_CHECKING:
    from .sections import Sentences

_CLAUSE = regex.compile(r"[，,。；;！!？?\n]")
_SENTENCE_STOP = regex.compile(r"[。；;！!？?\n]")
_IN_EVENT = regex.compile(r"^在(?P<event>.+?)(?:活动)?中$")
_QUOTES = "“”\"'‘’「」『』"
_OPEN, _CLOSE = "“\"「『”", "”\"」』“"
_PREFIX = regex.compile(r"(?:第[\d一二三四五六七八九十]+届|(?:19|20)\d{2}年度?)$")
_COUNT = regex.compile(r"(?P<n>\d+)(?:个|名|家|所|位|户|项|件|篇|部|支|人)")
_LEAD_COUNT = regex.compile(r"^(?:共|等|其中)?(?P<n>\d+)(?:个|名|项|件|家|所|位|篇|部|支|户|人)?(?:单位|集体|个人|同志|团队)?")
_TAIL_COUNT = regex.compile(r"(?P<n>\d+)(?:个|名|项|件|家|所|位|篇|部|支|户|人)?(?:以上|左右)?$")
_ITEM_SPLIT = regex.compile(r"以及|[、，,和及与]")
_BOOK = regex.compile(r"《[^《》\n]{0,80}》")
# the words right after a closing quote that continue the same name (“两山”实践创新基地)
# an item that ends in the kind of honour only (…多项荣誉, 省市荣誉) names no honour of its own
_VAGUE_END = regex.compile(r"(?:荣誉称号|荣誉|称号|奖项|表彰)$")
_SHORT_LEVEL = regex.compile(r"(?P<n>[一二三特])[、和及]$")
_GENERIC_REST = regex.compile(r"(?:多|各|数|若干|一系列)(?:项|个|种)|^(?:等|各类)?(?:荣誉称号|荣誉|称号|奖项)$")
_AFTER_QUOTE = regex.compile(r"(?!(?:荣誉称号|称号|荣誉|奖牌|奖杯|证书|表彰|奖励|奖金|等|和|及|与))[\p{Han}]{1,12}?"
                             r"(?=[，,。；;、：:\s（(“]|和|及|与|等|$)")


@dataclass(frozen=True)
class AwardRules:
    """The compiled grammar of patterns/awards.yaml."""

    rules: dict[str, FigureRule]
    verbs: regex.Pattern[str]
    quoted: regex.Pattern[str]
    named: regex.Pattern[str]
    level: regex.Pattern[str]
    result_verbs: regex.Pattern[str]
    commend_verbs: regex.Pattern[str]
    named_item: regex.Pattern[str]
    head_end: regex.Pattern[str]
    list_item: regex.Pattern[str]
    nominated_as: regex.Pattern[str]
    nominate_verbs: regex.Pattern[str]
    applied_for: regex.Pattern[str]
    merit: regex.Pattern[str]
    generic: regex.Pattern[str]
    tails: regex.Pattern[str]
    ranking: regex.Pattern[str]
    retain: frozenset[str]
    count_after: regex.Pattern[str]
    count_before: regex.Pattern[str]
    event: regex.Pattern[str]


def award_rules(rules: Rules) -> AwardRules:
    """The award grammar of a rule set, compiled once (the rule loader hands over the raw file)."""
    return rules.derived("awards", _compile_award_rules)


def _compile_award_rules(r: Rules) -> AwardRules:
    """Compile the award vocabulary of patterns/awards.yaml."""
    aw, rules, alt, comp = r.award_data, r.award_figures, alternation, compile_rule
    where = "awards.yaml"
    verb = rf"(?:{alt(aw['verbs'])})(?!{alt(aw['verb_not_before'])})"
    retain = alt(aw["retain_verbs"])
    heads = alt(aw["heads"])
    tails = alt(aw["tails"])
    no_quote = "“”\"「」『』《》"
    return AwardRules(
        rules=rules,
        verbs=comp(verb, where),
        quoted=comp(
            rf"(?P<verb>{verb}|{retain})了?(?P<between>[^，,。；;！!？?\n{no_quote}]{{0,80}}?)"
            rf"[{_OPEN}](?P<name>[^{no_quote}\n]{{2,40}}?)[{_CLOSE}](?P<tail>{tails})?", where),
        named=comp(
            rf"(?P<verb>{verb})了?(?![评得选授]|\d+[个项次名人家所])"
            rf"(?P<name>[^，,。；;、：:{no_quote}()（）\s的和]{{0,30}}?{heads})"
            rf"(?=[，,。；;、\s]|表彰|$)", where),
        level=comp(rf"(?P<name>{aw['levels']})", where),
        result_verbs=comp(alt(aw["result_verbs"]) + "了?", where),
        commend_verbs=comp(alt(aw["commend_verbs"]) + "了?", where),
        named_item=comp(rf"[\p{{Han}}A-Za-z0-9]{{1,16}}?{heads}", where),
        head_end=comp(rf"{heads}$", where),
        list_item=comp(aw["list_item"], where),
        nominated_as=comp(
            rf"{alt(aw['nominate_verbs'])}[^，,。；;]{{0,30}}?为(?P<name>[^，,。；;{no_quote}为]{{2,30}}?{heads})"
            rf"(?:{alt(aw['nominee_nouns'])})", where),
        nominate_verbs=comp(alt(aw["apply_nominate_verbs"]), where),
        applied_for=comp(rf"{alt(aw['apply_verbs'])}(?P<name>[^，,。；;、{no_quote}]{{2,30}}?{heads})(?=[，,。；;、]|$)", where),
        merit=comp(aw["merit"], where),
        generic=comp(aw["generic"], where),
        tails=comp(f"{tails}$", where),
        ranking=comp(alt(aw["ranking_words"]), where),
        retain=frozenset(aw["retain_verbs"]),
        count_after=comp(r"^(?:[\u4e00-\u9fff]{0,4}?)(?P<n>\d+)(?:个|项|名|篇|件|部|次|人)", where),
        count_before=comp(r"(?P<n>\d+)(?:个|项|名|篇|件|部|次)$", where),
        event=comp(rf"(?:参加|参与|参赛|在)(?P<event>[^，,。；;、]{{2,40}}?{aw['events']})", where),
    )


@dataclass(frozen=True)
class AwardHit:
    rule: str
    start: int
    end: int
    name: str
    count: int | None
    subject: str | None
    event: str | None
    priority: int
    stage: str = "conferred"


def _recipient(text: str, sent_start: int, verb_start: int) -> tuple[str | None, str | None]:
    """(recipient, event) from the clause before the award verb."""
    window = text[sent_start:verb_start]
    cut = None
    for m in _CLAUSE.finditer(window):
        cut = m.end()
    clause = (window[cut:] if cut is not None else window).strip()
    clause = regex.split(r"、(?=在)", clause)[-1]  # 在A中被评为“…”、在B中被授予“…”
    clause = regex.sub(r"被[^被]*$", "", clause)  # 被中国科协(授予): the granting body, not the recipient
    clause = regex.sub(r"^(?:并|还|又|先后|同时|其中|均|共|已)", "", clause)
    clause = regex.sub(r"(?:被|均|先后|共|分别|还|也|又)$", "", clause)
    ev = _IN_EVENT.match(clause)
    if ev:
        return None, ev.group("event").strip(_QUOTES)
    if not clause:
        return None, None
    return clause, None


def _count_in(words: str | None) -> int | None:
    """The number of recipients printed with them (衡水市中医院等4个单位 -> 4)."""
    last = None
    for m in _COUNT.finditer(words or ""):
        last = m
    return int(last.group("n")) if last else None


def _event(text: str, sent_start: int, pos: int, ar: AwardRules) -> str | None:
    last = None
    for m in ar.event.finditer(text, sent_start, pos):
        last = m
    return last.group("event") if last else None


def _strip_tail(name: str, ar: AwardRules) -> str:
    """第六届全国文明单位荣誉称号 -> 第六届全国文明单位 (the tail is the kind of honour, not its name)."""
    short = ar.tails.sub("", name)
    return short if short and short != name and not ar.generic.match(short) else name


def _quoted(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.quoted.finditer(text):
        between, tail = m.group("between"), m.group("tail")
        prefix = _PREFIX.search(between)
        recipients = between[: prefix.start()] if prefix else between
        # words between verb and title must name recipients (…等3家单位, …为) or be empty
        if recipients and not tail and not regex.search(r"[等、为]|\d|单位|同志|集体|个人", recipients):
            continue
        retained = m.group("verb") in ar.retain
        if retained and not tail:
            continue
        name = m.group("name").strip()
        if ar.generic.match(name):
            continue
        start = m.start("between") + prefix.start() if prefix else m.start("name")
        end = m.end("name") + (1 if prefix else 0)
        if not tail:
            # a quoted word inside a longer name: “五个一工程”奖, “科普日”活动优秀组织单位
            rest = _AFTER_QUOTE.match(text, m.end())
            if rest and not _GENERIC_REST.search(rest.group()):
                if not ar.head_end.search(rest.group()):
                    continue  # the quote names a part of something that is no honour
                name += rest.group()
                end = rest.end()
        value = (prefix.group() if prefix else "") + name
        ss, _ = sents.at(m.start())
        subj, ev = _recipient(text, ss, m.start())
        recip = recipients.strip().removesuffix("为").strip() or None
        hits.append(AwardHit("award.retained" if retained else "award.quoted", start, end, value,
                             _count_in(recip) or _count_in(subj), recip or subj, ev, 0,
                             "retained" if retained else "conferred"))
    return hits


def _named(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.named.finditer(text):
        name = _strip_tail(m.group("name"), ar)
        if len(name) < 2 or ar.generic.match(name) or ar.generic.match(m.group("name")):
            continue
        ss, _ = sents.at(m.start())
        subj, ev = _recipient(text, ss, m.start())
        hits.append(AwardHit("award.named", m.start("name"), m.start("name") + len(name), name,
                             _count_in(subj), subj, ev, 2))
    for m in ar.merit.finditer(text):
        ss, _ = sents.at(m.start())
        subj, _ev = _recipient(text, ss, m.start())
        hits.append(AwardHit("award.merit", m.start("name"), m.end("name"), m.group("name"), None, subj, None, 2))
    return hits


def _levels(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.level.finditer(text):
        ss, _ = sents.at(m.start())
        if not (ar.verbs.search(text, ss, m.start()) or ar.result_verbs.search(text, ss, m.start())):
            continue
        clause_start = max([ss] + [c.end() for c in _CLAUSE.finditer(text, ss, m.start())])
        if m.group("name").startswith("第") and ar.ranking.search(text, clause_start, m.start()):
            continue  # 全市考核第一名: a ranking
        count = None
        after = ar.count_after.match(text[m.end():m.end() + 10])
        before = ar.count_before.search(text[max(ss, m.start() - 6):m.start()])
        if after:
            count = int(after.group("n"))
        elif before:
            count = int(before.group("n"))
        hits.append(AwardHit("award.level", m.start("name"), m.end("name"), m.group("name"), count,
                             None, _event(text, ss, m.start(), ar), 1))
        short = _SHORT_LEVEL.search(text, max(ss, m.start() - 2), m.start())
        if short and m.group("name")[1:] == "等奖":  # 分获…大赛一、二等奖: the 一 is 一等奖
            hits.append(AwardHit("award.level", short.start(), short.start() + 1, short.group("n") + "等奖", None,
                                 None, _event(text, ss, m.start(), ar), 1))
    return hits


def _listed(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """Honours listed after a verb that announces results, up to the end of the sentence."""
    hits = []
    verbs = [(v, False, False) for v in ar.result_verbs.finditer(text)] + \
        [(v, True, False) for v in ar.commend_verbs.finditer(text)] + \
        [(v, False, True) for v in ar.verbs.finditer(text)]
    for v, need_count, conferred in verbs:
        ss, se = sents.at(v.start())
        stop = (_CLAUSE if conferred else _SENTENCE_STOP).search(text, v.end(), se)
        end = stop.start() if stop else se
        pos = v.end()
        for n, piece in enumerate(_ITEM_SPLIT.split(text[v.end():end])):
            p_start = text.find(piece, pos, end) if piece else pos
            pos = p_start + len(piece)
            if not piece or ar.verbs.search(piece):
                continue  # an item with its own verb (11家单位获得优秀组织奖) is read by the other rules
            lead = _LEAD_COUNT.match(piece)
            count = int(lead.group("n")) if lead and lead.group("n") else None
            core_start = lead.end() if lead else 0
            core = piece[core_start:]
            tail = _TAIL_COUNT.search(core)
            if tail and tail.start() > 0:
                count = count or int(tail.group("n"))
                core = core[: tail.start()]
            inner = core.strip(_QUOTES)
            if conferred:  # 获中国戏剧梅花奖、白玉兰奖: the items after the first (the rules above read that one)
                inner = regex.sub(r"等.*$", "", inner)
                if n == 0 or not inner or len(inner) > 16 or not ar.named_item.fullmatch(inner) \
                        or ar.generic.match(inner) or _GENERIC_REST.search(inner) or _VAGUE_END.search(inner):
                    continue
            elif not inner or len(inner) > 16 or not ar.list_item.fullmatch(inner) or ar.generic.match(inner):
                continue
            if need_count and count is None:
                continue
            s = p_start + core_start + core.find(inner)
            hits.append(AwardHit("award.listed", s, s + len(inner), inner, count, None,
                                 _event(text, ss, v.start(), ar), 1))
    return hits


def _nominated(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    hits = []
    for m in ar.nominated_as.finditer(text):
        hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), m.group("name"), None,
                             None, None, 0, "nominated"))
    for m in ar.applied_for.finditer(text):
        ss, _ = sents.at(m.start())
        if not ar.nominate_verbs.search(text, ss, m.start()):
            continue
        recip = regex.split(r"[，,。；;、]", text[ss:m.start()])[-1]
        hits.append(AwardHit("award.nominated", m.start("name"), m.end("name"), m.group("name"),
                             _count_in(recip), None, None, 0, "nominated"))
    return hits


def _title_end(text: str) -> int:
    """End of the headline block: the opening lines (at most six) before the first line that
    reads as prose (a full stop, or over 80 characters)."""
    end = 0
    for k, m in enumerate(regex.finditer(r"[^\n]*\n?", text[:2000])):
        line = m.group().strip()
        if k >= 6 or "。" in line or len(line) > 80 or not m.group():
            break
        end = m.end()
    return end


def find_awards(text: str, sents: Sentences, rules: Rules) -> list[AwardHit]:
    """Every award in the normalised ``text``; overlaps resolved longest first."""
    ar = award_rules(rules)
    hits = _quoted(text, sents, ar) + _named(text, sents, ar) + _levels(text, sents, ar) \
        + _listed(text, sents, ar) + _nominated(text, sents, ar)
    books = [(b.start(), b.end()) for b in _BOOK.finditer(text)]
    hits = [h for h in hits if not any(a <= h.start < b for a, b in books)]  # inside a document title
    hits.sort(key=lambda h: (-(h.end - h.start), h.priority, h.start))
    kept: list[AwardHit] = []
    starts: list[int] = []  # kept spans never overlap: sorted starts give sorted ends (one bisect per hit)
    ends: list[int] = []
    for h in hits:
        k = bisect.bisect_left(starts, h.end)
        if k and ends[k - 1] > h.start:
            continue
        starts.insert(k, h.start)
        ends.insert(k, h.end)
        kept.append(h)
    title_end = _title_end(text)
    body = [_key(h.name) for h in kept if h.start >= title_end]
    # a headline repeating an honour of the body (三等功 in the title, 集体三等功 in the decision)
    kept = [h for h in kept if h.start >= title_end or not any(_key(h.name) in b or b in _key(h.name) for b in body)]
    return sorted(kept, key=lambda h: h.start)


def _key(name: str) -> str:
    return "".join(ch for ch in name if ch not in _QUOTES)
