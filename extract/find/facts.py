"""Document text -> Facts: amounts, headcounts, quantities, percents, dates, awards.

Candidates are found by the compiled rules of patterns/figures.yaml over the
normalised text (one regex scan per rule), overlaps are resolved by one named
policy (longest span first, then the rule listed first), and every kept span
is mapped back to the text as read. Labels come from a small window around
each figure, never from segmenting the whole document.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

import regex

from .awards import find_awards
from .honours import printed_name
from .borrowed_labels import FiguresBefore
from .labels import change_direction, label_for
from .normalize import Normalized, normalize
from .numbers import Parsed, parse_date, parse_measure
from ..records import Document, Fact
from ..rules import FigureRule, Rules, load_rules
from .sections import Outline, Sentences, outline, sentences
from .years import YearContext, year_context


@dataclass(frozen=True)
class _Candidate:
    rule: str
    kind: str
    start: int
    end: int
    order: int
    parsed: Parsed
    printed_unit: str | None


def _group_int(m: regex.Match[str], name: str) -> int | None:
    """A date match's month or day as a number (None when the rule has no such group or it is empty)."""
    value = m.groupdict().get(name)
    return int(value) if value and value.isdigit() else None


def _candidates(text: str, year_of: Callable[[], YearContext], rules: Rules,
                kinds: frozenset[str] | None = None) -> list[_Candidate]:
    """Every match of the figure rules, parsed; with ``kinds``, only those that bear on facts of
    these kinds (:func:`_bearing_on`). ``year_of()`` gives the year context of dates (read from
    the text only when there is a date to parse)."""
    if kinds is not None and not any(r.kind in kinds for r in rules.figures):
        return []  # no figure asked for (awards alone): nothing to settle
    if kinds is None:
        found = [(order, rule, m) for order, rule in enumerate(rules.figures) for m in rule.finditer(text)]
    else:
        found = _bearing_on(_lines_bearing_on(text, rules, kinds), kinds)
    list_order = next((k for k, r in enumerate(rules.figures) if r.id == _DAY_LIST_RULE), None)
    out: list[_Candidate] = []
    days: list[tuple[int, regex.Match[str]]] = []
    last: FigureRule | None = None
    years: YearContext | None = None
    for order, rule, m in found:
        if rule is not last:  # what a rule needs, resolved once per rule
            last, day, dated = rule, rule.id in (_DAY_RULE, _DAY_LIST_RULE), rule.kind in ("date", "year")
        if day:
            days.append((order, m))
            continue
        start = m.start()
        if dated:
            if years is None:
                years = year_of()
            if years.in_banner(start):
                continue  # a site's date banner: the day the page was viewed
            # a period is placed by its end (1-7月份 in a page of August), a day by itself
            end_month = _group_int(m, "m2")
            parsed = parse_date(m, years.at(start, end_month or _group_int(m, "m"),
                                            _group_int(m, "d2") if end_month else _group_int(m, "d")),
                                years.document_year)
        else:
            parsed = parse_measure(rule.kind, m, text, rules)
        if parsed is None:
            continue
        out.append(_Candidate(rule.id, rule.kind, start, m.end(), order, parsed,
                              m.group("unit") if rule.has_unit else None))
    if days:
        out.extend(_days(text, days, out, list_order))
    return out


_Match = tuple[int, FigureRule, "regex.Match[str]"]
_BREAK = regex.compile("\n")


