"""Headlines: write the happening of a clause as a headline around its verb.

"On Tuesday the parliament ratified the border treaty with Georgia." becomes
"Parliament ratifies border treaty with Georgia": the subject, the main verb in the present
tense, and the object, without articles, dates or trailing clauses.
"""

from __future__ import annotations

import re

from ingest.extract.verb_finder import (
    AUXILIARIES,
    PRONOUNS,
    SUBJECT_CUT,
    adverb,
    base_form,
    find_verb,
    is_modal,
    is_negated,
    third_person,
)
from ingest.extract.verbs import IRREGULAR_PAST

__all__ = ["base_form", "find_verb", "headline", "is_modal", "is_negated", "third_person"]
_ARTICLES = re.compile(r"\b(?:the|a|an)\s+", re.IGNORECASE)
_BOUNDARIES = re.compile(
    r",(?!\d{3}(?!\d))|;|:|\s(?:after|before|when|while|as|because|since|although|though|which|who|whom|whose|"
    r"where|amid|following|despite|according|saying|in\s+order|so\s+that|but|and\s+(?:said|says)|"
    r"prompting|leaving|killing|wounding|injuring|marking|compared|up\s+from|down\s+from)\b"
    r"|\s(?:(?:about|some|around|roughly|nearly|approximately)\s+)?\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|"
    r"miles?|met(?:er|re)s?|nautical\s+miles)\b(?=[^,;.]{0,24}?\b(?:north|south|east|west|from|"
    r"outside|off)\w*)"
    r"|\s[-–—]\s|\("
)


def headline(
    clause: str,
    verb: tuple[int, int, str, bool],
    speaker: str = "",
    referents: dict[str, str] | None = None,
) -> str:
    """A short headline for ``clause`` around its main ``verb``.

    ``speaker`` is the text before a reporting verb ("Sudan's army said it had ..."); it
    stands in for a pronoun subject. Failing that, ``referents`` maps "they"/"it" and
    "he"/"she" to the actor the text last named ("They captured Aleppo" after "HTS ...").
    """
    start, end, base, passive = verb
    subject = _tidy(_last_phrase(clause[:start]))
    if subject.lower() in PRONOUNS and speaker:
        stand_in = _tidy(_last_phrase(speaker))
        if stand_in and stand_in.lower() not in PRONOUNS:
            subject = stand_in
    if subject.lower() in PRONOUNS and referents:
        subject = referents.get(subject.lower(), subject)
    rest = clause[end:]
    rest = _COORDINATED.split(rest, maxsplit=1)[0]
    stop = _BOUNDARIES.search(rest)
    obj = _tidy(rest[: stop.start()] if stop else rest)
    if passive:
        verb_text = clause[start:end].split()[-1].lower()
    else:
        # A lone capitalised word that opens the clause is capitalised by its place only.
        first_word = subject.split(" ")[0]
        opening = re.sub(r"^(?:the|a|an)\s+", "", clause[:start].strip(" \"“'"), flags=re.I)
        initial = opening.split(" ")[0] == first_word
        lowered = first_word.lower() + subject[len(first_word) :] if initial else subject
        verb_text = base if _plural(lowered) else third_person(base)
    words = [w for w in (subject, verb_text, obj) if w]
    text = " ".join(" ".join(words).split())
    text = text.strip(" .,;:-–—\"'“”")
    tokens = text.split()
    if len(tokens) > 11:
        # Cut long objects before a late preposition: "... linking Khartoum and Omdurman".
        cut = max(
            (i for i, w in enumerate(tokens[:12]) if i > 3 and w.lower() in _CUT_BEFORE), default=12
        )
        tokens = tokens[:cut]
    while len(tokens) > 2 and tokens[-1].lower() in _DANGLING:
        tokens.pop()
    text = " ".join(tokens)
    return text[:1].upper() + text[1:] if text else ""


