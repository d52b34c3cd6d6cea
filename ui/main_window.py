"""The analyst's workbench window.

Layout: the timeline in the centre; docks the user can move, close and restore from the
View menu — Events (the table), Actors, Sources (with a reader) and Details (the editor).
The search box and filters sit in a toolbar above.

Integration points (keep these stable)
--------------------------------------
- Timeline: ``ui.timeline.TimelineView`` is used when importable, else
  ``ui.timeline_placeholder.TimelinePlaceholder``. Both are built as ``TimelineView(parent)``
  and must offer ``set_workspace(ws | None)``, ``apply_change(change)``,
  ``set_filter(event_filter)``, ``selected_ids() -> list[int]``, ``set_selected_ids(ids)``,
  ``set_undo_stack(stack | None)`` and the signals ``selectionChanged(list)`` and
  ``editRequested(int)``. ``set_selected_ids`` must not emit ``selectionChanged``.
- Edits: every edit runs through ``window.document.execute(operation, *args)`` (or
  ``try_execute`` to handle the refusal yourself), which wraps a ``models.operations``
  function in a ``ui.commands.OperationCommand`` on ``window.document.undo_stack`` and
  emits ``window.document.changed(change)``, from which all views refresh. A command pushed
  by hand (e.g. a dialog's own ``OperationCommand``) should pass
  ``publish=window.document.changed.emit`` so the views follow its undo and redo too.
- Shared state: ``window.document.filter`` / ``set_filter(EventFilter)`` with
  ``filterChanged``; ``window.document.selection`` / ``set_selection(ids)`` with
  ``selectionChanged``; ``window.document.summary`` (actors, tags, sources lists).
- Workspace: ``window.ws`` (``models.store.Workspace`` or None), ``workspaceChanged(ws)``,
  ``open_workspace(path) -> bool`` (keeps the current one open on failure).
- Briefing > New Pack… opens ``ui.briefing_dialog.BriefingDialog(ws, parent,
  current_filter=EventFilter, undo_stack=QUndoStack)`` with ``exec()``, if that module
  exists; otherwise the action is disabled and its tooltip says why.
- Import: File > Import Articles…, File > Import from Clipboard and drops of anything but
  ``.annalist`` files go through :meth:`MainWindow.handle_drop` /
  :meth:`MainWindow.import_articles`, which call ``ui.import_flow.start_import(window, ws,
  undo_stack, paths | QMimeData)`` if that module exists; otherwise they say "Article
  import is not available yet". The import publishes its changes on ``document.changed``.
- Settings read elsewhere (briefing marking, author, organisation): see ``ui.settings``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from models import operations as ops
from models.changes import Change
from models.search import EventFilter
from models.store import SUFFIX, Workspace
from ui import settings
from ui.commands import USER_ERRORS
from ui.docks import ActorsPanel, EventsPanel, SourcesPanel
from ui.document import Document
from ui.editors.event_editor import EventEditor
from ui.filter_bar import FilterBar
from ui.menus import build_menus
from ui.models.events import EventTableModel


def _optional(module: str, name: str):
    """``module.name`` if that module exists (built by another part of the project), else None."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as error:
        if error.name == module:
            return None
        raise


def timeline_class():
    return _optional("ui.timeline", "TimelineView") or _optional(
        "ui.timeline_placeholder", "TimelinePlaceholder"
    )


