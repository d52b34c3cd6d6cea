"""Reading the workspace off the GUI thread.

:class:`BackgroundReader` runs ``fn(ws)`` in a QThreadPool worker with its own read-only
connection (SQLite connections belong to the thread that made them) and hands the result to
a callback on the GUI thread. A newer request for the same key makes older answers stale:
they are dropped, and their queries interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models.store import Workspace

# Workspaces whose file (with its write-ahead log) is at most this big are read on the GUI
# thread: a few milliseconds, and no flicker. Bigger ones are read in the background.
SMALL_FILE_BYTES = 16 * 1024 * 1024


def is_small(ws: Workspace) -> bool:
    """Whether reads of this workspace are quick enough for the GUI thread."""
    size = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            size += os.stat(str(ws.path) + suffix).st_size
    return size <= SMALL_FILE_BYTES


class _Relay(QObject):
    done = Signal(str, int, object, str)  # key, token, result, error


class _Job(QRunnable):
    def __init__(self, path: Path, fn: Callable, key: str, token: int, reader: BackgroundReader):
        super().__init__()
        self.path, self.fn, self.key, self.token = path, fn, key, token
        self.reader, self.relay = reader, reader._relay

    def run(self) -> None:
        reader = self.reader
        if not reader._is_latest(self.key, self.token):
            return  # a newer request came in while this one waited for a thread
        try:
            with Workspace.open(self.path, create=False, readonly=True) as ws:
                reader._started(self.key, self.token, ws.conn)
                try:
                    result = self.fn(ws)
                finally:
                    reader._ended(self.key, self.token)
        except Exception as error:  # reported on the GUI thread (dropped there when stale)
            self._emit(None, str(error) or type(error).__name__)
            return
        self._emit(result, "")

    def _emit(self, result: object, error: str) -> None:
        # When the window closes while a read runs, the relay may be gone: nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(self.key, self.token, result, error)


class BackgroundReader(QObject):
    """Runs reads in the background; only the latest answer per key is delivered.

    A request makes the older ones of its key stale: those still waiting for a thread never
    start, and a query still running is interrupted.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._running: dict[tuple[str, int], sqlite3.Connection] = {}
        self._callbacks: dict[str, Callable] = {}
        self._relay = _Relay()
        self._relay.done.connect(self._done)

    def read(
        self, path: Path, key: str, fn: Callable, callback: Callable[[object, str], None]
    ) -> None:
        """Run ``fn(ws)`` in the background; ``callback(result, error)`` gets the answer."""
        with self._lock:
            token = self._latest.get(key, 0) + 1
            self._latest[key] = token
            self._interrupt(key)
        self._callbacks[key] = callback
        self._pool.start(_Job(path, fn, key, token, self))

    def cancel(self, key: str | None = None) -> None:
        """Drop the answers to every request (or those of ``key``) made so far."""
        with self._lock:
            for known in list(self._latest):
                if key is None or known == key:
                    self._latest[known] += 1
                    self._interrupt(known)

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _interrupt(self, key: str) -> None:
        for (known, _token), conn in self._running.items():
            if known == key:
                conn.interrupt()

    def _is_latest(self, key: str, token: int) -> bool:
        with self._lock:
            return self._latest.get(key) == token

    def _started(self, key: str, token: int, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._running[key, token] = conn
            if self._latest.get(key) != token:
                conn.interrupt()

    def _ended(self, key: str, token: int) -> None:
        with self._lock:
            self._running.pop((key, token), None)

    def _done(self, key: str, token: int, result: object, error: str) -> None:
        if self._latest.get(key) == token and key in self._callbacks:
            self._callbacks[key](result, error)
