"""Happenings named by a noun and dated: "the killing of X on Sept. 27", "the signing of
the accord on 3 May", "after the collapse of talks in March", "an attack on Y on Tuesday",
"the Oct. 23 killing of the doctor".

The date then belongs to the noun, not to the clause's verb, and the happening is headlined
from it: "X killed", "Accord signed", "Talks collapse", "Attack on Y".
"""

from __future__ import annotations

import re

from ingest.extract.subjects import plural, tidy
from ingest.extract.verb_finder import find_verbs, third_person


def _words(text: str) -> list[str]:
    return text.split()


# Nouns whose "of" phrase is what the happening was done to: "the killing of X" -> "X killed".
_DONE_TO = dict(
    pair.split(":")
    for pair in _words(
        "killing:killed assassination:assassinated murder:murdered execution:executed "
        "arrest:arrested detention:detained capture:captured kidnapping:kidnapped "
        "abduction:abducted release:released signing:signed ratification:ratified "
        "adoption:adopted approval:approved election:elected appointment:appointed "
        "dismissal:dismissed ouster:ousted bombing:bombed shelling:shelled shooting:shot "
        "sinking:sunk downing:downed destruction:destroyed seizure:seized annexation:annexed "
        "invasion:invaded liberation:liberated recapture:recaptured storming:stormed "
        "indictment:indicted conviction:convicted sentencing:sentenced extradition:extradited "
        "deportation:deported evacuation:evacuated expulsion:expelled suspension:suspended "
        "cancellation:cancelled postponement:postponed inauguration:inaugurated "
        "launch:launched opening:opened closure:closed acquisition:acquired"
    )
)
# Nouns whose "of" phrase did the happening: "the collapse of talks" -> "Talks collapse".
_DONE_BY = dict(
    pair.split(":")
    for pair in _words(
        "collapse:collapse death:die fall:fall resignation:resign withdrawal:withdraw "
        "departure:depart arrival:arrive escape:escape surrender:surrender crash:crash "
        "explosion:explode eruption:erupt failure:fail defection:defect return:return "
        "breakdown:break_down outbreak:break_out"
    )
)
# Nouns headlined with their target: "an attack on Y" -> "Attack on Y".
_AIMED = frozenset(
    _words(
        "attack attacks strike strikes airstrike airstrikes raid raids assault offensive ambush "
        "bombardment crackdown"
    )
)
_NOUNS = "|".join(sorted([*_DONE_TO, *_DONE_BY, *_AIMED], key=len, reverse=True))
_STOP = (
    r"(?!(?:on|in|at|during|and|or|by|after|before|until|since|when|while|as|because|to|for|"
    r"from|with|amid|despite|was|were|has|had|is|are|that|which|who)\b)"
)
_TOKEN = r"(?:(?:[A-Z]\.)+|(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sen|Rep|Gov|Prof|St)\.|[^\s,;:.()\"“”]+)"
_ARG = r"(?P<arg>(?:" + _STOP + _TOKEN + r"\s+){1,7}?)"
# "... the killing of Hassan Nasrallah on " + date.
_BEFORE_DATE = re.compile(
    r"(?:(?P<mods>(?:[A-Za-z][\w'’-]*\s+){0,2}?))?\b(?P<noun>" + _NOUNS + r")\s+"
    r"(?P<prep>of|on|against)\s+"
    + _ARG
    # "the killing of X in Beirut last Friday": a place may come between the name and the date.
    + r"(?:(?:in|at|near)\s+(?:[A-Z][\w'’-]*\s+){1,3})?(?:on|in|at|during|early|late|)\s*$",
    re.IGNORECASE,
)
_AND_OF = re.compile(
    r"\band\s+of\s+" + _ARG + r"(?:(?:in|at|near)\s+(?:[A-Z][\w'’-]*\s+){1,3})?(?:on|in|at|)\s*$"
)
_NOUN_OF = re.compile(r"\b(?P<noun>" + _NOUNS + r")\s+of\s+", re.IGNORECASE)
# Date + " killing of the doctor, ...".
_AFTER_DATE = re.compile(
    # "the Oct. 23 killing of ...", "a day after Hamas's attack on southern Israel"
    r"(?:'s|\s+(?:after|before)\s+(?:the|an?|[A-Z][\w-]*['’]s))?\s+(?P<noun>"
    + _NOUNS
    + r")\s+(?P<prep>of|on|against)\s+"
    r"(?P<arg>(?:" + _STOP + _TOKEN + r"\s*){1,6})",
    re.IGNORECASE,
)
_KINDS = frozenset(
    _words(
        "missile drone rocket air suicide terrorist militant artillery mortar naval ground cyber "
        "chemical deadly"
    )
)
_NOT_MODIFIERS = frozenset(
    _words(
        "the a an this that these those its his her their our of on in at after before since "
        "following during amid and or but with by for from to was were is are has had"
    )
)


