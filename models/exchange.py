"""Exchanging workspaces: JSON (lossless), events as CSV, TimelineJS JSON; loading them back.

``export(ws, fmt, path)`` writes atomically (a temporary file renamed into place).
``load(ws, path)`` reads a JSON or CSV made by ``export`` or an ACLED-style CSV. Everything
is checked before anything is written, then written in one transaction: the workspace ends
fully updated or exactly as it was. Loading into an empty workspace keeps the file's ids,
so export -> load -> export gives the same file.

JSON layout (one object)::

    {"format": "annalist", "version": 1, "meta": {...},
     "actors":  [{"id", "name", "kind", "aliases", "country", "colour", "notes", "created", "updated"}],
     "sources": [{"id", "title", "author", "publisher", "url", "published", "imported_at",
                  "text", "file_name", "kind", "reliability", "notes"}],
     "events":  [{"id", "when", "title", "description", "location", "confidence", "tags", "ref",
                  "created", "updated", "actors": [{"actor": id, "role"}],
                  "sources": [{"source": id, "quote", "start", "end", "credibility"}]}],
     "periods": [{"id", "name", "when", "colour", "notes"}],
     "briefings": [{"id", "name", "definition", "created", "updated"}]}
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models import dates, schema
from models.errors import InputError
from models.operations import now
from models.store import Workspace
from models.text import normalise, sha256_of
from models.validate import (
    clean_colour,
    clean_confidence,
    clean_credibility,
    clean_kind,
    clean_names,
    clean_reliability,
    clean_tags,
    clean_title,
)

FORMAT = "annalist"
VERSION = 1

ACTOR_KEYS = ("id", "name", "kind", "aliases", "country", "colour", "notes", "created", "updated")
SOURCE_KEYS = (
    "id",
    "title",
    "author",
    "publisher",
    "url",
    "published",
    "imported_at",
    "text",
    "file_name",
    "kind",
    "reliability",
    "notes",
)
EVENT_KEYS = (
    "id",
    "when",
    "title",
    "description",
    "location",
    "confidence",
    "tags",
    "ref",
    "created",
    "updated",
    "actors",
    "sources",
)
PERIOD_KEYS = ("id", "name", "when", "colour", "notes")
BRIEFING_KEYS = ("id", "name", "definition", "created", "updated")
TOP_KEYS = ("format", "version", "meta", "actors", "sources", "events", "periods", "briefings")


# ====================================================================== export


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike, newline: str | None = None) -> Iterator:
    """Open ``path`` for writing text via a temporary file that replaces it only on success."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write to.")
    if not path.parent.exists():
        raise InputError(f"The folder {path.parent} does not exist; choose another place to save.")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(temporary, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.replace(temporary, path)
    except PermissionError:
        raise InputError(
            f"Cannot write {path.name}: permission denied; choose another place to save."
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def export(ws: Workspace, fmt: str, path: str | os.PathLike) -> Path:
    """Write the workspace to ``path`` as ``json``, ``csv`` (events) or ``timelinejs``."""
    writers = {"json": write_json, "csv": _csv().write_csv, "timelinejs": write_timelinejs}
    if fmt not in writers:
        raise InputError(f"'{fmt}' is not an export format; use json, csv or timelinejs.")
    writers[fmt](ws, path)
    return Path(path)


def _csv():
    from models import csvio

    return csvio


def _rows(ws: Workspace, sql: str, params=()) -> Iterator[dict]:
    cursor = ws.conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def actor_records(ws: Workspace) -> list[dict]:
    records = []
    for row in _rows(ws, "SELECT * FROM actors ORDER BY id"):
        record = {k: row[k] for k in ACTOR_KEYS}
        record["aliases"] = json.loads(row["aliases"])
        records.append(record)
    return records


def source_records(ws: Workspace) -> list[dict]:
    return [
        {k: row[k] for k in SOURCE_KEYS} for row in _rows(ws, "SELECT * FROM sources ORDER BY id")
    ]


def event_records(ws: Workspace) -> Iterator[dict]:
    """Every event as its JSON record, by id, with actor and source links (streamed)."""
    actor_links: dict[int, list] = {}
    for event_id, actor_id, role in ws.conn.execute(
        "SELECT event_id, actor_id, role FROM event_actors ORDER BY id"
    ):
        actor_links.setdefault(event_id, []).append({"actor": actor_id, "role": role})
    source_links: dict[int, list] = {}
    for row in _rows(ws, "SELECT * FROM event_sources ORDER BY id"):
        source_links.setdefault(row["event_id"], []).append(
            {
                "source": row["source_id"],
                "quote": row["quote"],
                "start": row["char_start"],
                "end": row["char_end"],
                "credibility": row["credibility"],
            }
        )
    for row in _rows(ws, "SELECT * FROM events ORDER BY id"):
        yield {
            "id": row["id"],
            "when": row["when"],
            "title": row["title"],
            "description": row["description"],
            "location": row["location"],
            "confidence": schema.CONFIDENCE.get(row["confidence"]),
            "tags": json.loads(row["tags"]),
            "ref": row["ref"],
            "created": row["created"],
            "updated": row["updated"],
            "actors": actor_links.get(row["id"], []),
            "sources": source_links.get(row["id"], []),
        }


def write_json(ws: Workspace, path: str | os.PathLike) -> None:
    """The lossless JSON export (streamed, so a million events do not sit in memory twice)."""
    meta = dict(ws.conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall())
    periods = [
        {k: r[k] for k in PERIOD_KEYS} for r in _rows(ws, "SELECT * FROM periods ORDER BY id")
    ]
    briefings = []
    for row in _rows(ws, "SELECT * FROM briefings ORDER BY id"):
        record = {k: row[k] for k in BRIEFING_KEYS}
        record["definition"] = json.loads(row["definition"])
        briefings.append(record)

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=False)

    with atomic_text(path) as out:
        out.write(f'{{"format": "{FORMAT}", "version": {VERSION},\n "meta": {dump(meta)},\n')
        for key, records in (
            ("actors", actor_records(ws)),
            ("sources", source_records(ws)),
            ("events", event_records(ws)),
            ("periods", periods),
            ("briefings", briefings),
        ):
            out.write(f' "{key}": [')
            for index, record in enumerate(records):
                out.write(("\n  " if index == 0 else ",\n  ") + dump(record))
            out.write("\n ]" + ("\n}\n" if key == "briefings" else ",\n"))


def write_timelinejs(ws: Workspace, path: str | os.PathLike) -> None:
    """TimelineJS 3 JSON: events with start/end dates at their precision, actors as groups."""
    names = dict(ws.conn.execute("SELECT id, name FROM actors").fetchall())
    first_actor = {}
    for event_id, actor_id in ws.conn.execute(
        "SELECT event_id, actor_id FROM event_actors ORDER BY id"
    ):
        first_actor.setdefault(event_id, names.get(actor_id, ""))
    events = []
    for row in _rows(ws, 'SELECT id, "when", title, description FROM events ORDER BY earliest, id'):
        when = dates.parse(row["when"])
        item = {
            "unique_id": f"event-{row['id']}",
            "text": {"headline": row["title"], "text": row["description"]},
            "display_date": when.human(),
        }
        start = when.start if when.start is not None else when.end
        item["start_date"] = _tljs_date(start)
        if when.interval and when.end is not None and when.start is not None:
            item["end_date"] = _tljs_date(when.end)
        if first_actor.get(row["id"]):
            item["group"] = first_actor[row["id"]]
        events.append(item)
    eras = []
    for row in _rows(ws, 'SELECT name, "when" FROM periods ORDER BY earliest'):
        when = dates.parse(row["when"])
        if when.start is not None and when.end is not None:
            eras.append(
                {
                    "start_date": _tljs_date(when.start),
                    "end_date": _tljs_date(when.end),
                    "text": {"headline": row["name"]},
                }
            )
    title = ws.meta("title") or ws.path.stem
    document = {"title": {"text": {"headline": title, "text": ""}}, "events": events}
    if eras:
        document["eras"] = eras
    with atomic_text(path) as out:
        json.dump(document, out, ensure_ascii=False, indent=1)


def _tljs_date(point: dates.Point) -> dict:
    result = {"year": point.year}
    for key in ("month", "day", "hour", "minute", "second"):
        value = getattr(point, key)
        if value is not None:
            result[key] = value
    return result


# ====================================================================== load


@dataclass
class LoadReport:
    file: str
    events_added: int = 0
    events_skipped: int = 0
    actors_added: int = 0
    sources_added: int = 0
    periods_added: int = 0
    briefings_added: int = 0
    notes: list[str] = field(default_factory=list)

    def sentence(self) -> str:
        parts = [f"{self.events_added:,} event{'s' if self.events_added != 1 else ''}"]
        if self.actors_added:
            parts.append(f"{self.actors_added:,} new actor{'s' if self.actors_added != 1 else ''}")
        if self.sources_added:
            parts.append(f"{self.sources_added:,} source{'s' if self.sources_added != 1 else ''}")
        if self.periods_added:
            parts.append(f"{self.periods_added:,} period{'s' if self.periods_added != 1 else ''}")
        if self.briefings_added:
            parts.append(
                f"{self.briefings_added:,} briefing definition{'s' if self.briefings_added != 1 else ''}"
            )
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        text = f"Loaded {listed} from {self.file}"
        if self.events_skipped:
            text += f" ({self.events_skipped:,} already in the workspace, skipped)"
        return text + "."


@dataclass
class Bundle:
    """A checked, normalised load: records ready to write, references by file-local ids."""

    actors: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    periods: list[dict] = field(default_factory=list)
    briefings: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


def load(ws: Workspace, path: str | os.PathLike, encoding: str | None = None) -> LoadReport:
    """Load a JSON or CSV made by export, or an ACLED-style CSV, into ``ws`` (all or nothing)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"There is no file {path}; check the name.")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the JSON or CSV file to load.")
    suffix = path.suffix.lower()
    if suffix == ".json":
        bundle = read_json(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        bundle = _csv().read_csv(path, encoding=encoding)
    else:
        raise InputError(
            f"{path.name} is not a file Annalist can load; use a .json or .csv made by export, "
            "or an ACLED .csv."
        )
    return write_bundle(ws, bundle, path.name)


def load_json(ws: Workspace, path: str | os.PathLike) -> LoadReport:
    path = Path(path)
    return write_bundle(ws, read_json(path), path.name)


def read_json(path: Path) -> Bundle:
    """Parse and check an Annalist JSON export; raise InputError naming the first problem."""
    name = path.name
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} is not UTF-8 text (byte {error.start}); JSON must be UTF-8 — save it again as UTF-8."
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name} is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "fix the file or export it again."
        ) from None
    if not isinstance(data, dict) or "events" not in data:
        raise InputError(
            f'{name} is not an Annalist export: it needs one object with an "events" list '
            '(each event with "when" and "title").'
        )
    if data.get("format", FORMAT) != FORMAT or not isinstance(data.get("version", 1), int):
        raise InputError(f"{name} is not an Annalist export (format is {data.get('format')!r}).")
    if data.get("version", 1) > VERSION:
        raise InputError(
            f"{name} was exported by a newer Annalist (version {data['version']}); update Annalist to load it."
        )
    _unknown(name, "the file", data, TOP_KEYS)
    bundle = Bundle(meta=_check_meta(name, data.get("meta", {})))
    actor_ids = _check_actors(name, _list(name, data, "actors"), bundle)
    source_ids = _check_sources(name, _list(name, data, "sources"), bundle)
    _check_events(name, _list(name, data, "events"), bundle, actor_ids, source_ids)
    _check_periods(name, _list(name, data, "periods"), bundle)
    _check_briefings(name, _list(name, data, "briefings"), bundle)
    return bundle


def _list(name: str, data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f'In {name}, "{key}" must be a list.')
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise InputError(f"In {name}, {key} item {index} is not an object.")
    return value


def _unknown(name: str, where: str, record: dict, allowed) -> None:
    extra = [k for k in record if k not in allowed]
    if extra:
        raise InputError(
            f'In {name}, {where} has a field "{extra[0]}" that Annalist does not know '
            f"(expected {', '.join(allowed)}); fix or remove it."
        )


def _where(kind: str, index: int, record: dict) -> str:
    label = record.get("title") or record.get("name")
    return f"{kind} {index}" + (f" ('{label}')" if isinstance(label, str) and label else "")


def _check(name: str, where: str, function, value):
    """Run a cleaner; prefix its message with where the bad value is."""
    try:
        return function(value)
    except InputError as error:
        raise InputError(f"In {name}, {where}: {_lower_first(str(error))}") from None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _int_id(name: str, where: str, value, seen: set) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(
            f"In {name}, {where} has id {value!r}; ids must be positive whole numbers."
        )
    if value in seen:
        raise InputError(f"In {name}, {where} repeats id {value}; each id may appear once.")
    seen.add(value)
    return value


def _text(value) -> str:
    return "" if value is None else str(value)


def _check_meta(name: str, meta) -> dict:
    if not isinstance(meta, dict):
        raise InputError(f'In {name}, "meta" must be an object.')
    return {str(k): _text(v) for k, v in meta.items()}


def _check_actors(name: str, records: list, bundle: Bundle) -> set:
    ids: set = set()
    names: dict[str, int] = {}
    for index, record in enumerate(records, 1):
        where = _where("actor", index, record)
        _unknown(name, where, record, ACTOR_KEYS)
        actor_name = " ".join(_text(record.get("name")).split())
        if not actor_name:
            raise InputError(f"In {name}, actor {index} has no name; every actor needs one.")
        key = actor_name.lower()
        if key in names:
            raise InputError(
                f"In {name}, actor '{actor_name}' appears twice (items {names[key]} and {index}); merge them into one."
            )
        names[key] = index
        bundle.actors.append(
            {
                "id": _int_id(name, where, record.get("id"), ids),
                "name": actor_name,
                "kind": _check(name, where, clean_kind, record.get("kind")),
                "aliases": _check(name, where, clean_names, record.get("aliases") or []),
                "country": _text(record.get("country")),
                "colour": _check(name, where, clean_colour, record.get("colour")),
                "notes": _text(record.get("notes")),
                "created": _text(record.get("created")) or now(),
                "updated": _text(record.get("updated")) or now(),
            }
        )
    return ids


def _check_sources(name: str, records: list, bundle: Bundle) -> set:
    ids: set = set()
    for index, record in enumerate(records, 1):
        where = _where("source", index, record)
        _unknown(name, where, record, SOURCE_KEYS + ("sha256",))
        source = {k: _text(record.get(k)) for k in SOURCE_KEYS if k not in ("id",)}
        source["id"] = _int_id(name, where, record.get("id"), ids)
        source["reliability"] = _check(name, where, clean_reliability, record.get("reliability"))
        source["imported_at"] = source["imported_at"] or now()
        source["sha256"] = (
            sha256_of(source["text"], source["title"]) if normalise(source["text"]) else None
        )
        bundle.sources.append(source)
    return ids


def _check_events(
    name: str, records: list, bundle: Bundle, actor_ids: set, source_ids: set
) -> None:
    ids: set = set()
    for index, record in enumerate(records, 1):
        where = _where("event", index, record)
        _unknown(name, where, record, EVENT_KEYS)
        if "when" not in record or "title" not in record:
            raise InputError(f'In {name}, {where} needs both "when" and "title".')
        when = _check(name, where, dates.parse, _text(record.get("when")))
        actors = []
        for link in record.get("actors") or []:
            ref = link.get("actor") if isinstance(link, dict) else link
            if ref not in actor_ids:
                raise InputError(
                    f"In {name}, {where} names actor {ref!r}, which is not in the file's actors."
                )
            actors.append((ref, _text(link.get("role")) if isinstance(link, dict) else ""))
        sources = []
        for link in record.get("sources") or []:
            if not isinstance(link, dict) or link.get("source") not in source_ids:
                ref = link.get("source") if isinstance(link, dict) else link
                raise InputError(
                    f"In {name}, {where} cites source {ref!r}, which is not in the file's sources."
                )
            sources.append(
                {
                    "source": link["source"],
                    "quote": _text(link.get("quote")),
                    "start": link.get("start"),
                    "end": link.get("end"),
                    "credibility": _check(name, where, clean_credibility, link.get("credibility")),
                }
            )
        bundle.events.append(
            {
                "id": _int_id(name, where, record.get("id"), ids),
                "title": _check(name, where, clean_title, record.get("title")),
                "description": _text(record.get("description")),
                "when": when.edtf(),
                "earliest": when.earliest,
                "latest": when.latest,
                "location": _text(record.get("location")),
                "confidence": _check(name, where, clean_confidence, record.get("confidence")),
                "tags": _check(name, where, clean_tags, record.get("tags") or []),
                "ref": _text(record.get("ref")),
                "created": _text(record.get("created")) or now(),
                "updated": _text(record.get("updated")) or now(),
                "actors": actors,
                "sources": sources,
            }
        )


def _check_periods(name: str, records: list, bundle: Bundle) -> None:
    ids: set = set()
    for index, record in enumerate(records, 1):
        where = _where("period", index, record)
        _unknown(name, where, record, PERIOD_KEYS)
        when = _check(name, where, dates.parse, _text(record.get("when")))
        bundle.periods.append(
            {
                "id": _int_id(name, where, record.get("id"), ids),
                "name": _text(record.get("name")) or "Period",
                "when": when.edtf(),
                "earliest": when.earliest,
                "latest": when.latest,
                "colour": _check(name, where, clean_colour, record.get("colour")),
                "notes": _text(record.get("notes")),
            }
        )


def _check_briefings(name: str, records: list, bundle: Bundle) -> None:
    ids: set = set()
    for index, record in enumerate(records, 1):
        where = _where("briefing", index, record)
        _unknown(name, where, record, BRIEFING_KEYS)
        definition = record.get("definition") or {}
        if not isinstance(definition, dict):
            raise InputError(f"In {name}, {where} has a definition that is not an object.")
        bundle.briefings.append(
            {
                "id": _int_id(name, where, record.get("id"), ids),
                "name": _text(record.get("name")) or "Briefing",
                "definition": json.dumps(definition, ensure_ascii=False, sort_keys=True),
                "created": _text(record.get("created")) or now(),
                "updated": _text(record.get("updated")) or now(),
            }
        )


def write_bundle(ws: Workspace, bundle: Bundle, file_name: str) -> LoadReport:
    """Write a checked bundle in one transaction. Into an empty workspace the file's ids are
    kept; otherwise actors match by name or alias, sources by text, events by ``ref`` or by
    date and title, and the rest get new ids."""
    from models import merge

    report = LoadReport(file_name)
    with ws.bulk() as conn:
        merge.write(conn, bundle, report)
    return report
