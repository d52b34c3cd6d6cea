"""Settings kept with QSettings: recent workspaces, window layout, preferences.

Keys other parts of the app read (keep them stable):

- ``briefing/marking``: default handling marking for briefing packs (TLP 2.0, "TLP:AMBER" unless set)
- ``briefing/author``, ``briefing/organisation``: who the briefings are from
- ``appearance/theme``: "system" (default), "light" or "dark"
- ``appearance/font_size``: point size for the whole app, 0 = the system's
- ``workspace/last``: the workspace opened last; ``workspace/recent``: newest first
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_LIMIT = 8

MARKING = "briefing/marking"
AUTHOR = "briefing/author"
ORGANISATION = "briefing/organisation"
THEME = "appearance/theme"
FONT_SIZE = "appearance/font_size"
LAST = "workspace/last"
RECENT = "workspace/recent"
GEOMETRY = "window/geometry"
STATE = "window/state"
EVENT_HEADER = "events/header"  # column order, widths and hidden columns

DEFAULTS = {MARKING: "TLP:AMBER", AUTHOR: "", ORGANISATION: "", THEME: "system", FONT_SIZE: 0}

_STORES: dict[tuple[str, str], QSettings] = {}


def store() -> QSettings:
    """One QSettings object per application name: every read sees every earlier write at once
    (separate short-lived objects can lose writes when they sync to the file in quick turns)."""
    from PySide6.QtCore import QCoreApplication

    key = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    if key not in _STORES:
        _STORES[key] = QSettings()
    return _STORES[key]


def value(key: str):
    settings = store()
    default = DEFAULTS.get(key)
    raw = settings.value(key, default)
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    return raw


def set_value(key: str, new) -> None:
    store().setValue(key, new)


def recent_workspaces() -> list[str]:
    raw = store().value(RECENT, [])
    if isinstance(raw, str):
        raw = [raw]
    return [str(p) for p in (raw or []) if p]


def remember_workspace(path: Path) -> None:
    """Put ``path`` first in Open Recent and make it the one to reopen on start."""
    text = str(Path(path).resolve())
    recent = [p for p in recent_workspaces() if p != text]
    settings = store()
    settings.setValue(RECENT, [text, *recent][:RECENT_LIMIT])
    settings.setValue(LAST, text)


def forget_workspace(path: str) -> None:
    settings = store()
    settings.setValue(RECENT, [p for p in recent_workspaces() if p != path])
    if settings.value(LAST, "") == path:
        settings.remove(LAST)


def last_workspace() -> str:
    return str(store().value(LAST, "") or "")
