"""Storing an imported article: its source, the accepted events, actor links and quotes.

One operation, one transaction, one Change (so accepting twelve proposals is one undo step
in the app, and ``python main.py import`` does exactly the same).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from models import dates
from models.changes import Change
from models.errors import ValidationError
from models.operations import _insert_link, _refuse_duplicate_source, _set_actors, now
from models.store import Workspace
from models.validate import clean_kind, event_values, source_values


def import_article(
    ws: Workspace,
    source: Mapping,
    events: Sequence[Mapping] = (),
    *,
    label: str | None = None,
) -> Change:
    """Store an article as a source and the accepted events drawn from it.

    ``source`` holds source fields (title, text, author, publisher, url, published,
    file_name, kind, reliability). Each event holds ``title``, ``when`` and optionally
    ``description``, ``location``, ``confidence``, ``tags``, ``actors`` — a list of names,
    ``(name, role)`` pairs or ``{"name", "kind", "role"}`` mappings; unknown names become new
    actors, known names and aliases link to the workspace's actor — and the quote it rests
    on: ``quote``, ``char_start``, ``char_end``, ``credibility`` (1–6), or
    ``merge_into``: the id of an existing event this proposal duplicates (the quote is then
    cited for that event instead of creating a new one).

    The same article imported twice is refused (DuplicateError says when it came in).
    """
    checked_source = source_values(dict(source))
    prepared = []
    for proposal in events:
        proposal = dict(proposal)
        merge_into = proposal.pop("merge_into", None)
        actors = [_actor_spec(a) for a in proposal.pop("actors", ()) or ()]
        link = {
            k: proposal.pop(k)
            for k in ("quote", "char_start", "char_end", "credibility")
            if k in proposal
        }
        values = event_values(proposal) if merge_into is None else {}
        if merge_into is None and ("title" not in values or "when" not in values):
            raise ValidationError("Each accepted event needs a title and a date.")
        prepared.append((values, actors, link, merge_into))
    stamp = now()
    with ws.write() as rec:
        _refuse_duplicate_source(rec, checked_source)
        source_id = rec.insert("sources", {**checked_source, "imported_at": stamp})
        for values, actors, link, merge_into in prepared:
            if merge_into is None:
                event_id = rec.insert("events", {**values, "created": stamp, "updated": stamp})
                _set_actors(
                    rec, event_id, [(_actor_id(rec, spec, stamp), spec[2]) for spec in actors]
                )
            else:
                event_id = int(merge_into)
                if rec.row("events", event_id) is None:
                    raise ValidationError(
                        f"Event {event_id} to merge into is no longer in the workspace."
                    )
            _insert_link(rec, event_id, {"source_id": source_id, **link})
        title = checked_source.get("title") or checked_source.get("file_name") or "article"
        count = sum(1 for item in prepared if item[3] is None)
        default = f"Import '{title}'" + (
            f" with {count} event{'s' if count != 1 else ''}" if count else ""
        )
        change = rec.change(label or default)
    return change


def _actor_spec(item) -> tuple[str, str, str]:
    """(name, kind, role) from a name, a (name, role) pair or a mapping."""
    if isinstance(item, str):
        return (" ".join(item.split()), "other", "")
    if isinstance(item, Mapping):
        return (
            " ".join(str(item.get("name", "")).split()),
            clean_kind(item.get("kind")),
            str(item.get("role") or ""),
        )
    name, role = item[0], item[1] if len(item) > 1 else ""
    return (" ".join(str(name).split()), "other", str(role or ""))


def _actor_id(rec, spec: tuple[str, str, str], stamp: str) -> int:
    name, kind, _role = spec
    if not name:
        raise ValidationError("An actor on an accepted event has no name.")
    row = rec.conn.execute(
        "SELECT id FROM actors WHERE name = ? COLLATE NOCASE", (name,)
    ).fetchone()
    if row is None:
        row = rec.conn.execute(
            "SELECT a.id FROM actors a, json_each(a.aliases) j WHERE j.value = ? COLLATE NOCASE LIMIT 1",
            (name,),
        ).fetchone()
    if row is not None:
        return row[0]
    return rec.insert(
        "actors",
        {"name": name, "kind": kind, "aliases": json.dumps([]), "created": stamp, "updated": stamp},
    )


# ------------------------------------------------------------------ proposals from extraction


def events_from_extraction(found: Mapping) -> list[dict]:
    """The events :func:`import_article` takes, one per proposal of an extraction.

    ``found`` is ``Extraction.to_dict()`` (the documented contract: ``events`` with ``date``,
    ``title``, ``sentence``, ``start``, ``end``, ``actors``; ``actors`` with ``name`` and
    ``kind``). Actor kinds come from the extraction so new actors are created with them.
    """
    kinds = {actor["name"]: actor.get("kind") or "other" for actor in found.get("actors", ())}
    return [
        {
            "title": proposal["title"],
            "when": proposal["date"],
            "actors": [{"name": n, "kind": kinds.get(n, "other")} for n in proposal["actors"]],
            "quote": proposal["sentence"],
            "char_start": proposal["start"],
            "char_end": proposal["end"],
        }
        for proposal in found.get("events", ())
    ]


@dataclass
class SimilarEvent:
    """An event already in the workspace that a proposal may duplicate."""

    id: int
    title: str
    when: str
    actors: list[str]
    score: float

    @property
    def human_when(self) -> str:
        return dates.human(self.when)


_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "it",
        "this",
        "that",
        "after",
        "before",
        "over",
        "into",
        "near",
        "says",
        "said",
        "say",
        "amid",
        "new",
    ]
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def title_words(title: str) -> set[str]:
    """The content words of a title, lower-cased and crudely stemmed, for comparing titles."""
    return {
        _stem(w) for w in (m.lower() for m in _WORD.findall(title or "")) if w not in _STOPWORDS
    }


def similar_events(
    ws: Workspace,
    when: str,
    title: str,
    actors: Sequence[str] = (),
    *,
    limit: int = 3,
    scan: int = 500,
) -> list[SimilarEvent]:
    """Events that look like the same happening: overlapping dates and a similar title, or
    mostly the same actors (two or more). Best first; at most ``limit``.

    A day-precision date is widened by a day each side (reports lag the event and time
    zones shift it). Candidates are the events in that window (and, in a busy window, those
    sharing an actor), at most ``scan`` of each, scored by title words and actor overlap.
    """
    from models import queries, search

    try:
        parsed = dates.parse(when)
    except dates.DateError:
        return []
    slack = 86400 if parsed.precision in ("day", "minute", "second") else 0
    start, end = parsed.earliest - slack, parsed.latest + slack
    actor_ids = set()
    for name in actors:
        actor = queries.find_actor(ws, name)
        if actor is not None:
            actor_ids.add(actor.id)
    ids = search.filtered_ids(ws, search.EventFilter(start=start, end=end), limit=scan)
    if actor_ids and len(ids) >= scan:
        extra = search.EventFilter(start=start, end=end, actor_ids=tuple(sorted(actor_ids)))
        ids = list(dict.fromkeys(ids + search.filtered_ids(ws, extra, limit=scan)))
    if not ids:
        return []
    words = title_words(title)
    rows = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        rows += ws.conn.execute(
            f'SELECT id, title, "when", earliest, latest FROM events '
            f"WHERE id IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
    their_ids: dict[int, set[int]] = {}
    if actor_ids:
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for event_id, actor_id in ws.conn.execute(
                f"SELECT event_id, actor_id FROM event_actors "
                f"WHERE event_id IN ({','.join('?' * len(part))})",
                part,
            ):
                their_ids.setdefault(event_id, set()).add(actor_id)
    scored = []
    for event_id, event_title, event_when, earliest, latest in rows:
        theirs = title_words(event_title)
        title_score = (
            2 * len(words & theirs) / (len(words) + len(theirs)) if words and theirs else 0.0
        )
        parties = their_ids.get(event_id, set())
        union = actor_ids | parties
        actor_score = len(actor_ids & parties) / len(union) if union and actor_ids else 0.0
        shared = len(actor_ids & parties)
        if not (
            title_score >= 0.34
            or (actor_score >= 0.5 and title_score >= 0.2)
            or (shared >= 2 and actor_score >= 0.6 and _overlap(earliest, latest, parsed))
        ):  # the last: mostly the same parties within the very dates (no slack)
            continue
        score = (
            0.65 * title_score + 0.35 * actor_score + (0.1 if event_when == parsed.edtf() else 0)
        )
        scored.append((round(score, 3), event_id, event_title, event_when))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[:limit]
    names = queries.event_actor_names(ws, [item[1] for item in best])
    return [
        SimilarEvent(event_id, event_title, event_when, names.get(event_id, []), score)
        for score, event_id, event_title, event_when in best
    ]


def _overlap(earliest: int, latest: int, parsed: dates.When) -> bool:
    """The event falls within the proposal's dates and is not much longer (a months-long
    campaign is not a duplicate of one day in it)."""
    longer = (latest - earliest) - (parsed.latest - parsed.earliest)
    return earliest <= parsed.latest and latest >= parsed.earliest and longer < 2 * 86400


def workspace_actors(ws: Workspace) -> list:
    """Every actor with its kind and aliases (no event counts: cheap in a big workspace),
    for matching names in an article before the built-in gazetteer."""
    from models import queries

    return [
        queries.Actor(row[0], row[1], row[2], json.loads(row[3] or "[]"))
        for row in ws.conn.execute(
            "SELECT id, name, kind, aliases FROM actors ORDER BY name COLLATE NOCASE"
        )
    ]


def suggested_reliability(ws: Workspace, publisher: str | None) -> str:
    """The reliability (A–F) last given to a source from the same publisher, or ""."""
    if not publisher:
        return ""
    row = ws.conn.execute(
        "SELECT reliability FROM sources WHERE publisher = ? COLLATE NOCASE AND reliability <> '' "
        "ORDER BY id DESC LIMIT 1",
        (publisher.strip(),),
    ).fetchone()
    return row[0] if row else ""
