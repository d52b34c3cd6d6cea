"""Capitalised names nothing else explains: kept as actors only when the text vouches for
them, and told apart from places ("east of Pishchane", "the Sarsang and Khurmala oil
fields", "seized Goma"), ships, commodity grades, products and headline words.
"""

from __future__ import annotations

import re

from ingest.extract.actor_document import Document, Mention
from ingest.extract.actor_words import (
    ACTOR_AFTER,
    EVENT_WORDS,
    NOT_NAMES,
    PLACE_BEFORE,
    PRODUCT_AFTER,
    THING_BEFORE,
    TITLES,
)
from ingest.extract.gazetteer import normalise
from ingest.extract.names import Token


def _form(doc: Document, tokens: list[Token]) -> str:
    return normalise(doc.text[tokens[0].start : tokens[-1].end])


def unknown(doc: Document, tokens: list[Token]) -> list[Mention]:
    """A capitalised name nothing else explains: kept when the text vouches for it."""
    words = [t.text for t in tokens]
    if all(word in NOT_NAMES or word in TITLES for word in words):
        return []
    first = doc.gazetteer.lookup(words[0]) if len(words) > 1 else None
    if first is not None and first.role == "adjective":
        return []
    form = _form(doc, tokens)
    start, end = tokens[0].start, tokens[-1].end
    if (
        len(form) < 2
        or form.isdigit()
        or any(ch.isdigit() for ch in words[0])
        or words[0][:1].islower()
    ):
        return []
    if words[-1] in EVENT_WORDS or any(w in EVENT_WORDS for w in words[1:]):
        return []
    before = doc.text[max(0, start - 24) : start]
    after = doc.text[end : end + 24]
    if len(tokens) == 1 and _DEMONYM_LIKE.fullmatch(form) and re.match(r"\s+[a-z]", after):
        return []  # "European officials", "Balkan trafficking networks": an adjective
    if _LAW_BEFORE.search(doc.text, max(0, start - 60), start):
        return []  # "the Law on Transparency of Foreign Influence": a law's subject
    if _REMIT_BEFORE.search(doc.text, max(0, start - 60), start):
        return []  # "Under Secretary of the Treasury for Terrorism": the post's remit
    if len(tokens) >= 2 and (_PERSON_AFTER.match(doc.text, end) or _PERSON_BEFORE.search(before)):
        return [Mention(start, end, form, "person", 2)]  # "X Y, alias ..., a Mexican national"
    nicknamed = _GIVEN_NICKNAME.search(doc.text, max(0, start - 40), start)
    if len(tokens) == 1 and nicknamed and nicknamed.group(1) in doc.gazetteer.given_names:
        # 'DEA agent Enrique "Kiki" Camarena': a given name, a nickname, a surname
        given = nicknamed.group(1)
        return [Mention(nicknamed.start(1), end, f"{given} {words[0]}", "person", 2)]
    if _ORG_APPOSED.match(doc.text, end):
        return [Mention(start, end, form, "organisation", 2)]  # "Vectus Global, a private firm"
    if len(tokens) >= 2 and _NATIONAL_BEFORE.search(before):
        return [Mention(start, end, form, "person", 2)]  # "Palestinian-American Sayfollah Musallet"
    kind_before = _KIND_BEFORE.search(doc.text, max(0, start - 50), start)
    if kind_before and not PRODUCT_AFTER.match(after):
        # "the Norwegian company DNO", "the group tracked as Kimsuky"
        kind = "group" if kind_before["group"] else "organisation"
        return [Mention(start, end, form, kind, 2)]
    if _COMPANY_AFTER.match(doc.text, end):
        return [Mention(start, end, form, "organisation", 2)]  # "Suministros ..., S.A. de C.V."
    if PRODUCT_AFTER.match(after) or re.match(r"^\s+[\w-]*\d", after):
        return []
    if _VESSEL_BEFORE.search(before) or _COMMODITY_AFTER.match(after):
        return []  # "the tanker Sounion", "Urals crude": a ship or a grade, not an actor
    adjective = (
        re.search(r"(?:an|ese|ish)$", words[-1])
        if len(words) > 1
        else re.search(r"(?:ese|ish)$", words[0]) or words[0].lower() in doc.lower_words
    )
    if adjective and re.match(r"^\s+(?:[a-z]+\s+)?[a-z]+s\b", after):
        return []  # "East African leaders", "Kurdish security agencies": adjectives
    if re.search(r"(?:\b[a-z]+[A-Z]\w*|[\"“‘]|\s')\s*$", before) or re.match(
        r"^(?:[\"”]|[’'](?!s\b|\s))", after
    ):
        return []  # "iTunes Music Store", a "Dreamliner" in quotes: products and nicknames
    if (
        len(tokens) == 1
        and re.search(r"\bthe\s+$", before)
        and not words[0].endswith("s")
        and not re.match(r"^\s+(?:said|says|told|announced|reported)\b", after)
    ):
        return []  # "the Shuffle was introduced": a thing, unless it speaks
    if THING_BEFORE.search(before) and not ACTOR_AFTER.match(after):
        return []
    if len(tokens) == 1 and words[0] in doc.surnames:
        return [Mention(start, end, doc.surnames[words[0]], "person", 2)]
    if len(tokens) == 1 and len(doc.given_of.get(words[0], ())) == 1:
        # "Eskinder Nega ... Eskinder said": Ethiopian names have no family name
        return [Mention(start, end, next(iter(doc.given_of[words[0]])), "person", 2)]
    if doc.in_title_line(start) and not any(_seen_elsewhere(doc, t) for t in tokens):
        return []  # a capitalised headline word that the story never uses as a name
    if len(tokens) == 1:
        token = tokens[0]
        if token.sentence_start and (doc.common(token) or token.text not in doc.mid_capitals):
            return []
        if doc.common(token) and token.text.lower() in doc.gazetteer.common_words:
            return []
        if token.text.isupper() and len(token.text) > 5:
            return []  # shouting, not an acronym
    wider = doc.text[max(0, start - 80) : start]
    if (
        _PLACE_OF.search(wider)
        or PLACE_NOUN_AFTER.match(doc.text, end, end + 80)
        or _TAKEN.search(wider)
    ):
        return [Mention(start, end, form, "place", 2)]  # "east of Pishchane", "Tartus province"
    if _listed_with_place(doc, start) or _ROAD_BETWEEN.search(before):
        return [Mention(start, end, form, "place", 1)]  # "in Jenin and Tulkarem"
    if (
        PLACE_BEFORE.search(before)
        and not _SPEAKS_AFTER.match(after)
        and not _RELATION_TO.search(before)
    ):
        return [Mention(start, end, form, "place", 1)]  # "in Mekelle is thin", not "at X said"
    if re.match(
        r"^,\s+(?:[A-Z][\w.]+\s?){1,3}(?:[,.;)]|\s+(?:and|in|on|at|to|is|was|has)\b)", after
    ):
        entry = doc.gazetteer.lookup(
            re.match(r"^,\s+((?:[A-Z][\w.]+\s?){1,3})", after).group(1).strip()
        )
        if entry is not None and entry.kind in ("state", "place"):
            return [Mention(start, end, form, "place", 1)]
    strong = bool(ACTOR_AFTER.match(after)) or bool(
        re.search(r"\b(?:by|with|for|against|between|and|of|said|says|told|to)\s+$", before)
    )
    if not strong and _occurrences(doc, form, start) < 3:
        return []
    # A name that acts ("Ryanair said", "a deal with Aeroflot") and is neither a known person
    # nor a place is, in news, most often an organisation.
    agent = bool(ACTOR_AFTER.match(after)) or bool(
        re.search(r"\b(?:by|with|against|between)\s+$", before)
    )
    kind = (
        "organisation" if agent and not re.search(r"\b(?:said|says|told)\s+$", before) else "other"
    )
    return [Mention(start, end, form, kind, 1)]


