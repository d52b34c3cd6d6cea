"""Fixtures for the window's tests: Qt in test mode, small real workspaces."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from models.store import Workspace
from tests.ui import sample
from ui import settings


@pytest.fixture(scope="session", autouse=True)
def _qt_test_mode(qapp, tmp_path_factory):
    QStandardPaths.setTestModeEnabled(True)
    # Settings in a folder of this test run only: two runs at once never share a file.
    folder = str(tmp_path_factory.mktemp("settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QCoreApplication.setOrganizationName("AnnalistTests")
    QCoreApplication.setApplicationName("AnnalistTests")
    yield


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    """PySide6 6.11 crashes at exit (SIGSEGV) when a QMimeData made in Python is still on
    the clipboard; leave it empty after every test."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def _clean_settings(tmp_path, monkeypatch):
    settings.store().clear()
    monkeypatch.setenv("ANNALIST_DATA_DIR", str(tmp_path / "data"))
    yield
    settings.store().clear()


@pytest.fixture
def sample_path(tmp_path):
    return sample.build(tmp_path / "sample.annalist")


@pytest.fixture
def ws(sample_path):
    workspace = Workspace.open(sample_path)
    yield workspace
    workspace.close()
