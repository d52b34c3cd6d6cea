"""Pack definitions: JSON round trips, saving in the workspace, scopes and their filters."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from briefings import Briefing, Pack, Scope, load_pack, save_pack, saved_packs
from briefings.definition import ScopeError, dtg, ordered_sections
from models import operations, queries, search
from models.search import EventFilter


def test_pack_round_trips_through_json():
    pack = Pack(
        title="R&D <draft>",
        subtitle="Sub",
        author="A",
        organisation="O",
        date="2024-11-18",
        marking="ORG EYES ONLY",
        page_size="Letter",
        contents=False,
        briefings=[
            Briefing(
                "One",
                Scope(
                    start="2024-01",
                    end="14 Nov 2024",
                    actor_ids=[1, 2],
                    tags=["grain"],
                    min_confidence="moderate",
                ),
                "**KJ**",
                ["sources", "chronology"],
            ),
            Briefing("Two", Scope(last_days=30, event_ids=[5, 6])),
        ],
    )
    again = Pack.from_dict(json.loads(json.dumps(pack.to_dict())))
    assert again == pack
    assert pack.to_dict()["format"] == 1


def test_unknown_keys_and_sections_are_ignored():
    pack = Pack.from_dict(
        {
            "title": "T",
            "colour": "red",
            "briefings": [{"sections": ["cover", "chronology", "gossip"]}],
        }
    )
    assert pack.briefings[0].sections == ["chronology"]


def test_saved_in_the_workspace_and_rebuilt(writable_ws):
    pack = Pack(title="Daily", briefings=[Briefing(scope=Scope(last_days=7))])
    change = save_pack(writable_ws, "Daily pack", pack)
    briefing_id = change.first_added("briefings")
    name, loaded = load_pack(writable_ws, briefing_id)
    assert (name, loaded) == ("Daily pack", pack)
    pack.title = "Daily (v2)"
    edit = save_pack(writable_ws, "Daily pack", pack, briefing_id=briefing_id)
    assert [(n, p.title) for _, n, p in saved_packs(writable_ws)] == [("Daily pack", "Daily (v2)")]
    operations.revert(writable_ws, edit)  # undo
    assert [p.title for _, _, p in saved_packs(writable_ws)] == ["Daily"]


def test_window_bounds_cover_whole_units():
    start, end = Scope(start="2024-03", end="2024").window()
    assert start == dt.datetime(2024, 3, 1, tzinfo=dt.UTC).timestamp()
    assert end == dt.datetime(2024, 12, 31, 23, 59, 59, tzinfo=dt.UTC).timestamp()
    assert Scope(start="14 Nov 2024").window() == (
        dt.datetime(2024, 11, 14, tzinfo=dt.UTC).timestamp(),
        None,
    )


def test_last_days_moves_with_the_pack_date():
    scope = Scope(last_days=7)
    start, end = scope.window(dt.date(2024, 11, 18))
    assert end == dt.datetime(2024, 11, 18, 23, 59, 59, tzinfo=dt.UTC).timestamp()
    assert start == dt.datetime(2024, 11, 12, tzinfo=dt.UTC).timestamp()
    assert scope.window(dt.date(2024, 11, 19))[0] == start + 86400


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        (Scope(start="soon"), "Cannot read the start"),
        (Scope(end="2024-02-30"), "Cannot read the end"),
        (Scope(start="2025", end="2024"), "swap the dates"),
        (Scope(min_confidence="certain"), "not one of low, moderate or high"),
    ],
)
def test_bad_scopes_say_what_is_wrong(scope, words):
    with pytest.raises(ScopeError, match=words):
        scope.to_filter()


def test_scope_from_a_view_filter_finds_the_same_events(realistic_ws):
    russia = queries.find_actor(realistic_ws, "Russia").id
    start = int(dt.datetime(2023, 1, 1, tzinfo=dt.UTC).timestamp())
    end = int(dt.datetime(2024, 6, 30, 23, 59, 59, tzinfo=dt.UTC).timestamp())
    view = EventFilter(start=start, end=end, actor_ids=(russia,), min_confidence=2)
    scope = Scope.from_filter(view)
    assert (scope.start, scope.end) == ("2023-01-01", "2024-06-30")
    assert scope.min_confidence == "moderate"
    expected = search.filtered_ids(realistic_ws, view)
    assert expected and search.filtered_ids(realistic_ws, scope.to_filter()) == expected
    odd = Scope.from_filter(EventFilter(start=start + 3600, end=end - 7200))
    assert odd.start == "2023-01-01T01:00Z"
    assert odd.to_filter().start == start + 3600


def test_describe_reads_like_a_sentence(realistic_ws):
    russia = queries.find_actor(realistic_ws, "Russia").id
    scope = Scope(
        start="2023",
        end="2024-06",
        actor_ids=[russia],
        tags=["grain"],
        min_confidence="high",
        text="corridor",
    )
    assert scope.describe(realistic_ws) == (
        "2023 to Jun 2024; actors: Russia; tags: grain; confidence high or higher; "
        "matching “corridor”"
    )
    assert Scope().describe(realistic_ws) == "all dates"


def test_dtg():
    assert dtg(dt.datetime(2024, 11, 14, 18, 30, tzinfo=dt.UTC)) == "141830Z NOV 24"
    assert (
        dtg(dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=2))))
        == "020104Z JAN 24"
    )


def test_ordered_sections_keeps_the_first_of_each():
    assert ordered_sections(["sources", "x", "sources", "timeline"]) == ["sources", "timeline"]
