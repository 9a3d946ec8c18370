"""The honour vocabulary and the award grammar compiled from it, shared by the award rules.

An honour's name is a *head* from patterns/honours.yaml (劳动模范, 先进集体, 示范县, 一等奖 …)
with the modifiers before it: a year or a round (2021年度, 第六届, 首批), a level, a region, an
organiser, quotes, and a bracket at the end (全国双拥模范城（县）). A name alone is never an award:
the grammar of patterns/awards.yaml (verbs of conferring, commendation lists, nominations,
list headings) decides where one is conferred, retained or nominated.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

from ..records import RuleError
from ..rules import FigureRule, Rules, alternation, compile_rule
from ..read.script import without_glosses
from .normalize import simplified_char

CLAUSE = regex.compile(r"[，,。；;！!？?\n]")
#: an item that ends in the kind of honour only (…多项荣誉, 省市荣誉) names no honour of its own
VAGUE_END = regex.compile(r"(?:荣誉称号|荣誉|称号|奖项|表彰)$")
#: words that count or class honours without naming one (多项, 各类荣誉)
GENERIC_REST = regex.compile(r"(?:多|各|数|若干|一系列)(?:项|个|种)|^(?:等|各类)?(?:荣誉称号|荣誉|称号|奖项)$")
_BRACKET_END = regex.compile(r"[（(][\p{Han}、]{1,6}[）)]$")
QUOTES = "“”\"'‘’「」『』"
_IN_EVENT = regex.compile(r"^在(?P<event>.+?)(?:活动)?中$")
_COUNT = regex.compile(r"(?P<n>\d+)(?:个|名|家|所|位|户|项|件|篇|部|支|人)")
#: a year or a round before a name: 2021年度, 2021—2025年度第二批, 第六届, 首批, 新一届
#: the number a list item or heading may open with (一、 2. （三）), optional
LIST_NUMBER = r"(?:[一二三四五六七八九十\d]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])?"
# the words after a 和 inside a ministry's or a system's name (住房和城乡建设, 人力资源和社会保障, 工业和信息化, 文化和旅游):
# a list is not split there (全国住房和城乡建设系统先进集体 is one name)
ORGAN_AND = r"(?:城乡建设|社会保障|信息化|旅游|规划|改革|计划生育)"
PREFIX = r"(?:(?:19|20)\d{2}(?:[—\-－~～至](?:19|20)?\d{2})?年度?|第[\d一二三四五六七八九十]+[届批次]|首[届批]|新一届|本届)"


@dataclass(frozen=True)
class AwardRules:
    """The compiled grammar of patterns/awards.yaml over the vocabulary of patterns/honours.yaml."""

    rules: dict[str, FigureRule]
    verbs: regex.Pattern[str]
    quoted: regex.Pattern[str]
    named: regex.Pattern[str]
    level: regex.Pattern[str]
    result_verbs: regex.Pattern[str]
    commend_verbs: regex.Pattern[str]
    named_item: regex.Pattern[str]
    head_end: regex.Pattern[str]
    list_item: regex.Pattern[str]
    nominated_as: regex.Pattern[str]
    nominate_verbs: regex.Pattern[str]
    applied_for: regex.Pattern[str]
    merit: regex.Pattern[str]
    generic: regex.Pattern[str]
    tails: regex.Pattern[str]
    ranking: regex.Pattern[str]
    retain: frozenset[str]
    head_verbs: frozenset[str]
    count_after: regex.Pattern[str]
    count_before: regex.Pattern[str]
    event: regex.Pattern[str]
    prefix: regex.Pattern[str]
    commended: regex.Pattern[str]
    nominee_list: regex.Pattern[str]
    heading: regex.Pattern[str]
    not_honour: regex.Pattern[str]
    counted: regex.Pattern[str]
    named_as: regex.Pattern[str]
    retained_named: regex.Pattern[str]
    retained_names: regex.Pattern[str]
    elect_list: regex.Pattern[str]
    nominee_item: regex.Pattern[str]
    honour_column: regex.Pattern[str]
    column_word: regex.Pattern[str]
    weak_end: regex.Pattern[str]
    epithet: regex.Pattern[str]
    holder_end: regex.Pattern[str]
    plain_heads: frozenset[str]
    # heads that a verb of approval only qualifies for (被认定为…专精特新“小巨人”企业: a qualification; 荣获…称号,
    # 入选…, 成为…的一员: an honour): a group's ``not_after`` verbs in patterns/honours.yaml
    approved: tuple[regex.Pattern[str], frozenset[str]] | None
    count_nominate: regex.Pattern[str]
    announced: regex.Pattern[str]

    recipient_nouns: tuple[str, ...]
    object_verbs: frozenset[str]
    counted_objects: regex.Pattern[str]
    counted_prizes: regex.Pattern[str]
    and_next: regex.Pattern[str]
    holder_of: regex.Pattern[str]
    name_before: regex.Pattern[str]
    retained_tail: regex.Pattern[str]
    proposed: regex.Pattern[str]
    retained_list: regex.Pattern[str]
    nominee_title: regex.Pattern[str]
    bare_epithet: regex.Pattern[str]
    free_title: regex.Pattern[str]
    on_list: regex.Pattern[str]
    review_passed: regex.Pattern[str]
    breakdown: regex.Pattern[str]
    winners_have: regex.Pattern[str]
    counted_nominee: regex.Pattern[str]
    nominee_word: regex.Pattern[str]
    nominee_end: regex.Pattern[str]
    elected_in: regex.Pattern[str]
    since_end: regex.Pattern[str]
    prior_award: regex.Pattern[str]
    nominee_named: regex.Pattern[str]
    continued_named: regex.Pattern[str]
    epithet_role: regex.Pattern[str]
    epithet_word: regex.Pattern[str]
    future: regex.Pattern[str]
    propose: regex.Pattern[str]
    revoke: regex.Pattern[str]
    designation: regex.Pattern[str]
    level_verbs: frozenset[str]
    honour_context: regex.Pattern[str]
    object_not_end: regex.Pattern[str]
    object_trim: regex.Pattern[str]
    level_open: regex.Pattern[str]
    held: regex.Pattern[str]
    holders_after: regex.Pattern[str]
    epithet_holder: regex.Pattern[str]

    def strong(self, name: str) -> bool:
        """A name ending in a head that is no everyday word (全国五一劳动奖状, 文明家庭; not 困难家庭, 预算单位)."""
        m = self.head_end.search(_BRACKET_END.sub("", unquote(name)))  # the longest head the name ends in
        return bool(m) and m.group() not in self.plain_heads


def honour_heads(groups: list[dict[str, Any]], where: str = "honours.yaml") -> list[str]:
    """Every head of the vocabulary; a head listed twice (in one group or two) is refused.

    >>> honour_heads([{"id": "a", "heads": ["标兵", "能手"]}, {"id": "b", "heads": ["一等奖"]}])
    ['标兵', '能手', '一等奖']
    """
    seen: dict[str, str] = {}
    for g in groups:
        for h in g.get("heads", []):
            if h in seen:
                raise RuleError(f"{where}: head {h!r} listed in {seen[h]} and {g['id']}")
            seen[h] = g["id"]
    return list(seen)


def award_rules(rules: Rules) -> AwardRules:
    """The award grammar of a rule set, compiled once (the rule loader hands over the raw files); its
    patterns' compiled code is kept on disk between runs (:mod:`.grammar_cache`: 0.25 CPU-s -> 4 ms)."""
    from .grammar_cache import cached_grammar

    return rules.derived("awards", lambda r: cached_grammar("awards", r.award_data, lambda comp: _compile(r, comp)))


