"""Search, windows and filters: the same answers as a plain query, without reading everything."""

import random

import pytest

from benchmarks import synth
from models import dates, search
from models import operations as op
from models.store import Workspace


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("kyiv", '"kyiv"*'),
        ("power plant", '"power" "plant"*'),
        ('"power plant" kyiv', '"power plant" "kyiv"*'),
        ('"power plant"', '"power plant"'),
        ("NOT OR AND", '"NOT" "OR" "AND"*'),
        ("grid* (x) ^y -z", '"grid" "x" "y" "z"*'),
        ("  ", ""),
        ('"', ""),
        ("Zaporizhzhia's", '"Zaporizhzhia\'s"*'),
    ],
)
def test_typed_text_becomes_a_safe_fts_query(typed, query):
    assert search.fts_query(typed) == query


def test_hostile_search_text_never_raises(demo_ws):
    for text in ['"', "(", "*", "a:b", "NEAR(", "x OR", "^", "\\", "'; DROP TABLE events; --"]:
        search.search_events(demo_ws, text)
        search.filtered_ids(demo_ws, search.EventFilter(text=text))


def test_search_ranks_few_matches(demo_ws):
    page = search.search_events(demo_ws, "wagner")
    assert page.ranked and page.total == len(page.ids) >= 3
    titles = [
        demo_ws.conn.execute("SELECT title FROM events WHERE id = ?", (i,)).fetchone()[0]
        for i in page.ids
    ]
    assert all("Wagner" in t or "Prigozhin" in t for t in titles[:3])


def test_search_stems_words(demo_ws):
    # Porter stemming: "strikes" finds "strike".
    assert (
        search.search_events(demo_ws, "strikes").ids == search.search_events(demo_ws, "strike").ids
    )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "s.annalist"
    synth.make_workspace(path, events=6000, actors=8, seed=5)
    workspace = Workspace.open(path)
    yield workspace
    workspace.close()


def test_frequent_terms_return_a_first_page_unranked(synthetic):
    page = search.search_events(synthetic, "officials", limit=50)
    assert len(page.ids) == 50 and page.total is None and not page.ranked
    second = search.search_events(synthetic, "officials", limit=50, offset=50)
    assert not set(page.ids) & set(second.ids)


def test_windows_match_the_plain_overlap_query(synthetic):
    rng = random.Random(11)
    low, high = dates.parse("1990").earliest, dates.parse("2025").latest
    for _ in range(150):
        start = rng.randrange(low, high)
        end = start + rng.choice([60, 86400, 40 * 86400, 500 * 86400, 4000 * 86400, 20000 * 86400])
        expected = [
            r[0]
            for r in synthetic.conn.execute(
                "SELECT id FROM events WHERE earliest <= ? AND latest >= ? ORDER BY earliest, latest, id",
                (end, start),
            )
        ]
        assert search.window(synthetic, start, end) == expected
        assert search.count(synthetic, search.EventFilter(start=start, end=end)) == len(expected)


def test_combined_filters_match_a_plain_query(synthetic):
    start, end = dates.parse("2000").earliest, dates.parse("2004").latest
    flt = search.EventFilter(
        text="port", start=start, end=end, actor_ids=(1, 2), tags=("energy",), min_confidence=2
    )
    expected = [
        r[0]
        for r in synthetic.conn.execute(
            """SELECT id FROM events e WHERE earliest <= ? AND latest >= ? AND confidence >= 2
           AND id IN (SELECT event_id FROM event_actors WHERE actor_id IN (1, 2))
           AND id IN (SELECT event_id FROM event_tags WHERE tag = 'energy')
           AND id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH '"port"*')
           ORDER BY earliest, latest, id""",
            (end, start),
        )
    ]
    assert expected, "the fixture should have matches"
    assert search.filtered_ids(synthetic, flt) == expected
    assert search.count(synthetic, flt) == len(expected)
    by_title = search.filtered_ids(synthetic, flt, order="title")
    assert sorted(by_title) == sorted(expected)


def test_windows_include_open_ended_and_long_events(ws):
    op.add_event(ws, "Ongoing occupation", "2014-02-27/..")
    op.add_event(ws, "Decade-long dispute", "2010/2019")
    op.add_event(ws, "A day", "2024-11-14")
    window = dates.parse("2024-11")
    titles = [
        ws.conn.execute("SELECT title FROM events WHERE id = ?", (i,)).fetchone()[0]
        for i in search.window(ws, window.earliest, window.latest)
    ]
    assert titles == ["Ongoing occupation", "A day"]


def test_source_filter_and_event_ids(demo_ws):
    source = demo_ws.conn.execute("SELECT source_id FROM event_sources LIMIT 1").fetchone()[0]
    ids = search.filtered_ids(demo_ws, search.EventFilter(source_id=source))
    assert ids and all(
        demo_ws.conn.execute(
            "SELECT 1 FROM event_sources WHERE event_id = ? AND source_id = ?", (i, source)
        ).fetchone()
        for i in ids
    )
    assert search.filtered_ids(demo_ws, search.EventFilter(event_ids=(3, 1))) == [1, 3]
    assert search.filtered_ids(demo_ws, search.EventFilter(event_ids=())) == []
