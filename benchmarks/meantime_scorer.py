"""Score extraction against NewsReader MEANTIME (CAT XML) documents.

Independent of ``ingest``: it reads the corpus, rebuilds each article's text from its tokens,
and scores whatever a system returns as plain dicts.

What is scored (MEANTIME annotates the title, the dateline and the first sentences of each
article; everything after the last annotated sentence is ignored on both sides):

* Temporal expressions, TempEval-3 style: strict (same span), relaxed (overlapping spans,
  one-to-one), value and type (attribute agreement among relaxed matches), each as F1 over
  the system's and the gold's counts.
* Actors: named mentions (``syntactic_type`` NAM or PRE.NAM; where the annotators left the
  type empty, a mention whose words are all capitalised, such as "General Motors" but not
  "the company") of PER, ORG and LOC entities.
  Nested gold mentions of the same entity ("JSA Research defence analyst Paul Nesbit" around
  "Paul Nesbit") count once, as the innermost. Recall: a gold mention is found when a system
  actor mention overlaps it. Precision: a system mention is right when it overlaps a named
  gold mention of a PER, ORG or LOC entity (or a named mention the annotators left unlinked);
  A system mention whose span is exactly a PER, ORG or LOC mention of another syntactic type
  ("Russian" marked as a nominal LOC) is right as well. Overlapping only a product or
  financial entity, a common noun phrase, or nothing, is wrong.
  The typed variant also asks the kinds to agree (person=PER, organisation/group=ORG,
  state/place=LOC or ORG; "other" never agrees).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ACTOR_TYPES = ("PER", "ORG", "LOC")
NAMED = ("NAM", "PRE.NAM")
WINDOW_SENTENCES = 6  # sentences 0..5: title, dateline and the annotated opening

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "'",
    "''",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


@dataclass
class Mention:
    start: int
    end: int
    type: str  # PER, ORG, LOC, PRO, FIN, MIX or "" when unlinked
    syntactic: str
    entity: str  # entity m_id, "" when unlinked


@dataclass
class MeantimeDoc:
    name: str
    text: str
    dct: str | None
    window_end: int
    timexes: list[dict] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def read_meantime(path: Path) -> MeantimeDoc:
    """Rebuild the article text from its tokens and collect the gold annotations."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    position = 0
    previous_sentence = 0
    previous_token = None
    window_end = 0
    for token_id, sentence, raw in tokens:
        word = {"``": '"', "''": '"'}.get(raw, raw)
        if previous_token is not None:
            if sentence != previous_sentence:
                gap = "\n\n" if previous_sentence < 2 else " "
            elif raw in _NO_SPACE_BEFORE or previous_token in _NO_SPACE_AFTER:
                gap = ""
            else:
                gap = " "
            parts.append(gap)
            position += len(gap)
        spans[token_id] = (position, position + len(word))
        parts.append(word)
        position += len(word)
        if sentence < WINDOW_SENTENCES:
            window_end = position
        previous_sentence, previous_token = sentence, raw
    text = "".join(parts)

    markables = root.find("Markables")
    entities: dict[str, str] = {}
    raw_mentions: dict[str, tuple[int, int, str]] = {}
    dct = None
    timexes = []
    for element in markables:
        anchors = [a.get("t_id") for a in element.findall("token_anchor")]
        if element.tag == "ENTITY":
            entities[element.get("m_id")] = element.get("ent_type") or ""
        elif element.tag == "ENTITY_MENTION" and anchors:
            start = min(spans[a][0] for a in anchors)
            end = max(spans[a][1] for a in anchors)
            raw_mentions[element.get("m_id")] = (start, end, element.get("syntactic_type") or "")
        elif element.tag == "TIMEX3":
            if element.get("functionInDocument") == "CREATION_TIME":
                dct = element.get("value")
            if anchors:
                start = min(spans[a][0] for a in anchors)
                end = max(spans[a][1] for a in anchors)
                timexes.append(
                    {
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "type": element.get("type"),
                        "value": element.get("value"),
                    }
                )
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for relation in relations.iter("REFERS_TO"):
            target = relation.find("target")
            if target is None:
                continue
            for source in relation.findall("source"):
                refers[source.get("m_id")] = target.get("m_id")
    mentions = []
    for m_id, (start, end, syntactic) in raw_mentions.items():
        entity = refers.get(m_id, "")
        mentions.append(Mention(start, end, entities.get(entity, ""), syntactic, entity))
    return MeantimeDoc(path.stem, text, dct, window_end, timexes, mentions)


def find_documents(corpus_dir: Path, subsets: list[str] | None = None) -> list[Path]:
    """The XML articles under ``corpus_dir`` (``corpus_airbus``, ... or the named subsets)."""
    folders = sorted(p for p in corpus_dir.glob("corpus_*") if p.is_dir())
    if subsets:
        folders = [
            p for p in folders if p.name in subsets or p.name.removeprefix("corpus_") in subsets
        ]
    return [f for folder in folders for f in sorted(folder.glob("*.xml"))]


# --------------------------------------------------------------------------- scoring


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_timexes(gold: list[dict], system: list[dict], window_end: int, totals: dict) -> None:
    """Add one document's TIMEX3 counts to ``totals`` (TempEval-3 matching)."""
    system = [s for s in system if s["start"] < window_end]
    totals["gold"] = totals.get("gold", 0) + len(gold)
    totals["sys"] = totals.get("sys", 0) + len(system)
    used: set[int] = set()
    for g in gold:
        best = None
        for index, s in enumerate(system):
            if index in used or not _overlap(s["start"], s["end"], g["start"], g["end"]):
                continue
            best = index
            if s["start"] == g["start"] and s["end"] == g["end"]:
                break
        if best is None:
            continue
        used.add(best)
        s = system[best]
        totals["relaxed"] = totals.get("relaxed", 0) + 1
        if (s["start"], s["end"]) == (g["start"], g["end"]):
            totals["strict"] = totals.get("strict", 0) + 1
        if str(s.get("value")) == str(g["value"]):
            totals["value"] = totals.get("value", 0) + 1
        if str(s.get("type", "")).upper() == str(g["type"]).upper():
            totals["type"] = totals.get("type", 0) + 1


