"""Arabic, Persian and Hebrew (shaped, in bidi order) and CJK bold in real packs, read back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest

from briefings import build_pack, judgments
from briefings.bidi import base_level, isolate, levels, visual_order
from briefings.fonts import Typeface
from briefings.paragraph import Paragraph
from briefings.shaping import shape
from briefings.styles import Styles
from models.store import Workspace
from tests.briefings import rtl_fixtures as f
from tests.briefings.conftest import NOW, needs_pdftotext

_MARKS = re.compile("[\u200b\u200e\u200f\u202a-\u202e]")


def visual(text: str) -> str:
    order = visual_order(levels(text))
    return "".join(text[i] for i in order)


# ------------------------------------------------------------------------- the bidi algorithm


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        ("abc אבג def", "abc גבא def"),  # a Hebrew word inside English
        ("אבג 123 דהו", "והד 123 גבא"),  # digits keep their order inside Hebrew
        ("قال ١٢٣ هنا", "انه ١٢٣ لاق"),  # so do Arabic-Indic digits
        ("רחוב 10-12", "10-12 בוחר"),  # a number range stays one number
        ("شارع 10-12", "12-10 عراش"),  # ...but not after Arabic letters (rule W2, as browsers)
        ("אבג.", ".גבא"),  # the full stop ends the sentence on its left
        ("The אבג (דהו) will", "The )והד( גבא will"),  # N0: brackets enclose the alias
        ("abc (אבג) def", "abc (גבא) def"),
        ("car 10% off", "car 10% off"),
    ],
)
def test_visual_order(logical, shown):
    # (Brackets in right-to-left runs are mirrored when drawn, by the shaper.)
    assert visual(logical) == shown


def test_paragraph_direction_and_trailing_spaces():
    assert base_level("«שלום» world") == 1
    assert base_level("123 abc אבג") == 0
    assert base_level("123 ...") == 0
    assert levels("אבג  ", 1)[-2:] == [1, 1]
    assert levels("abc אבג  ", 0)[-2:] == [0, 0]  # trailing spaces at the paragraph level


def test_isolated_names_keep_an_english_template_in_order():
    bare = "also known as أنصار الله · 2 events"
    assert visual(bare).startswith("also known as 2 ·")  # what the bidi rules do unaided
    marked = f"also known as {isolate('أنصار الله')} · 2 events"
    assert visual(marked).replace("\u200e", "").endswith("· 2 events")
    assert isolate("Houthis") == "Houthis"


# ------------------------------------------------------------------------ fonts and shaping


def test_fallback_runs_for_a_line_mixing_scripts():
    faces = Typeface()
    runs = faces.runs("IRGC الحرس 12 צה״ל 中国 한국 Δ")
    fonts = [font for _, font in runs]
    assert fonts == [  # spaces stay in the run before them
        "NotoSans",
        "NotoNaskhArabic",
        "NotoSans",
        "NotoSansHebrew",
        "DroidSansFallback",
        "NanumSquare",
        "NotoSans",
    ]
    assert "".join(piece for piece, _ in runs) == "IRGC الحرس 12 צה״ל 中国 한국 Δ"
    bold = [font for _, font in faces.runs("A الحرس 中国 한국", "bold")]
    assert bold == [
        "NotoSans-Bold",
        "NotoNaskhArabic-Bold",
        "DroidSansFallback-Bold",
        "NanumSquare-Bold",
    ]
    assert not faces.missing
    # Persian and Urdu letters are in the Arabic font, not left to a box.
    assert {font for _, font in faces.runs("پچژگ ٹڈڑںے ی ک")} == {"NotoNaskhArabic"}


def test_bold_markup_keeps_fallback_runs_bold():
    # A <font face> inside <b> used to reset the run to regular (ReportLab takes bold and
    # italic from the face it is given).
    styles = Styles(Typeface())
    markup = judgments.inline("**قصف** and **中国** and **김정은**", styles.faces)
    fonts = [frag.fontName for frag in Paragraph(markup, styles.body).frags]
    assert fonts == [
        "NotoNaskhArabic-Bold",
        "NotoSans",
        "DroidSansFallback-Bold",
        "NotoSans",
        "NanumSquare-Bold",
    ]


def test_arabic_is_shaped_into_joined_forms():
    Typeface()
    drawn, width = shape("الحرس", "NotoNaskhArabic", 10)
    # Glyphs in visual order, and not the isolated letters: medial and final forms have no
    # character of their own, so they are drawn through private-use codes.
    assert len(drawn) == 5
    assert any(0xE000 <= ord(c) <= 0xF8FF for c in drawn)
    assert drawn[-1] == "ا"  # the first letter is drawn rightmost
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert width < stringWidth("الحرس", "NotoNaskhArabic", 10)  # joined letters are narrower
    plain, _ = shape("שלום", "NotoSansHebrew", 10)
    assert plain == "םולש"  # Hebrew needs no forms, only the order


# -------------------------------------------------------------------------- packs read back


@pytest.fixture(scope="module")
def rtl_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("rtl")
    with Workspace.open(folder / "rtl.annalist") as ws:
        f.rtl(ws)
        result = build_pack(ws, f.rtl_pack(), folder / "rtl.pdf", now=NOW)
    assert not result.warnings
    return folder / "rtl.pdf"


def _fonts(path: Path) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def _words(path: Path, page: int) -> list[tuple[float, float, float, str]]:
    """Words of a page as pdftotext places them: (top, left, right, text as drawn)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    words = []
    for m in re.finditer(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out
    ):
        words.append((float(m[2]), float(m[1]), float(m[3]), m[4]))
    return words


