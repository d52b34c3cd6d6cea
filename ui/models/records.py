"""A small table model over a list of records (actors, sources) that fits in memory."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from models.changes import Change
from models.store import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RecordTableModel(QAbstractTableModel):
    """Rows are records with an ``id``; subclasses name the columns, say how to read the
    records, which tables' changes make them stale, and what each cell shows."""

    columns: tuple[str, ...] = ()
    watched_tables: frozenset[str] = frozenset()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._records: list = []

    def read(self, ws: Workspace) -> list:
        raise NotImplementedError

    def set_workspace(self, ws: Workspace | None) -> None:
        """Read the records of ``ws`` now (the window may feed :meth:`set_records` instead)."""
        self._ws = ws
        self.reload()

    def reload(self) -> None:
        self.set_records(self.read(self._ws) if self._ws is not None else [])

    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def apply_change(self, change: Change) -> None:
        if self._ws is not None and change.tables & self.watched_tables:
            self.reload()

    def records(self) -> list:
        return list(self._records)

    def record_at(self, row: int):
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section]
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
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == ID_ROLE:
            return record.id
        return self.cell(record, index.column(), role)

    def cell(self, record, column: int, role: int):
        raise NotImplementedError
