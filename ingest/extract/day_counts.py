"""Happenings dated by counting from another day: "on Friday, a day after Washington lifted
restrictions" (Washington's happening is on Thursday) and "two days after capturing Hama"
(the subject of the clause before did it, two days earlier).
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract.headline import headline
from ingest.extract.model import Timex
from ingest.extract.verb_finder import find_verbs, past_of_gerund

COUNT = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|twenty|\d{1,2})"
)
DAYS_APART = re.compile(
    COUNT + r"\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)\s+", re.IGNORECASE
)


def days_apart(text: str, timex: Timex, last: tuple[int, int, str]) -> tuple | None:
    """The date of X in "on Friday, a day after X" (or "two weeks after X"), counted from the
    day named before it."""
    days = re.fullmatch(r"P(\d{1,2})([DWMY])", timex.value)
    match = DAYS_APART.match(text, timex.start)
    gap = text[last[1] : timex.start]
    if not days or not match or len(gap) > 200 or not last[2]:
        return None
    if not gap.rstrip().endswith(",") or re.search(r"[.;!?]\s", re.sub(r"\b[A-Z]\.", "", gap)):
        return None  # the day named must be in the same sentence, before ", a day after"
    after = match.group().lower().rstrip().endswith("after")
    if days.group(2) == "Y":
        # "took effect on 29 January 2025, a year after the juntas announced their exit":
        # January 2024, the month (a year's count does not keep the day exactly)
        month = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", last[2])
        if month is None:
            return None
        year = int(month.group(1)) + (-int(days.group(1)) if after else int(days.group(1)))
        return timex.start, timex.end, f"{year:04d}-{month.group(2)}"
    if days.group(2) == "M":
        # "in April 2021, a month after insurgents stormed Palma": March 2021
        month = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", last[2])
        if month is None:
            return None
        index = int(month.group(1)) * 12 + int(month.group(2)) - 1
        index += -int(days.group(1)) if after else int(days.group(1))
        return timex.start, timex.end, f"{index // 12:04d}-{index % 12 + 1:02d}"
    if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:/\d{4}-\d\d-\d\d)?", last[2]):
        return None  # counted from a day ("on 29 and 30 December": from the first)
    day = dt.date.fromisoformat(last[2][:10])
    step = dt.timedelta(days=int(days.group(1)) * (7 if days.group(2) == "W" else 1))
    day = day - step if after else day + step
    return timex.start, timex.end, day.isoformat()


# "a day after the attack", "a week after the coup in Niamey": after a happening named by a
# noun, not a clause with a verb of its own.
_AFTER_THE = re.compile(
    r"(?:the|that|this)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]{4,})"
    r"(?:\s+(?:in|on|at|near|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"(?=\s*[,.;]|\s+and\b)"
)


def after_the_noun(text: str, timex: Timex, timexes: list[Timex]) -> tuple | None:
    """The date of X in "X happened a day after the attack": counted from the latest day
    named before (within 1,500 characters) next to the same noun ("the April 22 attack", "the
    attack on 22 April")."""
    count = re.fullmatch(r"P(\d{1,2})([DW])", timex.value)
    match = DAYS_APART.match(text, timex.start)
    if not count or not match:
        return None
    noun = _AFTER_THE.match(text, match.end())
    if noun is None:
        return None
    stem = noun["noun"][:5].lower()
    step = dt.timedelta(days=int(count[1]) * (7 if count[2] == "W" else 1))
    if not match.group().lower().rstrip().endswith("after"):
        step = -step
    for other in reversed(timexes):
        start, end, when = other.start, other.end, other.value
        if end > timex.start or other.type not in ("DATE", "TIME"):
            continue
        if start < timex.start - 1500:
            break
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", when[:10]):
            continue
        when = when[:10]
        near = text[max(0, start - 80) : end + 40].lower()
        if not re.search(rf"\b{re.escape(stem)}", near):
            continue
        return timex.start, timex.end, (dt.date.fromisoformat(when) + step).isoformat()
    return None


# ", a day after seizing the airport": a happening of the subject of the clause before.
AFTER_GERUND = re.compile(r"[\s,]*(?:after|before)\s+(?P<verb>[a-z]{3,}ing)\b")


def gerund_title(body: str, gerund: re.Match, subject: str, when: str):
    """The headline, date and subject of "after seizing the airport" done by ``subject``."""
    clause = f"{subject} {past_of_gerund(gerund['verb'])}{body[gerund.end('verb') :]}"
    verb = next((v for v in find_verbs(clause) if v[0] == len(subject) + 1), None)
    if verb is None:
        return None
    title = headline(clause, verb)
    return (title, when, subject) if len(title.split()) >= 2 else None
