"""Every change to a workspace: each function is one transaction and returns a Change.

The GUI wraps these in undo commands (undo = :func:`revert` of the Change, redo = revert of
the undo's Change); the command line calls them directly. Field values are validated here,
so a bad value never reaches the file and the message says what to type instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence

from models.changes import Change
from models.errors import DuplicateError, NotFound, ValidationError
from models.store import Workspace
from models.validate import (
    actor_values,
    clean_colour,
    clean_names,
    clean_tags,
    clean_title,
    clean_when,
    event_values,
    link_values,
    source_values,
)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


# ------------------------------------------------------------------ lookups


def _require(rec, table: str, key: int, what: str) -> dict:
    row = rec.row(table, key)
    if row is None:
        raise NotFound(f"{what} {key} is no longer in the workspace; it may have been deleted.")
    return row


def _actor_name_taken(rec, name: str, except_id: int | None = None) -> int | None:
    row = rec.conn.execute(
        "SELECT id FROM actors WHERE name = ? COLLATE NOCASE AND id IS NOT ?", (name, except_id)
    ).fetchone()
    return row[0] if row else None


# ------------------------------------------------------------------ events


def add_event(
    ws: Workspace,
    title: str,
    when: str,
    *,
    actors: Iterable = (),
    sources: Iterable[Mapping] = (),
    label: str | None = None,
    **fields,
) -> Change:
    """Add one event; ``actors`` are ids or ``(id, role)`` pairs, ``sources`` link mappings."""
    return add_events(
        ws,
        [dict(title=title, when=when, actors=actors, sources=sources, **fields)],
        label=label or f"Add event '{clean_title(title)}'",
    )


def add_events(ws: Workspace, events: Sequence[Mapping], *, label: str | None = None) -> Change:
    """Add several events (with their actor and source links) as one change."""
    prepared = []
    for item in events:
        item = dict(item)
        actors = list(item.pop("actors", ()) or ())
        links = list(item.pop("sources", ()) or ())
        values = event_values(item)
        if "title" not in values or "when" not in values:
            raise ValidationError("An event needs a title and a date.")
        prepared.append((values, actors, links))
    stamp = now()
    with ws.write() as rec:
        for values, actors, links in prepared:
            event_id = rec.insert("events", {**values, "created": stamp, "updated": stamp})
            _set_actors(rec, event_id, actors)
            for link in links:
                _insert_link(rec, event_id, link)
        change = rec.change(label or f"Add {len(prepared)} events")
    return change


def update_event(ws: Workspace, event_id: int, *, label: str | None = None, **fields) -> Change:
    """Change fields of one event (title, when, description, location, confidence, tags, ref)."""
    return update_events(ws, [event_id], label=label, **fields)


def update_events(
    ws: Workspace, event_ids: Iterable[int], *, label: str | None = None, **fields
) -> Change:
    """Set the same fields on several events, as one change."""
    values = event_values(fields)
    event_ids = list(event_ids)
    with ws.write() as rec:
        for event_id in event_ids:
            current = _require(rec, "events", event_id, "Event")
            changed = {k: v for k, v in values.items() if current[k] != v}
            if changed:
                rec.update("events", event_id, {**changed, "updated": now()})
        change = rec.change(label or _edit_label(fields, event_ids, rec))
    return change


def _edit_label(fields: Mapping, event_ids: list[int], rec) -> str:
    what = ", ".join(sorted(fields)) if len(fields) > 1 else next(iter(fields), "event")
    what = {"when": "date"}.get(what, what)
    if len(event_ids) == 1:
        # The title the user knew the event by: before this edit renamed it.
        before = rec.change("").before.get("events", {}).get(event_ids[0])
        row = before or rec.row("events", event_ids[0])
        return f"Edit {what} of '{row['title'] if row else event_ids[0]}'"
    return f"Edit {what} of {len(event_ids)} events"


def delete_events(ws: Workspace, event_ids: Iterable[int], *, label: str | None = None) -> Change:
    """Delete events with their actor and source links (not the actors or sources)."""
    event_ids = list(event_ids)
    with ws.write() as rec:
        for event_id in event_ids:
            _require(rec, "events", event_id, "Event")
            for table in ("event_actors", "event_sources"):
                for (link_id,) in rec.conn.execute(
                    f"SELECT id FROM {table} WHERE event_id = ?", (event_id,)
                ).fetchall():
                    rec.delete(table, link_id)
            rec.delete("events", event_id)
        if len(event_ids) == 1:
            title = rec.change("").before["events"][event_ids[0]]["title"]
            default = f"Delete event '{title}'"
        else:
            default = f"Delete {len(event_ids)} events"
        change = rec.change(label or default)
    return change


def set_event_actors(
    ws: Workspace, event_id: int, actors: Iterable, *, label: str | None = None
) -> Change:
    """Replace the actors of an event; ``actors`` are ids or ``(id, role)`` pairs."""
    actors = list(actors)
    with ws.write() as rec:
        row = _require(rec, "events", event_id, "Event")
        _set_actors(rec, event_id, actors)
        rec.update("events", event_id, {"updated": now()})
        change = rec.change(label or f"Edit actors of '{row['title']}'")
    return change


def _set_actors(rec, event_id: int, actors: Iterable) -> None:
    wanted: dict[int, str] = {}
    for item in actors:
        actor_id, role = (
            (item, "") if isinstance(item, int) else (item[0], item[1] if len(item) > 1 else "")
        )
        _require(rec, "actors", actor_id, "Actor")
        wanted[int(actor_id)] = (role or "").strip()
    existing = {
        actor_id: (link_id, role)
        for link_id, actor_id, role in rec.conn.execute(
            "SELECT id, actor_id, role FROM event_actors WHERE event_id = ?", (event_id,)
        )
    }
    for actor_id, (link_id, role) in existing.items():
        if actor_id not in wanted:
            rec.delete("event_actors", link_id)
        elif wanted[actor_id] != role:
            rec.update("event_actors", link_id, {"role": wanted[actor_id]})
    for actor_id, role in wanted.items():
        if actor_id not in existing:
            rec.insert("event_actors", {"event_id": event_id, "actor_id": actor_id, "role": role})


def add_tags(
    ws: Workspace, event_ids: Iterable[int], tags: Iterable[str], *, remove: bool = False
) -> Change:
    """Add (or with ``remove=True`` take away) tags on several events, as one change."""
    event_ids = list(event_ids)
    tags = json.loads(clean_tags(list(tags)))
    with ws.write() as rec:
        for event_id in event_ids:
            row = _require(rec, "events", event_id, "Event")
            current = json.loads(row["tags"])
            if remove:
                new = [t for t in current if t not in tags]
            else:
                new = current + [t for t in tags if t not in current]
            if new != current:
                rec.update("events", event_id, {"tags": clean_tags(new), "updated": now()})
        verb = "Remove" if remove else "Add"
        change = rec.change(
            f"{verb} tag {', '.join(tags)} on {len(event_ids)} event{'s' if len(event_ids) != 1 else ''}"
        )
    return change


def rename_tag(ws: Workspace, old: str, new: str) -> Change:
    """Rename a tag on every event that has it."""
    new_tags = json.loads(clean_tags([new]))
    if not new_tags:
        raise ValidationError("A tag needs a name.")
    with ws.write() as rec:
        for (event_id,) in rec.conn.execute(
            "SELECT event_id FROM event_tags WHERE tag = ?", (old,)
        ).fetchall():
            current = json.loads(rec.row("events", event_id)["tags"])
            renamed = [new_tags[0] if t == old else t for t in current]
            rec.update("events", event_id, {"tags": clean_tags(renamed), "updated": now()})
        change = rec.change(f"Rename tag '{old}' to '{new_tags[0]}'")
    return change


# ------------------------------------------------------------------ actors


def add_actor(ws: Workspace, name: str, kind: str = "other", **fields) -> Change:
    """Add an actor; a name (or alias) already used by another actor is refused."""
    values = actor_values({"name": name, "kind": kind, **fields})
    stamp = now()
    with ws.write() as rec:
        taken = _actor_name_taken(rec, values["name"])
        if taken:
            raise DuplicateError(f"There is already an actor called '{values['name']}'.", taken)
        rec.insert("actors", {**values, "created": stamp, "updated": stamp})
        change = rec.change(f"Add actor '{values['name']}'")
    return change


def update_actor(ws: Workspace, actor_id: int, **fields) -> Change:
    values = actor_values(fields)
    with ws.write() as rec:
        row = _require(rec, "actors", actor_id, "Actor")
        if "name" in values:
            taken = _actor_name_taken(rec, values["name"], actor_id)
            if taken:
                raise DuplicateError(
                    f"There is already an actor called '{values['name']}'; merge the two instead.",
                    taken,
                )
        changed = {k: v for k, v in values.items() if row[k] != v}
        if changed:
            rec.update("actors", actor_id, {**changed, "updated": now()})
        what = next(iter(fields)) if len(fields) == 1 else "details"
        change = rec.change(f"Edit {what} of '{row['name']}'")
    return change


def delete_actors(ws: Workspace, actor_ids: Iterable[int]) -> Change:
    """Delete actors and their links to events (the events stay)."""
    actor_ids = list(actor_ids)
    with ws.write() as rec:
        names = []
        for actor_id in actor_ids:
            names.append(_require(rec, "actors", actor_id, "Actor")["name"])
            for (link_id,) in rec.conn.execute(
                "SELECT id FROM event_actors WHERE actor_id = ?", (actor_id,)
            ).fetchall():
                rec.delete("event_actors", link_id)
            rec.delete("actors", actor_id)
        label = f"Delete actor '{names[0]}'" if len(names) == 1 else f"Delete {len(names)} actors"
        change = rec.change(label)
    return change


def merge_actors(ws: Workspace, keep_id: int, other_ids: Iterable[int]) -> Change:
    """Merge actors into ``keep_id``: their event links move, their names become aliases.

    Undo (``revert``) restores the merged actors with their ids, links and aliases.
    """
    other_ids = [i for i in other_ids if i != keep_id]
    with ws.write() as rec:
        keep = _require(rec, "actors", keep_id, "Actor")
        aliases = json.loads(keep["aliases"])
        notes = keep["notes"]
        names = []
        for other_id in other_ids:
            other = _require(rec, "actors", other_id, "Actor")
            names.append(other["name"])
            aliases += [other["name"], *json.loads(other["aliases"])]
            if other["notes"].strip() and other["notes"].strip() not in notes:
                notes = (notes.rstrip() + "\n\n" + other["notes"].strip()).strip()
            for link_id, event_id, role in rec.conn.execute(
                "SELECT id, event_id, role FROM event_actors WHERE actor_id = ?", (other_id,)
            ).fetchall():
                kept = rec.conn.execute(
                    "SELECT id, role FROM event_actors WHERE event_id = ? AND actor_id = ?",
                    (event_id, keep_id),
                ).fetchone()
                if kept is None:
                    rec.update("event_actors", link_id, {"actor_id": keep_id})
                else:
                    if role and not kept[1]:
                        rec.update("event_actors", kept[0], {"role": role})
                    rec.delete("event_actors", link_id)
            rec.delete("actors", other_id)
        aliases = [a for a in json.loads(clean_names(aliases)) if a.lower() != keep["name"].lower()]
        rec.update(
            "actors",
            keep_id,
            {"aliases": json.dumps(aliases, ensure_ascii=False), "notes": notes, "updated": now()},
        )
        change = rec.change(f"Merge {', '.join(repr(n) for n in names)} into '{keep['name']}'")
    return change


# ------------------------------------------------------------------ sources


def add_source(
    ws: Workspace, *, title: str = "", text: str = "", label: str | None = None, **fields
) -> Change:
    """Add a source (an article, report or dataset). The same text twice is refused."""
    values = source_values({"title": title, "text": text, **fields})
    with ws.write() as rec:
        _refuse_duplicate_source(rec, values)
        rec.insert("sources", {**values, "imported_at": now()})
        change = rec.change(label or f"Add source '{values['title'] or 'untitled'}'")
    return change


def _refuse_duplicate_source(rec, values: dict) -> None:
    if not values.get("sha256"):
        return
    row = rec.conn.execute(
        "SELECT id, title, imported_at FROM sources WHERE sha256 = ?", (values["sha256"],)
    ).fetchone()
    if row:
        raise DuplicateError(
            f"This article is already in the workspace as '{row[1] or 'untitled'}', imported {row[2][:10]}.",
            row[0],
        )


def update_source(ws: Workspace, source_id: int, **fields) -> Change:
    with ws.write() as rec:
        row = _require(rec, "sources", source_id, "Source")
        if "text" in fields or "title" in fields:  # the fingerprint depends on both
            fields = {"text": row["text"], "title": row["title"], **fields}
        values = source_values(fields)
        changed = {k: v for k, v in values.items() if row[k] != v}
        if changed.get("sha256"):
            _refuse_duplicate_source(rec, changed)
        rec.update("sources", source_id, changed)
        change = rec.change(f"Edit source '{row['title'] or source_id}'")
    return change


def delete_sources(ws: Workspace, source_ids: Iterable[int]) -> Change:
    """Delete sources and their links to events (the events stay)."""
    source_ids = list(source_ids)
    with ws.write() as rec:
        for source_id in source_ids:
            _require(rec, "sources", source_id, "Source")
            for (link_id,) in rec.conn.execute(
                "SELECT id FROM event_sources WHERE source_id = ?", (source_id,)
            ).fetchall():
                rec.delete("event_sources", link_id)
            rec.delete("sources", source_id)
        change = rec.change(f"Delete {len(source_ids)} source{'s' if len(source_ids) != 1 else ''}")
    return change


def link_source(ws: Workspace, event_id: int, source_id: int, **fields) -> Change:
    """Cite a source for an event, optionally with a quote, its offsets and a credibility 1–6."""
    with ws.write() as rec:
        row = _require(rec, "events", event_id, "Event")
        _insert_link(rec, event_id, {"source_id": source_id, **fields})
        change = rec.change(f"Cite source for '{row['title']}'")
    return change


def update_link(ws: Workspace, link_id: int, **fields) -> Change:
    values = link_values(fields)
    with ws.write() as rec:
        _require(rec, "event_sources", link_id, "Citation")
        rec.update("event_sources", link_id, values)
        change = rec.change("Edit citation")
    return change


def unlink_source(ws: Workspace, link_id: int) -> Change:
    with ws.write() as rec:
        _require(rec, "event_sources", link_id, "Citation")
        rec.delete("event_sources", link_id)
        change = rec.change("Remove citation")
    return change


def _insert_link(rec, event_id: int, link: Mapping) -> None:
    values = link_values(link)
    if values.get("source_id") is None:
        raise ValidationError("A citation needs a source.")
    _require(rec, "sources", values["source_id"], "Source")
    rec.insert("event_sources", {"event_id": event_id, **values})


# ------------------------------------------------------------------ briefings, periods, meta


def save_briefing(
    ws: Workspace, name: str, definition: Mapping, briefing_id: int | None = None
) -> Change:
    """Save a briefing pack definition (JSON-ready mapping) under a name."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError("A briefing pack needs a name.")
    body = json.dumps(definition, ensure_ascii=False, sort_keys=True)
    stamp = now()
    with ws.write() as rec:
        if briefing_id is None:
            rec.insert(
                "briefings", {"name": name, "definition": body, "created": stamp, "updated": stamp}
            )
        else:
            _require(rec, "briefings", briefing_id, "Briefing")
            rec.update(
                "briefings", briefing_id, {"name": name, "definition": body, "updated": stamp}
            )
        change = rec.change(f"Save briefing '{name}'")
    return change


