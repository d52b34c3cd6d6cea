"""Plain text in any encoding, and refusing what is not text."""

from __future__ import annotations

import codecs
import os
import random

import pytest

from ingest import ReadError, read

RUSSIAN = (
    "Министерство обороны России заявило в четверг, что войска заняли ещё одну деревню "
    "в Донецкой области. Украинские военные сообщили о продолжающихся боях."
)
JAPANESE = "防衛省は木曜日、北朝鮮が弾道ミサイルを発射したと発表した。日本の排他的経済水域の外に落下したとみられる。"
FRENCH = (
    "Le ministère a réagi jeudi à l’attaque, selon l’AFP. « C’est inacceptable », a-t-il déclaré."
)


def _read_bytes(tmp_path, data: bytes, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read(path, in_process=True)


def test_utf8(tmp_path):
    article = _read_bytes(tmp_path, ("Title line\n\n" + RUSSIAN).encode("utf-8"))
    assert RUSSIAN in article.text
    assert article.title == "Title line"
    assert article.warnings == []
    assert article.kind == "txt"


@pytest.mark.parametrize(
    "bom, codec",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_marks(tmp_path, bom, codec):
    article = _read_bytes(tmp_path, bom + RUSSIAN.encode(codec))
    assert article.text == RUSSIAN
    assert article.warnings == []


def test_utf16_without_bom_is_recognised(tmp_path):
    article = _read_bytes(tmp_path, FRENCH.encode("utf-16-le"))
    assert article.text == FRENCH


@pytest.mark.parametrize(
    "text, codec, label",
    [
        (FRENCH * 3, "cp1252", "Windows-1252"),
        (RUSSIAN * 3, "koi8_r", "KOI8-R"),
        (JAPANESE * 3, "shift_jis", "Shift JIS"),
    ],
)
def test_legacy_encodings_are_guessed_and_the_guess_is_reported(tmp_path, text, codec, label):
    article = _read_bytes(tmp_path, text.encode(codec))
    assert article.text == text
    assert len(article.warnings) == 1
    assert label in article.warnings[0]
    assert "article.txt" in article.warnings[0]


def test_hard_wrapped_lines_join_and_paragraphs_stay(tmp_path):
    raw = "First paragraph runs\nover two lines.\n\n\n   Second   paragraph.\n"
    assert _read_bytes(tmp_path, raw.encode()).text == (
        "First paragraph runs over two lines.\n\nSecond paragraph."
    )


def test_binary_renamed_txt_is_refused(tmp_path):
    data = bytes(range(256)) * 40
    with pytest.raises(ReadError) as error:
        _read_bytes(tmp_path, data, "notes.txt")
    assert str(error.value) == (
        "notes.txt is not text (it holds binary data, as a program, image or archive does); "
        "check that you dropped the right file."
    )


def test_image_renamed_txt_says_what_it_really_is(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(400)
    with pytest.raises(ReadError) as error:
        _read_bytes(tmp_path, data, "photo.txt")
    assert str(error.value) == (
        "photo.txt is really a PNG image, not text; check that you dropped the right file."
    )


def test_pdf_renamed_txt_is_read_as_pdf_with_a_warning(tmp_path):
    from tests.ingest import readers_fixtures as F

    path = F.make_pdf(tmp_path / "x.pdf")
    renamed = tmp_path / "report.txt"
    path.rename(renamed)
    article = read(renamed, in_process=True)
    assert article.kind == "pdf"
    assert "report.txt is really a PDF and was read as one." in article.warnings


def test_control_character_soup_is_refused(tmp_path):
    data = b"abc\x01\x02\x03\x04\x05\x06" * 500
    with pytest.raises(ReadError, match="is not text"):
        _read_bytes(tmp_path, data)


def test_binary_that_looks_like_utf16_is_still_refused(tmp_path):
    data = bytes(
        b
        for pair in zip(random.Random(7).randbytes(3000), b"\x00" * 3000, strict=False)
        for b in pair
    )
    with pytest.raises(ReadError, match="is not text"):
        _read_bytes(tmp_path, b"\xff\xfe" + data[:2000])
    # FF FE 00 00 is the UTF-32 byte-order mark: what follows decodes to replacement characters.
    with pytest.raises(ReadError, match="is not text"):
        _read_bytes(tmp_path, b"\xff\xfe\x00\x00" + data[2:2002])
    with pytest.raises(ReadError, match="is not text"):
        _read_bytes(
            tmp_path,
            bytes(
                b
                for pair in zip(b"\x01\x02\x03" * 1000, b"\x00" * 3000, strict=False)
                for b in pair
            ),
        )
