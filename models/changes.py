"""Change records: what an operation did, precisely enough to undo and redo it.

An operation writes through a :class:`Recorder`, which keeps the *before-image* of every row
it touches (``None`` for a row that did not exist). When the transaction ends the recorder
reads the *after-images* and returns a :class:`Change`. Undo writes the before-images back
(:func:`models.operations.revert`), which itself returns a Change whose before-images are
the state undo replaced — so redo is undo of the undo, and ids never drift.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from models.schema import RECORDED_TABLES

Image = dict[str, dict[object, dict | None]]

PRIMARY_KEYS = {"meta": "key"}


def primary_key(table: str) -> str:
    return PRIMARY_KEYS.get(table, "id")


@dataclass
class Change:
    """What one operation changed: rows before and after, by table and primary key."""

    label: str
    before: Image = field(default_factory=dict)
    after: Image = field(default_factory=dict)

    def added(self, table: str) -> list:
        return [k for k, row in self.after.get(table, {}).items() if self.before[table][k] is None]

    def removed(self, table: str) -> list:
        return [k for k, row in self.after.get(table, {}).items() if row is None]

    def updated(self, table: str) -> list:
        return [
            k
            for k, row in self.after.get(table, {}).items()
            if row is not None and self.before[table][k] is not None
        ]

    def touched(self, table: str) -> list:
        return list(self.after.get(table, {}))

    @property
    def tables(self) -> set[str]:
        return {table for table, rows in self.after.items() if rows}

    @property
    def empty(self) -> bool:
        return not self.tables

    def first_added(self, table: str):
        added = self.added(table)
        return added[0] if added else None

    def summary(self) -> dict[str, dict[str, list]]:
        """JSON-ready ``{table: {"added": [...], "updated": [...], "removed": [...]}}``."""
        return {
            table: {
                "added": self.added(table),
                "updated": self.updated(table),
                "removed": self.removed(table),
            }
            for table in sorted(self.tables)
        }


class Recorder:
    """Writes rows inside an open transaction and remembers their before-images."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._before: Image = {}

    def row(self, table: str, key) -> dict | None:
        cursor = self.conn.execute(
            f'SELECT * FROM "{table}" WHERE "{primary_key(table)}" = ?', (key,)
        )
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([c[0] for c in cursor.description], values, strict=True))

    def _remember(self, table: str, key) -> None:
        seen = self._before.setdefault(table, {})
        if key not in seen:
            seen[key] = self.row(table, key)

    def insert(self, table: str, values: dict) -> object:
        """Insert a row; returns its primary key."""
        pk = primary_key(table)
        if values.get(pk) is not None:
            self._remember(table, values[pk])
        columns = ", ".join(f'"{c}"' for c in values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(values.values())
        )
        key = values.get(pk, cursor.lastrowid)
        self._before.setdefault(table, {}).setdefault(key, None)
        return key

    def update(self, table: str, key, values: dict) -> None:
        if not values:
            return
        self._remember(table, key)
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        self.conn.execute(
            f'UPDATE "{table}" SET {assignments} WHERE "{primary_key(table)}" = ?',
            (*values.values(), key),
        )

    def delete(self, table: str, key) -> None:
        self._remember(table, key)
        self.conn.execute(f'DELETE FROM "{table}" WHERE "{primary_key(table)}" = ?', (key,))

    def apply(self, images: Image) -> None:
        """Make rows equal to ``images`` (``None`` = absent).

        Inserts come first (parents before children), then updates, then deletions
        (children before parents), so links move before the rows they pointed to go away.
        """
        current = {
            table: {key: self.row(table, key) for key in images.get(table, {})}
            for table in RECORDED_TABLES
        }
        for table in RECORDED_TABLES:
            for key, row in images.get(table, {}).items():
                if row is not None and current[table][key] is None:
                    self.insert(table, row)
        for table in RECORDED_TABLES:
            for key, row in images.get(table, {}).items():
                now = current[table][key]
                if row is not None and now is not None and now != row:
                    self.update(table, key, {c: v for c, v in row.items() if now.get(c) != v})
        for table in reversed(RECORDED_TABLES):
            for key, row in images.get(table, {}).items():
                if row is None and current[table][key] is not None:
                    self.delete(table, key)

    def change(self, label: str) -> Change:
        """The Change so far: before-images and fresh after-images, without no-op rows."""
        before: Image = {}
        after: Image = {}
        for table, rows in self._before.items():
            for key, old in rows.items():
                new = self.row(table, key)
                if new != old:
                    before.setdefault(table, {})[key] = old
                    after.setdefault(table, {})[key] = new
        return Change(label, before, after)
