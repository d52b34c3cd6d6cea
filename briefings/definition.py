"""What a briefing pack is made of: a saved, rebuildable definition (no Qt, JSON-ready).

A :class:`Pack` is one PDF: a cover, a contents page and one or more :class:`Briefing` s, each
with its own :class:`Scope` (which events), key judgments and sections in the analyst's order.
Definitions are stored in the workspace's ``briefings`` table through
:func:`models.operations.save_briefing`, so tomorrow's edition is one Rebuild away: an empty
pack date means "the day it is built", and a scope of the last N days moves with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefings.bidi import isolate
from models import dates, operations, queries
from models.changes import Change
from models.errors import InputError, NotFound
from models.search import EventFilter
from models.store import Workspace

FORMAT_VERSION = 1

TLP_MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
DEFAULT_MARKING = "TLP:AMBER"
# What each TLP 2.0 label allows (first.org/tlp), printed on the cover.
TLP_MEANING = {
    "TLP:CLEAR": "Recipients can spread this to the world; there is no limit on disclosure.",
    "TLP:GREEN": "Limited disclosure: recipients can spread this within their community, "
    "but not via publicly accessible channels.",
    "TLP:AMBER": "Limited disclosure: recipients can only spread this on a need-to-know basis "
    "within their organisation and its clients.",
    "TLP:AMBER+STRICT": "Limited disclosure: recipients can only spread this on a need-to-know "
    "basis within their organisation.",
    "TLP:RED": "For the eyes and ears of individual recipients only, no further disclosure.",
}

BODY_SECTIONS = ("key_judgments", "timeline", "chronology", "actors", "sources")
SECTION_TITLES = {
    "key_judgments": "Key judgments",
    "timeline": "Timeline",
    "chronology": "Chronology",
    "actors": "Actors",
    "sources": "Sources",
}
PAGE_SIZES = ("A4", "Letter")
CONFIDENCE_LEVELS = ("", "low", "moderate", "high")

# ICD 203 estimative language, with the probability each term stands for.
ESTIMATIVE_TERMS = (
    ("almost no chance", "01–05%"),
    ("very unlikely", "05–20%"),
    ("unlikely", "20–45%"),
    ("roughly even chance", "45–55%"),
    ("likely", "55–80%"),
    ("very likely", "80–95%"),
    ("almost certain", "95–99%"),
)

LARGE_SCOPE = 10_000  # events; from this many the dialog warns and offers to narrow


class ScopeError(InputError):
    """A scope that cannot be resolved: a bad date, an unknown actor, a window inside out."""


class DefinitionError(InputError):
    """A pack definition that cannot be built as written."""


@dataclass
class Scope:
    """Which events a briefing covers. Empty fields do not narrow.

    ``start``/``end`` are dates as analysts type them (``2024``, ``2024-03``, ``14 Nov 2024``):
    the window runs from the first moment of ``start`` to the last of ``end``. ``last_days``
    replaces both with the N days up to the pack date, so a rebuilt pack moves with time.
    """

    start: str = ""
    end: str = ""
    last_days: int | None = None
    actor_ids: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    min_confidence: str = ""
    text: str = ""
    source_id: int | None = None
    event_ids: list[int] | None = None

    def window(self, on: dt.date | None = None) -> tuple[int | None, int | None]:
        """The window in UTC seconds (``None`` for an open side); raises :class:`ScopeError`."""
        if self.last_days:
            day = on or dt.date.today()
            last = dates.parse(day.isoformat()).latest
            return last - int(self.last_days) * 86400 + 1, last
        start = _bound(self.start, "start", first=True)
        end = _bound(self.end, "end", first=False)
        if start is not None and end is not None and start > end:
            raise ScopeError(
                f"The window ends ({self.end}) before it starts ({self.start}); swap the dates."
            )
        return start, end

    def to_filter(self, on: dt.date | None = None) -> EventFilter:
        """The :class:`EventFilter` that finds this scope's events."""
        start, end = self.window(on)
        confidence = self.min_confidence.strip().lower() if self.min_confidence else ""
        if confidence not in CONFIDENCE_LEVELS:
            raise ScopeError(
                f"Minimum confidence '{self.min_confidence}' is not one of low, moderate or high."
            )
        return EventFilter(
            text=self.text or "",
            start=start,
            end=end,
            actor_ids=tuple(int(a) for a in self.actor_ids),
            tags=tuple(self.tags),
            min_confidence=CONFIDENCE_LEVELS.index(confidence) or None,
            source_id=self.source_id,
            event_ids=None if self.event_ids is None else tuple(int(i) for i in self.event_ids),
        )

    @classmethod
    def from_filter(cls, flt: EventFilter) -> Scope:
        """A scope holding what a view shows now (the timeline's or table's filter)."""
        return cls(
            start="" if flt.start is None else _as_when(flt.start, first=True),
            end="" if flt.end is None else _as_when(flt.end, first=False),
            actor_ids=list(flt.actor_ids),
            tags=list(flt.tags),
            min_confidence=CONFIDENCE_LEVELS[flt.min_confidence] if flt.min_confidence else "",
            text=flt.text or "",
            source_id=flt.source_id,
            event_ids=None if flt.event_ids is None else list(flt.event_ids),
        )

    def describe(self, ws: Workspace, on: dt.date | None = None) -> str:
        """The scope in words, for the cover and the head of each briefing."""
        parts = []
        if self.last_days:
            start, end = self.window(on)
            parts.append(f"the {self.last_days} days to {_day_text(end)}")
        elif self.start and self.end:
            parts.append(f"{dates.human(_strict(self.start))} to {dates.human(_strict(self.end))}")
        elif self.start:
            parts.append(f"from {dates.human(_strict(self.start))}")
        elif self.end:
            parts.append(f"until {dates.human(_strict(self.end))}")
        else:
            parts.append("all dates")
        if self.actor_ids:
            names = []
            for actor_id in self.actor_ids:
                try:
                    names.append(isolate(queries.get_actor(ws, actor_id).name))
                except NotFound:
                    names.append(f"actor {actor_id} (deleted)")
            parts.append("actors: " + ", ".join(names))
        if self.tags:
            parts.append("tags: " + ", ".join(isolate(t) for t in self.tags))
        if self.min_confidence:
            parts.append(f"confidence {self.min_confidence} or higher")
        if self.text:
            parts.append(f"matching “{isolate(self.text)}”")
        if self.source_id is not None:
            parts.append(f"cited from source {self.source_id}")
        if self.event_ids is not None:
            parts.append(f"{len(self.event_ids)} chosen events")
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping | None) -> Scope:
        data = dict(data or {})
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        scope = cls(**known)
        scope.actor_ids = [int(a) for a in scope.actor_ids or []]
        scope.tags = [str(t) for t in scope.tags or []]
        if scope.last_days is not None:
            scope.last_days = int(scope.last_days) or None
        return scope


