"""Text normalisation shared by the store and the readers (duplicate detection)."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """NFC, every run of whitespace as one space, no leading or trailing space.

    Two saves of the same article (as .txt and as .html, say) normalise to the same text.
    """
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def sha256_of(text: str) -> str:
    """Hex SHA-256 of the normalised text: the identity of an article in a workspace."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
