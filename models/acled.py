"""ACLED-style CSV: the event data conflict analysts live in.

Columns used (others are ignored): ``event_id_cnty``, ``event_date`` (``14 November 2024``,
``2024-11-14`` or ``14-Nov-24`` style), ``time_precision`` (1 day, 2 within about a week,
3 within the month), ``disorder_type``, ``event_type``, ``sub_event_type``, ``actor1``,
``assoc_actor_1``, ``inter1``, ``actor2``, ``assoc_actor_2``, ``inter2``, ``country``,
``admin1``, ``location``, ``source``, ``notes``, ``fatalities``, ``tags``.

Mapping: time precision 1 -> the day; 2 -> the day, approximate (``~``); 3 -> the month
(precision is never invented). The title is the sub-event type and place; the description is
ACLED's notes with fatalities and the reporting outlets; ``event_id_cnty`` becomes the event's
``ref`` so loading the same file twice adds nothing. Actors are ``actor1``/``actor2`` (roles
"actor 1"/"actor 2") and associated actors ("associated"); their kind follows ACLED's
interaction codes. Each file becomes one source (the dataset) that every event cites.
"""

from __future__ import annotations

import csv
import re

from models import dates
from models.errors import InputError
from models.exchange import Bundle
from models.operations import now
from models.validate import clean_tags

REQUIRED = ("event_date", "actor1")

# ACLED interaction codes (numeric in older exports, words in newer ones) -> actor kind.
_INTER_KIND = {
    "1": "state",
    "state forces": "state",
    "2": "group",
    "rebel group": "group",
    "rebel groups": "group",
    "3": "group",
    "political militia": "group",
    "political militias": "group",
    "4": "group",
    "identity militia": "group",
    "identity militias": "group",
    "5": "group",
    "rioters": "group",
    "6": "group",
    "protesters": "group",
    "7": "other",
    "civilians": "other",
    "8": "organisation",
    "external/other forces": "organisation",
}
_SHORT_YEAR = re.compile(r"^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s](\d{2})$")


def parse_date(text: str, precision: str) -> dates.When:
    """An ACLED event date at the precision ACLED gives for it."""
    text = (text or "").strip()
    short = _SHORT_YEAR.match(text)
    if short:  # 14-Nov-24: two-digit years are 20xx in ACLED data (coverage starts in 1997)
        year = int(short[3])
        text = f"{short[1]} {short[2]} {1900 + year if year >= 97 else 2000 + year}"
    day = dates.parse_loose(text)
    point = day.start
    if day.interval or point is None or point.precision != "day":
        raise InputError(f"'{text}' is not a single day")
    precision = (precision or "1").strip()
    if precision == "3":
        return dates.When(dates.Point(point.year, point.month))
    if precision == "2":
        return dates.When(dates.Point(point.year, point.month, point.day, qualifier="~"))
    return dates.When(point)


def read(name: str, reader: csv.DictReader, header: list[str]) -> Bundle:
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{name} looks like ACLED data but has no '{missing[0]}' column; export it again with all columns."
        )
    bundle = Bundle()
    bundle.sources.append(
        {
            "id": 1,
            "title": f"ACLED data: {name}",
            "author": "",
            "publisher": "ACLED",
            "url": "",
            "published": "",
            "imported_at": now(),
            "text": "",
            "file_name": name,
            "kind": "dataset",
            "reliability": "",
            "notes": "",
            "sha256": None,
        }
    )
    actors: dict[str, int] = {}

    def actor(name_text: str, kind: str, country: str) -> int | None:
        actor_name = " ".join((name_text or "").split())
        if not actor_name:
            return None
        key = actor_name.lower()
        if key not in actors:
            actors[key] = len(actors) + 1
            stamp = now()
            bundle.actors.append(
                {
                    "id": actors[key],
                    "name": actor_name,
                    "kind": kind,
                    "aliases": "[]",
                    "country": country if kind == "state" else "",
                    "colour": "",
                    "notes": "",
                    "created": stamp,
                    "updated": stamp,
                }
            )
        return actors[key]

    for number, row in enumerate(reader, 2):
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        where = f"{name}, line {number}"
        try:
            when = parse_date(row.get("event_date") or "", row.get("time_precision") or "1")
        except InputError as error:
            raise InputError(
                f"{where}: the event_date '{row.get('event_date') or ''}' is not a date "
                f"({str(error).split('.')[0].strip()}); ACLED dates look like 14 November 2024 or 2024-11-14."
            ) from None
        country = (row.get("country") or "").strip()
        links = []
        for column, inter, role in (
            ("actor1", "inter1", "actor 1"),
            ("actor2", "inter2", "actor 2"),
        ):
            kind = _INTER_KIND.get((row.get(inter) or "").strip().lower(), "group")
            actor_id = actor(row.get(column) or "", kind, country)
            if actor_id:
                links.append((actor_id, role))
        for column in ("assoc_actor_1", "assoc_actor_2"):
            for associated in (row.get(column) or "").split(";"):
                actor_id = actor(associated, "group", country)
                if actor_id and actor_id not in [a for a, _ in links]:
                    links.append((actor_id, "associated"))
        kind = (row.get("sub_event_type") or row.get("event_type") or "Event").strip()
        place = ", ".join(
            dict.fromkeys(
                p.strip()
                for p in (row.get("location"), row.get("admin1"), row.get("country"))
                if p and p.strip()
            )
        )
        title = (
            f"{kind} in {row.get('location').strip()}"
            if (row.get("location") or "").strip()
            else kind
        )
        description = (row.get("notes") or "").strip()
        fatalities = (row.get("fatalities") or "").strip()
        if fatalities and fatalities != "0":
            description += f"\n\nReported fatalities: {fatalities}."
        if (row.get("source") or "").strip():
            description += f"\n\nReported by: {row['source'].strip()}."
        tags = [t for t in (row.get("disorder_type"), row.get("event_type")) if t and t.strip()]
        tags += [t for t in (row.get("tags") or "").split(";") if t.strip()]
        bundle.events.append(
            {
                "id": None,
                "title": title,
                "description": description.strip(),
                "when": when.edtf(),
                "earliest": when.earliest,
                "latest": when.latest,
                "location": place,
                "confidence": None,
                "tags": clean_tags(tags),
                "ref": (row.get("event_id_cnty") or "").strip(),
                "created": now(),
                "updated": now(),
                "actors": links,
                "sources": [
                    {"source": 1, "quote": "", "start": None, "end": None, "credibility": None}
                ],
            }
        )
    if not bundle.events:
        raise InputError(f"{name} has a header but no events; there is nothing to load.")
    return bundle
