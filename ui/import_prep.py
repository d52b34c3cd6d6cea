"""Preparing an article for review, off the GUI thread: no Qt here.

:func:`prepare` takes an :class:`ingest.Article` and a (read-only) workspace connection and
returns a :class:`Prepared`: the extraction (``Extraction.to_dict()``, the documented
contract), one :class:`Proposal` per proposed event with the workspace events it may
duplicate, whether the article is already in the workspace, and the names the actor
editor completes. :func:`reextract` does it again for a new publication date, keeping what
the analyst already changed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import ingest
from models import dates, intake, queries, schema
from models.store import Workspace

CREDIBILITY = schema.CREDIBILITY_MEANING
RELIABILITY = schema.RELIABILITY_MEANING


@dataclass
class Proposal:
    """One proposed event as the analyst reviews it.

    ``edited`` names the fields the analyst changed (``title``, ``when``, ``actors``), which a
    new extraction (another publication date) must not overwrite. ``manual`` proposals were
    added by the analyst from a text selection.
    """

    title: str
    when: str
    actors: list[str]
    quote: str
    start: int
    end: int
    ticked: bool = True
    credibility: int | None = None
    merge_into: int | None = None
    similar: list[intake.SimilarEvent] = field(default_factory=list)
    edited: set[str] = field(default_factory=set)
    manual: bool = False

    @property
    def human_when(self) -> str:
        return dates.human(self.when)

    def merge_target(self) -> intake.SimilarEvent | None:
        return next((s for s in self.similar if s.id == self.merge_into), None)

    def to_event(self, kinds: Mapping[str, str]) -> dict:
        """The event mapping :func:`models.intake.import_article` takes."""
        event = {
            "quote": self.quote,
            "char_start": self.start,
            "char_end": self.end,
            "credibility": self.credibility,
        }
        if self.merge_into is not None:
            return {**event, "merge_into": self.merge_into}
        return {
            **event,
            "title": self.title,
            "when": self.when,
            "actors": [{"name": n, "kind": kinds.get(n, "other")} for n in self.actors],
        }


@dataclass
class Duplicate:
    """The source already holding this article."""

    source_id: int
    title: str
    imported_at: str

    @property
    def imported_on(self) -> str:
        """The import day, as people write it ("14 Nov 2024")."""
        return dates.human(self.imported_at[:10]) if self.imported_at else "an earlier day"


@dataclass
class Prepared:
    """An article read, checked against the workspace and run through extraction."""

    label: str
    article: ingest.Article
    found: dict
    anchor: str | None
    proposals: list[Proposal]
    duplicate: Duplicate | None = None
    known_names: list[str] = field(default_factory=list)
    workspace_actors: list = field(default_factory=list)
    reliability: str = ""
    extract_seconds: float = 0.0

    @property
    def kinds(self) -> dict[str, str]:
        """Actor kinds by name: the extraction's, for actors the store will create."""
        return {a["name"]: a.get("kind") or "other" for a in self.found.get("actors", ())}

    def is_new_actor(self, name: str) -> bool:
        lowered = {n.casefold() for n in self.known_names}
        return name.casefold() not in lowered


def source_values(
    prepared: Prepared,
    *,
    title: str | None = None,
    anchor: str | None | bool = True,
    reliability: str | None = None,
) -> dict:
    """The source :func:`models.intake.import_article` takes for a prepared article.

    ``anchor`` is the publication day the analyst settled on (``True``: as prepared); the
    article's own timestamp is kept when it falls on that day.
    """
    article = prepared.article
    anchor = prepared.anchor if anchor is True else anchor
    published = article.published or ""
    if not anchor:
        published = ""
    elif anchor_day(published) != anchor:
        published = anchor
    return {
        "title": (title or "").strip() or article.title or label_stem(prepared.label),
        "text": article.text,
        "author": article.author or "",
        "publisher": article.publisher or "",
        "url": article.url or "",
        "published": published[:25],
        "file_name": article.file_name or "",
        "kind": article.kind,
        "reliability": prepared.reliability if reliability is None else reliability,
    }


def label_stem(label: str) -> str:
    """A file name without its extension, for an article without a title."""
    return label.rsplit(".", 1)[0] if "." in label[1:] else label


