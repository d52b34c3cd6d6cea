"""The temporal tagger: finds TIMEX3 expressions in a text and normalises their values.

In the spirit of HeidelTime: pattern rules (:mod:`timex_grammar`, :mod:`timex_grammar2`)
with normalisation functions, the longest match winning, values resolved against the
publication date (deictic: "yesterday", "last week") or the date last mentioned
(anaphoric: "the following day", "a year earlier"), and tense cues for "on Tuesday".
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import (  # noqa: F401  (importing registers the rules)
    timex_clock,
    timex_days,
    timex_grammar,
    timex_grammar2,
    timex_holidays,
    timex_periods,
    timex_vague,
)
from ingest.extract.day_counts import after_the_noun
from ingest.extract.model import Timex
from ingest.extract.timex_context import Context
from ingest.extract.timex_rules import RULES, Part, before_a_noun

_ABSOLUTE_ANCHORS = ("DATE", "TIME")
_DAY_DIGITS = re.compile(r"\b[0-3]?\d\b(?!\d)")


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Is the day at ``start..end`` a modifier of the noun after it ("the 27 November
    ceasefire")? Such a day is no anchor for "the same day"."""
    return bool(_DAY_DIGITS.search(text, start, end)) and before_a_noun(text, start, end)


def tag(text: str, published: dt.date | None = None) -> list[Timex]:
    """All temporal expressions in ``text``, in reading order, with TIMEX3 values.

    ``published`` anchors relative expressions; without it they resolve against a full date
    the text gives before them, or get ``X`` placeholders (``XXXX-WXX-2`` for "Tuesday").
    """
    candidates = []
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                candidates.append(
                    (
                        match.start(),
                        -(match.end() - match.start()),
                        -rule.priority,
                        order,
                        match,
                        rule,
                    )
                )
    # Leftmost-longest: at each place the longest match whose handler accepts it wins.
    candidates.sort(key=lambda c: c[:4])
    context = Context(text, published)
    timexes: list[Timex] = []
    cursor = 0
    for start, _length, _priority, _order, match, rule in candidates:
        if start < cursor:
            continue
        try:
            parts: list[Part] | None = rule.handler(match, context)
        except (OverflowError, ValueError):
            parts = None  # a date past the calendar's ends (year 1 or 9999): not a time
        if not parts:
            continue
        cursor = max(match.end(), max(part.end for part in parts))
        for part in parts:
            if part.end <= part.start or not part.value:
                continue
            timexes.append(
                Timex(
                    part.start,
                    part.end,
                    text[part.start : part.end],
                    part.type,
                    part.value,
                    part.mod,
                    part.range_end,
                    part.range_part,
                )
            )
            if (
                part.type in _ABSOLUTE_ANCHORS
                and part.anchor
                and (part.absolute or published is not None)
                and not _names_a_thing(text, part.start, part.end)
            ):
                context.note(part.value[:10] if "T" in part.value else part.value, part.end)
            elif part.type == "DURATION":
                # "a day after the attack": later anaphora ("the following day") count on
                # from the day it stands for.
                derived = after_the_noun(text, timexes[-1], timexes[:-1])
                if derived:
                    context.note(derived[2], part.end)
    return timexes
