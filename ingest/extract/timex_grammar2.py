"""The rules for relative periods, durations, quarters, sets and vague references."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import calendar as cal
from ingest.extract.timex_context import Context
from ingest.extract.timex_patterns import (
    COUNT,
    HY,
    NUMBER,
    POSITION,
    QUANT_MOD,
    UNIT,
    UNIT_SINGULAR,
    YEAR,
    S,
)
from ingest.extract.timex_rules import (
    Part,
    after_rate,
    count_of,
    deadline_tense,
    duration_value,
    half_of,
    in_a_name,
    position_mod,
    rule,
    unit_name,
    whole,
)

_BACK = {
    "last",
    "past",
    "previous",
    "this past",
    "the last",
    "the past",
    "the previous",
    "prior",
    "the prior",
}
_AHEAD = {"next", "coming", "this coming", "the next", "the coming", "upcoming", "the upcoming"}
_HERE = {"this", "current", "the current", "the present", "present", "the same", "that"}
_ANAPHORIC_BACK = {"the previous", "the preceding", "the prior"}
_ANAPHORIC_AHEAD = {"the following", "the next", "the subsequent", "following"}


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _year_period(ctx: Context, offset: int) -> str:
    anchor = ctx.anchor
    return "XXXX" if anchor is None else f"{anchor.year + offset:04d}"


# ------------------------------------------------------------- "last week", "this year"


_SPAN_BEFORE = re.compile(r"\b(?:over|throughout|during)\s++$", re.IGNORECASE)


@rule(
    "relative_period",
    rf"(?:(?P<pos>{POSITION}){HY})?(?P<rel>this{S}past|this{S}coming|the{S}(?:last|next|past|coming|previous|current|following|same|present|latest|prior|preceding|upcoming)|last|next|this|coming|past|previous|current|following|that)(?:{S}|{HY})(?P<fiscal>fiscal{S}|calendar{S})?(?P<unit>week|weekend|month|year|quarter|decade|century|fortnight)(?![\w-])",
)
def relative_period(match, ctx):
    rel = _norm(match["rel"])
    unit = match["unit"].lower()
    mod = position_mod(match["pos"])
    follows = ctx.text[match.end() : match.end() + 12]
    if re.match(r"\s*+(?:ago|earlier|later|before|after)\b", follows) and not (
        rel in ("last", "this", "next") and re.match(r"\s*+(?:before|after)\b", follows)
    ):
        return None  # "a week after", "the month before"; not "suspended last week after ..."
    if rel in ("the last", "the past", "the next", "the coming") and not match["pos"]:
        # TimeML reads "the past decade" and "the last quarter" as the period before.
        offset = -1 if rel in ("the last", "the past") else 1
        if unit == "weekend":
            return _weekend(match, ctx, offset)
        spans = _SPAN_BEFORE.search(ctx.text, max(0, match.start() - 12), match.start())
        if (
            ctx.anchor is None
            or unit == "fortnight"
            or (offset < 0 and spans and unit == "decade")
            or (rel == "the past" and unit in ("year", "month", "week"))
        ):
            # "over the past decade", "in the past year": the length of time up to now (as
            # news is annotated; TimeBank keeps "over the past year" a date, "the last year"
            # stays one here).
            return whole(match, "DURATION", duration_value(1, unit))
        return whole(match, "DATE", cal.shift(ctx.anchor, offset, unit))
    if (
        rel in _ANAPHORIC_BACK
        or rel in _ANAPHORIC_AHEAD
        or rel in ("that", "the same", "following", "previous")
        and rel != "previous"
    ):
        offset = -1 if rel in _ANAPHORIC_BACK else (0 if rel in ("that", "the same") else 1)
        anchor = ctx.anaphor_for(unit)
        if rel == "previous":
            anchor, offset = ctx.anchor, -1
        if anchor is None:
            return None
        if unit == "weekend":
            return _weekend(match, ctx, offset, anchor)
        return whole(match, "DATE", cal.shift(anchor, offset, unit), mod)
    if rel in ("the latest", "latest") and unit == "quarter" and ctx.anchor is not None:
        return whole(match, "DATE", cal.shift(ctx.anchor, -1, "quarter"), mod)
    if rel in _BACK:
        offset = -1
    elif rel in _AHEAD:
        offset = 1
    elif rel in _HERE:
        offset = 0
    else:
        return None
    if unit == "weekend":
        return _weekend(match, ctx, offset)
    anchor = ctx.anchor
    if anchor is None:
        blank = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}
        return whole(match, "DATE", blank.get(unit, "XXXX"), mod)
    if unit == "quarter" and rel in ("the latest", "latest"):
        offset = -1
    return whole(match, "DATE", cal.shift(anchor, offset, unit), mod)


def _weekend(match, ctx, offset, anchor=None):
    anchor = anchor or ctx.anchor
    if anchor is None:
        return whole(match, "DATE", "XXXX-WXX-WE")
    week_offset = offset
    if offset == -1 and anchor.isoweekday() >= 6:
        week_offset = 0 if _norm(match["rel"]) not in ("last", "the last", "this past") else -1
    if offset == 0 and anchor.isoweekday() <= 2 and ctx.tense(match.start(), match.end()) < 0:
        week_offset = -1
    return whole(match, "DATE", cal.shift(anchor, week_offset, "weekend"))


@rule(
    "the_weekend",
    r"the\s++weekend(?![\w-])(?!\s++of\s++(?:[A-Z0-9]|the\b))",
)
def the_weekend(match, ctx):
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "DATE", "XXXX-WXX-WE")
    direction = deadline_tense(ctx, match.start(), match.end())
    if anchor.isoweekday() >= 6:
        return whole(match, "DATE", cal.shift(anchor, 0, "weekend"))
    return whole(match, "DATE", cal.shift(anchor, 0 if direction > 0 else -1, "weekend"))


@rule(
    "relative_this_year",
    rf"(?P<pos>{POSITION}|earlier|later){HY}(?P<in>in{S})?(?:the{S})?(?P<unit>day|week|month|year|decade)(?![\w-])",
)
def position_in_current(match, ctx):
    """ "the end of the year", "later in the month", "earlier in the day": that period."""
    after = ctx.text[match.end() : match.end() + 3]
    if re.match(r"\s*+'|\s*+’", after):
        return None
    if not re.search(r"\bof\b|\bthe\b", match.group().lower()):
        return None
    if match["unit"].lower() == "day" and not match["in"]:
        return None
    anchor = ctx.anchor
    if match["unit"].lower() == "day":
        anchor = ctx.day_in_sentence(match.start()) or anchor
    if anchor is None:
        return None
    return whole(
        match, "DATE", cal.shift(anchor, 0, match["unit"].lower()), position_mod(match["pos"])
    )


@rule(
    "year_period",
    rf"(?:the{S})?(?P<rel>year|month|week){HY}(?P<kind>earlier|ago)(?:{S}(?P<noun>period|quarter|month|months|level|levels|figure|figures|results?))?",
    priority=1,
)
def year_period(match, ctx):
    """ "the year-earlier quarter", "year-ago": the same period one unit back."""
    unit = match["rel"].lower()
    noun = (match["noun"] or "").lower()
    if ctx.last_quarter and unit == "year" and noun in ("quarter", "period", ""):
        year, quarter = int(ctx.last_quarter[:4]), ctx.last_quarter[-1]
        value = f"{year - 1:04d}-Q{quarter}"
    else:
        anchor = ctx.anaphor
        if anchor is None:
            return None
        value = cal.shift(anchor, -1, unit)
    end = match.end("kind") if noun.startswith(("level", "figure", "result")) else match.end()
    return [Part(match.start(), end, "DATE", value, anchor=False)]


@rule(
    "year_quarter",
    rf"the{S}(?P<y>{YEAR}){S}(?P<noun>quarter|period|fiscal{S}year|year)(?![\w-])",
    priority=1,
)
def year_quarter(match, ctx):
    """ "the 1988 quarter": that year's instance of the quarter last talked about."""
    year = int(match["y"])
    noun = match["noun"].lower()
    if noun in ("quarter", "period") and ctx.last_quarter:
        return whole(match, "DATE", f"{year:04d}-{ctx.last_quarter[5:]}", absolute=False)
    return whole(match, "DATE", f"{year:04d}", absolute=True)


