"""The actors table model (name with its colour, kind, country, number of events)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from models import palette, queries
from models.store import Workspace
from ui.models.records import ID_ROLE, SORT_ROLE, RecordTableModel

ACTOR_ID_ROLE = ID_ROLE
COLUMNS = ("Name", "Kind", "Country", "Events")


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A small filled square in ``colour`` (the actor's lane colour on the timeline)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ActorTableModel(RecordTableModel):
    """Every actor in the workspace; small enough to hold in memory and reload on change."""

    columns = COLUMNS
    watched_tables = frozenset({"actors", "event_actors"})

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._icons: dict[str, QIcon] = {}

    def read(self, ws: Workspace) -> list:
        return queries.list_actors(ws)

    # Names the rest of the window uses.
    def set_actors(self, actors: list) -> None:
        self.set_records(actors)

    def actors(self) -> list:
        return self.records()

    def actor_at(self, row: int):
        return self.record_at(row)

    def cell(self, actor, column: int, role: int):
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
