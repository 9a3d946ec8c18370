"""The honour tagger (extract/find/award_tagger.py): its features come from the rule files, the conventions it is
held to, the model shipped in patterns/ and the training that makes it (benchmarks/train_tagger.py).

Sentences are our own. The tagger is learned, so what it finds is checked on sentences written for this test that
the grammar alone misses (the shipped model must read them), and what it must not report is checked with the
constructions the conventions leave out, one row each with the span the tagger would propose.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import extract
from extract.find.award_tagger import MODEL_FILE, admissible, clues, features, lexicon, model_path, segments, spans, tagged
from extract.find.honours import award_rules
from extract.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
LEX = lexicon(RULES)
AR = award_rules(RULES)


def _train_module():
    spec = importlib.util.spec_from_file_location("train_tagger", ROOT / "benchmarks" / "train_tagger.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _tagged_awards(text: str) -> list[tuple[str, str]]:
    df = extract.extract_facts(text)
    df = df[df["kind"] == "award"]
    return list(zip(df["text"], df["rule"]))


# features: the character, its neighbours, and the vocabulary of patterns/ around it
@pytest.mark.parametrize("sentence,at,feature", [
    ("荣获一等奖", 2, "c=一"),
    ("荣获一等奖", 2, "c-1=获"),
    ("荣获一等奖", 2, "c+2=奖"),
    ("荣获一等奖", 4, "headend"),  # 一等奖 is a head of patterns/honours.yaml
    ("荣获一等奖", 3, "L_verbs"),  # 荣获 (awards.yaml verbs) stands just before
    ("荣获一等奖", 0, "in_verbs"),
    ("荣获一等奖", 0, "S_verbs"),  # the sentence holds a verb of conferring
    ("授予“先进集体”称号", 3, "q=1"),  # inside quotes
    ("授予“先进集体”称号", 0, "q=0"),
    ("授予“先进集体”称号", 6, "R_tails"),  # 称号 (awards.yaml tails) just after
    ("授予“先进集体”称号", 2, "t=QO"),
    ("共3人", 1, "t=D"),
])
def test_feature(sentence: str, at: int, feature: str) -> None:
    assert feature in features(sentence, LEX)[at]


@pytest.mark.parametrize("sentence,at,feature", [
    ("向先进学习", 2, "L_verbs"),  # no verb of conferring in the sentence
    ("向先进学习", 0, "q=1"),
    ("一般公共预算支出", 3, "inhead"),
])
def test_feature_absent(sentence: str, at: int, feature: str) -> None:
    assert feature not in features(sentence, LEX)[at]


def test_one_feature_list_per_character() -> None:
    sentence = "甲村被评为“全国文明村镇”。"
    assert len(features(sentence, LEX)) == len(sentence)


@pytest.mark.parametrize("sentence,want", [
    ("甲村被评为全国文明村镇", True),
    ("乙校获一等奖", True),
    ("保留“文明单位”称号", True),
    ("一般公共预算支出1200万元", False),
    ("三公经费比上年减少5万元", False),
])
def test_clues(sentence: str, want: bool) -> None:
    assert clues(sentence, LEX) is want


def test_long_sentences_are_read_in_pieces_cut_after_a_comma() -> None:
    text = "，".join(["甲村被评为全国文明村镇"] * 60) + "。"
    pieces = list(segments(text))
    assert len(pieces) > 1
    assert all(e - s <= 400 for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text


def test_spans_of_labels() -> None:
    assert list(spans(["O", "O"])) == []
    assert list(spans(["B", "I", "I"])) == [(0, 3)]
    assert list(spans(["B", "B", "O", "I"])) == [(0, 1), (1, 2), (3, 4)]


# the conventions the tagger is held to: (text, the span the tagger might propose, kept?)
@pytest.mark.parametrize("text,name,kept", [
    ("甲村被评为全国文明村镇。", "全国文明村镇", True),
    ("本次大赛设一等奖2名、二等奖5名。", "一等奖", False),  # prizes set up
    ("奖项设置：\n一等奖：奖金3000元\n二等奖：2000元\n", "二等奖", False),  # the list's colon line sets them up
    ("为学校颁发“市级科普示范学校”奖牌。", "“市级科普示范学校”", False),  # a medal follows
    ("一等奖：5000元。", "一等奖", False),  # prize money follows
    ("力争被评为全国文明城市。", "全国文明城市", False),  # a goal
    ("我校获选参评新一届全国文明校园。", "新一届全国文明校园", False),  # an application
    ("全市获评3个国家生态文明建设示范区。", "国家生态文明建设示范区", False),  # the subject's own places counted
    ("市政府命名3个国家生态文明建设示范区。", "国家生态文明建设示范区", True),  # recipients counted
    ("会议明确了推荐全国劳动模范人选的条件。", "全国劳动模范", False),  # the honour's rules
    ("“十佳少年”揭晓暨颁奖典礼举行。", "“十佳少年”", False),  # an event's name
    ("一等奖5名，二等奖10名。", "一等奖", False),  # a bare level in a text that confers nothing
    ("共评出获奖作品15件。一等奖5名，二等奖10名。", "一等奖", True),  # after a verb announcing results
    ("获得全市经济考核优秀。", "全市经济考核优秀", False),  # a rating
    ("获得先进。", "先进", False),  # a bare category
    ("设立专项奖励资金。", "专项奖励资金", False),  # prize money
    ("处置都柳江流域特大洪灾。", "都柳江流域特大洪灾", False),  # no word of an honour in it
    ("会议表彰了优秀通讯员。", "优秀通讯员", False),  # a kind of people commended: no year, quotes or count
    ("会议表彰了2024年度优秀通讯员。", "2024年度优秀通讯员", True),
    ("会议表彰了优秀通讯员12名。", "优秀通讯员", True),
    ("会议表彰了“金牌通讯员”。", "金牌通讯员", True),
    # a sentence describing an honour, not conferring it
    ("“甲省青年奖章”是团省委授予优秀青年个人的最高荣誉。", "优秀青年个人", False),
    ("省级园林城市是由省住建厅评选命名的园林绿化先进城市。", "园林绿化先进城市", False),
    ("该奖项旨在树立一批优秀青年榜样。", "优秀青年榜样", False),
])
def test_admissible(text: str, name: str, kept: bool) -> None:
    a = text.index(name)
    sentence = next((s, e) for s, e in segments(text) if s <= a < e)
    lead = 0 if text.startswith("奖项设置") else sentence[0]
    assert admissible(text, a, a + len(name), sentence, lead, LEX, AR) is kept


# honours in sentences of our own that the grammar has no construction for: the shipped model reads them
@pytest.mark.parametrize("sentence,name", [
    ("在近日公布的名单中，乙镇中心小学位列“全国青少年校园足球特色学校”。", "全国青少年校园足球特色学校"),
    ("丁同志被市委组织部授以“优秀党务工作者”殊荣。", "“优秀党务工作者”"),
])
def test_the_model_reads_what_the_grammar_misses(sentence: str, name: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert (name, "award.tagged") in _tagged_awards(sentence)
    monkeypatch.setattr("extract.find.award_tagger.model_path", lambda: tmp_path / MODEL_FILE)  # no model
    assert _tagged_awards(sentence) == []  # the grammar alone finds nothing


def test_no_honour_in_budget_sentences() -> None:
    text = ("2023年一般公共预算财政拨款支出1200万元，比上年增加50万元，主要是奖励性绩效工资增加。"
            "其中：基本支出800万元，项目支出400万元。设立科技创新奖励资金100万元。")
    assert [n for n, r in _tagged_awards(text) if r == "award.tagged"] == []


def test_the_model_ships_with_the_rules() -> None:
    assert model_path().name == MODEL_FILE
    assert model_path().is_file()
    assert model_path().stat().st_size > 100_000


def _tiny_corpus(folder: Path) -> Path:
    folder.mkdir()
    text = "甲县第一中学被评为全省文明校园。乙村荣获全国文明村镇称号。丙局预算支出100万元。\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    gold = [{"kind": "award", "text": t, "start": text.index(t), "end": text.index(t) + len(t), "value": t}
            for t in ("全省文明校园", "全国文明村镇")]
    (folder / "a.gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    return folder


def test_training_learns_its_corpus_and_is_deterministic(tmp_path: Path) -> None:
    train = _train_module()
    corpus = _tiny_corpus(tmp_path / "corpus")
    one, two = tmp_path / "one.crfsuite", tmp_path / "two.crfsuite"
    assert train.main(["-o", str(one), str(corpus)]) == 0
    assert train.main(["-o", str(two), str(corpus)]) == 0
    assert one.read_bytes() == two.read_bytes()
    text = "甲县第一中学被评为全省文明校园。乙村荣获全国文明村镇称号。丙局预算支出100万元。\n"
    names = [h.name for h in tagged(text, RULES, model=one)]
    assert "全省文明校园" in names


@pytest.mark.skipif(not (ROOT.parent / "shared" / "corpus" / "dev").is_dir(),
                    reason="the dev corpus (../shared/corpus/dev) is part of the training data")
def test_the_shipped_model_is_what_the_corpus_trains(tmp_path: Path) -> None:
    """patterns/honours.crfsuite is up to date with benchmarks/corpus, ../shared/corpus/dev and the vocabulary of
    patterns/ (`make tagger` rebuilds it)."""
    train = _train_module()
    out = tmp_path / MODEL_FILE
    assert train.main(["-o", str(out)]) == 0
    assert out.read_bytes() == model_path().read_bytes(), "patterns/honours.crfsuite is stale: run `make tagger`"
