"""Who an event proposal involves, and one proposal per happening told twice.

The actors of a proposal are those named in its clause; a subject carried over from the
clause before or standing for a pronoun brings its own (:func:`named_in`), and "the
militants" the group named last (:func:`group_meant`). :func:`merge` keeps the first telling
of a happening and gives it the other tellings' actors.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ingest.extract.actor_document import dominant
from ingest.extract.model import Actor, Event
from ingest.extract.title_names import surname

# "the militants", "the insurgents": the armed group the story named last.
_GROUP_NOUNS = frozenset(
    [
        "militants",
        "paramilitaries",
        "paramilitary",
        "insurgents",
        "jihadists",
        "rebels",
        "fighters",
        "gunmen",
        "militiamen",
        "guerrillas",
        "group",
        "militia",
        "insurgency",
    ]
)


def group_meant(subject: str, groups: list[tuple[int, str]], before: int) -> str:
    """The group a common-noun subject ("Militants seize Moqokori") stands for: of the armed
    groups named in the 1,500 characters before ``before``, the one named most (the latest
    on a tie), if the subject names none itself."""
    words = subject.lower().split()
    if not words or words[-1] not in _GROUP_NOUNS or len(words) > 3:
        return ""
    if any(w[:1].isupper() for w in subject.split()):
        return ""  # "Houthi fighters", "Al Shabaab fighters": named already
    counts: dict[str, tuple[int, int]] = {}
    for end, name in groups[: bisect_right(groups, (before, "\uffff"))]:
        if end >= before - 1500:
            counts[name] = (counts.get(name, (0, 0))[0] + 1, end)
    return max(counts, key=lambda name: counts[name]) if counts else ""


# "the council", "the committee": the body of that kind the story named last.
_BODY_NOUNS = frozenset(
    ["council", "committee", "commission", "court", "tribunal", "agency", "ministry",
     "mission", "alliance", "coalition", "bloc", "movement", "party", "consortium",
     "company", "firm", "office", "board", "assembly", "authority", "service"]
)  # fmt: skip


def body_meant(subject: str, bodies: list[tuple[int, str]], before: int) -> str:
    """The body a common-noun subject ("The council was sworn in") stands for: the last
    organisation named in the 1,500 characters before ``before`` whose name has that noun
    ("Transitional Presidential Council")."""
    words = subject.split()
    if not words or len(words) > 2 or words[-1].lower() not in _BODY_NOUNS:
        return ""
    if any(w[:1].isupper() for w in words[:-1]) or words[-1][:1].isupper() and len(words) > 1:
        return ""
    noun = words[-1].capitalize()
    for end, name in reversed(bodies[: bisect_right(bodies, (before, "\uffff"))]):
        if end < before - 1500:
            break
        if noun in name.split():
            return name
    return ""


# "parliament declared", "the army said": a body of the state the text is about.
_STATE_BODIES = frozenset(
    [
        "government",
        "parliament",
        "army",
        "military",
        "police",
        "cabinet",
        "authorities",
        "junta",
        "navy",
        "lawmakers",
        "legislature",
        "regime",
    ]
)


def main_state(actors: list[Actor]) -> str:
    """The state a text is mostly about: named at least three times, half as often again as any
    other state."""
    return dominant(Counter({a.name: len(a.mentions) for a in actors if a.kind == "state"}))


def state_meant(subject: str, state: str) -> str:
    """The state an unowned body ("parliament", "the army") stands for: ``state``, the one
    the text is about; also as one of two doers ("the government and Druze leaders")."""
    if " and " in subject:
        return next(
            (found for part in subject.split(" and ") if (found := state_meant(part, state))),
            "",
        )
    words = subject.split()
    if not state or not words or len(words) > 3 or words[-1].lower() not in _STATE_BODIES:
        return ""
    if any(w[:1].isupper() for w in words[:-1]) or "'" in subject or "’" in subject:
        return ""  # "Ethiopia's military", "Israeli police": owned already
    return state


_PAIR = re.compile(
    r"^(?:(?:negotiators|delegations|representatives|officials|envoys|leaders|forces|troops)\s+"
    r"(?:for|of|from)\s+)?"
    r"(?:the\s+)?(?P<n>two|both|three)\s+(?:military\s+|neighbou?ring\s+)?(?:countries|sides|"
    r"nations|neighbou?rs|states|governments|rivals|capitals|juntas|regimes)"
    # "the two countries' directors general of military operations"
    r"(?:['’]\s+(?:[\w-]+\s+){0,5}[\w-]+)?$",
    re.IGNORECASE,
)


def pair_meant(subject: str, states: list[tuple[int, str]], before: int, parties=None) -> list[str]:
    """ "The two countries fought a war in 2020": the last two states named before ("the
    three military governments": three); "both sides": the last two states or armed groups
    (``parties``)."""
    pair = _PAIR.match(subject.strip())
    if not pair:
        return []
    if parties is not None and re.search(r"\b(?:sides|rivals)['’]?", subject.strip(), re.I):
        states = parties
    count = 3 if pair["n"].lower() == "three" else 2
    found: list[str] = []
    for end, name in reversed(states[: bisect_right(states, (before, "\uffff"))]):
        if end < before - 1500:
            break
        if name not in found:
            found.append(name)
        if len(found) == count:
            return found[::-1]
    return []


def surfaces(text: str, actors: list[Actor]) -> dict[str, str]:
    """Each way the text names an actor (and a person's surname) -> the actor's name."""
    found: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "place":
            continue
        for start, end in actor.mentions:
            words = text[start:end]
            # Two-letter acronyms ("AA", "EU") keep their capitals, to match as written.
            found.setdefault(
                words if len(words) <= 2 and words.isupper() else words.lower(), actor.name
            )
            if actor.kind == "person" and " " in words:
                found.setdefault(surname(words).lower(), actor.name)
    return {key: value for key, value in found.items() if len(key) > 2 or key.isupper()}


def named_in(subject: str, surfaces: dict[str, str]) -> list[str]:
    """The actors a headline subject names, by the surfaces of :func:`_surfaces`."""
    if not subject:
        return []
    lower = subject.lower()
    names = []
    for words, name in surfaces.items():
        hay = subject if words.isupper() else lower
        at = hay.find(words)
        if at < 0 or name in names:
            continue
        end = at + len(words)
        if (at == 0 or not hay[at - 1].isalnum()) and (end == len(hay) or not hay[end].isalnum()):
            names.append(name)
    return names


def actors_in(mentions, starts, start, end, text: str = "", states=frozenset()) -> list[str]:
    """The actors named between ``start`` and ``end``; a state named only as where it
    happened ("in neighbouring Burkina Faso", "the Liberian-flagged ship") is left out."""
    names: list[str] = []
    index = bisect_left(starts, start)
    while index < len(mentions) and mentions[index][0] < end:
        m_start, m_end, name = mentions[index][:3]
        index += 1
        if name in names:
            continue
        if name in states and text and _LOCATIVE.search(text, max(0, m_start - 40), m_start):
            continue
        if name in states and text and _PLACE_MODIFIED.match(text, m_end):
            continue
        names.append(name)
    if text and len(names) > 1:
        # "Washington struck 85 targets in Iraq and Syria": with a doer named, a state named
        # only as where ("in", "inside", "across") is the place, not a party.
        where = {
            name
            for m_start, _m_end, name in mentions[bisect_left(starts, start) : index]
            if name in states and _WHERE.search(text, max(0, m_start - 24), m_start)
        }
        named_else = {
            name
            for m_start, _m_end, name in mentions[bisect_left(starts, start) : index]
            if not _WHERE.search(text, max(0, m_start - 24), m_start)
        }
        kept = [n for n in names if n not in where or n in named_else]
        if len(kept) < len(names) and kept:
            names = kept
    return names


_WHERE = re.compile(
    r"\b(?:in|inside|across|throughout)\s+(?:(?:and|,)\s+)?$"
    r"|\b(?:in|inside)\s+[A-Z][\w'-]+(?:\s+and|,)\s+$"
)


_LOCATIVE = re.compile(r"\bin\s+(?:the\s+)?neighbou?ring\s+$", re.IGNORECASE)
# "the Malian capital", "a central Somali town", "Liberian-flagged": where, not who.
_PLACE_MODIFIED = re.compile(r"(?:-flagged|\s+(?:capital|town|city|village|port)\b)")


# "The barrage began at 7:30 p.m.", "The meeting ended at 11:58 a.m.": when a happening
# told elsewhere started or stopped, or a session's hours, not happenings of their own.
_DETAIL = re.compile(
    r"^(?:\S+\s+){0,2}\S+\s+(?:begins|starts|ends|continues|resumes|happens|occurs|takes\s+place)$"
)
_TRUCE = re.compile(r"(?:Truce|Ceasefire|Cease-fire|Armistice)\b")
_SESSION = re.compile(
    r"^(?:Meeting|Session|Sitting|Briefing|Conference|Debate|Hearing)\s+(?:begins|starts|ends|"
    r"opens|closes|adjourns|resumes)\b"
)


def merge(events: list[Event]) -> list[Event]:
    """One proposal per happening: a telling that repeats one kept already (same date and
    actors, or the same verb with one's actors among the other's) gives it its actors; the
    start or end of a happening told that day, a session's hours and, on a day told already,
    an actorless moment ("Gunmen on motorcycles arrive" at 9pm) are dropped."""
    events = [e for e in events if not _SESSION.match(e.title)]
    days = [e.date[:10] for e in events]
    events = [
        e
        for e in events
        if not (
            (_DETAIL.match(e.title) or "T" in e.date and not _TRUCE.match(e.title))
            and not e.actors
            and days.count(e.date[:10]) > 1
        )
    ]
    kept: list[Event] = []
    for event in events:
        verb = _verb_of(event.title)
        duplicate = None
        for other in kept:
            if (
                len(event.date) >= 10
                and event.date[:10] == other.date[:10]
                and _same_thing(event.title, other.title)
            ):
                # "Drone strike kills 19 civilians" ... "Drone hits market": one happening
                duplicate = other
                break
            if other.date != event.date:
                continue
            mine, theirs = set(event.actors), set(other.actors)
            # Same actors the same day tell one happening unless the headlines share no
            # word ("India strikes Pakistan", "Two countries agree ceasefire": two).
            same_actors = bool(mine) and mine == theirs and _shared_word(event, other)
            # The same verb on the same day is one happening only when neither telling names
            # an actor the other lacks on both sides ("drones struck Odesa" vs "... Kharkiv").
            nested = mine <= theirs or theirs <= mine
            if same_actors or (verb and verb == _verb_of(other.title) and nested):
                duplicate = other
                break
        if duplicate is None:
            kept.append(event)
        else:
            for name in event.actors:
                if name not in duplicate.actors:
                    duplicate.actors.append(name)
    return kept


def _shared_word(event: Event, other: Event) -> bool:
    """Do two headlines share a word other than their actors' names?"""
    names = {w.lower()[:5] for a in [*event.actors, *other.actors] for w in a.split()}

    def words(title: str) -> set[str]:
        found = {w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", title)}
        return found - names

    return bool(words(event.title) & words(other.title))


_THINGS = frozenset(
    ["drone", "strike", "airstrike", "missile", "rocket", "blast", "explosion", "bomb",
     "shelling", "fire", "attack", "ambush", "earthquake", "barrage"]
)  # fmt: skip


def _same_thing(title: str, other: str) -> bool:
    """Do two headlines open with the same happening noun ("Drone ...", "Drone ...")?"""
    first, second = title.split()[0].lower(), other.split()[0].lower()
    return first == second and first in _THINGS


def _verb_of(title: str) -> str:
    words = title.split()
    for word in words[1:4]:
        if word.islower() and word.endswith("s"):
            return word
    return ""
