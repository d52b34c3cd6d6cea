"""Group temporal-tagging errors by pattern, on chosen cross-validation folds only.

    python benchmarks/timex_errors.py --dev 0,1,2 [--folds 4] [--kind miss|false|value|type|span]
                                      [--top N] [--examples N] [--corpus NAME]

Only documents of the ``--dev`` folds are read, so the other folds stay unseen and their
scores stay an honest check. Each error is reduced to a pattern: the expression's words with
digits as ``9``, months as ``MONTH``, weekdays as ``WEEKDAY`` and number words as ``NUM``,
and for value errors the shape of the gold and system values (``9999-W99`` vs ``9999-99``).
Patterns are listed commonest first with a few examples (document, text, values, context).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import timex_folds  # noqa: E402

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_NUMBERS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred|several|few|many"
)


def text_pattern(text: str) -> str:
    """The words of an expression with the variable parts replaced."""
    words = " ".join(text.lower().split())
    words = re.sub(rf"\b(?:{_MONTHS})\b\.?", "MONTH", words)
    words = re.sub(rf"\b(?:{_WEEKDAYS})\b", "WEEKDAY", words)
    words = re.sub(rf"\b(?:{_NUMBERS})\b", "NUM", words)
    return re.sub(r"\d", "9", words)


def value_shape(value: str | None) -> str:
    """A value with its digits as ``9`` (``2024-W46`` -> ``9999-W99``)."""
    return re.sub(r"\d", "9", str(value))


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def errors(documents: list[timex_folds.Document]) -> list[dict]:
    """Every miss, false alarm, span, value and type error, TempEval-3 matching."""
    found = []
    for doc in documents:
        used: set[int] = set()
        for gold in doc.gold:
            best = None
            for index, system in enumerate(doc.system):
                if index in used or not (
                    system["start"] < gold["end"] and gold["start"] < system["end"]
                ):
                    continue
                best = index
                if (system["start"], system["end"]) == (gold["start"], gold["end"]):
                    break
            base = {"doc": doc.name, "corpus": doc.corpus, "dct": str(doc.published)}
            if best is None:
                found.append(
                    {
                        **base,
                        "kind": "miss",
                        "text": gold["text"],
                        "gold": gold["value"],
                        "gold_type": gold["type"],
                        "system": None,
                        "context": _context(doc.text, gold["start"], gold["end"]),
                    }
                )
                continue
            used.add(best)
            system = doc.system[best]
            pair = {
                **base,
                "text": gold["text"],
                "system_text": system["text"],
                "gold": gold["value"],
                "system": system["value"],
                "gold_type": gold["type"],
                "system_type": system["type"],
                "context": _context(doc.text, gold["start"], gold["end"]),
            }
            if (system["start"], system["end"]) != (gold["start"], gold["end"]):
                found.append({**pair, "kind": "span"})
            if str(system["value"]) != str(gold["value"]):
                found.append({**pair, "kind": "value"})
            if str(system["type"]).upper() != str(gold["type"]).upper():
                found.append({**pair, "kind": "type"})
        for index, system in enumerate(doc.system):
            if index not in used:
                found.append(
                    {
                        **base,
                        "kind": "false",
                        "text": system["text"],
                        "gold": None,
                        "system": system["value"],
                        "system_type": system["type"],
                        "context": _context(doc.text, system["start"], system["end"]),
                    }
                )
    return found


def group(found: list[dict], kind: str) -> list[tuple[str, list[dict]]]:
    """Errors of one kind by pattern, commonest first."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for error in found:
        if error["kind"] != kind:
            continue
        key = text_pattern(error["text"])
        if kind == "value":
            key += f"  |  {value_shape(error['gold'])} vs {value_shape(error['system'])}"
        elif kind == "type":
            key += f"  |  {error['gold_type']} vs {error['system_type']}"
        elif kind == "span":
            key = f"{text_pattern(error['text'])}  |  sys: {text_pattern(error['system_text'])}"
        elif kind == "miss":
            key += f"  |  {error['gold_type']} {value_shape(error['gold'])}"
        groups[key].append(error)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def grep(documents: list[timex_folds.Document], pattern: str) -> dict:
    """Every match of ``pattern`` in the documents with the gold and system timexes over it.

    Shows how the annotators treat a kind of expression across the folds looked at (how
    often it is marked, with which value), before a rule about it is written.
    """
    regex = re.compile(pattern, re.IGNORECASE)
    rows = []
    for doc in documents:
        for match in regex.finditer(doc.text[: doc.window_end]):
            start, end = match.span()

            def over(timexes, start=start, end=end):
                return [
                    (t["text"], t["value"])
                    for t in timexes
                    if t["start"] < end and start < t["end"]
                ]

            rows.append(
                {
                    "doc": doc.name,
                    "dct": str(doc.published),
                    "gold": over(doc.gold),
                    "system": over(doc.system),
                    "context": _context(doc.text, start, end),
                }
            )
    marked = sum(1 for row in rows if row["gold"])
    agree = sum(1 for row in rows if row["gold"] == row["system"])
    return {"matches": len(rows), "gold_marked": marked, "system_agrees": agree, "rows": rows}


