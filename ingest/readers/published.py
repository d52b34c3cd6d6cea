"""Publication dates: normalising what metadata says, and finding a dateline near the top.

Results are ``YYYY-MM-DD`` or an ISO 8601 datetime (``2024-11-14T06:30:00+00:00``); both
are accepted by :func:`models.dates.parse`. Nothing is invented: a date with no day is
not turned into the first of the month, and a dateline without a year gets its year from
a reference date with a warning saying so.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

# Month names as they appear in datelines, in the languages analysts read most often
# (genitive forms for Russian and Ukrainian: "14 ноября 2024").
_MONTHS_BY_LANGUAGE = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
}
MONTHS: dict[str, int] = {}
for _names in _MONTHS_BY_LANGUAGE.values():
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS.setdefault(_name, _number)
        if len(_name) > 3 and _name.isascii():
            MONTHS.setdefault(_name[:3], _number)
MONTHS.update({"sept": 9, "jän": 1, "mär": 3, "févr": 2, "avr": 4, "juil": 7, "déc": 12})

_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

# "14 November 2024", "November 14, 2024", "Nov. 14 2024", "2024-11-14"
_DATE_PATTERNS = [
    re.compile(_WEEKDAY + _DAY + r"\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# Wire-service datelines, mostly without a year: "KYIV, Nov 14 (Reuters) -", "PARIS, 14 nov
# (AFP) -", "GAZA/CAIRO, March 3, 2025 (AP) —"
_WIRE_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w .'’/-]{1,40},\s+(?:"
    + _MONTH.replace("?P<month>", "?P<month>")
    + r"\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+"
    + _MONTH.replace("?P<month>", "?P<month2>")
    + r")(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*\(",
    re.I,
)
_DASHES = "-–—‒―"


def from_metadata(value: str | None) -> str | None:
    """Normalise a date from document metadata to ``YYYY-MM-DD`` or an ISO datetime.

    Accepts ISO 8601 variants (``2024-11-14``, ``2024-11-14T06:30:00.000+0000``,
    ``2024-11-14 06:30``), compact ``20241114``, RFC 2822 mail dates, PDF dates
    (``D:20241114063000+02'00'``) and written dates (``14 November 2024``).
    Returns None when the value is not a plausible full date.
    """
    if not value:
        return None
    value = str(value).strip()
    if value.startswith("D:"):
        return _pdf_date(value[2:])
    match = re.match(
        r"(\d{4})-?(\d\d)-?(\d\d)(?:[T ](\d\d):?(\d\d)(?::?(\d\d)(?:[.,]\d+)?)?\s*"
        r"(Z|[+-]\d\d:?\d\d|[+-]\d\d)?)?$",
        value,
        re.I,
    )
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        if not _valid(int(year), int(month), int(day)):
            return None
        if hour is None:
            return f"{year}-{month}-{day}"
        return _iso(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), zone)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None and 1900 < parsed.year < 2200:
        return parsed.isoformat()
    found = find_date(value)
    return found


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 < year < 2200


def _iso(year, month, day, hour, minute, second, zone) -> str | None:
    if not _valid(year, month, day) or hour > 23 or minute > 59 or second > 60:
        return None
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{min(second, 59):02d}"
    if zone:
        zone = zone.upper()
        if zone == "Z":
            return text + "+00:00"
        digits = zone[1:].replace(":", "")
        digits = digits + "00" if len(digits) == 2 else digits
        return f"{text}{zone[0]}{digits[:2]}:{digits[2:4]}"
    return text


def _pdf_date(value: str) -> str | None:
    match = re.match(r"(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?", value)
    if not match or not match.group(3):
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        return f"{year}-{month}-{day}" if _valid(int(year), int(month), int(day)) else None
    zone = zone.replace("'", "") if zone else None
    return _iso(
        int(year), int(month), int(day), int(hour), int(minute or 0), int(second or 0), zone
    )


def find_date(text: str) -> str | None:
    """The first full written date in ``text`` as ``YYYY-MM-DD``, or None."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _match_to_iso(match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
                break
    return best[1] if best else None


def _match_to_iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    year, day = int(groups["year"]), int(groups["day"])
    month = (
        int(groups["nmonth"])
        if groups.get("nmonth")
        else MONTHS.get(groups["month"].lower().rstrip("."))
    )
    if not month or not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dateline(
    text: str, reference: dt.date | None = None, reference_name: str = "the file's date"
) -> tuple[str | None, list[str]]:
    """A publication date from the top of an article, with warnings; (None, []) if none.

    Looks at the first few paragraphs only. Recognises a date standing alone or opening a
    paragraph before a dash ("14 November 2024 —", "Published 14 Nov 2024 10:31 GMT",
    "Updated November 14, 2024"), and wire datelines ("KYIV, Nov 14 (Reuters) -"), whose
    missing year is taken from ``reference`` (the file's date) with a warning.
    """
    paragraphs = [p.strip() for p in text[:3000].split("\n\n") if p.strip()][:6]
    for paragraph in paragraphs:
        head = paragraph[:160]
        if len(paragraph) <= 120:
            found = _lead_date(paragraph, whole=True)
            if found:
                return found, []
        found = _lead_date(head, whole=False)
        if found:
            return found, []
        wire = _WIRE_DATELINE.match(head)
        if wire:
            return _wire_date(wire, reference, reference_name)
    return None, []


_LEAD_WORDS = re.compile(
    r"^(?:(?:published|posted|updated|first published|last updated|date|dated|on|"
    r"опубликовано|опубліковано|publié le|veröffentlicht am)[:\s]+)?",
    re.I,
)


_LEAD_TIME = re.compile(r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?,?\s*)?", re.I)


def _lead_date(text: str, whole: bool) -> str | None:
    """A date at the very start of ``text``; ``whole`` allows a short line that is all date."""
    rest = text[_LEAD_WORDS.match(text).end() :]
    rest = rest[_LEAD_TIME.match(rest).end() :]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(rest)
        if not match:
            continue
        tail = rest[match.end() :].lstrip(" ,")
        if whole and (not tail or re.match(r"^(?:at\s+)?\d{1,2}[:.]\d\d|^[|•·]", tail, re.I)):
            return _match_to_iso(match)
        if tail[:1] in _DASHES or tail.startswith(("(", "/")):
            return _match_to_iso(match)
    return None


def _wire_date(
    match: re.Match, reference: dt.date | None, reference_name: str
) -> tuple[str | None, list[str]]:
    month_name = match.group("month") or match.group("month2")
    day = int(match.group("day") or match.group("day2"))
    month = MONTHS.get(month_name.lower().rstrip("."))
    if not month:
        return None, []
    if match.group("year"):
        year = int(match.group("year"))
        return (f"{year:04d}-{month:02d}-{day:02d}", []) if _valid(year, month, day) else (None, [])
    reference = reference or dt.date.today()
    year = reference.year
    if not _valid(year, month, day):
        return None, []
    if dt.date(year, month, day) > reference + dt.timedelta(days=1):
        year -= 1
        if not _valid(year, month, day):
            return None, []
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    warning = (
        f"The dateline gives no year, so {year} was assumed from {reference_name}; "
        f"check the publication date."
    )
    return iso, [warning]
