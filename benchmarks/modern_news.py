"""Score extraction on the modern conflict-news set; prints JSON.

    python benchmarks/modern_news.py [--data DIR] [--errors] [--only ID]

The set (``benchmarks/data/modern``, see its README) is short 2020s-style articles written
for this project: wire copy with datelines, web articles, situation reports, think-tank
briefs and conflict-monitor summaries, each with gold TIMEX3s inline, its publication
date, its actors and the event proposals a careful analyst expects.
Other sets: ``modern_dev2`` to ``modern_dev7`` are development sets written independently
(their errors may be read); ``modern_heldout`` and ``modern_heldout2`` to ``modern_heldout6``
are held out (see their READMEs): report their totals only; never tune on their
per-document errors. ``--errors`` also lists, for matched events, actors that differ from
the gold. What is scored:

* Timexes, TempEval-3 style: relaxed (overlapping spans, one-to-one), strict (same span),
  value and type (agreement among relaxed matches), each an F1 over the system's and the
  gold's counts. A gold value may list accepted alternatives (``2024-11-27TNI|2024-11-28``)
  where the TimeML convention leaves a choice.
* Actors: the document's canonical actor names (places are not actors and are left out on
  both sides); names on an ``actors?:`` line are neither required nor wrong.
* Events: a proposal matches a gold event when its date falls within the gold date (one of
  its ``|`` alternatives; ``models.dates`` bounds) and, when the gold lists actors, they
  share one. Matching is one-to-one, in reading order. ``event?:`` lines are optional:
  matching one is neither a hit nor a false proposal. ``event_actors`` scores the actors
  (places left out) of matched proposals against their gold event's.

``--errors`` adds each document's misses and false proposals to the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.dates import DateError, parse  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "modern"
_TAG = re.compile(r'<TIMEX3 type="(\w+)" value="([^"]*)">(.*?)</TIMEX3>', re.DOTALL)


@dataclass
class GoldEvent:
    """One expected proposal: accepted dates, a reference headline and its actors."""

    dates: list[str]
    title: str
    actors: list[str]
    optional: bool = False


@dataclass
class Article:
    """One annotated article of the set."""

    ident: str
    style: str
    published: str
    text: str
    timexes: list[dict] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    optional_actors: set[str] = field(default_factory=set)
    events: list[GoldEvent] = field(default_factory=list)


def _names(value: str) -> list[str]:
    return [entity(name.strip()) for name in value.split(";") if name.strip()]


@cache
def entity(name: str) -> str:
    """One spelling per actor for comparing gold and system names: the built-in gazetteer's
    name when it knows the form (an acronym or alias: "JNIM", "ECOWAS"; "United States X"
    as "US X"), without a company's legal form ("Co., Ltd."), without accents ("António
    Guterres" and "Antonio Guterres" are one person)."""
    from ingest.extract import gazetteer

    known = gazetteer.builtin()
    entry = known.lookup(name)
    if entry is None and name.startswith("United States "):
        entry = known.lookup("US " + name.removeprefix("United States "))  # "US Senate"
    name = entry.name if entry is not None and entry.kind != "place" else name
    name = _LEGAL_FORM.sub("", name)  # "Navid Rahnegar Pars Co." is "Navid Rahnegar Pars"
    name = _ministry(_state_body(name))
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))


_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Co\.?|Ltd\.?|LLC|Inc\.?|Corp\.?|PLC|GmbH|S\.A\.|JSC))+$")
_FIELD_FIRST = re.compile(r"^(?P<adj>[A-Z][\w'’-]+)\s+(?P<field>[A-Z][\w ]+?)\s+Ministry$")
_FIELD_LAST = re.compile(
    r"^(?P<adj>[A-Z][\w'’-]+)\s+Ministry\s+of\s+(?:the\s+)?(?P<field>[A-Z][\w ]+)$"
)
_FIELDS = {"Foreign": "Foreign Affairs", "Defense": "Defence", "Home": "Home Affairs"}


