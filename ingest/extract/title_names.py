"""People in headlines by surname: "President Volodymyr Zelenskiy met NATO Secretary General
Mark Rutte" is headlined "Zelenskiy meets NATO's Rutte".

:func:`shorten_people` rewrites a clause in place, keeping its length (the freed characters
become spaces, which the headline drops), so that offsets into the clause stay valid.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ingest.extract.actor_words import TITLES

_TITLE_WORDS = {word.lower().rstrip(".") for word in TITLES} | {
    "of",
    "state",
    "affairs",
    "staff",
    "army",
    "armed",
    "forces",
    "security",
    "national",
    "general",
    "military",
    "intelligence",
    "chief",
    "minister",
    "president",
    "secretary",
    "commander",
    "leader",
    "spokesman",
    "spokeswoman",
    "envoy",
    "head",
    "negotiator",
    "adviser",
    "advisor",
    "interim",
    "acting",
    "war",
    "defense",
    "defence",
    "foreign",
    "interior",
    "homeland",
    "treasury",
    "finance",
    "justice",
    "former",
    "officer",
    "police",
}
_TOKEN_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)\s+$")
_NAME_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|ar)-", re.IGNORECASE)


# Family names written first: "Xi Jinping" -> "Xi", "Lee Jae-myung" -> "Lee", "Kim Yo Jong"
# -> "Kim". Korean ones only with a hyphenated or two-part given name ("Lee Anderson" is not).
_CHINESE_FIRST = frozenset(
    [
        "Xi",
        "Li",
        "Wang",
        "Zhang",
        "Liu",
        "Chen",
        "Yang",
        "Zhao",
        "Huang",
        "Zhou",
        "Wu",
        "Hu",
        "Wen",
        "Deng",
        "Mao",
        "Jiang",
        "Lai",
        "Tsai",
        "Ma",
        "Ko",
        "Hou",
        "Cheng",
    ]
)
_KOREAN_FIRST = frozenset(
    ["Kim", "Lee", "Park", "Choi", "Jung", "Yoon", "Moon", "Han", "Lim", "Shin"]
)
# A hyphenated given name in the East Asian order ends the name: "Lai Ching-te".
GIVEN_NAME_LAST = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname(name: str) -> str:
    """The family name in a person's name, as headlines use it ("al-Burhan" -> "Burhan",
    "Lee Jae-myung" -> "Lee")."""
    words = name.split()
    if len(words) in (2, 3) and (
        (words[0] in _CHINESE_FIRST and len(words) == 2)
        or (words[0] in _KOREAN_FIRST | _CHINESE_FIRST and len(words) == 3)
        or GIVEN_NAME_LAST.fullmatch(words[-1])
    ):
        return words[0]
    while len(words) > 1 and words[-1].rstrip(".,").lower() in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    last = words[-1].rstrip(",")
    stripped = _NAME_PREFIX.sub("", last)
    return stripped[:1].upper() + stripped[1:] if stripped else last


def shorten_people(
    text: str,
    clause: str,
    clause_start: int,
    people: list[tuple[int, int]],
    owners: dict[int, tuple[int, str]],
) -> str:
    """``clause`` (which is ``text[clause_start:...]`` with some parts blanked) with each
    person mention inside it, and the title words before it, written as the surname.

    ``people`` are the (start, end) of person mentions in ``text``, sorted; ``owners`` maps the end
    of each organisation, group and state mention to its (start, kind). An organisation just
    before the titles becomes a possessive ("NATO Secretary General Mark Rutte" -> "NATO's
    Rutte"); a state there is dropped ("U.S. Secretary of State Antony Blinken" -> "Blinken").
    """
    clause_end = clause_start + len(clause)
    first_inside = bisect_left(people, (clause_start, -1))
    inside = []
    for start, end in people[first_inside:]:
        if start >= clause_end:
            break
        if end <= clause_end and len(text[start:end].split()) >= 2:
            inside.append((start, end))
    if not inside:
        return clause
    chars = list(clause)
    for start, end in inside:
        first = start
        while True:
            token = _TOKEN_BEFORE.search(text, max(clause_start, first - 40), first)
            if token is None or token.group(1).lower().rstrip(".") not in _TITLE_WORDS:
                break
            first = token.start(1)
        short = surname(text[start:end])
        if first != start:
            owner = owners.get(text.rfind(" ", 0, first) if text[first - 1 : first] == " " else -1)
            if owner is not None and owner[0] >= clause_start:
                owner_start, kind = owner
                if kind in ("organisation", "group"):
                    short = f"{text[owner_start:first].strip()}'s {short}"
                first = owner_start
        if len(short) > end - first:
            continue
        for index in range(first - clause_start, end - clause_start - len(short)):
            chars[index] = " "
        chars[end - clause_start - len(short) : end - clause_start] = list(short)
    return "".join(chars)