# -------------------------------------------------------------- "two years ago"


@rule(
    "ago",
    rf"(?:{QUANT_MOD})?(?P<n>{COUNT}){S}(?:(?:more|full|long){S})?(?P<unit>{UNIT})(?:{S}or{S}so)?(?:{S}(?P<dir>ago|earlier|later|before|after|previously|hence|from{S}now|back|prior|since))(?![\w])",
    priority=2,
)
def ago(match, ctx):
    direction = _norm(match["dir"])
    if direction in ("before", "after", "since", "prior"):
        rest = ctx.text[match.end() : match.end() + 3]
        if not re.match(r"\s*+(?:[,.;:)]|$)", rest):
            return None  # "two days after the attack": a duration and a signal
    if direction in ("earlier", "later") and re.match(r"\s++than\b", ctx.text[match.end() :]):
        return None  # "three hours later than planned": a length of time, not a date
    amount = count_of(match["n"])
    unit = unit_name(match["unit"])
    back = direction in ("ago", "earlier", "before", "previously", "back", "prior", "since")
    if amount is None:
        return whole(match, "DATE", "PAST_REF" if back else "FUTURE_REF")
    amount = int(round(amount)) or 1
    anaphoric = direction in ("earlier", "later", "before", "after")
    anchor = ctx.anaphor if anaphoric else ctx.anchor
    parts = _ago_value(match, ctx, amount, unit, back, anchor)
    # "Twelve days later a cable was damaged, and Sweden seized a ship the same day": a day
    # counted in the story moves the story on; longer counts ("a year earlier") do not.
    moves_on = unit == "day" and direction in ("earlier", "later")
    for part in parts:
        part.anchor = moves_on
    return parts


