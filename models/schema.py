"""Workspace schema and its migrations.

The schema version lives in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the
file as an Annalist workspace. Migrations are ordered functions ``migrate_to_N(db)``; the
store copies the file before running them and runs them all in one transaction.

Tables are written as SQL so their constraints are plain to read; full-text search is set up
through sqlite-utils (``enable_fts`` with triggers), which also serves introspection and
``transform`` for later migrations.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

APPLICATION_ID = 0x414E4C53  # "ANLS"
SCHEMA_VERSION = 1

# The columns of the sources table after its id, in table order.
SOURCE_COLUMNS = (
    "title",
    "author",
    "publisher",
    "url",
    "published",
    "imported_at",
    "sha256",
    "text",
    "file_name",
    "kind",
    "reliability",
    "notes",
)

ACTOR_KINDS = ("state", "organisation", "person", "group", "place", "other")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CONFIDENCE = {1: "low", 2: "moderate", 3: "high"}
# What the Admiralty (NATO) grades mean: source reliability A–F, information credibility 1–6.
RELIABILITY_MEANING = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY_MEANING = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

# Tables whose rows the operations record for undo; derived tables (event_tags, *_fts)
# follow them through triggers. Parents come before children.
RECORDED_TABLES = (
    "actors",
    "sources",
    "events",
    "event_actors",
    "event_sources",
    "briefings",
    "periods",
    "meta",
)

_V1_TABLES = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind    TEXT NOT NULL DEFAULT 'other'
            CHECK (kind IN ('state', 'organisation', 'person', 'group', 'place', 'other')),
    aliases TEXT NOT NULL DEFAULT '[]',          -- JSON list of names
    country TEXT NOT NULL DEFAULT '',
    colour  TEXT NOT NULL DEFAULT '',            -- #rrggbb or '' for automatic
    notes   TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE UNIQUE INDEX actors_name ON actors (name COLLATE NOCASE);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    "when"      TEXT NOT NULL,                   -- EDTF subset, see models/dates.py
    earliest    INTEGER NOT NULL,                -- UTC seconds, derived from "when"
    latest      INTEGER NOT NULL,
    location    TEXT NOT NULL DEFAULT '',
    confidence  INTEGER CHECK (confidence IN (1, 2, 3)),   -- low, moderate, high
    tags        TEXT NOT NULL DEFAULT '[]',      -- JSON list; event_tags follows it
    ref         TEXT NOT NULL DEFAULT '',        -- external id, e.g. an ACLED event id
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    CHECK (earliest <= latest)
);
CREATE INDEX events_span ON events (earliest, latest);
-- Long events (over 400 days; the bound is models.search.LONG_SPAN) for window queries.
CREATE INDEX events_long ON events (earliest, latest) WHERE latest - earliest > 34560000;
CREATE INDEX events_ref ON events (ref) WHERE ref <> '';
-- The few approximate or uncertain dates, which the timeline draws wider or fainter.
CREATE INDEX events_qualified ON events ("when") WHERE "when" GLOB '*[~?%]*';
-- Sorting the events table by title or place without reading every row.
CREATE INDEX events_title ON events (title COLLATE NOCASE, earliest, id);
CREATE INDEX events_location ON events (location COLLATE NOCASE, earliest, id);

CREATE TABLE event_actors (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role     TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, actor_id)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id);

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    publisher   TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD or ISO datetime, '' if unknown
    imported_at TEXT NOT NULL,
    sha256      TEXT,                            -- of the normalised text; NULL without text
    text        TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',        -- html, pdf, docx, eml, txt, manual, ...
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sources_sha256 ON sources (sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE event_sources (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    quote       TEXT NOT NULL DEFAULT '',
    char_start  INTEGER,
    char_end    INTEGER,
    credibility INTEGER CHECK (credibility BETWEEN 1 AND 6)
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_source ON event_sources (source_id, event_id);

CREATE TABLE event_tags (
    tag      TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY (tag, event_id)
) WITHOUT ROWID;
CREATE INDEX event_tags_event ON event_tags (event_id);

CREATE TABLE briefings (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '{}',       -- JSON, see briefings/
    created    TEXT NOT NULL,
    updated    TEXT NOT NULL
);

CREATE TABLE periods (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    "when"   TEXT NOT NULL,
    earliest INTEGER NOT NULL,
    latest   INTEGER NOT NULL,
    colour   TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
);
"""

# Tags live as a JSON list on the event (what users and exports see) and, for fast
# filtering, as rows of event_tags kept in step by these triggers.
TAG_TRIGGERS = """
CREATE TRIGGER events_tags_ai AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO event_tags (tag, event_id) SELECT value, new.id FROM json_each(new.tags);
END;
CREATE TRIGGER events_tags_au AFTER UPDATE OF tags ON events BEGIN
  DELETE FROM event_tags WHERE event_id = old.id;
  INSERT OR IGNORE INTO event_tags (tag, event_id) SELECT value, new.id FROM json_each(new.tags);
END;
CREATE TRIGGER events_tags_ad AFTER DELETE ON events BEGIN
  DELETE FROM event_tags WHERE event_id = old.id;
END;
"""

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
FTS_COLUMNS = {"events": ["title", "description"], "sources": ["title", "text"]}


def statements(script: str) -> list[str]:
    """Split a script of plain statements (and triggers) into single statements."""
    parts, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined and sqlite3.complete_statement(joined):
            parts.append(joined)
            current = []
    return parts


def migrate_to_1(db: sqlite_utils.Database) -> None:
    """Create the first schema: actors, events, sources, links, tags, briefings, periods."""
    for sql in statements(_V1_TABLES) + statements(TAG_TRIGGERS):
        db.execute(sql)
    for table, columns in FTS_COLUMNS.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZER)


MIGRATIONS = {1: migrate_to_1}
