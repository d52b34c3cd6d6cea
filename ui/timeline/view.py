"""TimelineView: the zoomable timeline of a workspace's events (a custom-painted QWidget).

API for the main window (stable)::

    view = TimelineView(parent)
    view.set_workspace(ws)              # load the events of ws (None clears); fits all;
                                        # clears the filter. A big workspace loads in the
                                        # background: see view.loading / loadingChanged
    view.reload()                       # read everything again (keeps the view and selection)
    view.apply_change(change)           # follow a models Change (cheap for small edits)
    view.set_filter(event_filter, dim=False)  # models.search.EventFilter or None; events
                                        # not passing are hidden (or drawn grey with dim=True)
    view.set_lane_mode("actor" | "tag" | "single")
    view.selected_ids() -> list[int];   view.set_selected_ids(ids)   # no signal on set
    view.set_undo_stack(stack)          # or view.undo_stack = stack: the QUndoStack the
                                        # drag-to-move edit is pushed on (without one the
                                        # edit is simply applied)
    view.fit_all(); view.fit_selection()
    view.visible_range() -> (start, end)   # UTC seconds;  view.set_visible_range(start, end)
    view.export_png(path); view.export_svg(path)   # raise OSError when they cannot write
    view.render_image(image)            # paint the current view into a QImage
    view.event_count(), view.matching_count()   # events in all, and passing the filter

    Lanes: view.lanes(), view.lane_keys()   # keys: actor ids / tag names / None ("No actor")
           view.set_collapsed(key, True), view.move_lane(key, position),
           view.set_lane_order(keys), view.set_hidden_lanes(keys), view.hidden_lanes(),
           view.set_lane_filter(text)   # only lanes whose name contains text

    Signals: selectionChanged(list)     # ids, after the user changes the selection here
             editRequested(int)         # an event was double-clicked (or Return pressed)
             changeApplied(object)      # a Change this widget made (drag-to-move, its undo
                                        # and redo): refresh the other views from it
             statusMessage(str)         # one sentence for the status bar
             visibleRangeChanged(float, float)
             loadingChanged(bool)       # events or a filter are being read in the background
                                        # (ui.timeline.loading); view.loading says the same

The widget never writes to the store except through ``models.operations`` (the move command,
``ui.timeline.commands``). The lane header's context menu collapses, reorders and hides lanes;
the plot's switches lane mode and exports.

Mouse and keys: wheel or pinch zooms around the pointer (Shift+wheel or a sideways scroll pans;
the wheel over the lane headers scrolls the lanes); drag pans; Shift/Ctrl+drag selects with a
rubber band; click selects (Ctrl toggles); dragging an event moves its date, snapped to its
precision; double-click edits an event or zooms in on empty space; Home fits all, F fits the
selection, arrows pan, +/- zoom, Up/Down and Page keys scroll lanes, Escape cancels or clears.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QLineF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

from models import timeline as tl
from models.changes import Change
from models.search import EventFilter
from models.store import Workspace
from models.timeline_lanes import Lane
from ui.timeline import export, render, style
from ui.timeline import frame as frames
from ui.timeline.density import DensityCache
from ui.timeline.interaction import InteractionMixin
from ui.timeline.loading import LoadingMixin
from ui.timeline.overview import Overview
from ui.timeline.scale import TimeScale
from ui.timeline.strips import StripImage
from ui.timeline.texts import TextCache

DAY = 86400


class TimelineView(LoadingMixin, InteractionMixin, QWidget):
    """The timeline widget; see the module docstring for its API."""

    selectionChanged = Signal(list)
    editRequested = Signal(int)
    changeApplied = Signal(object)
    statusMessage = Signal(str)
    visibleRangeChanged = Signal(float, float)
    loadingChanged = Signal(bool)  # reading events or a filter in the background

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.ws: Workspace | None = None
        self.data: tl.TimelineData | None = None
        self.lane_mode = "actor"
        self.scale = TimeScale(left=style.GUTTER_W, width=800)
        self.scroll_y = 0
        self.now = int(time.time())
        self.overview = Overview(self)
        self.density_cache = DensityCache()
        self.strip_image = StripImage()
        self.label_metrics = QFontMetricsF(style.font(8.5))
        self.text_widths: dict[str, float] = {}
        self.texts = TextCache()
        self._elided: dict[tuple, str] = {}
        self._ascents: dict[int, float] = {}
        self._count_cache: tuple | None = None
        self.filter_mask: np.ndarray | None = None
        self.filter_dims = False
        self.filter_serial = 0  # changes whenever the filtered lanes do
        self._filter: EventFilter | None = None
        self._filtered: dict[str, dict] = {}
        self._order: dict[str, list] = {}
        self._collapsed: dict[str, set] = {}
        self._hidden: dict[str, set] = {}
        self._lane_filter = ""
        self._selected: list[int] = []
        self.selected_slots_set: set[int] = set()
        self._selection_cache: tuple | None = None
        self._selection_serial = 0
        self._multi_cache: tuple | None = None
        self.hovered_slot: int | None = None
        self._undo_stack: QUndoStack | None = None
        self._frame: frames.Frame | None = None
        self._frame_dirty = True
        self._scrollbar = QScrollBar(Qt.Vertical, self)
        self._scrollbar.valueChanged.connect(self._scrolled)
        self._scrollbar.hide()
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.init_interaction()
        self.init_loading()

    # ------------------------------------------------------------------ data

    # set_workspace, reload, apply_change and set_filter: see ui.timeline.loading.

    def _after_data_change(self) -> None:
        self.text_widths.clear()
        self._filtered.clear()
        self.overview.invalidate()
        self._relayout()

    # set_lane_mode: see ui.timeline.loading (lanes of a big workspace are built aside).

    # ------------------------------------------------------------------ lanes

    def lanes(self) -> list[Lane]:
        """All lanes of the current mode, in the user's order (hidden ones included)."""
        if self.data is None:
            return []
        by_key = {lane.key: lane for lane in self.data.lanes(self.lane_mode)}
        order = self._order.setdefault(self.lane_mode, [])
        order[:] = [key for key in order if key in by_key]
        known = set(order)
        order.extend(key for key in by_key if key not in known)
        return [by_key[key] for key in order]

    def lane_keys(self) -> list:
        return [lane.key for lane in self.lanes()]

    def unfiltered(self, key) -> Lane:
        return next(lane for lane in self.data.lanes(self.lane_mode) if lane.key == key)

    def shown_lanes(self) -> list[tuple[Lane, Lane]]:
        """(lane as drawn, unfiltered lane) for every lane not hidden, in order."""
        hidden = self._hidden.get(self.lane_mode, set())
        needle = self._lane_filter.casefold()
        result = []
        filtered = None
        if self.filter_mask is not None:
            filtered = self._filtered.setdefault(self.lane_mode, {})
        for lane in self.lanes():
            if lane.key in hidden or (needle and needle not in lane.name.casefold()):
                continue
            if filtered is None:
                result.append((lane, lane))
                continue
            shown = filtered.get(lane.key)
            if shown is None:
                shown = filtered[lane.key] = lane.subset(self.filter_mask, self.data)
            if len(shown) or self.filter_dims:
                result.append((shown, lane))
        return result

    def is_collapsed(self, key) -> bool:
        return key in self._collapsed.get(self.lane_mode, set())

    def set_collapsed(self, key, collapsed: bool = True) -> None:
        keys = self._collapsed.setdefault(self.lane_mode, set())
        (keys.add if collapsed else keys.discard)(key)
        self._relayout()
        self.update()

    def move_lane(self, key, position: int) -> None:
        """Put lane ``key`` at ``position`` in the order (0 is the top)."""
        self.lanes()
        order = self._order[self.lane_mode]
        if key in order:
            order.remove(key)
            order.insert(max(0, min(position, len(order))), key)
            self.update()

    def set_lane_order(self, keys: list) -> None:
        self._order[self.lane_mode] = list(keys)
        self.lanes()
        self.update()

    def set_hidden_lanes(self, keys) -> None:
        self._hidden[self.lane_mode] = set(keys)
        self._relayout()
        self.update()

    def hidden_lanes(self) -> set:
        return set(self._hidden.get(self.lane_mode, set()))

    def set_lane_filter(self, text: str) -> None:
        """Show only lanes whose name contains ``text`` (case-insensitive); "" shows all."""
        self._lane_filter = text.strip()
        self.scroll_y = 0
        self._relayout()
        self.update()

    def event_count(self) -> int:
        """Live events in the workspace (cached per data version)."""
        if self.data is None:
            return 0
        key = (id(self.data), self.data.version)
        if self._count_cache is None or self._count_cache[0] != key:
            self._count_cache = (key, len(self.data))
        return self._count_cache[1]

    def ascent(self, font) -> float:
        """Ascent of ``font`` in pixels (cached)."""
        value = self._ascents.get(id(font))
        if value is None:
            value = self._ascents[id(font)] = QFontMetricsF(font).ascent()
        return value

    def matching_count(self) -> int:
        """Events passing the filter (all live events without one)."""
        if self.filter_mask is None:
            return self.event_count()
        return int((self.filter_mask & self.data.alive).sum())

    def elided(self, text: str, font, width: int) -> str:
        """``text`` shortened with an ellipsis to ``width`` pixels in ``font`` (cached)."""
        key = (text, id(font), width)  # fonts come from style.font: one object each
        value = self._elided.get(key)
        if value is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            value = self._elided[key] = QFontMetricsF(font).elidedText(text, Qt.ElideRight, width)
        return value

    @property
    def lane_counts(self) -> np.ndarray | None:
        """Per slot: how many lanes of the current mode the event is drawn in."""
        if self.data is None or self.lane_mode == "single":
            return None
        key = (id(self.data), self.data.version, self.lane_mode)
        if self._multi_cache is None or self._multi_cache[0] != key:
            counts = np.zeros(self.data.slot_count, np.uint8)
            for lane in self.data.lanes(self.lane_mode):
                for tier in lane.tiers:
                    counts[tier.slots] += 1  # a slot is at most once in a lane
            self._multi_cache = (key, counts)
        return self._multi_cache[1]

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        return list(self._selected)

    def set_selected_ids(self, ids) -> None:
        """Select ``ids`` (from the table or editor); does not emit selectionChanged."""
        self._selected = [int(i) for i in dict.fromkeys(ids)]
        self._sync_selection()
        self.update()

    def _select(self, ids, add: bool = False, toggle: bool = False) -> None:
        """A selection made here by the user: updates and emits selectionChanged."""
        ids = [int(i) for i in ids]
        if toggle:
            current = dict.fromkeys(self._selected)
            for event_id in ids:
                if event_id in current:
                    del current[event_id]
                else:
                    current[event_id] = None
            new = list(current)
        elif add:
            new = list(dict.fromkeys(self._selected + ids))
        else:
            new = list(dict.fromkeys(ids))
        if new != self._selected:
            self._selected = new
            self._sync_selection()
            self.update()
            self.selectionChanged.emit(list(new))

    def _sync_selection(self) -> None:
        if self.data is None:
            self.selected_slots_set = set()
            return
        slots = self.data.slots_of(np.array(self._selected, dtype=np.int64))
        self.selected_slots_set = set(slots.tolist())
        self._selection_serial += 1

    def selection_marks(self, frame: frames.Frame) -> list[QLineF]:
        """Ticks for selected events that sit in density strips of this frame."""
        if not self.selected_slots_set or self.data is None:
            return []
        key = (self.data.version, self.lane_mode, self._selection_serial, self.filter_serial)
        if self._selection_cache is None or self._selection_cache[0] != key:
            selected = np.array(sorted(self.selected_slots_set), dtype=np.int32)
            members = {}
            start, end = self.data.start, self.data.end
            for lane in self.data.lanes(self.lane_mode):
                if len(selected) > 64:
                    every = lane.slots
                    inside = every[np.isin(every, selected)]
                else:
                    inside = selected[
                        [lane.contains(s, int(start[s]), int(end[s])) for s in selected.tolist()]
                    ]
                members[lane.key] = inside[:2000]
            self._selection_cache = (key, members)
        members = self._selection_cache[1]
        scale, lines = frame.scale, []
        for lv in frame.lanes:
            if lv.mode != "density":
                continue
            slots = members.get(lv.lane.key)
            if slots is None or not len(slots):
                continue
            xs = (self.data.start[slots] - scale.t0) / scale.spp + scale.left
            xs = xs[(xs >= scale.left) & (xs <= scale.left + scale.width)]
            lines += [QLineF(x, lv.y + 1, x, lv.y + lv.h - 1) for x in xs.tolist()]
        return lines

    # ------------------------------------------------------------------ view range

    def visible_range(self) -> tuple[float, float]:
        """The moments (UTC seconds) at the left and right edges of the plot."""
        return self.scale.t0, self.scale.t1

    def set_visible_range(self, start: float, end: float) -> None:
        self.scale.set_window(start, end)
        self._view_moved()

    def fit_all(self) -> None:
        """Show every event (Home)."""
        extent = self.data.extent() if self.data is not None else None
        if extent is None:
            self.set_visible_range(self.now - 365 * DAY, self.now + 30 * DAY)
            return
        first, last = extent
        pad = max((last - first) * 0.03, 1800)
        self.set_visible_range(first - pad, last + pad)

    def fit_selection(self) -> None:
        """Show the selected events (F)."""
        if not self.selected_slots_set or self.data is None:
            self.statusMessage.emit("Select events first: F fits the view to the selection.")
            return
        slots = np.fromiter(self.selected_slots_set, dtype=np.int64)
        first, last = int(self.data.start[slots].min()), int(self.data.end[slots].max())
        pad = max((last - first) * 0.1, 1800)
        self.set_visible_range(first - pad, last + pad)

    def _view_moved(self) -> None:
        self.update()
        self.visibleRangeChanged.emit(self.scale.t0, self.scale.t1)

    # ------------------------------------------------------------------ undo

    @property
    def undo_stack(self) -> QUndoStack | None:
        return self._undo_stack

    @undo_stack.setter
    def undo_stack(self, stack: QUndoStack | None) -> None:
        self._undo_stack = stack

    def set_undo_stack(self, stack: QUndoStack | None) -> None:
        """The host's undo stack: the drag-to-move edit is pushed there as one command."""
        self._undo_stack = stack

    def _command_changed(self, change: Change) -> None:
        self.apply_change(change)
        self.changeApplied.emit(change)

    # ------------------------------------------------------------------ painting

    def sizeHint(self) -> QSize:
        return QSize(1000, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(style.GUTTER_W + 160, style.AXIS_H + style.OVERVIEW_H + 60)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, size: QSize | None = None) -> None:
        """Fit the plot and the lanes' scroll bar to the widget's size (or ``size``)."""
        size = size or self.size()
        w, h = max(size.width(), 1), max(size.height(), 1)
        top = style.AXIS_H + frames.period_strip(self.data)
        available = h - style.OVERVIEW_H - top
        shown = self.shown_lanes() if self.data is not None else []
        heights = frames.lane_heights(
            [self.is_collapsed(full.key) for _l, full in shown], available
        )
        content = sum(heights)
        scrolling = content > available > 0
        plot_w = max(w - style.GUTTER_W - (style.SCROLLBAR_W if scrolling else 0), 1)
        self.scale.resize(style.GUTTER_W, plot_w)
        self._scrollbar.setVisible(scrolling)
        if scrolling:
            self._scrollbar.setGeometry(
                QRect(w - style.SCROLLBAR_W, top, style.SCROLLBAR_W, available)
            )
            self._scrollbar.setRange(0, content - available)
            self._scrollbar.setPageStep(available)
            self._scrollbar.setSingleStep(style.ROW_H)
        self.scroll_y = min(self.scroll_y, max(content - available, 0))
        if self._scrollbar.value() != self.scroll_y:
            self._scrollbar.setValue(self.scroll_y)

    def _scrolled(self, value: int) -> None:
        if value != self.scroll_y:
            self.scroll_y = value
            self.update()

    def scroll_lanes(self, pixels: int) -> None:
        if self._scrollbar.isVisible():
            self._scrollbar.setValue(self._scrollbar.value() + pixels)

    def frame(self, width: int | None = None, height: int | None = None) -> frames.Frame:
        """Plan a frame of the current view (the widget's size by default)."""
        return frames.build(self, width or self.width(), height or self.height())

    def update(self, *args) -> None:
        self._frame_dirty = True
        super().update(*args)

    def current_frame(self) -> frames.Frame:
        """The frame on screen (planned afresh if the view changed since it was painted);
        hit-testing and tooltips read it."""
        if self._frame is None or self._frame_dirty:
            self._frame = self.frame()
            self._frame_dirty = False
        return self._frame

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            self._frame = self.frame()
            self._frame_dirty = False
            render.paint(self, painter, self._frame)
        finally:
            painter.end()

    def render_image(self, image: QImage) -> frames.Frame:
        """Paint the current view into ``image`` (logical size = the widget's, normally)."""
        ratio = image.devicePixelRatio()
        size = QSize(round(image.width() / ratio), round(image.height() / ratio))
        self._relayout(size)
        painter = QPainter(image)
        try:
            frame = self.frame(size.width(), size.height())
            render.paint(self, painter, frame)
        finally:
            painter.end()
        if size != self.size():
            self._relayout()
        return frame

    def export_png(self, path: str) -> None:
        """Save the current view as a PNG image (at twice the screen resolution)."""
        export.png(self, path)

    def export_svg(self, path: str) -> None:
        """Save the current view as an SVG drawing (vector, density strips as rectangles)."""
        export.svg(self, path)

    def _tick(self) -> None:
        self.now = int(time.time())
        self.update()
