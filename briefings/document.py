"""The PDF document: page templates, page furniture, headings, contents, one layout pass.

ReportLab has no page total and fills a table of contents by laying the document out twice.
:class:`PackCanvas` keeps every finished page in memory instead and writes them all at
``save()``, when the total is known: that is when it draws "Page X of Y", the marking banners,
the running header and footer, and the page numbers of the contents list. Destinations made
while a page was drawn are bound then too, since the PDF page they point to only exists once
the page is written. One layout pass is enough, because the contents list reserves its space
before the numbers are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefings.fonts import Typeface
from briefings.paragraph import Paragraph
from briefings.styles import (
    ACCENT,
    BANNER_GAP,
    BANNER_H,
    FAINT,
    FOOTER_BASE,
    HEADER_BASE,
    INK,
    MARGIN_X,
    MUTED,
    RULE,
    Geometry,
)
from briefings.text import Line, Piece, TextStyle, Wrapper, draw_lines, draw_text, fit_text

# Binary Flate streams: the ASCII85 layer ReportLab adds by default costs seconds on a
# thousand pages and makes the file larger; every PDF reader takes binary streams.
rl_config.useA85 = 0

# TLP 2.0 label colours: coloured text on black (first.org/tlp).
TLP_COLOURS = {
    "TLP:RED": "#FF2B2B",
    "TLP:AMBER+STRICT": "#FFC000",
    "TLP:AMBER": "#FFC000",
    "TLP:GREEN": "#33FF00",
    "TLP:CLEAR": "#FFFFFF",
}


def banner_colours(marking: str) -> tuple[Color, Color]:
    """``(text, background)`` for a marking banner."""
    label = marking.strip().upper()
    for name, colour in TLP_COLOURS.items():
        if label == name:
            return HexColor(colour), HexColor("#000000")
    return HexColor("#FFFFFF"), HexColor("#3a3f45")


@dataclass
class Furniture:
    """What every page carries besides its body."""

    faces: Typeface
    marking: str
    short_title: str
    right_header: str
    footer: str

    def draw(self, canvas: Canvas, number: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        self._banner(canvas, width / 2, height - BANNER_GAP - BANNER_H)
        self._banner(canvas, width / 2, BANNER_GAP)
        canvas.setFillColor(MUTED)
        room = width - 2 * MARGIN_X
        title = fit_text(self.faces, self.short_title, room * 0.62, variant="bold", size=7.5)
        draw_text(
            canvas, self.faces, title, MARGIN_X, height - HEADER_BASE, variant="bold", size=7.5
        )
        right = fit_text(self.faces, self.right_header, room * 0.36, size=7.5)
        draw_text(
            canvas,
            self.faces,
            right,
            width - MARGIN_X,
            height - HEADER_BASE,
            size=7.5,
            align="right",
        )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, height - HEADER_BASE - 5, width - MARGIN_X, height - HEADER_BASE - 5)
        canvas.line(MARGIN_X, FOOTER_BASE + 9, width - MARGIN_X, FOOTER_BASE + 9)
        canvas.setFillColor(MUTED)
        footer = fit_text(self.faces, self.footer, room * 0.7, size=7.5)
        draw_text(canvas, self.faces, footer, MARGIN_X, FOOTER_BASE, size=7.5)
        draw_text(
            canvas,
            self.faces,
            f"Page {number} of {total}",
            width - MARGIN_X,
            FOOTER_BASE,
            size=7.5,
            align="right",
        )
        canvas.restoreState()

    def _banner(self, canvas: Canvas, centre: float, bottom: float) -> None:
        text, fill = banner_colours(self.marking)
        label = fit_text(self.faces, self.marking.strip(), 360, variant="bold", size=8.5)
        width = self.faces.width(label, "bold", 8.5) + 18
        canvas.setFillColor(fill)
        canvas.roundRect(centre - width / 2, bottom, width, BANNER_H, 2, stroke=0, fill=1)
        canvas.setFillColor(text)
        draw_text(
            canvas,
            self.faces,
            label,
            centre,
            bottom + 3.6,
            variant="bold",
            size=8.5,
            align="center",
        )


class PackCanvas(Canvas):
    """A canvas that holds pages until ``save()``; see the module docstring."""

    def __init__(self, *args, furniture: Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict] = []
        self._marks: list[tuple[str, dict]] = []
        self._toc_slots: list[tuple] = []
        self.key_pages: dict[str, int] = {}
        self.on_save_page: Callable[[int, int], None] | None = None
        self.pages_written = 0

    def bookmarkPage(self, key, **kw):  # noqa: N802 (ReportLab's name)
        self._marks.append((key, kw))
        self.key_pages.setdefault(key, self._pageNumber)
        return None

    def add_toc_slot(self, key: str, x: float, y: float, size: float, bold: bool) -> None:
        """Ask for ``key``'s page number, right-aligned at absolute ``(x, y)``, at save time."""
        self._toc_slots.append((key, x, y, size, bold))

    def showPage(self):  # noqa: N802
        self._held.append(dict(self.__dict__))
        self._marks = []
        self._toc_slots = []
        self._startPage()

    def save(self):
        total = len(self._held)
        faces = self._furniture.faces
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            for key, kw in state["_marks"]:
                Canvas.bookmarkPage(self, key, **kw)
            self._furniture.draw(self, number, total)
            for key, x, y, size, bold in state["_toc_slots"]:
                page = self.key_pages.get(key)
                if page is not None:
                    self.setFillColor(INK)
                    self.setFont(faces.font("bold" if bold else "regular"), size)
                    self.drawRightString(x, y, str(page))
            Canvas.showPage(self)
            if self.on_save_page is not None:
                self.on_save_page(number, total)
        self._held = []
        self.pages_written = total
        Canvas.save(self)


