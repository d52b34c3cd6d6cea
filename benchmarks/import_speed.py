"""How fast importing is: the review dialog after a drop, 100 articles headless, extraction.

Run from the repository root::

    python benchmarks/import_speed.py [--runs 5] [--events 100000] [--articles 100]

Prints JSON (medians of several runs, seconds):

- ``review_open_s``: from ``start_import`` (a dropped saved page) to the review dialog shown,
  in a workspace of ``--events`` synthetic events (goal <= 1 s); ``review_open_cold_s`` is
  the first drop after start-up, which also starts the readers' fork server;
- ``headless_100_s``: ``python main.py import <100 files> --accept all`` into a new
  workspace, process start included (goal <= 60 s); the files are distinct articles in all
  eight formats;
- ``extract_1000_words_s``: ``ingest.extract`` on a 1,000-word article after warm-up
  (goal <= 0.15 s).
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
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]


def _paragraphs(number: int, rng: random.Random) -> list[str]:
    from tests.ingest import readers_fixtures as kharkiv
    from tests.ui import import_samples as ceasefire

    pool = ceasefire.PARAGRAPHS[1:] + kharkiv.ARTICLE_PARAGRAPHS[1:]
    chosen = rng.sample(pool, 6)
    lead = ceasefire.PARAGRAPHS[0] if number % 2 else kharkiv.ARTICLE_PARAGRAPHS[0]
    # A sentence of its own makes every article distinct (no duplicate refusals).
    return [lead, f"This is dispatch number {number} of the series.", *chosen]


def make_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` distinct articles, cycling through the eight supported formats."""
    from tests.ingest import readers_fixtures as F

    rng = random.Random(seed)
    paths = []
    for number in range(count):
        paragraphs = _paragraphs(number, rng)
        title = f"Dispatch {number}: ceasefire and strikes"
        kind = ("txt", "html", "pdf", "docx", "eml", "odt", "rtf", "mhtml")[number % 8]
        path = folder / f"dispatch{number:03d}.{kind}"
        if kind == "txt":
            path.write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
        elif kind == "html":
            path.write_text(F.news_page(paragraphs, title), encoding="utf-8")
        elif kind == "pdf":
            F.make_pdf(path, paragraphs, title, "Desk", creation_date="D:20241127091200Z")
        elif kind == "docx":
            F.make_docx(path, paragraphs, title, "Desk", "2024-11-27T09:12:00Z")
        elif kind == "eml":
            message = EmailMessage()
            message["Subject"] = title
            message["From"] = "Desk <desk@example.org>"
            message["Date"] = "Wed, 27 Nov 2024 09:12:00 +0200"
            message.set_content("\n\n".join(paragraphs))
            path.write_bytes(bytes(message))
        elif kind == "odt":
            F.make_odt(path, paragraphs, title, "Desk")
        elif kind == "rtf":
            body = r"\par\par ".join(p.encode("ascii", "replace").decode() for p in paragraphs)
            path.write_text(
                r"{\rtf1\ansi{\info{\title " + title + r"}}\pard " + body + r"\par}",
                encoding="ascii",
            )
        else:
            F.make_mhtml(path, F.news_page(paragraphs, title))
        paths.append(path)
    return paths


def thousand_words() -> str:
    from tests.ingest import readers_fixtures as kharkiv
    from tests.ui import import_samples as ceasefire

    paragraphs = ceasefire.PARAGRAPHS + kharkiv.ARTICLE_PARAGRAPHS
    text, words = [], 0
    while words < 1000:
        for paragraph in paragraphs:
            text.append(paragraph)
            words += len(paragraph.split())
            if words >= 1000:
                break
    return "\n\n".join(text)


def bench_extract(runs: int) -> dict:
    import ingest

    text = thousand_words()
    ingest.extract(text, published="2024-11-27")  # warm-up: gazetteer, patterns
    times = []
    for _ in range(max(runs, 20)):
        started = time.perf_counter()
        found = ingest.extract(text, published="2024-11-27")
        times.append(time.perf_counter() - started)
    result = found.to_dict()
    return {
        "words": len(text.split()),
        "median_s": round(statistics.median(times), 4),
        "timexes": len(result["timexes"]),
        "actors": len(result["actors"]),
        "events": len(result["events"]),
    }


def bench_headless(folder: Path, paths: list[Path], runs: int) -> dict:
    times, last = [], None
    for run in range(runs):
        target = folder / f"headless{run}.annalist"
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "import",
                *map(str, paths),
                "-w",
                str(target),
                "--accept",
                "all",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"headless import failed: {done.stderr}")
        last = target
    from models import queries
    from models.store import Workspace

    with Workspace.open(last, create=False) as ws:
        stored = (len(queries.list_sources(ws)), queries.count_events(ws))
    return {
        "articles": len(paths),
        "median_s": round(statistics.median(times), 2),
        "per_article_s": round(statistics.median(times) / len(paths), 3),
        "sources_stored": stored[0],
        "events_stored": stored[1],
    }


def bench_review_open(folder: Path, events: int, runs: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QMainWindow

    from benchmarks.synth import make_workspace
    from models.store import Workspace
    from ui.import_flow import start_import

    app = QApplication.instance() or QApplication([])
    path = make_workspace(folder / "big.annalist", events=events, actors=40)
    ws = Workspace.open(path)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    stack = QUndoStack(window)
    (folder / "drops").mkdir()
    every = make_articles(folder / "drops", 8 * (runs + 1), seed=11)
    pages = [p for p in every if p.suffix == ".html"][: runs + 1]
    times = []
    for page in pages:
        loop = QEventLoop()
        opened = []
        started = time.perf_counter()
        flow = start_import(window, ws, stack, [page])

        def shown(dialog, opened=opened, started=started):
            opened.append(time.perf_counter() - started)
            QTimer.singleShot(0, dialog.reject)

        flow.reviewOpened.connect(shown)
        flow.finished.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        if not opened:
            raise SystemExit("the review dialog did not open")
        times.append(opened[0])
    ws.close()
    window.close()
    app.processEvents()
    return {
        "workspace_events": events,
        "cold_s": round(times[0], 3),
        "median_s": round(statistics.median(times[1:]), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        review = bench_review_open(folder, args.events, args.runs)
        (folder / "batch").mkdir()
        paths = make_articles(folder / "batch", args.articles)
        headless = bench_headless(folder, paths, max(1, min(args.runs, 3)))
        extract = bench_extract(args.runs)
    print(
        json.dumps(
            {
                "review_open_s": review["median_s"],
                "review_open_cold_s": review["cold_s"],
                "review_workspace_events": review["workspace_events"],
                "headless_100_s": headless["median_s"],
                "headless": headless,
                "extract_1000_words_s": extract["median_s"],
                "extract": extract,
                "goals": {
                    "review_open_s": 1.0,
                    "headless_100_s": 60.0,
                    "extract_1000_words_s": 0.15,
                },
                "runs": args.runs,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