def _state_body(name: str) -> str:
    """ "Armed Forces of Ecuador" and "Ecuadorian Armed Forces" are one body."""
    from ingest.extract import gazetteer

    known = gazetteer.builtin()
    if known.lookup(name) is not None:
        return name  # "Democratic Republic of the Congo" is a name of its own
    words = name.split()
    for cut in range(min(3, len(words) - 1), 0, -1):
        # "Taiwan Coast Guard Administration" is the "Taiwanese Coast Guard Administration"
        entry = known.lookup(" ".join(words[:cut]))
        if entry is not None and entry.kind == "state" and entry.role != "adjective":
            adjective = known.demonym(entry.name)
            if adjective and words[cut][:1].isupper():
                return " ".join([adjective, *words[cut:]])
            break
    for match in (_BODY_OF_FIRST.fullmatch(name), _BODY_OF_LAST.fullmatch(name)):
        entry = known.lookup(match["state"]) if match else None
        if entry is not None and entry.kind == "state" and entry.role != "adjective":
            adjective = known.demonym(entry.name)
            return f"{adjective} {match['body']}" if adjective else name
    return name


_BODY_OF_FIRST = re.compile(r"(?P<body>[A-Z][\w ]+?) of (?:the )?(?P<state>[A-Z][\w ]+)")
_BODY_OF_LAST = re.compile(r"(?P<body>[A-Z][\w ]+) of (?:the )?(?P<state>[A-Z][\w ]+)")


def _ministry(name: str) -> str:
    """ "Kazakh Foreign Ministry" and "Kazakh Ministry of Foreign Affairs" are one body."""
    match = _FIELD_FIRST.match(name) or _FIELD_LAST.match(name)
    if match is None:
        return name
    field = match["field"].replace("Defense", "Defence")
    return f"{match['adj']} Ministry of {_FIELDS.get(field, field)}"


def _entities(result: dict) -> dict:
    """``result`` with every actor name spelt by :func:`entity`."""
    for actor in result["actors"]:
        actor["name"] = entity(actor["name"])
    for event in result["events"]:
        event["actors"] = [entity(name) for name in event["actors"]]
    return result