def nominal_at(
    text: str, start: int, date_start: int, date_end: int
) -> tuple[str, int, int] | None:
    """The headline of a happening named by a noun that the date at ``date_start:date_end``
    dates, looking no further back than ``start``; with the span of the noun's phrase."""
    offset = max(start, date_start - 120)
    match = _BEFORE_DATE.search(text[offset:date_start])
    split = _SPLIT_OF.search(text[offset:date_start])
    of_after = _OF_AFTER.match(text, date_end, date_end + 120) if split else None
    participle = _PARTICIPLE.search(text[offset:date_start])
    also = None if match is not None else _AND_OF.search(text[offset:date_start])
    earlier = None
    if also is not None:
        # "the killing of Nasrallah in Beirut last Friday and of Haniyeh in Tehran on July 31"
        nouns = list(_NOUN_OF.finditer(text, start, offset + also.start()))
        earlier = nouns[-1] if nouns else None
    if match is not None:
        title = _title(match["noun"], match["prep"], match["arg"], match["mods"] or "")
        span = (offset + match.start("noun"), offset + match.end("arg"))
    elif earlier is not None:
        title = _title(earlier["noun"], "of", also["arg"], "")
        span = (offset + also.start("arg"), offset + also.end("arg"))
    elif split is not None and of_after is not None:
        # "the arrest on 5 October of five opposition figures"
        title = _title(split["noun"], "of", of_after["arg"], "")
        span = (offset + split.start("noun"), of_after.end("arg"))
    elif participle is not None:
        # "to respect the truce agreed on November 27", "the Agreement signed on 2 November"
        thing = tidy(participle["thing"])
        title = f"{thing[:1].upper()}{thing[1:]} {participle['done'].lower()}"
        span = (offset + participle.start("thing"), offset + participle.end("done"))
        named = _INCLUDING.match(text, date_end)
        return (
            (title, span[0], named.end() if named else span[1]) if len(thing.split()) <= 6 else None
        )
    else:
        match = _AFTER_DATE.match(text, date_end, date_end + 120)
        if match is None:
            return _dated_noun(text, start, date_start, date_end)
        title = _title(match["noun"], match["prep"], match["arg"], "")
        span = (match.start("noun"), match.end("arg"))
    including = _INCLUDING.match(text, span[1])
    if find_verbs(" " + text[span[0] : span[1]].split(None, 1)[-1]):
        return None  # "a strike on its consulate killed seven officers on": a clause's verb
    if _CLAIMED.search(text, max(start, span[0] - 80), span[0]):
        # "JNIM claimed an attack on an army post on Sunday": the claimant's attack
        return (title, start, span[1]) if title else None
    if _LIGHT_VERB.search(text, max(start, span[0] - 80), span[0]):
        return None  # "Russia launched a drone attack ... overnight": the verb's happening
    if _MEANS.search(text, max(start, span[0] - 60), span[0]):
        return None  # "X was killed in an Israeli strike on Beirut": the killing is the news
    if _IN_ACT.search(text, max(start, span[0] - 40), span[0]) and find_verbs(
        text[start : span[0]]
    ):
        return None  # "gunmen killed eight people in attacks on villages on 18 November"
    if including:
        span = (span[0], including.end())  # "..., including the singer X": X is named in it
    return (title, *span) if title else None


