"""The raster image of the density strips, kept between frames.

At one zoom, panning moves the strips by whole columns: the image is shifted and only the
columns that came into view are drawn (with numpy), instead of every pixel of every strip.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

from ui.timeline import style

_NICE = (1, 1.5, 2, 3, 4, 5, 6, 8)


def nice_ceiling(value: int) -> int:
    """The next "nice" number at or above ``value`` (1, 2, 3, 4, 5, 6, 8, 10, 15, 20, ...),
    so the strips' scale stays put while panning changes the largest count a little."""
    value = max(int(value), 1)
    power = 10 ** int(math.floor(math.log10(value)))
    for step in _NICE:
        if step * power >= value:
            return int(math.ceil(step * power))
    return 10 * power


def bar_heights(counts: np.ndarray, room: int, top: int) -> np.ndarray:
    """Pixel heights of density bars: square-root scale, and one event still shows (2 px)."""
    if room <= 0:
        return np.zeros_like(counts)
    heights = np.ceil(room * np.sqrt(counts / max(top, 1))).astype(np.int64)
    heights[(counts > 0) & (heights < 2)] = min(2, room)
    return np.minimum(heights, room)


def tint_alpha(counts: np.ndarray, top: int) -> np.ndarray:
    """Opacity of the tint for spread-out events: faint for one, stronger for many."""
    alpha = 0.10 + 0.30 * np.log1p(counts) / math.log1p(max(top, 1))
    return np.where(counts > 0, alpha, 0.0)


def premultiplied(name: str, alpha: float) -> int:
    colour = style.colour(name)
    a = int(round(alpha * 255))
    r, g, b = (int(round(c * a / 255)) for c in (colour.red(), colour.green(), colour.blue()))
    return (a << 24) | (r << 16) | (g << 8) | b


def premultiplied_row(name: str, alpha: np.ndarray) -> np.ndarray:
    colour = style.colour(name)
    a = np.round(alpha * 255).astype(np.uint32)
    r = (colour.red() * a + 127) // 255
    g = (colour.green() * a + 127) // 255
    b = (colour.blue() * a + 127) // 255
    return (a << 24) | (r << 16) | (g << 8) | b


def strip_box(lv) -> tuple[int, int]:
    """Top and height of a lane's density strip."""
    pad = 2 if lv.collapsed else style.LANE_PAD
    return lv.y + pad, lv.h - 2 * pad


def bar_layers(lv) -> list[tuple[np.ndarray, str, float]]:
    layers = []
    if lv.dim_counts is not None:
        layers.append((lv.dim_counts, style.DIMMED.name(), 0.8))
    if lv.bars.any():
        layers.append((lv.bars, lv.lane.colour, 0.85 if not lv.collapsed else 0.7))
    return layers


class StripImage:
    """The strips of the last frame as an ARGB image kept as a ring: panning by whole columns
    moves where the ring starts and paints only the columns that came into view."""

    def __init__(self):
        self._key = None
        self._first = 0  # grid column shown at the plot's left edge
        self._offset = 0  # image column holding it
        self._image: np.ndarray | None = None
        self._painted: set[int] = set()  # lanes (by id) whose strip the image holds

    def draw(self, painter: QPainter, frame, dense: list, key) -> None:
        scale = frame.scale
        width, height = scale.width, frame.lanes_bottom - frame.lanes_top
        # Every lane's place, not only the dense ones': a lane turning to items (or back) while
        # panning only clears (or paints) its own rows.
        geometry = tuple(
            (id(lv.lane), lv.y, lv.h, lv.collapsed, lv.full is not None, lv.lane.colour)
            for lv in frame.lanes
        )
        key = (key, geometry, frame.density_max, frame.tint_max, width, height)
        shift = frame.first_column - self._first
        now = {id(lv.lane) for lv in dense}
        if key == self._key and abs(shift) < width // 2:
            self._offset = (self._offset + shift) % width
            columns = (width - shift, width) if shift > 0 else (0, -shift)
            gone, new = self._painted - now, now - self._painted
        else:
            self._image = np.zeros((height, width), np.uint32)
            self._offset, columns, gone, new = 0, (0, width), set(), now
        self._key, self._first, self._painted = key, frame.first_column, now
        image, offset = self._image, self._offset
        for lv in frame.lanes:
            if id(lv.lane) in gone:
                top, room = strip_box(lv)
                image[max(top - frame.lanes_top, 0) : max(top - frame.lanes_top + room, 0)] = 0
        c0, c1 = columns
        for lv in dense:
            spans = [(0, width)] if id(lv.lane) in new else [(c0, c1)]
            for a, b in spans:
                for p0, p1, l0 in _physical(a, b, offset, width):
                    self._paint_lane(image, frame, lv, p0, p1, l0)
        qimage = QImage(image.data, width, height, width * 4, QImage.Format_ARGB32_Premultiplied)
        left, top = scale.left, frame.lanes_top
        painter.drawImage(
            QRect(left, top, width - offset, height),
            qimage,
            QRect(offset, 0, width - offset, height),
        )
        if offset:
            painter.drawImage(
                QRect(left + width - offset, top, offset, height),
                qimage,
                QRect(0, 0, offset, height),
            )

    @staticmethod
    def _paint_lane(image: np.ndarray, frame, lv, p0: int, p1: int, l0: int) -> None:
        """Paint image columns ``p0..p1``, which show the frame's columns from ``l0`` on."""
        top, room = strip_box(lv)
        first = top - frame.lanes_top
        a, b = max(first, 0), min(first + room, image.shape[0])
        if b <= a:
            return
        block = image[a:b, p0:p1]
        block[:] = 0
        l1 = l0 + (p1 - p0)
        tint = lv.tint[l0:l1]
        if tint.any():
            block[:] = premultiplied_row(lv.lane.colour, tint_alpha(tint, frame.tint_max))[None, :]
        rows = np.arange(a - first, b - first)[:, None]
        for counts, name, alpha in bar_layers(lv):
            heights = bar_heights(counts[l0:l1], room, frame.density_max)
            np.copyto(
                block,
                np.uint32(premultiplied(name, alpha)),
                where=rows >= (room - heights)[None, :],
            )


def _physical(c0: int, c1: int, offset: int, width: int) -> list[tuple[int, int, int]]:
    """Frame columns ``c0..c1`` as image column ranges ``(p0, p1, first frame column)``."""
    if c1 <= c0:
        return []
    p0 = (offset + c0) % width
    if p0 + (c1 - c0) <= width:
        return [(p0, p0 + c1 - c0, c0)]
    split = width - p0
    return [(p0, width, c0), (0, c1 - c0 - split, c0 + split)]
