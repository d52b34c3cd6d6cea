"""The parts of a pack on their own: fonts, text wrapping, key judgments, the chart, Qt-freedom."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from briefings import chart, judgments
from briefings.data import load
from briefings.definition import Briefing, Scope
from briefings.fonts import Typeface
from briefings.text import Piece, TextStyle, Wrapper, fit_text
from models import dates

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------------------ fonts


def test_runs_pick_a_font_that_has_the_glyphs():
    faces = Typeface()
    runs = faces.runs("Москва → 서울, 北京 and Αθήνα")
    assert "".join(text for text, _ in runs) == "Москва → 서울, 北京 and Αθήνα"
    fonts = {text.strip(" ,"): font for text, font in runs}
    assert fonts["서울"] == "NanumSquare"
    assert fonts["北京"] == "DroidSansFallback"
    assert fonts["→"] == "DejaVuSans"
    assert runs[0] == ("Москва ", "NotoSans")
    assert not faces.missing


def test_bold_runs_use_bold_fonts():
    faces = Typeface()
    assert faces.runs("Kim 김정은", "bold") == [
        ("Kim ", "NotoSans-Bold"),
        ("김정은", "NanumSquare-Bold"),
    ]


def test_markup_escapes_and_marks_fallback_runs():
    faces = Typeface()
    assert faces.markup("R&D <draft>") == "R&amp;D &lt;draft&gt;"
    assert faces.markup("a 서울") == 'a <font face="NanumSquare">서울</font>'


def test_wrapping_keeps_every_character_and_fits_the_width():
    wrapper = Wrapper(Typeface())
    text = (
        "Ukrainian forces 우크라이나군 advanced near 北京北京北京北京北京北京北京北京 on "
        "https://example.org/a/very/long/path/that/must/break and onwards"
    )
    lines = wrapper.lines(Piece(text, TextStyle(size=8)), 90)
    assert len(lines) > 3
    assert all(line.width <= 90.01 for line in lines)
    joined = "".join(run for line in lines for run, _, _ in line.runs)
    assert joined.replace(" ", "") == text.replace(" ", "")


def test_fit_text_shortens_with_an_ellipsis():
    faces = Typeface()
    assert fit_text(faces, "short", 100) == "short"
    cut = fit_text(faces, "A rather long label that will not fit", 60)
    assert cut.endswith("…") and faces.width(cut, "regular", 8) <= 60


# -------------------------------------------------------------------- key judgments


def test_judgment_blocks_and_inline_emphasis():
    faces = Typeface()
    text = (
        "**Bottom line.** Then *detail* with snake_case and a lone * star.\n\n"
        "- first **bold\n  continued**\n* second\n1. numbered\n# Heading"
    )
    blocks = judgments.blocks(text)
    assert [b.kind for b in blocks] == ["paragraph", "bullet", "bullet", "numbered", "heading"]
    assert judgments.inline(blocks[0].text, faces) == (
        "<b>Bottom line.</b> Then <i>detail</i> with snake_case and a lone * star."
    )
    assert judgments.inline(blocks[1].text, faces) == "first <b>bold continued</b>"
    assert judgments.inline(r"\*not italic\* R&D <x>", faces) == "*not italic* R&amp;D &lt;x&gt;"


# ------------------------------------------------------------------------------ chart


def test_ticks_are_readable_at_every_span():
    day = dates.parse("2024-11-14").earliest
    for span, sample in (
        (6 * 3600, ":00"),
        (10 * 86400, "Nov"),
        (200 * 86400, "2025"),
        (20 * 365 * 86400, "2030"),
    ):
        ticks = chart.ticks(day, day + span, 600)
        assert 2 <= len(ticks) <= 10, span
        assert any(sample in label for _, label in ticks), (span, ticks)
        assert [t for t, _ in ticks] == sorted(t for t, _ in ticks)


def test_dense_windows_split_into_pages_by_time():
    items = [
        chart.Item(i, i, "x", i * 86400, i * 86400, 1.0, False, False, True) for i in range(200)
    ]
    parts = chart.segments(items, 0, 200 * 86400)
    assert len(parts) == 5
    assert parts[0][0] == 0 and parts[-1][1] == 200 * 86400
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))


def test_chart_follows_the_palette_rules(realistic_ws):
    data = load(realistic_ws, Briefing(scope=Scope()), 1, dt.date(2024, 11, 18))
    items = {item.title: item for item in chart.items_of(data)}
    build_up = items["Russian build-up along Ukraine's borders"]  # 2021-11~/2022-02
    assert build_up.lo < dates.parse("2021-11").earliest  # approximate: drawn wider
    assert build_up.opacity < 1.0
    troops = items["North Korean troops deployed to Russia"]  # 2024-10?
    assert troops.opacity < 1.0 and troops.lo == dates.parse("2024-10").earliest
    kursk = items["Ukrainian incursion into Kursk oblast"]
    assert kursk.open_end
    invasion = items["Full-scale invasion of Ukraine"]
    assert invasion.point and invasion.opacity == 1.0

    painter = chart.ChartPainter(data, Typeface())
    (drawing,) = painter.pages(700, 450, 450, (None, None))
    rects = [
        s for s in _shapes(drawing) if type(s).__name__ == "Rect" and s.fillOpacity is not None
    ]
    fading = sorted({round(r.fillOpacity, 3) for r in rects if r.fillOpacity < 0.9})
    assert len(fading) >= 6  # the ongoing span fades out in steps
    strings = "".join(s.text for s in _shapes(drawing) if type(s).__name__ == "String")
    assert "Kim Jong Un (김정은)" in strings and "Russia" in strings
    assert painter.labelled > 0


def _shapes(node):
    for child in getattr(node, "contents", []):
        yield child
        yield from _shapes(child)


# ----------------------------------------------------------------------- no Qt here


def test_briefings_never_import_qt():
    for path in (ROOT / "briefings").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("PySide6", "ui", "shiboken6") for n in names), path