def _line(words, text: str, rtl: bool, column: tuple[str, str] | None = None):
    """The words of the printed line holding ``text``'s first word, left to right.

    ``column``: the headers of a table column and of the next one, to keep to that column.
    """
    left, right = 0.0, 1e9
    if column:
        left = next(w[1] for w in words if w[3] == column[0]) - 4
        right = next(w[1] for w in words if w[3] == column[1]) - 2
    words = [w for w in words if w[1] >= left and w[2] <= right]
    first = text.split()[0]
    drawn = first[::-1] if rtl else first
    top = next(w[0] for w in words if _MARKS.sub("", w[3]) == drawn)
    return sorted((w for w in words if abs(w[0] - top) < 3), key=lambda w: w[1])


def _plain(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return _MARKS.sub("", out)


def test_rtl_fonts_and_synthetic_bold_are_embedded(rtl_pdf):
    fonts = _fonts(rtl_pdf)
    assert {
        "NotoNaskhArabic-Regular",
        "NotoNaskhArabic-Bold",
        "NotoSansHebrew-Regular",
        "NotoSansHebrew-Bold",
        "DroidSansFallback",
        "DroidSansFallback-Bold",
    } <= fonts
    # The CJK bold is the regular outlines filled and stroked (text render mode 2).
    reader = pypdf.PdfReader(str(rtl_pdf))
    streams = [page.get_contents().get_data() for page in reader.pages]
    assert any(b"2 Tr" in data for data in streams)


@needs_pdftotext
def test_rtl_text_copies_out_in_logical_order(rtl_pdf):
    text = _plain(rtl_pdf)
    for phrase in (
        f.ARABIC_TITLE,
        f.PERSIAN_TITLE,
        f.HEBREW_TITLE,
        f.ARABIC_SOURCE,
        f.CJK_TITLE,
        f.PERSIAN_ALIAS,
        f.ARABIC_ACTOR,
    ):
        assert phrase in text, phrase
    # (pdftotext moves a space into the Arabic run's edge: spacing is not compared.)
    assert re.search(r"IRGC statement:\s*الحرس الثوري\s*claims 12 drones", text)


@needs_pdftotext
def test_rtl_paragraphs_are_right_aligned_in_visual_order(rtl_pdf):
    words = _words(rtl_pdf, 3)  # key judgments
    right = max(w[2] for w in words)  # the text column's right edge
    line = _line(words, f.HEBREW_QUOTE, rtl=True)
    assert line[-1][2] == pytest.approx(right, abs=1)
    assert line[-1][3] == "עצבמה"  # the first word read is the rightmost
    assert [w[3] for w in line][1:4] == ["םימי", "10", "ךשמיי"]  # digits left as written
    assert line[0][3].startswith(".")  # the full stop ends the sentence at the left
    # The same in the chronology's cells, drawn by the light text engine.
    words = _words(rtl_pdf, 5)
    line = _line(words, f.DIGITS_TITLE, rtl=True, column=("Event", "Actors"))
    shown = [_MARKS.sub("", w[3]) for w in line]
    assert shown[0] == "2024" and "12" in shown  # numbers are never reversed
    assert shown.index("12") < shown.index("ـب")
    assert shown[-1] == "موجه"


@needs_pdftotext
def test_mixed_line_keeps_english_order_around_arabic(rtl_pdf):
    words = _words(rtl_pdf, 5)
    line = [w[3] for w in _line(words, f.MIXED_TITLE, rtl=False, column=("Event", "Actors"))]
    assert line[:2] == ["IRGC", "statement:"]
    assert line[-3:] == ["claims", "12", "drones"]
    # Inside the Arabic run, the first word read is on the right.
    assert line[2:4] == ["يروثلا", "سرحلا"]
    # "name (alias)" in an English sentence: the alias, in its brackets, is read after the
    # name, so it is drawn to the name's left. (Copied text names the logical bracket; the
    # glyph drawn for it is mirrored.)
    words = _words(rtl_pdf, 3)
    line = [w[3] for w in _line(words, "The", rtl=False)]
    assert line[:9] == [
        "The",
        ")یمالسا",
        "بالقنا",
        "نارادساپ",
        "هاپس(",
        "يمالسإلا",
        "يروثلا",
        "سرحلا",
        "will",
    ]


def test_rtl_invariant_output_is_byte_stable(tmp_path):
    # Private-use codes of shaped glyphs are allocated once per process; they never reach the
    # PDF (subset codes and ToUnicode text do), so the bytes do not depend on earlier builds.
    with Workspace.open(tmp_path / "w.annalist") as ws:
        f.rtl(ws)
        first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
        build_pack(ws, f.rtl_pack(), first, invariant=True)
        build_pack(ws, f.rtl_pack(title=f.HEBREW_TITLE), tmp_path / "other.pdf", invariant=True)
        build_pack(ws, f.rtl_pack(), second, invariant=True)
    assert first.read_bytes() == second.read_bytes()


_LONG_ARABIC = (
    "يواصل الحرس الثوري الإسلامي استهداف السفن التجارية في البحر الأحمر، ومن المرجح أن تستمر "
    "الهجمات خلال الأشهر المقبلة رغم الضربات الأمريكية والبريطانية على مواقع الحوثيين في اليمن."
)


@needs_pdftotext
def test_rtl_items_hang_their_bullet_right_and_fill_their_lines(tmp_path):
    from copy import copy

    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.platypus import SimpleDocTemplate

    faces = Typeface()
    styles = Styles(faces)
    justified = copy(styles.body)
    justified.alignment = TA_JUSTIFY
    path = tmp_path / "items.pdf"
    doc = SimpleDocTemplate(str(path), leftMargin=72, rightMargin=72)
    doc.build(
        [
            Paragraph(faces.markup(_LONG_ARABIC), styles.bullet, bulletText="•"),
            Paragraph(faces.markup(_LONG_ARABIC + " " + _LONG_ARABIC), justified),
        ]
    )
    words = _words(path, 1)
    right = 72 + doc.width - 6  # the frame pads its content by 6 points
    bullet = next(w for w in words if w[3] == "•")
    arabic = [w for w in words if w[3] != "•" and abs(w[0] - bullet[0]) < 3]
    assert bullet[1] > max(w[2] for w in arabic)  # the bullet hangs on the right
    assert bullet[2] == pytest.approx(right - styles.bullet.bulletIndent, abs=1.5)
    # Shaped widths: the first line holds as much as the column allows, not ~75% of it.
    assert max(w[2] for w in arabic) - min(w[1] for w in arabic) > 0.9 * (
        doc.width - styles.bullet.leftIndent
    )
    # A justified right-to-left paragraph ends flush right, like its other lines.
    tops = sorted({round(w[0]) for w in words if w[0] > bullet[0] + 30})
    last = [w for w in words if round(w[0]) == tops[-1]]
    assert max(w[2] for w in last) == pytest.approx(right, abs=1.5)
    assert min(w[1] for w in last) > 72 + 10
