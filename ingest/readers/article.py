"""The Article a reader returns, and the text normalisation behind its fingerprint."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field

from models.text import fingerprint_text, sha256_of

# Characters that carry no text: zero-width space/joiners, soft hyphen, BOM, word joiner.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u00ad\ufeff\u2060]")
# C0/C1 controls other than tab and newline, which become spaces.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n\s*\n")
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Article:
    """One article as read from a file or a drop.

    ``text`` is the main text: NFC, whitespace collapsed inside paragraphs, paragraphs
    separated by one blank line. ``published`` is ``YYYY-MM-DD`` or an ISO 8601 datetime
    (``2024-11-14T06:30:00+00:00``) when the source says so, else ``None``. ``warnings``
    are sentences for the user (a guessed encoding, an assumed year, unread attachments).
    ``sha256`` fingerprints the text (see :func:`fingerprint`) so the same article saved
    twice, in two formats, is recognised.
    """

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    kind: str = "txt"
    warnings: list[str] = field(default_factory=list)
    file_name: str | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        self.text = tidy_text(self.text)
        for name in ("title", "author", "publisher", "url"):
            value = getattr(self, name)
            setattr(self, name, tidy_line(value) or None if value is not None else None)
        if not self.sha256:
            self.sha256 = sha256_of(self.text, self.title)

    def to_dict(self) -> dict:
        """The article as a JSON-ready dict."""
        return asdict(self)


def tidy_line(value: str | None) -> str:
    """One line of text: NFC, invisible characters dropped, whitespace collapsed, stripped."""
    if not value:
        return ""
    value = _INVISIBLE.sub("", unicodedata.normalize("NFC", str(value)))
    return _WHITESPACE.sub(" ", _CONTROLS.sub(" ", value)).strip()


def tidy_text(text: str) -> str:
    """Normalise a text's whitespace while keeping its paragraphs.

    Line endings become ``\\n``; a blank line (possibly holding spaces) separates
    paragraphs; inside a paragraph every run of whitespace, single newlines included,
    becomes one space. Text is NFC and loses zero-width characters and soft hyphens.
    """
    if not text:
        return ""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _CONTROLS.sub(" ", text)
    paragraphs = (_WHITESPACE.sub(" ", part).strip() for part in _BLANK_LINES.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def normalise_for_fingerprint(text: str, title: str | None = None) -> str:
    """The text a fingerprint is taken of (the workspace's rule: ``models.text``)."""
    return fingerprint_text(tidy_text(text), title)


def fingerprint(text: str, title: str | None = None) -> str:
    """SHA-256 (hex) identifying an article; the workspace uses the same to spot duplicates."""
    return sha256_of(tidy_text(text), title)
