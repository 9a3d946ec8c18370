"""Honours read by a learned tagger: ``award.tagged``.

The grammar of :mod:`.awards` finds the constructions it was written for, and on texts nobody here had read
it misses a quarter to a third of the honours (the long tail of how honour reports are written). This
module reads the honours it misses with a linear-chain CRF over characters (CRFsuite, through
``python-crfsuite``), trained on the honours our annotators marked in ``benchmarks/corpus/honours_tune*``
and ``../shared/corpus/dev``, the budget texts of ``sums_tune*`` and the counter-examples of the rule files
(``benchmarks/train_tagger.py``; the model is data, ``patterns/honours.crfsuite``, rebuilt by ``make tagger``).
The held-out folders (``honours/``, ``honours_fresh*``) are never trained on: they measure it.

What the tagger sees of a character is the language the grammar is written in, read from the same files
(:func:`lexicon`): the character and its neighbours (three either side, pairs, a triple), its kind (Han,
digit, quote, punctuation), whether it stands in quotes, whether an honour head of patterns/honours.yaml
starts, covers or ends at it, and which word lists of patterns/awards.yaml (verbs of conferring, retaining,
announcing results, commending, nominating, tails such as 称号, goals, revocations, rankings …) stand on it,
shortly before or shortly after it, or anywhere in its sentence. Nothing is downloaded; the model file is
under 1 MB.

Only sentences with a trace of an honour are read (:func:`clues`: a head, a word of those lists, or
奖/称号/荣誉/等功); budget tables and figures go by untouched. A tagged span is kept when it
reads as an honour by the conventions the grammar keeps (:func:`admissible`: a word of an honour in it, no
prizes set up, no goal, no medal or prize money, no rating …) and becomes an award where no rule of the grammar
found one overlapping it; :func:`.awards.find_awards` passes it through the same filters as the rules' honours
(document titles, mood: 将/拟/撤销, trimmed edges, a headline's second mention). A tagged honour has no recipient
(the grammar's rules read those); its count is the number printed just after or before it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from ..rules import alternation
from .honours import CLAUSE, AwardHit, AwardRules, award_rules, honour_heads

if TYPE_CHECKING:
    from ..rules import Rules

__all__ = ["MODEL_FILE", "Lexicon", "admissible", "bare_ruled_out", "clues", "features", "lexicon", "segments",
           "tagged"]

MODEL_FILE = "honours.crfsuite"
RULE = "award.tagged"

# the word lists of patterns/awards.yaml the tagger reads (each a feature family)
LISTS = ("verbs", "head_verbs", "title_verbs", "retain_verbs", "result_verbs", "commend_verbs", "nominee_nouns",
         "nominate_verbs", "tails", "commend_frames", "designation_verbs", "free_words", "goal_words",
         "revoke_words", "heading_words", "not_honours", "holder_kinds", "ranking_words")
# the lists of conferring words a likely run needs before it in its sentence (:func:`_likely_kept`)
_CONFERRING = ("verbs", "head_verbs", "title_verbs", "retain_verbs", "result_verbs", "commend_verbs")
# the lists that make a sentence worth reading (with the heads and _TRACE)
CLUE_LISTS = ("verbs", "head_verbs", "title_verbs", "retain_verbs", "result_verbs", "commend_verbs",
              "nominee_nouns", "tails", "commend_frames", "designation_verbs", "heading_words")
_TRACE = regex.compile(r"奖|等功|称号|荣誉")
_SENTENCE = regex.compile(r"[^。！？!?\n]*[。！？!?\n]?")
_LONGEST = 400  # a longer sentence is read in pieces cut after a comma
_OPEN, _CLOSE = "“‘「『《\"", "”’」』》\""
_LEFT, _RIGHT = 15, 10  # how far before / after a character a listed word is felt
_QUOTES = "“”\"'‘’「」『』《》 \u3000"
_UNDER_COLON = regex.compile(r"[：:]\n$")  # a line ending in a colon: the lines after it are its list
_ITEM_LINE = 40  # a line of a list is at most this long
# a run the most likely labelling leaves out is read where each character is this likely to lie in an honour and the
# run ends in an honour head that is no everyday word (AwardRules.strong); 0.3 against 0.2 by the cross-validation
# over the tuned folders (same F1, higher precision); without the head, 0.35 read fragments and counter-examples
LIKELY = 0.3
_LIKELY_END = regex.compile(r"[^\p{Han}]|$|称号|荣誉|等|和|及|与|获得者")  # what may follow such a run
_LEAD_COUNT = regex.compile(r"\d+(?:位|名|个|项|家|所|户|人)")  # a count opening a tagged span


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary the tagger's features are made of, compiled from the rule files."""

    heads: regex.Pattern[str]
    lists: tuple[tuple[str, regex.Pattern[str]], ...]
    clue_lists: tuple[regex.Pattern[str], ...]
    name_words: regex.Pattern[str]  # a tagged name holds one of these (heads, free_words, tagger_name_words)
    not_before: regex.Pattern[str]  # in the sentence before a name: prizes set up, places shared out, a goal
    applied: regex.Pattern[str]  # just before a name: an application (参评新一届…)
    counted: regex.Pattern[str]  # just before a name: a verb and a count of the subject's own (获评5个…)
    object_verbs: frozenset[str]  # verbs whose count is of recipients (命名12个…), not the subject's
    not_after: regex.Pattern[str]  # right after a name: a medal, prize money
    bare_before: regex.Pattern[str]  # just before a name read bare: an activity, a goal, an approval (创建, 获批)
    bare_after: regex.Pattern[str]  # just after it: an activity, a description (评选活动, 是)
    bare_clause: regex.Pattern[str]  # later in its clause: the list or result it heads (名单, 揭晓)
    conferring: regex.Pattern[str]  # the words of conferring, announcing, retaining, commending (no designation)
    describes: regex.Pattern[str]  # in the sentence: it describes an honour (…的最高荣誉, 旨在)


