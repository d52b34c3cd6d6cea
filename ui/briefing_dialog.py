"""Briefing > New Pack: define, save, preview and build briefing packs.

The main window opens it as::

    BriefingDialog(ws, parent, current_filter=None, undo_stack=None)

``ws`` is the open :class:`~models.store.Workspace`; ``current_filter`` is the
:class:`~models.search.EventFilter` the timeline shows now (offered as a scope); ``undo_stack`` a
``QUndoStack`` that saving and deleting definitions push onto (undo restores them). Builds run off
the GUI thread with progress and Cancel (:class:`ui.briefing_preview.BuildThread`). Author,
organisation and marking defaults come from the QSettings keys ``briefing/author``,
``briefing/organisation`` and ``briefing/marking`` (read through :mod:`ui.settings`; an unset
marking means TLP:AMBER); the last folder from ``briefing/folder``.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import html
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefings import (
    BODY_SECTIONS,
    DEFAULT_MARKING,
    LARGE_SCOPE,
    TLP_MARKINGS,
    Briefing,
    Pack,
    Scope,
    save_pack,
    saved_packs,
)
from briefings.data import count as scope_count
from briefings.definition import TLP_MEANING, next_output, section_title
from models import operations, queries
from models.errors import AnnalistError
from ui import settings as app_settings
from ui.briefing_editor import KeyJudgmentsEditor
from ui.briefing_preview import BuildPanel, PreviewPane

CONFIDENCE_CHOICES = (
    ("Any confidence", ""),
    ("Low or higher", "low"),
    ("Moderate or higher", "moderate"),
    ("High only", "high"),
)


class _ChangeCommand(QUndoCommand):
    """An operation already done, undoable: undo and redo revert the latest change record."""

    def __init__(self, ws, change, after):
        super().__init__(change.label)
        self.ws, self.change, self.after, self.fresh = ws, change, after, True

    def redo(self):
        if self.fresh:  # done when pushed
            self.fresh = False
            return
        self.change = operations.revert(self.ws, self.change)
        self.after()

    def undo(self):
        self.change = operations.revert(self.ws, self.change)
        self.after()


def _checklist(items, checked) -> QListWidget:
    widget = QListWidget()
    for text, data in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if data in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class BriefingDialog(QDialog):
    """Define a pack (front matter, briefings, scopes, key judgments, sections), save it in the
    workspace, preview it and build the PDF; see the module docstring."""

    def __init__(self, ws, parent=None, current_filter=None, undo_stack=None):
        super().__init__(parent)
        self.ws, self.current_filter, self.undo_stack = ws, current_filter, undo_stack
        self.settings = app_settings.store()  # the app's one QSettings (no lost writes)
        self.setWindowTitle("Briefing Pack")
        self.resize(1180, 780)
        self.pack = self._new_pack()
        self.saved_id: int | None = None
        self.current = 0  # index of the briefing being edited
        self._preview_dir = tempfile.TemporaryDirectory(prefix="annalist-pack-")
        self._loading = False

        self.tabs = QTabWidget()
        self.tabs.addTab(self._pack_tab(), "Pack")
        self.tabs.addTab(self._briefings_tab(), "Briefings")
        self.tabs.addTab(self._judgments_tab(), "Key Judgments")
        self.preview = PreviewPane()
        refresh = QPushButton("Refresh Preview")
        refresh.clicked.connect(self.refresh_preview)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.preview, 1)
        self.tabs.addTab(page, "Preview")
        self.refresh_button = refresh

        splitter = QSplitter()
        splitter.addWidget(self._saved_panel())
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 950])

        self.panel = BuildPanel(ws.path)
        self.save_button = QPushButton("Save")
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.clicked.connect(self.save)
        self.save_as_button = QPushButton("Save As…")
        self.save_as_button.clicked.connect(lambda: self.save(as_new=True))
        self.build_button = QPushButton("Build PDF…")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build_pdf)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        if ws.readonly:
            for button in (self.save_button, self.save_as_button, self.delete_button):
                button.setEnabled(False)
                button.setToolTip(ws.readonly_reason or "The workspace is open read-only.")

        buttons = QHBoxLayout()
        for widget in (self.save_button, self.save_as_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.build_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.panel)
        layout.addLayout(buttons)

        self._count_timer = QTimer(self, singleShot=True, interval=250)
        self._count_timer.timeout.connect(self._update_count)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._show_pack()
        self._reload_saved()

    # ------------------------------------------------------------------ the pack tab

    def _new_pack(self) -> Pack:
        return Pack(
            title="Briefing pack",
            author=str(self.settings.value("briefing/author", "") or ""),
            organisation=str(self.settings.value("briefing/organisation", "") or ""),
            marking=str(self.settings.value("briefing/marking", "") or DEFAULT_MARKING),
            briefings=[Briefing(scope=Scope())],
        )

    def _pack_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title_edit, self.subtitle_edit, self.short_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.short_edit.setPlaceholderText("the title, on every page")
        self.author_edit, self.org_edit = QLineEdit(), QLineEdit()
        self.build_date_box = QCheckBox("The day it is built")
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.build_date_box.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        date_row = QHBoxLayout()
        date_row.addWidget(self.build_date_box)
        date_row.addWidget(self.date_edit, 1)
        self.dtg_edit = QLineEdit()
        self.dtg_edit.setPlaceholderText(
            "e.g. 141830Z NOV 24; empty: the build time (for packs dated the build day)"
        )
        self.ref_edit, self.version_edit = QLineEdit(), QLineEdit()
        self.version_edit.setPlaceholderText("e.g. Updated 14 Nov 2024")
        self.marking_combo = QComboBox(editable=True)
        self.marking_combo.addItems(TLP_MARKINGS)
        self.marking_combo.setToolTip("TLP 2.0 labels, or type your organisation's own marking")
        self.marking_note = QLabel(wordWrap=True)
        self.marking_combo.currentTextChanged.connect(
            lambda text: self.marking_note.setText(TLP_MEANING.get(text.strip().upper(), ""))
        )
        self.size_combo = QComboBox()
        self.size_combo.addItems(["A4", "Letter"])
        self.cover_box, self.contents_box = QCheckBox("Cover page"), QCheckBox("Contents page")
        for label, widget in (
            ("Title:", self.title_edit),
            ("Subtitle:", self.subtitle_edit),
            ("Running title:", self.short_edit),
            ("Author:", self.author_edit),
            ("Organisation:", self.org_edit),
            ("Date:", date_row),
            ("DTG:", self.dtg_edit),
            ("Reference:", self.ref_edit),
            ("Version:", self.version_edit),
            ("Marking:", self.marking_combo),
            ("", self.marking_note),
            ("Page size:", self.size_combo),
            ("", self.cover_box),
            ("", self.contents_box),
        ):
            form.addRow(label, widget)
        return page

    # ------------------------------------------------------------- the briefings tab

    def _briefings_tab(self) -> QWidget:
        page = QWidget()
        self.briefing_list = QListWidget()
        self.briefing_list.currentRowChanged.connect(self._select_briefing)
        side = QVBoxLayout()
        side.addWidget(QLabel("Briefings in this pack:"))
        side.addWidget(self.briefing_list, 1)
        for text, slot, tip in (
            ("Add", self._add_briefing, "Add a briefing with its own scope"),
            ("One per Actor", self._one_per_actor, "A briefing for each actor ticked in the scope"),
            ("Remove", self._remove_briefing, "Remove the selected briefing"),
            ("Move Up", lambda: self._move_briefing(-1), ""),
            ("Move Down", lambda: self._move_briefing(1), ""),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            side.addWidget(button)

        self.btitle_edit = QLineEdit()
        self.btitle_edit.setPlaceholderText("needed when the pack holds several briefings")
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
        self.view_button.setEnabled(self.current_filter is not None)
        self.view_button.setToolTip("Take the timeline's window and filters as this scope")
        self.view_button.clicked.connect(self._use_view)
        self.extra_label = QLabel(wordWrap=True)
        self.actor_filter = QLineEdit(placeholderText="Filter actors")
        self.actor_list = _checklist(
            [(f"{a.name} ({a.event_count})", a.id) for a in queries.list_actors(self.ws)], set()
        )
        self.actor_filter.textChanged.connect(self._filter_actors)
        self.tag_list = _checklist(
            [(f"{t} ({n})", t) for t, n in queries.list_tags(self.ws)], set()
        )
        self.confidence_combo = QComboBox()
        for text, value in CONFIDENCE_CHOICES:
            self.confidence_combo.addItem(text, value)
        self.count_label = QLabel(wordWrap=True)
        for widget in (self.from_edit, self.to_edit):
            widget.textChanged.connect(self._scope_changed)
        self.last_spin.valueChanged.connect(self._scope_changed)
        self.actor_list.itemChanged.connect(self._scope_changed)
        self.tag_list.itemChanged.connect(self._scope_changed)
        self.confidence_combo.currentIndexChanged.connect(self._scope_changed)
        self.btitle_edit.textChanged.connect(self._title_changed)

        scope = QGroupBox("Scope")
        form = QFormLayout(scope)
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

        self.section_list = QListWidget()
        self.section_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.section_list.setToolTip("Tick the sections to include; drag to reorder")
        sections = QGroupBox("Sections (in this order)")
        column = QVBoxLayout(sections)
        column.addWidget(self.section_list)
        for text, step in (("Move Up", -1), ("Move Down", 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, step=step: self._move_section(step))
            column.addWidget(button)

        editor = QVBoxLayout()
        title_row = QFormLayout()
        title_row.addRow("Briefing title:", self.btitle_edit)
        editor.addLayout(title_row)
        row = QHBoxLayout()
        row.addWidget(scope, 3)
        row.addWidget(sections, 1)
        editor.addLayout(row, 1)
        layout = QHBoxLayout(page)
        layout.addLayout(side, 1)
        layout.addLayout(editor, 4)
        return page

    def _window_mode(self, last: bool) -> None:
        self.from_edit.setEnabled(not last)
        self.to_edit.setEnabled(not last)
        self.last_spin.setEnabled(last)
        self._scope_changed()

    def _filter_actors(self, text: str) -> None:
        text = text.casefold().strip()
        for i in range(self.actor_list.count()):
            item = self.actor_list.item(i)
            item.setHidden(bool(text) and text not in item.text().casefold())

    def _use_view(self) -> None:
        scope = Scope.from_filter(self.current_filter)
        self.pack.briefings[self.current].scope = scope
        self._show_briefing(self.current)

    def _title_changed(self, text: str) -> None:
        if not self._loading and 0 <= self.current < len(self.pack.briefings):
            self.pack.briefings[self.current].title = text
            self._refresh_briefing_names()

    # ----------------------------------------------------------- key judgments tab

    def _judgments_tab(self) -> QWidget:
        page = QWidget()
        self.kj_briefing = QComboBox()
        self.kj_briefing.currentIndexChanged.connect(
            lambda i: self.briefing_list.setCurrentRow(i) if i >= 0 and not self._loading else None
        )
        self.kj_editor = KeyJudgmentsEditor()
        self.kj_edit = self.kj_editor.edit
        self.terms_button = self.kj_editor.terms_button
        layout = QVBoxLayout(page)
        row = QFormLayout()
        row.addRow("Briefing:", self.kj_briefing)
        layout.addLayout(row)
        layout.addWidget(self.kj_editor, 1)
        return page

    def _toggle_bold(self) -> None:
        self.kj_editor.toggle_bold()

    # ------------------------------------------------------------- saved definitions

    def _saved_panel(self) -> QWidget:
        panel = QWidget()
        self.saved_list = QListWidget()
        self.saved_list.itemActivated.connect(lambda item: self._load_saved(item))
        self.saved_list.itemClicked.connect(lambda item: self._load_saved(item))
        self.saved_list.currentItemChanged.connect(self._saved_selection)
        new = QPushButton("New Pack")
        new.clicked.connect(self.new_pack)
        self.rebuild_button = QPushButton("Rebuild")
        self.rebuild_button.setToolTip("Build the selected pack again, as today's edition")
        self.rebuild_button.clicked.connect(self.rebuild)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_saved)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Saved packs:"))
        layout.addWidget(self.saved_list, 1)
        for button in (new, self.rebuild_button, self.delete_button):
            layout.addWidget(button)
        return panel

    def _reload_saved(self) -> None:
        self.saved_list.clear()
        for row_id, name, pack in saved_packs(self.ws):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setToolTip(f"{pack.title} · {len(pack.briefings)} briefing(s)")
            self.saved_list.addItem(item)
            if row_id == self.saved_id:
                self.saved_list.setCurrentItem(item)
        if self.saved_id is None:
            self.saved_list.setCurrentRow(-1)
        self._saved_selection()

    def _saved_selection(self, *_) -> None:
        chosen = self.saved_list.currentItem() is not None
        self.rebuild_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and not self.ws.readonly)

    def _load_saved(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        row_id = item.data(Qt.ItemDataRole.UserRole)
        if row_id == self.saved_id:
            return
        for found_id, _, pack in saved_packs(self.ws):
            if found_id == row_id:
                self.saved_id, self.pack = row_id, pack
                self.current = 0
                self._show_pack()
                self._say(f"Opened '{item.text()}'.")

    def new_pack(self) -> None:
        self.saved_id, self.pack, self.current = None, self._new_pack(), 0
        self.saved_list.setCurrentRow(-1)
        self._show_pack()
        self._say("New pack.")

    def save(self, as_new: bool = False) -> bool:
        """Save the definition in the workspace (asks for a name the first time)."""
        self._collect()
        name = ""
        if self.saved_id is not None and not as_new:
            name = next((n for i, n, _ in saved_packs(self.ws) if i == self.saved_id), "")
        if not name:
            name, ok = QInputDialog.getText(
                self, "Save Pack", "Name of the saved pack:", text=self.pack.title
            )
            if not ok or not name.strip():
                return False
        try:
            change = save_pack(self.ws, name, self.pack, None if as_new else self.saved_id)
        except AnnalistError as error:
            QMessageBox.warning(self, "Save Pack", str(error))
            return False
        if self.saved_id is None or as_new:
            self.saved_id = change.first_added("briefings")
        self._push(change)
        self._reload_saved()
        self._say(f"Saved as '{' '.join(name.split())}'.")
        return True

    def delete_saved(self) -> None:
        item = self.saved_list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self, "Delete Pack", f"Delete the saved pack '{item.text()}'?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        change = operations.delete_briefing(self.ws, item.data(Qt.ItemDataRole.UserRole))
        if item.data(Qt.ItemDataRole.UserRole) == self.saved_id:
            self.saved_id = None
        self._push(change)
        self._reload_saved()

    def _push(self, change) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(_ChangeCommand(self.ws, change, self._reload_saved))

    # -------------------------------------------------------- widgets <-> definition

    def _show_pack(self) -> None:
        self._loading = True
        pack = self.pack
        for edit, value in (
            (self.title_edit, pack.title),
            (self.subtitle_edit, pack.subtitle),
            (self.short_edit, pack.short_title),
            (self.author_edit, pack.author),
            (self.org_edit, pack.organisation),
            (self.dtg_edit, pack.dtg),
            (self.ref_edit, pack.reference),
            (self.version_edit, pack.version),
        ):
            edit.setText(value)
        self.build_date_box.setChecked(not pack.date)
        day = dt.date.fromisoformat(pack.date) if pack.date else dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.setEnabled(bool(pack.date))
        self.marking_combo.setCurrentText(pack.marking)
        self.marking_note.setText(TLP_MEANING.get(pack.marking.strip().upper(), ""))
        self.size_combo.setCurrentText(pack.page_size)
        self.cover_box.setChecked(pack.cover)
        self.contents_box.setChecked(pack.contents)
        self._loading = False
        self._refresh_briefing_names()
        self.briefing_list.setCurrentRow(min(self.current, len(pack.briefings) - 1))
        self._show_briefing(self.briefing_list.currentRow())

    def _collect(self) -> Pack:
        """Read every widget into ``self.pack`` and return it."""
        pack = self.pack
        pack.title, pack.subtitle = (
            self.title_edit.text().strip(),
            self.subtitle_edit.text().strip(),
        )
        pack.short_title, pack.author = (
            self.short_edit.text().strip(),
            self.author_edit.text().strip(),
        )
        pack.organisation, pack.dtg = self.org_edit.text().strip(), self.dtg_edit.text().strip()
        pack.reference, pack.version = (
            self.ref_edit.text().strip(),
            self.version_edit.text().strip(),
        )
        pack.date = (
            "" if self.build_date_box.isChecked() else self.date_edit.date().toString("yyyy-MM-dd")
        )
        pack.marking = self.marking_combo.currentText().strip()
        pack.page_size = self.size_combo.currentText()
        pack.cover, pack.contents = self.cover_box.isChecked(), self.contents_box.isChecked()
        self._collect_briefing()
        return pack

    def _collect_briefing(self) -> None:
        if self._loading or not 0 <= self.current < len(self.pack.briefings):
            return
        briefing = self.pack.briefings[self.current]
        briefing.title = self.btitle_edit.text().strip()
        scope = briefing.scope
        scope.last_days = self.last_spin.value() if self.last_box.isChecked() else None
        scope.start, scope.end = self.from_edit.text().strip(), self.to_edit.text().strip()
        scope.actor_ids, scope.tags = _checked(self.actor_list), _checked(self.tag_list)
        scope.min_confidence = self.confidence_combo.currentData() or ""
        briefing.sections = [
            self.section_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.section_list.count())
            if self.section_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        text = self.kj_edit.toMarkdown().strip() if self.kj_edit.toPlainText().strip() else ""
        briefing.key_judgments = text

    def _show_briefing(self, index: int) -> None:
        if not 0 <= index < len(self.pack.briefings):
            return
        self._loading = True
        self.current = index
        briefing = self.pack.briefings[index]
        scope = briefing.scope
        self.btitle_edit.setText(briefing.title)
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
        self.section_list.clear()
        order = list(briefing.sections) + [s for s in BODY_SECTIONS if s not in briefing.sections]
        for key in order:
            item = QListWidgetItem(section_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if key in briefing.sections else Qt.CheckState.Unchecked
            )
            self.section_list.addItem(item)
        # Hand-written text may hold a bare "<", which Markdown would read as HTML.
        self.kj_edit.setMarkdown(briefing.key_judgments.replace("\\<", "<").replace("<", "\\<"))
        self.kj_briefing.setCurrentIndex(index)
        self._window_mode(self.last_box.isChecked())
        self._loading = False
        self._update_count()

    def _refresh_briefing_names(self) -> None:
        loading, self._loading = self._loading, True
        names = [b.title or f"Briefing {i}" for i, b in enumerate(self.pack.briefings, 1)]
        row = self.briefing_list.currentRow()
        if self.briefing_list.count() != len(names):
            self.briefing_list.clear()
            self.briefing_list.addItems(names)
            self.kj_briefing.clear()
            self.kj_briefing.addItems(names)
        else:
            for i, name in enumerate(names):
                self.briefing_list.item(i).setText(name)
                self.kj_briefing.setItemText(i, name)
        if 0 <= row < len(names):
            self.briefing_list.setCurrentRow(row)
        self._loading = loading

    def _select_briefing(self, index: int) -> None:
        if self._loading or index < 0 or index == self.current:
            return
        self._collect_briefing()
        self._show_briefing(index)

    def _add_briefing(self, briefing: Briefing | None = None) -> None:
        self._collect_briefing()
        self.pack.briefings.append(briefing or Briefing(scope=Scope()))
        self._refresh_briefing_names()
        self.briefing_list.setCurrentRow(len(self.pack.briefings) - 1)

    def _one_per_actor(self) -> None:
        self._collect_briefing()
        base = self.pack.briefings[self.current]
        if not base.scope.actor_ids:
            QMessageBox.information(
                self,
                "One Briefing per Actor",
                "Tick the actors in this briefing's scope first; each gets its own briefing.",
            )
            return
        made = []
        for actor_id in base.scope.actor_ids:
            briefing = copy.deepcopy(base)
            briefing.scope.actor_ids = [actor_id]
            briefing.title = queries.get_actor(self.ws, actor_id).name
            made.append(briefing)
        self.pack.briefings[self.current : self.current + 1] = made
        self._refresh_briefing_names()
        self._show_briefing(self.current)

    def _remove_briefing(self) -> None:
        if len(self.pack.briefings) == 1:
            QMessageBox.information(self, "Remove Briefing", "A pack needs at least one briefing.")
            return
        del self.pack.briefings[self.current]
        self.current = min(self.current, len(self.pack.briefings) - 1)
        self._refresh_briefing_names()
        self._show_briefing(self.current)

    def _move_briefing(self, step: int) -> None:
        self._collect_briefing()
        i, j = self.current, self.current + step
        if 0 <= j < len(self.pack.briefings):
            items = self.pack.briefings
            items[i], items[j] = items[j], items[i]
            self.current = j
            self._refresh_briefing_names()
            self._loading = True
            self.briefing_list.setCurrentRow(j)
            self._loading = False

    def _move_section(self, step: int) -> None:
        row = self.section_list.currentRow()
        if row < 0 or not 0 <= row + step < self.section_list.count():
            return
        item = self.section_list.takeItem(row)
        self.section_list.insertItem(row + step, item)
        self.section_list.setCurrentRow(row + step)

    def _scope_changed(self, *_) -> None:
        if not self._loading:
            self._count_timer.start()

    def _update_count(self) -> None:
        self._collect_briefing()
        briefing = self.pack.briefings[self.current]
        try:
            found = scope_count(self.ws, briefing, self.pack.day())
        except AnnalistError as error:
            self.count_label.setText(
                f"<span style='color:#b3261e'>{html.escape(str(error))}</span>"
            )
            return
        summary = briefing.scope.describe(self.ws, self.pack.day())
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

    # ------------------------------------------------------------ building

    def _say(self, text: str) -> None:
        self.panel.say(text)

    def _ready(self) -> bool:
        """Collect and check the definition; say what is wrong if it cannot be built."""
        self._collect()
        try:
            self.pack.check(self.ws)
        except AnnalistError as error:
            QMessageBox.warning(self, "Briefing Pack", str(error))
            return False
        return True

    def _large_scope_ok(self) -> bool:
        day = self.pack.day()
        counts = [scope_count(self.ws, b, day) for b in self.pack.briefings]
        total = sum(counts)
        if total < LARGE_SCOPE:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Large Briefing Pack",
            f"The scope holds {total:,} events: the pack will run to roughly "
            f"{total // 10 + 20:,} pages and take a while to build.",
            parent=self,
        )
        box.setInformativeText("Narrow the window or the actors, or build it anyway.")
        narrow = box.addButton("Narrow the Scope", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Build Anyway", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(narrow)
        box.exec()
        if box.clickedButton() is narrow:
            self.tabs.setCurrentIndex(1)
            self.from_edit.setFocus()
            return False
        return True

    def _suggested_path(self) -> Path:
        folder = Path(str(self.settings.value("briefing/folder", "") or Path.home()))
        stem = "".join(c if c.isalnum() or c in " -_" else " " for c in self.pack.title).strip()
        return folder / f"{' '.join(stem.split()) or 'Briefing'} {self.pack.day().isoformat()}.pdf"

    def build_pdf(self) -> None:
        """Ask where, then build the PDF in the background."""
        if self.panel.running or not self._ready() or not self._large_scope_ok():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Build Briefing Pack", str(self._suggested_path()), "PDF documents (*.pdf)"
        )
        if not path:
            return
        path = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self.settings.setValue("briefing/folder", str(path.parent))
        self._start(path)

    def rebuild(self) -> None:
        """Build the selected saved pack again as today's edition, where it went last time."""
        item = self.saved_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.saved_id:
            self._load_saved(item)
        if self.panel.running or not self._ready():
            return
        target = next_output(self.pack, self.pack.day())
        if target is None or not target.parent.is_dir():
            self.build_pdf()
            return
        if self._large_scope_ok():
            self._start(target)

    def _start(self, path: Path) -> None:
        self.pack.output = str(path)
        if self.saved_id is not None and not self.ws.readonly:
            name = next(
                (n for i, n, _ in saved_packs(self.ws) if i == self.saved_id), self.pack.title
            )
            with contextlib.suppress(AnnalistError):  # where it goes, for Rebuild; not an edit
                save_pack(self.ws, name, self.pack, self.saved_id)
        self.panel.start(copy.deepcopy(self.pack), path)

    def refresh_preview(self) -> None:
        """Build the pack into a temporary file and show its first pages."""
        if self.panel.running or not self._ready():
            return
        self._preview_key = repr(self.pack.to_dict())
        target = Path(self._preview_dir.name) / "preview.pdf"
        self.panel.start(copy.deepcopy(self.pack), target, preview=self.preview)

    def _tab_changed(self, index: int) -> None:
        self._collect()
        stale = getattr(self, "_preview_key", None) != repr(self.pack.to_dict())
        if self.tabs.widget(index) is self.preview.parentWidget() and stale:
            self.refresh_preview()

    def cancel_build(self) -> None:
        self.panel.cancel()

    def done(self, result: int) -> None:  # close, Escape, Close button
        self._count_timer.stop()
        self.panel.stop()
        self._preview_dir.cleanup()
        super().done(result)
