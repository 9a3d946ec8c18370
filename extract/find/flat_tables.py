"""Tables flattened into text lines, ``|`` between cells (web pages saved as text) -> a fact per figure.

    2021年人口数及其构成                 the table's title: the line before it
    单位：人                            the unit: a line just above, a header cell (年末人数(人)),
    指 标 | 年末人数(人) | 比重(%) |      or a cell of the row that is a unit (| 户籍总人口 | 人 | 146041 |)
    全县人口 | 98509 | -- |            a row: its first text cell is the label, each figure a fact
    其中:城镇 | 48443 | 49.18 |          (a 其中 row keeps its marker in the row text: checks read it)

Only money and people become facts (a unit of 元/万元/亿元 or 人/人次/名); cells under a share
or rate header (比重, %, 增长) and under a numbering header (序号, 栏次) are left out, and so
are tables written one cell per line, whose rows the text does not show. Offsets point at the
figure in the original text; the fact's sentence is its row, its column the header above it.
"""
from __future__ import annotations

from decimal import Decimal

import regex

from ..read.tables import NUMBER
from ..records import Document, Fact
from ..rules import Rules

_UNIT_LINE = regex.compile(r"单位\s*[:：]\s*(?P<unit>[^\s|，,。;；)）]{1,4})")
_HEAD_UNIT = regex.compile(r"[（(](?P<unit>[^()（）]{1,4})[）)]\s*$")
_NOT_FIGURES = regex.compile(r"%|％|比重|比例|增长|增幅|增速|占|率|序号|栏次|行次|编号|编码|代码|排名|名次")
_SPACE = regex.compile(r"[\s\u3000]+")
_MARK = regex.compile(r"^(?:(?:其中|#|＃)\s*[:：]?|含\s*[:：])\s*")  # 其中：城镇, #城镇就业人员


def _cells(line: str, base: int) -> list[tuple[str, int]]:
    """The cells of a line with their offsets (empty cells kept, for column positions)."""
    out, pos = [], 0
    for part in line.split("|"):
        stripped = part.strip()
        out.append((stripped, base + pos + (part.find(stripped) if stripped else 0)))
        pos += len(part) + 1
    if out and not out[0][0] and line.lstrip().startswith("|"):
        out = out[1:]  # | a | b |: the line's opening bar
    return out


def _measure(word: str, rules: Rules) -> tuple[str, Decimal, str] | None:
    word = word.strip()
    if word in rules.money:
        return "amount", rules.money[word], "元"
    if word in rules.headcount_units:
        return "headcount", Decimal(1), "人"
    if word.startswith("万") and word[1:] in rules.headcount_units:
        return "headcount", Decimal(10000), "人"
    return None


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Runs of consecutive lines with at least two cells (line start, line)."""
    blocks: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 2 and sum(1 for c in line.split("|") if c.strip()) >= 2:
            run.append((pos, line))
        else:
            if len(run) >= 2:
                blocks.append(run)
            run = []
        pos += len(line) + 1
    if len(run) >= 2:
        blocks.append(run)
    return blocks


def flat_table_facts(doc: Document, rules: Rules, first_number: int = 1) -> list[Fact]:
    """Every money or people figure in the ``|`` tables of a text document."""
    facts: list[Fact] = []
    text = doc.text
    for n, block in enumerate(_blocks(text), first_number):
        start = block[0][0]
        above = text[max(0, start - 300):start].strip().split("\n")[-3:]
        unit_line = next((m for line in reversed(above) if (m := _UNIT_LINE.search(line))), None)
        table_unit = _measure(unit_line.group("unit"), rules) if unit_line else None
        title = next((ln.strip() for ln in reversed(above) if ln.strip() and not _UNIT_LINE.search(ln)), "")
        section = _SPACE.sub("", title)[:40] or f"表{n}"
        headers: dict[int, list[str]] = {}
        in_header = True
        for line_start, line in block:
            cells = _cells(line, line_start)
            figures = [j for j, (c, _) in enumerate(cells) if j and NUMBER.match(c)]
            if not figures and in_header:
                for j, (c, _) in enumerate(cells):
                    if c:
                        headers.setdefault(j, []).append(_SPACE.sub("", c))
                continue
            in_header = False
            texts = [(j, c) for j, (c, _) in enumerate(cells) if c and not NUMBER.match(c)]
            if not texts or not figures:
                continue
            row_unit = next((m for _, c in texts if (m := _measure(c, rules))), None)
            label = _MARK.sub("", _SPACE.sub("", texts[0][1]))
            for j in figures:
                printed, at = cells[j]
                head = "/".join(headers.get(j, []))
                if _NOT_FIGURES.search(head):
                    continue
                col_unit = _HEAD_UNIT.search(head)
                measure = row_unit or (_measure(col_unit.group("unit"), rules) if col_unit else None) or table_unit
                if measure is None:
                    continue
                kind, factor, unit = measure
                num = printed.replace(",", "")
                decimals = len(num.split(".")[1]) if "." in num else 0
                facts.append(Fact(
                    doc_id=doc.doc_id, kind=kind, text=printed, start=at, end=at + len(printed),
                    value=Decimal(num) * factor, unit=unit, rule="table.flat", label=label,
                    section=section, page=doc.page_at(at), sentence=line.strip(), sentence_start=line_start,
                    resolution=Decimal(1).scaleb(-decimals) * factor, source="table", column=head or None,
                    concept=rules.concept(label), table=n,
                ))
    return facts