def _compile(r: Rules, comp: Any = compile_rule) -> AwardRules:
    aw, rules, alt = r.award_data, r.award_figures, alternation
    where = "awards.yaml"
    verb = rf"(?<!(?:{alt(aw['goal_words'])})被?)(?:{alt(aw['verbs'] + aw['head_verbs'])})(?!{alt(aw['verb_not_before'])})"
    retain = alt(aw["retain_verbs"])
    heads = alt(honour_heads(aw["honours"]["groups"]))
    person = alt([h for g in aw["honours"]["groups"] if g["id"] == "honour.person" for h in g["heads"]])
    tails = alt(aw["tails"])
    # a bracket that is part of a name (（县）, （集体）, （市、区）), not a note on the list (（名单详见附件）)
    bracket = r"(?:[（(](?![^）)]{0,6}?(?:名单|附件|详见|见附|附后))[\p{Han}、]{1,6}[）)])?"
    no_quote = "“”\"「」『』《》"
    nominee = alt(aw["nominee_nouns"])
    # every verb that confers, commends, announces results, names or nominates: what 将/可/拟 may stand before
    any_verb = alt(list(dict.fromkeys(aw["verbs"] + aw["head_verbs"] + aw["commend_verbs"] + aw["result_verbs"]
                                      + aw["as_verbs"] + aw["count_nominate_verbs"] + aw["retain_verbs"]
                                      + ["颁发", "颁授", "评选", "评定"])))
    between = rf"(?:{alt(aw['future_between'])})*"
    return AwardRules(
        rules=rules,
        verbs=comp(verb, where),
        quoted=comp(
            rf"(?P<verb>{verb}|{retain})了?(?P<between>[^，,。；;！!？?\n{no_quote}]{{0,80}}?)"
            rf"[“\"「『”](?P<name>[^{no_quote}\n，,。；;]{{2,40}}?)[”\"」』“](?:[ \t\u3000]*(?P<tail>{tails}))?", where),  # no clause inside a title
        # an unquoted name ending in a head; quotes may stand inside (山东省2022年“全国科技工作者日”优秀组织单位)
        named=comp(
            rf"(?P<verb>{verb})了?(?![评得选授被]|\d+[个项次名人家所户位支座枚块面尊])"
            # 荣获国务院颁发的全国民族团结进步模范集体称号: the conferring body before the name
            rf"(?:[^，,。；;“”\n的]{{2,20}}?(?:颁发|授予|评选|命名|评定|认定)的)?"
            rf"(?P<name>(?:助人为乐|见义勇为|和(?={ORGAN_AND})|《[^《》\n]{{1,12}}》(?=\p{{Han}})|[^，,。；;、：:《》()（）\s的和及为暨]){{0,30}}?{heads}{bracket})"  # 助人为乐模范: 为 inside; 《团结报》订阅工作先进集体
            rf"(?=[，,。；;、\s（(…]|表彰|名单|榜单|的(?:人员|单位|个人|集体|家庭)?名单|$|(?:的|这一)?(?:光荣|崇高)?(?:荣誉称号|称号|荣誉|殊荣|桂冠)(?=[，,。；;、\s）)]|$)|(?:和|及|以及|暨)(?=[^，,。；;\n]{{2,30}}?(?:称号|荣誉)|[^，,。；;、\n]{{2,28}}?{heads}(?:[，,。；;、\s]|的|等|$))|(?:企业|单位|集体|个人|家庭)?(?P<n>\d+)(?:枚|块|座|个|项|面|次|家|名|人次|人|所|位|户)|[“\"]?[二三四五六七八九十\d]+连冠|[一二两三四五六七八九十]+(?:次|枚|块|座|面)|\d+(?:\.\d+)?万?元"
            # 获得2013年全国五一劳动奖章的会员有：… (the honour, then who holds it)
            rf"|的[^，,。；;\n]{{0,8}}?(?:有|是|为|包括)[：:]"
            # 成为“专精特新”企业的一员: the holder one of the honour's holders
            rf"|的一员"
            # 自2015年蝉联全国文明城市以来: the time word after the honour won
            rf"|(?:{alt(aw['since_words'])})(?=[，,。；;\s]|$)"
            # 被评为全国教育系统劳动模范并荣获人民教师奖章: a second verb of the clause after 并
            rf"|并(?:且)?(?=[\p{{Han}}])"
            # 表彰了获得2023年度全国三八红旗手的个人和…: the honour, then the kind of its holders
            rf"|的(?:个人|集体|单位|同志|家庭|代表|人员)(?=[和及与、，,。；;\s]|$)"
            # 获得全国五一劳动奖状的集体有7家, 获评优秀组织单位的分别为甲、乙: the honour, then its holders
            rf"|的(?:{alt(aw['holder_kinds'])})?(?:分别|还|共)?(?:有|是|为)(?=\d|[^\d，,。；;\n]{{2,}}))", where),
        level=comp(rf"(?P<name>{aw['levels']})", where),
        # 第十二届“中国青年五四奖章标兵”10名候选人日前确定, 确定了10名“…标兵”候选人: an honour and the count of
        # its nominees, either order, before the nominee noun (stage nominated)
        # (36位“感动海南”候选人: a whole quoted title; “七一勋章”初步建议人选12名, A推荐人选各57名: the nominee noun first)
        counted_nominee=comp(rf"(?:(?:^|(?<=[，,。；;：:\n（）()\s]))(?P<name>(?:{PREFIX})*[“\"「『]?[\p{{Han}}A-Za-z0-9]{{0,16}}?"
                             rf"{heads}[”\"」』]?)(?P<n>\d+)(?:名|个|位|人|家)|(?<!\d)(?P<n>\d+)(?:名|个|位|家)"
                             rf"(?P<name>(?:{PREFIX})*[“\"「『]?[\p{{Han}}A-Za-z0-9]{{0,16}}?{heads}[”\"」』]?|[“\"][^“”\"\n]{{2,20}}[”\"]))(?:{nominee})"
                             rf"|(?:(?:^|(?<=[，,。；;：:\n（）()\s、]))(?P<name>(?:{PREFIX})*[“\"「『]?[\p{{Han}}A-Za-z0-9]{{0,16}}?{heads}[”\"」』]?)"
                             rf"|(?P<name>[“\"][^“”\"\n]{{2,20}}[”\"]))(?:{nominee})各?(?P<n>\d+)(?:名|个|位|人|家)", where),
        nominee_word=comp(nominee, where),
        # 优秀文明单位候选单位4家: the nominee word closing a counted name, no part of the honour
        nominee_end=comp(rf"(?:{alt(aw['nominee_nouns'] + aw['nominee_units'])})$", where),
        winners_have=comp(rf"(?:{alt(aw['winners_words'])})[^。；;！!？?\n]{{0,20}}?共?有", where),
        # 会议推选出A候选人5名: the last verb of electing, nominating or announcing inside a counted nominee's name
        elected_in=comp(rf"(?r)(?:{alt(list(dict.fromkeys(aw['elect_verbs'] + aw['nominate_verbs'] + aw['result_verbs'] + ['确定'])))})了?", where),
        # 荣获A之后, 获得A、B之后: the time word after an honour won (three characters of the name before it at least)
        since_end=comp(rf"(?<=\p{{Han}}{{3}})(?:{alt(aw['since_words'])})$", where),
        breakdown=comp(rf"\s*(?:{alt(aw['breakdown_words'])})", where),
        prior_award=comp(rf"{verb}|{alt(aw['result_verbs'] + aw['commend_verbs'] + aw['prior_award_words'])}", where),
        result_verbs=comp(alt(aw["result_verbs"]) + "了?", where),
        commend_verbs=comp(alt(aw["commend_verbs"]) + "了?", where),
        named_item=comp(rf"(?:{PREFIX})*[\p{{Han}}A-Za-z0-9“”·・]{{0,16}}?{heads}{bracket}", where),
        head_end=comp(rf"{heads}$", where),
        list_item=comp(aw["list_item"], where),
        nominated_as=comp(
            rf"(?:{alt(aw['nominate_verbs'])}[^，,。；;]{{0,30}}?为|{alt(aw['elect_verbs'])})"
            rf"(?P<name>(?:{PREFIX})?[^，,。；;、\d《》\n为]{{2,30}}?{heads}[”\"]?)(?:{nominee})", where),
        nominate_verbs=comp(alt(aw["apply_nominate_verbs"]), where),
        applied_for=comp(rf"{alt(aw['apply_verbs'])}(?P<name>[^，,。；;、{no_quote}]{{2,30}}?{heads})(?=[，,。；;、]|$)", where),
        merit=comp(aw["merit"], where),
        generic=comp(aw["generic"], where),
        tails=comp(f"{tails}$", where),
        ranking=comp(alt(aw["ranking_words"]), where),
        retain=frozenset(aw["retain_verbs"]),
        head_verbs=frozenset(aw["head_verbs"]),
        count_after=comp(r"^(?:[\u4e00-\u9fff]{0,4}?)(?P<n>\d+)(?:个|项|名|篇|件|部|次|人)", where),
        count_before=comp(r"(?P<n>\d+)(?:个|项|名|篇|件|部|次)$", where),
        event=comp(rf"(?:参加|参与|参赛|在)(?P<event>[^，,。；;、]{{2,40}}?{aw['events']})", where),
        prefix=comp(rf"^(?:{PREFIX})+", where),
        # 对 LIST 予以表彰 / 进行了表彰 / 通报表扬: the honours are the items of the list
        commended=comp(rf"(?:(?<![针面相核反应绝])对(?![于照接标外象待比口话策])|(?<![因作成认称以并行])为(?![了此何]))(?P<list>[^，,。；;！!？?\n对]{{2,160}}?)(?:{alt(aw['commend_frames'])})", where),
        # 现将 A、B 和 C 拟推荐对象予以公示 / 推选出…候选人
        # (现将拟推荐的全国文明家庭名单公示如下: after 拟推荐 the list heading alone)
        nominee_list=comp(rf"(?:将|对)(?P<list>(?P<lead>拟推荐的?)?[^，,。；;！!？?\n将对]{{2,120}}?)"
                          rf"(?:(?:{nominee})(?:名单)?|(?(lead)名单|(?!)))(?:予以|进行)?公示", where),
        # a line that heads a list of recipients: 全国二等奖获奖名单(10人), 拟推荐全国五一劳动奖章（2名）
        heading=comp(rf"(?m)^[ \t\u3000]*{LIST_NUMBER}[ \t]*(?P<nom>{alt(aw['nominate_verbs'])})?"
                     rf"(?P<name>[^\s，,。；;：:、《》()（）]{{2,30}}?{bracket})(?P<kind>{alt(aw['heading_words'])})?"
                     rf"[（(](?:共)?(?P<n>\d+)[人名个家项户位件篇所支][）)][：:]?[ \t\u3000]*$", where),
        not_honour=comp(alt(aw["not_honours"]) + "(?!奖)", where),  # 省长质量奖金奖: 奖 + 金奖, no prize money
        # an honour, its count and a colon before the recipients: 第三届全国文明家庭2户：…
        # (“最美志愿者”2人，分别为甲、乙: the holders after 分别为, also after 其中)
        counted=comp(r"(?m)(?:^|(?<=[。；;]|其中[，,]?))[ \t\u3000]*" + LIST_NUMBER +
                     r"[ \t]*(?P<name>[^\s，,。；;：:、《》()（）]{2,30}?)[（(]?(?P<n>\d+)(?:户|名|个|家|人|项|所|位|支|件)[）)]?"
                     r"(?:[：:]|[，,]?分别(?:为|是))", where),
        # 命名甲等100个县（市、区）为全国科普示范县（市、区）: verb, recipients, 为, an unquoted name
        named_as=comp(rf"(?:{alt(aw['as_verbs'])})(?P<recip>[^，,。；;！!？?\n“”为]{{1,160}}?)为"  # 授予甲、乙、…等24人为…
                      rf"(?P<name>[^，,。；;、：:《》()（）“”\s的和]{{2,30}}?{heads}{bracket})(?=[，,。；;、\s]|$|的?(?:光荣|崇高)?(?:荣誉称号|称号)"
                      rf"|[（(](?:具体)?名单(?:见附件|附后)[^（）()]{{0,4}}[）)])", where),  # …为A（名单见附件）
        # 继续保留全国文明单位荣誉称号: an unquoted name kept after review
        retained_named=comp(rf"(?:{retain})(?:(?P<recip>[^，,。；;、：:《》“”\s的]{{0,30}}?\d+[个家所座名位](?:城市|县城|县|城区|区|村镇|村|单位|集体|学校|企业|社区)?(?:[（(][\p{{Han}}、]{{1,6}}[）)])?)的)?(?P<name>[^，,。；;、：:《》()（）“”\s的和]{{2,30}}?{heads}{bracket})"
                            rf"(?:荣誉称号|称号)", where),
        # 将继续保留全国文明村镇、全国文明单位…的荣誉称号: several names kept after review
        retained_names=comp(rf"(?:{retain})(?P<list>(?:[^，,。；;、：:《》()（）“”\s的和]{{2,30}}?{heads}{bracket}[、和及]){{1,8}}"
                           rf"[^，,。；;、：:《》()（）“”\s的和]{{2,30}}?{heads}{bracket})的?(?:荣誉称号|称号)", where),
        # 推选出 A候选单位3个、B候选人10名: the nominees listed after a verb of choosing
        elect_list=comp(rf"(?:{alt(aw['elect_verbs'])})(?P<list>[^，,。；;！!？?\n]{{2,160}})", where),
        nominee_item=comp(rf"^(?P<name>.{{2,30}}?)(?:{alt(aw['nominee_nouns'] + aw['nominee_units'])})"
                          rf"(?:(?P<n>\d+)(?:个|名|人|家|位|项|户|所|支))?$", where),
        # “全国劳动模范”李某某出席: a person's honour held as an epithet before the name (stage held)
        epithet=comp(rf"(?:(?<![\p{{Han}}])|(?<=涌现出|涌现了|出现了|推出了|推出|选树了|树立了))[“\"](?P<name>[^“”\"\n]{{0,20}}?(?:{person}|人物)|(?:全国|全省|全市|全县|省|市|县)?(?:最美|十佳|杰出|优秀)[^“”\"\n]{{1,10}})[”\"](?!{alt(aw['epithet_not'])})(?P<who>\p{{Han}}{{2,3}}?)(?:同志)?"
                     rf"(?=[，,。；;、\s]|{alt(aw['epithet_after'])})(?!作[室品坊业者])", where),  # 劳模创新工作室: a studio
        honour_column=comp(rf"^(?:{alt(aw['honour_columns'])})$", where),
        column_word=comp(alt(aw["honour_columns"]), where),
        weak_end=comp(rf"(?:{alt(aw['honours']['weak_heads'])}){bracket}$", where),
        holder_end=comp(rf"(?<!工)(?:{alt(aw['holder_nouns'])})$", where),
        plain_heads=frozenset(aw["honours"]["plain_heads"] + aw["honours"]["weak_heads"]),
        approved=(comp(rf"(?:{alt([h for g in aw['honours']['groups'] if g.get('not_after') for h in g['heads']])})$", where),
                  frozenset(v for g in aw["honours"]["groups"] for v in g.get("not_after", []))),
        recipient_nouns=tuple(sorted(aw["recipient_nouns"], key=len, reverse=True)),
        object_verbs=frozenset(aw["as_verbs"] + ["追授"]),
        # 授予1493个村镇全国文明村镇称号、…: one verb, counted recipients before each unquoted name
        counted_objects=comp(rf"(?P<verb>{verb})了?(?=(?:[^，,。；;、“”\d]{{1,40}}?等)?\d+(?:个|名|家|所|位|户|支|人))(?P<list>[^，,。；;！!？?\n{no_quote}]{{2,160}})", where),
        # 获1枚银牌及4个优胜奖, 斩获2枚金牌、3枚银牌: prizes counted before their names after a verb of winning
        counted_prizes=comp(rf"(?P<verb>{verb})了?(?=\d+(?:枚|块|面|座|个|项|尊|座))(?P<list>[^，,。；;！!？?\n{no_quote}]{{2,80}})", where),
        # 获特殊贡献奖和优秀组织奖, 荣获省三八红旗手和省三八红旗集体的…: the next name joined to one read
        and_next=comp(rf"(?:以及|和|及|与|暨)(?P<name>(?:{PREFIX})*[^，,。；;、：:《》()（）“”\s的和及与]{{0,28}}?{heads}{bracket})"
                      rf"(?=[，,。；;、\s]|的|等|$|(?:荣誉称号|称号|荣誉|表彰))", where),
        # 孤残儿童护理员赛项一等奖的获得者——赵某: an honour named by its holder
        # (the name is read backwards from its anchor: an unanchored lazy name would be tried at every position)
        holder_of=comp(r"的?(?:获得者|得主)", where),
        name_before=comp(rf"(?P<name>[^，,。；;、：:《》()（）\s的{no_quote}—]{{2,30}}?{heads}{bracket})$", where),
        # 拟申报以下城(县)为全国双拥模范城(县): a proposal, stage nominated
        # (拟推荐甲等50家单位为第四批省级引领型农村社区（名单附后）: a round or a level names it without a head)
        proposed=comp(rf"拟(?:推荐|申报|命名|表彰|授予|确认)[^，,。；;\n]{{0,30}}?为(?P<name>[^，,。；;、：:《》()（）\s的{no_quote}]{{2,30}}?"
                      rf"{heads}{bracket}|(?:第[\d一二三四五六七八九十]+批|首批)?(?:国家级|省级|市级|县级|区级)[^，,。；;、：:《》()（）\s的{no_quote}]{{2,20}})"
                      rf"(?=[，,。；;、：:\s]|[（(](?:名单|具体名单)(?:附后|见附件)[）)]|$)", where),
        # 复查确认继续保留荣誉称号的往届全国文明城市名单: the honour kept after review
        retained_list=comp(rf"保留(?:荣誉)?称号的(?P<name>[^，,。；;、：:《》()（）\s的{no_quote}]{{2,30}}?{heads}{bracket})"
                           rf"(?=名单|[，,。；;、\s]|$)", where),
        # 第六届全国文明城市（区）复查确认保留荣誉称号名单: the name before it is read by name_before
        retained_tail=comp(r"(?:通过)?(?:复查|复审)?(?:确认)?(?:继续)?保留(?:荣誉)?称号(?:的)?(?:单位)?名单", where),
        # 关于2023年全国五一劳动奖和全国工人先锋号拟推荐对象的公示
        nominee_title=comp(rf"(?m)(?:^|关于)(?P<list>[^，,。；;！!？?\n关将对]{{2,80}}?)(?:{nominee})(?:名单)?的?公示", where),
        # 全国劳动模范李某某出席会议: an unquoted epithet, a level before it
        # (先后培育出全国公安系统一级英模陈某: after a verb that brings forth people, too)
        bare_epithet=comp(rf"(?:^|(?<=[，,。；;\n：:]|涌现出|涌现了|培育出|培养出|走出了|造就了|正如))[ \t\u3000]*(?P<name>(?:{PREFIX})?(?:{alt(aw['epithet_levels'])})"
                          rf"[^\s，,。；;、：:“”\d]{{0,12}}?{person})(?!{alt(aw['epithet_not'])})"
                          # 省劳动模范、市人大代表李某: one more title between the honour and the name
                          # (全国道德模范、“燃灯校长”张某: a quoted nickname; 全国劳模、甲集团有限公司驾驶员夏某: a unit and role)
                          rf"(?:、(?:[\p{{Han}}]{{0,16}}?(?:{alt(aw['epithet_roles'])})|[“\"][\p{{Han}}]{{2,8}}[”\"]))?(?P<who>(?:(?![等们])\p{{Han}}){{2,3}}?)(?:同志)?"
                          rf"(?=[，,。；;、\s]|{alt(aw['epithet_after'])})(?!作[室品坊业者])", where),  # 劳模创新工作室: a studio
        # 共推荐奖状312个、奖章1224个、工人先锋号1084个: the list after a verb of nominating
        count_nominate=comp(rf"(?:{alt(aw['count_nominate_verbs'])})(?:了|出)?(?!的)(?P<list>[^，,。；;！!？?\n]{{2,160}})", where),
        # 2023年全国五一劳动奖和全国工人先锋号名单公布: honours whose list of holders is announced
        # (the list is read back from the words, to the clause start: see :func:`.award_lists.announced`)
        announced=comp(alt(aw['announce_words']), where),
        # 公布的第二批全国文明单位名单中，某公司榜上有名: a holder found on an honour's published list
        on_list=comp(rf"(?:公布|发布|公示|印发)了?的?(?P<name>[^，,。；;、：:《》\s的了]{{2,30}}?{heads}{bracket}”?)名单中?"
                     rf"[^。；;！!？?\n]{{0,40}}?(?:榜上有名|上榜|入选|名列其中|在列)", where),
        # 顺利通过了全国文明单位复查: an honour kept after review (stage retained)
        review_passed=comp(rf"通过(?:了)?(?P<name>[^，,。；;、：:《》“”\s的]{{2,30}}?{heads}{bracket})(?:称号|荣誉称号)?(?:的)?(?:复查|复审|复核|复评)", where),
        # 被评为全国优秀县委书记: a title without a head of the vocabulary, after a verb of naming
        # “中国公路百名优秀工程师”、“十大桥梁人物”某集团总工程师张某；: the honours before a unit, a role, a name
        epithet_role=comp(rf"[“\"](?P<name>[^“”\"\n]{{2,24}})[”\"](?P<more>(?:、[“\"][^“”\"\n]{{2,24}}[”\"])*)"
                          rf"(?!{alt(aw['epithet_not'])}|等)、?"  # “最美教师”评选活动的…, “…”等先进职工代表: no unit and role
                          rf"(?P<role>[^，,。；;、“”\"\n的]{{2,30}}?(?:{alt(aw['epithet_roles'])}))(?P<who>(?!代表|同志)\p{{Han}}{{2,3}})"
                          rf"(?=[；;，,。\n]|$)", where),
        epithet_word=comp(rf"{alt(aw['epithet_words'])}|(?:奖|人物)$", where),
        # 重新确认93个城市（区）为国家卫生城市（区），236个县城（乡镇）为国家卫生县城（乡镇）: the next object
        # of one verb, counted recipients 为 an unquoted name (the first is read by named_as)
        continued_named=comp(rf"[；;，,](?P<recip>(?:[^，,。；;！!？?\n为]{{1,40}}?等)?(?P<n>\d+)[个名家所位户支座][\p{{Han}}]{{0,10}}?"
                             rf"(?:[（(][^（）()]{{1,8}}[）)])?)为(?P<name>[^，,。；;、：:《》()（）“”\s的和]{{2,30}}?{heads}{bracket})"
                             rf"(?=[，,。；;、\s]|$)", where),
        # the name before 候选人 in 第七届全国道德模范候选人名单已经确定 / 公示第六届道德模范候选人 (nominated)
        nominee_named=comp(rf"(?:{PREFIX})*[“\"]?[\p{{Han}}]{{0,16}}?{heads}[”\"]?", where),
        # 将命名…, 计划公开表彰…, 可授予…: a conferral to come (the character before keeps 认可, 许可, 必将… out)
        future=comp(rf"(?<![认许不必])(?:{alt(aw['future_words'])}){between}(?:{any_verb})", where),
        # 拟命名…, 拟将甲等780个单位评为… (not 模拟, 虚拟): a conferral proposed
        propose=comp(rf"(?<![模虚比草])(?:拟将|拟对|(?:{alt(aw['propose_words'])}){between}(?:{any_verb}))", where),
        revoke=comp(alt(aw["revoke_words"]), where),
        # 列入全国森林康养基地、新时代文明实践中心: a verb of designation and its objects up to the clause end
        # (the honour is read from them in a passage about honours: :func:`.awards.designations`)
        designation=comp(rf"(?<!(?:{alt(aw['goal_words'])})被?)(?P<verb>{alt(aw['designation_verbs'])})了?"
                         rf"(?P<obj>[^，,。；;！!？?\n]{{2,80}})", where),
        level_verbs=frozenset(aw["designation_level_verbs"]),
        honour_context=comp(alt(aw["honour_context_words"]), where),
        object_not_end=comp(rf"(?:{alt(aw['designation_not_end'])}|{aw['events']})$|(?:{alt(aw['ranking_words'])})", where),
        object_trim=comp(rf"(?:等)?(?:{alt(aw['designation_trim'])})?(?:之一)?(?:{alt(aw['since_words'])})?$", where),
        # a name opening with a level, a round or a region: 全国…, 2019中国…, 第二批…, 浙江省…, “…”
        level_open=comp(rf"^(?:(?:19|20)\d{{2}}(?:[-~至](?:19|20)?\d{{2}})?(?:年度?)?|第[\d一二三四五六七八九十]+[届批次]|首[届批]|新一届)*"
                        rf"(?:全国|中国|国家级|国家|全省|省级|市级|全市|[“\"]|\p{{Han}}{{2,6}}?(?:省|自治区|(?<!城)市))", where),
        # 加上已是“中华诗词之乡”的荆州区, 以后一直是湖北省重点中学, 系“江苏省名中学”: an honour held (stage held)
        held=comp(rf"(?:已是|早已是|一直是|仍是|始终是|现为|(?<=[，,。；;\s\d]|\p{{Han}}{{2}})系(?=[“\"]))"
                  rf"(?:[“\"](?P<quoted>[^“”\"\n]{{2,30}})[”\"](?=[，,。；;、\s的]|之一|$)"
                  rf"|(?P<name>(?:{PREFIX})*[^，,。；;、：:《》()（）“”\s的和为是]{{2,30}}?{heads}{bracket})(?=[，,。；;、\s]|之一|$))", where),
        # the last part of a clause of epithets: a role or a unit, then a person's name (…副部长宋某, …村民李某,
        # …服务中心张某分别作了交流发言)
        epithet_holder=comp(rf"(?:{alt(aw['epithet_roles'])}|中心|公司|学校|医院|小学|中学|大学|社区|集团)"
                            rf"(?P<who>(?!分别|代表|等)\p{{Han}}{{2,3}})(?:同志)?"
                            rf"(?:等[^、]{{0,14}}|(?:分别)?(?:作|在|表示|说|介绍|发言|出席|参加"
                            # 全国劳动模范、某学院教授李某讲述了…: what the holder then does
                            rf"|讲述|讲话|讲解|分享|宣讲|领奖|登台|上台|应邀|受邀|结合|围绕|带来)[^、]{{0,10}})?$", where),
        # 湖南省文明校园上榜的有甲校、乙校: the honour, then its holders
        # (the name is read backwards from these words by name_before: an unanchored lazy name is tried everywhere)
        holders_after=comp(rf"(?:光荣)?(?:上榜|入选|当选|获评|获奖)的(?:{alt(aw['holder_kinds'])})?(?:分别|还|共)?(?:有|是|为|包括)", where),
        free_title=comp(rf"(?<!(?:{alt(aw['goal_words'])})被?)(?:{alt(aw['title_verbs'])})(?:了|(?<=授予)为)?"  # 授予为先进党委
                        rf"(?P<name>(?:{PREFIX})*[\p{{Han}}]{{0,8}}?(?:{alt(aw['free_words'])})[\p{{Han}}]{{1,8}}?)"
                        rf"(?<!{alt(aw['free_not_end'])})(?=荣誉称号|称号|之一|[，,。；;、\s]|$)", where),
    )


