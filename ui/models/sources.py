"""The sources table model (imported articles and reports)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from models import queries
from models.changes import Change
from models.queries import Source
from models.store import Workspace

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Title", "Publisher", "Published", "Reliability", "Events")
RELIABILITY_TEXT = {
    "A": "A — completely reliable",
    "B": "B — usually reliable",
    "C": "C — fairly reliable",
    "D": "D — not usually reliable",
    "E": "E — unreliable",
    "F": "F — reliability cannot be judged",
}


class SourceTableModel(QAbstractTableModel):
    """Every source, newest import first (texts are read only when a source is opened)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._sources: list[Source] = []

    def set_workspace(self, ws: Workspace | None) -> None:
        self._ws = ws
        self.reload()

    def reload(self) -> None:
        self.set_sources(queries.list_sources(self._ws) if self._ws is not None else [])

    def set_sources(self, sources: list[Source]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self.endResetModel()

    def apply_change(self, change: Change) -> None:
        if self._ws is not None and change.tables & {"sources", "event_sources"}:
            self.reload()

    def sources(self) -> list[Source]:
        return list(self._sources)

    def source_at(self, row: int) -> Source | None:
        return self._sources[row] if 0 <= row < len(self._sources) else None

    def row_of(self, source_id: int) -> int | None:
        for row, source in enumerate(self._sources):
            if source.id == source_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        source = self._sources[index.row()]
        column = index.column()
        if role == SOURCE_ID_ROLE:
            return source.id
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
