"""Title, organisation and year of a document, from what the document itself states (issue 22).

In order, as a reader finds them: the title (the first line that is one: not an index field, a date
banner, a page number or a heading), the cover (a line that is only a name, 预算单位：…), the page's
publisher fields (发布机构/发布单位/来源, parsed as fields), the speaker of a report to a congress, the
signature above the closing date. Names in a list of award recipients are in the body and never
read. A document that states no organisation or year gets none, and a note saying so.
Vocabulary: patterns/compare_metadata.yaml.
"""
from __future__ import annotations

import dataclasses
import functools

import regex

from ..records import Document
from ..rules import load_rules, load_yaml, patterns_dir
from .script import is_traditional, simplified

_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CN_YEAR = regex.compile(r"([〇零一二三四五六七八九]{4})年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_ORG = regex.compile(
    r"^(?:\d{4}年度?)?(?P<org>.{2,40}?(?:人民政府办公室|人民政府|街道办事处|办公厅|办公室|委员会|协会|联合会|"
    r"人民法院|人民检察院|法院|检察院|管理局|局|厅|委|院|中心|所|站|馆|队|会|部|处|办|社))"
    r"(?=\d{4}年|年度|部门|单位|关于|政府工作报告|整体|预算|决算|$"
    # the issuer run on with a title that opens with its subject's place and year (珠海市教育局珠海市2016年…)
    r"|\p{Han}{1,8}?(?:省|自治区|市|县|区|州)\d{4}年)")
_FIELD = regex.compile(r"^[\p{Han}]{2,8}[：:]\s*")  # 预算主管部门：上海市普陀区司法局
_LEAD_YEAR = regex.compile(r"^(?:19|20)\d{2}年度?")
_LIST_MARKER = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|公开\d+表[：:]?)")  # 二、2017年度…部门收入预算总表
_CONGRESS = regex.compile(r"在(?P<place>\p{Han}{2,12}?(?:省|自治区|市|县|区))第?[\p{Han}]{1,6}人民代表大会")
_BARE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_GWR = regex.compile(r"(?P<place>[\p{Han}]{2,12}?(?:省|自治区|市|县|区|州|盟|旗))(?:人民)?政府工作报告")


@functools.lru_cache(maxsize=1)
def _vocab() -> dict[str, regex.Pattern[str]]:
    data = load_yaml(patterns_dir() / "compare_metadata.yaml")
    return {r["id"]: regex.compile(r["pattern"]) for r in data["rules"]}


_SPACES = regex.compile(r"[ \t\u3000\ufeff\xa0]+")
#: a line of body text: long, or a sentence
_BODY = regex.compile(r"[。；;！？!?%]|^(?=.{61,}$).*[,，]")
_DATE_LINE = regex.compile(r"^(?:(?P<y>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日|(?P<y>(?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2})$")
_FULL_DATE = regex.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_SUBJECT = regex.compile(r"现将[^。]{0,60}?(?P<y>(?:19|20)\d{2})\s*年[^。]{0,60}?(?:如下|报告|说明|情况)")
_SPEAKER = regex.compile(r"^(?P<org>\p{Han}{2,30}?(?:局|厅|委员会|委|办公室))(?:局长|厅长|副局长|主任|副主任|书记)\s*\p{Han}{2,4}$")
_DATELINE_YEAR = regex.compile(r"^[—\-（(]*\s*(?P<y>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日在")


def _lines(text: str, limit: int) -> list[str]:
    out = []
    for line in text[:limit].splitlines():
        line = _SPACES.sub(" ", line).strip(" |")
        if line:
            out.append(line)
    return out


