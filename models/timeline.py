"""The timeline's data: a workspace's events as numpy arrays, grouped into lanes. No Qt.

:class:`TimelineData` holds per event (in a *slot*) its id, its *drawn* bounds (``earliest`` and
``latest`` widened for approximate dates by the rules of :mod:`models.palette`) and flags;
titles and dates are fetched lazily, only for events drawn one by one (``details``). Slots
never move: an edited event keeps its slot, a deleted one is marked dead, a new one is
appended (``ui.timeline.follow`` does that when a Change arrives).

A :class:`~models.timeline_lanes.Lane` (an actor, a tag, or everything) splits its members into
duration tiers, each with sorted starts and sorted ends, so a frame's two questions are binary
searches: how many events overlap each pixel column (O(width x log n), however many are in view)
and which overlap a window. Loading (:mod:`models.timeline_reads`) reads covering indexes in
blocks concatenated by SQLite, so Python never loops over a million rows; the one table scan,
for the few qualified dates, runs beside it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from models import dates, palette
from models import timeline_reads as reads
from models.search import EventFilter
from models.store import Workspace
from models.timeline_lanes import Lane, natural_key

APPROXIMATE = 1
UNCERTAIN = 2
OPEN_END = 4
OPEN_START = 8

LANE_MODES = ("actor", "tag", "single")


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
            qualified = pool.submit(reads.read_qualified, ws) if reads.can_read_aside(ws) else None
            ids, start, end = reads.read_events(conn)
            count = len(ids)
            groups = reads.lane_groups(ws, lanes) if lanes in ("actor", "tag") else None
            try:
                q_ids, bits, lpad, rpad = (
                    qualified.result() if qualified else reads.read_qualified(ws, conn)
                )
            except sqlite3.Error:  # a second connection was refused: read it on this one
                q_ids, bits, lpad, rpad = reads.read_qualified(ws, conn)
        flags = np.zeros(count, np.uint8)
        data = cls(ws, ids, start, end, flags, np.ones(count, bool), now)
        data._pos = reads.position_index(ids)
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
            data._pos = reads.position_index(data.ids)
        if lanes:
            data._lanes[lanes] = data._build_lanes(lanes, groups)
        del groups
        reads.release_free_memory()
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
            groups = reads.lane_groups(self.ws, mode)
        lanes, covered = [], np.zeros(len(self.ids), bool)
        for key, name, colour, text in groups:
            slots = self.slots_of(reads.ints(text))
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
        sql = (
            'SELECT e.id, e.title, e."when", (SELECT min(actor_id) FROM event_actors a '
            "WHERE a.event_id = e.id) FROM events e WHERE e.id IN ({marks})"
        )
        for event_id, title, when, actor_id in reads.rows_for_ids(self.ws.conn, sql, missing):
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
            self._colours = {key: look[1] for key, look in reads.actor_looks(self.ws).items()}
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
        mask[self.slots_of(reads.filter_ids(self.ws, flt))] = True
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
