"""Annotated documents in fixed cross-validation folds, scored for temporal expressions.

Used by ``extraction_quality.py --folds K`` and ``timex_errors.py``. Every TBAQ (TimeBank,
AQUAINT) and MEANTIME document goes to fold ``sha1(file name) mod K``, so folds never change
when rules change and never depend on the order files are listed in.

TBAQ documents are read with the shared TempEval-3 scorer's own reader (``read_tml`` in
``timex_score.py``) so the text and gold spans are exactly those it scores; matching is the
same TempEval-3 matching (``meantime_scorer.score_timexes``, which for TBAQ sees the whole
document). MEANTIME is read and windowed as in ``meantime_scorer``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import meantime_scorer as ms

CORPORA = ("timebank", "aquaint", "meantime")
KEYS = ("strict", "relaxed", "value", "type")


@dataclass
class Document:
    """One annotated article: its text, publication date and gold TIMEX3s."""

    name: str
    corpus: str  # timebank, aquaint or meantime
    text: str
    published: dt.date | None
    gold: list[dict]
    window_end: int  # system timexes starting at or after this are not scored
    meantime: ms.MeantimeDoc | None = None
    fold: int = 0
    system: list[dict] = field(default_factory=list)


def fold_of(name: str, folds: int) -> int:
    """The fold of a document: the SHA-1 of its file name, modulo ``folds``."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % folds


def _tml_reader(tools: Path):
    spec = importlib.util.spec_from_file_location("timex_score", tools / "timex_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.read_tml


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    match = re.match(r"^(\d{4}-\d\d-\d\d)", value)
    if match:
        return dt.date.fromisoformat(match[1])
    match = re.match(r"^(\d\d)-(\d\d)-(\d{4})$", value)  # one MEANTIME article
    return dt.date(int(match[3]), int(match[2]), int(match[1])) if match else None


def load(corpora: Path, tools: Path, folds: int) -> list[Document]:
    """Every TBAQ and MEANTIME document under ``corpora``, with its fold."""
    documents: list[Document] = []
    if (tools / "timex_score.py").is_file():
        read_tml = _tml_reader(tools)
        for corpus, folder in (("timebank", "TimeBank"), ("aquaint", "AQUAINT")):
            for path in sorted((corpora / "tbaq" / folder).glob("*.tml")):
                dct, text, gold = read_tml(path)
                published = (
                    dt.date.fromisoformat(dct[:10])
                    if dct and re.match(r"\d{4}-\d\d-\d\d", dct)
                    else None
                )
                documents.append(Document(path.name, corpus, text, published, gold, len(text) + 1))
    meantime = corpora / "meantime-en"
    if meantime.is_dir():
        for path in ms.find_documents(meantime):
            doc = ms.read_meantime(path)
            documents.append(
                Document(
                    path.name,
                    "meantime",
                    doc.text,
                    _day(doc.dct),
                    doc.timexes,
                    doc.window_end,
                    meantime=doc,
                )
            )
    for document in documents:
        document.fold = fold_of(document.name, folds)
    return documents


def run(documents: list[Document]) -> None:
    """Extract every document and keep the scored system timexes on it."""
    from ingest import extract

    for document in documents:
        result = extract(document.text, published=document.published).to_dict()
        document.system = [t for t in result["timexes"] if t["start"] < document.window_end]


def score(documents: list[Document]) -> dict:
    """TempEval-3 counts and F1 over ``documents`` (already :func:`run`)."""
    totals: dict = {}
    for document in documents:
        ms.score_timexes(document.gold, document.system, document.window_end, totals)
    return ms.summarise_timexes(totals)


def report(documents: list[Document], folds: int) -> dict:
    """Per-fold and per-corpus scores and the mean over folds (JSON-ready)."""
    per_fold = []
    for fold in range(folds):
        members = [d for d in documents if d.fold == fold]
        entry = {"fold": fold, "docs": len(members), "all": score(members)}
        for corpus in CORPORA:
            part = [d for d in members if d.corpus == corpus]
            if part:
                entry[corpus] = score(part)
        per_fold.append(entry)
    mean = {
        f"{key}_f1": round(statistics.mean(entry["all"][f"{key}_f1"] for entry in per_fold), 2)
        for key in KEYS
    }
    by_corpus = {
        corpus: score([d for d in documents if d.corpus == corpus])
        for corpus in CORPORA
        if any(d.corpus == corpus for d in documents)
    }
    return {
        "k": folds,
        "assignment": "sha1(file name) mod k",
        "per_fold": per_fold,
        "mean": mean,
        "by_corpus": by_corpus,
        "all": score(documents),
    }
