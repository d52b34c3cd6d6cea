"""The timeline's one edit, moving an event's date by dragging it, as an undo command.

The operation runs before the command is pushed (so a refused edit never reaches the undo
stack); the command's first ``redo`` is then a no-op, later ones re-apply it. Undo and redo
are ``models.operations.revert`` of the recorded Change, as everywhere in Annalist.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from models import operations
from models.changes import Change
from models.errors import AnnalistError
from models.store import Workspace


class ChangeCommand(QUndoCommand):
    """An already applied Change, undone and redone through ``operations.revert``.

    ``notify`` is called with every Change the command makes (including the first), so the
    views can follow; ``failed`` with a message when undo or redo is refused by the store.
    """

    def __init__(
        self,
        ws: Workspace,
        change: Change,
        notify: Callable[[Change], None],
        failed: Callable[[str], None] | None = None,
    ):
        super().__init__(change.label)
        self.ws = ws
        self.change = change
        self._notify = notify
        self._failed = failed
        self._undo: Change | None = None
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed right after the edit was made
            self._applied = False
            return
        self._run(lambda: operations.revert(self.ws, self._undo), redo=True)

    def undo(self) -> None:
        self._run(lambda: operations.revert(self.ws, self.change), redo=False)

    def _run(self, action: Callable[[], Change], redo: bool) -> None:
        try:
            result = action()
        except AnnalistError as error:
            if self._failed is not None:
                self._failed(str(error))
            self.setObsolete(True)
            return
        if redo:
            self.change = result
        else:
            self._undo = result
        self._notify(result)


def move_event(ws: Workspace, event_id: int, when: str, title: str, human: str) -> Change:
    """Set the date of one event (one transaction); raises AnnalistError if refused."""
    label = f"Move '{title}' to {human}" if title else f"Move event to {human}"
    return operations.update_event(ws, event_id, when=when, label=label)
