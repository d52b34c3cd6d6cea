"""Painting a planned frame (see ``frame``) with a QPainter: on screen, into a QImage, or into
an SVG (``vector=True`` draws density strips as rectangles instead of an image).

Drawing is batched: density strips of all lanes become one premultiplied ARGB image built
with numpy; bars of one colour go in one ``drawRects`` call; labels are the only per-item
text calls and only items that fit get one.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QGradient,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from models import timeline as tl
from ui.timeline import axis, style
from ui.timeline.frame import Frame, Item, LaneView
from ui.timeline.strips import bar_heights, bar_layers, strip_box, tint_alpha

SOFT = 0.30  # a soft band (an imprecise date) is drawn at this share of its opacity


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
                _items(painter, view, lv, vector)
        _selected_in_density(painter, view, frame)
        _connectors(painter, view, frame)
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


DIM_NAME = style.DIMMED.name()


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


# ----------------------------------------------------------------------------- items


def _items(painter: QPainter, view, lv: LaneView, vector: bool = False) -> None:
    solid: dict[tuple[str, float], list[QRectF]] = {}
    soft: dict[tuple[str, float], list[QRectF]] = {}
    marks: dict[tuple[str, float, bool], QPainterPath] = {}
    special: list[Item] = []
    for item in lv.items:
        name = DIM_NAME if item.dimmed else item.colour
        op = 0.5 if item.dimmed else item.opacity
        bar_y = item.y + (style.ROW_H - BAR_H) / 2
        if item.kind == "mark":
            hollow = bool(item.flags & tl.UNCERTAIN)
            if vector:
                path = marks.setdefault((name, op, hollow), QPainterPath())
                middle = (item.x0 + item.x1) / 2
                path.addPolygon(DIAMOND.translated(middle, item.y + style.ROW_H / 2))
                path.closeSubpath()
        elif item.flags & (tl.OPEN_END | tl.OPEN_START) or (
            item.kind == "band" and item.flags & tl.APPROXIMATE
        ):
            special.append(item)
        elif item.kind == "band":
            soft.setdefault((name, op), []).append(
                QRectF(item.x0, item.y + 2, item.x1 - item.x0, style.ROW_H - 4)
            )
        else:
            core = item.core
            if core is None:
                soft.setdefault((name, op), []).append(
                    QRectF(item.x0, bar_y, item.x1 - item.x0, BAR_H)
                )
                continue
            c0, c1 = max(core[0], item.x0), min(core[1], item.x1)
            if c0 > item.x0 + 0.5:
                soft.setdefault((name, op), []).append(QRectF(item.x0, bar_y, c0 - item.x0, BAR_H))
            if item.x1 > c1 + 0.5:
                soft.setdefault((name, op), []).append(QRectF(c1, bar_y, item.x1 - c1, BAR_H))
            solid.setdefault((name, op), []).append(QRectF(c0, bar_y, max(c1 - c0, 1.0), BAR_H))
    painter.setPen(Qt.NoPen)
    for (name, op), rects in soft.items():
        painter.setBrush(style.colour(name, SOFT * op + 0.08))
        painter.drawRects(rects)
    for (name, op), rects in solid.items():
        painter.setBrush(style.colour(name, op))
        painter.drawRects(rects)
    for item in special:
        _fading(painter, item, DIM_NAME if item.dimmed else item.colour)
    for (name, op, hollow), path in marks.items():
        if hollow:
            painter.setBrush(style.colour(name, 0.25 * op))
            painter.setPen(QPen(style.colour(name, op), 1.2))
        else:
            painter.setPen(Qt.NoPen)
            painter.setBrush(style.colour(name, op))
        painter.drawPath(path)
    if not vector:  # on screen: one small antialiased image per kind of mark, stamped
        for item in lv.items:
            if item.kind == "mark":
                name = DIM_NAME if item.dimmed else item.colour
                op = 0.5 if item.dimmed else item.opacity
                sprite = _mark_sprite(name, op, bool(item.flags & tl.UNCERTAIN))
                middle = (item.x0 + item.x1) / 2
                painter.drawImage(QPointF(middle - 6, item.y + style.ROW_H / 2 - 6), sprite)
    _hidden(painter, lv)
    _context(painter, view, lv)
    _item_outlines(painter, view, lv)
    _labels(painter, view, lv)


BAR_H = 11


_SPRITES: dict[tuple, QImage] = {}


def _mark_sprite(name: str, op: float, hollow: bool) -> QImage:
    """A 12x12 diamond (hollow for an uncertain date), drawn once per colour and strength."""
    key = (name, round(op, 2), hollow)
    sprite = _SPRITES.get(key)
    if sprite is None:
        sprite = QImage(12, 12, QImage.Format_ARGB32_Premultiplied)
        sprite.fill(0)
        p = QPainter(sprite)
        p.setRenderHint(QPainter.Antialiasing)
        if hollow:
            p.setBrush(style.colour(name, 0.25 * op))
            p.setPen(QPen(style.colour(name, op), 1.2))
        else:
            p.setPen(Qt.NoPen)
            p.setBrush(style.colour(name, op))
        p.drawPolygon(DIAMOND.translated(6, 6))
        p.end()
        _SPRITES[key] = sprite
    return sprite


DIAMOND = QPolygonF([QPointF(0, -4.5), QPointF(4.5, 0), QPointF(0, 4.5), QPointF(-4.5, 0)])


_GRADIENTS: dict[tuple, QBrush] = {}


def _fade_brush(name: str, alpha: float, fade_in: float, fade_out: float) -> QBrush:
    """A horizontal fade relative to the filled rectangle (cached: few distinct ones per frame)."""
    key = (name, round(alpha, 2), round(fade_in, 2), round(fade_out, 2))
    brush = _GRADIENTS.get(key)
    if brush is None:
        gradient = QLinearGradient(0, 0, 1, 0)
        gradient.setCoordinateMode(QGradient.ObjectMode)
        strong, clear = style.colour(name, alpha), style.colour(name, 0.0)
        gradient.setColorAt(0, clear if fade_in else strong)
        if fade_in:
            gradient.setColorAt(fade_in, strong)
        if fade_out:
            gradient.setColorAt(1 - fade_out, strong)
        gradient.setColorAt(1, clear if fade_out else strong)
        brush = QBrush(gradient)
        if len(_GRADIENTS) > 512:
            _GRADIENTS.clear()
        _GRADIENTS[key] = brush
    return brush


def _fading(painter: QPainter, item: Item, name: str) -> None:
    """Approximate points (soft edges on both sides) and open-ended spans (fading out)."""
    op = 0.5 if item.dimmed else item.opacity
    width = max(item.x1 - item.x0, 1.0)
    if item.kind == "band":
        edge = min(0.3, 24 / width)
        brush = _fade_brush(name, SOFT * op + 0.08, edge, edge)
        rect = QRectF(item.x0, item.y + 2, width, style.ROW_H - 4)
    else:
        fade = min(0.45, 90 / width)
        brush = _fade_brush(
            name,
            op,
            fade if item.flags & tl.OPEN_START else 0.0,
            fade if item.flags & tl.OPEN_END else 0.0,
        )
        rect = QRectF(item.x0, item.y + (style.ROW_H - BAR_H) / 2, width, BAR_H)
    painter.fillRect(rect, brush)


def _hidden(painter: QPainter, lv: LaneView) -> None:
    """Events with no room in the lane's rows: a thin strip under the rows where they are."""
    if not lv.hidden:
        return
    spans = sorted(lv.hidden)
    merged = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 <= merged[-1][1] + 2:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    y = lv.y + lv.h - 4
    painter.setPen(Qt.NoPen)
    painter.setBrush(style.colour(lv.lane.colour, 0.55))
    painter.drawRects([QRectF(x0, y, max(x1 - x0, 2.0), 3) for x0, x1 in merged])


