"""Time for the chart: events as drawable items, the window, page segments and axis ticks.

No drawing here; :mod:`briefings.chart` lays these out on pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from briefings.data import BriefingData
from models import dates, palette

PER_PAGE = 40  # events a chart page can label comfortably
MAX_PAGES = 12


@dataclass
class Item:
    event_id: int
    number: int
    title: str
    lo: int
    hi: int
    opacity: float
    open_start: bool
    open_end: bool
    point: bool  # a day or finer, not a span: drawn as a diamond


def items_of(data: BriefingData) -> list[Item]:
    out = []
    for event in data.events:
        when = data.whens[event.id]
        lo, hi = palette.drawn_bounds(when)
        point = not when.interval and when.precision in ("day", "minute", "second")
        out.append(
            Item(
                event.id,
                data.row_numbers[event.id],
                event.title,
                lo,
                hi,
                palette.opacity(when),
                when.open_start,
                when.open_end,
                point,
            )
        )
    return out


def window_of(
    data: BriefingData, items: list[Item], window: tuple[int | None, int | None]
) -> tuple[int, int]:
    """The chart's time window: the scope's, else the events' (with a little air)."""
    los = [i.lo for i in items if not i.open_start]
    his = [i.hi for i in items if not i.open_end] + [i.lo for i in items if i.open_end]
    start, end = window
    lo = start if start is not None else min(los or his or [0])
    hi = end if end is not None else max(his or los or [lo])
    if hi - lo < 86400:
        lo, hi = lo - 43200, hi + 43200
    air = (hi - lo) * 0.02
    if start is None:
        lo -= air
    if end is None:
        hi += air
    return int(lo), int(hi)


def segments(
    items: list[Item], lo: int, hi: int, per_page: int = PER_PAGE, max_pages: int = MAX_PAGES
) -> list[tuple[int, int]]:
    """Split ``[lo, hi]`` into pages holding about ``per_page`` event starts each."""
    count = len(items)
    pages = 1 if count <= per_page else min(max_pages, math.ceil(count / per_page))
    if pages == 1:
        return [(lo, hi)]
    starts = sorted(min(max(i.lo, lo), hi) for i in items)
    cuts = [lo]
    for k in range(1, pages):
        cut = day_floor(starts[k * count // pages])
        if cuts[-1] < cut < hi:
            cuts.append(cut)
    cuts.append(hi)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def day_floor(seconds: int) -> int:
    return seconds - seconds % 86400


# ---------------------------------------------------------------------------- ticks

_UNITS = [
    (1, "hour"),
    (3, "hour"),
    (6, "hour"),
    (12, "hour"),
    (1, "day"),
    (2, "day"),
    (7, "day"),
    (14, "day"),
    (1, "month"),
    (2, "month"),
    (3, "month"),
    (6, "month"),
    (1, "year"),
    (2, "year"),
    (5, "year"),
    (10, "year"),
    (25, "year"),
    (50, "year"),
    (100, "year"),
]
_SECONDS = {"hour": 3600, "day": 86400, "month": 30.44 * 86400, "year": 365.25 * 86400}


def moment_of(seconds: int) -> dt.datetime:
    return dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(seconds))


def _seconds(moment: dt.datetime) -> int:
    return calendar.timegm(moment.timetuple())


def ticks(lo: int, hi: int, width: float) -> list[tuple[int, str]]:
    """Tick positions and labels for an axis ``width`` points long."""
    target = max(2.0, width / 72.0)
    step, unit = next(
        ((s, u) for s, u in _UNITS if (hi - lo) / (s * _SECONDS[u]) <= target), _UNITS[-1]
    )
    first = moment_of(lo)
    if unit == "hour":
        moment = first.replace(minute=0, second=0, hour=first.hour - first.hour % step)
    elif unit == "day":
        moment = first.replace(hour=0, minute=0, second=0)
        if step == 7:
            moment -= dt.timedelta(days=moment.weekday())
    elif unit == "month":
        moment = dt.datetime(first.year, first.month - (first.month - 1) % step, 1)
    else:
        moment = dt.datetime(max(1, first.year - first.year % step), 1, 1)
    out = []
    previous = None
    while True:
        seconds = _seconds(moment)
        if seconds > hi:
            break
        if seconds >= lo:
            out.append((seconds, _label(moment, unit, previous)))
            previous = moment
        moment = _advance(moment, step, unit)
    return out


def _advance(moment: dt.datetime, step: int, unit: str) -> dt.datetime:
    if unit == "hour":
        return moment + dt.timedelta(hours=step)
    if unit == "day":
        return moment + dt.timedelta(days=step)
    if unit == "month":
        months = moment.month - 1 + step
        return dt.datetime(moment.year + months // 12, months % 12 + 1, 1)
    return dt.datetime(moment.year + step, 1, 1)


def _label(moment: dt.datetime, unit: str, previous: dt.datetime | None) -> str:
    month = dates.MONTH_ABBR[moment.month]
    if unit == "year":
        return str(moment.year)
    if unit == "month":
        new_year = previous is None or previous.year != moment.year
        return f"{month} {moment.year}" if new_year else month
    day = f"{moment.day} {month}"
    if previous is None or previous.year != moment.year:
        day += f" {moment.year}"
    if unit == "hour":
        return (
            f"{moment.hour:02d}:00"
            if previous and previous.day == moment.day
            else f"{day} {moment.hour:02d}:00"
        )
    return day


def span_text(lo: int, hi: int) -> str:
    a, b = moment_of(lo), moment_of(hi)
    return (
        f"{a.day} {dates.MONTH_ABBR[a.month]} {a.year} – "
        f"{b.day} {dates.MONTH_ABBR[b.month]} {b.year}"
    )
