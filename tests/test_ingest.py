"""Reading files: encodings, metadata, and bad input that must not stop a batch."""
from __future__ import annotations

import codecs

import pytest

import extract
from extract.read.ingest import read_report

TEXT = "常宁市科学技术协会2021年部门整体支出绩效\n2021年收入总计181.92万元。"


@pytest.mark.parametrize("name,data,encoding", [
    ("utf8", TEXT.encode("utf-8"), "utf-8"),
    ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("gb2312", TEXT.encode("gb2312"), "gb18030"),
    ("utf16-le-bom", TEXT.encode("utf-16"), "utf-16"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_encodings(tmp_path, name, data, encoding):
    p = tmp_path / f"{name}.txt"
    p.write_bytes(data)
    doc = read_report(p)
    assert (doc.status, doc.encoding, doc.text.replace("\ufeff", "")) == ("ok", encoding, TEXT)
    assert doc.year == 2021
    assert doc.organization == "常宁市科学技术协会"


@pytest.mark.parametrize("name,data,status", [
    ("empty", b"", "empty"),
    ("blank", b"  \r\n\n ", "empty"),
    ("binary", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("bad-bom", codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
])
def test_bad_input_becomes_a_status(tmp_path, name, data, status):
    p = tmp_path / f"{name}.txt"
    p.write_bytes(data)
    doc = read_report(p)
    assert doc.status == status
    assert doc.error


def test_truncated_multibyte_keeps_what_was_read(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_bytes(TEXT.encode("utf-8")[:-2])
    doc = read_report(p)
    assert doc.status == "truncated"
    assert "byte" in doc.error
    assert doc.text == TEXT[:-1]


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "report.odt"
    p.write_bytes(b"PK\x03\x04")
    doc = read_report(p)
    assert doc.status == "unsupported" and ".odt" in doc.error


def test_old_office_formats_say_how_to_convert(tmp_path):
    p = tmp_path / "report.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0")
    doc = read_report(p)
    assert doc.status == "unsupported" and "soffice --headless --convert-to docx" in doc.error


def test_a_broken_docx_is_an_error_row(tmp_path):
    p = tmp_path / "report.docx"
    p.write_bytes(b"PK\x03\x04 not a zip")
    doc = read_report(p)
    assert doc.status == "error" and "not a readable .docx" in doc.error


def test_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    result = extract.run([tmp_path])
    status = dict(zip(result.documents["doc_id"], result.documents["status"]))
    assert status == {"binary": "binary", "broken": "error", "empty": "empty", "good": "ok"}
    assert set(result.facts["doc_id"]) == {"good"}


def test_year_override(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("工作总结\n3月11日召开会议。", encoding="utf-8")
    assert read_report(p).year is None
    result = extract.run([p], year=2019)
    assert list(result.facts["value"]) == ["2019-03-11"]
