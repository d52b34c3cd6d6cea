"""A quick start: the import review and briefing modules load at first use, not with the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# What the window must not import while it is built and opens a workspace (slow to load).
HEAVY = (
    "ui.import_flow",
    "ui.import_review",
    "ui.briefing_dialog",
    "ingest",
    "briefings",
    "reportlab",
    "pypdfium2",
)

OPEN_WINDOW = textwrap.dedent(
    """
    import json, sys
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app(test_mode=True)
    window = MainWindow()
    assert window.open_workspace(sys.argv[1])
    window.show()
    while window.event_model.loading or window.event_model.rowCount() == 0:
        app.processEvents()
    heavy = sys.argv[2].split(",")
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
    window.close()
    """
)


def test_the_window_opens_without_the_import_and_briefing_modules(sample_path, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "ANNALIST_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", OPEN_WINDOW, str(sample_path), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def cursor() -> Qt.CursorShape | None:
    held = QApplication.overrideCursor()
    return held.shape() if held is not None else None


def test_first_use_shows_a_busy_cursor_only_while_loading(qtbot, sample_path, monkeypatch):
    seen = []

    class Dialog:
        def __init__(self, ws, parent, **kwargs):
            seen.append(("build", cursor()))

        def exec(self):
            seen.append(("exec", cursor()))
            return 0

        def deleteLater(self):
            pass

    def start_import(window, ws, undo_stack, source):
        seen.append(("import", cursor()))  # it may ask questions: the cursor is normal again
        return object()

    briefing = types.ModuleType("ui.briefing_dialog")
    briefing.BriefingDialog = Dialog
    flow = types.ModuleType("ui.import_flow")
    flow.start_import = start_import
    monkeypatch.setitem(sys.modules, "ui.briefing_dialog", briefing)
    monkeypatch.setitem(sys.modules, "ui.import_flow", flow)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_workspace(sample_path)
    window.actions.by_name["new_pack"].trigger()
    text = QMimeData()
    text.setText("Troops crossed the border on Tuesday.")
    assert window.handle_drop(text)
    assert seen == [
        ("build", Qt.CursorShape.WaitCursor),
        ("exec", None),
        ("import", None),
    ]
    assert cursor() is None
    window.close()