def recipient(text: str, sent_start: int, verb_start: int,
              ar: AwardRules | None = None) -> tuple[str | None, str | None]:
    """(recipient, event) from the clause before the award verb; with ``ar``, the recipients after an
    earlier conferral of the clause (397个集体荣获全国五一劳动奖状、1297个集体|荣获…)."""
    window = text[sent_start:verb_start]
    cut = None
    for m in CLAUSE.finditer(window):
        cut = m.end()
    clause = (window[cut:] if cut is not None else window).strip()
    if ar is not None and "、" in clause:
        last = None
        for last in ar.verbs.finditer(clause):
            pass
        if last is not None and "、" in clause[last.end():]:
            clause = clause[clause.rindex("、") + 1:]
    clause = regex.split(r"、(?=在)", clause)[-1]  # 在A中被评为“…”、在B中被授予“…”
    clause = regex.sub(r"被[^被]*$", "", clause)  # 被中国科协(授予): the granting body, not the recipient
    clause = regex.sub(r"^(?:并|还|又|先后|同时|其中|均|共|已)", "", clause)
    clause = regex.sub(r"(?:被|均|先后|共|分别|还|也|又)$", "", clause)
    ev = _IN_EVENT.match(clause)
    if ev:
        return None, ev.group("event").strip(QUOTES)
    if not clause:
        return None, None
    return clause, None


