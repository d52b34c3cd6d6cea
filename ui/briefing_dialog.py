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
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefings import (
    BODY_SECTIONS,
    DEFAULT_MARKING,
    LARGE_SCOPE,
    Briefing,
    Pack,
    Scope,
    save_pack,
    saved_packs,
)
from briefings.data import count as scope_count
from briefings.definition import next_output, section_title
from models import operations, queries
from models.errors import AnnalistError
from ui import settings as app_settings
from ui.briefing_editor import KeyJudgmentsEditor
from ui.briefing_pack_form import PackForm
from ui.briefing_preview import BuildPanel, PreviewPane
from ui.briefing_scope import ScopeEditor


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
        self.pack_form = PackForm()
        self.tabs.addTab(self.pack_form, "Pack")
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
        self.scope_editor = ScopeEditor(self.ws, self.current_filter is not None)
        self.scope_editor.view_button.clicked.connect(self._use_view)
        self.scope_editor.edited.connect(self._scope_changed)
        self.btitle_edit.textChanged.connect(self._title_changed)

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
        row.addWidget(self.scope_editor, 3)
        row.addWidget(sections, 1)
        editor.addLayout(row, 1)
        layout = QHBoxLayout(page)
        layout.addLayout(side, 1)
        layout.addLayout(editor, 4)
        return page

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
        self.pack_form.show_pack(pack)
        self._loading = False
        self._refresh_briefing_names()
        self.briefing_list.setCurrentRow(min(self.current, len(pack.briefings) - 1))
        self._show_briefing(self.briefing_list.currentRow())

    def _collect(self) -> Pack:
        """Read every widget into ``self.pack`` and return it."""
        pack = self.pack
        self.pack_form.read_into(pack)
        self._collect_briefing()
        return pack

    def _collect_briefing(self) -> None:
        if self._loading or not 0 <= self.current < len(self.pack.briefings):
            return
        briefing = self.pack.briefings[self.current]
        briefing.title = self.btitle_edit.text().strip()
        self.scope_editor.read_into(briefing.scope)
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
        self.btitle_edit.setText(briefing.title)
        self.scope_editor.show_scope(briefing.scope)
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
        self.scope_editor.show_count(self.ws, briefing, self.pack.day())

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
            self.scope_editor.from_edit.setFocus()
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
