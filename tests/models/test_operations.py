"""Operations: one transaction each, a precise change record, and exact undo/redo."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import operations as op
from models import queries
from models.dates import DateError
from models.errors import DuplicateError, NotFound, ValidationError
from tests.helpers import snapshot


def add_actor(ws, name, kind="state", **fields):
    return op.add_actor(ws, name, kind, **fields).first_added("actors")


@pytest.fixture
def filled(ws):
    ua = add_actor(ws, "Ukraine", aliases=["Kyiv"])
    ru = add_actor(ws, "Russia", aliases=["Moscow"])
    rf = add_actor(ws, "Russian Federation")
    src = op.add_source(
        ws, title="Wire story", text="Missiles hit the grid.", reliability="B"
    ).first_added("sources")
    event = op.add_event(
        ws,
        "Strike on power plant",
        "2024-11-14",
        actors=[(rf, "initiator"), (ua, "target")],
        sources=[
            {
                "source_id": src,
                "quote": "Missiles hit the grid.",
                "char_start": 0,
                "char_end": 22,
                "credibility": 2,
            }
        ],
        tags=["energy", "strikes"],
        confidence="moderate",
        location="Kyiv",
    ).first_added("events")
    return {"ua": ua, "ru": ru, "rf": rf, "src": src, "event": event}


def assert_round_trip(ws, run):
    """Apply an operation, undo it, redo it: each step lands exactly where it should."""
    before = snapshot(ws)
    change = run()
    after = snapshot(ws)
    assert after != before, "the operation changed nothing"
    undo = op.revert(ws, change)
    assert snapshot(ws) == before
    redo = op.revert(ws, undo)
    assert snapshot(ws) == after
    op.revert(ws, redo)
    assert snapshot(ws) == before
    return change


def test_add_event_records_links(ws, filled):
    event = queries.get_event(ws, filled["event"])
    assert event.when == "2024-11-14" and event.human_when == "14 Nov 2024"
    assert [(a.name, a.role) for a in event.actors] == [
        ("Russian Federation", "initiator"),
        ("Ukraine", "target"),
    ]
    assert (
        event.citations[0].quote == "Missiles hit the grid." and event.citations[0].credibility == 2
    )
    assert event.confidence == "moderate" and event.tags == ["energy", "strikes"]


@pytest.mark.parametrize(
    "name",
    [
        "add_event",
        "edit_title",
        "edit_date",
        "multi_edit",
        "delete",
        "actors",
        "tags",
        "remove_tag",
        "rename_tag",
        "add_actor",
        "edit_actor",
        "delete_actor",
        "merge",
        "add_source",
        "edit_source",
        "delete_source",
        "cite",
        "edit_citation",
        "uncite",
        "briefing",
        "period",
        "meta",
    ],
)
def test_every_operation_undoes_and_redoes_exactly(ws, filled, name):
    e, ua, ru, rf, src = filled["event"], filled["ua"], filled["ru"], filled["rf"], filled["src"]
    second = op.add_event(ws, "Talks in Istanbul", "2022-03~", actors=[ru, ua]).first_added(
        "events"
    )
    link = ws.conn.execute("SELECT id FROM event_sources").fetchone()[0]
    runs = {
        "add_event": lambda: op.add_event(ws, "New", "2023-09", actors=[ua], tags=["x"]),
        "edit_title": lambda: op.update_event(ws, e, title="Strike on Trypilska power plant"),
        "edit_date": lambda: op.update_event(ws, e, when="2024-11-14T06:30Z"),
        "multi_edit": lambda: op.update_events(
            ws, [e, second], confidence="high", location="Ukraine"
        ),
        "delete": lambda: op.delete_events(ws, [e, second]),
        "actors": lambda: op.set_event_actors(ws, e, [(ru, "attacker")]),
        "tags": lambda: op.add_tags(ws, [e, second], ["grid", "winter"]),
        "remove_tag": lambda: op.add_tags(ws, [e], ["energy"], remove=True),
        "rename_tag": lambda: op.rename_tag(ws, "energy", "power"),
        "add_actor": lambda: op.add_actor(ws, "NATO", "organisation"),
        "edit_actor": lambda: op.update_actor(ws, ua, colour="#123456", aliases=["Kyiv", "Kiev"]),
        "delete_actor": lambda: op.delete_actors(ws, [ua]),
        "merge": lambda: op.merge_actors(ws, ru, [rf]),
        "add_source": lambda: op.add_source(ws, title="Second", text="Another article."),
        "edit_source": lambda: op.update_source(ws, src, reliability="A", title="Renamed"),
        "delete_source": lambda: op.delete_sources(ws, [src]),
        "cite": lambda: op.link_source(ws, second, src, quote="grid", credibility=3),
        "edit_citation": lambda: op.update_link(ws, link, credibility=1),
        "uncite": lambda: op.unlink_source(ws, link),
        "briefing": lambda: op.save_briefing(ws, "Morning pack", {"title": "Morning"}),
        "period": lambda: op.add_period(ws, "Winter offensive", "2024-11/2025-02"),
        "meta": lambda: op.set_meta(ws, "title", "Ukraine desk"),
    }
    change = assert_round_trip(ws, runs[name])
    assert change.label and not change.empty


def test_labels_name_what_changed(ws, filled):
    assert (
        op.update_event(ws, filled["event"], when="2024-11-15").label
        == "Edit date of 'Strike on power plant'"
    )
    e2 = op.add_event(ws, "Other", "2024").first_added("events")
    assert (
        op.update_events(ws, [filled["event"], e2], confidence="low").label
        == "Edit confidence of 2 events"
    )
    assert op.delete_events(ws, [e2]).label == "Delete event 'Other'"


def test_change_record_lists_ids(ws, filled):
    change = op.delete_events(ws, [filled["event"]])
    assert change.removed("events") == [filled["event"]]
    assert sorted(change.removed("event_actors")) == [1, 2]
    assert change.removed("event_sources") == [1]
    assert change.tables == {"events", "event_actors", "event_sources"}
    assert change.summary()["events"] == {"added": [], "updated": [], "removed": [filled["event"]]}


def test_merge_moves_links_and_keeps_names_as_aliases(ws, filled):
    change = op.merge_actors(ws, filled["ru"], [filled["rf"]])
    russia = queries.get_actor(ws, filled["ru"])
    assert "Russian Federation" in russia.aliases and "Moscow" in russia.aliases
    assert queries.get_event(ws, filled["event"]).actor_names == ["Russia", "Ukraine"]
    assert queries.find_actor(ws, "russian federation").id == filled["ru"]
    op.revert(ws, change)
    assert queries.get_actor(ws, filled["rf"]).name == "Russian Federation"
    assert queries.get_event(ws, filled["event"]).actor_names == ["Russian Federation", "Ukraine"]


def test_merge_when_both_actors_are_on_the_same_event(ws, filled):
    op.set_event_actors(
        ws, filled["event"], [(filled["rf"], "initiator"), (filled["ru"], ""), filled["ua"]]
    )
    op.merge_actors(ws, filled["ru"], [filled["rf"]])
    event = queries.get_event(ws, filled["event"])
    assert sorted((a.name, a.role) for a in event.actors) == [
        ("Russia", "initiator"),
        ("Ukraine", ""),
    ]


def test_failed_operation_writes_nothing(ws, filled):
    before = snapshot(ws)
    with pytest.raises(NotFound):
        op.update_events(ws, [filled["event"], 999], title="Everywhere")
    with pytest.raises(NotFound):
        op.set_event_actors(ws, filled["event"], [filled["ua"], 12345])
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("call", "error", "text"),
    [
        (lambda ws: op.add_event(ws, "  ", "2024"), ValidationError, "needs a title"),
        (lambda ws: op.add_event(ws, "x", "2024-13"), DateError, "no month 13"),
        (
            lambda ws: op.add_event(ws, "x", "2024", confidence="certain"),
            ValidationError,
            "low, moderate or high",
        ),
        (lambda ws: op.add_actor(ws, "X", "alien"), ValidationError, "state, organisation"),
        (lambda ws: op.add_actor(ws, "X", colour="red"), ValidationError, "#1f77b4"),
        (lambda ws: op.add_actor(ws, "ukraine"), DuplicateError, "already an actor"),
        (
            lambda ws: op.add_source(ws, title="t", text="x", reliability="G"),
            ValidationError,
            "A to F",
        ),
        (
            lambda ws: op.add_source(ws, title="again", text="Missiles  hit the grid. "),
            DuplicateError,
            "already in the workspace",
        ),
        (lambda ws: op.link_source(ws, 1, 1, credibility=7), ValidationError, "1 to 6"),
        (
            lambda ws: op.link_source(ws, 1, 1, char_start=9, char_end=3),
            ValidationError,
            "cannot run",
        ),
        (lambda ws: op.update_event(ws, 1, colour="blue"), ValidationError, "no field colour"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(ws, filled, call, error, text):
    before = snapshot(ws)
    with pytest.raises(error, match=text):
        call(ws)
    assert snapshot(ws) == before


def test_duplicate_source_says_when_it_was_imported(ws, filled):
    with pytest.raises(DuplicateError) as info:
        op.add_source(ws, title="copy", text="Missiles hit\n the grid.")
    assert info.value.existing_id == filled["src"]
    assert "imported 20" in str(info.value)


def test_tags_follow_into_the_tag_table(ws, filled):
    op.add_tags(ws, [filled["event"]], ["winter"])
    assert dict(queries.list_tags(ws)) == {"energy": 1, "strikes": 1, "winter": 1}
    op.rename_tag(ws, "winter", "Winter 2024")
    assert "Winter 2024" in dict(queries.list_tags(ws))
    assert json.loads(ws.conn.execute("SELECT tags FROM events").fetchone()[0])[-1] == "Winter 2024"


# ---------------------------------------------------------------- random sequences

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "date", "delete", "tag", "actors", "merge", "source"]),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPERATIONS)
def test_any_sequence_undoes_back_to_the_start(ws, steps):
    start = snapshot(ws)
    changes = []
    for kind, a, b in steps:
        events = [r[0] for r in ws.conn.execute("SELECT id FROM events ORDER BY id")]
        actors = [r[0] for r in ws.conn.execute("SELECT id FROM actors ORDER BY id")]
        try:
            if kind == "add" or not events:
                changes.append(
                    op.add_event(
                        ws, f"Event {a}", f"20{10 + a % 15}-0{1 + b % 9}", tags=[f"t{b % 3}"]
                    )
                )
            elif kind == "edit":
                changes.append(op.update_event(ws, events[a % len(events)], title=f"Renamed {b}"))
            elif kind == "date":
                changes.append(
                    op.update_event(ws, events[a % len(events)], when=f"2020-0{1 + b % 9}~")
                )
            elif kind == "delete":
                changes.append(op.delete_events(ws, [events[a % len(events)]]))
            elif kind == "tag":
                changes.append(op.add_tags(ws, events[: 1 + a % 3], [f"t{b % 4}"]))
            elif kind == "actors":
                if len(actors) < 3:
                    changes.append(op.add_actor(ws, f"Actor {len(actors)}-{a}"))
                else:
                    changes.append(
                        op.set_event_actors(ws, events[a % len(events)], actors[: 1 + b % 3])
                    )
            elif kind == "merge" and len(actors) >= 2:
                changes.append(op.merge_actors(ws, actors[0], [actors[-1]]))
            elif kind == "source":
                changes.append(
                    op.add_source(ws, title=f"S{a}", text=f"text {a} {b} {len(changes)}")
                )
        except DuplicateError:
            pass
    for change in reversed(changes):
        op.revert(ws, change)
    assert snapshot(ws) == start


def test_same_article_with_or_without_its_headline_is_a_duplicate(ws):
    op.add_source(
        ws, title="Dam destroyed", text="Dam destroyed\n\nThe dam was breached overnight."
    )
    with pytest.raises(DuplicateError):
        op.add_source(ws, title="Dam destroyed", text="The dam was  breached overnight.")
    from ingest.readers.article import Article

    article = Article(
        text="Dam destroyed\n\nThe dam was breached overnight.", title="Dam destroyed"
    )
    assert queries.find_source_by_text(ws, article.text, article.title) is not None
    assert ws.conn.execute("SELECT sha256 FROM sources").fetchone()[0] == article.sha256


def test_a_title_edit_is_named_by_the_old_title(ws, filled):
    change = op.update_event(ws, filled["event"], title="Renamed strike")
    assert change.label == "Edit title of 'Strike on power plant'"


def test_data_version_notices_other_connections(ws_path):
    from models.store import Workspace

    with Workspace.open(ws_path) as mine, Workspace.open(ws_path) as theirs:
        before = mine.data_version()
        op.add_actor(theirs, "Someone")
        assert mine.data_version() != before
        same = mine.data_version()
        op.add_actor(mine, "Me")  # our own writes do not count
        assert mine.data_version() == same


def test_list_actors_without_counts(ws, filled):
    assert [a.event_count for a in queries.list_actors(ws, counts=False)] == [0, 0, 0]
    assert sorted(a.event_count for a in queries.list_actors(ws)) == [0, 1, 1]