# A verb that makes the noun its own happening: "launched a massive drone attack on".
_LIGHT_VERB = re.compile(
    r"\b(?:launch|carr(?:y|ie[sd])\s+out|conduct|stage|mount|unleash|beg[ai]n|start|claim|"
    r"order|resume|step(?:ped)?\s+up|halt|announce)\w*\s+"
    r"(?:(?!(?:after|before|since|following|during|amid|until|over|with)\b)[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)


_INCLUDING = re.compile(r",\s+(?:including\s+[^,.;()]{1,80}|in\s+which\s+[^.;]{1,120})")
# "claimed (responsibility for) an attack on": the noun is the claimant's happening.
_CLAIMED = re.compile(
    r"\bclaim(?:ed|s)?\s+(?:responsibility\s+for\s+)?(?:an?|the|two|three|several)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "killed eight people in attacks on": the noun is how the verb's happening was done.
_IN_ACT = re.compile(r"\bin\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# "the arrest on 5 October of ...": the date between the noun and its "of".
_SPLIT_OF = re.compile(r"\b(?:the|an?)\s+(?P<noun>" + _NOUNS + r")\s+(?:on|in)?\s*$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s+(?P<arg>(?:" + _STOP + _TOKEN + r"\s*){1,6})")
# "respect the truce agreed on", "a breach of the Agreement signed on": a thing done then.
_PARTICIPLE = re.compile(
    r"\b(?:of|to|for|with|under|after|before|since|by|from|respects?|violat\w+|breach\w*|"
    r"welcome[sd]?|despite|following)\s+the\s+(?P<thing>(?:(?!the\b|of\b)[\w'’-]+\s+){0,5}?"
    r"(?:truce|ceasefire|"
    r"cease-fire|deal|agreement|Agreement|accord|Accord|accords|Accords|treaty|Treaty|elections?|"
    r"vote|referendum|summit|talks|memorandum|framework|resolution|Resolution))\s+"
    r"(?P<done>agreed|signed|held|reached|brokered|concluded|adopted|struck|announced)\s+"
    r"(?:(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+)?){1,4})?(?:on|in|at)?\s*$"
)
# A happening verb whose means or setting the noun names: "killed in an air strike on".
_MEANS = re.compile(
    r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?\w+\s+(?:in|by|during)\s+(?:an?|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def is_nominal_after(text: str, end: int) -> bool:
    """Does a happening noun follow the date ("the Oct. 23 killing of ...", "the April 22
    attack in Pahalgam")?"""
    return (
        _AFTER_DATE.match(text, end, end + 120) is not None
        or _ATTACK_IN.match(text, end) is not None
    )


# "the April 22 attack in Pahalgam": an attack and where.
_ATTACK_IN = re.compile(
    r"\s+(?P<noun>attack|bombing|massacre|ambush|raid|assault)\s+(?:in|at|near)\s+"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})",
)
_THE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)


def _dated_noun(text: str, start: int, date_start: int, date_end: int):
    """ "the April 22 attack in Pahalgam" -> "Attack in Pahalgam": a day's happening named
    by the noun the day modifies."""
    if not _THE_BEFORE.search(text, max(start, date_start - 5), date_start):
        return None
    if not re.search(r"\b[0-3]?\d\b", text[date_start:date_end]):
        return None  # "the Monday attack", "the 2020 ceasefire": not one day named
    attack = _ATTACK_IN.match(text, date_end)
    if attack:
        return f"{attack['noun'].capitalize()} in {attack['place']}", date_start, attack.end()
    return None


def _title(noun: str, prep: str, arg: str, mods: str) -> str:
    noun = noun.lower()
    arg = tidy(arg)
    if not arg or arg.lower() in ("it", "them", "him", "her", "this", "that"):
        return ""
    if noun in _AIMED:
        if prep.lower() == "of":
            return ""  # "the offensive of the army": unclear
        words: list[str] = []
        for word in reversed(mods.split()):
            if word.lower() in _NOT_MODIFIERS or not (
                word.lower() in _KINDS or (word[:1].isupper() and word.isalpha())
            ):
                break
            words.insert(0, word)  # "Russian missile attack", "drone strike"
        title = " ".join([*words, noun, prep.lower(), arg])
    elif prep.lower() != "of":
        return ""
    elif noun in _DONE_TO:
        title = f"{arg} {_DONE_TO[noun]}"
    else:
        base = _DONE_BY[noun].replace("_", " ")
        verb, _sep, particle = base.partition(" ")
        verb = verb if plural(arg) else third_person(verb)
        title = f"{arg} {verb} {particle}".strip()
    return title[:1].upper() + title[1:]
