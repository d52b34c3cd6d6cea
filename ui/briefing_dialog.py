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

The parts: the Pack tab (:mod:`ui.briefing_pack_form`), a briefing's scope
(:mod:`ui.briefing_scope`), the key judgments editor (:mod:`ui.briefing_editor`), the saved
packs beside them (:mod:`ui.briefing_saved`) and building with preview
(:mod:`ui.briefing_preview`); this module holds the definition and ties them together.
"""

from __future__ import annotations

import contextlib
import copy
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
)
from briefings.data import count as scope_count
from briefings.definition import next_output, section_title
from models import queries
from models.errors import AnnalistError
from ui import settings as app_settings
from ui.briefing_editor import KeyJudgmentsEditor
from ui.briefing_pack_form import PackForm
from ui.briefing_preview import BuildPanel, PreviewPane
from ui.briefing_saved import SavedPacks
from ui.briefing_scope import ScopeEditor


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
        self.saved_panel = SavedPacks(ws, undo_stack)
        self.saved_panel.opened.connect(self._opened)
        self.saved_panel.newRequested.connect(self.new_pack)
        self.saved_panel.rebuildRequested.connect(self.rebuild)
        splitter.addWidget(self.saved_panel)
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
            for button in (self.save_button, self.save_as_button, self.saved_panel.delete_button):
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
        self.saved_panel.reload()

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

    def _opened(self, pack: Pack, name: str) -> None:
        self.pack, self.current = pack, 0
        self._show_pack()
        self._say(f"Opened '{name}'.")

    def new_pack(self) -> None:
        self.saved_panel.start_new()
        self.pack, self.current = self._new_pack(), 0
        self._show_pack()
        self._say("New pack.")

    def save(self, as_new: bool = False) -> bool:
        """Save the definition in the workspace (asks for a name the first time)."""
        self._collect()
        name = self.saved_panel.save(self.pack, as_new)
        if name is None:
            return False
        self._say(f"Saved as '{' '.join(name.split())}'.")
        return True

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
        self.saved_panel.open_selected()
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
        saved_id = self.saved_panel.saved_id
        if saved_id is not None and not self.ws.readonly:
            name = self.saved_panel.name(self.pack.title)
            with contextlib.suppress(AnnalistError):  # where it goes, for Rebuild; not an edit
                save_pack(self.ws, name, self.pack, saved_id)
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
