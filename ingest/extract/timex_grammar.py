"""The rules for dates and times: calendar dates, months, years, weekdays, relative dates.

Durations, sets and vague references are in :mod:`ingest.extract.timex_grammar2`.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import calendar as cal
from ingest.extract.lexicon import DAY_PARTS, ORDINALS, SEASONS, WEEKDAYS
from ingest.extract.timex_context import Context
from ingest.extract.timex_patterns import (
    DAY,
    DAY_PART,
    HY,
    MONTH,
    ORDINAL_WORD,
    POSITION,
    SEASON,
    WEEKDAY,
    YEAR,
    S,
)
from ingest.extract.timex_rules import (
    ANY_YEAR,
    Part,
    capitalised,
    in_a_name,
    month_number,
    position_mod,
    resolve_day,
    resolve_month,
    resolve_weekday,
    rule,
    whole,
    year_of,
)

# Words before a capitalised month that make it a name, not a month ("Theresa May").
_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][a-z]+\.?)\s*$")
_ALLOWED_BEFORE = {
    "in",
    "on",
    "by",
    "since",
    "until",
    "till",
    "from",
    "to",
    "through",
    "between",
    "and",
    "or",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "of",
    "that",
    "each",
    "every",
    "for",
    "at",
    "the",
    "as",
    "about",
    "around",
}


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return ORDINALS.get(text.lower(), 0)


def _name_context(ctx: Context, start: int) -> bool:
    """True when the capitalised word before ``start`` makes a month look like a name."""
    before = ctx.text[max(0, start - 30) : start]
    match = _NAME_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    return word not in _ALLOWED_BEFORE and word not in WEEKDAYS


def _time_part(value: str, part: str | None) -> tuple[str, str]:
    if not part:
        return "DATE", value
    suffix = DAY_PARTS.get(part.lower())
    if suffix is None or not value[:4].isdigit() and not value.startswith("XXXX"):
        return "DATE", value
    return "TIME", f"{value}T{suffix}"


# ------------------------------------------------------------------ calendar dates


@rule(
    "iso",
    r"(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?(?P<z>Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\w-])",
    priority=5,
)
def iso(match, ctx):
    day = cal.valid_day(int(match["y"]), int(match["mo"]), int(match["d"]))
    if day is None:
        return None
    value = cal.day_value(day)
    if match["h"]:
        value += f"T{match['h']}:{match['mi']}"
        if match["s"]:
            value += f":{match['s']}"
        if match["z"]:
            value += "Z" if match["z"] in ("Z", "+00:00", "+0000") else match["z"]
        parts = whole(match, "TIME", value, absolute=True)
        if match["z"]:
            parts[0].mod = "Z" if match["z"] == "Z" else match["z"]
        return parts
    return whole(match, "DATE", value, absolute=True)


@rule("slashed", r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\w/])")
def slashed(match, ctx):
    a, b = int(match["a"]), int(match["b"])
    year = int(match["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    if a > 12 and b <= 12:
        day = cal.valid_day(year, b, a)
    elif b > 12 and a <= 12:
        day = cal.valid_day(year, a, b)
    else:
        # 03/04/2024 is March or April depending on the writer: keep only what is certain.
        return whole(match, "DATE", f"{year:04d}", absolute=True)
    return None if day is None else whole(match, "DATE", cal.day_value(day), absolute=True)


@rule("dotted", r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>(?:19|20)\d\d)(?![\d]|\.\d)")
def dotted(match, ctx):
    """ "08.11.2025": day, month, year, as Europe writes dates with full stops."""
    day = cal.valid_day(int(match["y"]), int(match["m"]), int(match["d"]))
    return None if day is None else whole(match, "DATE", cal.day_value(day), absolute=True)


def _calendar_date(match, ctx, day_group="d", month_group="mo", year_group="y"):
    month = month_number(match[month_group])
    day = _day_number(match[day_group])
    if month is None or not 1 <= day <= 31:
        return None
    if not capitalised(match[month_group]) and not match[year_group]:
        return None
    year = year_of(match[year_group])
    if year is not None:
        found = cal.valid_day(year, month, day)
        return None if found is None else (cal.day_value(found), True)
    value = resolve_day(ctx, month, day, match.start(), match.end())
    return None if value is None else (value, False)


@rule(
    "month_day_year",
    rf"(?:(?P<wd>{WEEKDAY}),?{S})?(?P<mo>{MONTH}){S}(?:the{S})?(?P<d>{DAY}|{ORDINAL_WORD}(?![\w-]))(?:,?{S}(?P<y>{ANY_YEAR}))?",
    priority=3,
)
def month_day_year(match, ctx):
    found = _calendar_date(match, ctx)
    if found is None:
        return None
    return whole(match, "DATE", found[0], absolute=found[1])


@rule(
    "day_month_year",
    rf"(?:(?P<wd>{WEEKDAY}),?{S}(?:the{S})?)?(?P<d>{DAY}){S}(?:of{S})?(?P<mo>{MONTH})(?:,?{S}(?P<y>{ANY_YEAR}))?",
    priority=3,
)
def day_month_year(match, ctx):
    found = _calendar_date(match, ctx)
    if found is None:
        return None
    return whole(match, "DATE", found[0], absolute=found[1])


_RANGE_SEP = r"\s*+(?:-|\u2013|\u2014|to|and|until|till|through|thru)\s*+"


@rule(
    "day_range_month",
    rf"(?P<d1>{DAY})(?P<sep>{_RANGE_SEP})(?P<d2>{DAY}){S}(?:of{S})?(?P<mo>{MONTH})(?:,?{S}(?P<y>{ANY_YEAR}))?",
    priority=4,
)
def day_range_month(match, ctx):
    return _day_range(match, ctx, first_is_bare=True)


@rule(
    "month_day_range",
    rf"(?P<mo>{MONTH}){S}(?P<d1>{DAY})(?P<sep>{_RANGE_SEP})(?P<d2>{DAY})(?:,?{S}(?P<y>{ANY_YEAR}))?",
    priority=4,
)
def month_day_range(match, ctx):
    return _day_range(match, ctx, first_is_bare=False)


def _day_range(match, ctx, first_is_bare):
    month = month_number(match["mo"])
    first, last = _day_number(match["d1"]), _day_number(match["d2"])
    if month is None or not capitalised(match["mo"]) or not 1 <= first < last <= 31:
        return None
    year = year_of(match["y"])
    if year is None:
        value = resolve_day(ctx, month, first, match.start(), match.end())
        if value is None:
            return None
        year_text = value[:4]
    else:
        year_text = f"{year:04d}"
    if year_text.isdigit():
        start_day = cal.valid_day(int(year_text), month, first)
        end_day = cal.valid_day(int(year_text), month, last)
        if start_day is None or end_day is None:
            return None
        start_value, end_value = cal.day_value(start_day), cal.day_value(end_day)
    else:
        start_value, end_value = f"XXXX-{month:02d}-{first:02d}", f"XXXX-{month:02d}-{last:02d}"
    absolute = year is not None
    if first_is_bare:
        first_span = (match.start("d1"), match.end("d1"))
        second_span = (match.start("d2"), match.end())
    else:
        first_span = (match.start(), match.end("d1"))
        second_span = (match.start("d2"), match.end("d2"))
    return [
        Part(*first_span, "DATE", start_value, range_end=end_value, absolute=absolute),
        Part(*second_span, "DATE", end_value, range_part=True, absolute=absolute),
    ]


# --------------------------------------------------------------------- months, years


@rule("ordinal_day", r"(?<=on )the\s++(?P<d>[0-3]?\d)(?:st|nd|rd|th)(?=\s*+[,.;:)]|\s++at\b)")
def ordinal_day(match, ctx):
    """ "on the 3rd": that day of the month the paragraph is at, else of the publication's."""
    anchor = ctx.day_in_paragraph(match.start()) or ctx.dct or ctx.anaphor
    day = int(match["d"])
    if anchor is None or not 1 <= day <= 31:
        return whole(match, "DATE", f"XXXX-XX-{day:02d}")
    found = cal.valid_day(anchor.year, anchor.month, day)
    if found is None:
        return None
    if ctx.dct is not None and found > ctx.dct and ctx.tense(match.start(), match.end()) <= 0:
        year, month = cal.add_months(anchor.year, anchor.month, -1)
        found = cal.valid_day(year, month, day) or found
    return whole(match, "DATE", cal.day_value(found))


