"""Web pages (.html) -> a Document: the page's main text, its tables as rows, its own metadata.

Government pages wrap a report in navigation, share widgets, footers and scripts. The reader keeps
the text of the page's content and drops what is page furniture: ``script``/``style``/``nav``/
``header``/``footer``/``aside`` elements, forms, hidden elements, elements whose id or class names a
menu, a breadcrumb, a header, a share bar, a font-size or print widget, a QR code or a footer, and
lines that are such widgets whatever their markup (``分享到：``, ``【打印】``). A ``<table>`` becomes one
line per row, ``|`` between cells (as a page copied to text holds it; find/flat_tables.py reads its
figures); a layout table (a cell holding paragraphs, or the only filled cell of its row) is text. The
page's own fields — the info block's 索引号/发文机关/发布日期/来源/文号 lines or cells and the
``<meta name="ArticleTitle|PubDate|ContentSource|…">`` tags — go into the documents row
(:func:`page_fields`) and give the title. The charset is the one the page declares, else the one
the text reader finds (BOM, UTF-8, GB18030, charset-normalizer).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from ..records import Document

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "button", "select",
         "svg", "template"}
_FURNITURE = re.compile(r"nav|menu|breadcrumb|crumb|share|footer|foot|bottom|sidebar|toolbar|location|weizhi"
                        r"|guide|banner|topbar|search|print|qrcode|qr_|erweima|fontsize|zihao|ldfont|setfont"
                        r"|changefont|(?<![\w-])header|recommend|xgwz|xgxx", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: lines that are page widgets whatever their markup: 分享到：, 字号：[大][中][小], [打印], 【关闭窗口】
_WIDGET_LINE = re.compile(r"^(?:分享到[：:].{0,20}|字号[：:]?\s*[\[【]?[大中小].{0,12}|[\[【]?(?:打印(?:本页)?|关闭(?:窗口)?|"
                          r"收藏|返回顶部)[\]】]?(?:\s*[\[【]?(?:打印(?:本页)?|关闭(?:窗口)?|收藏)[\]】]?)*|"
                          r"扫一扫在手机(?:上)?打开当前页)$")
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "dd",
          "dt", "ul", "ol", "blockquote", "pre", "hr"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_META_TITLE = ("articletitle", "title", "dc.title")
_META_DATE = ("pubdate", "publishdate", "firstpublishedtime", "dc.date", "article:published_time")
_META_ORG = ("contentsource", "source", "author", "dc.publisher", "sitename")
#: the page's own fields, by the labels of its info block (索 引 号：…, 发文机关：…) and its <meta> names
_FIELDS = {
    "publisher": (("发布机构", "发文机关", "发文单位", "发布单位", "发布部门"), ()),
    "published": (("发布日期", "发布时间", "发文日期", "成文日期", "更新时间"), _META_DATE),
    "source_name": (("信息来源", "文章来源", "来源"), ("contentsource", "source")),
    "index_no": (("索引号",), ()),
    "doc_no": (("发文字号", "发文文号", "文号"), ()),
    "title": (("标题",), ()),
}
_LABELS = "|".join(r"\s*".join(label) for labels, _ in _FIELDS.values() for label in labels)
#: 索 引 号： | 000014349/2018-00222 |, 来源：生态环境部, 发布日期：2018年12月29日 (the value ends at a cell
#: border, a line end, a wide gap or the next label)
_FIELD = re.compile(rf"(?<![\w])(?P<label>{_LABELS})\s*[：:]\s*(?:\|\s*)?(?P<value>[^|\n]*?)"
                    rf"(?=\s*\||\s*$|\s{{2,}}|\s+(?:{_LABELS})\s*[：:])", re.M)
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_LINES = re.compile(r"\n[ \t\u00a0\u3000]*(?:\n[ \t\u00a0\u3000]*)+")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        #: (row, cell) of the tables around the current one: a page's layout tables hold its content
        self.outer: list[tuple[list[str] | None, list[str] | None]] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            name = (a.get("name") or a.get("property") or "").lower()
            if name and a.get("content"):
                self.meta.setdefault(name, a["content"].strip())
            return
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag == "br" and not self._skipping():
                self._text("\n")
            return
        skip = (tag in _SKIP or bool(_FURNITURE.search(f"{a.get('id', '')} {a.get('class', '')}"))
                or bool(_HIDDEN.search(a.get("style", ""))))
        self.stack.append((tag, skip))
        if self._skipping():
            return
        if tag == "tr":
            self.outer.append((self.row, self.cell))
            self.row, self.cell = [], None
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCK:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID:
            return
        while self.stack:  # pages leave tags open: close up to the matching one
            open_tag, _ = self.stack[-1]
            skipping = self._skipping()
            self.stack.pop()
            if not skipping:
                self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("\n".join(_SPACES.sub(" ", ln).strip() for ln in "".join(self.cell).split("\n")).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            row = self.row
            self.row, self.cell = self.outer.pop() if self.outer else (None, None)
            filled = [c for c in row if c]
            if len(filled) == 1 and (len(row) == 1 or "\n" in filled[0] or len(filled[0]) > 200) \
                    or any("\n" in c for c in filled):
                self._text("\n" + "\n".join(filled) + "\n")  # a layout table: its cells are the page's text
            elif filled:
                self._text("\n" + " | ".join(row) + " |\n")
        elif tag in _BLOCK:
            self._text("\n")

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.out.append(data)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if not self._skipping():
            self._text(data if self.cell is not None else _SPACES.sub(" ", data))

    def text(self) -> str:
        lines = [ln.strip() for ln in "".join(self.out).split("\n")]
        lines = ["" if _WIDGET_LINE.match(ln) else ln for ln in lines]
        return _LINES.sub("\n", "\n".join(lines)).strip() + "\n"


def decode_html(data: bytes, fallback: Callable[[bytes], tuple[str, str]]) -> tuple[str, str]:
    """The page's text in the charset it declares, else as ``fallback`` decodes it (as a .txt file)."""
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "gb18030" if enc in ("gb2312", "gbk") else enc
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return fallback(data)


