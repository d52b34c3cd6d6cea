"""Opening, creating and writing a workspace file (``*.annalist``, one SQLite database).

A :class:`Workspace` wraps one connection. Reads go straight through ``ws.db``
(a ``sqlite_utils.Database``) or ``ws.conn``; every write goes through :meth:`Workspace.write`,
which runs one ``BEGIN IMMEDIATE`` transaction and yields a :class:`~models.changes.Recorder`
that keeps before-images of the rows it touches, so the resulting
:class:`~models.changes.Change` can be undone exactly.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from models import locks, schema
from models.changes import Recorder
from models.errors import (
    CorruptWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    ReadOnlyWorkspace,
    WorkspaceError,
    WorkspaceLocked,
)

SUFFIX = ".annalist"
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0
BULK_CACHE_KIB = -256 * 1024  # negative: KiB, i.e. 256 MiB of page cache during bulk loads


class Workspace:
    """An open workspace. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, reason: str = ""):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.readonly = readonly
        self.readonly_reason = reason
        self._busy_timeout = DEFAULT_BUSY_TIMEOUT

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        create: bool = True,
        readonly: bool = False,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> Workspace:
        """Open (or create) the workspace at ``path``.

        Raises :class:`NotAWorkspace`, :class:`CorruptWorkspace`, :class:`NewerWorkspace`,
        :class:`WorkspaceLocked` or :class:`WorkspaceError` with a message for the user.
        A file that cannot be written is opened read-only; ``readonly_reason`` says why.
        """
        path = Path(path).expanduser()
        name = path.name
        if path.is_dir():
            raise NotAWorkspace(f"{path} is a folder, not a workspace; choose a {SUFFIX} file.")
        if not path.exists() or path.stat().st_size == 0:
            if not create:
                raise WorkspaceError(
                    f"There is no workspace at {path}; check the name or create a new one."
                )
            if readonly:
                raise WorkspaceError(f"There is no workspace at {path} to open read-only.")
            _create(path)
        _check_header(path)
        reason = ""
        if not readonly and not _writable(path):
            readonly = True
            reason = f"{name} is read-only (no permission to change it or its folder); changes cannot be saved — use Save a Copy As to edit a copy."
        elif readonly:
            reason = f"{name} was opened read-only."
        conn = _connect(path, readonly, busy_timeout)
        ws = cls(path, conn, readonly, reason)
        ws._busy_timeout = busy_timeout
        try:
            ws._prepare()
        except BaseException:
            conn.close()
            raise
        return ws

    def _prepare(self) -> None:
        name = self.path.name
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise _database_error(self.path, error) from None
        if app_id != schema.APPLICATION_ID and not (app_id == 0 and version == 0 and tables == 0):
            raise NotAWorkspace(
                f"{name} is an SQLite database but not an Annalist workspace; "
                f"open a {SUFFIX} file, or use File > Load to bring in its data."
            )
        if version > schema.SCHEMA_VERSION:
            raise NewerWorkspace(
                f"{name} was made by a newer version of Annalist (workspace format {version}; "
                f"this version reads up to {schema.SCHEMA_VERSION}); update Annalist to open it."
            )
        if not self.readonly:
            self._set_wal()
        if version < schema.SCHEMA_VERSION:
            if self.readonly:
                raise WorkspaceError(
                    f"{name} needs upgrading to this version of Annalist but is read-only; "
                    "copy it to a folder you can write to and open the copy."
                )
            self._migrate(version)

    def _set_wal(self) -> None:
        try:
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            raise self._operational(error) from None

    def _migrate(self, version: int) -> None:
        if version > 0:
            backup = self.path.with_name(f"{self.path.name}.before-v{schema.SCHEMA_VERSION}.bak")
            self.backup_to(backup)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise self._operational(error) from None
        try:
            for target in range(version + 1, schema.SCHEMA_VERSION + 1):
                schema.MIGRATIONS[target](self.db)
            self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def write(self) -> Iterator[Recorder]:
        """One write transaction; commits on success, rolls back on any error."""
        with self._transaction():
            yield Recorder(self.conn)

    @contextlib.contextmanager
    def bulk(self) -> Iterator[sqlite3.Connection]:
        """One write transaction without row recording, for loads of many rows (no undo).

        A larger page cache for the duration keeps index maintenance in memory.
        """
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with self._transaction():
                yield self.conn
        finally:
            self.conn.execute(f"PRAGMA cache_size = {cache}")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.ensure_writable()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise self._operational(error) from None
        try:
            yield
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise _database_error(self.path, error) from None
        except BaseException:
            self._rollback()
            raise

    def ensure_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyWorkspace(
                self.readonly_reason
                or f"{self.path.name} is open read-only; changes cannot be saved."
            )

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _operational(self, error: sqlite3.OperationalError) -> WorkspaceError:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            holders = locks.holders(self.path)
            who = ", ".join(holders) if holders else "another program"
            return WorkspaceLocked(
                f"{self.path.name} is busy: {who} is writing to it and did not finish within "
                f"{self._busy_timeout:g} s; wait for it or close it, then try again."
            )
        return _database_error(self.path, error)

    # ------------------------------------------------------------------ other

    def backup_to(self, target: str | os.PathLike) -> Path:
        """Write a consistent copy of the workspace to ``target`` (Save a Copy As)."""
        target = Path(target)
        temporary = target.with_name(target.name + ".partial")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        copy = sqlite3.connect(temporary)
        try:
            self.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.replace(temporary, target)
        return target

    def data_version(self) -> int:
        """A number that changes when another connection commits to this workspace
        (``PRAGMA data_version``): compare it on focus to notice other programs' writes."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def meta(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}{', read-only' if self.readonly else ''})"


# ---------------------------------------------------------------------- helpers


def _create(path: Path) -> None:
    """Create a new, empty workspace atomically (built aside, then renamed into place)."""
    if not path.parent.exists():
        raise WorkspaceError(
            f"The folder {path.parent} does not exist; choose another place for the workspace."
        )
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        conn = sqlite3.connect(temporary)
        try:
            db = sqlite_utils.Database(conn)
            conn.execute("BEGIN")
            for target in range(1, schema.SCHEMA_VERSION + 1):
                schema.MIGRATIONS[target](db)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            conn.execute("INSERT INTO meta (key, value) VALUES ('created', ?)", (stamp,))
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            conn.execute("COMMIT")
        finally:
            conn.close()
        os.replace(temporary, path)
    except PermissionError:
        raise WorkspaceError(
            f"Cannot create {path.name}: no permission to write in {path.parent}; choose another folder."
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _check_header(path: Path) -> None:
    name = path.name
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise WorkspaceError(
            f"Cannot read {name}: permission denied; check the file's permissions."
        ) from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(
            f"{name} is not an Annalist workspace (it is not an SQLite database file); "
            f"open a {SUFFIX} file, or import articles with File > Import."
        )
    if len(header) < 100:
        raise CorruptWorkspace(
            f"{name} is damaged (it is cut off inside its header); restore it from a backup."
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    size = path.stat().st_size
    if page_count and valid_for == change_counter and size < page_size * page_count:
        raise CorruptWorkspace(
            f"{name} is damaged: it holds {size:,} of its {page_size * page_count:,} bytes "
            "(perhaps cut off while copying); restore it from a backup."
        )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path, readonly: bool, busy_timeout: float) -> sqlite3.Connection:
    mode = "ro" if readonly else "rw"
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    try:
        return sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    except sqlite3.OperationalError as error:
        if readonly:
            # A WAL workspace in a folder we cannot write: read it as an immutable file.
            try:
                return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=busy_timeout)
            except sqlite3.Error:
                pass
        raise WorkspaceError(
            f"Cannot open {path.name}: {error}; check the file and its folder."
        ) from None


def _database_error(path: Path, error: sqlite3.DatabaseError) -> WorkspaceError:
    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptWorkspace(f"{path.name} is damaged ({error}); restore it from a backup.")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyWorkspace(
            f"{path.name} cannot be changed ({error}); use Save a Copy As to edit a copy."
        )
    if "disk" in text and "full" in text:
        return WorkspaceError(
            f"The disk holding {path.name} is full; free some space and try again."
        )
    return WorkspaceError(f"{path.name} could not be used: {error}.")
