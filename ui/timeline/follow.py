"""Following a models Change on the timeline's arrays (no Qt): the edited, added and deleted
events are re-read and moved in every lane already built, so an edit at a million events
costs milliseconds instead of a reload. Very large changes reload everything.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models import dates, palette
from models import timeline as tl
from models import timeline_reads as reads
from models.changes import Change
from models.timeline_lanes import Lane

REFRESH_LIMIT = 20_000  # beyond this many touched events a change reloads everything


def apply(data: tl.TimelineData, change: Change) -> bool:
    """Follow ``change`` in ``data``. Returns False when it reloaded everything instead."""
    tables = change.tables
    if "actors" in tables:
        data._colours = None
        if change.removed("actors") or change.added("actors"):
            data._lanes.pop("actor", None)  # rebuilt when next asked for
        elif "actor" in data._lanes:
            _rename_actor_lanes(data)
    if "periods" in tables:
        data._periods = None
    touched = touched_events(change)
    if len(touched) > REFRESH_LIMIT:
        data.reload()
        return False
    if touched:
        refresh_events(data, sorted(touched))
    data.version += 1
    return True


def touched_events(change: Change) -> set[int]:
    """Ids of the events whose bounds or lanes ``change`` may have changed."""
    touched = set(change.touched("events"))
    for images in (change.before.get("event_actors", {}), change.after.get("event_actors", {})):
        touched.update(row["event_id"] for row in images.values() if row)
    return touched


def needs_reload(change: Change) -> bool:
    """Whether following ``change`` means reading everything again (:func:`apply` would)."""
    return len(touched_events(change)) > REFRESH_LIMIT


def refresh_events(data: tl.TimelineData, event_ids: Sequence[int]) -> None:
    """Re-read ``event_ids`` (edited, added or deleted) and move them in every built lane."""
    for event_id in event_ids:
        data._info.pop(event_id, None)
    old = {}
    for event_id in event_ids:
        slot = data.slot_of(event_id)
        if slot is not None:
            old[slot] = (int(data.start[slot]), int(data.end[slot]))
    for lanes in data._lanes.values():
        for lane in lanes:
            for slot, (start, end) in old.items():
                lane.remove(slot, start, end)
    for slot in old:
        data.alive[slot] = False
    rows = reads.event_rows(data.ws, event_ids)
    known = len(data._pos)
    _add_slots(data, [r[0] for r in rows if not (r[0] < known and data._pos[r[0]] >= 0)])
    slots = np.array([int(data._pos[row[0]]) for row in rows], dtype=np.int32)
    for slot, (event_id, when, earliest, latest) in zip(slots, rows, strict=True):
        bits, start, end = draw_bounds(when, earliest, latest)
        data.ids[slot], data.start[slot], data.end[slot] = event_id, start, end
        data.flags[slot], data.alive[slot] = bits, True
    if len(slots):
        data._clip_open_ends(slots)
    for mode, lanes in data._lanes.items():
        _place(data, mode, lanes, [row[0] for row in rows])
    for lanes in data._lanes.values():
        lanes[:] = [lane for lane in lanes if len(lane)]


def draw_bounds(when: str, earliest: int, latest: int) -> tuple[int, int, int]:
    """Flags and drawn bounds of one event, by the rules of ``models.palette``."""
    try:
        parsed = dates.parse(when)
    except dates.DateError:
        return 0, earliest, latest
    bits = (tl.APPROXIMATE if parsed.approximate else 0) | (tl.UNCERTAIN if parsed.uncertain else 0)
    start, end = palette.drawn_bounds(parsed)
    return bits, start, end


def _add_slots(data: tl.TimelineData, event_ids: list[int]) -> None:
    """New slots (at the end, not yet alive) for events that have none."""
    if not event_ids:
        return
    first, count = len(data.ids), len(event_ids)
    data.ids = np.concatenate([data.ids, np.array(event_ids, dtype=data.ids.dtype)])
    data.start = np.concatenate([data.start, np.zeros(count, np.int64)])
    data.end = np.concatenate([data.end, np.zeros(count, np.int64)])
    data.flags = np.concatenate([data.flags, np.zeros(count, np.uint8)])
    data.alive = np.concatenate([data.alive, np.zeros(count, bool)])
    top = max(event_ids) + 1
    if top > len(data._pos):
        grown = np.full(max(top, len(data._pos) * 2), -1, np.int32)
        grown[: len(data._pos)] = data._pos
        data._pos = grown
    data._pos[event_ids] = np.arange(first, first + count, dtype=np.int32)


def _place(data: tl.TimelineData, mode: str, lanes: list[Lane], event_ids: list[int]) -> None:
    """Put the (re-read) events into their lanes of ``mode``, creating lanes as needed."""
    if not event_ids:
        return
    members: dict[object, list[int]] = {}
    if mode == "single":
        members[None] = list(event_ids)
    else:
        placed = set()
        for event_id, key in reads.memberships(data.ws, mode, event_ids):
            members.setdefault(key, []).append(event_id)
            placed.add(event_id)
        rest = [i for i in event_ids if i not in placed]
        if rest:
            members.setdefault(None, []).extend(rest)
    by_key = {lane.key: lane for lane in lanes}
    for key, ids in members.items():
        slots = np.array([data.slot_of(i) for i in ids], dtype=np.int32)
        lane = by_key.get(key)
        if lane is None:
            name, colour = _lane_look(data, mode, key)
            lane = by_key[key] = Lane.build(key, name, colour, np.zeros(0, np.int32), data)
            lanes.append(lane)
        lane.insert(slots, data)


def _lane_look(data: tl.TimelineData, mode: str, key) -> tuple[str, str]:
    if key is None:
        name = {"actor": "No actor", "tag": "No tag"}.get(mode, "All events")
        return name, palette.NO_ACTOR_COLOUR
    if mode == "actor":
        return reads.actor_looks(data.ws).get(key, (f"Actor {key}", palette.actor_colour(key)))
    return str(key), reads.tag_colour(str(key))


def _rename_actor_lanes(data: tl.TimelineData) -> None:
    looks = reads.actor_looks(data.ws)
    for lane in data._lanes["actor"]:
        if lane.key in looks:
            lane.name, lane.colour = looks[lane.key]
