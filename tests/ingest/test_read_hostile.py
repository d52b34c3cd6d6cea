"""Hostile and broken input: each case ends in one clear sentence, fast, and the caller lives."""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
import time
import zipfile

import pytest

from ingest import ReadError, read, safety
from ingest.readers import Limits, ReadCancelled, ReadTimeout, api
from tests.ingest import read_hooks
from tests.ingest import readers_fixtures as F

MB = 1024 * 1024

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _error(path, **kwargs) -> str:
    with pytest.raises(ReadError) as info:
        read(path, **kwargs)
    return str(info.value)


def test_xml_bomb_in_docx_is_refused(tmp_path):
    document = (
        BILLION_LAUGHS
        + f'<w:document xmlns:w="{F.W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = F.make_docx(tmp_path / "bomb.docx", document_xml=document)
    assert _error(path, in_process=True) == (
        "bomb.docx contains XML entity declarations, which a genuine Word document never has; "
        "it was not read because it may be built to exhaust memory (an 'XML bomb')."
    )


def test_xml_bomb_in_odt_is_refused(tmp_path):
    content = BILLION_LAUGHS + F.odt_content("<text:p>&lol9;</text:p>").split("?>", 1)[1]
    path = F.make_odt(tmp_path / "bomb.odt", content_xml=content)
    assert "bomb.odt contains XML entity declarations" in _error(path)


def test_zip_bomb_in_docx_is_refused_before_inflating(tmp_path):
    huge = docx_with_part(tmp_path / "zipbomb.docx", b" " * (60 * MB))
    assert os.path.getsize(huge) < MB
    started = time.monotonic()
    message = _error(huge, in_process=True)
    assert time.monotonic() - started < 2
    assert message == (
        "zipbomb.docx contains a part that inflates to an absurd size (a 'zip bomb'); it was "
        "not read, so ask for a clean copy of the Word document."
    )


def docx_with_part(path, document: bytes):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return path


def test_oversized_zip_part_is_refused_even_at_a_normal_ratio(tmp_path):
    noise = os.urandom(3 * MB).hex().encode()  # compresses only about 2:1
    path = docx_with_part(tmp_path / "big.docx", noise)
    message = _error(path, in_process=True, limits=Limits(max_part_bytes=2 * MB))
    assert "inflates to an absurd size" in message


def test_zip_with_absurdly_many_parts_is_refused(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(300):
            archive.writestr(f"junk/{index}.xml", "x")
    message = _error(path, in_process=True, limits=Limits(max_zip_members=100))
    assert message == (
        "many.docx holds 300 parts, far more than a genuine Word document has; it was not read "
        "because it may be built to exhaust memory."
    )


def test_two_gigabyte_file_is_refused_by_size_at_once(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024 * MB)  # sparse: no disk is used
    started = time.monotonic()
    message = _error(path)
    assert time.monotonic() - started < 0.5
    assert message == (
        "huge.pdf is too large to read (2 GB; the limit for this kind of file is 200 MB); "
        "split it or save only the article you need."
    )


def test_text_files_have_a_lower_limit_than_pdfs(tmp_path):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(60 * MB)
    assert "the limit for this kind of file is 50 MB" in _error(path)


def test_size_limits_are_configurable(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(F.news_page())
    limits = Limits(per_kind={"html": 1024})
    assert "the limit for this kind of file is 1 KB" in _error(path, limits=limits)


def test_damaged_files_say_so(tmp_path):
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 truncated nonsense")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    (tmp_path / "notes.odt").write_bytes(b"plain text pretending")
    (tmp_path / "letter.rtf").write_bytes(b"no rtf header here")
    assert _error(tmp_path / "report.docx") == (
        "report.docx is not a valid Word document (the file is damaged or not a .docx); "
        "open it in Word and save it again."
    )
    assert _error(tmp_path / "paper.pdf") == (
        "paper.pdf is not a valid PDF (the file is damaged or not really a PDF); open it in a "
        "PDF viewer and save or print it to PDF again."
    )
    assert _error(tmp_path / "notes.odt", in_process=True) == (
        "notes.odt is not a valid OpenDocument text (the file is damaged or not a .odt); "
        "open it in LibreOffice and save it again."
    )
    assert "letter.rtf is not a valid RTF document" in _error(tmp_path / "letter.rtf")


def test_docx_missing_its_body_is_damaged(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("docProps/core.xml", "<x/>")
    assert "empty.docx is not a valid Word document" in _error(path, in_process=True)


def test_scanned_pdf_asks_for_ocr(tmp_path):
    path = F.make_scanned_pdf(tmp_path / "scan.pdf")
    assert _error(path) == (
        "scan.pdf has no text layer (it is a scan); run OCR first (for example with OCRmyPDF or "
        "your scanner's software) and read the OCR'd PDF."
    )


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = F.make_pdf(tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    (tmp_path / "locked.pdf").write_bytes(out.getvalue())
    assert _error(tmp_path / "locked.pdf", in_process=True) == (
        "locked.pdf is protected with a password or encryption Annalist cannot open; open it in "
        "a PDF viewer and print it to a new, unprotected PDF."
    )


def test_unknown_unsupported_missing_empty_and_folder(tmp_path):
    (tmp_path / "slides.key").write_bytes(b"x")
    (tmp_path / "old.doc").write_bytes(b"x")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder.html").mkdir()
    assert _error(tmp_path / "slides.key") == (
        "slides.key cannot be read: Annalist does not read .key files; it reads .txt, .md, "
        ".html, .htm, .mhtml, .pdf, .docx, .odt, .rtf and .eml files."
    )
    assert _error(tmp_path / "old.doc") == (
        "old.doc is an old Word 97–2003 document; open it in Word or LibreOffice and save it "
        "as .docx."
    )
    assert _error(tmp_path / "gone.pdf") == (
        "gone.pdf was not found; it may have been moved or deleted."
    )
    assert _error(tmp_path / "empty.txt") == (
        "empty.txt is empty (0 bytes); check that it was saved completely."
    )
    assert "is a folder, not a file" in _error(tmp_path / "folder.html")


def test_malformed_html_still_gives_its_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><p>Unclosed <b>bold <i>italic <table><tr><td>cell</p></div></span> "
        "text &amp; more &#xZZ; <<>> end</td></body>"
    )
    article = read(path)
    assert "Unclosed bold italic" in article.text and "end" in article.text


def test_deeply_nested_html_is_read_in_the_worker(tmp_path):
    depth = 100_000
    page = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + "<p>Buried paragraph, with commas, and enough words to count.</p>"
        + "</div>" * depth
        + "<p>After the deep part, a paragraph that must not be lost either.</p></body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(page)
    article = read(path, timeout=20)
    assert "Buried paragraph" in article.text
    assert "After the deep part" in article.text
    assert any("nested too deeply" in w for w in article.warnings)


def test_deeply_nested_json_ld_and_rtf_do_not_recurse(tmp_path):
    head = '<script type="application/ld+json">' + "[" * 200_000 + "]" * 200_000 + "</script>"
    (tmp_path / "ld.html").write_text(F.news_page(head_extra=head))
    assert F.ARTICLE_PARAGRAPHS[0] in read(tmp_path / "ld.html", in_process=True).text
    (tmp_path / "deep.rtf").write_bytes(b"{\\rtf1 " + b"{" * 50_000 + b"x" + b"}" * 50_000 + b"}")
    assert "nested far deeper than any real RTF document" in _error(tmp_path / "deep.rtf")


def test_wrong_declared_encoding_falls_back_to_a_guess(tmp_path):
    page = F.news_page(paragraphs=["Le ministère a réagi jeudi, selon l’AFP, à l’attaque."] * 4)
    path = tmp_path / "mislabelled.html"
    path.write_bytes(page.encode("cp1252"))  # the page still says charset=utf-8
    article = read(path, in_process=True)
    assert "Le ministère a réagi jeudi" in article.text
    assert any("was guessed as" in w for w in article.warnings)


def test_eml_with_a_huge_attachment_reads_the_body_and_names_the_attachment(tmp_path):
    path = F.make_eml(
        tmp_path / "big.eml", attachment=os.urandom(20 * MB), attachment_name="dump.bin"
    )
    started = time.monotonic()
    article = read(path)
    assert time.monotonic() - started < 15
    assert F.ARTICLE_PARAGRAPHS[0] in article.text
    assert any("dump.bin (20 MB)" in w for w in article.warnings)
    limits = Limits(per_kind={"eml": 5 * MB})
    assert "big.eml is too large to read" in _error(path, limits=limits)


# --- the worker process -------------------------------------------------------------------


def _no_reader_processes_left():
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not [p for p in multiprocessing.active_children() if p.name == "annalist-reader"]:
            return True
        time.sleep(0.05)
    return False


def test_a_spinning_parser_is_stopped_at_the_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.spin)
    path = tmp_path / "trap.pdf"
    F.make_pdf(path)
    started = time.monotonic()
    with pytest.raises(ReadTimeout) as info:
        read(path, timeout=0.5)
    assert time.monotonic() - started < 5
    assert str(info.value) == (
        "trap.pdf took longer than 0.5 s to read and was stopped; the file may be damaged or "
        "unusually complex, so try saving it again or exporting it as text."
    )
    assert _no_reader_processes_left()


def test_the_caller_can_read_again_after_a_timeout(tmp_path, monkeypatch):
    path = F.make_pdf(tmp_path / "fine.pdf")
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.spin)
    with pytest.raises(ReadTimeout):
        read(path, timeout=0.3)
    monkeypatch.undo()
    assert read(path).kind == "pdf"


def test_a_parser_that_balloons_hits_the_memory_limit(tmp_path, monkeypatch):
    pytest.importorskip("resource")
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.balloon)
    path = F.make_pdf(tmp_path / "balloon.pdf")
    message = _error(path, timeout=20, limits=Limits(memory_bytes=1024 * MB))
    assert message == (
        "balloon.pdf needed more memory than allowed and was not read; the file may be damaged "
        "or built to exhaust memory, so ask for a clean copy."
    )


def test_a_crashing_parser_does_not_take_the_caller_down(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.crash)
    path = F.make_pdf(tmp_path / "crash.pdf")
    assert _error(path) == (
        "crash.pdf made its reader crash and was not read; the file is probably damaged, so "
        "open it in the program that made it and save it again."
    )


def test_reading_can_be_cancelled(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.spin)
    path = F.make_pdf(tmp_path / "slow.pdf")
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(ReadCancelled, match="Reading slow.pdf was cancelled."):
        read(path, timeout=30, cancel=cancel)
    assert time.monotonic() - started < 5
    assert _no_reader_processes_left()


@pytest.mark.parametrize("hook", [read_hooks.phone_home, read_hooks.phone_home_raw])
def test_the_worker_has_no_network(hook):
    assert safety.run_limited(hook, timeout=10) == "network access is disabled while reading files"


def test_worker_returns_results_and_reraises_errors():
    assert safety.run_limited(read_hooks.echo, (1, "two"), timeout=10) == (1, "two")
    with pytest.raises(ReadError, match="was not found"):
        safety.run_limited(api.dispatch.read_path, ("/nonexistent/x.txt", Limits()), timeout=10)


def test_a_pdf_that_keeps_the_parser_busy_is_stopped(tmp_path):
    path = F.make_spinning_pdf(tmp_path / "tarpit.pdf")
    assert os.path.getsize(path) < 100_000
    started = time.monotonic()
    with pytest.raises(
        ReadTimeout, match="tarpit.pdf took longer than 1 s to read and was stopped"
    ):
        read(path, timeout=1)
    assert time.monotonic() - started < 5
    assert _no_reader_processes_left()


def test_eml_with_broken_headers_and_an_unknown_charset_is_still_read(tmp_path):
    path = tmp_path / "odd.eml"
    path.write_bytes(
        b'Subject: =?utf-8?B?0J/RgNC40LLQtdGC?=\r\nFrom: "Broken <<>> \r\n'
        b"Date: not a date at all\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\n"
        b"Body text here, in some \xe9ncoding.\r\n"
    )
    article = read(path)
    assert article.title == "Привет"
    assert article.published is None
    assert article.text == "Body text here, in some éncoding."
    assert any("was guessed as" in w for w in article.warnings)
