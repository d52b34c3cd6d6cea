"""Actor recognition: who and what a text names, under canonical names.

Order of evidence, strongest first: the workspace's own actors and the gazetteer (names,
aliases, demonyms, capitals), then patterns on capitalised name chunks — titles before
people ("President Macron", "spokeswoman Sandy Angers"), given names, organisation words
("Ministry of ...", "... Party", "... Airlines", "Inc."), place words ("... Airport") —
and last, names seen again in the same text (a surname after the full name, an acronym
defined in brackets, the first word of a company's name).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ingest.extract.actor_words import (
    ACTOR_AFTER,
    EVENT_WORDS,
    INDEX_AFTER,
    LEGAL_SUFFIX,
    MARKET_INDEX,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_BEFORE,
    PLACE_WORDS,
    POLITICAL_AFTER,
    POLITICAL_BEFORE,
    PRODUCT_AFTER,
    ROLE_BEFORE,
    THING_BEFORE,
    TITLE_ONLY_IF_FOLLOWED,
    TITLES,
)
from ingest.extract.gazetteer import Entry, Gazetteer, normalise
from ingest.extract.headline import base_form
from ingest.extract.model import Actor, Timex
from ingest.extract.names import NAME_PARTICLES, Chunk, Token, chunks, glued_particle, tokenise


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    kind: str
    strength: int = 1  # 3 gazetteer or workspace, 2 pattern, 1 guess


class _Document:
    """Facts about the whole text that single chunks are judged by."""

    def __init__(self, text: str, tokens: list[Token], timexes: list[Timex], gazetteer: Gazetteer):
        self.text = text
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.timex_starts = [t.start for t in timexes]
        self.timex_ends = [t.end for t in timexes]
        self.lower_words = {t.text for t in tokens if t.text[:1].islower()}
        self.mid_capitals = {t.text for t in tokens if t.capitalised and not t.sentence_start}
        self.title_lines = _title_case_lines(text, tokens)
        self.title_starts = [start for start, _end in self.title_lines]
        self.body_words = Counter(t.text for t in tokens if not self.in_title_line(t.start))
        self.occurrence_cache: dict[str, int] = {}
        self.surnames: dict[str, str] = {}  # people named so far, by surname

    def in_timex(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.timex_starts, start) - 1
        return (
            index >= 0
            and self.timex_ends[index] > start
            or (index + 1 < len(self.timex_starts) and self.timex_starts[index + 1] < end)
        )

    def common(self, token: Token) -> bool:
        word = token.text
        lower = word.lower()
        return lower in self.gazetteer.common_words or (word != lower and lower in self.lower_words)

    def in_title_line(self, position: int) -> bool:
        index = bisect.bisect_right(self.title_starts, position) - 1
        return index >= 0 and position < self.title_lines[index][1]


def _title_case_lines(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Lines that capitalise most words (headlines), where capitals say little."""
    lines = []
    index = 0
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        words = capitals = 0
        while index < len(tokens) and tokens[index].start < end:
            word = tokens[index].text
            if word[:1].isalpha() and len(word) > 3:
                words += 1
                capitals += word[:1].isupper()
            index += 1
        if words >= 4 and capitals / words >= 0.7:
            lines.append((position, end))
        position = end + 1
    return lines


def find_actors(text: str, timexes: list[Timex], gazetteer: Gazetteer) -> list[Actor]:
    """The actors ``text`` names, each with its canonical name, kind and mentions."""
    tokens = tokenise(text)
    doc = _Document(text, tokens, timexes, gazetteer)
    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for chunk in chunks(text, tokens):
        found = _resolve_chunk(doc, chunk)
        for mention in found:
            if mention.kind == "person" and " " in mention.name:
                doc.surnames[mention.name.split()[-1]] = mention.name
        mentions.extend(found)
    spanning = _spanning_names(doc)
    if spanning:
        starts = [s.start for s in spanning]
        mentions = [m for m in mentions if not _overlaps_any(m, spanning, starts)]
        mentions.extend(spanning)
    covered = sorted((m.start, m.end) for m in mentions)
    mentions.extend(_lowercase_gazetteer(doc, covered))
    mentions = [m for m in mentions if not _product_or_currency(doc, m)]
    mentions = _corefer(doc, mentions)
    return _group(mentions)


