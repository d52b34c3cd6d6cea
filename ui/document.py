"""The open workspace as the window sees it: store handle, undo stack, filter and selection.

Every view (events table, timeline, docks, editor) talks to one :class:`Document`:

- ``execute(operation, *args, **kwargs)`` runs a ``models.operations`` function as an undo
  command and returns its Change (or ``None`` after showing why it was refused);
- ``changed(Change)`` fires for every edit, undo and redo; views refresh from it;
- ``filterChanged(EventFilter)`` and ``selectionChanged(list[int])`` are shared by the table
  and the timeline, so selecting or filtering in one shows in the other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from ui.commands import USER_ERRORS, OperationCommand
from ui.summary import WorkspaceSummary


class Document(QObject):
    """One open workspace with its undo history and the shared filter and selection."""

    changed = Signal(object)  # models.changes.Change
    filterChanged = Signal(object)  # models.search.EventFilter
    selectionChanged = Signal(list)  # event ids
    errorRaised = Signal(str)  # one sentence for the user

    def __init__(self, ws: Workspace, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)
        # Actor, tag and source lists, refreshed first on every change (connected first).
        self.summary = WorkspaceSummary(ws, self)
        self.changed.connect(self.summary.apply_change)
        self._filter = EventFilter()
        self._selection: list[int] = []

    # ------------------------------------------------------------------ edits

    def execute(self, operation: Callable[..., Change], *args, **kwargs) -> Change | None:
        """Run ``operation(ws, *args, **kwargs)`` as one undoable step.

        Returns the Change, or ``None`` when the store refused it (the reason goes out
        through ``errorRaised``). A change that changed nothing is not put on the stack.
        """
        command = OperationCommand(
            self.ws,
            operation,
            *args,
            publish=self._publish,
            on_error=self._history_broken,
            **kwargs,
        )
        try:
            change = command.run()
        except USER_ERRORS as error:
            self.errorRaised.emit(str(error))
            return None
        if change.empty:
            return change
        self.undo_stack.push(command)
        return change

    def try_execute(self, operation: Callable[..., Change], *args, **kwargs) -> Change:
        """Like :meth:`execute` but lets the store's error reach the caller (for editors
        that show the message in place)."""
        command = OperationCommand(
            self.ws,
            operation,
            *args,
            publish=self._publish,
            on_error=self._history_broken,
            **kwargs,
        )
        change = command.run()
        if not change.empty:
            self.undo_stack.push(command)
        return change

    def _publish(self, change: Change) -> None:
        self.changed.emit(change)

    def _history_broken(self, message: str) -> None:
        self.errorRaised.emit(message + " The undo history was cleared.")
        QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)

    # ------------------------------------------------------------------ filter and selection

    @property
    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, flt: EventFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.filterChanged.emit(flt)

    @property
    def selection(self) -> list[int]:
        return list(self._selection)

    def set_selection(self, ids: list[int]) -> None:
        ids = list(dict.fromkeys(int(i) for i in ids))
        if ids != self._selection:
            self._selection = ids
            self.selectionChanged.emit(list(ids))
