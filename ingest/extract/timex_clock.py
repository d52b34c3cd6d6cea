"""Rules for clock times: "10 p.m. Wednesday", "0630 GMT", "noon Saturday"."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import calendar as cal
from ingest.extract.lexicon import NUMBER_WORDS, WEEKDAYS
from ingest.extract.timex_patterns import AMPM, DAY, MONTH, TIME_ZONE, WEEKDAY, YEAR, S
from ingest.extract.timex_rules import (
    Part,
    month_number,
    resolve_day,
    resolve_weekday,
    rule,
    whole,
)


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


# ----------------------------------------------------------------------- clock times


def _clock(hour: int, minute: int, ampm: str | None) -> tuple[int, int] | None:
    if ampm:
        ampm = ampm.lower()
        if not 1 <= hour <= 12:
            return None
        if ampm.startswith("p") and hour != 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    return hour, minute


_DAY_AFTER_TIME = rf"(?:,?{S}(?:on{S})?(?:(?P<wd>{WEEKDAY})|(?P<deictic>today|yesterday|tomorrow)|(?P<mo>{MONTH}){S}(?P<d>{DAY})(?:,?{S}(?P<ty>{YEAR}))?))?"


def _clock_parts(match, value: str) -> list:
    """The clock time, and the day after it tagged on its own when "on" joins them ("at 9am
    on Tuesday" is two expressions, as news is annotated; "10 p.m. Thursday" is one)."""
    groups = [g for g in ("wd", "mo") if match[g]]
    if groups:
        day_start = match.start(groups[0])
        joint = re.search(r",?\s+on\s+$", match.string[match.start() : day_start])
        if joint:
            clock_end = match.start() + joint.start()
            return [
                Part(match.start(), clock_end, "TIME", value),
                Part(day_start, match.end(), "DATE", value[:10]),
            ]
    return whole(match, "TIME", value)


def _time_value(match, ctx, hour, minute):
    day = _day_of(match, ctx)
    return None if day is None else _at(day, hour, minute)


def _at(day: str, hour: int, minute: int) -> str:
    """``day`` (``YYYY-MM-DD``) at that hour, as a TIMEX3 value."""
    return f"{day}T24:00" if hour == 24 else f"{day}T{hour:02d}:{minute:02d}"


def _day_of(match, ctx) -> str | None:
    """The day a time of day is on: the one named after it, else the day last spoken of."""
    if match["wd"]:
        day = resolve_weekday(ctx, ctx_weekday(match["wd"]), match.start(), match.end())
    elif match["deictic"]:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["deictic"].lower()]
        anchor = ctx.anchor
        day = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor + dt.timedelta(days=offset))
    elif match["mo"]:
        month = month_number(match["mo"])
        if match["ty"]:
            found = cal.valid_day(int(match["ty"]), month, _day_number(match["d"]))
            return cal.day_value(found) if found else None
        day = resolve_day(ctx, month, _day_number(match["d"]), match.start(), match.end())
        if day is None:
            return None
    else:
        # "at 11:15 a.m. local time (0915 GMT) on Sunday": the day after an aside.
        later = _DAY_AFTER_ASIDE.match(ctx.text, match.end())
        if later:
            return resolve_weekday(ctx, ctx_weekday(later["wd"]), match.start(), later.end())
        dated = _DATE_AFTER.match(ctx.text, match.end())
        if dated:
            # "At 1120 UTC on 29 SEP 2025": the date that follows, tagged on its own.
            month = month_number(dated["mo"] or dated["mo2"])
            number, year = _day_number(dated["d"] or dated["d2"]), dated["y"] or dated["y2"]
            if year:
                found = cal.valid_day(int(year), month, number)
                return cal.day_value(found) if found else None
            return resolve_day(ctx, month, number, match.start(), dated.end())
        # "14:20 GMT - UN chief urges restraint": a live blog's stamp is on the page's day.
        stamp = _LINE_START.search(ctx.text, max(0, match.start() - 3), match.start())
        # "The meeting began at 10:04 a.m.": a reported session's hours are on the day of
        # the report, whatever day the text named last.
        session = _SESSION_BEFORE.search(ctx.text, max(0, match.start() - 60), match.start())
        anchor = ctx.dct if (stamp or session) and ctx.dct else ctx.anaphor
        day = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor)
    return day