def _alternation(words: list[str]) -> regex.Pattern[str]:
    """:func:`extract.rules.alternation` of ``words`` with repeats dropped (heads of two lists, a verb in two)."""
    return regex.compile(alternation(list(dict.fromkeys(words))))


def _build(rules: Rules) -> Lexicon:
    aw: dict[str, Any] = rules.award_data
    hon = aw["honours"]
    heads = honour_heads(hon["groups"]) + list(hon.get("plain_heads", [])) + list(hon.get("weak_heads", []))
    lists = tuple((k, _alternation(aw[k])) for k in LISTS if aw.get(k))
    return Lexicon(heads=_alternation(heads), lists=lists,
                   clue_lists=tuple(p for k, p in lists if k in CLUE_LISTS),
                   name_words=_alternation(heads + aw["free_words"] + aw["tagger_name_words"]),
                   not_before=regex.compile(aw["tagger_setup"] + "|(?:" + _alternation(aw["goal_words"]).pattern + ")被?(?:"
                                            + _alternation(aw["verbs"] + aw["head_verbs"] + aw["title_verbs"]).pattern + ")"),
                   applied=regex.compile("(?:" + _alternation(aw["apply_verbs"]).pattern + ")$"),
                   not_after=regex.compile(r"[”\"」』]?(?:[：:]?(?:" + _alternation(aw["tagger_not_after"]).pattern
                                           + r")|[：:]\s*\d[\d,.]*\s*[万千]?元)|" + aw["tagger_about"][1:]),
                   counted=regex.compile("(?P<verb>" + _alternation(aw["verbs"] + aw["head_verbs"]).pattern + r")\d+个$"),
                   object_verbs=frozenset(aw["as_verbs"]),
                   bare_before=regex.compile("(?:" + _alternation(aw["bare_not_before"]).pattern
                                             + r")(?:\d+[个项家所名批]|一批)?[“\"「『]?$"),
                   bare_after=regex.compile("[”\"」』]?(?:" + _alternation(aw["bare_not_after"]).pattern + ")"),
                   bare_clause=_alternation(aw["bare_not_in_clause"]),
                   conferring=_alternation([w for k in _CONFERRING for w in aw[k]]),
                   describes=_alternation(aw["tagger_describes"]))


