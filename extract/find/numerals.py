"""Numerals in words that ``rules.py`` does not compile, for :mod:`extract.find.normalize`.

Money in words beyond the plain 元角分 run (伍元零贰分, 256元4角5分, 肆分, 二百零八块四角三分钱),
numeral runs ending in a magnitude (五百万 -> 500万, 陆佰贰拾萬 -> 620万元), figures printed in
parts (1亿2000万), months in words at a clause start (从二月三日), two-digit years in words
(八九年3月) and invisible characters. The vocabularies are the tables of ``patterns/numerals.yaml``
(``money_words``, ``magnitudes``, ``month_after``, ``year2_not_after``, ``invisible``) and the
multipliers of ``units.yaml``; each pattern is compiled once per rule set.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import cn2an
import regex

from ..records import RuleError
from ..rules import Rules, alternation, load_rules


def numeral_words(rules: Rules) -> NumeralWords:
    """The compiled word tables of ``rules``' numerals.yaml (built once per rule set)."""
    return rules.derived("find.numerals", _build)


@dataclass(frozen=True)
class NumeralWords:
    """Numerals in words that ``rules.py`` does not compile: built once per rule set from the
    ``money_words``, ``magnitudes``, ``month_after``, ``year2_not_after`` and ``invisible`` tables of
    numerals.yaml (see :func:`numeral_words`)."""

    money: regex.Pattern[str]
    magnitude: regex.Pattern[str]
    month: regex.Pattern[str]
    year2: regex.Pattern[str]
    invisible: regex.Pattern[str]
    compound: regex.Pattern[str]
    digits: dict[str, int]  # one digit in any script: 五, 伍, 5
    capitals: frozenset[str]  # capital numerals that mark money (壹, 拾, 佰 ...)
    magnitudes: tuple[str, ...]
    multipliers: tuple[str, ...]  # 万亿, 亿, 万, 千 (units.yaml), longest first

    def digit_value(self, raw: str) -> int:
        """Value of a month or day numeral (十二, 三)."""
        return int(_cn2an(raw))

    def inside_number(self, text: str, pos: int) -> bool:
        return text[pos - 1:pos].isdigit() and text[pos + 1:pos + 2].isdigit()

    def _integer(self, raw: str, rules: Rules) -> int | None:
        """Value of a numeral run (capitals mapped to ordinary numerals first), None when it is
        not one number: two neighbouring digits are an estimate (五六万), not 56万.

        cn2an reads runs of any size exactly (integers, no float) but reads 五六 as 56 and
        九九 as 99 (digit by digit), which is right for years and wrong for amounts: hence the check.
        """
        plain = "".join(rules.cn_capital.get(c, c) for c in raw)
        if any(a in self.digits and b in self.digits and self.digits[a] and self.digits[b]
               for a, b in zip(plain, plain[1:])):
            return None
        try:
            v = _cn2an(plain.replace("两", "二") if plain[0] != "两" else plain)
        except (ValueError, KeyError, TypeError):
            return None
        return int(v) if float(v).is_integer() else None

    def money_value(self, m: regex.Match[str], rules: Rules) -> str | None:
        """Yuan (decimal text) of money in words with 元角分, or None when the run is no amount.

        >>> w = numeral_words(r := load_rules())
        >>> text = "伍元零贰分，256元4角5分，找零肆分，十分，三块"
        >>> {m.group(): w.money_value(m, r) for m in w.money.finditer(text)}
        {'伍元零贰分': '5.02', '256元4角5分': '256.45', '肆分': '0.04', '三块': None}
        """
        raw, jiao, fen = m.group("int"), m.group("jiao"), m.group("fen")
        if not raw:  # 肆分, 柒角伍分: capital numerals only (the pattern asks for them)
            whole = 0
        elif raw.isdigit():
            if not (jiao or fen):
                return None  # 256元: the money rules read it as printed
            whole = int(raw)
        else:
            if not any(c in self.digits for c in raw) or raw in rules.cn_skip:
                return None
            if m.group("yuan") == "块" and not (jiao or fen or m.group("tail") == "钱"):
                return None  # 三块: pieces (展板三块)
            got = self._integer(raw, rules)
            if got is None:
                return None
            whole = got
        j = self.digits[jiao] if jiao else 0
        f = self.digits[fen] if fen else 0
        if fen:
            return f"{whole}.{j}{f}"
        return f"{whole}.{j}" if jiao else str(whole)

    def compound_text(self, run: str, rules: Rules) -> str | None:
        """A figure printed in parts (1亿2000万, 2万5千, 1万2000) as one number in its last
        magnitude, or None when the parts do not fit (2万15千, and 3万5, which speech means as 35000).

        >>> w = numeral_words(r := load_rules())
        >>> [w.compound_text(x, r) for x in ("1亿2000万", "2万5千", "1万2000", "3万5", "2万15千")]
        ['12000万', '25千', '12000', None, None]
        """
        parts = regex.findall(rf"(\d+)({'|'.join(regex.escape(k) for k in self.multipliers)})?", run)
        total, last = 0, None
        for num, mag in parts:
            size = rules.multipliers[mag] if mag else 1
            if last is not None:
                room = last / size
                if size >= last or int(num) >= room or (not mag and len(num) != len(str(int(room))) - 1):
                    return None
                total = int(total * room)
            total += int(num)
            last = size
            if not mag:
                return str(total)
        return f"{total}{parts[-1][1]}"

    def magnitude_text(self, m: regex.Match[str], rules: Rules) -> str | None:
        """A numeral run ending in a magnitude as digits with the magnitude kept (五百万 -> 500万),
        or, in capitals, as yuan (陆佰贰拾萬 -> 620万元).

        >>> w = numeral_words(r := load_rules())
        >>> text = "以六千万收购，五六万，一万，陆佰贰拾萬，五百萬，千万"
        >>> [w.magnitude_text(m, r) for m in w.magnitude.finditer(text)]
        ['6000万', None, None, '620万元', '500万', None]
        """
        run = m.group()
        mag = next((g for g in self.magnitudes if run.endswith(g)), None)
        head = run[:len(run) - len(mag)] if mag else ""
        if not head or head in rules.cn_skip or not any(c in self.digits for c in head):
            return None
        value = self._integer(head, rules)
        if value is None or value == 0:
            return None
        unit = "".join(rules.cn_capital.get(c, c) for c in str(mag))
        money = "元" if any(c in self.capitals for c in run) else ""
        return f"{value}{unit}{money}"