# "... and took Hama", "... and have not resumed": a second verb, cut from the headline.
_COORDINATED = re.compile(
    r"\s(?:and|but)\s+(?=[a-z]+ed\b|(?:have|has|had|was|were|is|are)\b|(?:"
    + "|".join(sorted(w for w in IRREGULAR_PAST if w.isalpha() and len(w) > 3))
    + r")\b)"
)
_CUT_BEFORE = {
    "from",
    "to",
    "in",
    "on",
    "at",
    "with",
    "for",
    "over",
    "after",
    "near",
    "into",
    "during",
    "amid",
}
_DANGLING = {
    "early",
    "late",
    "and",
    "or",
    "but",
    "as",
    "to",
    "of",
    "in",
    "on",
    "at",
    "with",
    "for",
    "from",
    "by",
    "its",
    "his",
    "her",
    "their",
    "into",
    "than",
    "over",
}


def _last_phrase(text: str) -> str:
    """The subject: what follows the last clause boundary before the verb, without its
    complements ("A Russian missile strike on the port of Odesa" -> "A Russian missile strike")."""
    # "The airline, which is the third largest, signed": drop the aside before the verb.
    text = re.sub(r",\s*(?:(?:which|who|whose|where)\b[^,]*|(?:[^,\s]+\s*){1,7}),\s*$", " ", text)
    parts = re.split(
        r"[,;:]\s+|\b(?:that|after|before|when|while|because|since|until|as|whereas|although)\s+"
        r"|\s[-–—]\s|\"|“|”",
        text,
    )
    phrase = parts[-1] if parts else text
    words = phrase.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    while words and (words[-1].lower() in AUXILIARIES or adverb(words[-1])):
        words = words[:-1]  # "Boeing had initially (agreed)", "the grid was also (hit)"
    if len(words) > 4:
        for index, word in enumerate(words[1:], start=1):
            if word.lower() in SUBJECT_CUT:
                words = words[:index]
                break
    return " ".join(words[-6:])


_LEADING = set(
    [
        "where",
        "when",
        "as",
        "after",
        "before",
        "while",
        "because",
        "although",
        "though",
        "if",
        "once",
        "until",
        "and",
        "but",
        "then",
        "also",
        "meanwhile",
        "however",
        "earlier",
        "later",
        "yesterday",
        "today",
        "on",
        "in",
        "at",
        "since",
        "by",
        "during",
    ]
)


def _tidy(text: str) -> str:
    text = _ARTICLES.sub("", " " + text).strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:his|her|its|their|our)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\"“”]", "", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and not re.search(
        r"(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", text
    ):
        text = text.rstrip(".")  # keep "U.S." and "Inc."
    return text.strip(" ,;:")


_PLURAL_NOUNS = frozenset(
    ["people", "men", "women", "children", "police", "troops", "forces", "personnel", "clergy"]
)
_COUNTS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "several",
        "many",
        "some",
        "both",
    ]
)


# "the Houthis", "Israelis", "Kurds": a people, plural.
_DEMONYMS = re.compile(
    r"^(?:they|we|[A-Z][a-z]+(?:ians|ans|is|ds|bs|ts)|Kurds|Turks|Arabs|Serbs|Croats|Shiites)$"
    r"(?<!^Paris)(?<!^Tunis)(?<!^Memphis)(?<!^Dennis)(?<!^Lewis)(?<!^Chris)(?<!^Francis)"
    r"(?<!^States)(?<!^Orleans)(?<!^Emirates)(?<!^Nations)(?<!^Reuters)(?<!^Sports)(?<!^Arts)",
    re.IGNORECASE,
)


def _plural(subject: str) -> bool:
    if not subject:
        return False
    # The head of "Talks in Jeddah" is "Talks".
    head = re.split(r"\s(?:in|on|at|of|from|with|between|near|for|against|over|across)\s", subject)
    words = head[0].split()
    last, first = words[-1], words[0].lower()
    if " and " in f" {subject} " or last.lower() in _PLURAL_NOUNS or _DEMONYMS.search(last):
        return True  # "Egyptian and Qatari mediators", "armed men", "police"
    if len(words) > 1 and (first[:1].isdigit() and first not in ("1", "one") or first in _COUNTS):
        return True  # "1,000 displaced people", "two soldiers"
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
