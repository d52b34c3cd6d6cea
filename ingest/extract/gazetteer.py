"""The actor gazetteer: canonical names, aliases, demonyms and capitals, read from
``resources/gazetteer`` (see its README), plus the workspace's own actors.

Lookups are by the exact surface form as written (``"U.S."``, ``"Ukrainian"``, ``"Kyiv"``);
the surface is normalised only for whitespace and typographic apostrophes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "gazetteer"

KINDS = ("state", "organisation", "person", "group", "place", "other")


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form means.

    ``role`` says how the form names the actor: ``name`` (a name or alias), ``adjective``
    (a demonym such as "Ukrainian"), ``people`` ("Ukrainians"), ``capital`` (the seat of a
    government: a place, or the state when it acts), ``surname`` (only after a title).
    """

    name: str
    kind: str
    role: str = "name"
    state: str | None = None  # for capitals: the state whose government sits there
    workspace: bool = False


@dataclass
class Gazetteer:
    """Surface form -> entries; the workspace's entries come first."""

    forms: dict[str, list[Entry]] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    max_tokens: int = 1
    lowercase_starts: frozenset[str] = frozenset()
    spanning_firsts: frozenset[str] = frozenset()  # first words of names chunks cannot hold
    _demonyms: dict[str, str] = field(default_factory=dict, repr=False)
    _upper: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    def add(self, form: str, entry: Entry) -> None:
        form = normalise(form)
        if not form:
            return
        for variant in _variants(form):
            bucket = self.forms.setdefault(variant, [])
            if entry not in bucket:
                if entry.workspace:
                    bucket.insert(0, entry)
                else:
                    bucket.append(entry)
            self.max_tokens = max(self.max_tokens, len(variant.split()))

    def lookup(self, form: str) -> Entry | None:
        """The best entry for a surface form, or None."""
        found = self.forms.get(normalise(form))
        if not found and _SPACED_PARTICLE.search(form):
            # "Ahmed al Sharaa", "Hikmat al Hijri": the gazetteer writes "al-".
            found = self.forms.get(normalise(_SPACED_PARTICLE.sub(r"\1-", form)))
        if not found and " " in form and form.count(" ") <= 3 and form[:1].isupper():
            # "Abdel Fattah Burhan": the gazetteer writes "Abdel Fattah al-Burhan"
            head, _, last = form.rpartition(" ")
            if last[:1].isupper() and not last.startswith(("Al-", "El-")):
                people = [
                    e
                    for e in self.forms.get(normalise(f"{head} al-{last}"), [])
                    if e.kind == "person"
                ]
                found = people or None
        if not found and form.isupper() and " " in form.strip():
            # "EUNAVFOR ASPIDES", "KOSOVO SPECIALIST CHAMBERS": a name in capitals
            found = self._upper_forms().get(normalise(form))
        if not found and ("U.N. " in form or "U.S. " in form):
            # "U.N. Support Mission in Libya" is the gazetteer's "UN Support Mission ..."
            found = self.forms.get(normalise(form.replace("U.N. ", "UN ").replace("U.S. ", "US ")))
        return found[0] if found else None

    def _upper_forms(self) -> dict[str, list[Entry]]:
        """Multi-word forms by their capitals, for names written all in capitals."""
        if not self._upper:
            for form, entries in self.forms.items():
                if " " in form:
                    self._upper.setdefault(form.upper(), entries)
        return self._upper

    def demonym(self, state: str) -> str:
        """The adjective a state's bodies are named with ("Israeli Air Force", "US Navy")."""
        if not self._demonyms:
            for form, entries in self.forms.items():
                for entry in entries:
                    if entry.role == "adjective" and entry.kind == "state":
                        self._demonyms.setdefault(entry.name, form)
            self._demonyms.update(_DEMONYM_OVERRIDES)
        return self._demonyms.get(state, "")

    def with_workspace(self, actors: Iterable) -> Gazetteer:
        """A copy with the workspace's actors added in front of the built-in entries."""
        copy = Gazetteer(
            forms={key: list(value) for key, value in self.forms.items()},
            surnames={key: list(value) for key, value in self.surnames.items()},
            titles=dict(self.titles),
            given_names=self.given_names,
            common_words=self.common_words,
            max_tokens=self.max_tokens,
        )
        for actor in actors:
            name, kind, aliases = _actor_fields(actor)
            if not name:
                continue
            entry = Entry(name, kind, "name", workspace=True)
            copy.add(name, entry)
            for alias in aliases:
                copy.add(alias, entry)
            if kind == "person" and len(name.split()) > 1:
                surname = name.split()[-1]
                copy.surnames.setdefault(surname, []).insert(0, entry)
        copy.lowercase_starts = _lowercase_starts(copy.forms)
        copy.spanning_firsts = _spanning_firsts(copy.forms)
        return copy


