"""Screenshots of the timeline widget, for looking at what it draws.

    python tools/screenshots_timeline.py [--out screenshots/timeline] [--events 1000000]
                                         [--synth PATH] [--skip-synth]

Renders the widget offscreen (1600 x 900) at three zoom levels for the demo workspace (all
events; the year 2022; one week of October 2023) and for a synthetic workspace of ``--events``
events with 20 actors (everything, 1 % and 0.01 % of the range), plus the demo by tag and in
one lane, a selection, and an SVG export. The synthetic workspace is made once with
``benchmarks/synth.py`` and kept beside the images (``--synth`` reuses another).
"""

from __future__ import annotations

import argparse
import calendar
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models import demo  # noqa: E402
from models.store import Workspace  # noqa: E402
from ui.timeline import TimelineView  # noqa: E402

SIZE = (1600, 900)


def utc(*parts: int) -> int:
    return calendar.timegm((*parts, 1, 1, 0, 0, 0)[:3] + (*parts[3:], 0, 0, 0)[:3])


def shoot(view: TimelineView, path: Path) -> None:
    image = QImage(*SIZE, QImage.Format_ARGB32_Premultiplied)
    view.render_image(image)
    image.save(str(path))
    print(path)


def demo_shots(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(Path(folder) / "demo.annalist")
        demo.load_demo(ws)
        view = TimelineView()
        view.resize(*SIZE)
        view.set_workspace(ws)
        shoot(view, out / "demo-1-all.png")
        view.set_visible_range(utc(2022, 1, 1), utc(2023, 1, 1))
        shoot(view, out / "demo-2-year-2022.png")
        view.set_visible_range(utc(2023, 10, 4), utc(2023, 10, 11))
        shoot(view, out / "demo-3-week-oct-2023.png")
        view.fit_all()
        view.set_lane_mode("tag")
        shoot(view, out / "demo-4-by-tag.png")
        view.set_lane_mode("single")
        view.set_visible_range(utc(2021, 6, 1), utc(2025, 6, 1))
        shoot(view, out / "demo-5-single-lane.png")
        view.set_lane_mode("actor")
        ids = [
            row[0]
            for row in ws.conn.execute("SELECT id FROM events WHERE \"when\" LIKE '2022-02-2%'")
        ]
        view.set_selected_ids(ids)
        view.set_visible_range(utc(2021, 9, 1), utc(2022, 6, 1))
        shoot(view, out / "demo-6-selection.png")
        view.export_svg(out / "demo-7-export.svg")
        print(out / "demo-7-export.svg")
        ws.close()


def synth_shots(out: Path, events: int, synth: Path | None) -> None:
    path = synth or out / f"synth-{events}.annalist"
    if not path.exists():
        from benchmarks.synth import make_workspace

        print(f"making {path} ({events:,} events) ...")
        make_workspace(path, events=events, actors=20)
    ws = Workspace.open(path, readonly=True)
    view = TimelineView()
    view.resize(*SIZE)
    view.set_workspace(ws)
    view.wait_loaded()  # a big workspace loads in the background
    first, last = view.visible_range()
    middle, span = (first + last) / 2, last - first
    shoot(view, out / "synth-1-all.png")
    view.set_visible_range(middle - span * 0.005, middle + span * 0.005)
    shoot(view, out / "synth-2-1pct.png")
    view.set_visible_range(middle - span * 0.00005, middle + span * 0.00005)
    shoot(view, out / "synth-3-0.01pct.png")
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots/timeline"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--synth", type=Path, default=None)
    parser.add_argument("--skip-synth", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    demo_shots(args.out)
    if not args.skip_synth:
        synth_shots(args.out, args.events, args.synth)
    del app


if __name__ == "__main__":
    main()
