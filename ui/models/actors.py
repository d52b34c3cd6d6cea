"""The actors table model (name with its colour, kind, country, number of events)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from models import palette, queries
from models.changes import Change
from models.queries import Actor
from models.store import Workspace

ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Name", "Kind", "Country", "Events")


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A small filled square in ``colour`` (the actor's lane colour on the timeline)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ActorTableModel(QAbstractTableModel):
    """Every actor in the workspace; small enough to hold in memory and reload on change."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._actors: list[Actor] = []
        self._icons: dict[str, QIcon] = {}

    def set_workspace(self, ws: Workspace | None) -> None:
        """Read the actors of ``ws`` now (the window feeds :meth:`set_actors` instead)."""
        self._ws = ws
        self.reload()

    def reload(self) -> None:
        self.set_actors(queries.list_actors(self._ws) if self._ws is not None else [])

    def set_actors(self, actors: list[Actor]) -> None:
        self.beginResetModel()
        self._actors = list(actors)
        self.endResetModel()

    def apply_change(self, change: Change) -> None:
        # Event counts change only through links (deleting an event removes its links too).
        if self._ws is not None and change.tables & {"actors", "event_actors"}:
            self.reload()

    def actors(self) -> list[Actor]:
        return list(self._actors)

    def actor_at(self, row: int) -> Actor | None:
        return self._actors[row] if 0 <= row < len(self._actors) else None

    def row_of(self, actor_id: int) -> int | None:
        for row, actor in enumerate(self._actors):
            if actor.id == actor_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

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
        if not index.isValid() or not 0 <= index.row() < len(self._actors):
            return None
        actor = self._actors[index.row()]
        column = index.column()
        if role == ACTOR_ID_ROLE:
            return actor.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (actor.name, actor.kind, actor.country, f"{actor.event_count:,}")[column]
        if role == SORT_ROLE:
            return (actor.name.casefold(), actor.kind, actor.country.casefold(), actor.event_count)[
                column
            ]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            colour = palette.actor_colour(actor.id, actor.colour)
            if colour not in self._icons:
                self._icons[colour] = colour_icon(colour)
            return self._icons[colour]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            aliases = f"\nAlso known as: {', '.join(actor.aliases)}" if actor.aliases else ""
            return f"{actor.name} ({actor.kind}){aliases}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
