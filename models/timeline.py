"""The timeline's data: a workspace's events as numpy arrays, grouped into lanes. No Qt.

:class:`TimelineData` holds per event (in a *slot*) its id, its *drawn* bounds (``earliest`` and
``latest`` widened for approximate dates by the rules of :mod:`models.palette`) and flags;
titles and dates are fetched lazily, only for events drawn one by one (``details``). Slots
never move: an edited event keeps its slot, a deleted one is marked dead, a new one is
appended (``ui.timeline.follow`` does that when a Change arrives).

A :class:`Lane` (an actor, a tag, or everything) splits its members into duration tiers, each
with sorted starts and sorted ends, so a frame's two questions are binary searches: how many
events overlap each pixel column (O(width x log n), however many are in view) and which overlap
a window. Loading reads covering indexes (``events_span``, ``event_actors_actor``, the
``event_tags`` key) in blocks concatenated by SQLite (``group_concat``), so Python never loops
over a million rows; the one table scan, for the few qualified dates, runs beside it.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import re
import sqlite3
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import numpy as np

from models import dates, palette
from models.search import EventFilter
from models.store import Workspace

APPROXIMATE = 1
UNCERTAIN = 2
OPEN_END = 4
OPEN_START = 8

LANE_MODES = ("actor", "tag", "single")

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


def _ints(text: str | None) -> np.ndarray:
    """A comma-separated list of integers (from ``group_concat``) as an int64 array."""
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


@dataclass
class EventInfo:
    """What is drawn and shown for one event: fetched lazily, only for events drawn singly."""

    id: int
    title: str
    when: str
    parsed: dates.When | None
    actor_id: int | None = None  # its first actor (colours it outside actor lanes)

    @property
    def human(self) -> str:
        return self.parsed.human() if self.parsed else self.when


# Drawn durations that split a lane's events into tiers: up to three minutes (times), a day and
# a half (days), 45 days (weeks, months), longer (years, long spans, ongoing). Counting per tier
# lets a density strip draw a tier as bars where it is precise at the zoom, else as a tint.
TIERS = (180, 129_600, 45 * 86_400)
TIER_LIMITS = (*TIERS, None)


@dataclass
class Tier:
    """The members of a lane within one duration tier, sorted by drawn start."""

    slots: np.ndarray  # int32
    start: np.ndarray  # int64, ascending, aligned with slots
    end_sorted: np.ndarray  # int64, ascending (not aligned)
    limit: int | None  # no member lasts longer than this (None: unbounded)

    def count(self, t0: int, t1: int) -> int:
        return int(
            np.searchsorted(self.start, t1, "right") - np.searchsorted(self.end_sorted, t0, "left")
        )

    def columns(self, edges: np.ndarray) -> np.ndarray:
        starting = np.searchsorted(self.start, edges[1:], "left")
        return starting - np.searchsorted(self.end_sorted, edges[:-1], "left")

    def visible(self, t0: int, t1: int, data: TimelineData) -> np.ndarray:
        hi = int(np.searchsorted(self.start, t1, "right"))
        lo = 0 if self.limit is None else int(np.searchsorted(self.start, t0 - self.limit, "left"))
        found = self.slots[lo:hi]
        return found[data.end[found] >= t0]


def _tier_of(durations: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.array(TIERS), durations, "left")


@dataclass
class Lane:
    """One lane (an actor, a tag, or everything): its members by duration tier.

    Each tier keeps its members' slots and starts sorted by start, and their ends sorted, so
    the two questions a frame asks are binary searches: how many members overlap each pixel
    column (``column_tiers``), and which overlap a window (``visible``).
    """

    key: object
    name: str
    colour: str
    tiers: list[Tier]

    @classmethod
    def build(cls, key, name: str, colour: str, slots: np.ndarray, data: TimelineData) -> Lane:
        """A lane of ``slots`` (any order)."""
        slots = np.sort(np.asarray(slots, dtype=np.int32))
        start = data.start[slots]
        if len(start) > 1 and (start[1:] < start[:-1]).any():  # slots appended after loading
            order = np.argsort(start, kind="stable")
            slots, start = slots[order], start[order]
        ends = data.end[slots]
        which = _tier_of(ends - start)
        tiers = []
        for k, limit in enumerate(TIER_LIMITS):
            mask = which == k
            tiers.append(Tier(slots[mask], start[mask], np.sort(ends[mask]), limit))
        return cls(key, name, colour, tiers)

    def __len__(self) -> int:
        return sum(len(tier.slots) for tier in self.tiers)

    @property
    def slots(self) -> np.ndarray:
        """Every member's slot (tier by tier)."""
        return np.concatenate([tier.slots for tier in self.tiers])

    def count(self, t0: float, t1: float) -> int:
        """How many members overlap ``[t0, t1]``."""
        t0, t1 = math.ceil(t0), math.floor(t1)
        return sum(tier.count(t0, t1) for tier in self.tiers)

    def column_tiers(self, edges: np.ndarray) -> np.ndarray:
        """Members overlapping each column, one row per tier of :data:`TIER_LIMITS`."""
        rows = np.zeros((len(self.tiers), len(edges) - 1), np.int64)
        for k, tier in enumerate(self.tiers):
            if len(tier.slots):
                rows[k] = tier.columns(edges)
        return rows

    def visible(self, t0: float, t1: float, data: TimelineData) -> np.ndarray:
        """Slots of the members overlapping ``[t0, t1]``, by drawn start."""
        t0, t1 = math.ceil(t0), math.floor(t1)
        parts = [tier.visible(t0, t1, data) for tier in self.tiers if len(tier.slots)]
        found = np.concatenate(parts) if parts else np.zeros(0, np.int32)
        return found[np.argsort(data.start[found], kind="stable")]

    def contains(self, slot: int, start: int, end: int) -> bool:
        """Whether ``slot`` (drawn from ``start`` to ``end``) is a member."""
        tier = self.tiers[int(_tier_of(np.array([end - start]))[0])]
        a = int(np.searchsorted(tier.start, start, "left"))
        b = int(np.searchsorted(tier.start, start, "right"))
        return bool((tier.slots[a:b] == slot).any())

    def subset(self, keep: np.ndarray, data: TimelineData) -> Lane:
        """The same lane with only the slots where ``keep[slot]`` is true (a filter)."""
        tiers = []
        for tier in self.tiers:
            mask = keep[tier.slots]
            slots = tier.slots[mask]
            tiers.append(Tier(slots, tier.start[mask], np.sort(data.end[slots]), tier.limit))
        return Lane(self.key, self.name, self.colour, tiers)

    def remove(self, slot: int, old_start: int, old_end: int) -> bool:
        """Take ``slot`` (drawn from ``old_start`` to ``old_end``) out of the lane."""
        tier = self.tiers[int(_tier_of(np.array([old_end - old_start]))[0])]
        a = int(np.searchsorted(tier.start, old_start, "left"))
        b = int(np.searchsorted(tier.start, old_start, "right"))
        where = np.nonzero(tier.slots[a:b] == slot)[0]
        if not len(where):
            return False
        i = a + int(where[0])
        tier.slots = np.delete(tier.slots, i)
        tier.start = np.delete(tier.start, i)
        j = int(np.searchsorted(tier.end_sorted, old_end, "left"))
        if j < len(tier.end_sorted) and tier.end_sorted[j] == old_end:
            tier.end_sorted = np.delete(tier.end_sorted, j)
        return True

    def insert(self, slots: np.ndarray, data: TimelineData) -> None:
        """Put ``slots`` into the lane at their places (by their drawn bounds in ``data``)."""
        starts, ends = data.start[slots], data.end[slots]
        which = _tier_of(ends - starts)
        for k, tier in enumerate(self.tiers):
            mask = which == k
            if not mask.any():
                continue
            order = np.argsort(starts[mask], kind="stable")
            new_slots, new_starts = slots[mask][order], starts[mask][order]
            at = np.searchsorted(tier.start, new_starts, "right")
            tier.slots = np.insert(tier.slots, at, new_slots)
            tier.start = np.insert(tier.start, at, new_starts)
            new_ends = np.sort(ends[mask])
            tier.end_sorted = np.insert(
                tier.end_sorted, np.searchsorted(tier.end_sorted, new_ends), new_ends
            )


