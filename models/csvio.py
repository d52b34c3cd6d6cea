"""Events as CSV (for spreadsheets), and reading CSV files: Annalist's own or ACLED-style.

Annalist's CSV has one row per event::

    id, when, title, description, location, confidence, tags, actors, roles, sources, ref, created, updated

``tags``, ``actors``, ``roles`` (aligned with ``actors``) and ``sources`` (source titles) are
lists joined with "; ". The JSON export is the lossless one; the CSV round trip
(export -> load into an empty workspace -> export) gives the same CSV.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

from models import dates, schema
from models.errors import InputError
from models.exchange import Bundle, atomic_text
from models.operations import now
from models.store import Workspace
from models.validate import clean_confidence, clean_tags, clean_title

COLUMNS = (
    "id",
    "when",
    "title",
    "description",
    "location",
    "confidence",
    "tags",
    "actors",
    "roles",
    "sources",
    "ref",
    "created",
    "updated",
)
REQUIRED = ("when", "title")
SEPARATOR = "; "
MAX_FIELD = 10_000_000


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";")] if (cell or "").strip() else []


def write_csv(ws: Workspace, path: str | os.PathLike) -> None:
    """Every event as one CSV row (UTF-8, with a header)."""
    actor_names = dict(ws.conn.execute("SELECT id, name FROM actors").fetchall())
    source_titles = dict(ws.conn.execute("SELECT id, title FROM sources").fetchall())
    actors: dict[int, list] = {}
    for event_id, actor_id, role in ws.conn.execute(
        "SELECT event_id, actor_id, role FROM event_actors ORDER BY id"
    ):
        actors.setdefault(event_id, []).append((actor_names[actor_id], role))
    sources: dict[int, list] = {}
    for event_id, source_id in ws.conn.execute(
        "SELECT event_id, source_id FROM event_sources ORDER BY id"
    ):
        title = source_titles[source_id] or f"Source {source_id}"
        if title not in sources.setdefault(event_id, []):
            sources[event_id].append(title)
    with atomic_text(path, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        cursor = ws.conn.execute(
            'SELECT id, "when", title, description, location, confidence, tags, ref, created, updated '
            "FROM events ORDER BY id"
        )
        for (
            event_id,
            when,
            title,
            description,
            location,
            confidence,
            tags,
            ref,
            created,
            updated,
        ) in cursor:
            linked = actors.get(event_id, [])
            writer.writerow(
                (
                    event_id,
                    when,
                    title,
                    description,
                    location,
                    schema.CONFIDENCE.get(confidence, ""),
                    SEPARATOR.join(json.loads(tags)),
                    SEPARATOR.join(name for name, _ in linked),
                    SEPARATOR.join(role for _, role in linked) if any(r for _, r in linked) else "",
                    SEPARATOR.join(sources.get(event_id, [])),
                    ref,
                    created,
                    updated,
                )
            )


# ------------------------------------------------------------------ reading


def decode(path: Path, encoding: str | None = None) -> str:
    """The text of a CSV: UTF-8 (with or without BOM) or UTF-16 with BOM, or the given encoding.

    Anything else is refused with a message saying how to fix it — guessing an encoding
    silently would load garbled names.
    """
    raw = path.read_bytes()
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(
                f"'{encoding}' is not a text encoding Annalist knows; try utf-8, cp1252 or latin-1."
            ) from None
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path.name} is not valid {encoding} text (byte {error.start}); check the encoding."
            ) from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError(
            f"{path.name} is not a text file (it holds binary data); load a .csv or .json export."
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path.name} is not UTF-8 text (byte 0x{raw[error.start]:02X} on line {line}); save it "
            "as 'CSV UTF-8' or load it with --encoding, e.g. --encoding cp1252."
        ) from None


def read_csv(path: Path, encoding: str | None = None) -> Bundle:
    """Read an Annalist CSV or an ACLED-style CSV, checked; raise InputError on the first problem."""
    text = decode(path, encoding)
    csv.field_size_limit(MAX_FIELD)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # Excel in many locales writes ";"
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if not header:
        raise InputError(f"{path.name} is empty; there is nothing to load.")
    reader.fieldnames = header
    if "event_date" in header:
        from models import acled

        return acled.read(path.name, reader, header)
    if all(column in header for column in REQUIRED):
        return _read_annalist(path.name, reader, header)
    raise InputError(
        f"{path.name} has neither Annalist columns (when, title) nor ACLED columns (event_date, "
        f"actor1); its columns are: {', '.join(h for h in header if h)[:200]}."
    )


def _read_annalist(name: str, reader: csv.DictReader, header: list[str]) -> Bundle:
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise InputError(
            f"{name} has a column '{unknown[0]}' that Annalist does not know; the columns are "
            f"{', '.join(COLUMNS)} — rename or remove it."
        )
    bundle = Bundle()
    actor_ids: dict[str, int] = {}
    source_ids: dict[str, int] = {}
    seen_ids: set = set()
    for number, row in enumerate(reader, 2):
        if None in row:
            raise InputError(
                f"{name}, line {number}: the row has more cells than the header; check for a stray comma."
            )
        if not any((v or "").strip() for v in row.values()):
            continue
        where = f"{name}, line {number}"
        event_id = _row_id(row.get("id"), where, seen_ids)
        try:
            when = dates.parse(row.get("when") or "")
            title = clean_title(row.get("title"))
            confidence = clean_confidence(row.get("confidence"))
            tags = clean_tags(_split(row.get("tags")))
        except InputError as error:
            raise InputError(f"{where}: {error}") from None
        names = _split(row.get("actors"))
        roles = _split(row.get("roles"))
        if roles and len(roles) != len(names):
            raise InputError(
                f"{where}: there are {len(names)} actors but {len(roles)} roles; give one role per actor or none."
            )
        actors = []
        for index, actor_name in enumerate(names):
            if actor_name.lower() not in actor_ids:
                actor_ids[actor_name.lower()] = len(actor_ids) + 1
                bundle.actors.append(_new_actor(actor_ids[actor_name.lower()], actor_name))
            actors.append((actor_ids[actor_name.lower()], roles[index] if roles else ""))
        sources = []
        for title_text in _split(row.get("sources")):
            if title_text not in source_ids:
                source_ids[title_text] = len(source_ids) + 1
                bundle.sources.append(_new_source(source_ids[title_text], title_text))
            sources.append(
                {
                    "source": source_ids[title_text],
                    "quote": "",
                    "start": None,
                    "end": None,
                    "credibility": None,
                }
            )
        bundle.events.append(
            {
                "id": event_id,
                "title": title,
                "description": row.get("description") or "",
                "when": when.edtf(),
                "earliest": when.earliest,
                "latest": when.latest,
                "location": (row.get("location") or "").strip(),
                "confidence": confidence,
                "tags": tags,
                "ref": (row.get("ref") or "").strip(),
                "created": (row.get("created") or "").strip() or now(),
                "updated": (row.get("updated") or "").strip() or now(),
                "actors": actors,
                "sources": sources,
            }
        )
    return bundle


def _row_id(value: str | None, where: str, seen: set) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise InputError(f"{where}: id '{value}' is not a positive whole number.")
    if int(value) in seen:
        raise InputError(f"{where}: id {value} appears twice; each event id may appear once.")
    seen.add(int(value))
    return int(value)


def _new_actor(actor_id: int, name: str, kind: str = "other", country: str = "") -> dict:
    stamp = now()
    return {
        "id": actor_id,
        "name": " ".join(name.split()),
        "kind": kind,
        "aliases": "[]",
        "country": country,
        "colour": "",
        "notes": "",
        "created": stamp,
        "updated": stamp,
    }


def _new_source(source_id: int, title: str, **fields) -> dict:
    source = {
        "id": source_id,
        "title": title,
        "author": "",
        "publisher": "",
        "url": "",
        "published": "",
        "imported_at": now(),
        "text": "",
        "file_name": "",
        "kind": "reference",
        "reliability": "",
        "notes": "",
        "sha256": None,
    }
    source.update(fields)
    return source
