"""The subject of a headline: who or what did the happening.

:func:`subject_of` finds it in the clause before the verb: past asides ("Ford, the second of
the big three carmakers, beat ..."), through a relative pronoun to its noun ("shootings that
injured ..."), from the first verb of a coordination ("The car was spotted ... and was
found abandoned"), and from the speaker or the actor named before when it is a pronoun.
"""

from __future__ import annotations

import re

from ingest.extract.verb_finder import AUXILIARIES, PRONOUNS, SUBJECT_CUT, adverb, base_form
from ingest.extract.verbs import AMBIGUOUS_PAST


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES = re.compile(r"\b(?:the|a|an)\s+", re.IGNORECASE)
# Pronouns a headline cannot open with; "this"/"that" are fine as determiners ("That lawsuit").
UNRESOLVED = frozenset(["it", "they", "he", "she", "we", "i", "you", "this", "that", "these"])
_COORDINATION_END = re.compile(r"\b(?:and|but|then)\s+(?:(?:\w+ly|also|later|then|again)\s+)*$")
_COPULA = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been)\b", re.IGNORECASE)
_POSSESSIVE_PRONOUN = re.compile(r"\s*(its|their|his|her)\s+\S", re.IGNORECASE)
_RELATIVE_END = re.compile(r"([\w'’.-]+)\s+(?:that|which|who)\s+$")
_FIRST_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|could|can|may|might|must|should)\b"
    r"|\b[a-z]{3,}ed\b"
)


def subject_of(
    clause: str,
    start: int,
    speaker: str = "",
    referents: dict[str, str] | None = None,
    inherited: str = "",
) -> str:
    """The headline subject of the verb at ``start`` in ``clause`` ("" when none is found).

    ``speaker`` (the text before a reporting verb) and then ``referents`` (what "they"/"it"
    and "he"/"she" stand for) replace a pronoun; ``inherited`` is the subject of the clause
    before, for a clause that opens with "and" + verb.
    """
    before = clause[:start]
    phrase = last_phrase(before)
    subject = tidy(phrase)
    owner = _POSSESSIVE_PRONOUN.match(phrase)
    if owner and subject:
        # "a week after its air strikes killed hundreds": whose strikes, as the clause
        # before or the text named them ("Israel's air strikes").
        # "Their" stands for people as often as for a group: only the clause before says.
        pronoun = owner[1].lower()
        stand_in = inherited or (tidy(last_phrase(speaker)) if speaker else "")
        if not stand_in and pronoun == "its":
            stand_in = (referents or {}).get("it", "")
        if pronoun in ("his", "her"):
            # "His trial opened on 21 March": the person named last ("Shala's trial opens")
            stand_in = inherited or (referents or {}).get("he", "")
        if stand_in and stand_in.lower() not in UNRESOLVED and stand_in[:1].isupper():
            mark = "'" if plural(stand_in) else "'s"
            subject = f"{stand_in}{mark} {subject}"
    if not subject:
        subject = _coordinated_subject(before) or _relative_antecedent(before)
        if not subject and _COORDINATION_END.search(before) is not None:
            subject = inherited
    first_word = subject.split(" ")[0]
    if (
        _COPULA.search(subject)
        or re.search(r"\b(?:who|whose|which|whom)\b", subject, re.I)
        or (
            first_word.islower()
            and first_word not in AMBIGUOUS_PAST
            and first_word not in _ADJECTIVAL
            and base_form(first_word)
        )
    ):
        return ""  # "Death was among the first topics raised": the verb is not the main one
    lower = subject.lower()
    if lower in PRONOUNS and speaker:
        stand_in = tidy(last_phrase(speaker))
        if (
            stand_in
            and stand_in.lower() not in UNRESOLVED
            and not (lower in ("he", "she") and _THING.search(stand_in))
        ):
            subject = stand_in
    if subject.lower() in PRONOUNS and referents:
        subject = referents.get(subject.lower(), subject)
    first, _space, rest = subject.partition(" ")
    if rest and first.lower() in UNRESOLVED:
        # "He and his wife (returned)": the pronoun is replaced; "It expects to report net
        # income (jumped)" is a clause, not a subject.
        stand_in = (referents or {}).get(first.lower())
        if stand_in is None or not rest.startswith(("and ", "or ")):
            return ""
        subject = f"{stand_in} {rest}"
    return subject


