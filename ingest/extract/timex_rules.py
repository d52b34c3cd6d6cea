"""Pattern rules of the temporal tagger, each with its normalisation function.

A rule is a compiled pattern and a handler. The tagger collects every rule's matches,
keeps the longest non-overlapping ones, and calls the handlers in reading order; a handler
returns the TIMEX3 parts for its match (usually one, two for a range such as "6 to 9
August") or ``None`` when the match turns out not to be a time ("Theresa May").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.extract import calendar as cal
from ingest.extract.lexicon import (
    CENTURY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    UNITS,
    number_value,
)
from ingest.extract.timex_context import Context
from ingest.extract.timex_patterns import (
    NUMBER_WORD,
    YEAR,
    S,
    compile_rule,
)

SPOKEN_YEAR = rf"(?:(?:nineteen|eighteen){S}(?:{NUMBER_WORD}|hundred)|two{S}thousand(?:{S}and)?(?:{S}(?:{NUMBER_WORD}))?)"
ANY_YEAR = rf"(?:{YEAR}|{SPOKEN_YEAR})"


@dataclass(slots=True)
class Part:
    """One TIMEX3 produced by a rule (offsets into the document)."""

    start: int
    end: int
    type: str
    value: str
    mod: str = ""
    range_end: str | None = None
    range_part: bool = False
    absolute: bool = False  # names its own date: becomes the anchor for anaphora
    anchor: bool = True  # False for dates counted from another ("a year earlier")


Handler = Callable[[re.Match, Context], list[Part] | None]


@dataclass(slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    priority: int = 0


RULES: list[Rule] = []


def rule(name: str, pattern: str, priority: int = 0):
    """Register ``handler`` for ``pattern`` (decorator)."""

    def register(handler: Handler) -> Handler:
        RULES.append(Rule(name, compile_rule(pattern), handler, priority))
        return handler

    return register


# --------------------------------------------------------------------------- helpers


def whole(match: re.Match, type_: str, value: str, mod: str = "", absolute=False) -> list[Part]:
    return [Part(match.start(), match.end(), type_, value, mod, absolute=absolute)]


def month_number(word: str | None) -> int | None:
    if not word:
        return None
    return MONTHS.get(word.lower().rstrip("."))


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def year_of(text: str | None) -> int | None:
    """A written year: ``1998`` or ``nineteen ninety-eight``."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    words = " ".join(text.lower().split())
    for prefix, century in CENTURY_WORDS.items():
        if words.startswith(prefix + " "):
            rest = words[len(prefix) + 1 :]
            if rest == "hundred":
                return century * 100
            number = NUMBER_WORDS.get(rest)
            if isinstance(number, int) and 10 <= number <= 99:
                return century * 100 + number
            if isinstance(number, int) and 1 <= number <= 9 and rest.startswith("o"):
                return century * 100 + number
            return None
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].replace(" and ", " ").strip()
        if not rest:
            return 2000
        number = NUMBER_WORDS.get(rest)
        if isinstance(number, int) and 1 <= number <= 99:
            return 2000 + number
    return None


def position_mod(text: str | None) -> str:
    """TimeML ``mod`` for "early", "mid", "the end of", ..."""
    if not text:
        return ""
    word = " ".join(text.lower().split())
    if word.startswith("the "):
        word = word[4:]
    if word.endswith(" of"):
        word = word[:-3]
    word = word.replace("very ", "")
    if word in ("early", "start", "beginning", "dawn", "first half", "spring"):
        return "START"
    if word in ("mid", "middle", "height", "summer"):
        return "MID"
    if word in (
        "late",
        "end",
        "close",
        "turn",
        "second half",
        "latter half",
        "last half",
        "autumn",
        "fall",
        "winter",
    ):
        return "END"
    if word in ("earlier", "later", "rest", "remainder"):
        return ""
    return ""


def half_of(text: str | None) -> int | None:
    if not text:
        return None
    word = text.lower()
    if "first half" in word:
        return 1
    if "second half" in word or "latter half" in word or "last half" in word:
        return 2
    return None


