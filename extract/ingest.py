"""Path -> Document: decode text files, read PDFs, find title, organisation and year.

Text files are decoded in a fixed order: a BOM (UTF-8/UTF-16/UTF-32), strict
UTF-8, strict GB18030 (a superset of GBK and GB2312), then charset-normalizer;
the encoding used is recorded. A file that cannot be read is not an exception
for the batch: :func:`read_report` returns a Document whose ``status`` says
why (``empty``, ``binary``, ``undecodable``, ``unsupported``, ``error`` ...).
"""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import regex

from .records import Document, IngestError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
PDF_SUFFIXES = {".pdf"}
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CN_YEAR = regex.compile(r"([〇零一二三四五六七八九]{4})年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_ORG = regex.compile(
    r"^(?:\d{4}年度?)?(?P<org>.{2,40}?(?:人民政府办公室|人民政府|街道办事处|办公厅|办公室|委员会|协会|联合会|"
    r"人民法院|人民检察院|法院|检察院|管理局|局|厅|委|院|中心|所|站|馆|队|会|部|处|办|社))"
    r"(?=\d{4}年|年度|部门|单位|关于|政府工作报告|整体|预算|决算|$)")
_FIELD = regex.compile(r"^[\p{Han}]{2,8}[：:]\s*")  # 预算主管部门：上海市普陀区司法局
_LEAD_YEAR = regex.compile(r"^(?:19|20)\d{2}年度?")
_CONGRESS = regex.compile(r"在(?P<place>\p{Han}{2,12}?(?:省|自治区|市|县|区))第?[\p{Han}]{1,6}人民代表大会")
_BARE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_GWR = regex.compile(r"(?P<place>[\p{Han}]{2,12}?(?:省|自治区|市|县|区|州|盟|旗))(?:人民)?政府工作报告")


class _Truncated(Exception):
    def __init__(self, text: str, dropped: int) -> None:
        super().__init__(f"file ends inside a UTF-8 character: last {dropped} byte(s) dropped")
        self.text = text


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text report -> (text, encoding used).

    >>> decode("收入".encode("gbk"))
    ('收入', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "收入".encode())
    ('收入', 'utf-8-sig')
    """
    if not data.strip(b" \t\r\n"):
        raise IngestError("empty", "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise IngestError("undecodable", f"starts with a {enc} byte-order mark but does not decode: {e}")
    if b"\x00" in data[:4096]:
        raise IngestError("binary", "file holds NUL bytes: binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            # a UTF-8 file cut inside its last character: keep everything before the cut
            raise _Truncated(data[: e.start].decode("utf-8"), len(data) - e.start) from None
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("undecodable", "not UTF-8, not GB18030, and no other encoding fits")
    return str(best), best.encoding


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip(" \t\u3000\ufeff")
        if line:
            return line[:120]
    return None


def report_year(title: str | None, text: str) -> int | None:
    """The year a report is about: in its title, else the first year in its opening lines.

    >>> report_year("常宁市科学技术协会2021年部门整体支出绩效", "")
    2021
    >>> report_year("政府工作报告", "——二〇二六年一月二十七日在…")
    2026
    """
    for chunk in (title or "", text[:600]):
        m = _YEAR.search(chunk)
        if m:
            return int(m.group(1))
        m = _CN_YEAR.search(chunk)
        if m:
            return int("".join(_CN_DIGITS[c] for c in m.group(1)))
    m = _BARE_YEAR.search(text[:120])  # a cover with the year on a line of its own: 年度部门决算 / 2024
    return int(m.group(1)) if m and "年" in text[:120] else None


def organization(title: str | None, text: str) -> str | None:
    """The issuing body when the title or opening lines state it.

    >>> organization("常宁市科学技术协会2021年部门整体支出绩效", "")
    '常宁市科学技术协会'
    >>> organization("2026年甘肃省政府工作报告", "")
    '甘肃省人民政府'
    >>> organization("上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区司法局")
    '上海市普陀区司法局'
    >>> organization("政府工作报告", "政府工作报告\\n——2026年1月27日在海南省第七届人民代表大会第五次会议上")
    '海南省人民政府'
    """
    if "政府工作报告" in (title or ""):
        m = _CONGRESS.search(text[:300])  # ——2026年1月27日在贵州省第十四届人民代表大会第四次会议上
        if m:
            return f"{m.group('place')}人民政府"
    for chunk in ((title or "").replace(" ", ""), *text[:400].splitlines()[:6]):
        chunk = _FIELD.sub("", _LEAD_YEAR.sub("", chunk.strip()))
        m = _GWR.search(chunk)
        if m:
            return f"{m.group('place')}人民政府"
        m = _ORG.search(chunk.strip())
        if m:
            return m.group("org")
    return None


def _with_meta(doc: Document, year: int | None) -> Document:
    title = doc.title or _first_line(doc.text)
    y = year or report_year(title, doc.text)
    return Document(**{**doc.__dict__, "title": title, "organization": organization(title, doc.text), "year": y})


def read_report(path: str | Path, year: int | None = None) -> Document:
    """Read one report file. Never raises for a bad file: the status says what went wrong."""
    p = Path(path)
    doc_id = p.stem
    fmt = p.suffix.lower().lstrip(".") or "unknown"
    try:
        data = p.read_bytes()
    except OSError as e:
        return Document(doc_id, str(p), fmt, "", status="error", error=f"cannot read file: {e.strerror or e}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        if p.suffix.lower() in PDF_SUFFIXES:
            from .pdf import read_pdf

            doc = read_pdf(data, doc_id=doc_id, path=str(p), sha256=sha)
        elif p.suffix.lower() in TEXT_SUFFIXES:
            try:
                text, enc = decode(data)
                doc = Document(doc_id, str(p), fmt, text, encoding=enc, sha256=sha)
            except _Truncated as t:
                doc = Document(doc_id, str(p), fmt, t.text, encoding="utf-8", sha256=sha,
                               status="truncated", error=str(t))
        else:
            raise IngestError("unsupported", f"unsupported file type {p.suffix or '(none)'}; "
                                             f"expected one of {', '.join(sorted(SUFFIXES))}")
    except IngestError as e:
        return Document(doc_id, str(p), fmt, "", sha256=sha, status=e.status, error=str(e))
    if not doc.text.strip() and doc.status == "ok":
        return Document(**{**doc.__dict__, "status": "empty", "error": "no text in file"})
    return _with_meta(doc, year)


def discover(paths: list[str | Path]) -> list[Path]:
    """Files to read: the files named, and report files found under folders (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out