CONTEXT_H = 3


def _context(painter: QPainter, view, lv: LaneView) -> None:
    """Events spanning the whole view: a thin track along the lane's top edge (hover lists them)."""
    if not lv.context:
        return
    selected = view.selected_slots_set
    for item in lv.context:
        if item.slot in selected:
            colour = style.SELECTION
        else:
            colour = style.colour(DIM_NAME if item.dimmed else item.colour, 0.45 * item.opacity)
        painter.fillRect(QRectF(item.x0, item.y + 1, item.x1 - item.x0, CONTEXT_H), colour)


def item_rect(item: Item) -> QRectF:
    """The box hit-testing and outlines use for ``item``."""
    if item.kind == "context":
        return QRectF(item.x0, item.y, item.x1 - item.x0, CONTEXT_H + 2)
    if item.kind == "mark":
        cx, cy = (item.x0 + item.x1) / 2, item.y + style.ROW_H / 2
        return QRectF(cx - 5.5, cy - 5.5, 11, 11)
    if item.kind == "band" or item.core is None:
        return QRectF(item.x0, item.y + 1, max(item.x1 - item.x0, 2.0), style.ROW_H - 2)
    top = item.y + (style.ROW_H - BAR_H) / 2 - 1
    return QRectF(item.x0, top, max(item.x1 - item.x0, 2.0), BAR_H + 2)