# "The statement said he had joined the group": a thing that speaks is not "he".
_THING = re.compile(
    r"\b(?:statement|report|document|letter|communique|communiqué|post|video|message|"
    r"indictment|ruling|verdict|filing|complaint|announcement|notice|release)s?$",
    re.IGNORECASE,
)


def _coordinated_subject(before: str) -> str:
    """ "His car was spotted ... and (was found)": the subject of the first verb."""
    if _COORDINATION_END.search(before) is None:
        return ""
    for match in _FIRST_VERB.finditer(before):
        if match.group().endswith("ed") and base_form(match.group()) is None:
            continue
        subject = tidy(last_phrase(before[: match.start()]))
        if subject:
            return subject
        break
    return ""


def _relative_antecedent(before: str) -> str:
    """ "sniper shootings that (injured)": the noun the relative pronoun stands for."""
    match = _RELATIVE_END.search(before)
    if match is None:
        return ""
    word = match.group(1)
    if (
        word.lower() in AUXILIARIES
        or base_form(word)
        or word.lower() in ("said", "says", "say", "so", "such", "now", "is", "and", "but")
    ):
        return ""  # "said that", "confirmed that": a reported clause, not a relative one
    head = before[: match.end(1)]
    phrase = re.split(r"\b(?:of|in|on|at|from|with|for|by|into|against|over)\s+", head)[-1]
    return tidy(last_phrase(phrase))


# "A suspected Israeli strike (killed)": participles used as adjectives before a noun.
_ADJECTIVAL = _words(
    "suspected alleged reported renewed coordinated combined armed attempted failed planned "
    "unidentified unmanned displaced detained wounded injured retired disputed occupied "
    "besieged embattled sanctioned banned outlawed exiled jailed repeated sustained "
    "continued increased expanded heightened intensified stepped-up"
)
_COMPARATIVES = frozenset(["more", "less", "fewer"])
_LATE_CUT = _words("between by to among across into under about during along loyal led backed")


def last_phrase(text: str) -> str:
    """The subject: what follows the last clause boundary before the verb, without its
    complements ("A Russian missile strike on the port of Odesa" -> "A Russian missile strike")."""
    # A bracketed gloss ('Danab ("Lightning") special forces') is no boundary.
    text = _GLOSS.sub(lambda m: " " * len(m.group()), text)
    segment = _HARD_BOUNDARY.split(text)[-1]
    stripped = segment.rstrip()
    parts = re.split(r",\s+", stripped[:-1] if stripped.endswith(",") else segment)
    index = len(parts) - 1
    if stripped.endswith(","):
        # "Ford, the second of the big three carmakers, beat ...", "McBride, 54, of Lewisburg,
        # West Virginia, was ...": step left over the asides to the subject they describe.
        step = index
        while step > 0 and _aside(parts, step):
            step -= 1
            if _acceptable(parts[step]):
                index = step
    phrase = _SUBORDINATE.split(parts[index])[-1]
    words = phrase.split()
    while words and words[0].lower() in _LEADING:
        if words[0].lower() == "at" and len(words) > 1 and words[1].lower() in ("least", "most"):
            break  # "At least 20 people (were killed)": a count, not a place
        words = words[1:]
    while words and (words[-1].lower() in AUXILIARIES or adverb(words[-1])):
        words = words[:-1]  # "Boeing had initially (agreed)", "the grid was also (hit)"
    if len(words) > 4 and not _proper_name(words):
        for index, word in enumerate(words[1:], start=1):
            if word.lower() in SUBJECT_CUT:
                words = words[:index]
                break
    counted = len(words) > 2 and words[1].lower() == "than" and words[0].lower() in _COMPARATIVES
    if len(words) > 6 and not counted:
        # "The war between the army and the RSF": the head and not the tail of a long phrase.
        cut = next((i for i, w in enumerate(words[1:6], start=1) if w.lower() in _LATE_CUT), 0)
        if cut and not any(w.lower() in AUXILIARIES for w in words[cut:]):
            words = words[:cut]  # not "the businesses (to be acquired had ...)"
    if not (counted and len(words) <= 8) and not _proper_name(words):
        words = words[-6:]  # "more than 460 patients ..." stays whole
    if words and words[-1].islower() and base_form(words[-1]):
        words = words[:-1]  # "The warrant issued (Monday) charged ...": a describing participle
    # "International car company DaimlerChrysler": the name is the headline's subject.
    if len(words) > 2 and words[-1][:1].isupper():
        tail = len(words)
        while tail > 0 and words[tail - 1][:1].isupper():
            tail -= 1
        if 0 < tail < len(words) and words[tail - 1].lower() in _DESCRIPTORS:
            words = words[tail:]
    return " ".join(words)


