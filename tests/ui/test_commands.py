"""Undo and redo round trips for every kind of edit the window makes."""

from __future__ import annotations

import pytest

from models import operations as ops
from models import queries
from models.schema import RECORDED_TABLES
from ui.document import Document


def snapshot(ws) -> dict:
    state = {}
    for table in RECORDED_TABLES:
        cursor = ws.conn.execute(f'SELECT * FROM "{table}" ORDER BY 1')
        state[table] = cursor.fetchall()
    state["event_tags"] = ws.conn.execute("SELECT * FROM event_tags ORDER BY 1, 2").fetchall()
    return state


def actor(ws, name):
    return queries.find_actor(ws, name).id


def event(ws, title):
    return next(
        e
        for e in queries.get_events(ws, [r[0] for r in ws.conn.execute("SELECT id FROM events")])
        if e.title == title
    ).id


EDITS = {
    "title": lambda ws: (
        ops.update_event,
        event(ws, "Vilnius summit"),
        {"title": "NATO Vilnius summit"},
    ),
    "date": lambda ws: (ops.update_event, event(ws, "Vilnius summit"), {"when": "2023-07-11"}),
    "confidence": lambda ws: (
        ops.update_event,
        event(ws, "Vilnius summit"),
        {"confidence": "high"},
    ),
    "location": lambda ws: (ops.update_event, event(ws, "Vilnius summit"), {"location": "Vilnius"}),
    "tags": lambda ws: (
        ops.update_event,
        event(ws, "Vilnius summit"),
        {"tags": "diplomacy, summit"},
    ),
    "description": lambda ws: (
        ops.update_event,
        event(ws, "Vilnius summit"),
        {"description": "Leaders met."},
    ),
    "several events": lambda ws: (
        ops.update_events,
        [event(ws, "Vilnius summit"), event(ws, "Wagner mutiny")],
        {"confidence": "low", "location": "Europe"},
    ),
    "actors": lambda ws: (
        ops.set_event_actors,
        event(ws, "Wagner mutiny"),
        {"actors": [(actor(ws, "Russia"), "target"), (actor(ws, "NATO"), "observer")]},
    ),
    "add tags": lambda ws: (
        ops.add_tags,
        [event(ws, "Vilnius summit"), event(ws, "Kursk incursion")],
        {"tags": ["watch"]},
    ),
    "remove tags": lambda ws: (
        ops.add_tags,
        [event(ws, "Kharkiv counter-offensive"), event(ws, "Kursk incursion")],
        {"tags": ["offensive"], "remove": True},
    ),
    "rename tag": lambda ws: (ops.rename_tag, "offensive", {"new": "ground offensive"}),
    "delete": lambda ws: (
        ops.delete_events,
        [event(ws, "Zaporizhzhia plant seized"), event(ws, "Wagner mutiny")],
        {},
    ),
    "add event": lambda ws: (
        ops.add_event,
        "Prisoner exchange",
        {"when": "2024-01-03", "actors": [actor(ws, "Russia")]},
    ),
    "add actor": lambda ws: (ops.add_actor, "Belarus", {"kind": "state", "aliases": ["Minsk"]}),
    "edit actor": lambda ws: (
        ops.update_actor,
        actor(ws, "NATO"),
        {"colour": "#123456", "notes": "Alliance."},
    ),
    "merge actors": lambda ws: (
        ops.merge_actors,
        actor(ws, "Russia"),
        {"other_ids": [actor(ws, "Wagner Group")]},
    ),
    "delete actors": lambda ws: (ops.delete_actors, [actor(ws, "Ukraine")], {}),
    "edit source": lambda ws: (
        ops.update_source,
        1,
        {"reliability": "C", "title": "Agency report"},
    ),
    "delete source": lambda ws: (ops.delete_sources, [1], {}),
    "cite source": lambda ws: (
        ops.link_source,
        event(ws, "Vilnius summit"),
        {"source_id": 1, "quote": "agency"},
    ),
    "edit citation": lambda ws: (ops.update_link, 1, {"credibility": 4}),
    "remove citation": lambda ws: (ops.unlink_source, 1, {}),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_redo_round_trip(ws, name):
    doc = Document(ws)
    changes = []
    doc.changed.connect(changes.append)
    operation, target, kwargs = EDITS[name](ws)
    before = snapshot(ws)
    change = doc.execute(operation, target, **kwargs)
    assert change is not None and not change.empty
    after = snapshot(ws)
    assert after != before
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == change.label
    for _ in range(2):
        doc.undo_stack.undo()
        assert snapshot(ws) == before
        doc.undo_stack.redo()
        assert snapshot(ws) == after
    assert len(changes) == 5  # the edit, then undo/redo twice: every one published


def test_multi_event_edit_is_one_step(ws):
    doc = Document(ws)
    ids = [r[0] for r in ws.conn.execute("SELECT id FROM events")]
    doc.execute(ops.update_events, ids, confidence="low")
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == f"Edit confidence of {len(ids)} events"


def test_refused_edit_is_not_on_the_stack(ws):
    doc = Document(ws)
    errors = []
    doc.errorRaised.connect(errors.append)
    event_id = ws.conn.execute("SELECT min(id) FROM events").fetchone()[0]
    assert doc.execute(ops.update_event, event_id, when="14/11/2024") is None
    assert doc.undo_stack.count() == 0
    assert "2024-11-14" in errors[0]  # the message shows accepted forms
    assert doc.execute(ops.update_event, 99_999, title="Gone") is None
    assert "no longer in the workspace" in errors[1]


def test_edit_that_changes_nothing_is_not_pushed(ws):
    doc = Document(ws)
    event_id = ws.conn.execute("SELECT min(id) FROM events").fetchone()[0]
    title = queries.get_event(ws, event_id).title
    change = doc.execute(ops.update_event, event_id, title=title)
    assert change is not None and change.empty
    assert doc.undo_stack.count() == 0


def test_failed_undo_clears_history_and_says_why(qtbot, ws, tmp_path):
    doc = Document(ws)
    errors = []
    doc.errorRaised.connect(errors.append)
    event_id = ws.conn.execute("SELECT min(id) FROM events").fetchone()[0]
    doc.execute(ops.update_event, event_id, location="Kyiv")
    ws.readonly, ws.readonly_reason = True, "sample.annalist was opened read-only."
    doc.undo_stack.undo()
    assert errors and "Undo of" in errors[0] and "read-only" in errors[0]
    qtbot.waitUntil(lambda: doc.undo_stack.count() == 0)
    assert queries.get_event(ws, event_id).location == "Kyiv"
