"""Checking field values before they reach the workspace.

Each cleaner returns the stored form of a value or raises an InputError whose message says
what to type instead. Operations, loads and the command line share them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from models import dates, schema
from models.errors import ValidationError
from models.text import normalise, sha256_of

EVENT_FIELDS = ("title", "description", "when", "location", "confidence", "tags", "ref")
ACTOR_FIELDS = ("name", "kind", "aliases", "country", "colour", "notes")
SOURCE_FIELDS = (
    "title",
    "author",
    "publisher",
    "url",
    "published",
    "text",
    "file_name",
    "kind",
    "reliability",
    "notes",
)
LINK_FIELDS = ("quote", "char_start", "char_end", "credibility")
CONFIDENCE_VALUES = {label: value for value, label in schema.CONFIDENCE.items()}
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def clean_title(title) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise ValidationError("An event needs a title; type a few words that say what happened.")
    return title


def clean_when(when) -> tuple[str, int, int]:
    """Canonical ``when`` text and its bounds; raises DateError (an InputError) if invalid."""
    parsed = dates.parse(str(when if when is not None else ""))
    return parsed.edtf(), parsed.earliest, parsed.latest


def clean_confidence(value) -> int | None:
    if value in (None, "", 0):
        return None
    if isinstance(value, str):
        key = value.strip().lower()
        if key in CONFIDENCE_VALUES:
            return CONFIDENCE_VALUES[key]
        if key.isdigit():
            value = int(key)
    if value in schema.CONFIDENCE:
        return int(value)
    raise ValidationError(f"Confidence '{value}' is not one of low, moderate or high.")


def clean_tags(tags) -> str:
    if tags is None:
        return "[]"
    if isinstance(tags, str):
        tags = tags.replace(";", ",").split(",")
    cleaned = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return json.dumps(cleaned, ensure_ascii=False)


def clean_names(names) -> str:
    if names is None:
        return "[]"
    if isinstance(names, str):
        names = names.split(";") if ";" in names else [names]
    cleaned = []
    for name in names:
        name = " ".join(str(name).split())
        if name and name.lower() not in (n.lower() for n in cleaned):
            cleaned.append(name)
    return json.dumps(cleaned, ensure_ascii=False)


def clean_kind(kind) -> str:
    kind = (kind or "other").strip().lower()
    if kind == "organization":
        kind = "organisation"
    if kind not in schema.ACTOR_KINDS:
        raise ValidationError(f"Actor kind '{kind}' is not one of {', '.join(schema.ACTOR_KINDS)}.")
    return kind


def clean_colour(colour) -> str:
    colour = (colour or "").strip()
    if colour and not _COLOUR.match(colour):
        raise ValidationError(f"Colour '{colour}' is not a colour like #1f77b4.")
    return colour.lower()


def clean_reliability(value) -> str:
    value = (value or "").strip().upper()
    if value not in ("",) + schema.RELIABILITY:
        raise ValidationError(f"Source reliability '{value}' is not a grade from A to F.")
    return value


def clean_credibility(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 6:
        raise ValidationError(f"Information credibility '{value}' is not a grade from 1 to 6.")
    return number


def event_values(fields: Mapping) -> dict:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValidationError(f"Events have no field {', '.join(sorted(unknown))}.")
    values = {}
    for key, value in fields.items():
        if key == "title":
            values["title"] = clean_title(value)
        elif key == "when":
            values["when"], values["earliest"], values["latest"] = clean_when(value)
        elif key == "confidence":
            values["confidence"] = clean_confidence(value)
        elif key == "tags":
            values["tags"] = clean_tags(value)
        else:
            values[key] = str(value or "").strip() if key != "description" else str(value or "")
    return values


def actor_values(fields: Mapping) -> dict:
    unknown = set(fields) - set(ACTOR_FIELDS)
    if unknown:
        raise ValidationError(f"Actors have no field {', '.join(sorted(unknown))}.")
    values = {}
    for key, value in fields.items():
        if key == "name":
            name = " ".join(str(value or "").split())
            if not name:
                raise ValidationError("An actor needs a name.")
            values["name"] = name
        elif key == "kind":
            values["kind"] = clean_kind(value)
        elif key == "aliases":
            values["aliases"] = clean_names(value)
        elif key == "colour":
            values["colour"] = clean_colour(value)
        else:
            values[key] = str(value or "").strip() if key != "notes" else str(value or "")
    return values


def source_values(fields: Mapping) -> dict:
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise ValidationError(f"Sources have no field {', '.join(sorted(unknown))}.")
    values = {}
    for key, value in fields.items():
        if key == "reliability":
            values[key] = clean_reliability(value)
        elif key == "text":
            values["text"] = str(value or "")
        else:
            values[key] = str(value or "").strip() if key != "notes" else str(value or "")
    if "text" in values:
        title = values.get("title", fields.get("title"))
        values["sha256"] = sha256_of(values["text"], title) if normalise(values["text"]) else None
    return values


def link_values(fields: Mapping) -> dict:
    unknown = set(fields) - set(LINK_FIELDS) - {"source_id"}
    if unknown:
        raise ValidationError(f"Citations have no field {', '.join(sorted(unknown))}.")
    values = {}
    for key, value in fields.items():
        if key == "credibility":
            values[key] = clean_credibility(value)
        elif key in ("char_start", "char_end", "source_id"):
            values[key] = None if value in (None, "") else int(value)
        else:
            values[key] = str(value or "")
    start, end = values.get("char_start"), values.get("char_end")
    if start is not None and end is not None and not 0 <= start <= end:
        raise ValidationError(f"A quote cannot run from character {start} to {end}.")
    return values