def read_article(path: Path) -> Article:
    """Parse one ``.tml`` file: ``key: value`` header lines, ``---``, then tagged text."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields: dict[str, str] = {}
    article = Article(ident=path.stem, style="", published="", text="")
    for line in header.splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key in ("event", "event?"):
            # " | " separates the fields; "a|b" (no spaces) lists accepted dates.
            dates, title, actors = [*(p.strip() for p in re.split(r" \|(?: |$)", value)), ""][:3]
            article.events.append(
                GoldEvent(dates.split("|"), title, _names(actors), key == "event?")
            )
        elif key == "actors":
            article.actors = set(_names(value))
        elif key == "actors?":
            article.optional_actors = set(_names(value))
        else:
            fields[key] = value
    article.ident = fields.get("id", path.stem)
    article.style = fields.get("style", "")
    article.published = fields["published"]
    pieces: list[str] = []
    length = 0
    position = 0
    for match in _TAG.finditer(body):
        before = body[position : match.start()]
        pieces.append(before)
        length += len(before)
        span = match[3]
        article.timexes.append(
            {
                "start": length,
                "end": length + len(span),
                "text": span,
                "type": match[1],
                "values": match[2].split("|"),
            }
        )
        pieces.append(span)
        length += len(span)
        position = match.end()
    pieces.append(body[position:])
    article.text = "".join(pieces).strip("\n") + "\n"
    shift = len("".join(pieces)) - len("".join(pieces).lstrip("\n"))
    for timex in article.timexes:
        timex["start"] -= shift
        timex["end"] -= shift
        assert article.text[timex["start"] : timex["end"]] == timex["text"], timex
    return article


def _f1(correct: int, system: int, gold: int) -> dict:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(100 * precision, 2), "r": round(100 * recall, 2), "f1": round(100 * f1, 2)}


def _canonical(value: str) -> str:
    """A value written one way where the set's conventions take two spellings for it:
    "P1DE" and "P10Y" (and "P1CE", "P100Y"); "2025-09-27T24:00" and "2025-09-28T00:00"."""
    match = re.fullmatch(r"P(\d+)(DE|CE)", value)
    if match:
        return f"P{int(match[1]) * (10 if match[2] == 'DE' else 100)}Y"
    midnight = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T24:00(Z?)", value)
    if midnight:
        # "midnight" ending a day is the next day's first moment: one instant, two spellings
        day = dt.date.fromisoformat(midnight[1]) + dt.timedelta(days=1)
        return f"{day.isoformat()}T00:00{midnight[2]}"
    return value


def score_timexes(gold: list[dict], system: list[dict], totals: dict, errors: list) -> None:
    """Relaxed one-to-one matching, then strict/value/type agreement among the matches."""
    used: set[int] = set()
    totals["gold"] = totals.get("gold", 0) + len(gold)
    totals["sys"] = totals.get("sys", 0) + len(system)
    for g in gold:
        match = None
        for index, s in enumerate(system):
            if index not in used and s["start"] < g["end"] and g["start"] < s["end"]:
                match = index
                break
        if match is None:
            errors.append({"missed": g["text"], "gold": "|".join(g["values"])})
            continue
        used.add(match)
        s = system[match]
        totals["relaxed"] = totals.get("relaxed", 0) + 1
        totals["strict"] = totals.get("strict", 0) + (
            s["start"] == g["start"] and s["end"] == g["end"]
        )
        totals["type"] = totals.get("type", 0) + (s["type"] == g["type"])
        if _canonical(s["value"]) in {_canonical(v) for v in g["values"]}:
            totals["value"] = totals.get("value", 0) + 1
        else:
            errors.append(
                {"text": g["text"], "sys_text": s["text"], "gold": g["values"], "sys": s["value"]}
            )
    for index, s in enumerate(system):
        if index not in used:
            errors.append({"spurious": s["text"], "sys": s["value"]})


def _bounds(when: str) -> tuple[int, int] | None:
    try:
        point = parse(when)
    except DateError:
        return None
    return point.earliest, point.latest


def date_matches(system: str, gold_dates: list[str]) -> bool:
    """Does the proposal's date fall within one of the gold dates?"""
    found = _bounds(system)
    if found is None:
        return False
    for gold in gold_dates:
        bounds = _bounds(gold)
        if bounds and bounds[0] <= found[0] and found[1] <= bounds[1]:
            return True
    return False


def _overlap(title: str, other: str) -> float:
    """Shared headline words (first five letters, case folded) as a fraction below 1."""
    mine = {w.lower()[:5] for w in re.findall(r"[A-Za-z]{3,}", title)}
    theirs = {w.lower()[:5] for w in re.findall(r"[A-Za-z]{3,}", other)}
    return len(mine & theirs) / (len(mine | theirs) + 1)


def score_events(article: Article, result: dict, totals: dict, errors: list) -> None:
    """Match proposals to gold events (see the module notes)."""
    kinds = {actor["name"]: actor["kind"] for actor in result["actors"]}
    taken: set[int] = set()
    required = [i for i, e in enumerate(article.events) if not e.optional]
    totals["gold"] = totals.get("gold", 0) + len(required)
    for proposal in result["events"]:
        names = set(proposal["actors"])
        chosen = None
        for optional in (False, True):
            best = -1.0
            for index, gold in enumerate(article.events):
                if index in taken or gold.optional != optional:
                    continue
                if not date_matches(proposal["date"], gold.dates):
                    continue
                if gold.actors and not names & set(gold.actors):
                    continue
                # Among candidates, the gold event sharing most actors, then headline words;
                # an exact date beats containment ("Monday" against "this week").
                fit = len(names & set(gold.actors)) + _overlap(proposal["title"], gold.title)
                fit += 1.5 * any(_bounds(proposal["date"]) == _bounds(d) for d in gold.dates)
                if fit > best:
                    chosen, best = index, fit
            if chosen is not None:
                break
        if chosen is None:
            totals["sys"] = totals.get("sys", 0) + 1
            errors.append({"false": proposal["title"], "date": proposal["date"],
                           "actors": proposal["actors"]})  # fmt: skip
            continue
        taken.add(chosen)
        gold = article.events[chosen]
        if gold.optional:
            continue
        totals["sys"] = totals.get("sys", 0) + 1
        totals["matched"] = totals.get("matched", 0) + 1
        people = {n for n in names if kinds.get(n) != "place"}
        if gold.actors:
            expected = set(gold.actors)
            totals["actor_sys"] = totals.get("actor_sys", 0) + len(people)
            totals["actor_gold"] = totals.get("actor_gold", 0) + len(expected)
            totals["actor_ok"] = totals.get("actor_ok", 0) + len(people & expected)
            if people != expected:
                errors.append({"actors_of": gold.title, "extra": sorted(people - expected),
                               "missing": sorted(expected - people)})  # fmt: skip
        totals.setdefault("pairs", []).append((gold.title, proposal["title"]))
    for index in required:
        if index not in taken:
            gold = article.events[index]
            errors.append({"missed": gold.title, "date": "|".join(gold.dates),
                           "actors": gold.actors})  # fmt: skip


