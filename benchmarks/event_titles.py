"""Measure the headlines of event proposals on real news; prints JSON.

    python benchmarks/event_titles.py [--corpora DIR] [--tools DIR] [--show N] [--defect NAME]
                                      [--seed S] [--held-out]

Runs ``ingest.extract`` over every TBAQ (TimeBank, AQUAINT) and MEANTIME article under
``--corpora`` (default ``../shared/corpora``) with its publication date, and counts the
proposals and the headline defects a reader spots at once:

- ``pronoun_start``: the title opens with an unresolved pronoun ("It escalates sharply");
- ``auxiliary``: an auxiliary verb in the title ("has", "were", "will" ...): headlines use
  the present tense without auxiliaries;
- ``agreement``: a plural subject with a singular verb or the reverse ("Ceasefire take
  effect", "Two soldiers dies"), or a victim written as the doer ("3,700 people kill");
- ``too_long``: more than 12 words;
- ``leading_conjunction``: "But", "And", "However" ... first;
- ``dangling_end``: the title ends with a preposition, an article, a conjunction or a
  possessive ("... in the", "... and");
- ``no_subject``: the title opens with its verb ("Was found abandoned", "Re-enters market").

Documents are split into the benchmark folds (``sha1(file name) mod 4``, as in
``timex_folds.py``): folds 0-2 are for development (their titles may be read), fold 3 is held
out. Counts are given for both. ``--show N`` prints N sample titles of the development folds
(``--held-out`` to sample fold 3 instead) with their sentences, chosen at random with
``--seed``; ``--defect NAME`` samples only titles with that defect.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import timex_folds  # noqa: E402

FOLDS = 4
HELD_OUT_FOLD = 3
DEFECTS = (
    "pronoun_start",
    "auxiliary",
    "agreement",
    "too_long",
    "leading_conjunction",
    "dangling_end",
    "no_subject",
)
_PRONOUNS = {"it", "they", "he", "she", "this", "that", "these", "those", "we", "i", "you"}
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "will", "been", "would", "be"}
_CONJUNCTIONS = {"but", "and", "however", "or", "so", "yet", "meanwhile", "also", "then", "nor"}
_DANGLING = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into",
    "and", "or", "but", "as", "than", "its", "his", "her", "their", "our", "over", "about",
    "that", "which", "who",
}  # fmt: skip
_PREPOSITIONS = {"of", "in", "on", "at", "for", "from", "with", "near", "over", "against", "to"}
_PLURAL_HEADS = {
    "people", "men", "women", "children", "police", "troops", "forces", "civilians",
    "soldiers", "talks", "rebels", "militants", "protesters", "officials", "workers",
    "residents", "prices", "shares", "stocks", "sales", "leaders", "ministers",
}  # fmt: skip
_COUNTS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
    "hundreds", "thousands", "millions", "several", "many", "both",
}  # fmt: skip
# Verbs whose doer is rarely the victim: "3,700 people kill" has lost its passive.
_VICTIM_VERBS = {"kill", "wound", "injure", "arrest", "detain", "displace", "evacuate", "execute"}
_VICTIMS = {"people", "civilians", "soldiers", "children", "women", "men", "troops", "residents"}


def _verb_slot(tokens: list[str], verbs: set[str]) -> int | None:
    """The index of the headline's verb: a third-person form after the subject if there is
    one ("task force begins"), else the first lower-case word that is a known verb."""
    first_base = None
    for index, token in enumerate(tokens[1:7], start=1):
        word = token.lower().strip(".,'\"")
        if token[:1].isupper() or not word.isalpha():
            continue
        if word in _PREPOSITIONS or word in ("and", "or"):
            break  # the subject runs into a complement
        if word.endswith("ed") or word in _PARTICIPLES:
            return None  # a passive headline ("Accord signed"): no agreement to judge
        if word.endswith("s") and word not in verbs and _singular_base(word) in verbs:
            return index
        if first_base is None and word in verbs:
            first_base = index
    return first_base


_PARTICIPLES = frozenset(
    [
        "hurt",
        "shot",
        "cut",
        "hit",
        "set",
        "put",
        "let",
        "beat",
        "held",
        "made",
        "sold",
        "sent",
        "built",
        "taken",
        "given",
        "shown",
        "known",
        "seen",
        "done",
        "found",
        "struck",
        "won",
        "lost",
        "paid",
        "led",
        "left",
        "kept",
        "brought",
        "bought",
        "caught",
        "taught",
        "fought",
        "sought",
        "thrown",
        "drawn",
        "grown",
        "broken",
        "chosen",
        "spoken",
        "stolen",
        "written",
        "driven",
        "risen",
        "fallen",
    ]
)


def _singular_base(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def _plural_subject(tokens: list[str]) -> bool | None:
    """Plural (True), singular (False) or unknown (None) for a headline's subject words."""
    head: list[str] = []
    for token in tokens:
        if token.lower() in _PREPOSITIONS:
            break
        head.append(token)
    if not head:
        return None
    first, last = head[0].lower(), head[-1].lower().strip(".,")
    if "and" in (t.lower() for t in head) or last in _PLURAL_HEADS:
        return True
    if len(head) > 1 and (first in _COUNTS or (first[:1].isdigit() and first not in ("1",))):
        return True
    if head[-1][:1].isupper():
        return None  # a name: "Reuters", "United States", "Philips" - not judged
    if last.endswith(("ss", "us", "is", "ics", "news")):
        return False
    return last.endswith("s")


