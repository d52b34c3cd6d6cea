"""The timeline widget under pytest-qt: zoom, fit, selection, drag-to-move with undo, honest
uncertain dates (read from rendered pixels), lanes, density strips, export, paint soak."""

from __future__ import annotations

import calendar
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication

from models import bulk, dates, operations, palette
from models.search import EventFilter
from models.store import Workspace
from ui.timeline import TimelineView, style
from ui.timeline.render_items import item_rect

SIZE = (1100, 640)


@pytest.fixture
def blank(tmp_path):
    """An empty workspace (tests/ui's ``ws`` fixture holds the window's sample content)."""
    workspace = Workspace.open(tmp_path / "blank.annalist")
    yield workspace
    workspace.close()


def utc(*parts: int) -> int:
    return calendar.timegm((*parts, 1, 1, 0, 0, 0)[:3] + (*parts[3:], 0, 0, 0)[:3])


def make_view(qtbot, blank, mode: str = "actor") -> TimelineView:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.set_lane_mode(mode)
    view.set_workspace(blank)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=30_000)  # big ones load in the background
    return view


def add(ws, title, when, actors=(), tags=()):
    change = operations.add_event(ws, title, when, actors=list(actors), tags=list(tags))
    return change.first_added("events")


def items(view):
    return [item for lv in view.current_frame().lanes for item in lv.items]


def centre(item) -> QPoint:
    return item_rect(item).center().toPoint()


def render(view) -> QImage:
    image = QImage(*SIZE, QImage.Format_ARGB32_Premultiplied)
    view.render_image(image)
    return image


