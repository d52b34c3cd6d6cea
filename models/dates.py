"""The date model: an event's ``when`` in a small, documented subset of EDTF (ISO 8601-2).

Accepted forms (the same list is shown to users when they type something else)::

    2019                    a year
    2023-09                 a month
    2024-11-14              a day
    2024-11-14T06:30Z       a minute (or second) with a zone: Z, +02:00, -0500; no zone = as written
    2023-09~  2024?  2019%  qualifiers: ~ approximate, ? uncertain, % both
    2024-08-06/2024-11      an interval (each end has its own precision and qualifier)
    2024-08-06/..           open end (ongoing);  ../2024-11  open start
    2024-W46                an ISO week, stored as its day interval 2024-11-11/2024-11-17

Precision is never invented: ``2023-09`` is a month, not the first of September. From a
``When`` the store derives ``earliest`` and ``latest`` as integer UTC seconds since 1970
(inclusive bounds: a month runs from its first second to its last), which order and window
events and place them on the timeline. Approximate and uncertain dates keep their nominal
bounds; drawing them wider is the timeline's business.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from models.errors import InputError

__all__ = [
    "ACCEPTED_FORMS",
    "DateError",
    "OPEN_END",
    "OPEN_START",
    "Point",
    "When",
    "bounds",
    "human",
    "parse",
    "parse_loose",
]

ACCEPTED_FORMS = (
    "Use 2019, 2023-09, 2024-11-14 or 2024-11-14T06:30Z; add ~ (about), ? (uncertain) "
    "or % (both), e.g. 2023-09~; write a span as 2024-08-06/2024-11, an ongoing one as "
    "2024-08-06/.., a week as 2024-W46."
)

PRECISIONS = ("year", "month", "day", "minute", "second")
QUALIFIERS = ("", "~", "?", "%")

OPEN_START = calendar.timegm((1, 1, 1, 0, 0, 0))
OPEN_END = calendar.timegm((9999, 12, 31, 23, 59, 59))

MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_NAMES["sept"] = 9


class DateError(InputError, ValueError):
    """A ``when`` that is not in the accepted forms; the message says what to type instead."""


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date: a year, month, day or time, with an optional qualifier.

    ``tz`` is the UTC offset in minutes when a zone was written (0 for ``Z``) and ``None``
    when the time is as written, without a zone (it is then read as UTC for ordering).
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    tz: int | None = None
    qualifier: str = ""

    @property
    def precision(self) -> str:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        if self.hour is None:
            return "day"
        if self.second is None:
            return "minute"
        return "second"

    @property
    def approximate(self) -> bool:
        return self.qualifier in ("~", "%")

    @property
    def uncertain(self) -> bool:
        return self.qualifier in ("?", "%")

    def earliest(self) -> int:
        """First UTC second this point covers."""
        seconds = calendar.timegm(
            (
                self.year,
                self.month or 1,
                self.day or 1,
                self.hour or 0,
                self.minute or 0,
                self.second or 0,
            )
        )
        return seconds - (self.tz or 0) * 60

    def latest(self) -> int:
        """Last UTC second this point covers."""
        precision = self.precision
        if precision == "year":
            end = calendar.timegm((self.year, 12, 31, 23, 59, 59))
        elif precision == "month":
            last_day = calendar.monthrange(self.year, self.month)[1]
            end = calendar.timegm((self.year, self.month, last_day, 23, 59, 59))
        elif precision == "day":
            end = calendar.timegm((self.year, self.month, self.day, 23, 59, 59))
        elif precision == "minute":
            end = calendar.timegm((self.year, self.month, self.day, self.hour, self.minute, 59))
        else:
            end = calendar.timegm(
                (self.year, self.month, self.day, self.hour, self.minute, self.second)
            )
        return end - (self.tz or 0) * 60

    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
            if self.second is not None:
                text += f":{self.second:02d}"
            if self.tz is not None:
                text += _format_offset(self.tz)
        return text + self.qualifier

    def human(self, with_year: bool = True, with_month: bool = True) -> str:
        parts = []
        if self.day is not None:
            parts.append(str(self.day))
        if self.month is not None and with_month:
            parts.append(MONTH_ABBR[self.month])
        if with_year:
            parts.append(str(self.year))
        text = " ".join(parts)
        if self.hour is not None:
            clock = f"{self.hour:02d}:{self.minute:02d}"
            if self.second is not None:
                clock += f":{self.second:02d}"
            if self.tz == 0:
                clock += " UTC"
            elif self.tz is not None:
                clock += " UTC" + _format_offset(self.tz)
            text += ", " + clock
        return _qualify(text, self.qualifier)


@dataclass(frozen=True, slots=True)
class When:
    """A parsed ``when``: one point, or an interval whose ends may be open (``None``)."""

    start: Point | None
    end: Point | None = None
    interval: bool = False

    @property
    def earliest(self) -> int:
        return OPEN_START if self.start is None else self.start.earliest()

    @property
    def latest(self) -> int:
        if not self.interval:
            return self.start.latest()
        return OPEN_END if self.end is None else self.end.latest()

    @property
    def open_start(self) -> bool:
        return self.interval and self.start is None

    @property
    def open_end(self) -> bool:
        return self.interval and self.end is None

    @property
    def approximate(self) -> bool:
        return any(p is not None and p.approximate for p in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        return any(p is not None and p.uncertain for p in (self.start, self.end))

    @property
    def precision(self) -> str:
        """The coarsest precision of the known ends ("year" < "month" < ... < "second")."""
        points = [p for p in (self.start, self.end) if p is not None]
        return min((p.precision for p in points), key=PRECISIONS.index)

    def sort_key(self) -> tuple[int, int]:
        return (self.earliest, self.latest)

    def edtf(self) -> str:
        """The canonical text of this ``when`` (what the store keeps)."""
        if not self.interval:
            return self.start.edtf()
        left = ".." if self.start is None else self.start.edtf()
        right = ".." if self.end is None else self.end.edtf()
        return f"{left}/{right}"

    def human(self) -> str:
        """How people read it: ``Oct 2024``, ``c. Sep 2023``, ``11–17 Nov 2024``."""
        if not self.interval:
            return self.start.human()
        if self.end is None:
            return f"{self.start.human()} – ongoing"
        if self.start is None:
            return f"until {self.end.human()}"
        return _human_span(self.start, self.end)

    def __str__(self) -> str:
        return self.edtf()


# --------------------------------------------------------------------------- parsing

_POINT = re.compile(
    r"""^(?P<year>\d{4})
        (?:-(?P<month>\d{2})
          (?:-(?P<day>\d{2})
            (?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
               (?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?
            )?
          )?
        )?
        (?P<qualifier>[~?%])?$""",
    re.VERBOSE,
)
_WEEK = re.compile(r"^(?P<year>\d{4})-?W(?P<week>\d{2})(?P<qualifier>[~?%])?$", re.IGNORECASE)


def parse(text: str) -> When:
    """Parse a ``when`` in the accepted forms; raise :class:`DateError` with a helpful message."""
    if not isinstance(text, str):
        raise DateError(f"A date must be text, not {type(text).__name__}. {ACCEPTED_FORMS}")
    raw = text
    text = text.strip()
    if not text:
        raise DateError(f"The date is empty. {ACCEPTED_FORMS}")
    if "/" in text:
        left, sep, right = text.partition("/")
        if "/" in right:
            raise _error(raw, "it has more than one '/'")
        start = None if left.strip() == ".." else _parse_point(left.strip(), raw)
        end = None if right.strip() == ".." else _parse_point(right.strip(), raw)
        if start is None and end is None:
            raise _error(raw, "both ends are open")
        if start is not None and end is not None and start.earliest() > end.latest():
            raise _error(raw, "the end is before the start")
        return When(start, end, interval=True)
    week = _WEEK.match(text)
    if week:
        return _week(int(week["year"]), int(week["week"]), week["qualifier"] or "", raw)
    return When(_parse_point(text, raw))


def _parse_point(text: str, raw: str) -> Point:
    week = _WEEK.match(text)
    if week:
        raise _error(raw, "a week cannot be one end of a span; write the days instead")
    match = _POINT.match(text)
    if not match:
        raise _error(raw)
    year = int(match["year"])
    if year < 1:
        raise _error(raw, "year 0000 is not supported")
    month = _int(match["month"])
    day = _int(match["day"])
    hour = _int(match["hour"])
    minute = _int(match["minute"])
    second = _int(match["second"])
    if month is not None and not 1 <= month <= 12:
        raise _error(raw, f"there is no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise _error(raw, f"{MONTH_ABBR[month]} {year} has no day {day}")
    if hour is not None and not (hour <= 23 and minute <= 59 and (second or 0) <= 59):
        raise _error(raw, "the time is not a valid clock time")
    tz = _offset(match["tz"], raw) if match["tz"] else None
    return Point(year, month, day, hour, minute, second, tz, match["qualifier"] or "")


def _week(year: int, week: int, qualifier: str, raw: str) -> When:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise _error(raw, f"{year} has no ISO week {week}") from None
    sunday = monday + dt.timedelta(days=6)
    return When(
        Point(monday.year, monday.month, monday.day, qualifier=qualifier),
        Point(sunday.year, sunday.month, sunday.day, qualifier=qualifier),
        interval=True,
    )


def _offset(text: str, raw: str) -> int:
    if text == "Z":
        return 0
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise _error(raw, "the time zone offset is out of range")
    return sign * (hours * 60 + minutes)


def _format_offset(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _error(raw: str, reason: str = "") -> DateError:
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    message = f"'{shown}' is not a date Annalist understands"
    if reason:
        message += f": {reason}"
    message += "."
    suggestion = _suggest(raw)
    if suggestion:
        message += f" Did you mean {suggestion}?"
    return DateError(f"{message} {ACCEPTED_FORMS}")


def _suggest(raw: str) -> str | None:
    """The strict form of a date typed the way people write it (``14 Nov 2024``), if any."""
    try:
        return _loose(raw.strip()).edtf()
    except DateError:
        return None


# ------------------------------------------------------------- human dates (ACLED etc.)

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]+)\.?,?[\s\-]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_SLASHED_ISO = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def parse_loose(text: str) -> When:
    """Parse a date as people and data providers write it, as well as the strict forms.

    Accepts ``14 November 2024``, ``14-Nov-2024``, ``November 14, 2024``, ``Nov 2024``
    and ``2024/11/14`` besides everything :func:`parse` accepts. Ambiguous numeric forms
    (``03/04/2024``) are refused rather than guessed.
    """
    text = (text or "").strip()
    try:
        return _loose(text)
    except DateError:
        return parse(text)


def _loose(text: str) -> When:
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        return _day(int(match[3]), _month(match[2], text), int(match[1]), text)
    match = _MONTH_DAY_YEAR.match(text)
    if match:
        return _day(int(match[3]), _month(match[1], text), int(match[2]), text)
    match = _MONTH_YEAR.match(text)
    if match:
        return When(Point(int(match[2]), _month(match[1], text)))
    match = _SLASHED_ISO.match(text)
    if match:
        return _day(int(match[1]), int(match[2]), int(match[3]), text)
    raise DateError(f"'{text}' is not a date in a form Annalist reads. {ACCEPTED_FORMS}")


def _month(name: str, text: str) -> int:
    number = _MONTH_NAMES.get(name.lower().rstrip("."))
    if number is None:
        raise DateError(f"'{text}' is not a date Annalist understands. {ACCEPTED_FORMS}")
    return number


def _day(year: int, month: int, day: int, text: str) -> When:
    if not (year >= 1 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        raise DateError(f"'{text}' is not a real calendar date. {ACCEPTED_FORMS}")
    return When(Point(year, month, day))


# ---------------------------------------------------------------------- human display


def _qualify(text: str, qualifier: str) -> str:
    if qualifier == "~":
        return f"c. {text}"
    if qualifier == "?":
        return f"{text}?"
    if qualifier == "%":
        return f"c. {text}?"
    return text


def _human_span(start: Point, end: Point) -> str:
    plain = not start.qualifier and not end.qualifier and start.hour is None and end.hour is None
    if plain and start.year == end.year:
        same_month = start.month is not None and start.month == end.month
        if start.precision == end.precision == "day" and same_month:
            if start.day == end.day:
                return end.human()
            return f"{start.day}–{end.human()}"
        if start.precision == end.precision == "month":
            if start.month == end.month:
                return end.human()
            return f"{MONTH_ABBR[start.month]}–{end.human()}"
        if start.precision == "day":
            return f"{start.day} {MONTH_ABBR[start.month]} – {end.human()}"
        if start.precision == "month" and end.precision == "day":
            return f"{MONTH_ABBR[start.month]} – {end.human()}"
    if plain and start.precision == end.precision == "year":
        return f"{start.year}–{end.year}"
    return f"{start.human()} – {end.human()}"


def human(when: str) -> str:
    """Human rendering of a stored ``when`` text; the text itself if it does not parse."""
    try:
        return parse(when).human()
    except DateError:
        return when


def bounds(when: str) -> tuple[int, int]:
    """``(earliest, latest)`` UTC seconds for a ``when`` text (raises :class:`DateError`)."""
    parsed = parse(when)
    return parsed.earliest, parsed.latest


def to_iso(seconds: int) -> str:
    """UTC seconds as ``YYYY-MM-DDTHH:MM:SSZ`` (for exports and debugging)."""
    m = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"
