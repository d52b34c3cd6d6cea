"""What the temporal tagger knows while it reads: the document date, the last date
mentioned (for anaphora such as "the following day" or "a year earlier"), and tense cues.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract.calendar import value_granularity, value_to_date
from ingest.extract.sentences import ABBREVIATIONS

# Words that put a clause in the future ("will meet on Tuesday", "is expected to arrive in May").
_FUTURE = re.compile(
    r"\b(?:will|won't|wont|shall|should|'ll|going\s+to|plans?\s+to|planning|scheduled|"
    r"expected\s+to|expects?|expecting|forecasts?|predicts?|anticipates?|due\s+to|is\s+due|are\s+due|set\s+to|is\s+to|are\s+to|"
    r"payable|starts?|begins?|meets?|expected|ahead\s+of|effective|"
    r"intends?\s+to|aims?\s+to|next(?!\s+to\b)|upcoming|would|hopes?\s+to|tomorrow|"
    r"promised\s+to|vowed\s+to|forthcoming|hoped\s+to|hoping\s+to|wanted\s+to|wants\s+to|"
    r"comes?\s+up\s+for|falls?\s+due)\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Past forms ("said", "struck", any "-ed" word but "succeed", "need" and "hundred"). A
# participle after an auxiliary ("will be held", "has been killed", "is expected") or a
# copula ("remain closed") says nothing of the time by itself: the auxiliary does ("was
# held" is past through "was").
_PAST_WORDS = _words(
    """was were had did said told announced ago last earlier reported killed signed met held
    began ended took made came went left arrived launched attacked struck won lost brought
    fought bought sought caught thought gave got saw sent spent built fell rose shot fled stood
    kept found felt heard knew became broke chose drove flew spoke threw wrote sank withdrew
    overran paid sold agreed freed"""
)
_AUXILIARIES = _words("be been being is are has have get gets remain remains stay stays")
_WORD = re.compile(r"\w+")
_PAST_PLAN = re.compile(
    r"\b(?:had|was|were)\s+(?:been\s+)?(?:due|scheduled|set|expected|planned|supposed)\b",
    re.IGNORECASE,
)
# A trailing attribution (", the ministry said.") reports the clause; its tense is not the
# clause's ("talks will resume on Tuesday, officials said").
_ATTRIBUTION = re.compile(
    r"[,;]\s*+[\"'’”]*\s*+(?:[\w.'’-]+\s++){0,5}?"
    r"(?:said|says|told|added|reported|announced|stated|according\s+to)\b",
    re.IGNORECASE,
)
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:[a-z]+ed|signed|held|made|set|begun|won|struck)\s")
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b[A-Za-z]{2,5})$")


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
        self.last_day_end = -1
        self.days: list[tuple[int, dt.date]] = []  # (end, day) of each day named

    # ----------------------------------------------------------------- anchors
    @property
    def anchor(self) -> dt.date | None:
        """The date deictic expressions resolve against."""
        return self.dct if self.dct is not None else self.last_day

    @property
    def anaphor(self) -> dt.date | None:
        """The date anaphoric expressions resolve against."""
        return self.last_day or self.dct

    def day_in_sentence(self, start: int) -> dt.date | None:
        """The day named earlier in the sentence that ends before ``start``, if any ("agreed
        on Wednesday, after jets struck earlier in the day")."""
        if self.last_day is None or self.last_day_end < 0 or self.last_day_end > start:
            return None
        between = self.text[self.last_day_end : start]
        if _SENTENCE_END.search(between) or "\n" in between:
            return None
        return self.last_day

    def main_day(self, start: int) -> dt.date | None:
        """The day "that day" means at ``start``: the day named last, unless that one sits in
        an aside (", signed in Kuala Lumpur on Oct. 26,") after another day named earlier in
        the sentence ("Anutin on Monday suspended the declaration, signed ... on Oct. 26,
        after a landmine wounded two soldiers earlier that day")."""
        if len(self.days) < 2 or self.last_day_end > start:
            return self.anaphor
        (first_end, first), (last_end, last) = self.days[-2], self.days[-1]
        between = re.sub(r"\b[A-Z][a-z]{0,4}\.", "", self.text[first_end:start])  # "Oct."
        if _SENTENCE_END.search(between) or "\n" in between or first == last:
            return self.anaphor
        aside = _PARTICIPLE_ASIDE.search(self.text, first_end, last_end)
        return first if aside else self.anaphor

    def day_in_paragraph(self, start: int) -> dt.date | None:
        """The day named last, if that was in the paragraph (or list item) of ``start``."""
        if self.last_day is None or self.last_day_end < 0 or self.last_day_end > start:
            return None
        return None if "\n" in self.text[self.last_day_end : start] else self.last_day

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

    def note(self, value: str, end: int = -1) -> None:
        """Remember a date the text just named (ending at ``end``), for later anaphora."""
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
            self.last_day_end = end
            self.days.append((end, day))
        if granularity == "quarter" and (self.dct is None or day <= self.dct):
            # A forecast ("losses through the third quarter of 1990") is not the quarter
            # the story reports on: later bare quarters and "a year ago" keep to that one.
            self.last_quarter = value

    # ------------------------------------------------------------------- tense
    def tense(self, start: int, end: int) -> int:
        """+1 when the clause around ``start..end`` speaks of the future, -1 of the past,
        0 when nothing in the sentence says which."""
        text = self.text
        left = text.rfind("\n", max(0, start - 300), start)
        window_start = max(left + 1, start - 200)
        for match in _SENTENCE_END.finditer(text, window_start, start):
            if not _abbreviation_at(text, match.start()):
                window_start = match.end()
        window_end = min(len(text), end + 200)
        for match in _SENTENCE_END.finditer(text, end, window_end):
            if not _abbreviation_at(text, match.start()):
                window_end = match.start()
                break
        before = text[window_start:start]
        after = text[end:window_end]
        attribution = _ATTRIBUTION.search(after)
        if attribution:
            after = after[: attribution.start()]
        # "The group will bury Nasrallah, who was killed in September, in Beirut on Sunday":
        # a closed aside's tense is not the clause's.
        before = _CLOSED_ASIDE.sub(lambda m: " " * len(m.group()), before)
        aside = _RELATIVE_ASIDE.search(before)
        if aside and "," in after:
            # "Chapo, who took office in January, is due to visit ...": the aside's own tense
            before, after = before[aside.start() :], after[: after.index(",")]
        # "had been expected to": a plan in the past, whatever its verb says.
        before = _PAST_PLAN.sub(_as_past, before)
        after = _PAST_PLAN.sub(_as_past, after)
        # "said in a video posted late on Tuesday that his fighters would ...": what was said
        # after the date has a tense of its own.
        if _SPOKEN.search(before):
            said = re.search(r"\bthat\b", after)
            if said:
                after = after[: said.start()]
        # "visited on Monday and promised to ...": a promise after the date is not its tense.
        after = _PROMISE.sub(lambda m: " " * len(m.group()), after)
        future = _nearest(_FUTURE, before, after)
        past = _nearest_past(before, after)
        if future is None:
            return -1 if past is not None else 0
        if past is None:
            return 1
        return 1 if future <= past else -1


_SPOKEN = re.compile(r"\b(?:said|says|told|announced|stated|posted|wrote|claimed)\b")
_PROMISE = re.compile(r"\b(?:promised|vowed|pledged|hoped|hoping|wanted)\s+to\b", re.IGNORECASE)
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which)\b[^,;]*$")
_CLOSED_ASIDE = re.compile(r",\s*(?:who|which)\b[^,;]*,")


