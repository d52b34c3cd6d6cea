"""Actor recognition: who and what a text names, under canonical names.

Order of evidence, strongest first: the workspace's own actors and the gazetteer (names,
aliases, demonyms, capitals), then patterns on capitalised name chunks — titles before
people ("President Macron", "spokeswoman Sandy Angers"), given names, organisation words
("Ministry of ...", "... Party", "... Airlines", "Inc."), place words ("... Airport") —
and last, names seen again in the same text (a surname after the full name, an acronym
defined in brackets, the first word of a company's name). A name spelled out before its
acronym is taken whole (:mod:`ingest.extract.actor_acronyms`).

What one chunk names is decided in :mod:`ingest.extract.actor_chunks`; this module runs the
passes over the whole text (names with lower-case words, products and currencies, short
names resolved against earlier ones) and groups the mentions into actors.
"""

from __future__ import annotations

import bisect
import re

from ingest.extract.actor_acronyms import defined_names
from ingest.extract.actor_chunks import from_entry, has_org_word, resolve_chunk
from ingest.extract.actor_document import Document, Mention
from ingest.extract.actor_words import PRODUCT_AFTER, TITLES
from ingest.extract.gazetteer import Gazetteer, normalise
from ingest.extract.model import Actor, Timex
from ingest.extract.names import chunks, tokenise
from ingest.extract.title_names import GIVEN_NAME_LAST


def find_actors(text: str, timexes: list[Timex], gazetteer: Gazetteer) -> list[Actor]:
    """The actors ``text`` names, each with its canonical name, kind and mentions."""
    tokens = tokenise(text)
    doc = Document(text, tokens, timexes, gazetteer)
    mentions: list[Mention] = []
    for chunk in chunks(text, tokens, known=lambda word: gazetteer.lookup(word) is not None):
        found = resolve_chunk(doc, chunk)
        for mention in found:
            if mention.kind == "person" and " " in mention.name:
                doc.surnames[mention.name.split()[-1]] = mention.name
                doc.given_of.setdefault(mention.name.split()[0], set()).add(mention.name)
                middle = _first_surname(doc, mention.name)
                if middle:
                    doc.surnames.setdefault(middle, mention.name)
        mentions.extend(found)
    spanning = _spanning_names(doc)
    defined = defined_names(doc)
    if defined:
        starts = [d.start for d in defined]
        spanning = [s for s in spanning if not _overlaps_any(s, defined, starts)] + defined
        spanning.sort(key=lambda m: m.start)
    if spanning:
        starts = [s.start for s in spanning]
        mentions = [m for m in mentions if not _overlaps_any(m, spanning, starts)]
        mentions.extend(spanning)
    covered = sorted((m.start, m.end) for m in mentions)
    mentions.extend(_lowercase_gazetteer(doc, covered))
    ships = [m for m in mentions if _ship(doc, m)]
    vessels = {m.name for m in ships if m.strength < 3}
    mentions = [
        m
        for m in mentions
        if m not in ships and not _product_or_currency(doc, m) and not _medium(doc, m)
    ]
    mentions = _nicknamed(doc, mentions)
    mentions = _ships(doc, _corefer(doc, mentions), vessels)
    # One unknown capitalised word named once ("Balkan trafficking networks", "close to
    # Panir station") is more often a modifier or a place than an actor: not proposed.
    actors = _short_forms(_group(mentions))
    return [
        actor
        for actor in actors
        if not (actor.kind == "other" and len(actor.mentions) == 1 and " " not in actor.name)
    ]


def _short_forms(actors: list[Actor]) -> list[Actor]:
    """ "The Coordination Headquarters thanks ...": a body's name cut before its "for" or
    "of" phrase is the body named in full in the same text."""
    bodies = [a for a in actors if a.kind in ("organisation", "group")]
    merged: set[int] = set()
    for short in bodies:
        words = short.name.split()
        if len(words) < 2:
            continue
        for full in bodies:
            if full is short or not re.match(
                re.escape(short.name) + r"\s+(?:for|of|on|in)\s+\S", full.name
            ):
                continue
            full.mentions = sorted(full.mentions + short.mentions)
            merged.add(id(short))
            break
    return [a for a in actors if id(a) not in merged]


