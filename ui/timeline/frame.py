"""What one frame shows: lane geometry, which lanes draw items and which their density,
where each item sits. Computed from the sorted arrays with numpy; drawn by ``render``.

A lane draws its events one by one when they fit (few enough for its rows and width, within
a per-frame budget shared by all lanes, fullest lanes last); otherwise it draws a density
strip: the number of events overlapping each pixel column, by binary search of the column
edges in the lane's sorted starts and ends (no per-event work at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from models import timeline as tl
from models.timeline_lanes import TIER_LIMITS, Lane
from ui.timeline import density, layout, strips, style
from ui.timeline.scale import TimeScale


@dataclass(eq=False, slots=True)
class Item:
    """One event drawn singly in one lane."""

    slot: int
    event_id: int
    kind: str  # "mark" (narrower than a mark), "band" (an imprecise point), "span" (an
    # interval), "context" (covers the whole view: drawn as a thin track at the lane's top)
    x0: float
    x1: float
    y: float  # top of its row
    label: str
    label_x: float
    label_room: float
    flags: int
    opacity: float
    info: tl.EventInfo | None
    dimmed: bool = False
    colour: str = ""
    multi: int = 1  # number of lanes the event is drawn in
    inside: bool = False  # label drawn inside the bar
    core: tuple[float, float] | None = None  # certain part of an interval, pixels


@dataclass(eq=False)
class LaneView:
    """A lane as drawn in this frame."""

    index: int
    lane: Lane  # the lane as filtered (what is drawn in colour)
    full: Lane | None  # unfiltered lane when filtered-out events are drawn dimmed
    y: int
    h: int
    collapsed: bool
    mode: str = "density"  # or "items"
    count: int = 0
    counts: np.ndarray | None = None  # events overlapping each column (all tiers)
    bars: np.ndarray | None = None  # of those, the ones precise at this zoom (drawn as bars)
    tint: np.ndarray | None = None  # and the ones spread over many columns (drawn as a tint)
    tiers: np.ndarray | None = None  # counts per tier of models.timeline_lanes.TIER_LIMITS
    dim_counts: np.ndarray | None = None
    items: list[Item] = field(default_factory=list)
    hidden: list[tuple[float, float]] = field(default_factory=list)  # items with no room
    context: list[Item] = field(default_factory=list)  # events spanning the whole view

    @property
    def rows(self) -> int:
        return max(1, (self.h - 2 * style.LANE_PAD) // style.ROW_H)


@dataclass(eq=False)
class Frame:
    width: int
    height: int
    scale: TimeScale
    lanes_top: int
    lanes_bottom: int
    content_height: int  # all shown lanes stacked, for the scroll bar
    lanes: list[LaneView]
    first_column: int = 0  # grid column (see ``density``) at the plot's left edge
    density_max: int = 1  # largest bar count in the frame
    tint_max: int = 1  # largest tint count in the frame


def period_strip(data: tl.TimelineData | None) -> int:
    """Height of the strip under the axis that names the periods (0 without periods)."""
    periods = data.periods() if data is not None else []
    return style.PERIOD_H * (max(p.row for p in periods) + 1) if periods else 0


def lane_heights(collapsed: list[bool], available: int) -> list[int]:
    """Heights of the shown lanes: expanded ones share ``available`` within their limits."""
    expanded = collapsed.count(False)
    rest = available - style.COLLAPSED_H * (len(collapsed) - expanded)
    each = rest // expanded if expanded else style.LANE_MIN_H
    each = min(max(each, style.LANE_MIN_H), style.LANE_MAX_H)
    return [style.COLLAPSED_H if c else each for c in collapsed]


def build(view, width: int, height: int) -> Frame:
    """Plan a frame of ``view`` (a TimelineView) at ``width`` x ``height`` pixels."""
    scale = view.scale
    data = view.data
    lanes_top = style.AXIS_H + period_strip(data)
    lanes_bottom = height - style.OVERVIEW_H
    shown = view.shown_lanes()
    collapsed = [view.is_collapsed(full.key) for _lane, full in shown]
    heights = lane_heights(collapsed, lanes_bottom - lanes_top)
    content = sum(heights)
    frame = Frame(width, height, scale, lanes_top, lanes_bottom, content, [])
    y = lanes_top - view.scroll_y
    for index, ((lane, full), h) in enumerate(zip(shown, heights, strict=True)):
        if y + h > lanes_top and y < lanes_bottom:
            dim = full if view.filter_dims and full is not lane else None
            frame.lanes.append(LaneView(index, lane, dim, y, h, collapsed[index]))
        y += h
    if data is None or not frame.lanes:
        return frame
    t0, t1 = scale.t0, scale.t1
    for lv in frame.lanes:
        lv.count = lv.lane.count(t0, t1)
    _choose_items(view, frame)
    for lv in frame.lanes:
        if lv.mode == "items":
            _place_items(view, frame, lv)
    dense = [lv for lv in frame.lanes if lv.mode == "density"]
    if dense:
        _count_columns(view, frame, dense)
    return frame


def _count_columns(view, frame: Frame, dense: list[LaneView]) -> None:
    """Per density lane: events per column, split into precise (bars) and spread (tint).

    A tier of events is precise at this zoom when its longest member spans at most a few
    columns; otherwise its events are spread over many columns and drawn as a tint, so a
    month-precise date never looks like a spike on the first of the month.
    """
    scale = frame.scale
    first = density.first_column(scale.t0, scale.spp)
    frame.first_column = first
    key = (
        id(view.data),
        view.data.version,
        view.lane_mode,
        view.filter_serial,
        view.filter_dims,
        scale.spp,
    )
    lanes = [lv.lane for lv in dense] + [lv.full for lv in dense if lv.full is not None]
    parallel = sum(lv.count for lv in dense) > PARALLEL_EVENTS
    counted = view.density_cache.columns(key, lanes, first, scale.width, scale.spp, parallel)
    by_lane = {id(lane): counts for lane, counts in zip(lanes, counted, strict=True)}
    precise = [limit is not None and limit <= PRECISE_COLUMNS * scale.spp for limit in TIER_LIMITS]
    stack = np.stack([by_lane[id(lv.lane)] for lv in dense])  # lanes x tiers x columns
    counts = stack.sum(axis=1)
    bars = stack[:, precise].sum(axis=1)
    tint = counts - bars
    bars_top, tint_top = max(int(bars.max(initial=0)), 1), max(int(tint.max(initial=0)), 1)
    for number, lv in enumerate(dense):
        lv.tiers, lv.counts = stack[number], counts[number]
        lv.bars, lv.tint = bars[number], tint[number]
        if lv.full is not None:
            lv.dim_counts = by_lane[id(lv.full)].sum(axis=0)
            bars_top = max(bars_top, int(lv.dim_counts.max(initial=0)))
    frame.density_max, frame.tint_max = strips.nice_ceiling(bars_top), strips.nice_ceiling(tint_top)


MULTI_SUFFIX = 24
OPACITY = (1.0, 0.55, 0.55, 0.35)  # by flags & (APPROXIMATE | UNCERTAIN): palette.opacity
PARALLEL_EVENTS = 100_000  # events in view above which lanes are counted in threads
PRECISE_COLUMNS = 8  # events spanning at most this many columns count as precise


def _choose_items(view, frame: Frame) -> None:
    """Give lanes item mode while they fit, emptiest first, within the frame's budget."""
    budget = style.ITEM_BUDGET
    width = frame.scale.width
    for lv in sorted(frame.lanes, key=lambda lv: lv.count):
        if lv.collapsed:
            continue
        extra = lv.full.count(frame.scale.t0, frame.scale.t1) if lv.full is not None else 0
        shown = lv.count + extra
        fits = shown <= min(style.LANE_ITEM_LIMIT, lv.rows * width // style.PX_PER_ITEM)
        if fits and shown <= budget:
            lv.mode = "items"
            budget -= shown


def _place_items(view, frame: Frame, lv: LaneView) -> None:
    """Lay out the lane's visible events; a lane too crowded for its rows shows its density."""
    data, scale = view.data, frame.scale
    t0, t1 = scale.t0, scale.t1
    slots = lv.lane.visible(t0, t1, data)
    dim_set: set[int] = set()
    if lv.full is not None:
        everything = lv.full.visible(t0, t1, data)
        if len(everything) > len(slots):
            dim_set = set(np.setdiff1d(everything, slots, assume_unique=True).tolist())
            slots = everything
    if not len(slots):
        return
    infos = data.details(slots.tolist())
    left, right = float(scale.left), float(scale.left + scale.width)
    x0s = np.maximum((data.start[slots] - t0) / scale.spp + left, left - 60.0).tolist()
    x1s = np.minimum((data.end[slots] + 1 - t0) / scale.spp + left, right + 60.0).tolist()
    widths = view.text_widths
    measure = view.label_metrics.horizontalAdvance
    multi = view.lane_counts
    colours = view.data.actor_colours() if view.lane_mode != "actor" else None
    entries, context = [], []
    for slot, x0, x1 in zip(slots.tolist(), x0s, x1s, strict=True):
        if x0 <= left and x1 >= right:
            context.append(slot)  # spans the whole view: a thin track, not a row
            continue
        info = infos.get(slot)
        title = info.title if info else ""
        width = widths.get(title)
        if width is None:
            width = widths[title] = measure(title)
        if multi is not None and multi[slot] > 1:
            width += MULTI_SUFFIX  # room for "  ×3" after the title
        entries.append((slot, x0, x1, width))
    placed, hidden = layout.place(entries, lv.rows, left, right)
    if len(hidden) > 2 * len(placed) + 4:
        lv.mode = "density"
        return
    lv.hidden = hidden

    lane_colour = lv.lane.colour

    def make(slot: int, kind: str, x0: float, x1: float, y: float, spot=None) -> Item:
        info = infos.get(slot)
        colour = lane_colour
        if colours and info is not None:
            colour = colours.get(info.actor_id, colour)
        flags = int(data.flags[slot])
        return Item(
            slot,
            int(data.ids[slot]),
            kind,
            x0,
            x1,
            y,
            info.title if info else "",
            spot.label_x if spot else x0,
            spot.label_room if spot else 0,
            flags,
            OPACITY[flags & 3],
            info,
            slot in dim_set,
            colour,
            int(multi[slot]) if multi is not None else 1,
            spot.inside if spot else False,
        )

    lv.context = [make(slot, "context", left, right, lv.y) for slot in context]
    for spot in placed:
        slot = spot.slot
        info = infos.get(slot)
        drawn = (int(data.end[slot]) + 1 - int(data.start[slot])) / scale.spp
        if drawn < layout.MARK:
            kind = "mark"
        elif info is not None and info.parsed is not None and info.parsed.interval:
            kind = "span"
        else:
            kind = "band"
        y = lv.y + style.LANE_PAD + spot.row * style.ROW_H
        item = make(slot, kind, spot.x0, spot.x1, y, spot)
        if kind == "span":
            item.core = _core(info, scale)
        lv.items.append(item)


def _core(info: tl.EventInfo, scale: TimeScale) -> tuple[float, float] | None:
    """Pixels of the certain part of an interval: from the latest its start can be to the
    earliest its end can be (None when the interval is all uncertainty)."""
    when = info.parsed
    start = when.start.latest() + 1 if when.start is not None else None
    end = when.end.earliest() if when.end is not None else None
    if start is None or end is None:
        # Open ends: the certain part runs from the known end to where the fade begins.
        known = start if start is not None else end
        return (scale.x(known), scale.x(known)) if known is not None else None
    if end <= start:
        return None
    return scale.x(start), scale.x(end)