@dataclass
class Period:
    """A background era drawn behind the lanes."""

    id: int
    name: str
    start: int
    end: int
    colour: str
    row: int = 0  # overlapping periods are stacked in rows


@dataclass
class TimelineData:
    """The events of one workspace as arrays by slot; see the module docstring."""

    ws: Workspace
    ids: np.ndarray  # int64 event id per slot
    start: np.ndarray  # int64 drawn start per slot
    end: np.ndarray  # int64 drawn end per slot (open ends clipped to ``now``)
    flags: np.ndarray  # uint8: APPROXIMATE | UNCERTAIN | OPEN_END | OPEN_START
    alive: np.ndarray  # bool per slot (False once deleted)
    now: int
    version: int = 0  # goes up with every change, so views know to drop what they cached
    _pos: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32), repr=False)
    _lanes: dict[str, list[Lane]] = field(default_factory=dict, repr=False)
    _info: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _periods: list[Period] | None = field(default=None, repr=False)
    _extent: tuple | None = field(default=None, repr=False)
    _colours: dict | None = field(default=None, repr=False)
    info_cache_size: int = 50_000

    # ---------------------------------------------------------------- loading

    @classmethod
    def load(
        cls, ws: Workspace, *, now: int | None = None, lanes: str | None = "actor"
    ) -> TimelineData:
        """Read every event's bounds and flags (and the lanes of ``lanes`` mode) from ``ws``.

        The scan for qualified dates (the only read that is not of an index) runs on a second
        read-only connection in a thread while this one reads the indexes: SQLite releases the
        GIL while it works, so on two cores the load takes the longer of the two, not the sum.
        """
        now = int(time.time()) if now is None else int(now)
        conn = ws.conn
        with ThreadPoolExecutor(1) as pool:
            qualified = pool.submit(_read_qualified, ws) if _can_read_aside(ws) else None
            ids, start, end = _read_events(conn)
            count = len(ids)
            groups = _lane_groups(ws, lanes) if lanes in ("actor", "tag") else None
            try:
                q_ids, bits, lpad, rpad = (
                    qualified.result() if qualified else _read_qualified(ws, conn)
                )
            except sqlite3.Error:  # a second connection was refused: read it on this one
                q_ids, bits, lpad, rpad = _read_qualified(ws, conn)
        flags = np.zeros(count, np.uint8)
        data = cls(ws, ids, start, end, flags, np.ones(count, bool), now)
        data._pos = _position_index(ids)
        if len(q_ids):
            slots = data._pos[q_ids]
            flags[slots] = bits.astype(np.uint8)
            start[slots] -= lpad
            end[slots] += rpad
        data._clip_open_ends(np.arange(count))
        del ids, start, end, flags
        if len(data.start) > 1 and (data.start[1:] < data.start[:-1]).any():
            # Widening moved some starts: keep slot order = drawn-start order, so a lane's
            # slots sorted as numbers are sorted by start too.
            order = np.argsort(data.start, kind="stable")
            for name in ("ids", "start", "end", "flags"):
                setattr(data, name, getattr(data, name)[order])
            del order
            data._pos = _position_index(data.ids)
        if lanes:
            data._lanes[lanes] = data._build_lanes(lanes, groups)
        del groups
        release_free_memory()
        return data

    def _clip_open_ends(self, slots: np.ndarray) -> None:
        """Open ends are drawn up to ``now`` (and fade); open starts from the data's first date."""
        start, end = self.start[slots], self.end[slots]
        open_end = end >= dates.OPEN_END
        open_start = start <= dates.OPEN_START
        if open_end.any():
            self.flags[slots[open_end]] |= OPEN_END
            self.end[slots[open_end]] = np.maximum(start[open_end], self.now)
        if open_start.any():
            self.flags[slots[open_start]] |= OPEN_START
            closed = self.alive & (self.start > dates.OPEN_START)
            first = int(self.start[closed].min()) if closed.any() else self.now
            self.start[slots[open_start]] = np.minimum(end[open_start], first)

    def __len__(self) -> int:
        return int(self.alive.sum())

    @property
    def slot_count(self) -> int:
        return len(self.ids)

    def slots_of(self, event_ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """Slots of the given event ids (ids not loaded are left out)."""
        if isinstance(event_ids, np.ndarray):
            ids = event_ids.astype(np.int64, copy=False)
        else:
            ids = np.fromiter(event_ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < len(self._pos))]
        slots = self._pos[ids]
        slots = slots[slots >= 0]
        return slots[self.alive[slots]]

    def slot_of(self, event_id: int) -> int | None:
        if 0 <= event_id < len(self._pos):
            slot = int(self._pos[event_id])
            if slot >= 0 and self.alive[slot]:
                return slot
        return None

    def extent(self) -> tuple[int, int] | None:
        """First drawn start and last drawn end of the live events (None when there are none)."""
        cached = self._extent
        if cached is None or cached[0] != self.version:
            if not self.alive.any():
                value = None
            else:
                value = int(self.start[self.alive].min()), int(self.end[self.alive].max())
            cached = self._extent = (self.version, value)
        return cached[1]

    def opacity(self, slot: int) -> float:
        """How strongly to draw the event in ``slot`` (the rule of ``palette.opacity``)."""
        bits = int(self.flags[slot]) & (APPROXIMATE | UNCERTAIN)
        return {0: 1.0, APPROXIMATE: 0.55, UNCERTAIN: 0.55}.get(bits, 0.35)

    # ---------------------------------------------------------------- lanes

    def lanes(self, mode: str) -> list[Lane]:
        """The lanes of ``mode`` ('actor', 'tag' or 'single'), built on first use."""
        if mode not in LANE_MODES:
            raise ValueError(f"Lane mode {mode!r} is not one of {', '.join(LANE_MODES)}.")
        if mode not in self._lanes:
            self._lanes[mode] = self._build_lanes(mode)
        return self._lanes[mode]

    def _build_lanes(self, mode: str, groups: list | None = None) -> list[Lane]:
        if mode == "single":
            slots = np.nonzero(self.alive)[0].astype(np.int32)
            return [Lane.build(None, "All events", palette.NO_ACTOR_COLOUR, slots, self)]
        if groups is None:
            groups = _lane_groups(self.ws, mode)
        lanes, covered = [], np.zeros(len(self.ids), bool)
        for key, name, colour, text in groups:
            slots = self.slots_of(_ints(text))
            covered[slots] = True
            if len(slots):
                lanes.append(Lane.build(key, name, colour, slots, self))
        # The busiest actors (or tags) first, so the main parties sit at the top; then by name.
        lanes.sort(key=lambda lane: (-len(lane), natural_key(lane.name)))
        rest = np.nonzero(self.alive & ~covered)[0].astype(np.int32)
        if len(rest):
            lanes.append(
                Lane.build(
                    None,
                    "No actor" if mode == "actor" else "No tag",
                    palette.NO_ACTOR_COLOUR,
                    rest,
                    self,
                )
            )
        return lanes

    def lane_keys_of(self, event_id: int, mode: str) -> list:
        """The keys of the lanes ``event_id`` appears in (several for an event with several actors)."""
        slot = self.slot_of(event_id)
        if slot is None:
            return []
        start, end = int(self.start[slot]), int(self.end[slot])
        return [lane.key for lane in self.lanes(mode) if lane.contains(slot, start, end)]

    # ---------------------------------------------------------------- lazily fetched details

    def details(self, slots: Sequence[int]) -> dict[int, EventInfo]:
        """Title and date of the events in ``slots``, by slot (fetched once, then cached)."""
        result, missing = {}, []
        for slot in slots:
            event_id = int(self.ids[slot])
            info = self._info.get(event_id)
            if info is None:
                missing.append(event_id)
            else:
                result[int(slot)] = info
        for chunk in range(0, len(missing), 900):
            part = missing[chunk : chunk + 900]
            marks = ",".join("?" * len(part))
            for event_id, title, when, actor_id in self.ws.conn.execute(
                'SELECT e.id, e.title, e."when", (SELECT min(actor_id) FROM event_actors a '
                f"WHERE a.event_id = e.id) FROM events e WHERE e.id IN ({marks})",
                part,
            ):
                try:
                    parsed = dates.parse(when)
                except dates.DateError:
                    parsed = None
                info = EventInfo(event_id, title, when, parsed, actor_id)
                self._info[event_id] = info
                slot = self.slot_of(event_id)
                if slot is not None:
                    result[slot] = info
        while len(self._info) > self.info_cache_size:
            self._info.popitem(last=False)
        return result

    def actor_colours(self) -> dict[int, str]:
        """Drawing colour of every actor, by id."""
        if self._colours is None:
            self._colours = {key: look[1] for key, look in actor_looks(self.ws).items()}
        return self._colours

    def periods(self) -> list[Period]:
        """The background periods (eras), by start."""
        if self._periods is None:
            periods = []
            for row in self.ws.conn.execute(
                'SELECT id, name, "when", earliest, latest, colour FROM periods ORDER BY earliest, id'
            ):
                start, end = row[3], row[4]
                with contextlib.suppress(dates.DateError):
                    start, end = palette.drawn_bounds(dates.parse(row[2]))
                end = min(end, max(start, self.now)) if end >= dates.OPEN_END else end
                periods.append(Period(row[0], row[1], start, end, row[5] or ""))
            ends: list[int] = []
            for period in sorted(periods, key=lambda p: (p.start, p.end)):
                period.row = next(
                    (r for r, end in enumerate(ends) if end < period.start), len(ends)
                )
                if period.row == len(ends):
                    ends.append(period.end)
                ends[period.row] = period.end
            self._periods = periods
        return self._periods

    # ---------------------------------------------------------------- filters

    def filter_mask(self, flt: EventFilter | None) -> np.ndarray | None:
        """Per slot, whether the event passes ``flt``; None when the filter keeps everything."""
        if flt is None or flt.empty:
            return None
        mask = np.zeros(len(self.ids), bool)
        mask[self.slots_of(filter_ids(self.ws, flt))] = True
        return mask

    # ---------------------------------------------------------------- reloading

    def reload(self) -> None:
        """Read everything again (keeps the lane modes that were built)."""
        modes = list(self._lanes)
        fresh = TimelineData.load(self.ws, now=self.now, lanes=None)
        self.ids, self.start, self.end = fresh.ids, fresh.start, fresh.end
        self.flags, self.alive, self._pos = fresh.flags, fresh.alive, fresh._pos
        self._lanes, self._info, self._periods = {}, OrderedDict(), None
        for mode in modes:
            self.lanes(mode)
        self.version += 1