def score_actors(article: Article, result: dict, totals: dict, errors: list) -> None:
    """Document-level canonical actors, places left out."""
    found = {a["name"] for a in result["actors"] if a["kind"] != "place"}
    counted = found - article.optional_actors
    right = counted & article.actors
    totals["sys"] = totals.get("sys", 0) + len(counted)
    totals["gold"] = totals.get("gold", 0) + len(article.actors)
    totals["ok"] = totals.get("ok", 0) + len(right)
    for name in sorted(counted - article.actors):
        errors.append({"false": name})
    for name in sorted(article.actors - found):
        errors.append({"missed": name})


def main(argv: list[str] | None = None) -> dict:
    """Run ``ingest.extract`` over the set and print the scores as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="list each document's errors")
    parser.add_argument("--only", help="score one article (its id)")
    args = parser.parse_args(argv)
    from ingest import extract

    timex_totals: dict = {}
    event_totals: dict = {}
    actor_totals: dict = {}
    documents = []
    words = 0
    started = time.perf_counter()
    for path in sorted(args.data.glob("*.tml")):
        article = read_article(path)
        if args.only and article.ident != args.only:
            continue
        words += len(article.text.split())
        result = _entities(extract(article.text, published=article.published).to_dict())
        t_errors: list = []
        e_errors: list = []
        a_errors: list = []
        score_timexes(article.timexes, result["timexes"], timex_totals, t_errors)
        score_events(article, result, event_totals, e_errors)
        score_actors(article, result, actor_totals, a_errors)
        entry: dict = {"id": article.ident, "style": article.style}
        if args.errors:
            entry.update(timex_errors=t_errors, event_errors=e_errors, actor_errors=a_errors)
            entry["proposals"] = [
                f"{e['date']} {e['title']} {e['actors']}" for e in result["events"]
            ]
        documents.append(entry)
    t = timex_totals
    report = {
        "documents": len(documents),
        "words": words,
        "timex": {
            "gold": t.get("gold", 0),
            "sys": t.get("sys", 0),
            **{
                f"{key}_f1": _f1(t.get(key, 0), t.get("sys", 0), t.get("gold", 0))["f1"]
                for key in ("strict", "relaxed", "value", "type")
            },
        },
        "events": {
            "gold": event_totals.get("gold", 0),
            "sys": event_totals.get("sys", 0),
            **_f1(
                event_totals.get("matched", 0),
                event_totals.get("sys", 0),
                event_totals.get("gold", 0),
            ),  # fmt: skip
        },
        "event_actors": _f1(
            event_totals.get("actor_ok", 0),
            event_totals.get("actor_sys", 0),
            event_totals.get("actor_gold", 0),
        ),
        "actors": {
            "gold": actor_totals.get("gold", 0),
            "sys": actor_totals.get("sys", 0),
            **_f1(
                actor_totals.get("ok", 0), actor_totals.get("sys", 0), actor_totals.get("gold", 0)
            ),
        },
        "seconds": round(time.perf_counter() - started, 2),
    }
    if args.errors:
        report["titles"] = [f"{g}  <=>  {s}" for g, s in event_totals.get("pairs", [])]
        report["per_document"] = documents
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return report


if __name__ == "__main__":
    main()
