"""Loading many rows at once: one transaction, ``executemany``, indexes filled at the end.

Row-by-row inserts through triggers cost about three times more at a million events, so a
bulk load sets the per-row FTS and tag triggers aside, inserts, then fills the search index
and the tag table for the new rows in one statement each, and puts the triggers back — all
inside the same transaction, so a failure leaves the workspace as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from models import schema

EVENT_COLUMNS = (
    "id",
    "title",
    "description",
    "when",
    "earliest",
    "latest",
    "location",
    "confidence",
    "tags",
    "ref",
    "created",
    "updated",
)

_TRIGGERS = ("events_ai", "events_tags_ai")
# Below this many events already stored, a bulk load drops the secondary indexes of events
# and builds them again at the end: sorting once beats a million random index inserts, and
# rebuilding for the few rows already there costs little.
REBUILD_BELOW = 50_000


def _secondary_indexes(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND sql IS NOT NULL"
        ).fetchall()
    )


def _trigger_sql(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(
        conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({','.join('?' * len(_TRIGGERS))})",
            _TRIGGERS,
        ).fetchall()
    )


def insert_events(
    conn: sqlite3.Connection,
    events: Iterable[tuple],
    event_actors: Iterable[tuple] = (),
) -> int:
    """Insert event rows (tuples in :data:`EVENT_COLUMNS` order; id may be None) and
    ``(event_id, actor_id, role)`` links. Must run inside an open transaction
    (``Workspace.bulk()``). Returns the number of events inserted."""
    if not conn.in_transaction:
        raise RuntimeError("insert_events must run inside a transaction")
    before = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    indexes = _secondary_indexes(conn) if stored < REBUILD_BELOW else {}
    for name in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    triggers = _trigger_sql(conn)
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    marks = ", ".join("?" * len(EVENT_COLUMNS))
    cursor = conn.executemany(f"INSERT INTO events ({columns}) VALUES ({marks})", events)
    inserted = cursor.rowcount
    conn.executemany(
        "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)", event_actors
    )
    fts_columns = ", ".join(schema.FTS_COLUMNS["events"])
    conn.execute(
        f"INSERT INTO events_fts (rowid, {fts_columns}) "
        f"SELECT id, {fts_columns} FROM events WHERE id > ?",
        (before,),
    )
    conn.execute(
        "INSERT OR IGNORE INTO event_tags (tag, event_id) "
        "SELECT j.value, e.id FROM events e, json_each(e.tags) j WHERE e.id > ? AND e.tags <> '[]'",
        (before,),
    )
    for sql in triggers.values():
        conn.execute(sql)
    for sql in indexes.values():
        conn.execute(sql)
    return inserted