def save(documents: list[timex_folds.Document], path: Path) -> None:
    """Keep the system's timexes per document, to compare a later run with (``--diff``)."""
    path.write_text(json.dumps({d.name: d.system for d in documents}))


def diff(documents: list[timex_folds.Document], path: Path) -> list[str]:
    """The timexes that changed since ``--save``, each marked by how it now fares against
    the gold: ``+`` now right (was wrong or absent), ``-`` now wrong, ``~`` wrong both ways."""
    before = json.loads(path.read_text())
    lines = []
    for doc in documents:
        old = {(t["start"], t["end"], t["value"], t["type"]) for t in before.get(doc.name, [])}
        new = {(t["start"], t["end"], t["value"], t["type"]) for t in doc.system}
        gold = {(g["start"], g["end"]): g["value"] for g in doc.gold}
        for item, sign in [(t, "now") for t in new - old] + [(t, "was") for t in old - new]:
            start, end, value, _type = item
            covering = [v for (gs, ge), v in gold.items() if gs < end and start < ge]
            right = bool(covering) and covering[0] == value
            mark = {("now", True): "+", ("was", True): "-"}.get((sign, right), "~")
            lines.append(
                f"{mark} {sign} {value:<14} gold={covering[:1] or None} {doc.name[:24]}"
                f" {_context(doc.text, start, end, 50)}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--tools", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--dev", required=True, help="comma-separated folds to look at")
    parser.add_argument(
        "--kind", default="miss,false,value,type,span", help="comma-separated error kinds"
    )
    parser.add_argument("--corpus", default="", help="timebank, aquaint or meantime only")
    parser.add_argument("--top", type=int, default=25, help="patterns per kind")
    parser.add_argument("--examples", type=int, default=2, help="examples per pattern")
    parser.add_argument("--save", type=Path, help="save system timexes to compare later")
    parser.add_argument("--diff", type=Path, help="show what changed since --save")
    parser.add_argument("--grep", default="", help="list matches of a regex with gold and system")
    args = parser.parse_args(argv)
    corpora = args.corpora.resolve()
    tools = (args.tools or corpora.parent / "tools").resolve()
    dev = {int(f) for f in args.dev.split(",")}
    documents = [
        d
        for d in timex_folds.load(corpora, tools, args.folds)
        if d.fold in dev and (not args.corpus or d.corpus == args.corpus)
    ]
    timex_folds.run(documents)
    if args.save:
        save(documents, args.save)
    if args.diff:
        for line in diff(documents, args.diff):
            print(line)
        return 0
    if args.grep:
        result = grep(documents, args.grep)
        print({k: v for k, v in result.items() if k != "rows"})
        for row in result["rows"][: args.top]:
            print(f"{row['doc'][:28]} dct={row['dct']} gold={row['gold']} sys={row['system']}")
            print(f"        {row['context']}")
        return 0
    found = errors(documents)
    for kind in args.kind.split(","):
        groups = group(found, kind)
        total = sum(len(items) for _, items in groups)
        print(f"\n=== {kind}: {total} in {len(groups)} patterns (folds {sorted(dev)})")
        for key, items in groups[: args.top]:
            print(f"{len(items):4d}  {key}")
            for error in items[: args.examples]:
                print(
                    f"        {error['doc'][:28]} dct={error['dct']} gold={error['gold']}"
                    f" sys={error['system']}  {error['context']}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