def title_line(text: str) -> str | None:
    """The first line of a text that reads as its title (not an index field, a date banner, a
    page number, a heading or a sentence of the body), or None.

    >>> title_line("2025年06月17日\\n我市10个单位获国家级荣誉称号\\n来源: 发布日期:2020-11-23")
    '我市10个单位获国家级荣誉称号'
    >>> title_line("6\\n工资福利支出预算 905709.06 元,占基本支出预算 79.89%,") is None
    True
    """
    not_title = _vocab()["title.not"]
    value_next = False
    for line in _lines(text, 2000)[:24]:
        if _field(line):
            value_next = not _field_value(line)
            continue
        if value_next:  # the value of a field named on the line before ([ 发布机构 ] / 市财政局)
            value_next = False
            continue
        if _BODY.search(line) or _HEADING.match(line):
            return None  # the body starts before any title
        if not_title.match(line) or len(regex.findall(r"\p{Han}", line)) < 4:
            continue
        return line[:120]
    return None


_HEADING = regex.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）])")


def _field_value(line: str) -> str:
    """What follows the field name that opens a line ([ 发布机构 ] 梁平区财政局 -> 梁平区财政局)."""
    v = _vocab()
    names = "|".join(v[k].pattern for k in ("field.cover", "field.publisher", "field.index"))
    return regex.sub(rf"^[\[【•·]?\s*(?:{names})\s*[\]】]?\s*[:：]?", "", line, count=1).strip()


def _field(line: str) -> bool:
    """Does the line open with a field name (发布机构: …, [ 索引号 ], • 发布机构)?"""
    v = _vocab()
    return bool(regex.match(rf"^[\[【•·]?\s*(?:{v['field.cover'].pattern}|{v['field.publisher'].pattern}|"
                            rf"{v['field.index'].pattern})"
                            r"\s*(?:[\]】:：\s]|$)", line))


def _org_name(value: str) -> str | None:
    """A field's value when it names an organisation (福建日报 and 本站原创 do not)."""
    value = regex.sub(r"(?:网站|门户网站|官网)$", "", value.strip(" :：[]【】•·|"))
    if 3 <= len(value) <= 40 and regex.fullmatch(r"[\p{Han}（）()·]+", value) and \
            regex.search(rf"(?:{_vocab()['org.suffix'].pattern})$", value):
        return value
    return None


def _fields(lines: list[str], kind: str) -> list[str]:
    """Values of the page's fields of one kind (``field.cover`` or ``field.publisher``), in order:
    ``发布机构: X``, ``[ 发布机构 ] X``, ``发布日期:2021-06-10 发布单位:X``, or X on the next line."""
    names = _vocab()[kind].pattern
    out = []
    for k, line in enumerate(lines):
        for m in regex.finditer(rf"[\[【•·]?\s*(?:{names})\s*[\]】]?\s*[:：]?\s*", line):
            rest = line[m.end():]
            value = regex.split(r"[\s|\[【]", rest, maxsplit=1)[0] if rest.strip() else \
                (lines[k + 1] if k + 1 < len(lines) else "")
            name = _org_name(value)
            if name:
                out.append(name)
    return out


# a closing date whose separators the page lost (2023年5月4日 printed as 202354, 20230504)
_COMPACT_DATE = regex.compile(r"^(?P<y>(?:19|20)\d{2})(?:0?[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|[1-9])$")


def _closing_date(line: str) -> regex.Match[str] | None:
    line = line.replace(" ", "")
    return _DATE_LINE.match(line) or _COMPACT_DATE.match(line)


def _signature(text: str) -> tuple[str | None, int | None]:
    """The body above a closing date signs the document (湖北理工学院工会委员会 / 2025年3月28日),
    its name wrapped over two lines at most. The date may have lost its separators (202354)."""
    lines = _lines(text[-600:], 600)[-8:]
    for k in range(len(lines) - 1, 0, -1):
        m = _closing_date(lines[k])
        if not m:
            continue
        for start in (k - 2, k - 1):
            if start < 0:
                break
            name = _org_name("".join(lines[start:k]).replace(" ", ""))
            if name:
                return name, int(m.group("y"))
        return None, int(m.group("y"))
    return None, None

def _signed_above_attachment(text: str) -> str | None:
    """A letter whose attachments follow it signs above them: 附件：…名单 / 湖北省直属机关工会工作委员会 /
    2024年3月12日 / (the list). The name on the line before a closing date, within 3 lines after
    the 附件 mark."""
    lines = _lines(text, 3000)[:60]
    for k, line in enumerate(lines):
        if not regex.match(r"^附\s*件", line):
            continue
        for j in range(k + 1, min(k + 5, len(lines) - 1)):
            if _closing_date(lines[j + 1]):
                name = _org_name(lines[j].replace(" ", ""))
                if name:
                    return name
    return None


