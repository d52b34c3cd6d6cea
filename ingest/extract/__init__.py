"""Extraction: dated events and the actors in them, proposed from an article's text.

``extract(text, published=None, actors=None) -> Extraction``; see :func:`extract`.
"""

from __future__ import annotations

from ingest.extract.engine import extract
from ingest.extract.model import Actor, Event, Extraction, Timex

__all__ = ["Actor", "Event", "Extraction", "Timex", "extract"]
