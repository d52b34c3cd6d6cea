"""Rules for periods named by their unit alone ("the day", "for the year", "year-end"),
"the early hours of Sunday", decades and centuries.

TimeML marks "the day", "the week", "the month" and "the year" when they stand for one
period of the story: the value is that period around the date the text last spoke of
("Shares fell on Monday ... to end the day at 7,114": that Monday). "The year ended March
31" is a fiscal year, a duration of one year.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import calendar as cal
from ingest.extract.lexicon import ORDINALS, WEEKDAYS
from ingest.extract.timex_patterns import HY, ORDINAL, POSITION, WEEKDAY, S
from ingest.extract.timex_rules import Part, position_mod, resolve_weekday, rule, whole

_ADJECTIVE = r"(?:fiscal|full|entire|whole|calendar|financial)"
_ENDED = re.compile(r"\s++(?:that\s++)?(?:ended|ending|ends|to\s++end)\b", re.IGNORECASE)
_SHIFT = {"before": -1, "earlier": -1, "previous": -1, "prior": -1, "after": 1, "later": 1}
# "The day" is a dated period when a tally is closed on it ("to end the day", "for the day").
_DAY_FRAME = re.compile(r"\b(?:end|ends|ended|ending|close|closes|closed|closing|for)\s+$")


@rule(
    "the_unit",
    rf"the{S}(?:{_ADJECTIVE}{S})?(?P<unit>day|week|month|year)(?![\w-])(?!{S}(?:\d|nineteen|two{S}thousand))(?:{S}(?P<dir>before|after|earlier|later|previous|prior)(?=\s*+[,.;:)]))?",
)
def the_unit(match, ctx):
    """ "the year", "for the full year", "the week before,": a period of the story."""
    unit = match["unit"].lower()
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
    if re.search(r"\b(?:of|per|a|each|every)\s+$", before) and not match["dir"]:
        return None  # "person of the year", "twice per day": not a period of the story
    if unit == "day" and not _DAY_FRAME.search(before):
        return None  # "the day the war began", "the day belonged to them": not dated
    if not match["dir"] and _ENDED.match(ctx.text, match.end()):
        return whole(match, "DURATION", f"P1{unit[0].upper()}")
    offset = _SHIFT.get((match["dir"] or "").lower(), 0)
    if unit == "year":
        if ctx.last_year is None:
            return whole(match, "DATE", "XXXX")
        return [
            Part(match.start(), match.end(), "DATE", f"{ctx.last_year + offset:04d}", anchor=False)
        ]
    anchor = ctx.anaphor if unit == "day" else ctx.anaphor_for(unit)
    if anchor is None:
        blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}[unit]
        return whole(match, "DATE", blank)
    value = cal.shift(anchor, offset, unit)
    return (
        None if value is None else [Part(match.start(), match.end(), "DATE", value, anchor=False)]
    )


@rule("year_end", rf"(?P<rel>last{S}|this{S})?year(?:{HY}|['’]s{S})end(?![\w-])")
def year_end(match, ctx):
    """ "by year-end", "since year end", "at year's end": the end of the year."""
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "DATE", "XXXX", "END")
    since = re.search(r"\bsince\s+$", ctx.text[max(0, match.start() - 8) : match.start()], re.I)
    back = since or (match["rel"] or "").lower().startswith("last")
    return whole(match, "DATE", f"{anchor.year - (1 if back else 0):04d}", "END")


@rule(
    "early_hours",
    rf"the{S}(?:early|small|wee){S}hours(?:{S}of{S}(?:(?P<wd>{WEEKDAY})|(?P<deictic>today|yesterday|tomorrow)|the{S}(?P<part>morning|night)))?(?:{S}(?P<morning>morning))?(?![\w-])",
    priority=2,
)
def early_hours(match, ctx):
    """ "in the early hours of Sunday": that day, its start; "the early hours of Sunday
    morning" is that morning (``TMO``); "the early hours" alone, the night (``TNI``)."""
    if match["wd"] and not match["wd"][:1].isupper():
        return None
    if re.match(r"\s+of\s", ctx.text[match.end() : match.end() + 5]):
        return None  # "the early hours of Aug. 6": the date that follows dates it
    anchor = ctx.anchor
    if match["wd"]:
        number = WEEKDAYS[match["wd"].lower().rstrip(".")]
        day = resolve_weekday(ctx, number, match.start(), match.end())
    elif match["deictic"]:
        if anchor is None:
            day = "XXXX-XX-XX"
        else:
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["deictic"].lower()]
            day = cal.day_value(anchor + dt.timedelta(days=offset))
    else:
        reference = ctx.anaphor
        day = "XXXX-XX-XX" if reference is None else cal.day_value(reference)
    morning = match["morning"] or (match["part"] or "").lower() == "morning"
    if (match["wd"] or match["deictic"]) and not match["morning"]:
        # "the early hours of Friday": that day (TimeML's START), as "late on Friday" is
        return whole(match, "DATE", day, "START")
    return whole(match, "TIME", f"{day}T{'MO' if morning else 'NI'}")


# ------------------------------------------------------------- decades, centuries


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


_AFTER_DECADE = re.compile(r"\d0['’]?s\s*+(?:and|or|to|through|-|\u2013)\s*+$")
_NOT_A_DECADE = re.compile(r"\s*+(?:%|percent|per\s+cent|degrees|°|F\b|C\b)")


@rule(
    "decade",
    rf"(?P<the>the{S})?(?:(?P<pos>{POSITION}){HY})?(?:(?P<full>(?:1[0-9]|20)\d0)'?s|[’']?(?P<short>\d)0['’]?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
)
def decade(match, ctx):
    """ "the 1990s", "the '90s", "the 70s and 80s", "the early 2000s"."""
    if match["full"]:
        value = match["full"][:3]
    else:
        coordinated = _AFTER_DECADE.search(ctx.text, max(0, match.start() - 16), match.start())
        if not match["the"] and not coordinated:
            return None
        if _NOT_A_DECADE.match(ctx.text, match.end()):
            return None  # "in the 90s percent", "the mid-80s degrees"
        digit = int(match["short"]) if match["short"] else _DECADE_WORDS[match["word"].lower()]
        century = 19 if digit >= 3 or ctx.year is None or ctx.year < 2000 else 20
        value = f"{century}{digit}"
    return whole(match, "DATE", value, position_mod(match["pos"]), absolute=True)


@rule(
    "century",
    rf"(?:the{S})?(?:(?P<pos>{POSITION}){HY})?(?P<ord>{ORDINAL}){HY}century",
)
def century(match, ctx):
    text = match["ord"].lower()
    number = int(re.match(r"\d+", text).group()) if text[0].isdigit() else ORDINALS.get(text)
    if not number or number > 21:
        return None
    return whole(match, "DATE", f"{number - 1:02d}", position_mod(match["pos"]), absolute=True)