class Heading(Paragraph):
    """A heading that is a PDF bookmark, an outline entry and a contents target."""

    def __init__(self, text: str, style, *, key: str, title: str, level: int):
        super().__init__(text, style)
        self.key, self.title, self.level = key, title, level

    def draw(self):
        super().draw()
        self.canv.bookmarkHorizontal(self.key, 0, self.height + 6)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=self.level > 0)


@dataclass
class ContentsEntry:
    level: int
    title: str
    key: str


class ContentsList(Flowable):
    """Contents lines with dot leaders; page numbers are filled in by :class:`PackCanvas`."""

    NUMBER_W = 28.0

    def __init__(self, entries: list[ContentsEntry], wrapper: Wrapper, _laid=None):
        super().__init__()
        self.entries = entries
        self.wrapper = wrapper
        self._laid = _laid
        self._width = None

    def _style(self, level: int) -> TextStyle:
        if level == 0:
            return TextStyle("bold", 10.5, 14.0, INK, space_before=7.0)
        return TextStyle("regular", 9.5, 13.0, INK, space_before=1.0)

    def _lay_out(self, width: float) -> None:
        if self._laid is not None and self._width == width:
            return
        laid = []
        for entry in self.entries:
            indent = 16.0 * entry.level
            lines = self.wrapper.lines(
                Piece(entry.title, self._style(entry.level)), width - indent - self.NUMBER_W - 16
            )
            laid.append((entry, indent, lines, sum(line.height for line in lines)))
        self._laid, self._width = laid, width

    def wrap(self, availWidth, availHeight):
        self._lay_out(availWidth)
        self.width = availWidth
        self.height = sum(item[3] for item in self._laid)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self._lay_out(availWidth)
        used, fit = 0.0, 0
        for item in self._laid:
            if used + item[3] > availHeight:
                break
            used += item[3]
            fit += 1
        if fit == 0 or fit == len(self._laid):
            return [] if fit == 0 else [self]
        head = ContentsList(self.entries[:fit], self.wrapper, self._laid[:fit])
        tail = ContentsList(self.entries[fit:], self.wrapper, self._laid[fit:])
        head._width = tail._width = self._width
        return [head, tail]

    def draw(self):
        canvas = self.canv
        y = self.height
        right = self.width
        for entry, indent, lines, _height in self._laid:
            top = y
            bottom = draw_lines(canvas, lines, indent, y)
            last: Line = lines[-1]
            baseline = bottom + last.style.leading - last.style.size * 0.95
            start = indent + last.width + 4
            end = right - self.NUMBER_W
            if end > start:
                canvas.setFillColor(FAINT)
                canvas.setFont(self.wrapper.faces.font("regular"), 8)
                dots = int((end - start) / 4.2)
                canvas.drawRightString(end, baseline, ". " * dots)
            x, y_abs = canvas.absolutePosition(right, baseline)
            canvas.add_toc_slot(entry.key, x, y_abs, last.style.size, entry.level == 0)
            canvas.linkRect(
                "",
                entry.key,
                (indent, bottom, right, top - last.style.space_before * 0),
                relative=1,
                thickness=0,
            )
            y = bottom


class PackDocTemplate(BaseDocTemplate):
    """Cover, portrait body and landscape chart pages; calls back after each flowable."""

    def __init__(self, filename, geometry: Geometry, *, after_flowable=None, after_page=None, **kw):
        super().__init__(filename, pagesize=geometry.portrait, **kw)
        self.geometry = geometry
        self._after_flowable = after_flowable
        self._after_page = after_page
        frames = {}
        for name, size in (
            ("cover", geometry.portrait),
            ("body", geometry.portrait),
            ("chart", geometry.landscape),
        ):
            x, y, w, h = geometry.frame(size)
            frames[name] = Frame(
                x, y, w, h, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
            )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frames["cover"]], pagesize=geometry.portrait),
                PageTemplate(id="body", frames=[frames["body"]], pagesize=geometry.portrait),
                PageTemplate(id="chart", frames=[frames["chart"]], pagesize=geometry.landscape),
            ]
        )

    def afterFlowable(self, flowable):  # noqa: N802
        if self._after_flowable is not None:
            self._after_flowable(flowable)

    def afterPage(self):  # noqa: N802
        if self._after_page is not None:
            self._after_page(self.page)


def accent_rule(canvas: Canvas, x: float, y: float, width: float, thickness: float = 2.2) -> None:
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y, width, thickness, stroke=0, fill=1)
