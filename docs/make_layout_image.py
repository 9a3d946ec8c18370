"""Draw docs/images/layout.png: the package's floors, its stage folders and the imports between them.

    python docs/make_layout_image.py

Read from the code by docs/layout.py (the same graph tests/test_layout.py checks); a box is a stage
folder or a top-level module, its width the lines of code in it, an arrow the imports from one box
into another (the number on it: how many module pairs).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import layout  # noqa: E402

OUT = Path(__file__).resolve().parent / "images" / "layout.png"
DOORS = {
    "read": "path -> Document", "find": "Document -> Facts", "checks": "Facts -> Checks",
    "views": "HTML page, spaCy Doc", "batch": "many documents", "api": "library verbs",
    "dataset": "outputs folder", "rules": "patterns/ compiled", "store": "tables in and out",
    "records": "the shared types", "cli": "reportfacts ...", "__init__": "extract.*", "__main__": "python -m",
}


def box_of(module: str) -> str:
    return module.split(".")[0]


def main() -> None:
    graph = layout.graph()
    mods = layout.modules()
    lines = Counter({box_of(m): 0 for m in mods})
    for m, p in mods.items():
        lines[box_of(m)] += sum(1 for _ in p.open(encoding="utf-8"))
    edges = Counter((box_of(a), box_of(b)) for a, ts in graph.items() for b in ts if box_of(a) != box_of(b))
    floors = [[b for b in members if b in lines] for _, members in layout.FLOORS]
    fig, ax = plt.subplots(figsize=(13, 9), dpi=110)
    ax.set_xlim(0, 100)
    ax.set_ylim(-1, len(floors) * 10)
    ax.axis("off")
    pos: dict[str, tuple[float, float, float]] = {}
    for i, boxes in enumerate(floors):
        y = i * 10 + 1
        total = sum(max(lines[b], 300) for b in boxes)
        x = 2.0
        for b in boxes:
            w = 96 * max(lines[b], 300) / total - 2 if total else 10
            stage = (layout.PACKAGE / b).is_dir()
            ax.add_patch(FancyBboxPatch((x, y), w, 5.5, boxstyle="round,pad=0.2", linewidth=2 if stage else 1,
                                        edgecolor="#1f4e79" if stage else "#555", facecolor="#dbe8f5" if stage else "#f2f2f2"))
            name = f"{b}/" if stage else f"{b}.py"
            ax.text(x + 0.8, y + 4.2, name, fontsize=11, weight="bold", va="center")
            ax.text(x + 0.8, y + 2.6, DOORS.get(b, ""), fontsize=8.5, va="center", color="#333")
            members = sorted(m.split(".", 1)[1] for m in mods if m.startswith(b + ".")) if stage else []
            if members:
                ax.text(x + 0.8, y + 1.0, " ".join(members), fontsize=7, va="center", color="#555", wrap=True)
            ax.text(x + w - 0.5, y + 4.2, f"{lines[b]}", fontsize=8, ha="right", va="center", color="#777")
            pos[b] = (x, y, w)
            x += w + 2
        ax.text(-0.5, y + 2.7, layout.FLOORS[i][0], fontsize=8, ha="right", va="center", color="#999", rotation=90)
    for (a, b), n in edges.items():
        xa, ya, wa = pos[a]
        xb, yb, wb = pos[b]
        same = ya == yb
        start = (xa + wa / 2, ya if not same else ya + 2.75)
        end = (xb + wb / 2, yb + 5.5 if not same else yb + 2.75)
        if same:
            start, end = (xa + wa, ya + 2.75), (xb, yb + 2.75)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, color="#7a8ca0", alpha=0.55,
                                     linewidth=0.8 + 0.25 * n, connectionstyle="arc3,rad=0.05"))
    ax.set_title("reportfacts: floors of the package (a box imports only boxes on its floor or below)", fontsize=12)
    OUT.parent.mkdir(exist_ok=True)
    fig.savefig(OUT, bbox_inches="tight")
    print(OUT)


if __name__ == "__main__":
    main()
