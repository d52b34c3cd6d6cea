"""State bodies named with their state: "the Defence Ministry" in a story about Syria is the
"Syrian Ministry of Defence", "the National Police" in one about Ecuador the "Ecuadorian
National Police", "Russia's General Staff" the "Russian General Staff"; the gazetteer's name
wins where it knows the body."""

from __future__ import annotations

import re

from ingest.extract.actor_document import Document, Mention
from ingest.extract.actor_words import LEGAL_SUFFIX
from ingest.extract.gazetteer import normalise
from ingest.extract.names import Token

FOREIGN_OFFICE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w.]+\s+)?Foreign\s+Office$")


def _form(doc: Document, tokens: list[Token]) -> str:
    return normalise(doc.text[tokens[0].start : tokens[-1].end])


_MINISTRY = re.compile(
    r"^(?:(?P<adj>[A-Z][\w.]+)\s+)?(?:(?P<field>[A-Z]\w+)\s+Ministry|Ministry\s+of\s+(?:the\s+)?(?P<field2>[A-Z][\w ]+?))"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w ]+))?$"
)


_STATE_BODIES = (
    r"General Staff|Armed Forces|Air Force|Navy|National Guard|Security Service|"
    r"Border Guard Service|Defen[cs]e Forces|Coast Guard|State Council|Constitutional Court|"
    r"Supreme Court|Federal Supreme Court|National Police|State Border Committee|"
    r"Investigative Committee|Council of Representatives|National Prosecution Authority|"
    r"National Security and Defen[cs]e Council|Federal Government|Constitutional Council|"
    r"National Security Council|State Security Service|Coast Guard Administration|"
    r"Joint Chiefs of Staff|Civil Aviation (?:Authority|Administration)|"
    r"State Border Guard(?: Service)?|Police Force|National Gendarmerie|Republican Guard|"
    r"Joint Command of the Armed Forces|Central Elect(?:oral|ion) Commission|"
    r"(?:National |Independent National )?Electoral (?:Commission|Council)|"
    r"Supreme Security Council|Humanitarian Aid Commission|"
    r"Border Guard|Army|"
    r"Department of (?:Foreign Affairs|National Defen[cs]e|(?:the )?Interior|Home Affairs)"
)
STATE_BODY = re.compile(rf"^(?:(?P<adj>[A-Z][\w.]+)\s+)?(?P<body>{_STATE_BODIES})$")
# A body named whole ("State Security Service"), before its first word is taken for an owner
_BARESTATE_BODY = re.compile(rf"^(?P<adj>)(?P<body>{_STATE_BODIES})$")


def organisation(doc: Document, tokens: list[Token]) -> Mention:
    start, end = tokens[0].start, tokens[-1].end
    form = _form(doc, tokens)
    foreign_office = FOREIGN_OFFICE.match(form)
    if foreign_office:
        form = re.sub(r"^The\s+", "", form)
        owner = _state_named(doc, form.split()[0]) if not form.startswith("Foreign") else None
        state = owner or _possessor_state(doc, start) or doc.main_state
        if state == "United Kingdom":
            fcdo = "Foreign, Commonwealth and Development Office"
            return Mention(start, end, fcdo, "organisation", 3)
        form = form.replace("Foreign Office", "Foreign Ministry")  # Pakistan's Foreign Office
    ministry = _MINISTRY.match(form)
    if ministry:
        field = (ministry["field"] or ministry["field2"] or "").replace("Defense", "Defence")
        if field in ("Foreign", "Home"):
            field = f"{field} Affairs"
        state = _state_named(doc, ministry["adj"]) if ministry["adj"] else None
        if state is None:
            state = _possessor_state(doc, start)
        territory = _possessor_place(doc, start) if state is None else None
        if territory and not ministry["adj"]:
            # "Gaza's Health Ministry": a territory's ministry, not the main state's
            return Mention(start, end, f"{territory} Ministry of {field}", "organisation", 2)
        if state is None and not ministry["adj"] and not ministry["of"]:
            state = _of_state_after(doc, end) or _home_state(doc, start)
        if state is None and ministry["of"]:
            state = _state_named(doc, ministry["of"])
        return Mention(start, end, _of_state(doc, f"Ministry of {field}", state), "organisation", 2)
    bare = re.sub(r"^The\s+", "", form)
    body = _BARESTATE_BODY.match(bare) or STATE_BODY.match(bare)
    if body:
        # "the Ukrainian General Staff", "Russia's National Guard": the body of that state.
        before = re.search(r"([A-Z][\w.]+)(?:['’]s)?\s+$", doc.text[max(0, start - 30) : start])
        owner = body["adj"] or (before.group(1) if before else None)
        state = _state_named(doc, owner) if owner else None
        if state is None and not body["adj"]:
            # "South Korea's Joint Chiefs of Staff", "the National Police of Ecuador"
            state = (
                _possessor_state(doc, start) or _of_state_after(doc, end) or _home_state(doc, start)
            )
        if state:
            return Mention(start, end, _of_state(doc, body["body"], state), "organisation", 2)
    words = form.split()
    while len(words) > 1 and words[-1].rstrip(",") in LEGAL_SUFFIX:
        words.pop()
    name = " ".join(words).rstrip(",")
    entry = doc.gazetteer.lookup(name)
    if entry is not None and entry.kind in ("organisation", "group"):
        return Mention(start, end, entry.name, entry.kind, 3)
    return Mention(start, end, name, "organisation", 2)


