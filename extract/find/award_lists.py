"""Honours named in lists rather than after a verb of conferring.

* ``award.commended`` — the items of ``对 LIST 予以表彰`` (进行了表彰, 通报表扬, 授牌 …) that read
  as honours, when the list carries a year or round (对2021年度先进集体、先进个人…进行了表彰) or
  recipients with counts (对甲等10个见义勇为工作先进单位以及乙等10名…予以表彰); a list with
  neither names the categories a meeting honoured (会上对全国文明城市、全国文明县城进行了表彰);
* ``award.nominated`` — the honours of ``现将 A、B 和 C 拟推荐对象予以公示`` (stage ``nominated``);
* ``award.heading`` — a line heading a list of recipients with their number
  (全国二等奖获奖名单(10人), 拟推荐全国五一劳动奖章（2名）), kept by :func:`.awards.find_awards`
  only where the text confers the honour nowhere else (a heading repeating the body is a second
  mention);
* ``award.counted`` — an honour, its count and a colon before the recipients
  (第三届全国文明家庭2户：…, 优秀共产党员（10名）：…) when the name carries a year or round or reads as
  an honour list item (优秀…, 先进…, a level);
* ``award.table`` — the cells of a text table's honour column (a header 荣誉称号, 奖项, 获奖等次 …;
  cells split at tabs, runs of spaces or ``|``), as yearbooks print honour tables.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .honours import AwardHit, AwardRules, unquote

if TYPE_CHECKING:
    from .sections import Sentences

_ITEM = regex.compile(r"(?:(?!以及|、|和|及).)+")
_RECIPIENTS = regex.compile(r"^(?:(?P<recip>[^\d]*?等)?(?P<n>\d+)(?:个|名|家|所|位|户|支|项|人))")
_CONTINUED = regex.compile(r"(?:[；;，,]|(?<=评选出|评出|确定|命名|授予))(?P<recip>[^，,。；;！!？?\n]{1,40}?等(?P<n>\d+)[个名家所位户支][\p{Han}]{0,6})为"
                           r"[^，,。；;！!？?\n“”]{0,12}?“(?P<name>[^“”\n]{2,40})”")
_NOMINEE_LEAD = regex.compile(r"^(?:拟推荐的?|推荐的|拟表彰的?|以下)")
_COUNT_COLON = regex.compile(r"\d(?:户|名|个|家|人|项|所|位|支|件)[）)]?[：:]")
_BRACKET_COUNT = regex.compile(r"[（(]共?\d+[人名个家项户位][）)]")
_CONFERRED = regex.compile(r"^(?:获得|荣获|获评|获(?!奖))")


def _items(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The items of a list (split at 、 和 及 以及) with where each starts."""
    return [(m.start(), m.group()) for m in _ITEM.finditer(text, start, end)]


def _honour(piece: str, ar: AwardRules) -> tuple[int, str] | None:
    """Where an honour's name starts in a list item and the name, holder nouns left out
    (获得省老科协论文奖作者 -> 省老科协论文奖), or None when the item names no honour."""
    off = 0
    got = _CONFERRED.match(piece) or _NOMINEE_LEAD.match(piece)
    if got:
        off = got.end()
    core = piece[off:]
    holder = ar.holder_end.search(core)
    if holder and holder.start() > 0:
        core = core[: holder.start()]
    core = core.strip()
    name = unquote(core)
    if len(name) < 2 or len(name) > 30 or not ar.named_item.fullmatch(core) or ar.generic.match(name) \
            or ar.not_honour.search(piece):
        return None
    return piece.find(core, off), core


