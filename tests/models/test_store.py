"""Opening, creating and protecting workspace files."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from models import operations as op
from models import schema
from models.errors import (
    CorruptWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    ReadOnlyWorkspace,
    WorkspaceError,
    WorkspaceLocked,
)
from models.store import Workspace
from tests.helpers import file_digest


def test_new_workspace_has_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "new.annalist"
    with Workspace.open(path) as ws:
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert ws.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert {
            "actors",
            "events",
            "event_actors",
            "sources",
            "event_sources",
            "briefings",
            "events_fts",
            "sources_fts",
            "periods",
        } <= set(ws.db.table_names())
        assert ws.meta("created")
    assert not list(tmp_path.glob(".*new"))  # nothing left from the atomic creation


def test_create_refuses_missing_folder(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "nowhere" / "x.annalist")


def test_open_without_create_says_there_is_none(tmp_path):
    with pytest.raises(WorkspaceError, match="There is no workspace"):
        Workspace.open(tmp_path / "missing.annalist", create=False)


def test_a_text_file_is_not_a_workspace(tmp_path):
    path = tmp_path / "notes.annalist"
    path.write_text("these are my notes, not a database\n" * 10)
    before = file_digest(path)
    with pytest.raises(NotAWorkspace, match="not an SQLite database"):
        Workspace.open(path)
    assert file_digest(path) == before


def test_another_sqlite_database_is_not_a_workspace(tmp_path):
    path = tmp_path / "other.annalist"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = file_digest(path)
    with pytest.raises(NotAWorkspace, match="not an Annalist workspace"):
        Workspace.open(path)
    assert file_digest(path) == before


def test_truncated_workspace_is_reported_and_untouched(demo_path):
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    before = file_digest(demo_path)
    with pytest.raises(CorruptWorkspace, match="damaged.*restore it from a backup"):
        Workspace.open(demo_path)
    assert file_digest(demo_path) == before


def test_header_only_fragment_is_damaged(demo_path):
    demo_path.write_bytes(demo_path.read_bytes()[:60])
    with pytest.raises(CorruptWorkspace):
        Workspace.open(demo_path)


def test_scrambled_pages_are_reported_as_damage(demo_path):
    data = bytearray(demo_path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = b"\xff" * 64
    demo_path.write_bytes(bytes(data))
    with pytest.raises(CorruptWorkspace), Workspace.open(demo_path) as ws:
        ws.conn.execute("SELECT count(*), max(title) FROM events").fetchone()
        op.add_actor(ws, "Someone")


def test_newer_workspace_is_refused(ws_path):
    conn = sqlite3.connect(ws_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    with pytest.raises(NewerWorkspace, match="newer version of Annalist"):
        Workspace.open(ws_path)


def test_unwritable_file_opens_read_only_and_says_so(ws_path, monkeypatch):
    # Root ignores file permissions, so present the file as unwritable the way os.access would.
    monkeypatch.setattr("models.store._writable", lambda path: False)
    with Workspace.open(ws_path) as ws:
        assert ws.readonly
        assert "read-only" in ws.readonly_reason and "Save a Copy As" in ws.readonly_reason
        with pytest.raises(ReadOnlyWorkspace, match="read-only"):
            op.add_actor(ws, "Someone")
        # The connection itself refuses writes: the read-only mode is real, not just a flag.
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ws.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions")
def test_really_read_only_file(ws_path):
    os.chmod(ws_path, 0o444)
    try:
        with Workspace.open(ws_path) as ws:
            assert ws.readonly
    finally:
        os.chmod(ws_path, 0o644)


def test_explicit_read_only_open(ws_path):
    with Workspace.open(ws_path, readonly=True) as ws:
        assert ws.readonly and ws.readonly_reason
        assert ws.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')")
    print("ready", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
    """
)


def test_locked_workspace_waits_then_names_the_holder(ws_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ws_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with Workspace.open(ws_path, busy_timeout=0.3) as ws:
            before = ws.conn.execute("SELECT count(*) FROM actors").fetchone()[0]
            with pytest.raises(WorkspaceLocked) as info:
                op.add_actor(ws, "Someone")
            message = str(info.value)
            assert "busy" in message and "try again" in message
            if sys.platform.startswith("linux"):
                assert f"process {holder.pid}" in message
                assert "python" in message
            assert ws.conn.execute("SELECT count(*) FROM actors").fetchone()[0] == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    with Workspace.open(ws_path) as ws:  # usable again once the other program lets go
        op.add_actor(ws, "Someone")


def test_save_a_copy(demo_ws, tmp_path):
    target = demo_ws.backup_to(tmp_path / "copy.annalist")
    with Workspace.open(target) as copy:
        assert (
            copy.conn.execute("SELECT count(*) FROM events").fetchone()[0]
            == demo_ws.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        )


def test_migration_copies_the_file_first_and_runs_in_one_transaction(ws_path, monkeypatch):
    def migrate_to_2(db):
        db.execute("ALTER TABLE events ADD COLUMN colour TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 2, migrate_to_2)
    with Workspace.open(ws_path) as ws:
        assert "colour" in ws.db["events"].columns_dict
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == 2
    backup = ws_path.with_name(ws_path.name + ".before-v2.bak")
    assert backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1


def test_failed_migration_leaves_the_workspace_as_it_was(ws_path, monkeypatch):
    def migrate_to_2(db):
        db.execute("ALTER TABLE events ADD COLUMN colour TEXT")
        raise RuntimeError("simulated failure half-way")

    before = file_digest(ws_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 2, migrate_to_2)
    with pytest.raises(RuntimeError):
        Workspace.open(ws_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    with Workspace.open(ws_path) as ws:
        assert "colour" not in ws.db["events"].columns_dict
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert file_digest(ws_path) == before
