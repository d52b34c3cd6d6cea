"""Rules for sets ("every Thursday", "weekly") and vague references ("now", "recently")."""

from __future__ import annotations

import re

from ingest.extract.lexicon import MONTHS, WEEKDAYS
from ingest.extract.timex_patterns import DAY_PART, MONTH, NUMBER, UNIT, WEEKDAY, WEEKDAY_PLURAL, S
from ingest.extract.timex_rules import after_rate, count_of, duration_value, rule, unit_name, whole


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _after_frequency(ctx, start: int) -> bool:
    return after_rate(ctx, start)


# ---------------------------------------------------------------------------- sets


_FREQUENCY = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "nightly": "P1D",
    "fortnightly": "P2W",
    "biannually": "P6M",
    "biennially": "P2Y",
    "semiannually": "P6M",
    "semi-annually": "P6M",
}


# "a quarterly dividend" (an adjective) but "rains daily in May" (an adverb).
_ADJECTIVE_USE = re.compile(
    r"\s++(?!(?:basis|in|on|at|for|since|and|or|but|to|from|until|during|across|throughout|by|with|as|"
    r"because|before|after|over|through|while|when|until|since)\b)[a-z]"
)
_NEWSPAPER = re.compile(
    r"\s++(?:[A-Z]|(?:reported|said|wrote|quoted|cited|newspaper|paper)\b)|['’]s\b"
)


@rule(
    "frequency",
    r"(?:(?:near|almost)-)?(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|fortnightly|biannually|biennially|semi-?annually)(?![\w-])",
)
def frequency(match, ctx):
    word = match["w"].lower()
    if word != "annually" and _ADJECTIVE_USE.match(ctx.text, match.end()):
        return None  # "a quarterly dividend", "the daily newspaper": adjectives, not sets
    if _NEWSPAPER.match(ctx.text, match.end()):
        return None  # "the Israeli daily Haaretz", "the weekly Der Spiegel": a newspaper
    return whole(
        match, "SET", _FREQUENCY[match["w"].lower().replace("semiannually", "semiannually")]
    )


@rule(
    "every",
    rf"(?P<q>every|each|per|a|an){S}(?:(?P<other>other|single){S})?(?:(?P<n>{NUMBER}){S})?(?P<unit>{UNIT}|(?P<wd>{WEEKDAY})|(?P<mo>{MONTH})|(?P<part>{DAY_PART}))(?![\w-])",
)
def every(match, ctx):
    quantifier = match["q"].lower()
    if (
        quantifier in ("a", "an", "per")
        and not _after_frequency(ctx, match.start())
        and quantifier != "per"
    ):
        return None
    if match["wd"]:
        return whole(match, "SET", f"XXXX-WXX-{WEEKDAYS[match['wd'].lower().rstrip('.')]}")
    if match["mo"]:
        if not match["mo"][:1].isupper():
            return None
        return whole(match, "SET", f"XXXX-{MONTHS[match['mo'].lower().rstrip('.')]:02d}")
    if match["part"]:
        return whole(match, "SET", "P1D")
    amount = count_of(match["n"]) if match["n"] else 1
    if match["other"] and match["other"].lower() == "other":
        amount = 2
    if amount is None:
        return None
    return whole(match, "SET", duration_value(amount, unit_name(match["unit"])))


@rule("weekday_plural", rf"(?P<wd>{WEEKDAY_PLURAL})(?:{S}(?P<part>{DAY_PART}|nights))?(?![\w-])")
def weekday_plural(match, ctx):
    if not match["wd"][:1].isupper():
        return None
    number = WEEKDAYS[match["wd"].lower()[:-1]]
    part = (match["part"] or "").lower().rstrip("s")
    suffix = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(part, "")
    return whole(match, "SET", f"XXXX-WXX-{number}{suffix}")


# ------------------------------------------------------------------ vague references


_VAGUE = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "this time": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the recent past": "PAST_REF",
    "once": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF",
    "the coming days": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "a later time": "FUTURE_REF",
    "a later stage": "FUTURE_REF",
    "later": "FUTURE_REF",
}


@rule(
    "vague",
    r"(?P<w>right\s++now|now|currently|nowadays|these\s++days|at\s++present|presently|the\s++present(?!\s++(?:day|time|tense)\b)|at\s++the\s++moment|recently|lately|the\s++(?:recent\s++|distant\s++)?past|the\s++(?:near\s++|foreseeable\s++|distant\s++)?future|a\s++later\s++(?:date|time|stage))(?![\w-])",
)
def vague(match, ctx):
    word = _norm(match["w"])
    text = ctx.text
    after = text[match.end() : match.end() + 24].lower()
    if word == "current" and re.match(
        r"\s+(?:account|accounts|affairs|events|affair|s\b|ly)", after
    ):
        return None
    if word == "the past" and re.match(
        r"\s+(?:few|two|three|four|five|six|several|\d|year|month|week|decade|day)", after
    ):
        return None
    if word == "now" and text[max(0, match.start() - 6) : match.start()].lower().endswith("until "):
        pass
    if word == "future" and re.match(r"\s+(?:of|plans?\s+(?:of|for)\s+the)\b", after):
        return None
    if word == "recent" and re.match(r"\s+(?:years|months|weeks|days|decades)\b", after):
        return None
    if word == "the past" and re.match(r"\s*'s", after):
        return None
    value = _VAGUE.get(word)
    if value is None:
        key = word.replace("distant ", "")
        value = _VAGUE.get(key, "PAST_REF" if "past" in word else "FUTURE_REF")
    return whole(match, "DATE", value)