def lexicon(rules: Rules) -> Lexicon:
    """The tagger's vocabulary of a rule set, compiled once."""
    return rules.derived("award_tagger", _build)


def segments(text: str) -> Iterator[tuple[int, int]]:
    """Sentences of ``text`` as (start, end), a long one in pieces cut after a comma.

    >>> list(segments("甲获一等奖。乙获二等奖"))
    [(0, 6), (6, 11)]
    """
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        if e == s or not m.group().strip():
            continue
        while e - s > _LONGEST:
            cut = text.rfind("，", s, s + _LONGEST)
            cut = cut + 1 if cut > s else s + _LONGEST
            yield s, cut
            s = cut
        yield s, e


def clues(sentence: str, lex: Lexicon) -> bool:
    """A sentence worth reading: it holds an honour head, a listed word or 奖/称号/荣誉/等功.

    >>> from extract.rules import load_rules
    >>> lex = lexicon(load_rules())
    >>> clues("甲村被评为全国文明村镇", lex), clues("一般公共预算支出1200万元", lex)
    (True, False)
    """
    return bool(lex.heads.search(sentence) or _TRACE.search(sentence) or any(p.search(sentence) for p in lex.clue_lists))


def _kind(c: str) -> str:
    if c.isdigit():
        return "D"
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c in _OPEN:
        return "QO"
    if c in _CLOSE:
        return "QC"
    if c.isalpha():
        return "L"
    return "S" if c.isspace() else "P"


def features(sentence: str, lex: Lexicon) -> list[list[str]]:
    """One list of feature strings per character of ``sentence``.

    >>> from extract.rules import load_rules
    >>> f = features("荣获一等奖", lexicon(load_rules()))
    >>> len(f), "c=一" in f[2], "headend" in f[4], "L_verbs" in f[3]
    (5, True, True, True)
    """
    n = len(sentence)
    kinds = [_kind(c) for c in sentence]
    begin, inside, end = [False] * n, [False] * n, [False] * n
    for m in lex.heads.finditer(sentence):
        begin[m.start()] = True
        end[m.end() - 1] = True
        for k in range(m.start(), m.end()):
            inside[k] = True
    found = [(name, [(m.start(), m.end()) for m in p.finditer(sentence)]) for name, p in lex.lists]
    anywhere = ["S_" + name for name, spans in found if spans]
    out: list[list[str]] = []
    quoted = False
    for i, c in enumerate(sentence):
        if c in _OPEN:
            quoted = True
        f = ["c=" + c, "t=" + kinds[i], "q=1" if quoted else "q=0"]
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            f.append(f"c{d:+d}=" + (sentence[j] if 0 <= j < n else ("$" if d > 0 else "^")))
        f += ["b-=" + sentence[max(0, i - 1):i + 1], "b+=" + sentence[i:i + 2], "tr=" + sentence[max(0, i - 1):i + 2],
              "t-1=" + (kinds[i - 1] if i else "^"), "t+1=" + (kinds[i + 1] if i + 1 < n else "$")]
        if inside[i]:
            f.append("inhead")
        if end[i]:
            f.append("headend")
        if begin[i]:
            f.append("headbeg")
        if i + 1 < n and end[i + 1]:
            f.append("nexthe")
        for name, spans in found:
            for s, e in spans:
                if s <= i < e:
                    f.append("in_" + name)
                elif e <= i < e + _LEFT:
                    f.append("L_" + name)
                elif i < s <= i + _RIGHT:
                    f.append("R_" + name)
        f += anywhere
        out.append(f)
        if c in _CLOSE:
            quoted = False
    return out