def defects(title: str, verbs: set[str]) -> list[str]:
    """The automatic defects of one headline (see the module notes)."""
    tokens = title.split()
    if not tokens:
        return ["too_long"]
    found = []
    lower = [t.lower().strip(".,;:'\"") for t in tokens]
    if lower[0] in _PRONOUNS:
        found.append("pronoun_start")
    if any(word in _AUXILIARIES for word in lower):
        found.append("auxiliary")
    slot = _verb_slot(tokens, verbs)
    if slot is not None and lower[slot] not in _AUXILIARIES:
        plural = _plural_subject(tokens[:slot])
        verb = lower[slot]
        third = verb.endswith("s") and verb not in verbs
        if (
            plural is not None
            and plural == third
            or (_singular_base(verb) in _VICTIM_VERBS or verb in _VICTIM_VERBS)
            and lower[slot - 1] in _VICTIMS
        ):
            found.append("agreement")
    if len(tokens) > 12:
        found.append("too_long")
    if lower[0] in _CONJUNCTIONS:
        found.append("leading_conjunction")
    if len(tokens) > 1 and lower[-1] in _DANGLING:
        found.append("dangling_end")
    if lower[0] in _AUXILIARIES or (
        lower[0].endswith("s")
        and _singular_base(lower[0]) in verbs
        and len(tokens) > 1
        and not tokens[1][:1].isupper()
        and lower[1] not in verbs
        and not (lower[1].endswith("s") and _singular_base(lower[1]) in verbs)
    ):
        found.append("no_subject")
    return found


def known_verbs(texts: list[str]) -> set[str]:
    """Base forms of the verbs met in ``texts`` (their past forms), for the verb slot."""
    from ingest.extract.headline import base_form
    from ingest.extract.verbs import IRREGULAR_PARTICIPLE, IRREGULAR_PAST

    verbs = set(IRREGULAR_PAST.values()) | set(IRREGULAR_PARTICIPLE.values())
    for text in texts:
        for word in set(re.findall(r"\b[a-z]{4,}ed\b", text)):
            base = base_form(word)
            if base:
                verbs.add(base)
    return verbs - {"need", "use"} - _PREPOSITIONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--tools", type=Path, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N sample titles")
    parser.add_argument("--defect", choices=DEFECTS, help="sample only titles with this defect")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--held-out", action="store_true", help="sample the held-out fold")
    args = parser.parse_args(argv)
    corpora = args.corpora.resolve()
    if not corpora.is_dir():
        print(f"No corpora at {corpora}; pass --corpora DIR.", file=sys.stderr)
        return 2
    tools = (args.tools or corpora.parent / "tools").resolve()
    documents = timex_folds.load(corpora, tools, FOLDS)
    from ingest import extract

    verbs = known_verbs([d.text for d in documents])
    splits = {"dev": _empty(), "held_out": _empty()}
    corpora_counts: dict[str, dict] = {}
    samples: dict[str, list] = {"dev": [], "held_out": []}
    started = time.perf_counter()
    for document in documents:
        split = "held_out" if document.fold == HELD_OUT_FOLD else "dev"
        events = extract(document.text, published=document.published).events
        words = len(document.text.split())
        for bucket in (splits[split], corpora_counts.setdefault(document.corpus, _empty())):
            bucket["documents"] += 1
            bucket["words"] += words
            bucket["proposals"] += len(events)
        for event in events:
            found = defects(event.title, verbs)
            for bucket in (splits[split], corpora_counts[document.corpus]):
                for name in found:
                    bucket["defects"][name] += 1
                bucket["titles_with_defects"] += bool(found)
            samples[split].append((document.name, event, found))
    elapsed = time.perf_counter() - started
    for bucket in [*splits.values(), *corpora_counts.values()]:
        bucket["proposals_per_1000_words"] = round(1000 * bucket["proposals"] / bucket["words"], 2)
        bucket["defect_rate_pct"] = round(
            100 * bucket["titles_with_defects"] / max(1, bucket["proposals"]), 1
        )
    report = {
        "corpora": str(corpora),
        "folds": f"sha1(file name) mod {FOLDS}; fold {HELD_OUT_FOLD} held out",
        **splits,
        "by_corpus": corpora_counts,
        "seconds": round(elapsed, 2),
    }
    print(json.dumps(report, indent=2))
    if args.show:
        pool = samples["held_out" if args.held_out else "dev"]
        if args.defect:
            pool = [s for s in pool if args.defect in s[2]]
        chosen = random.Random(args.seed).sample(pool, min(args.show, len(pool)))
        for name, event, found in chosen:
            flags = f"  [{', '.join(found)}]" if found else ""
            print(f"\n{event.date:<24} {event.title}{flags}\n    {name}: {event.sentence}")
    return 0


def _empty() -> dict:
    return {
        "documents": 0,
        "words": 0,
        "proposals": 0,
        "titles_with_defects": 0,
        "defects": dict.fromkeys(DEFECTS, 0),
    }


if __name__ == "__main__":
    sys.exit(main())