def filter_ids(ws: Workspace, flt: EventFilter) -> np.ndarray:
    """Ids of the events passing ``flt`` (in no particular order), read in one block."""
    where, params = flt.where()
    text = ws.conn.execute(
        f"SELECT group_concat(e.id) FROM events e WHERE {where}", params
    ).fetchone()[0]
    return _ints(text)


def actor_pairs(ws: Workspace) -> tuple[np.ndarray, np.ndarray]:
    """Every link of an event to an actor as two aligned arrays: event ids, actor ids."""
    events, actors = ws.conn.execute(
        "SELECT group_concat(event_id), group_concat(actor_id) FROM event_actors"
    ).fetchone()
    return _ints(events), _ints(actors)


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


def _read_events(conn: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
            column[done : done + count] = _ints(row.pop(1))[:count]
        done += count
        after = (int(columns[1][done - 1]), int(columns[2][done - 1]), int(columns[0][done - 1]))
    ids, earliest, latest = (column[:done] for column in columns)
    return ids, earliest, latest


def _can_read_aside(ws: Workspace) -> bool:
    return bool(ws.path) and Path(ws.path).is_file() and not ws.conn.in_transaction


def _read_qualified(ws: Workspace, conn: sqlite3.Connection | None = None) -> list[np.ndarray]:
    """Ids, flags and widening (left, right) of the events with qualified dates (~ ? %)."""
    own = conn is None
    if own:
        uri = f"file:{quote(str(Path(ws.path).resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
    try:
        return [_ints(text) for text in conn.execute(QUALIFIED_SQL).fetchone()]
    finally:
        if own:
            conn.close()


def _lane_groups(ws: Workspace, mode: str) -> list[tuple[object, str, str, str]]:
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


def natural_key(name: str) -> list:
    """Sort key that puts "Actor 2" before "Actor 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def tag_colour(tag: str) -> str:
    """A stable palette colour for a tag lane."""
    return palette.PALETTE[zlib.crc32(tag.casefold().encode()) % len(palette.PALETTE)]


def _position_index(ids: np.ndarray) -> np.ndarray:
    """Slot of each event id, as a dense array indexed by id (-1 where there is none)."""
    top = int(ids.max()) + 1 if len(ids) else 1
    pos = np.full(top, -1, np.int32)
    pos[ids] = np.arange(len(ids), dtype=np.int32)
    return pos


# -------------------------------------------------------------- reads for following changes


def event_rows(ws: Workspace, event_ids: Sequence[int]) -> list[tuple[int, str, int, int]]:
    """``(id, when, earliest, latest)`` of the events of ``event_ids`` that still exist."""
    rows = []
    for chunk in range(0, len(event_ids), 900):
        part = list(event_ids[chunk : chunk + 900])
        marks = ",".join("?" * len(part))
        sql = f'SELECT id, "when", earliest, latest FROM events WHERE id IN ({marks})'
        rows += ws.conn.execute(sql, part).fetchall()
    return rows


def memberships(ws: Workspace, mode: str, event_ids: Sequence[int]) -> list[tuple[int, object]]:
    """``(event id, lane key)`` pairs of ``event_ids`` in lane mode 'actor' or 'tag'."""
    pairs = []
    column, table = ("actor_id", "event_actors") if mode == "actor" else ("tag", "event_tags")
    for chunk in range(0, len(event_ids), 900):
        part = list(event_ids[chunk : chunk + 900])
        marks = ",".join("?" * len(part))
        sql = f"SELECT event_id, {column} FROM {table} WHERE event_id IN ({marks})"
        pairs += ws.conn.execute(sql, part).fetchall()
    return pairs


def actor_looks(ws: Workspace) -> dict[int, tuple[str, str]]:
    """Name and drawing colour of every actor, by id."""
    return {
        row[0]: (row[1], palette.actor_colour(row[0], row[2]))
        for row in ws.conn.execute("SELECT id, name, colour FROM actors")
    }