@rule(
    "month_year",
    rf"(?:(?P<pos>{POSITION}){HY})?(?P<mo>{MONTH}),?{S}(?:of{S})?(?P<y>{ANY_YEAR})",
    priority=2,
)
def month_year(match, ctx):
    month = month_number(match["mo"])
    year = year_of(match["y"])
    if month is None or year is None or not capitalised(match["mo"]):
        return None
    return whole(match, "DATE", cal.month_value(year, month), position_mod(match["pos"]), True)


@rule(
    "month_relative_year",
    rf"(?:(?P<pos>{POSITION}){HY})?(?P<mo>{MONTH}){S}(?:of{S})?(?P<rel>last|this|next){S}year",
    priority=2,
)
def month_relative_year(match, ctx):
    """ "July last year", "mid-January last year", "March of next year"."""
    month = month_number(match["mo"])
    if month is None or not capitalised(match["mo"]):
        return None
    mod = position_mod(match["pos"])
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "DATE", f"XXXX-{month:02d}", mod)
    shift = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    return whole(match, "DATE", cal.month_value(anchor.year + shift, month), mod)


@rule(
    "month",
    rf"(?:(?P<rel>last|next|this{S}past|this{S}coming|this|past|coming){S})?(?:(?P<pos>{POSITION}){HY})?(?P<mo>{MONTH})",
)
def month(match, ctx):
    word = match["mo"]
    number = month_number(word)
    if number is None or not capitalised(word):
        return None
    if not match["rel"] and not match["pos"]:
        if word.lower() in (
            "may",
            "march",
            "mar",
            "jan",
            "sept",
            "sep",
            "dec",
            "oct",
            "aug",
            "jun",
            "jul",
            "nov",
            "feb",
            "apr",
        ):
            if word.lower() in ("may", "march") and _name_context(ctx, match.start()):
                return None
            if (
                len(word.rstrip(".")) <= 4
                and not word.endswith(".")
                and word.lower() not in ("may", "june", "july")
            ):
                return None
        elif _name_context(ctx, match.start()) and word.lower() in ("april", "june", "august"):
            return None
        following = ctx.text[match.end() : match.end() + 12]
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", ctx.text[match.end() : match.end() + 20]):
            return None  # "the March of the Combatant Mothers": a name
        if (
            word.lower() == "may"
            and re.match(r"\s+(?:be|have|not|also|still|well|never|say|the)\b", following)
            and not re.search(  # "in May the European Union added it": the month
                r"\b(?:in|since|until|by|from|during|of|before|after|early|late|mid)\s+$",
                ctx.text[max(0, match.start() - 8) : match.start()],
                re.IGNORECASE,
            )
        ):
            return None
    value = resolve_month(ctx, number, match.start(), match.end(), match["rel"] or "")
    return whole(match, "DATE", value, position_mod(match["pos"]))