def _ago_value(match, ctx, amount, unit, back, anchor):
    last = ctx.last_value
    counted = _norm(match["dir"]) in ("earlier", "later")
    if last and unit == "year" and counted and re.fullmatch(r"\d{4}-\d\d", last):
        # "in August 2022 ... A year later": the same month a year on.
        year, month = cal.add_months(
            int(last[:4]), int(last[5:]), 12 * (-amount if back else amount)
        )
        return whole(match, "DATE", cal.month_value(year, month))
    if last and unit == "year" and counted and re.fullmatch(r"\d{4}", last):
        return whole(match, "DATE", f"{int(last) + (-amount if back else amount):04d}")
    if last and unit == "year" and re.fullmatch(r"\d{4}-Q\d", last):
        # "up from $10 million a year ago" after a quarterly figure: the same quarter.
        year = int(last[:4]) + (-amount if back else amount)
        return whole(match, "DATE", f"{year:04d}{last[4:]}")
    if anchor is None:
        blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}
        return whole(match, "DATE", blank.get(unit, "XXXX"))
    if unit in ("hour", "minute", "second"):
        return whole(match, "DATE", cal.day_value(anchor) if anchor else "XXXX-XX-XX")
    if unit == "night":
        unit = "day"
    value = cal.shift(anchor, -amount if back else amount, unit)
    return whole(match, "DATE", value)


@rule(
    "bare_ago",
    r"(?P<unit>moments|minutes|hours|days|weeks|months|years|decades)\s++(?P<dir>ago|earlier|later)(?![\w-])",
)
def bare_ago(match, ctx):
    """ "Hours earlier", "days later", "months ago": within the day in hand for hours, else
    a vague past or future."""
    unit = match["unit"].lower()
    back = match["dir"].lower() in ("ago", "earlier")
    if unit in ("moments", "minutes", "hours"):
        anchor = ctx.anaphor if match["dir"].lower() != "ago" else ctx.anchor
        if anchor is not None:
            return [Part(match.start(), match.end(), "DATE", cal.day_value(anchor), anchor=False)]
    return whole(match, "DATE", "PAST_REF" if back else "FUTURE_REF")


# ---------------------------------------------------------------------- durations

_AGE = re.compile(r"\s*+[-\u2010\u2011]?\s*+old\b", re.IGNORECASE)


