"""Chunk resolution: what a run of capitalised words names.

A chunk is cut at dates and titles ("President Macron"); each part is then looked up in the
gazetteer, read by pattern (a title or given name before a person, organisation and place
words) or, when nothing explains it, kept only if the text vouches for it as a name.
"""

from __future__ import annotations

import re

from ingest.extract.actor_bodies import FOREIGN_OFFICE, STATE_BODY, organisation
from ingest.extract.actor_document import Document, Mention
from ingest.extract.actor_unknown import PLACE_NOUN_AFTER, unknown
from ingest.extract.actor_words import (
    COMPANY_FORMS,
    COMPANY_PREFIXES,
    DOCUMENT_NAME,
    HEADLINE_VERBS,
    ORG_WORDS,
    PEOPLES,
    PLACE_WORDS,
    POLITICAL_AFTER,
    POLITICAL_BEFORE,
    PORTFOLIO_WORDS,
    ROLE_BEFORE,
    TITLE_ONLY_IF_FOLLOWED,
    TITLES,
)
from ingest.extract.gazetteer import Entry, fold, normalise
from ingest.extract.headline import base_form
from ingest.extract.lexicon import NUMBER_WORDS
from ingest.extract.names import NAME_PARTICLES, Chunk, Token, glued_particle


def resolve_chunk(doc: Document, chunk: Chunk) -> list[Mention]:
    """The mentions in one chunk of capitalised words."""
    segments = _segments(doc, chunk)
    found: list[Mention] = []
    for tokens, titled in segments:
        found.extend(_resolve_segment(doc, tokens, titled))
    return found


def _segments(doc: Document, chunk: Chunk) -> list[tuple[list[Token], bool]]:
    """Split a chunk at dates and titles; say which parts follow a title."""
    segments: list[tuple[list[Token], bool]] = []
    current: list[Token] = []
    titled = _role_before(doc, chunk.start)
    tokens = chunk.tokens
    if _OFFICE_OF_POST.match(" ".join(t.text for t in tokens)) or FOREIGN_OFFICE.match(
        " ".join(t.text for t in tokens)
    ):
        # "Attorney General's Office", "Pakistan's Foreign Office": a body, not a title
        return [(tokens, False)]
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


_OFFICE_OF_POST = re.compile(
    r"^(?:The\s+)?(?:Attorney|Prosecutor|Solicitor|Inspector|Auditor|Advocate|Surveyor)\s+General"
    r"\s+(?:Office|Department|Chambers)\b"
)


def _is_title(
    doc: Document, tokens: list[Token], index: int, current: list[Token], after_title: bool = False
) -> bool:
    word = tokens[index].text
    if word not in TITLES:
        return False
    following = tokens[index + 1 :]
    if not following:
        return False  # "... said the President": a title with no name is not an actor
    if following[0].text in ORG_WORDS or following[0].text == "Staff":
        return False  # "General Staff", "Chief Executive Office": a body, not a title
    if len(following) > 1 and following[0].text == "of" and following[1].text == "Staff":
        return False  # "Joint Chiefs of Staff"
    for stop in range(min(len(tokens), index + doc.gazetteer.max_tokens), index + 1, -1):
        if doc.gazetteer.lookup(_form(doc, tokens[index:stop])) is not None:
            return False  # "General Electric", "Crown Prosecution Service": a name
    if after_title:
        return True  # "Chief Executive Tim Cook": the second word of a title
    for first in range(len(current)):
        for stop in range(min(len(tokens), index + doc.gazetteer.max_tokens), index, -1):
            form = " ".join(t.text for t in current[first:] + tokens[index:stop])
            if doc.gazetteer.lookup(form) is not None:
                return False  # "Security Council", "Estado Mayor Central": names, not titles
    if word in TITLE_ONLY_IF_FOLLOWED:
        return following[0].text in TITLES or following[0].text in ("Minister", "Secretary")
    return True


# Posts named like bodies: the person who holds one is named apart ("..., Dmytro Lubinets").
_ROLES = frozenset(
    [
        "Commissioner",
        "Coordinator",
        "Representative",
        "Envoy",
        "Chairperson-in-Office",
        "Chairman-in-Office",
        "Rapporteur",
        "Ombudsman",
        "Ombudsperson",
        "Ambassador",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
    ]
)
_ROLE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_ROLES)) + r")\b")
_LAST_WORD = re.compile(r"([A-Za-z-]+)\s+$")