def wheel(view, x: float, y: float, delta: int) -> None:
    pos = QPointF(x, y)
    event = QWheelEvent(
        pos,
        view.mapToGlobal(pos),
        QPoint(),
        QPoint(0, delta),
        Qt.NoButton,
        Qt.NoModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


# ----------------------------------------------------------------------------- view range


def test_wheel_zoom_keeps_the_time_under_the_cursor(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws)
    for x, delta in ((300, 120), (900, 240), (520, -360), (style.GUTTER_W + 5, 120)):
        before = view.scale.t(x)
        span = view.scale.t1 - view.scale.t0
        wheel(view, x, 200, delta)
        after = view.scale.t1 - view.scale.t0
        assert (after < span) if delta > 0 else (after > span)
        assert view.scale.t(x) == pytest.approx(before, abs=view.scale.spp)


def test_fit_all_shows_every_event(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws, mode="single")
    view.set_visible_range(utc(2023, 1, 1), utc(2023, 2, 1))
    view.fit_all()
    t0, t1 = view.visible_range()
    rows = demo_ws.conn.execute('SELECT "when" FROM events').fetchall()
    for (when,) in rows:
        start, end = palette.drawn_bounds(dates.parse(when))
        assert t0 <= start and min(end, view.now) <= t1, when
    lane = view.shown_lanes()[0][0]
    assert lane.count(t0, t1) == len(rows) == 54
    assert view.event_count() == 54


def test_keys_pan_zoom_and_fit(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws)
    home = view.visible_range()
    qtbot.keyClick(view, Qt.Key_Plus)
    zoomed = view.visible_range()
    assert zoomed[1] - zoomed[0] < home[1] - home[0]
    qtbot.keyClick(view, Qt.Key_Right)
    assert view.visible_range()[0] > zoomed[0]
    qtbot.keyClick(view, Qt.Key_Home)
    assert view.visible_range() == pytest.approx(home)
    event = demo_ws.conn.execute("SELECT id FROM events WHERE \"when\" = '2023-10-07'").fetchone()[
        0
    ]
    view.set_selected_ids([event])
    qtbot.keyClick(view, Qt.Key_F)
    t0, t1 = view.visible_range()
    assert t0 < utc(2023, 10, 7) < utc(2023, 10, 8) < t1 and t1 - t0 < 3 * 86400


def test_double_click_empty_space_zooms_in_and_on_an_event_asks_to_edit(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws, mode="single")
    span = view.visible_range()[1] - view.visible_range()[0]
    qtbot.mouseDClick(view, Qt.LeftButton, pos=QPoint(400, SIZE[1] - style.OVERVIEW_H - 10))
    assert view.visible_range()[1] - view.visible_range()[0] == pytest.approx(span / 2)
    item = items(view)[0]
    with qtbot.waitSignal(view.editRequested) as edit:
        qtbot.mouseDClick(view, Qt.LeftButton, pos=centre(item))
    assert edit.args == [item.event_id]


def test_overview_window_drags_the_view(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws)
    view.set_visible_range(utc(2016), utc(2017))
    window = view.overview.window_rect(view.current_frame())
    start = window.center().toPoint()
    qtbot.mousePress(view, Qt.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(200, 0))
    qtbot.mouseRelease(view, Qt.LeftButton, pos=start + QPoint(200, 0))
    t0, t1 = view.visible_range()
    assert t0 > utc(2017) and t1 - t0 == pytest.approx(utc(2017) - utc(2016))


# ----------------------------------------------------------------------------- selection


def test_selection_is_shared_through_signals(qtbot, demo_ws):
    view = make_view(qtbot, demo_ws, mode="single")
    emitted = []
    view.selectionChanged.connect(emitted.append)
    view.set_selected_ids([1, 2])
    assert view.selected_ids() == [1, 2] and emitted == []  # set from outside: no echo
    first, second = items(view)[:2]
    with qtbot.waitSignal(view.selectionChanged) as signal:
        qtbot.mouseClick(view, Qt.LeftButton, pos=centre(first))
    assert signal.args == [[first.event_id]]
    qtbot.mouseClick(view, Qt.LeftButton, Qt.ControlModifier, pos=centre(second))
    assert emitted[-1] == [first.event_id, second.event_id]
    qtbot.mouseClick(view, Qt.LeftButton, Qt.ControlModifier, pos=centre(first))
    assert emitted[-1] == [second.event_id]
    empty = QPoint(view.width() - 40, SIZE[1] - style.OVERVIEW_H - 8)
    qtbot.mouseClick(view, Qt.LeftButton, pos=empty)
    assert emitted[-1] == [] and view.selected_ids() == []


def test_rubber_band_selects_the_events_it_covers(qtbot, blank):
    ukraine = operations.add_actor(blank, "Ukraine").first_added("actors")
    inside = [add(blank, f"In {d}", f"2022-03-{d:02d}", [ukraine]) for d in (10, 12, 14)]
    add(blank, "Out", "2022-03-25", [ukraine])
    view = make_view(qtbot, blank)
    view.set_visible_range(utc(2022, 3, 1), utc(2022, 4, 1))
    lane = view.current_frame().lanes[0]
    x0, x1 = view.scale.x(utc(2022, 3, 9)), view.scale.x(utc(2022, 3, 16))
    with qtbot.waitSignal(view.selectionChanged) as signal:
        qtbot.mousePress(view, Qt.LeftButton, Qt.ShiftModifier, QPoint(int(x0), lane.y + 2))
        qtbot.mouseMove(view, QPoint(int(x1), lane.y + lane.h - 2))
        qtbot.mouseRelease(
            view, Qt.LeftButton, Qt.ShiftModifier, QPoint(int(x1), lane.y + lane.h - 2)
        )
    assert signal.args == [inside]


# ----------------------------------------------------------------------------- drag to move


def test_dragging_an_event_moves_its_date_as_one_undo_step(qtbot, blank):
    actor = operations.add_actor(blank, "Ukraine").first_added("actors")
    event = add(blank, "Talks", "2023-09", [actor])
    view = make_view(qtbot, blank)
    stack = QUndoStack()
    view.set_undo_stack(stack)
    view.set_visible_range(utc(2023, 6, 1), utc(2024, 1, 1))
    item = items(view)[0]
    start = centre(item)
    month = 31 * 86400 / view.scale.spp
    changes = []
    view.changeApplied.connect(changes.append)
    qtbot.mousePress(view, Qt.LeftButton, pos=start)
    for step in range(1, 6):  # a drag is many moves, still one edit
        qtbot.mouseMove(view, start + QPoint(int(month * step / 5), 0))
    qtbot.mouseRelease(view, Qt.LeftButton, pos=start + QPoint(int(month), 0))

    def when():
        return blank.conn.execute('SELECT "when" FROM events WHERE id = ?', (event,)).fetchone()[0]

    assert when() == "2023-10"  # snapped to a month: the date keeps its precision
    assert stack.count() == 1 and len(changes) == 1
    assert stack.undoText() == "Move 'Talks' to Oct 2023"
    slot = view.data.slot_of(event)
    assert int(view.data.start[slot]) == utc(2023, 10, 1)
    stack.undo()
    assert when() == "2023-09" and int(view.data.start[slot]) == utc(2023, 9, 1)
    stack.redo()
    assert when() == "2023-10" and len(changes) == 3


def test_a_read_only_workspace_refuses_to_move_dates(qtbot, ws_path):
    with Workspace.open(ws_path) as writable:
        add(writable, "Talks", "2023-09")
    blank = Workspace.open(ws_path, readonly=True)
    try:
        view = make_view(qtbot, blank)
        view.set_visible_range(utc(2023, 6, 1), utc(2024, 1, 1))
        start = centre(items(view)[0])
        messages = []
        view.statusMessage.connect(messages.append)
        qtbot.mousePress(view, Qt.LeftButton, pos=start)
        qtbot.mouseMove(view, start + QPoint(150, 0))
        qtbot.mouseRelease(view, Qt.LeftButton, pos=start + QPoint(150, 0))
        assert blank.conn.execute('SELECT "when" FROM events').fetchone()[0] == "2023-09"
        assert messages and "read-only" in messages[0]
    finally:
        blank.close()


def test_changes_made_elsewhere_move_the_item(qtbot, blank):
    event = add(blank, "Talks", "2023-09-10")
    view = make_view(qtbot, blank, mode="single")
    view.set_visible_range(utc(2023, 9, 1), utc(2023, 10, 1))
    before = items(view)[0].x0
    view.apply_change(operations.update_event(blank, event, when="2023-09-20"))
    assert items(view)[0].x0 == pytest.approx(before + 10 * 86400 / view.scale.spp, abs=1)


# ----------------------------------------------------------------------------- drawing


def shade(image: QImage, x: float, y: int) -> float:
    """Darkness of the pixel at x, y (0: white, 1: black)."""
    colour = QColor(image.pixel(int(x), y))
    return 1 - (colour.redF() + colour.greenF() + colour.blueF()) / 3


def test_uncertain_dates_draw_over_their_whole_interval(qtbot, blank):
    exact = operations.add_actor(blank, "Exact").first_added("actors")
    about = operations.add_actor(blank, "About").first_added("actors")
    add(blank, "A", "2023-09", [exact])  # a month: a soft band over the whole month
    add(blank, "B", "2023-09~", [about])  # about a month: wider (half a month each side), fainter
    view = make_view(qtbot, blank)
    view.set_visible_range(utc(2023, 7, 1), utc(2023, 12, 1))
    image = render(view)
    lanes = {lv.lane.name: lv for lv in view.current_frame().lanes}
    row = {name: lv.y + style.LANE_PAD + 3 for name, lv in lanes.items()}  # above the label text

    def at(name, *day):
        x = view.scale.x(utc(*day)) + 2  # off the day's grid line
        background = shade(image, view.scale.x(utc(2023, 7, 6)), row[name])
        return shade(image, x, row[name]) - background

    for day in ((2023, 9, 1), (2023, 9, 8), (2023, 9, 15), (2023, 9, 22), (2023, 9, 29)):
        assert at("Exact", *day) > 0.08, day  # drawn on every day of September
    for day in ((2023, 8, 20), (2023, 10, 10)):
        assert abs(at("Exact", *day)) < 0.01, day  # and not outside it
    assert at("About", 2023, 8, 25) > 0.03 and at("About", 2023, 10, 8) > 0.03  # widened
    assert abs(at("About", 2023, 8, 1)) < 0.01 and abs(at("About", 2023, 11, 1)) < 0.01
    assert at("About", 2023, 9, 15) < at("Exact", 2023, 9, 15)  # and fainter


def test_lane_modes_collapse_reorder_and_hide(qtbot, blank):
    russia = operations.add_actor(blank, "Russia").first_added("actors")
    ukraine = operations.add_actor(blank, "Ukraine").first_added("actors")
    add(blank, "Talks", "2022-03-01", [russia, ukraine], tags=["diplomacy"])
    add(blank, "Strike", "2022-03-02", [ukraine], tags=["strike"])
    view = make_view(qtbot, blank)
    # The busiest actor first (Ukraine is in both events), then by name.
    assert [lane.name for lane in view.lanes()] == ["Ukraine", "Russia"]
    talks = [i for i in items(view) if i.label == "Talks"]
    assert len(talks) == 2 and all(i.multi == 2 for i in talks)  # one event, in both lanes
    view.move_lane(russia, 0)
    assert view.lane_keys() == [russia, ukraine]
    view.move_lane(ukraine, 0)
    assert view.lane_keys() == [ukraine, russia]
    heights = [lv.h for lv in view.frame().lanes]
    view.set_collapsed(russia)
    assert view.frame().lanes[1].h == style.COLLAPSED_H < heights[1]
    view.set_hidden_lanes({russia})
    assert [lane.name for lane, _full in view.shown_lanes()] == ["Ukraine"]
    view.set_hidden_lanes(())
    view.set_lane_mode("tag")
    assert sorted(lane.name for lane in view.lanes()) == ["diplomacy", "strike"]
    view.set_lane_mode("single")
    assert [len(lane) for lane in view.lanes()] == [2]
    with pytest.raises(ValueError):
        view.set_lane_mode("colour")


def test_filter_hides_or_dims_events(qtbot, blank):
    ukraine = operations.add_actor(blank, "Ukraine").first_added("actors")
    add(blank, "Ceasefire talks", "2022-03-01", [ukraine])
    add(blank, "Shelling", "2022-03-05", [ukraine])
    view = make_view(qtbot, blank)
    view.set_visible_range(utc(2022, 2, 20), utc(2022, 3, 20))
    view.set_filter(EventFilter(text="ceasefire"))
    assert [i.label for i in items(view)] == ["Ceasefire talks"]
    assert (view.matching_count(), view.event_count()) == (1, 2)
    view.set_filter(EventFilter(text="ceasefire"), dim=True)
    assert sorted((i.label, i.dimmed) for i in items(view)) == [
        ("Ceasefire talks", False),
        ("Shelling", True),
    ]
    view.set_filter(None)
    assert len(items(view)) == 2


def test_events_added_while_filtered_show_when_they_match(qtbot, blank):
    ukraine = operations.add_actor(blank, "Ukraine").first_added("actors")
    add(blank, "Ceasefire talks", "2022-03-01", [ukraine])
    view = make_view(qtbot, blank)
    view.set_visible_range(utc(2022, 2, 20), utc(2022, 3, 20))
    view.set_filter(EventFilter(text="ceasefire"))
    for title in ("Ceasefire holds", "Shelling resumes"):
        view.apply_change(operations.add_event(blank, title, "2022-03-08", actors=[ukraine]))
    assert sorted(i.label for i in items(view)) == ["Ceasefire holds", "Ceasefire talks"]


# ----------------------------------------------------------------------------- density


@pytest.fixture(scope="module")
def dense_path(tmp_path_factory):
    """100,000 day-precision events over ten years in 20 actor lanes (one to three each)."""
    path = tmp_path_factory.mktemp("dense") / "dense.annalist"
    rng = np.random.default_rng(7)
    first = utc(2010)
    days = rng.integers(0, 3650, 100_000)
    with Workspace.open(path) as blank, blank.bulk() as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, created, updated) VALUES (?, ?, 'state', 'x', 'x')",
            [(n, f"Actor {n}") for n in range(1, 21)],
        )
        rows = []
        for n, day in enumerate(days.tolist(), start=1):
            start = first + day * 86400
            rows.append(
                (
                    n,
                    f"Event {n}",
                    "",
                    dates.to_iso(start)[:10],
                    start,
                    start + 86399,
                    "",
                    None,
                    "[]",
                    "",
                    "x",
                    "x",
                )
            )
        links = [(n, int(a), "") for n in range(1, 100_001) for a in {1 + n % 20, 1 + n * 7 % 20}]
        bulk.insert_events(conn, rows, links)
    return path


