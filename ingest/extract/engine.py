"""The extraction entry point: timexes, then actors, then events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ingest.extract import gazetteer as gazetteers
from ingest.extract import timex
from ingest.extract.actors import find_actors
from ingest.extract.events import propose_events
from ingest.extract.model import Extraction


def coerce_published(published) -> dt.date | None:
    """A publication date from ``None``, a ``date``/``datetime`` or an ISO string."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        text = published.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(
                f"The published date {published!r} is not a date; use YYYY-MM-DD."
            ) from None
    raise TypeError(f"published must be a date or YYYY-MM-DD text, not {type(published).__name__}")


def extract(text: str, published=None, actors: Iterable | None = None) -> Extraction:
    """Propose the temporal expressions, actors and dated events in ``text``.

    ``published`` (``YYYY-MM-DD``, an ISO datetime, or a ``datetime.date``) anchors relative
    dates. ``actors`` are the workspace's own actors (objects or dicts with ``name``, ``kind``
    and ``aliases``); they are matched before the built-in gazetteer.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    day = coerce_published(published)
    timexes = timex.tag(text, day)
    gazetteer = gazetteers.builtin()
    if actors:
        gazetteer = gazetteer.with_workspace(actors)
    found = find_actors(text, timexes, gazetteer)
    events = propose_events(text, timexes, found, day)
    return Extraction(text=text, published=day, timexes=timexes, actors=found, events=events)
