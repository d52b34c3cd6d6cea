"""Storing an imported article: its source, the accepted events, actor links and quotes.

One operation, one transaction, one Change (so accepting twelve proposals is one undo step
in the app, and ``python main.py import`` does exactly the same).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

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
