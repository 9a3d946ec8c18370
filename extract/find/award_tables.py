"""Honours in the column of a table printed as text: yearbook honour tables (recipient, honour,
conferring body per row).

``award.table`` — the cells of the column headed 荣誉称号 (奖项, 获奖等次, 奖励(命名)名称 …). Cells are split
at tabs, runs of spaces or ``|``; a table whose header cells are split by single spaces (the PDF text
of a yearbook) is read row by row while rows keep the header's width, a cell wrapped onto a line of
its own leaving the table open. Of a name column and a level column side by side (奖励名称 … 获奖等级)
the name is the honour. Rows of a winners' list printed without a header (盘某 平兰小学 一等奖 指导老师：梁某)
give the level of each row (:func:`level_rows`).
"""
from __future__ import annotations

import regex

from .honours import AwardHit, AwardRules, unquote

_HEADER_NOTE = regex.compile(r"[（(][^（）()]{1,6}[）)]")  # 奖励(命名)名称 -> 奖励名称
_SPACED = regex.compile(r"[^ \t\u3000\n]+")
_PROSE = regex.compile(r"[，,；;]")


_NOMINATING = regex.compile(r"推荐|申报|拟")


def _stage(header: str) -> str:
    """A column headed 推荐荣誉 (申报荣誉, 拟授予荣誉) holds nominations."""
    return "nominated" if _NOMINATING.search(header) else "conferred"


def _nth_cell(line: str, k: int) -> int:
    return [c.start() for c in _SPACED.finditer(line)][k]


_CELL = regex.compile(r"(?:(?!\t| {2,}|\u3000|\|).)+")
_GLUED_NUMBER = regex.compile(r"\d{1,3}(?=\p{Han})")
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
    if not (ar.column_word.search(text) or "名称" in text):  # 奖励(命名)名称 reads 奖励名称
        return hits  # no header word of an honour column anywhere
    col = None
    stage = "conferred"
    width = 0
    single, misfits = False, 0  # a table whose cells are split by single spaces (PDF text of a yearbook)
    # a cell wrapped over three lines: its first part alone on a line, the row's other cells, the rest alone
    wrap: tuple[int, str] | None = None  # the line of a first part (start, text)
    row_between = False  # a row without an honour read since that line
    for m in _LINE.finditer(text):
        line = m.group()
        if "|" not in line and "\t" not in line and "  " not in line and "\u3000" not in line:
            if col is not None and single and not _PROSE.search(line) and misfits < 4:
                cells = _SPACED.findall(line)
                glued = _GLUED_NUMBER.match(cells[0]) if cells and len(cells) == width - 1 else None
                if glued:  # 1张某 全国劳动模范 国务院: normalisation glued the row number to the next cell
                    cells = [glued.group(), cells[0][glued.end():], *cells[1:]]
                if not (width - 1 <= len(cells) <= width and col < len(cells)):
                    misfits += 1  # a cell wrapped onto its own line: the table goes on
                    if len(cells) == 1 and wrap is not None and row_between:
                        hit = _wrapped(text, wrap[0], wrap[1] + cells[0], m.end(), ar)
                        if hit is not None:
                            hits.append(hit)
                        wrap, row_between = None, False
                    else:
                        wrap, row_between = ((m.start(), cells[0]) if len(cells) == 1 else None), False
                    continue
                misfits = 0
                pos = _nth_cell(line, col - 1) if glued and col else _nth_cell(line, col)
                cell = cells[col].rstrip("。")
                name = unquote(cell)
                if ar.named_item.fullmatch(cell) and not ar.generic.match(name) and not ar.not_honour.search(name):
                    hits.append(AwardHit("award.table", m.start() + pos, m.start() + pos + len(cell), name, None,
                                         cells[col - 1] if col else None, None, 1, stage))
                    wrap = None  # the row has its honour: a part around it belongs to another column
                else:  # the row's honour cell is the one wrapped around it (only a row one cell short)
                    row_between = wrap is not None and not row_between and len(cells) == width - 1
                    wrap = wrap if row_between else None
                continue
            col, single = None, False  # a line of prose: no table row, and the table (if any) ended
            if not (ar.column_word.search(line) or "名称" in line):
                continue
            cells = _SPACED.findall(line)
            head = _honour_head(cells, ar)
            if 2 <= len(cells) <= 5 and head is not None:
                col, width, single, misfits = head, len(cells), True, 0
                stage = _stage(cells[col])
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
                                         holder, None, 1, stage))
                continue
        head = _honour_head([c for _p, c in cells], ar)
        if len(cells) >= 2 and head is not None:
            col, width = head, len(cells)
            stage = _stage(cells[col][1])
    return hits


