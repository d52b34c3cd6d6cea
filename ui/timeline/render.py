"""Painting a planned frame (see ``frame``) with a QPainter: on screen, into a QImage, or into
an SVG (``vector=True`` draws density strips as rectangles instead of an image).

Drawing is batched: density strips of all lanes become one premultiplied ARGB image built
with numpy; lanes with room for their events are drawn by ``render_items`` (bars of one
colour in one ``drawRects`` call; labels are the only per-item text calls and only items
that fit get one). This module draws the background, the density strips, the axis and the
lane gutter.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from ui.timeline import axis, render_items, style
from ui.timeline.frame import Frame, LaneView
from ui.timeline.strips import bar_heights, bar_layers, strip_box, tint_alpha


def paint(view, painter: QPainter, frame: Frame, vector: bool = False) -> None:
    """Draw ``frame`` of ``view`` with ``painter``."""
    w, h = frame.width, frame.height
    scale = frame.scale
    painter.fillRect(QRect(0, 0, w, h), style.BACKGROUND)
    plot = QRect(scale.left, frame.lanes_top, scale.width, frame.lanes_bottom - frame.lanes_top)
    ticks = axis.ticks(scale.t0, scale.t1, scale.spp)
    painter.save()
    painter.setClipRect(plot)
    _stripes(painter, frame)
    if view.data is not None:
        _periods(painter, view, frame)
    _grid(painter, frame, ticks)
    if view.data is not None and frame.lanes:
        _density(painter, view, frame, vector)
        for lv in frame.lanes:
            if lv.mode == "items":
                render_items.lane_items(painter, view, lv, vector)
        _selected_in_density(painter, view, frame)
        render_items.connectors(painter, view, frame)
    _today(painter, view, frame)
    view.paint_overlays(painter, frame)
    painter.restore()
    _axis(painter, view, frame, ticks)
    _gutter(painter, view, frame)
    if view.data is None or not len(view.data):
        _empty(painter, view, plot)
    view.overview.paint(painter, frame)


# ----------------------------------------------------------------------------- background


def _stripes(painter: QPainter, frame: Frame) -> None:
    left, width = frame.scale.left, frame.scale.width
    for lv in frame.lanes:
        if lv.index % 2:
            painter.fillRect(QRect(left, lv.y, width, lv.h), style.STRIPE)
    painter.setPen(QPen(style.GRID_MAJOR, 1))
    painter.drawLines(
        [QLineF(left, lv.y + lv.h - 0.5, left + width, lv.y + lv.h - 0.5) for lv in frame.lanes]
    )


def _periods(painter: QPainter, view, frame: Frame) -> None:
    scale = frame.scale
    periods = view.data.periods()
    if not periods:
        return
    top = style.AXIS_H
    painter.save()
    painter.setClipRect(QRect(scale.left, top, scale.width, frame.lanes_bottom - top))
    painter.setFont(style.font(8, bold=True))
    metrics = painter.fontMetrics()
    for number, period in enumerate(periods):
        x0, x1 = scale.x(period.start), scale.x(period.end + 1)
        if x1 < scale.left or x0 > scale.left + scale.width:
            continue
        name = period_colour(period, number)
        band = QRectF(x0, frame.lanes_top, max(x1 - x0, 1.0), frame.lanes_bottom - frame.lanes_top)
        painter.fillRect(band, style.colour(name, 0.08))
        y = top + period.row * style.PERIOD_H
        painter.fillRect(
            QRectF(x0, y + 1, max(x1 - x0, 1.0), style.PERIOD_H - 2), style.colour(name, 0.25)
        )
        text_x = max(x0, scale.left) + 4
        room = min(x1, scale.left + scale.width) - text_x - 4
        if room > 24:
            painter.setPen(style.colour(name, 1.0).darker(170))
            text = metrics.elidedText(period.name, Qt.ElideRight, int(room))
            painter.drawText(
                QRectF(text_x, y, room, style.PERIOD_H), Qt.AlignVCenter | Qt.AlignLeft, text
            )
    painter.restore()


def period_colour(period, number: int) -> str:
    return period.colour or style.PERIOD_DEFAULT[number % len(style.PERIOD_DEFAULT)]


def _grid(painter: QPainter, frame: Frame, ticks: axis.Ticks) -> None:
    scale = frame.scale
    top, bottom = frame.lanes_top, frame.lanes_bottom
    majors = {t.t for t in ticks.major}
    minor = [
        QLineF(x, top, x, bottom)
        for t in ticks.minor
        if t.t not in majors
        for x in (round(scale.x(t.t)) + 0.5,)
    ]
    major = [QLineF(x, top, x, bottom) for t in ticks.major for x in (round(scale.x(t.t)) + 0.5,)]
    painter.setPen(QPen(style.GRID_MINOR, 1))
    painter.drawLines(minor)
    painter.setPen(QPen(style.GRID_MAJOR, 1))
    painter.drawLines(major)


def _today(painter: QPainter, view, frame: Frame) -> None:
    x = frame.scale.x(view.now)
    if frame.scale.left <= x <= frame.scale.left + frame.scale.width:
        painter.setPen(QPen(style.TODAY, 1.5))
        painter.drawLine(QPointF(x, frame.lanes_top), QPointF(x, frame.lanes_bottom))


def empty_text(view) -> str:
    """What the plot says when it has no events to draw."""
    if view.data is not None:
        return "No events yet: add events or import articles, and they appear here."
    if getattr(view, "loading_events", False):
        return "Loading events…"
    if getattr(view, "load_error", ""):
        return f"The events could not be read: {view.load_error.rstrip('.')}."
    return "No workspace is open."


def _empty(painter: QPainter, view, plot: QRect) -> None:
    painter.setPen(style.TEXT_SOFT)
    painter.setFont(style.font(10))
    painter.drawText(plot, Qt.AlignCenter | Qt.TextWordWrap, empty_text(view))


# ----------------------------------------------------------------------------- density


def _density(painter: QPainter, view, frame: Frame, vector: bool) -> None:
    dense = [lv for lv in frame.lanes if lv.mode == "density" and lv.counts is not None]
    if not dense:
        return
    scale = frame.scale
    if vector:
        painter.setPen(Qt.NoPen)
        for lv in dense:
            top, room = strip_box(lv)
            alphas = np.round(tint_alpha(lv.tint, frame.tint_max) * 40) / 40
            for x0, x1, alpha in _alpha_runs(alphas):
                painter.setBrush(style.colour(lv.lane.colour, alpha))
                painter.drawRect(QRect(scale.left + x0, top, x1 - x0, room))
            for counts, name, alpha in bar_layers(lv):
                painter.setBrush(style.colour(name, alpha))
                painter.drawRects(
                    _runs(bar_heights(counts, room, frame.density_max), scale.left, top + room)
                )
    else:
        view.strip_image.draw(painter, frame, dense, view.density_cache.key)
    _count_labels(painter, view, frame, dense)


def _alpha_runs(alphas: np.ndarray) -> list[tuple[int, int, float]]:
    change = np.flatnonzero(np.diff(alphas)) + 1
    starts = np.concatenate([[0], change]).tolist()
    ends = np.concatenate([change, [len(alphas)]]).tolist()
    return [(s, e, float(alphas[s])) for s, e in zip(starts, ends, strict=True) if alphas[s] > 0]


COUNT_LABEL_MIN = 56  # a run of equal counts this wide (pixels) gets its number written on it


def _count_labels(painter: QPainter, view, frame: Frame, dense: list[LaneView]) -> None:
    """Where a strip is flat over a stretch (deep zoom on imprecise dates), write the count."""
    font = style.font(7.5)
    painter.setFont(font)
    painter.setPen(style.TEXT_SOFT)
    left = frame.scale.left
    drawn = 0
    for lv in dense:
        if lv.collapsed:
            continue
        top, room = strip_box(lv)
        counts = lv.tint  # the spread-out events: flat over long stretches at deep zoom
        change = np.flatnonzero(np.diff(counts)) + 1
        starts = np.concatenate([[0], change])
        ends = np.concatenate([change, [len(counts)]])
        wide = np.flatnonzero(
            (ends - starts >= max(COUNT_LABEL_MIN, len(counts) // 5)) & (counts[starts] > 0)
        )
        for i in wide[:12].tolist():
            s, e = int(starts[i]), int(ends[i])
            view.texts.centred(
                painter, left + (s + e) / 2, top + room / 2, f"{int(counts[s]):,}", font
            )
            drawn += 1
        if drawn > 200:
            return


def _runs(heights: np.ndarray, left: int, bottom: int) -> list[QRect]:
    """Rectangles for bars of ``heights``, neighbours of equal height merged (for vector output)."""
    change = np.flatnonzero(np.diff(heights)) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [len(heights)]])
    return [
        QRect(left + int(s), bottom - int(heights[s]), int(e - s), int(heights[s]))
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
        if heights[s] > 0
    ]


def _selected_in_density(painter: QPainter, view, frame: Frame) -> None:
    """Selected events inside density strips: a tick in the selection colour."""
    marks = view.selection_marks(frame)
    if not marks:
        return
    painter.setPen(QPen(style.SELECTION, 2))
    painter.drawLines([line for line in marks])


# ----------------------------------------------------------------------------- axis and headers


def _axis(painter: QPainter, view, frame: Frame, ticks: axis.Ticks) -> None:
    scale, texts = frame.scale, view.texts
    left, right = scale.left, scale.left + scale.width
    painter.fillRect(QRect(0, 0, frame.width, style.AXIS_H), style.AXIS_BG)
    painter.setPen(QPen(style.GUTTER_LINE, 1))
    painter.drawLine(QPointF(0, style.AXIS_H - 0.5), QPointF(frame.width, style.AXIS_H - 0.5))
    painter.save()
    painter.setClipRect(QRect(left, 0, scale.width, style.AXIS_H))
    font = style.font(8)
    painter.setFont(font)
    instants = ticks.unit in ("minute", "hour")
    xs = [scale.x(t.t) for t in ticks.minor]
    painter.setPen(QPen(style.GRID_MAJOR, 1))
    painter.drawLines([_vline(round(x) + 0.5, style.AXIS_H - 6, style.AXIS_H) for x in xs])
    painter.setPen(style.TEXT_SOFT)
    majors_at = {t.t for t in ticks.major}
    for i, tick in enumerate(ticks.minor):
        x = xs[i]
        if instants and tick.t in majors_at:
            continue  # the day's own label says where it begins
        text_w = texts.size(tick.label, font).width()
        if instants:
            tx = x - text_w / 2
        else:
            nxt = xs[i + 1] if i + 1 < len(xs) else x + (x - xs[i - 1] if i else 60)
            a, b = max(x, left), min(nxt, right)  # the part of the period in view
            if b - a < text_w + 6:
                if nxt - x >= text_w + 6 or x < left:
                    continue  # no room (a period cut by the edge): its neighbours say it
                tx = x + 3
            else:
                tx = (a + b) / 2 - text_w / 2
        texts.draw(painter, tx, style.MAJOR_H + 4, tick.label, font)
    font = style.font(8.5, bold=True)
    painter.setFont(font)
    majors = [(scale.x(t.t), t.label) for t in ticks.major]
    painter.setPen(QPen(style.GRID_MAJOR, 1))
    painter.drawLines([_vline(round(x) + 0.5, 0, style.AXIS_H) for x, _ in majors])
    painter.setPen(style.TEXT)
    for i, (x, label) in enumerate(majors):
        nxt = majors[i + 1][0] if i + 1 < len(majors) else right + 1000
        text_w = texts.size(label, font).width()
        tx = max(x + 4, left + 4)  # the label of the period in view sticks to the left edge
        tx = min(tx, nxt - text_w - 6)
        if tx + text_w > left and tx < right:
            texts.draw(painter, tx, 3, label, font)
    x = scale.x(view.now)
    if left <= x <= right:
        painter.setPen(QPen(style.TODAY, 1.5))
        painter.drawLine(QPointF(x, style.MAJOR_H), QPointF(x, style.AXIS_H))
    painter.restore()


def _vline(x: float, y0: float, y1: float) -> QLineF:
    return QLineF(x, y0, x, y1)


MODE_TITLES = {"actor": "Lanes by actor", "tag": "Lanes by tag", "single": "All events"}


def _gutter(painter: QPainter, view, frame: Frame) -> None:
    width, texts = style.GUTTER_W, view.texts
    painter.fillRect(QRect(0, 0, width, frame.height), style.GUTTER)
    painter.setPen(QPen(style.GUTTER_LINE, 1))
    painter.drawLine(QPointF(width - 0.5, 0), QPointF(width - 0.5, frame.height))
    small, bold, tiny = style.font(8), style.font(8.5, bold=True), style.font(7.5)
    tiny_ascent = view.ascent(tiny)
    painter.setFont(bold)
    painter.setPen(style.TEXT)
    texts.draw(painter, 10, 5, MODE_TITLES.get(view.lane_mode, ""), bold)
    painter.setFont(small)
    painter.setPen(style.TEXT_SOFT)
    loading = view.data is None and getattr(view, "loading_events", False)
    count = "Loading…" if loading else f"{view.event_count():,} events"
    texts.draw(painter, 10, 23, count, small)
    painter.save()
    painter.setClipRect(QRect(0, frame.lanes_top, width, frame.lanes_bottom - frame.lanes_top))
    for lv in frame.lanes:
        top = max(lv.y, frame.lanes_top)  # sticky: the name stays while its lane is in view
        bottom = lv.y + lv.h
        if bottom - top < 14:
            top = bottom - 14
        painter.fillRect(QRect(0, lv.y, 4, lv.h), style.colour(lv.lane.colour))
        painter.setPen(style.TEXT_FAINT)
        painter.setFont(tiny)
        texts.draw(painter, 8, top + 1, "▸" if lv.collapsed else "▾", tiny)
        painter.setFont(bold)
        painter.setPen(style.TEXT)
        texts.draw(painter, 20, top + 1, view.elided(lv.lane.name, bold, width - 28), bold)
        if not lv.collapsed and bottom - top >= 30:
            painter.setFont(tiny)
            painter.setPen(style.TEXT_FAINT)
            total = (
                len(view.unfiltered(lv.lane.key)) if view.filter_mask is not None else len(lv.lane)
            )
            if view.filter_mask is not None:
                text = f"{len(lv.lane):,} of {total:,} match"
            elif lv.count < total:
                text = f"{lv.count:,} in view of {total:,}"
            else:
                text = f"{total:,} event" if total == 1 else f"{total:,} events"
            if lv.count < total and view.filter_mask is None:  # changes as the view moves
                painter.drawText(QPointF(20, top + 16 + tiny_ascent), text)
            else:
                texts.draw(painter, 20, top + 16, text, tiny)
        painter.setPen(QPen(style.GUTTER_LINE, 1))
        painter.drawLine(QPointF(0, bottom - 0.5), QPointF(width, bottom - 0.5))
    painter.restore()
