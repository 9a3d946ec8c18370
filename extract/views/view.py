"""A report as people read it: the text with every fact highlighted where it was read.

``show(document, facts, checks)`` returns a :class:`View`, one self-contained HTML page (inline
CSS and script, no fetches): facts coloured by kind with a legend, value, label and rule on
hover, the section outline as a side menu, and a panel of checks where each failed or warned
check links to, and outlines, the figures it involves; for a PDF, the page of each fact. In
Jupyter the view renders inline (``_repr_html_``); ``View.save(path)`` writes the page.

Report text is untrusted input: every character of it is escaped (a ``<script>`` inside a
report shows as text), and so are labels, values and messages.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..records import Document, ReportFactsError
from ..store import file_sha256, iter_rows, recorded_sources

COLOURS = {"amount": "#ffd666", "headcount": "#95de64", "quantity": "#bae7ff", "percent": "#d3adf7",
           "date": "#ffadd2", "year": "#f0f0f0", "award": "#ffbb96"}

_CSS = """
body{margin:0;font:15px/1.8 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222}
#layout{display:grid;grid-template-columns:230px 1fr 340px;height:100vh}
nav,aside{overflow:auto;padding:12px;background:#fafafa;border-right:1px solid #ddd;font-size:13px}
aside{border-left:1px solid #ddd;border-right:0}
main{overflow:auto;padding:16px 28px;white-space:pre-wrap}
h1{font-size:16px;margin:0 0 8px} h2{font-size:14px;margin:14px 0 6px}
nav a{display:block;color:#234;text-decoration:none;margin:2px 0} nav a:hover{text-decoration:underline}
.fact{border-radius:3px;padding:0 1px;cursor:help}
.fact.outlined{outline:3px solid #cf1322;outline-offset:1px}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:0 6px;border-radius:3px}
.check{display:block;margin:6px 0;padding:6px;border-radius:4px;border:1px solid #ddd;color:#222;
 text-decoration:none;background:#fff}
.check.fail{border-color:#cf1322;background:#fff1f0} .check.warn{border-color:#d48806;background:#fffbe6}
.check.pass{color:#555}
.check:hover{box-shadow:0 0 0 2px #1677ff}
.page{color:#888;font-size:12px;border-top:1px dashed #ccc;display:block;margin:10px 0 4px}
.status{font-weight:bold;text-transform:uppercase;font-size:11px}
"""

_JS = """
function outline(ids){
  document.querySelectorAll('.fact.outlined').forEach(e=>e.classList.remove('outlined'));
  let first=null;
  ids.forEach(id=>{const e=document.getElementById('f-'+id); if(e){e.classList.add('outlined'); first=first||e;}});
  if(first){first.scrollIntoView({block:'center'});}
  return false;
}
document.addEventListener('click',ev=>{
  const a=ev.target.closest('a.check'); if(!a) return;
  ev.preventDefault(); outline(JSON.parse(a.dataset.facts));
});
"""


@dataclass(frozen=True)
class View:
    """One report as an HTML page."""

    html: str

    def __repr__(self) -> str:
        title = self.html.split("<title>", 1)[-1].split("</title>", 1)[0]
        facts = self.html.count('<span class="fact ')
        return f"View({title!r}, {facts} facts; .save(path) writes it)"

    def _repr_html_(self) -> str:  # Jupyter shows it inline, in a frame of its own
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                'style="width:100%;height:640px;border:1px solid #ddd"></iframe>')

    def save(self, path: str | Path) -> Path:
        p = Path(path)
        p.write_text(self.html, encoding="utf-8")
        return p


def _tip(row: Any) -> str:
    parts = [f"{row.kind}: {row.value}" + (f" {row.unit}" if isinstance(row.unit, str) and row.unit else "")]
    if isinstance(row.label, str) and row.label:
        parts.append(f"label: {row.label}")
    if isinstance(row.qualifier, str) and row.qualifier:
        parts.append(f"qualifier: {row.qualifier}")
    if pd.notna(row.page):
        parts.append(f"page {int(row.page)}")
    parts.append(f"rule: {row.rule}")
    return "\n".join(parts)


def _spans(text: str, facts: pd.DataFrame) -> list[tuple[int, int, Any]]:
    """Facts that do not overlap an earlier one, in text order (a table cell inside prose is shown once)."""
    out: list[tuple[int, int, Any]] = []
    end = 0
    for row in iter_rows(facts.sort_values(["start", "end"])):
        s, e = int(row.start), int(row.end)
        if s >= end and 0 <= s < e <= len(text):
            out.append((s, e, row))
            end = e
    return out


def same_text(document: Document, facts: pd.DataFrame) -> None:
    """Refuse facts that were not read from this text: every fact's ``text[start:end]`` must be its
    surface (a report edited or replaced since the run, or read another way, moves them)."""
    if not len(facts) or "text" not in facts or "start" not in facts:
        return
    from ..store import csv_cell

    text = document.text
    wrong = sum(1 for row in iter_rows(facts)  # a CSV export writes a cell as csv_cell() makes it
                if str(row.text) not in (text[int(row.start):int(row.end)], csv_cell(text[int(row.start):int(row.end)])))
    if wrong:
        raise ReportFactsError(f"{document.doc_id}: {wrong} of {len(facts)} facts are not at their characters in this "
                               f"text (was the report edited or read another way since the run?); run it again")


def render(document: Document, facts: pd.DataFrame, checks: pd.DataFrame | None = None) -> str:
    """The HTML page of one document (facts and checks of that document only)."""
    text = document.text
    facts = facts[facts["doc_id"] == document.doc_id]
    same_text(document, facts)
    checks = checks[checks["doc_id"] == document.doc_id] if checks is not None and len(checks) else None
    pages = {p.start: p.page for p in document.pages}
    sections: dict[str, int] = {}
    body: list[str] = []
    pos = 0

    def plain(a: int, b: int) -> None:
        chunk = text[a:b]
        if not pages:
            body.append(html.escape(chunk))
            return
        k = a
        for start in sorted(x for x in pages if a <= x < b):
            body.append(html.escape(text[k:start]))
            body.append(f'<span class="page">p. {pages[start]}</span>')
            k = start
        body.append(html.escape(text[k:b]))
        del chunk

    for s, e, row in _spans(text, facts):
        plain(pos, s)
        sec = row.section if isinstance(row.section, str) else ""
        anchor = ""
        if sec and sec not in sections:
            sections[sec] = len(sections)
            anchor = f'<a id="s-{sections[sec]}"></a>'
        colour = COLOURS.get(row.kind, "#eee")
        body.append(f'{anchor}<span class="fact {html.escape(row.kind)}" id="f-{html.escape(row.fact_id)}" '
                    f'data-kind="{html.escape(row.kind)}" style="background:{colour}" '
                    f'title="{html.escape(_tip(row), quote=True)}">{html.escape(text[s:e])}</span>')
        pos = e
    plain(pos, len(text))
    outline = "".join(f'<a href="#s-{k}">{html.escape(name.split(" > ")[-1])}</a>' for name, k in sections.items())
    legend = "".join(f'<span style="background:{c}">{k}</span>' for k, c in COLOURS.items()
                     if k in set(facts["kind"]))
    panel = []
    if checks is not None:
        order = {"fail": 0, "warn": 1, "pass": 2, "info": 3}
        for row in sorted(iter_rows(checks), key=lambda r: order.get(r.status, 9)):
            ids = [row.total_fact_id] if isinstance(row.total_fact_id, str) and row.total_fact_id else []
            ids += json.loads(row.part_fact_ids) if isinstance(row.part_fact_ids, str) else []
            panel.append(f'<a href="#" class="check {html.escape(row.status)}" '
                         f'data-facts="{html.escape(json.dumps(ids), quote=True)}">'
                         f'<span class="status">{html.escape(row.status)}</span> {html.escape(str(row.rule))}<br>'
                         f'{html.escape(str(row.message or ""))}</a>')
    title = html.escape(document.title or document.doc_id)
    counts = facts["kind"].value_counts().to_dict()
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>{_CSS}</style></head>
<body><div id="layout">
<nav><h1>{title}</h1><div class="legend">{legend}</div><p>{html.escape(summary)}</p><h2>Sections</h2>{outline}</nav>
<main id="text">{''.join(body)}</main>
<aside><h2>Checks</h2>{''.join(panel) or '<p>no checks</p>'}</aside>
</div><script>{_JS}</script></body></html>"""


def show(source: Any, doc_id: str | None = None) -> View:
    """The HTML view of one report.

    ``source`` is a :class:`~extract.records.Document` (its facts are extracted and checked now),
    a run's result (``extract.run``), an outputs folder, or a file path (read and extracted now);
    ``doc_id`` picks the report (default: the first readable one). From a result or a folder the
    report is read again from the path the run recorded (the store's absolute path, the path as
    given, then beside the outputs folder), and only if its bytes are the ones the run read
    (sha256), with the run's reader: never facts over another text."""
    from ..api import check, facts_frame, run
    from ..find.facts import document_facts
    from ..rules import load_rules

    if isinstance(source, Document):
        facts = facts_frame(document_facts(source, load_rules(), year=source.year))
        return View(render(source, facts, check(facts)))
    if isinstance(source, (str, Path)) and Path(source).is_file():
        source = run([source], jobs=1)
    document, facts, checks = dataset_document(source, doc_id)
    return View(render(document, facts, checks))


def dataset_document(source: Any, doc_id: str | None = None) -> tuple[Document, pd.DataFrame, pd.DataFrame]:
    """One report of a run's result or an outputs folder, read again (see :func:`reread`), with
    the run's facts and checks of it. ``doc_id`` None: the first readable report."""
    from ..api import RunResult

    folder: Path | None = None
    if isinstance(source, RunResult):
        result = source
    elif isinstance(source, (str, Path)):
        from ..store import read_table

        folder = Path(source)
        if not folder.is_dir():
            raise ReportFactsError(f"{source}: no such file or outputs folder")
        result = RunResult(read_table(folder, "documents"), read_table(folder, "facts"), read_table(folder, "checks"))
    else:
        raise TypeError(f"expected a Document, a run's result, an outputs folder or a file path, "
                        f"not {type(source).__name__}")
    docs = result.documents
    ok = docs[docs["status"].isin(["ok", "partial", "truncated"])]
    if doc_id is None:
        if not len(ok):
            raise ReportFactsError("no readable document to show")
        doc_id = str(ok.iloc[0]["doc_id"])
    row = docs[docs["doc_id"] == doc_id]
    if not len(row):
        raise ReportFactsError(f"no document {doc_id!r}; documents: {', '.join(map(str, docs['doc_id']))}")
    recorded = None  # the absolute path the store recorded, when the result came from a dataset folder
    if folder is not None:
        recorded = recorded_sources(folder).get(doc_id, ("", ""))[0] or None
    document = reread(row.iloc[0], folder, recorded)
    facts = result.facts[result.facts["doc_id"] == doc_id] if len(result.facts) else result.facts
    checks = result.checks[result.checks["doc_id"] == doc_id] if len(result.checks) else result.checks
    return document, facts, checks


def reread(row: Any, folder: Path | None = None, recorded: str | None = None) -> Document:
    """A documents-table row's report, read again, and only from a file whose sha256 is the one the
    run recorded (an edited, replaced or other file would put the facts over the wrong characters).
    Looked for at ``recorded`` (the absolute path the store kept), the path as the run was given it,
    then beside the outputs folder (a dataset moved together with its reports)."""
    from ..read.ingest import Limits, read_report

    stored = str(row["path"] or "")
    doc_id = str(row["doc_id"])
    candidates = ([Path(recorded)] if recorded else []) + [Path(stored)]
    if folder is not None and stored and not Path(stored).is_absolute():
        candidates += [folder / stored, folder.parent / stored]
    candidates = list(dict.fromkeys(candidates))
    present = [c for c in candidates if c.is_file()]
    if not present:
        raise ReportFactsError(f"{doc_id}: its file {stored} is gone (looked in {', '.join(map(str, candidates))})")
    want = str(row.get("sha256") or "") if hasattr(row, "get") else ""
    found = next((c for c in present if not want or file_sha256(c) == want), None)
    if found is None:
        raise ReportFactsError(f"{doc_id}: {present[0]} has changed since the run (sha256 differs); run it again")
    # with the reader the run used (pdfium and pdfminer place a few characters differently)
    used = str(row.get("reader") or "") if hasattr(row, "get") else ""
    reader = next((r for r in ("pdfminer", "pdfium") if used.startswith(r)), None)
    document = read_report(str(found), doc_id=doc_id, limits=Limits(pdf_reader=reader) if reader else None)
    if reader and document.reader and not str(document.reader).startswith(reader):
        raise ReportFactsError(f"{doc_id}: the run read it with {used}, and it cannot be read that way again "
                               f"(read with {document.reader}); run it again")
    if want and document.sha256 and document.sha256 != want:  # changed between the hash and the read
        raise ReportFactsError(f"{doc_id}: {found} has changed since the run (sha256 differs); run it again")
    return document
