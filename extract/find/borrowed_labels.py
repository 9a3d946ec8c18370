"""Labels a figure takes from the figures before it in its sentence.

A figure's own words (:func:`extract.find.labels.label_for`) do not always say what it is about:

* a change or a comparison names only its base (``收入46900万元，完成预算46508万元``,
  ``收、支总计9,685.55万元，比上年增加1,027.91万元``): it is labelled with the subject of the level
  before it and its own words (``收入 完成预算``, ``收、支总计 比上年增加``);
* a tally of people-times has no words at all (``接待3837批次，37861人次``): it tallies what the
  figure before it counts (``接待 人次``);
* a figure restated in brackets (``柒万伍仟元整（75,000.00元）``) is the figure before it.

A borrowed label takes no concept: the figure is no second statement of the level.
"""
from __future__ import annotations

import regex

from ..records import Fact
from ..rules import Rules
from .labels import change_word, reference_only, subject_of

_WORDS = regex.compile(r"[\p{Han}“\"]")  # a label that opens with a word, not a stray bracket
_ASIDE = regex.compile(r"[^（(]*[）)]")  # a bracket closes after a figure, none opened before it


class FiguresBefore:
    """The figures of one document read so far, in text order, to borrow labels from.

    ``text``: the normalised text the figures were found in; ``original``: the document's text,
    which the facts' ``start``/``end`` index.
    """

    def __init__(self, text: str, original: str, rules: Rules) -> None:
        self.text, self.original, self.rules = text, original, rules
        self.facts: list[Fact] = []
        self._borrowed: set[int] = set()  # ids of the facts whose label was borrowed
        self._last_end = -1  # where the last figure ends in ``text``

    def add(self, fact: Fact, borrowed: bool, end: int) -> None:
        """Record ``fact`` (its label ``borrowed`` or its own), which ends at ``end`` in ``text``."""
        self.facts.append(fact)
        if borrowed:
            self._borrowed.add(id(fact))
        self._last_end = end

    def complete(self, label: str | None, direction: str | None, kind: str, unit: str | None,
                 start: int, original_start: int, sentence_start: object) -> tuple[str | None, bool]:
        """The label of the figure at ``start`` (``original_start`` in the document) whose own
        words give ``label``, and whether it was borrowed."""
        if not label and not direction:
            label = self._echo(kind, start)
            if label is None and kind == "headcount" and unit == "人次":
                label = self._tally(sentence_start, original_start)
            return label, label is not None
        if not (direction and not label or label and reference_only(label, self.rules)):
            return label, False
        level = self._level(kind, sentence_start)
        if level and label:  # 公务接待费2016年预算8万元，2015年预算12.5万元 -> 公务接待费 预算
            subject = subject_of(level, self.rules)
            word = change_word(self.text, start, self.rules) if direction else None  # 比2017年减少
            label = (label if label in subject else f"{subject} {label}") + (
                word if word and not label.endswith(word) else "")
        return label or level, level is not None

    def _in_sentence(self, sentence_start: object) -> list[Fact]:
        out: list[Fact] = []
        for f in reversed(self.facts):
            if f.sentence_start != sentence_start:
                break
            out.append(f)
        return out

    def _level(self, kind: str, sentence_start: object) -> str | None:
        """The label of the level a change or a comparison is stated against: the nearest figure
        of the same kind before it in its sentence that is not a change and has a label of its
        own (not a borrowed one, nor a comparison's)."""
        for f in self._in_sentence(sentence_start):
            if (f.label and not f.change and f.kind == kind and id(f) not in self._borrowed
                    and not reference_only(f.label, self.rules)):
                return f.label
        return None

    def _tally(self, sentence_start: object, original_start: int) -> str | None:
        """What the figure before a tally of people-times counts, and 人次 (接待3837批次，37861人次;
        组织团组17个，105人次). A figure in a bracket closed before the tally is an aside
        (共312批次(其中外事接待0批次),4228人次)."""
        for f in self._in_sentence(sentence_start):
            if _ASIDE.match(self.original, f.end, original_start):
                continue
            if f.label and f.kind not in ("date", "year") and not f.change and _WORDS.match(f.label):
                return f"{subject_of(f.label, self.rules)} 人次"
        return None

    def _echo(self, kind: str, start: int) -> str | None:
        """The label of the figure just before a bracket that opens right at ``start``."""
        last = self._last_end
        if self.facts and start - 1 == last and self.text[last] in "（(" and self.facts[-1].kind == kind:
            return self.facts[-1].label
        return None
