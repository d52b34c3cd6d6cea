"""The main window's file handling (a mixin of :class:`ui.main_window.MainWindow`): opening,
creating and closing workspaces, drops, article import, Save a Copy As, briefing packs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from models.store import SUFFIX, Workspace
from ui import settings
from ui.commands import USER_ERRORS


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while the GUI thread does something slow (a module's first import)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class FilesMixin:
    # ------------------------------------------------------------------ workspaces

    def open_workspace(self, path: str | Path, create: bool = False) -> bool:
        """Open ``path`` in this window. On failure the current workspace stays open and a
        message says why; returns whether it opened."""
        path = Path(path)
        if self.ws is not None and path.resolve() == self.ws.path.resolve():
            return True
        try:
            ws = Workspace.open(path, create=create)
        except USER_ERRORS as error:
            keep = f" {self.ws.path.name} is still open." if self.ws is not None else ""
            self.warn("Could not open the workspace", f"{error}{keep}")
            if not path.exists():
                settings.forget_workspace(str(path.resolve()))
                self.actions.refresh_recent()
            return False
        self._set_workspace(ws)
        settings.remember_workspace(ws.path)
        self.actions.refresh_recent()
        if ws.readonly:
            self.statusBar().showMessage(ws.readonly_reason, 10_000)
        return True

    def new_workspace(self, path: str | Path) -> bool:
        """Create an empty workspace at ``path`` and open it (an existing file is refused)."""
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():
            self.warn(
                "Could not create the workspace",
                f"{path.name} already exists; choose another name, or open it with File > Open.",
            )
            return False
        return self.open_workspace(path, create=True)

    def close_workspace(self) -> None:
        self._set_workspace(None)
        settings.set_value(settings.LAST, "")

    def save_copy_as(self) -> None:
        from ui.workers import save_copy

        if self.ws is None:
            return
        suggestion = str(self.ws.path.with_name(self.ws.path.stem + " copy" + SUFFIX))
        target, _ = QFileDialog.getSaveFileName(
            self, "Save a Copy As", suggestion, f"Annalist workspaces (*{SUFFIX})"
        )
        if target:
            if not target.endswith(SUFFIX):
                target += SUFFIX
            save_copy(self, self.ws.path, Path(target))

    # ------------------------------------------------------------------ drops and imports

    def handle_drop(self, mime: QMimeData) -> bool:
        """Everything dropped on the window comes here: ``.annalist`` files open; articles
        (files or text) go to import review. Returns whether the drop was used."""
        paths = (
            [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
            if mime.hasUrls()
            else []
        )
        workspaces = [p for p in paths if p.suffix.lower() == SUFFIX]
        others = [p for p in paths if p.suffix.lower() != SUFFIX]
        if workspaces:
            opened = self.open_workspace(workspaces[0])
            if len(workspaces) > 1 or others:
                self.info(
                    "Opened one file",
                    f"Opened {workspaces[0].name}; drop one workspace at a time, and articles on their own.",
                )
            return opened
        if others:
            return self.import_articles(paths=others)
        if mime.hasHtml() or mime.hasUrls() or (mime.hasText() and mime.text().strip()):
            return self.import_articles(mime=mime)  # a browser selection, or a web address
        return False

    def import_articles(
        self,
        paths: list[Path] | None = None,
        text: str | None = None,
        mime: QMimeData | None = None,
    ) -> bool:
        """Start importing articles (files, text or a drop) into the open workspace."""
        if self.document is None:
            self.info(
                "Import Articles", "Open or create a workspace first, then import articles into it."
            )
            return False
        if mime is not None:
            source = mime
        elif text is not None:
            source = text
        else:
            source = [Path(p) for p in paths or []]
        with busy_cursor():  # imported at first use: readers and extraction slow the start
            from ui.import_flow import start_import
        return start_import(self, self.ws, self.document.undo_stack, source) is not None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()

    # ------------------------------------------------------------------ briefings

    def open_briefing_dialog(self) -> None:
        if self.document is None:
            return
        with busy_cursor():  # imported at first use: ReportLab and pypdfium2 slow the start
            from ui.briefing_dialog import BriefingDialog

            dialog = BriefingDialog(
                self.ws,
                self,
                current_filter=self.document.filter,
                undo_stack=self.document.undo_stack,
            )
        dialog.exec()
        dialog.deleteLater()  # its saves stay undoable: see SavedPacks._run
        self.refresh_all()
