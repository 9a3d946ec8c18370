"""Awards and honours: quoted titles after award verbs, unquoted titles, award levels.

Three rules (patterns/awards.yaml): ``award.quoted`` (荣获“…”荣誉), ``award.named``
(被评为衡阳市青少年科技创新示范基地学校) and ``award.level`` (一等奖8个). A
level counts only in a sentence where an award verb precedes it, so
``设立一等奖奖金`` is not an award. The recipient is the clause before the
verb; the event is the competition named in the sentence (参加…大赛).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .rules import Rules
from .sections import Sentences

_CLAUSE = regex.compile(r"[，,。；;！!？?\n]")
_IN_EVENT = regex.compile(r"^在(?P<event>.+?)(?:活动)?中$")
_QUOTES = "“”\"'‘’「」『』"


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


def _event(text: str, sent_start: int, pos: int, rules: Rules) -> str | None:
    last = None
    for m in rules.award_event.finditer(text, sent_start, pos):
        last = m
    return last.group("event") if last else None


def find_awards(text: str, sents: Sentences, rules: Rules) -> list[AwardHit]:
    """Every award in the normalised ``text``; overlaps resolved longest first."""
    hits: list[AwardHit] = []
    for m in rules.award_quoted.finditer(text):
        ss, _ = sents.at(m.start())
        subj, ev = _recipient(text, ss, m.start())
        hits.append(AwardHit("award.quoted", m.start("name"), m.end("name"), m.group("name").strip(),
                             None, subj, ev, 0))
    for m in rules.award_named.finditer(text):
        name = m.group("name")
        if len(name) < 2:
            continue
        ss, _ = sents.at(m.start())
        subj, ev = _recipient(text, ss, m.start())
        hits.append(AwardHit("award.named", m.start("name"), m.end("name"), name, None, subj, ev, 2))
    for m in rules.award_level.finditer(text):
        ss, _ = sents.at(m.start())
        if not rules.award_verbs.search(text, ss, m.start()):
            continue
        count = None
        after = rules.award_count_after.match(text[m.end():m.end() + 10])
        before = rules.award_count_before.search(text[max(ss, m.start() - 6):m.start()])
        if after:
            count = int(after.group("n"))
        elif before:
            count = int(before.group("n"))
        hits.append(AwardHit("award.level", m.start("name"), m.end("name"), m.group("name"), count,
                             None, _event(text, ss, m.start(), rules), 1))
    hits.sort(key=lambda h: (-(h.end - h.start), h.priority, h.start))
    kept: list[AwardHit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)