_NAME_LINKS = frozenset(["of", "for", "and", "the", "in", "on", "de", "du", "&"])


def _proper_name(words: list[str]) -> bool:
    """Is the phrase one name ("Organization for Security and Co-operation in Europe"),
    capitalised but for its links, which a cut at "for" or "in" would break?"""
    return (
        2 < len(words) <= 9
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)
        and sum(w[:1].isupper() for w in words) >= 3
    )


_GLOSS = re.compile(r"\((?![A-Z][A-Za-z&.-]{1,9}\))[^()\n]{1,60}\)")  # not "(USDP)"
_HARD_BOUNDARY = re.compile(r"[;:]\s+|\s[-–—]\s|\"|“|”")
_SUBORDINATE = re.compile(
    r"\b(?:that|after|before|when|while|because|since|until|as|whereas|although)\s+"
)
_TIME_ADVERBIAL = re.compile(
    r"^\s*$|\b(?:earlier|later|ago|afterwards|meanwhile)\s*$|^(?:last|this|next|yesterday|today)\b",
    re.IGNORECASE,
)


def _aside(parts: list[str], index: int) -> bool:
    """Is ``parts[index]`` an aside after a subject ("54", "of Lewisburg", "which ...",
    "the second of ...", "backed by jets"), or the place after "of Lewisburg"?"""
    words = parts[index].split()
    if not words:
        return True
    first = words[0]
    if first[:1].islower() or first[:1].isdigit() or first.lower() in _DETERMINERS:
        return True
    left = parts[index - 1].split()
    # "of Lewisburg, West Virginia", "in Nairobi, Kenya": the place after a place.
    return bool(left) and (left[0] == "of" or (left[-1][:1].isupper() and len(words) <= 3))


def _acceptable(part: str) -> bool:
    """Can ``part`` hold a subject (not an opening adverbial such as "On Tuesday")?"""
    words = part.split()
    if not words or _TIME_ADVERBIAL.search(part):
        return False
    first = words[0].lower()
    return not (
        first in _LEADING
        or first in SUBJECT_CUT
        or first in ("which", "who", "whose", "where", "while", "just")
        or first[:1].isdigit()
        or (first.endswith("ly") and len(first) > 4 and len(words) == 1)
    )


# "car company DaimlerChrysler", "technology blog Gizmodo": a description before a name.
_DESCRIPTORS = _words(
    "company firm carmaker automaker manufacturer airline airframer group giant maker "
    "retailer bank blog label agency militia movement organisation organization network "
    "broadcaster newspaper party insurer bloc alliance chain operator lender conglomerate "
    "watchdog regulator outlet site developer producer supplier carrier brand rival "
    "subsidiary unit division startup publisher channel"
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her", "its"])
_LEADING = _words(
    "where when as after before while because although though if once until and but then also "
    "meanwhile however earlier later yesterday today on in at since by during still so yet "
    "finally thus or nor"
)


def tidy(text: str) -> str:
    """Articles, possessive pronouns, quotes and stray punctuation taken off a phrase."""
    text = _ARTICLES.sub("", " " + text).strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:his|her|its|their|our)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:this|that|these|those)\s+(?=\S)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\"“”]", "", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and not re.search(
        r"(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", text
    ):
        text = text.rstrip(".")  # keep "U.S." and "Inc."
    return text.strip(" ,;:")


