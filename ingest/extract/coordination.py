"""Clauses that share a sentence's one date: "In August 2023, Fano fighters seized Lalibela,
and parliament declared a state of emergency" tells two happenings of that August.

A second clause counts when it follows the date, is joined by ", and" or ";", and opens
with a subject of its own (a name or a noun phrase, at most six words, no comma) before a
verb in the simple past. Whether that verb is a happening (not speech, a plan or a state)
is left to the headline rules that judge every clause.
"""

from __future__ import annotations

import re

from ingest.extract.verb_finder import find_verb
from ingest.extract.verbs import AMBIGUOUS_PAST, IRREGULAR_PAST

_JOIN = re.compile(r"(?:,\s+and|;)\s+(?=\w)")
# Reactions the verb finder can return ("describe", "warn", "vow" are reporting verbs there).
_REACTIONS = frozenset(
    ["call", "term", "dub", "label", "urge", "welcome", "condemn", "praise", "criticise",
     "criticize", "deny", "reject", "blame", "accuse"]
)  # fmt: skip
_NOUN_THEN = re.compile(r"\s+[a-z]+s\s+[a-z]+\b")
_SUBJECT = re.compile(r"^(?:[\w'’.-]+\s+){1,6}$")
_NOT_SUBJECT = re.compile(
    r"\b(?:that|which|who|whom|whose|when|where|while|as|after|before|since|because|if|"
    r"said|says|told|has|have|had|is|are|was|were|will|would|could|should|may|might|not)\b",
    re.IGNORECASE,
)


def shared_date_clauses(
    text: str, start: int, end: int, last_date_end: int
) -> list[tuple[int, int, int]]:
    """Each clause after the date that shares it (see the module notes): where its joining
    ", and" or ";" begins, where the clause begins and where it ends."""
    found = []
    for join in _JOIN.finditer(text, last_date_end, end):
        piece_end = end
        following = _JOIN.search(text, join.end(), end)
        if following:
            piece_end = following.start()
        piece = text[join.end() : piece_end]
        verb = find_verb(piece)
        if verb is None or verb[3] or verb[2] in _REACTIONS:
            continue  # none, a passive ("and 40 were wounded"), a reaction ("and X called it")
        subject = piece[: verb[0]]
        if not _SUBJECT.match(subject) or _NOT_SUBJECT.search(subject):
            continue
        word = piece[verb[0] : verb[1]].lower()
        rest = piece[verb[1] :]
        if word in AMBIGUOUS_PAST and word.endswith("ed") and _NOUN_THEN.match(rest):
            continue  # "and Rohingya armed groups recruit": an adjective, not a verb
        if " " in word or not (word.endswith("ed") or word in IRREGULAR_PAST):
            continue  # "and groups recruit", "and Khazali has reinvented himself": no past event
        found.append((join.start(), join.end(), piece_end))
    return found