_COUNT_NOUN = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|residents|civilians|members|"
    r"fighters|refugees|migrants|cases|deaths|dead|votes|seats|jobs|workers|employees|"
    r"pages|miles|km|kilometres|kilometers|metres|meters|feet|tons|tonnes|barrels|units|"
    r"shares|points|dollars|euros|pounds|rubles|roubles|hryvnias|yuan|yen|rupees|vehicles|"
    r"aircraft|planes|tanks|missiles|drones|rockets|shells|homes|houses|buildings|acres|"
    r"hectares|calories|words|rounds|prisoners|hostages|delegates|students|patients)\b",
    re.IGNORECASE,
)
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:about|some|nearly|almost|around|approximately|roughly|over|under|than|least|to|"
    r"of|only|just|by|No\.|no\.|number|Resolution|resolution|Flight|flight|Route|route|"
    r"Highway|Room|room|Article|article|Section|section|Page|page)|[$£€#]|[-+/])\s*$"
)


_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")  # "jails three Serbs over 2023 Banjska attack"
# "in the five years to 2024", "the year to 2024": a period that ends with that year.
_PERIOD_TO = re.compile(r"\b(?:years?|months?|quarters?|decades?)\s++to\s*$")
_MEASURE_AFTER = re.compile(r"-(?!era\b|style\b|vintage\b|built\b|model\b)[a-z]")


