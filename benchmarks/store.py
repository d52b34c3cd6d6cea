"""Workspace store speed: bulk load with FTS, open, time-window query, first search page.

    python benchmarks/store.py [--events 1000000] [--runs 3]

Prints one JSON object. Every figure is the median over several runs (min and max beside
it). Goals on a 2-core laptop-class machine at 1M events: load <= 45 s, open <= 0.5 s, a
window returning ~1,000 events <= 5 ms, first page of a search <= 50 ms for frequent and
rare words alike.
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

from models import bulk, search  # noqa: E402
from models.store import Workspace  # noqa: E402


def stats(values: list[float], scale: float = 1.0, digits: int = 3) -> dict:
    values = [v * scale for v in values]
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def load(path: Path, rows: list[tuple], links: list[tuple]) -> float:
    fresh(path)
    started = time.perf_counter()
    with Workspace.open(path) as ws, ws.bulk() as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, created, updated) VALUES (?, ?, 'state', '', '')",
            [(i, f"Actor {i}") for i in range(1, 21)],
        )
        bulk.insert_events(conn, rows, links)
    return time.perf_counter() - started


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--dir", type=Path, help="folder for the workspace (default: a temp folder)"
    )
    args = parser.parse_args()

    folder = args.dir or Path(tempfile.mkdtemp(prefix="annalist-bench-"))
    path = folder / "bench.annalist"
    rows, links = [], []
    for row, linked in synth.make_rows(args.events, 20, seed=1):
        rows.append(row)
        links.extend((row[0], actor, "") for actor in linked)

    load_times = [load(path, rows, links) for _ in range(args.runs)]
    spans = sorted((row[4], row[5]) for row in rows)
    del rows, links

    open_times = []
    for _ in range(max(5, args.runs)):
        seconds, ws = timed(Workspace.open, path)
        search.count(ws, search.EventFilter(start=0, end=1))  # first query on the handle
        ws.close()
        open_times.append(seconds)

    ws = Workspace.open(path)
    rng = random.Random(7)
    first, last = spans[0][0], spans[-1][0]
    windows = {}
    for label, width in (
        ("day", 86400),
        ("week", 7 * 86400),
        ("month", 30 * 86400),
        ("year", 365 * 86400),
    ):
        times, rows = [], []
        for _ in range(40):
            start = rng.randrange(first, last - width)
            seconds, ids = timed(search.window, ws, start, start + width)
            times.append(seconds)
            rows.append(len(ids))
        windows[label] = {"ms": stats(times, 1000, 2), "rows_median": statistics.median(rows)}

    searches = {}
    for label, term in (
        ("frequent", "officials"),
        ("common_title", "bridge"),
        ("rare", "zeppelin"),
        ("prefix", "infra"),
        ("two_words", "power plant"),
    ):
        times, page = [], None
        for _ in range(7):
            seconds, page = timed(search.search_events, ws, term)
            times.append(seconds)
        searches[label] = {
            "term": term,
            "ms": stats(times, 1000, 2),
            "page": len(page.ids),
            "total": page.total if page.total is not None else f">{search.RANK_LIMIT}",
            "ranked": page.ranked,
        }
    ws.close()
    size_mb = path.stat().st_size / 1e6
    print(
        json.dumps(
            {
                "events": args.events,
                "file_mb": round(size_mb, 1),
                "load_s": stats(load_times, 1, 2),
                "open_ms": stats(open_times, 1000, 2),
                "window": windows,
                "search_first_page": searches,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
