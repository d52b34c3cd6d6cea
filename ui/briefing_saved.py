"""The saved packs beside the briefing dialog's editor: open, start anew, rebuild, delete.

Definitions live in the workspace (``briefings.save_pack``); saving and deleting one is pushed
onto the host's ``QUndoStack`` when there is one, so undo restores it. :attr:`SavedPacks.
saved_id` is the definition being edited (None for a new pack).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings import Pack, save_pack, saved_packs
from models import operations
from models.errors import AnnalistError
from models.store import Workspace
from ui.commands import OperationCommand


class SavedPacks(QWidget):
    """The list of saved packs and its buttons; see the module docstring."""

    opened = Signal(object, str)  # the saved Pack, its name
    newRequested = Signal()
    rebuildRequested = Signal()

    def __init__(self, ws: Workspace, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.undo_stack = ws, undo_stack
        self.saved_id: int | None = None
        self.saved_list = QListWidget()
        self.saved_list.itemActivated.connect(self.open)
        self.saved_list.itemClicked.connect(self.open)
        self.saved_list.currentItemChanged.connect(self._selection)
        new = QPushButton("New Pack")
        new.clicked.connect(self.newRequested)
        self.rebuild_button = QPushButton("Rebuild")
        self.rebuild_button.setToolTip("Build the selected pack again, as today's edition")
        self.rebuild_button.clicked.connect(self.rebuildRequested)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Saved packs:"))
        layout.addWidget(self.saved_list, 1)
        for button in (new, self.rebuild_button, self.delete_button):
            layout.addWidget(button)

    def reload(self) -> None:
        """List the workspace's saved packs again, the one being edited selected."""
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
        self._selection()

    def _selection(self, *_) -> None:
        chosen = self.saved_list.currentItem() is not None
        self.rebuild_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and not self.ws.readonly)

    def open(self, item: QListWidgetItem | None) -> None:
        """Open the saved pack of ``item`` (emits :attr:`opened`) unless it is already open."""
        if item is None:
            return
        row_id = item.data(Qt.ItemDataRole.UserRole)
        if row_id == self.saved_id:
            return
        for found_id, _, pack in saved_packs(self.ws):
            if found_id == row_id:
                self.saved_id = row_id
                self.opened.emit(pack, item.text())

    def open_selected(self) -> None:
        """Open the selected saved pack, if another one (or a new pack) is being edited."""
        self.open(self.saved_list.currentItem())

    def start_new(self) -> None:
        """Edit a new pack: nothing saved is selected."""
        self.saved_id = None
        self.saved_list.setCurrentRow(-1)

    def name(self, default: str = "") -> str:
        """The saved name of the pack being edited (``default`` when it has none)."""
        return next((n for i, n, _ in saved_packs(self.ws) if i == self.saved_id), default)

    def save(self, pack: Pack, as_new: bool = False) -> str | None:
        """Save ``pack`` (asks for a name the first time); its name, or None if not saved."""
        name = self.name() if self.saved_id is not None and not as_new else ""
        if not name:
            name, ok = QInputDialog.getText(
                self.window(), "Save Pack", "Name of the saved pack:", text=pack.title
            )
            if not ok or not name.strip():
                return None
        try:
            change = self._run(save_pack, name, pack, None if as_new else self.saved_id)
        except AnnalistError as error:
            QMessageBox.warning(self.window(), "Save Pack", str(error))
            return None
        if self.saved_id is None or as_new:
            self.saved_id = change.first_added("briefings")
        self.reload()
        return name

    def delete_selected(self) -> None:
        """Delete the selected saved pack, after asking."""
        item = self.saved_list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self.window(), "Delete Pack", f"Delete the saved pack '{item.text()}'?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        briefing_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            self._run(operations.delete_briefing, briefing_id)
        except AnnalistError as error:
            QMessageBox.warning(self.window(), "Delete Pack", str(error))
            return
        if briefing_id == self.saved_id:
            self.saved_id = None
        self.reload()

    def _run(self, operation, *args):
        """Run ``operation(ws, *args)`` as one step on the host's undo stack, if any."""
        command = OperationCommand(
            self.ws, operation, *args, publish=self._refresh, on_error=self._failed
        )
        change = command.run()
        if self.undo_stack is not None and not change.empty:
            self.undo_stack.push(command)
        return change

    def _refresh(self, _change) -> None:
        # Undo in the main window may come after the dialog has closed and been deleted.
        if shiboken6.isValid(self):
            self.reload()

    def _failed(self, message: str) -> None:
        parent = self.window() if shiboken6.isValid(self) else None
        QMessageBox.warning(parent, "Saved Packs", message)
