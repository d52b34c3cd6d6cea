"""Bundled TrueType fonts and per-run font fallback for ReportLab (which has none).

ReportLab draws a character its font lacks as an empty box, silently. Every piece of user text
therefore goes through :meth:`Typeface.runs`, which cuts it into runs, each in the first font of
a chain that has all its glyphs:

    Noto Sans (Latin, Greek, Cyrillic)  ->  Noto Naskh Arabic (Arabic, Persian, Urdu)
    ->  Noto Sans Hebrew  ->  DejaVu Sans (symbols, arrows, more scripts)
    ->  NanumSquare (Hangul)  ->  Droid Sans Fallback (Chinese, Japanese)

Droid Sans Fallback has no bold face and no bold CJK TrueType font is small enough to bundle
(the Noto CJK fonts are CFF, which ReportLab refuses): its bold is drawn as a synthetic bold,
the regular outlines filled and stroked with a thin line (:data:`FAKE_BOLD`, see
:func:`fake_bold_width`). Right-to-left runs are ordered and shaped by :mod:`briefings.bidi` and
:mod:`briefings.shaping`; the fonts are registered as :class:`~briefings.shaping.ShapingFont`
so shaped text copies out of the PDF as the letters typed.

A font file that is missing is skipped with a warning; if even the primary font is missing the
built-in Helvetica family takes its place (Latin-1 only). Characters that no font in the chain
can draw are collected in :attr:`Typeface.missing` so the build can say so.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from briefings.shaping import ShapingFont, run_width

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"

VARIANTS = ("regular", "bold", "italic", "bolditalic")


@dataclass(frozen=True)
class FontFile:
    name: str  # ReportLab font name
    file: str  # file name in FONT_DIR
    family: str
    bold: bool = False
    italic: bool = False
    covers: str = ""  # what it is there for, for warnings
    fake_bold: bool = False  # the regular file, drawn emboldened


FONT_FILES = (
    FontFile("NotoSans", "NotoSans-Regular.ttf", "NotoSans", covers="Latin, Greek and Cyrillic"),
    FontFile("NotoSans-Bold", "NotoSans-Bold.ttf", "NotoSans", bold=True, covers="bold Latin"),
    FontFile(
        "NotoSans-Italic", "NotoSans-Italic.ttf", "NotoSans", italic=True, covers="italic Latin"
    ),
    FontFile(
        "NotoSans-BoldItalic", "NotoSans-BoldItalic.ttf", "NotoSans", True, True, "bold italic"
    ),
    FontFile(
        "NotoNaskhArabic",
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic",
        covers="Arabic, Persian and Urdu",
    ),
    FontFile(
        "NotoNaskhArabic-Bold",
        "NotoNaskhArabic-Bold.ttf",
        "NotoNaskhArabic",
        bold=True,
        covers="bold Arabic",
    ),
    FontFile("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew", covers="Hebrew"),
    FontFile(
        "NotoSansHebrew-Bold",
        "NotoSansHebrew-Bold.ttf",
        "NotoSansHebrew",
        bold=True,
        covers="bold Hebrew",
    ),
    FontFile("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans", covers="symbols and other scripts"),
    FontFile(
        "DejaVuSans-Bold", "DejaVuSans-Bold.ttf", "DejaVuSans", bold=True, covers="bold symbols"
    ),
    FontFile("NanumSquare", "NanumSquareR.ttf", "NanumSquare", covers="Korean (Hangul)"),
    FontFile(
        "NanumSquare-Bold", "NanumSquareB.ttf", "NanumSquare", bold=True, covers="bold Korean"
    ),
    FontFile(
        "DroidSansFallback",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallback",
        covers="Chinese and Japanese",
    ),
    FontFile(
        "DroidSansFallback-Bold",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallback",
        bold=True,
        covers="bold Chinese and Japanese",
        fake_bold=True,
    ),
)

# The order fonts are tried in, per variant (names of FONT_FILES).
# Arabic and Hebrew come before DejaVu Sans, which has some of their letters in a design that
# does not match (and no Persian or Urdu letters in places).
_RTL_REGULAR = ("NotoNaskhArabic", "NotoSansHebrew")
_RTL_BOLD = ("NotoNaskhArabic-Bold", "NotoSansHebrew-Bold")
CHAINS = {
    "regular": ("NotoSans", *_RTL_REGULAR, "DejaVuSans", "DroidSansFallback", "NanumSquare"),
    "bold": (
        "NotoSans-Bold",
        *_RTL_BOLD,
        "DejaVuSans-Bold",
        "DroidSansFallback-Bold",
        "NanumSquare-Bold",
    ),
    "italic": ("NotoSans-Italic", *_RTL_REGULAR, "DejaVuSans", "DroidSansFallback", "NanumSquare"),
    "bolditalic": (
        "NotoSans-BoldItalic",
        *_RTL_BOLD,
        "DejaVuSans-Bold",
        "DroidSansFallback-Bold",
        "NanumSquare-Bold",
    ),
}
# Fonts drawn as a synthetic bold (their file has no bold face).
FAKE_BOLD = frozenset(spec.name for spec in FONT_FILES if spec.fake_bold)
# Stroke width of the synthetic bold, as a share of the font size: the outline grows by half
# of it on each side, about what a real bold adds to a CJK regular's strokes.
FAKE_BOLD_STROKE = 0.035


def fake_bold_width(size: float) -> float:
    """Stroke width in points that emboldens a :data:`FAKE_BOLD` font at ``size``."""
    return size * FAKE_BOLD_STROKE


# Hangul goes to the Korean font first: the CJK font has a handful of syllables, and a word
# drawn half in one design and half in another looks broken.
HANGUL_FIRST = ("NanumSquare", "NanumSquare-Bold")
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
BUILTIN = {
    "regular": "Helvetica",
    "bold": "Helvetica-Bold",
    "italic": "Helvetica-Oblique",
    "bolditalic": "Helvetica-BoldOblique",
}

# Characters that never need a glyph of their own (layout and joiners).
_INVISIBLE = set(
    "\n\r\t\u200b\u200c\u200d\u2060\ufeff"
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SPACE = re.compile(r"\s")

_lock = threading.Lock()
_loaded: dict[str, frozenset[int] | None] = {}  # font name -> code points (None: missing)
_load_problems: dict[str, str] = {}


def _latin1() -> frozenset[int]:
    # The standard Type 1 fonts draw what WinAnsi encodes.
    points = set()
    for code in range(32, 256):
        try:
            points.add(ord(bytes([code]).decode("cp1252")))
        except UnicodeDecodeError:
            continue
    return frozenset(points)


def _load(font_dir: Path) -> None:
    """Register every bundled font once per process (ReportLab's registry is global)."""
    with _lock:
        if _loaded:
            return
        for spec in FONT_FILES:
            path = font_dir / spec.file
            try:
                if not path.is_file():
                    raise FileNotFoundError(path)
                font = ShapingFont(spec.name, str(path))
                if spec.fake_bold:
                    # Its own PDF name, or its subsets would clash with the regular face's.
                    font.face.name = font.face.name + b"-Bold"
            except (OSError, TTFError) as error:
                _loaded[spec.name] = None
                _load_problems[spec.name] = (
                    f"The font file {spec.file} could not be loaded ({_reason(error)}); "
                    f"text in {spec.covers} may print in a substitute font."
                )
                continue
            pdfmetrics.registerFont(font)
            _loaded[spec.name] = frozenset(font.face.charToGlyph)
        for family in {spec.family for spec in FONT_FILES}:
            members = {
                (s.bold, s.italic): s.name
                for s in FONT_FILES
                if s.family == family and _loaded.get(s.name)
            }
            normal = members.get((False, False))
            if not normal:
                continue
            bold = members.get((True, False), normal)
            italic = members.get((False, True), normal)
            both = members.get((True, True), bold)
            for (b, i), name in {
                (0, 0): normal,
                (1, 0): bold,
                (0, 1): italic,
                (1, 1): both,
            }.items():
                addMapping(family, b, i, name)
        _loaded["Helvetica"] = _latin1()


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "it is missing"
    return str(error).strip().rstrip(".") or type(error).__name__


@dataclass
class Typeface:
    """Fonts for one build: fallback runs, and what could not be drawn.

    Not shared between threads: each build makes its own (the font registry underneath is
    loaded once per process and is read-only afterwards).
    """

    font_dir: Path | None = None  # the bundled fonts unless given
    missing: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.font_dir = Path(self.font_dir or FONT_DIR)
        _load(self.font_dir)
        self.chains: dict[str, list[tuple[str, frozenset[int]]]] = {}
        reported = set()
        for variant, names in CHAINS.items():
            chain = [(name, _loaded[name]) for name in names if _loaded.get(name)]
            if not chain or chain[0][0] != names[0]:
                chain.insert(0, (BUILTIN[variant], _loaded["Helvetica"]))
            self.chains[variant] = chain
            for name in names:
                if name in _load_problems and name not in reported:
                    reported.add(name)
                    self.warnings.append(_load_problems[name])
        self._cache: dict[tuple[str, str], int] = {}
        self._widths: dict[tuple[str, str, float], float] = {}
        self._ascii_ok = {
            variant: all(c in chain[0][1] for c in range(32, 127))
            for variant, chain in self.chains.items()
        }

    def font(self, variant: str = "regular") -> str:
        """The primary font name of a variant (what headings and plain runs use)."""
        return self.chains[variant][0][0]

    def family(self, variant: str = "regular") -> str:
        """Family name of the primary font, for Paragraph styles (<b>/<i> resolve through it)."""
        name = self.font(variant)
        for spec in FONT_FILES:
            if spec.name == name:
                return spec.family
        return name

    def _pick(self, char: str, variant: str) -> int:
        key = (char, variant)
        index = self._cache.get(key)
        if index is None:
            code = ord(char)
            chain = self.chains[variant]
            order = range(len(chain))
            if any(low <= code <= high for low, high in _HANGUL):
                order = sorted(order, key=lambda i: chain[i][0] not in HANGUL_FIRST)
            index = next((i for i in order if code in chain[i][1]), -1)
            self._cache[key] = index
        return index

    def runs(self, text: str, variant: str = "regular") -> list[tuple[str, str]]:
        """``text`` cut into ``(piece, font name)`` runs so every glyph exists in its font."""
        if not text:
            return []
        chain = self.chains[variant]
        if text.isascii() and self._ascii_ok[variant]:
            return [(text, chain[0][0])]
        out: list[tuple[str, str]] = []
        current = -2
        start = 0
        for position, char in enumerate(text):
            if char in _INVISIBLE or (_SPACE.match(char) and current >= 0):
                continue  # spaces and joiners stay in the run they are in
            index = self._pick(char, variant)
            if index < 0:
                self.missing.add(char)
                index = 0
            if current == -2:
                current = index  # leading spaces join the first run
            elif index != current:
                out.append((text[start:position], chain[current][0]))
                current, start = index, position
        out.append((text[start:], chain[max(current, 0)][0]))
        return out

    def markup(self, text: str, variant: str = "regular") -> str:
        """``text`` as Paragraph markup: escaped, with ``<font face>`` around fallback runs.

        ``variant`` must match the surrounding ``<b>``/``<i>``: a ``<font face>`` names the
        exact font of the variant's chain, since ReportLab resets bold and italic to those of
        the face it is given (a family name inside ``<b>`` would print regular).
        """
        primary = self.chains[variant][0][0]
        parts = []
        for piece, font in self.runs(text, variant):
            escaped = escape(piece).replace("\n", "<br/>")
            if font == primary:
                parts.append(escaped)
            else:
                parts.append(f'<font face="{font}">{escaped}</font>')
        return "".join(parts)

    def width(self, text: str, variant: str, size: float) -> float:
        """Printed width of ``text`` in points, with fallback fonts (and shaping)."""
        key = (text, variant, size)
        width = self._widths.get(key)
        if width is None:
            width = sum(run_width(piece, font, size) for piece, font in self.runs(text, variant))
            if len(self._widths) > 100_000:
                self._widths.clear()
            self._widths[key] = width
        return width

    def missing_warning(self) -> str | None:
        """A sentence naming characters no bundled font can print, if any were met."""
        if not self.missing:
            return None
        shown = " ".join(sorted(self.missing)[:12])
        more = "" if len(self.missing) <= 12 else f" and {len(self.missing) - 12} more"
        return (
            f"{len(self.missing)} characters have no glyph in the bundled fonts and print as boxes "
            f"({shown}{more}); check the text or add a font that covers them."
        )


def used_fonts(runs: Iterable[tuple[str, str]]) -> set[str]:
    """Font names appearing in some runs (for tests and diagnostics)."""
    return {font for _, font in runs}
