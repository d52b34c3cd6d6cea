"""Verbs and headlines: find the happening in a clause and write it as a headline.

"On Tuesday the parliament ratified the border treaty with Georgia." becomes
"Parliament ratifies border treaty with Georgia": the subject, the main verb in the present
tense, and the object, without articles, dates or trailing clauses.
"""

from __future__ import annotations

import re

IRREGULAR_PAST = dict(
    pair.split(":")
    for pair in [
        "arose:arise",
        "ate:eat",
        "awoke:awake",
        "became:become",
        "began:begin",
        "bent:bend",
        "bit:bite",
        "blew:blow",
        "broke:break",
        "brought:bring",
        "built:build",
        "burnt:burn",
        "bought:buy",
        "caught:catch",
        "chose:choose",
        "came:come",
        "crept:creep",
        "dealt:deal",
        "dug:dig",
        "did:do",
        "drew:draw",
        "drove:drive",
        "drank:drink",
        "fell:fall",
        "fed:feed",
        "felt:feel",
        "fought:fight",
        "found:find",
        "fled:flee",
        "flew:fly",
        "forbade:forbid",
        "forgot:forget",
        "forgave:forgive",
        "froze:freeze",
        "got:get",
        "gave:give",
        "went:go",
        "grew:grow",
        "hung:hang",
        "heard:hear",
        "hid:hide",
        "held:hold",
        "kept:keep",
        "knew:know",
        "laid:lay",
        "led:lead",
        "left:leave",
        "lent:lend",
        "lay:lie",
        "lit:light",
        "lost:lose",
        "made:make",
        "meant:mean",
        "met:meet",
        "paid:pay",
        "rode:ride",
        "rang:ring",
        "rose:rise",
        "ran:run",
        "said:say",
        "saw:see",
        "sought:seek",
        "sold:sell",
        "sent:send",
        "shook:shake",
        "shot:shoot",
        "shut:shut",
        "sank:sink",
        "sat:sit",
        "slept:sleep",
        "slid:slide",
        "spoke:speak",
        "spent:spend",
        "spun:spin",
        "split:split",
        "spread:spread",
        "sprang:spring",
        "stood:stand",
        "stole:steal",
        "stuck:stick",
        "struck:strike",
        "swore:swear",
        "swept:sweep",
        "swam:swim",
        "took:take",
        "taught:teach",
        "tore:tear",
        "told:tell",
        "thought:think",
        "threw:throw",
        "understood:understand",
        "woke:wake",
        "wore:wear",
        "won:win",
        "withdrew:withdraw",
        "wrote:write",
        "overthrew:overthrow",
        "undertook:undertake",
        "upheld:uphold",
        "withheld:withhold",
        "shed:shed",
        "hit:hit",
        "set:set",
        "put:put",
        "cut:cut",
        "quit:quit",
        "let:let",
        "cost:cost",
        "hurt:hurt",
        "bid:bid",
        "beat:beat",
        "read:read",
        "rebuilt:rebuild",
        "overtook:overtake",
        "mistook:mistake",
        "forecast:forecast",
        "broadcast:broadcast",
        "sped:speed",
        "swung:swing",
        "bound:bind",
        "wound:wind",
        "stung:sting",
        "clung:cling",
        "fled.:flee",
    ]
)
IRREGULAR_PARTICIPLE = dict(
    pair.split(":")
    for pair in [
        "arisen:arise",
        "been:be",
        "become:become",
        "begun:begin",
        "bitten:bite",
        "blown:blow",
        "broken:break",
        "chosen:choose",
        "done:do",
        "drawn:draw",
        "driven:drive",
        "eaten:eat",
        "fallen:fall",
        "flown:fly",
        "forgotten:forget",
        "frozen:freeze",
        "given:give",
        "gone:go",
        "grown:grow",
        "hidden:hide",
        "known:know",
        "ridden:ride",
        "risen:rise",
        "seen:see",
        "shaken:shake",
        "shown:show",
        "spoken:speak",
        "stolen:steal",
        "sworn:swear",
        "taken:take",
        "thrown:throw",
        "woken:wake",
        "worn:wear",
        "written:write",
        "withdrawn:withdraw",
        "overthrown:overthrow",
        "undertaken:undertake",
        "sunk:sink",
        "struck:strike",
        "stricken:strike",
        "slain:slay",
        "proven:prove",
    ]
)
# Verbs whose base form ends in a silent "e" ("voted" -> "vote").
E_VERBS = set(
    [
        "vote",
        "note",
        "cause",
        "use",
        "close",
        "move",
        "die",
        "force",
        "fire",
        "raise",
        "seize",
        "capture",
        "release",
        "invade",
        "declare",
        "promise",
        "provide",
        "hire",
        "retire",
        "unite",
        "score",
        "rule",
        "shape",
        "argue",
        "continue",
        "issue",
        "rescue",
        "pursue",
        "believe",
        "receive",
        "achieve",
        "approve",
        "remove",
        "resolve",
        "involve",
        "oppose",
        "impose",
        "propose",
        "refuse",
        "accuse",
        "abuse",
        "expose",
        "collapse",
        "surprise",
        "advise",
        "revise",
        "organise",
        "organize",
        "recognise",
        "recognize",
        "criticise",
        "criticize",
        "authorise",
        "authorize",
        "agree",
        "free",
        "name",
        "shave",
        "hope",
        "base",
        "face",
        "place",
        "trace",
        "replace",
        "race",
        "chase",
        "lease",
        "purchase",
        "increase",
        "decrease",
        "stage",
        "engage",
        "charge",
        "change",
        "exchange",
        "judge",
        "arrange",
        "range",
        "manage",
        "damage",
        "wage",
        "merge",
        "emerge",
        "urge",
        "lodge",
        "pledge",
        "acknowledge",
        "challenge",
        "welcome",
        "resume",
        "assume",
        "consume",
        "sacrifice",
        "announce",
        "pronounce",
        "produce",
        "reduce",
        "introduce",
        "induce",
        "enforce",
        "reinforce",
        "divorce",
        "evacuate",
        "negotiate",
        "mediate",
        "create",
        "locate",
        "relocate",
        "escalate",
        "separate",
        "operate",
        "cooperate",
        "investigate",
        "celebrate",
        "estimate",
        "eliminate",
        "nominate",
        "dominate",
        "terminate",
        "activate",
        "isolate",
        "violate",
        "regulate",
        "hesitate",
        "donate",
        "debate",
        "update",
        "state",
        "rate",
        "dispute",
        "execute",
        "contribute",
        "distribute",
        "attribute",
        "commute",
        "compete",
        "complete",
        "delete",
        "unite",
        "ignite",
        "invite",
        "cite",
        "write",
        "confiscate",
        "fabricate",
        "indicate",
        "dedicate",
        "allocate",
        "advocate",
        "demonstrate",
        "liberate",
        "accelerate",
        "deliberate",
        "moderate",
        "tolerate",
        "illustrate",
        "frustrate",
        "penetrate",
        "infiltrate",
        "excavate",
        "elevate",
        "cultivate",
        "motivate",
        "renovate",
        "innovate",
        "deprive",
        "arrive",
        "survive",
        "derive",
        "revive",
        "strive",
        "drive",
        "dive",
        "thrive",
        "save",
        "waive",
        "leave",
        "loosen",
        "shove",
        "prove",
        "improve",
        "love",
        "live",
        "give",
        "define",
        "decline",
        "combine",
        "determine",
        "examine",
        "undermine",
        "mine",
        "outline",
        "dine",
        "line",
        "shine",
        "compile",
        "file",
        "smile",
        "pile",
        "reconcile",
        "sideline",
        "discipline",
        "guide",
        "decide",
        "divide",
        "provide",
        "collide",
        "coincide",
        "abide",
        "slide",
        "ride",
        "hide",
        "override",
    ]
)
REPORTING = frozenset(
    [
        "say",
        "tell",
        "state",
        "add",
        "note",
        "report",
        "claim",
        "write",
        "quote",
        "cite",
        "argue",
        "explain",
        "insist",
        "comment",
        "remark",
        "respond",
        "reply",
        "tweet",
        "post",
        "allege",
        "suggest",
        "believe",
        "think",
        "estimate",
        "predict",
        "expect",
        "hope",
        "fear",
        "warn",
        "caution",
        "stress",
        "emphasise",
        "emphasize",
        "point",
        "acknowledge",
        "ask",
        "describe",
    ]
)
NOT_VERBS = frozenset(
    [
        "need",
        "speed",
        "seed",
        "feed",
        "deed",
        "breed",
        "bed",
        "red",
        "shed",
        "led",
        "hundred",
        "bled",
        "fled",
        "wed",
        "sled",
        "weed",
        "embed",
        "indeed",
        "united",
        "limited",
        "based",
        "alleged",
        "reported",
        "so-called",
        "armed",
        "detailed",
        "experienced",
        "concerned",
        "related",
        "unprecedented",
        "unidentified",
        "unnamed",
        "injured",
        "displaced",
        "occupied",
        "disputed",
        "annexed",
        "proposed",
        "planned",
        "expected",
        "scheduled",
        "aged",
        "talked-about",
        "self-styled",
        "biased",
        "ted",
        "ned",
        "fred",
        "ahmed",
        "mohammed",
        "muhammad",
        "hamed",
        "saeed",
        "javed",
        "rasheed",
        "naveed",
        "zayed",
        "hundreds",
        "mixed",
        "combined",
        "registered",
    ]
)
_MODAL = re.compile(
    r"\b(?:will|would|could|should|might|may|must|shall|can|cannot|can't|won't|wouldn't|"
    r"plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|wants?\s+to|hopes?\s+to|expected\s+to|"
    r"is\s+to|are\s+to|set\s+to|due\s+to|going\s+to|scheduled\s+to|likely\s+to|threatened\s+to|"
    r"vowed\s+to|promised\s+to|if|unless|whether)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n't|neither|nor)\b", re.IGNORECASE)
