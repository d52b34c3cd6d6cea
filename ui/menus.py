"""The main window's menus and shortcuts (every action reachable from the keyboard)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu

from models.store import SUFFIX
from ui import settings
from ui.window_files import busy_cursor

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = f"Annalist workspaces (*{SUFFIX});;All files (*)"


class Actions:
    """Holds the window's actions; keeps Undo/Redo, Open Recent and enabled states current."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.undo_stack: QUndoStack | None = None
        self.undo: QAction | None = None
        self.redo: QAction | None = None
        self.recent_menu: QMenu | None = None
        self.need_workspace: list[QAction] = []
        self.need_writable: list[QAction] = []
        self.need_selection: list[QAction] = []
        self.by_name: dict[str, QAction] = {}

    def add(
        self,
        menu: QMenu,
        name: str,
        text: str,
        slot,
        shortcut=None,
        *,
        tip: str = "",
        workspace: bool = False,
        writable: bool = False,
        selection: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.by_name[name] = action
        if workspace or writable or selection:
            self.need_workspace.append(action)
        if writable:
            self.need_writable.append(action)
        if selection:
            self.need_selection.append(action)
        return action

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        """Point Undo/Redo at ``stack`` (their text names the step: "Undo Edit date of ...")."""
        old = self.undo_stack
        if old is not None and self.undo is not None:
            for action, slot in ((self.undo, old.undo), (self.redo, old.redo)):
                with contextlib.suppress(RuntimeError, TypeError):  # the old stack is gone
                    action.triggered.disconnect(slot)
            for signal in (
                old.canUndoChanged,
                old.canRedoChanged,
                old.undoTextChanged,
                old.redoTextChanged,
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._sync_undo)
        self.undo_stack = stack
        self._sync_undo()
        if stack is not None:
            self.undo.triggered.connect(stack.undo)
            self.redo.triggered.connect(stack.redo)
            stack.canUndoChanged.connect(self._sync_undo)
            stack.canRedoChanged.connect(self._sync_undo)
            stack.undoTextChanged.connect(self._sync_undo)
            stack.redoTextChanged.connect(self._sync_undo)

    def _sync_undo(self, *_args) -> None:
        stack = self.undo_stack
        if self.undo is None:
            return
        alive = (
            stack is not None
            and self.window.document is not None
            and stack is self.window.document.undo_stack
        )
        can_undo = alive and stack.canUndo()
        can_redo = alive and stack.canRedo()
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        self.undo.setText(f"&Undo {stack.undoText()}" if can_undo else "&Undo")
        self.redo.setText(f"&Redo {stack.redoText()}" if can_redo else "&Redo")

    def refresh_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = settings.recent_workspaces()
        for number, path in enumerate(paths, start=1):
            label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
            action = menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_workspace(p))
        if not paths:
            empty = menu.addAction("No recent workspaces")
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Menu", self._clear_recent)

    def _clear_recent(self) -> None:
        settings.set_value(settings.RECENT, [])
        self.refresh_recent()

    def update_enabled(self) -> None:
        doc = self.window.document
        has_ws = doc is not None
        writable = has_ws and not doc.ws.readonly
        selected = has_ws and bool(doc.selection)
        for action in self.need_workspace:
            action.setEnabled(has_ws)
        for action in self.need_writable:
            action.setEnabled(writable)
        for action in self.need_selection:
            action.setEnabled(action.isEnabled() and selected)
        self._sync_undo()


