"""Names defined by the acronym after them: "the Party of Action and Solidarity (PAS)",
"the OSCE Office for Democratic Institutions and Human Rights (ODIHR)".

Chunks break such names at "and" or at a link word their head does not usually take, leaving
pieces ("Solidarity", "Human Rights") that look like actors of their own. The acronym says
where the name begins: the capitalised words before the bracket whose initials spell it,
link words ("of", "for", "and", "the") skipped. The whole name then replaces the pieces.
"""

from __future__ import annotations

import bisect
import re

from ingest.extract.actor_chunks import from_entry, has_org_word
from ingest.extract.actor_document import Document, Mention
from ingest.extract.names import Token

_DEFINITION = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z&.\-]{1,9})\s*\)")
_LINKS = frozenset(["of", "for", "and", "the", "on", "in", "&", "de", "du", "des", "la", "le"])
_GROUP_WORDS = frozenset(["Forces", "Army", "Front", "Brigade", "Brigades", "Militia", "Battalion"])
# Bodies whose names say so only with an acronym: "Joint Chiefs of Staff (JCS)".
_ACRONYM_BODIES = frozenset(["Staff", "Workers", "Chiefs", "Guard", "Police", "Rights"])
_TITLE_FIRST = frozenset(["President", "Prime", "Minister", "General", "Secretary", "Chief"])


def defined_names(doc: Document) -> list[Mention]:
    """A mention for each name spelled out before its acronym in brackets."""
    found: list[Mention] = []
    ends = [token.end for token in doc.tokens]
    for match in _DEFINITION.finditer(doc.text):
        letters = [c for c in match.group(1) if c.isupper()]
        if len(letters) < 2:
            continue
        last = bisect.bisect_right(ends, match.start()) - 1
        if last < 0 or doc.text[doc.tokens[last].end : match.start()].strip():
            continue
        first = _first_token(doc, last, letters)
        if first is None:
            continue
        tokens = doc.tokens[first : last + 1]
        if sum(t.text[:1].isupper() for t in tokens) < 2 or tokens[0].text in _TITLE_FIRST:
            continue
        # "the UN Human Rights Monitoring Mission in Ukraine (HRMMU)": a known name may
        # begin a word or two before the spelled-out part.
        for wider in (first - 2, first - 1):
            if wider >= 0 and not doc.text[doc.tokens[wider].end : tokens[0].start].strip():
                form = _text(doc, doc.tokens[wider].start, tokens[-1].end)
                if doc.gazetteer.lookup(form) is not None or (
                    wider == first - 1 and doc.tokens[wider].text in ("UN", "U.N.")
                ):
                    tokens = doc.tokens[wider : last + 1]
                    break
        start, end = tokens[0].start, tokens[-1].end
        form = _text(doc, start, end)
        entry = doc.gazetteer.lookup(form)
        known = doc.gazetteer.lookup(match.group(1))
        if (
            entry is None
            and known is not None
            and _initials(known.name) == letters
            and _alike(form, known.name)
        ):
            entry = known  # another spelling of a known name: "Tehreek-e-Taliban Pakistan (TTP)"
        if entry is not None:
            if entry.kind in ("organisation", "group", "state"):
                found.append(from_entry(doc, entry, start, end))
            continue
        words = [t.text for t in tokens]
        if not has_org_word(words) and not _ACRONYM_BODIES & set(words):
            continue  # "World Wide Developers Conference (WWDC)", "Dow Jones ... (DJIA)"
        kind = "group" if tokens[-1].text in _GROUP_WORDS else "organisation"
        found.append(Mention(start, end, form, kind, 3))
    return found


def _first_token(doc: Document, last: int, letters: list[str]) -> int | None:
    """The index of the name's first token, walking left from ``last`` while the initials
    of capitalised words spell ``letters`` from the end; None when they do not."""
    position = len(letters) - 1
    index = last
    first = None
    while index >= 0 and position >= 0:
        token: Token = doc.tokens[index]
        if index < last:
            gap = doc.text[token.end : doc.tokens[index + 1].start]
            if gap.strip() not in ("", "'s", "’s"):
                return None  # punctuation: the name cannot reach further left
        word = token.text
        if word in _LINKS:
            index -= 1
            continue
        if not word[:1].isupper():
            return None
        initials = [part[0] for part in word.split("-") if part[:1].isupper()]
        if len(initials) > 1 and letters[position - len(initials) + 1 : position + 1] == initials:
            position -= len(initials)  # "Tehrik-i-Taliban" gives T, T
        elif initials[0] == letters[position]:
            position -= 1
        else:
            return None
        first = index
        index -= 1
    if position >= 0 or first is None or doc.tokens[first].text in _LINKS:
        return None
    return first


def _initials(name: str) -> list[str]:
    return [
        part[0]
        for word in name.split()
        if word not in _LINKS
        for part in word.split("-")
        if part[:1].isupper()
    ]


def _text(doc: Document, start: int, end: int) -> str:
    return " ".join(doc.text[start:end].split())


def _alike(form: str, name: str) -> bool:
    """Do two spellings of a name share most of their words ("Tehreek-e-Taliban Pakistan",
    "Tehrik-i-Taliban Pakistan"), unlike two bodies that share an acronym ("Ambazonia Defence
    Forces" and "Allied Democratic Forces", both ADF)?"""
    mine = {p.lower() for w in form.split() for p in w.split("-") if p[:1].isupper()}
    theirs = {p.lower() for w in name.split() for p in w.split("-") if p[:1].isupper()}
    return len(mine & theirs) * 2 > max(len(mine), len(theirs))