def _introduced(text: str) -> str | None:
    """A department's report introduces the unit in its 概况 (主要职能, 机构设置): the first line
    under such a heading that opens with the unit's name and a verb of what it is or has
    (上海市普陀区司法局是…, 渠县农业综合技术服务中心下设办公室…; patterns/compare_metadata.yaml
    ``self.intro``)."""
    lines = _lines(text, 4000)
    intro = _vocab()["self.intro"]
    for k, line in enumerate(lines[:-1]):
        if _HEADING.match(line) and regex.search(r"(?:职能|职责|机构设置|概况)$", line):
            m = regex.match(rf"^(?P<org>\p{{Han}}{{3,40}}?)(?:{intro.pattern})", lines[k + 1])
            name = _org_name(m.group("org")) if m else None
            if name:
                return name
    return None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip(" \t\u3000\ufeff")
        if line:
            return line[:120]
    return None


def report_year(title: str | None, text: str) -> int | None:
    """The year a report is about: in its title; else the year of the report's subject
    (现将…2023年财政预算执行情况…报告如下); else a congress dateline (——2026年1月27日在…);
    else the first year in its opening lines that is not a date banner, a publication field or
    another full date; else the year of its publication field; else of its closing date.

    >>> report_year("常宁市科学技术协会2021年部门整体支出绩效", "")
    2021
    >>> report_year("政府工作报告", "——二〇二六年一月二十七日在…")
    2026
    >>> report_year("我市10个单位获国家级荣誉称号", "2025年06月17日\\n我市10个单位获国家级荣誉称号\\n来源: 发布日期:2020-11-23")
    2020
    """
    y = _year_in(title or "")
    if y:
        return y
    m = _SUBJECT.search(text[:1500])
    if m:
        return int(m.group("y"))
    lines = _lines(text, 1500)[:16]
    for line in lines:
        d = _DATELINE_YEAR.match(line)
        if d:
            return int(d.group("y"))
        cn = _CN_YEAR.search(line)
        if cn and "在" in line:
            return int("".join(_CN_DIGITS[c] for c in cn.group(1)))
    signed = _signature(text)[1]
    if signed:
        return signed
    for k, line in enumerate(lines):  # the cover, and a text's first line when it is the body
        body = bool(_BODY.search(line))
        if body and k > 0:
            break
        if _field(line) or _DATE_LINE.match(line.replace(" ", "")) or regex.match(r"^[\[【•·]", line):
            continue
        y = _year_in(_FULL_DATE.sub("", line))
        if y:
            return y
        if body:
            break
    for line in lines:  # the publication field (发布日期:2020-11-23), never a date banner
        m = regex.search(r"(?:日期|时间)\s*[:：]\s*(?P<y>(?:19|20)\d{2})\s*[-/.年]", line)
        if m:
            return int(m.group("y"))
    bare = _BARE_YEAR.search(text[:120])  # a cover with the year on a line of its own: 年度部门决算 / 2024
    if bare and "年" in text[:120]:
        return int(bare.group(1))
    return None


def _year_in(chunk: str) -> int | None:
    m = _YEAR.search(chunk)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(chunk)
    if m:
        return int("".join(_CN_DIGITS[c] for c in m.group(1)))
    return None


