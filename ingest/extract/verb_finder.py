"""Finding the happening verb of a clause: base forms, third person, passives, modals.

``find_verb`` picks the main verb of a clause (skipping reporting verbs, relative clauses
and adjectival participles); :mod:`ingest.extract.headline` writes the headline around it.
"""

from __future__ import annotations

import re

from ingest.extract.verbs import (
    ADVERBS,
    AMBIGUOUS_PAST,
    DOUBLED_L,
    E_VERBS,
    IRREGULAR_PARTICIPLE,
    IRREGULAR_PAST,
    NOT_VERBS,
    REPORTING,
)

_MODAL = re.compile(
    r"\b(?:will|would|could|should|might|may|must|shall|can|cannot|can't|won't|wouldn't|"
    r"plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|wants?\s+to|hopes?\s+to|expected\s+to|"
    r"is\s+to|are\s+to|set\s+to|due\s+to|going\s+to|scheduled\s+to|likely\s+to|threatened\s+to|"
    r"vowed\s+to|promised\s+to|supposed\s+to|(?:appear|seem)(?:s|ed)?\s+to|if|unless|whether)\b",
    re.IGNORECASE,
)
# "No attacks were recorded", "nobody was hurt": nothing happened.
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|n't|neither|nor|nobody|no\s+one|no\s+(?!doubt\b)[a-z]+)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\d,.]*\w*")
# Simple past forms that are never participles ("rose", not "risen"): never passive.
_SIMPLE_PAST_ONLY = frozenset(
    word
    for word, base in IRREGULAR_PAST.items()
    if base in set(IRREGULAR_PARTICIPLE.values()) and word not in IRREGULAR_PARTICIPLE
)
# Stem endings (after a single vowel) whose base ends in a silent "e".
_E_ENDINGS = ("am", "as", "ad", "ap", "ip", "il", "in", "az", "ok", "ak", "ik", "um", "af", "us")
_NO_E = frozenset(["focus", "develop", "envelop", "gossip", "worship", "kidnap"])
_PREFIXED = re.compile(r"^(re|over|under|out|with|mis|up|fore)-?([a-z]+)$")
AUXILIARIES = frozenset(
    ["has", "have", "had", "was", "were", "is", "are", "been", "being", "be", "did", "does", "do"]
)


def base_form(word: str) -> str | None:
    """The infinitive of a past-tense or participle verb form, or None if it is not one."""
    lower = word.lower()
    if lower in NOT_VERBS or not lower.isalpha() and "-" not in lower:
        return None
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower in IRREGULAR_PARTICIPLE:
        return IRREGULAR_PARTICIPLE[lower]
    prefixed = _PREFIXED.match(lower)
    if prefixed and len(prefixed[2]) > 2:
        rest = prefixed[2]
        base = IRREGULAR_PAST.get(rest) or IRREGULAR_PARTICIPLE.get(rest)
        if base and rest not in AMBIGUOUS_PAST:
            return prefixed[1] + base  # "retaken" -> "retake", "overran" -> "overrun"
    if not lower.endswith("ed") or len(lower) < 4:
        return None
    stem = lower[:-2]
    if lower in DOUBLED_L:
        return stem[:-1]  # "repelled" -> "repel", "controlled" -> "control"
    if lower[:-1] in E_VERBS:
        return lower[:-1]
    if stem + "e" in E_VERBS:
        return stem + "e"
    if len(lower) < 5:
        return None
    if lower.endswith("ied"):
        return lower[:-3] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "stopped" -> "stop"
    if stem.endswith("ong"):
        return stem  # "belonged", "prolonged"
    if len(stem) > 3 and stem[-3] in "aeiou" and stem[-2] in "aeiou":
        if stem[-1] in "szvcg" or stem.endswith(("iat", "uat", "uir")):
            return stem + "e"  # "ceased" -> "cease", "achieved", "besieged", "squeezed"
        return stem  # "defeated" -> "defeat", "appealed" -> "appeal"
    if stem[-1] == "u" or stem.endswith(_E_ENDINGS) and stem not in _NO_E:
        return stem + "e"  # "subdued", "blamed", "evaded", "fined", "revoked", "presumed"
    if stem.endswith(
        (
            "at",
            "iz",
            "is",
            "ur",
            "ag",
            "id",
            "iv",
            "uc",
            "ud",
            "ov",
            "ut",
            "od",
            "os",
            "ur",
            "ar",
            "ir",
            "v",
            "uir",
            "ng",
            "rg",
            "dg",
            "ys",
            "ns",
            "rs",
            "ps",
            "ac",
            "ic",
            "nc",
            "rc",
            "uc",
        )
    ):
        return stem + "e"  # "created" -> "create", "seized" -> "seize", "forced" -> "force"
    if stem.endswith(("bl", "cl", "dl", "fl", "gl", "kl", "pl", "tl", "zl")):
        return stem + "e"  # "tackled" -> "tackle"
    return stem


