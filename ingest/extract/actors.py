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
from dataclasses import dataclass

from ingest.extract.gazetteer import Entry, Gazetteer, normalise
from ingest.extract.model import Actor, Timex
from ingest.extract.names import NAME_PARTICLES, Chunk, Token, chunks, tokenise

TITLES = {
    "President", "Vice", "Prime", "Minister", "Chancellor", "Secretary", "Secretary-General",
    "General", "Gen.", "Lt.", "Lieutenant", "Maj.", "Major", "Colonel", "Col.", "Admiral",
    "Adm.", "Commander", "Captain", "Capt.", "Sergeant", "Sgt.", "Mr.", "Mr", "Mrs.", "Mrs",
    "Ms.", "Ms", "Dr.", "Dr", "Prof.", "Professor", "Sen.", "Senator", "Rep.", "Representative",
    "Gov.", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Crown", "Sheikh", "Emir",
    "Ayatollah", "Pope", "Cardinal", "Archbishop", "Bishop", "Rabbi", "Imam", "Judge", "Justice",
    "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman", "Chairwoman",
    "CEO", "Chief", "Executive", "Director", "Director-General", "President-elect", "Premier",
    "Speaker", "Lord", "Lady", "Sir", "Dame", "Commissioner", "Prosecutor", "Marshal", "Field",
    "Brig.", "Deputy", "Foreign", "Defence", "Defense", "Interior", "Finance", "Officer",
    "Founder", "Co-founder", "Analyst", "Leader", "Supreme", "Sultan", "Mme", "Mme.", "Messrs.",
    "Attorney", "Chief Executive", "Head", "Senior", "Acting", "Former", "Opposition",
}
# Words in a title that do not start a name when capitalised alone ("Foreign Minister X").
_TITLE_ONLY_IF_FOLLOWED = {"Foreign", "Defence", "Defense", "Interior", "Finance", "Field", "Crown",
                           "Vice", "Prime", "Deputy", "Chief", "Executive", "Supreme", "Senior",
                           "Acting", "Former", "Opposition", "Head", "Attorney", "Officer"}
_ROLE_BEFORE = re.compile(
    r"(?:spokes(?:man|woman|person)|analyst|leader|chief|minister|president|secretary|director|"
    r"chairman|chairwoman|executive|officer|envoy|ambassador|commander|general|colonel|captain|"
    r"senator|governor|mayor|judge|lawyer|attorney|prosecutor|professor|researcher|economist|"
    r"journalist|reporter|correspondent|editor|founder|co-founder|CEO|head|deputy|adviser|"
    r"advisor|aide|official|lawmaker|activist|candidate|pilot|soldier|commentator|expert|"
    r"negotiator|diplomat|premier|chancellor|king|queen|prince|emir|sheikh|cleric|colleague|"
    r"manager|president-elect|strategist|scientist|engineer|designer|player|coach|singer|"
    r"actor|actress|author|writer|banker|investor|entrepreneur|billionaire|businessman|"
    r"businesswoman|student|resident|witness|victim|survivor|father|mother|son|daughter|"
    r"wife|husband|brother|sister|named|called|dubbed)\s+$",
    re.IGNORECASE,
)
ORG_WORDS = {
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.", "LLC", "plc",
    "PLC", "AG", "SA", "NV", "N.V.", "S.A.", "GmbH", "SpA", "Group", "Holdings", "Airlines", "Airways",
    "Air", "Aviation", "Aerospace", "Motors", "Motor", "Automotive", "Bank", "Banks", "Party", "Council",
    "Ministry", "Agency", "Army", "Navy", "Forces", "Force", "Front", "Movement", "Association",
    "Institute", "University", "College", "Committee", "Commission", "Organization", "Organisation",
    "Union", "Federation", "Foundation", "Fund", "Authority", "Office", "Department", "Services",
    "Systems", "Industries", "Technologies", "Technology", "Research", "Capital", "Partners",
    "Communications", "Network", "Networks", "News", "Times", "Post", "Journal", "Exchange", "Court",
    "Parliament", "Assembly", "Government", "Police", "Guard", "Guards", "Brigade", "Brigades",
    "Battalion", "Regiment", "Division", "Corps", "Club", "Records", "Studios", "Pictures",
    "Entertainment", "Media", "Press", "Bureau", "Board", "Consortium", "Alliance", "Coalition",
    "Society", "League", "Cartel", "Militia", "Electronics", "Software", "Computer", "Computers",
    "Energy", "Petroleum", "Oil", "Gas", "Steel", "Mining", "Pharmaceuticals", "Labs", "Laboratories",
    "Enterprises", "Ventures", "Securities", "Investments", "Insurance", "Trust", "Bancorp",
    "Financial", "Telecom", "Broadcasting", "Magazine", "Gazette", "Herald", "Tribune", "Daily",
    "Reuters", "Service", "Directorate", "Command", "Secretariat", "Congress", "Senate", "Cabinet",
    "Commonwealth", "Mission", "Team", "Shipyard", "Works", "Logistics", "Express", "Railways",
}
PLACE_WORDS = {
    "Airport", "Street", "Avenue", "Square", "Road", "River", "Mountains", "Island", "Islands",
    "Province", "Region", "Oblast", "District", "County", "Valley", "Sea", "Ocean", "Bay", "Strait",
    "Peninsula", "Desert", "Lake", "Canal", "Base", "Bridge", "Dam", "Center", "Centre", "Hospital",
    "Park", "Stadium", "Port", "Harbour", "Harbor", "Coast", "Plaza", "Boulevard", "Highway",
    "Heights", "Hills", "Governorate", "Prefecture", "Camp", "Crossing", "Checkpoint", "Field",
    "Factory", "Plant", "Refinery", "Mosque", "Cathedral", "Palace", "Prison", "Village", "Town",
}
_LEGAL_SUFFIX = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "LLC", "plc", "PLC",
                 "AG", "SA", "NV", "N.V.", "S.A.", "GmbH", "SpA"}