@rule(
    "duration",
    rf"(?:(?P<det>the{S}(?:past|last|next|first|final|coming|previous|following|initial|remaining|preceding|ensuing|same|latest|entire|full|whole|better{S}part{S}of{S}the)|(?:past|last|next|first|coming|previous|following|another|an{S}additional|the|nearly|almost)){S})?(?:{QUANT_MOD})?(?P<n>{COUNT}){S}(?:(?:more|additional|full|straight|consecutive|long|whole|extra|further|successive|years|months|weeks|calendar|working|business|trading|fiscal){S})?(?P<unit>{UNIT})(?:{S}(?P<tail>or{S}so|ahead|to{S}come|running|in{S}a{S}row))?",
    priority=1,
)
def duration(match, ctx):
    count_text = match["n"]
    unit = unit_name(match["unit"])
    det = _norm(match["det"])
    if _AGE.match(ctx.text, match.end()):
        return None  # an age ("52 years old") is not a time
    if match["unit"][:1].isupper() and in_a_name(ctx, match.start(), match.end()):
        return None  # "the Hundred Years War"
    if match["unit"][:1].isupper() and count_text[:1].isdigit():
        return None  # "60 Minutes", "24 Hours": a title, not a time
    if count_text.lower() in ("a", "an") and (
        unit == "second" or (det == "" and _after_frequency(ctx, match.start()))
    ):
        return None
    if re.fullmatch(r"\d{4}", count_text) and (not det or not match["unit"].lower().endswith("s")):
        return None  # "the 1988 quarter" is a date, not 1,988 quarters ("1,000 days" is a count)
    amount = count_of(count_text)
    if unit == "quarter" and amount is None and not det:
        return None
    if unit == "second" and det == "the":
        return None
    if det == "the" and amount is None:
        return None
    return whole(match, "DURATION", duration_value(amount, unit))


def _after_frequency(ctx, start: int) -> bool:
    return after_rate(ctx, start)


@rule(
    "duration_adjective",
    rf"(?P<n>{NUMBER}|\d+(?:\.\d+)?)-(?P<unit>{UNIT_SINGULAR})(?:-(?P<tail>old|long))?(?![\w-])",
    priority=2,
)
def duration_adjective(match, ctx):
    tail = (match["tail"] or "").lower()
    if match["n"].lower() in ("a", "an") and tail != "long" or tail == "old":
        return None  # "a 39-year-old", "the 50-year-old alliance": ages are not times
    if in_a_name(ctx, match.start(), match.end()):
        return None  # "the Six-Day War"
    amount = count_of(match["n"])
    if amount is None:
        return None
    return whole(match, "DURATION", duration_value(amount, unit_name(match["unit"])))


@rule(
    "long_adjective",
    r"(?P<unit>decades|years|months|weeks|days|hours|centuries)-long(?![\w-])"
    r"|(?<=\ba\s)(?P<one>decade|year|month|week|day|hour|century)-long(?![\w-])",
    priority=2,
)
def long_adjective(match, ctx):
    """ "a decades-long dispute", "a years-long war", "a month-long campaign"."""
    if match["one"]:
        return whole(match, "DURATION", duration_value(1, unit_name(match["one"])))
    return whole(match, "DURATION", duration_value(None, unit_name(match["unit"])))


@rule(
    "the_years",
    r"the\s++(?P<unit>years|decades|centuries)(?![\w-])(?!\s++(?:of|to|since|before|after|between|that|when|ahead)\b)",
)
def the_years(match, ctx):
    """ "over the years": an unspecified stretch."""
    return whole(match, "DURATION", duration_value(None, unit_name(match["unit"])))


@rule(
    "the_days_around",
    r"the\s++(?P<unit>hours|days|weeks|months|years)(?P<ahead>\s++(?:ahead|to\s++come))?(?=\s++(?:before|after|following|preceding|leading\s++up|that\s++followed|since)\b|(?<=ahead)|(?<=come))",
    priority=1,
)
def the_days_around(match, ctx):
    """ "in the days before the shooting", "the weeks ahead": a vague stretch."""
    return whole(match, "DURATION", duration_value(None, unit_name(match["unit"])))