def resolve_month(ctx: Context, month: int, start: int, end: int, rel: str = "") -> str:
    """``YYYY-MM`` for a month named without a year, by relation word or by tense."""
    anchor = ctx.anchor
    rel = " ".join(rel.lower().split())
    if anchor is None:
        year = ctx.year
        return cal.month_value(year, month) if year else f"XXXX-{month:02d}"
    year = anchor.year
    if rel in ("last", "this past", "past"):
        if month >= anchor.month - 1:
            year -= 1
    elif rel in ("next", "this coming", "coming", "the coming"):
        if month <= anchor.month:
            year += 1
    elif rel == "this":
        pass
    else:
        direction = deadline_tense(ctx, start, end)
        if direction > 0 and month < anchor.month - 1:
            year += 1
        elif direction <= 0 and month > anchor.month + 1:
            year -= 1
    return cal.month_value(year, month)


def resolve_day(ctx: Context, month: int, day: int, start: int, end: int) -> str | None:
    """``YYYY-MM-DD`` for a day named without a year ("on March 5")."""
    anchor = ctx.anchor
    if anchor is None:
        year = ctx.year
        if year is None:
            return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
        found = cal.valid_day(year, month, day)
        return cal.day_value(found) if found else None
    near = ctx.day_in_sentence(start)
    if near is not None and abs((near - anchor).days) > 180:
        # "on 28 January 2024, Washington struck ... on 2 February": the story's year, the
        # one of the day just named in the sentence, not the report's.
        options = [cal.valid_day(near.year + shift, month, day) for shift in (-1, 0, 1)]
        options = [o for o in options if o is not None]
        if options:
            return cal.day_value(min(options, key=lambda o: abs((o - near).days)))
    year = anchor.year
    candidate = cal.valid_day(year, month, day)
    if candidate is None:
        return None
    direction = ctx.tense(start, end)
    if direction <= 0 and (candidate - anchor).days > 60:
        candidate = cal.valid_day(year - 1, month, day) or candidate
    elif direction > 0 and (anchor - candidate).days > 60:
        candidate = cal.valid_day(year + 1, month, day) or candidate
    return cal.day_value(candidate)


def resolve_weekday(ctx: Context, weekday: int, start: int, end: int, rel: str = "") -> str:
    anchor = ctx.anchor
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    rel = " ".join(rel.lower().split())
    if rel in ("last", "this past", "past"):
        day = cal.weekday_near(anchor - dt.timedelta(days=1), weekday, -1)
    elif rel in ("next", "this coming", "coming"):
        day = cal.weekday_near(anchor + dt.timedelta(days=1), weekday, +1)
    elif rel == "this":
        day = cal.weekday_near(anchor, weekday, +1 if ctx.tense(start, end) > 0 else -1)
    elif _INTO.search(ctx.text, max(0, start - 30), start) and ctx.anaphor is not None:
        # "went on into the early hours of Friday": the next such day after the one in hand.
        day = cal.weekday_near(ctx.anaphor + dt.timedelta(days=1), weekday, +1)
    else:
        day = cal.weekday_near(anchor, weekday, 1 if deadline_tense(ctx, start, end) > 0 else -1)
    return cal.day_value(day)


_INTO = re.compile(r"\binto\s+(?:the\s+(?:early\s+|small\s+|wee\s+)?hours\s+of\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+$", re.IGNORECASE)


def deadline_tense(ctx: Context, start: int, end: int) -> int:
    """The tense for a date, where "until Friday" or "by May" with no word of the past
    is a bound ahead ("talks should end by May", "markets stay closed until Friday")."""
    direction = ctx.tense(start, end)
    if _DEADLINE.search(ctx.text, max(0, start - 8), start) and (
        direction == 0 or _PLAN_BEFORE.search(ctx.text, max(0, start - 80), start)
    ):
        # "power cuts were expected to last until the weekend", told on a Thursday: a plan
        # reported in the past still runs to the coming bound.
        return 1
    return direction


_PLAN_BEFORE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:expected|due|scheduled|set|likely|forecast)\s+to\s+"
    r"[^.;]*?\b(?:by|until|till|through)\s+$",
    re.IGNORECASE,
)


def unit_name(word: str) -> str:
    word = word.lower()
    if word in ("centuries", "millennia"):
        return UNITS["century" if word == "centuries" else "millennium"][2]
    if word.endswith("s") and word[:-1] in UNITS:
        word = word[:-1]
    return UNITS[word][2]