@functools.lru_cache(maxsize=4096)
def _cn2an(raw: str) -> int | float:
    """cn2an's reading of a numeral run, remembered: it costs tens of microseconds a call and
    the same runs (三月, 伍元) come back throughout a document."""
    return cn2an.cn2an(raw, "normal")  # type: ignore[no-any-return]


def _build(rules: Rules) -> NumeralWords:
    """Compile the word tables of numerals.yaml (the file of the rule folder in use:
    ``$REPORTFACTS_PATTERNS`` or ``patterns/``)."""
    data = rules.numeral_data
    mw = data["money_words"]
    cap = rules.cn_capital
    # capital digits and 拾佰仟 mark money; 萬/億 are also the traditional script of ordinary counts
    capitals = frozenset(k for k, v in cap.items() if k != v and v not in "万亿")
    digits = {**rules.cn_digits, **{k: rules.cn_digits[v] for k, v in cap.items() if v in rules.cn_digits},
              **{str(i): i for i in range(10)}}
    numeral = regex.escape("".join(sorted(set(data["chars"]) | set(cap))))
    no_zero = numeral.replace("零", "")
    one = regex.escape("".join(sorted(digits)))
    cap_one = regex.escape("".join(sorted(c for c in capitals if cap[c] in rules.cn_digits)))
    yuan, tail = (alternation(mw[k]) for k in ("yuan", "tail"))
    jiao, fen = (alternation([k for k, v in mw["subunits"].items() if v == place]) for place in (1, 2))
    n = int(mw["max_chars"])
    money = compile_words(
        rf"(?:(?<![{numeral}\d.])(?P<int>\d+(?![\d.])|[{numeral}]{{1,{n}}})(?P<yuan>{yuan})"
        rf"(?:零?(?P<jiao>[{one}]){jiao})?(?:零?(?P<fen>[{one}]){fen})?"
        # 角/分 alone in capitals; 零 may end a word before it (找零肆分)
        rf"|(?<![{no_zero}\d.])(?=[{cap_one}](?:{jiao}|{fen}))"
        rf"(?:(?P<jiao>[{cap_one}]){jiao})?(?:零?(?P<fen>[{cap_one}]){fen})?)(?P<tail>{tail})?")
    mags = tuple(sorted(data["magnitudes"], key=len, reverse=True))
    not_after = regex.escape("".join(data["not_after"]))
    magnitude = compile_words(rf"(?<![{numeral}{not_after}\d.])[{numeral}]{{1,{n}}}"
                              rf"(?<={alternation(list(mags))})(?![{numeral}\d])")
    after, not_before = alternation(data["month_after"]), alternation(data["month_not_before"])
    cn = "一二三四五六七八九十"
    # a month followed by a numeral without 日 is a festival's name (三月三, 二月二), not a date
    festival = rf"[{cn}]{{1,3}}(?![{cn}日号])"
    month = compile_words(rf"(?:(?<=^|[\s，,。；;：:、（(])|(?<={after}))"
                          rf"(?P<n>十[一二]?|[一二三四五六七八九])(?=月(?!{not_before})(?!{festival}))",
                          regex.MULTILINE)
    y_digits = "".join(k for k in rules.cn_digits if k != "两")
    y_not = regex.escape("".join(data["year2_not_after"]))
    year2 = compile_words(rf"(?<![{numeral}{y_not}\d])(?P<y>[{y_digits}]{{2}})"
                          rf"(?=年(?:\d{{1,2}}|十[一二]?|[一二三四五六七八九])月)")
    invisible = compile_words("[" + regex.escape("".join(data["invisible"])) + "\ufeff]")
    mult = alternation(list(rules.multipliers))
    # at most one part per magnitude, so the work per start is bounded (a hostile 1万1万1万… stays linear)
    part = rf"\d{{1,16}}{mult}"
    compound = compile_words(rf"(?<![\d.]){part}(?:{part}){{0,{len(rules.multipliers) - 2}}}"
                             rf"(?:{part}|\d{{1,16}}(?=\p{{Han}}))(?![\d.])")
    return NumeralWords(money, magnitude, month, year2, invisible, compound, digits, capitals, mags,
                        tuple(sorted(rules.multipliers, key=len, reverse=True)))


def compile_words(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a pattern built from numerals.yaml; a bad table is a :class:`RuleError`."""
    try:
        return regex.compile(pattern, flags)
    except regex.error as e:
        raise RuleError(f"numerals.yaml: regex does not compile: {e}: {pattern}") from None
