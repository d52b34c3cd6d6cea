"""The pack's look: colours, paragraph styles, cell styles and page geometry."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle

from briefings.fonts import Typeface
from briefings.table import TableLook
from briefings.text import TextStyle

INK = HexColor("#1b1f24")
MUTED = HexColor("#5b6570")
FAINT = HexColor("#8a939c")
ACCENT = HexColor("#1f3a5f")
RULE = HexColor("#c5cdd6")
ZEBRA = HexColor("#f3f5f8")
GROUP = HexColor("#e3e9f0")
PANEL = HexColor("#f5f7fa")

PAGE_SIZES = {"A4": A4, "Letter": LETTER}

# Page geometry in points: margins, and the bands for banners, running header and footer.
MARGIN_X = 50.0
BANNER_H = 13.0
BANNER_GAP = 6.0  # paper edge to banner
HEADER_BASE = 36.0  # paper top to the running header's baseline
BODY_TOP = 54.0  # paper top to the body frame
BODY_BOTTOM = 52.0  # paper bottom to the body frame
FOOTER_BASE = 36.0  # paper bottom to the footer's baseline


@dataclass(frozen=True)
class Geometry:
    portrait: tuple[float, float]
    landscape: tuple[float, float]

    def frame(self, size: tuple[float, float]) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the body frame on a page of ``size``."""
        width, height = size
        return (MARGIN_X, BODY_BOTTOM, width - 2 * MARGIN_X, height - BODY_TOP - BODY_BOTTOM)


def geometry(page_size: str) -> Geometry:
    size = PAGE_SIZES.get(page_size, A4)
    return Geometry(tuple(size), tuple(landscape(size)))


class Styles:
    """Paragraph and cell styles for one build (they name the build's fonts)."""

    def __init__(self, faces: Typeface):
        self.faces = faces
        regular = faces.family("regular")
        bold = faces.font("bold")

        def para(name, size, leading, font=regular, colour=INK, **kw):
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=leading,
                textColor=colour,
                alignment=TA_LEFT,
                **kw,
            )

        self.body = para("body", 9.5, 13.6, spaceAfter=6.5)
        self.bullet = para(
            "bullet",
            9.5,
            13.6,
            leftIndent=15,
            bulletIndent=4,
            spaceAfter=4.5,
            bulletFontName=regular,
        )
        self.small = para("small", 8, 10.5, colour=MUTED)
        self.note = para("note", 9, 12.5, colour=MUTED, spaceAfter=6)
        self.scope = para("scope", 8.5, 11.5, colour=MUTED, spaceAfter=10)
        self.h1 = para("h1", 18, 22, bold, ACCENT, spaceAfter=4, keepWithNext=1)
        self.h2 = para("h2", 13.5, 17, bold, ACCENT, spaceBefore=4, spaceAfter=7, keepWithNext=1)
        self.h3 = para("h3", 10.5, 13.5, bold, INK, spaceBefore=8, spaceAfter=2, keepWithNext=1)
        self.label = para("label", 7.5, 10, bold, MUTED)
        self.cover_org = para("cover_org", 11, 14, bold, ACCENT, spaceAfter=0)
        self.cover_title = para("cover_title", 27, 32, bold, INK, spaceAfter=8)
        self.cover_subtitle = para("cover_subtitle", 14, 18.5, regular, MUTED, spaceAfter=4)
        self.cover_field = para("cover_field", 9.5, 13, regular, INK)
        self.cover_label = para("cover_label", 8, 13, bold, MUTED)
        self.marking_note = para("marking_note", 8.5, 11.5, regular, MUTED)
        self.contents_title = para("contents_title", 18, 22, bold, ACCENT, spaceAfter=12)
        self.kj_key = para("kj_key", 7.5, 9.8, regular, MUTED)

        self.cell = TextStyle("regular", 7.8, 9.9, INK)
        self.cell_bold = TextStyle("bold", 7.8, 9.9, INK)
        self.cell_desc = TextStyle("regular", 7.2, 9.2, MUTED, space_before=1.0)
        self.cell_place = TextStyle("italic", 7.0, 9.0, MUTED, space_before=0.6)
        self.cell_small = TextStyle("regular", 7.0, 9.0, MUTED)
        self.cell_link = TextStyle("regular", 7.6, 9.7, ACCENT)
        self.cell_number = TextStyle("regular", 7.2, 9.9, FAINT)
        self.look = TableLook(
            header=TextStyle("bold", 7.6, 9.6, white),
            group=TextStyle("bold", 8.2, 10.2, ACCENT),
            header_fill=ACCENT,
            group_fill=GROUP,
            zebra_fill=ZEBRA,
            rule=RULE,
            continued=TextStyle("italic", 7.0, 9.0, FAINT),
        )
        # Small tables inside the actor annex: a quiet header, no dark band.
        self.light_look = TableLook(
            header=TextStyle("bold", 7.0, 9.0, ACCENT),
            group=TextStyle("bold", 8.2, 10.2, ACCENT),
            header_fill=GROUP,
            group_fill=GROUP,
            zebra_fill=ZEBRA,
            rule=RULE,
            continued=TextStyle("italic", 7.0, 9.0, FAINT),
        )