def _role_before(doc: Document, start: int) -> bool:
    """Is the name preceded by a role noun ("spokeswoman Sandy Angers")?"""
    last = _LAST_WORD.search(doc.text, max(0, start - 30), start)
    return bool(last) and bool(ROLE_BEFORE.fullmatch(last.group(1) + " "))


def _resolve_segment(doc: Document, tokens: list[Token], titled: bool) -> list[Mention]:
    gazetteer = doc.gazetteer
    # A sentence-initial common word is not part of the name: "However Boeing ..."
    while (
        tokens and (tokens[0].sentence_start or tokens[0].text == "The") and doc.common(tokens[0])
    ):
        whole = _form(doc, tokens)
        if gazetteer.lookup(whole) is not None or FOREIGN_OFFICE.match(whole):
            break
        tokens = tokens[1:]
        titled = False
    while len(tokens) > 1 and tokens[0].text.lower() in NUMBER_WORDS:
        tokens = tokens[1:]  # "Four China Coast Guard vessels": a count, not the name
        titled = False
    remit = portfolio = False
    legal = bool(tokens) and tokens[0].text in COMPANY_PREFIXES and len(tokens) > 1
    while (
        tokens
        and (
            tokens[0].text in COMPANY_FORMS  # "..., S.A. de C.V. and Logística ...": a legal form
            or (tokens[0].text in COMPANY_PREFIXES and len(tokens) > 1)  # "JSC Moldovagaz"
            or (
                not tokens[0].capitalised
                and tokens[0].text[:3] not in ("al-", "el-")
                and not tokens[0].text[:1].isdigit()  # "the 444th Combat Brigade"
            )
        )
    ):
        remit = remit or (titled and tokens[0].text == "for")
        portfolio = portfolio or (titled and tokens[0].text == "of")
        tokens = tokens[1:]  # "(Minister) of Singapore": the connector went with the title
        titled = False
    while tokens and not (
        tokens[-1].capitalised or glued_particle(tokens[-1].text) or _unit_number(tokens)
    ):
        tokens = tokens[:-1]  # "Office on (June 18)": a connector left by a cut
    if len(tokens) > 1 and _MODEL.fullmatch(tokens[-1].text):
        tokens = tokens[:-1]  # "U.S. Air Force B-52 (bombers)": the aircraft's model
    if not tokens or all(t.text in TITLES for t in tokens):
        return []
    whole = _form(doc, tokens)
    entry = gazetteer.lookup(whole)
    if (
        entry is None
        and len(whole) > 3
        and whole.isupper()
        and whole.isalpha()
        and not re.match(r"\s*\(", doc.text[tokens[-1].end : tokens[-1].end + 3])
    ):
        titled_form = gazetteer.lookup(whole.title())  # "KABUL, Dec 12 (Reuters) -"
        if titled_form is not None and titled_form.kind == "place":
            return [Mention(tokens[0].start, tokens[-1].end, titled_form.name, "place", 2)]
    if entry is not None:
        if entry.name == "United Nations" and _DESCRIBED_ACRONYM.match(doc.text, tokens[-1].end):
            return []  # "the U.N. humanitarian office (OCHA)": the office is the actor
        return [from_entry(doc, entry, tokens[0].start, tokens[-1].end)]
    if legal:
        return [Mention(tokens[0].start, tokens[-1].end, whole, "organisation", 2)]
    led = _led_by(doc, tokens)
    if led:
        return led
    if remit:
        # "Commissioner for Human Rights", "Envoy for Syria Tom Barrack": the post's remit,
        # kept when it is a known name, and the person who holds the post after it.
        kept: list[Mention] = []
        for stop in range(min(len(tokens), gazetteer.max_tokens), 0, -1):
            known = gazetteer.lookup(_form(doc, tokens[:stop]))
            if known is not None:
                kept.append(from_entry(doc, known, tokens[0].start, tokens[stop - 1].end))
                rest = tokens[stop:]
                if 2 <= len(rest) <= 4 and all(t.capitalised for t in rest):
                    kept.append(_person(doc, rest))
                break
        return kept
    words = [t.text for t in tokens]
    if _CODE_NAME.search(whole):
        # "Strait Thunder-2025A", "Justice Mission-2025": an exercise's code name; the known
        # names before it stay ("Joint Russian-Belarusian Zapad-2025")
        return [m for m in _inner_entries(doc, tokens[:-1]) if m.strength >= 3]
    if all(word in PEOPLES for word in words):
        return []  # "Hutu extremists", "Sunni Bedouin tribes": a people, not an actor
    if _PLACES_INCLUDING.search(doc.text, max(0, tokens[0].start - 80), tokens[0].start):
        # "several air bases, including Nur Khan near Rawalpindi": one of the places
        return [Mention(tokens[0].start, tokens[-1].end, whole, "place", 2)]
    if len(tokens) > 2 and doc.in_title_line(tokens[0].start) and _headline(doc, tokens[0].start):
        # "UN Mission Head Tells Security Council": in a headline the known names count, not
        # the run of capitals around them (a letterhead that is one name stays one).
        known = [m for m in _inner_entries(doc, tokens) if m.strength >= 3]
        if known:
            return known
    if len(tokens) == 1 and _PORTFOLIO_BEFORE.match(doc.text, tokens[0].end):
        return []  # "Petroleum Minister Puot Kang Chol": the portfolio, not an actor
    if len(words) == 2 and words[1] == "Administration" and words[0] in gazetteer.surnames:
        return [_person(doc, tokens[:1])]  # "the Biden Administration": the president's
    if words[0] == "Operation" and _NAMED_AS.search(doc.text, 0, tokens[0].start):
        return []  # "in what it called Operation Black Flag": a military operation's name
    if any(word in _ROLES for word in words[1:]) or _ROLE_AFTER.match(doc.text, tokens[-1].end):
        # "US Special Envoy": the state stays, the rest names the post
        return [
            m for m in _inner_entries(doc, tokens) if m.kind in ("state", "organisation")
        ]  # "the Ukrainian Parliament Commissioner for Human Rights": a post, not a body
    if DOCUMENT_NAME.search(whole):
        return []  # "Written Ministerial Statement", "Official Journal": a document
    held = _holder_after_remit(doc, tokens)
    if held is not None:
        return [held]
    if entry is None and (
        portfolio or _MINISTER_OF.search(doc.text, max(0, tokens[0].start - 30), tokens[0].start)
    ):
        # "Minister of the Interior John Reimberg": the portfolio, then the minister's name
        held = _after_portfolio(doc, tokens)
        if held is not None:
            return held
    if titled and len(tokens) == 1 and doc.common(tokens[0]):
        return []  # "a General Security patrol": a common word after a title, not a name
    if doc.in_title_line(tokens[0].start) and _headline_verb(words):
        return []  # "..., Special Envoy Warns", "Council Extends Mission": a headline's verb
    if titled and len(tokens) <= 4 and not has_org_word(words):
        return [_person(doc, tokens)]
    if (
        STATE_BODY.match(whole)
        or has_org_word(words)
        and not (
            len(words) == 1
            and words[0] in ("Air", "Capital", "Post", "Times", "Daily", "Government")
        )
    ):
        return [organisation(doc, tokens)]
    if len(words) > 1 and words[-1] in PLACE_WORDS:
        return [Mention(tokens[0].start, tokens[-1].end, whole, "place", 2)]
    first = tokens[0].text.split("-")[0]  # "Jens-Frederik Nielsen"
    given = first in gazetteer.given_names or fold(first) in gazetteer.given_names
    if (
        2 <= len(tokens) <= 4
        and not PLACE_NOUN_AFTER.match(doc.text, tokens[-1].end, tokens[-1].end + 80)
        and (given or _APPOSED_ROLE.search(doc.text, max(0, tokens[0].start - 40), tokens[0].start)
             or _ROLE_APPOSED.match(doc.text, tokens[-1].end)
             or _POST_FOR_BEFORE.search(doc.text, max(0, tokens[0].start - 100), tokens[0].start))
        and all(_name_word(t.text) for t in tokens[1:])
    ):  # fmt: skip
        return [_person(doc, tokens)]
    last = gazetteer.lookup(tokens[-1].text)
    if (
        _PARTY_AFTER.match(doc.text, tokens[-1].end)
        and not doc.common(tokens[-1])
        and not (last is not None and last.role in ("adjective", "people"))
        and not tokens[-1].text.endswith(("ist", "ists"))
    ):
        # "the Greater Moldova party": the party's own name; not "the Kosovo Serb party", "the
        # Sadrist bloc", which say whose party it is
        return [Mention(tokens[0].start, tokens[-1].end, whole, "organisation", 2)]
    inner = _inner_entries(doc, tokens)
    if inner:
        return inner
    return unknown(doc, tokens)


