"""What actor recognition knows about one text: the mentions it finds and the facts about the
whole text (dates, headline lines, words seen in lower case) that single chunks are judged by."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ingest.extract.gazetteer import Gazetteer
from ingest.extract.model import Timex
from ingest.extract.names import Token


@dataclass(slots=True)
class Mention:
    """One stretch of text naming an actor, under the actor's canonical name."""

    start: int
    end: int
    name: str
    kind: str
    strength: int = 1  # 3 gazetteer or workspace, 2 pattern, 1 guess


class Document:
    """Facts about the whole text that single chunks are judged by."""

    def __init__(self, text: str, tokens: list[Token], timexes: list[Timex], gazetteer: Gazetteer):
        self.text = text
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.timex_starts = [t.start for t in timexes]
        self.timex_ends = [t.end for t in timexes]
        self.token_starts = [t.start for t in tokens]
        self.lower_words = {t.text for t in tokens if t.text[:1].islower()}
        self.mid_capitals = {t.text for t in tokens if t.capitalised and not t.sentence_start}
        self.title_lines = _title_case_lines(text, tokens)
        self.title_starts = [start for start, _end in self.title_lines]
        self.body_words = Counter(t.text for t in tokens if not self.in_title_line(t.start))
        self.occurrence_cache: dict[str, int] = {}
        self.surnames: dict[str, str] = {}  # people named so far, by surname
        self.given_of: dict[str, set[str]] = {}  # and by given name ("Eskinder ... said")
        self._main_state: str | None = None

    @property
    def main_state(self) -> str | None:
        """The state the text is about, when one is named at least three times and half as
        often again as any other: whose "Air Force" or "Interior Ministry" an unowned one is."""
        if self._main_state is None:
            counts: Counter[str] = Counter()
            index = 0
            while index < len(self.tokens):
                index, state = self._state_at(index)
                if state:
                    counts[state] += 1
            self._main_state = dominant(counts)
        return self._main_state or None

    def paragraph_state(self, position: int) -> str | None:
        """The state a paragraph is headed with, in a digest of several states ("Haiti. Govt
        extended ...", "Ecuador: ..."): the paragraph that holds ``position``."""
        opening = self.text.rfind("\n", 0, position) + 1
        index = bisect.bisect_left(self.token_starts, opening)
        if index >= len(self.tokens) or self.tokens[index].start != opening:
            return None
        after, state = self._state_at(index)
        if state is None or after >= len(self.tokens):
            return None
        heading = self.text[self.tokens[after - 1].end : self.tokens[after].start]
        return state if heading.strip() in (".", ":", "–", "—", "-") else None

    def _state_at(self, index: int) -> tuple[int, str | None]:
        """The state named (or whose capital is named) at token ``index``, and the index
        after the name ("United States" is one mention, not two)."""
        if self.tokens[index].text[:1].isupper():  # states and capitals have a capital
            for size in (3, 2, 1):
                words = self.tokens[index : index + size]
                if len(words) < size:
                    continue
                entry = self.gazetteer.lookup(self.text[words[0].start : words[-1].end])
                if entry is not None and entry.kind == "state":
                    return index + size, entry.name
                if entry is not None and entry.role == "capital" and entry.state:
                    return index + size, entry.state
        return index + 1, None

    def in_timex(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.timex_starts, start) - 1
        return (
            index >= 0
            and self.timex_ends[index] > start
            or (index + 1 < len(self.timex_starts) and self.timex_starts[index + 1] < end)
        )

    def common(self, token: Token) -> bool:
        word = token.text
        lower = word.lower()
        return lower in self.gazetteer.common_words or (word != lower and lower in self.lower_words)

    def in_title_line(self, position: int) -> bool:
        index = bisect.bisect_right(self.title_starts, position) - 1
        return index >= 0 and position < self.title_lines[index][1]


def _title_case_lines(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Lines that capitalise most words (headlines), where capitals say little."""
    lines = []
    index = 0
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        words = capitals = 0
        while index < len(tokens) and tokens[index].start < end:
            word = tokens[index].text
            if word[:1].isalpha() and len(word) > 3:
                words += 1
                capitals += word[:1].isupper()
            index += 1
        if words >= 4 and capitals / words >= 0.7:
            lines.append((position, end))
        position = end + 1
    return lines


def dominant(counts: Counter[str]) -> str:
    """The state a text is about: named at least three times and half as often again as any
    other ("" when none is)."""
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or 2 * ranked[0][1] >= 3 * ranked[1][1]):
        return ranked[0][0]
    return ""
