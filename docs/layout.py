"""The package's stages and the imports between them, read from the code (no module is imported).

``python docs/layout.py`` prints the stage of every module and the imports between stages;
``tests/test_layout.py`` holds the contract (imports run one way, no circles) and
``docs/make_images.py`` draws ``docs/images/layout.png`` from the same graph.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extract"

#: the floors of the house, lowest first: a module may import only modules on its own floor or below;
#: the stage folders read -> find -> check carry the data one way, the top floors run and show it
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("records", ("records",)),                     # the shared record types
    ("vocabulary", ("rules", "store")),            # rule files compiled; tables written and read
    ("read", ("read",)),                           # path -> Document
    ("find", ("find",)),                           # Document -> Facts
    ("check", ("checks",)),                        # Facts -> Checks (and across years)
    ("batch", ("batch", "workers")),               # many documents, in supervised workers
    ("run", ("api", "dataset", "dataset_schema", "dataset_ids", "dataset_export")),  # the verbs, the dataset folder
    ("show", ("views",)),                          # what people look at
    ("door", ("cli", "__init__", "__main__")),     # the command line and the package's front door
]


def module_name(path: Path) -> str:
    """``extract/find/facts.py`` -> ``find.facts``; ``extract/cli.py`` -> ``cli``."""
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"] or ["__init__"]
    return ".".join(parts)


def floor_of(module: str) -> int:
    head = module.split(".")[0]
    for i, (_, members) in enumerate(FLOORS):
        if head in members:
            return i
    raise KeyError(f"module {module!r} is on no floor: add it to docs/layout.py FLOORS")


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "patterns" not in p.parts}


def imports(path: Path, module: str, known: set[str]) -> Iterator[tuple[str, int]]:
    """The package modules ``path`` imports (at the top or inside a function), with the line."""
    here = module.split(".") if path.name == "__init__.py" and module != "__init__" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from ..records import X, from . import view
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            elif (node.module or "").split(".")[0] == "extract":
                target = (node.module or "").partition(".")[2]
            else:
                continue
            targets = [target] + [f"{target}.{a.name}".strip(".") for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name.partition(".")[2] for a in node.names if a.name.startswith("extract.")]
        for t in targets:
            if t in known:
                yield t, node.lineno


def graph() -> dict[str, set[str]]:
    """module -> the package modules it imports (package ``__init__`` files of stages left out)."""
    mods = modules()
    known = set(mods)
    out: dict[str, set[str]] = {}
    for name, path in mods.items():
        out[name] = {t for t, _ in imports(path, name, known) if t != name}
    return out


if __name__ == "__main__":
    g = graph()
    for i, (floor, _) in enumerate(FLOORS):
        members = sorted(m for m in g if floor_of(m) == i)
        print(f"{i} {floor:10} {' '.join(members)}")