def delete_briefing(ws: Workspace, briefing_id: int) -> Change:
    with ws.write() as rec:
        row = _require(rec, "briefings", briefing_id, "Briefing")
        rec.delete("briefings", briefing_id)
        change = rec.change(f"Delete briefing '{row['name']}'")
    return change


def add_period(ws: Workspace, name: str, when: str, colour: str = "", notes: str = "") -> Change:
    """Add a background period (an era such as "Winter offensive") for the timeline."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError("A period needs a name.")
    text, earliest, latest = clean_when(when)
    with ws.write() as rec:
        rec.insert(
            "periods",
            {
                "name": name,
                "when": text,
                "earliest": earliest,
                "latest": latest,
                "colour": clean_colour(colour),
                "notes": notes,
            },
        )
        change = rec.change(f"Add period '{name}'")
    return change


def update_period(ws: Workspace, period_id: int, **fields) -> Change:
    values = {}
    for key, value in fields.items():
        if key == "when":
            values["when"], values["earliest"], values["latest"] = clean_when(value)
        elif key == "colour":
            values["colour"] = clean_colour(value)
        elif key in ("name", "notes"):
            values[key] = str(value or "")
        else:
            raise ValidationError(f"Periods have no field {key}.")
    with ws.write() as rec:
        row = _require(rec, "periods", period_id, "Period")
        rec.update("periods", period_id, values)
        change = rec.change(f"Edit period '{row['name']}'")
    return change


def delete_period(ws: Workspace, period_id: int) -> Change:
    with ws.write() as rec:
        row = _require(rec, "periods", period_id, "Period")
        rec.delete("periods", period_id)
        change = rec.change(f"Delete period '{row['name']}'")
    return change


def set_meta(ws: Workspace, key: str, value: str) -> Change:
    """Workspace-level settings (title, lane order, ...), kept in the file."""
    with ws.write() as rec:
        if rec.row("meta", key) is None:
            rec.insert("meta", {"key": key, "value": str(value)})
        else:
            rec.update("meta", key, {"value": str(value)})
        change = rec.change(f"Set {key}")
    return change


# ------------------------------------------------------------------ undo


def revert(ws: Workspace, change: Change, label: str | None = None) -> Change:
    """Put back the rows as they were before ``change``; returns the Change this made.

    ``revert(ws, change)`` is undo; ``revert(ws, revert(ws, change))`` is redo.
    """
    with ws.write() as rec:
        rec.apply(change.before)
        result = rec.change(label or change.label)
    return result
