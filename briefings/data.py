"""Reading what a briefing needs from the workspace, once, before any layout.

Events come in date order through :func:`models.search.filtered_ids`; sources are numbered by
their first citation in that order (the chronology's endnotes read 1, 2, 3 down the page);
actors are ordered by how many of the briefing's events they are in (the chart's lanes).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefings.definition import Briefing
from models import dates, queries, search
from models.palette import actor_colour
from models.queries import Actor, Event, Source
from models.store import Workspace

Tick = Callable[[int, int], None]


@dataclass
class Citation:
    number: int  # the source's endnote number in this briefing
    credibility: int | None
    reliability: str


@dataclass
class BriefingData:
    """Everything one briefing prints, read in one go."""

    index: int  # position in the pack (anchors are unique per briefing)
    briefing: Briefing
    scope_text: str
    events: list[Event]
    whens: dict[int, dates.When]
    actors: list[Actor]  # in lane order
    sources: list[Source]  # in endnote order
    source_numbers: dict[int, int]
    citations: dict[int, list[Citation]]  # event id -> endnotes
    cited_by: dict[int, list[tuple[int, int | None]]]  # source id -> (row number, credibility)
    row_numbers: dict[int, int]  # event id -> chronology number
    periods: list[dict] = field(default_factory=list)
    colours: dict[int, str] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """A destination name unique in the pack: ``b2-src-14``."""
        return f"b{self.index}-{name}"

    @property
    def empty(self) -> bool:
        return not self.events


def load(
    ws: Workspace, briefing: Briefing, index: int, day: dt.date, tick: Tick | None = None
) -> BriefingData:
    """Read the events, actors, sources and periods of one briefing."""
    flt = briefing.scope.to_filter(day)
    ids = search.filtered_ids(ws, flt, order="when")
    events: list[Event] = []
    for start in range(0, len(ids), 1000):
        events.extend(queries.get_events(ws, ids[start : start + 1000]))
        if tick is not None:
            tick(min(start + 1000, len(ids)), len(ids))
    whens = {}
    for event in events:
        try:
            whens[event.id] = dates.parse(event.when)
        except dates.DateError:
            whens[event.id] = dates.When(dates.Point(1970))  # never stored, but never fatal
    row_numbers = {event.id: number for number, event in enumerate(events, 1)}

    counts = Counter(a.actor_id for event in events for a in event.actors)
    actors = _actors(ws, list(counts))
    actors.sort(key=lambda a: (-counts[a.id], a.name.casefold()))
    colours = {a.id: actor_colour(a.id, a.colour) for a in actors}

    source_numbers: dict[int, int] = {}
    citations: dict[int, list[Citation]] = {}
    cited_by: dict[int, list[tuple[int, int | None]]] = {}
    for event in events:
        notes = []
        for citation in event.citations:
            number = source_numbers.setdefault(citation.source_id, len(source_numbers) + 1)
            notes.append(Citation(number, citation.credibility, citation.reliability))
            cited_by.setdefault(citation.source_id, []).append(
                (row_numbers[event.id], citation.credibility)
            )
        notes.sort(key=lambda c: c.number)
        citations[event.id] = notes
    sources = _sources(ws, list(source_numbers))
    sources.sort(key=lambda s: source_numbers[s.id])
    return BriefingData(
        index=index,
        briefing=briefing,
        scope_text=briefing.scope.describe(ws, day),
        events=events,
        whens=whens,
        actors=actors,
        sources=sources,
        source_numbers=source_numbers,
        citations=citations,
        cited_by=cited_by,
        row_numbers=row_numbers,
        periods=queries.list_periods(ws),
        colours=colours,
    )


def count(ws: Workspace, briefing: Briefing, day: dt.date) -> int:
    """How many events a briefing's scope holds (for warnings before a build)."""
    return search.count(ws, briefing.scope.to_filter(day))


def _actors(ws: Workspace, ids: Sequence[int]) -> list[Actor]:
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        cursor = ws.conn.execute(f"SELECT * FROM actors WHERE id IN ({marks})", chunk)
        names = [c[0] for c in cursor.description]
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            found.append(
                Actor(
                    id=values["id"],
                    name=values["name"],
                    kind=values["kind"],
                    aliases=json.loads(values["aliases"] or "[]"),
                    country=values["country"],
                    colour=values["colour"],
                    notes=values["notes"],
                )
            )
    return found


_SOURCE_COLUMNS = (
    "id",
    "title",
    "author",
    "publisher",
    "url",
    "published",
    "imported_at",
    "file_name",
    "kind",
    "reliability",
    "notes",
)


def _sources(ws: Workspace, ids: Sequence[int]) -> list[Source]:
    """Sources without their text (which can be long and is not printed)."""
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        cursor = ws.conn.execute(
            f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources WHERE id IN ({marks})", chunk
        )
        for row in cursor.fetchall():
            found.append(Source(**dict(zip(_SOURCE_COLUMNS, row, strict=True))))
    return found
