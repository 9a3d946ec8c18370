"""Train the honour tagger (extract/find/award_tagger.py) on the annotated corpus; write patterns/honours.crfsuite.

    python benchmarks/train_tagger.py                 # the folders below -> patterns/honours.crfsuite
    python benchmarks/train_tagger.py -o M FOLDER ...  # other folders, another file (the cross-validation)

Trained on: every ``benchmarks/corpus/honours_tune*`` folder (the honours our annotators marked and the grammar
was tuned on), the ``sums_tune*`` folders (budget reports, final accounts and communiqués: sentences with 奖 or
荣誉 that confer nothing) and the dev corpus ``../shared/corpus/dev`` when it is there. Never on ``honours/``,
``honours_fresh*``, ``sums/`` or ``sums_fresh/``: they are held out and measure what the tagger does on texts
it has not seen (``python benchmarks/score_corpus.py honours_fresh9`` and so on).

The counter-examples of patterns/awards.yaml and patterns/honours.yaml are added as sentences without an
honour (:func:`negatives`). Each text is read and normalised by the pipeline itself (traditional characters, full-width forms, numerals,
broken lines), so the tagger learns on the text it will read; a character is B or I when the original span it
comes from lies in a gold award, O otherwise (neutral spans too). Only the sentences with a trace of an honour
(:func:`extract.find.award_tagger.clues`) are read, as at run time. CRFsuite's L-BFGS with the settings below
is deterministic: the same folders give the same model.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.api import read_documents  # noqa: E402
from extract.find.award_tagger import MODEL_FILE, clues, features, lexicon, segments  # noqa: E402
from extract.find.facts import line_breaks  # noqa: E402
from extract.find.normalize import normalize  # noqa: E402
from extract.rules import load_rules, patterns_dir  # noqa: E402

CORPUS = ROOT / "benchmarks" / "corpus"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
# L1 0.3 and L2 0.01 were chosen by 4-fold cross-validation over the honours_tune folders (grouped by folder);
# 0.05-0.5 differed by less than a point
BESIDE = ("award.again", "award.sibling")  # rules that read a name beside an honour found
PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def default_folders() -> list[Path]:
    folders = sorted(p for p in CORPUS.glob("honours_tune*") if p.is_dir())
    folders += sorted(p for p in CORPUS.glob("sums_tune*") if p.is_dir())
    if DEV.is_dir():
        folders.append(DEV)
    return folders


def gold_awards(txt: Path) -> list[tuple[int, int]]:
    gold = txt.with_name(txt.name[: -len(".txt")] + ".gold.jsonl")
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(int(r["start"]), int(r["end"])) for r in rows if r["kind"] == "award"]


def sequences(folders: list[Path]):
    """(features, labels) of every sentence with a clue in the texts of ``folders`` that have gold."""
    rules = load_rules()
    lex = lexicon(rules)
    for folder in folders:
        texts = sorted(t for t in folder.glob("*.txt") if t.with_name(t.name[:-4] + ".gold.jsonl").exists())
        for txt, doc in zip(texts, read_documents(texts)):
            if Path(doc.path).name != txt.name:
                raise SystemExit(f"{txt}: read as {doc.path}")
            if not doc.text:
                continue
            gold = gold_awards(txt)
            norm = normalize(doc.text, rules, line_breaks(doc))
            text = norm.text
            inside = []
            for i in range(len(text)):
                a, b = norm.map.span(i, i + 1)
                inside.append(next((k for k, (s, e) in enumerate(gold) if a < e and s < b), None))
            for s, e in segments(text):
                sentence = text[s:e]
                if not clues(sentence, lex):
                    continue
                labels = []
                for i in range(s, e):
                    g = inside[i]
                    labels.append("O" if g is None else ("I" if i > s and inside[i - 1] == g else "B"))
                yield features(sentence, lex), labels


def counter_examples() -> list[str]:
    """The sentences of patterns/awards.yaml and patterns/honours.yaml in which no honour may be found."""
    rules = load_rules()
    aw = rules.award_data
    # the counter-examples of award.again and award.sibling confer an honour beside the printing or item they rule
    # out: not honour-free
    return [c for r in aw["rules"] if r["id"] not in BESIDE for c in r.get("counter_examples", [])] \
        + [c for g in aw["honours"]["groups"] for c in g.get("counter_examples", [])]


def negatives():
    """(features, labels) of every sentence of the counter-examples: all O. They teach the tagger the constructions
    the conventions leave out (a prize set before results, a goal, a description, prize money, a revocation);
    the tests' own sentences (tests/test_honour_language.py ABSENT …) are not trained on and check that it
    learned them."""
    rules = load_rules()
    lex = lexicon(rules)
    for c in counter_examples():
        text = normalize(c, rules).text
        for s, e in segments(text):
            sentence = text[s:e]
            if clues(sentence, lex):
                yield features(sentence, lex), ["O"] * len(sentence)


def train(folders: list[Path], out: Path) -> int:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xs, ys in itertools.chain(sequences(folders), negatives()):
        trainer.append(xs, ys)
        n += 1
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=patterns_dir() / MODEL_FILE)
    args = ap.parse_args(argv)
    folders = args.folders or default_folders()
    n = train(folders, args.out)
    print(f"{args.out}: {n} sentences from {len(folders)} folders")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