_MODEL_AFTER = re.compile(r"^[ -]?(?:[A-Z]{0,3}-?\d[\w-]*|[A-Z]\d\w*)(?![\w$%])")


def _product_or_currency(doc: _Document, mention: Mention) -> bool:
    """ "Airbus A380", "Boeing 787": a product; "US$ 40 billion": a currency; "the Dow": an
    index."""
    after = doc.text[mention.end : mention.end + 12]
    surface = doc.text[mention.start : mention.end]
    if MARKET_INDEX.match(surface) and (
        mention.strength < 3 or INDEX_AFTER.match(doc.text[mention.end : mention.end + 24])
    ):
        return True
    if after.startswith("$"):
        return True
    if mention.kind == "organisation" and (
        PRODUCT_AFTER.match(after + doc.text[mention.end + 12 : mention.end + 30])
        or re.match(r"^ [A-Z][a-z]+ \d", doc.text[mention.end : mention.end + 30])
    ):
        return True  # "Airbus jets", "Rolls-Royce Trent 900 engines": the maker's product
    if mention.kind in ("organisation", "other") and _MODEL_AFTER.match(after):
        wider = doc.text[mention.end : mention.end + 30]
        return not _QUANTITY_AFTER.match(wider)  # "GM 30,000 jobs" is not a model number
    return False


_QUANTITY_AFTER = re.compile(
    r"^[ -]?\d[\d,.]*\s+(?:million|billion|people|jobs|workers|employees|staff|percent|per|%)"
)


# --------------------------------------------------------------------- chunk resolution


def _resolve_chunk(doc: _Document, chunk: Chunk) -> list[Mention]:
    segments = _segments(doc, chunk)
    found: list[Mention] = []
    for tokens, titled in segments:
        found.extend(_resolve_segment(doc, tokens, titled))
    return found


def _segments(doc: _Document, chunk: Chunk) -> list[tuple[list[Token], bool]]:
    """Split a chunk at dates and titles; say which parts follow a title."""
    segments: list[tuple[list[Token], bool]] = []
    current: list[Token] = []
    titled = _role_before(doc, chunk.start)
    tokens = chunk.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if doc.in_timex(token.start, token.end):
            if current:
                segments.append((current, titled))
            current, titled = [], False
            index += 1
            continue
        after_title = titled and not current and index > 0
        if _is_title(doc, tokens, index, current, after_title):
            if current:
                segments.append((current, titled))
            current, titled = [], True
            index += 1
            continue
        current.append(token)
        index += 1
    if current:
        segments.append((current, titled))
    return segments


def _is_title(
    doc: _Document, tokens: list[Token], index: int, current: list[Token], after_title: bool = False
) -> bool:
    word = tokens[index].text
    if word not in TITLES:
        return False
    following = tokens[index + 1 :]
    if not following:
        return False  # "... said the President": a title with no name is not an actor
    if following[0].text in ORG_WORDS or following[0].text == "Staff":
        return False  # "General Staff", "Chief Executive Office": a body, not a title
    for stop in range(min(len(tokens), index + doc.gazetteer.max_tokens), index + 1, -1):
        if doc.gazetteer.lookup(_form(doc, tokens[index:stop])) is not None:
            return False  # "General Electric", "Crown Prosecution Service": a name
    if after_title:
        return True  # "Chief Executive Tim Cook": the second word of a title
    if current:
        form = " ".join(t.text for t in current + [tokens[index]])
        if doc.gazetteer.lookup(form) is not None:
            return False  # "Security Council" is an organisation, not a title
    if word in TITLE_ONLY_IF_FOLLOWED:
        return following[0].text in TITLES or following[0].text in ("Minister", "Secretary")
    return True


_LAST_WORD = re.compile(r"([A-Za-z-]+)\s+$")