# 授予457人(含追授3人)全国优秀共青团员称号: a note on the count stays with the recipients
_COUNT_LEAD = regex.compile(r"^(?P<recip>(?:[^，,。；;、“”\d]{1,40}?等)?(?P<n>\d+)(?:个|名|家|所|位|户|支|座|条|人)"
                            r"(?:[（(][^（）()\d]{0,8}\d*[^（）()\d]{0,4}[）)])?)")


def split_recipients(words: str, ar: AwardRules) -> tuple[str, int, int] | None:
    """(recipients, their count, where the honour's name starts) when ``words`` open with counted
    recipients (甲等69个城市全国文明城市 -> 甲等69个城市, 69, 7), else None. The recipients end in a
    recipient noun, with up to four characters before it (4个地级城市, 34个县级市和县) and a note after
    it (481名同志（含追授1名）, 202个城市（区）); of the splits that leave an honour's name the one
    with the longest recipients is taken; without a noun the name follows the count.

    >>> from extract.rules import load_rules
    >>> ar = award_rules(load_rules())
    >>> split_recipients("1493个村镇全国文明村镇", ar), split_recipients("全国文明村镇", ar)
    (('1493个村镇', 1493, 7), None)
    >>> split_recipients("34个县级市和县四川省文明城市", ar)[0], split_recipients("481名同志(含追授1名)全国优秀共青团员", ar)[0]
    ('34个县级市和县', '481名同志(含追授1名)')
    """
    m = _COUNT_LEAD.match(words)
    if m is None:
        return None
    rest = words[m.end():]
    cuts = []  # (the name opens with a level or a region, the words before the noun, where the name starts)
    kinds = _KINDS_RUN.match(rest)  # 62个车间、班组、科室A: a list of kinds, the last a recipient noun
    for noun in ar.recipient_nouns:
        for lead in [*range(5), *([kinds.end()] if kinds else [])]:  # the words before the noun: 地级, 县级市和
            if not rest.startswith(noun, lead) or not (_MODIFIER.fullmatch(rest[:lead]) or kinds and lead == kinds.end()):
                continue
            cut = lead + len(noun)
            note = _NOTE.match(rest, cut)
            cut = note.end() if note else cut
            if _names_honour(rest[cut:], ar):
                cuts.append((not _LEVEL_OPEN.match(rest, cut), lead, cut))
    if not cuts and _names_honour(rest, ar):
        cuts.append((True, 0, 0))
    if not cuts:
        return None
    # a name that opens with a level or region first (县级市和县|四川省…, not 县|级市和县…), then the first
    # noun found straight after the count (8个集体|县五一劳动奖状, not 8个集体县|五一劳动奖状)
    best = min(cuts, key=lambda c: (c[0], c[1] > 0, cuts.index(c)))[2]
    return m.group() + rest[:best], int(m.group("n")), m.end() + best


