"""A light text engine for table cells and chart labels: word wrap with font fallback.

ReportLab's ``Paragraph`` parses markup for every cell, which costs ~2 ms a cell; a chronology of
10,000 events needs something lighter. Here a cell is a list of :class:`Piece` s (one style each,
like "title in bold", "description in grey"); each piece wraps on its own lines, by words, with
Chinese and Japanese characters breakable anywhere and over-long words cut by characters.
Widths are cached per word.

Text holding Arabic, Persian or Hebrew is wrapped in logical order (words measured as shaped),
then each line is put in visual order by the bidi algorithm with its right-to-left runs shaped
(:func:`briefings.shaping.visual_line`); a line whose text starts right to left is right-aligned.
Bold Chinese and Japanese is drawn as a synthetic bold (see :data:`briefings.fonts.FAKE_BOLD`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.colors import Color, black
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefings.bidi import base_level, has_rtl
from briefings.fonts import FAKE_BOLD, Typeface, fake_bold_width
from briefings.shaping import run_width, visual_line

# A token is a CJK character (breakable anywhere), or a word (up to and including a hyphen or
# slash, so URLs and compounds can break) with the spaces after it.
_CJK = "\u2e80-\u2fff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK_AFTER = "\\-/\u2010\u2013\u2014_"
_TOKENS = re.compile(
    rf"[{_CJK}]\s*|[^\s{_CJK}{_BREAK_AFTER}]*[{_BREAK_AFTER}]+\s*|[^\s{_CJK}{_BREAK_AFTER}]+\s*|\s+"
)


@dataclass(frozen=True)
class TextStyle:
    """How a piece of cell text looks."""

    variant: str = "regular"  # regular, bold, italic, bolditalic
    size: float = 8.0
    leading: float = 10.0
    colour: Color = black
    space_before: float = 0.0


@dataclass(frozen=True)
class Piece:
    """Text in one style; ``link`` is a destination name to jump to when clicked."""

    text: str
    style: TextStyle
    link: str | None = None


@dataclass
class Line:
    """One wrapped line: ``runs`` are ``(text, font, x offset)``; ``style`` of its piece."""

    runs: list[tuple[str, str, float]]
    width: float
    style: TextStyle
    link: str | None = None
    first: bool = False  # first line of its piece (carries space_before)
    rtl: bool = False  # its paragraph reads right to left (so it sits at the right edge)

    @property
    def height(self) -> float:
        return self.style.leading + (self.style.space_before if self.first else 0.0)


@dataclass
class Wrapper:
    """Wraps pieces into lines for one build (caches word widths)."""

    faces: Typeface
    _widths: dict = field(default_factory=dict)

    def _token_runs(
        self, token: str, style: TextStyle, shaped: bool = False
    ) -> tuple[list[tuple[str, str, float]], float]:
        key = (token, style.variant, style.size, shaped)
        hit = self._widths.get(key)
        if hit is None:
            measure = run_width if shaped else stringWidth
            runs = [
                (piece, font, measure(piece, font, style.size))
                for piece, font in self.faces.runs(token, style.variant)
            ]
            hit = (runs, sum(w for _, _, w in runs))
            if len(self._widths) > 200_000:
                self._widths.clear()
            self._widths[key] = hit
        return hit

    def lines(self, piece: Piece, width: float) -> list[Line]:
        """``piece`` wrapped to ``width`` points (at least one line, even when empty)."""
        style = piece.style
        out: list[Line] = []
        for paragraph in (piece.text or "").split("\n"):
            if has_rtl(paragraph):
                out.extend(self._wrap_bidi(paragraph, style, width, piece.link))
            else:
                out.extend(self._wrap(paragraph, style, width, piece.link))
        if out:
            out[0].first = True
        else:
            out.append(Line([], 0.0, style, piece.link, True))
        return out

    def _wrap_bidi(self, text: str, style: TextStyle, width: float, link: str | None) -> list[Line]:
        """Lines of text with right-to-left runs: wrapped logically, drawn in visual order."""
        base = base_level(text)
        out = []
        for line in self._wrap(text, style, width, link, shaped=True):
            runs = visual_line([(t, f) for t, f, _ in line.runs], style.size, base)
            placed = _place(runs, 0.0)
            out.append(Line(placed, sum(w for _, _, w in runs), style, link, rtl=bool(base)))
        return out

    def _wrap(
        self, text: str, style: TextStyle, width: float, link: str | None, shaped: bool = False
    ) -> list[Line]:
        lines: list[Line] = []
        runs: list[tuple[str, str, float]] = []
        x = trailing = 0.0  # trailing: width of the spaces ending the line so far
        for token in _TOKENS.findall(text):
            token_runs, token_width = self._token_runs(token, style, shaped)
            word = token.rstrip()
            if not word:  # spaces: kept inside a line, dropped at its ends
                if runs:
                    runs.extend(_place(token_runs, x))
                    x += token_width
                    trailing += token_width
                continue
            word_width = self._token_runs(word, style, shaped)[1] if word != token else token_width
            if runs and x + word_width > width:
                lines.append(Line(_merge(runs), x - trailing, style, link))
                runs, x, trailing = [], 0.0, 0.0
            if not runs and word_width > width:
                # A word wider than the column: cut it by characters.
                chunks = self._cut(word, style, width)
                for chunk in chunks[:-1]:
                    chunk_runs, chunk_width = self._token_runs(chunk, style, shaped)
                    lines.append(Line(_place(chunk_runs, 0.0), chunk_width, style, link))
                token_runs, token_width = self._token_runs(chunks[-1], style, shaped)
                word_width = token_width
            runs.extend(_place(token_runs, x))
            x += token_width
            trailing = token_width - word_width
        if runs:
            lines.append(Line(_merge(runs), x - trailing, style, link))
        return lines

    def _cut(self, word: str, style: TextStyle, width: float) -> list[str]:
        chunks, current, x = [], "", 0.0
        for char in word:
            w = self._token_runs(char, style)[1]
            if current and x + w > width:
                chunks.append(current)
                current, x = "", 0.0
            current += char
            x += w
        if current:
            chunks.append(current)
        return chunks


def _place(runs: list[tuple[str, str, float]], x: float) -> list[tuple[str, str, float]]:
    """Runs ``(text, font, width)`` turned into ``(text, font, x offset)`` starting at ``x``."""
    placed = []
    for text, font, w in runs:
        placed.append((text, font, x))
        x += w
    return placed


def _merge(runs: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """Neighbouring runs in the same font joined, so a line is a few drawString calls."""
    merged: list[tuple[str, str, float]] = []
    for text, font, x in runs:
        if merged and merged[-1][1] == font:
            merged[-1] = (merged[-1][0] + text, font, merged[-1][2])
        else:
            merged.append((text, font, x))
    if merged:
        last = merged[-1]
        merged[-1] = (last[0].rstrip(), last[1], last[2])
    return merged


def draw_lines(
    canvas,
    lines: list[Line],
    x: float,
    top: float,
    align: str = "left",
    width: float = 0.0,
    text=None,
) -> float:
    """Draw ``lines`` from ``top`` downwards; returns the y under the last line.

    ``text`` is a text object to add to (a table draws all its cells through one, which is
    much cheaper than a ``drawString`` per run); without one, the lines are drawn at once.
    Right-to-left lines set to ``left`` sit at the right edge of ``width`` instead.
    """
    own = text is None
    if own:
        text = canvas.beginText()
    y = top
    for line in lines:
        style = line.style
        if line.first:
            y -= style.space_before
        baseline = y - style.size * 0.95
        shift = 0.0
        line_align = "right" if line.rtl and align == "left" and width > 0 else align
        if line_align == "right":
            shift = width - line.width
        elif line_align == "center":
            shift = (width - line.width) / 2
        state = getattr(text, "_annalist_state", None)  # skip repeated font and colour changes
        if line.runs:
            # One origin per line: each run's text advances the pen by exactly the widths
            # the wrapping measured, so the next run starts where it should.
            text.setTextOrigin(x + shift + line.runs[0][2], baseline)
        for run, font, _ in line.runs:
            if state is None or state[0] != font or state[1] != style.size:
                text.setFont(font, style.size)
                _fake_bold(text, canvas, font, style.size, style.colour, state)
            elif state[2] is not style.colour and font in FAKE_BOLD:
                text.setStrokeColor(style.colour)
            if state is None or state[2] is not style.colour:
                text.setFillColor(style.colour)
            state = (font, style.size, style.colour)
            text.textOut(run)
        text._annalist_state = state
        if line.link and line.runs:
            canvas.linkRect(
                "",
                line.link,
                (x + shift, y - style.leading, x + shift + line.width, y),
                relative=1,
                thickness=0,
            )
        y -= style.leading
    state = getattr(text, "_annalist_state", None)
    if state is not None and state[0] in FAKE_BOLD:
        # Leave the text object (often shared by a table's cells) with plain filled text.
        _fake_bold(text, canvas, "", state[1], state[2], state)
        text._annalist_state = None
    if own:
        canvas.drawText(text)
    return y


def _fake_bold(text, canvas, font: str, size: float, colour, state) -> None:
    """Switch a text object to or from the synthetic bold (fill and stroke) for ``font``."""
    was = state is not None and state[0] in FAKE_BOLD
    now = font in FAKE_BOLD
    if now:
        text.setTextRenderMode(2)
        text.setStrokeColor(colour)
        text._code.append(f"{fake_bold_width(size):.3f} w")
    elif was:
        text.setTextRenderMode(0)
        text.setStrokeColor(canvas._strokeColorObj)
        text._code.append(f"{canvas._lineWidth} w")


def lines_height(lines: list[Line]) -> float:
    return sum(line.height for line in lines)


def draw_text(
    canvas,
    faces,
    text: str,
    x: float,
    y: float,
    *,
    variant: str = "regular",
    size: float = 8.0,
    align: str = "left",
) -> float:
    """One line of ``text`` at baseline ``y`` with font fallback; returns its width."""
    runs = line_runs(faces, text, variant, size)
    width = sum(w for _, _, w in runs)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for piece, font, w in runs:
        canvas.setFont(font, size)
        if font in FAKE_BOLD:
            canvas.saveState()
            canvas.setStrokeColor(canvas._fillColorObj)
            canvas.setLineWidth(fake_bold_width(size))
            canvas.drawString(x, y, piece, mode=2)
            canvas.restoreState()
        else:
            canvas.drawString(x, y, piece)
        x += w
    return width


def line_runs(faces, text: str, variant: str, size: float) -> list[tuple[str, str, float]]:
    """One line of ``text`` as ``(drawn text, font, width)`` runs to draw left to right."""
    runs = faces.runs(text, variant)
    if has_rtl(text):
        return visual_line(runs, size)
    return [(piece, font, stringWidth(piece, font, size)) for piece, font in runs]


@lru_cache(maxsize=65536)
def _char_width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


def fit_text(faces, text: str, width: float, *, variant: str = "regular", size: float = 8.0) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points (whole if it fits)."""
    if faces.width(text, variant, size) <= width:
        return text
    room = width - faces.width("…", variant, size)
    used, cut = 0.0, 0
    for piece, font in faces.runs(text, variant):
        for char in piece:
            used += _char_width(char, font, size)
            if used > room:
                return text[:cut].rstrip() + "…" if cut else ""
            cut += 1
    return text
