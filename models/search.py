"""Finding events: full-text search, time windows and the filters shared by the table,
the timeline and briefing scopes.

Full-text search ranks only when the matches are few: ranking every match of a frequent
word costs time in proportion to the matches, while the user sees one page. Windows use
the ``(earliest, latest)`` index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.store import Workspace

RANK_LIMIT = 2000  # rank by relevance when a search matches at most this many rows

# Events longer than this are "long" and have their own partial index (schema: events_long).
# A window then reads two short index ranges — events starting at most LONG_SPAN before it,
# and the few long ones — instead of every event that starts before its end.
LONG_SPAN = 400 * 86400
# Windows up to this wide are answered that way; wider ones read the main index in order.
NARROW_WINDOW = 10 * 366 * 86400

_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
_WORD_CHARS = re.compile(r"[\w'’.-]+", re.UNICODE)


def fts_query(text: str, prefix: bool = True) -> str:
    """Turn what a user typed into a safe FTS5 query (every word must match, in any order).

    Quoted phrases stay phrases; FTS5 syntax characters are dropped; with ``prefix`` the last
    word also matches longer words, for search as you type. Returns "" when nothing is left.
    """
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(text or ""):
        raw = phrase if phrase else word
        pieces = [p.strip(".'’-") for p in _WORD_CHARS.findall(raw) if p.strip(".'’-")]
        if not pieces:
            continue
        if phrase:
            terms.append('"' + " ".join(pieces).replace('"', "") + '"')
        else:
            terms.extend('"' + p.replace('"', "") + '"' for p in pieces)
    if not terms:
        return ""
    if prefix and not (text or "").rstrip().endswith('"'):
        terms[-1] = terms[-1] + "*"
    return " ".join(terms)


@dataclass(frozen=True)
class EventFilter:
    """What the user narrowed the events to. Empty fields do not filter.

    ``start``/``end`` are UTC seconds: an event is in the window when its span overlaps it.
    ``actor_ids`` and ``tags`` match events that have any of them.
    """

    text: str = ""
    start: int | None = None
    end: int | None = None
    actor_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    min_confidence: int | None = None
    source_id: int | None = None
    event_ids: tuple[int, ...] | None = field(default=None, compare=True)

    @property
    def empty(self) -> bool:
        return (
            not fts_query(self.text)
            and self.start is None
            and self.end is None
            and not self.actor_ids
            and not self.tags
            and self.min_confidence is None
            and self.source_id is None
            and self.event_ids is None
        )

    @property
    def narrow_window(self) -> bool:
        return (
            self.start is not None
            and self.end is not None
            and self.end - self.start <= NARROW_WINDOW
        )

    def source(self, columns_needed: bool) -> tuple[str, list]:
        """The FROM clause, aliased ``e``: the events table, or for a narrow window the ids
        and bounds of the events overlapping it (enough unless other columns are needed)."""
        if columns_needed or not self.narrow_window:
            return "events e", []
        sql = (
            "(SELECT id, earliest, latest FROM events WHERE earliest BETWEEN ? AND ? "
            f"AND latest >= ? AND latest - earliest <= {LONG_SPAN} "
            "UNION ALL SELECT id, earliest, latest FROM events "
            f"WHERE latest - earliest > {LONG_SPAN} AND earliest <= ? AND latest >= ?) e"
        )
        return sql, [self.start - LONG_SPAN, self.end, self.start, self.end, self.start]

    def where(self, windowed: bool = False) -> tuple[str, list]:
        """SQL condition on ``e`` and its parameters (``windowed``: the source already applied
        the time window)."""
        clauses, params = [], []
        query = fts_query(self.text)
        if query:
            clauses.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(query)
        if self.end is not None and not windowed:
            clauses.append("e.earliest <= ?")
            params.append(self.end)
        if self.start is not None and not windowed:
            clauses.append("e.latest >= ?")
            params.append(self.start)
        if self.actor_ids:
            marks = ",".join("?" * len(self.actor_ids))
            clauses.append(
                f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({marks}))"
            )
            params.extend(self.actor_ids)
        if self.tags:
            marks = ",".join("?" * len(self.tags))
            clauses.append(f"e.id IN (SELECT event_id FROM event_tags WHERE tag IN ({marks}))")
            params.extend(self.tags)
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.source_id is not None:
            clauses.append("e.id IN (SELECT event_id FROM event_sources WHERE source_id = ?)")
            params.append(self.source_id)
        if self.event_ids is not None:
            marks = ",".join("?" * len(self.event_ids)) or "NULL"
            clauses.append(f"e.id IN ({marks})")
            params.extend(self.event_ids)
        return (" AND ".join(clauses) or "1"), params


ORDERS = {
    "when": "e.earliest {d}, e.latest {d}, e.id {d}",
    "title": "e.title COLLATE NOCASE {d}, e.earliest, e.id",
    "confidence": "coalesce(e.confidence, 0) {d}, e.earliest, e.id",
    "location": "e.location COLLATE NOCASE {d}, e.earliest, e.id",
    "updated": "e.updated {d}, e.id {d}",
    "id": "e.id {d}",
}


def filtered_ids(
    ws: Workspace,
    flt: EventFilter | None = None,
    *,
    order: str = "when",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """Ids of the events passing ``flt``, ordered (by date by default, i.e. by ``earliest``)."""
    flt = flt or EventFilter()
    source, source_params = flt.source(
        order not in ("when", "id") or flt.min_confidence is not None
    )
    windowed = source != "events e"
    where, params = flt.where(windowed)
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT e.id FROM {source} WHERE {where} ORDER BY {ORDERS[order].format(d=direction)}"
    params = source_params + params
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in ws.conn.execute(sql, params)]


def count(ws: Workspace, flt: EventFilter | None = None) -> int:
    flt = flt or EventFilter()
    source, source_params = flt.source(flt.min_confidence is not None)
    where, params = flt.where(source != "events e")
    return ws.conn.execute(
        f"SELECT count(*) FROM {source} WHERE {where}", source_params + params
    ).fetchone()[0]


def window(ws: Workspace, start: int, end: int, limit: int | None = None) -> list[int]:
    """Events whose span overlaps ``[start, end]`` (UTC seconds), by date."""
    return filtered_ids(ws, EventFilter(start=start, end=end), limit=limit)


@dataclass
class SearchPage:
    """One page of full-text results.

    ``total`` is exact when at most :data:`RANK_LIMIT` rows match (and results are ranked by
    relevance); otherwise ``total`` is ``None`` ("more than RANK_LIMIT") and the page holds
    matches in storage order, unranked.
    """

    ids: list[int]
    total: int | None
    ranked: bool


def search_events(ws: Workspace, text: str, limit: int = 50, offset: int = 0) -> SearchPage:
    """First page (or a later one) of events matching ``text`` in title or description."""
    return _search(ws, "events_fts", text, limit, offset)


def search_sources(ws: Workspace, text: str, limit: int = 50, offset: int = 0) -> SearchPage:
    """Sources matching ``text`` in title or body."""
    return _search(ws, "sources_fts", text, limit, offset)


def _search(ws: Workspace, table: str, text: str, limit: int, offset: int) -> SearchPage:
    query = fts_query(text)
    if not query:
        return SearchPage([], 0, False)
    probe = [
        row[0]
        for row in ws.conn.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", (query, RANK_LIMIT + 1)
        )
    ]
    if len(probe) <= RANK_LIMIT:
        ids = [
            row[0]
            for row in ws.conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                (query, limit, offset),
            )
        ]
        return SearchPage(ids, len(probe), True)
    if offset + limit <= len(probe):
        return SearchPage(probe[offset : offset + limit], None, False)
    ids = [
        row[0]
        for row in ws.conn.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ? OFFSET ?",
            (query, limit, offset),
        )
    ]
    return SearchPage(ids, None, False)