def test_density_strips_appear_at_scale_and_resolve_when_zoomed(qtbot, dense_path):
    blank = Workspace.open(dense_path, readonly=True)
    try:
        view = make_view(qtbot, blank)
        frame = view.frame()
        assert len(view.shown_lanes()) == 20 and len(frame.lanes) >= 10  # the rest scroll
        assert all(lv.mode == "density" for lv in frame.lanes)
        image = render(view)
        lv = frame.lanes[0]
        colour = QColor(lv.lane.colour)
        x = view.scale.x(utc(2015, 6, 1))
        bottom = QColor(image.pixel(int(x), lv.y + lv.h - style.LANE_PAD - 1))
        assert abs(bottom.red() - colour.red()) + abs(bottom.green() - colour.green()) < 60
        column = int(x - view.scale.left)
        start = (frame.first_column + column) * view.scale.spp
        expected = lv.lane.count(start, start + view.scale.spp - 1)
        assert lv.counts[column] == expected > 0
        text = view._tooltip(QPointF(x + 0.5, lv.y + lv.h / 2))
        assert f"<b>{expected:,} event" in text and "dated to the day" in text
        view.set_visible_range(utc(2015, 6, 1), utc(2015, 6, 4))
        assert all(lv.mode == "items" for lv in view.frame().lanes)
    finally:
        blank.close()