_NOT_NAMES = {
    "I", "OK", "TV", "AM", "PM", "GMT", "UTC", "EST", "CEO", "CFO", "COO", "CTO", "MP", "MPs",
    "A", "An", "The", "God", "Internet", "Web", "English", "Mr", "Mrs", "Ms", "Dr", "No",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "CO2", "GDP",
    "US$", "UPDATE", "BREAKING", "EXCLUSIVE", "AFP/Getty", "Photo", "Image", "Video", "PHOTO",
    "USD", "EUR", "GBP", "GB", "MB", "KB", "TB", "GHz", "MHz", "Hz", "SDK", "API", "PDF", "VIP",
    "Christmas", "Easter", "Ramadan", "Eid", "Hanukkah", "Thanksgiving", "Passover", "Diwali",
}
# Names of happenings, not actors: "Paris Air Show", "Worldwide Developers Conference".
EVENT_WORDS = {"Conference", "Summit", "Show", "Expo", "Games", "Olympics", "Cup", "Festival",
               "Championship", "Championships", "Awards", "Prize", "Week", "Day", "Fair", "Marathon",
               "Tournament", "Convention", "Symposium", "Session", "Talks", "Initiative", "Program",
               "Programme", "Project", "Plan", "Act", "Treaty", "Accord", "Accords", "Agreement",
               "Protocol", "Resolution", "Doctrine", "Operation", "War", "Crisis", "Revolution"}
_THING_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|your|my|new|this|that|these|those|latest|first|"
    r"each|every|older|newer|original|upcoming)|\d[\w-]*|[a-z]+[A-Z]\w*)\s+$"
)
_PRODUCT_AFTER = re.compile(
    r"^\s+(?:jets?|aircraft|airliners?|planes?|engines?|computers?|laptops?|notebooks?|phones?|"
    r"handsets?|software|players?|devices?|models?|versions?|tablets?|chips?|processors?|"
    r"cars?|vehicles?|trucks?|tanks?|missiles?|rifles?|drones?|helicopters?|fighters?|"
    r"systems?|platforms?|series|line|range|brand|operating|store|app|apps|edition|update|"
    r"family|variant|program|programme|project|deal|contract|order|orders|flights?|tour)\b"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|at|from|to|into|across|around|toward|towards|based\s+in|headquartered\s+in)\s+$")
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s?\s|\s+(?:said|says|say|told|has|have|had|will|would|is|was|were|are|announced|"
    r"reported|confirmed|denied|plans|planned|agreed|launched|signed|bought|sold|won|lost|"
    r"offered|ordered|chose|claimed|accused|asked|wants|expects|expected|hopes|declined|"
    r"refused|argued|added|noted|stated|spokesman|spokeswoman|chief|CEO|president|officials?|"
    r"executives?|shares|stock|board|employees|staff|customers)\b)"
)
_POLITICAL_AFTER = re.compile(
    r"^(?:['’]s\s+(?:government|leadership|forces|troops|army|military|officials|position|war|"
    r"invasion|offensive|demands?|response|decision|stance|policy|envoy|ambassador|troops))|"
    r"^\s+(?:has|have|had|is|was|will|would|said|says|say|announced|accused|warned|denied|"
    r"rejected|insisted|demanded|urged|responded|called|sent|imposed|claimed|launched|struck|"
    r"agreed|signed|wants|wanted|hopes|fears|sees|believes|considers|refused|blamed|condemned|"
    r"threatened|vowed|pledged|promised|retaliated|recalled|expelled|summoned|protested|"
    r"welcomed|criticised|criticized|confirmed|reported|ordered|approved|backed|supports|"
    r"supported|opposes|opposed|and\s+(?:Washington|Moscow|Kyiv|Kiev|Beijing|London|Paris|"
    r"Berlin|Tehran|Ankara|Jerusalem|Brussels|Tokyo|Seoul|Pyongyang|Riyadh|Cairo|Damascus|"
    r"Baghdad|Minsk|Warsaw|Budapest|Taipei|New\s+Delhi|Islamabad|Kabul|Caracas|Havana))\b",
    re.IGNORECASE,
)
_POLITICAL_BEFORE = re.compile(
    r"(?:between|with|accused|urged|told|warned|pressed|pressured|sanctioned|against|by|"
    r"from|of)\s+$|\b(?:ties|relations|talks|dialogue|tensions|deal|agreement)\s+(?:with|between)\s+$",
    re.IGNORECASE,
)


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

    def in_timex(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.timex_starts, start) - 1
        return index >= 0 and self.timex_ends[index] > start or (
            index + 1 < len(self.timex_starts) and self.timex_starts[index + 1] < end
        )

    def common(self, token: Token) -> bool:
        word = token.text
        lower = word.lower()
        return lower in self.gazetteer.common_words or (word != lower and lower in self.lower_words)

    def in_title_line(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.title_lines)


