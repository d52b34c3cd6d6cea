"""Moving a date by dragging it: the move snaps to the date's own precision.

Pure Python over :mod:`models.dates`: "2023-09" dragged by 40 days becomes "2023-10", never
"2023-10-11"; a dragged date keeps its precision, qualifiers, time zone and open ends.
"""

from __future__ import annotations

import calendar
import datetime as dt

from models import dates

UNIT_SECONDS = {
    "year": 365.2425 * 86400,
    "month": 30.436875 * 86400,
    "day": 86400.0,
    "minute": 60.0,
    "second": 1.0,
}
_OUT_OF_RANGE = "The date cannot be moved that far; years run from 1 to 9999."


def snap_steps(when: dates.When, seconds: float) -> tuple[str, int]:
    """The unit a drag of ``seconds`` moves ``when`` by (its coarsest precision) and how many."""
    unit = when.precision
    return unit, int(round(seconds / UNIT_SECONDS[unit]))


def shift_when(text: str, seconds: float) -> str | None:
    """``text`` moved by about ``seconds``, snapped to its precision; None if it does not move.

    An interval moves both ends by whole units of its coarsest end ("2024-08-06/2024-11" by
    one month is "2024-09-06/2024-12"). Raises DateError if the result leaves years 1-9999.
    """
    when = dates.parse(text)
    unit, steps = snap_steps(when, seconds)
    if steps == 0:
        return None
    start = _shift_point(when.start, unit, steps) if when.start else None
    end = _shift_point(when.end, unit, steps) if when.end else None
    return dates.When(start, end, when.interval).edtf()


def _shift_point(point: dates.Point, unit: str, steps: int) -> dates.Point:
    year, month, day = point.year, point.month, point.day
    hour, minute, second = point.hour, point.minute, point.second
    if unit in ("year", "month"):
        index = year * 12 + (month or 1) - 1 + (steps * 12 if unit == "year" else steps)
        year, zero_month = divmod(index, 12)
        if not 1 <= year <= 9999:
            raise dates.DateError(_OUT_OF_RANGE)
        if month is not None:
            month = zero_month + 1
        if day is not None:
            day = min(day, calendar.monthrange(year, month)[1])
    else:
        moment = dt.datetime(year, month, day, hour or 0, minute or 0, second or 0)
        size = {"day": dt.timedelta(days=1), "minute": dt.timedelta(minutes=1)}.get(
            unit, dt.timedelta(seconds=1)
        )
        try:
            moment += size * steps
        except OverflowError:
            raise dates.DateError(_OUT_OF_RANGE) from None
        year, month, day = moment.year, moment.month, moment.day
        if hour is not None:
            hour, minute = moment.hour, moment.minute
            second = moment.second if second is not None else None
    return dates.Point(year, month, day, hour, minute, second, point.tz, point.qualifier)
