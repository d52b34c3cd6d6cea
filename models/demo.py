"""The default workspace and its demo content (real, documented public events)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from models.store import Workspace

APP_NAME = "Annalist"
DEMO_FILE = Path(__file__).resolve().parent.parent / "resources" / "demo" / "demo.json"


def data_dir() -> Path:
    """The user data folder (``ANNALIST_DATA_DIR`` overrides it, for tests and portable use)."""
    override = os.environ.get("ANNALIST_DATA_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )


def default_workspace_path() -> Path:
    return data_dir() / "default.annalist"


def ensure_default_workspace() -> Path:
    """Create ``default.annalist`` with the demo content on first run; return its path."""
    path = default_workspace_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(".default.annalist.new")
    for leftover in (
        partial,
        partial.with_name(partial.name + "-wal"),
        partial.with_name(partial.name + "-shm"),
    ):
        leftover.unlink(missing_ok=True)
    with Workspace.open(partial) as ws:
        load_demo(ws)
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.conn.execute("PRAGMA journal_mode = DELETE")
    os.replace(partial, path)
    return path


def load_demo(ws: Workspace):
    """Load the bundled demo events, actors and sources into ``ws``; returns the Change."""
    from models.exchange import load_json

    return load_json(ws, DEMO_FILE)
