"""Headlines: write the happening of a clause as a headline around its verb.

"On Tuesday the parliament ratified the border treaty with Georgia." becomes
"Parliament ratifies border treaty with Georgia": the subject, the main verb in the present
tense, and the object, without articles, dates or trailing clauses.
"""

from __future__ import annotations

import re

from ingest.extract import gazetteer as gazetteers
from ingest.extract.subjects import UNRESOLVED, plural, subject_of, tidy
from ingest.extract.title_polish import announced_plan, cut_object
from ingest.extract.verb_finder import (
    PRONOUNS,
    base_form,
    find_verb,
    find_verbs,
    is_modal,
    is_negated,
    past_of_gerund,
    third_person,
)
from ingest.extract.verbs import IRREGULAR_PAST

__all__ = ["base_form", "find_verb", "headline", "is_modal", "is_negated", "third_person"]
_BOUNDARIES = re.compile(
    # Not the commas of a number or of a list of names ("struck Fordow, Natanz and Isfahan").
    r",(?!\d{3}(?!\d))(?!(?:\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?,)*\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s+and\s)"
    r"|;|:|\s(?:after|before|when|while|as|because|since|although|though|which|who|whom|whose|"
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
    inherited: str = "",
) -> str:
    """A short headline for ``clause`` around its main ``verb``; "" when it has no subject.

    ``speaker`` is the text before a reporting verb ("Sudan's army said it had ..."); it
    stands in for a pronoun subject. Failing that, ``referents`` maps "they"/"it" and
    "he"/"she" to the actor the text last named ("They captured Aleppo" after "HTS ...").
    ``inherited`` is the subject of the clause before, for "... and withdrew on Wednesday".
    """
    start, end, base, passive = verb
    subject = subject_of(clause, start, speaker, referents, inherited)
    if not subject or subject.lower() in UNRESOLVED:
        return ""  # "Was found abandoned", "He was last seen" with no one named before
    rest = clause[end:]
    answer = None if passive or base not in _ANSWERS else _BY_GERUND.match(rest)
    if answer is not None:
        # "Iran responded a day later by firing missiles at X" -> "Iran fires missiles at X"
        act = f"{subject} {past_of_gerund(answer['verb'])}{rest[answer.end('verb') :]}"
        acted = next((v for v in find_verbs(act) if v[0] == len(subject) + 1), None)
        if acted is not None:
            return headline(act, acted)
    plan = None if passive else announced_plan(base, rest)
    if plan is not None:
        # "DaimlerChrysler announced it would cut 13,000 jobs" -> "DaimlerChrysler to cut ..."
        who, rest, planned = plan
        if who.lower() not in PRONOUNS | UNRESOLVED:
            subject = tidy(who)
    rest = _COORDINATED.split(rest, maxsplit=1)[0]
    stop = _BOUNDARIES.search(rest)
    obj = cut_object(tidy(rest[: stop.start()] if stop else rest))
    if plan is not None:
        verb_text = "to" if planned else ""
    elif passive:
        verb_text = clause[start:end].split()[-1].lower()
    else:
        # A lone capitalised word that opens the clause is capitalised by its place only.
        # A subject carried over from the clause before ("Attacks slowed ... but resumed")
        # opened its sentence too. A known name keeps its capital ("Hamas attacks").
        first_word = subject.split(" ")[0]
        source = clause[:start] if first_word in clause[:start] else speaker
        opening = re.sub(r"^(?:the|a|an)\s+", "", source.strip(" \"“'"), flags=re.I)
        initial = opening.split(" ")[0].rstrip(",;:") == first_word or subject == inherited
        known = gazetteers.builtin()
        if initial and (
            known.lookup(first_word) is not None
            or first_word in known.surnames
            or re.search(r"\sand\s+[A-Z]", subject)  # "Kuchma of Ukraine and Yeltsin ..."
        ):
            initial = False
        lowered = first_word.lower() + subject[len(first_word) :] if initial else subject
        verb_text = base if plural(lowered) else third_person(base)
    words = [w for w in (subject, verb_text, obj) if w]
    text = " ".join(" ".join(words).split())
    text = _ACRONYM_DEFINED.sub("", text)  # "World Food Programme (WFP) begins ..."
    text = text.strip(" .,;:-–—\"'“”")
    tokens = text.split()
    if len(tokens) > 11:
        # Cut long objects before a late preposition: "... linking Khartoum and Omdurman".
        verb_at = len(subject.split()) + 1  # never inside the subject or before its verb
        cut = max(
            (
                i
                for i, w in enumerate(tokens[:12])
                if i > 3 and i >= verb_at and w.lower() in _CUT_BEFORE
            ),
            default=12,
        )
        tokens = tokens[:cut]
    while (
        len(tokens) > 2
        and tokens[-1].lower() in _DANGLING
        and (tokens[-1].lower(), tokens[-2].lower()) not in _PARTICLES
    ):
        tokens.pop()  # not the particle of "sworn in", "called off", "shut down"
    text = " ".join(tokens)
    return text[:1].upper() + text[1:] if text else ""


_ACRONYM_DEFINED = re.compile(r"\s*\((?:the\s+)?[A-Z][A-Za-z&.-]{1,9}\)")
# "retaliated by launching drones": the act is the gerund's.
_ANSWERS = frozenset(["respond", "reply", "retaliate", "react"])
_BY_GERUND = re.compile(r"(?:\s+[\w,]+){0,3}?\s+by\s+(?P<verb>[a-z]{3,}ing)\b")
_PASTS = "|".join(sorted(w for w in IRREGULAR_PAST if w.isalpha() and len(w) > 3))
# "... and took Hama", "... and the vessel sank": a second clause, cut from the headline.
_COORDINATED = re.compile(
    r"\s(?:and|but)\s+(?:(?:the|its|their|his|her)\s+[a-z]+\s+)?(?:(?:later|then|also|again|"
    r"[a-z]{3,}ly)\s+)?(?=[a-z]+ed\b|"
    r"(?:have|has|had|was|were|is|are)\b|(?:" + _PASTS + r"|saw|met|led|won|ran|fed)\b)"
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
_PARTICLES = {
    ("in", "sworn"),
    ("in", "swears"),
    ("off", "called"),
    ("off", "calls"),
    ("down", "shut"),
    ("down", "shuts"),
    ("down", "stepped"),
    ("down", "steps"),
    ("up", "set"),
    ("up", "sets"),
    ("out", "broke"),
    ("out", "breaks"),
}
_DANGLING = {
    "the",
    "a",
    "an",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
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
    "through",
    "until",
    "since",
    "during",
    "after",
    "before",
    "despite",
    "amid",
}