def third_person(base: str) -> str:
    """``ratify`` -> ``ratifies``, ``attack`` -> ``attacks``, ``be`` -> ``is``."""
    if base == "be":
        return "is"
    if base == "have":
        return "has"
    if base == "do":
        return "does"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    return base + "s"


def find_verb(clause: str, near: int | None = None) -> tuple[int, int, str, bool] | None:
    """The main happening verb in ``clause``: (start, end, base form, passive).

    Reporting verbs ("said", "told") are skipped; None when only they (or none) are found.
    With ``near`` (a position in the clause, where its date is), a verb of a later clause
    introduced by "after", "when" ... that ends shortly before that position is preferred:
    in "The war erupted after Hamas attacked Israel on 7 October" the date is the attack's.
    """
    found = _verbs(clause)
    if not found:
        return None
    if near is not None:
        for verb in reversed(found[1:]):
            between = clause[found[0][1] : verb[0]]
            if (
                verb[1] <= near
                and near - verb[1] <= 60
                and re.search(r"\b(?:after|when|as|before|once|until|since|where)\b", between)
            ):
                return verb
    return found[0]


# "Iran responded a day later by firing missiles", "responded with a strike": an act.
_ACTING_REPLY = re.compile(r"(?:\s+[\w,]+){0,3}?\s+(?:with|by)\s+(?!saying\b)")


# "added it to its sanctions list", "added 30 vessels to the list": an act, not speech.
_ADDING_TO = re.compile(r"(?!\s+that\b)(?:\s+[\w'’-]+){1,6}?\s+to\s")


_PAST_OF = {base: past for past, base in IRREGULAR_PAST.items()}


def past_of_gerund(gerund: str) -> str:
    """The simple past of an "-ing" form ("seizing" -> "seized", "striking" -> "struck")."""
    stem = gerund[:-3]
    past = next((_PAST_OF[b] for b in (stem, stem + "e", stem[:-1]) if b in _PAST_OF), "")
    return past or stem + "ed"


def find_verbs(clause: str) -> list[tuple[int, int, str, bool]]:
    """The candidate verbs of ``clause`` in order (at most six), as :func:`find_verb` gives."""
    return _verbs(clause)


def _verbs(clause: str) -> list[tuple[int, int, str, bool]]:
    found = []
    words = list(_WORD.finditer(clause))
    for index, match in enumerate(words):
        word = match.group()
        if word[:1].isupper() and index > 0:
            continue  # a name such as "United" or "Ahmed"
        base = base_form(word)
        if word.lower() in AMBIGUOUS_PAST and not _subject_before(words, index):
            continue  # "a low cost airline", "the hit single": not verbs here
        if (
            base is None
            or (
                base in REPORTING
                and not (base in ("respond", "reply") and _ACTING_REPLY.match(clause, match.end()))
                and not (base == "add" and _ADDING_TO.match(clause, match.end()))
            )
            or word.lower() in ("did", "had", "was", "were", "been")
        ):
            continue
        if "-" in word and word.split("-")[0].lower() not in _VERB_PREFIXES:
            continue  # "state-owned", "Saudi-led", "U.S.-backed": adjectives
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        if _PREPOSITIONAL.get(word.lower(), ()) and following in _PREPOSITIONAL[word.lower()]:
            continue  # "compared with", "based in", "given that": not happenings
        previous = words[index - 1].group().lower() if index else ""
        if previous in ("the", "a", "an", "its", "their", "his", "her", "of", "to"):
            continue  # "the alleged attack", "to attack"
        if (
            index > 1
            and adverb(previous)
            and words[index - 2].group().lower() in ("the", "a", "an", "its", "their")
        ):
            continue  # "the densely populated Haret Hreik district": an adjective
        if previous in ("be", "have") and index > 1 and words[index - 2].group().lower() == "to":
            continue  # "the businesses to be acquired": not a happening
        back = index - 1
        while back > 0 and back >= index - 2 and adverb(words[back].group()):
            back -= 1  # "was also hit", "were later released"
        if back < index - 1:
            previous = words[back].group().lower()
        passive = previous in ("was", "were", "been", "being", "be", "is", "are")
        if _in_relative_clause(clause, match.start()):
            continue  # "the airport, which has suffered incidents, ...": not the main verb
        opened = clause.rfind("(", 0, match.start())
        if opened >= 0 and clause.find(")", opened, match.start()) < 0:
            continue  # "summary of exchanges (unofficial, condensed)": a gloss, not the clause
        if (
            index + 1 < len(words)
            and words[index + 1].group().lower() == "by"
            and not passive
            and word.lower() not in _SIMPLE_PAST_ONLY
            and not (
                index + 2 < len(words)
                and (
                    words[index + 2].group()[:1].isdigit()
                    or words[index + 2].group().lower() in _AMOUNT_WORDS
                    or re.fullmatch(r"[a-z]{3,}ing", words[index + 2].group())  # "by firing"
                )
            )
        ):
            passive = True  # "shelled by Russia"; not "rose by 30%" or "fell by Monday"
        if (
            not passive
            and 0 < index <= 5
            and clause[words[index - 1].end() : match.start()].strip() == ","
            and (index < 2 or "," not in clause[words[index - 2].end() : words[index - 1].start()])
            and "," not in clause[: words[index - 1].end()]
            and word.lower() not in _SIMPLE_PAST_ONLY
        ):
            # "The report, sent to member states this week, said ..."; not "X, however, fell"
            # nor "X, in office since 2024, assumed ...": after an aside's closing comma.
            passive = True
        start = words[back].start() if previous in AUXILIARIES else match.start()
        found.append((start, match.end(), base, passive))
        if len(found) >= 6:
            break
    return found