_DEMONYM_LIKE = re.compile(r"[A-Z][a-z]+(?:an|ean|ian|ese|ish|ic)")
_PERSON_AFTER = re.compile(
    r",\s+(?:alias|aka|a\.k\.a\.|known\s+as|(?:a|an)\s+(?:[A-Z][\w-]+\s+)?(?:national|citizen|"
    r"businessman|businesswoman|resident|former\s+[a-z]+|self-styled|dual\s+national))\b"
)
_KIND_BEFORE = re.compile(
    r"\b(?:(?:company|companies|firms?|operators?|contractors?|subcontractor|manufacturers?|"
    r"shipbuilder|conglomerate|lenders?|insurers?|airlines?|broker|developer|consultancy|"
    r"broadcasters?|so-called|think[\s-]tank|charity|watchdog|monitor)"
    r"(?:\s+[A-Z][\w-]+\s+and)?|"  # "the grid operators Fingrid and (Elering)"
    r"(?:mission|force|operation|coalition|alliance|unit|programme|body),?\s+(?:known|called)\s+as|"
    r"(?P<group>(?:group|gang|militia|faction|cartel)\s+(?:tracked|known|designated)\s+as|"
    r"(?:hacker|hacking|armed|rebel|militant|jihadist|criminal)\s+group|gang|militia|cartel))"
    r",?\s+$"
)
_ORG_APPOSED = re.compile(
    r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:firm|company|contractor|consultancy|group|"
    r"charity|organi[sz]ation|agency|bank|broadcaster|operator|manufacturer|think[\s-]tank)\b"
)
_NATIONAL_BEFORE = re.compile(
    r"\b[A-Z][a-z]+-(?:American|British|Canadian|French|German|Australian)\s+$"
)
_GIVEN_NICKNAME = re.compile(r"\b([A-Z][\w'’-]+)\s+[\"“][^\"”\n]{1,20}[\"”]\s+$")
# "arrested Ataullah abu Ammar Jununi": who is arrested or sentenced is a person.
_PERSON_BEFORE = re.compile(
    r"\b(?:arrested|detained|extradited|kidnapped|abducted|sentenced|convicted|indicted|"
    r"pardoned|assassinated)\s+$"
)
_COMPANY_AFTER = re.compile(
    r",?\s+(?:S\.\s?A\.|S\.A\.S\.|S\.R\.L\.|SARL|S\.p\.A\.|Ltd\.?|LLC|L\.L\.C\.|Inc\.|"
    r"GmbH|AG|PLC|plc|B\.V\.|N\.V\.|JSC|OJSC|PJSC|LLP|Pte)(?![\w])"
)
_LAW_BEFORE = re.compile(
    r"\b(?:Law|Act|Bill|Code|Decree|Ordinance)\s+(?:on|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+(?:of|on|and|for)\s+(?:the\s+)?)*$"
)
_REMIT_BEFORE = re.compile(
    r"\b(?:Secretary|Minister|Commissioner|Envoy|Representative|Coordinator|Adviser|Advisor|"
    r"Director|Rapporteur|Czar|Tsar|Secretary-General)\b(?:\s+of\s+the\s+[A-Z]\w+)?\s+for\s+"
    r"(?:[A-Z][\w-]*\s+(?:and|&)\s+)?$"
)
# "fighters loyal to Bello Turji": a tie to someone, not a place.
_RELATION_TO = re.compile(
    r"\b(?:loyal|allied|close|linked|tied|married|related|allegiance|belonging|opposed|"
    r"answerable|subordinate|affiliated|according)\s+to\s+$"
)
_SPEAKS_AFTER = re.compile(r"^\s+(?:said|says|told|announced|reported|confirmed|denied)\b")
_VESSEL_BEFORE = re.compile(
    r"\b(?:(?:tanker|ship|vessel|freighter|carrier|frigate|destroyer|cruiser|submarine|corvette|"
    r"yacht|ferry)\s+|(?:tankers|ships|vessels|freighters),\s+the\s+|(?:aboard|on\s+board)\s+"
    r"(?:the\s+)?)$"
)
_COMMODITY_AFTER = re.compile(r"^\s+(?:crude|blend|oil\s+price)")
_NAMES = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
# "Tartus province", "the Sarsang and Khurmala oil fields", "the Torkham and Chaman crossings"
PLACE_NOUN_AFTER = re.compile(
    r"(?:(?:,|\s+and|\s+or)\s+" + _NAMES + r")*\s+"
    r"(?:governorates?|provinces?|oblasts?|districts?|regions?|counties|county|prefectures?|"
    r"villages?|refugee\s+camps?|camps?|nuclear\s+sites?|airbases?|air\s+bases?|"
    r"(?:oil|gas)\s+fields?|oilfields?|fields|(?:border\s+)?crossings?|refiner(?:y|ies)|"
    r"power\s+(?:station|plant)s?|neighbou?rhoods?|suburbs?|valleys?|governorate|areas?)\b"
)
# "east of Pishchane", "the ports of Hudaydah, Ras Isa and Salif"
_PLACE_OF = re.compile(
    r"\b(?:villages?|towns?|cit(?:y|ies)|regions?|provinces?|districts?|ports?|settlements?|"
    r"capital|areas?|islands?|territory|state|municipality|enclave|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?)"
    r"\s+of\s+(?:" + _NAMES + r"(?:,\s+|\s+and\s+))*$",
    re.IGNORECASE,
)
# "seized Goma", "fighting reached Uvira": what is taken or reached is a place.
_TAKEN = re.compile(
    r"\b(?:seized|seize|captured|capture|took|retook|recaptured|entered|reached|overran|"
    r"encircled|besieged|liberated|evacuated|held)\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
    r"(?:" + _NAMES + r"\s+since\s+\w+\s+and\s+)?$"
)
# A name listed with a known place: "Latakia and Tartus", "Fordow, Natanz and Isfahan".
_LIST_ITEM = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:,|,?\s+and|,?\s+or)\s+$")
# "a roadblock between Tame and Fortul": the ends of a road are places.
_ROAD_BETWEEN = re.compile(
    r"\b(?:road|roadblock|highway|route|railway|border|frontier|corridor|checkpoints?)\s+"
    r"between\s+$"
)


