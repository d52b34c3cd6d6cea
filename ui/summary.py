"""What the lists and completers need from a workspace: its actors, tags and sources.

One :class:`WorkspaceSummary` per open workspace reads them once (and again after changes
that touch them) and tells the Actors dock, the filter bar and the editor through
``changed``. Big workspaces are read in the background, so opening a million events or
renaming an actor never stalls the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models import queries
from models.changes import Change
from models.queries import Actor, Source
from models.store import Workspace
from ui.background import BackgroundReader, is_small


def _read(ws: Workspace, parts: frozenset[str]) -> dict:
    result = {}
    if "actors" in parts:
        result["actors"] = queries.list_actors(ws)
    if "tags" in parts:
        result["tags"] = queries.list_tags(ws)
    if "sources" in parts:
        result["sources"] = queries.list_sources(ws)
    return result


class WorkspaceSummary(QObject):
    """Actors (with event counts), tags (with counts) and sources of one workspace."""

    changed = Signal(set)  # the parts that changed: {"actors", "tags", "sources"}

    def __init__(self, ws: Workspace | None, parent: QObject | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actors: list[Actor] = []
        self.tags: list[tuple[str, int]] = []
        self.sources: list[Source] = []
        self.background = ws is not None and not is_small(ws)
        self._reader = BackgroundReader(self)
        self.refresh({"actors", "tags", "sources"})

    def refresh(self, parts: set[str]) -> None:
        """Read ``parts`` again (at once for small workspaces, else in the background)."""
        if self.ws is None or not parts:
            return
        wanted = frozenset(parts)
        if not self.background:
            self._install(_read(self.ws, wanted))
            return
        key = ",".join(sorted(wanted))
        self._reader.read(self.ws.path, key, lambda ws: _read(ws, wanted), self._loaded)

    def apply_change(self, change: Change) -> None:
        parts = set()
        if change.tables & {"actors", "event_actors"}:
            parts.add("actors")
        if change.tables & {"sources", "event_sources"}:
            parts.add("sources")
        for event_id in change.touched("events"):
            before = change.before["events"].get(event_id) or {}
            after = change.after["events"].get(event_id) or {}
            if before.get("tags") != after.get("tags"):
                parts.add("tags")
                break
        self.refresh(parts)

    def close(self) -> None:
        self._reader.cancel()
        self.ws = None

    def _loaded(self, result: object, error: str) -> None:
        if self.ws is not None and not error:
            self._install(result)

    def _install(self, result: dict) -> None:
        for part, value in result.items():
            setattr(self, part, value)
        self.changed.emit(set(result))
