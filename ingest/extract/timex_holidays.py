"""Holidays with a fixed or computable date: "Christmas Day", "Easter", "Thanksgiving".

Movable feasts are computed (Western and Orthodox Easter by the usual computus, US
Thanksgiving as the fourth Thursday of November). Holidays that follow the lunar calendar
(Ramadan, Eid) or differ by country ("Independence Day") are left alone: their date cannot
be told from the name.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import calendar as cal
from ingest.extract.timex_patterns import YEAR, S
from ingest.extract.timex_rules import in_a_name, rule, whole

_FIXED = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "orthodox christmas": (1, 7),
    "valentine's day": (2, 14),
    "may day": (5, 1),
    "victory day": (5, 9),
    "bastille day": (7, 14),
    "halloween": (10, 31),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
    "veterans day": (11, 11),
}


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741  (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Julian computus, as a Gregorian date)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month = (d + e + 114) // 31
    day = (d + e + 114) % 31 + 1
    julian = dt.date(year, month, day)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` -1: the last)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


_MOVABLE = {
    "easter": lambda y: easter(y),
    "easter sunday": lambda y: easter(y),
    "easter day": lambda y: easter(y),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "orthodox easter": lambda y: orthodox_easter(y),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "shrove tuesday": lambda y: easter(y) - dt.timedelta(days=47),
    "maundy thursday": lambda y: easter(y) - dt.timedelta(days=3),
    "holy saturday": lambda y: easter(y) - dt.timedelta(days=1),
    "black friday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=4),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
}

_NAMES = (
    r"Christmas(?:\s++(?:Eve|Day))?|New\s++Year['’]s\s++(?:Eve|Day)|Orthodox\s++(?:Christmas|Easter)"
    r"|Boxing\s++Day|Valentine['’]s\s++Day|May\s++Day|Victory\s++Day|Bastille\s++Day|Halloween"
    r"|Armistice\s++Day|Remembrance\s++Day|Veterans['’]?\s++Day|Easter(?:\s++(?:Sunday|Day|Monday))?"
    r"|Good\s++Friday|Palm\s++Sunday|Thanksgiving(?:\s++Day)?|Memorial\s++Day|Labor\s++Day"
    r"|Ash\s++Wednesday|Shrove\s++Tuesday|Maundy\s++Thursday|Holy\s++Saturday|Black\s++Friday"
    r"|Cyber\s++Monday|(?P<named>Black\s++Monday|Black\s++Tuesday|Black\s++Thursday"
    r"|Bloody\s++Sunday|Super\s++Tuesday)"
)


def _date(name: str, year: int) -> dt.date | None:
    if name in _FIXED:
        return cal.valid_day(year, *_FIXED[name])
    return _MOVABLE[name](year) if 1 <= year <= 9998 else None


@rule("holiday", rf"(?P<w>{_NAMES})(?![\w-])(?:,?{S}(?P<y>{YEAR}))?")
def holiday(match, ctx):
    """A holiday: the one of the year named, else the nearest one the tense points to."""
    name = " ".join(match["w"].lower().replace("’", "'").replace("veterans'", "veterans").split())
    if name == "may day" and not re.match(r"May\s++Day", match["w"]):
        return None
    if in_a_name(ctx, match.start(), match.end()):
        return None  # "the Good Friday Agreement"
    if match["named"]:
        # A day remembered by name ("Black Monday", "Bloody Sunday"): which one, the name
        # alone does not say.
        return whole(match, "DATE", f"{match['y']}-XX-XX" if match["y"] else "XXXX-XX-XX")
    if match["y"]:
        day = _date(name, int(match["y"]))
        return None if day is None else whole(match, "DATE", cal.day_value(day), absolute=True)
    year = ctx.year
    if year is None:
        if name in _FIXED:
            month, number = _FIXED[name]
            return whole(match, "DATE", f"XXXX-{month:02d}-{number:02d}")
        return whole(match, "DATE", "XXXX-XX-XX")
    anchor = ctx.anchor
    day = _date(name, year)
    if anchor is not None and day is not None:
        tense = ctx.tense(match.start(), match.end())
        if tense < 0 and day > anchor:
            day = _date(name, year - 1)
        elif tense > 0 and day < anchor:
            day = _date(name, year + 1)
    return None if day is None else whole(match, "DATE", cal.day_value(day))