def page_fields(text: str, meta: dict[str, str]) -> dict[str, str]:
    """The page's own fields (publisher, published, source_name, index_no, doc_no, title) from its info
    block (the first of each label in the first 3,000 characters), else its <meta> tags; a date as ISO.

    >>> page_fields("索 引 号： | 000014349/2018-00222 | 发文机关： | 国务院 |\\n发布日期：2018年12月29日", {})
    {'publisher': '国务院', 'published': '2018-12-29', 'index_no': '000014349/2018-00222'}
    >>> page_fields("正文", {"pubdate": "2022-04-17 14:46:00", "contentsource": "生态环境部"})
    {'published': '2022-04-17', 'source_name': '生态环境部'}
    """
    by_label: dict[str, str] = {}
    for m in _FIELD.finditer(text[:3000]):
        value = m.group("value").strip()
        if value:
            by_label.setdefault(re.sub(r"\s+", "", m.group("label")), value)
    found: dict[str, str] = {}
    for name, (labels, _) in _FIELDS.items():  # labels in order of preference: 发布日期 before 成文日期
        value = next((by_label[label] for label in labels if label in by_label), "")
        if value:
            found[name] = value
    for name, (_, names) in _FIELDS.items():
        if name not in found:
            value = next((meta[k] for k in names if meta.get(k)), "")
            if value:
                found[name] = value
    if "published" in found:
        d = _DATE.search(found["published"])
        if d:
            found["published"] = f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"
    return {k: found[k] for k in _FIELDS if k in found}


def read_html(data: bytes, doc_id: str, path: str, sha256: str,
              decode: Callable[[bytes], tuple[str, str]] = lambda b: (b.decode("utf-8", "replace"), "utf-8")
              ) -> Document:
    """A web page as a Document (see the module's docstring); ``decode`` reads a page whose
    declared charset is missing or wrong (ingest passes its own: BOM, UTF-8, GB18030, detection)."""
    html, enc = decode_html(data, decode)
    page = _Page()
    page.feed(html)
    page.close()
    text = page.text()
    meta = page.meta
    title = next((meta[k] for k in _META_TITLE if meta.get(k)), "") or page.title.strip()
    # the page's own fields lead the text, where the title and publication-line readers find them
    head = []
    if title and title not in text[:500]:
        head.append(title)
    date = next((meta[k] for k in _META_DATE if meta.get(k)), "")
    org = next((meta[k] for k in _META_ORG if meta.get(k)), "")
    if date and "发布日期" not in text[:800]:
        head.append(f"发布日期：{date}")
    if org and "来源" not in text[:800]:
        head.append(f"来源：{org}")
    text = "\n".join(head) + ("\n" if head else "") + text
    fields = page_fields(text, meta)
    return Document(doc_id, path, "html", text, encoding=enc, sha256=sha256, reader="html.parser",
                    title=fields.pop("title", None) or next((meta[k] for k in _META_TITLE if meta.get(k)), None),
                    fields=tuple(fields.items()))
