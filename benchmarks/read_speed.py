"""How fast the readers are: median seconds per file, in process and through the worker.

Run from the repository root: ``python benchmarks/read_speed.py [--runs 5]``. Prints JSON.
The files are generated (see tests/ingest/readers_fixtures.py), so results are comparable
between machines and commits.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ingest")]

import readers_fixtures as F  # noqa: E402

from ingest.readers import read  # noqa: E402


def _files(folder: Path) -> dict[str, Path]:
    long_text = [f"Paragraph {i}. " + p for i in range(60) for p in F.ARTICLE_PARAGRAPHS]
    files = {
        "html (news page)": folder / "page.html",
        "pdf (50 pages)": folder / "report.pdf",
        "docx (180 paragraphs)": folder / "report.docx",
        "txt (5 MB, cp1252)": folder / "dump.txt",
        "eml (20 MB attachment)": folder / "mail.eml",
    }
    files["html (news page)"].write_text(F.news_page(), encoding="utf-8")
    pages = [[f"Page {n}. " + p for p in F.ARTICLE_PARAGRAPHS * 3] for n in range(50)]
    F.make_pdf(files["pdf (50 pages)"], pages=pages)
    F.make_docx(files["docx (180 paragraphs)"], paragraphs=long_text)
    text = "\n\n".join(long_text).replace("'", "’") + " café"
    files["txt (5 MB, cp1252)"].write_bytes((text * (5_000_000 // len(text) + 1)).encode("cp1252"))
    F.make_eml(files["eml (20 MB attachment)"], attachment=b"\x00" * 20_000_000)
    return files


def _median(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = _files(Path(folder))
        read(files["html (news page)"])  # start the worker machinery once
        results = {}
        for label, path in files.items():
            results[label] = {
                "bytes": path.stat().st_size,
                "in_process_s": _median(lambda p=path: read(p, in_process=True), args.runs),
                "worker_s": _median(lambda p=path: read(p, timeout=120), args.runs),
            }
    print(json.dumps({"runs": args.runs, "median_seconds": results}, indent=2))


if __name__ == "__main__":
    main()