def _as_past(match: re.Match) -> str:
    return "was".ljust(len(match.group()))


def _abbreviation_at(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation ("Mr.", "U.S.", "Feb.")
    followed by more of the sentence, rather than the end of a sentence?"""
    if text[dot] != ".":
        return False
    word = _ABBREVIATION.search(text, max(0, dot - 8), dot)
    if word is None:
        return False
    token = word.group().lower()
    return token in ABBREVIATIONS or len(token) == 1 or "." in token


def _nearest(pattern: re.Pattern, before: str, after: str) -> int | None:
    """Distance in characters from the timex to the nearest match of ``pattern``."""
    best = None
    for match in pattern.finditer(before):
        if not _in_name(before, match):
            best = len(before) - match.end()
    for match in pattern.finditer(after):
        if _in_name(after, match):
            continue
        distance = match.start()
        if best is None or distance < best:
            best = distance
        break
    return best


def _in_name(text: str, match: re.Match) -> bool:
    """Is a cue a capitalised word inside a sentence ("the Higher Planning Council")?"""
    return match.group()[0].isupper() and bool(re.search(r"\w[\s,]*$", text[: match.start()]))


def _past_cues(text: str):
    """(start, end) of each past-tense cue in ``text`` (see ``_PAST_WORDS``)."""
    previous = ""
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if previous not in _AUXILIARIES and (
            word in _PAST_WORDS
            or len(word) >= 4
            and match.group()[0].islower()  # not "United", "Ahmed"
            and word.endswith("ed")
            and not word.endswith("eed")
            and word != "hundred"
        ):
            yield match.start(), match.end()
        previous = word


def _nearest_past(before: str, after: str) -> int | None:
    """Distance in characters from the timex to the nearest past-tense cue."""
    best = None
    for _start, end in _past_cues(before):
        best = len(before) - end
    for start, _end in _past_cues(after):
        if best is None or start < best:
            best = start
        break
    return best