def commended(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """The honours of 对 LIST 予以表彰."""
    hits = []
    for m in ar.commended.finditer(text):
        found, qualified = [], False
        for k, (p_start, piece) in enumerate(_items(text, m.start("list"), m.end("list"))):
            count, recip, off = None, None, 0
            rc = _RECIPIENTS.match(piece)
            if rc:
                count, recip, off = int(rc.group("n")), (rc.group("recip") or None), rc.end()
                qualified = True
            if k == 0 and (ar.prefix.match(piece[off:]) or piece.startswith("以下")):
                qualified = True  # 对2021年度先进集体、…: the year reaches every item
            if _CONFERRED.match(piece[off:]):
                qualified = True
            hon = _honour(piece[off:], ar)
            if hon is None:
                continue
            s = p_start + off + hon[0]
            found.append(AwardHit("award.commended", s, s + len(hon[1]), unquote(hon[1]), count,
                                  recip.removesuffix("等") if recip else None, None, 1))
        if qualified:
            hits += found
    return hits


def continued(text: str, ar: AwardRules) -> list[AwardHit]:
    """Each object of one verb: 选树甲等97个团组织为“A”；乙等158名同志为“B”; 评选出甲等10家单位为“A”，
    乙等100家单位为“B”."""
    hits = []
    for m in _CONTINUED.finditer(text):
        stop = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
        if not (ar.verbs.search(text, stop + 1, m.start() + 1) or ar.result_verbs.search(text, stop + 1, m.start() + 1)):
            continue
        name = m.group("name").strip()
        if ar.generic.match(name) or ar.not_honour.search(name):
            continue
        recip = m.group("recip").strip()
        hits.append(AwardHit("award.quoted", m.start("name"), m.end("name"), name, int(m.group("n")), recip,
                             None, 0))
    return hits


def nominee_lists(text: str, sents: Sentences, ar: AwardRules) -> list[AwardHit]:
    """The honours of 现将 A、B 和 C 拟推荐对象予以公示 (stage nominated)."""
    hits = []
    for m in ar.nominee_list.finditer(text):
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            hon = _honour(piece, ar)
            if hon is None:
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]), None, None, None, 1,
                                 "nominated"))
    return hits


def elected(text: str, ar: AwardRules) -> list[AwardHit]:
    """推选出全国五一劳动奖状候选单位3个、全国五一劳动奖章候选人10名 (stage nominated)."""
    hits = []
    for m in ar.elect_list.finditer(text):
        for p_start, piece in _items(text, m.start("list"), m.end("list")):
            it = ar.nominee_item.match(piece)
            if not it:
                continue
            hon = _honour(it.group("name"), ar)
            if hon is None:
                continue
            s = p_start + hon[0]
            hits.append(AwardHit("award.nominated", s, s + len(hon[1]), unquote(hon[1]),
                                 int(it.group("n")) if it.group("n") else None, None, None, -1, "nominated"))
    return hits


def epithets(text: str, ar: AwardRules) -> list[AwardHit]:
    """“全国劳动模范”李某某出席会议: an honour a named person holds (stage held)."""
    return [AwardHit("award.held", m.start("name"), m.end("name"), m.group("name"), None, m.group("who"), None, 3,
                     "held") for m in ar.epithet.finditer(text)]


def headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """Lines that head a list of recipients: 全国二等奖获奖名单(10人), 拟推荐全国五一劳动奖章（2名）."""
    hits: list[AwardHit] = []
    if not _BRACKET_COUNT.search(text):
        return hits
    for m in ar.heading.finditer(text):
        name = m.group("name")
        if not (m.group("kind") or m.group("nom") or ar.list_item.fullmatch(name)):
            continue  # 预算单位(3个): a count of units, no list of honours
        if not ar.named_item.fullmatch(name) or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        nominated = bool(m.group("nom")) or any(w in (m.group("kind") or "") for w in ("推荐", "候选"))
        hits.append(AwardHit("award.heading", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                             None, None, 3, "nominated" if nominated else "conferred"))
    return hits


_BARE = regex.compile(r"(?m)^[ \t\u3000]*(?P<name>[^\s，,。；;：:、！!？?()（）\d|]{4,25})[ \t\u3000]*\n(?=[ \t\u3000]*\S)")
_ANNOUNCE = regex.compile(r"荣誉|表彰|称号|名单|获奖|授予|命名|评选结果|表扬|获评|评为")
_ANNOUNCE_WINDOW = 400


