"""Sentence boundaries with offsets, careful with abbreviations ("Gen.", "U.S.", "Jan.")."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "sgt",
        "st",
        "gov",
        "sen",
        "rep",
        "capt",
        "adm",
        "maj",
        "prof",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "rev",
        "hon",
        "brig",
        "cmdr",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "al",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[A-Z\"“‘'(])")


# "Hun Sen." after a name word, not "Republican Sen." or "U.S. Sen.".
_NAMED_SEN = re.compile(
    r"\b(?!(?:Republican|Democratic|Democrat|Former|State|Independent|Senior|Junior|Veteran)\b)"
    r"[A-Z][a-z]+\s+Sen\.$"
)


def split(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed; covers every non-blank character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group()[0] == ".":
            word = re.search(r"([\w.]+)\.$", text[max(0, match.start() - 12) : match.start() + 1])
            if word:
                token = word.group(1).lower()
                if token == "sen" and _NAMED_SEN.search(text, max(0, match.start() - 30), end):
                    pass  # "... former leader Hun Sen. Anutin took office": a name, not "Senator"
                elif token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                    # "U.S." ends a sentence only when a capitalised word follows after a break.
                    following = text[end : end + 3]
                    if token not in (
                        "a.m",
                        "p.m",
                        "etc",
                        "inc",
                        "corp",
                        "co",
                        "ltd",
                    ) or not re.match(r"\s+[A-Z]", following):
                        continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
