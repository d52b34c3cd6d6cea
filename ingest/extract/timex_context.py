"""What the temporal tagger knows while it reads: the document date, the last date
mentioned (for anaphora such as "the following day" or "a year earlier"), and tense cues.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract.calendar import value_granularity, value_to_date

# Words that put a clause in the future ("will meet on Tuesday", "is expected to arrive in May").
_FUTURE = re.compile(
    r"\b(?:will|won't|wont|shall|'ll|going\s+to|plans?\s+to|planning|scheduled|"
    r"expected\s+to|expects\s+to|due\s+to|is\s+due|are\s+due|set\s+to|is\s+to|are\s+to|"
    r"payable|will|starts?|begins?|meets?|expected|ahead\s+of|"
    r"intends?\s+to|aims?\s+to|next|upcoming|would|hopes?\s+to|tomorrow|"
    r"promised\s+to|vowed\s+to|deadline|forthcoming)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|announced|ago|last|earlier|reported|killed|signed|"
    r"met|held|began|ended|took|made|came|went|left|arrived|launched|attacked|struck|won|lost|"
    r"\w+ed)\b",
    re.IGNORECASE,
)
_PAST_PLAN = re.compile(
    r"\b(?:had|was|were)\s+(?:been\s+)?(?:due|scheduled|set|expected|planned|supposed)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")


class Context:
    """Reference dates for one document.

    ``dct`` is the document (publication) date, the anchor of deictic expressions ("today",
    "last week"). ``last_value`` and ``last_day`` track the most recent date the text named,
    the anchor of anaphoric ones ("the next day", "a year earlier"). Without a ``dct`` the
    first full date in the text stands in for it, so a dateline still anchors "yesterday".
    """

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct
        self.last_value: str | None = None
        self.last_day: dt.date | None = None
        self.last_year: int | None = dct.year if dct else None
        self.last_quarter: str | None = None

    # ----------------------------------------------------------------- anchors
    @property
    def anchor(self) -> dt.date | None:
        """The date deictic expressions resolve against."""
        return self.dct if self.dct is not None else self.last_day

    @property
    def anaphor(self) -> dt.date | None:
        """The date anaphoric expressions resolve against."""
        return self.last_day or self.dct

    def anaphor_for(self, unit: str) -> dt.date | None:
        """The date "the following <unit>" counts from: the last date named at that
        granularity or finer ("in March 1989 ... the following month"), else :attr:`anaphor`."""
        order = ("day", "week", "month", "quarter", "year")
        if unit == "quarter" and self.last_quarter:
            return value_to_date(self.last_quarter)
        if self.last_value and unit in order:
            granularity = value_granularity(self.last_value)
            if granularity in order and order.index(granularity) <= order.index(unit):
                return value_to_date(self.last_value)
        return self.anaphor

    @property
    def year(self) -> int | None:
        """The year for a date written without one ("on March 5")."""
        if self.dct is not None:
            return self.dct.year
        # Without a publication date only a full date (a dateline) says which year "March 5"
        # is in; a year named in passing ("since the war began in 2023") does not.
        return self.last_day.year if self.last_day is not None else None

    def note(self, value: str) -> None:
        """Remember a date the text just named, for later anaphora."""
        granularity = value_granularity(value)
        if granularity is None:
            return
        self.last_value = value
        day = value_to_date(value)
        if day is None:
            return
        self.last_year = day.year
        if granularity == "day":
            self.last_day = day
        if granularity == "quarter":
            self.last_quarter = value

    # ------------------------------------------------------------------- tense
    def tense(self, start: int, end: int) -> int:
        """+1 when the clause around ``start..end`` speaks of the future, -1 of the past,
        0 when nothing in the sentence says which."""
        left = self.text.rfind("\n", max(0, start - 300), start)
        window_start = max(left + 1, start - 200)
        for match in _SENTENCE_END.finditer(self.text, window_start, start):
            window_start = match.end()
        stop = _SENTENCE_END.search(self.text, end, min(len(self.text), end + 200))
        window_end = stop.start() if stop else min(len(self.text), end + 200)
        before = self.text[window_start:start]
        after = self.text[end:window_end]
        if _PAST_PLAN.search(before):
            return -1
        future = _nearest(_FUTURE, before, after)
        past = _nearest(_PAST, before, after)
        if future is None:
            return -1 if past is not None else 0
        if past is None:
            return 1
        return 1 if future <= past else -1


def _nearest(pattern: re.Pattern, before: str, after: str) -> int | None:
    """Distance in characters from the timex to the nearest match of ``pattern``."""
    best = None
    for match in pattern.finditer(before):
        best = len(before) - match.end()
    for match in pattern.finditer(after):
        distance = match.start()
        if best is None or distance < best:
            best = distance
        break
    return best