def bare_headings(text: str, ar: AwardRules) -> list[AwardHit]:
    """A line that is an honour's name alone, over the lines of its recipients, in a list the text
    announced just before (…获荣誉表彰。\n天津市五四红旗团委\n某学院团委\n天津市优秀共青团员\n张某 …):
    kept like a list heading, only where the text confers the honour nowhere else."""
    hits: list[AwardHit] = []
    last = -_ANNOUNCE_WINDOW
    for m in _BARE.finditer(text):
        name = m.group("name")
        if not ar.named_item.fullmatch(name) or ar.generic.match(name) or ar.not_honour.search(name):
            continue
        if ar.weak_end.search(name) and not (ar.prefix.match(name) or ar.list_item.fullmatch(name)):
            continue  # 重庆幼儿师范高等专科学校: a school's name, not 示范学校
        if m.start() - last > _ANNOUNCE_WINDOW and not _ANNOUNCE.search(text, max(0, m.start() - _ANNOUNCE_WINDOW),
                                                                        m.start()):
            continue
        last = m.end()
        hits.append(AwardHit("award.heading", m.start("name"), m.end("name"), unquote(name), None, None, None, 3))
    return hits


def counted(text: str, ar: AwardRules) -> list[AwardHit]:
    """An honour with its count before a colon: 第三届全国文明家庭2户：张某家庭、李某家庭."""
    hits: list[AwardHit] = []
    if not _COUNT_COLON.search(text):
        return hits  # the cheap test first: no count before a colon anywhere
    for m in ar.counted.finditer(text):
        name = m.group("name")
        if not (ar.named_item.fullmatch(name) or ar.level.fullmatch(name)) or ar.generic.match(name) \
                or ar.not_honour.search(name):
            continue
        if not (ar.prefix.match(name) or ar.list_item.fullmatch(name) or ar.level.fullmatch(name)):
            continue  # 项目支出3项：… counts things; an honour list item reads as one
        hits.append(AwardHit("award.counted", m.start("name"), m.end("name"), unquote(name), int(m.group("n")),
                             None, None, 1))
    return hits


_CELL = regex.compile(r"(?:(?!\t| {2,}|\u3000|\|).)+")
_LINE = regex.compile(r"(?m)^[^\n]*$")


def _cells(line: str) -> list[tuple[int, str]]:
    out = []
    for c in _CELL.finditer(line):
        stripped = c.group().strip()
        if stripped:
            out.append((c.start() + c.group().find(stripped), stripped))
    return out


def table_column(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours in the column headed 荣誉称号 (奖项, 获奖等次 …) of a table printed as text."""
    hits: list[AwardHit] = []
    if not ar.column_word.search(text):
        return hits  # no header word of an honour column anywhere
    col = None
    width = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if "|" not in line and "\t" not in line and "  " not in line and "\u3000" not in line:
            col = None  # a line of prose: no table row, and the table (if any) ended
            continue
        cells = _cells(line)
        if col is not None:
            if len(cells) < 2 or len(cells) > width + 1 or len(cells) <= col - (width - len(cells)):
                col = None  # the table ended
            else:
                k = col - (width - len(cells))  # a row without its first cell (序号) keeps its honour column
                pos, cell = cells[k]
                name = unquote(cell)
                if (ar.named_item.fullmatch(cell) or ar.level.fullmatch(cell)) and not ar.generic.match(name) \
                        and not ar.not_honour.search(name):
                    holder = cells[k - 1][1] if k and not cells[k - 1][1].isdigit() else None  # the row's recipient
                    hits.append(AwardHit("award.table", m.start() + pos, m.start() + pos + len(cell), name, None,
                                         holder, None, 1))
                continue
        heads = [k for k, (_p, c) in enumerate(cells) if ar.honour_column.match(c)]
        if len(cells) >= 2 and len(heads) == 1:
            col, width = heads[0], len(cells)
    return hits
