"""Briefing pack build speed: synthetic workspaces of 200, 1,000 and 10,000 events, every section.

    python benchmarks/briefing_build.py [--events 200 1000 10000] [--runs 3]

Prints one JSON object per pack size, one per line: ``events``, ``pages``, ``seconds`` (median
over the runs, with min and max), ``goal_seconds`` and, for the progress callback,
``progress_calls`` and ``longest_silence`` (the longest gap between two progress reports, in
seconds: what a user watching the dialog would wait without news). Goals on a 2-core laptop-class
machine: 200 events <= 2 s, 1,000 <= 5 s, 10,000 <= 45 s. Each run is a fresh process-warm
build of the full pack (cover, contents, key judgments, timeline, chronology, actors, sources).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import synth  # noqa: E402

from briefings import Briefing, Pack, Scope, build_pack  # noqa: E402
from models.store import Workspace  # noqa: E402

GOALS = {200: 2.0, 1000: 5.0, 10000: 45.0}

KEY_JUDGMENTS = """**Strikes on energy infrastructure will very likely continue through the winter.**
Stocks appear sufficient and the pattern matches previous years.

- Negotiations are *unlikely* to produce a ceasefire within three months.
- Shipping through the corridor is **almost certain** to continue.

Confidence is moderate: reporting from several regions is thin."""


def workspace(folder: Path, events: int) -> Path:
    """A synthetic workspace with sources cited by most events (graded like real ones)."""
    path = folder / f"synthetic-{events}.annalist"
    synth.make_workspace(path, events=events, actors=20, seed=7)
    rng = random.Random(7)
    count = max(10, events // 6)
    with Workspace.open(path) as ws, ws.bulk() as conn:
        conn.executemany(
            "INSERT INTO sources (id, title, publisher, author, published, imported_at, url,"
            " reliability) VALUES (?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', ?, ?)",
            [
                (
                    i,
                    f"Field report {i}",
                    rng.choice(["Reuters", "AP", "AFP", "BBC"]),
                    "Staff",
                    f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    f"https://example.org/reports/{i}",
                    rng.choice("ABCDEF"),
                )
                for i in range(1, count + 1)
            ],
        )
        conn.executemany(
            "INSERT INTO event_sources (event_id, source_id, credibility) VALUES (?, ?, ?)",
            [
                (event, source, rng.randint(1, 6))
                for event in range(1, events + 1)
                for source in rng.sample(range(1, count + 1), rng.choice((0, 1, 1, 2)))
            ],
        )
    return path


def measure(path: Path, events: int, runs: int, out: Path) -> dict:
    pack = Pack(
        title=f"Synthetic pack of {events:,} events",
        subtitle="Benchmark",
        author="Benchmark",
        organisation="Annalist",
        date="2025-01-01",
        dtg="011200Z JAN 25",
        briefings=[Briefing(scope=Scope(), key_judgments=KEY_JUDGMENTS)],
    )
    seconds, pages, calls, silences = [], 0, 0, []
    with Workspace.open(path, readonly=True) as ws:
        for _ in range(runs):
            stamps: list[float] = []

            def progress(fraction, message, stamps=stamps):
                stamps.append(time.perf_counter())

            started = time.perf_counter()
            result = build_pack(ws, pack, out, progress=progress)
            seconds.append(time.perf_counter() - started)
            pages = result.pages
            calls = len(stamps)
            marks = [started, *stamps]
            silences.append(max(b - a for a, b in zip(marks, marks[1:], strict=False)))
    return {
        "events": events,
        "pages": pages,
        "seconds": round(statistics.median(seconds), 3),
        "min": round(min(seconds), 3),
        "max": round(max(seconds), 3),
        "runs": runs,
        "goal_seconds": GOALS.get(events),
        "progress_calls": calls,
        "longest_silence": round(max(silences), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[200, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for events in args.events:
            path = workspace(folder, events)
            runs = args.runs if events <= 2000 else max(1, min(args.runs, 2))
            print(json.dumps(measure(path, events, runs, folder / "pack.pdf")), flush=True)


if __name__ == "__main__":
    main()
