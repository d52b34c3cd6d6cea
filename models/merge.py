"""Writing a checked load (:class:`models.exchange.Bundle`) into a workspace.

Runs inside ``Workspace.bulk()``. Into an empty workspace the file's ids are kept (so an
export loads back to the same ids). Into a workspace that already holds data, actors match by
name or alias, sources by their text (or title and address when they have no text), events
by their external ``ref`` or by the same date and title; matches are reused or skipped.
"""

from __future__ import annotations

import json
import sqlite3

from models import bulk, schema

_TABLES = ("actors", "sources", "events", "periods", "briefings")


def _is_empty(conn: sqlite3.Connection) -> bool:
    return all(
        conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {t})").fetchone()[0] for t in _TABLES
    )


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def write(conn: sqlite3.Connection, bundle, report) -> None:
    keep_ids = _is_empty(conn)
    actor_map = _write_actors(conn, bundle.actors, keep_ids, report)
    source_map = _write_sources(conn, bundle.sources, keep_ids, report)
    _write_events(conn, bundle.events, keep_ids, actor_map, source_map, report)
    _write_periods(conn, bundle.periods, keep_ids, report)
    _write_briefings(conn, bundle.briefings, keep_ids, report)
    for key, value in bundle.meta.items():
        if keep_ids:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        else:
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _assign(record_id, keep_ids: bool, counter: list[int]) -> int:
    if keep_ids and record_id is not None:
        counter[0] = max(counter[0], record_id + 1)
        return record_id
    value = counter[0]
    counter[0] += 1
    return value


def _ids_counter(conn, table, records, keep_ids) -> list[int]:
    start = _next_id(conn, table)
    if keep_ids:
        start = max([start] + [r["id"] + 1 for r in records if r["id"] is not None])
    return [start]


def _write_actors(conn, records, keep_ids, report) -> dict:
    known: dict[str, int] = {}
    for actor_id, aliases in conn.execute("SELECT id, aliases FROM actors"):
        for alias in json.loads(aliases):
            known.setdefault(alias.lower(), actor_id)
    for actor_id, name in conn.execute("SELECT id, name FROM actors"):
        known[name.lower()] = actor_id
    counter = _ids_counter(conn, "actors", records, keep_ids)
    mapping = {}
    for record in records:
        found = known.get(record["name"].lower())
        if found is not None:
            mapping[record["id"]] = found
            continue
        new_id = _assign(record["id"], keep_ids, counter)
        conn.execute(
            "INSERT INTO actors (id, name, kind, aliases, country, colour, notes, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id,
                record["name"],
                record["kind"],
                record["aliases"],
                record["country"],
                record["colour"],
                record["notes"],
                record["created"],
                record["updated"],
            ),
        )
        mapping[record["id"]] = new_id
        known[record["name"].lower()] = new_id
        report.actors_added += 1
    return mapping


def _write_sources(conn, records, keep_ids, report) -> dict:
    counter = _ids_counter(conn, "sources", records, keep_ids)
    mapping = {}
    columns = schema.SOURCE_COLUMNS
    for record in records:
        if record["sha256"]:
            found = conn.execute(
                "SELECT id FROM sources WHERE sha256 = ?", (record["sha256"],)
            ).fetchone()
        else:
            found = conn.execute(
                "SELECT id FROM sources WHERE sha256 IS NULL AND title = ? AND url = ?",
                (record["title"], record["url"]),
            ).fetchone()
        if found:
            mapping[record["id"]] = found[0]
            continue
        new_id = _assign(record["id"], keep_ids, counter)
        conn.execute(
            f"INSERT INTO sources (id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
            (new_id, *(record[c] for c in columns)),
        )
        mapping[record["id"]] = new_id
        report.sources_added += 1
    return mapping


def _write_events(conn, records, keep_ids, actor_map, source_map, report) -> None:
    counter = _ids_counter(conn, "events", records, keep_ids)
    check_existing = not keep_ids
    rows, actor_links, source_links = [], [], []
    seen_refs = set()
    for record in records:
        duplicate_ref = bool(record["ref"]) and record["ref"] in seen_refs
        if duplicate_ref or (check_existing and _exists(conn, record)):
            report.events_skipped += 1
            continue
        if record["ref"]:
            seen_refs.add(record["ref"])
        new_id = _assign(record["id"], keep_ids, counter)
        rows.append(
            (
                new_id,
                record["title"],
                record["description"],
                record["when"],
                record["earliest"],
                record["latest"],
                record["location"],
                record["confidence"],
                record["tags"],
                record["ref"],
                record["created"],
                record["updated"],
            )
        )
        linked = set()
        for actor_ref, role in record["actors"]:
            actor_id = actor_map[actor_ref]
            if actor_id not in linked:
                linked.add(actor_id)
                actor_links.append((new_id, actor_id, role))
        for link in record["sources"]:
            source_links.append(
                (
                    new_id,
                    source_map[link["source"]],
                    link["quote"],
                    link["start"],
                    link["end"],
                    link["credibility"],
                )
            )
    report.events_added = bulk.insert_events(conn, rows, actor_links) if rows else 0
    conn.executemany(
        "INSERT INTO event_sources (event_id, source_id, quote, char_start, char_end, credibility) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        source_links,
    )


def _exists(conn, record) -> bool:
    if record["ref"]:
        return (
            conn.execute("SELECT 1 FROM events WHERE ref = ? LIMIT 1", (record["ref"],)).fetchone()
            is not None
        )
    return (
        conn.execute(
            'SELECT 1 FROM events WHERE earliest = ? AND "when" = ? AND title = ? LIMIT 1',
            (record["earliest"], record["when"], record["title"]),
        ).fetchone()
        is not None
    )


def _write_periods(conn, records, keep_ids, report) -> None:
    counter = _ids_counter(conn, "periods", records, keep_ids)
    for record in records:
        if (
            not keep_ids
            and conn.execute(
                'SELECT 1 FROM periods WHERE name = ? AND "when" = ?',
                (record["name"], record["when"]),
            ).fetchone()
        ):
            continue
        conn.execute(
            'INSERT INTO periods (id, name, "when", earliest, latest, colour, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
            (
                _assign(record["id"], keep_ids, counter),
                record["name"],
                record["when"],
                record["earliest"],
                record["latest"],
                record["colour"],
                record["notes"],
            ),
        )
        report.periods_added += 1


def _write_briefings(conn, records, keep_ids, report) -> None:
    counter = _ids_counter(conn, "briefings", records, keep_ids)
    for record in records:
        if (
            not keep_ids
            and conn.execute("SELECT 1 FROM briefings WHERE name = ?", (record["name"],)).fetchone()
        ):
            continue
        conn.execute(
            "INSERT INTO briefings (id, name, definition, created, updated) VALUES (?, ?, ?, ?, ?)",
            (
                _assign(record["id"], keep_ids, counter),
                record["name"],
                record["definition"],
                record["created"],
                record["updated"],
            ),
        )
        report.briefings_added += 1
