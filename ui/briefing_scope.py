"""The scope editor of the briefing dialog: which events one briefing covers.

A date window (from/to, or only the last N days), the actors and tags to keep (any of), a
minimum confidence, and beneath them the scope in words with how many events it holds. The
dialog owns the definition: it shows a :class:`~briefings.Scope` with :meth:`ScopeEditor.
show_scope`, reads the widgets back with :meth:`ScopeEditor.read_into`, and hears of every
edit through :attr:`ScopeEditor.edited`.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefings import LARGE_SCOPE, Briefing, Scope
from briefings.data import count as scope_count
from models import queries
from models.errors import AnnalistError
from models.store import Workspace

CONFIDENCE_CHOICES = (
    ("Any confidence", ""),
    ("Low or higher", "low"),
    ("Moderate or higher", "moderate"),
    ("High only", "high"),
)


def _checklist(items) -> QListWidget:
    """A list of ``(text, data)`` items, each with an empty tick box."""
    widget = QListWidget()
    for text, data in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class ScopeEditor(QGroupBox):
    """The "Scope" box of the Briefings tab; see the module docstring.

    ``view_button`` ("Use What the Timeline Shows Now") is enabled when ``has_view``; the
    dialog connects it, since taking the view replaces the briefing's whole scope.
    """

    edited = Signal()

    def __init__(self, ws: Workspace, has_view: bool, parent: QWidget | None = None):
        super().__init__("Scope", parent)
        self.from_edit, self.to_edit = QLineEdit(), QLineEdit()
        self.from_edit.setPlaceholderText("e.g. 2024-01 or 14 Nov 2024 (empty: no limit)")
        self.to_edit.setPlaceholderText("e.g. 2024-06-30 (empty: no limit)")
        self.last_box = QCheckBox("Only the last")
        self.last_spin = QSpinBox(minimum=1, maximum=3650, value=7, suffix=" days")
        self.last_box.toggled.connect(self._window_mode)
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_box)
        last_row.addWidget(self.last_spin)
        last_row.addStretch(1)
        self.view_button = QPushButton("Use What the Timeline Shows Now")
        self.view_button.setEnabled(has_view)
        self.view_button.setToolTip("Take the timeline's window and filters as this scope")
        self.extra_label = QLabel(wordWrap=True)
        self.actor_filter = QLineEdit(placeholderText="Filter actors")
        self.actor_list = _checklist(
            (f"{a.name} ({a.event_count})", a.id) for a in queries.list_actors(ws)
        )
        self.actor_filter.textChanged.connect(self._filter_actors)
        self.tag_list = _checklist((f"{t} ({n})", t) for t, n in queries.list_tags(ws))
        self.confidence_combo = QComboBox()
        for text, value in CONFIDENCE_CHOICES:
            self.confidence_combo.addItem(text, value)
        self.count_label = QLabel(wordWrap=True)
        for widget in (self.from_edit, self.to_edit):
            widget.textChanged.connect(self.edited)
        self.last_spin.valueChanged.connect(self.edited)
        self.actor_list.itemChanged.connect(self.edited)
        self.tag_list.itemChanged.connect(self.edited)
        self.confidence_combo.currentIndexChanged.connect(self.edited)

        form = QFormLayout(self)
        form.addRow("From:", self.from_edit)
        form.addRow("To:", self.to_edit)
        form.addRow("", last_row)
        form.addRow("", self.view_button)
        form.addRow("", self.extra_label)
        lists = QHBoxLayout()
        actors = QVBoxLayout()
        actors.addWidget(QLabel("Actors (any of):"))
        actors.addWidget(self.actor_filter)
        actors.addWidget(self.actor_list)
        tags = QVBoxLayout()
        tags.addWidget(QLabel("Tags (any of):"))
        tags.addWidget(self.tag_list)
        lists.addLayout(actors, 3)
        lists.addLayout(tags, 2)
        form.addRow(lists)
        form.addRow("Minimum confidence:", self.confidence_combo)
        form.addRow("", self.count_label)

    def _window_mode(self, last: bool) -> None:
        self.from_edit.setEnabled(not last)
        self.to_edit.setEnabled(not last)
        self.last_spin.setEnabled(last)
        self.edited.emit()

    def _filter_actors(self, text: str) -> None:
        text = text.casefold().strip()
        for i in range(self.actor_list.count()):
            item = self.actor_list.item(i)
            item.setHidden(bool(text) and text not in item.text().casefold())

    def show_scope(self, scope: Scope) -> None:
        """Show ``scope`` in the widgets (each change emits :attr:`edited`)."""
        self.last_box.setChecked(bool(scope.last_days))
        self.last_spin.setValue(scope.last_days or 7)
        self.from_edit.setText(scope.start)
        self.to_edit.setText(scope.end)
        for widget, chosen in (
            (self.actor_list, set(scope.actor_ids)),
            (self.tag_list, set(scope.tags)),
        ):
            for i in range(widget.count()):
                item = widget.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.confidence_combo.setCurrentIndex(
            max(0, self.confidence_combo.findData(scope.min_confidence or ""))
        )
        extra = []
        if scope.text:
            extra.append(f"matching “{scope.text}”")
        if scope.source_id is not None:
            extra.append(f"cited from source {scope.source_id}")
        if scope.event_ids is not None:
            extra.append(f"{len(scope.event_ids)} chosen events")
        self.extra_label.setText("Also from the timeline: " + "; ".join(extra) if extra else "")
        self._window_mode(self.last_box.isChecked())

    def read_into(self, scope: Scope) -> None:
        """Write what the widgets hold into ``scope`` (the timeline's extras are kept)."""
        scope.last_days = self.last_spin.value() if self.last_box.isChecked() else None
        scope.start, scope.end = self.from_edit.text().strip(), self.to_edit.text().strip()
        scope.actor_ids, scope.tags = _checked(self.actor_list), _checked(self.tag_list)
        scope.min_confidence = self.confidence_combo.currentData() or ""

    def show_count(self, ws: Workspace, briefing: Briefing, day: dt.date) -> None:
        """Say what the briefing's scope is in words and how many events it holds on ``day``,
        or why it cannot be read."""
        try:
            found = scope_count(ws, briefing, day)
        except AnnalistError as error:
            self.count_label.setText(
                f"<span style='color:#b3261e'>{html.escape(str(error))}</span>"
            )
            return
        summary = briefing.scope.describe(ws, day)
        if found == 0:
            text = "No events match this scope; the briefing would be a short note."
        elif found >= LARGE_SCOPE:
            text = (
                f"<span style='color:#b3261e'>{found:,} events: a very large pack. "
                "Narrow the window or the actors if you can.</span>"
            )
        else:
            text = f"{found:,} event{'s' if found != 1 else ''} in this briefing."
        self.count_label.setText(f"Scope: {html.escape(summary)}.<br>{text}")
