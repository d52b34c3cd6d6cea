"""The search box and filters shared by the events table and the timeline.

Search is full-text over titles and descriptions, as you type (after a short pause). The
filters narrow by date range (events overlapping it), actors, tags, minimum confidence and
source. Every change produces one ``models.search.EventFilter`` via ``filterChanged``.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from models import dates
from models.search import EventFilter
from models.store import Workspace
from ui.editors.widgets import error_colour

SEARCH_DELAY_MS = 250
CONFIDENCE_FILTERS = (
    (None, "Any confidence"),
    (1, "Low or better"),
    (2, "Moderate or better"),
    (3, "High only"),
)


class ChecklistButton(QToolButton):
    """A button that drops down a searchable list of checkable choices."""

    changed = Signal()

    def __init__(self, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._noun = noun
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        panel = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(f"Find {noun}…")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumSize(240, 260)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        action = QWidgetAction(menu)
        action.setDefaultWidget(panel)
        menu.addAction(action)
        menu.aboutToShow.connect(lambda: self.search.setFocus())
        self.setMenu(menu)
        self.search.textChanged.connect(self._narrow)
        self.list.itemChanged.connect(self._item_changed)
        self._update_text()

    def set_choices(self, choices: list[tuple[object, str]], checked: tuple = ()) -> None:
        """``choices`` are (value, label) pairs; ``checked`` values start ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        for value, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._narrow(self.search.text())
        self._update_text()

    def checked(self) -> tuple:
        return tuple(
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, values: tuple) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            state = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_text()

    def _narrow(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _item_changed(self, _item) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        labels = [
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        if not labels:
            self.setText(f"Any {self._noun}")
        elif len(labels) == 1:
            self.setText(labels[0])
        else:
            self.setText(f"{len(labels)} {self._noun}")
        self.setToolTip(
            ", ".join(labels)
            if labels
            else f"Show events with any {self._noun}; pick some to narrow"
        )


class FilterBar(QWidget):
    """Search box and filters; see the module docstring."""

    filterChanged = Signal(object)  # EventFilter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._filter = EventFilter()
        self._updating = False
        self._summary = None  # ui.summary.WorkspaceSummary: the actor, tag and source lists
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search events (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.start = QLineEdit()
        self.start.setPlaceholderText("From, e.g. 2023")
        self.start.setToolTip(
            "Show events that reach this date or later (2023, 2023-09, 14 Nov 2024)"
        )
        self.end = QLineEdit()
        self.end.setPlaceholderText("To, e.g. 2024-06")
        self.end.setToolTip("Show events that begin by this date")
        for edit in (self.start, self.end):
            edit.setMaximumWidth(130)
            edit.setClearButtonEnabled(True)
        self.actors = ChecklistButton("actors")
        self.tags = ChecklistButton("tags")
        self.confidence = QComboBox()
        for value, label in CONFIDENCE_FILTERS:
            self.confidence.addItem(label, value)
        self.source = QComboBox()
        self.source.setMaximumWidth(220)
        self.source.setMinimumContentsLength(12)
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.clear = QToolButton()
        self.clear.setText("Clear")
        self.clear.setToolTip("Show all events again (Escape)")
        self.date_message = QLabel()
        self.date_message.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.start, 1)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end, 1)
        layout.addWidget(self.date_message)
        layout.addWidget(self.actors)
        layout.addWidget(self.tags)
        layout.addWidget(self.confidence)
        layout.addWidget(self.source)
        layout.addWidget(self.clear)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._emit)
        self.search.textChanged.connect(lambda text: text or self._search_timer.start())
        for edit in (self.start, self.end):
            edit.editingFinished.connect(self._emit)
            edit.textChanged.connect(lambda text: text or self._emit())
        self.actors.changed.connect(self._emit)
        self.tags.changed.connect(self._emit)
        self.confidence.activated.connect(lambda _i: self._emit())
        self.source.activated.connect(lambda _i: self._emit())
        self.clear.clicked.connect(self.clear_filter)

    # ------------------------------------------------------------------ state

    def set_workspace(self, ws: Workspace | None, summary=None) -> None:
        """Show the controls for ``ws``; the choice lists come from its ``summary``."""
        if self._summary is not None:
            self._summary.changed.disconnect(self._summary_changed)
        self._summary = summary
        if summary is not None:
            summary.changed.connect(self._summary_changed)
        self._ws = ws
        self._filter = EventFilter()
        self._updating = True
        for edit in (self.search, self.start, self.end):
            edit.clear()
        self.confidence.setCurrentIndex(0)
        self._updating = False
        self.refresh_choices()
        self.setEnabled(ws is not None)

    def _summary_changed(self, _parts: set) -> None:
        self.refresh_choices()

    def refresh_choices(self) -> None:
        """Show the current actor, tag and source lists (after edits)."""
        if self._ws is None or self._summary is None:
            self.actors.set_choices([])
            self.tags.set_choices([])
            self.source.clear()
            return
        self.actors.set_choices(
            [(a.id, a.name) for a in self._summary.actors], self._filter.actor_ids
        )
        self.tags.set_choices(
            [(tag, f"{tag} ({n:,})") for tag, n in self._summary.tags], self._filter.tags
        )
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("Any source", None)
        for source in self._summary.sources:
            self.source.addItem(
                source.title or source.file_name or f"Source {source.id}", source.id
            )
        self.source.setCurrentIndex(max(0, self.source.findData(self._filter.source_id)))
        self.source.blockSignals(False)

    @property
    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, flt: EventFilter) -> None:
        """Show ``flt`` in the controls (when the filter was set elsewhere)."""
        if flt == self._filter:
            return
        self._filter = flt
        self._updating = True
        self.search.setText(flt.text)
        self.start.setText(_day(flt.start) if flt.start is not None else "")
        self.end.setText(_day(flt.end) if flt.end is not None else "")
        self.actors.set_checked(flt.actor_ids)
        self.tags.set_checked(flt.tags)
        self.confidence.setCurrentIndex(max(0, self.confidence.findData(flt.min_confidence)))
        self.source.setCurrentIndex(max(0, self.source.findData(flt.source_id)))
        self._updating = False

    def clear_filter(self) -> None:
        self.set_filter(EventFilter())
        self._set_date_error("")
        self.filterChanged.emit(self._filter)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------------ building the filter

    def _bound(self, edit: QLineEdit, upper: bool) -> tuple[int | None, str]:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            return None, ""
        try:
            parsed = dates.parse_loose(text)
        except dates.DateError as error:
            edit.setStyleSheet(f"border: 1px solid {error_colour(self)};")
            return None, str(error)
        edit.setStyleSheet("")
        return (parsed.latest if upper else parsed.earliest), ""

    def _set_date_error(self, message: str) -> None:
        self.start.setToolTip(
            message or "Show events that reach this date or later (2023, 2023-09, 14 Nov 2024)"
        )
        self.end.setToolTip(message or "Show events that begin by this date")
        self.date_message.setText("⚠" if message else "")
        self.date_message.setToolTip(message)
        self.date_message.setStyleSheet(f"color: {error_colour(self)};")
        self.date_message.setVisible(bool(message))

    def current(self) -> EventFilter:
        start, start_error = self._bound(self.start, upper=False)
        end, end_error = self._bound(self.end, upper=True)
        self._set_date_error(start_error or end_error)
        return dataclasses.replace(
            self._filter,
            text=self.search.text().strip(),
            start=start,
            end=end,
            actor_ids=tuple(self.actors.checked()),
            tags=tuple(self.tags.checked()),
            min_confidence=self.confidence.currentData(),
            source_id=self.source.currentData(),
        )

    def _emit(self) -> None:
        if self._updating or self._ws is None:
            return
        flt = self.current()
        if flt != self._filter:
            self._filter = flt
            self.filterChanged.emit(flt)


def _day(seconds: int) -> str:
    return dates.to_iso(seconds)[:10]
