"""Mouse, keyboard, wheel and pinch handling of the TimelineView (a mixin, to keep the view's
module about its API and state). Hit-testing reads the last painted frame."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QApplication, QToolTip

from models import dates, palette, queries
from models.errors import AnnalistError
from ui.timeline import commands, menus, snapping, style
from ui.timeline.frame import Item, LaneView
from ui.timeline.render_items import CONTEXT_H, item_rect

WHEEL_STEP = 2 ** (1 / 4)  # one wheel notch zooms by this factor
KEY_ZOOM = 1.5


@dataclass
class Press:
    """A mouse press and what it may turn into."""

    kind: str  # "pan", "rubber", "item", "move", "overview", "lane"
    pos: QPointF
    t0: float  # the view's t0 when pressed
    item: Item | None = None
    part: str = ""  # for the overview: "inside", "left", "right"
    offset: float = 0.0
    moved: bool = False
    current: QPointF | None = None
    preview: str | None = None  # the new "when" while dragging an event
    lane_key: object = None
    modifiers: Qt.KeyboardModifier = Qt.NoModifier


class InteractionMixin:
    def init_interaction(self) -> None:
        self._press: Press | None = None
        self._hover_column: tuple[LaneView, int] | None = None
        self.grabGesture(Qt.PinchGesture)

    # ------------------------------------------------------------------ hit testing

    def item_at(self, pos: QPointF) -> Item | None:
        """The item under ``pos`` in the last painted frame (the topmost one)."""
        frame = self.current_frame()
        if (
            frame is None
            or pos.x() < self.scale.left
            or not frame.lanes_top <= pos.y() < frame.lanes_bottom
        ):
            return None
        for lv in frame.lanes:
            if lv.y <= pos.y() < lv.y + lv.h and lv.mode == "items":
                for item in reversed(lv.items):
                    if item_rect(item).adjusted(-2, -2, 2, 2).contains(pos):
                        return item
                if lv.context and pos.y() < lv.y + CONTEXT_H + 3:
                    return lv.context[0]
        return None

    def lane_at(self, y: float) -> LaneView | None:
        frame = self.current_frame()
        if frame is None or not frame.lanes_top <= y < frame.lanes_bottom:
            return None
        return next((lv for lv in frame.lanes if lv.y <= y < lv.y + lv.h), None)

    def _in_overview(self, pos: QPointF) -> str | None:
        return self.overview.hit(pos, self.current_frame())

    # ------------------------------------------------------------------ mouse

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        self.setFocus(Qt.MouseFocusReason)
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        mods = event.modifiers()
        part = self._in_overview(pos)
        if part is not None:
            self._press_overview(pos, part)
            return
        lane = self.lane_at(pos.y())
        if pos.x() < style.GUTTER_W:
            if lane is not None:
                if pos.x() < 20:
                    self.set_collapsed(lane.lane.key, not lane.collapsed)
                else:
                    self._press = Press("lane", pos, self.scale.t0, lane_key=lane.lane.key)
            return
        item = self.item_at(pos)
        if item is not None:
            toggle = bool(mods & Qt.ControlModifier)
            if toggle or item.event_id not in self._selected:
                self._select([item.event_id], toggle=toggle, add=bool(mods & Qt.ShiftModifier))
            self._press = Press("item", pos, self.scale.t0, item=item, modifiers=mods)
            return
        kind = "rubber" if mods & (Qt.ShiftModifier | Qt.ControlModifier) else "pan"
        self._press = Press(kind, pos, self.scale.t0, modifiers=mods)

    def _press_overview(self, pos: QPointF, part: str) -> None:
        frame = self.current_frame()
        if part == "outside":
            t = self.overview.t(pos.x(), frame)
            span = self.scale.t1 - self.scale.t0
            self.set_visible_range(t - span / 2, t + span / 2)
            part = "inside"
        offset = self.overview.t(pos.x(), frame) - (self.scale.t0 + self.scale.t1) / 2
        self._press = Press("overview", pos, self.scale.t0, part=part, offset=offset)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        press = self._press
        if press is None:
            self._hover(pos)
            return
        far = (pos - press.pos).manhattanLength() >= QApplication.startDragDistance()
        press.moved = press.moved or far
        press.current = pos
        if press.kind == "pan" and press.moved:
            self.scale.t0 = press.t0
            self.scale.pan(press.pos.x() - pos.x())
            self._view_moved()
        elif press.kind == "overview":
            self._drag_overview(press, pos)
        elif press.kind == "item" and press.moved:
            if self.ws is None or self.ws.readonly:
                reason = self.ws.readonly_reason if self.ws is not None else ""
                self.statusMessage.emit(
                    reason or "This workspace is read-only; dates cannot be moved."
                )
                press.kind = "pan"
                return
            press.kind = "move"
        if press.kind == "move":
            self._preview_move(press, pos)
        elif press.kind in ("rubber", "lane"):
            self.update()

    def _drag_overview(self, press: Press, pos: QPointF) -> None:
        frame = self.current_frame()
        t = self.overview.t(pos.x(), frame)
        start, end = self.scale.t0, self.scale.t1
        if press.part == "left":
            start = min(t, end - 60)
        elif press.part == "right":
            end = max(t, start + 60)
        else:
            span = end - start
            start = t - press.offset - span / 2
            end = start + span
        self.set_visible_range(start, end)

    def _preview_move(self, press: Press, pos: QPointF) -> None:
        info = press.item.info
        if info is None:
            return
        seconds = (pos.x() - press.pos.x()) * self.scale.spp
        try:
            press.preview = snapping.shift_when(info.when, seconds)
        except dates.DateError as error:
            press.preview = None
            self.statusMessage.emit(str(error))
        if press.preview:
            self.statusMessage.emit(f"Move '{info.title}' to {dates.human(press.preview)}")
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.LeftButton:
            return super().mouseReleaseEvent(event)
        pos = event.position()
        if press.kind == "pan" and not press.moved:
            if self._selected:
                self._select([])
        elif (
            press.kind == "item"
            and not press.moved
            and not press.modifiers & (Qt.ControlModifier | Qt.ShiftModifier)
        ):
            self._select([press.item.event_id])  # a click on one of several selected: just it
        elif press.kind == "rubber":
            self._finish_rubber(press, pos)
        elif press.kind == "move" and press.preview:
            self._commit_move(press)
        elif press.kind == "lane" and press.moved:
            target = self.lane_at(pos.y())
            if target is not None:
                keys = [lane.key for lane in self.lanes()]
                self.move_lane(press.lane_key, keys.index(target.lane.key))
        self.update()

    def _finish_rubber(self, press: Press, pos: QPointF) -> None:
        rect = QRectF(press.pos, pos).normalized()
        t0, t1 = self.scale.t(rect.left()), self.scale.t(rect.right())
        slots = set()
        for lv in self.current_frame().lanes:
            if lv.y < rect.bottom() and lv.y + lv.h > rect.top():
                slots.update(lv.lane.visible(t0, t1, self.data).tolist())
        ids = [int(self.data.ids[s]) for s in sorted(slots, key=lambda s: int(self.data.start[s]))]
        self._select(ids, add=bool(press.modifiers & Qt.ControlModifier))
        if ids:
            self.statusMessage.emit(f"{len(ids):,} events selected.")

    def _commit_move(self, press: Press) -> None:
        info = press.item.info
        try:
            change = commands.move_event(
                self.ws, info.id, press.preview, info.title, dates.human(press.preview)
            )
        except AnnalistError as error:
            self.statusMessage.emit(str(error))
            return
        command = commands.ChangeCommand(
            self.ws, change, self._command_changed, self.statusMessage.emit
        )
        self._command_changed(change)
        if self._undo_stack is not None:
            self._undo_stack.push(command)
        self.statusMessage.emit(change.label + ".")

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.position()
        if event.button() != Qt.LeftButton:
            return
        if pos.x() < style.GUTTER_W:
            lane = self.lane_at(pos.y())
            if lane is not None:
                self.set_collapsed(lane.lane.key, not lane.collapsed)
            return
        if self._in_overview(pos) is not None:
            return
        item = self.item_at(pos)
        if item is not None:
            self._press = None
            self.editRequested.emit(item.event_id)
            return
        self.scale.zoom_at(pos.x(), 2.0)
        self._view_moved()

    def leaveEvent(self, event) -> None:
        self.hovered_slot, self._hover_column = None, None
        self.update()

    def _hover(self, pos: QPointF) -> None:
        item = self.item_at(pos)
        slot = item.slot if item is not None else None
        column = None
        if item is None and pos.x() >= self.scale.left:
            lv = self.lane_at(pos.y())
            if lv is not None and lv.mode == "density" and lv.counts is not None:
                column = (lv, int(pos.x() - self.scale.left))
        if slot != self.hovered_slot or column != self._hover_column:
            self.hovered_slot, self._hover_column = slot, column
            self.update()
        part = self._in_overview(pos)
        if part in ("left", "right"):
            self.setCursor(Qt.SizeHorCursor)
        elif part is not None or item is None:
            self.setCursor(
                Qt.OpenHandCursor if part is None and pos.x() >= style.GUTTER_W else Qt.ArrowCursor
            )
        else:
            self.setCursor(Qt.PointingHandCursor)

    # ------------------------------------------------------------------ wheel, keys, pinch

    def wheelEvent(self, event) -> None:
        pos = event.position()
        pixel, angle = event.pixelDelta(), event.angleDelta()
        dx, dy = (pixel.x(), pixel.y()) if not pixel.isNull() else (angle.x() / 2, angle.y() / 2)
        if pos.x() < style.GUTTER_W:
            self.scroll_lanes(int(-dy))
        elif event.modifiers() & Qt.ShiftModifier:
            self.scale.pan(-(dy or dx))
            self._view_moved()
        elif abs(dx) > abs(dy):
            self.scale.pan(-dx)
            self._view_moved()
        elif dy:
            self.scale.zoom_at(pos.x(), WHEEL_STEP ** (dy / 60))
            self._view_moved()
        event.accept()

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        width = self.scale.width
        middle = self.scale.left + width / 2
        if key == Qt.Key_Home:
            self.fit_all()
        elif key == Qt.Key_F and not mods & (Qt.ControlModifier | Qt.AltModifier):
            self.fit_selection()
        elif key in (Qt.Key_Left, Qt.Key_Right):
            step = width / (2 if mods & Qt.ShiftModifier else 8)
            self.scale.pan(step if key == Qt.Key_Right else -step)
            self._view_moved()
        elif key in (Qt.Key_Plus, Qt.Key_Equal) or event.matches(QKeySequence.ZoomIn):
            self.scale.zoom_at(middle, KEY_ZOOM)
            self._view_moved()
        elif key in (Qt.Key_Minus, Qt.Key_Underscore) or event.matches(QKeySequence.ZoomOut):
            self.scale.zoom_at(middle, 1 / KEY_ZOOM)
            self._view_moved()
        elif key in (Qt.Key_Up, Qt.Key_Down):
            self.scroll_lanes(style.ROW_H * 2 * (1 if key == Qt.Key_Down else -1))
        elif key in (Qt.Key_PageUp, Qt.Key_PageDown):
            self.scroll_lanes(self._scrollbar.pageStep() * (1 if key == Qt.Key_PageDown else -1))
        elif key == Qt.Key_Escape:
            if self._press is not None:
                self._press = None
                self.update()
            elif self._selected:
                self._select([])
        elif key in (Qt.Key_Return, Qt.Key_Enter) and len(self._selected) == 1:
            self.editRequested.emit(self._selected[0])
        else:
            super().keyPressEvent(event)

    def event(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.ToolTip:
            text = self._tooltip(
                event.position() if hasattr(event, "position") else QPointF(event.pos())
            )
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if kind == QEvent.NativeGesture and event.gestureType() == Qt.ZoomNativeGesture:
            self.scale.zoom_at(event.position().x(), 1 + event.value())
            self._view_moved()
            return True
        if kind == QEvent.Gesture:
            pinch = event.gesture(Qt.PinchGesture)
            if pinch is not None:
                factor = pinch.scaleFactor()
                if factor > 0:
                    center = self.mapFromGlobal(pinch.centerPoint().toPoint())
                    self.scale.zoom_at(center.x(), factor)
                    self._view_moved()
                event.accept()
                return True
        return super().event(event)

    def contextMenuEvent(self, event) -> None:
        menus.context_menu(self, QPointF(event.pos()), event.globalPos())

    # ------------------------------------------------------------------ tooltips

    def _tooltip(self, pos: QPointF) -> str:
        item = self.item_at(pos)
        if item is not None and item.kind == "context":
            lane = self.lane_at(pos.y())
            lines = [
                f"{html.escape(c.label)} <i>({html.escape(c.info.human)})</i>"
                for c in lane.context[:12]
                if c.info is not None
            ]
            more = len(lane.context) - 12
            return (
                "<b>Through the whole view:</b><br>"
                + "<br>".join(lines)
                + (f"<br>and {more:,} more" if more > 0 else "")
            )
        if item is not None and item.info is not None:
            return self._item_tooltip(item)
        lv = self.lane_at(pos.y())
        if lv is None:
            return ""
        if pos.x() < style.GUTTER_W:
            total = len(self.unfiltered(lv.lane.key))
            return (
                f"<b>{html.escape(lv.lane.name)}</b><br>{total:,} events, {lv.count:,} in view"
                "<br>Click the arrow to collapse; drag to reorder; right-click for more."
            )
        if lv.mode == "density" and lv.counts is not None:
            column = int(pos.x() - self.scale.left)
            if 0 <= column < len(lv.counts):
                return self._column_tooltip(lv, column)
        return ""

    def _item_tooltip(self, item: Item) -> str:
        info = item.info
        parts = [f"<b>{html.escape(info.title)}</b>", html.escape(info.human)]
        notes = []
        if info.parsed is not None and info.parsed.approximate:
            notes.append("approximate date")
        if info.parsed is not None and info.parsed.uncertain:
            notes.append("uncertain date")
        if info.parsed is not None and info.parsed.open_end:
            notes.append("still going on")
        if notes:
            parts[-1] += f" <i>({', '.join(notes)})</i>"
        names = queries.event_actor_names(self.ws, [info.id]).get(info.id, [])
        if names:
            parts.append("Actors: " + html.escape(", ".join(names)))
        if item.dimmed:
            parts.append("<i>Does not match the filter.</i>")
        return "<br>".join(parts)

    def _column_tooltip(self, lv: LaneView, column: int) -> str:
        count = int(lv.counts[column])
        grid = self.current_frame().first_column + column
        start, end = grid * self.scale.spp, (grid + 1) * self.scale.spp
        when = column_label(start, end)
        noun = "event" if count == 1 else "events"
        text = f"<b>{count:,} {noun}</b> in {html.escape(lv.lane.name)}<br>{when}"
        if lv.tiers is not None and count:
            kinds = (
                "timed to the minute",
                "dated to the day",
                "dated to the week or month",
                "dated to the year, or long spans",
            )
            parts = [
                f"{int(n):,} {kind}"
                for n, kind in zip(lv.tiers[:, column].tolist(), kinds, strict=True)
                if n
            ]
            text += "<br>" + "; ".join(parts)
        if lv.dim_counts is not None:
            text += f"<br>{int(lv.dim_counts[column]) - count:,} more do not match the filter"
        return text + "<br><i>Zoom in to see them one by one.</i>"

    # ------------------------------------------------------------------ overlays

    def paint_overlays(self, painter: QPainter, frame) -> None:
        """Rubber band, the event being dragged, the hovered density column."""
        press = self._press
        if self._hover_column is not None and press is None:
            lv, column = self._hover_column
            if lv in frame.lanes:
                painter.fillRect(
                    QRectF(self.scale.left + column - 1, lv.y, 3, lv.h),
                    style.colour("#1f2933", 0.35),
                )
        if press is None or not press.moved or press.current is None:
            return
        if press.kind == "rubber":
            rect = QRectF(press.pos, press.current).normalized()
            painter.fillRect(rect, style.WINDOW_FILL)
            painter.setPen(QPen(style.WINDOW_EDGE, 1, Qt.DashLine))
            painter.drawRect(rect)
        elif press.kind == "move" and press.preview:
            self._paint_ghost(painter, press)
        elif press.kind == "lane":
            painter.setPen(QPen(style.SELECTION, 2))
            painter.drawLine(QPointF(0, press.current.y()), QPointF(frame.width, press.current.y()))

    def _paint_ghost(self, painter: QPainter, press: Press) -> None:
        item = press.item
        start, end = palette.drawn_bounds(dates.parse(press.preview))
        end = min(end, max(start, self.now))
        x0, x1 = self.scale.x(start), self.scale.x(end + 1)
        if x1 - x0 < 9:
            x0, x1 = (x0 + x1) / 2 - 5, (x0 + x1) / 2 + 5
        rect = QRectF(x0, item.y + 1, x1 - x0, style.ROW_H - 2)
        painter.setPen(QPen(style.SELECTION, 1.5, Qt.DashLine))
        painter.setBrush(style.colour(style.SELECTION.name(), 0.12))
        painter.drawRect(rect)
        font = style.font(8.5, bold=True)
        text = "→ " + dates.human(press.preview)
        width = QFontMetricsF(font).horizontalAdvance(text)
        box = QRectF(rect.right() + 3, item.y, width + 8, style.ROW_H)  # over other labels
        painter.setPen(QPen(style.SELECTION, 1))
        painter.setBrush(style.colour("#ffffff", 0.95))
        painter.drawRoundedRect(box, 3, 3)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignCenter, text)


def column_label(start: float, end: float) -> str:
    """'12 Mar 2024' or '12 Mar 2024 06:00 – 06:30 UTC': the time one density column covers."""
    first, last = dates.to_iso(int(start)), dates.to_iso(int(end))
    if end - start >= 86400:
        return f"{_day(first)} – {_day(last)}"
    if first[:10] == last[:10]:
        return f"{_day(first)}, {first[11:16]} – {last[11:16]} UTC"
    return f"{_day(first)} {first[11:16]} – {_day(last)} {last[11:16]} UTC"


def _day(iso: str) -> str:
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return f"{day} {dates.MONTH_ABBR[month]} {year}"
