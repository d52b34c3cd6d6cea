"""Shaping right-to-left runs with HarfBuzz, and fonts whose PDF text extracts as written.

Arabic letters change shape with their neighbours (initial, medial, final, isolated forms;
lam-alef ligatures; marks placed over their letter); ReportLab draws code points one by one,
so Arabic would print as isolated letters. ReportLab 5 can shape through HarfBuzz
(``uharfbuzz``), but it guesses each word's direction from its script, which reverses digits
written in Arabic-Indic figures, and it orders words right to left only with its own bidi
package (``rlbidi``, not on PyPI). So the bidi order is ours (:mod:`briefings.bidi`) and each
right-to-left run is shaped here, with an explicit direction, into ReportLab's ``ShapedStr``
(glyphs in visual order with their HarfBuzz advances and offsets), which ReportLab's text
objects draw as positioned glyphs.

A shaped glyph that has no character of its own in the font (a medial beh, a ligature) is
given a private-use code; :class:`ShapingFont` writes, for each such code, the text it stands
for into the font's ToUnicode map, so copying or searching the PDF gives the letters typed,
not private-use characters or presentation forms.

Without ``uharfbuzz`` (an unusual install) right-to-left runs are still put in visual order,
with mirrored brackets, but Arabic letters print unjoined; :data:`AVAILABLE` says which.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapeData, ShapedStr, TTFont

from briefings import bidi

try:
    import uharfbuzz
except ImportError:  # pragma: no cover - the dependency is declared; this is a safety net
    uharfbuzz = None

AVAILABLE = uharfbuzz is not None

_PRIVATE_FIRST = 0xE000
_PRIVATE_LAST = 0xF8FF
_lock = threading.Lock()
_cache: dict[tuple[str, str, float, bool], tuple[str, float]] = {}

# Pairs that swap in right-to-left text when the shaper is missing (HarfBuzz mirrors itself).
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


class ShapingFont(TTFont):
    """A TrueType font whose shaped glyphs map back to the text they came from."""

    def __init__(self, name: str, filename: str, **kwargs):
        super().__init__(name, filename, **kwargs)
        self.actual: dict[int, str] = {}  # private-use code -> text it draws
        self._private: dict[tuple[int, str], int] = {}  # (glyph, text) -> private-use code
        self._next_private = _PRIVATE_FIRST
        self._hb_font = None

    def code_for(self, glyph: int, text: str, advance: float) -> str:
        """The character drawing ``glyph`` in this font, standing for ``text`` when copied."""
        face = self.face
        if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
            return text
        key = (glyph, text)
        code = self._private.get(key)
        if code is None:
            with _lock:
                code = self._private.get(key)
                if code is None:
                    code = self._next_private
                    while code in face.charToGlyph:
                        code += 1
                    if code > _PRIVATE_LAST:  # the font has run out of room: draw the text
                        return text
                    self._next_private = code + 1
                    face.charToGlyph[code] = glyph
                    face.glyphToChar.setdefault(glyph, []).append(code)
                    face.charWidths[code] = advance
                    self.actual[code] = text
                    self._private[key] = code
        return chr(code)

    def hb(self):
        """A HarfBuzz font on this font's data (positions in font units)."""
        if self._hb_font is None:
            self._hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(self.face._ttf_data)))
        return self._hb_font

    def addObjects(self, doc) -> None:
        """Add the font to ``doc`` as ReportLab does, with ToUnicode entries for shaped glyphs."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        if not self.actual:
            return
        for n, subset in enumerate(subsets):
            if not any(code in self.actual for code in subset):
                continue
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode(
                "pdfdoc"
            )
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if isinstance(stream, pdfdoc.PDFStream):
                stream.content = _to_unicode(base, subset, self.actual)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode(name: str, subset: list[int], actual: dict[int, str]) -> str:
    """A ToUnicode CMap for one subset, shaped glyphs mapped to the (logical) text they draw."""
    entries = [
        f"<{i:02X}> <{_utf16(actual.get(code, chr(code)))}>" for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def shape(text: str, font_name: str, size: float, rtl: bool = True) -> tuple[str, float]:
    """``text`` in ``font_name`` as drawn: glyphs in visual order, and its width in points.

    The result is a ``ShapedStr`` when HarfBuzz shaped it (ReportLab's text objects then place
    every glyph where HarfBuzz put it), else a plain string (reversed and mirrored for a
    right-to-left run).
    """
    key = (text, font_name, size, rtl)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    font = pdfmetrics.getFont(font_name)
    if AVAILABLE and isinstance(font, ShapingFont):
        result = _harfbuzz(text, font, size, rtl)
    else:
        drawn = "".join(_MIRROR.get(c, c) for c in reversed(text)) if rtl else text
        result = (drawn, pdfmetrics.stringWidth(drawn, font_name, size))
    if len(_cache) > 50_000:
        _cache.clear()
    _cache[key] = result
    return result


def _harfbuzz(text: str, font: ShapingFont, size: float, rtl: bool) -> tuple[str, float]:
    buf = uharfbuzz.Buffer()
    # Grapheme clusters: a vowel mark belongs to its letter's cluster, so the letter's glyph
    # can carry both when the text is copied (the mark, drawn raised, would otherwise be read
    # as a line of its own).
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_GRAPHEMES
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(font.hb(), buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, starts[1:] + [len(text)], strict=True))
    # The glyph standing for each cluster's text: its first one that advances the pen.
    carrier: dict[int, int] = {}
    for index, (info, pos) in enumerate(zip(infos, positions, strict=True)):
        if info.cluster not in carrier or (
            pos.x_advance and not positions[carrier[info.cluster]].x_advance
        ):
            carrier[info.cluster] = index
    chars = []
    data = []
    scale = font.pdfScale
    for index, (info, pos) in enumerate(zip(infos, positions, strict=True)):
        cluster = info.cluster
        piece = text[cluster : ends[cluster]] if carrier[cluster] == index else "\u200b"
        advance = scale(pos.x_advance)
        char = font.code_for(info.codepoint, piece, advance)
        chars.append(char)
        width = font.face.charWidths.get(ord(char), advance)
        data.append(
            ShapeData(
                cluster,
                advance,
                scale(pos.y_advance),
                scale(pos.x_offset),
                scale(pos.y_offset),
                width,
            )
        )
    drawn = ShapedStr("".join(chars), shapeData=data)
    return drawn, sum(d.x_advance for d in data) * size / 1000


def visual_line(
    runs: list[tuple[str, str]], size: float, base: int | None = None
) -> list[tuple[str, str, float]]:
    """One line's logical ``(text, font)`` runs as ``(drawn, font, width)``, left to right.

    The line is ordered by the bidi algorithm (``base``: 0 left to right, 1 right to left,
    ``None`` from its first strong character); right-to-left runs are shaped.
    """
    text = "".join(piece for piece, _ in runs)
    fonts = [font for piece, font in runs for _ in piece]
    if base is None:
        base = bidi.base_level(text)
    out = []
    for start, end, level in bidi.visual_runs(fonts, bidi.levels(text, base)):
        piece, font = bidi.strip_controls(text[start:end]), fonts[start]
        if not piece:
            continue
        if level % 2:
            drawn, w = shape(piece, font, size, True)
        else:
            drawn, w = piece, pdfmetrics.stringWidth(piece, font, size)
        out.append((drawn, font, w))
    return out


def run_width(piece: str, font: str, size: float) -> float:
    """Width of one font run on a line: shaped when it holds right-to-left letters."""
    piece = bidi.strip_controls(piece)
    if bidi.has_rtl(piece):
        return shape(piece, font, size, True)[1]
    return pdfmetrics.stringWidth(piece, font, size)