_LEVEL_HEADER = regex.compile(r"(?:获奖|奖励)?(?:等级|等次|奖次|奖级|等第)")


def _honour_head(cells: list[str], ar: AwardRules) -> int | None:
    """The column of a header row that holds honours: the one cell headed so (荣誉称号, 奖项, 获奖等次 …); of a
    name column and a level column side by side (奖励名称 … 获奖等级) the name, which the level only grades."""
    heads = [k for k, c in enumerate(cells) if ar.honour_column.match(_HEADER_NOTE.sub("", c))]
    if len(heads) == 2:
        names = [k for k in heads if not _LEVEL_HEADER.fullmatch(_HEADER_NOTE.sub("", cells[k]))]
        heads = names if len(names) == 1 else heads
    return heads[0] if len(heads) == 1 else None


# a table copied from a web page, one cell per line: the header cells are short lines of words
_CELL_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?P<cell>\S[^\n]*?)[ \t\u3000]*$")
_HEADER_CELL = regex.compile(r"[\p{Han}()（）]{2,8}")
_NUMBERED = ("序号", "编号", "排序")
# a cell of an honour column reads as an honour: a year or round, a level, or an honour word in it
# (2019年度改善医疗服务创新医院, 全国百姓放心示范医院, 人文建设品牌医院; not 联系电话)
_HONOURISH = regex.compile(r"(?:19|20)\d{2}年|第[\d一二三四五六七八九十]+[届批]|首[届批]|全国|全省|全市|全县|国家|中国|省级|市级|县级|"
                           r"[省市县区]|优秀|先进|示范|模范|文明|最美|十佳|标兵|明星|之星|品牌|奖|称号|功|能手|劳模|红旗")


def line_column(text: str, ar: AwardRules) -> list[AwardHit]:
    """The honours of a table printed one cell per line (序号 / 获奖时间 / 获奖称号 / 授奖机构, then four
    lines a row): the header is the run of short word lines around the honour column's header, from
    序号 (without it no line tells a header cell from a data cell); a row runs from its number to the
    next, and the table ends at a row that does not fit (a number missing, a sentence)."""
    hits: list[AwardHit] = []
    if not ar.column_word.search(text):
        return hits
    lines = [(m.start("cell"), m.group("cell")) for m in _CELL_LINE.finditer(text)]
    i = 0
    while i < len(lines):
        if not ar.honour_column.match(_HEADER_NOTE.sub("", lines[i][1])):
            i += 1
            continue
        lo, hi = i, i + 1
        while lo > 0 and i - lo < 5 and _HEADER_CELL.fullmatch(lines[lo - 1][1]):
            lo -= 1
        while hi < len(lines) and hi - lo < 6 and _HEADER_CELL.fullmatch(lines[hi][1]):
            hi += 1
        width, col = hi - lo, i - lo
        numbered = lines[lo][1] in _NUMBERED
        k = hi
        while numbered and width >= 3 and k + width <= len(lines):
            size = width
            if numbered:  # a row runs to the next number: a cell wrapped onto two lines makes it longer
                if not lines[k][1].isdigit():
                    break
                nxt = str(int(lines[k][1]) + 1)
                while k + size < len(lines) and lines[k + size][1] != nxt and size < width + 3:
                    size += 1
            row = lines[k:k + size]
            if any(len(c) > 80 or "。" in c for _p, c in row[:width]) or _PROSE.search(row[col][1]):
                break  # a sentence: the table ended
            pos, cell = row[col]
            name = unquote(cell)
            if len(name) >= 3 and _HONOURISH.search(name) and not ar.generic.match(name) \
                    and not ar.not_honour.search(name):
                holder = row[col - 1][1] if col and not numbered or col > 1 else None
                hits.append(AwardHit("award.table", pos, pos + len(cell), name, None, holder, None, 1,
                                     _stage(lines[i][1])))
            k += size
        i = max(k, i + 1)
    return hits


# a line announcing a list of holders (2009年受表彰教师名单如下：), then rows "name unit honour、honour"
_ROWS_ANNOUNCED = regex.compile(r"(?m)(?:名单|如下)[:：]?[ \t\u3000]*$")
_ROW_ITEM = regex.compile(r"[^、]+")


