"""The timeline's arrays: loading, drawn bounds, lanes, counting, windows, following changes."""

from __future__ import annotations

import random

import numpy as np
import pytest

from models import dates, operations, palette, timeline_reads
from models import timeline as tl
from models.search import EventFilter
from models.timeline_lanes import TIER_LIMITS, TIERS

WHENS = [
    "2019",
    "2019~",
    "2019?",
    "2019%",
    "2023-09",
    "2023-09~",
    "2024-02%",
    "2024-11-14",
    "2024-11-14~",
    "2024-11-14T06:30Z",
    "2024-11-14T06:30~",
    "2024-11-14T06:30:15+02:00",
    "2024-11-14T06:30:15%",
    "2024-08-06/2024-11",
    "2024-08-06~/2024-11",
    "2024-08-06/2024-11~",
    "2021-10~/2022-02-23",
    "2019~/2020?",
    "2024-08-06/..",
    "2024-08~/..",
    "../2024-11",
    "2024-W46",
]


def add(ws, title, when, actors=(), tags=()):
    return operations.add_event(ws, title, when, actors=list(actors), tags=list(tags)).first_added(
        "events"
    )


@pytest.fixture
def actors(ws):
    return [
        operations.add_actor(ws, name).first_added("actors")
        for name in ("Russia", "Ukraine", "Mali")
    ]


def test_drawn_bounds_and_flags_follow_the_palette_rules(ws):
    ids = {add(ws, f"Event {n}", when): when for n, when in enumerate(WHENS)}
    now = dates.parse("2026-01-01").earliest
    data = tl.TimelineData.load(ws, now=now)
    assert len(data) == len(WHENS)
    for event_id, when in ids.items():
        parsed = dates.parse(when)
        slot = data.slot_of(event_id)
        start, end = palette.drawn_bounds(parsed)
        if parsed.open_end:
            assert data.flags[slot] & tl.OPEN_END
            end = now
        if parsed.open_start:
            assert data.flags[slot] & tl.OPEN_START
            start = int(data.start[slot])  # drawn from the first event on
            assert start <= parsed.latest
        assert (int(data.start[slot]), int(data.end[slot])) == (start, end), when
        assert bool(data.flags[slot] & tl.APPROXIMATE) == parsed.approximate, when
        assert bool(data.flags[slot] & tl.UNCERTAIN) == parsed.uncertain, when
        assert data.opacity(slot) == palette.opacity(parsed), when


def test_slot_order_is_drawn_start_order(ws):
    # "c. 2019" starts half a year before 2019: it must sort before "2019-01-05".
    add(ws, "Early day", "2019-01-05")
    add(ws, "About 2019", "2019~")
    data = tl.TimelineData.load(ws)
    assert list(data.start) == sorted(data.start)
    lane = data.lanes("single")[0]
    assert [int(data.ids[s]) for s in lane.visible(0, 2**40, data)] == [2, 1]


def test_actor_lanes_hold_each_event_once_per_actor(ws, actors):
    russia, ukraine, mali = actors
    both = add(ws, "Talks", "2022-03-01", [russia, ukraine])
    alone = add(ws, "Strike", "2022-03-02", [ukraine])
    nobody = add(ws, "Flood", "2022-03-03")
    data = tl.TimelineData.load(ws)
    lanes = {lane.key: lane for lane in data.lanes("actor")}
    assert set(lanes) == {russia, ukraine, None}  # Mali has no events: no lane
    assert lanes[None].name == "No actor"
    members = {key: sorted(int(data.ids[s]) for s in lane.slots) for key, lane in lanes.items()}
    assert members == {russia: [both], ukraine: [both, alone], None: [nobody]}
    assert data.lane_keys_of(both, "actor") == [ukraine, russia]  # in lane order: busiest first


def test_tag_and_single_lanes(ws):
    add(ws, "A", "2022-01-01", tags=["strike", "maritime"])
    add(ws, "B", "2022-01-02", tags=["strike"])
    add(ws, "C", "2022-01-03")
    data = tl.TimelineData.load(ws, lanes=None)
    tags = {lane.name: len(lane) for lane in data.lanes("tag")}
    assert tags == {"maritime": 1, "strike": 2, "No tag": 1}
    single = data.lanes("single")
    assert [len(lane) for lane in single] == [3]
    with pytest.raises(ValueError):
        data.lanes("colour")


def test_lanes_sort_by_name_naturally(ws):
    for name in ("Actor 10", "Actor 2", "actor 1"):
        actor = operations.add_actor(ws, name).first_added("actors")
        add(ws, f"By {name}", "2022-01-01", [actor])
    data = tl.TimelineData.load(ws)
    assert [lane.name for lane in data.lanes("actor")] == ["actor 1", "Actor 2", "Actor 10"]