# the words before a recipient noun (地级, 县级市和) and a note after it (（区）, （含追授1名）)
_MODIFIER = regex.compile(r"\p{Han}{0,4}")
_KINDS_RUN = regex.compile(r"(?:\p{Han}{2}、){1,4}")
_NOTE = regex.compile(r"[（(][^（）()]{1,8}[）)]")
_LEVEL_OPEN = regex.compile(r"(?![级和及等])(?:全国|全省|全市|全县|全区|中国|国家|省|市|县|区|第|首|新一|本届|(?:19|20)\d{2}|[“\"]"
                            r"|\p{Han}{1,6}?(?:省|市|县|区|自治区|州))")


def _names_honour(name: str, ar: AwardRules) -> bool:
    return bool(ar.named_item.fullmatch(name)) and not ar.generic.match(unquote(name)) \
        and "为" not in name and not name.startswith(("的", "级", "和", "及"))  # 甲村等10个村为…: award.named as


def count_in(words: str | None) -> int | None:
    """The number of recipients printed with them.

    >>> count_in("衡水市中医院等4个单位"), count_in("甲、乙"), count_in(None)
    (4, None, None)
    """
    last = None
    for m in _COUNT.finditer(words or ""):
        last = m
    return int(last.group("n")) if last else None


def event_before(text: str, sent_start: int, pos: int, ar: AwardRules) -> str | None:
    """What the award was won at (在全省青年职工技能大赛中获得…), the nearest before ``pos``."""
    last = None
    for m in ar.event.finditer(text, sent_start, pos):
        last = m
    return last.group("event") if last else None