def anchor_day(published: str | None) -> str | None:
    """``YYYY-MM-DD`` of a publication date (date or ISO datetime), or ``None``."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10]).isoformat()
    except ValueError:
        return None


def parse_publication_date(text: str) -> str:
    """A publication date typed by the analyst as ``YYYY-MM-DD``; raises DateError.

    People's forms are accepted ("14 November 2024", "Nov 14, 2024"); the date must name
    a day, because relative dates ("yesterday") are counted from it.
    """
    parsed = dates.parse_loose(text)
    if parsed.interval or parsed.start.day is None or parsed.start.qualifier:
        raise dates.DateError(
            f"'{text.strip()}' is not a single day; the publication date needs a day, "
            f"e.g. 2024-11-14, so that 'yesterday' and 'last week' can be dated."
        )
    return parsed.start.edtf()[:10]


def prepare(
    ws: Workspace,
    article: ingest.Article,
    label: str,
    published: str | None = None,
) -> Prepared:
    """Everything the review dialog needs about ``article`` (see the module docstring).

    ``published`` is the fallback publication date when the article carries none.
    """
    duplicate = None
    existing = queries.find_source_by_text(ws, article.text, article.title)
    if existing is not None:
        duplicate = Duplicate(
            existing.id, existing.title or existing.file_name or "untitled", existing.imported_at
        )
    actors = intake.workspace_actors(ws)
    known = sorted({name for actor in actors for name in actor.names}, key=str.casefold)
    anchor = anchor_day(article.published) or anchor_day(published)
    found, proposals, seconds = _extract(ws, article.text, anchor, actors)
    return Prepared(
        label=label,
        article=article,
        found=found,
        anchor=anchor,
        proposals=proposals,
        duplicate=duplicate,
        known_names=known,
        workspace_actors=actors,
        reliability=intake.suggested_reliability(ws, article.publisher),
        extract_seconds=seconds,
    )


def reextract(
    ws: Workspace, prepared: Prepared, anchor: str | None, current: Sequence[Proposal]
) -> tuple[dict, list[Proposal]]:
    """Extraction again with another publication date; the analyst's changes carry over."""
    found, proposals, _ = _extract(ws, prepared.article.text, anchor, prepared.workspace_actors)
    return found, carry_edits(current, proposals)


def _extract(ws: Workspace, text: str, anchor: str | None, actors) -> tuple[dict, list, float]:
    started = time.perf_counter()
    found = ingest.extract(text, published=anchor, actors=actors).to_dict()
    seconds = time.perf_counter() - started
    proposals = []
    for event in intake.events_from_extraction(found):
        names = [a["name"] for a in event["actors"]]
        proposals.append(
            Proposal(
                title=event["title"],
                when=event["when"],
                actors=names,
                quote=event["quote"],
                start=event["char_start"],
                end=event["char_end"],
                similar=intake.similar_events(ws, event["when"], event["title"], names),
            )
        )
    return found, proposals, seconds


def carry_edits(old: Iterable[Proposal], new: list[Proposal]) -> list[Proposal]:
    """``new`` proposals with the analyst's ticks, grades, merges and edits from ``old``.

    A proposal is the same when it quotes the same span (the n-th of those quoting it, as
    one sentence may hold two events). Fields the analyst edited keep their values; the
    rest (a re-resolved date) come from the new extraction. Proposals the analyst added by
    hand stay.
    """
    old = list(old)
    by_key = dict(
        zip(
            _span_keys(p for p in old if not p.manual),
            (p for p in old if not p.manual),
            strict=True,
        )
    )
    result = []
    for key, proposal in zip(_span_keys(new), new, strict=True):
        before = by_key.get(key)
        if before is not None:
            changes = {
                "ticked": before.ticked,
                "credibility": before.credibility,
                "edited": set(before.edited),
            }
            for name in before.edited:
                changes[name] = getattr(before, name)
            if before.merge_into is not None and any(
                s.id == before.merge_into for s in proposal.similar
            ):
                changes["merge_into"] = before.merge_into
            proposal = replace(proposal, **changes)
        result.append(proposal)
    result.extend(p for p in old if p.manual)
    result.sort(key=lambda p: (p.start, p.end))
    return result


def _span_keys(proposals: Iterable[Proposal]) -> list[tuple[int, int, int]]:
    seen: dict[tuple[int, int], int] = {}
    keys = []
    for proposal in proposals:
        span = (proposal.start, proposal.end)
        seen[span] = seen.get(span, -1) + 1
        keys.append((*span, seen[span]))
    return keys


def manual_proposal(ws: Workspace | None, found: Mapping, start: int, end: int) -> Proposal:
    """A proposal the analyst makes from ``text[start:end]``: the first date and the actors
    the extraction found inside it; the title is the selection's first words."""
    text = found["text"]
    quote = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    start += lead
    end = start + len(quote)
    when = ""
    for timex in found.get("timexes", ()):
        if start <= timex["start"] and timex["end"] <= end and timex["type"] in ("DATE", "TIME"):
            try:
                when = dates.parse(timex["value"]).edtf()
                break
            except dates.DateError:
                continue
    actors = [
        a["name"]
        for a in found.get("actors", ())
        if any(start <= s and e <= end for s, e in a.get("mentions", ()))
    ]
    words = quote.split()
    title = " ".join(words[:10]).rstrip(".,;:") + ("…" if len(words) > 10 else "")
    similar = intake.similar_events(ws, when, title, actors) if ws is not None and when else []
    return Proposal(
        title=title,
        when=when,
        actors=actors,
        quote=quote,
        start=start,
        end=end,
        similar=similar,
        manual=True,
        edited={"title", "when", "actors"},
    )
