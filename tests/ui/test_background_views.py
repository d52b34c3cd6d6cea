"""Big workspaces: the timeline and the window read in the background and stay usable.

Every test here makes the sample workspace count as big (``SMALL_FILE_BYTES = 0``), so its
reads go through the background path; gates (threading.Event) hold a worker where a test
needs a request to be slow, so the order of answers is decided by the test, not by luck.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from models import operations as ops
from models import queries
from models import timeline as tl
from models import timeline_reads as reads
from models.search import EventFilter
from models.store import Workspace
from ui import background
from ui.main_window import FILTERING, LOADING, MainWindow
from ui.timeline import TimelineView, follow
from ui.timeline.render import empty_text

WAIT = 10_000


@pytest.fixture(autouse=True)
def _big(monkeypatch):
    monkeypatch.setattr(background, "SMALL_FILE_BYTES", 0)


@pytest.fixture
def view(qtbot, ws):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    yield widget
    widget.set_workspace(None)
    widget.reader.wait()


@pytest.fixture
def window(qtbot, sample_path, monkeypatch):
    said = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, *a, _k=kind, **kw: said.append(text)
        )
    win = MainWindow()
    qtbot.addWidget(win)
    win.said = said
    yield win
    win.close()


def gate(monkeypatch, owner, name: str, when=lambda *args: True, after: bool = False):
    """Hold calls of ``owner.name`` (on worker threads) for which ``when(*args)`` is true
    until the returned event is set (before the call, or with ``after`` once it has read);
    ``entered`` is set once one is held."""
    original = getattr(owner, name)
    release, entered = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        hold = when(*args)
        result = original(*args, **kwargs) if after else None
        if hold:
            entered.set()
            release.wait(WAIT / 1000)
        return result if after else original(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    release.entered = entered
    return release


def test_a_big_workspace_loads_in_the_background_and_says_so(qtbot, view, ws):
    with qtbot.waitSignal(view.loadingChanged, timeout=WAIT) as started:
        view.set_workspace(ws)
    assert started.args == [True] and view.loading and view.data is None
    assert empty_text(view) == "Loading events…"
    with qtbot.waitSignal(view.loadingChanged, timeout=WAIT) as finished:
        pass
    assert finished.args == [False]
    assert view.event_count() == 8
    assert view.data.ws is ws  # details are read on the GUI thread's own connection
    assert len(view.data.details([0])) == 1
    first, last = view.visible_range()
    assert first < view.data.extent()[0] and last > view.data.extent()[1]  # fitted


def test_a_filter_keeps_the_previous_view_until_its_answer_arrives(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    russia = queries.find_actor(ws, "Russia").id
    release = gate(monkeypatch, reads, "filter_ids")
    view.set_filter(EventFilter(actor_ids=(russia,)))
    assert release.entered.wait(WAIT / 1000)
    assert view.loading and view.matching_count() == 8  # the previous view, unfiltered
    release.set()
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.matching_count() == 6
    view.set_filter(None)  # clearing needs no answer from the background
    assert not view.loading and view.matching_count() == 8


def test_what_the_background_makes_of_a_filter_is_what_the_view_would_make(qtbot, view, ws):
    russia = queries.find_actor(ws, "Russia").id
    flt = EventFilter(actor_ids=(russia,))
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)

    def check() -> None:
        expected = view.data.filter_mask(flt)  # made here, on the GUI thread's connection
        assert (view.filter_mask == expected).all()
        shown = view.shown_lanes()
        assert sum(len(lane) for lane, _full in shown) >= 6
        for lane, full in shown:
            assert list(lane.slots) == list(full.subset(expected, view.data).slots)

    view.set_filter(flt)  # mask and lane subsets made with the answer
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    check()
    assert view.matching_count() == 6
    view.reload()  # the events read again, the filter's answer with them
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    check()
    view.set_lane_mode("tag")  # lanes built aside, then filtered here
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    check()


def test_an_answer_to_an_older_filter_is_dropped(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    nato = queries.find_actor(ws, "NATO").id
    russia = queries.find_actor(ws, "Russia").id
    release = gate(monkeypatch, reads, "filter_ids", lambda _ws, flt: flt.actor_ids == (russia,))
    view.set_filter(EventFilter(actor_ids=(russia,)))
    assert release.entered.wait(WAIT / 1000)  # the first answer is on its way, held
    view.set_filter(EventFilter(actor_ids=(nato,)))
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.matching_count() == 1  # NATO's one event
    release.set()  # now the older answer (Russia's six events) arrives...
    view.reader.wait()
    qtbot.wait(50)
    assert view.matching_count() == 1  # ...and is dropped
    assert not view.loading


def test_an_edit_while_the_events_load_is_in_the_answer(qtbot, view, ws, monkeypatch):
    calls = []
    release = gate(
        monkeypatch,
        tl.TimelineData,
        "load",
        lambda *a: not calls and not calls.append(1),  # only the first read is held
        after=True,
    )
    view.set_workspace(ws)
    assert release.entered.wait(WAIT / 1000)  # the first answer has read 8 events, held
    change = ops.add_event(ws, "Written during the load", "2024-12-01")
    view.apply_change(change)  # asks again: the held answer does not have it
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.event_count() == 9
    release.set()  # the older answer arrives now, and is dropped
    view.reader.wait()
    qtbot.wait(50)
    assert view.event_count() == 9
    assert view.data.slot_of(change.first_added("events")) is not None


def test_a_change_too_big_to_follow_reloads_in_the_background(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    offensive = EventFilter(text="offensive")
    view.set_filter(offensive)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    matching = {int(i) for i in reads.filter_ids(ws, offensive)}
    assert view.matching_count() == len(matching) > 0
    view.set_visible_range(1.6e9, 1.7e9)
    monkeypatch.setattr(follow, "REFRESH_LIMIT", 0)  # every change counts as big
    before = view.data
    gone = [int(i) for i in view.data.ids[:3]]
    change = ops.delete_events(ws, gone)
    view.apply_change(change)
    assert view.loading and view.data is before  # the previous view stays meanwhile
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.data is not before and view.event_count() == 5
    assert view.visible_range() == (1.6e9, 1.7e9)  # the view did not jump
    assert view.matching_count() == len(matching - set(gone))


def test_another_lane_mode_is_built_aside_while_the_current_one_stays(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    actor_keys = view.lane_keys()
    release = gate(monkeypatch, reads, "lane_groups")
    view.set_lane_mode("tag")
    assert release.entered.wait(WAIT / 1000)
    assert view.loading and view.lane_mode == "actor" and view.lane_keys() == actor_keys
    release.set()
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.lane_mode == "tag"
    assert "offensive" in view.lane_keys() and "nuclear" in view.lane_keys()
    view.set_lane_mode("actor")  # built already: at once
    assert not view.loading and view.lane_keys() == actor_keys


def test_actor_lanes_follow_new_actors_in_the_background(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    threads = []
    read_groups = reads.lane_groups

    def recorded(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return read_groups(*args)

    monkeypatch.setattr(reads, "lane_groups", recorded)
    change = ops.add_actor(ws, "Belarus", "state")
    belarus = change.first_added("actors")
    view.apply_change(change)
    assert view.lanes()  # the previous lanes stay while the new ones are built
    event_id = int(view.data.ids[0])
    view.apply_change(ops.set_event_actors(ws, event_id, [belarus]))
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert belarus in view.lane_keys()
    assert view.data.lane_keys_of(event_id, "actor") == [belarus]
    assert threads and not any(threads)  # the lanes were read aside, never on the GUI thread


def test_a_failed_read_is_said_in_one_sentence_and_the_view_stays(qtbot, view, ws, monkeypatch):
    view.set_workspace(ws)
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)

    def broken(_ws, _flt):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(reads, "filter_ids", broken)
    with qtbot.waitSignal(view.statusMessage, timeout=WAIT) as said:
        view.set_filter(EventFilter(text="summit"))
    assert said.args == [
        "The timeline could not read the events: database disk image is malformed."
    ]
    assert not view.loading and view.matching_count() == 8 and view.event_count() == 8


def test_a_workspace_that_cannot_be_read_says_why_on_the_plot(qtbot, view, ws, monkeypatch):
    def broken(cls, _ws, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    working = tl.TimelineData.__dict__["load"]
    monkeypatch.setattr(tl.TimelineData, "load", classmethod(broken))
    with qtbot.waitSignal(view.statusMessage, timeout=WAIT) as said:
        view.set_workspace(ws)
    assert said.args == ["The timeline could not read the events: disk I/O error."]
    assert view.data is None and not view.loading and view.load_error == "disk I/O error"
    assert empty_text(view) == "The events could not be read: disk I/O error."
    monkeypatch.setattr(tl.TimelineData, "load", working)  # the disk is back: reloading (as
    # on coming back to the app) reads them
    view.reload()
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.event_count() == 8 and not view.load_error
    first, last = view.visible_range()
    assert first < view.data.extent()[0] and last > view.data.extent()[1]  # fitted


# ----------------------------------------------------------------------------- the window


def test_the_window_opens_a_big_workspace_with_a_busy_indicator(qtbot, window, sample_path):
    assert window.open_workspace(sample_path)
    assert window.timeline.background
    assert window.busy.isVisibleTo(window) and window.busy.label.text() == LOADING
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert not window.busy.isVisibleTo(window)
    assert window.count_label.text() == "8 events"
    assert window.timeline.event_count() == 8 and window.event_model.rowCount() == 8


def test_filtering_a_big_workspace_shows_it_is_busy_until_the_answer(
    qtbot, window, sample_path, monkeypatch
):
    window.open_workspace(sample_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    release = gate(monkeypatch, reads, "filter_ids")
    russia = queries.find_actor(window.ws, "Russia").id
    window.set_filter(EventFilter(actor_ids=(russia,)))
    assert window.busy.label.text() == FILTERING and window.busy.isVisibleTo(window)
    assert release.entered.wait(WAIT / 1000)
    assert window.timeline.matching_count() == 8  # still the previous view
    release.set()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.count_label.text() == "6 of 8 events"
    assert window.timeline.matching_count() == 6
    assert not window.busy.isVisibleTo(window)


def test_edits_and_undo_refresh_every_view_of_a_big_workspace(qtbot, window, sample_path):
    window.open_workspace(sample_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    ukraine = queries.find_actor(window.ws, "Ukraine").id
    window.set_filter(EventFilter(actor_ids=(ukraine,)))
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.timeline.matching_count() == 5
    change = window.document.execute(
        ops.add_event, "Black Sea raid", "2024-09-01", actors=[ukraine]
    )
    new_id = change.first_added("events")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.timeline.matching_count() == 6
    assert window.event_model.row_of(new_id) is not None
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.timeline.matching_count() == 5 and window.timeline.event_count() == 8
    assert window.event_model.row_of(new_id) is None
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.timeline.matching_count() == 6
    assert window.count_label.text() == "6 of 9 events"


def test_outside_changes_reload_the_timeline_too(qtbot, window, sample_path):
    window.open_workspace(sample_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    with Workspace.open(sample_path) as other:
        ops.add_event(other, "Written by another program", "2024-12-01")
    assert window.check_outside_changes()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)
    assert window.timeline.event_count() == 9 and window.event_model.rowCount() == 9


def test_a_timeline_read_error_reaches_the_status_bar(qtbot, window, sample_path, monkeypatch):
    window.open_workspace(sample_path)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT)

    def broken(_ws, _flt):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(reads, "filter_ids", broken)
    window.set_filter(EventFilter(text="summit"))
    qtbot.waitUntil(lambda: not window.timeline.loading, timeout=WAIT)
    assert window.statusBar().currentMessage() == (
        "The timeline could not read the events: database disk image is malformed."
    )
