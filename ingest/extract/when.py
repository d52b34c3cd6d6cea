"""TIMEX3 values as Annalist ``when`` texts (the EDTF subset of :mod:`models.dates`).

Mapping, chosen so that precision is never invented:

============================  =====================================================
TIMEX3 value                   when
============================  =====================================================
``2024-11-14``                 ``2024-11-14``
``2024-11-14T06:30`` (+ Z)     ``2024-11-14T06:30`` (``Z`` when the text said GMT/UTC)
``2024-11-14TMO`` etc.         ``2024-11-14`` (a part of the day is not a clock time)
``2024-11``, ``2024``          the same
``2024-W46``                   ``2024-11-11/2024-11-17`` (its days, as the store keeps weeks)
``2024-W46-WE``                ``2024-11-16/2024-11-17``
``2024-Q1``                    ``2024-01/2024-03``
``2024-H2``                    ``2024-07/2024-12``
``2024-SU`` (seasons)          ``2024-06~/2024-08~`` (northern meteorological seasons,
                               approximate; winter runs December to February)
``199`` (decade)               ``1990/1999``;  ``19`` (century) ``1900/1999``
mod START / MID / END          the first, middle or last third of the period, approximate:
                               early 2022 ``2022-01~/2022-04~``, mid-2022
                               ``2022-05~/2022-08~``, late 2022 ``2022-09~/2022-12~``;
                               early September ``2023-09-01~/2023-09-10~``
a range (6 to 9 August)        ``2024-08-06/2024-08-09``
PRESENT_REF, PAST_REF, XXXX…   no ``when`` (not a dated happening)
============================  =====================================================
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from models.dates import DateError, parse

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def to_when(value: str, mod: str = "", range_end: str | None = None) -> str | None:
    """The Annalist ``when`` for a TIMEX3 value, or None when it names no definite time."""
    if range_end:
        left = to_when(value)
        right = to_when(range_end)
        if left and right and "/" not in left and "/" not in right and "W" not in left + right:
            return _checked(f"{left}/{right}")
    when = _plain(value, mod)
    return _checked(when) if when else None


def _checked(when: str) -> str | None:
    try:
        return parse(when).edtf()
    except DateError:
        return None


def _plain(value: str, mod: str) -> str | None:
    zone = "Z" if mod == "Z" else ""
    if mod not in ("START", "MID", "END"):
        mod = ""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?(Z?)", value)
    if match:
        zone = zone or match[3]
        if match[2] == "24:00":
            return match[1]
        return f"{match[1]}T{match[2]}{zone}"
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)(?:T(?:MO|AF|EV|NI|MI|DT))?", value)
    if match:
        return match[1]
    match = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if match:
        year, month = int(match[1]), int(match[2])
        if mod:
            last = calendar.monthrange(year, month)[1]
            first_day, last_day = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}[mod]
            return f"{value}-{first_day:02d}~/{value}-{last_day:02d}~"
        return value
    match = re.fullmatch(r"(\d{4})", value)
    if match:
        if mod:
            first, last = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
            return f"{value}-{first:02d}~/{value}-{last:02d}~"
        return value
    match = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if match:
        if not match[3]:
            return value
        try:
            saturday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 6)
        except ValueError:
            return None
        sunday = saturday + dt.timedelta(days=1)
        return f"{saturday.isoformat()}/{sunday.isoformat()}"
    match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if match:
        year, quarter = match[1], int(match[2])
        return f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}"
    match = re.fullmatch(r"(\d{4})-H([12])", value)
    if match:
        return f"{match[1]}-01/{match[1]}-06" if match[2] == "1" else f"{match[1]}-07/{match[1]}-12"
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if match:
        year = int(match[1])
        first, last = _SEASON_MONTHS[match[2]]
        end_year = year + 1 if match[2] == "WI" else year
        return f"{year:04d}-{first:02d}~/{end_year:04d}-{last:02d}~"
    match = re.fullmatch(r"(\d{3})", value)
    if match:
        start = int(match[1]) * 10
        if mod:
            first, last = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}[mod]
            return f"{start + first:04d}~/{start + last:04d}~"
        return f"{start:04d}/{start + 9:04d}"
    match = re.fullmatch(r"(\d{2})", value)
    if match:
        start = int(match[1]) * 100
        if start < 1000:
            return None
        return f"{start:04d}/{start + 99:04d}"
    return None
