"""The overview band counts columns by binary search after a load, and by a full pass after
a change: the two must agree to the event, boundaries included."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from ui.timeline.overview import (
    column_counts,
    column_counts_sorted,
    column_starts,
    sorted_bounds,
)


def fake_data(starts: np.ndarray, ends: np.ndarray, alive: np.ndarray | None = None):
    alive = np.ones(len(starts), bool) if alive is None else alive
    return SimpleNamespace(start=starts, end=ends, alive=alive, slot_count=len(starts))


@pytest.mark.parametrize("seed", range(6))
def test_binary_search_counts_equal_the_full_pass(seed):
    rng = np.random.default_rng(seed)
    first, last = 631_152_000, 1_767_139_200  # 1990 to 2026
    span = (first - 0.02 * (last - first), last + 0.02 * (last - first) + rng.random() * 1e5)
    width = int(rng.integers(50, 1700))
    edges = column_starts(span, width)
    n = 5000
    starts = rng.integers(first, last, n)
    # events exactly on, and a second before, the first second of some columns
    picks = rng.integers(0, width + 1, 400)
    starts[:400] = edges[picks] - rng.integers(0, 2, 400)
    ends = starts + rng.choice([0, 59, 86_399, 40 * 86_400, 3 * 365 * 86_400], n)
    ends[400:800] = edges[rng.integers(0, width + 1, 400)] - rng.integers(0, 2, 400)
    ends = np.maximum(ends, starts)
    # and some beyond the band on either side (they count in its first or last column)
    starts[800:850], ends[800:850] = first - 4 * 10**8, first - 3 * 10**8
    starts[850:900], ends[850:900] = last + 3 * 10**8, last + 4 * 10**8
    alive = rng.random(n) > 0.1
    data = fake_data(starts.astype(np.int64), ends.astype(np.int64), alive)
    assert (
        column_counts_sorted(*sorted_bounds(data), span, width) == column_counts(data, span, width)
    ).all()


def test_column_starts_are_the_first_second_of_each_column():
    span, width = (1.0e9 + 0.3, 1.7e9 + 0.9), 977
    scale = width / (span[1] - span[0])
    first = column_starts(span, width)
    assert (np.floor((first - span[0]) * scale) >= np.arange(width + 1)).all()
    assert (np.floor((first - 1 - span[0]) * scale) < np.arange(width + 1)).all()