def _first_surname(doc: Document, name: str) -> str | None:
    """ "Rogelio Baeza Treviño ... Baeza's network": the first of two surnames, when the
    middle word of a three-word name is no given name."""
    parts = name.split()
    if len(parts) == 3 and len(parts[1]) > 2 and parts[1] not in doc.gazetteer.given_names:
        return parts[1] if parts[1][:1].isupper() and "-" not in parts[1] else None
    return None


# Market indices are instruments, not actors: "the Dow fell", "the FTSE 100 rose".
MARKET_INDEX = re.compile(
    r"^(?:Dow(?:\s+Jones)?(?:\s+Industrial(?:\s+Average)?|\s+Transportation(?:\s+Average)?)?|DJIA|"
    r"S&P(?:\s+500)?|Standard\s+&\s+Poor'?s?(?:\s+500)?|Nasdaq(?:\s+Composite)?|FTSE(?:\s+100|\s+250)?|"
    r"Nikkei(?:\s+225)?|DAX|CAC(?:\s+40)?|Hang\s+Seng|Shanghai\s+Composite|Sensex|Nifty|"
    r"RTS|MICEX|Euro\s+Stoxx(?:\s+50)?|Stoxx(?:\s+600)?|Kospi|TSX|ASX(?:\s+200)?|IBEX(?:\s+35)?|"
    r"Bovespa|MSCI(?:\s+\w+)?|Russell\s+2000|VIX|Topix|Taiex)$"
)
INDEX_AFTER = re.compile(
    r"^\s*(?:Composite|Industrial|index|indices|average|futures|fell|rose|gained|lost|closed|"
    r"dropped|climbed|slipped|jumped|tumbled|surged|edged|ended|finished|was\s+(?:up|down)|"
    r"is\s+(?:up|down)|points?)\b"
)


_OPERATOR = re.compile(r"\b(?:Air Force|Navy|Army|Armed Forces|Defen[cs]e Forces|Coast Guard)\b")
_MODEL_AFTER = re.compile(r"^[ -]?(?:[A-Z]{0,3}-?\d[\w-]*|[A-Z]\d\w*)(?![\w$%])")


_SHIP_ATTRIBUTE = re.compile(r"-(?:flagged|operated|owned|registered|managed)\b")


def _product_or_currency(doc: Document, mention: Mention) -> bool:
    """ "Airbus A380", "Boeing 787": a product; "US$ 40 billion": a currency; "the Dow": an
    index; "a Liberian-flagged bulk carrier": a ship's flag, not an actor."""
    after = doc.text[mention.end : mention.end + 12]
    if mention.kind == "state" and _SHIP_ATTRIBUTE.match(after):
        return True
    surface = doc.text[mention.start : mention.end]
    if MARKET_INDEX.match(surface) and (
        mention.strength < 3 or INDEX_AFTER.match(doc.text[mention.end : mention.end + 24])
    ):
        return True
    if after.startswith("$"):
        return True
    if _OPERATOR.search(mention.name):
        return False  # "U.S. Air Force B-52 bombers": the force that flies them
    if mention.kind == "organisation" and (
        PRODUCT_AFTER.match(after + doc.text[mention.end + 12 : mention.end + 30])
        or re.match(r"^ [A-Z][a-z]+ \d", doc.text[mention.end : mention.end + 30])
    ):
        return True  # "Airbus jets", "Rolls-Royce Trent 900 engines": the maker's product
    if mention.kind in ("organisation", "other") and _MODEL_AFTER.match(after):
        wider = doc.text[mention.end : mention.end + 30]
        return not _QUANTITY_AFTER.match(wider)  # "GM 30,000 jobs" is not a model number
    return False


