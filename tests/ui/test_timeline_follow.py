"""Following models Changes on the timeline's arrays without reloading them."""

from __future__ import annotations

import pytest

from models import dates, operations
from models import timeline as tl
from models.store import Workspace
from ui.timeline import follow


@pytest.fixture
def blank(tmp_path):
    """An empty workspace (tests/ui's ``ws`` fixture holds the window's sample content)."""
    workspace = Workspace.open(tmp_path / "blank.annalist")
    yield workspace
    workspace.close()


def add(ws, title, when, actors=()):
    return operations.add_event(ws, title, when, actors=list(actors)).first_added("events")


@pytest.fixture
def actors(blank):
    return [
        operations.add_actor(blank, n).first_added("actors") for n in ("Russia", "Ukraine", "Mali")
    ]


def test_following_changes_moves_events_between_places_and_lanes(blank, actors):
    russia, ukraine, mali = actors
    event = add(blank, "Talks", "2022-03-01", [russia])
    other = add(blank, "Other", "2022-04-01", [ukraine])
    data = tl.TimelineData.load(blank)
    version = data.version
    slot = data.slot_of(event)

    change = operations.update_event(blank, event, when="2023-09")
    assert follow.apply(data, change)
    assert data.slot_of(event) == slot  # edits keep their slot
    assert (int(data.start[slot]), int(data.end[slot])) == (
        dates.parse("2023-09").earliest,
        dates.parse("2023-09").latest,
    )
    lane = next(lane for lane in data.lanes("actor") if lane.key == russia)
    september = dates.parse("2023-09-15").earliest
    assert lane.visible(september, september, data).tolist() == [slot]
    assert lane.count(dates.parse("2022-03").earliest, dates.parse("2022-03").latest) == 0
    assert data.version > version

    follow.apply(data, operations.set_event_actors(blank, event, [mali]))
    keys = {lane.key: [int(data.ids[s]) for s in lane.slots] for lane in data.lanes("actor")}
    assert keys == {ukraine: [other], mali: [event]}  # Russia's lane is empty and gone

    added = operations.add_event(blank, "New", "2024-01-01", actors=[ukraine])
    follow.apply(data, added)
    new = added.first_added("events")
    assert data.lane_keys_of(new, "actor") == [ukraine]

    removed = operations.delete_events(blank, [other])
    follow.apply(data, removed)
    assert data.slot_of(other) is None and len(data) == 2
    follow.apply(data, operations.revert(blank, removed))
    assert data.lane_keys_of(other, "actor") == [ukraine] and len(data) == 3


def test_big_changes_reload(blank, monkeypatch):
    data = tl.TimelineData.load(blank)
    monkeypatch.setattr(follow, "REFRESH_LIMIT", 2)
    change = operations.add_events(blank, [{"title": f"E{n}", "when": "2020"} for n in range(3)])
    assert follow.apply(data, change) is False
    assert len(data) == 3


def test_renamed_actors_and_new_periods_show(blank, actors):
    add(blank, "Talks", "2022-03-01", [actors[0]])
    data = tl.TimelineData.load(blank)
    follow.apply(
        data, operations.update_actor(blank, actors[0], name="Russian Federation", colour="#123456")
    )
    assert [(lane.name, lane.colour) for lane in data.lanes("actor")] == [
        ("Russian Federation", "#123456")
    ]
    assert data.periods() == []
    follow.apply(data, operations.add_period(blank, "Offensive", "2022-02-24/2022-05"))
    assert [p.name for p in data.periods()] == ["Offensive"]