def _of_state(doc: Document, body: str, state: str | None) -> str:
    """A state's body named as analysts write it: "Israeli Air Force", "Syrian Ministry of
    Defence"; "Ministry of Defence (Ruritania)" for a state with no known adjective; the
    gazetteer's name when it knows the body ("Investigative Committee of Russia")."""
    if not state:
        return body
    demonym = doc.gazetteer.demonym(state)
    for form in (f"{demonym} {body}", f"{body} of {state}", f"{body} of the {state}"):
        known = doc.gazetteer.lookup(form)
        if known is not None and known.kind in ("organisation", "group"):
            return known.name
    return f"{demonym} {body}" if demonym else f"{body} ({state})"


def _of_state_after(doc: Document, end: int) -> str | None:
    """The state in "... of Ukraine" right after a body's name."""
    of_state = re.match(
        r"^\s+of\s+(?:the\s+)?((?:Republic\s+of\s+)?[A-Z](?:\w|\.(?=\w))+(?:\s[A-Z]\w+){0,3})",
        doc.text[end : end + 60],
    )
    return _state_named(doc, of_state.group(1)) if of_state else None


_REGION_OWNER = re.compile(
    r"\b(?:region|province|state|territory|enclave|city|county|district)['’]s\s+\Z"
)


def _home_state(doc: Document, start: int) -> str | None:
    """The main state, as the owner of an unowned body, unless a region owns it ("the
    region's Ministry of Natural Resources"); in a text about several states, the state its
    paragraph opens with ("Haiti. ... Transitional Presidential Council")."""
    if _REGION_OWNER.search(doc.text, max(0, start - 20), start):
        return None
    return doc.paragraph_state(start) or doc.main_state


def _possessor_state(doc: Document, start: int) -> str | None:
    match = re.search(
        r"([A-Z][\w.]+(?:\s[A-Z]\w+)?)['’]s\s+$", doc.text[max(0, start - 40) : start]
    )
    if not match:
        return None
    return _state_named(doc, match.group(1))


def _possessor_place(doc: Document, start: int) -> str | None:
    """The place in "Gaza's" right before a body's name, when it is a known place."""
    match = re.search(
        r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+$", doc.text[max(0, start - 40) : start]
    )
    if not match:
        return None
    entry = doc.gazetteer.lookup(match.group(1))
    return entry.name if entry is not None and entry.kind == "place" else None


def _state_named(doc: Document, form: str) -> str | None:
    """The canonical name of the state ``form`` names, if it names one."""
    entry = doc.gazetteer.lookup(form)
    return entry.name if entry is not None and entry.kind == "state" else None