@rule(
    "year",
    rf"(?:(?P<pos>{POSITION}){HY})?(?:(?P<fy>fiscal(?:{S}year)?|calendar(?:{S}year)?|the{S}year|FY|financial{S}year)\s*+)?(?P<y>{ANY_YEAR})(?!\s*+(?:%|percent|per{S}cent|[-\u2013]\d|,\d)|\.\d)",
)
def year(match, ctx):
    number = year_of(match["y"])
    if number is None or not 1000 <= number <= 2099:
        return None
    spoken_alone = not match["y"].isdigit() and not (match["fy"] or "").lower().startswith("the")
    if spoken_alone and (not re.match(r"(?i)(?:nineteen|eighteen)\s", match["y"]) or match["pos"]):
        return None  # "two thousand" alone is a number; "nineteen ninety-six" is a year
    if _MEASURE_AFTER.match(ctx.text, match.end()):
        return None  # "the 2000-km border", "a 1500-member unit"
    if not match["pos"] and not match["fy"]:
        before = ctx.text[max(0, match.start() - 16) : match.start()]
        if (
            _QUANTITY_BEFORE.search(before)
            and not re.search(r"(?:in|of|by)\s*$", before)
            and not _PERIOD_TO.search(before)
            and not (before.endswith("over ") and _NAME_NEXT.match(ctx.text, match.end()))
        ):
            return None
        if _COUNT_NOUN.match(ctx.text, match.end()):
            return None
        if re.match(r"\s+for\s+\d", ctx.text[match.end() : match.end() + 12]) or re.search(
            r"\d\s+for\s+$", before
        ):
            return None  # "the 1000 for 1000 exchange": a count traded for a count
        if _name_context(ctx, match.start()):
            return None
    value = f"{number:04d}"
    return whole(match, "DATE", value, position_mod(match["pos"]), absolute=True)


@rule(
    "year_range",
    rf"(?P<y1>{YEAR})\s*+(?:-|\u2013|\u2014|to|through|until|and)\s*+(?P<y2>{YEAR}|\d\d(?![\d\w]))",
    priority=1,
)
def year_range(match, ctx):
    first = int(match["y1"])
    second_text = match["y2"]
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not first < second <= first + 200:
        return None
    return [
        Part(
            match.start("y1"),
            match.end("y1"),
            "DATE",
            f"{first:04d}",
            range_end=f"{second:04d}",
            absolute=True,
        ),
        Part(
            match.start("y2"),
            match.end("y2"),
            "DATE",
            f"{second:04d}",
            range_part=True,
            absolute=True,
        ),
    ]


@rule(
    "season",
    rf"(?:(?P<rel>last|next|this{S}past|this{S}coming|this|the{S}coming|the{S}past|past|coming|the){S})?(?:(?P<pos>early|late|mid|the{S}end{S}of|the{S}start{S}of){HY})?(?P<season>{SEASON})(?:{S}(?:of{S})?(?P<y>{ANY_YEAR})(?:[-/\u2013](?P<y2>\d\d(?!\d)|{YEAR}))?)?(?![\w-])",
)
def season(match, ctx):
    code = SEASONS[match["season"].lower()]
    year = year_of(match["y"])
    rel = " ".join((match["rel"] or "").lower().split())
    if year is None and not rel and not match["pos"]:
        return None
    if year is None and rel == "the" and match["season"].lower() in ("fall", "spring"):
        return None
    if capitalised(match["season"]) and not year and rel in ("", "the"):
        return None  # "the Winter War", "Arab Spring": a name
    if in_a_name(ctx, match.start(), match.end()):
        return None
    mod = position_mod(match["pos"])
    if year is not None:
        return whole(match, "DATE", f"{year:04d}-{code}", mod, absolute=True)
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "DATE", f"XXXX-{code}", mod)
    if rel in ("last", "this past", "past", "the past"):
        value = cal.season_shift(anchor, code, -1)
    elif rel in ("next", "this coming", "coming", "the coming"):
        value = cal.season_shift(anchor, code, +1)
    else:
        value = cal.season_shift(anchor, code, 0)
    return whole(match, "DATE", value, mod)


# ----------------------------------------------------------------- deictic days


@rule(
    "deictic_day",
    rf"(?:(?P<pos>early|earlier|late|later){S})?(?P<w>today|yesterday|tomorrow|tonight)(?:{S}(?P<part>{DAY_PART}))?(?![\w])",
)
def deictic_day(match, ctx):
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[match["w"].lower()]
    anchor = ctx.anchor
    value = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor + dt.timedelta(days=offset))
    if match["w"].lower() == "tonight":
        return whole(match, "TIME", f"{value}TNI")
    type_, value = _time_part(value, match["part"])
    return whole(match, type_, value)


