"""ReportLab's ``Paragraph`` with right-to-left text in visual order and synthetic CJK bold.

ReportLab orders right-to-left words only through its optional ``rlbidi`` package, which is not
on PyPI, and shapes each word with a guessed direction. Here layout stays ReportLab's (lines
are broken in logical order, so splitting across pages works as before); only when a line is
drawn is it put in visual order by :mod:`briefings.bidi`, its right-to-left runs shaped by
:mod:`briefings.shaping`, and its free space recomputed from the shaped widths. A paragraph
whose text starts right to left (an Arabic title, a Hebrew quote) is right-aligned.

Bold runs in a :data:`briefings.fonts.FAKE_BOLD` font are drawn filled and stroked.
"""

from __future__ import annotations

from copy import copy

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.rl_config import paraFontSizeHeightOffset

from briefings.bidi import base_level, has_rtl, levels, strip_controls, visual_runs
from briefings.fonts import FAKE_BOLD, fake_bold_width
from briefings.shaping import shape

_OBJECT = "\ufffc"  # stands for an image or anchor in a line's text (a neutral)


class Paragraph(_Paragraph):
    """A ``Paragraph`` that prints Arabic, Persian and Hebrew in visual order, shaped."""

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, **kw):
        super().__init__(text, style, bulletText, frags, caseSensitive, **kw)
        plain = "".join(getattr(f, "text", "") or "" for f in self.frags)
        self._bidi = has_rtl(plain)
        self._base = base_level(plain) if self._bidi else 0
        if self._bidi:
            if self._base and (self.style.alignment == TA_LEFT or self.bulletText):
                self.style = copy(self.style)
                if self.style.alignment == TA_LEFT:
                    self.style.alignment = TA_RIGHT
                if self.bulletText:
                    # The bullet hangs on the right of a right-to-left item.
                    style = self.style
                    style.leftIndent, style.rightIndent = style.rightIndent, style.leftIndent
            if len(self.frags) == 1:
                # One fragment would be laid out as plain words; the per-fragment layout keeps
                # each piece's font, which drawing in visual order needs.
                self.frags[0].backColor = None

    def drawPara(self, debug=0):
        if not self._bidi or self.blPara.kind != 1:
            return super().drawPara(debug)
        logical = self.blPara
        lines = [_visual(line, self._base) for line in logical.lines]
        if self._base and lines:
            lines[-1].rtl_last = True  # set flush right, not left, when justified
        self.blPara = logical.clone(lines=lines)
        bullet = self.bulletText if self._base else None
        if bullet:
            self.bulletText = None
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical
            if bullet:
                self.bulletText = bullet
                self._draw_right_bullet(bullet, lines[0])

    def _draw_right_bullet(self, bullet: str, first) -> None:
        """The bullet or number of a right-to-left item, in the margin on its right."""
        style = self.style
        size = style.bulletFontSize
        text = bullet if isinstance(bullet, str) else "".join(f.text for f in bullet)
        width = stringWidth(text, style.bulletFontName, size)
        y = self.height - (size if paraFontSizeHeightOffset else getattr(first, "ascent", size))
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(style.bulletFontName, size)
        canvas.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
        canvas.drawString(self.width - style.bulletIndent - width, y, text)
        canvas.restoreState()

    def beginText(self, x, y):
        return _TextObject(self.canv, x, y)


def _shaped_width(text, font_name, size, encoding="utf8"):
    """ReportLab's ``stringWidth``, measuring right-to-left text as it will be drawn: joined
    Arabic is narrower than its letters one by one, so lines no longer break early."""
    if has_rtl(text) and font_name in pdfmetrics.getRegisteredFontNames():
        return shape(text, font_name, size, True)[1]
    return stringWidth(text, font_name, size, encoding)


def _justify_line(tx, offset, line, last=0):
    """The last line of a justified right-to-left paragraph is set flush right."""
    if last and getattr(line, "rtl_last", False):
        return reportlab_paragraph._rightDrawParaLineX(tx, offset, line, last)
    return _justify_line_ltr(tx, offset, line, last)


# Paragraph layout measures words with the module's ``stringWidth``; justified lines are
# drawn by ``_justifyDrawParaLineX``. Both behave as before for text without RTL lines.
_justify_line_ltr = reportlab_paragraph._justifyDrawParaLineX
reportlab_paragraph._justifyDrawParaLineX = _justify_line
reportlab_paragraph.stringWidth = _shaped_width


def _visual(line, base: int):
    """A copy of one laid-out line with its fragments in visual order, shaped."""
    words = [w for w in line.words]
    if not words:
        return line
    pieces = []
    for index, frag in enumerate(words):
        if hasattr(frag, "cbDefn"):
            pieces.append((index, _OBJECT))
        elif frag.text:
            pieces.append((index, frag.text))
    text = "".join(t for _, t in pieces)
    stripped = text.rstrip(" ")
    cut = len(text) - len(stripped)
    keys = [index for index, t in pieces for _ in t]
    if cut:
        text, keys = stripped, keys[: len(stripped)]
    out = []
    width = 0.0
    for start, end, level in visual_runs(keys, levels(text, base)):
        frag = words[keys[start]]
        if hasattr(frag, "cbDefn"):
            out.append(frag)
            width += getattr(frag, "width", 0) or 0
            continue
        piece = strip_controls(text[start:end])
        if not piece:
            continue
        if level % 2:
            drawn, w = shape(piece, frag.fontName, frag.fontSize, True)
        else:
            drawn, w = piece, stringWidth(piece, frag.fontName, frag.fontSize)
        out.append(frag.clone(text=drawn))
        width += w
    new = copy(line)
    new.words = out
    new.extraSpace = getattr(line, "maxWidth", width + line.extraSpace) - width
    return new


class _TextObject(PDFTextObject):
    """A text object that draws :data:`FAKE_BOLD` fonts filled and stroked."""

    _bold = False

    def _setFont(self, psfontname, size):
        super()._setFont(psfontname, size)
        self._embolden(psfontname in FAKE_BOLD, size)

    def setFont(self, psfontname, size, leading=None):
        super().setFont(psfontname, size, leading)
        self._embolden(psfontname in FAKE_BOLD, size)

    def setFillColor(self, aColor, alpha=None):
        super().setFillColor(aColor, alpha)
        if self._bold:
            self.setStrokeColor(aColor)

    def _embolden(self, bold: bool, size: float) -> None:
        if bold:
            self.setTextRenderMode(2)
            colour = getattr(self, "_fillColorObj", None) or self._canvas._fillColorObj
            self.setStrokeColor(colour)
            self._code.append(f"{fake_bold_width(size):.3f} w")
        elif self._bold:
            self.setTextRenderMode(0)
        self._bold = bold