@dataclass
class Briefing:
    """One briefing: a scope, the analyst's key judgments and sections in order.

    ``key_judgments`` is text with a small Markdown subset: blank lines between paragraphs,
    ``- `` bullets, ``**bold**`` and ``*italic*`` (what the dialog's editor writes).
    """

    title: str = ""
    scope: Scope = field(default_factory=Scope)
    key_judgments: str = ""
    sections: list[str] = field(default_factory=lambda: list(BODY_SECTIONS))

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "scope": self.scope.to_dict(),
            "key_judgments": self.key_judgments,
            "sections": list(self.sections),
        }

    @classmethod
    def from_dict(cls, data: Mapping | None) -> Briefing:
        data = dict(data or {})
        sections = [s for s in data.get("sections", BODY_SECTIONS) if s in BODY_SECTIONS]
        return cls(
            title=str(data.get("title", "") or ""),
            scope=Scope.from_dict(data.get("scope")),
            key_judgments=str(data.get("key_judgments", "") or ""),
            sections=sections,
        )


@dataclass
class Pack:
    """A whole pack: front matter, handling marking, page size and its briefings.

    ``date`` (``YYYY-MM-DD``) and ``dtg`` (``141830Z NOV 24``) left empty are filled at build
    time, so a saved definition rebuilds as today's edition.
    """

    title: str = "Briefing pack"
    subtitle: str = ""
    author: str = ""
    organisation: str = ""
    date: str = ""
    dtg: str = ""
    reference: str = ""
    version: str = ""
    marking: str = DEFAULT_MARKING
    page_size: str = "A4"
    short_title: str = ""
    output: str = ""  # where the last build went (Rebuild writes there, with the new date)
    cover: bool = True
    contents: bool = True
    briefings: list[Briefing] = field(default_factory=lambda: [Briefing()])

    def to_dict(self) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "briefings"}
        data["briefings"] = [b.to_dict() for b in self.briefings]
        data["format"] = FORMAT_VERSION
        return data

    @classmethod
    def from_dict(cls, data: Mapping | None) -> Pack:
        data = dict(data or {})
        fields = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "briefings"}
        pack = cls(**fields)
        pack.briefings = [Briefing.from_dict(b) for b in data.get("briefings") or [{}]]
        pack.cover, pack.contents = bool(pack.cover), bool(pack.contents)
        return pack

    def check(self, ws: Workspace) -> None:
        """Raise :class:`DefinitionError` or :class:`ScopeError` for what cannot be built."""
        if not (self.title or "").strip():
            raise DefinitionError("A briefing pack needs a title.")
        if self.page_size not in PAGE_SIZES:
            raise DefinitionError(f"Page size '{self.page_size}' is not A4 or Letter.")
        if not (self.marking or "").strip():
            raise DefinitionError("A briefing pack needs a marking, e.g. TLP:AMBER.")
        if self.date:
            try:
                dt.date.fromisoformat(self.date)
            except ValueError:
                raise DefinitionError(
                    f"The pack date '{self.date}' is not a day written as YYYY-MM-DD."
                ) from None
        if not self.briefings:
            raise DefinitionError("A briefing pack needs at least one briefing.")
        known = {row[0] for row in ws.conn.execute("SELECT id FROM actors")}
        for briefing in self.briefings:
            briefing.scope.to_filter(self.day())
            for actor_id in briefing.scope.actor_ids:
                if actor_id not in known:
                    raise ScopeError(
                        f"Actor {actor_id} in the scope of '{briefing.title or self.title}' "
                        "is no longer in the workspace; edit the scope."
                    )

    def day(self, now: dt.datetime | None = None) -> dt.date:
        """The pack's date: the one written, else the build day (UTC)."""
        if self.date:
            try:
                return dt.date.fromisoformat(self.date)
            except ValueError:
                pass
        return (now or dt.datetime.now(dt.UTC)).date()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def next_output(pack: Pack, on: dt.date) -> Path | None:
    """Where Rebuild writes: the last output, its date (if its name has one) moved to ``on``."""
    if not pack.output:
        return None
    path = Path(pack.output)
    return path.with_name(_ISO_DAY.sub(on.isoformat(), path.stem, count=1) + path.suffix)


