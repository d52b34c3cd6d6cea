"""Helpers shared by tests: file digests and whole-workspace snapshots."""

import hashlib
from pathlib import Path

from models.store import Workspace


def file_digest(path: Path) -> str:
    """Hash of the workspace file and any WAL beside it (to prove nothing was written)."""
    digest = hashlib.sha256(Path(path).read_bytes())
    wal = Path(str(path) + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def snapshot(workspace: Workspace) -> dict:
    """Every row of every table that matters, including derived ones and the search index."""
    tables = [
        "actors",
        "events",
        "event_actors",
        "sources",
        "event_sources",
        "event_tags",
        "briefings",
        "periods",
        "meta",
    ]
    result = {
        t: workspace.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables
    }
    result["events_fts"] = workspace.conn.execute(
        "SELECT rowid, title, description FROM events_fts ORDER BY rowid"
    ).fetchall()
    result["events_fts_check"] = workspace.conn.execute(
        "SELECT rowid FROM events_fts WHERE events_fts MATCH 'the OR a OR of OR in' ORDER BY rowid"
    ).fetchall()
    return result
