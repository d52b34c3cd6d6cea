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
  current_filter=EventFilter, undo_stack=QUndoStack)`` with ``exec()``.
- Import: File > Import Articles…, File > Import from Clipboard and drops of anything but
  ``.annalist`` files go through :meth:`MainWindow.handle_drop` /
  :meth:`MainWindow.import_articles`, which call ``ui.import_flow.start_import(window, ws,
  undo_stack, paths | QMimeData)``. The import publishes its changes on ``document.changed``.
- Start-up stays quick: ``ui.briefing_dialog`` and ``ui.import_flow`` (with ReportLab,
  pypdfium2, the readers and the extraction they pull in) are imported at first use, under
  a busy cursor, not when the window is built (a test checks it).
- Settings read elsewhere (briefing marking, author, organisation): see ``ui.settings``.
- Background reads: the table (``ui.models.events``) and the timeline (``ui.timeline.loading``)
  read big workspaces off the GUI thread and keep showing the previous view meanwhile; their
  ``loadingChanged`` signals drive the busy indicator in the status bar (``window.busy``).

The window's parts live beside it: ``ui.window_files`` (workspaces, drops, import, copies),
``ui.window_edits`` (event, actor and source commands), ``ui.window_layout`` (docks, status
bar, focus, saved layout) and ``ui.menus`` (menus and shortcuts).
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from ui.docks import ActorsPanel, EventsPanel, SourcesPanel
from ui.document import Document
from ui.editors.event_editor import EventEditor
from ui.filter_bar import FilterBar
from ui.menus import build_menus
from ui.models.events import EventTableModel
from ui.window_edits import EditsMixin
from ui.window_files import FilesMixin
from ui.window_layout import LayoutMixin


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


# What the busy indicator says while the views wait for the background.
LOADING = "Loading events…"
FILTERING = "Filtering events…"
SORTING = "Sorting events…"
UPDATING = "Updating the views…"


class MainWindow(FilesMixin, EditsMixin, LayoutMixin, QMainWindow):
    """The workbench; see the module docstring for how other parts plug in."""

    workspaceChanged = Signal(object)  # Workspace or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.document: Document | None = None
        self.last_message = ""
        self._pool = QThreadPool(self)
        self._busy_reason = ""
        self._counted = False
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
        self.actions = build_menus(self)
        self._default_state = self.saveState()
        self._connect()
        self._set_workspace(None)
        self.resize(1400, 860)
        QApplication.instance().applicationStateChanged.connect(self._application_state)

    def _connect(self) -> None:
        self.table.selectionIdsChanged.connect(self._selection_from_view)
        self.table.editRequested.connect(self.edit_event)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorting)
        self.timeline.selectionChanged.connect(self._selection_from_view)
        self.timeline.editRequested.connect(self.edit_event)
        if hasattr(self.timeline, "loadingChanged"):
            self.timeline.loadingChanged.connect(self._busy_changed)
        if hasattr(self.timeline, "statusMessage"):
            self.timeline.statusMessage.connect(
                lambda text: self.statusBar().showMessage(text, 8000)
            )
        self.filter_bar.filterChanged.connect(self._filter_from_bar)
        self.event_model.countsChanged.connect(self._counts)
        self.event_model.loadingChanged.connect(self._loading)
        self.editor.sourceRequested.connect(self.show_source)
        self.actors_panel.actorActivated.connect(self.edit_actor)

    # ------------------------------------------------------------------ workspace

    @property
    def ws(self) -> Workspace | None:
        return self.document.ws if self.document else None

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
        self._counted = False
        self.count_label.setText("")
        self._busy_reason = ""
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
        self._busy_changed()
        self.workspaceChanged.emit(ws)

    def _application_state(self, state) -> None:
        # A closed window (its workspace closed, the object still alive) has nothing to check.
        if state == Qt.ApplicationState.ApplicationActive and self.isVisible():
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
        self._busy_reason = UPDATING
        self.event_model.invalidate()
        self.event_model.reload()
        if hasattr(self.timeline, "reload"):
            self.timeline.reload()  # reads the filter again too
        else:
            self.timeline.set_filter(self.document.filter)
        self.document.summary.refresh({"actors", "tags", "sources"})
        self.editor.show_events(self.document.selection)
        self._busy_changed()

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
        self._busy_reason = FILTERING
        self.filter_bar.set_filter(flt)
        self.event_model.set_filter(flt)
        self.timeline.set_filter(flt)
        self._busy_changed()

    def set_filter(self, flt: EventFilter) -> None:
        """Apply a filter to the table and the timeline (and show it in the filter bar)."""
        if self.document is not None:
            self.document.set_filter(flt)

    def clear_filter(self) -> None:
        self.set_filter(EventFilter())

    def _changed(self, change: Change) -> None:
        self._busy_reason = UPDATING
        self.event_model.apply_change(change)
        if change is not self._timeline_change:
            self.timeline.apply_change(change)
        self.statusBar().showMessage(change.label, 4000)
        self._busy_changed()

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

    # ------------------------------------------------------------------ counts and busy

    def _counts(self, shown: int, total: int) -> None:
        if self.ws is None:
            self.count_label.setText("")
            return
        self._counted = True
        if self.document is not None and self.document.filter.empty:
            self.count_label.setText(f"{total:,} event{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown:,} of {total:,} events")

    def _loading(self, loading: bool) -> None:
        self._busy_changed()  # the count keeps its last value; the indicator says why

    def _sorting(self, *_args) -> None:
        self._busy_reason = SORTING
        self._busy_changed()

    def is_busy(self) -> bool:
        """Whether the table or the timeline is waiting for the background."""
        return self.event_model.loading or bool(getattr(self.timeline, "loading", False))

    def _busy_changed(self, *_args) -> None:
        """Show or hide the busy indicator; the count and the views keep what they showed."""
        if self.ws is None or not self.is_busy():
            self._busy_reason = ""
            self.busy.set_busy("")
            return
        timeline_empty = getattr(self.timeline, "loading_events", False) and (
            getattr(self.timeline, "data", True) is None
        )
        opening = not self._counted or timeline_empty
        self.busy.set_busy(LOADING if opening else (self._busy_reason or UPDATING))

    # ------------------------------------------------------------------ messages and closing

    def warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    def info(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.event_model.set_workspace(None)
        self.timeline.set_workspace(None)  # drops its arrays and any read in the background
        self.actions.set_undo_stack(None)
        if self.document is not None:
            self.document.ws.close()
        super().closeEvent(event)