# "plunged by more than 416 points", "rose by about 3%": an amount, not a doer.
_AMOUNT_WORDS = frozenset(
    ["more", "less", "about", "nearly", "some", "around", "over", "almost", "roughly", "as", "up"]
)
_VERB_PREFIXES = frozenset(["re", "co", "pre", "over", "under", "out", "cross", "double", "de"])
# Participles that work as prepositions or adjectives before these words.
_PREPOSITIONAL = {
    "compared": ("with", "to"),
    "based": ("in", "on", "at"),
    "given": ("that", "the"),
    "related": ("to",),
    "associated": ("with",),
    "called": (),
}


def adverb(word: str) -> bool:
    """Is ``word`` an adverb that may stand between an auxiliary and its participle?"""
    lower = word.lower()
    return lower in ADVERBS or (lower.endswith("ly") and len(lower) > 4 and lower.isalpha())


def _in_relative_clause(clause: str, position: int) -> bool:
    """Does the stretch since the last comma start with "which" or "who"?"""
    head = clause[:position]
    cut = max(head.rfind(","), head.rfind("("), head.rfind(";"))
    stretch = head[cut + 1 :].split()
    return bool(stretch) and stretch[0].lower() in ("which", "who", "whom", "whose")


PRONOUNS = {
    "it",
    "they",
    "he",
    "she",
    "we",
}


def _subject_before(words, index: int) -> bool:
    """Is the word before ``index`` something that can do things (a name, a plural noun, a
    pronoun, an auxiliary)?"""
    if index == 0:
        return False
    if adverb(words[index - 1].group()) and index > 1:
        index -= 1  # "The OSCE formally shut down ...": the adverb is not the subject
    previous = words[index - 1].group()
    lower = previous.lower()
    if (
        previous[:1].isupper()
        or lower in ("it", "they", "he", "she", "we", "who", "which", "that")
        or lower in AUXILIARIES
        or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3)
    ):
        return True
    # "A drone attack set ...": a noun phrase opened by a determiner a few words back.
    if lower in _DETERMINERS or not lower.isalpha():
        return False
    for back in range(index - 2, max(-1, index - 5), -1):
        word = words[back].group().lower()
        if word in _DETERMINERS:
            return back == 0 or words[back - 1].group().lower() not in SUBJECT_CUT
        if not word.isalpha() or word in SUBJECT_CUT or base_form(word):
            return False
    return False


_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "this", "that", "our"])


SUBJECT_CUT = set(
    [
        "on",
        "of",
        "in",
        "at",
        "from",
        "near",
        "with",
        "for",
        "over",
        "against",
        "who",
        "which",
        "that",
    ]
)


def is_modal(text: str) -> bool:
    """Future, conditional or hypothetical wording: a plan or an opinion, not a happening."""
    return bool(_MODAL.search(text))


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))