class MainWindow(QMainWindow):
    """The workbench; see the module docstring for how other parts plug in."""

    workspaceChanged = Signal(object)  # Workspace or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.document: Document | None = None
        self.last_message = ""
        self._pool = QThreadPool(self)
        self.timeline = timeline_class()(self)
        self.timeline.setObjectName("Timeline")
        self._timeline_change: Change | None = None
        if hasattr(self.timeline, "changeApplied"):
            self.timeline.changeApplied.connect(self._change_from_timeline)
        self.setCentralWidget(self.timeline)
        self.event_model = EventTableModel(self)
        self.events_panel = EventsPanel(self.event_model)
        self.table = self.events_panel.table
        self.table.wanted_ids = lambda: self.document.selection if self.document else []
        self.editor = EventEditor()
        self.actors_panel = ActorsPanel()
        self.sources_panel = SourcesPanel()
        self.filter_bar = FilterBar()
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self.filter_toolbar = QToolBar("Search and Filters")
        self.filter_toolbar.setObjectName("FilterToolbar")
        self.filter_toolbar.setMovable(False)
        self.filter_toolbar.addWidget(self.filter_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.filter_toolbar)
        self._build_status_bar()
        self.briefing_dialog = _optional("ui.briefing_dialog", "BriefingDialog")
        self.import_dialog = _optional("ui.import_flow", "start_import")
        self.actions = build_menus(self)
        self._default_state = self.saveState()
        self._connect()
        self._set_workspace(None)
        self.resize(1400, 860)
        QApplication.instance().applicationStateChanged.connect(self._application_state)

    # ------------------------------------------------------------------ building

    def _build_docks(self) -> None:
        specs = (
            ("Events", self.events_panel, Qt.DockWidgetArea.BottomDockWidgetArea),
            ("Details", self.editor, Qt.DockWidgetArea.RightDockWidgetArea),
            ("Actors", self.actors_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("Sources", self.sources_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
        )
        for title, widget, area in specs:
            dock = QDockWidget(title, self)
            dock.setObjectName(f"{title}Dock")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[title] = dock
        # Details runs the full height on the right: the editor needs it more than the table.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["Actors"], self.docks["Sources"])
        self.docks["Actors"].raise_()
        self.resizeDocks([self.docks["Details"]], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["Actors"]], [280], Qt.Orientation.Horizontal)
        # The timeline is the centre of the window: the table takes about a third.
        self.resizeDocks([self.docks["Events"]], [260], Qt.Orientation.Vertical)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.saved_label = QLabel("Changes are saved as you go")
        self.saved_label.setToolTip(
            "Annalist writes every change to the workspace file at once: there is nothing to save "
            "and nothing is lost on closing. Use Edit > Undo to go back, or File > Save a Copy As "
            "to keep a snapshot."
        )
        self.count_label.setContentsMargins(8, 0, 8, 0)
        self.saved_label.setContentsMargins(8, 0, 8, 0)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _connect(self) -> None:
        self.table.selectionIdsChanged.connect(self._selection_from_view)
        self.table.editRequested.connect(self.edit_event)
        self.timeline.selectionChanged.connect(self._selection_from_view)
        self.timeline.editRequested.connect(self.edit_event)
        self.filter_bar.filterChanged.connect(self._filter_from_bar)
        self.event_model.countsChanged.connect(self._counts)
        self.event_model.loadingChanged.connect(self._loading)
        self.editor.sourceRequested.connect(self.show_source)
        self.actors_panel.actorActivated.connect(self.edit_actor)

    # ------------------------------------------------------------------ workspace

    @property
    def ws(self) -> Workspace | None:
        return self.document.ws if self.document else None

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

    def _set_workspace(self, ws: Workspace | None) -> None:
        old = self.document
        self.event_model.set_workspace(None)
        if old is not None:
            old.changed.disconnect(self._changed)
            old.errorRaised.disconnect(self._store_error)
            old.filterChanged.disconnect(self._filter_changed)
            old.selectionChanged.disconnect(self._selection_changed)
            old.summary.changed.disconnect(self._summary_changed)
            old.summary.close()
        self.document = Document(ws, self) if ws is not None else None
        doc = self.document
        if doc is not None:
            doc.changed.connect(self._changed)
            doc.errorRaised.connect(self._store_error)
            doc.filterChanged.connect(self._filter_changed)
            doc.selectionChanged.connect(self._selection_changed)
            doc.summary.changed.connect(self._summary_changed)
        self.actions.set_undo_stack(doc.undo_stack if doc else None)
        self.actors_panel.model.set_actors(doc.summary.actors if doc else [])
        self.filter_bar.set_workspace(ws, doc.summary if doc else None)
        self.event_model.set_workspace(ws)
        self.timeline.set_workspace(ws)
        self.timeline.set_undo_stack(doc.undo_stack if doc else None)
        self.sources_panel.set_workspace(ws, doc.summary.sources if doc else [])
        self.editor.set_document(doc)
        if old is not None:
            old.ws.close()
            old.deleteLater()
        self._data_version = ws.data_version() if ws is not None else None
        self._update_title()
        self.actions.update_enabled()
        self.workspaceChanged.emit(ws)

    def _application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_outside_changes()

    def check_outside_changes(self) -> bool:
        """Refresh every view if another program wrote to the workspace since we last looked
        (checked when the app comes back to the front). Returns whether it did."""
        ws = self.ws
        if ws is None:
            return False
        version = ws.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.refresh_all()
        self.statusBar().showMessage(
            "The workspace was changed by another program; the views now show its changes.", 8000
        )
        return True

    def refresh_all(self) -> None:
        """Reload every view (after changes made outside this window's undo commands)."""
        ws = self.ws
        if ws is None:
            return
        self.event_model.invalidate()
        self.event_model.reload()
        self.timeline.set_filter(self.document.filter)
        self.document.summary.refresh({"actors", "tags", "sources"})
        self.editor.show_events(self.document.selection)

    def _update_title(self) -> None:
        if self.ws is None:
            self.setWindowTitle("Annalist")
        else:
            flag = " (read-only)" if self.ws.readonly else ""
            self.setWindowTitle(f"{self.ws.path.name}{flag} — Annalist")
        self.setWindowFilePath(str(self.ws.path) if self.ws else "")

    # ------------------------------------------------------------------ shared state

    def _selection_from_view(self, ids: list) -> None:
        if self.document is not None:
            self.document.set_selection(ids)

    def _selection_changed(self, ids: list) -> None:
        if self.table.selected_ids() != ids:
            self.table.select_ids(ids)
        if sorted(self.timeline.selected_ids()) != sorted(ids):
            self.timeline.set_selected_ids(ids)
        self.actions.update_enabled()

    def _filter_from_bar(self, flt: EventFilter) -> None:
        if self.document is not None:
            self.document.set_filter(flt)

    def _filter_changed(self, flt: EventFilter) -> None:
        self.filter_bar.set_filter(flt)
        self.event_model.set_filter(flt)
        self.timeline.set_filter(flt)

    def set_filter(self, flt: EventFilter) -> None:
        """Apply a filter to the table and the timeline (and show it in the filter bar)."""
        if self.document is not None:
            self.document.set_filter(flt)

    def clear_filter(self) -> None:
        self.set_filter(EventFilter())

    def _changed(self, change: Change) -> None:
        self.event_model.apply_change(change)
        if change is not self._timeline_change:
            self.timeline.apply_change(change)
        self.statusBar().showMessage(change.label, 4000)

    def _change_from_timeline(self, change: Change) -> None:
        """A drag on the timeline (or its undo/redo): the timeline has followed it already;
        broadcast it so the table, editor and lists follow too."""
        if self.document is None:
            return
        self._timeline_change = change
        try:
            self.document.changed.emit(change)
        finally:
            self._timeline_change = None

    def _summary_changed(self, parts: set) -> None:
        summary = self.document.summary if self.document else None
        if summary is None:
            return
        if "actors" in parts:
            self.actors_panel.model.set_actors(summary.actors)
        if "sources" in parts:
            self.sources_panel.model.set_sources(summary.sources)

    def _store_error(self, message: str) -> None:
        self.warn("The change was not made", message)

    def _counts(self, shown: int, total: int) -> None:
        if self.ws is None:
            self.count_label.setText("")
        elif self.document is not None and self.document.filter.empty:
            self.count_label.setText(f"{total:,} event{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown:,} of {total:,} events")

    def _loading(self, loading: bool) -> None:
        if loading:
            self.count_label.setText("Counting events…")

    # ------------------------------------------------------------------ events

    def edit_event(self, event_id: int) -> None:
        if self.document is None:
            return
        self.document.set_selection([event_id])
        self.docks["Details"].show()
        self.docks["Details"].raise_()
        self.editor.focus_first_field()

    def edit_selected(self) -> None:
        if self.document is not None and self.document.selection:
            self.docks["Details"].show()
            self.docks["Details"].raise_()
            self.editor.focus_first_field()

    def new_event(self) -> None:
        import datetime as dt

        if self.document is None:
            return
        change = self.document.execute(ops.add_event, "New event", dt.date.today().isoformat())
        if change is not None and change.first_added("events") is not None:
            self.clear_filter()
            event_id = change.first_added("events")
            self.document.set_selection([event_id])  # the table selects it once its row loads
            self.edit_selected()

    def delete_selected(self) -> None:
        if self.document is None or not self.document.selection:
            return
        ids = self.document.selection
        what = "this event" if len(ids) == 1 else f"these {len(ids):,} events"
        answer = QMessageBox.question(
            self,
            "Delete Events",
            f"Delete {what}? Their links to actors and sources go too; you can undo this with Edit > Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.document.execute(ops.delete_events, ids) is not None:
            self.document.set_selection([])

    # ------------------------------------------------------------------ actors and sources

    def edit_actor(self, actor_id: int | None = None) -> None:
        from ui.editors.actor_dialog import ActorDialog, actor_by_id

        if self.document is None:
            return
        if actor_id is None:
            ids = self.actors_panel.selected_ids()
            if not ids:
                return
            actor_id = ids[0]
        actor = actor_by_id(self.document, actor_id)
        if actor is not None:
            ActorDialog(self.document, actor, self).exec()

    def new_actor(self) -> None:
        from ui.editors.actor_dialog import ActorDialog

        if self.document is None:
            return
        dialog = ActorDialog(self.document, None, self)
        if dialog.exec() and dialog.actor_id is not None:
            self.actors_panel.select_id(dialog.actor_id)

    def merge_actors(self) -> None:
        from ui.editors.actor_dialog import MergeActorsDialog, actor_by_id

        ids = self.actors_panel.selected_ids()
        if self.document is None or len(ids) < 2:
            self.info("Merge Actors", "Select two or more actors in the Actors list to merge them.")
            return
        actors = [a for a in (actor_by_id(self.document, i) for i in ids) if a is not None]
        MergeActorsDialog(self.document, actors, self).exec()

    def delete_actors(self) -> None:
        ids = self.actors_panel.selected_ids()
        if self.document is None or not ids:
            return
        answer = QMessageBox.question(
            self,
            "Delete Actors",
            f"Delete {'this actor' if len(ids) == 1 else f'these {len(ids)} actors'}? Their events stay, "
            "without them; you can undo this with Edit > Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document.execute(ops.delete_actors, ids)

    def filter_by_selected_actors(self) -> None:
        ids = self.actors_panel.selected_ids()
        if self.document is not None and ids:
            import dataclasses

            self.set_filter(dataclasses.replace(self.document.filter, actor_ids=tuple(ids)))

    def show_source(self, source_id: int, start: int = -1, end: int = -1) -> None:
        self.docks["Sources"].show()
        self.docks["Sources"].raise_()
        self.sources_panel.show_source(source_id, start, end)

    def edit_source(self) -> None:
        from models import queries
        from ui.editors.actor_dialog import SourceDialog

        ids = self.sources_panel.selected_ids()
        if self.document is None or not ids:
            return
        try:
            source = queries.get_source(self.document.ws, ids[0])
        except USER_ERRORS as error:
            self.warn("Edit Source", str(error))
            return
        SourceDialog(self.document, source, self).exec()

    def delete_sources(self) -> None:
        ids = self.sources_panel.selected_ids()
        if self.document is None or not ids:
            return
        answer = QMessageBox.question(
            self,
            "Delete Sources",
            "Delete the selected sources? Events that cite them stay, without the citations; "
            "you can undo this with Edit > Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document.execute(ops.delete_sources, ids)

    def filter_by_selected_source(self) -> None:
        ids = self.sources_panel.selected_ids()
        if self.document is not None and ids:
            import dataclasses

            self.set_filter(dataclasses.replace(self.document.filter, source_id=ids[0]))

    # ------------------------------------------------------------------ files and drops

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
        if self.import_dialog is None:
            self.info(
                "Import Articles",
                "Article import is not available yet; for now, add events by hand with Edit > New Event.",
            )
            return False
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
        return self.import_dialog(self, self.ws, self.document.undo_stack, source) is not None

    def open_briefing_dialog(self) -> None:
        if self.briefing_dialog is None or self.document is None:
            return
        dialog = self.briefing_dialog(
            self.ws, self, current_filter=self.document.filter, undo_stack=self.document.undo_stack
        )
        dialog.exec()
        self.refresh_all()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()

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

    # ------------------------------------------------------------------ messages and closing

    def warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    def info(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self, title, text)

    def focus_pane(self, title: str) -> None:
        """Show a dock (or the timeline) and put the keyboard focus in it."""
        if title == "Timeline":
            self.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        dock = self.docks[title]
        dock.show()
        dock.raise_()
        target = {
            "Events": self.table,
            "Actors": self.actors_panel.view,
            "Sources": self.sources_panel.view,
            "Details": self.editor,
        }[title]
        if title == "Details":
            self.editor.focus_first_field()
        else:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.show()

    def restore_layout(self) -> None:
        geometry = settings.value(settings.GEOMETRY)
        state = settings.value(settings.STATE)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # first run: most of the screen, centred
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None and screen.width() > 800:
                self.resize(int(screen.width() * 0.92), int(screen.height() * 0.92))
                self.move(screen.center() - self.rect().center())
        if state is not None:
            self.restoreState(state)
        header = settings.value(settings.EVENT_HEADER)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.STATE, self.saveState())
        settings.set_value(settings.EVENT_HEADER, self.table.horizontalHeader().saveState())
        self.event_model.set_workspace(None)
        self.actions.set_undo_stack(None)
        if self.document is not None:
            self.document.ws.close()
        super().closeEvent(event)
