"""Per-lane column counts for density strips, cached per zoom level.

Columns sit on a grid fixed by the zoom (column ``k`` covers ``[k*spp, (k+1)*spp)``), so a
repaint at the same zoom reuses the counts, and panning only counts the columns that come into
view. Lanes are counted in a small thread pool: numpy releases the GIL in ``searchsorted``.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

_POOL: ThreadPoolExecutor | None = None
KEEP = 4  # keep at most this many plot widths of columns per lane


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(
            max(1, min(4, os.cpu_count() or 1)), thread_name_prefix="density"
        )
    return _POOL


def edges(first: int, last: int, spp: float) -> np.ndarray:
    """Column edges (int64 seconds) of grid columns ``first..last`` (``last`` exclusive)."""
    return np.floor(np.arange(first, last + 1, dtype=np.float64) * spp).astype(np.int64)


class DensityCache:
    """Counts per tier and column for each lane, for one zoom level and one state of the data."""

    def __init__(self):
        self.key = None
        self._lanes: dict = {}  # lane id -> (first column, counts array (tiers, n))

    def columns(
        self, key, lanes: list, first: int, width: int, spp: float, parallel: bool = True
    ) -> list[np.ndarray]:
        """Counts (tiers x ``width``) of grid columns ``first..first+width`` for each lane.

        ``key`` names the zoom and the data (spp, data version, filter, lane mode): when it
        changes everything is counted afresh. ``parallel`` allows threads (worth it only when
        many events are in view: binary searches over a narrow window stay in cache).
        """
        if key != self.key:
            self.key, self._lanes = key, {}
        last = first + width
        jobs = []
        for lane in lanes:
            cached = self._lanes.get(id(lane))
            if cached is not None and cached[0] <= first and cached[0] + cached[1].shape[1] >= last:
                continue
            jobs.append((lane, cached))
        if jobs:
            work = [(lane, *self._missing(cached, first, last, width)) for lane, cached in jobs]
            if parallel and len(work) > 1:
                results = list(_pool().map(lambda job: _count(job[0], job[1], spp), work))
            else:
                results = [_count(lane, ranges, spp) for lane, ranges, _extend in work]
            for (lane, cached), (_lane, _ranges, extend), parts in zip(
                jobs, work, results, strict=True
            ):
                self._lanes[id(lane)] = _merge(cached if extend else None, parts)
        out = []
        for lane in lanes:
            start, counts = self._lanes[id(lane)]
            out.append(counts[:, first - start : last - start])
        return out

    @staticmethod
    def _missing(cached, first: int, last: int, width: int) -> tuple[list[tuple[int, int]], bool]:
        """Column ranges to count, and whether they extend the cached block (else replace it)."""
        if cached is None:
            return [(first, last)], False
        start = cached[0]
        end = start + cached[1].shape[1]
        if last < start or first > end or (end - start) > KEEP * width:
            return [(first, last)], False
        ranges = []
        if first < start:
            ranges.append((first, start))
        if last > end:
            ranges.append((end, last))
        return ranges, True


def _count(lane, ranges: list[tuple[int, int]], spp: float) -> list[tuple[int, np.ndarray]]:
    return [(a, lane.column_tiers(edges(a, b, spp))) for a, b in ranges]


def _merge(cached, parts: list[tuple[int, np.ndarray]]) -> tuple[int, np.ndarray]:
    """The cached block extended by ``parts`` (or the single fresh part when nothing is cached)."""
    if cached is None:
        return parts[0]
    start, counts = cached
    for a, block in parts:
        if a < start:
            counts = np.concatenate([block, counts], axis=1)
            start = a
        else:
            counts = np.concatenate([counts, block], axis=1)
    return start, counts


def first_column(t0: float, spp: float) -> int:
    """The grid column drawn at the plot's left edge."""
    return int(math.floor(t0 / spp + 0.5))
