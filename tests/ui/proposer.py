"""Stand-in event proposals for UI tests while the extraction proposes none.

The review dialog is tested against the extraction contract (``Extraction.to_dict()``).
Until the extraction engine proposes events itself, :func:`extract_with_events` wraps the
real ``ingest.extract`` (real timexes, resolved against the publication date, and real
actors) and adds one event per sentence holding a DATE or TIME expression, as the contract
describes: ``date`` is the expression's value, the quote is the sentence, the actors are
those mentioned in it. When the real extraction returns events, they are used unchanged.
"""

from __future__ import annotations

import re

import ingest
from models import dates

# A sentence ends at . ! ? followed by a space and a capital, not after "a.m." or "U.S.".
_SENTENCE = re.compile(r".+?(?:(?<!\b[a-zA-Z])[.!?](?=\s+[A-Z\"“])|\n|$)", re.S)
_REAL_EXTRACT = ingest.extract


class _Wrapped:
    def __init__(self, found: dict):
        self._found = found

    def to_dict(self) -> dict:
        return self._found


def extract_with_events(text, published=None, actors=None):
    found = _REAL_EXTRACT(text, published=published, actors=actors).to_dict()
    if found["events"]:
        return _Wrapped(found)
    events = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        timexes = [
            t
            for t in found["timexes"]
            if start <= t["start"] < end and t["type"] in ("DATE", "TIME")
        ]
        when = None
        for timex in timexes:
            try:
                when = dates.parse(
                    timex["value"][:10] if timex["type"] == "TIME" else timex["value"]
                ).edtf()
                break
            except dates.DateError:
                continue
        if when is None:
            continue
        sentence = text[start:end]
        words = re.sub(r"^[A-Z ]+, \w+ \d+ \([^)]*\) - ", "", sentence).split()
        title = " ".join(words[:7]).rstrip(".,;")
        names = [
            a["name"]
            for a in found["actors"]
            if any(start <= s and e <= end for s, e in a["mentions"])
        ]
        events.append(
            {
                "date": when,
                "title": title,
                "sentence": sentence,
                "start": start,
                "end": end,
                "actors": names,
            }
        )
    found["events"] = events
    return _Wrapped(found)
