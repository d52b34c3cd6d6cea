"""Sizes, colours and fonts of the timeline (one place, so screen and export agree)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QFont

AXIS_H = 44  # two tiers: major labels (20) over minor labels (24)
MAJOR_H = 20
GUTTER_W = 164  # lane headers
OVERVIEW_H = 52
PERIOD_H = 15  # one row of the strip under the axis where period names sit
ROW_H = 17  # one row of items in a lane
LANE_PAD = 3
COLLAPSED_H = 15
LANE_MIN_H = 2 * ROW_H + 2 * LANE_PAD
LANE_MAX_H = 24 * ROW_H + 2 * LANE_PAD
SCROLLBAR_W = 12

ITEM_BUDGET = 600  # items drawn one by one per frame, over all lanes
LANE_ITEM_LIMIT = 320  # a lane with more visible events than this shows its density
PX_PER_ITEM = 12  # a lane needs about this many pixels per visible item (per row) to show items

BACKGROUND = QColor("#ffffff")
STRIPE = QColor("#f6f7f9")
GUTTER = QColor("#eef1f5")
GUTTER_LINE = QColor("#cfd5dd")
AXIS_BG = QColor("#f9fafb")
TEXT = QColor("#1f2933")
TEXT_SOFT = QColor("#52606d")
TEXT_FAINT = QColor("#7b8794")
GRID_MINOR = QColor("#edf0f3")
GRID_MAJOR = QColor("#d3d9e0")
TODAY = QColor("#d1343b")
SELECTION = QColor("#1a56db")
HOVER = QColor("#3e4c59")
DIMMED = QColor("#b8c0ca")
OVERVIEW_BG = QColor("#f2f4f7")
OVERVIEW_BARS = QColor("#7a8ba3")
WINDOW_FILL = QColor(26, 86, 219, 38)
WINDOW_EDGE = QColor("#1a56db")
PERIOD_DEFAULT = ("#8e7cc3", "#6aa84f", "#e69138", "#3d85c6", "#c27ba0")


@lru_cache(maxsize=64)
def colour(name: str, alpha: float = 1.0) -> QColor:
    """A QColor from ``#rrggbb`` with ``alpha`` (0..1), cached."""
    result = QColor(name)
    result.setAlphaF(max(0.0, min(1.0, alpha)))
    return result


@lru_cache(maxsize=8)
def font(size: float = 8.5, bold: bool = False, italic: bool = False) -> QFont:
    result = QFont()
    result.setPointSizeF(size)
    result.setBold(bold)
    result.setItalic(italic)
    return result