def duration_value(amount: float | None, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXM`` (amount None = unknown), decades and centuries in years."""
    letter = {
        "second": "S",
        "minute": "M",
        "hour": "H",
        "day": "D",
        "week": "W",
        "fortnight": "W",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "Y",
        "century": "Y",
        "millennium": "Y",
    }[unit]
    clock = unit in ("second", "minute", "hour")
    prefix = "PT" if clock else "P"
    if amount is None:
        # "decades" is counted in years, as "two decades" is (P20Y): PXY.
        suffix = {"century": "CE", "millennium": "ML"}.get(unit, letter)
        return f"{prefix}X{suffix}"
    factor = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 1)
    amount = amount * factor
    if amount != int(amount):
        if unit == "year":
            return f"P{int(amount * 12)}M"
        if unit == "hour":
            return f"PT{int(amount * 60)}M"
        if unit == "day":
            return f"PT{int(amount * 24)}H"
        if unit == "month":
            return f"P{int(amount * 30)}D"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"


def count_of(text: str) -> float | None:
    """The amount in a count phrase; None for vague ("several") and ranges ("12 to 18")."""
    words = " ".join(text.lower().split())
    if re.search(r"\b(?:to|or)\b|-(?:to|or)-", words):
        return None
    return number_value(words)


def after_rate(ctx, start: int) -> bool:
    """Is "a week" here a rate ("twice a week", "$2 million a year", "700 seats a week")?"""
    before = ctx.text[max(0, start - 24) : start].lower()
    if re.search(
        r"(?:once|twice|thrice|times|\d|million|billion|thousand|hundred|dollars|cents|percent|%)\s+$",
        before,
    ):
        return True
    plural = re.search(r"\b([a-z]{3,})s\s+$", before)
    return bool(plural) and plural.group(1) + "s" not in _NOT_PLURAL_NOUNS


_NOT_PLURAL_NOUNS = {
    "this",
    "thus",
    "plus",
    "was",
    "has",
    "his",
    "its",
    "is",
    "as",
    "less",
    "unless",
    "across",
    "towards",
    "afterwards",
    "perhaps",
    "always",
    "sometimes",
    "nevertheless",
    "news",
    "bus",
    "gas",
    "chaos",
    "status",
    "focus",
    "bonus",
    "crisis",
    "basis",
    "analysis",
    "process",
    "progress",
    "success",
    "access",
    "business",
    "congress",
    "address",
    "ceasefires",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
}


# Names that contain a time word: "the Six-Day War", "the Sunday Times", "Bloody Sunday",
# "the Good Friday Agreement", "the Winter Olympics". The time word is not a time there.
_NAME_HEAD = re.compile(
    r"[\s-]++(?:War|Wars|Offensive|Revolution|Uprising|Agreement|Accords?|Olympics|Games|"
    r"Palace|Times|Telegraph|Express|Mirror|Herald|Post|People|Independent|Mail|Star|Sport|"
    r"Magazine|Edition|Show|Programme|Program|Club|Movement|Party|Front|Brigade|Crisis|"
    r"Campaign|Operation|Massacre|Plan|Festival)\b"
)
_NAME_MODIFIER = re.compile(
    r"\b(?:Bloody|Black|Super|Ash|Holy|Maundy|Shrove|Cyber|Fox\s+News|Meet\s+the\s+Press|"
    r"Arab|Prague|Operation)\s+$"
)  # named days ("Black Monday") are dated by the holiday rules, where they can be


def in_a_name(ctx: Context, start: int, end: int) -> bool:
    """Is the time word at ``start..end`` part of a name ("the Sunday Times")?"""
    if _NAME_HEAD.match(ctx.text, end):
        return True
    if ctx.text[start:end].lower() == "sunday" and re.search(
        r"\bMail\s+on\s+$", ctx.text[max(0, start - 10) : start]
    ):
        return True  # "The Mail on Sunday"; not "suspended the Bolan Mail on Wednesday"
    return bool(_NAME_MODIFIER.search(ctx.text, max(0, start - 24), start))


# "the 2019 uprising", "under the 27 November ceasefire": a date before a noun names a
# thing (a background happening); it is no date of the clause and no anchor for anaphora.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|of|for|by|from|with|was|were|is|are|has|had|when|after|"
    r"before|as|until|through)\b)[a-z][a-z-]{2,}\b"
)


def before_a_noun(text: str, start: int, end: int) -> bool:
    """Is the date at ``start..end`` set between a determiner and a noun ("the 2019
    uprising", "the 27 November ceasefire")?"""
    return bool(
        _DETERMINER_BEFORE.search(text, max(0, start - 12), start) and _NOUN_AFTER.match(text, end)
    )
