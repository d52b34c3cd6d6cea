"""Days whose year is named elsewhere: "November 27 last year", "between 17 May and 5 June
1999" (the year written once dates both days); nights across two days ("the night of 3/4
January", "overnight into Sunday")."""

from __future__ import annotations

import datetime as dt

from ingest.extract import calendar as cal
from ingest.extract.lexicon import WEEKDAYS
from ingest.extract.timex_grammar import _RANGE_SEP, _day_number
from ingest.extract.timex_patterns import DAY, MONTH, WEEKDAY, S
from ingest.extract.timex_rules import (
    ANY_YEAR,
    Part,
    capitalised,
    month_number,
    resolve_day,
    resolve_weekday,
    rule,
    whole,
    year_of,
)


@rule(
    "day_relative_year",
    rf"(?:(?P<mo>{MONTH}){S}(?P<d>{DAY})|(?P<d2>{DAY}){S}(?:of{S})?(?P<mo2>{MONTH})),?{S}"
    rf"(?P<rel>last|this|next){S}year",
    priority=4,
)
def day_relative_year(match, ctx):
    """ "November 27 last year", "3 March this year": that day of the year named."""
    month = month_number(match["mo"] or match["mo2"])
    if month is None or not capitalised(match["mo"] or match["mo2"]):
        return None
    day = int(match["d"] or match["d2"])
    anchor = ctx.anchor
    if anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    found = cal.valid_day(anchor.year + shift, month, day)
    return None if found is None else whole(match, "DATE", cal.day_value(found), absolute=True)


@rule(
    "day_month_range_months",
    rf"(?P<d1>{DAY}){S}(?P<mo1>{MONTH})(?P<sep>{_RANGE_SEP})(?P<d2>{DAY}){S}(?P<mo2>{MONTH}),?{S}"
    rf"(?P<y>{ANY_YEAR})",
    priority=5,
)
def day_month_range_months(match, ctx):
    """ "between 17 May and 5 June 1999": the year written once dates both days."""
    first_month, last_month = month_number(match["mo1"]), month_number(match["mo2"])
    year = year_of(match["y"])
    if first_month is None or last_month is None or year is None:
        return None
    if not (capitalised(match["mo1"]) and capitalised(match["mo2"])):
        return None
    start_day = cal.valid_day(year, first_month, _day_number(match["d1"]))
    end_day = cal.valid_day(year, last_month, _day_number(match["d2"]))
    if start_day is None or end_day is None or not start_day < end_day:
        return None
    start_value, end_value = cal.day_value(start_day), cal.day_value(end_day)
    return [
        Part(
            match.start(), match.end("mo1"), "DATE", start_value, range_end=end_value, absolute=True
        ),  # fmt: skip
        Part(match.start("d2"), match.end(), "DATE", end_value, range_part=True, absolute=True),
    ]


_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@rule(
    "night_of_days",
    rf"the{S}(?P<part>morning|afternoon|evening|night){S}of{S}(?:(?P<d1>{DAY})"
    rf"(?:[^\S\n]*+(?:/|-|–|to|into)[^\S\n]*+(?P<d2>{DAY}))?{S}(?:of{S})?(?P<mo>{MONTH})"
    rf"|(?P<mo2>{MONTH}){S}(?P<d3>{DAY})(?![^\S\n]*+[-–/][^\S\n]*+\d))"
    rf"(?:,?{S}(?P<y>{ANY_YEAR}))?",
    priority=4,
)
def night_of_days(match, ctx):
    """ "the night of 3/4 January": the night that began on the first day (``TNI``); "the
    morning of 11 April" (``TMO``)."""
    written = match["mo"] or match["mo2"]
    month = month_number(written)
    if month is None or not capitalised(written):
        return None
    number = _day_number(match["d1"] or match["d3"])
    if match["y"]:
        found = cal.valid_day(year_of(match["y"]), month, number)
        value = None if found is None else cal.day_value(found)
    else:
        value = resolve_day(ctx, month, number, match.start(), match.end())
    if value is None:
        return None
    if match["d2"] and not value.startswith("X"):
        # "the night of 12-13 November": two days, each a date, as "Nov. 20-21" is
        first = dt.date.fromisoformat(value)
        second = first + dt.timedelta(days=1)
        if second.day != _day_number(match["d2"]):
            return None
        last = cal.day_value(second)
        return [
            Part(match.start("d1"), match.end("d1"), "DATE", value, range_end=last),
            Part(match.start("d2"), match.end(), "DATE", last, range_part=True),
        ]
    part = _PARTS[match["part"].lower()]
    return whole(match, "TIME", f"{value}T{part}")


@rule("overnight_into", rf"overnight{S}(?:into|to){S}(?P<wd>{WEEKDAY})(?![\w])", priority=4)
def overnight_into(match, ctx):
    """ "overnight into Sunday": the night before that Sunday (``TNI``)."""
    if not capitalised(match["wd"]):
        return None
    value = resolve_weekday(ctx, WEEKDAYS[match["wd"].lower().rstrip(".")], *match.span())
    if value.startswith("X"):
        return whole(match, "TIME", "XXXX-XX-XXTNI")
    night = dt.date.fromisoformat(value) - dt.timedelta(days=1)
    return whole(match, "TIME", f"{cal.day_value(night)}TNI")


@rule(
    "weekday_of_week",
    rf"(?P<wd>{WEEKDAY}){S}(?:of{S})?(?P<rel>last|next|this){S}week(?![\w-])",
    priority=4,
)
def weekday_of_week(match, ctx):
    """ "Wednesday last week": that weekday in the week named."""
    if not capitalised(match["wd"]) or ctx.anchor is None:
        return None
    shift = {"last": -7, "this": 0, "next": 7}[match["rel"].lower()]
    monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday() - shift)
    day = monday + dt.timedelta(days=WEEKDAYS[match["wd"].lower().rstrip(".")] - 1)
    return whole(match, "DATE", cal.day_value(day))
