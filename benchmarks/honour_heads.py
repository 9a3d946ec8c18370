"""Honour heads spotted by the regex alternation of patterns/honours.yaml against spaCy's PhraseMatcher
(over characters and over jieba tokens): how many gold award names end in a spotted head, and the time.

    python benchmarks/honour_heads.py [FOLDER ...]   (default: ../shared/corpus/dev benchmarks/corpus/honours_tune)

Issue 20 asked whether a PhraseMatcher/SpanRuler over the vocabulary should replace the regex route;
the figures it prints are in the README ("How honours are found").
"""
import glob
import json
import sys
import time
from pathlib import Path

import jieba
import regex
import spacy
from spacy.matcher import PhraseMatcher
from extract.rules import load_rules
from extract.find.honours import honour_heads
jieba.setLogLevel(60)
jieba.initialize()
r = load_rules()
heads = honour_heads(r.award_data["honours"]["groups"])
pat = regex.compile("|".join(sorted(map(regex.escape, heads), key=len, reverse=True)))
HERE = Path(__file__).resolve().parent
folders = sys.argv[1:] or [str(HERE.parent.parent / "shared" / "corpus" / "dev"), str(HERE / "corpus" / "honours_tune")]
docs = []
for f in folders:
    for g in sorted(glob.glob(f + "/*.gold.jsonl")):
        t = open(g.replace(".gold.jsonl", ".txt"), encoding="utf-8").read()
        gold = [json.loads(l) for l in open(g, encoding="utf-8") if l.strip()]
        gold = [x for x in gold if x["kind"] == "award"]
        docs.append((t, gold))
nlp_char = spacy.blank("zh")  # default segmenter: characters
nlp_j = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
def matcher(nlp):
    m = PhraseMatcher(nlp.vocab)
    m.add("HEAD", [nlp.make_doc(h) for h in heads])
    return m
res = {}
for name, nlp in (("regex", None), ("phrase_char", nlp_char), ("phrase_jieba", nlp_j)):
    m = matcher(nlp) if nlp else None
    covered = total = 0
    t0 = time.perf_counter()
    for t, gold in docs:
        if nlp is None:
            spans = [(x.start(), x.end()) for x in pat.finditer(t)]
        else:
            d = nlp.make_doc(t)
            spans = [(d[s:e].start_char, d[s:e].end_char) for _, s, e in m(d)]
        for g in gold:
            total += 1
            if any(g["start"] <= s and e <= g["end"] and e >= g["end"] - 2 for s, e in spans):
                covered += 1  # a head ends the gold name (a closing quote or bracket allowed)
    dt = (time.perf_counter() - t0) / len(docs) * 1000
    print(f"{name:13s} gold awards whose name ends in a spotted head: {covered}/{total}  {dt:.2f} ms/doc")