_SHIP_PREFIX = re.compile(
    r"\b(?:USS|HMS|HMAS|HMCS|INS|USNS|RFS|FS|KRI|BRP)\s+(?:[A-Z][\w.]*\s+){0,3}$"
)


_SHIP_AFTER = re.compile(r"(?:-class|\s+(?:aircraft\s+)?carrier\s+(?:strike\s+)?group)\b")
# "the bulk carrier Eternity C", "the tanker Eagle S": a vessel's name after its kind.
_VESSEL_BEFORE = re.compile(
    r"\b(?:tankers?|(?:bulk|car|cargo|aircraft)\s+carriers?|vessels?|freighters?|"
    r"(?:cargo|container|merchant|supply|research|spy)\s+ships?|frigates?|destroyers?|"
    r"corvettes?|submarines?|trawlers?|ferry|ferries|warships?|dredgers?)\s+(?:the\s+)?$"
)


_PLATFORMS = frozenset(["Telegram", "Meta", "Twitter", "TikTok", "YouTube", "WhatsApp", "X"])
# "on its Telegram channel", "posted on Facebook", "in a video on X": where it was said.
_MEDIUM_BEFORE = re.compile(
    r"\b(?:on|via|through|in|to)\s+(?:(?:its|their|his|her|the|a|an|own|official|"
    r"verified|encrypted)\s+){0,3}$",
    re.IGNORECASE,
)
_MEDIUM_AFTER = re.compile(r"\s+(?:channels?|accounts?|pages?|posts?|messaging|app)\b")


def _medium(doc: Document, mention: Mention) -> bool:
    """A platform named as where something was posted ("on its Telegram channel") is no
    actor; one that acts or is acted on ("Ukraine banned Telegram") is."""
    if mention.name not in _PLATFORMS:
        return False
    return bool(
        _MEDIUM_BEFORE.search(doc.text, max(0, mention.start - 40), mention.start)
        or _MEDIUM_AFTER.match(doc.text, mention.end)
    )


_VESSEL_NAMED = re.compile(
    _VESSEL_BEFORE.pattern.removesuffix("$")
    + r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z\d][\w'’.-]*){0,3})"
)


_TRAIN = re.compile(r"\b(?:trains?|railways?|passengers|carriages|locomotive)\b", re.IGNORECASE)


def _ship(doc: Document, mention: Mention) -> bool:
    """A ship's name: "the USS Gerald R. Ford" is neither Ford nor a person."""
    before = doc.text[max(0, mention.start - 40) : mention.start]
    return (
        bool(_SHIP_PREFIX.search(before))
        or (mention.kind != "person" and bool(_SHIP_AFTER.match(doc.text, mention.end)))
        or (mention.strength < 3 and bool(_VESSEL_BEFORE.search(before)))
    )


def _ships(doc: Document, mentions: list[Mention], vessels: set[str]) -> list[Mention]:
    """Mentions that are not ships: a name once given to a vessel (``vessels``: "the tanker
    Eagle S") is the vessel's wherever it comes again ("the Eagle S was boarded")."""
    ships = [m for m in mentions if _ship(doc, m)]
    vessels = vessels | {m.name for m in ships if m.strength < 3}
    # The names written right after a vessel's kind anywhere in the text, in one pass.
    after_kind = set()
    for match in _VESSEL_NAMED.finditer(doc.text):
        words = match["name"].split()
        after_kind.update(" ".join(words[:size]) for size in range(1, len(words) + 1))
    trains = bool(_TRAIN.search(doc.text))
    for m in mentions:
        if m.strength >= 3:
            continue
        if " ".join(doc.text[m.start : m.end].split()) in after_kind or (
            trains and m.name.endswith((" Express", " Mail"))
        ):  # "the Jaffar Express", "the Bolan Mail" in a story of trains
            vessels.add(m.name)
    return [m for m in mentions if m not in ships and not (m.name in vessels and m.strength < 3)]