_SPACED_PARTICLE = re.compile(r"\b(al|el|Al|El)\s+(?=[A-Z])")
# "American Air Force" is not how bodies of the United States are named.
_DEMONYM_OVERRIDES = {"United States": "US", "United Kingdom": "British"}


_UNDECOMPOSED = str.maketrans("łŁđĐøØı", "lLdDoOi")


def fold(word: str) -> str:
    """``word`` without accents ("Siniša" -> "Sinisa", "Paweł" -> "Pawel")."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(form: str) -> str:
    return " ".join(form.replace("\u2019", "'").replace("\u2018", "'").split())


def _variants(form: str) -> list[str]:
    """The form, and without a leading "the" ("the UN" -> "UN", "The Hague" stays)."""
    if form.lower().startswith("the ") and len(form) > 4:
        bare = form[4:]
        if bare in ("Hague", "Gambia", "Bahamas"):
            return [form, bare]
        return [bare]
    return [form]


def _actor_fields(actor) -> tuple[str, str, list[str]]:
    if isinstance(actor, dict):
        name, kind, aliases = actor.get("name"), actor.get("kind"), actor.get("aliases")
    else:
        name = getattr(actor, "name", None)
        kind = getattr(actor, "kind", None)
        aliases = getattr(actor, "aliases", None)
    if isinstance(aliases, str):
        aliases = [a for a in aliases.replace("\n", ";").replace(",", ";").split(";")]
    kind = kind if kind in KINDS else "other"
    return (name or "").strip(), kind, [a.strip() for a in (aliases or []) if a and a.strip()]


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _cells(row: list[str], index: int) -> list[str]:
    if index >= len(row):
        return []
    return [cell.strip() for cell in row[index].split(";") if cell.strip()]


def _spanning_firsts(forms: dict[str, list[Entry]]) -> frozenset[str]:
    """First words of forms with a lower-case word inside, or of the workspace's forms."""
    firsts = set()
    for form, entries in forms.items():
        words = form.split()
        if entries[0].workspace or any(w[:1].islower() for w in words[1:]):
            firsts.add(words[0])
    return frozenset(firsts)


def _lowercase_starts(forms: dict[str, list[Entry]]) -> frozenset[str]:
    return frozenset(form.split()[0] for form in forms if form[:1].islower())


@lru_cache(maxsize=1)
def builtin() -> Gazetteer:
    """The gazetteer shipped with Annalist (read once)."""
    gazetteer = Gazetteer()
    for row in _rows(RESOURCES / "states.tsv"):
        name = row[0].strip()
        entry = Entry(name, "state")
        gazetteer.add(name, entry)
        for alias in _cells(row, 1):
            gazetteer.add(alias, entry)
        for adjective in _cells(row, 2):
            gazetteer.add(adjective, Entry(name, "state", "adjective"))
        for people in _cells(row, 3):
            gazetteer.add(people, Entry(name, "state", "people"))
        for capital in _cells(row, 4):
            city = capital.split(",")[0].strip()
            gazetteer.add(capital, Entry(city, "place", "capital", state=name))
    for row in _rows(RESOURCES / "organisations.tsv"):
        name, kind = row[0].strip(), (row[1].strip() if len(row) > 1 else "organisation")
        entry = Entry(name, kind if kind in KINDS else "organisation")
        gazetteer.add(name, entry)
        for alias in _cells(row, 2):
            gazetteer.add(alias, entry)
    for row in _rows(RESOURCES / "places.tsv"):
        name = row[0].strip()
        entry = Entry(name, "place")
        # A place never overrides a state or organisation of the same spelling.
        if gazetteer.lookup(name) is None:
            gazetteer.add(name, entry)
        for alias in _cells(row, 1):
            if gazetteer.lookup(alias) is None:
                gazetteer.add(alias, entry)
    for row in _rows(RESOURCES / "people.tsv"):
        name = row[0].strip()
        entry = Entry(name, "person")
        gazetteer.add(name, entry)
        for alias in _cells(row, 1):
            gazetteer.add(alias, entry)
        gazetteer.titles[name] = set(_cells(row, 2))
        tokens = name.replace(" Jr.", "").split()
        if len(tokens) > 1:
            gazetteer.surnames.setdefault(tokens[-1], []).append(entry)
    names = (RESOURCES / "given_names.txt").read_text(encoding="utf-8").split()
    given = [n for n in names if not n.startswith("#") and n[:1].isupper()]
    gazetteer.given_names = frozenset(given) | frozenset(fold(n) for n in given)
    words = (RESOURCES / "common_words.txt").read_text(encoding="utf-8").split()
    gazetteer.common_words = frozenset(w for w in words if w.isalpha() or "'" in w)
    gazetteer.lowercase_starts = _lowercase_starts(gazetteer.forms)
    gazetteer.spanning_firsts = _spanning_firsts(gazetteer.forms)
    return gazetteer
