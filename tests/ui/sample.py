"""A small, realistic workspace for UI tests (real SQLite file, built through operations)."""

from __future__ import annotations

from pathlib import Path

from models import operations as ops
from models.store import Workspace

ACTORS = [
    ("Ukraine", "state", ["Kyiv"], "UA"),
    ("Russia", "state", ["Moscow", "Russian Federation"], "RU"),
    ("NATO", "organisation", ["North Atlantic Treaty Organization"], ""),
    ("IAEA", "organisation", ["International Atomic Energy Agency"], ""),
    ("Wagner Group", "group", ["PMC Wagner"], "RU"),
]

EVENTS = [
    (
        "Full-scale invasion of Ukraine begins",
        "2022-02-24",
        ["Russia", "Ukraine"],
        "high",
        ["invasion"],
    ),
    ("Zaporizhzhia plant seized", "2022-03-04", ["Russia", "IAEA"], "high", ["nuclear"]),
    ("Kharkiv counter-offensive", "2022-09-06/2022-10-02", ["Ukraine"], "high", ["offensive"]),
    ("Wagner mutiny", "2023-06-23/2023-06-24", ["Wagner Group", "Russia"], "high", ["mutiny"]),
    ("Vilnius summit", "2023-07-11/2023-07-12", ["NATO", "Ukraine"], "moderate", ["diplomacy"]),
    ("Grain corridor collapses", "2023-07~", ["Russia"], "moderate", ["trade"]),
    ("Drone strikes on Moscow reported", "2023-09?", ["Ukraine", "Russia"], "low", ["drones"]),
    ("Kursk incursion", "2024-08-06/..", ["Ukraine", "Russia"], "moderate", ["offensive"]),
]


def build(path: Path) -> Path:
    """Create a workspace at ``path`` with five actors, one source and eight events."""
    with Workspace.open(path) as ws:
        ids = {}
        for name, kind, aliases, country in ACTORS:
            ids[name] = ops.add_actor(ws, name, kind, aliases=aliases, country=country).first_added(
                "actors"
            )
        text = (
            "Early on 4 March troops seized the Zaporizhzhia nuclear power plant, the agency said."
        )
        quote = "troops seized the Zaporizhzhia nuclear power plant"
        source = ops.add_source(
            ws,
            title="Agency report on the plant",
            publisher="Wire service",
            published="2022-03-04",
            text=text,
            reliability="B",
        ).first_added("sources")
        for title, when, actors, confidence, tags in EVENTS:
            sources = []
            if "Zaporizhzhia" in title:
                sources = [
                    {
                        "source_id": source,
                        "quote": quote,
                        "char_start": text.index(quote),
                        "char_end": text.index(quote) + len(quote),
                        "credibility": 2,
                    }
                ]
            ops.add_event(
                ws,
                title,
                when,
                actors=[ids[a] for a in actors],
                confidence=confidence,
                tags=tags,
                sources=sources,
                description=f"{title}.",
                location="",
            )
    return path