def _lines_bearing_on(text: str, rules: Rules, kinds: frozenset[str]) -> list[_Match]:
    """The matches of every figure rule that :func:`_bearing_on` needs to settle the facts of ``kinds``,
    scanning less text: the rules of ``kinds`` (and rules that may match across a line break, and
    anchored ones, already cheap) over the whole text; the other rules, which are
    :attr:`~extract.rules.FigureRule.line_bound`, only over the lines that a match of ``kinds``, or
    a match across lines, touches. A match of theirs that overlaps a figure of ``kinds``, directly or
    through other matches, lies in such a line (it cannot cross into another), and a scan of a line
    finds the matches a full scan finds there (:func:`extract.rules.line_bound`): so
    ``_bearing_on`` keeps the same matches as from a scan of the whole text."""
    breaks = [m.start() for m in _BREAK.finditer(text)]  # a line break belongs to the line it ends
    chosen: set[int] = set()
    matches: dict[int, list[regex.Match[str]]] = {}
    later: list[int] = []
    for order, rule in enumerate(rules.figures):
        if rule.kind not in kinds and rule.line_bound and rule.anchor is None:
            later.append(order)
            continue
        matches[order] = list(rule.finditer(text))
        for m in matches[order]:
            first = bisect.bisect_left(breaks, m.start())
            last = bisect.bisect_left(breaks, max(m.start(), m.end() - 1))
            if rule.kind in kinds or last != first:
                chosen.update(range(first, last + 1))
    runs: list[tuple[int, int]] = []  # (start, end just after the last line break) of runs of chosen lines
    for k in sorted(chosen):
        start = breaks[k - 1] + 1 if k else 0
        end = breaks[k] + 1 if k < len(breaks) else len(text)
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    for order in later:
        pattern = rules.figures[order].pattern
        matches[order] = [m for start, end in runs for m in pattern.finditer(text, start, end)]
    return [(order, rules.figures[order], m) for order in sorted(matches) for m in matches[order]]


def _bearing_on(found: list[_Match], kinds: frozenset[str]) -> list[_Match]:
    """The matches that decide the facts of ``kinds``: the matches of their rules, and every match
    of another rule that overlaps one of them directly or through other matches (the overlap policy
    keeps or drops a span by the spans that overlap it, and those by theirs: 1.5个百分点 is a
    percent, not a quantity; 编制161人 posts, not people). Only these are parsed, so the facts
    of ``kinds`` are those of a full run. A day printed alone (22日) takes its month from the full
    dates before it: when one is among them, every date match is kept too."""
    order = sorted(range(len(found)), key=lambda i: found[i][2].start())
    cluster = [0] * len(found)
    c, reach = -1, -1
    for i in order:
        s, e = found[i][2].span()
        if s >= reach:  # overlaps nothing before it: a new group of overlapping spans
            c, reach = c + 1, e
        reach = max(reach, e)
        cluster[i] = c
    hit = {cluster[i] for i, (_, rule, _) in enumerate(found) if rule.kind in kinds}
    keep = [i for i, (_, rule, _) in enumerate(found) if rule.kind in kinds or cluster[i] in hit]
    if "date" not in kinds and any(found[i][1].id in (_DAY_RULE, _DAY_LIST_RULE) for i in keep):
        keep = sorted(set(keep) | {i for i, (_, rule, _) in enumerate(found) if rule.kind == "date"})
    return [found[i] for i in keep]


_DAY_RULE = "date.day"
_DAY_LIST_RULE = "date.day_list"
_DAY_WINDOW = 150


def _days(text: str, days: list[tuple[int, regex.Match[str]]], found: list[_Candidate],
          list_order: int | None = None) -> list[_Candidate]:
    """A day printed alone (记者22日从…) in the month of the nearest full date before it in the same
    paragraph (7月22日讯), within a few lines; otherwise no fact. A day of a list (5月3号，4号，5号;
    the rule listed at ``list_order``) follows a date or a day of the list with only the separator
    between, so each day found becomes the anchor of the next."""
    anchors = sorted((c.end, c.parsed) for c in found
                     if c.kind == "date" and c.parsed.date_start and c.parsed.date_start == c.parsed.date_end)
    ends = [a for a, _ in anchors]
    out = []
    for order, m in sorted(days, key=lambda d: (d[1].start(), d[0])):
        k = bisect.bisect_right(ends, m.start()) - 1
        window = 1 if order == list_order else _DAY_WINDOW
        if k < 0 or m.start() - ends[k] > window or "\n" in text[ends[k]:m.start()]:
            continue
        y, mo, _ = (int(x) for x in str(anchors[k][1].date_start).split("-"))
        d = int(m.group("dd"))
        try:
            day = date(y, mo, d).isoformat()
        except ValueError:
            continue
        parsed = Parsed(day, None, date_start=day, date_end=day)
        out.append(_Candidate(_DAY_LIST_RULE if order == list_order else _DAY_RULE, "date", m.start(), m.end(),
                              order, parsed, None))
        if order == list_order:
            k = bisect.bisect_right(ends, m.end())
            ends.insert(k, m.end())
            anchors.insert(k, (m.end(), parsed))
    return out