# "the AU Commissioner for Political Affairs, Peace and Security, (Bankole Adeoye)"
_POST_FOR_BEFORE = re.compile(
    r"\b(?:Commissioner|Minister|Secretary|Envoy|Representative|Coordinator|Adviser)\s+"
    r"(?:for|of)\s+[^.;()]{3,80},\s+\Z"
)
_PARTY_AFTER = re.compile(r"\s+(?:party|bloc)\b")


def _unit_number(tokens: list[Token]) -> bool:
    """Is the last token a unit's number ("Unit 29155")?"""
    return len(tokens) > 1 and tokens[-1].text.isdigit() and tokens[-2].text == "Unit"


def _after_portfolio(doc: Document, tokens: list[Token]) -> list[Mention] | None:
    """The actors after a minister's portfolio: "(Minister of) the Interior John Reimberg",
    "(Foreign Minister of) Finland Elina Valtonen"; none in "(Minister of) Foreign Affairs"."""
    index = 0
    while index < len(tokens) and (
        tokens[index].text in PORTFOLIO_WORDS or not tokens[index].capitalised
    ):
        index += 1
    found: list[Mention] = []
    for size in (3, 2, 1):
        if index + size > len(tokens):
            continue
        entry = doc.gazetteer.lookup(_form(doc, tokens[index : index + size]))
        if entry is not None and entry.kind == "state":
            found.append(from_entry(doc, entry, tokens[index].start, tokens[index + size - 1].end))
            index += size
            break
    rest = tokens[index:]
    if not rest and index:
        return found  # the portfolio alone names no actor
    if (index or found) and 2 <= len(rest) <= 4 and all(t.capitalised for t in rest):
        return [*found, _person(doc, rest)]
    return None


