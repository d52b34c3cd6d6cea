"""The cross-validation folds and the error grouping used by the quality benchmark."""

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import timex_errors as te  # noqa: E402
import timex_folds as tf  # noqa: E402


def test_folds_are_fixed_by_file_name_and_spread():
    names = [f"doc{i}.tml" for i in range(400)]
    folds = [tf.fold_of(name, 4) for name in names]
    assert folds == [tf.fold_of(name, 4) for name in names]
    assert tf.fold_of("APW19980807.0261.tml", 4) == 1  # sha1 of the name, not its position
    assert all(60 < folds.count(fold) < 140 for fold in range(4))


def _document():
    text = "Talks ended on Tuesday. Fighting resumed last week and now continues daily."
    gold = [
        {"start": 15, "end": 22, "type": "DATE", "value": "2024-11-12", "text": "Tuesday"},
        {"start": 41, "end": 50, "type": "DATE", "value": "2024-W45", "text": "last week"},
        {"start": 55, "end": 58, "type": "DATE", "value": "PRESENT_REF", "text": "now"},
    ]
    document = tf.Document("t.tml", "timebank", text, dt.date(2024, 11, 14), gold, len(text) + 1)
    document.system = [
        {"start": 15, "end": 22, "type": "DATE", "value": "2024-11-05", "text": "Tuesday"},
        {"start": 41, "end": 50, "type": "DATE", "value": "2024-W45", "text": "last week"},
        {"start": 69, "end": 74, "type": "SET", "value": "P1D", "text": "daily"},
    ]
    return document


def test_errors_are_sorted_into_kinds_and_grouped_by_pattern():
    found = te.errors([_document()])
    kinds = sorted(e["kind"] for e in found)
    assert kinds == ["false", "miss", "value"]
    [(key, items)] = te.group(found, "value")
    assert key == "WEEKDAY  |  9999-99-99 vs 9999-99-99"
    assert items[0]["gold"] == "2024-11-12"
    assert te.group(found, "miss")[0][0] == "now  |  DATE PRESENT_REF"


def test_scores_follow_tempeval_matching():
    scores = tf.score([_document()])
    assert (scores["gold"], scores["sys"]) == (3, 3)
    assert scores["relaxed_f1"] == 66.67
    assert scores["value_f1"] == 33.33


def test_grep_shows_how_the_annotators_treat_an_expression():
    result = te.grep([_document()], r"\bnow\b")
    assert (result["matches"], result["gold_marked"], result["system_agrees"]) == (1, 1, 0)
