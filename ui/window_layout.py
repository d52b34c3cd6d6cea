"""The main window's layout (a mixin of :class:`ui.main_window.MainWindow`): docks, the
status bar with its busy indicator, keyboard focus between panes, and the saved layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from ui import settings


class BusyIndicator(QWidget):
    """A moving bar and a few words ("Filtering events…") while views wait for the
    background; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("BusyIndicator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no known end: the bar moves back and forth
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(72, 10)
        self.label = QLabel()
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        # as wide as its words, beside the count (the status bar would stretch it)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisibleTo(self.parentWidget()) else ""

    def set_busy(self, text: str) -> None:
        """Show ``text`` with the moving bar ("" hides both)."""
        self.label.setText(text)
        self.setToolTip(
            f"{text} The window stays usable meanwhile; the views show what they showed before "
            "until the new answer arrives."
            if text
            else ""
        )
        self.setVisible(bool(text))


class LayoutMixin:
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
        self.busy = BusyIndicator()
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
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.saved_label)

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

    def save_layout(self) -> None:
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.STATE, self.saveState())
        settings.set_value(settings.EVENT_HEADER, self.table.horizontalHeader().saveState())