def _role_before(doc: _Document, start: int) -> bool:
    """Is the name preceded by a role noun ("spokeswoman Sandy Angers")?"""
    last = _LAST_WORD.search(doc.text, max(0, start - 30), start)
    return bool(last) and bool(ROLE_BEFORE.fullmatch(last.group(1) + " "))


def _resolve_segment(doc: _Document, tokens: list[Token], titled: bool) -> list[Mention]:
    gazetteer = doc.gazetteer
    # A sentence-initial common word is not part of the name: "However Boeing ..."
    while tokens and tokens[0].sentence_start and doc.common(tokens[0]):
        whole = _form(doc, tokens)
        if gazetteer.lookup(whole) is not None:
            break
        tokens = tokens[1:]
        titled = False
    while tokens and not tokens[0].capitalised and tokens[0].text[:3] not in ("al-", "el-"):
        tokens = tokens[1:]  # "(Minister) of Singapore": the connector went with the title
        titled = False
    while tokens and not (tokens[-1].capitalised or glued_particle(tokens[-1].text)):
        tokens = tokens[:-1]  # "Office on (June 18)": a connector left by a cut
    if not tokens or all(t.text in TITLES for t in tokens):
        return []
    whole = _form(doc, tokens)
    entry = gazetteer.lookup(whole)
    if entry is not None:
        return [_from_entry(doc, entry, tokens[0].start, tokens[-1].end)]
    words = [t.text for t in tokens]
    if titled and len(tokens) <= 4 and not _has_org_word(words):
        return [_person(doc, tokens)]
    if _has_org_word(words) and not (
        len(words) == 1 and words[0] in ("Air", "Capital", "Post", "Times", "Daily", "Government")
    ):
        return [_organisation(doc, tokens)]
    if len(words) > 1 and words[-1] in PLACE_WORDS:
        return [Mention(tokens[0].start, tokens[-1].end, whole, "place", 2)]
    if (
        len(tokens) >= 2
        and tokens[0].text in gazetteer.given_names
        and all(_name_word(t.text) for t in tokens[1:])
    ):
        return [_person(doc, tokens)]
    inner = _inner_entries(doc, tokens)
    if inner:
        return inner
    return _unknown(doc, tokens)


def _form(doc: _Document, tokens: list[Token]) -> str:
    return normalise(doc.text[tokens[0].start : tokens[-1].end])


def _has_org_word(words: list[str]) -> bool:
    return any(word in ORG_WORDS for word in words[1:]) or (
        len(words) > 1
        and words[0]
        in (
            "Ministry",
            "Department",
            "Bank",
            "University",
            "Institute",
            "Council",
            "Office",
            "Agency",
            "Committee",
            "Commission",
        )
    )


def _name_word(word: str) -> bool:
    return (
        word[:1].isupper() or word in NAME_PARTICLES or word[:3] in ("al-", "el-")
    ) and word not in ORG_WORDS


def _from_entry(doc: _Document, entry: Entry, start: int, end: int) -> Mention:
    if entry.role == "capital" and entry.state and _political(doc, start, end):
        return Mention(start, end, entry.state, "state", 3)
    return Mention(start, end, entry.name, entry.kind, 3)


def _political(doc: _Document, start: int, end: int) -> bool:
    """Is a capital the government ("Kyiv said") rather than the city ("in Kyiv")?"""
    after = doc.text[end : end + 40]
    before = doc.text[max(0, start - 40) : start]
    if re.match(r"\s*,\s+[A-Z]", after) and re.search(r"\b(?:in|at|near|from|to)\s+$", before):
        return False
    next_word = re.match(r"^\s+([a-z]+)\b", after)
    if POLITICAL_AFTER.match(after) or (next_word and base_form(next_word.group(1))):
        return not re.search(
            r"\b(?:in|at|near|into|around|outside|across|over|to|from)\s+$", before
        )
    return bool(POLITICAL_BEFORE.search(before)) and not re.search(r"\b(?:in|at|near)\s+$", before)


