"""Tokens and proper-name chunks: the raw material of actor recognition.

A *chunk* is a run of capitalised tokens ("Northrop Grumman", "Ministry of Defence",
"Pratt & Whitney"), joined by the few lower-case words that occur inside names when the
word before them says a name goes on ("of" after "Ministry", "for" after "Institute").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Hun Sen." ends a name (Cambodia's former prime minister), not "Sen." for Senator.
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|St|Gov|(?<!Hun )Sen|Rep|Capt|Adm|Maj|Prof|Jr|Sr|Inc|Corp|Co|Ltd|Bros|"
    "Mt|Ft|Rev|Hon|Cmdr|Brig|Pvt|Cpl|Supt|Insp|Det|Mme|Mlle|Messrs"
)
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|(?:{_ABBREVIATIONS})\.(?!\w)|[^\W\d_][\w&]*+(?:[-'’.][^\W_][\w&]*+)*+|\d+[A-Za-z][\w-]*+|\d++"
)
_POSSESSIVE = re.compile(r"['’]s?$")

# Lower-case words that may continue a name after these words: "Ministry of Defence".
# "People's Liberation Army": a possessive inside a name.
# "the Specialist Prosecutor's Office", "the Attorney General's Office": one body.
_OFFICE_HOLDERS = frozenset(["Prosecutor", "General", "Ombudsman", "Auditor", "Controller"])
_OWNED_BODIES = frozenset(["Office", "Department", "Chambers"])
_PLURAL_POSSESSORS = frozenset(
    [
        "People",
        "Workers",
        "Peoples",
        "Soldiers",
        "Citizens",
        "Patriots",
        "Martyrs",
        "Children",
        "Women",
        "Men",
        "Veterans",
        "Nations",
        "Fishermen",
        "Farmers",
        "Journalists",
        "Teachers",
        "Doctors",
        "Mothers",
        "Students",
        "Lawyers",
        "Traders",
        "Miners",
        "Employers",
    ]
)
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "on",
        "de",
        "del",
        "da",
        "du",
        "der",
        "den",
        "van",
        "von",
        "al",
        "bin",
        "ibn",
        "abu",
        "bint",
        "le",
        "la",
        "y",
    ]
)
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "da",
        "du",
        "der",
        "den",
        "van",
        "von",
        "al",
        "bin",
        "ibn",
        "le",
        "la",
        "y",
        "ben",
        "abu",
    ]
)
OF_HEADS = frozenset(
    [
        "Ministry",
        "Chiefs",
        "Minister",
        "Department",
        "Bank",
        "University",
        "Council",
        "Republic",
        "Gulf",
        "Sea",
        "Strait",
        "Institute",
        "Office",
        "League",
        "Union",
        "Organization",
        "Organisation",
        "Association",
        "Federation",
        "Party",
        "Court",
        "Commission",
        "Committee",
        "Academy",
        "College",
        "School",
        "Church",
        "Kingdom",
        "States",
        "Province",
        "City",
        "Isle",
        "Bay",
        "Cape",
        "Secretary",
        "Chamber",
        "Board",
        "Bureau",
        "Agency",
        "Centre",
        "Center",
        "Museum",
        "Society",
        "Fund",
        "Foundation",
        "Order",
        "Army",
        "Navy",
        "Corps",
        "House",
        "Port",
        "Sultanate",
        "Emirate",
        "State",
        "Assembly",
        "Parliament",
        "Congress",
        "Service",
        "Authority",
        "Forces",
        "Movement",
        "Front",
        "Coalition",
        "Alliance",
        "Brigade",
        "Brigades",
        "Battalion",
        "Division",
        "Commonwealth",
        "Duchy",
        "Principality",
        "Conference",
        "Confederation",
        "Directorate",
        "Guard",
        "Guards",
        "Bishop",
        "Archbishop",
        "Prince",
        "Duke",
        "King",
        "Queen",
        "Lake",
        "Mount",
        "Isles",
        "Islands",
        "Straits",
        "Sheikh",
        "Chancellor",
        "Emir",
        "Sultan",
        "Government",
        "Headquarters",
        "Mission",
        "Accord",
        "Accords",
        "Agreement",
        "Treaty",
        "Administration",
        "Apparatus",
        "Commissioner",
        "Representative",
        "Coordinator",
        "Envoy",
        "Observatory",
        "Initiative",
        "Network",
        "Group",
        "Forum",
        "Tribunal",
    ]
)


@dataclass(slots=True)
class Token:
    start: int
    end: int  # without a trailing possessive "'s"
    text: str
    possessive: bool = False
    sentence_start: bool = False
    raw_end: int = 0  # with the possessive

    @property
    def capitalised(self) -> bool:
        first = self.text[:1]
        return first.isupper() or (first.isdigit() and any(c.isupper() for c in self.text))


@dataclass(slots=True)
class Chunk:
    tokens: list[Token]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


_NAME_START = re.compile(r"[A-Z]|[a-z]{1,3}-[A-Z]")  # "Boeing", "al-Qaeda"


def tokenise(text: str) -> list[Token]:
    """Word tokens with offsets; "Boeing's" ends before its possessive."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        possessive = False
        tail = _POSSESSIVE.search(word)
        if tail and len(word) > 2 and word[-2:] in ("'s", "’s") and _NAME_START.match(word):
            end -= 2
            word = word[:-2]
            possessive = True
        compound = _COMPOUND.match(word)
        if compound:
            # "Saudi-led", "Iran-backed", "pro-Russian": the name inside is what counts.
            group = "name" if compound.group("name") else "name2"
            start, end = start + compound.start(group), start + compound.end(group)
            word = compound.group(group)
            possessive = False
        gap = text[previous_end:start]
        sentence_start = not tokens or _ends_sentence(gap, tokens[-1].text)
        pair = _DEMONYM_PAIR.fullmatch(word)
        if pair:
            # "a Russian-Chinese draft": two peoples, each a name of its own.
            cut = start + pair.end(1)
            tokens.append(Token(start, cut, pair.group(1), False, sentence_start, cut))
            tokens.append(Token(cut + 1, end, pair.group(2), possessive, False, match.end()))
        else:
            tokens.append(Token(start, end, word, possessive, sentence_start, match.end()))
        previous_end = match.end()
    return tokens


