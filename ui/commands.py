"""Undo commands: one generic QUndoCommand wrapping a ``models.operations`` call.

The operation runs once, when :meth:`OperationCommand.run` is called before the command is
pushed, so a refused edit (bad date, deleted event, read-only file) reaches the caller as an
exception and never lands on the undo stack. After that:

- undo runs ``operations.revert(ws, change)`` and keeps the Change it returns;
- redo runs ``operations.revert(ws, undo_change)``.

The command's text is ``change.label`` ("Edit date of 'Pact ratified'"), so the Edit menu
reads "Undo Edit date of 'Pact ratified'". A multi-event edit is one operation, hence one
command. Every Change (first run, undo, redo) is handed to ``publish`` so views refresh from it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from models import operations
from models.changes import Change
from models.store import Workspace

USER_ERRORS: tuple[type[BaseException], ...]
try:  # DateError is a ValueError in models.dates; operations raise it for bad dates.
    from models.dates import DateError
    from models.errors import AnnalistError

    USER_ERRORS = (AnnalistError, DateError)
except ImportError:  # pragma: no cover - models always has both
    from models.errors import AnnalistError

    USER_ERRORS = (AnnalistError,)


class OperationCommand(QUndoCommand):
    """Wraps one models operation; see the module docstring for the life cycle."""

    def __init__(
        self,
        ws: Workspace,
        operation: Callable[..., Change],
        *args,
        publish: Callable[[Change], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        **kwargs,
    ):
        super().__init__()
        self._ws = ws
        self._operation = operation
        self._args = args
        self._kwargs = kwargs
        self._publish = publish or (lambda change: None)
        self._on_error = on_error or (lambda message: None)
        self.change: Change | None = None
        self.undo_change: Change | None = None
        self._first_redo = True

    def run(self) -> Change:
        """Run the operation (once); raises the store's errors for the caller to show."""
        self.change = self._operation(self._ws, *self._args, **self._kwargs)
        self.setText(self.change.label)
        return self.change

    def redo(self) -> None:
        if self.change is None:  # pushed without run(): run it now, reporting errors
            try:
                self.run()
            except USER_ERRORS as error:
                self._fail(str(error))
                return
        if self._first_redo:
            self._first_redo = False
            self._publish(self.change)
            return
        self._apply(self.undo_change, redo=True)

    def undo(self) -> None:
        if self.change is None:
            return
        self._apply(self.change, redo=False)

    def _apply(self, change: Change | None, redo: bool) -> None:
        if change is None:
            return
        try:
            verb = "Redo" if redo else "Undo"
            result = operations.revert(self._ws, change, label=f"{verb} {self.change.label}")
        except USER_ERRORS as error:
            self._fail(f"{verb} of '{self.change.label}' failed: {error}")
            return
        if redo:
            self.undo_change = None
            self.change = operations_change_for_redo(self.change, result)
        else:
            self.undo_change = result
        self._publish(result)

    def _fail(self, message: str) -> None:
        """The file did not change, so the history no longer matches it: the owner drops it."""
        self.setObsolete(True)
        self._on_error(message)


def operations_change_for_redo(original: Change, redone: Change) -> Change:
    """After a redo, the next undo must revert what the redo wrote (same rows, fresh images)."""
    return Change(original.label, redone.before, redone.after)