@rule(
    "vague_plural",
    rf"(?P<q>(?:the{S}(?:past|last|next|coming|previous|following){S})?(?:few|several|many|recent|coming|couple{S}of)|(?:the{S})?(?:recent|coming|past|last|next|following)|the{S}(?:first|final|early|opening|closing)){S}(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:{S}(?P<tail>ahead|to{S}come))?(?![\w-])",
)
def vague_plural(match, ctx):
    if (
        match["unit"].lower() == "hours"
        and re.match(r"the\s+early\s", match.group(), re.I)
        and re.match(r"\s+of\s", ctx.text[match.end() : match.end() + 5])
    ):
        return None  # "the early hours of Aug. 6": a time of that day, not a duration
    unit = unit_name(match["unit"])
    return whole(match, "DURATION", duration_value(None, unit))


@rule(
    "bare_plural",
    r"(?:for|in|within|over|after|took|take|lasted|last)\s++(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes)(?![\w-])(?!\s++(?:ago|earlier|later|old)\b)",
)
def bare_plural(match, ctx):
    if re.match(r"\s++of\b", ctx.text[match.end() : match.end() + 4]) and not match.group()[
        :6
    ].lower().startswith(("within", "after")):
        return None  # "in years of war"; but "within hours of the order" is a stretch
    unit = unit_name(match["unit"])
    return [Part(match.start("unit"), match.end("unit"), "DURATION", duration_value(None, unit))]


@rule(
    "plural_apart",
    r"(?<![\w-])(?P<unit>years|months|weeks|days|hours)(?=\s++(?:before|after)\s)",
)
def plural_apart(match, ctx):
    """ "weeks before the invasion", "came weeks after Washington imposed sanctions": an
    unknown stretch between two happenings."""
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    if re.search(r"(?:\d|\b(?:the|few|several|many|some|those|these))\s+$", before, re.I):
        return None  # counted or determined elsewhere ("two weeks after", "the days before")
    unit = unit_name(match["unit"])
    return [Part(match.start(), match.end(), "DURATION", duration_value(None, unit))]


# ----------------------------------------------------------------------- quarters


_ORDER = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


@rule(
    "quarter",
    rf"(?:(?P<pos>early|late|mid|the{S}end{S}of|the{S}start{S}of){S})?(?P<the>the{S})?(?:(?P<rel>latest|last|past|previous|current|same|this{S}year's|last{S}year's|next{S}year's|year-earlier|year-ago|comparable){S})?(?:(?P<y0>{YEAR}){S})?(?:(?P<fisc>fiscal|calendar){S})?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)(?:{HY})quarters?(?:{S}(?:of{S}|in{S})?(?:(?:fiscal{S})?(?P<y>{YEAR})|(?P<yrel>this|last|next|the{S}(?:current|previous|next|same)){S}(?:fiscal{S})?year))?(?![\w-])",
    priority=1,
)
def quarter(match, ctx):
    number = _ORDER[match["ord"].lower()]
    year = int(match["y"] or match["y0"]) if (match["y"] or match["y0"]) else None
    rel = _norm(match["rel"])
    anchor = ctx.anchor
    if year is None:
        if match["yrel"]:
            yrel = _norm(match["yrel"])
            shift = -1 if ("last" in yrel or "previous" in yrel) else (1 if "next" in yrel else 0)
            year = None if anchor is None else anchor.year + shift
        elif rel.startswith("last year") or rel in ("year-earlier", "year-ago"):
            year = None if anchor is None else anchor.year - 1
        elif rel.startswith("next year"):
            year = None if anchor is None else anchor.year + 1
        elif ctx.last_quarter and rel == "":
            year = int(ctx.last_quarter[:4])
            if anchor is not None and abs(year - anchor.year) > 1:
                year = anchor.year
        elif anchor is not None:
            year = anchor.year
            if ctx.tense(match.start(), match.end()) < 0 and 3 * number - 2 > anchor.month:
                year -= 1
    value = f"{year:04d}-Q{number}" if year is not None else f"XXXX-Q{number}"
    if match.group().lower().rstrip().endswith("quarters") and not match["y"]:
        return whole(match, "SET", f"XXXX-Q{number}")
    return whole(match, "DATE", value, position_mod(match["pos"]), absolute=year is not None)