_KIND_TO_TYPES = {
    "person": {"PER"},
    "organisation": {"ORG"},
    "group": {"ORG", "PER"},
    "state": {"LOC", "ORG"},
    "place": {"LOC"},
    "other": set(),  # an unclassified name never agrees on type
}
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


_UNNAMED_FIRST = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "We",
    "They",
    "Their",
    "His",
    "Her",
    "Our",
    "Who",
    "Which",
    "I",
    "You",
    "All",
    "Some",
    "Both",
    "Each",
    "Us",
    "My",
    "Your",
}
_INNER_WORDS = {
    "of",
    "and",
    "the",
    "de",
    "&",
    "for",
    "von",
    "van",
    "al",
    "bin",
    "da",
    "du",
    "la",
    "le",
}


def is_named(mention: Mention, text: str) -> bool:
    """A proper-name mention: NAM or PRE.NAM, or, with no syntactic type, all capitalised."""
    if mention.syntactic in NAMED:
        return True
    if mention.syntactic:
        return False
    words = re.findall(r"[^\W\d_][\w.'&-]*", text[mention.start : mention.end])
    if not words or words[0] in _UNNAMED_FIRST or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w in _INNER_WORDS or len(w) <= 2 for w in words)


def gold_actor_mentions(doc: MeantimeDoc) -> list[Mention]:
    """The innermost named PER/ORG/LOC mentions inside the annotated window."""
    named = [
        m
        for m in doc.mentions
        if m.type in ACTOR_TYPES and m.start < doc.window_end and is_named(m, doc.text)
    ]
    keep = []
    for m in named:
        nested = any(
            o is not m
            and o.entity == m.entity
            and m.start <= o.start
            and o.end <= m.end
            and (o.start, o.end) != (m.start, m.end)
            for o in named
        )
        if not nested and not any(
            (k.start, k.end, k.entity) == (m.start, m.end, m.entity) for k in keep
        ):
            keep.append(m)
    return keep


def score_actors(doc: MeantimeDoc, system: list[dict], totals: dict) -> None:
    """Add one document's actor-mention counts to ``totals``.

    ``system`` holds ``{"start", "end", "kind"}`` dicts (one per mention).
    """
    system = [s for s in system if s["start"] < doc.window_end]
    gold = gold_actor_mentions(doc)
    acceptable = [
        m for m in doc.mentions if (m.type in ACTOR_TYPES or m.type == "") and is_named(m, doc.text)
    ]
    exact = {
        (m.end - len(_DETERMINER.sub("", doc.text[m.start : m.end])), m.end): m
        for m in doc.mentions
        if m.type in ACTOR_TYPES
    }
    totals["gold"] = totals.get("gold", 0) + len(gold)
    totals["sys"] = totals.get("sys", 0) + len(system)
    for g in gold:
        hits = [s for s in system if _overlap(s["start"], s["end"], g.start, g.end)]
        if hits:
            totals["found"] = totals.get("found", 0) + 1
            if any(g.type in _KIND_TO_TYPES.get(s["kind"], set()) for s in hits):
                totals["found_typed"] = totals.get("found_typed", 0) + 1
            core = _DETERMINER.sub("", doc.text[g.start : g.end])
            core_start = g.end - len(core)
            if any((s["start"], s["end"]) == (core_start, g.end) for s in hits):
                totals["found_exact"] = totals.get("found_exact", 0) + 1
        else:
            totals.setdefault("missed", []).append(doc.text[g.start : g.end])
    for s in system:
        hits = [m for m in acceptable if _overlap(s["start"], s["end"], m.start, m.end)]
        if not hits and (s["start"], s["end"]) in exact:
            hits = [exact[(s["start"], s["end"])]]
        if hits:
            totals["correct"] = totals.get("correct", 0) + 1
            if any(m.type == "" or m.type in _KIND_TO_TYPES.get(s["kind"], set()) for m in hits):
                totals["correct_typed"] = totals.get("correct_typed", 0) + 1
        else:
            totals.setdefault("spurious", []).append(doc.text[s["start"] : s["end"]])


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def summarise_timexes(totals: dict) -> dict:
    out = {"gold": totals.get("gold", 0), "sys": totals.get("sys", 0)}
    for key in ("strict", "relaxed", "value", "type"):
        p = totals.get(key, 0) / out["sys"] if out["sys"] else 0.0
        r = totals.get(key, 0) / out["gold"] if out["gold"] else 0.0
        out[f"{key}_f1"] = round(100 * f1(p, r), 2)
    return out


def summarise_actors(totals: dict) -> dict:
    gold, sys = totals.get("gold", 0), totals.get("sys", 0)

    def pct(a: int, b: int) -> float:
        return round(100 * a / b, 2) if b else 0.0

    precision = pct(totals.get("correct", 0), sys)
    recall = pct(totals.get("found", 0), gold)
    return {
        "gold_mentions": gold,
        "system_mentions": sys,
        "precision": precision,
        "recall": recall,
        "f1": round(f1(precision, recall), 2),
        "typed_precision": pct(totals.get("correct_typed", 0), sys),
        "typed_recall": pct(totals.get("found_typed", 0), gold),
        "exact_span_recall": pct(totals.get("found_exact", 0), gold),
    }
