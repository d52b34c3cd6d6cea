"""Happenings told in asides: ", which split from Boko Haram in 2016," gives "ISWAP splits
from Boko Haram"; ", which Parliament adopted on 28 May," gives "Parliament adopts ...".
The aside is rewritten as a clause and headlined by the same rules as any other
(``title_of``, the events module's headline function)."""

from __future__ import annotations

import re

from ingest.extract.event_actors import actors_in
from ingest.extract.model import Event
from ingest.extract.not_happenings import ASIDE
from ingest.extract.subjects import UNRESOLVED, last_phrase, subject_of, tidy
from ingest.extract.title_names import surname
from ingest.extract.verb_finder import find_verb
from ingest.extract.verbs import SIMPLE_PAST

_RELATIVE = re.compile(r",\s*(?:which|who)\s+")
_COMMON_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w'’-]+\s+){0,5}[a-z][\w'’-]*\s*$")
_PRONOUN_DOER = re.compile(r"(?:it|they|he|she|we)\s", re.IGNORECASE)
_THING_BEFORE = re.compile(
    r"(?:\bthe\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|and|the|in)\s+)*)*[A-Z][\w'’-]*\s*$"
    r"|\b[Tt]he\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*\s*$"
)
# "which Parliament adopted", "which Russian forces seized": a subject of its own, then a verb
_OBJECT_RELATIVE = re.compile(
    r"(?:(?:the|its|their)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:(?!(?:was|has|is|as|this|its|us)\s)[a-z]+s\s+|[A-Z][\w'’-]*\s+)" + SIMPLE_PAST + r"\b"
)


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|the|in)\s+)*)*[A-Z][\w'’-]*\s*$")
# ", a car carrier the Houthis seized in November 2023": an apposed noun, then a deed done to
# it by a named doer
_APPOSED_DEED = re.compile(
    r",\s+an?\s+(?:[a-z][\w-]*\s+){1,3}?(?P<doer>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"\s+(?P<verb>" + SIMPLE_PAST + r")\b[^,;.]*"
)


def aside_events(
    text, start, end, inside, people, mentions, mention_starts, title_of
) -> list[Event]:
    """Happenings told in ", which/who ..." asides that carry their own date, headlined with
    the noun the aside describes ("ISWAP, which split from Boko Haram in 2016" -> "ISWAP splits
    from Boko Haram")."""
    found = []
    for apposed in _APPOSED_DEED.finditer(text, start, end):
        # "the Galaxy Leader, a car carrier the Houthis seized in November 2023,"
        dates = [d for d in inside if d[2] and apposed.end("verb") <= d[0] < apposed.end()]
        thing = _NAME_BEFORE.search(text, start, apposed.start())
        if not dates or thing is None:
            continue
        name = tidy(thing.group())
        doer, verb = apposed.group("doer"), apposed.group("verb")
        synthetic = f"{doer} {verb} {name}{text[apposed.end('verb') : apposed.end()]}"
        shift = apposed.end("verb") - len(doer) - len(verb) - len(name) - 2
        titled = title_of(
            synthetic, 0, len(synthetic), [(a - shift, b - shift, w) for a, b, w in dates]
        )
        if titled:
            names = actors_in(mentions, mention_starts, thing.start(), apposed.end())
            found.append(Event(titled[1], titled[0], text[start:end], start, end, names))
    for aside in ASIDE.finditer(text, start, end):
        relative = _RELATIVE.match(text, aside.start())
        dates = [d for d in inside if d[2] and aside.start() <= d[0] < aside.end()]
        if relative is None or not dates:
            continue
        pronoun = _PRONOUN_DOER.match(text, relative.end())
        if pronoun:
            # "The army controls the capital, Khartoum, which it retook in March": "it" is the
            # sentence's subject and Khartoum the verb's object
            event = _pronoun_aside(text, start, aside, relative, pronoun, dates, title_of)
            if event is not None:
                when, title = event
                names = actors_in(mentions, mention_starts, start, aside.end())
                found.append(Event(when, title, text[start:end], start, end, names))
            continue
        # The noun just before the aside ("the olive harvest, which began ..."), else the
        # clause's subject.
        near = _COMMON_BEFORE.search(text, start, aside.start())
        phrase = tidy(near.group() if near else last_phrase(text[start : aside.start()]))
        if not phrase or phrase.lower() in UNRESOLVED or not phrase[:1].isalnum():
            continue
        if find_verb(phrase):
            continue  # "Poland also closed all": a clause, not the noun the aside describes
        named = next((p for p in people if p[1] == aside.start()), None)
        begin = text.rfind(phrase.split()[0], start, aside.start())
        if named is not None and phrase.endswith(text[named[0] : named[1]]):
            # "Boko Haram's founder Abubakar Shekau, who ..." -> "Shekau ..."
            phrase, begin = surname(text[named[0] : named[1]]), named[0]
        body_end = aside.end() - (1 if text[aside.end() - 1] in ",." else 0)
        rest = text[relative.end() : body_end]
        shift = relative.end() - len(phrase) - 1
        synthetic = f"{phrase} {rest}"
        doer = _OBJECT_RELATIVE.match(rest) if "which" in relative.group() else None
        if doer:
            # "the law, which Parliament adopted on 28 May": the thing is the verb's object
            thing = _THING_BEFORE.search(text, start, aside.start())
            if thing is None:
                continue
            phrase = tidy(thing.group())
            cut = doer.end()
            synthetic = f"{rest[:cut]} {phrase}{rest[cut:]}"
            shift = relative.end() - len(phrase) - 1  # dates after the verb keep their places
        titled = title_of(
            synthetic, 0, len(synthetic), [(a - shift, b - shift, w) for a, b, w in dates]
        )
        if not titled:
            continue
        title, when, _subject = titled
        names = actors_in(
            mentions, mention_starts, begin if begin >= 0 else aside.start(), body_end
        )
        found.append(Event(when, title, text[start:end], start, end, names))
    return found


def _pronoun_aside(text, start, aside, relative, pronoun, dates, title_of):
    """(when, title) of "..., Khartoum, which it retook in March,": the sentence's subject
    retook Khartoum; None when the sentence's subject or the aside's object is not clear."""
    if "which" not in relative.group() or any(a < pronoun.end() for a, _b, _w in dates):
        return None
    head = text[start : aside.start()]
    verb = find_verb(head)
    doer = tidy(subject_of(head, verb[0])) if verb else ""
    if not doer or doer.lower() in UNRESOLVED or not doer[:1].isalnum():
        return None
    thing = _THING_BEFORE.search(text, start, aside.start())
    if thing is None:
        return None
    thing_text = tidy(thing.group())
    body_end = aside.end() - (1 if text[aside.end() - 1] in ",." else 0)
    rest = f"{doer} {text[pronoun.end() : body_end]}"
    acted = re.match(re.escape(doer) + r"\s+(?:\w+ly\s+)?" + SIMPLE_PAST + r"\b", rest)
    if acted is None:
        return None
    synthetic = f"{rest[: acted.end()]} {thing_text}{rest[acted.end() :]}"
    shift = pronoun.end() - len(doer) - 1 - len(thing_text) - 1
    titled = title_of(
        synthetic, 0, len(synthetic), [(a - shift, b - shift, w) for a, b, w in dates]
    )
    return (titled[1], titled[0]) if titled else None
