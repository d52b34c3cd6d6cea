"""What is not a happening, though dated: states ("the war lasted 34 days"), running totals
("have fled this year"), quoted words, a claim and its denial, and dates that are background
(the start of a state, a stretch, an aside's date for the main verb).
"""

from __future__ import annotations

import re

# ", a charge the Taliban government rejected": a claim and its denial.
APPOSED_CHARGE = re.compile(
    r",\s+an?\s+(?:charge|claim|accusation|allegation)s?\s+(?:that\s+)?(?:the\s+)?[A-Z]"
)
# "have fled ... this year": a running total.
PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?\w+\s*$")
THIS_PERIOD = re.compile(r"(?:this|so\s+far\s+this)\s+(?:year|month|week|quarter)|so\s+far", re.I)


def quoted(text: str, start: int, at: int) -> bool:
    """Is ``at`` inside a quotation that opened in the sentence (straight or curly quotes)?"""
    before = text[start:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# Verbs of lasting and being: a state, not a happening ("the war lasted 34 days").
STATE_VERBS = frozenset(
    [
        "last",
        "remain",
        "span",
        "be",
        "have",
        "seem",
        "stay",
        "belong",
        "own",
        "contain",
        "include",
        "comprise",
        "mean",
        "matter",
        "depend",
        "consist",
        "exist",
        "know",
        "resemble",
        "deserve",
        "risk",
        "face",
        "account",  # "the Sahel accounts for half of all fatalities": a share
    ]
)
# "since mid-2024", "since the war began in 2023": the start of a state the sentence is about.
_SINCE = re.compile(r"\bsince\b[^;.,]*$", re.IGNORECASE)
# "for most of the past decade", "throughout 2023": a stretch, not a date of a happening.
_STRETCH = re.compile(
    r"\b(?:(?:for|throughout)\s+(?:(?:most|much|all|part|some|the\s+rest)\s+of\s+)?"
    r"|(?:over|during|in)\s+(?:most|much|all|part|some|the\s+rest)\s+of\s+"
    # "in the five years to 2024": a stretch that ends then
    r"|\b(?:years?|months?|decades?|weeks?)\s+(?:to|through)\s+"
    # "extended it until 31 May": when a state ends, not when anything happened
    r"|\b(?:until|till)\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
_STRETCH_DATE = re.compile(r"the\s+(?:past|last|previous)\s", re.IGNORECASE)


def background(text: str, start: int, date_at: int) -> bool:
    """Is the date the start of a state ("since ...") or a stretch ("for most of ...")?"""
    if _SINCE.search(text, start, date_at):
        return True
    if _STRETCH_DATE.match(text, date_at) and re.search(
        r"\b(?:over|during|in|for|throughout)\s+$", text[max(start, date_at - 12) : date_at]
    ):
        return True  # "over the past decade"
    return bool(_STRETCH.search(text, max(start, date_at - 40), date_at))


def in_aside(text: str, start: int, end: int, date_at: int, verb_at: int) -> bool:
    """Is the date inside a ", which ... ," aside that the verb is outside of?"""
    for match in ASIDE.finditer(text, start, end):
        if match.start() <= date_at < match.end() and not match.start() <= verb_at < match.end():
            return True
    return False


# "..., who captured Bukavu, the capital of South Kivu, in February, ...": one apposition
# ("the capital of ...") may sit inside the aside.
ASIDE = re.compile(
    r",\s*(?:which|who|whose)\b[^,;.]*(?:,\s+(?:the|a|an)\s[^,;.]*,[^,;.]*)?(?:[,.]|$)"
)
