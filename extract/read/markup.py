"""Web pages (.html) -> a Document: the page's main text, its tables as rows, its own metadata.

Government pages wrap a report in navigation, share widgets, footers and scripts. The reader keeps
the text of the page's content and drops what is page furniture: ``script``/``style``/``nav``/
``header``/``footer``/``aside`` elements, forms, and elements whose id or class names a menu, a
breadcrumb, a share bar or a footer. A ``<table>`` becomes one line per row, ``|`` between cells
(as a page copied to text holds it; find/flat_tables.py reads its figures). The page's metadata —
``<title>``, ``<meta name="ArticleTitle|PubDate|ContentSource|…">`` and the info block's
发布机构/发布日期/来源 lines — give the Document's title, organisation and year. The charset is the
one the page declares, else the one charset-normalizer finds (as for .txt).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from ..records import Document

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "button", "select",
         "svg", "template"}
_FURNITURE = re.compile(r"nav|menu|breadcrumb|crumb|share|footer|foot|bottom|sidebar|toolbar|location|weizhi"
                        r"|guide|banner|topbar|search|print|qrcode|erweima|fontsize|zihao", re.I)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "dd",
          "dt", "ul", "ol", "blockquote", "pre", "hr"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_META_TITLE = ("articletitle", "title", "dc.title")
_META_DATE = ("pubdate", "publishdate", "firstpublishedtime", "dc.date", "article:published_time")
_META_ORG = ("contentsource", "source", "author", "dc.publisher", "sitename")
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
        skip = tag in _SKIP or bool(_FURNITURE.search(f"{a.get('id', '')} {a.get('class', '')}"))
        self.stack.append((tag, skip))
        if self._skipping():
            return
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCK:
            self.out.append("\n")

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
            self.row.append(_SPACES.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.out.append("\n" + " | ".join(self.row) + " |\n")
            self.row = None
        elif tag in _BLOCK:
            self.out.append("\n")

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
    return Document(doc_id, path, "html", text, encoding=enc, sha256=sha256)
