"""Starting the desktop app: the application object, settings, theme and the first workspace.

On start Annalist opens, in order: the workspace named on the command line, the one open
when the app last closed, or the default workspace (created with the demo content on first
run). If that fails the window still opens, empty, and says why.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANISATION = "Annalist"
APPLICATION = "Annalist"


def make_app(qt_args: list[str] | None = None, *, test_mode: bool = False):
    """The QApplication (created once), named and themed from the settings."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ui import settings
    from ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        # High-DPI: Qt 6 scales by default; keep fractional factors (125%, 150%) as they are.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt_rounding_passthrough())
        app = QApplication([sys.argv[0], *(qt_args or [])])
    if test_mode:
        QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("annalist")
    apply_theme(app, settings.value(settings.THEME), settings.value(settings.FONT_SIZE))
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(
            app, settings.value(settings.THEME), settings.value(settings.FONT_SIZE)
        )
    )
    return app


def Qt_rounding_passthrough():  # noqa: N802 - reads like the Qt enum it returns
    from PySide6.QtCore import Qt

    return Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def first_workspace(requested: str | None) -> tuple[Path | None, str]:
    """Which workspace to open on start, and a message if the usual one is unavailable."""
    from models import demo
    from ui import settings

    if requested:
        return Path(requested), ""
    last = settings.last_workspace()
    if last and Path(last).exists():
        return Path(last), ""
    try:
        return demo.ensure_default_workspace(), ""
    except Exception as error:  # the window must still open; say what went wrong
        return (
            None,
            f"The default workspace could not be prepared ({error}); use File > New or File > Open.",
        )


def create_window(requested: str | None = None):
    """The main window with its first workspace (used by :func:`run` and the screenshots)."""
    from ui.main_window import MainWindow

    window = MainWindow()
    window.restore_layout()
    path, problem = first_workspace(requested)
    if path is not None:
        window.open_workspace(path)
    elif problem:
        window.statusBar().showMessage(problem)
        window.last_message = problem
    return window


def run(workspace: str | None, qt_args: list[str] | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = make_app(qt_args, test_mode=bool(os.environ.get("ANNALIST_TEST_MODE")))
    window = create_window(workspace)
    window.show()
    return app.exec()