def _person(doc: _Document, tokens: list[Token]) -> Mention:
    start, end = tokens[0].start, tokens[-1].end
    form = _form(doc, tokens)
    entry = doc.gazetteer.lookup(form)
    if entry is not None and entry.kind == "person":
        return Mention(start, end, entry.name, "person", 3)
    if len(tokens) == 1:
        known = doc.gazetteer.surnames.get(tokens[0].text)
        if known and len(known) == 1:
            return Mention(start, end, known[0].name, "person", 3)
    return Mention(start, end, form, "person", 2)


_MINISTRY = re.compile(
    r"^(?:(?P<adj>[A-Z][\w.]+)\s+)?(?:(?P<field>[A-Z]\w+)\s+Ministry|Ministry\s+of\s+(?:the\s+)?(?P<field2>[A-Z][\w ]+?))$"
)


def _organisation(doc: _Document, tokens: list[Token]) -> Mention:
    start, end = tokens[0].start, tokens[-1].end
    form = _form(doc, tokens)
    ministry = _MINISTRY.match(form)
    if ministry:
        field = (ministry["field"] or ministry["field2"] or "").replace("Defense", "Defence")
        if field == "Foreign":
            field = "Foreign Affairs"
        state = None
        if ministry["adj"]:
            entry = doc.gazetteer.lookup(ministry["adj"])
            state = entry.name if entry is not None and entry.kind == "state" else None
        if state is None:
            state = _possessor_state(doc, start)
        if state is None:
            of_state = re.match(
                r"^\s+of\s+(?:the\s+)?([A-Z][\w.]+(?:\s[A-Z]\w+){0,3})", doc.text[end : end + 50]
            )
            entry = doc.gazetteer.lookup(of_state.group(1)) if of_state else None
            state = entry.name if entry is not None and entry.kind == "state" else None
        name = f"Ministry of {field}" + (f" ({state})" if state else "")
        return Mention(start, end, name, "organisation", 2)
    words = form.split()
    while len(words) > 1 and words[-1].rstrip(",") in LEGAL_SUFFIX:
        words.pop()
    name = " ".join(words).rstrip(",")
    entry = doc.gazetteer.lookup(name)
    if entry is not None and entry.kind in ("organisation", "group"):
        return Mention(start, end, entry.name, entry.kind, 3)
    return Mention(start, end, name, "organisation", 2)


def _possessor_state(doc: _Document, start: int) -> str | None:
    match = re.search(
        r"([A-Z][\w.]+(?:\s[A-Z]\w+)?)['’]s\s+$", doc.text[max(0, start - 40) : start]
    )
    if not match:
        return None
    entry = doc.gazetteer.lookup(match.group(1))
    return entry.name if entry is not None and entry.kind == "state" else None


def _inner_entries(doc: _Document, tokens: list[Token]) -> list[Mention]:
    """Gazetteer names inside an unknown run ("Ukrainian" in "Ukrainian Airline Group")."""
    found: list[Mention] = []
    leftovers: list[list[Token]] = []
    current: list[Token] = []
    index = 0
    limit = doc.gazetteer.max_tokens
    while index < len(tokens):
        hit = None
        for stop in range(min(len(tokens), index + limit), index, -1):
            entry = doc.gazetteer.lookup(_form(doc, tokens[index:stop]))
            if entry is not None:
                hit = (stop, entry)
                break
        if hit is None:
            current.append(tokens[index])
            index += 1
            continue
        if current:
            leftovers.append(current)
            current = []
        stop, entry = hit
        found.append(_from_entry(doc, entry, tokens[index].start, tokens[stop - 1].end))
        index = stop
    if current:
        leftovers.append(current)
    if not found:
        return []
    for rest in leftovers:
        found.extend(_unknown(doc, rest))
    return found