@lru_cache(maxsize=4)
def _tagger(path: str) -> Any:
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(path)
    return t


def model_path() -> Path:
    """The model file in the rule folder (:func:`extract.rules.patterns_dir`)."""
    from ..rules import patterns_dir

    return patterns_dir() / MODEL_FILE


def spans(labels: list[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) of every tagged run: B then I…, or I… after O.

    >>> list(spans(["O", "B", "I", "O", "I", "B", "I"]))
    [(1, 3), (4, 5), (5, 7)]
    """
    i, n = 0, len(labels)
    while i < n:
        if labels[i] == "B" or labels[i] == "I":
            j = i + 1
            while j < n and labels[j] == "I":
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with its quotes and brackets paired: a closing mark with its opening one just before the span
    taken in, a lone one left out (十佳” -> 十佳, 全省…先进县” after “ -> “全省…先进县”).

    >>> t = "表彰“全省先进县”称号"
    >>> _balanced(t, 3, 9), t[slice(*_balanced(t, 3, 9))]
    ((2, 9), '“全省先进县”')
    >>> t = "评为十佳”称号"
    >>> t[slice(*_balanced(t, 2, 5))]
    '十佳'

    A number is never cut (2013-2014年度… read from its second digit) and a count opening the span is none of the
    name (20位感动西藏人物 -> 感动西藏人物; the count is read beside it, :func:`_count`); an ASCII quote is paired
    like the others:

    >>> t = "评为2013-2014年度优秀教师"
    >>> t[slice(*_balanced(t, 3, 17))]
    '2013-2014年度优秀教师'
    >>> t = "评出20位感动人物"
    >>> t[slice(*_balanced(t, 2, 9))]
    '感动人物'
    >>> t = '评为先进单位"，'
    >>> t[slice(*_balanced(t, 2, 7))]
    '先进单位'
    """
    while 0 < start < end and text[start].isdigit() and text[start - 1].isdigit():
        start -= 1
    lead = _LEAD_COUNT.match(text, start, end)
    if lead and end - lead.end() >= 2:
        start = lead.end()
    part = text[start:end]
    if part.count('"') % 2:
        if part.endswith('"') and not (start and text[start - 1] == '"'):
            end -= 1
        elif part.startswith('"') and not text.startswith('"', end):
            start += 1
    for opening, closing in (("“", "”"), ("「", "」"), ("『", "』"), ("（", "）"), ("(", ")")):
        part = text[start:end]
        if part.endswith(closing) and opening not in part:
            if start and text[start - 1] == opening:
                start -= 1
            else:
                end -= 1
        part = text[start:end]
        if part.startswith(opening) and closing not in part:
            if text.startswith(closing, end):
                end += 1
            else:
                start += 1
    return start, end


def _own_count(text: str, start: int, at: int, lex: Lexicon) -> bool:
    """获评5个国家生态文明建设示范区: the places counted are the subject's, not recipients named (as the grammar reads
    it, :func:`.awards._named`); 命名12个村为… counts recipients."""
    m = lex.counted.search(text, start, at)
    return bool(m) and m.group("verb") not in lex.object_verbs


def first_clue(text: str, lex: Lexicon) -> int:
    """Where the first word of the clue lists (a verb of conferring, announcing, commending …) ends in ``text``."""
    return min((m.end() for p in lex.clue_lists if (m := p.search(text))), default=len(text) + 1)


def admissible(text: str, a: int, b: int, sentence: tuple[int, int], lead: int, lex: Lexicon, ar: AwardRules,
               clue_end: int | None = None) -> bool:
    """The tagged name ``text[a:b]`` (in the sentence ``sentence``, whose ruling words start at ``lead``) is an honour
    by the conventions the grammar keeps:

    * it holds a word of an honour (:attr:`Lexicon.name_words`) and is no bare category (``generic``), no prize
      money or medal (``not_honours``) and no rating (``ranking_words``: 获得国家节能考核优秀等次);
    * the sentence before it, or the colon line its list hangs on, sets no prizes up (``tagger_setup``: 大赛设一等奖
      1名, 奖项设置：), aims at none (``goal_words`` before a verb: 力争被评为) and counts none of the subject's own
      (获评5个…示范区); no application stands just before it (``apply_verbs``: 参评);
    * no medal, prize money, event or rules of the honour follow it (``tagger_not_after``, ``tagger_about``);
    * a bare level (一等奖) only in a text that confers something before it (``clue_end``: :func:`first_clue` of the
      text, found once per text by :func:`tagged`);
    * after 表彰 in its clause, only with a year or round, quotes or a count (:func:`_categories`);
    * not in a sentence that describes an honour (``tagger_describes``: …授予优秀女性的最高荣誉, 旨在树立…).
    """
    s, e = sentence
    name = "".join(ch for ch in text[a:b] if ch not in _QUOTES)
    if len(name) < 2 or not lex.name_words.search(name) or ar.generic.match(name) or ar.not_honour.search(name) \
            or ar.ranking.search(name):
        return False
    if any(m.start() < a for m in lex.not_before.finditer(text, lead, e)) or lex.not_after.match(text, b) \
            or lex.applied.search(text, s, a) or _own_count(text, s, a, lex):
        return False
    if _categories(text, a, b, name, s, ar) or lex.describes.search(text, s, e):
        return False
    if clue_end is None:
        clue_end = first_clue(text, lex)
    return not ar.level.fullmatch(name) or clue_end <= a


def bare_ruled_out(text: str, a: int, b: int, start: int, lex: Lexicon) -> bool:
    """A name read bare (no verb of conferring of its own: a conferred name printed again, a likely run) is ruled out
    by the words around it (patterns/awards.yaml ``bare_not_before``, ``bare_not_after``, ``bare_not_in_clause``):
    an activity, a goal or an approval just before it, a count between (创建, 开展, 获批1个), an activity or a
    description just after (评选活动, 是), or the list or result it heads later in its clause (名单, 揭晓). ``start``:
    where its sentence starts.

    >>> from extract.rules import load_rules
    >>> lex = lexicon(load_rules())
    >>> t = "全县开展最美庭院评选活动。全国一等奖获奖名单。甲村是全国文明村"
    >>> bare_ruled_out(t, 4, 8, 0, lex), bare_ruled_out(t, 13, 18, 13, lex), bare_ruled_out(t, 27, 32, 24, lex)
    (True, True, False)
    """
    if lex.bare_before.search(text, start, a) or lex.bare_after.match(text, b):
        return True
    clause = CLAUSE.search(text, b)
    return bool(lex.bare_clause.search(text, b, clause.start() if clause else len(text)))


def _categories(text: str, a: int, b: int, name: str, start: int, ar: AwardRules) -> bool:
    """大会表彰了优秀辅导员和先进志愿者: kinds of people a meeting commended, as the grammar reads 表彰 before a list: an
    honour only with a year or round, quotes or a count (表彰了2023年度优秀辅导员, 表彰了“最美志愿者”10名)."""
    clause = max([start] + [m.end() for m in CLAUSE.finditer(text, start, a)])
    if not ar.commend_verbs.search(text, clause, a):
        return False
    quoted = any(ch in _QUOTES for ch in text[max(0, a - 1):b + 1] if ch not in " \u3000")
    return not (quoted or ar.prefix.match(name) or _count(text, a, b, start, ar) is not None)


def _count(text: str, a: int, b: int, start: int, ar: AwardRules) -> int | None:
    """The number printed with the name, as the grammar reads a level's: just after it (全国工人先锋号72个,
    一等奖论文2篇) or just before it (3个全国文明单位).

    >>> from extract.rules import load_rules
    >>> from extract.find.honours import award_rules
    >>> ar = award_rules(load_rules())
    >>> t = "全国工人先锋号72个，另有3个全国文明单位"
    >>> _count(t, 0, 7, 0, ar), _count(t, 15, 21, 0, ar), _count("获评全国文明单位", 2, 8, 0, ar)
    (72, 3, None)
    """
    after = ar.count_after.match(text[b:b + 10].lstrip("”\"」』"))
    if after:
        return int(after.group("n"))
    before = ar.count_before.search(text[max(start, a - 6):a].rstrip("“\"「『"))
    return int(before.group("n")) if before else None


def _likely(tagger: Any, n: int) -> Iterator[tuple[int, int]]:
    """Runs of characters of the sentence last set on ``tagger`` that the model gives at least :data:`LIKELY` of
    lying in an honour (a B, then I …), whatever the most likely labelling says."""
    i = 0
    while i < n:
        if tagger.marginal("B", i) + tagger.marginal("I", i) >= LIKELY:
            j = i + 1
            while j < n and tagger.marginal("I", j) >= LIKELY:
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _likely_kept(text: str, a: int, b: int, start: int, lex: Lexicon, ar: AwardRules) -> bool:
    """A likely run ``text[a:b]`` (sentence from ``start``) is read as an honour only where a word of conferring stands
    before it in its sentence (:attr:`Lexicon.conferring`: a plan's 建成350个美丽乡村 or 创建一批…示范县 confers
    nothing), it ends in an honour head that is no everyday word, no more of a name follows it (授予100名先进个人省
    五一劳动奖章: the run is the recipients) and no word around it rules it out (:func:`bare_ruled_out`)."""
    return bool(lex.conferring.search(text, start, a)) and ar.strong(text[a:b]) and bool(_LIKELY_END.match(text, b)) \
        and not bare_ruled_out(text, a, b, start, lex)


def tagged(text: str, rules: Rules, model: Path | None = None) -> list[AwardHit]:
    """The honours the tagger reads in ``text`` and :func:`admissible` keeps (rule ``award.tagged``, priority after
    every rule of the grammar): the runs of its most likely labelling, and the runs it leaves out that are likely
    enough (:func:`_likely`, :data:`LIKELY`), end in an honour head that is no everyday word and are followed by no
    more of a name (a mark, 称号, 等, 和 …); nothing when the model file is missing."""
    path = model or model_path()
    if not path.exists():
        return []
    ar = award_rules(rules)
    lex = lexicon(rules)
    tagger = _tagger(str(path))
    hits = []
    clue_end = first_clue(text, lex)
    lead = 0  # where the words that may rule a name out start: the sentence, or the colon line a list hangs on
    listed = False
    for s, e in segments(text):
        if _UNDER_COLON.search(text, max(0, s - 2), s):
            listed = True  # 奖项设置：\n一等奖：…\n二等奖：…: the lines under a colon line share its words
        elif not (listed and text[s - 1:s] == "\n" and e - s <= _ITEM_LINE):
            listed, lead = False, s
        sentence = text[s:e]
        if not clues(sentence, lex):
            continue
        tagger.set(features(sentence, lex))
        best = list(spans(tagger.tag()))
        found = best + [(a, b) for a, b in _likely(tagger, len(sentence)) if not any(a < y and x < b for x, y in best)]
        for k, (a, b) in enumerate(found):
            a, b = _balanced(text, s + a, s + b)
            if k >= len(best) and not _likely_kept(text, a, b, s, lex, ar):
                continue
            if admissible(text, a, b, (s, e), lead, lex, ar, clue_end):
                hits.append(AwardHit(RULE, a, b, text[a:b], _count(text, a, b, s, ar), None, None, 9))
    return hits
