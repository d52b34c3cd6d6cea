"""The automatic headline defects counted by ``benchmarks/event_titles.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import event_titles as et  # noqa: E402

VERBS = {"take", "kill", "escalate", "ratify", "enter", "withdraw", "find", "begin"}


def test_each_defect_is_found_in_a_headline_that_has_it():
    assert et.defects("It escalates sharply", VERBS) == ["pronoun_start"]
    assert "auxiliary" in et.defects("More than 3,700 people have killed", VERBS)
    assert et.defects("Lebanese ceasefire take effect", VERBS) == ["agreement"]
    assert et.defects("3,700 people kill", VERBS) == ["agreement"]
    assert et.defects("But parliament ratifies treaty", VERBS) == ["leading_conjunction"]
    assert et.defects("Parliament ratifies treaty with the", VERBS) == ["dangling_end"]
    assert et.defects("Was found abandoned at airport", VERBS)[-1] == "no_subject"
    assert et.defects(" ".join(["word"] * 13), VERBS) == ["too_long"]


def test_good_headlines_have_no_defects():
    for title in (
        "Parliament ratifies border treaty",
        "Troops enter city",
        "Talks collapse",
        "Nasrallah killed",
        "Attack on UN convoy",
        "DaimlerChrysler to cut 13,000 jobs",
    ):
        assert et.defects(title, VERBS) == [], title
