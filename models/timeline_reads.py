"""The timeline's reads from SQLite: every event's bounds, the few qualified dates, lane
memberships and actor looks, as numpy arrays or small row lists. No Qt.

Loading reads covering indexes (``events_span``, ``event_actors_actor``, the ``event_tags``
key) in blocks concatenated by SQLite (``group_concat``), so Python never loops over a million
rows; the one table scan, for the few qualified dates, can run on a second connection.
"""

from __future__ import annotations

import contextlib
import ctypes
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

import numpy as np

from models import palette
from models.search import EventFilter
from models.store import Workspace

# Half a precision unit in seconds, by the length of a canonical EDTF point with its
# qualifier ("2019~" -> a year); the same widths as models.palette._HALF_UNIT.
_PAD_SQL = """(CASE WHEN {p} NOT GLOB '*[~%]' THEN 0
  WHEN length({p}) <= 5 THEN {year} WHEN length({p}) <= 8 THEN {month}
  WHEN length({p}) <= 11 THEN {day}
  WHEN {p} GLOB '*T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*' THEN {second} ELSE {minute} END)"""
_UNITS = palette._HALF_UNIT
_LEFT = "(CASE s WHEN 0 THEN w ELSE substr(w, 1, s - 1) END)"
_RIGHT = "(CASE s WHEN 0 THEN w ELSE substr(w, s + 1) END)"
QUALIFIED_SQL = f"""
SELECT group_concat(id), group_concat(bits), group_concat(lpad), group_concat(rpad) FROM (
  SELECT id, (w GLOB '*[~%]*') | ((w GLOB '*[?%]*') << 1) AS bits,
         {_PAD_SQL.format(p=_LEFT, **_UNITS)} AS lpad, {_PAD_SQL.format(p=_RIGHT, **_UNITS)} AS rpad
  FROM (SELECT id, "when" AS w, instr("when", '/') AS s FROM events WHERE "when" GLOB '*[~?%]*'))
"""
# Events in index order, a block at a time (keyset paging on the events_span index, whose
# entries end with the rowid), so only one block's text is in memory at once.
EVENTS_SQL = """
SELECT count(*), group_concat(id), group_concat(earliest), group_concat(latest)
FROM (SELECT id, earliest, latest FROM events {where} ORDER BY earliest, latest, id LIMIT {block})
"""
EVENTS_BLOCK = 1 << 18


def ints(text: str | None) -> np.ndarray:
    """A comma-separated list of integers (from ``group_concat``) as an int64 array."""
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def release_free_memory() -> None:
    """Hand memory freed after a big load back to the system (glibc keeps it otherwise)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _map_big_blocks() -> None:
    """Have glibc map every block over 1 MiB on its own, so freed arrays go back at once.

    By default glibc raises that threshold to the largest block freed so far (up to 32 MiB):
    after one load of a large workspace, the next load's arrays would come from the heap
    and stay resident when freed, and reloading would grow the process by the whole load.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD


_map_big_blocks()


