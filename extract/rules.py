"""Load and validate the rule files in ``patterns/``; compile them once.

Rules are data (YAML) with stable ids. A bad rule file fails loudly with a
:class:`RuleError`: duplicate keys or ids, regexes that do not compile,
placeholders that do not exist, unknown kinds.
"""
from __future__ import annotations

import functools
import os
import re
import re._constants as _sre_constants
import re._parser as _sre_parser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, TypeVar

import regex
import yaml

from .records import RuleError

_T = TypeVar("_T")

KINDS = ("amount", "headcount", "quantity", "percent", "date", "year", "award")
#: what ``--kinds`` / ``kinds=`` may name besides the kinds of facts: the labels of amounts, headcounts,
#: quantities and percents (jieba, the concepts), and the checks (which read every figure and its label)
STAGES = ("label", "check")
CHOICES = KINDS + STAGES


def choose_kinds(names: str | Iterable[str] | None) -> frozenset[str] | None:
    """The kinds of facts and stages asked for (``"amount,date"`` or a list), with what they need:
    ``check`` needs every kind of figure and the labels. None (everything, the default) when nothing
    or everything is asked, so a run that names every kind is the default run.

    >>> sorted(choose_kinds("amount, label")), choose_kinds(None), choose_kinds(list(CHOICES))
    (['amount', 'label'], None, None)
    >>> sorted(choose_kinds("check"))
    ['amount', 'check', 'date', 'headcount', 'label', 'percent', 'quantity', 'year']
    >>> choose_kinds("label")
    Traceback (most recent call last):
    ...
    ValueError: label alone gives no facts; name a kind of fact too (amount, headcount, quantity, percent, date, year, award)
    >>> choose_kinds("amounts")
    Traceback (most recent call last):
    ...
    ValueError: unknown kind 'amounts'; expected some of amount, headcount, quantity, percent, date, year, award, label, check
    """
    if names is None:
        return None
    asked = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)]
    asked = [n for n in asked if n]
    for n in asked:
        if n not in CHOICES:
            raise ValueError(f"unknown kind {n!r}; expected some of {', '.join(CHOICES)}")
    chosen = set(asked)
    if chosen and not chosen & set(KINDS) and "check" not in chosen:
        raise ValueError(f"{', '.join(sorted(chosen))} alone gives no facts; name a kind of fact too "
                         f"({', '.join(KINDS)})")
    if "check" in chosen:
        chosen |= {k for k in KINDS if k != "award"} | {"label"}
    return None if not chosen or chosen == set(CHOICES) else frozenset(chosen)


