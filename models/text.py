"""Text normalisation shared by the store and the readers (duplicate detection)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def normalise(text: str) -> str:
    """NFC, every run of whitespace as one space, no leading or trailing space."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def fingerprint_text(text: str, title: str | None = None) -> str:
    """The text an article's identity is taken of.

    :func:`normalise` of the text, after dropping a first paragraph that merely repeats the
    title — so the same article saved as .txt with its headline, as .txt without it and as
    .html all match.
    """
    text = unicodedata.normalize("NFC", text or "").strip()
    if title:
        first, *rest = _PARAGRAPH_BREAK.split(text, maxsplit=1)
        if rest and normalise(first).casefold() == normalise(title).casefold():
            text = rest[0]
    return normalise(text)


def sha256_of(text: str, title: str | None = None) -> str:
    """Hex SHA-256 of :func:`fingerprint_text`: the identity of an article in a workspace."""
    return hashlib.sha256(fingerprint_text(text, title).encode("utf-8")).hexdigest()
