"""Long file work off the GUI thread, with a progress dialog (Save a Copy As)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from models.store import Workspace
from ui.commands import USER_ERRORS


class _Relay(QObject):
    done = Signal(str, str)  # target path, error message ("" on success)


class _CopyJob(QRunnable):
    def __init__(self, source: Path, target: Path, relay: _Relay):
        super().__init__()
        self.source, self.target, self.relay = source, target, relay

    def run(self) -> None:
        try:
            # Its own connection: SQLite connections belong to the thread that made them.
            with Workspace.open(self.source, create=False, readonly=True) as ws:
                ws.backup_to(self.target)
        except (OSError, *USER_ERRORS) as error:
            self.relay.done.emit(str(self.target), f"The copy could not be written: {error}")
            return
        except Exception as error:  # the user must hear about any failure, not see nothing
            self.relay.done.emit(str(self.target), f"The copy could not be written: {error}")
            return
        self.relay.done.emit(str(self.target), "")


def save_copy(parent: QWidget, source: Path, target: Path) -> _Relay:
    """Copy the workspace to ``target`` in the background; the window stays responsive."""
    progress = QProgressDialog(f"Writing {target.name}…", "", 0, 0, parent)
    progress.setWindowTitle("Save a Copy As")
    progress.setCancelButton(None)
    progress.setMinimumDuration(400)
    relay = _Relay(parent)

    def finished(path: str, error: str) -> None:
        progress.close()
        if error:
            QMessageBox.warning(parent, "Save a Copy As", error)
        elif hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(f"Saved a copy as {path}", 8000)
        relay.deleteLater()

    relay.done.connect(finished)
    QThreadPool.globalInstance().start(_CopyJob(source, target, relay))
    return relay