def resolve_overlaps(cands: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: longest first, then the earlier-listed rule, then leftmost."""
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start))
    starts: list[int] = []  # kept spans never overlap, so sorted starts give sorted ends too
    ends: list[int] = []
    kept: list[_Candidate] = []
    for c in ordered:
        k = bisect.bisect_left(starts, c.end)  # kept spans starting before c ends
        if k and ends[k - 1] > c.start:
            continue
        starts.insert(k, c.start)
        ends.insert(k, c.end)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _context(doc: Document, norm: Normalized, outl: Outline, sents: Sentences, ns: int, ne: int,
             clean: dict[tuple[int, int], str] | None = None, dropped: frozenset[int] = frozenset()
             ) -> dict[str, object]:
    start, end = norm.map.span(ns, ne)
    ss, se = sents.at(ns)
    os_, oe = norm.map.span(ss, se)
    raw = doc.text[os_:oe]
    if clean is not None:
        if (os_, oe) not in clean:
            clean[(os_, oe)] = _readable(raw, os_, dropped)
        raw = clean[(os_, oe)]
    sentence = raw.strip()
    return {
        "text": doc.text[start:end],
        "start": start,
        "end": end,
        "section": outl.at(ns),
        "sentence": sentence,
        "sentence_start": os_ + (len(raw) - len(raw.lstrip())),
        "page": doc.page_at(start),
    }


_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _readable(raw: str, base: int, dropped: frozenset[int]) -> str:
    r"""A sentence as people read it, character for character with the document (so offsets
    into it still hold): page furniture and wrapped line breaks dropped in normalisation, and
    control characters (form feeds, NULs), shown as spaces.

    >>> _readable("增\n— 6 —\f加", 10, frozenset(range(11, 18)))
    '增       加'
    """
    if dropped:
        raw = "".join(" " if i in dropped else ch for i, ch in enumerate(raw, base))
    return _CONTROL.sub(" ", raw)


def _table_ranges(text: str, cells: list[Fact]) -> list[tuple[int, int]]:
    """Original-text range covered by each table's figures on each page, from the start of
    the line of its first figure."""
    spans: dict[tuple[str | None, int | None], tuple[int, int]] = {}
    for f in cells:
        a, b = spans.get((f.section, f.page), (f.start, f.end))
        spans[(f.section, f.page)] = (min(a, f.start), max(b, f.end))
    return [(text.rfind("\n", 0, a) + 1, b) for a, b in spans.values()]


def line_breaks(doc: Document) -> list[int]:
    """The positions of the line breaks inside sentences of ``doc`` (a PDF's wrapped lines, a web page
    copied as text with hard breaks): normalisation deletes them."""
    if doc.format == "pdf":
        from ..read.pdf import line_joins

        return line_joins(doc)
    from ..read.text_lines import text_joins

    return text_joins(doc)


def document_facts(doc: Document, rules: Rules | None = None, norm: Normalized | None = None,
                   year: int | None = None, kinds: frozenset[str] | None = None) -> list[Fact]:
    """Every fact of one document's text, in text order.

    ``year``: the report year the caller states (``--year``); otherwise the year of a date
    printed without one is read from the text (:mod:`extract.years`). ``kinds``
    (:func:`extract.rules.choose_kinds`; None: everything): only facts of these kinds, the same
    as a full run finds (other figures are parsed only where they overlap these, :func:`_bearing_on`;
    awards only where table cells need them), and labels (jieba, concepts) only when ``label`` is
    among them; a figure's value, unit, qualifier, change, section, sentence and span are the same.
    """
    want = (lambda k: True) if kinds is None else kinds.__contains__
    labels = want("label")
    rules = rules or load_rules()
    joins = line_breaks(doc)
    if norm is None:
        norm = normalize(doc.text, rules, joins)
    dropped = frozenset(joins)  # original positions normalisation deletes
    clean: dict[tuple[int, int], str] = {}
    text = norm.text
    cells: list[Fact] = []
    if doc.tables:
        from .tables import table_facts

        for table in doc.tables:
            cells.extend(table_facts(doc, table, rules))
    elif doc.format != "pdf":  # tables saved as text, | between cells
        from .flat_tables import flat_table_facts
        from .line_tables import line_table_facts

        cells.extend(flat_table_facts(doc, rules))
        cells.extend(line_table_facts(doc, rules, first_number=len({c.table for c in cells}) + 1))
    outl = outline(norm, doc.text, rules, _table_ranges(doc.text, cells))
    sents = sentences(text)
    facts: list[Fact] = []
    # a cell is kept unless a figure or an award read in the prose covers it: where there are cells of
    # the kinds asked for, figures and awards of every kind are found (and only their spans kept)
    cells = [c for c in cells if want(c.kind)]
    settle = kinds if not cells else None
    covered: list[tuple[int, int]] = []  # original spans of the figures and awards not asked for
    before = FiguresBefore(text, doc.text, rules)
    for c in resolve_overlaps(_candidates(text, lambda: year_context(text, year, doc.title), rules, settle)):
        if not want(c.kind):  # found only to settle the overlaps, or the cells
            covered.append(norm.map.span(c.start, c.end))
            continue
        p = c.parsed
        ctx = _context(doc, norm, outl, sents, c.start, c.end, clean, dropped)
        label = direction = None
        inherited = False
        if c.kind not in ("date", "year"):
            label = label_for(text, c.start, c.end, c.printed_unit, rules) if labels else None
            direction = change_direction(text, c.start, rules)
            if labels:
                label, inherited = before.complete(label, direction, c.kind, c.printed_unit, c.start,
                                                   norm.map.span(c.start, c.end)[0], ctx["sentence_start"])
        facts.append(Fact(
            doc_id=doc.doc_id, kind=c.kind, value=p.value, unit=p.unit, rule=c.rule,
            qualifier=(direction or "") + (p.qualifier or "") or None, label=label,
            concept=rules.concept(label) if c.kind in ("amount", "headcount") and not inherited else None,
            change=direction is not None, value_max=p.value_max, resolution=p.resolution,
            date_start=p.date_start, date_end=p.date_end, **ctx,  # type: ignore[arg-type]
        ))
        before.add(facts[-1], inherited, c.end)
    for a in find_awards(text, sents, rules) if want("award") or settle is None else ():
        if not want("award"):
            covered.append(norm.map.span(a.start, a.end))
            continue
        ctx = _context(doc, norm, outl, sents, a.start, a.end, clean, dropped)
        facts.append(Fact(
            doc_id=doc.doc_id, kind="award", value=printed_name(a.name, str(ctx["text"])), unit=None,
            rule=a.rule, count=a.count,
            subject=a.subject or (doc.organization if a.rule not in ("award.level", "award.listed") else None),
            event=a.event, stage=a.stage, **ctx,  # type: ignore[arg-type]
        ))
    taken = sorted([(f.start, f.end) for f in facts] + covered)
    starts = [a for a, _ in taken]
    for cell in cells:  # a cell figure located inside prose already read as a fact is not a cell
        k = bisect.bisect_left(starts, cell.end)
        if not (k and taken[k - 1][1] > cell.start):
            facts.append(cell if labels else replace(cell, label=None, concept=None))
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    if getattr(doc, "ocr", None):  # figures read from page images carry origin = ocr and the confidence
        from ..read.ocr import with_provenance

        facts = with_provenance(doc, facts)
    return facts