def patterns_dir() -> Path:
    """The rule folder: ``$REPORTFACTS_PATTERNS`` or ``patterns/`` next to the package."""
    env = os.environ.get("REPORTFACTS_PATTERNS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "patterns", here / "patterns"):
        if cand.is_dir():
            return cand
    raise RuleError(f"patterns/ folder not found next to {here}")


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A YAML loader that refuses duplicate mapping keys (a silent overwrite hides a rule); on
    libyaml's parser where PyYAML was built with it (14x faster than the pure-Python one)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise RuleError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except RuleError as e:
        raise RuleError(f"{path.name}: {e}") from None
    except yaml.YAMLError as e:
        raise RuleError(f"{path.name}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: expected a mapping at top level")
    return data


#: ``\p{…}`` properties of no line break (what ``line_bound`` may read as one Han character)
_NO_BREAK_PROPERTIES = frozenset({"Han", "Hani", "Script=Han", "L", "Lu", "Ll", "N", "Nd", "Latin", "P"})


def line_bound(pattern: str) -> bool:
    r"""True when no match of ``pattern`` can hold a line break and none is empty, and its lookaheads
    read no further than the next line break (lookbehinds may read anything: a search that starts
    at a line's start still sees the text before it). Then the matches of a full scan that start
    in a line are those of a scan of that line alone (from its start, the text ending just after
    its line break): no match spans two lines, so the full scan never carries a match over a line's
    start. A pattern this cannot prove so of (it does not parse as :mod:`re` does; back-references,
    ``$``, ``.``, ``\s``, ``[^…]`` outside a lookbehind) is not line-bound.

    >>> line_bound(r"(?<![\d\s])(?P<n>\d+)(?P<u>万元|元)(?![\d])"), line_bound(r"\d+(?=\s*元)")
    (True, False)
    >>> line_bound(r"[^，]+元"), line_bound(r"\d+元$"), line_bound(r"\d*"), line_bound(r"[\p{Han}]+局")
    (False, False, False, True)
    """
    if "[:" in pattern:  # a POSIX class ([[:space:]]) in regex, a plain set in re
        return False
    plain = regex.sub(r"\\([pP])\{([^}]*)\}",  # \p{Han}: one character of no line break
                      lambda m: "\u4e00" if m.group(1) == "p" and m.group(2) in _NO_BREAK_PROPERTIES else r"\s",
                      pattern)
    plain = regex.sub(r"(?<!\\)\(\?P?<(?![=!])\w+>", "(?:", plain)  # group names may repeat in regex
    try:
        parsed = _sre_parser.parse(plain)
    except (re.error, RecursionError, OverflowError):
        return False
    return bool(parsed.getwidth()[0]) and _no_break(list(parsed), behind=False)


def _no_break(items: list[tuple[Any, Any]], behind: bool) -> bool:
    """No line break matched by the parsed items (:mod:`re`'s parser), outside lookbehinds."""
    c = _sre_constants
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            if behind:
                continue
            if op is c.ANY or (op is c.LITERAL and av == 10) or (op is c.NOT_LITERAL and av != 10):
                return False
            if op is c.IN and _set_has_break(av):
                return False
        elif op is c.SUBPATTERN:
            if not _no_break(list(av[3]), behind):
                return False
        elif op is c.BRANCH:
            if not all(_no_break(list(b), behind) for b in av[1]):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _no_break(list(av[2]), behind):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _no_break(list(av), behind):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):  # a lookahead inside a lookbehind reads forward again
            if not _no_break(list(av[1]), behind=av[0] < 0):
                return False
        elif op is c.AT:
            if av in (c.AT_END, c.AT_END_STRING, c.AT_END_LINE):
                return False
        else:  # back-references, conditionals: unknown
            return False
    return True


def _set_has_break(items: list[tuple[Any, Any]]) -> bool:
    """Whether a parsed character set ([…]) may match a line break."""
    c = _sre_constants
    negate = bool(items) and items[0][0] is c.NEGATE
    has = False  # the set's members (before negation) surely include a line break
    maybe = False  # or might (a category of which that is not known here)
    for op, av in items[1:] if negate else items:
        if op is c.LITERAL and av == 10 or op is c.RANGE and av[0] <= 10 <= av[1]:
            has = True
        elif op is c.CATEGORY:
            if av in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE, c.CATEGORY_LINEBREAK, c.CATEGORY_UNI_LINEBREAK):
                has = True
            elif av not in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT, c.CATEGORY_WORD, c.CATEGORY_UNI_WORD):
                maybe = True
        elif op not in (c.LITERAL, c.RANGE):
            maybe = True
    return not has if negate else has or maybe


def compile_rule(pattern: str, where: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern)
    except regex.error as e:
        raise RuleError(f"{where}: regex does not compile: {e}: {pattern}") from None


