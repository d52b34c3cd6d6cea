"""The timeline's lanes: an actor's, a tag's or all events, split into duration tiers.

Each tier keeps its members' slots and drawn starts sorted by start, and their drawn ends
sorted, so a frame's two questions are binary searches (see :class:`Lane`). Slots and drawn
bounds come from :class:`models.timeline.TimelineData`. No Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from models.timeline import TimelineData


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


def natural_key(name: str) -> list:
    """Sort key that puts "Actor 2" before "Actor 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]
