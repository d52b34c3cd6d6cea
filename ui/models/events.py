"""The events table model: lazy rows over the ids of the shown events.

The model holds only the ordered ids (from ``models.search.filtered_ids``); row contents are
fetched on demand, a page at a time, through ``models.queries.get_events(..., links=False)``
and ``event_actor_names``, and cached. So a million events open as fast as their ids load.

- Small workspaces (see ``ui.background.is_small``) load their ids at once on the GUI thread;
  larger ones load in the background (:class:`~ui.models.id_loader.IdLoader`) while the
  previous rows stay visible, and ``loadingChanged`` tells the view.
- Sorting: Date (by ``earliest``, then ``latest``), Title, Confidence and Location are sorted
  by the store; Actors by their names in alphabetical order, compared name by name
  (:func:`~ui.models.id_loader.by_actors`, numpy over every link: a million events in about
  a second). Tags are not sortable.
- :meth:`apply_change` refreshes from a Change: touched rows are re-read; when events were
  added or removed, or the edit may move rows (a sort key or a filtered field changed), the
  ids are reloaded and the view restores its selection by id.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from models import dates, queries
from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from ui import background
from ui.models.id_loader import IdLoader, IdRequest, IdResult, load_ids

PAGE = 200
CACHE_LIMIT = 20_000

COLUMNS = (
    ("when", "Date"),
    ("title", "Title"),
    ("actors", "Actors"),
    ("confidence", "Confidence"),
    ("location", "Location"),
    ("tags", "Tags"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
SORT_ORDERS = {
    "when": "when",
    "title": "title",
    "actors": "actors",
    "confidence": "confidence",
    "location": "location",
}
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EDTF_ROLE = Qt.ItemDataRole.UserRole + 2

# Fields whose change can move an event in or out of a filter, or to another row.
_FILTER_FIELDS = {"when", "earliest", "latest", "title", "description", "tags", "confidence"}
_ORDER_FIELDS = {
    "when": {"earliest", "latest"},
    "title": {"title"},
    "confidence": {"confidence"},
    "location": {"location"},
    "actors": set(),
}


class _Row:
    __slots__ = ("values", "tooltip", "edtf", "deleted", "uncertain")

    def __init__(self, values, tooltip="", edtf="", deleted=False, uncertain=False):
        self.values = values
        self.tooltip = tooltip
        self.edtf = edtf
        self.deleted = deleted
        self.uncertain = uncertain


class EventTableModel(QAbstractTableModel):
    """Lazy table of events; see the module docstring."""

    loadingChanged = Signal(bool)
    countsChanged = Signal(int, int)  # shown, total
    noteChanged = Signal(str)  # e.g. "The events could not be loaded: ..."

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._ids: list[int] = []
        self._rows_by_id: dict[int, int] | None = None
        self._cache: dict[int, _Row] = {}
        self._total = 0
        self._filter = EventFilter()
        self._order = "when"
        self._descending = False
        self._loading = False
        self.generation = 0
        self._loader = IdLoader(self)
        self._loader.loaded.connect(self._loaded)
        self._loader.failed.connect(self._load_failed)

    # ------------------------------------------------------------------ state

    def set_workspace(self, ws: Workspace | None) -> None:
        self._loader.cancel()
        self.beginResetModel()  # views keep their selection here, under the old generation
        self.generation += 1  # ids of one workspace mean nothing in another
        self._ws = ws
        self._filter = EventFilter()  # so do actor and source ids in a filter
        self._ids, self._rows_by_id, self._cache = [], None, {}
        self._total = 0
        self.endResetModel()
        self.reload()

    def set_filter(self, flt: EventFilter) -> None:
        self._filter = flt
        self.reload()

    @property
    def filter(self) -> EventFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def total(self) -> int:
        return self._total

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, event_id: int) -> int | None:
        if self._rows_by_id is None:
            self._rows_by_id = {event_id: row for row, event_id in enumerate(self._ids)}
        return self._rows_by_id.get(event_id)

    def sort_key(self) -> tuple[str, bool]:
        return self._order, self._descending

    def reload(self) -> None:
        """Load the ids again for the current workspace, filter and order."""
        if self._ws is None:
            self._set_loading(False)
            self.countsChanged.emit(0, 0)
            return
        request = IdRequest(self._filter, self._order, self._descending)
        if background.is_small(self._ws):
            self._loader.cancel()
            self._install(load_ids(self._ws, request))
            return
        self._set_loading(True)
        self._loader.request(self._ws.path, request)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until a background load finishes (for tests and benchmarks)."""
        return self._loader.wait(msecs)

    def _loaded(self, result: IdResult) -> None:
        self._install(result)

    def _load_failed(self, message: str) -> None:
        self._set_loading(False)
        self.noteChanged.emit(f"The events could not be loaded: {message}")

    def _install(self, result: IdResult) -> None:
        self.beginResetModel()
        self._ids = result.ids
        self._rows_by_id = None
        self._total = result.total
        if len(self._cache) > CACHE_LIMIT:
            self._cache = {}
        self.endResetModel()
        self._set_loading(False)
        self.countsChanged.emit(len(self._ids), self._total)
        self.noteChanged.emit(result.note)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    # ------------------------------------------------------------------ changes

    def apply_change(self, change: Change) -> None:
        """Refresh from a Change (see the module docstring)."""
        if self._ws is None:
            return
        touched_events = set(change.touched("events"))
        for table in ("event_actors", "event_sources"):
            for images in (change.before.get(table, {}), change.after.get(table, {})):
                touched_events.update(row["event_id"] for row in images.values() if row)
        reload = bool(change.added("events") or change.removed("events"))
        if "actors" in change.tables:
            self._cache.clear()
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1)
                )
            reload = reload or bool(self._filter.actor_ids) or self._order == "actors"
        if "event_actors" in change.tables and (self._filter.actor_ids or self._order == "actors"):
            reload = True
        if "event_sources" in change.tables and self._filter.source_id is not None:
            reload = True
        for event_id in change.updated("events"):
            before, after = change.before["events"][event_id], change.after["events"][event_id]
            fields = {k for k in after if before.get(k) != after.get(k)}
            if fields & _ORDER_FIELDS.get(self._order, set()):
                reload = True
            if not self._filter.empty and fields & _FILTER_FIELDS:
                reload = True
        for event_id in touched_events:
            self._cache.pop(event_id, None)
            row = self.row_of(event_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if reload:
            self.reload()

    def invalidate(self) -> None:
        """Forget cached rows (after changes made outside this window)."""
        self._cache.clear()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1)
            )

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][1]
            if role == Qt.ItemDataRole.ToolTipRole:
                key = COLUMNS[section][0]
                if key == "when":
                    return "Date: sorted by the earliest moment each date can mean"
                if key == "tags":
                    return "Tags (not sortable)"
                return f"{COLUMNS[section][1]}: click to sort"
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        event_id = self._ids[index.row()]
        if role == EVENT_ID_ROLE:
            return event_id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            EDTF_ROLE,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            return None
        row = self._row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return row.values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == EDTF_ROLE:
            return row.edtf
        if role == Qt.ItemDataRole.ForegroundRole and row.deleted:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        # Approximate or uncertain dates are set in italics (as "c." and "?" say in words).
        if role == Qt.ItemDataRole.FontRole and (
            row.deleted or (row.uncertain and index.column() == 0)
        ):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_KEYS[column] if 0 <= column < len(COLUMNS) else "when"
        if key not in SORT_ORDERS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (SORT_ORDERS[key], descending) == (self._order, self._descending):
            return
        self._order, self._descending = SORT_ORDERS[key], descending
        self.reload()

    # ------------------------------------------------------------------ rows

    def _row(self, row: int) -> _Row:
        event_id = self._ids[row]
        cached = self._cache.get(event_id)
        if cached is not None:
            return cached
        start = (row // PAGE) * PAGE
        page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
        self._fetch(page)
        return self._cache[event_id]

    def _fetch(self, ids: list[int]) -> None:
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        events = (
            {e.id: e for e in queries.get_events(self._ws, ids, links=False)} if self._ws else {}
        )
        names = queries.event_actor_names(self._ws, ids) if self._ws else {}
        for event_id in ids:
            event = events.get(event_id)
            if event is None:
                self._cache[event_id] = _Row(
                    ("", "(deleted)", "", "", "", ""),
                    "This event is no longer in the workspace.",
                    deleted=True,
                )
                continue
            actors = ", ".join(names.get(event_id, []))
            try:
                parsed = dates.parse(event.when)
                uncertain = parsed.approximate or parsed.uncertain
                human = parsed.human()
            except dates.DateError:
                uncertain, human = True, event.when
            values = (
                human,
                event.title,
                actors,
                event.confidence,
                event.location,
                ", ".join(event.tags),
            )
            tip = event.title
            if event.description:
                text = event.description.strip()
                tip += "\n\n" + (text[:300] + "…" if len(text) > 300 else text)
            self._cache[event_id] = _Row(values, tip, event.when, uncertain=uncertain)
