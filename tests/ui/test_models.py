"""The item models: Qt's model checks, lazy rows, sorting, filtering, refresh from changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models import operations as ops
from models import queries
from models.search import EventFilter
from ui import background
from ui.models import events as events_model
from ui.models.actors import ActorTableModel
from ui.models.events import EVENT_ID_ROLE, EventTableModel
from ui.models.sources import SourceTableModel


def titles(model):
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_event_model_passes_qt_checks(qtmodeltester, ws):
    model = EventTableModel()
    model.set_workspace(ws)
    assert model.rowCount() == 8
    qtmodeltester.check(model, force_py=True)


def test_actor_and_source_models_pass_qt_checks(qtmodeltester, ws):
    actors = ActorTableModel()
    actors.set_workspace(ws)
    assert actors.rowCount() == 5
    qtmodeltester.check(actors, force_py=True)
    sources = SourceTableModel()
    sources.set_workspace(ws)
    assert sources.rowCount() == 1
    qtmodeltester.check(sources, force_py=True)


def test_dates_sort_by_earliest_not_text(ws):
    # "2023-07~" sorts before "2023-07-11/..." even though the human texts differ.
    model = EventTableModel()
    model.set_workspace(ws)
    assert titles(model)[:2] == [
        "Full-scale invasion of Ukraine begins",
        "Zaporizhzhia plant seized",
    ]
    assert model.index(0, 0).data() == "24 Feb 2022"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert titles(model)[0] == "Kursk incursion"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert titles(model) == sorted(titles(model), key=str.casefold)


def test_actor_sort_and_confidence_sort(ws):
    model = EventTableModel()
    model.set_workspace(ws)
    model.sort(2, Qt.SortOrder.AscendingOrder)
    actors = [model.index(r, 2).data() for r in range(model.rowCount())]
    keys = [", ".join(sorted(a.split(", "), key=str.casefold)).casefold() for a in actors]
    assert keys == sorted(keys)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 3).data() == "high"
    assert model.index(model.rowCount() - 1, 3).data() == "low"


def test_filter_counts(ws):
    model = EventTableModel()
    counts = []
    model.countsChanged.connect(lambda shown, total: counts.append((shown, total)))
    model.set_workspace(ws)
    wagner = queries.find_actor(ws, "PMC Wagner").id
    model.set_filter(EventFilter(actor_ids=(wagner,)))
    assert counts[-1] == (1, 8)
    model.set_filter(EventFilter(text="offensive"))
    assert counts[-1] == (1, 8)  # full text: title/description, not tags
    model.set_filter(EventFilter(tags=("offensive",)))
    assert counts[-1] == (2, 8)
    model.set_filter(EventFilter(min_confidence=3))
    assert counts[-1] == (4, 8)


def test_rows_refresh_from_a_change(ws):
    model = EventTableModel()
    model.set_workspace(ws)
    event_id = model.index(0, 0).data(EVENT_ID_ROLE)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    change = ops.update_event(ws, event_id, location="Kyiv")
    model.apply_change(change)
    assert 0 in changed
    assert model.index(0, 4).data() == "Kyiv"


def test_deleted_elsewhere_shows_as_deleted(ws):
    model = EventTableModel()
    model.set_workspace(ws)
    event_id = model.index(3, 0).data(EVENT_ID_ROLE)
    model.invalidate()
    ops.delete_events(ws, [event_id])  # another window: no apply_change here
    assert model.index(3, 1).data() == "(deleted)"


def test_large_workspace_loads_in_the_background(qtbot, ws, monkeypatch):
    monkeypatch.setattr(background, "SMALL_FILE_BYTES", 0)
    model = EventTableModel()
    model.set_workspace(ws)
    assert model.loading and model.rowCount() == 0
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 8, timeout=10_000)
    model.set_filter(EventFilter(text="summit"))
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 1, timeout=10_000)
    assert titles(model) == ["Vilnius summit"]


@pytest.mark.parametrize("order", ["title", "actors"])
def test_background_sorting(qtbot, ws, monkeypatch, order):
    monkeypatch.setattr(background, "SMALL_FILE_BYTES", 0)
    model = EventTableModel()
    model.set_workspace(ws)
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    column = events_model.COLUMN_KEYS.index(order)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    values = [model.index(r, column).data() for r in range(model.rowCount())]
    if order == "actors":
        values = [", ".join(sorted(v.split(", "), key=str.casefold)) for v in values]
    values = [v.casefold() for v in values]
    assert values == sorted(values)