def _title_case_lines(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Lines that capitalise most words (headlines), where capitals say little."""
    lines = []
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        words = [t for t in tokens if position <= t.start < end and t.text[:1].isalpha() and len(t.text) > 3]
        if len(words) >= 4 and sum(t.text[:1].isupper() for t in words) / len(words) >= 0.7:
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
        mentions.extend(_resolve_chunk(doc, chunk))
    covered = sorted((m.start, m.end) for m in mentions)
    mentions.extend(_lowercase_gazetteer(doc, covered))
    mentions = [m for m in mentions if not _product_or_currency(doc, m)]
    mentions = _corefer(doc, mentions)
    return _group(mentions)


_MODEL_AFTER = re.compile(r"^[ -]?(?:[A-Z]{0,3}-?\d[\w-]*|[A-Z]\d\w*)(?![\w$%])")


def _product_or_currency(doc: _Document, mention: Mention) -> bool:
    """ "Airbus A380", "Boeing 787": a product; "US$ 40 billion": a currency."""
    after = doc.text[mention.end : mention.end + 12]
    if after.startswith("$"):
        return True
    if mention.kind in ("organisation", "other") and _MODEL_AFTER.match(after):
        number = re.match(r"^[ -]?(\d[\d,.]*)", after)
        if number and re.match(r"^[ -]?\d[\d,.]*\s+(?:million|billion|people|jobs|workers|employees|staff|percent|per|%)", after + doc.text[mention.end + 12 : mention.end + 30]):
            return False
        return True
    return False


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
        if _is_title(doc, tokens, index, current):
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


def _is_title(doc: _Document, tokens: list[Token], index: int, current: list[Token]) -> bool:
    word = tokens[index].text
    if word not in TITLES:
        return False
    following = tokens[index + 1 :]
    if not following:
        return False  # "... said the President": a title with no name is not an actor
    if current:
        form = " ".join(t.text for t in current + [tokens[index]])
        if doc.gazetteer.lookup(form) is not None:
            return False  # "Security Council" is an organisation, not a title
    if word in _TITLE_ONLY_IF_FOLLOWED:
        return following[0].text in TITLES or following[0].text in ("Minister", "Secretary")
    return True


def _role_before(doc: _Document, start: int) -> bool:
    before = doc.text[max(0, start - 40) : start]
    return bool(_ROLE_BEFORE.search(before))


def _resolve_segment(doc: _Document, tokens: list[Token], titled: bool) -> list[Mention]:
    gazetteer = doc.gazetteer
    # A sentence-initial common word is not part of the name: "However Boeing ..."
    while tokens and tokens[0].sentence_start and doc.common(tokens[0]):
        whole = _form(doc, tokens)
        if gazetteer.lookup(whole) is not None:
            break
        tokens = tokens[1:]
        titled = False
    if not tokens:
        return []
    whole = _form(doc, tokens)
    entry = gazetteer.lookup(whole)
    if entry is not None:
        return [_from_entry(doc, entry, tokens[0].start, tokens[-1].end)]
    words = [t.text for t in tokens]
    if titled and len(tokens) <= 4 and not _has_org_word(words):
        return [_person(doc, tokens)]
    if _has_org_word(words) and not (len(words) == 1 and words[0] in ("Air", "Capital", "Post", "Times", "Daily", "Government")):
        return [_organisation(doc, tokens)]
    if len(words) > 1 and words[-1] in PLACE_WORDS:
        return [Mention(tokens[0].start, tokens[-1].end, whole, "place", 2)]
    if len(tokens) >= 2 and tokens[0].text in gazetteer.given_names and all(_name_word(t.text) for t in tokens[1:]):
        return [_person(doc, tokens)]
    inner = _inner_entries(doc, tokens)
    if inner:
        return inner
    return _unknown(doc, tokens)


def _form(doc: _Document, tokens: list[Token]) -> str:
    return normalise(doc.text[tokens[0].start : tokens[-1].end])


def _has_org_word(words: list[str]) -> bool:
    return any(word in ORG_WORDS for word in words[1:]) or (len(words) > 1 and words[0] in ("Ministry", "Department", "Bank", "University", "Institute", "Council", "Office", "Agency", "Committee", "Commission"))


def _name_word(word: str) -> bool:
    return (word[:1].isupper() or word in NAME_PARTICLES or word[:3] in ("al-", "el-")) and word not in ORG_WORDS


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
    if _POLITICAL_AFTER.match(after):
        return not re.search(r"\b(?:in|at|near|into|around|outside|across|over)\s+$", before)
    return bool(_POLITICAL_BEFORE.search(before)) and not re.search(r"\b(?:in|at|near)\s+$", before)


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
        state = None
        if ministry["adj"]:
            entry = doc.gazetteer.lookup(ministry["adj"])
            state = entry.name if entry is not None and entry.kind == "state" else None
        if state is None:
            state = _possessor_state(doc, start)
        name = f"Ministry of {field}" + (f" ({state})" if state else "")
        return Mention(start, end, name, "organisation", 2)
    words = form.split()
    while len(words) > 1 and words[-1].rstrip(",") in _LEGAL_SUFFIX:
        words.pop()
    name = " ".join(words).rstrip(",")
    entry = doc.gazetteer.lookup(name)
    if entry is not None and entry.kind in ("organisation", "group"):
        return Mention(start, end, entry.name, entry.kind, 3)
    return Mention(start, end, name, "organisation", 2)


def _possessor_state(doc: _Document, start: int) -> str | None:
    match = re.search(r"([A-Z][\w.]+(?:\s[A-Z]\w+)?)['’]s\s+$", doc.text[max(0, start - 40) : start])
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
    if all(word in _NOT_NAMES or word in TITLES for word in words):
        return []
    if any(doc.gazetteer.lookup(w) is not None and doc.gazetteer.lookup(w).role == "adjective" for w in words[:1]) and len(words) > 1:
        return []
    form = _form(doc, tokens)
    start, end = tokens[0].start, tokens[-1].end
    if len(form) < 2 or form.isdigit() or any(ch.isdigit() for ch in words[0]) or words[0][:1].islower():
        return []
    if words[-1] in EVENT_WORDS or any(w in EVENT_WORDS for w in words[1:]):
        return []
    before = doc.text[max(0, start - 24) : start]
    after = doc.text[end : end + 24]
    if _PRODUCT_AFTER.match(after) or re.match(r"^\s+[\w-]*\d", after):
        return []
    if _THING_BEFORE.search(before) and not _ACTOR_AFTER.match(after):
        return []
    if doc.in_title_line(start):
        if not any(w in doc.mid_capitals and not doc.in_title_line(start) for w in words):
            vouched = [t for t in tokens if _seen_elsewhere(doc, t)]
            if not vouched:
                return []
    if len(tokens) == 1:
        token = tokens[0]
        if token.sentence_start and (doc.common(token) or token.text not in doc.mid_capitals):
            return []
        if doc.common(token) and token.text.lower() in doc.gazetteer.common_words:
            return []
        if token.text.isupper() and len(token.text) > 5:
            return []  # shouting, not an acronym
    if _PLACE_BEFORE.search(before) and not _ACTOR_AFTER.match(after):
        return [Mention(start, end, form, "place", 1)]
    if re.match(r"^,\s+(?:[A-Z][\w.]+\s?){1,3}(?:[,.;)]|\s+(?:and|in|on|at|to|is|was|has)\b)", after):
        entry = doc.gazetteer.lookup(re.match(r"^,\s+((?:[A-Z][\w.]+\s?){1,3})", after).group(1).strip())
        if entry is not None and entry.kind in ("state", "place"):
            return [Mention(start, end, form, "place", 1)]
    strong = bool(_ACTOR_AFTER.match(after)) or bool(re.search(r"\b(?:by|with|for|against|between|and|of)\s+$", before))
    if not strong and _occurrences(doc, form) < 2:
        return []
    return [Mention(start, end, form, "other", 1)]


def _occurrences(doc: _Document, form: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text))


def _seen_elsewhere(doc: _Document, token: Token) -> bool:
    for other in doc.tokens:
        if other.text == token.text and other.start != token.start and not doc.in_title_line(other.start):
            return True
    return False


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
        elif mention.kind == "other" and " " not in surface and len(first_words.get(surface, ())) == 1:
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
