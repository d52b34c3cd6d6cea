"""The timeline chart: vector drawings with the screen's lanes, colours and date rules.

One lane per actor (in order of how many of the briefing's events they are in; events without
an actor in a last lane), each event in its actors' colours (:func:`models.palette.actor_colour`)
over its drawn bounds (:func:`models.palette.drawn_bounds`: approximate dates widened), at its
opacity (:func:`models.palette.opacity`: approximate or uncertain fainter); ongoing spans fade
out towards the edge. Dense windows are split across pages by time so labels stay readable;
each label starts with the event's chronology number. Drawn with ``reportlab.graphics``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefings.chart_time import (
    MAX_PAGES,
    Item,
    day_floor,
    items_of,
    segments,
    span_text,
    ticks,
    window_of,
)
from briefings.data import BriefingData
from briefings.fonts import FAKE_BOLD, Typeface, fake_bold_width
from briefings.styles import FAINT, INK, MUTED, RULE
from briefings.text import fit_text, line_runs
from models import palette

GUTTER = 112.0  # lane labels
ROW_H = 13.0  # one row of a lane: bar band + label band
BAR_H = 5.0
LANE_PAD = 3.0
LABEL_SIZE = 6.4
LABEL_MAX = 150.0
AXIS_H = 15.0
LEGEND_H = 22.0
CAPTION_H = 13.0
FADE_STEPS = 8
LANE_FILL = HexColor("#f6f8fa")
GRID = HexColor("#e1e6eb")
NO_ACTOR = -1
OTHERS = -2


@dataclass
class _Plan:
    visible: list
    lanes: list
    placed: list
    rows: list
    periods: list
    period_band: float
    lanes_top: float
    lanes_bottom: float
    x_of: object
    unlabelled: int


@dataclass
class Lane:
    key: int  # actor id, NO_ACTOR or OTHERS
    name: str
    colour: str
    items: list[tuple[Item, str]]  # item and the colour to draw it in


# ---------------------------------------------------------------------------- drawing


class ChartPainter:
    """Builds the chart pages of one briefing."""

    def __init__(self, data: BriefingData, faces: Typeface, *, numbered: bool = True):
        self.data = data
        self.faces = faces
        self.numbered = numbered
        self.items = items_of(data)
        self.labelled = 0
        self.unlabelled = 0
        self._labels: dict[int, tuple[str, float]] = {}
        self._window = (0, 0)

    def pages(
        self,
        width: float,
        first_height: float,
        height: float,
        window: tuple[int | None, int | None],
        tick=None,
    ) -> list[Drawing]:
        """One drawing per time segment; the first is ``first_height`` tall, the rest ``height``.

        ``tick(done, total)`` is called after each page (for progress; it may raise to stop).
        """
        lo, hi = window_of(self.data, self.items, window)
        self._window = (lo, hi)
        parts = self._adapt(segments(self.items, lo, hi), width, height)
        drawings = []
        for index, (start, end) in enumerate(parts):
            h = first_height if index == 0 else height
            drawings.append(self._page(width, h, start, end, index, len(parts)))
            if tick is not None:
                tick(index + 1, len(parts))
        return drawings

    # -- one page

    def _adapt(
        self, parts: list[tuple[int, int]], width: float, height: float
    ) -> list[tuple[int, int]]:
        """Split the page whose labels crowd most, at its middle event, while pages remain.

        The budget grows with the events (about one page per fifteen) so a short pack does not
        turn into a flip-book of near-empty pages; what stays unlabelled is in the chronology.
        """
        budget = min(MAX_PAGES, max(len(parts), math.ceil(len(self.items) / 15)))
        while len(parts) < budget:
            worst, crowded = None, 0
            for index, (lo, hi) in enumerate(parts):
                if hi - lo < 2 * 86400:
                    continue
                plan = self._plan(width, height, lo, hi)
                if plan.unlabelled > crowded:
                    worst, crowded = index, plan.unlabelled
            if worst is None:
                break
            lo, hi = parts[worst]
            starts = sorted(min(max(i.lo, lo), hi) for i in self.items if i.hi >= lo and i.lo <= hi)
            cut = day_floor(starts[len(starts) // 2])
            if not lo < cut < hi:
                cut = day_floor(lo + (hi - lo) // 2)
            if not lo < cut < hi:
                break
            parts[worst : worst + 1] = [(lo, cut), (cut, hi)]
        return parts

    def _plan(self, width: float, height: float, lo: int, hi: int) -> _Plan:
        """Where everything goes on one page (no drawing)."""
        plot_x0, plot_x1 = GUTTER, width - 4
        top = height - CAPTION_H
        periods = [p for p in self.data.periods if p["latest"] >= lo and p["earliest"] <= hi]
        period_band = 10.0 if periods else 0.0
        lanes_top = top - AXIS_H - period_band
        lanes_bottom = LEGEND_H + AXIS_H
        scale = (plot_x1 - plot_x0) / max(1, hi - lo)

        def x_of(seconds: float) -> float:
            return plot_x0 + (min(max(seconds, lo), hi) - lo) * scale

        visible = [i for i in self.items if i.hi >= lo and i.lo <= hi]
        lanes = self._lanes(visible, lanes_top - lanes_bottom)
        placed, rows = self._pack(lanes, x_of, plot_x1, lanes_top - lanes_bottom)
        labelled = {pair[0].event_id for lane in placed for pair, _, shown in lane if shown}
        return _Plan(
            visible,
            lanes,
            placed,
            rows,
            periods,
            period_band,
            lanes_top,
            lanes_bottom,
            x_of,
            len(visible) - len(labelled),
        )

    def _page(
        self, width: float, height: float, lo: int, hi: int, index: int, count: int
    ) -> Drawing:
        plan = self._plan(width, height, lo, hi)
        heights = [LANE_PAD * 2 + max(1, r) * ROW_H for r in plan.rows]
        spare = (plan.lanes_top - plan.lanes_bottom) - sum(heights)
        if heights and spare > 0:
            grow = min(spare / len(heights), 24.0)
            heights = [h + grow for h in heights]
            left = spare - grow * len(heights)
            if left > 1:  # few lanes: a shorter drawing, the legend right under them
                height -= left
                plan = self._plan(width, height, lo, hi)
        drawing = Drawing(width, height)
        plot_x0, plot_x1 = GUTTER, width - 4
        top = height - CAPTION_H
        visible, lanes, placed = plan.visible, plan.lanes, plan.placed
        periods, period_band, x_of = plan.periods, plan.period_band, plan.x_of
        lanes_top = plan.lanes_top

        # caption
        caption = f"{span_text(lo, hi)}"
        if count > 1:
            caption = f"Part {index + 1} of {count} · " + caption
        self._text(drawing, caption, 0, height - 9, "bold", 7.5, MUTED)
        total = len(visible)
        note = f"{total} event{'s' if total != 1 else ''}"
        if plan.unlabelled:
            marks = "a mark" if plan.unlabelled == 1 else "marks"
            note += f"; {plan.unlabelled} shown as {marks} only, too dense to label (see the chronology)"
        self._text(drawing, note, width, height - 9, "regular", 7, FAINT, anchor="end")

        # lanes, grid, periods
        y = lanes_top
        lane_boxes = []
        for lane_index, (lane, h) in enumerate(zip(lanes, heights, strict=True)):
            if lane_index % 2 == 0:
                drawing.add(Rect(0, y - h, width - 4, h, fillColor=LANE_FILL, strokeColor=None))
            lane_boxes.append((lane, y, h))
            y -= h
        lanes_end = y
        label_end = -1e9  # period names must not overprint each other
        for period in sorted(periods, key=lambda p: (p["earliest"], p["latest"])):
            x0, x1 = x_of(period["earliest"]), x_of(period["latest"])
            colour = HexColor(period["colour"]) if period.get("colour") else HexColor("#9aa5b1")
            drawing.add(
                Rect(
                    x0,
                    lanes_end,
                    max(0.8, x1 - x0),
                    lanes_top + period_band - lanes_end,
                    fillColor=colour,
                    fillOpacity=0.12,
                    strokeColor=None,
                )
            )
            start = max(x0 + 2, label_end + 6)
            name = fit_text(
                self.faces, period["name"], max(0.0, x1 - start - 2), variant="italic", size=6.5
            )
            if name:
                label_end = start + self._text(
                    drawing, name, start, lanes_top + 2.5, "italic", 6.5, MUTED
                )
        tick_list = ticks(lo, hi, plot_x1 - plot_x0)
        for seconds, label in tick_list:
            x = x_of(seconds)
            drawing.add(
                Line(x, lanes_end, x, lanes_top + period_band, strokeColor=GRID, strokeWidth=0.5)
            )
            drawing.add(
                Line(x, top - AXIS_H + 1, x, top - AXIS_H + 4, strokeColor=MUTED, strokeWidth=0.6)
            )
            self._text(drawing, label, x + 1.5, top - AXIS_H + 5, "regular", 6.8, INK)
            self._text(drawing, label, x + 1.5, lanes_end - 9, "regular", 6.2, MUTED)
        drawing.add(
            Line(
                plot_x0,
                top - AXIS_H + 1,
                plot_x1,
                top - AXIS_H + 1,
                strokeColor=MUTED,
                strokeWidth=0.6,
            )
        )
        drawing.add(Line(plot_x0, lanes_end, plot_x1, lanes_end, strokeColor=RULE, strokeWidth=0.5))

        # lane labels and items
        for (lane, lane_top, h), lane_items in zip(lane_boxes, placed, strict=True):
            self._lane_label(drawing, lane, lane_top, h)
            for (item, colour), row, labelled in lane_items:
                self._item(drawing, item, colour, row, labelled, lane_top, x_of, lo, hi, plot_x1)
        self._legend(drawing, width)
        return drawing

    def _lanes(self, visible: list[Item], room: float) -> list[Lane]:
        data = self.data
        by_id = {a.id: a for a in data.actors}
        events = {e.id: e for e in data.events}
        members: dict[int, list[Item]] = {}
        for item in visible:
            actors = events[item.event_id].actors or [None]
            for actor in actors:
                key = NO_ACTOR if actor is None else actor.actor_id
                members.setdefault(key, []).append(item)
        order = [a.id for a in data.actors if a.id in members]
        if NO_ACTOR in members:
            order.append(NO_ACTOR)
        most = max(1, int(room // (LANE_PAD * 2 + ROW_H)))
        lanes = []
        if len(order) > most:
            kept, rest = order[: most - 1], order[most - 1 :]
            order = kept
            merged = []
            for key in rest:
                merged.extend((i, self._colour(key)) for i in members[key])
            merged.sort(key=lambda pair: (pair[0].lo, pair[0].number))
        for key in order:
            name = "No actor" if key == NO_ACTOR else by_id[key].name
            lanes.append(
                Lane(key, name, self._colour(key), [(i, self._colour(key)) for i in members[key]])
            )
        if len(order) < len(members):
            count = len(members) - len(order)
            lanes.append(Lane(OTHERS, f"{count} other actors", palette.NO_ACTOR_COLOUR, merged))
        return lanes

    def _colour(self, key: int) -> str:
        if key < 0:
            return palette.NO_ACTOR_COLOUR
        return self.data.colours.get(key) or palette.actor_colour(key)

    def _label(self, item: Item) -> tuple[str, float]:
        """The label (shortened to fit) and its width, measured once per event."""
        hit = self._labels.get(item.event_id)
        if hit is None:
            text = f"{item.number} {item.title}" if self.numbered else item.title
            text = fit_text(self.faces, text, LABEL_MAX, size=LABEL_SIZE)
            hit = self._labels[item.event_id] = (
                text,
                self.faces.width(text, "regular", LABEL_SIZE),
            )
        return hit

    def _pack(self, lanes: list[Lane], x_of, right: float, room: float):
        """Place items in rows per lane; the most rows per lane that still fit the page."""
        for cap in (8, 6, 5, 4, 3, 2, 1):
            placed, rows = [], []
            for lane in lanes:
                lane_placed, used = self._pack_lane(lane, x_of, right, cap)
                placed.append(lane_placed)
                rows.append(used)
            if sum(LANE_PAD * 2 + max(1, r) * ROW_H for r in rows) <= room or cap == 1:
                return placed, rows
        raise AssertionError("unreachable")

    def _pack_lane(self, lane: Lane, x_of, right: float, cap: int):
        ends = [-1e9] * cap  # where each row's labels end
        bars = [-1e9] * cap  # where each row's bars end
        out = []
        used = 0
        for item, colour in sorted(lane.items, key=lambda pair: (pair[0].lo, pair[0].number)):
            x0, x1 = self._bar(item, x_of)
            _, width = self._label(item)
            lx = _label_x(x0, x1, width, right)
            start, end = min(x0, lx), max(x1, lx + width) + 5
            row = next((r for r in range(cap) if ends[r] <= start), None)
            if row is not None:
                ends[row] = end
                bars[row] = max(bars[row], x1 + 1)
                out.append(((item, colour), row, True))
            else:
                row = min(range(cap), key=lambda r: bars[r])
                bars[row] = max(bars[row], x1 + 1)
                out.append(((item, colour), row, False))
            used = max(used, row + 1)
        return out, used

    @staticmethod
    def _bar(item: Item, x_of) -> tuple[float, float]:
        x0, x1 = x_of(item.lo), x_of(item.hi)
        if item.point or x1 - x0 < 3.0:
            middle = (x0 + x1) / 2
            return middle - 2.6, middle + 2.6
        return x0, x1

    def _item(
        self,
        drawing,
        item: Item,
        colour: str,
        row: int,
        labelled: bool,
        lane_top: float,
        x_of,
        lo: int,
        hi: int,
        right: float,
    ) -> None:
        fill = HexColor(colour)
        bar_top = lane_top - LANE_PAD - row * ROW_H - 1.0
        x0, x1 = self._bar(item, x_of)
        raw0, raw1 = x_of(item.lo), x_of(item.hi)
        if item.point or raw1 - raw0 < 3.0:
            middle = (x0 + x1) / 2
            half = BAR_H / 2 + 0.6
            y = bar_top - BAR_H / 2
            drawing.add(
                Polygon(
                    [middle - half, y, middle, y + half, middle + half, y, middle, y - half],
                    fillColor=fill,
                    fillOpacity=item.opacity,
                    strokeColor=None,
                )
            )
        else:
            # Ongoing spans fade where the chart's window ends, not at every page edge.
            fade_end = item.open_end and hi >= self._window[1]
            fade_start = item.open_start and lo <= self._window[0]
            self._span(drawing, x0, x1, bar_top - BAR_H, fill, item, fade_start, fade_end)
        if labelled:
            label, width = self._label(item)
            lx = _label_x(x0, x1, width, right)
            baseline = bar_top - BAR_H - 6.4
            if self.numbered:
                number = str(item.number)
                self._text(drawing, number, lx, baseline, "bold", LABEL_SIZE, MUTED)
                lx += stringWidth(number + " ", self.faces.font("bold"), LABEL_SIZE)
                label = label[len(number) + 1 :]
            self._text(drawing, label, lx, baseline, "regular", LABEL_SIZE, INK)
            self.labelled += 1
        else:
            self.unlabelled += 1

    def _span(
        self,
        drawing,
        x0: float,
        x1: float,
        y: float,
        fill: Color,
        item: Item,
        fade_start: bool,
        fade_end: bool,
    ) -> None:
        """A bar; an ongoing end (or open start) fades out over its last stretch."""
        fade = min(70.0, (x1 - x0) * 0.45)
        solid0 = x0 + fade if fade_start else x0
        solid1 = x1 - fade if fade_end else x1
        drawing.add(
            Rect(
                solid0,
                y,
                max(0.6, solid1 - solid0),
                BAR_H,
                fillColor=fill,
                fillOpacity=item.opacity,
                strokeColor=None,
            )
        )
        step = fade / FADE_STEPS
        for k in range(FADE_STEPS):
            alpha = item.opacity * (1 - (k + 1) / (FADE_STEPS + 1))
            if fade_end:
                drawing.add(
                    Rect(
                        solid1 + k * step,
                        y,
                        step + 0.05,
                        BAR_H,
                        fillColor=fill,
                        fillOpacity=alpha,
                        strokeColor=None,
                    )
                )
            if fade_start:
                drawing.add(
                    Rect(
                        solid0 - (k + 1) * step,
                        y,
                        step + 0.05,
                        BAR_H,
                        fillColor=fill,
                        fillOpacity=alpha,
                        strokeColor=None,
                    )
                )

    def _lane_label(self, drawing, lane: Lane, lane_top: float, height: float) -> None:
        drawing.add(
            Rect(
                2,
                lane_top - LANE_PAD - 7.5,
                6,
                6,
                fillColor=HexColor(lane.colour),
                strokeColor=None,
            )
        )
        name = fit_text(self.faces, lane.name, GUTTER - 18, variant="bold", size=7.5)
        self._text(drawing, name, 11, lane_top - LANE_PAD - 7, "bold", 7.5, INK)
        count = len({item.event_id for item, _ in lane.items})
        if height >= 2 * ROW_H:
            self._text(
                drawing,
                f"{count} event{'s' if count != 1 else ''}",
                11,
                lane_top - LANE_PAD - 16,
                "regular",
                6.5,
                FAINT,
            )

    def _legend(self, drawing, width: float) -> None:
        y = 6.0
        x = 0.0
        fill = HexColor("#5f6b7a")
        samples = [
            ("diamond", 1.0, "dated event"),
            ("bar", 1.0, "span"),
            ("bar", 0.55, "approximate (drawn wider) or uncertain"),
            ("fade", 1.0, "ongoing"),
        ]
        for kind, alpha, text in samples:
            if kind == "diamond":
                drawing.add(
                    Polygon(
                        [x, y + 2.5, x + 3.1, y + 5.6, x + 6.2, y + 2.5, x + 3.1, y - 0.6],
                        fillColor=fill,
                        strokeColor=None,
                    )
                )
                x += 9
            else:
                length = 22.0
                if kind == "fade":
                    item = Item(0, 0, "", 0, 0, alpha, False, True, False)
                    self._span(drawing, x, x + length, y, fill, item, False, True)
                else:
                    drawing.add(
                        Rect(
                            x, y, length, BAR_H, fillColor=fill, fillOpacity=alpha, strokeColor=None
                        )
                    )
                x += length + 4
            x += self._text(drawing, text, x, y + 0.5, "regular", 6.8, MUTED) + 14
        if self.numbered:
            self._text(
                drawing,
                "Numbers are chronology entries.",
                width,
                y + 0.5,
                "italic",
                6.8,
                MUTED,
                anchor="end",
            )

    def _text(
        self,
        drawing,
        text: str,
        x: float,
        y: float,
        variant: str,
        size: float,
        colour: Color,
        anchor: str = "start",
    ) -> float:
        """Text with font fallback (in visual order) as one group of Strings; returns its width."""
        runs = line_runs(self.faces, text, variant, size)
        width = sum(w for _, _, w in runs)
        if anchor == "end":
            x -= width
        group = Group()
        for piece, font, w in runs:
            if font in FAKE_BOLD:
                string = _StrokedString(x, y, piece, fontName=font, fontSize=size)
                string.fillColor = string.strokeColor = colour
                string.strokeWidth = fake_bold_width(size)
                string.textRenderMode = 2
            else:
                string = String(x, y, piece, fontName=font, fontSize=size, fillColor=colour)
            group.add(string)
            x += w
        drawing.add(group)
        return width


class _StrokedString(String):
    """A String also stroked (synthetic bold): the renderer applies its stroke colour and width."""

    _attrMap = AttrMap(
        BASE=String,
        strokeColor=AttrMapValue(None, desc="stroke colour"),
        strokeWidth=AttrMapValue(None, desc="stroke width"),
    )


def _label_x(x0: float, x1: float, width: float, right: float) -> float:
    """Labels start at their mark; near the right edge they end at it instead."""
    if x0 + width <= right:
        return x0
    return max(GUTTER, min(x1, right) - width)
