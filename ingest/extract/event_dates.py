"""Which dates can date a happening: a text's definite dates (ranges joined, days counted
from a day just named), the publication day's end, datelines, live-blog stamps and the
lines of a timeline ("* Oct. 3, 1899 - A tribunal in Paris awards ...")."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract.day_counts import after_the_noun, days_apart
from ingest.extract.model import Timex
from ingest.extract.nominal import is_nominal_after
from ingest.extract.subjects import tidy
from ingest.extract.timex_rules import before_a_noun
from ingest.extract.when import to_when

BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣*–-]|\d{1,2}[.)])[ \t]+")
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
# "KYIV, Nov 14 (Reuters) -" or "WASHINGTON (AP) —": the dateline is not part of the story.
DATELINE = re.compile(
    r"[A-Z][\w .'’/-]{1,40}?(?:,\s+[^()\n]{1,60}?)?\s*(?:\([^()\n]{2,40}\))?\s*(?:[-–—]+|_)\s+"
)


_ENTRY_DASH = re.compile(r"\s*[-–—:]\s+")
# A live blog's entry stamp or a page's publication line: the time of posting.
STAMP = re.compile(
    r"[ \t]*(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—|:]\s"
    r"|(?:Published|Updated|Last\s+updated|Posted|First\s+published)\b)",
    re.IGNORECASE,
)


def timeline_entry(text, start, end, inside) -> tuple[str, str, int] | None:
    """A timeline line, "DATE - What happened." (a factbox, a chronology): the date and the
    line written as a headline already (present tense), and where the line's text starts."""
    first = inside[0]
    line = text.rfind("\n", start, first[0]) + 1 or start
    bullet = BULLET.match(text, line, first[0])
    if first[0] != (bullet.end() if bullet else line) or not first[2]:
        return None
    dash = _ENTRY_DASH.match(text, first[1], end)
    if dash is None:
        return None
    rest = text[dash.end() : end]
    if not rest[:1].isupper():
        return None
    words = tidy(re.split(r"[.;]\s|,\s+(?:then|which|who|when)\b|\.$", rest)[0]).split()
    if len(words) < 2:
        return None
    words[0] = words[0][:1].upper() + words[0][1:]
    cut = words[:14]
    while len(cut) > 2 and cut[-1].lower() in ("the", "a", "an", "of", "to", "in", "and", "on"):
        cut.pop()
    return first[2], " ".join(cut).rstrip(",:"), dash.end()


def day_end(day: dt.date) -> int:
    """The last second of ``day`` (UTC), for "has it happened by the publication date"."""
    return int(dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=dt.UTC).timestamp())


def dated_spans(text: str, timexes: list[Timex]) -> list[tuple[int, int, str]]:
    """(start, end, when) for each timex that names a definite time; ranges joined; "a day
    after" a day just named stands for the day before it (:func:`day_counts.days_apart`)."""
    found: list[tuple[int, int, str]] = []
    skip = set()
    for index, timex in enumerate(timexes):
        if timex.type == "DURATION" and found:
            derived = days_apart(text, timex, found[-1]) or after_the_noun(
                text, timex, timexes[:index]
            )
            if derived:
                found.append(derived)
            continue
        if index in skip or timex.type not in ("DATE", "TIME") or timex.range_part:
            continue
        when = None
        end = timex.end
        if timex.range_end and _NIGHT_OF.search(text, max(0, timex.start - 16), timex.start):
            when = to_when(timex.value, timex.mod)  # "the night of 9-10 Sept.": the 9th's night
            if index + 1 < len(timexes) and timexes[index + 1].range_part:
                end = timexes[index + 1].end
        elif timex.range_end:
            when = to_when(timex.value, timex.mod, timex.range_end)
            if index + 1 < len(timexes) and timexes[index + 1].range_part:
                end = timexes[index + 1].end
        elif index + 1 < len(timexes):
            following = timexes[index + 1]
            gap = text[timex.end : following.start]
            opener = text[max(0, timex.start - 9) : timex.start]
            if (
                following.type in ("DATE", "TIME")
                and _RANGE_GAP.match(gap)
                and (_RANGE_OPEN.search(opener) or gap.strip() in ("-", "–", "—"))
            ):
                left, right = (
                    to_when(timex.value, timex.mod),
                    to_when(following.value, following.mod),
                )
                if left and right and "/" not in left + right and "W" not in left + right:
                    when = to_when(timex.value, "", following.value)
                    if when:
                        end = following.end
                        skip.add(index + 1)
        if when is None:
            when = to_when(timex.value, timex.mod)
        if (
            when
            and (
                before_a_noun(text, timex.start, end)
                or (
                    len(timex.value) == 4
                    and _NAME_AFTER.match(text, end)
                    and re.search(r"\bthe\s+$", text[max(0, timex.start - 5) : timex.start])
                )
            )
            and not is_nominal_after(text, end)
        ):
            # "the 2019 uprising", "the 1960 Indus Waters Treaty": a background happening or
            # a thing's name, not a date of the clause's happening
            when = None
        if when or not timex.value.startswith(("PRESENT", "PAST", "FUTURE")):
            # An unresolved date ("Saturday" with no publication date) still claims its
            # clause, so that a background date nearby is not taken for it.
            found.append((timex.start, end, when))
    return found


_NIGHT_OF = re.compile(r"\bnight\s+of\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