_PLACES_INCLUDING = re.compile(
    r"\b(?:bases|airbases|airports|airfields|ports|harbours|camps|villages|towns|cities|"
    r"districts|provinces|regions|sites|facilities|neighbou?rhoods|crossings),?\s+"
    r"(?:including|such\s+as|notably|among\s+them)\s+(?:[A-Z][\w'-]*,?\s+(?:and\s+)?)*\Z"
)
_DESCRIBED_ACRONYM = re.compile(r"\s+(?:[a-z-]+\s+){1,3}\([A-Z][A-Za-z]{2,}\)")
_CODE_NAME = re.compile(r"\w-(?:19|20)\d\d[A-Z]?$")

_MINISTER_OF = re.compile(r"\b(?:Minister|Secretary)\s+of\s+(?:the\s+)?\Z")

_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?")  # B-52, F-16, Su-34, MiG-29


def _led_by(doc: Document, tokens: list[Token]) -> list[Mention]:
    """ "the Badr Organisation of Hadi al-Amiri": a known body and the known person who
    leads it, two actors."""
    if len(tokens) > 12:
        return []  # longer than any two names
    for index, token in enumerate(tokens[1:-1], start=1):
        if token.text != "of":
            continue
        body = doc.gazetteer.lookup(_form(doc, tokens[:index]))
        person = doc.gazetteer.lookup(_form(doc, tokens[index + 1 :]))
        if body and person and body.kind in ("organisation", "group") and person.kind == "person":
            return [
                from_entry(doc, body, tokens[0].start, tokens[index - 1].end),
                from_entry(doc, person, tokens[index + 1].start, tokens[-1].end),
            ]
    return []


def _headline(doc: Document, position: int) -> bool:
    """Is the line at ``position`` a headline (title case, no full stop at its end)?"""
    end = doc.text.find("\n", position)
    line = doc.text[doc.text.rfind("\n", 0, position) + 1 : end if end >= 0 else len(doc.text)]
    return not line.rstrip().endswith((".", '."', ".”"))


def _form(doc: Document, tokens: list[Token]) -> str:
    return normalise(doc.text[tokens[0].start : tokens[-1].end])