def test_panning_reuses_counts_yet_draws_what_a_fresh_frame_draws(qtbot, dense_path, monkeypatch):
    from ui.timeline.density import DensityCache
    from ui.timeline.strips import StripImage

    blank = Workspace.open(dense_path, readonly=True)
    try:
        view = make_view(qtbot, blank)
        view.set_visible_range(utc(2012, 1, 1), utc(2013, 1, 1))
        render(view)
        for step in (16, 16, -40, 3, 250):
            view.scale.pan(step)
            panned = render(view)
        view.density_cache, view.strip_image = DensityCache(), StripImage()
        assert render(view) == panned
        # lanes turning from density to items and back while the view moves
        view.set_visible_range(utc(2012, 1, 1), utc(2012, 2, 10))
        modes = set()
        for step, budget in enumerate((600, 0, 600, 300, 0)):
            monkeypatch.setattr(style, "ITEM_BUDGET", budget)
            view.scale.pan(30 + step)
            panned = render(view)
            modes.add(tuple(lv.mode for lv in view.frame().lanes))
            view.density_cache, view.strip_image = DensityCache(), StripImage()
            assert render(view) == panned
        assert len(modes) > 2
    finally:
        blank.close()


# ----------------------------------------------------------------------------- export, soak


def test_export_png_and_svg(qtbot, demo_ws, tmp_path):
    view = make_view(qtbot, demo_ws)
    view.export_png(tmp_path / "view.png")
    image = QImage(str(tmp_path / "view.png"))
    assert (image.width(), image.height()) == (2 * SIZE[0], 2 * SIZE[1])
    view.export_svg(tmp_path / "view.svg")
    text = (tmp_path / "view.svg").read_text()
    assert text.startswith("<?xml") and "<svg" in text and "Minsk II" in text
    with pytest.raises(OSError):
        view.export_png(tmp_path / "missing-folder" / "view.png")


@pytest.mark.slow
def test_painting_does_not_leak_references_to_none(qtbot, demo_ws):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call and
    aborted after ~1,300 frames; paint the real timeline a few thousand times."""
    view = make_view(qtbot, demo_ws, mode="single")
    view.resize(640, 360)
    image = QImage(640, 360, QImage.Format_ARGB32_Premultiplied)
    first, last = view.visible_range()
    view.set_selected_ids([1, 5, 9])
    for _frame in range(100):  # warm up caches
        view.render_image(image)
    before = sys.getrefcount(None)
    for frame in range(3000):
        if frame % 25 == 0:  # a new zoom now and then, small moves in between
            share = 0.05 + (frame % 500) / 500
            view.set_visible_range(first, first + (last - first) * share)
        view.scale.pan(1 if frame % 2 else -1)
        view.render_image(image)
    assert abs(sys.getrefcount(None) - before) < 100
