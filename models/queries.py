"""Reading the workspace: domain types and the queries that fill them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from models import dates, schema
from models.errors import NotFound
from models.store import Workspace


@dataclass
class Actor:
    id: int
    name: str
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    colour: str = ""
    notes: str = ""
    event_count: int = 0

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class EventActor:
    link_id: int
    actor_id: int
    name: str
    kind: str
    role: str = ""


@dataclass
class Citation:
    link_id: int
    source_id: int
    source_title: str
    quote: str = ""
    char_start: int | None = None
    char_end: int | None = None
    credibility: int | None = None
    reliability: str = ""


@dataclass
class Event:
    id: int
    title: str
    when: str
    earliest: int
    latest: int
    description: str = ""
    location: str = ""
    confidence: str = ""  # "", "low", "moderate", "high"
    tags: list[str] = field(default_factory=list)
    ref: str = ""
    created: str = ""
    updated: str = ""
    actors: list[EventActor] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def human_when(self) -> str:
        return dates.human(self.when)

    @property
    def actor_names(self) -> list[str]:
        return [a.name for a in self.actors]


@dataclass
class Source:
    id: int
    title: str = ""
    author: str = ""
    publisher: str = ""
    url: str = ""
    published: str = ""
    imported_at: str = ""
    sha256: str | None = None
    text: str = ""
    file_name: str = ""
    kind: str = ""
    reliability: str = ""
    notes: str = ""
    event_count: int = 0


def _rows(ws: Workspace, sql: str, params: Sequence = ()) -> list[dict]:
    cursor = ws.conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# ------------------------------------------------------------------ events


def count_events(ws: Workspace) -> int:
    return ws.conn.execute("SELECT count(*) FROM events").fetchone()[0]


def get_event(ws: Workspace, event_id: int) -> Event:
    events = get_events(ws, [event_id])
    if not events:
        raise NotFound(f"Event {event_id} is no longer in the workspace; it may have been deleted.")
    return events[0]


def get_events(ws: Workspace, event_ids: Sequence[int], *, links: bool = True) -> list[Event]:
    """Events in the order of ``event_ids`` (missing ids are skipped), with actors and citations."""
    by_id: dict[int, Event] = {}
    for chunk in _chunks(list(event_ids)):
        marks = ",".join("?" * len(chunk))
        for row in _rows(ws, f"SELECT * FROM events WHERE id IN ({marks})", chunk):
            by_id[row["id"]] = _event(row)
        if not links:
            continue
        for row in _rows(
            ws,
            f"""SELECT ea.id, ea.event_id, ea.actor_id, ea.role, a.name, a.kind
                FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                WHERE ea.event_id IN ({marks}) ORDER BY ea.id""",
            chunk,
        ):
            by_id[row["event_id"]].actors.append(
                EventActor(row["id"], row["actor_id"], row["name"], row["kind"], row["role"])
            )
        for row in _rows(
            ws,
            f"""SELECT es.*, s.title AS source_title, s.reliability
                FROM event_sources es JOIN sources s ON s.id = es.source_id
                WHERE es.event_id IN ({marks}) ORDER BY es.id""",
            chunk,
        ):
            by_id[row["event_id"]].citations.append(
                Citation(
                    row["id"],
                    row["source_id"],
                    row["source_title"],
                    row["quote"],
                    row["char_start"],
                    row["char_end"],
                    row["credibility"],
                    row["reliability"],
                )
            )
    return [by_id[i] for i in event_ids if i in by_id]


def _event(row: dict) -> Event:
    return Event(
        id=row["id"],
        title=row["title"],
        when=row["when"],
        earliest=row["earliest"],
        latest=row["latest"],
        description=row["description"],
        location=row["location"],
        confidence=schema.CONFIDENCE.get(row["confidence"], ""),
        tags=json.loads(row["tags"]),
        ref=row["ref"],
        created=row["created"],
        updated=row["updated"],
    )


def event_actor_names(ws: Workspace, event_ids: Sequence[int]) -> dict[int, list[str]]:
    """Actor names per event, for table cells and chart lanes."""
    names: dict[int, list[str]] = {}
    for chunk in _chunks(list(event_ids)):
        marks = ",".join("?" * len(chunk))
        for event_id, name in ws.conn.execute(
            f"""SELECT ea.event_id, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                WHERE ea.event_id IN ({marks}) ORDER BY ea.id""",
            chunk,
        ):
            names.setdefault(event_id, []).append(name)
    return names


def list_tags(ws: Workspace) -> list[tuple[str, int]]:
    return ws.conn.execute(
        "SELECT tag, count(*) FROM event_tags GROUP BY tag ORDER BY tag COLLATE NOCASE"
    ).fetchall()


# ------------------------------------------------------------------ actors


def _actor(row: dict) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        aliases=json.loads(row["aliases"]),
        country=row["country"],
        colour=row["colour"],
        notes=row["notes"],
        event_count=row.get("event_count", 0) or 0,
    )


def list_actors(ws: Workspace, *, counts: bool = True) -> list[Actor]:
    """Every actor, by name, with the number of events it is in (``counts=False`` skips
    counting, which reads every link: about half a second at two million links)."""
    count = "(SELECT count(*) FROM event_actors ea WHERE ea.actor_id = a.id)" if counts else "0"
    return [
        _actor(row)
        for row in _rows(
            ws, f"SELECT a.*, {count} AS event_count FROM actors a ORDER BY a.name COLLATE NOCASE"
        )
    ]


def get_actor(ws: Workspace, actor_id: int) -> Actor:
    rows = _rows(
        ws,
        """SELECT a.*, (SELECT count(*) FROM event_actors ea WHERE ea.actor_id = a.id) AS event_count
           FROM actors a WHERE a.id = ?""",
        (actor_id,),
    )
    if not rows:
        raise NotFound(f"Actor {actor_id} is no longer in the workspace; it may have been deleted.")
    return _actor(rows[0])


def find_actor(ws: Workspace, name: str) -> Actor | None:
    """The actor called ``name`` or having it as an alias (case-insensitive), if any."""
    name = " ".join((name or "").split())
    rows = _rows(ws, "SELECT * FROM actors WHERE name = ? COLLATE NOCASE", (name,))
    if rows:
        return _actor(rows[0])
    rows = _rows(
        ws,
        """SELECT a.* FROM actors a, json_each(a.aliases) alias
           WHERE alias.value = ? COLLATE NOCASE LIMIT 1""",
        (name,),
    )
    return _actor(rows[0]) if rows else None


# ------------------------------------------------------------------ sources


def _source(row: dict) -> Source:
    fields = {k: row[k] for k in Source.__dataclass_fields__ if k in row}
    fields["event_count"] = row.get("event_count", 0) or 0
    return Source(**fields)


def list_sources(ws: Workspace, *, with_text: bool = False) -> list[Source]:
    """Every source, newest import first (text left out unless asked for)."""
    text = "s.text" if with_text else "'' AS text"
    columns = ("id",) + tuple(c for c in schema.SOURCE_COLUMNS if c != "text")
    return [
        _source(row)
        for row in _rows(
            ws,
            f"""SELECT {", ".join("s." + c for c in columns)}, {text},
                   (SELECT count(DISTINCT es.event_id) FROM event_sources es WHERE es.source_id = s.id)
                   AS event_count
                FROM sources s ORDER BY s.imported_at DESC, s.id DESC""",
        )
    ]


def get_source(ws: Workspace, source_id: int) -> Source:
    rows = _rows(ws, "SELECT * FROM sources WHERE id = ?", (source_id,))
    if not rows:
        raise NotFound(
            f"Source {source_id} is no longer in the workspace; it may have been deleted."
        )
    return _source(rows[0])


def find_source_by_text(ws: Workspace, text: str, title: str | None = None) -> Source | None:
    """The source holding the same article (see ``models.text.fingerprint_text``), if any."""
    from models.text import sha256_of

    rows = _rows(ws, "SELECT * FROM sources WHERE sha256 = ?", (sha256_of(text, title),))
    return _source(rows[0]) if rows else None


def source_events(ws: Workspace, source_id: int) -> list[int]:
    return [
        row[0]
        for row in ws.conn.execute(
            """SELECT DISTINCT e.id FROM event_sources es JOIN events e ON e.id = es.event_id
               WHERE es.source_id = ? ORDER BY e.earliest, e.id""",
            (source_id,),
        )
    ]


# ------------------------------------------------------------------ periods, briefings


def list_periods(ws: Workspace) -> list[dict]:
    return _rows(ws, "SELECT * FROM periods ORDER BY earliest, id")


def list_briefings(ws: Workspace) -> list[dict]:
    rows = _rows(ws, "SELECT * FROM briefings ORDER BY name COLLATE NOCASE")
    for row in rows:
        row["definition"] = json.loads(row["definition"])
    return rows
