"""reportfacts: Chinese government reports -> verified fact tables.

The public verbs return pandas DataFrames::

    import extract
    facts = extract.extract_facts(text, year=2021)      # one text
    result = extract.run(["corpus/"])                   # documents, facts, checks
    checks = extract.check(result.facts)                # re-validate a facts table
"""
from typing import TYPE_CHECKING

from .records import Document, Fact, IngestError, ReportFactsError, RuleError

if TYPE_CHECKING:
    from .api import RunResult, check, extract_facts, read_documents, run
    from .checks.compare import compare
    from .read.ingest import read_report
    from .views.nlp import to_spacy
    from .views.view import View, show

__all__ = [
    "run", "extract_facts", "check", "compare", "show", "to_spacy", "View", "read_report", "read_documents",
    "RunResult",
    "Document", "Fact", "ReportFactsError", "IngestError", "RuleError",
]

#: the verbs, imported on first use: `reportfacts --help` and `import extract.records` need none of the
#: pipeline (0.3 s), `reportfacts run` no comparison across years, spaCy (0.4 s) or the installed version
_WHERE = {"run": ".api", "extract_facts": ".api", "check": ".api", "read_documents": ".api", "RunResult": ".api",
          "read_report": ".read.ingest", "compare": ".checks.compare", "to_spacy": ".views.nlp",
          "show": ".views.view", "View": ".views.view"}


def __getattr__(name: str) -> object:
    if name == "__version__":
        from .records import package_version

        return package_version()
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value  # compare: the function, never the module extract.checks.compare
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