_PLURAL_NOUNS = _words("people men women children police troops forces personnel clergy cattle")
_SINGULAR_MEN = _words("specimen regimen abdomen omen stamen yemen")  # not "gunmen"
_COUNTS = _words(
    "two three four five six seven eight nine ten dozens hundreds thousands millions several "
    "many some both"
)
# "Immigration and Naturalization Service": one body, whatever its name holds.
_BODIES = _words(
    "service department ministry agency commission committee council organization "
    "organisation office bureau administration authority company corporation corp bank "
    "party front court institute board group union alliance coalition association "
    "federation movement army navy force command centre center fund"
)
# "the Houthis", "Israelis", "Kurds": a people, plural.
_DEMONYMS = re.compile(
    r"^(?:they|we|[A-Z][a-z]+(?:ians|ans|is|ds|bs|ts)|Kurds|Turks|Arabs|Serbs|Croats|Shiites)$"
    r"(?<!^Paris)(?<!^Tunis)(?<!^Memphis)(?<!^Dennis)(?<!^Lewis)(?<!^Chris)(?<!^Francis)"
    r"(?<!^States)(?<!^Orleans)(?<!^Emirates)(?<!^Nations)(?<!^Reuters)(?<!^Sports)(?<!^Arts)",
    re.IGNORECASE,
)


_HEAD_END = re.compile(
    r"\s(?:in|on|at|of|from|with|between|near|for|against|over|across|to|who|that|which)\s"
    # "Gangs led by ...", "fighters loyal to ...": a description after the head.
    r"|\s(?:led|backed|supported|armed|funded|loyal|linked|allied|affiliated|aligned|known)\s"
)


def head_of(subject: str) -> str:
    """The subject without what follows its head noun ("talks to end the war" -> "talks")."""
    return _HEAD_END.split(subject, maxsplit=1)[0]


def plural(subject: str) -> bool:
    """Does ``subject`` take a plural verb ("Talks in Jeddah collapse", "Israel and Hamas
    agree")? Only the head counts: "Ceasefire between Israel and Hezbollah takes effect"."""
    if not subject:
        return False
    owned = re.split(r"['’]s\s", subject)[-1]
    if owned[:1].isupper() and owned != subject:
        subject = owned  # "the INS's Meissner": the head is Meissner
    head = head_of(subject)
    words = head.split()
    last, first = words[-1], words[0].lower()
    if last.lower() in _BODIES and all(w[:1].isupper() or w in ("and", "of") for w in words[1:]):
        return False  # "Immigration and Naturalization Service"
    if (
        head[:1].isupper()
        and re.search(r"\sand\s+[A-Z]", subject)
        and not re.search(r"\bbetween\b", subject)
    ):
        return True  # "Kuchma of Ukraine and Yeltsin of Russia sign ..."
    men = last.lower().endswith("men") and last.lower() not in _SINGULAR_MEN
    if " and " in f" {head} " or last.lower() in _PLURAL_NOUNS or men or _DEMONYMS.search(last):
        return True  # "Egyptian and Qatari mediators", "armed men", "police"
    if len(words) == 1 and first in ("many", "several", "both", "some", "others", "most", "few"):
        return True  # "Many worried ..."
    numeric = re.fullmatch(r"[\d,.]+", first) is not None and first != "1" and last[:1].islower()
    if len(words) > 1 and (numeric or first in _COUNTS):
        return True  # "1,000 displaced people", "two soldiers"
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