def dtg(moment: dt.datetime) -> str:
    """A military date-time group in UTC: ``141830Z NOV 24``."""
    moment = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    month = dates.MONTH_ABBR[moment.month].upper()
    return f"{moment.day:02d}{moment.hour:02d}{moment.minute:02d}Z {month} {moment.year % 100:02d}"


# --------------------------------------------------------------------------- storage


def save_pack(ws: Workspace, name: str, pack: Pack, briefing_id: int | None = None) -> Change:
    """Save ``pack`` in the workspace under ``name`` (a new definition, or over ``briefing_id``)."""
    return operations.save_briefing(ws, name, pack.to_dict(), briefing_id=briefing_id)


def saved_packs(ws: Workspace) -> list[tuple[int, str, Pack]]:
    """Saved definitions as ``(id, name, Pack)``, by name."""
    return [
        (row["id"], row["name"], Pack.from_dict(row["definition"]))
        for row in queries.list_briefings(ws)
    ]


def load_pack(ws: Workspace, briefing_id: int) -> tuple[str, Pack]:
    """The name and definition saved as ``briefing_id``."""
    for row_id, name, pack in saved_packs(ws):
        if row_id == briefing_id:
            return name, pack
    raise NotFound(
        f"Briefing pack {briefing_id} is no longer in the workspace; it may have been deleted."
    )


# --------------------------------------------------------------------------- dates


def _strict(text: str) -> str:
    """A date as typed, in the stored form (``14 Nov 2024`` -> ``2024-11-14``)."""
    try:
        return dates.parse_loose(text).edtf()
    except dates.DateError:
        return text


def _bound(text: str, which: str, *, first: bool) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        when = dates.parse_loose(text)
    except dates.DateError as error:
        raise ScopeError(f"Cannot read the {which} of the window: {error}") from None
    if first:
        return when.earliest if when.start is not None else None
    return when.latest if not when.open_end else None


def _as_when(seconds: int, *, first: bool) -> str:
    """UTC seconds as a ``when``: a day when on a day boundary, else a minute."""
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(seconds))
    boundary = (0, 0, 0) if first else (23, 59, 59)
    if (moment.hour, moment.minute, moment.second) == boundary:
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%MZ")


def _day_text(seconds: int) -> str:
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(seconds))
    return f"{moment.day} {dates.MONTH_ABBR[moment.month]} {moment.year}"


def section_title(key: str) -> str:
    return SECTION_TITLES.get(key, key.replace("_", " ").capitalize())


def ordered_sections(sections: Sequence[str]) -> list[str]:
    """Known sections in the given order, each once."""
    seen, out = set(), []
    for key in sections:
        if key in BODY_SECTIONS and key not in seen:
            seen.add(key)
            out.append(key)
    return out