def holder_rows(text: str, ar: AwardRules) -> list[AwardHit]:
    """魏某 某小学 全国模范教师、全国教育系统巾帼建功标兵 — after a line announcing a list (…名单如下：),
    rows of cells split by spaces whose last cell lists the holder's honours; each item counts when it
    ends in a head that is no everyday word or reads as an honour list item. The list ends at the
    first line that is no such row."""
    hits: list[AwardHit] = []
    if "名单" not in text and "如下" not in text:
        return hits
    for a in _ROWS_ANNOUNCED.finditer(text):
        pos = a.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            cells = list(_SPACED.finditer(line))
            if len(cells) < 2 or "。" in line or _PROSE.search(line):
                break
            last = cells[-1]
            for it in _ROW_ITEM.finditer(last.group()):
                item = it.group()
                name = unquote(item)
                if (ar.strong(item) or ar.list_item.fullmatch(name)) and ar.named_item.fullmatch(item) \
                        and not ar.generic.match(name) and not ar.not_honour.search(name):
                    s = pos + last.start() + it.start()
                    hits.append(AwardHit("award.table", s, s + len(item), name, None, cells[0].group(), None, 1))
            pos = end + 1
    return hits


def _wrapped(text: str, start: int, joined: str, end: int, ar: AwardRules) -> AwardHit | None:
    """The honour of a cell wrapped over three lines (“新时代好少年”主题教育读书活动“美好生活 / the row's
    other cells / 劳动创造”先进集体), when its two parts joined end in an honour head; a conferring
    body wrapped so (国务院…领 / … / 导小组) ends in none."""
    name = unquote(joined).rstrip("。")
    if not 4 <= len(name) <= 60 or not ar.head_end.search(name) or ar.generic.match(name) \
            or ar.not_honour.search(name):
        return None
    return AwardHit("award.table", start, end, name, None, None, None, 1)


# a row of a winners' list printed without a header: cells split by spaces or |, one of them a prize level
# (盘某 平兰小学 一等奖 指导老师:梁某; 市二等奖 翁某 《…》)
_ROW_CELL = regex.compile(r"[^ \t\u3000|]+")
_ROW_LEVEL = regex.compile(r"(?:全国|国家级|省级|市级|县级|区级|校级|[省市县区校院])?(?:特等|一等|二等|三等|优秀|金|银|铜|优胜|鼓励)奖")
# the words of prize setting and money, of a count of places: a row of these sets prizes, it names no winner
_ROW_NOT = regex.compile(r"元|奖金|奖励|奖品|名额|^\d+(?:名|个|人|项|件)$|^[\d.%]+$")
_PRIZE_CELL = regex.compile(r"(?:奖|奖章|奖状|称号)$")
_ROW_CONTEXT = regex.compile(r"获奖|名单|评选结果|评审结果|比赛结果")
_ROW_SETTING = regex.compile(r"奖项设置|设置奖项|奖励标准|奖励办法|设(?:置|立)?(?:特等|一等)奖")


def level_rows(text: str, ar: AwardRules) -> list[AwardHit]:
    """The prize level of each row of a winners' list (name, school, level, teacher), in the 600
    characters after a line that speaks of the winners (…获奖作品, 获奖名单); a row is a line of two
    to six cells with no sentence punctuation, exactly one cell a level, no cell of money or a count."""
    hits: list[AwardHit] = []
    if "奖" not in text or not _ROW_CONTEXT.search(text):
        return hits
    for m in _LINE.finditer(text):
        line = m.group()
        if not line or _PROSE.search(line) or "。" in line:
            continue
        cells = list(_ROW_CELL.finditer(line))
        if not 2 <= len(cells) <= 6:
            continue
        levels = [c for c in cells if _ROW_LEVEL.fullmatch(c.group())]
        if len(levels) != 1 or any(_ROW_NOT.search(c.group()) for c in cells):
            continue
        if any(x is not levels[0] and _PRIZE_CELL.search(x.group()) for x in cells):
            continue  # 省社会科学优秀成果奖 … 二等奖: the level grades the prize of another cell (a table's name column)
        lo = max(0, m.start() - 600)
        if not _ROW_CONTEXT.search(text, lo, m.start()) or _ROW_SETTING.search(text, lo, m.start()):
            continue
        c = levels[0]
        holder = next((x.group() for x in cells if x is not c), None)
        hits.append(AwardHit("award.table", m.start() + c.start(), m.start() + c.end(), c.group(), None, holder,
                             None, 1))
    return hits