def has_org_word(words: list[str]) -> bool:
    """Does a name's wording make it an organisation ("... Party", "Ministry of ...")?"""
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
            "Government",
            "Headquarters",
            "Mission",
            "Administration",
            "Group",
            "Alliance",
            "Coalition",
            "Front",
            "Movement",
            "Party",
            "Observatory",
            "Union",
            "Federation",
            "Association",
            "Organization",
            "Organisation",
            "League",
            "Authority",
            "Directorate",
            "Bureau",
            "Board",
            "Fund",
            "Foundation",
            "Network",
            "Tribunal",
            "Assembly",
            "Army",
            "Forces",
            "Service",
        )
        or words[0] in ("House", "Chamber")
        and len(words) > 2
        and words[1] == "of"  # "House of Peoples' Representatives", "Chamber of Deputies"
    )


def _name_word(word: str) -> bool:
    return (
        word[:1].isupper() or word in NAME_PARTICLES or word[:3] in ("al-", "el-")
    ) and word not in ORG_WORDS


# "the UN envoy, Staffan de Mistura,", "Valentine Rugwabiza, Special Representative of ...":
# a name set beside a post is a person's.
_POSTS = (
    r"envoy|premier|minister|president|spokes(?:man|woman|person)|leader|commander|chief|head|"
    r"ambassador|governor|mayor|director|secretary|chair(?:man|woman)?|representative|"
    r"negotiator|advis[eo]r|judge|prosecutor|coordinator|commissioner"
)
# "a fisherman, Alejandro Carranza,", "Jeison Obando, a survivor of ...": people by what
# they are.
_PEOPLE = (
    r"fisherman|fishermen|survivor|activist|journalist|reporter|farmer|villager|resident|"
    r"doctor|nurse|engineer|businessman|businesswoman|lawyer|pilot|priest|teacher|student|"
    r"victim|suspect|detainee|hostage|prisoner|volunteer|driver|economist|analyst|researcher|"
    r"witness|widow|mother|father|son|daughter|brother|sister|wife|husband"
)
_APPOSED_ROLE = re.compile(
    r"\b(?:(?:" + _POSTS + r")s?|(?:a|an|the|one)\s+(?:[a-z-]+\s+){0,2}(?:" + _PEOPLE + r")),\s+$",
    re.IGNORECASE,
)
_ROLE_APPOSED = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){0,3}(?:" + _POSTS + r")\b"
    r"|,\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
_PORTFOLIO_BEFORE = re.compile(r"\s+(?:Minister|Ministry|Secretary)\b")
_NAMED_AS = re.compile(r"\b(?:called|dubbed|codenamed|code-named|named|launched|began)\s+$")
# "Brussels should tie budget support ...": the capital stands for the European Union.
_SEATS = {"Brussels": "European Union"}


def from_entry(doc: Document, entry: Entry, start: int, end: int) -> Mention:
    """A mention of a gazetteer entry; a capital in a political role is its state."""
    if entry.role == "capital" and entry.state and _political(doc, start, end):
        if entry.name in _SEATS:
            return Mention(start, end, _SEATS[entry.name], "organisation", 3)
        return Mention(start, end, entry.state, "state", 3)
    return Mention(start, end, entry.name, entry.kind, 3)


def _political(doc: Document, start: int, end: int) -> bool:
    """Is a capital the government ("Kyiv said") rather than the city ("in Kyiv")?"""
    after = doc.text[end : end + 60]
    aside = _INTERJECTION.match(after)
    if aside:
        after = " " + after[aside.end() :]  # "Asmara, meanwhile, denied ..."
    adverb = _ADVERB.match(after)
    if adverb:
        after = after[adverb.end() :]  # "Damascus then pulled out"
    before = doc.text[max(0, start - 40) : start]
    if re.match(r"\s*,\s+[A-Z]", after) and re.search(r"\b(?:in|at|near|from|to)\s+$", before):
        return False
    if _NAMED_AFTER_CAPITAL.match(after):
        return False  # "the OSCE Minsk process", "the Astana format": a name, not a government
    next_word = re.match(r"^\s+([a-z]+)\b", after)
    present = _PRESENT_VERB.match(after)
    if (
        POLITICAL_AFTER.match(after)
        or (next_word and base_form(next_word.group(1)))
        or (present and _verb_in_s(present.group(1)))
    ):
        return not re.search(
            r"\b(?:in|at|near|into|around|outside|across|over|to|from)\s+$", before
        )
    if POLITICAL_BEFORE.search(before) and not re.search(r"\b(?:in|at|near)\s+$", before):
        return True
    # "together with Washington and Tokyo": a capital paired with one that acts acts too.
    paired = re.search(r"([A-Z][\w'-]+)\s+(?:and|or)\s+$", before)
    if paired:
        entry = doc.gazetteer.lookup(paired.group(1))
        if entry is not None and entry.role == "capital" and entry.state:
            first = start - len(before) + paired.start(1)
            return _political(doc, first, first + len(paired.group(1)))
    return False


