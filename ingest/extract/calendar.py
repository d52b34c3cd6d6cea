"""Calendar arithmetic and TIMEX3 value formatting for the temporal tagger.

Values follow TimeML TIMEX3 as used in TempEval-3: ``1998-08-07``, ``1998-W32``, ``1998-08``,
``1998-Q3``, ``1998-H1``, ``1998-SU``, ``1998`` (year), ``199`` (decade), ``19`` (century),
``1998-08-07TMO`` (part of day), ``1998-08-07T14:30`` (clock time).
"""

from __future__ import annotations

import datetime as dt
import re


def day_value(day: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def week_value(day: dt.date) -> str:
    """The ISO week that contains ``day``: ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``count`` months."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def add_years(day: dt.date, count: int) -> dt.date:
    try:
        return day.replace(year=day.year + count)
    except ValueError:  # 29 February
        return day.replace(year=day.year + count, day=28)


def shift(day: dt.date, count: int, unit: str) -> str | None:
    """The value of the ``unit``-sized period ``count`` units away from ``day``.

    ``shift(1998-08-07, -1, "week") == "1998-W31"``; the value has the unit's granularity.
    None when the period falls outside the years 1 to 9999 ("5000 years ago" is fine,
    "a billion days ago" is not a calendar date).
    """
    if abs(count) > 100_000:
        return None
    try:
        value = _shift(day, count, unit)
    except (OverflowError, ValueError):
        return None
    year = value.lstrip("-")[:4]
    if value.startswith("-") or (year.isdigit() and len(value) >= 4 and int(value[:4]) < 1):
        return None
    return value


def _shift(day: dt.date, count: int, unit: str) -> str:
    if unit == "day":
        return day_value(day + dt.timedelta(days=count))
    if unit == "week":
        return week_value(day + dt.timedelta(weeks=count))
    if unit == "fortnight":
        return week_value(day + dt.timedelta(weeks=2 * count))
    if unit == "weekend":
        return week_value(day + dt.timedelta(weeks=count)) + "-WE"
    if unit == "month":
        return month_value(*add_months(day.year, day.month, count))
    if unit == "quarter":
        index = day.year * 4 + quarter_of(day.month) - 1 + count
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = day.year * 2 + (day.month - 1) // 6 + count
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "year":
        return f"{day.year + count:04d}"
    if unit == "decade":
        return f"{(day.year // 10 + count):03d}"
    if unit == "century":
        return f"{(day.year // 100 + count):02d}"
    if unit in ("hour", "minute", "second"):
        # Without a clock time the day is the finest thing we know.
        seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * count
        return day_value(day + dt.timedelta(seconds=seconds))
    raise ValueError(f"unknown unit {unit!r}")


def weekday_near(reference: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) nearest ``reference`` in ``direction``.

    ``direction`` -1: on or before the reference; +1: on or after; the same weekday is the
    reference day itself (a report dated Friday that says "on Friday" means that day).
    """
    delta = weekday - reference.isoweekday()
    if direction < 0:
        if delta > 0:
            delta -= 7
    elif delta < 0:
        delta += 7
    return reference + dt.timedelta(days=delta)


def season_of(month: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        month, "FA"
    )


# Within a "season year" winter comes last: ``2024-WI`` is December 2024 to February 2025,
# as :mod:`ingest.extract.when` reads it.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def season_year(day: dt.date) -> tuple[int, str]:
    """The season a day falls in, with the year that season is named by."""
    if day.month in (1, 2):
        return day.year - 1, "WI"
    return day.year, season_of(day.month)


def season_shift(day: dt.date, season: str, direction: int) -> str:
    """``YYYY-SS`` for the named season: the current one (0), or the last (-1) or next (+1)
    one that is not the season ``day`` is in."""
    year, current = season_year(day)
    here = _SEASON_ORDER.index(current)
    there = _SEASON_ORDER.index(season)
    if direction < 0 and there >= here:
        year -= 1
    elif direction > 0 and there <= here:
        year += 1
    elif direction == 0 and season != "WI" and current == "WI" and day.month in (1, 2):
        year += 1  # "this spring" said in January is the spring ahead
    return f"{year:04d}-{season}"


_VALUE_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_VALUE_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_VALUE_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_VALUE_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_VALUE_YEAR = re.compile(r"^(\d{4})$")


def value_granularity(value: str) -> str | None:
    """The granularity of a date value: day, week, month, quarter, year; None otherwise."""
    if _VALUE_DAY.match(value):
        return "day"
    if _VALUE_WEEK.match(value):
        return "week"
    if _VALUE_MONTH.match(value):
        return "month"
    if _VALUE_QUARTER.match(value):
        return "quarter"
    if _VALUE_YEAR.match(value):
        return "year"
    return None


def value_to_date(value: str) -> dt.date | None:
    """A representative day inside a date value (its first day), or None."""
    match = _VALUE_DAY.match(value)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    match = _VALUE_WEEK.match(value)
    if match:
        try:
            return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
    match = _VALUE_MONTH.match(value)
    if match and 1 <= int(match[2]) <= 12:
        return dt.date(int(match[1]), int(match[2]), 1)
    match = _VALUE_QUARTER.match(value)
    if match and 1 <= int(match[2]) <= 4:
        return dt.date(int(match[1]), 3 * int(match[2]) - 2, 1)
    match = _VALUE_YEAR.match(value)
    if match and int(match[1]) >= 1:
        return dt.date(int(match[1]), 1, 1)
    return None


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
