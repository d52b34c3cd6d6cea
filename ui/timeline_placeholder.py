"""Stand-in for the timeline (``ui.timeline.TimelineView``) until it lands.

It has the timeline's interface, so the main window wires both the same way:
``set_workspace(ws)``, ``apply_change(change)``, ``set_filter(event_filter)``,
``selected_ids()``, ``set_selected_ids(ids)``, ``set_undo_stack(stack)``, and the signals
``selectionChanged(list)`` and ``editRequested(int)``. It lists the first events of the
current filter by date, so the shared selection can be seen and tested.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import queries, search
from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from ui import background
from ui.models.id_loader import IdLoader, IdRequest, IdResult

LIMIT = 500


class TimelinePlaceholder(QWidget):
    """A list of the first :data:`LIMIT` shown events, by date (the timeline's stand-in)."""

    selectionChanged = Signal(list)
    editRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._filter = EventFilter()
        self._undo_stack: QUndoStack | None = None
        self._echo = False
        self._loader = IdLoader(self)
        self._loader.loaded.connect(self._loaded)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setMargin(6)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(
            lambda item: self.editRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def set_workspace(self, ws: Workspace | None) -> None:
        self._ws = ws
        self._filter = EventFilter()
        self._reload()

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        self._undo_stack = stack

    def set_filter(self, event_filter: EventFilter) -> None:
        self._filter = event_filter
        self._reload()

    def apply_change(self, change: Change) -> None:
        if change.tables & {"events", "event_actors", "actors"}:
            self._reload()

    def selected_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def set_selected_ids(self, ids: list[int]) -> None:
        wanted = set(ids)
        self._echo = True
        try:
            first = None
            for row in range(self.list.count()):
                item = self.list.item(row)
                chosen = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setSelected(chosen)
                if chosen and first is None:
                    first = item
            if first is not None:
                self.list.scrollToItem(first)
        finally:
            self._echo = False

    def _selection_changed(self) -> None:
        if not self._echo:
            self.selectionChanged.emit(self.selected_ids())

    def _reload(self) -> None:
        if self._ws is None:
            self._loader.cancel()
            self._fill([], False)
            self.caption.setText("No workspace is open.")
            return
        if not background.is_small(self._ws):  # big: find the ids off the GUI thread
            self._loader.request(self._ws.path, IdRequest(self._filter, limit=LIMIT + 1))
            return
        self._loader.cancel()
        ids = search.filtered_ids(self._ws, self._filter, limit=LIMIT + 1)
        self._fill(ids[:LIMIT], len(ids) > LIMIT)

    def _loaded(self, result: IdResult) -> None:
        if self._ws is not None:
            self._fill(result.ids[:LIMIT], len(result.ids) > LIMIT)

    def _fill(self, ids: list[int], more: bool) -> None:
        selected = set(self.selected_ids())
        self._echo = True
        self.list.clear()
        if self._ws is not None and ids:
            names = queries.event_actor_names(self._ws, ids)
            for event in queries.get_events(self._ws, ids, links=False):
                actors = ", ".join(names.get(event.id, []))
                text = f"{event.human_when:>22}   {event.title}" + (
                    f"   — {actors}" if actors else ""
                )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                self.list.addItem(item)
                item.setSelected(event.id in selected)
        self._echo = False
        first = f" (the first {LIMIT} by date)" if more else ""
        self.caption.setText(
            f"Timeline (placeholder): the shown events by date{first}. "
            "The zoomable timeline replaces this view."
        )