_ARTICLES = re.compile(r"\b(?:the|a|an)\s+", re.IGNORECASE)
_BOUNDARIES = re.compile(
    r",|;|:|\s(?:after|before|when|while|as|because|since|although|though|which|who|whom|whose|"
    r"where|amid|following|despite|according|saying|in\s+order|so\s+that|but|and\s+(?:said|says)|"
    r"prompting|leaving|killing|wounding|injuring|marking)\b|\s[-–—]\s|\(|\"|“|”"
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\d,.]*\w*")
_AUXILIARIES = frozenset(
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
    if not lower.endswith("ed") or len(lower) < 4:
        return None
    stem = lower[:-2]
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


def find_verb(clause: str) -> tuple[int, int, str, bool] | None:
    """The main happening verb in ``clause``: (start, end, base form, passive).

    Reporting verbs ("said", "told") are skipped; None when only they (or none) are found.
    """
    words = list(_WORD.finditer(clause))
    for index, match in enumerate(words):
        word = match.group()
        if word[:1].isupper() and index > 0:
            continue  # a name such as "United" or "Ahmed"
        base = base_form(word)
        if (
            base is None
            or base in REPORTING
            or word.lower() in ("did", "had", "was", "were", "been")
        ):
            continue
        previous = words[index - 1].group().lower() if index else ""
        passive = previous in ("was", "were", "been", "being", "be", "is", "are")
        if previous in ("the", "a", "an", "its", "their", "his", "her", "of", "to") or (
            index and words[index - 1].group()[:1].isupper() and previous in ()
        ):
            continue  # "the alleged attack", "to attack"
        if index + 1 < len(words) and words[index + 1].group().lower() in ("by",) and not passive:
            passive = True
        start = words[index - 1].start() if previous in _AUXILIARIES else match.start()
        return start, match.end(), base, passive
    return None


_PRONOUNS = {
    "it",
    "they",
    "he",
    "she",
    "we",
    "its forces",
    "their forces",
    "his forces",
    "her forces",
}


def headline(clause: str, verb: tuple[int, int, str, bool], speaker: str = "") -> str:
    """A short headline for ``clause`` around its main ``verb``.

    ``speaker`` is the text before a reporting verb ("Sudan's army said it had ..."); it
    stands in for a pronoun subject.
    """
    start, end, base, passive = verb
    subject = _tidy(_last_phrase(clause[:start]))
    if subject.lower() in _PRONOUNS and speaker:
        stand_in = _tidy(_last_phrase(speaker))
        if stand_in and stand_in.lower() not in _PRONOUNS:
            subject = stand_in
    rest = clause[end:]
    rest = re.split(r"\s(?:and|but)\s+(?=[a-z]+ed\b)", rest, maxsplit=1)[0]
    stop = _BOUNDARIES.search(rest)
    obj = _tidy(rest[: stop.start()] if stop else rest)
    if passive:
        verb_text = clause[start:end].split()[-1].lower()
    else:
        verb_text = third_person(base) if not _plural(subject) else base
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
    parts = re.split(r"[,;:]\s+|\bthat\s+|\s[-–—]\s|\"|“|”", text)
    phrase = parts[-1] if parts else text
    words = phrase.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    if len(words) > 4:
        for index, word in enumerate(words[1:], start=1):
            if word.lower() in _SUBJECT_CUT:
                words = words[:index]
                break
    return " ".join(words[-6:])


_LEADING = set(
    [
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
_SUBJECT_CUT = set(
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


def _tidy(text: str) -> str:
    text = _ARTICLES.sub("", " " + text).strip()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,.;:")


def _plural(subject: str) -> bool:
    if not subject:
        return False
    last = subject.split()[-1]
    if " and " in f" {subject} ":
        return True
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def is_modal(text: str) -> bool:
    """Future, conditional or hypothetical wording: a plan or an opinion, not a happening."""
    return bool(_MODAL.search(text))


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))
