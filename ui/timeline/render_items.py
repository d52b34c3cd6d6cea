"""Painting the events of lanes that have room for them (see ``frame``): bars for precise
dates with soft ends for their spread, bands for imprecise dates, diamonds for instants,
fades for approximate or open-ended spans, thin tracks for events spanning the view, the
hidden-events strip, selection and hover outlines, labels, and the dashed connectors between
copies of one event in several lanes.

Bars of one colour go in one ``drawRects`` call; labels are the only per-item text calls.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
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
from ui.timeline import style
from ui.timeline.frame import Frame, Item, LaneView

SOFT = 0.30  # a soft band (an imprecise date) is drawn at this share of its opacity

DIM_NAME = style.DIMMED.name()


def lane_items(painter: QPainter, view, lv: LaneView, vector: bool = False) -> None:
    """Draw the events of ``lv`` (a lane in "items" mode); ``vector`` for SVG output."""
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
        _mark_paint(painter, name, op, hollow)
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


def _mark_paint(painter: QPainter, name: str, op: float, hollow: bool) -> None:
    """Pen and brush of a date mark: filled, or pale with an outline for an uncertain date."""
    if hollow:
        painter.setBrush(style.colour(name, 0.25 * op))
        painter.setPen(QPen(style.colour(name, op), 1.2))
    else:
        painter.setPen(Qt.NoPen)
        painter.setBrush(style.colour(name, op))


def _mark_sprite(name: str, op: float, hollow: bool) -> QImage:
    """A 12x12 diamond (hollow for an uncertain date), drawn once per colour and strength."""
    key = (name, round(op, 2), hollow)
    sprite = _SPRITES.get(key)
    if sprite is None:
        sprite = QImage(12, 12, QImage.Format_ARGB32_Premultiplied)
        sprite.fill(0)
        p = QPainter(sprite)
        p.setRenderHint(QPainter.Antialiasing)
        _mark_paint(p, name, op, hollow)
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


def connectors(painter: QPainter, view, frame: Frame) -> None:
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
