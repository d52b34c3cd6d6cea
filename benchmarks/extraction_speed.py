"""Measure extraction speed; prints JSON.

    python benchmarks/extraction_speed.py [--runs N] [--words N] [--big-mb N]

Times ``ingest.extract`` on a synthetic news article of about ``--words`` words (default
1,000) after a warm-up, ``--runs`` times (default 15), and reports the median and spread.
With ``--big-mb`` it also times one pass over a text of that many megabytes (hostile-size
input), and a few pathological inputs (long digit runs, repeated words).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import extract  # noqa: E402

PARAGRAPHS = [
    "KYIV, Nov 14 (Reuters) - Ukrainian forces struck a Russian ammunition depot in the Kursk "
    "region on Tuesday, the General Staff said, two days after Russian drones hit the port of "
    "Odesa. President Volodymyr Zelensky said on Wednesday that Kyiv would need more air defence "
    "systems before the winter.",
    "The Kremlin did not comment. Moscow said its troops had captured the village of Kurakhove "
    "in late October, a claim the Institute for the Study of War (ISW) could not verify. Defence "
    "Minister Andrei Belousov visited units in the Donetsk region last week.",
    "In Brussels, NATO Secretary General Mark Rutte met European Union foreign ministers on 12 "
    "November 2024 to discuss the war, which began in February 2022. The IAEA said on Monday "
    "that its inspectors at the Zaporizhzhia nuclear power plant had heard explosions overnight.",
    "Fighting around Pokrovsk has intensified since mid-2024, and the UN refugee agency said more "
    "than 6 million Ukrainians remained abroad. From 6 to 9 August, Ukrainian units advanced "
    "into Russia's Kursk region, taking dozens of settlements in three days.",
    "Analysts at the Royal United Services Institute said the next three months would be "
    "decisive. Prices of grain rose 4% in the third quarter, and exports through the Black Sea "
    "corridor recovered to levels last seen in the summer of 2021.",
]


def article(words: int) -> str:
    parts: list[str] = []
    count = 0
    index = 0
    while count < words:
        paragraph = PARAGRAPHS[index % len(PARAGRAPHS)]
        parts.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(parts)


def timed(text: str, published: str | None = "2024-11-14") -> float:
    started = time.perf_counter()
    extract(text, published=published)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--big-mb", type=float, default=0.0)
    args = parser.parse_args(argv)
    text = article(args.words)
    for _ in range(3):
        timed(text)  # warm-up: compiled patterns, the gazetteer
    runs = [timed(text) for _ in range(args.runs)]
    report = {
        "words": len(text.split()),
        "characters": len(text),
        "runs": args.runs,
        "median_ms": round(1000 * statistics.median(runs), 1),
        "min_ms": round(1000 * min(runs), 1),
        "max_ms": round(1000 * max(runs), 1),
    }
    if args.big_mb:
        big = article(int(args.big_mb * 1_000_000 / 6.3))
        report["big_characters"] = len(big)
        report["big_seconds"] = round(timed(big), 2)
        hostile = {
            "digits_100k": "1" * 100_000,
            "the_x50k": "the " * 50_000,
            "capitalised_x40k": "Aa " * 40_000,
            "ministry_of_x20k": "Ministry of " * 20_000,
        }
        report["hostile_seconds"] = {
            name: round(timed(value), 2) for name, value in hostile.items()
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