@rule(
    "quarter_code",
    rf"(?:(?P<q1>[QH][1-4])(?:{S}|-|/)?(?P<y1>{YEAR}|'\d\d|FY\d\d)?|(?P<y2>{YEAR})(?:{S}|-|/)?(?P<q2>[QH][1-4]))(?![\w-])",
    priority=1,
)
def quarter_code(match, ctx):
    code = match["q1"] or match["q2"]
    if code[0] == "H" and (int(code[1]) > 2 or not (match["y1"] or match["y2"])):
        return None  # "H3" is not a half; "H1" alone could be anything
    number = int(code[1])
    year_text = match["y1"] or match["y2"]
    if year_text and year_text.isdigit():
        year = int(year_text)
    elif year_text:
        year = 2000 + int(year_text[-2:])
    else:
        anchor = ctx.anchor
        year = anchor.year if anchor else None
    value = f"{year:04d}-{code[0]}{number}" if year else f"XXXX-{code[0]}{number}"
    return whole(match, "DATE", value, absolute=bool(year_text))


@rule(
    "the_quarter",
    r"the\s++(?P<rel>latest\s++|recent\s++|just-ended\s++|fiscal\s++)?quarter(?![\w-])",
)
def the_quarter(match, ctx):
    anchor = ctx.anchor
    if match["rel"] and match["rel"].strip().lower() == "latest" and anchor is not None:
        return whole(match, "DATE", cal.shift(anchor, -1, "quarter"))
    if ctx.last_quarter:
        return whole(match, "DATE", ctx.last_quarter)
    if match["rel"] and anchor is not None:
        return whole(match, "DATE", cal.shift(anchor, -1, "quarter"))
    return None


@rule(
    "quarter_adjective",
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)-quarter(?![\w-])",
    priority=2,
)
def quarter_adjective(match, ctx):
    return quarter(_Fake(match, ord=match["ord"]), ctx)


class _Fake:
    """A stand-in match for reusing a handler with fewer groups."""

    def __init__(self, match: re.Match, **groups: str) -> None:
        self._match = match
        self._groups = groups

    def __getitem__(self, name: str):
        return self._groups.get(name)

    def group(self, *args):
        return self._match.group(*args)

    def start(self, *args):
        return self._match.start(*args)

    def end(self, *args):
        return self._match.end(*args)


@rule(
    "half_year",
    rf"(?P<pos>the{S}(?:first|second|latter|last){S}half){S}of{S}(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the){S}year)",
    priority=2,
)
def half_year(match, ctx):
    half = half_of(match["pos"])
    if match["y"]:
        year = int(match["y"])
    else:
        anchor = ctx.anchor
        if anchor is None:
            return whole(match, "DATE", f"XXXX-H{half}")
        year = anchor.year + {"this": 0, "last": -1, "next": 1, "the": 0}[match["rel"].lower()]
    return whole(match, "DATE", f"{year:04d}-H{half}", absolute=bool(match["y"]))


# ----------------------------------------------------------------- anaphoric days


@rule(
    "anaphoric_day",
    rf"(?:(?:(?:later|earlier){S})?(?P<rel>the{S}(?:following|next|previous|preceding|same|prior)|that(?:{S}same)?|the{S}very){S}(?P<unit>day|morning|afternoon|evening|night)|the{S}(?P<unit2>day|night){S}(?P<dir>before|after))(?![\w-])",
    priority=1,
)
def anaphoric_day(match, ctx):
    rel = _norm(match["rel"]) or ("the previous" if _norm(match["dir"]) == "before" else "the next")
    rel = "that" if rel == "that same" else rel
    anchor = ctx.main_day(match.start()) if rel in ("that", "the same") else ctx.anaphor
    unit = (match["unit"] or match["unit2"]).lower()
    if match["dir"]:
        after = ctx.text[match.end() : match.end() + 3]
        if not re.match(r"\s*+[,.;:)]", after):
            return None
    offset = (
        -1
        if rel in ("the previous", "the preceding", "the prior")
        else (1 if rel in ("the following", "the next") else 0)
    )
    if anchor is None:
        return whole(match, "DATE", "XXXX-XX-XX")
    value = cal.day_value(anchor + dt.timedelta(days=offset))
    if unit in ("morning", "afternoon", "evening", "night"):
        return whole(
            match,
            "TIME",
            f"{value}T{ {'morning': 'MO', 'afternoon': 'AF', 'evening': 'EV', 'night': 'NI'}[unit] }",
        )
    return whole(match, "DATE", value)
