"""spaCy for researchers: every fact as a Span of a ``spacy.tokens.Doc``, and a pipeline component.

No model is downloaded: the Doc is made by ``spacy.blank("zh")``, whose default segmenter reads
Chinese character by character, so every fact's offsets fall on token boundaries and each Span
covers exactly the fact's characters (``alignment_mode="expand"`` is a fallback that is counted
in ``doc.user_data["reportfacts_expanded"]``).

    doc = extract.to_spacy(document, facts, checks)
    doc.spans["facts"]          # one Span per fact: label_ = kind; ._.value, ._.label, ._.fact_id, ._.rule
    doc.spans["checks"]         # the figures of failed or warned checks
    displacy.render(doc, style="span", options={"spans_key": "facts"})

    nlp = spacy.blank("zh"); nlp.add_pipe("reportfacts")   # the extractor inside a spaCy pipeline
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..records import Document
from ..store import iter_rows

EXTENSIONS = ("value", "label", "fact_id", "rule", "unit", "qualifier", "section", "page")


def _extensions() -> None:
    """Span extensions read from ``doc.user_data["reportfacts"]`` by the span's id (its fact id):
    spaCy keys stored span values by offsets and label, which two facts on the same characters share."""
    from spacy.tokens import Span

    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=functools.partial(_attribute, name))


def _attribute(name: str, span: Any) -> Any:
    if name == "fact_id":
        return span.id_ or None
    return span.doc.user_data.get("reportfacts", {}).get(span.id_, {}).get(name)


@functools.lru_cache(maxsize=1)
def _blank() -> Any:
    import spacy

    return spacy.blank("zh")


def _set_spans(doc: Any, facts: pd.DataFrame, checks: pd.DataFrame | None) -> Any:
    _extensions()
    spans, by_id, expanded = [], {}, 0
    attributes: dict[str, dict[str, Any]] = {}
    for row in iter_rows(facts.sort_values(["start", "end"], kind="stable")):
        s, e = int(row.start), int(row.end)
        # the fact id is the span's id: two facts on the same characters (a figure stated in two
        # cells of one table row) keep their own extension values
        span = doc.char_span(s, e, label=str(row.kind), alignment_mode="strict", span_id=str(row.fact_id))
        if span is None:
            span = doc.char_span(s, e, label=str(row.kind), alignment_mode="expand", span_id=str(row.fact_id))
            expanded += span is not None
        if span is None:
            continue
        attributes[str(row.fact_id)] = {name: (None if v is None or (isinstance(v, float) and v != v) or v is pd.NA
                                               else v) for name in EXTENSIONS for v in [getattr(row, name, None)]}
        spans.append(span)
        by_id[row.fact_id] = span
    doc.user_data["reportfacts"] = attributes
    doc.spans["facts"] = spans
    flagged = []
    if checks is not None and len(checks):
        for row in iter_rows(checks[checks["status"].isin(["fail", "warn"])]):
            ids = ([row.total_fact_id] if isinstance(row.total_fact_id, str) else []) + \
                json.loads(row.part_fact_ids or "[]")
            for i in ids:
                if i in by_id:
                    span = by_id[i]
                    flagged.append(doc.char_span(span.start_char, span.end_char, label=str(row.status)))
    doc.spans["checks"] = [s for s in flagged if s is not None]
    doc.user_data["reportfacts_expanded"] = expanded
    return doc


def to_spacy(document: Any, facts: pd.DataFrame | None = None, checks: pd.DataFrame | None = None,
             nlp: Any = None, doc_id: str | None = None) -> Any:
    """A spaCy Doc of ``document`` with its facts as spans.

    ``document`` is a Document or a text, with ``facts`` that document's facts (extracted now when
    not given; facts from a run must be at their characters in it, else ReportFactsError); or an
    outputs folder (a ``Path``) or a run's result, with ``doc_id`` the report: it is read again from
    its file only when the file's sha256 is the one the run recorded, with the run's reader, and
    the run's facts and checks are used. The figures of failed and warned checks are
    ``doc.spans["checks"]``: ``checks`` given, or computed from the facts (as the pipeline
    component does); pass an empty table for none."""
    from ..api import RunResult, check, extract_facts
    from .view import dataset_document, same_text

    if isinstance(document, (Path, RunResult)):
        document, facts, run_checks = dataset_document(document, doc_id)
        checks = run_checks if checks is None else checks
    text = document.text if isinstance(document, Document) else str(document)
    doc_id = document.doc_id if isinstance(document, Document) else "text"
    if facts is None:
        facts = extract_facts(text, year=document.year if isinstance(document, Document) else None, doc_id=doc_id)
    elif "doc_id" in facts and isinstance(document, Document):
        facts = facts[facts["doc_id"] == document.doc_id]
        same_text(document, facts)
    if checks is None and len(facts):
        checks = check(facts)
    if checks is not None and "doc_id" in checks and isinstance(document, Document):
        checks = checks[checks["doc_id"] == document.doc_id]
    doc = (nlp or _blank()).make_doc(text)
    return _set_spans(doc, facts, checks)


def displacy_html(doc: Any, key: str = "facts") -> str:
    """``doc.spans[key]`` drawn by displaCy over the text as written: its span style puts a space
    after every token, and a Chinese token is one character, so the text is drawn from character
    offsets instead (the entity style, fed the spans by hand). Overlapping spans keep the first."""
    from spacy import displacy

    ents, end = [], -1
    for span in sorted(doc.spans.get(key, []), key=lambda s: (s.start_char, -s.end_char)):
        if span.start_char >= end:
            ents.append({"start": span.start_char, "end": span.end_char, "label": span.label_})
            end = span.end_char
    return str(displacy.render({"text": doc.text, "ents": ents, "title": None}, style="ent", manual=True,
                               jupyter=False))


class ReportFacts:
    """The spaCy pipeline component: reads the facts of ``doc.text`` and sets ``doc.spans``."""

    def __init__(self, year: int | None = None, check: bool = True) -> None:
        self.year = year
        self.check = check

    def __call__(self, doc: Any) -> Any:
        from ..api import check, extract_facts

        facts = extract_facts(doc.text, year=self.year)
        return _set_spans(doc, facts, check(facts) if self.check and len(facts) else None)


def make_reportfacts(nlp: Any, name: str, year: int | None, check: bool) -> ReportFacts:
    """The ``reportfacts`` factory (registered through the ``spacy_factories`` entry point)."""
    return ReportFacts(year, check)


def _register() -> None:
    from spacy.language import Language

    if "reportfacts" not in Language.factories:
        Language.factory("reportfacts", default_config={"year": None, "check": True}, func=make_reportfacts)


try:  # registered on import too, for a source tree that was never installed
    _register()
except ImportError:  # spaCy is a dependency; without it only this module is unavailable
    pass