def organization(title: str | None, text: str) -> str | None:
    """The issuing body as the document states it: a 政府工作报告's congress line, the title, a
    cover line, the cover's fields, the page's publisher fields, a speaker line, the signature.
    A short name (市财政局) gives way to a full one stated further on that ends with it.

    >>> organization("常宁市科学技术协会2021年部门整体支出绩效", "")
    '常宁市科学技术协会'
    >>> organization("2026年甘肃省政府工作报告", "")
    '甘肃省人民政府'
    >>> organization("上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区司法局")
    '上海市普陀区司法局'
    >>> organization("政府工作报告", "政府工作报告\\n——2026年1月27日在海南省第七届人民代表大会第五次会议上")
    '海南省人民政府'
    >>> organization("", "发布日期:2021-06-10 发布单位:福建省科学技术厅\\n各有关单位:")
    '福建省科学技术厅'
    >>> organization("东海县科协获评连云港市科协系统信息工作先进集体", "东海县科协获评…") is None
    True
    """
    if "政府工作报告" in (title or ""):
        m = _CONGRESS.search(text[:300])  # ——2026年1月27日在贵州省第十四届人民代表大会第四次会议上
        if m:
            return f"{m.group('place')}人民政府"
    found: list[str | None] = [*_in_title(title), *_cover(text)]
    lines = _lines(text, 1500)[:14]
    found += _fields(lines, "field.cover") + _fields(lines, "field.publisher")
    found += [m.group("org") for m in (_SPEAKER.match(x) for x in lines[:10]) if m]
    found += [_signature(text)[0], _signed_above_attachment(text), _introduced(text)]
    names = [f for f in found if f]
    if not names:
        return None
    first = names[0]
    if regex.match(r"^(?:省|市|区|县|州)", first):
        plain = first.replace("人民", "")
        longer = next((n for n in names[1:] if n.replace("人民", "").endswith(plain) and len(n) > len(first)), None)
        return longer or first
    return first


def _in_title(title: str | None) -> list[str]:
    chunk = _FIELD.sub("", _LEAD_YEAR.sub("", _LIST_MARKER.sub("", (title or "").strip().replace(" ", ""))))
    m = _GWR.search(chunk)
    if m:
        return [f"{m.group('place')}人民政府"]
    m = _ORG.search(chunk)
    return [m.group("org")] if m else []


def _cover(text: str) -> list[str]:
    """Lines of the cover before the body starts that are a name and nothing else."""
    out = []
    for line in _lines(text, 600)[:8]:
        if _BODY.search(line):
            break
        if line.endswith((":", "：")):
            break  # a salutation or 名单如下: the body begins
        if line.startswith("——") or "人民代表大会" in line or _field(line) or _vocab()["title.not"].match(line) and "、" not in line[:4]:
            continue  # a salutation, a field (read as a field), a date or index line
        chunk = _FIELD.sub("", _LEAD_YEAR.sub("", _LIST_MARKER.sub("", line.replace(" ", ""))))
        m = _GWR.search(chunk)
        if m:
            out.append(f"{m.group('place')}人民政府")
            continue
        m = _ORG.search(chunk)
        if m:
            out.append(m.group("org"))
    return out


def with_meta(doc: Document, year: int | None) -> Document:
    """The document with its title, organisation and year, and a note for what it does not state.

    A text in traditional characters is read in simplified ones (:mod:`extract.read.script`): the
    title stays as printed, the organisation is named in simplified characters (as the same body's
    other reports name it)."""
    text, printed = doc.text, doc.text
    if is_traditional(text, load_rules()):
        text = simplified(text)
    title = doc.title or title_line(text)
    if title and text is not printed and title not in printed:  # the title line, as printed
        at = text.find(title)
        title = printed[at:at + len(title)] if at >= 0 else title
    simple_title = simplified(title) if title and text is not printed else title
    y = year or report_year(simple_title, text)
    org = organization(simple_title, text)
    for table in doc.tables if org is None else ():  # a PDF's table titles name the department too
        org = organization(table.title, "")  # (二、2017年度江苏省高级人民法院部门收入预算总表)
        if org:
            break
    for table in doc.tables if y is None else ():  # and the year (二、2017年度…部门收入预算总表)
        y = _year_in(table.title or "")
        if y:
            break
    missing = [what for what, value in (("organisation", org), ("year", y)) if not value]
    note = f"the document states no {' and no '.join(missing)}" if missing else None
    notes = "; ".join(n for n in (doc.notes, note) if n) or None
    return dataclasses.replace(doc, title=title, organization=org, year=y, notes=notes)