def _unknown(doc: _Document, tokens: list[Token]) -> list[Mention]:
    """A capitalised name nothing else explains: kept when the text vouches for it."""
    words = [t.text for t in tokens]
    if all(word in NOT_NAMES or word in TITLES for word in words):
        return []
    if (
        any(
            doc.gazetteer.lookup(w) is not None and doc.gazetteer.lookup(w).role == "adjective"
            for w in words[:1]
        )
        and len(words) > 1
    ):
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
    if PRODUCT_AFTER.match(after) or re.match(r"^\s+[\w-]*\d", after):
        return []
    if re.search(r"(?:\b[a-z]+[A-Z]\w*|[\"“])\s*$", before) or re.match(r"^[\"”]", after):
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
    if doc.in_title_line(start) and not any(_seen_elsewhere(doc, t) for t in tokens):
        return []  # a capitalised headline word that the story never uses as a name
    if len(tokens) == 1 and words[0] in doc.surnames:
        return [Mention(start, end, doc.surnames[words[0]], "person", 2)]
    if len(tokens) == 1:
        token = tokens[0]
        if token.sentence_start and (doc.common(token) or token.text not in doc.mid_capitals):
            return []
        if doc.common(token) and token.text.lower() in doc.gazetteer.common_words:
            return []
        if token.text.isupper() and len(token.text) > 5:
            return []  # shouting, not an acronym
    if re.search(
        r"\b(?:village|town|city|region|province|district|port|settlement|capital|area)\s+of\s+$",
        before,
    ):
        return [Mention(start, end, form, "place", 2)]
    if PLACE_BEFORE.search(before) and not ACTOR_AFTER.match(after):
        return [Mention(start, end, form, "place", 1)]
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


def _occurrences(doc: _Document, form: str, start: int) -> int:
    """How often ``form`` occurs near ``start`` (the whole text when it is article-sized)."""
    if len(doc.text) <= 100_000:
        cached = doc.occurrence_cache.get(form)
        if cached is None:
            cached = doc.occurrence_cache[form] = _count(form, doc.text)
        return cached
    return _count(form, doc.text[max(0, start - 20_000) : start + 20_000])


def _count(form: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text))


def _seen_elsewhere(doc: _Document, token: Token) -> bool:
    """Does the story use this word outside the headline lines?"""
    return doc.body_words.get(token.text, 0) > (0 if doc.in_title_line(token.start) else 1)


def _overlaps_any(mention: Mention, others: list[Mention], starts: list[int]) -> bool:
    """Does ``mention`` overlap one of ``others`` (sorted, not overlapping each other)?"""
    index = bisect.bisect_left(starts, mention.end) - 1
    return index >= 0 and others[index].end > mention.start


def _spanning_names(doc: _Document) -> list[Mention]:
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
        mention = _from_entry(doc, entry, token.start, tokens[stop - 1].end)
        if entry.workspace:
            mention.strength = 4
        found.append(mention)
        index = stop
    return found


def _lowercase_gazetteer(doc: _Document, covered: list[tuple[int, int]]) -> list[Mention]:
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
                    found.append(_from_entry(doc, entry, *span))
                break
    return found


# ------------------------------------------------------------------ coreference, output


_ACRONYM_AFTER = re.compile(r"^\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&.\-]{1,9})\s*\)")


def _corefer(doc: _Document, mentions: list[Mention]) -> list[Mention]:
    """Resolve short names against names seen earlier in the same text."""
    mentions.sort(key=lambda m: (m.start, -m.end))
    persons: dict[str, str] = {}
    first_words: dict[str, set[str]] = {}
    acronyms: dict[str, tuple[str, str]] = {}
    kinds: dict[str, str] = {}
    for mention in mentions:
        if mention.kind == "person" and " " in mention.name:
            persons.setdefault(mention.name.split()[-1], mention.name)
        if mention.kind in ("organisation", "group", "other") and " " in mention.name:
            first_words.setdefault(mention.name.split()[0], set()).add(mention.name)
        after = _ACRONYM_AFTER.match(doc.text[mention.end : mention.end + 16])
        if after and mention.kind != "person":
            acronyms.setdefault(after.group(1), (mention.name, mention.kind))
        kinds.setdefault(mention.name, mention.kind)
    resolved = []
    for mention in mentions:
        surface = doc.text[mention.start : mention.end]
        if mention.strength < 3 and surface in acronyms and acronyms[surface][0] != mention.name:
            name, kind = acronyms[surface]
            mention = Mention(mention.start, mention.end, name, kind, 2)
        elif mention.kind in ("other", "person") and " " not in surface and surface in persons:
            mention = Mention(mention.start, mention.end, persons[surface], "person", 2)
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