_DAY_AFTER_ASIDE = re.compile(
    rf"\)?[^\S\n]*+(?:\([^()\n]{{1,30}}\)[^\S\n]*+)?,?[^\S\n]*+on{S}(?P<wd>{WEEKDAY})(?![\w])",
    re.IGNORECASE,
)


_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_SESSION_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]oday's)\s+(?:meeting|session|sitting|briefing|hearing|debate)\s+"
    r"(?:began|started|opened|ended|closed|adjourned|was\s+adjourned|resumed)\s+at\s+(?:about\s+)?$"
)
_DATE_AFTER = re.compile(
    rf"[^\S\n]*+,?[^\S\n]*+(?:on{S}(?P<d>{DAY}){S}(?:of{S})?(?P<mo>{MONTH})(?:,?{S}(?P<y>{YEAR}))?"
    # "6:42 PM GMT+3, October 13, 2025": a page's time stamp, the date after it
    rf"|(?P<mo2>{MONTH}){S}(?P<d2>{DAY}),?{S}(?P<y2>{YEAR}))",
    re.IGNORECASE,
)


def ctx_weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


@rule(
    "clock_ampm",
    rf"(?:(?P<mod>about|around|approximately|shortly{S}(?:before|after)|just{S}(?:before|after)){S})?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*+(?P<ampm>{AMPM})(?:{S}(?P<tz>{TIME_ZONE}))?{_DAY_AFTER_TIME}",
    priority=2,
)
def clock_ampm(match, ctx):
    clock = _clock(int(match["h"]), int(match["mi"] or 0), match["ampm"])
    if clock is None:
        return None
    value = _time_value(match, ctx, *clock)
    if value is not None and match["tz"] and _UTC.fullmatch(match["tz"]):
        value += "Z"
    return None if value is None else _clock_parts(match, value)


@rule(
    "clock_24",
    rf"(?P<h>[0-2]?\d)[:.]?(?P<mi>[0-5]\d)(?::[0-5]\d)?\s*+(?:h(?:rs)?\s*+)?(?P<tz>{TIME_ZONE}|hrs|hours)(?![\w]){_DAY_AFTER_TIME}",
    priority=2,
)
def clock_24(match, ctx):
    if match["tz"].lower() == "hours" and ":" not in match.group():
        return None
    clock = _clock(int(match["h"]), int(match["mi"]), None)
    if clock is None:
        return None
    value = _time_value(match, ctx, *clock)
    if value is None:
        return None
    if _UTC.fullmatch(match["tz"]):
        value += "Z"
    parts = _clock_parts(match, value)
    if _UTC.fullmatch(match["tz"]):
        parts[0].mod = "Z"
    return parts


_UTC = re.compile(r"GMT|UTC|Z", re.IGNORECASE)
_HOUR_WORDS = "|".join(sorted((w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12), key=len)[::-1])


@rule(
    "oclock",
    rf"(?P<h>{_HOUR_WORDS}|1[0-2]|[1-9])(?=\s++(?:o['’]clock|in\s++the\s++(?:morning|afternoon|evening)))(?P<oc>{S}o['’]clock)?(?:{S}in{S}the{S}(?P<part>morning|afternoon|evening))?{_DAY_AFTER_TIME}(?![\w-])",
    priority=1,
)
def oclock(match, ctx):
    """ "seven o'clock in the morning", "at six in the evening": a clock time in words."""
    if not match["oc"] and not (
        match["part"]
        and re.search(
            r"\b(?:at|until|till|by|from)\s+$", ctx.text[max(0, match.start() - 8) : match.start()]
        )
    ):
        return None
    word = match["h"].lower()
    hour = int(word) if word.isdigit() else NUMBER_WORDS[word]
    if match["part"] in ("afternoon", "evening") and hour != 12:
        hour += 12
    elif match["part"] == "morning" and hour == 12:
        hour = 0
    value = _time_value(match, ctx, hour, 0)
    return None if value is None else whole(match, "TIME", value)


