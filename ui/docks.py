"""The dock contents: the Events table, the Actors list and the Sources list with a reader."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models import queries
from models.errors import NotFound
from ui.models.actors import ACTOR_ID_ROLE, ActorTableModel
from ui.models.actors import SORT_ROLE as ACTOR_SORT_ROLE
from ui.models.events import COLUMN_KEYS, COLUMNS, EventTableModel
from ui.models.sources import RELIABILITY_TEXT, SOURCE_ID_ROLE, SourceTableModel
from ui.models.sources import SORT_ROLE as SOURCE_SORT_ROLE

DEFAULT_WIDTHS = {
    "when": 170,
    "title": 420,
    "actors": 220,
    "confidence": 90,
    "location": 140,
    "tags": 180,
}
HIDDEN_BY_DEFAULT = {"location"}


class EventsTable(QTableView):
    """The events table: lazy model, sortable headers, hideable columns, multi-select.

    ``selectionIdsChanged(list)`` reports the selected event ids; :meth:`select_ids` selects
    rows by id without echoing. Selection and the current row survive reloads (by id).
    """

    selectionIdsChanged = Signal(list)
    editRequested = Signal(int)

    def __init__(self, model: EventTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.events = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.horizontalHeader().setSectionsMovable(True)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(
            COLUMN_KEYS.index("title"), QHeaderView.ResizeMode.Stretch
        )
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, key in enumerate(COLUMN_KEYS):
            self.setColumnWidth(column, DEFAULT_WIDTHS[key])
            self.setColumnHidden(column, key in HIDDEN_BY_DEFAULT)
        self._echo = False
        self._kept_ids: list[int] = []
        self._kept_current: int | None = None
        self._kept_generation = model.generation
        # The ids that should be selected after a reload (the window's shared selection, which
        # may name rows that are not loaded yet, such as a new event); None: this view's own.
        self.wanted_ids = None
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._restore_selection)
        self.doubleClicked.connect(self._double_clicked)

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [i for i in (self.events.id_at(r) for r in rows) if i is not None]

    def select_ids(self, ids: list[int], scroll: bool = True) -> None:
        self._echo = True
        try:
            selection = QItemSelection()
            first = None
            for event_id in ids:
                row = self.events.row_of(event_id)
                if row is None:
                    continue
                first = row if first is None else first
                selection.select(
                    self.events.index(row, 0), self.events.index(row, self.events.columnCount() - 1)
                )
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.selectionModel().select(selection, flags)
            if first is not None:
                self.selectionModel().setCurrentIndex(
                    self.events.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
                if scroll:
                    self.scrollTo(self.events.index(first, 0))
        finally:
            self._echo = False

    def _selection_changed(self, *_args) -> None:
        if not self._echo:
            self.selectionIdsChanged.emit(self.selected_ids())

    def _keep_selection(self) -> None:
        self._kept_generation = self.events.generation
        self._kept_ids = self.wanted_ids() if self.wanted_ids is not None else self.selected_ids()
        current = self.currentIndex()
        self._kept_current = self.events.id_at(current.row()) if current.isValid() else None

    def _restore_selection(self) -> None:
        if (
            self._kept_generation != self.events.generation
        ):  # another workspace: ids mean other events
            self._kept_ids, self._kept_current = [], None
            self.scrollToTop()
            return
        if self._kept_ids:
            self.select_ids(self._kept_ids)
            if self.selected_ids() != self._kept_ids:
                self.selectionIdsChanged.emit(self.selected_ids())

    def _double_clicked(self, index) -> None:
        event_id = self.events.id_at(index.row())
        if event_id is not None:
            self.editRequested.emit(event_id)

    # ------------------------------------------------------------------ columns and sorting

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMN_KEYS[column] == "tags":  # not sortable: put the indicator back
            key, descending = self.events.sort_key()
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                COLUMN_KEYS.index(key) if key in COLUMN_KEYS else 0,
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def column_actions(self) -> list[QAction]:
        actions = []
        for column, (key, label) in enumerate(COLUMNS):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.setEnabled(key != "title")
            action.toggled.connect(lambda shown, c=column: self.setColumnHidden(c, not shown))
            actions.append(action)
        return actions

    def _header_menu(self, position) -> None:
        menu = QMenu(self)
        menu.addSection("Columns")
        for action in self.column_actions():
            menu.addAction(action)
        menu.exec(self.horizontalHeader().mapToGlobal(position))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._double_clicked(self.currentIndex())
            return
        super().keyPressEvent(event)


class EventsPanel(QWidget):
    """The Events dock: the table, with a line that says when rows are still loading."""

    def __init__(self, model: EventTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = EventsTable(model)
        self.status = QLabel()
        self.status.setForegroundRole(self.status.foregroundRole())
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        # (Loading is shown by the window's busy indicator, not here: the table keeps its
        # height while the rows are read.)
        model.noteChanged.connect(self._note)

    def _note(self, note: str) -> None:
        self.status.setText(note)
        self.status.setVisible(bool(note))


class ActorsPanel(QWidget):
    """The Actors dock: a sortable list with colour, kind, country and event count."""

    actorActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ActorTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ACTOR_SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.view.setColumnHidden(2, True)  # country: in the editor; leaves room for the names
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.doubleClicked.connect(
            lambda index: self.actorActivated.emit(index.data(ACTOR_ID_ROLE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def selected_ids(self) -> list[int]:
        return [index.data(ACTOR_ID_ROLE) for index in self.view.selectionModel().selectedRows()]

    def select_id(self, actor_id: int) -> None:
        row = self.model.row_of(actor_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())
            self.view.scrollTo(index)


class SourcesPanel(QWidget):
    """The Sources dock: the list of sources above a reader showing the chosen one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ws = None
        self.model = SourceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SOURCE_SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.reader.setPlaceholderText("Choose a source to read it; cited quotes are highlighted.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.reader)
        splitter.setSizes([160, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_workspace(self, ws, sources=()) -> None:
        self._ws = ws
        self.model.set_sources(list(sources))
        self.reader.clear()

    def selected_ids(self) -> list[int]:
        return [index.data(SOURCE_ID_ROLE) for index in self.view.selectionModel().selectedRows()]

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.show_source(current.data(SOURCE_ID_ROLE), select=False)

    def show_source(
        self, source_id: int, start: int = -1, end: int = -1, select: bool = True
    ) -> bool:
        """Show a source in the reader, highlighting and scrolling to ``start:end`` if given."""
        if self._ws is None:
            return False
        try:
            source = queries.get_source(self._ws, source_id)
        except NotFound as error:
            self.reader.setPlainText(str(error))
            return False
        if select:
            row = self.model.row_of(source_id)
            if row is not None:
                self.view.selectionModel().blockSignals(True)
                self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                self.view.selectionModel().blockSignals(False)
        heading = [source.title or source.file_name or "(untitled)"]
        details = ", ".join(
            p for p in (source.author, source.publisher, source.published[:10]) if p
        )
        if details:
            heading.append(details)
        if source.reliability:
            heading.append(f"Reliability {RELIABILITY_TEXT[source.reliability]}")
        if source.url:
            heading.append(source.url)
        header = "\n".join(heading)
        self.reader.setPlainText(f"{header}\n\n{source.text}")
        if 0 <= start <= end <= len(source.text):
            offset = len(header) + 2
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(offset + start)
            cursor.setPosition(offset + end, QTextCursor.MoveMode.KeepAnchor)
            highlight = QTextCharFormat()
            highlight.setBackground(QColor("#ffe680"))
            highlight.setForeground(QColor("#000000"))
            cursor.mergeCharFormat(highlight)
            self.reader.setTextCursor(cursor)
            self.reader.ensureCursorVisible()
        return True
