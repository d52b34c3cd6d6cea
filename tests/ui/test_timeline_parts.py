"""The timeline's pure parts: time scale, axis ticks, item placement, snapping a dragged date."""

from __future__ import annotations

import calendar

import pytest

from models import dates, operations
from models import timeline as tl
from models.store import Workspace
from ui.timeline import axis, density, layout
from ui.timeline.scale import MIN_WINDOW, TimeScale
from ui.timeline.snapping import shift_when


@pytest.fixture
def blank(tmp_path):
    """An empty workspace (tests/ui's ``ws`` fixture holds the window's sample content)."""
    workspace = Workspace.open(tmp_path / "blank.annalist")
    yield workspace
    workspace.close()


def utc(*parts: int) -> int:
    return calendar.timegm((*parts, 1, 1, 0, 0, 0)[:3] + (*parts[3:], 0, 0, 0)[:3])


def test_zoom_at_keeps_the_moment_under_the_pointer():
    scale = TimeScale(left=100, width=1000)
    scale.set_window(utc(2020), utc(2024))
    for x, factor in ((150, 2.0), (900, 0.5), (600, 10.0), (101, 1.3)):
        before = scale.t(x)
        span = scale.t1 - scale.t0
        scale.zoom_at(x, factor)
        assert scale.t(x) == pytest.approx(before, abs=scale.spp)
        assert scale.t1 - scale.t0 == pytest.approx(span / factor)


def test_zoom_is_limited_to_minutes_and_millennia():
    scale = TimeScale(left=0, width=800)
    scale.set_window(utc(2020), utc(2021))
    for _ in range(60):
        scale.zoom_at(400, 4.0)
    assert scale.t1 - scale.t0 == pytest.approx(MIN_WINDOW)
    for _ in range(60):
        scale.zoom_at(400, 0.25)
    assert scale.t0 >= dates.OPEN_START - (scale.t1 - scale.t0)


@pytest.mark.parametrize(
    ("span", "minor", "major"),
    [
        (3 * 3600, "minute", "day"),
        (3 * 86400, "hour", "day"),
        (60 * 86400, "day", "month"),
        (3 * 365 * 86400, "month", "year"),
        (25 * 365 * 86400, "year", "decade"),
        (60 * 365 * 86400, "year", "century"),
        (900 * 365 * 86400, "year", "millennium"),
    ],
)
def test_axis_adapts_from_minutes_to_centuries(span, minor, major):
    name, _step, major_unit = axis.choose(span / 1400)
    assert (name, major_unit) == (minor, major)


def test_axis_labels_two_tiers():
    t0, t1 = utc(2024, 1, 1), utc(2025, 1, 1)
    ticks = axis.ticks(t0, t1, (t1 - t0) / 1400)
    assert [t.label for t in ticks.minor][:3] == ["Jan", "Feb", "Mar"]
    assert "2024" in [t.label for t in ticks.major]
    hours = axis.ticks(utc(2024, 11, 14, 6), utc(2024, 11, 14, 9), 10800 / 1400)
    assert "06:30" in [t.label for t in hours.minor]
    assert "Thu 14 Nov 2024" in [t.label for t in hours.major]


def test_labels_do_not_overlap_and_crowded_items_are_hidden():
    items = [(n, 10.0 + n * 40, 10.0 + n * 40, 120.0) for n in range(20)]
    placed, hidden = layout.place(items, rows=2, left=0, right=2000)
    by_row: dict[int, list] = {}
    for spot in placed:
        by_row.setdefault(spot.row, []).append(spot)
    for spots in by_row.values():
        for a, b in zip(spots, spots[1:], strict=False):
            end = a.label_x + a.label_room if a.label_room and not a.inside else a.x1
            assert end + layout.GAP <= b.x0 + 1e-9  # a label stops before the next item
    assert len(placed) + len(hidden) == 20
    lonely, none_hidden = layout.place([(1, 50.0, 50.0, 300.0)], rows=1, left=0, right=200)
    assert not none_hidden and lonely[0].label_room <= 200 - lonely[0].label_x  # cut at the edge


@pytest.mark.parametrize(
    ("when", "days", "expected"),
    [
        ("2023-09", 40, "2023-10"),
        ("2023-09", 5, None),
        ("2023-09~", -62, "2023-07~"),
        ("2019~", 400, "2020~"),
        ("2024-01-31", 30, "2024-03-01"),
        ("2024-11-14T06:30Z", 1 / 24, "2024-11-14T07:30Z"),
        ("2024-08-06/2024-11", 31, "2024-09-06/2024-12"),
        ("2024-08-06/..", -2, "2024-08-04/.."),
        ("2024-01-31/2024-03", 30, "2024-02-29/2024-04"),
    ],
)
def test_a_dragged_date_snaps_to_its_precision(when, days, expected):
    assert shift_when(when, days * 86400) == expected


def test_a_date_cannot_be_dragged_out_of_the_calendar():
    with pytest.raises(dates.DateError):
        shift_when("9999-06", 365 * 86400)


def test_density_counts_are_reused_and_extended_while_panning(blank):
    actors = [operations.add_actor(blank, name).first_added("actors") for name in ("A", "B")]
    for day in range(1, 29):
        operations.add_event(
            blank, f"Day {day}", f"2022-02-{day:02d}", actors=actors[: 1 + day % 2]
        )
    data = tl.TimelineData.load(blank)
    lanes = data.lanes("actor")
    cache, spp = density.DensityCache(), 6 * 3600.0
    first = density.first_column(utc(2022, 2, 1), spp)

    def fresh(lane, start):
        return lane.column_tiers(density.edges(start, start + 40, spp))

    for start in (first, first + 7, first - 5, first + 300):  # new, pan right, left, far
        counted = cache.columns("zoom", lanes, start, 40, spp)
        assert all((c == fresh(lane, start)).all() for c, lane in zip(counted, lanes, strict=True))
    assert sum(int(c.sum()) for c in cache.columns("zoom", lanes, first, 112, spp)) > 0
