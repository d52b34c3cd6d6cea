"""Screenshots of the window while a big workspace is read in the background.

    xvfb-run -a -s "-screen 0 1600x900x24" python tools/screenshots_busy.py \\
        [--out screenshots/busy] [--workspace BIG.annalist] [--events 1000000]

Opens a big workspace (``--workspace``, or one of ``--events`` synthetic events made once with
``benchmarks/synth.py`` and kept beside the images) in the main window and shoots it while
the views wait and once they have their answer: opening, filtering by a search word, and
sorting the table by actors. The busy indicator sits in the status bar; the previous view
stays on screen meanwhile. Under Xvfb the real screen is grabbed (menus and all); offscreen,
the window alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots/busy"))
    parser.add_argument("--workspace", type=Path, default=None)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.workspace or args.out / f"synth-{args.events}.annalist"
    if not path.exists():
        from benchmarks.synth import make_workspace

        print(f"making {path} ({args.events:,} events) ...")
        make_workspace(path, events=args.events, actors=20)
    os.environ.setdefault("ANNALIST_DATA_DIR", tempfile.mkdtemp(prefix="annalist-shots-"))

    from PySide6.QtCore import Qt

    from models.search import EventFilter
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app(test_mode=True)
    window = MainWindow()
    window.resize(1600, 900)
    window.move(0, 0)
    window.show()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    def idle() -> None:
        while window.is_busy():
            settle(0.05)
        settle(0.4)

    def shot(name: str) -> None:
        target = args.out / f"{name}.png"
        if app.platformName() == "offscreen":
            window.grab().save(str(target))
        else:
            app.primaryScreen().grabWindow(0).save(str(target))
        busy = window.busy.label.text() if window.is_busy() else "idle"
        print(f"{target} ({busy})")

    settle(0.5)
    window.open_workspace(path)
    settle(0.15)
    shot("1-opening")
    idle()
    shot("2-open")
    window.set_filter(EventFilter(text="refinery"))
    settle(0.06)
    shot("3-filtering")
    idle()
    shot("4-filtered")
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    settle(0.1)
    shot("5-sorting-by-actors")
    idle()
    shot("6-sorted-by-actors")
    window.close()


if __name__ == "__main__":
    main()