_DEMONYM_PAIR = re.compile(r"([A-Z][a-z]+(?:an|ese|ish|i))-([A-Z][a-z]+(?:an|ese|ish|i))")


_COMPOUND = re.compile(
    r"^(?:(?:pro|anti|non|ex|post|pre)-)?(?P<name>[A-Z][\w.&]*?(?:-[A-Z][\w.&]*?)*)"
    r"(?:-(?:led|backed|based|owned|run|controlled|held|brokered|made|born|funded|sponsored|"
    r"allied|aligned|linked|affiliated|occupied|annexed|built|supplied|installed|appointed|"
    r"mediated|supported|inspired|trained|armed|financed|leaning|bound|facilitated|"
    r"friendly|style|era|registered|flagged|listed|headquartered|operated|dominated|"
    r"administered|ruled|governed|imposed|announced))$"
    r"|^(?:pro|anti|non|ex|post|pre)-(?P<name2>[A-Z][\w.&]*)$"
)


def _ends_sentence(gap: str, previous: str) -> bool:
    if "\n" in gap:
        return True
    stripped = gap.strip()
    if not stripped:
        return False
    if stripped[0] in ".!?" or stripped[-1] in ":;":
        initial = len(previous) == 1 and previous.isupper()  # "John K. Hurley"
        return not (stripped[0] == "." and (initial or previous in _ABBREVIATIONS.split("|")))
    return stripped[-1] in "\"“'‘(-—–" and any(c in stripped for c in ".!?\n")