def _item_outlines(painter: QPainter, view, lv: LaneView) -> None:
    selected = view.selected_slots_set
    hovered = view.hovered_slot
    painter.setBrush(Qt.NoBrush)
    for item in lv.items:
        if item.slot in selected:
            painter.setPen(QPen(style.SELECTION, 2))
            painter.drawRect(item_rect(item).adjusted(-1, -1, 1, 1))
        elif item.slot == hovered:
            painter.setPen(QPen(style.HOVER, 1))
            painter.drawRect(item_rect(item))


def _on_dark(name: str) -> bool:
    colour = style.colour(name)
    return 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF() < 0.6


def _labels(painter: QPainter, view, lv: LaneView) -> None:
    metrics = view.label_metrics
    normal = style.font(8.5)
    selected = view.selected_slots_set
    texts = view.texts
    top_offset = style.ROW_H - 5 - metrics.ascent()
    current = None
    for item in lv.items:
        if not item.label_room or not item.label:
            continue
        faint = item.dimmed or item.flags & (tl.APPROXIMATE | tl.UNCERTAIN)
        want = style.font(8.5, bold=item.slot in selected, italic=bool(item.flags & tl.UNCERTAIN))
        if want is not current:
            painter.setFont(want)
            current = want
        text = item.label
        width = view.text_widths.get(text, 0)
        elided = width > item.label_room
        if elided:
            text = view.elided(text, want, int(item.label_room) // 4 * 4)
        elif item.multi > 1 and not item.inside and width + 20 <= item.label_room:
            # The same event is drawn in other lanes too: say in how many.
            text = f"{text}  ×{item.multi}"
        core = item.core
        on_core = (
            item.inside
            and core is not None
            and core[0] <= item.label_x
            and item.label_x + min(width, item.label_room) <= core[1]
        )
        if on_core and not item.dimmed and _on_dark(item.colour):
            painter.setPen(style.BACKGROUND)
        elif item.dimmed:
            painter.setPen(style.TEXT_FAINT)
        else:
            painter.setPen(style.TEXT_SOFT if faint else style.TEXT)
        texts.draw(painter, item.label_x, item.y + top_offset, text, want)  # layouts reused
    if current is not normal:
        painter.setFont(normal)


def _connectors(painter: QPainter, view, frame: Frame) -> None:
    """The same event in several lanes: a dashed line joins its copies when hovered or selected."""
    wanted = set(view.selected_slots_set)
    if view.hovered_slot is not None:
        wanted.add(view.hovered_slot)
    if not wanted:
        return
    where: dict[int, list[QRectF]] = {}
    for lv in frame.lanes:
        for item in lv.items:
            if item.slot in wanted and item.multi > 1:
                where.setdefault(item.slot, []).append(item_rect(item))
    pen = QPen(style.SELECTION if len(wanted) else style.HOVER, 1, Qt.DashLine)
    painter.setPen(pen)
    for rects in where.values():
        if len(rects) > 1:
            x = rects[0].center().x()
            painter.drawLine(QPointF(x, rects[0].bottom()), QPointF(x, rects[-1].top()))


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
