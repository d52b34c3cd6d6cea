"""The overview band under the lanes: every event's density over the whole range, and the
visible window as a box that can be dragged (to pan) or resized by its edges (to zoom)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPen

from ui.timeline import style
from ui.timeline.render import period_colour
from ui.timeline.strips import bar_heights

CHUNK = 1 << 18
EDGE = 5  # pixels either side of the window's edge that grab it for resizing


def band_span(data) -> tuple[float, float] | None:
    """The range the band covers for ``data``: all events, with a little room either side."""
    extent = data.extent() if data is not None else None
    if extent is None:
        return None
    first, last = extent
    pad = max((last - first) * 0.02, 3600.0)
    return first - pad, last + pad


def column_counts(data, span: tuple[float, float], width: int) -> np.ndarray:
    """Live events overlapping each of ``width`` columns over ``span`` (no Qt: any thread)."""
    scale = width / (span[1] - span[0])
    change = np.zeros(width + 1, np.int64)
    every = bool(data.alive.all())  # then no mask to apply (the usual case)
    for at in range(0, data.slot_count, CHUNK):  # in chunks: no copy of every event at once
        alive = None if every else data.alive[at : at + CHUNK]
        for values, sign, shift in ((data.start, 1, 0), (data.end, -1, 1)):
            part = values[at : at + CHUNK] if every else values[at : at + CHUNK][alive]
            columns = (part - span[0]) * scale
            # clamp as floats, in place: np.clip on integers costs twice as much
            np.maximum(columns, 0, out=columns)
            np.minimum(columns, width - 1, out=columns)
            columns = columns.astype(np.int64)
            if shift:
                columns += shift
            change += sign * np.bincount(columns, minlength=width + 1)
    return np.cumsum(change)[:width]


def sorted_bounds(data) -> tuple[np.ndarray, np.ndarray]:
    """The live events' drawn starts and ends, each sorted: with them the band's columns are
    counted by binary search (:func:`column_counts_sorted`). Sorting takes a while at a
    million events, so it is done in the background with the events."""
    every = bool(data.alive.all())
    starts = data.start if every else data.start[data.alive]
    ends = data.end if every else data.end[data.alive]
    return np.sort(starts), np.sort(ends)


def column_starts(span: tuple[float, float], width: int) -> np.ndarray:
    """For k in 0..width, the first whole second that :func:`column_counts` puts in column k
    or later (the same float expression, so the two agree to the event)."""
    scale = width / (span[1] - span[0])
    k = np.arange(width + 1, dtype=np.float64)
    first = np.ceil(span[0] + k / scale).astype(np.int64)

    def column(x: np.ndarray) -> np.ndarray:
        return (x - span[0]) * scale

    for _ in range(4):  # correct the rounding of the estimate: at most a step or two
        first = np.where(column(first - 1) >= k, first - 1, first)
        first = np.where(column(first) < k, first + 1, first)
    return first


def column_counts_sorted(
    starts: np.ndarray, ends: np.ndarray, span: tuple[float, float], width: int
) -> np.ndarray:
    """What :func:`column_counts` gives, from sorted starts and ends (O(width log n))."""
    edges = column_starts(span, width)
    begun = np.searchsorted(starts, edges[1:], "left")  # columns 0..c hold the start
    begun[-1] = len(starts)  # the last column also takes everything beyond it
    ended = np.searchsorted(ends, edges[:-1], "left")  # ended before column c
    ended[0] = 0  # the first column also takes everything before it
    return (begun - ended).astype(np.int64)


class Overview:
    """Paints and hit-tests the overview band of a TimelineView."""

    def __init__(self, view):
        self.view = view
        self._key = None
        self._image: QImage | None = None
        self._primed: tuple | None = None

    def invalidate(self) -> None:
        self._key = None
        self._primed = None

    def rect(self, frame) -> QRect:
        scale = frame.scale
        return QRect(scale.left, frame.height - style.OVERVIEW_H, scale.width, style.OVERVIEW_H)

    def span(self) -> tuple[float, float] | None:
        """The range the band covers: all events, with a little room either side."""
        return band_span(self.view.data)

    def x(self, t: float, frame) -> float:
        span = self.span()
        rect = self.rect(frame)
        if span is None:
            return rect.left()
        return rect.left() + (t - span[0]) / (span[1] - span[0]) * rect.width()

    def t(self, x: float, frame) -> float:
        span = self.span()
        rect = self.rect(frame)
        return span[0] + (x - rect.left()) / max(rect.width(), 1) * (span[1] - span[0])

    def window_rect(self, frame) -> QRectF:
        rect = self.rect(frame)
        x0 = self.x(frame.scale.t0, frame)
        x1 = self.x(frame.scale.t1, frame)
        x0, x1 = max(x0, rect.left() - 2.0), min(x1, rect.right() + 2.0)
        if x1 - x0 < 3:
            middle = (x0 + x1) / 2
            x0, x1 = middle - 1.5, middle + 1.5
        return QRectF(x0, rect.top() + 3, x1 - x0, rect.height() - 6)

    def hit(self, pos: QPointF, frame) -> str | None:
        """'left', 'right' (edges), 'inside' or 'outside' the window; None off the band."""
        if not self.rect(frame).contains(pos.toPoint()) or self.span() is None:
            return None
        window = self.window_rect(frame)
        if abs(pos.x() - window.left()) <= EDGE and window.width() > 2 * EDGE:
            return "left"
        if abs(pos.x() - window.right()) <= EDGE and window.width() > 2 * EDGE:
            return "right"
        return "inside" if window.left() <= pos.x() <= window.right() else "outside"

    def prime(self, data, bounds: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Sorted starts and ends of ``data`` (:func:`sorted_bounds`, made in the background
        with the events): until ``data`` changes, its columns are counted by binary search."""
        self._primed = (data, data.version, bounds) if bounds is not None else None

    def _bars(self, frame) -> QImage | None:
        span = self.span()
        rect = self.rect(frame)
        data = self.view.data
        key = (id(data), data.version if data is not None else 0, rect.width(), span)
        if key == self._key:
            return self._image
        self._key = key
        self._image = None
        if span is None or rect.width() < 2:
            return None
        width, room = rect.width(), rect.height() - 10
        primed = self._primed
        if primed is not None and primed[0] is data and primed[1] == data.version:
            counts = column_counts_sorted(*primed[2], span, width)
        else:
            counts = column_counts(data, span, width)
        heights = bar_heights(counts, room, int(counts.max(initial=1)))
        mask = np.arange(room)[:, None] >= (room - heights)[None, :]
        colour = style.OVERVIEW_BARS
        pixel = (255 << 24) | (colour.red() << 16) | (colour.green() << 8) | colour.blue()
        image = np.where(mask, np.uint32(pixel), np.uint32(0)).astype(np.uint32)
        self._image = QImage(
            image.data, width, room, width * 4, QImage.Format_ARGB32_Premultiplied
        ).copy()
        return self._image

    def paint(self, painter: QPainter, frame) -> None:
        rect = self.rect(frame)
        painter.fillRect(QRect(0, rect.top(), frame.width, rect.height()), style.OVERVIEW_BG)
        painter.setPen(QPen(style.GUTTER_LINE, 1))
        painter.drawLine(QPointF(0, rect.top() + 0.5), QPointF(frame.width, rect.top() + 0.5))
        painter.setPen(style.TEXT_SOFT)
        painter.setFont(style.font(8))
        painter.drawText(
            QRectF(10, rect.top(), style.GUTTER_W - 14, rect.height()), 0x81, "Overview"
        )
        image = self._bars(frame)
        if image is None:
            return
        painter.save()
        painter.setClipRect(rect)
        for number, period in enumerate(self.view.data.periods()):
            x0, x1 = self.x(period.start, frame), self.x(period.end, frame)
            painter.fillRect(
                QRectF(x0, rect.top() + 1, max(x1 - x0, 1.0), rect.height() - 1),
                style.colour(period_colour(period, number), 0.15),
            )
        painter.drawImage(rect.left(), rect.top() + 6, image)
        x = self.x(self.view.now, frame)
        painter.setPen(QPen(style.TODAY, 1))
        painter.drawLine(QPointF(x, rect.top() + 2), QPointF(x, rect.bottom()))
        window = self.window_rect(frame)
        shade = style.colour("#ffffff", 0.55)
        painter.fillRect(
            QRectF(rect.left(), rect.top() + 1, window.left() - rect.left(), rect.height()), shade
        )
        painter.fillRect(
            QRectF(
                window.right(), rect.top() + 1, rect.right() - window.right() + 1, rect.height()
            ),
            shade,
        )
        painter.fillRect(window, style.WINDOW_FILL)
        painter.setPen(QPen(style.WINDOW_EDGE, 1.5))
        painter.setBrush(style.colour("#ffffff", 0.0))
        painter.drawRect(window)
        painter.restore()
