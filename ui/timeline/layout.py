"""Placing items in a lane: rows, labels without overlap (shortened, never on top of a mark).

Pure Python. Items come in order of their left edge; each goes in the first row whose last
item (label included) ends before it. Failing that, in a row whose last *mark* ends before it,
shortening that row's previous label to end in time (or dropping it when too short). An item
with no room at all is left out (``hidden``): the lane shows how many and where instead.
"""

from __future__ import annotations

from dataclasses import dataclass

MARK = 9  # width of a point mark, pixels
GAP = 4  # space kept between an item's label and the next item
MIN_LABEL = 28  # a label shorter than this (an ellipsis and a letter or two) is dropped
MAX_LABEL = 260


@dataclass(slots=True)
class Placed:
    """One item's place in its lane: its row, its extent and the room for its label."""

    slot: int
    x0: float
    x1: float  # right end of the mark or bar
    row: int
    label_x: float
    label_room: float  # pixels available for the label (0: no label)
    inside: bool  # the label is drawn inside the bar


def place(
    items: list[tuple[int, float, float, float]], rows: int, left: float, right: float
) -> tuple[list[Placed], list[tuple[float, float]]]:
    """Place ``(slot, x0, x1, text_width)`` items (sorted by x0) in ``rows`` rows.

    A point narrower than a mark becomes a mark centred on it; its label starts after the
    mark. A wider item is a bar; its label goes inside when it fits, else after it. Labels stay
    within ``left..right`` (the plot). Returns the placed items and the extents of the hidden.
    """
    rows = max(rows, 1)
    ends = [float("-inf")] * rows  # right end of each row's last item, label included
    mark_ends = [float("-inf")] * rows
    last: list[Placed | None] = [None] * rows
    placed, hidden = [], []
    for slot, x0, x1, text_width in items:
        if x1 - x0 < MARK:
            middle = (x0 + x1) / 2
            x0, x1 = middle - MARK / 2, middle + MARK / 2
        width = min(text_width, MAX_LABEL)
        visible_x0 = max(x0, left)
        inside = min(x1, right) - visible_x0 >= width + 8
        label_x = visible_x0 + 4 if inside else x1 + 3
        free = x0 - GAP
        row = -1
        for r in range(rows):
            if ends[r] <= free:
                row = r
                break
        if row < 0:
            for r in range(rows):
                if mark_ends[r] <= free:
                    row = r
                    break
            if row < 0:
                hidden.append((x0, x1))
                continue
            previous = last[row]
            if previous is not None and previous.label_room and not previous.inside:
                room = x0 - GAP - previous.label_x
                previous.label_room = room if room >= MIN_LABEL else 0
        room = width if inside else min(width, right - label_x)
        item = Placed(slot, x0, x1, row, label_x, room if room >= MIN_LABEL else 0, inside)
        placed.append(item)
        mark_ends[row] = x1
        ends[row] = max(x1, label_x + item.label_room if item.label_room and not inside else x1)
        last[row] = item
    return placed, hidden
