"""reportfacts: Chinese government reports -> verified fact tables.

The public verbs return pandas DataFrames::

    import extract
    facts = extract.extract_facts(text, year=2021)      # one text
    result = extract.run(["corpus/"])                   # documents, facts, checks
    checks = extract.check(result.facts)                # re-validate a facts table
"""
from .api import RunResult, check, extract_facts, read_documents, run
from .checks.compare import compare  # a function named as its module: imported here, or the module would shadow it
from .read.ingest import read_report
from .records import Document, Fact, IngestError, ReportFactsError, RuleError

__all__ = [
    "run", "extract_facts", "check", "compare", "show", "to_spacy", "View", "read_report", "read_documents",
    "RunResult",
    "Document", "Fact", "ReportFactsError", "IngestError", "RuleError",
]


def __getattr__(name: str) -> object:
    # imported on first use: spaCy alone takes ~0.4 s to import, and `reportfacts run` needs none of these
    if name == "to_spacy":
        from .views.nlp import to_spacy

        return to_spacy
    if name in ("show", "View"):
        from .views import view

        return getattr(view, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")


try:  # the version is written once, in pyproject.toml
    from importlib.metadata import PackageNotFoundError, version

    __version__ = version("reportfacts")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