_NICKNAME = re.compile(r"\s+[\"“'‘][A-Z][^\"”'’\n]{1,24}[\"”'’]\s+")


def _nicknamed(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Jimmy "Barbecue" Chérizier: the given name before a quoted nickname is the person's."""
    mentions.sort(key=lambda m: (m.start, -m.end))
    by_start = {m.start: m for m in mentions if m.kind == "person"}
    dropped: set[int] = set()
    for index, mention in enumerate(mentions):
        gap = _NICKNAME.match(doc.text, mention.end)
        person = by_start.get(gap.end()) if gap else None
        if person is not None and " " not in doc.text[mention.start : mention.end]:
            dropped.add(index)
            person.start = mention.start
    return [m for index, m in enumerate(mentions) if index not in dropped]


_QUANTITY_AFTER = re.compile(
    r"^[ -]?\d[\d,.]*\s+(?:million|billion|people|jobs|workers|employees|staff|percent|per|%)"
)


def _overlaps_any(mention: Mention, others: list[Mention], starts: list[int]) -> bool:
    """Does ``mention`` overlap one of ``others`` (sorted, not overlapping each other)?"""
    index = bisect.bisect_left(starts, mention.end) - 1
    return index >= 0 and others[index].end > mention.start


def _spanning_names(doc: Document) -> list[Mention]:
    """Names with lower-case words that chunks cannot hold: the workspace's "Ukrainian
    forces", the gazetteer's "UN refugee agency". They override what chunks found."""
    found: list[Mention] = []
    tokens = doc.tokens
    index = 0
    limit = doc.gazetteer.max_tokens
    firsts = doc.gazetteer.spanning_firsts
    while index < len(tokens):
        token = tokens[index]
        if token.text not in firsts:
            index += 1
            continue
        hit = None
        for stop in range(min(len(tokens), index + limit), index, -1):
            words = tokens[index:stop]
            found_entries = doc.gazetteer.forms.get(
                normalise(doc.text[token.start : words[-1].end])
            )
            if not found_entries:
                continue
            entry = found_entries[0]
            if entry.workspace or not all(t.capitalised for t in words[1:]):
                hit = (stop, entry)
            break
        if hit is None:
            index += 1
            continue
        stop, entry = hit
        mention = from_entry(doc, entry, token.start, tokens[stop - 1].end)
        if entry.workspace:
            mention.strength = 4
        found.append(mention)
        index = stop
    return found


def _lowercase_gazetteer(doc: Document, covered: list[tuple[int, int]]) -> list[Mention]:
    """Names that start in lower case ("al-Qaeda") or that the chunker did not see."""
    found = []
    starts = doc.gazetteer.lowercase_starts
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if token.text not in starts and token.text.split("-")[0] + "-" not in ("al-", "el-"):
            continue
        for stop in range(min(len(tokens), index + doc.gazetteer.max_tokens), index, -1):
            entry = doc.gazetteer.lookup(normalise(doc.text[token.start : tokens[stop - 1].end]))
            if entry is not None:
                span = (token.start, tokens[stop - 1].end)
                if not any(s < span[1] and span[0] < e for s, e in covered):
                    found.append(from_entry(doc, entry, *span))
                break
    return found


# ------------------------------------------------------------------ coreference, output


def _full_names(doc: Document, mentions: list[Mention], titled: set[str]) -> list[Mention]:
    """ "Mr Shala ... the case against Pjetër Shala": capitalised words before a surname that
    the text uses for a person make that person's full name, wherever nothing else was found."""
    surnames = [w for w in titled if " " not in w and len(w) > 2 and w[:1].isupper()]
    if not surnames:
        return []
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [c[0] for c in covered]
    found = []
    pattern = re.compile(
        r"(?<![\w'’-])((?:[A-Z][\w'’-]+\s){1,2})("
        + "|".join(map(re.escape, surnames))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(doc.text):
        given = match.group(1).split()
        if any(w in TITLES or w.lower() in doc.gazetteer.common_words for w in given):
            continue
        if doc.gazetteer.lookup(given[0]) is not None:
            continue  # "Kosovo Shala", "NATO Rutte": a name before the person, not theirs
        index = bisect.bisect_right(starts, match.end()) - 1
        if index >= 0 and covered[index][1] > match.start():
            continue
        name = " ".join([*given, match.group(2)])
        found.append(Mention(match.start(), match.end(), name, "person", 2))
    return found


_HEAD_WORDS = frozenset(
    [
        "Council",
        "Mission",
        "Commission",
        "Committee",
        "Court",
        "Panel",
        "Tribunal",
        "Chambers",
        "Agency",
        "Office",
        "Headquarters",
        "Ministry",
        "Front",
        "Army",
        "Assembly",
        "Parliament",
        "Government",
        "Coalition",
        "Alliance",
    ]
)


def _holder(mentions: list[Mention]):
    """A test of whether a position lies inside one of ``mentions`` (which do not overlap)."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _end in spans]

    def held(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and spans[index][1] > position

    return held


def _heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """ "The Security Council met ... The Council renewed ...": "the" and the head word of the
    one body named before that has it stand for that body."""
    bodies = sorted(
        (m.start, m.name, doc.text[m.start : m.end])
        for m in mentions
        if m.kind in ("organisation", "group") and " " in doc.text[m.start : m.end]
    )
    if not bodies:
        return []
    held = _holder(mentions)
    found = []
    weak = {
        m.start: m
        for m in mentions
        if m.strength < 3 and m.kind in ("other", "organisation") and m.name in _HEAD_WORDS
    }
    for token in doc.tokens:
        if (
            token.text not in _HEAD_WORDS
            or doc.text[max(0, token.start - 4) : token.start].lower() != "the "
        ):
            continue
        if held(token.start) and token.start not in weak:
            continue
        earlier = {
            name
            for at, name, surface in bodies
            if at < token.start and token.text in surface.split()
        }
        if len(earlier) == 1:
            name = earlier.pop()
            kind = next(m.kind for m in mentions if m.name == name)
            if token.start in weak:
                mentions.remove(weak[token.start])  # "the Council" alone was a guess
            found.append(Mention(token.start, token.end, name, kind, 2))
    return found


_ACRONYM_AFTER = re.compile(r"^\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&.\-]{1,9})\s*\)")


def _corefer(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Resolve short names against names seen earlier in the same text."""
    mentions.sort(key=lambda m: (m.start, -m.end))
    persons: dict[str, str] = {}
    first_names: dict[str, set[str]] = {}
    first_words: dict[str, set[str]] = {}
    acronyms: dict[str, tuple[str, str]] = {}
    kinds: dict[str, str] = {}
    titled = {doc.text[m.start : m.end] for m in mentions if m.kind == "person"}
    mentions.extend(_full_names(doc, mentions, titled))
    mentions.sort(key=lambda m: (m.start, -m.end))
    for index, mention in enumerate(mentions):
        words = doc.text[mention.start : mention.end].split()
        if (
            mention.kind in ("other", "organisation")
            and mention.strength < 3
            and 1 < len(words) <= 3
            and words[-1] in titled
            and not has_org_word(words)
        ):
            # "Mr Dodik ... Milorad Dodik's mandate": a person, named in full elsewhere
            mention = mentions[index] = Mention(
                mention.start, mention.end, " ".join(words), "person", 2
            )
        if (
            mention.kind == "other"
            and mention.strength < 3
            and 1 < len(words) <= 3
            and index > 0
            and mentions[index - 1].kind == "person"
            and doc.text[mentions[index - 1].end : mention.start] == " and "
        ):
            # "Deputy Prime Ministers Mher Grigoryan and Shahin Mustafayev"
            mention = mentions[index] = Mention(
                mention.start, mention.end, " ".join(words), "person", 2
            )
        if mention.kind == "person" and " " in mention.name:
            persons.setdefault(mention.name.split()[-1], mention.name)
            middle = _first_surname(doc, mention.name)
            if middle:
                persons.setdefault(middle, mention.name)
            given = mention.name.split()[0]
            if given in doc.gazetteer.given_names:
                # "Eskinder Nega ... Eskinder said": named by the given name alone
                first_names.setdefault(given, set()).add(mention.name)
            if GIVEN_NAME_LAST.fullmatch(mention.name.split()[-1]):
                persons.setdefault(mention.name.split()[0], mention.name)  # Lai Ching-te
        if mention.kind in ("organisation", "group", "other") and " " in mention.name:
            first_words.setdefault(mention.name.split()[0], set()).add(mention.name)
        after = _ACRONYM_AFTER.match(doc.text[mention.end : mention.end + 16])
        if after and mention.kind != "person":
            acronyms.setdefault(after.group(1), (mention.name, mention.kind))
        kinds.setdefault(mention.name, mention.kind)
    resolved = []
    for mention in mentions:
        surface = doc.text[mention.start : mention.end]
        if (
            (mention.strength < 3 or surface.isupper())
            and surface in acronyms
            and acronyms[surface][0] != mention.name
        ):
            # The text's own definition beats the gazetteer's: "Ambazonia Defence Forces (ADF)"
            name, kind = acronyms[surface]
            mention = Mention(mention.start, mention.end, name, kind, 2)
        elif (
            (mention.kind in ("other", "person") or mention.strength < 3)
            and " " not in surface
            and surface in persons
        ):
            mention = Mention(mention.start, mention.end, persons[surface], "person", 2)
        elif (
            mention.kind in ("other", "person")
            and mention.strength < 3
            and " " not in surface
            and len(first_names.get(surface, ())) == 1
            and surface not in persons
        ):
            name = next(iter(first_names[surface]))
            mention = Mention(mention.start, mention.end, name, "person", 2)
        elif mention.kind != "place" and mention.strength < 3 and " " in surface:
            # "Captain Hassan Nur Ali ... Nur Ali said": the end of a longer name
            longer = [n for n in set(persons.values()) if n.endswith(" " + surface)]
            if len(longer) == 1:
                mention = Mention(mention.start, mention.end, longer[0], "person", 2)
        elif (
            mention.kind == "other"
            and " " not in surface
            and len(first_words.get(surface, ())) == 1
        ):
            name = next(iter(first_words[surface]))
            mention = Mention(mention.start, mention.end, name, kinds.get(name, "other"), 2)
        elif mention.kind == "other" and surface in acronyms:
            name, kind = acronyms[surface]
            mention = Mention(mention.start, mention.end, name, kind, 2)
        resolved.append(mention)
    resolved.extend(_heads(doc, resolved))
    # "The ODIHR sent observers": a defined acronym names its body wherever it recurs.
    held = _holder(resolved)
    for token in doc.tokens:
        if token.text in acronyms and acronyms[token.text][1] != "place":
            if held(token.start):
                continue
            if doc.text[token.start - 1 : token.start] == "(":
                continue  # the definition itself
            name, kind = acronyms[token.text]
            resolved.append(Mention(token.start, token.end, name, kind, 2))
    return resolved


def _group(mentions: list[Mention]) -> list[Actor]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    last_end = -1
    for mention in mentions:
        if mention.start < last_end:
            continue
        kept.append(mention)
        last_end = mention.end
    actors: dict[str, Actor] = {}
    for mention in kept:
        actor = actors.get(mention.name)
        if actor is None:
            actor = actors[mention.name] = Actor(mention.name, mention.kind, [])
        elif actor.kind == "other" and mention.kind != "other":
            actor.kind = mention.kind
        actor.mentions.append((mention.start, mention.end))
    return list(actors.values())