@rule(
    "day_part",
    rf"(?:(?P<pos>early|late|later|earlier){S})?(?P<rel>this|last|yesterday|tomorrow){S}(?P<part>{DAY_PART})",
    priority=1,
)
def day_part(match, ctx):
    rel = match["rel"].lower()
    anchor = ctx.anchor
    part = match["part"].lower()
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "night":
        offset = -1
    value = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor + dt.timedelta(days=offset))
    return whole(match, "TIME", f"{value}T{DAY_PARTS[part]}")


@rule(
    "part_then_day",
    rf"(?:(?P<pos>early|mid|late){HY})?(?P<part>{DAY_PART}){S}(?:(?P<w>yesterday|today|tomorrow)|(?:on{S})?(?P<wd>{WEEKDAY}))(?![\w])",
    priority=1,
)
def part_then_day(match, ctx):
    """ "mid-afternoon yesterday", "morning Tuesday"."""
    anchor = ctx.anchor
    if match["w"]:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["w"].lower()]
        day = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor + dt.timedelta(days=offset))
    else:
        if not capitalised(match["wd"]):
            return None
        day = resolve_weekday(
            ctx, WEEKDAYS[match["wd"].lower().rstrip(".")], match.start(), match.end()
        )
    return whole(match, "TIME", f"{day}T{DAY_PARTS[match['part'].lower()]}")


@rule(
    "part_alone",
    rf"(?:(?P<pos>early|mid|late){HY}|the{S})(?P<part>morning|afternoon|evening|night)(?![\w-])",
)
def part_alone(match, ctx):
    """ "by mid afternoon", "in the morning", "throughout the night": that part of the
    reference day."""
    if re.search(
        r"\b(?:every|each|a|one)\s+$", ctx.text[max(0, match.start() - 8) : match.start()]
    ):
        return None
    if match["part"].lower() == "night" and (
        not match.group().lower().startswith("the")
        or re.match(r"\s++(?:of|before|after|when|that|in\s+which)\b", ctx.text[match.end() :])
    ):
        return None  # "the night of 5-6 March" is dated by its day; "the night before" elsewhere
    anchor = ctx.anaphor
    day = "XXXX-XX-XX" if anchor is None else cal.day_value(anchor)
    return whole(match, "TIME", f"{day}T{DAY_PARTS[match['part'].lower()]}")


@rule("overnight", r"overnight(?![\w-])")
def overnight(match, ctx):
    """ "drones launched overnight": the night before the report, or the coming one."""
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "TIME", "XXXX-XX-XXTNI")
    night = anchor if ctx.tense(match.start(), match.end()) > 0 else anchor - dt.timedelta(days=1)
    return whole(match, "TIME", f"{cal.day_value(night)}TNI")


@rule(
    "the_day_before",
    r"the\s++day\s++(?P<w>before\s++yesterday|after\s++tomorrow)",
    priority=2,
)
def the_day_before(match, ctx):
    anchor = ctx.anchor
    if anchor is None:
        return whole(match, "DATE", "XXXX-XX-XX")
    offset = -2 if match["w"].lower().startswith("before") else 2
    return whole(match, "DATE", cal.day_value(anchor + dt.timedelta(days=offset)))


@rule(
    "weekday",
    rf"(?:(?P<rel>last|next|this{S}past|this{S}coming|this|coming|past|the{S}previous|the{S}following|the{S}next|that){S})?(?:(?P<pos>early|earlier|late|later){S})?(?P<wd>{WEEKDAY})(?:{S}(?P<part>{DAY_PART}))?(?![\w])",
)
def weekday(match, ctx):
    word = match["wd"]
    if not capitalised(word) or in_a_name(ctx, match.start(), match.end()):
        return None
    number = WEEKDAYS[word.lower().rstrip(".")]
    rel = " ".join((match["rel"] or "").lower().split())
    if rel in ("the previous", "the following", "the next", "that"):
        anchor = ctx.anaphor
        if anchor is None:
            return whole(match, "DATE", f"XXXX-WXX-{number}")
        if rel == "the previous":
            day = cal.weekday_near(anchor - dt.timedelta(days=1), number, -1)
        elif rel == "that":
            day = cal.weekday_near(anchor, number, -1)
        else:
            day = cal.weekday_near(anchor + dt.timedelta(days=1), number, +1)
        type_, value = _time_part(cal.day_value(day), match["part"])
        return whole(match, type_, value)
    value = resolve_weekday(ctx, number, match.start(), match.end(), match["rel"] or "")
    type_, value = _time_part(value, match["part"])
    return whole(match, type_, value)