def chunks(text: str, tokens: list[Token], known=None) -> list[Chunk]:
    """Runs of capitalised tokens, with name-internal connectors and "&".

    After a connector ("Party of Action"), further connectors and "and" join too ("Party of
    Action and Solidarity", "Headquarters for the Treatment of Prisoners of War"), unless
    ``known`` (a predicate on a word) says the word after "and" begins a name of its own.
    """
    found: list[Chunk] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        if not _name_like(token):
            index += 1
            continue
        run = [token]
        index += 1
        while (
            index < count
            and (
                not run[-1].possessive
                or run[-1].text in _PLURAL_POSSESSORS
                or (tokens[index].text in _OWNED_BODIES and run[-1].text in _OFFICE_HOLDERS)
                # "Cox's Bazar": a known name with a possessive inside
                or (known is not None and known(text[run[0].start : tokens[index].end]))
            )
            and not _compound(run[-1])  # "Abu Dhabi-based Dana Gas": two names
        ):
            gap = text[run[-1].raw_end : tokens[index].start]
            nxt = tokens[index]
            if gap in ("' ", "’ ") and run[-1].text in _PLURAL_POSSESSORS and _name_like(nxt):
                run.append(nxt)  # "Kurdistan Workers' Party"
                index += 1
                continue
            initial = gap == ". " and len(run[-1].text) == 1 and run[-1].text.isupper()
            if (gap == " " or initial) and _name_like(nxt) and not nxt.sentence_start:
                run.append(nxt)  # "John K. Hurley": an initial's full stop stays inside
                index += 1
                continue
            if gap.strip() == "&" and len(gap) <= 3 and _name_like(nxt):
                run.append(nxt)
                index += 1
                continue
            # "Ministry of Defence", "Institute for the Study of War", "Osama bin Laden"
            linked = any(t.text in CONNECTORS for t in run[1:]) or _and_body(text, tokens, index)
            joins = (
                nxt.text in CONNECTORS
                or (run[-1].text == "Mission" and nxt.text == "in")
                or (
                    linked and nxt.text == "and" and not (known and known(tokens[index + 1].text))
                    if index + 1 < count
                    else False
                )
            )
            if gap == " " and joins and index + 1 < count:
                step = index + 1
                if tokens[step].text == "the" and step + 1 < count:
                    step += 1
                after = tokens[step]
                joined = text[nxt.end : after.start]
                if nxt.text == "for" and joined == " the ":
                    joined = " "  # "Institute for the Study of War", "Headquarters for the ..."
                head_ok = run[-1].text in OF_HEADS or nxt.text in NAME_PARTICLES or linked
                if (
                    head_ok
                    and joined.strip() == ""
                    and len(joined) <= 5
                    and _name_like(after)
                    and not after.sentence_start
                ):
                    run.extend(tokens[index : step + 1])
                    index = step + 1
                    continue
            break
        first = tokens.index(run[0], max(0, index - len(run) - 12)) if run else 0
        if (
            first > 0
            and run[-1].text in _UNITS
            and (
                _ORDINAL.fullmatch(tokens[first - 1].text)
                or len(run) > 1
                and tokens[first - 1].text.isdigit()  # "the 444 Combat Brigade"
            )
            and text[tokens[first - 1].raw_end : run[0].start] == " "
        ):
            run.insert(0, tokens[first - 1])  # "the 444th Combat Brigade"
        if (
            run[-1].text == "Unit"
            and index < count
            and tokens[index].text.isdigit()
            and text[run[-1].raw_end : tokens[index].start] == " "
        ):
            run.append(tokens[index])  # "GRU Unit 29155"
            index += 1
        found.append(Chunk(run))
    return found


_UNITS = frozenset(
    ["Brigade", "Division", "Battalion", "Regiment", "Corps", "Army", "Fleet", "Front"]
)
_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)")
# "Reconstruction and Development Coalition", "Union Solidarity and Development Party"
_AND_BODIES = frozenset(
    ["Party", "Coalition", "Front", "Alliance", "Movement", "Council", "Commission", "Forum"]
)


def _and_body(text: str, tokens: list[Token], index: int) -> bool:
    """Does "and" at ``index`` join two halves of one body's name, whose last word (within
    three capitalised words) names the kind of body?"""
    if tokens[index].text != "and":
        return False
    position = index + 1
    while position < len(tokens) and position <= index + 3 and tokens[position].capitalised:
        if tokens[position].text in _AND_BODIES:
            return text[tokens[index].end : tokens[position].start].count(",") == 0
        position += 1
    return False


def _compound(token: Token) -> bool:
    """Was the token cut from a compound ("Saudi-led", "Abu Dhabi-based")?"""
    return token.raw_end > token.end + 2 and not token.possessive


def _name_like(token: Token) -> bool:
    word = token.text
    if token.capitalised:
        return True
    return glued_particle(word)


def glued_particle(word: str) -> bool:
    """ "al-Qaeda", "el-Sisi", "al-Golani": a lower-case particle glued to a capital."""
    return word[:3] in ("al-", "el-") and word[3:4].isupper()
