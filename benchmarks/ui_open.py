"""How fast the workbench opens a big workspace (JSON out; several runs, median).

    python benchmarks/ui_open.py [--events 1000000] [--runs 5] [--workspace FILE]

Measures, each run in a fresh process (offscreen):
- ``construct_s``: creating the window (before the event loop runs: start-up, not a stall);
- ``first_paint_s``: from creating the window to the first paint of the events table;
- ``sorted_table_s``: from creating the window to the table showing its rows in date order
  (the ids of every event loaded, sorted by ``earliest``) and painted;
- ``open_ready_s``: until both the table and the timeline have loaded every event;
- ``sort_title_s``, ``sort_actors_s``, ``filter_actor_s``, ``search_s``,
  ``clear_filter_s``: re-sorting by title, then by actors, then (in date order again)
  filtering to one actor, searching for a word found in about one event in twelve, clearing
  the filter — each until the table and the timeline show the result;
- ``*_stall_s``: for opening (from opening the workspace until everything has loaded) and for
  each of those actions, the longest the GUI thread went without handling a 10 ms heartbeat
  timer (a window that stays responsive keeps this well under 0.1 s); ``max_gui_stall_s`` is
  the longest of them.

The workspace is generated once (``benchmarks.synth.make_workspace`` when available, else a
quick bulk insert here) and kept in the temporary folder for later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEARTBEAT_MS = 10  # the GUI thread's timer; a gap much longer than this is a stall

WORDS = [
    "strike",
    "drone",
    "convoy",
    "shelling",
    "talks",
    "ceasefire",
    "protest",
    "border",
    "artillery",
    "summit",
    "sanctions",
    "evacuation",
    "offensive",
    "withdrawal",
    "election",
    "blockade",
    "exchange",
    "incursion",
    "refinery",
    "port",
]


def make_workspace(path: Path, events: int, actors: int = 60, seed: int = 7) -> Path:
    """A synthetic workspace of ``events`` events (one transaction, for speed)."""
    try:
        from benchmarks.synth import make_workspace as synth

        return Path(synth(path, events=events, actors=actors, seed=seed) or path)
    except ImportError:
        pass
    from models import dates
    from models.store import Workspace

    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00Z"
    with Workspace.open(path) as ws, ws.bulk() as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, aliases, created, updated) VALUES (?, ?, 'state', '[]', ?, ?)",
            [(i, f"Actor {i:03d}", stamp, stamp) for i in range(1, actors + 1)],
        )
        rows, links = [], []
        for event_id in range(1, events + 1):
            year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
            when = (
                f"{year:04d}-{month:02d}-{day:02d}"
                if rng.random() < 0.8
                else f"{year:04d}-{month:02d}~"
            )
            earliest, latest = dates.bounds(when)
            title = " ".join(rng.choice(WORDS) for _ in range(4)).capitalize()
            rows.append(
                (
                    event_id,
                    title,
                    f"{title} reported near sector {rng.randint(1, 500)}.",
                    when,
                    earliest,
                    latest,
                    rng.choice((None, 1, 2, 3)),
                    stamp,
                    stamp,
                )
            )
            for actor_id in rng.sample(range(1, actors + 1), rng.randint(1, 2)):
                links.append((event_id, actor_id))
            if len(rows) >= 50_000:
                _flush(conn, rows, links)
        _flush(conn, rows, links)
    return path


def _flush(conn, rows, links) -> None:
    conn.executemany(
        'INSERT INTO events (id, title, description, "when", earliest, latest, confidence, created, updated) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany("INSERT INTO event_actors (event_id, actor_id) VALUES (?, ?)", links)
    rows.clear()
    links.clear()


def one_run(path: Path) -> dict:
    """One measurement in this process (called in a fresh subprocess)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from models.search import EventFilter
    from ui.app import make_app

    app = make_app(test_mode=True)
    gaps: list[tuple[float, float]] = []  # (when the heartbeat ticked, time since the last tick)

    class Beat(QObject):
        last = time.perf_counter()

        def tick(self):
            now = time.perf_counter()
            gaps.append((now, now - self.last))
            self.last = now

    beat = Beat()
    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat.tick)

    def stall(since: float) -> float:
        """The longest the GUI thread went without its heartbeat since ``since``."""
        beat.tick()  # the gap up to now counts too
        return max((gap for when, gap in gaps if when > since), default=0.0)

    painted = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    def wait(condition, limit=60.0):
        deadline = time.perf_counter() + limit
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the views did not finish loading")
            time.sleep(0.001)

    from ui.main_window import MainWindow

    def idle() -> bool:
        return not window.event_model.loading and not getattr(window.timeline, "loading", False)

    start = time.perf_counter()
    window = MainWindow()
    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    window.resize(1600, 900)
    construct = time.perf_counter() - start
    timer.start()
    opening = beat.last = time.perf_counter()
    window.open_workspace(path)
    window.show()
    wait(lambda: painted)
    first_paint = painted[0] - start
    wait(lambda: not window.event_model.loading and window.event_model.rowCount() > 0)
    count = len(painted)
    window.table.viewport().update()
    wait(lambda: len(painted) > count)
    sorted_table = painted[-1] - start
    rows = window.event_model.rowCount()
    wait(idle)
    open_ready = time.perf_counter() - start
    open_stall = stall(opening)

    def timed(action) -> tuple[float, float]:
        """Seconds until the table and timeline show the result, and the longest stall."""
        begin = beat.last = time.perf_counter()
        action()
        wait(idle)
        window.event_model.index(0, 1).data()
        return time.perf_counter() - begin, stall(begin)

    sort_title, sort_title_stall = timed(
        lambda: window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    )
    sort_actors, sort_actors_stall = timed(
        lambda: window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    )
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # back to date order
    wait(idle)
    filter_actor, filter_actor_stall = timed(lambda: window.set_filter(EventFilter(actor_ids=(1,))))
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait(idle)
    search, search_stall = timed(lambda: window.set_filter(EventFilter(text="refinery")))
    clear, clear_stall = timed(window.clear_filter)
    timer.stop()
    window.close()
    QApplication.processEvents()
    return {
        "construct_s": round(construct, 4),
        "first_paint_s": round(first_paint, 4),
        "sorted_table_s": round(sorted_table, 4),
        "open_ready_s": round(open_ready, 4),
        "rows": rows,
        "sort_title_s": round(sort_title, 4),
        "sort_actors_s": round(sort_actors, 4),
        "filter_actor_s": round(filter_actor, 4),
        "search_s": round(search, 4),
        "clear_filter_s": round(clear, 4),
        "open_stall_s": round(open_stall, 4),
        "sort_title_stall_s": round(sort_title_stall, 4),
        "sort_actors_stall_s": round(sort_actors_stall, 4),
        "filter_actor_stall_s": round(filter_actor_stall, 4),
        "search_stall_s": round(search_stall, 4),
        "clear_filter_stall_s": round(clear_stall, 4),
        "max_gui_stall_s": round(
            max(
                open_stall,
                sort_title_stall,
                sort_actors_stall,
                filter_actor_stall,
                search_stall,
                clear_stall,
            ),
            4,
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one)))
        return 0
    try:
        import benchmarks.synth  # noqa: F401

        kind = "synth"
    except ImportError:
        kind = "quick"
    path = (
        args.workspace or Path(tempfile.gettempdir()) / f"annalist-ui-{kind}-{args.events}.annalist"
    )
    made = None
    if not path.exists():
        begin = time.perf_counter()
        make_workspace(path, args.events)
        made = round(time.perf_counter() - begin, 1)
    runs = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    keys = [k for k in runs[0] if k != "rows"]
    result = {
        "benchmark": "ui_open",
        "workspace": str(path),
        "events": runs[0]["rows"],
        "runs": args.runs,
        "generated_in_s": made,
        "median": {k: round(statistics.median(r[k] for r in runs), 4) for k in keys},
        "all": runs,
        "goal": "first_paint_s and sorted_table_s <= 1.0; every *_stall_s < 0.1",
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