def strip_tail(name: str, ar: AwardRules) -> str:
    """第六届全国文明单位荣誉称号 -> 第六届全国文明单位 (the tail is the kind of honour, not its name)."""
    short = ar.tails.sub("", name)
    return short if short and short != name and not ar.generic.match(short) else name


# characters normalisation rewrites one for one (extract/find/normalize.py): a dash, a full-width form
_REWRITTEN = {"—": "-", "–": "-", "−": "-", "－": "-", "～": "~", "\u3000": " ", "\u00a0": " "}
# a Chinese numeral normalisation wrote as a digit, one for one (“五个一”工程奖 read as 5个一工程奖)
_NUMERALS = dict(zip("〇零一二两三四五六七八九", "001223456789"))


_CN_RUN = regex.compile(r"[零〇一二两三四五六七八九十百千万]{2,}")
_DIGIT_RUN = regex.compile(r"\d{2,}")


def printed_name(name: str, printed: str) -> str:
    r"""An honour's value as printed, quote marks removed: ``name`` is read from the normalised text,
    ``printed`` is the same span of the document. The value keeps the printed characters where
    normalisation rewrote them one for one (the dev conventions: the name as printed); a span that
    holds more than the name (a cell wrapped around other cells) keeps ``name``.

    >>> printed_name("2019-2020年度先进集体", "2019—2020年度先进集体")
    '2019—2020年度先进集体'
    >>> printed_name("5个一工程奖", "“五个一”工程奖")
    '五个一工程奖'
    >>> printed_name("第六届全国文明村镇", "第六届“全国文明村镇”"), printed_name("甲奖", "甲\n乙 丙\n奖")
    ('第六届全国文明村镇', '甲奖')
    >>> printed_name("全国中小学名校600家", "全国中小学“名校六百家”")
    '全国中小学名校六百家'
    """
    text = unquote(printed)
    if len(text) != len(name) and len(bare := without_glosses(text)) == len(name) and bare != text:
        return text if printed_name(name, bare) == bare else name  # 全國(guó)雙擁模范城 read as 全国双拥模范城
    if len(text) != len(name):  # 名校六百家 read as 名校600家: numerals of another length, the rest the same
        same = _CN_RUN.sub("#", text) == _DIGIT_RUN.sub("#", name) and _CN_RUN.search(text) is not None
        return text if same else name
    for a, b in zip(name, text):
        if a != b and _REWRITTEN.get(b, _NUMERALS.get(b, unicodedata.normalize("NFKC", b))) != a \
                and simplified_char(b) != a:  # a name printed in traditional characters (全國勞動模範)
            return name
    return text


def unquote(name: str) -> str:
    """A name as the value column keeps it: quote marks removed (山东省2022年“全国科技工作者日”优秀活动)."""
    return "".join(ch for ch in name if ch not in QUOTES)


@dataclass(frozen=True)
class AwardHit:
    """One honour found: where, its name, how many recipients, on whom, at what, at which stage."""

    rule: str
    start: int
    end: int
    name: str
    count: int | None
    subject: str | None
    event: str | None
    priority: int
    stage: str = "conferred"
