"""The sources table model (imported articles and reports)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from models import queries, schema
from models.store import Workspace
from ui.models.records import ID_ROLE, SORT_ROLE, RecordTableModel

SOURCE_ID_ROLE = ID_ROLE
COLUMNS = ("Title", "Publisher", "Published", "Reliability", "Events")
RELIABILITY_TEXT = {
    grade: f"{grade} — {meaning[0].lower()}{meaning[1:]}"
    for grade, meaning in schema.RELIABILITY_MEANING.items()
}


class SourceTableModel(RecordTableModel):
    """Every source, newest import first (texts are read only when a source is opened)."""

    columns = COLUMNS
    watched_tables = frozenset({"sources", "event_sources"})

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def read(self, ws: Workspace) -> list:
        return queries.list_sources(ws)

    # Names the rest of the window uses.
    def set_sources(self, sources: list) -> None:
        self.set_records(sources)

    def sources(self) -> list:
        return self.records()

    def source_at(self, row: int):
        return self.record_at(row)

    def cell(self, source, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            title = source.title or source.file_name or "(untitled)"
            return (
                title,
                source.publisher,
                source.published[:10],
                source.reliability,
                f"{source.event_count:,}",
            )[column]
        if role == SORT_ROLE:
            return (
                (source.title or source.file_name).casefold(),
                source.publisher.casefold(),
                source.published,
                source.reliability or "Z",
                source.event_count,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [source.title or source.file_name or "(untitled)"]
            if source.author:
                parts.append(f"by {source.author}")
            if source.url:
                parts.append(source.url)
            if source.reliability:
                parts.append(f"Source reliability {RELIABILITY_TEXT[source.reliability]}")
            return "\n".join(parts)
        return None
