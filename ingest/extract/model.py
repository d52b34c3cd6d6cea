"""The result types of extraction: timexes, actors, events and the :class:`Extraction`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Timex:
    """A temporal expression: ``text[start:end]`` with its TIMEX3 ``type`` and ``value``.

    ``mod`` (START, MID, END, APPROX, ...) and ``range_end`` (the value that closes a range
    such as "from 6 to 9 August", set on the range's first part) are kept for event dating
    and are not part of the JSON contract.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    range_end: str | None = None
    range_part: bool = False

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(slots=True)
class Actor:
    """A canonical actor and where the text mentions it (``[start, end]`` pairs)."""

    name: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "mentions": [[start, end] for start, end in self.mentions],
        }


@dataclass(slots=True)
class Event:
    """A proposed event: its ``when`` (Annalist EDTF), a headline, and the quoted sentence."""

    date: str
    title: str
    sentence: str
    start: int
    end: int
    actors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "date": self.date,
            "title": self.title,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "actors": list(self.actors),
        }


@dataclass(slots=True)
class Extraction:
    """Everything extraction proposes for one text; :meth:`to_dict` is JSON-ready."""

    text: str
    published: dt.date | None
    timexes: list[Timex] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "timexes": [timex.to_dict() for timex in self.timexes],
            "actors": [actor.to_dict() for actor in self.actors],
            "events": [event.to_dict() for event in self.events],
        }