def alternation(words: list[str]) -> str:
    """A regex alternation, longest first, so 万元 wins over 元 and 人次 over 人."""
    if len(set(words)) != len(words):
        dup = sorted({w for w in words if words.count(w) > 1})
        raise RuleError(f"duplicate entries {dup}")
    return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class FigureRule:
    id: str
    kind: str
    pattern: regex.Pattern[str]
    why: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    #: words near every match (季度, 半年 for quarters and halves): the rule is tried only within
    #: ``reach`` characters of them, a cheap literal search instead of a try at every position
    anchor: regex.Pattern[str] | None = None
    #: how far from the start or end of an anchor a match, and what its lookaheads read, can reach
    reach: int = 0
    #: resolved once per rule, not per match: the rule has a ``unit`` group
    has_unit: bool = False
    #: no match holds a line break (:func:`line_bound`): the rule may be tried on chosen lines alone
    line_bound: bool = False

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches of :attr:`pattern` in ``text``, as ``pattern.finditer(text)`` gives them.

        With an :attr:`anchor`, only the windows of ``reach`` characters around the anchors are
        searched (one scan per run of overlapping windows, resuming after the last match): a match
        starts and ends, lookaheads included, inside a window, and lookbehinds see before it (the
        ``pos`` of a search is not a cut of the text), so the matches are the same.

        >>> r = {r.id: r for r in load_rules().figures}["date.period"]
        >>> [m.group() for m in r.finditer("2021年上半年，一季度增长，全年下降")]
        ['2021年上半年', '一季度']
        """
        if self.anchor is None:
            yield from self.pattern.finditer(text)
            return
        done = 0  # the end of the last match: finditer never goes back before it
        lo = hi = -1
        for a in self.anchor.finditer(text):
            if a.start() - self.reach > hi:
                if hi >= 0:
                    for m in self.pattern.finditer(text, max(lo, done), hi):
                        done = m.end()
                        yield m
                lo = max(0, a.start() - self.reach)
            hi = min(len(text), a.end() + self.reach)
        if hi >= 0:
            for m in self.pattern.finditer(text, max(lo, done), hi):
                yield m


@dataclass(frozen=True)
class Identity:
    id: str
    total: str
    parts: tuple[str, ...]
    why: str
    optional: tuple[str, ...] = ()
    #: the identity does not hold where a figure of its scope has a label this matches
    #: (收入总计 = 支出总计 only where no 结余 is left over)
    unless: regex.Pattern[str] | None = None


@dataclass(frozen=True)
class Rules:
    """Everything compiled from patterns/, shared read-only by the pipeline."""

    # numerals
    cn_digits: dict[str, int]
    cn_bare: dict[str, int]
    cn_skip: frozenset[str]
    cn_figure: regex.Pattern[str]
    cn_year: regex.Pattern[str]
    cn_idioms: regex.Pattern[str]
    cn_capital: dict[str, str]
    money_words: regex.Pattern[str]
    figure_space: regex.Pattern[str]
    # units
    money: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    headcount_units: dict[str, str]
    qualifier_before: regex.Pattern[str]
    rank_before: regex.Pattern[str]
    # figures; the award grammar is compiled by find/awards.py from the raw file
    figures: tuple[FigureRule, ...]
    award_data: dict[str, Any]
    award_figures: dict[str, FigureRule]
    #: numerals.yaml as loaded: find/numerals.py compiles its word tables from it
    numeral_data: dict[str, Any]
    # sections
    heading: regex.Pattern[str]
    heading_ranks: dict[str, int]
    run_in: regex.Pattern[str]
    title_stop: regex.Pattern[str]
    title_max: int
    # labels
    clause_stop: regex.Pattern[str]
    strip_prefix: regex.Pattern[str]
    strip_suffix: regex.Pattern[str]
    strip_period: regex.Pattern[str]
    noun_after_units: frozenset[str]
    noun_after_stop: regex.Pattern[str]
    label_max: int
    reference_label: regex.Pattern[str]
    field_name: regex.Pattern[str]
    document_number: regex.Pattern[str]
    # validation
    concepts: dict[str, str]
    label_suffix: regex.Pattern[str]
    label_prefix: regex.Pattern[str]
    identities: tuple[Identity, ...]
    comparison: regex.Pattern[str]
    partial_markers: tuple[str, ...]
    part_marker: regex.Pattern[str]
    part_stop: regex.Pattern[str]
    change_before: regex.Pattern[str]
    change_up: frozenset[str]
    summary_table: regex.Pattern[str]
    #: label -> concept, filled as labels are looked up (labels repeat across a corpus)
    _concept_memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    #: what a later stage compiles from these rules, once per rule set (see :meth:`derived`)
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: str, build: Callable[[Rules], _T]) -> _T:
        """``build(self)``, computed once per rule set: a stage compiles its own grammar from the
        raw data handed to it here (find/awards.py does so for the award rules), so this module
        never imports a stage."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]  # type: ignore[no-any-return]

    def concept(self, label: str | None) -> str | None:
        """The concept a label names, through synonyms, then without a 预算数-like ending.

        >>> r = load_rules()
        >>> r.concept("“三公”经费预算数"), r.concept("其他收入"), r.concept("上半年全省生产总值")
        ('三公经费', None, '地区生产总值')
        """
        if not label:
            return None
        if label in self._concept_memo:
            return self._concept_memo[label]
        key = concept_key(label)
        bare = self.label_prefix.sub("", key)
        found = None
        for k in (key, self.label_suffix.sub("", key), bare, self.label_suffix.sub("", bare)):
            if k in self.concepts:
                found = self.concepts[k]
                break
        self._concept_memo[label] = found
        return found


