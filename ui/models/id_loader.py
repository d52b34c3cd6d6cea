"""Loading the ordered ids of the shown events off the GUI thread.

Each request runs in a QThreadPool worker with its own read-only connection (SQLite
connections belong to the thread that made them). Requests carry a token; a newer request
interrupts the older one's query and stale answers are dropped, so typing in the search box
never queues up work or freezes the window.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models import queries, search
from models import timeline_reads as reads
from models.search import EventFilter
from models.store import Workspace

# Sorting by actors compares events by up to this many of their actors (then by date).
ACTOR_KEY_LENGTH = 8


@dataclass(frozen=True)
class IdRequest:
    """What to load: which events (filter) in which order."""

    flt: EventFilter
    order: str = "when"  # a models.search ORDERS key, or "actors"
    descending: bool = False
    limit: int | None = None  # only the first ids (not with order "actors")


@dataclass
class IdResult:
    token: int
    ids: list[int]
    total: int
    note: str = ""  # e.g. why the requested order could not be used


def load_ids(ws: Workspace, request: IdRequest, total: int | None = None) -> IdResult:
    """Run ``request`` on ``ws`` (any thread, with that thread's connection)."""
    if request.order == "actors":
        ids = by_actors(ws, search.filtered_ids(ws, request.flt, order="when"), request.descending)
    else:
        ids = search.filtered_ids(
            ws, request.flt, order=request.order, descending=request.descending, limit=request.limit
        )
    if total is None:  # unfiltered, the ids are all the events: no second pass to count them
        whole = request.flt.empty and request.limit is None
        total = len(ids) if whole else queries.count_events(ws)
    return IdResult(0, ids, total)


def by_actors(ws: Workspace, ids: list[int], descending: bool = False) -> list[int]:
    """``ids`` (in date order) sorted by their actors' names, as the Actors column shows them.

    An event's key is its actors' names in alphabetical order (case-insensitive), compared
    name by name (up to :data:`ACTOR_KEY_LENGTH` names); equal keys stay in date order, and
    events without actors come last either way. Done with numpy over every link at once, so
    a million events sort in about a second (in the background).
    """
    if not ids:
        return ids
    looks = reads.actor_looks(ws)
    names = sorted({name.casefold() for name, _colour in looks.values()})
    place = {name: number for number, name in enumerate(names)}
    rank = np.full(max(looks, default=0) + 1, len(names), np.int32)  # unknown ids: last
    for actor_id, (name, _colour) in looks.items():
        rank[actor_id] = place[name.casefold()]
    events, actors = reads.actor_pairs(ws)
    shown = np.asarray(ids, dtype=np.int64)
    top = int(max(shown.max(), events.max(initial=0))) + 1
    position = np.full(top, -1, np.int64)
    position[shown] = np.arange(len(shown))
    where = position[events]
    linked = where >= 0
    where = where[linked]
    actors = actors[linked]
    ranks = np.where(actors < len(rank), rank[np.minimum(actors, len(rank) - 1)], len(names))
    order = np.lexsort((ranks, where))  # by event, then by name within the event
    where, ranks = where[order], ranks[order]
    starts = np.flatnonzero(np.r_[True, where[1:] != where[:-1]]) if len(where) else where
    nth = np.arange(len(where)) - np.repeat(starts, np.diff(np.r_[starts, len(where)]))
    columns = min(int(nth.max(initial=0)) + 1, ACTOR_KEY_LENGTH)
    # A shorter key sorts before a longer one it begins (ascending): pad with -1; descending
    # compares negated ranks, padded with +1.
    sign, pad = (-1, 1) if descending else (1, -1)
    keys = np.full((columns, len(shown)), pad, np.int32)
    kept = nth < columns
    keys[nth[kept], where[kept]] = sign * ranks[kept]
    without = np.ones(len(shown), bool)
    without[where] = False
    # np.lexsort: the last key decides first. Date order (the given order) breaks ties.
    result = np.lexsort((np.arange(len(shown)), *keys[::-1], without))
    return shown[result].tolist()


class _Relay(QObject):
    """Carries results from worker threads to the GUI thread (queued signal)."""

    finished = Signal(object)  # IdResult
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, loader: IdLoader, path: Path, request: IdRequest, token: int):
        super().__init__()
        self.setAutoDelete(True)
        self._loader_state = loader._state
        self._relay = loader._relay
        self._path = path
        self._request = request
        self._token = token

    def run(self) -> None:
        state = self._loader_state
        try:
            if state.latest != self._token:
                return
            ws = Workspace.open(self._path, create=False, readonly=True)
            try:
                with state.lock:
                    state.connections[self._token] = ws.conn
                if state.latest != self._token:
                    return
                result = load_ids(ws, self._request)
            finally:
                with state.lock:
                    state.connections.pop(self._token, None)
                ws.close()
        except Exception as error:  # reported to the GUI; an interrupted query is expected
            if state.latest == self._token:
                # When the window closes meanwhile the relay may be gone: nobody is waiting.
                with contextlib.suppress(RuntimeError):
                    self._relay.failed.emit(self._token, str(error))
            return
        result.token = self._token
        with contextlib.suppress(RuntimeError):
            self._relay.finished.emit(result)


class _State:
    def __init__(self):
        self.lock = threading.Lock()
        self.latest = 0
        self.connections: dict[int, object] = {}


class IdLoader(QObject):
    """Runs :class:`IdRequest` s in the background; emits ``loaded(IdResult)`` for the latest."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._state = _State()
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def request(self, path: Path, request: IdRequest) -> int:
        """Start loading; any older request is interrupted. Returns the request's token."""
        with self._state.lock:
            self._state.latest += 1
            token = self._state.latest
            for conn in self._state.connections.values():
                conn.interrupt()
        self._pool.start(_Job(self, path, request, token))
        return token

    def cancel(self) -> None:
        with self._state.lock:
            self._state.latest += 1
            for conn in self._state.connections.values():
                conn.interrupt()

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _finished(self, result: IdResult) -> None:
        if result.token == self._state.latest:
            self.loaded.emit(result)

    def _failed(self, token: int, message: str) -> None:
        if token == self._state.latest:
            self.failed.emit(message)