_NAMED_AFTER_CAPITAL = re.compile(
    r"\s+(?:process|format|agreements?|accords?|protocols?|group|summit|declaration|consensus|"
    r"communiqu[eé]|memorandum|plan|platform|dialogue)\b"
)
_INTERJECTION = re.compile(
    r"\s*,\s*(?:meanwhile|however|for\s+its\s+part|in\s+turn|in\s+response|too|also|though|"
    r"instead|in\s+a\s+statement)\s*,\s*"
)
_ADVERB = re.compile(
    r"\s+(?:then|also|later|again|quickly|swiftly|subsequently|immediately|reportedly|formally|"
    r"officially|publicly|initially|eventually|finally|already|still|repeatedly|twice)(?=\s)"
)
# "Islamabad accuses Kabul of ...": a verb in the present, then its object.
_PRESENT_VERB = re.compile(r"^\s+([a-z]{3,}s)\s+(?:the|a|an|it|its|that|to|[A-Z])")


def _verb_in_s(word: str) -> bool:
    """Is ``word``, followed by an object, a verb's third person ("accuses", "warns")?"""
    stem = word[:-1]
    return word not in _PLURAL_NOUNS and base_form(stem + ("d" if stem.endswith("e") else "ed"))


_PLURAL_NOUNS = frozenset(
    [
        "talks",
        "forces",
        "troops",
        "officials",
        "residents",
        "authorities",
        "leaders",
        "sources",
        "militias",
        "rebels",
        "groups",
        "forces",
        "news",
        "analysts",
        "markets",
        "ties",
        "relations",
    ]
)


def _headline_verb(words: list[str]) -> bool:
    """Does a run of capitals in a headline hold a verb in the present ("Warns", "Extends")?"""
    return any(w in HEADLINE_VERBS for w in words)


def _holder_after_remit(doc: Document, tokens: list[Token]) -> Mention | None:
    """ "(Under Secretary for Terrorism and) Financial Intelligence John K. Hurley": the
    words of a remit, then a given name that starts the post holder's name."""
    given = doc.gazetteer.given_names
    for index in range(1, len(tokens) - 1):
        if tokens[index].text in given and tokens[index - 1].text not in given:
            rest = tokens[index:]
            if len(rest) > 4 or doc.gazetteer.lookup(_form(doc, tokens[:index])) is not None:
                return None
            if _REMIT_WORDS.search(doc.text, max(0, tokens[0].start - 60), tokens[0].start):
                return _person(doc, rest)
            return None
    return None


_REMIT_WORDS = re.compile(r"\bfor\s+(?:[A-Z][\w-]*\s+)*(?:and|&)\s+$")


def _person(doc: Document, tokens: list[Token]) -> Mention:
    if len(tokens) > 2 and tokens[-1].text in ("MP", "MEP", "QC", "KC", "MK"):
        tokens = tokens[:-1]  # "Matt Western MP": the seat is not the name
    start, end = tokens[0].start, tokens[-1].end
    form = _form(doc, tokens)
    entry = doc.gazetteer.lookup(form)
    if entry is not None and entry.kind == "person":
        return Mention(start, end, entry.name, "person", 3)
    if len(tokens) == 1:
        surnames = doc.gazetteer.surnames
        known = surnames.get(tokens[0].text) or surnames.get(fold(tokens[0].text))
        if known and len(known) == 1:
            return Mention(start, end, known[0].name, "person", 3)
    return Mention(start, end, form, "person", 2)


def _inner_entries(doc: Document, tokens: list[Token]) -> list[Mention]:
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
        found.append(from_entry(doc, entry, tokens[index].start, tokens[stop - 1].end))
        index = stop
    if current:
        leftovers.append(current)
    if not found:
        return []
    for rest in leftovers:
        found.extend(unknown(doc, rest))
    return found
