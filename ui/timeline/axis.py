"""The time axis: which ticks and labels to show, from millennia down to minutes.

Two tiers: minor ticks (days, months, years, ...) labelled under major ones one step coarser
("2024" over its months, "Thu 14 Nov 2024" over its hours). Pure Python: the renderer only
draws what :func:`ticks` returns.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from models.dates import MONTH_ABBR

_DAY = 86400
_YEAR = 365.2425 * _DAY
_MONTH = _YEAR / 12

# (name, approximate seconds, step, minimum pixels between ticks, major unit)
UNITS = (
    ("minute", 60, 1, 40, "day"),
    ("minute", 300, 5, 40, "day"),
    ("minute", 900, 15, 40, "day"),
    ("minute", 1800, 30, 40, "day"),
    ("hour", 3600, 1, 40, "day"),
    ("hour", 3 * 3600, 3, 40, "day"),
    ("hour", 6 * 3600, 6, 40, "day"),
    ("hour", 12 * 3600, 12, 40, "day"),
    ("day", _DAY, 1, 24, "month"),
    ("day", 7 * _DAY, 7, 46, "month"),
    ("month", _MONTH, 1, 30, "year"),
    ("month", 3 * _MONTH, 3, 30, "year"),
    ("year", _YEAR, 1, 36, "decade"),
    ("year", 5 * _YEAR, 5, 36, "century"),
    ("year", 10 * _YEAR, 10, 36, "century"),
    ("year", 50 * _YEAR, 50, 40, "millennium"),
    ("year", 100 * _YEAR, 100, 40, "millennium"),
    ("year", 500 * _YEAR, 500, 40, "millennium"),
    ("year", 1000 * _YEAR, 1000, 40, "none"),
)


@dataclass(frozen=True)
class Tick:
    t: int
    label: str


@dataclass(frozen=True)
class Ticks:
    minor: list[Tick]
    major: list[Tick]
    unit: str  # name of the minor unit ("day", "month", ...), for the grid's weight


def choose(spp: float) -> tuple[str, int, str]:
    """The minor unit, step and major unit for ``spp`` seconds per pixel."""
    for name, seconds, step, min_px, major in UNITS:
        if seconds / spp >= min_px:
            return name, step, major
    name, _seconds, step, _px, major = UNITS[-1]
    return name, step, major


def ticks(t0: float, t1: float, spp: float) -> Ticks:
    """Minor and major ticks covering ``[t0, t1]`` (a little beyond, so labels can stick)."""
    name, step, major = choose(spp)
    minor = [Tick(t, _minor_label(t, name, step)) for t in _walk(t0, t1, name, step)]
    if major == "none":
        majors = []
    else:
        mname, mstep = _MAJOR[major]
        majors = [Tick(t, _major_label(t, major)) for t in _walk(t0, t1, mname, mstep, before=1)]
    return Ticks(minor, majors, name)


_MAJOR = {
    "day": ("day", 1),
    "month": ("month", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
    "millennium": ("year", 1000),
}

_FIRST_YEAR, _LAST_YEAR = 1, 9999


def _walk(t0: float, t1: float, unit: str, step: int, before: int = 0) -> list[int]:
    """Moments of every ``step`` ``unit`` from the one at or before ``t0`` to past ``t1``."""
    start = _utc(t0)
    if unit in ("minute", "hour", "day"):
        size = {"minute": 60, "hour": 3600, "day": _DAY}[unit] * step
        if unit == "day" and step == 7:  # weeks start on Monday
            first = calendar.timegm(start.date().timetuple()) - start.weekday() * _DAY
        else:
            first = int(t0 // size * size)
        first -= before * size
        out, t = [], first
        while t <= t1 + size and len(out) < 2000:
            out.append(t)
            t += size
        return [t for t in out if _in_range(t)]
    # months and years: calendar arithmetic
    if unit == "month":
        index = start.year * 12 + start.month - 1
        index -= index % step + before * step
        out = []
        while len(out) < 2000:
            year, month = divmod(index, 12)
            if year > _LAST_YEAR:
                break
            if year >= _FIRST_YEAR:
                t = calendar.timegm((year, month + 1, 1, 0, 0, 0))
                out.append(t)
                if t > t1:
                    break
            index += step
        return out
    year = start.year - start.year % step - before * step
    out = []
    while year <= _LAST_YEAR and len(out) < 2000:
        if year >= _FIRST_YEAR:
            t = calendar.timegm((year, 1, 1, 0, 0, 0))
            out.append(t)
            if t > t1:
                break
        year += step
    return out


_MIN_T = calendar.timegm((_FIRST_YEAR, 1, 1, 0, 0, 0))
_MAX_T = calendar.timegm((_LAST_YEAR, 12, 31, 23, 59, 59))


def _in_range(t: int) -> bool:
    return _MIN_T <= t <= _MAX_T


def _utc(t: float) -> dt.datetime:
    t = min(max(t, _MIN_T), _MAX_T)
    return dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(t // 1))


def _minor_label(t: int, unit: str, step: int) -> str:
    moment = _utc(t)
    if unit in ("minute", "hour"):
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if unit == "day":
        return str(moment.day) if step == 1 else f"{moment.day} {MONTH_ABBR[moment.month]}"
    if unit == "month":
        return MONTH_ABBR[moment.month]
    return str(moment.year)


def _major_label(t: int, unit: str) -> str:
    moment = _utc(t)
    if unit == "day":
        return f"{calendar.day_abbr[moment.weekday()]} {moment.day} {MONTH_ABBR[moment.month]} {moment.year}"
    if unit == "month":
        return f"{calendar.month_name[moment.month]} {moment.year}"
    if unit == "year":
        return str(moment.year)
    if unit == "decade":
        return f"{moment.year}s"
    if unit == "century":
        return f"{moment.year}–{moment.year + 99}"
    return f"{moment.year}–{moment.year + 999}"