def _figure_rules(data: dict[str, Any], fills: dict[str, str], where: str) -> tuple[FigureRule, ...]:
    out: list[FigureRule] = []
    seen: set[str] = set()
    for raw in data.get("rules", []):
        rid = raw.get("id")
        if not rid or rid in seen:
            raise RuleError(f"{where}: missing or duplicate rule id {rid!r}")
        seen.add(rid)
        if raw.get("kind") not in KINDS:
            raise RuleError(f"{where}: rule {rid}: unknown kind {raw.get('kind')!r}")
        pattern = raw.get("pattern", "(?!)")
        try:
            pattern = regex.sub(r"\{([A-Z]+)\}", lambda m: fills[m.group(1)], pattern)
        except KeyError as e:
            raise RuleError(f"{where}: rule {rid}: unknown placeholder {e}") from None
        anchor = raw.get("anchor")
        if anchor is not None and (not isinstance(raw.get("reach"), int) or raw["reach"] < 1):
            raise RuleError(f"{where}: rule {rid}: an anchor needs a reach (a whole number of characters, at least 1)")
        compiled = compile_rule(pattern, f"{where}: {rid}")
        out.append(FigureRule(rid, raw["kind"], compiled, raw.get("why", ""),
                              tuple(raw.get("examples", [])), tuple(raw.get("counter_examples", [])),
                              compile_rule(anchor, f"{where}: {rid}: anchor") if anchor is not None else None,
                              int(raw.get("reach", 0)), "unit" in compiled.groupindex, line_bound(pattern)))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def load_rules(folder: str | None = None) -> Rules:
    """Load and compile every rule file (cached; pass a folder to load another set)."""
    d = Path(folder) if folder else patterns_dir()
    num = load_yaml(d / "numerals.yaml")
    units = load_yaml(d / "units.yaml")
    figs = load_yaml(d / "figures.yaml")
    aw = load_yaml(d / "awards.yaml")
    aw["honours"] = load_yaml(d / "honours.yaml")  # the honour vocabulary, compiled by find/awards.py
    sec = load_yaml(d / "sections.yaml")
    lab = load_yaml(d / "labels.yaml")
    ide = load_yaml(d / "identities.yaml")

    chars = regex.escape(num["chars"])
    triggers = alternation(num["triggers"])
    not_after = "".join(regex.escape(c) for c in num["not_after"])
    cn_figure = compile_rule(
        rf"(?<![\d.{not_after}{chars}])(?P<n>[{chars}]+)(?=(?:余|多)?{triggers})"
        rf"|(?<=年|[至到\-])(?P<n>[一二三四五六七八九十]{{1,3}})(?=月)"
        rf"|(?<![\p{{Han}}])(?P<n>[一二三四五六七八九十]{{1,3}})(?=月[一二三四五六七八九十\d]{{1,3}}[日号])"
        rf"|(?<=月|[至到\-])(?P<n>[一二三四五六七八九十]{{1,3}})(?=[日号])"
        # a day without 日 after a year and month in words, ending its clause (二零一九年六月一，)
        rf"|(?<=[{chars}]年[一二三四五六七八九十]{{1,2}}月)(?P<n>[一二三四五六七八九十]{{1,3}})(?=[，,。；;\s]|$)",
        "numerals.yaml")
    capital = dict(num["capital"])
    word_chars = regex.escape(num["chars"] + "".join(capital))
    one_digit = regex.escape("".join(k for k in num["digits"]) + "".join(k for k, v in capital.items()
                                                                          if v in num["digits"]))
    money_words = compile_rule(
        rf"(?<![{word_chars}])(?P<int>[{word_chars}]{{1,24}})(?:(?P<yuan>元|圆)|块(?=[{one_digit}]毛|钱))"
        rf"(?:(?P<jiao>[{one_digit}])[角毛])?(?:(?P<fen>[{one_digit}])分)?(?:整|正|钱)?", "numerals.yaml")
    year_digits = "".join(k for k in num["digits"] if k != "两")
    # a year in words: four digits (二〇一九), 两千零九, or two digits before a month or a period (九九年二季度)
    cn_year = compile_rule(rf"(?P<y>[{year_digits}]{{4}}|[两二]千零?[一二三四五六七八九十]{{1,3}}"
                       rf"|(?<![\p{{Han}}\d])[{year_digits}]{{2}}(?=年(?:[一二三四五六七八九十]{{1,2}}月|第?[一二三四首]季度"
                       rf"|[上下]半年)))(?=年)", "numerals.yaml")

    money = {k: Decimal(str(v)) for k, v in units["money"].items()}
    mult = {k: Decimal(str(v)) for k, v in units["multipliers"].items()}
    all_units = list(money) + list(units["headcount"]) + list(units["quantity"]) + list(units["percent"])
    space_units = alternation(sorted(set(all_units) | set(mult) | {"年", "月", "日"}))
    figure_space = compile_rule(rf"(?<=\d)[ \t]+(?={space_units})|(?<=\d[ \t]*(?:万|亿))[ \t]+(?={space_units})"
                            rf"|(?<=\d[ \t]*[年月]|\d[日号]?[ \t]*[至到])[ \t]+(?=\d{{1,2}}[ \t]*[月日号])",
                            "units.yaml")
    fills = dict(figs.get("placeholders", {}))
    fills.update({
        "MULT": alternation(list(mult)),
        "QAFTER": alternation(units["qualifier_after"]),
        "MONEY": alternation(list(money)),
        "QUANTITY": alternation(units["quantity"]),
        "PERCENT": alternation(units["percent"]),
        "PER": alternation(units["per_measures"]),
        "CURRENCY": alternation(units["currency_prefix"]),
        "MONEYCTX": alternation(units["money_context"]),
    })
    figures = _figure_rules(figs, fills, "figures.yaml")
    award_figures = {r.id: r for r in _figure_rules(aw, fills, "awards.yaml")}

    styles = sec["styles"]
    ranks: dict[str, int] = {}
    alts = []
    for st in styles:
        if st["id"] in ranks:
            raise RuleError(f"sections.yaml: duplicate style id {st['id']}")
        ranks[st["id"]] = int(st["rank"])
        compile_rule(st["pattern"], f"sections.yaml: {st['id']}")
        alts.append(f"(?P<{st['id']}>{st['pattern']})")
    heading = compile_rule(r"[ \t\u3000]*(?:" + "|".join(alts) + r")[ \t\u3000]*", "sections.yaml")
    run_in = compile_rule("|".join(f"(?P<{r['id']}>{r['pattern']})" for r in sec["run_in"]), "sections.yaml")
    for r in sec["run_in"]:
        ranks[r["id"]] = int(r["rank"])

    concepts: dict[str, str] = {}
    for concept, syns in ide["concepts"].items():
        for s in [concept, *syns]:
            key = concept_key(s)
            if key in concepts and concepts[key] != concept:
                raise RuleError(f"identities.yaml: synonym {s!r} given to both {concepts[key]} and {concept}")
            concepts[key] = concept
    identities = []
    ids: set[str] = set()
    for it in ide["identities"]:
        if it["id"] in ids:
            raise RuleError(f"identities.yaml: duplicate id {it['id']}")
        ids.add(it["id"])
        for c in [it["total"], *it["parts"], *it.get("optional", [])]:
            if c not in ide["concepts"]:
                raise RuleError(f"identities.yaml: {it['id']}: unknown concept {c!r}")
        unless = compile_rule(it["unless"], f"identities.yaml: {it['id']}") if it.get("unless") else None
        identities.append(Identity(it["id"], it["total"], tuple(it["parts"]), it.get("why", ""),
                                   tuple(it.get("optional", [])), unless))
    markers = ide["part_markers"]

    return Rules(
        cn_digits={k: int(v) for k, v in num["digits"].items()},
        cn_bare={k: int(v) for k, v in num["bare"].items()},
        cn_skip=frozenset(num["skip"]),
        cn_figure=cn_figure,
        cn_year=cn_year,
        cn_capital=capital,
        money_words=money_words,
        cn_idioms=compile_rule(alternation(num.get("idioms", [])) if num.get("idioms") else "(?!)", "numerals.yaml"),
        figure_space=figure_space,
        money=money,
        multipliers=mult,
        headcount_units=dict(units["headcount"]),
        qualifier_before=compile_rule(f"(?:{alternation(units['qualifier_before'])})$", "units.yaml"),
        rank_before=compile_rule(alternation(units["rank_words"]), "units.yaml"),
        figures=figures,
        award_data=aw,
        numeral_data=num,
        award_figures=award_figures,
        heading=heading,
        heading_ranks=ranks,
        run_in=run_in,
        title_stop=compile_rule(sec["title_stop"], "sections.yaml"),
        title_max=int(sec["title_max"]),
        clause_stop=compile_rule(lab["clause_stop"], "labels.yaml"),
        strip_prefix=compile_rule(f"^{alternation(lab['strip_prefix'])}", "labels.yaml"),
        strip_suffix=compile_rule(f"{alternation(lab['strip_suffix'])}$", "labels.yaml"),
        strip_period=compile_rule(lab["strip_period"], "labels.yaml"),
        noun_after_units=frozenset(lab["noun_after_units"]),
        noun_after_stop=compile_rule(lab["noun_after_stop"], "labels.yaml"),
        label_max=int(lab["max_chars"]),
        reference_label=compile_rule(rf"(?:{alternation(lab['reference_words'])}|(?:19|20)\d{{2}}年度?)+", "labels.yaml"),
        field_name=compile_rule(lab["field_name"], "labels.yaml"),
        document_number=compile_rule(lab["document_number"], "labels.yaml"),
        concepts=concepts,
        label_suffix=compile_rule(f"{alternation(ide['label_suffixes'])}$", "identities.yaml"),
        label_prefix=compile_rule(f"^(?:{alternation(ide['label_prefixes'])})+", "identities.yaml"),
        identities=tuple(identities),
        comparison=compile_rule(f"{alternation(ide['comparison_words'])}"
                                f"(?![^，,。；;\\d]{{0,4}}?{alternation(ide['comparison_not_before'])})"
                            f"|{ide['comparison_pattern']}", "identities.yaml"),
        partial_markers=tuple(markers["partial"]),
        part_marker=compile_rule(alternation(markers["exhaustive"] + markers["partial"]), "identities.yaml"),
        part_stop=compile_rule(f"^{alternation(ide['part_stop_words'])}", "identities.yaml"),
        summary_table=compile_rule(ide["summary_table"], "identities.yaml"),
        change_before=compile_rule(rf"(?P<word>{alternation(ide['change_words'])})(?:了)?[\s约近达共]*$", "identities.yaml"),
        change_up=frozenset(ide["change_up"]),
    )


_CONCEPT_DROP = regex.compile(r"[\s“”\"'‘’「」]")


def concept_key(label: str) -> str:
    """A label reduced for synonym lookup: no quotes, spaces or bracket variants.

    >>> concept_key('“三公”经费 ')
    '三公经费'
    """
    return _CONCEPT_DROP.sub("", label).replace("(", "（").replace(")", "）")
