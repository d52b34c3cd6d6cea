"""Starting the desktop app (a minimal window until the workbench lands)."""

from __future__ import annotations

import sys
from pathlib import Path


def run(workspace: str | None, qt_args: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

    from models import demo, search
    from models.errors import AnnalistError
    from models.store import Workspace

    app = QApplication([sys.argv[0], *(qt_args or [])])
    app.setApplicationName("Annalist")
    app.setOrganizationName("Annalist")
    try:
        path = Path(workspace) if workspace else demo.ensure_default_workspace()
        ws = Workspace.open(path)
    except AnnalistError as error:
        QMessageBox.critical(None, "Annalist", str(error))
        return 2
    window = QMainWindow()
    window.setWindowTitle(f"{ws.path.name} — Annalist")
    window.setCentralWidget(QLabel(f"{search.count(ws):,} events in {ws.path}"))
    window.resize(1200, 800)
    window.show()
    return app.exec()