def read_events(conn: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ids, earliest and latest of every event, by (earliest, latest, id)."""
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    columns = [np.zeros(total, np.int64) for _ in range(3)]
    done, after = 0, ()
    while done < total:
        where = "WHERE (earliest, latest, id) > (?, ?, ?)" if after else ""
        sql = EVENTS_SQL.format(where=where, block=EVENTS_BLOCK)
        row = list(conn.execute(sql, after).fetchone())
        count = min(row[0], total - done)  # rows added meanwhile are left for a change to add
        if count == 0:
            break
        for column in columns:
            column[done : done + count] = ints(row.pop(1))[:count]
        done += count
        after = (int(columns[1][done - 1]), int(columns[2][done - 1]), int(columns[0][done - 1]))
    ids, earliest, latest = (column[:done] for column in columns)
    return ids, earliest, latest


def can_read_aside(ws: Workspace) -> bool:
    """Whether a second, read-only connection can read the file while ``ws`` reads too."""
    return bool(ws.path) and Path(ws.path).is_file() and not ws.conn.in_transaction


def read_qualified(ws: Workspace, conn: sqlite3.Connection | None = None) -> list[np.ndarray]:
    """Ids, flags and widening (left, right) of the events with qualified dates (~ ? %)."""
    own = conn is None
    if own:
        uri = f"file:{quote(str(Path(ws.path).resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
    try:
        return [ints(text) for text in conn.execute(QUALIFIED_SQL).fetchone()]
    finally:
        if own:
            conn.close()


def lane_groups(ws: Workspace, mode: str) -> list[tuple[object, str, str, str]]:
    """``(key, name, colour, comma-separated event ids)`` per actor or per tag."""
    conn = ws.conn
    if mode == "actor":
        looks = actor_looks(ws)
        return [
            (
                actor_id,
                *looks.get(actor_id, (f"Actor {actor_id}", palette.actor_colour(actor_id))),
                text,
            )
            for actor_id, text in conn.execute(
                "SELECT actor_id, group_concat(event_id) FROM event_actors GROUP BY actor_id"
            )
        ]
    return [
        (tag, tag, tag_colour(tag), text)
        for tag, text in conn.execute(
            "SELECT tag, group_concat(event_id) FROM event_tags GROUP BY tag"
        )
    ]


def tag_colour(tag: str) -> str:
    """A stable palette colour for a tag lane."""
    return palette.PALETTE[zlib.crc32(tag.casefold().encode()) % len(palette.PALETTE)]


def position_index(ids: np.ndarray) -> np.ndarray:
    """Slot of each event id, as a dense array indexed by id (-1 where there is none)."""
    top = int(ids.max()) + 1 if len(ids) else 1
    pos = np.full(top, -1, np.int32)
    pos[ids] = np.arange(len(ids), dtype=np.int32)
    return pos


# -------------------------------------------------------------- reads for following changes


def rows_for_ids(conn: sqlite3.Connection, sql: str, ids: Sequence[int]) -> list[tuple]:
    """The rows of ``sql``, whose ``{marks}`` stands for the placeholders of ``ids``, run 900
    ids at a time (SQLite allows 999 bound values a statement)."""
    rows = []
    for chunk in range(0, len(ids), 900):
        part = list(ids[chunk : chunk + 900])
        rows += conn.execute(sql.format(marks=",".join("?" * len(part))), part).fetchall()
    return rows


def event_rows(ws: Workspace, event_ids: Sequence[int]) -> list[tuple[int, str, int, int]]:
    """``(id, when, earliest, latest)`` of the events of ``event_ids`` that still exist."""
    sql = 'SELECT id, "when", earliest, latest FROM events WHERE id IN ({marks})'
    return rows_for_ids(ws.conn, sql, event_ids)


def memberships(ws: Workspace, mode: str, event_ids: Sequence[int]) -> list[tuple[int, object]]:
    """``(event id, lane key)`` pairs of ``event_ids`` in lane mode 'actor' or 'tag'."""
    column, table = ("actor_id", "event_actors") if mode == "actor" else ("tag", "event_tags")
    sql = f"SELECT event_id, {column} FROM {table} WHERE event_id IN ({{marks}})"
    return rows_for_ids(ws.conn, sql, event_ids)


def actor_looks(ws: Workspace) -> dict[int, tuple[str, str]]:
    """Name and drawing colour of every actor, by id."""
    return {
        row[0]: (row[1], palette.actor_colour(row[0], row[2]))
        for row in ws.conn.execute("SELECT id, name, colour FROM actors")
    }


def filter_ids(ws: Workspace, flt: EventFilter) -> np.ndarray:
    """Ids of the events passing ``flt`` (in no particular order), read in one block."""
    where, params = flt.where()
    text = ws.conn.execute(
        f"SELECT group_concat(e.id) FROM events e WHERE {where}", params
    ).fetchone()[0]
    return ints(text)


def actor_pairs(ws: Workspace) -> tuple[np.ndarray, np.ndarray]:
    """Every link of an event to an actor as two aligned arrays: event ids, actor ids."""
    events, actors = ws.conn.execute(
        "SELECT group_concat(event_id), group_concat(actor_id) FROM event_actors"
    ).fetchone()
    return ints(events), ints(actors)