def random_lane_data(ws, count: int, seed: int = 3) -> tl.TimelineData:
    """A workspace of ``count`` events of every precision, some long, some ongoing."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        year, month, day = rng.randrange(2000, 2010), rng.randrange(1, 13), rng.randrange(1, 28)
        kind = rng.random()
        if kind < 0.5:
            when = f"{year}-{month:02d}-{day:02d}"
        elif kind < 0.6:
            when = f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z"
        elif kind < 0.75:
            when = f"{year}-{month:02d}" + rng.choice(["", "~", "?"])
        elif kind < 0.85:
            when = f"{year}" + rng.choice(["", "~", "%"])
        elif kind < 0.97:
            when = f"{year}-{month:02d}-{day:02d}/{year + rng.randrange(0, 3)}-12"
        else:
            when = f"{year}-{month:02d}-{day:02d}/.."
        parsed = dates.parse(when)
        rows.append((n + 1, f"Event {n}", parsed.edtf(), parsed.earliest, parsed.latest, "x", "x"))
    with ws.bulk() as conn:
        conn.executemany(
            'INSERT INTO events (id, title, "when", earliest, latest, created, updated) VALUES (?,?,?,?,?,?,?)',
            rows,
        )
    return tl.TimelineData.load(ws, now=dates.parse("2012-01-01").earliest, lanes=None)


def test_counts_and_windows_match_brute_force(ws):
    data = random_lane_data(ws, 3000)
    lane = data.lanes("single")[0]
    assert len(lane) == 3000
    start, end = data.start, data.end
    rng = random.Random(5)
    for _ in range(60):
        t0 = rng.randrange(dates.parse("1999").earliest, dates.parse("2012").earliest)
        t1 = t0 + rng.choice([60, 3600, 86400, 30 * 86400, 400 * 86400, 4000 * 86400])
        expected = np.flatnonzero((start <= t1) & (end >= t0))
        assert lane.count(t0, t1) == len(expected)
        found = lane.visible(t0, t1, data)
        assert sorted(found.tolist()) == sorted(expected.tolist())
        assert list(start[found]) == sorted(start[found])  # by drawn start
        edges = np.linspace(t0, t1, 41).astype(np.int64)
        columns = lane.column_tiers(edges)
        assert columns.shape == (len(TIER_LIMITS), 40)
        for c in (0, 17, 39):
            inside = (start < edges[c + 1]) & (end >= edges[c])
            assert columns[:, c].sum() == inside.sum()
            durations = end[inside] - start[inside]
            tiers = np.searchsorted(np.array(TIERS), durations, "left")
            assert list(columns[:, c]) == [int((tiers == k).sum()) for k in range(len(TIER_LIMITS))]


def test_filter_mask_and_subset(ws, actors):
    russia, ukraine, _mali = actors
    a = add(ws, "Ceasefire talks", "2022-03-01", [russia, ukraine])
    add(ws, "Shelling", "2022-03-02", [ukraine])
    data = tl.TimelineData.load(ws)
    assert data.filter_mask(None) is None and data.filter_mask(EventFilter()) is None
    mask = data.filter_mask(EventFilter(text="ceasefire"))
    assert [int(data.ids[s]) for s in np.flatnonzero(mask)] == [a]
    lane = next(lane for lane in data.lanes("actor") if lane.key == ukraine)
    assert len(lane) == 2 and len(lane.subset(mask, data)) == 1


def test_details_are_fetched_lazily_and_cached(ws, actors):
    event = add(ws, "Talks", "2023-09~", [actors[1]])
    data = tl.TimelineData.load(ws)
    assert not data._info
    info = data.details([data.slot_of(event)])[data.slot_of(event)]
    assert (info.title, info.when, info.human, info.actor_id) == (
        "Talks",
        "2023-09~",
        "c. Sep 2023",
        actors[1],
    )
    assert event in data._info


def test_periods_stack_in_rows(ws):
    operations.add_period(ws, "Offensive", "2022-02-24/2022-05")
    operations.add_period(ws, "Siege", "2022-03/2022-05-20")
    operations.add_period(ws, "Winter", "2022-12/2023-02")
    data = tl.TimelineData.load(ws)
    assert [(p.name, p.row) for p in data.periods()] == [
        ("Offensive", 0),
        ("Siege", 1),
        ("Winter", 0),
    ]


def test_events_load_in_blocks_without_losing_or_repeating_any(ws, monkeypatch):
    monkeypatch.setattr(timeline_reads, "EVENTS_BLOCK", 7)
    ids = [add(ws, f"Same day {n}", "2022-03-01") for n in range(20)]
    ids += [add(ws, f"Other {n}", f"2022-03-{2 + n % 5:02d}") for n in range(13)]
    data = tl.TimelineData.load(ws)
    assert sorted(data.ids.tolist()) == sorted(ids)
    assert list(data.start) == sorted(data.start)