@rule(
    "stamp_clock",
    r"(?<![^\n])[ \t]*+(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?=[ \t]*+(?:\n|[-–—|]\s))",
    priority=1,
)
def stamp_clock(match, ctx):
    """ "18:40" alone at the head of a live blog's entry: a time on the page's day."""
    clock = _clock(int(match["h"]), int(match["mi"]), None)
    day = ctx.dct or ctx.anaphor
    if clock is None or day is None:
        return None
    return [Part(match.start("h"), match.end(), "TIME", _at(cal.day_value(day), *clock))]


@rule(
    "clock_dotted",
    rf"(?<=\bat\s)(?:(?P<mod>about|around|approximately){S})?(?P<h>[0-2]?\d)[.:](?P<mi>[0-5]\d)(?!\d|[.:]\d|(?<=\.\d\d)[,.]|\s*+(?:%|per|{AMPM}|{TIME_ZONE}|h\b|hrs\b)){_DAY_AFTER_TIME}(?![\w])",
    priority=1,
)
def clock_dotted(match, ctx):
    """ "at about 22.30 on Friday", "at 10.45": a 24-hour clock without a zone."""
    clock = _clock(int(match["h"]), int(match["mi"]), None)
    if clock is None:
        return None
    value = _time_value(match, ctx, *clock)
    return None if value is None else whole(match, "TIME", value)


@rule(
    "stamp_date_clock",
    rf"(?P<wd0>{WEEKDAY}|(?:mon|tue|wed|thu|fri|sat|sun)),?{S}(?P<d>{DAY}){S}(?P<mo>{MONTH}){S}(?P<y>{YEAR}),?{S}(?P<h>[0-2]?\d)[.:](?P<mi>[0-5]\d)(?:\s*+(?P<ampm>{AMPM}))?(?:{S}(?P<tz>{TIME_ZONE}))?(?![\w:]|\.\d)",
    priority=3,
)
def stamp_date_clock(match, ctx):
    """ "Sat 24 May 2025 16.05 BST": a page's time stamp, one TIME (without the weekday,
    "15 December 2025 14:20" is read as a date and a time)."""
    day = cal.valid_day(int(match["y"]), month_number(match["mo"]), _day_number(match["d"]))
    clock = _clock(int(match["h"]), int(match["mi"]), match["ampm"])
    if day is None or clock is None:
        return None
    value = _at(cal.day_value(day), *clock)
    if match["tz"] and _UTC.fullmatch(match["tz"]):
        value += "Z"
    return whole(match, "TIME", value)


@rule(
    "clock_word",
    rf"(?:(?P<mod>about|around|shortly{S}(?:before|after)|just{S}(?:before|after)){S})?(?P<w>noon|midnight|midday){_DAY_AFTER_TIME}",
    priority=1,
)
def clock_word(match, ctx):
    if re.search(r"\bhigh\s+$", ctx.text[max(0, match.start() - 6) : match.start()], re.I):
        return None  # "High Noon", "high noon for Poland": an idiom
    hour = 24 if match["w"].lower() == "midnight" else 12
    value = _time_value(match, ctx, hour, 0)
    return None if value is None else whole(match, "TIME", value)


_TWILIGHT_BEFORE = re.compile(r"\b(?:at|before|after|around|by|until|till|from|since)\s+$", re.I)
_TWILIGHT = {
    "dawn": "MO",
    "daybreak": "MO",
    "sunrise": "MO",
    "dusk": "EV",
    "sunset": "EV",
    "nightfall": "NI",
}


@rule(
    "twilight",
    rf"(?P<w>dawn|daybreak|sunrise|dusk|sunset|nightfall){_DAY_AFTER_TIME}(?![\w-])",
    priority=1,
)
def twilight(match, ctx):
    """ "at dawn on Friday", "before dusk": that part of the day (TimeML ``TMO``, ``TEV``)."""
    if not _TWILIGHT_BEFORE.search(ctx.text, max(0, match.start() - 8), match.start()):
        return None  # "Dawn broke", "a dawn raid": not a time of its own
    day = _day_of(match, ctx)
    if day is None:
        return None
    return whole(match, "TIME", f"{day}T{_TWILIGHT[match['w'].lower()]}")