def _listed_with_place(doc: Document, start: int) -> bool:
    """Is the name at ``start`` a later item of a list of places ("moved into Kfar Kila,
    Odaisseh, Markaba and Houla", "between Tame and Fortul")? The list's items are walked
    back to its first: a known place among them, or a place word before it, says so."""
    position = start
    for _ in range(6):
        item = _LIST_ITEM.search(doc.text, max(0, position - 60), position)
        if item is None:
            break
        words = item.group(1)
        entry = doc.gazetteer.lookup(words) or doc.gazetteer.lookup(words.split()[-1])
        if entry is not None:
            return entry.kind == "place"
        position = item.start(1)
    else:
        return False
    if position == start:
        return False
    window = doc.text[max(0, position - 30) : position]
    return bool(PLACE_BEFORE.search(window) or _ROAD_BETWEEN.search(window))


def _occurrences(doc: Document, form: str, start: int) -> int:
    """How often ``form`` occurs near ``start`` (the whole text when it is article-sized)."""
    if len(doc.text) <= 100_000:
        cached = doc.occurrence_cache.get(form)
        if cached is None:
            cached = doc.occurrence_cache[form] = _count(form, doc.text)
        return cached
    return _count(form, doc.text[max(0, start - 20_000) : start + 20_000])


def _count(form: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text))


def _seen_elsewhere(doc: Document, token: Token) -> bool:
    """Does the story use this word outside the headline lines?"""
    return doc.body_words.get(token.text, 0) > (0 if doc.in_title_line(token.start) else 1)
