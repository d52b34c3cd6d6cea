"""Timeline speed: frames of the real widget rendered offscreen, load time and memory.

    python benchmarks/timeline_frame.py [--events 1000000] [--frames 80] [--keep DIR]

For 1k, 10k, 100k and 1M events (up to ``--events``) with 20 actor lanes, a synthetic
workspace is made with ``benchmarks/synth.py`` (kept in ``--keep`` for the next run), then a
fresh process loads it into a ``TimelineView`` and paints 1600x900 QImages:

- ``full``, ``1%``, ``0.01%``: the view at that share of the whole range, nudged a pixel
  left or right between frames (a view in use: hover, selection, small moves);
- ``panning``: dragging across the range at 1 % zoom, 16 pixels a frame;
- ``zooming``: zooming from everything to 0.01 % and back, 4 % a frame (no count is ever
  reused: the worst case).

Prints a JSON list, one object per size and view, with ``events``, ``lanes``, ``view``,
``median_ms``, ``p95_ms`` (wall clock per frame), ``load_s`` (workspace file into the widget,
median of three loads), ``rss_mb`` (peak resident memory of that process), ``frames``, and
beside them ``cpu_median_ms``/``cpu_p95_ms`` (process CPU time per frame, all threads) and
``machine_load`` (1-minute load average when the size started: other work on a 2-core
machine inflates the wall-clock figures). Goals on a
2-core machine at 1M events: p95 <= 16 ms in every view, load <= 1.5 s, memory <= 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (1_000, 10_000, 100_000, 1_000_000)
ACTORS = 20
WIDTH, HEIGHT = 1600, 900


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(path: Path, events: int, frames: int) -> list[dict]:
    """Runs inside a fresh process: load ``path`` into a TimelineView and time frames."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from models.store import Workspace
    from ui.timeline import TimelineView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    load_average = os.getloadavg()[0]  # other work on the machine slows the wall-clock figures
    ws = Workspace.open(path, readonly=True)
    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    loads = []
    for _ in range(3):
        began = time.perf_counter()
        view.set_workspace(ws)
        view.wait_loaded()  # a big workspace loads in the background
        loads.append(time.perf_counter() - began)
    load_s = statistics.median(loads)
    image = QImage(WIDTH, HEIGHT, QImage.Format_ARGB32_Premultiplied)
    lanes = len(view.shown_lanes())
    view.fit_all()
    first, last = view.visible_range()
    middle, span = (first + last) / 2, last - first

    cpu: dict[str, list[float]] = {}

    def timed(step, name: str) -> list[float]:
        times, spent = [], cpu.setdefault(name, [])
        view.render_image(image)  # the first frame at a new view is counted by "zooming"
        for number in range(frames):
            step(number)
            began, began_cpu = time.perf_counter(), time.process_time()
            view.render_image(image)
            times.append((time.perf_counter() - began) * 1000)
            spent.append((time.process_time() - began_cpu) * 1000)
        return times

    def nudge(number: int) -> None:
        view.scale.pan(1 if number % 2 else -1)

    results = {}
    for name, share in (("full", 1.0), ("1%", 0.01), ("0.01%", 0.0001)):
        view.set_visible_range(middle - span * share / 2, middle + span * share / 2)
        results[name] = timed(nudge, name)
    view.set_visible_range(middle - span * 0.005, middle + span * 0.005)
    direction = [16]

    def pan(number: int) -> None:
        t0, t1 = view.visible_range()
        if t1 > last or t0 < first:
            direction[0] = -direction[0]
        view.scale.pan(direction[0])

    results["panning"] = timed(pan, "panning")
    view.fit_all()
    zoom = [1.04]

    def zooming(number: int) -> None:
        t0, t1 = view.visible_range()
        if t1 - t0 < span * 0.0001 or t1 - t0 > span:
            zoom[0] = 1 / zoom[0]
        view.scale.zoom_at(view.scale.left + view.scale.width / 2, zoom[0])

    results["zooming"] = timed(zooming, "zooming")
    rss_mb = peak_rss_mb()
    ws.close()
    del app
    return [
        {
            "events": events,
            "lanes": lanes,
            "view": name,
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 0.95), 2),
            "max_ms": round(max(times), 2),
            "frames": len(times),
            "load_s": round(load_s, 3),
            "rss_mb": round(rss_mb, 1),
            "cpu_median_ms": round(statistics.median(cpu[name]), 2),
            "cpu_p95_ms": round(percentile(cpu[name], 0.95), 2),
            "machine_load": round(load_average, 2),
        }
        for name, times in results.items()
    ]


def workspace(folder: Path, events: int) -> Path:
    path = folder / f"timeline-{events}.annalist"
    if not path.exists():
        from benchmarks.synth import make_workspace

        print(f"making {path.name} ...", file=sys.stderr)
        make_workspace(path, events=events, actors=ACTORS, seed=1)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process. On Linux from /proc (VmHWM starts afresh at exec;
    ru_maxrss keeps the high-water mark of the parent we were forked from, which may have
    just built a million-event workspace)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=SIZES[-1], help="largest size to run")
    parser.add_argument("--frames", type=int, default=80, help="frames timed per view")
    parser.add_argument("--keep", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "EVENTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), int(args.child[1]), args.frames)))
        return
    args.keep.mkdir(parents=True, exist_ok=True)
    sizes = [n for n in SIZES if n <= args.events] or [args.events]
    rows = []
    for events in sizes:
        path = workspace(args.keep, events)
        command = [sys.executable, __file__, "--child", str(path), str(events)]
        done = subprocess.run(
            command + ["--frames", str(args.frames)], capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"The run with {events:,} events failed:\n{done.stderr}")
        rows += json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
