"""Shared steps for the import tests: a host window, starting an import, waiting for review."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ui.import_flow import start_import

WAIT = 30_000  # ms: generous, the first read also starts the reader's fork server


@pytest.fixture
def host(qtbot):
    """A plain main window and undo stack, as the workbench hands to start_import."""
    window = QMainWindow()
    window.resize(1300, 850)
    qtbot.addWidget(window)
    window.show()
    stack = QUndoStack(window)
    return window, stack


def begin(qtbot, host, ws, source):
    """Start an import and wait for its first review dialog; returns (flow, dialog)."""
    window, stack = host
    flow = start_import(window, ws, stack, source)
    assert flow is not None
    with qtbot.waitSignal(flow.reviewOpened, timeout=WAIT) as opened:
        pass
    return flow, opened.args[0]


def finish(qtbot, flow) -> None:
    if flow.running:
        with qtbot.waitSignal(flow.finished, timeout=WAIT):
            pass


def run_to_report(qtbot, host, ws, source):
    """Start an import that opens no review (every item fails); returns the flow, finished."""
    window, stack = host
    flow = start_import(window, ws, stack, source)
    opened = []
    flow.reviewOpened.connect(opened.append)
    finish(qtbot, flow)
    assert not opened
    return flow
