"""Properties for any input, and inputs meant to break regular expressions."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import extract

WORDS = st.sampled_from(
    [
        "the",
        "on",
        "in",
        "of",
        "and",
        "May",
        "March",
        "Tuesday",
        "2024",
        "14",
        "November",
        "last",
        "week",
        "two",
        "days",
        "ago",
        "Kyiv",
        "said",
        "Ukrainian",
        "forces",
        "UN",
        "NATO",
        "President",
        "Macron",
        "mid-2022",
        "1990s",
        ".",
        ",",
        ";",
        "(",
        ")",
        "-",
        "10",
        "p.m.",
        "GMT",
        "'s",
        "St.",
        "U.S.",
        "Inc.",
        "from",
        "to",
        "6",
        "9",
        "August",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_offsets_are_within_any_text(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.sampled_from([None, "2024-11-14"]))
def test_offsets_are_within_word_salad(text, published):
    _check(text, published)


def _check(text, published=None):
    result = extract(text, published=published).to_dict()
    for timex in result["timexes"]:
        assert 0 <= timex["start"] < timex["end"] <= len(text)
        assert text[timex["start"] : timex["end"]] == timex["text"]
    for actor in result["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text)
    for event in result["events"]:
        assert text[event["start"] : event["end"]] == event["sentence"]


def _bounded(text, seconds=10.0):
    started = time.perf_counter()
    extract(text, published="2024-11-14")
    return time.perf_counter() - started < seconds


def test_long_runs_of_digits_do_not_blow_up():
    assert _bounded("1" * 100_000)


def test_repeated_words_do_not_blow_up():
    assert _bounded("the " * 50_000)
    assert _bounded("of the " * 20_000 + "Ministry")
    assert _bounded("Ministry of " * 20_000)


def test_long_capitalised_runs_and_punctuation_do_not_blow_up():
    assert _bounded("Aa " * 40_000)
    assert _bounded("U.S. " * 20_000)
    assert _bounded("- " * 50_000 + "\n" * 10_000)
    assert _bounded("2024-" * 20_000)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**30),
    st.sampled_from(["days", "weeks", "months", "years", "decades", "hours", "quarters"]),
    st.sampled_from(["ago", "earlier", "later", "from now"]),
)
def test_any_count_of_units_ago_is_safe(count, unit, direction):
    text = f"It happened {count:,} {unit} {direction}, officials said on 3 March 2020."
    _check(text, "2024-11-14")


@given(st.dates(), st.text(alphabet="0123456789/-.: TZ", max_size=30))
@settings(max_examples=100, deadline=None)
def test_any_publication_date_and_numeric_noise_is_safe(published, noise):
    _check(f"On {noise} troops left; last week and next year.", published)
