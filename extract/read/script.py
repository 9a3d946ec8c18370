"""A text's script: reports reposted in traditional characters are read in simplified ones.

Detection is data (``traditional_script`` of patterns/numerals.yaml: marks that only traditional
text prints, how many and how dense). Conversion is OpenCC's ``t2s``, kept one character for one,
so every offset of the simplified text is the document's own: the find stage normalises through it
and the reader's metadata (title, organisation, year) is read through it.
"""
from __future__ import annotations

import functools
import re

import regex

from ..rules import Rules, load_rules


def _script(rules: Rules) -> tuple[re.Pattern[str], int, float]:
    data = rules.numeral_data["traditional_script"]
    return re.compile("[" + re.escape(data["marks"]) + "]"), int(data["min_marks"]), float(data["min_share"])


_HAN = regex.compile(r"\p{Han}")


def is_traditional(text: str, rules: Rules) -> bool:
    """Whether ``text`` is written in traditional characters (``traditional_script`` of numerals.yaml).

    >>> r = load_rules()
    >>> is_traditional("授予張三“全國勞動模範”稱號，預算收入3.5億元", r), is_traditional("授予张三“全国劳动模范”称号", r)
    (True, False)
    """
    marks, least, share = rules.derived("read.script.marks", _script)
    if marks.search(text) is None:  # nearly every report: one scan in C
        return False
    found = len(marks.findall(text))
    return found >= least and found >= share * len(_HAN.findall(text))


@functools.lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    """OpenCC's traditional-to-simplified converter, loaded on first use."""
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def simplified_char(ch: str) -> str:
    """The simplified form of one character (itself when it has none, or none of one character).

    >>> simplified_char("國"), simplified_char("国"), simplified_char("a")
    ('国', '国', 'a')
    """
    out = _t2s().convert(ch) if ch >= "\u2e80" else ch
    return out if len(out) == 1 else ch


def simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one (same length, same offsets).

    >>> simplified("著名商標，全國勞動模範稱號，3.5億元")
    '著名商标，全国劳动模范称号，3.5亿元'
    """
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out  # phrases first: 著名 stays 著名
    return "".join(simplified_char(ch) for ch in text)


def _gloss(rules: Rules) -> tuple[regex.Pattern[str], int]:
    data = rules.numeral_data["pinyin_gloss"]
    one = rf"\([{data['letters']}]{{1,{int(data['max_letters'])}}}\)"
    return regex.compile(rf"(?<=\p{{Han}})(?:{one})+"), int(data["min_glosses"])


def gloss_spans(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Spans of the pinyin glosses a mirror copy prints after its characters (``pinyin_gloss`` of
    numerals.yaml), none when the text holds fewer than ``min_glosses`` of them.

    >>> r = load_rules()
    >>> gloss_spans("我省19個(gè)市(縣)獲全國(guó)雙擁模范城稱號(hào)", r), gloss_spans("世界卫生组织(who)发布", r)
    ([(5, 9), (16, 21), (28, 33)], [])
    """
    pattern, least = rules.derived("read.script.gloss", _gloss)
    if "(" not in text:
        return []
    spans = [m.span() for m in pattern.finditer(text)]
    return spans if len(spans) >= least else []


def without_glosses(text: str, rules: Rules | None = None) -> str:
    """``text`` with every pinyin gloss left out, however few (a part of a glossed copy: an honour's
    printed name).

    >>> without_glosses("全國(guó)雙擁模范城(縣)稱號(hào)，學(xue)(xue)校(xiao)"), without_glosses("全國(guó)")
    ('全國雙擁模范城(縣)稱號，學校', '全國')
    """
    pattern, _ = (rules or load_rules()).derived("read.script.gloss", _gloss)
    spans = [m.span() for m in pattern.finditer(text)] if "(" in text else []
    if not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s])
        pos = e
    return "".join(out) + text[pos:]