def build_menus(window: MainWindow) -> Actions:
    """Create the menu bar; returns the :class:`Actions` that keep it in step."""
    a = Actions(window)
    bar = window.menuBar()
    Key = QKeySequence.StandardKey

    file = bar.addMenu("&File")
    a.add(
        file,
        "new",
        "&New Workspace…",
        lambda: _new(window),
        Key.New,
        tip="Create an empty workspace file",
    )
    a.add(file, "open", "&Open…", lambda: _open(window), Key.Open, tip="Open a workspace file")
    a.recent_menu = file.addMenu("Open &Recent")
    a.add(
        file,
        "save_copy",
        "Save a &Copy As…",
        window.save_copy_as,
        Key.SaveAs,
        workspace=True,
        tip="Write a copy of this workspace to another file (this one stays open; changes are always saved)",
    )
    a.add(file, "close", "&Close Workspace", window.close_workspace, Key.Close, workspace=True)
    file.addSeparator()
    a.add(
        file,
        "import",
        "&Import Articles…",
        lambda: _import(window),
        "Ctrl+I",
        writable=True,
        tip="Review articles and turn them into events (or drop files on the window)",
    )
    a.add(
        file,
        "import_clipboard",
        "Import from &Clipboard",
        lambda: _import_clipboard(window),
        "Ctrl+Shift+I",
        writable=True,
        tip="Review the text or web page selection on the clipboard as an article",
    )
    file.addSeparator()
    a.add(file, "preferences", "&Preferences…", window_preferences(window), Key.Preferences)
    a.add(file, "quit", "&Quit", window.close, Key.Quit)

    edit = bar.addMenu("&Edit")
    a.undo = QAction("&Undo", window)
    a.undo.setObjectName("undo")
    a.undo.setShortcuts(Key.Undo)
    a.redo = QAction("&Redo", window)
    a.redo.setObjectName("redo")
    a.redo.setShortcuts(Key.Redo)
    edit.addAction(a.undo)
    edit.addAction(a.redo)
    a.by_name["undo"], a.by_name["redo"] = a.undo, a.redo
    edit.addSeparator()
    a.add(
        edit,
        "find",
        "&Find…",
        window.filter_bar.focus_search,
        Key.Find,
        workspace=True,
        tip="Search the events' titles and descriptions",
    )
    clear = a.add(
        edit,
        "clear_filter",
        "C&lear Filter",
        window.clear_filter,
        "Escape",
        workspace=True,
        tip="Show all events again",
    )
    clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for widget in (window.filter_bar, window.table, window.timeline):
        widget.addAction(clear)
    edit.addSeparator()
    a.add(
        edit,
        "new_event",
        "New &Event",
        window.new_event,
        "Ctrl+Shift+E",
        writable=True,
        tip="Add an event dated today and edit it",
    )
    a.add(
        edit,
        "edit_event",
        "Edit &Selected Event",
        window.edit_selected,
        "F2",
        selection=True,
        tip="Move to the Details editor",
    )
    delete = a.add(
        edit,
        "delete_events",
        "&Delete Selected Events…",
        window.delete_selected,
        Key.Delete,
        writable=True,
        selection=True,
    )
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for widget in (window.table, window.timeline):
        widget.addAction(delete)

    actors = bar.addMenu("&Actors")
    a.add(actors, "new_actor", "&New Actor…", window.new_actor, writable=True)
    edit_actor = a.add(actors, "edit_actor", "&Edit Actor…", window.edit_actor, writable=True)
    merge = a.add(
        actors,
        "merge_actors",
        "&Merge Actors…",
        window.merge_actors,
        writable=True,
        tip="Merge the selected actors into one (undoable)",
    )
    show = a.add(
        actors,
        "filter_actor",
        "&Show Their Events",
        window.filter_by_selected_actors,
        workspace=True,
        tip="Filter the events to the selected actors",
    )
    actors.addSeparator()
    delete_actor = a.add(
        actors, "delete_actors", "&Delete Actors…", window.delete_actors, writable=True
    )
    for action in (show, edit_actor, merge, delete_actor):
        window.actors_panel.view.addAction(action)

    sources = bar.addMenu("&Sources")
    edit_source = a.add(sources, "edit_source", "&Edit Source…", window.edit_source, writable=True)
    show_source = a.add(
        sources,
        "filter_source",
        "&Show Events Citing It",
        window.filter_by_selected_source,
        workspace=True,
    )
    delete_source = a.add(
        sources, "delete_sources", "&Delete Sources…", window.delete_sources, writable=True
    )
    for action in (show_source, edit_source, delete_source):
        window.sources_panel.view.addAction(action)

    view = bar.addMenu("&View")
    go = view.addMenu("&Go To")
    a.add(go, "go_timeline", "&Timeline", lambda: window.focus_pane("Timeline"), "Ctrl+0")
    for number, title in enumerate(window.docks, start=1):
        a.add(
            go,
            f"go_{title.lower()}",
            f"&{title}",
            lambda t=title: window.focus_pane(t),
            f"Ctrl+{number}",
        )
    view.addSeparator()
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())
    columns = view.addMenu("Event Table &Columns")

    def fill_columns() -> None:  # rebuilt each time: the header may have been restored or changed
        columns.clear()
        for action in window.table.column_actions():
            action.setParent(columns)
            columns.addAction(action)

    columns.aboutToShow.connect(fill_columns)
    fill_columns()
    view.addSeparator()
    a.add(view, "reset_layout", "&Reset Layout", window.reset_layout)

    briefing = bar.addMenu("&Briefing")
    a.add(
        briefing,
        "new_pack",
        "&New Pack…",
        window.open_briefing_dialog,
        "Ctrl+B",
        workspace=True,
        tip="Build a PDF briefing pack from the shown events",
    )
    briefing.setToolTipsVisible(True)

    help_menu = bar.addMenu("&Help")
    a.add(help_menu, "about", "&About Annalist", lambda: _about(window))
    a.refresh_recent()
    return a


def window_preferences(window: MainWindow):
    def show() -> None:
        from PySide6.QtWidgets import QApplication

        from ui.dialogs import PreferencesDialog
        from ui.theme import apply_theme

        if PreferencesDialog(window).exec():
            apply_theme(
                QApplication.instance(),
                settings.value(settings.THEME),
                settings.value(settings.FONT_SIZE),
            )

    return show


def _start_folder(window: MainWindow) -> str:
    if window.ws is not None:
        return str(window.ws.path.parent)
    recent = settings.recent_workspaces()
    return str(Path(recent[0]).parent) if recent else str(Path.home())


def _open(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, "Open Workspace", _start_folder(window), FILE_FILTER
    )
    if path:
        window.open_workspace(path)


def _new(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        "New Workspace",
        str(Path(_start_folder(window)) / f"Untitled{SUFFIX}"),
        FILE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if path:
        window.new_workspace(path)


def _import(window: MainWindow) -> None:
    with busy_cursor():  # imported at first use: readers and extraction slow the start
        from ui.import_flow import FILE_FILTER

    paths, _ = QFileDialog.getOpenFileNames(
        window, "Import Articles", _start_folder(window), FILE_FILTER
    )
    if paths:
        window.import_articles(paths=[Path(p) for p in paths])


def _import_clipboard(window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    held = QApplication.clipboard().mimeData()
    if held is None or not (held.hasHtml() or held.hasText() or held.hasUrls()):
        window.info("Import from Clipboard", "The clipboard holds no text to import.")
        return
    # The clipboard owns its data and may replace it at any time: import a copy.
    mime = QMimeData()
    for fmt in held.formats():
        mime.setData(fmt, held.data(fmt))
    window.import_articles(mime=mime)


def _about(window: MainWindow) -> None:
    from ui.dialogs import AboutDialog

    AboutDialog(str(window.ws.path) if window.ws else None, window).exec()
