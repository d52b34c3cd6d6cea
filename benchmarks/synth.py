"""Synthetic workspaces for benchmarks and load tests (reproducible from a seed).

    python benchmarks/synth.py OUT.annalist --events 1000000 --actors 20

Events spread over 1990–2025 with the mix of precisions real data has: mostly days, some
months and years, a few spans and ongoing spans, some approximate or uncertain; titles and
~200-character descriptions drawn from a small vocabulary (some words frequent, some rare),
one to three actors each, a few tags.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import bulk  # noqa: E402
from models.dates import Point, When  # noqa: E402
from models.store import Workspace  # noqa: E402

COUNTRIES = [
    "Ukraine",
    "Russia",
    "Israel",
    "Iran",
    "Syria",
    "Sudan",
    "Yemen",
    "Lebanon",
    "Turkey",
    "Armenia",
    "Azerbaijan",
    "Georgia",
    "Belarus",
    "Poland",
    "Mali",
    "Niger",
    "Ethiopia",
    "Somalia",
    "Libya",
    "Iraq",
    "Afghanistan",
    "Pakistan",
    "India",
    "China",
    "Taiwan",
    "North Korea",
    "South Korea",
    "Myanmar",
    "Venezuela",
    "Colombia",
]
VERBS = [
    "strikes",
    "shells",
    "seizes",
    "withdraws from",
    "negotiates over",
    "sanctions",
    "reinforces",
    "blockades",
    "recaptures",
    "evacuates",
    "mobilises near",
    "shells",
]
PLACES = [
    "border crossing",
    "power plant",
    "port",
    "airbase",
    "rail hub",
    "bridge",
    "dam",
    "capital",
    "refinery",
    "grain terminal",
    "supply depot",
    "city centre",
]
FILLER = [
    "officials",
    "said",
    "the",
    "operation",
    "continued",
    "through",
    "the",
    "night",
    "while",
    "observers",
    "reported",
    "damage",
    "to",
    "infrastructure",
    "and",
    "displacement",
    "of",
    "civilians",
    "in",
    "the",
    "surrounding",
    "districts",
    "according",
    "to",
    "local",
    "authorities",
    "and",
    "international",
    "monitors",
]
RARE = ["zeppelin", "quagmire", "xylophone", "juxtapose", "kumquat", "oxygenate"]
TAGS = ["strike", "diplomacy", "sanctions", "humanitarian", "cyber", "maritime", "energy"]

START = calendar.timegm((1990, 1, 1, 0, 0, 0))
END = calendar.timegm((2025, 12, 31, 0, 0, 0))


def random_when(rng: random.Random) -> When:
    moment = time.gmtime(rng.randrange(START, END))
    year, month, day = moment.tm_year, moment.tm_mon, moment.tm_mday
    roll = rng.random()
    qualifier = rng.choice(("~", "?", "%")) if rng.random() < 0.08 else ""
    if roll < 0.70:
        return When(Point(year, month, day, qualifier=qualifier))
    if roll < 0.84:
        return When(Point(year, month, qualifier=qualifier))
    if roll < 0.88:
        return When(Point(year, qualifier=qualifier))
    if roll < 0.90:
        return When(Point(year, month, day, moment.tm_hour, moment.tm_min, tz=0))
    if roll < 0.995:
        span = rng.randrange(1, 120) * 86400
        end = time.gmtime(min(END, calendar.timegm(moment) + span))
        return When(Point(year, month, day), Point(end.tm_year, end.tm_mon, end.tm_mday), True)
    return When(Point(year, month, day), None, True)


def make_rows(count: int, actors: int, seed: int):
    """Yield (event row tuple, [actor ids]) pairs; ids are 1..count."""
    rng = random.Random(seed)
    stamp = "2025-01-01T00:00:00Z"
    for event_id in range(1, count + 1):
        when = random_when(rng)
        country = rng.choice(COUNTRIES)
        title = f"{country} {rng.choice(VERBS)} {rng.choice(PLACES)}"
        words = rng.choices(FILLER, k=28)
        if rng.random() < 0.001:
            words.append(rng.choice(RARE))
        description = " ".join(words).capitalize() + "."
        tags = json.dumps(rng.sample(TAGS, rng.randrange(0, 3)))
        confidence = rng.choice((None, 1, 2, 3))
        row = (
            event_id,
            title,
            description,
            when.edtf(),
            when.earliest,
            when.latest,
            country,
            confidence,
            tags,
            "",
            stamp,
            stamp,
        )
        linked = rng.sample(range(1, actors + 1), k=min(actors, rng.choice((1, 1, 2, 3))))
        yield row, linked


def make_workspace(
    path: str | Path, events: int = 100_000, actors: int = 20, seed: int = 1
) -> Path:
    """Create a workspace file with ``events`` synthetic events and ``actors`` actors."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    links: list[tuple] = []

    def event_rows():
        for row, linked in make_rows(events, actors, seed):
            links.extend((row[0], actor_id, "") for actor_id in linked)
            yield row

    with Workspace.open(path) as ws:
        with ws.bulk() as conn:
            stamp = "2025-01-01T00:00:00Z"
            names = (COUNTRIES * (actors // len(COUNTRIES) + 1))[:actors]
            conn.executemany(
                "INSERT INTO actors (id, name, kind, created, updated) VALUES (?, ?, 'state', ?, ?)",
                [
                    (i + 1, name if i < len(COUNTRIES) else f"{name} {i + 1}", stamp, stamp)
                    for i, name in enumerate(names)
                ],
            )
            bulk.insert_events(conn, event_rows(), [])
            conn.executemany(
                "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)", links
            )
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.conn.execute("ANALYZE")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    make_workspace(args.output, args.events, args.actors, args.seed)
    print(
        json.dumps(
            {
                "events": args.events,
                "actors": args.actors,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
