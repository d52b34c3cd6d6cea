"""The date model: parsing, canonical text, human display and derived bounds."""

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import dates
from models.dates import DateError, Point, When


@pytest.mark.parametrize(
    ("text", "human", "earliest", "latest"),
    [
        ("2019", "2019", "2019-01-01T00:00:00Z", "2019-12-31T23:59:59Z"),
        ("2023-09", "Sep 2023", "2023-09-01T00:00:00Z", "2023-09-30T23:59:59Z"),
        ("2024-02", "Feb 2024", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z"),
        ("2024-11-14", "14 Nov 2024", "2024-11-14T00:00:00Z", "2024-11-14T23:59:59Z"),
        (
            "2024-11-14T06:30Z",
            "14 Nov 2024, 06:30 UTC",
            "2024-11-14T06:30:00Z",
            "2024-11-14T06:30:59Z",
        ),
        (
            "2024-11-14T06:30+02:00",
            "14 Nov 2024, 06:30 UTC+02:00",
            "2024-11-14T04:30:00Z",
            "2024-11-14T04:30:59Z",
        ),
        ("2023-09~", "c. Sep 2023", "2023-09-01T00:00:00Z", "2023-09-30T23:59:59Z"),
        ("2024?", "2024?", "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z"),
        ("2019%", "c. 2019?", "2019-01-01T00:00:00Z", "2019-12-31T23:59:59Z"),
        ("2024-08-06/2024-11", "6 Aug – Nov 2024", "2024-08-06T00:00:00Z", "2024-11-30T23:59:59Z"),
        ("2024-11-11/2024-11-17", "11–17 Nov 2024", "2024-11-11T00:00:00Z", "2024-11-17T23:59:59Z"),
        (
            "2024-10-28/2024-11-03",
            "28 Oct – 3 Nov 2024",
            "2024-10-28T00:00:00Z",
            "2024-11-03T23:59:59Z",
        ),
        ("2024-08/2024-11", "Aug–Nov 2024", "2024-08-01T00:00:00Z", "2024-11-30T23:59:59Z"),
        ("2019/2021", "2019–2021", "2019-01-01T00:00:00Z", "2021-12-31T23:59:59Z"),
        ("2024-08-06/..", "6 Aug 2024 – ongoing", "2024-08-06T00:00:00Z", "9999-12-31T23:59:59Z"),
        ("../2024-11", "until Nov 2024", "0001-01-01T00:00:00Z", "2024-11-30T23:59:59Z"),
        (
            "2023-12-30/2024-01-02",
            "30 Dec 2023 – 2 Jan 2024",
            "2023-12-30T00:00:00Z",
            "2024-01-02T23:59:59Z",
        ),
    ],
)
def test_known_forms(text, human, earliest, latest):
    when = dates.parse(text)
    assert when.edtf() == text
    assert when.human() == human
    assert dates.to_iso(when.earliest) == earliest
    assert dates.to_iso(when.latest) == latest


def test_iso_week_is_stored_as_its_days():
    when = dates.parse("2024-W46")
    assert when.edtf() == "2024-11-11/2024-11-17"
    assert when.human() == "11–17 Nov 2024"
    # Week 1 of 2025 starts in 2024.
    assert dates.parse("2025-W01").edtf() == "2024-12-30/2025-01-05"


def test_month_is_not_its_first_day():
    month = dates.parse("2023-09")
    day = dates.parse("2023-09-01")
    assert month.precision == "month" and day.precision == "day"
    assert month.latest > day.latest
    assert month != day


def test_offsets_normalise_and_zulu_is_canonical():
    assert dates.parse("2024-11-14T06:30+00:00").edtf() == "2024-11-14T06:30Z"
    assert dates.parse("2024-11-14T06:30-0500").edtf() == "2024-11-14T06:30-05:00"
    assert dates.parse(" 2024-11-14 ").edtf() == "2024-11-14"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-13", "no month 13"),
        ("2023-02-29", "has no day 29"),
        ("2024-11-31", "has no day 31"),
        ("2024-11/2024-10", "end is before the start"),
        ("../..", "both ends are open"),
        ("2024-W54", "no ISO week 54"),
        ("2024-11-14T25:00Z", "not a valid clock time"),
        ("", "empty"),
        ("yesterday", ""),
        ("2024-1-5", ""),
        ("1/2/3/4", "more than one '/'"),
    ],
)
def test_invalid_dates_say_why_and_show_the_accepted_forms(text, reason):
    with pytest.raises(DateError) as info:
        dates.parse(text)
    message = str(info.value)
    assert reason in message
    assert "2024-11-14" in message and "2024-08-06/.." in message


def test_a_human_date_gets_a_suggestion():
    with pytest.raises(DateError, match="Did you mean 2024-11-14"):
        dates.parse("14 November 2024")


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("14 November 2024", "2024-11-14"),
        ("14-Nov-2024", "2024-11-14"),
        ("November 14, 2024", "2024-11-14"),
        ("Sept 3, 2023", "2023-09-03"),
        ("Nov 2024", "2024-11"),
        ("2024/11/14", "2024-11-14"),
        ("2024-11-14", "2024-11-14"),
        ("2023-09~", "2023-09~"),
    ],
)
def test_loose_parsing_of_provider_dates(text, edtf):
    assert dates.parse_loose(text).edtf() == edtf


@pytest.mark.parametrize("text", ["03/04/2024", "31 February 2024", "Smarch 2024"])
def test_loose_parsing_refuses_to_guess(text):
    with pytest.raises(DateError):
        dates.parse_loose(text)


# ------------------------------------------------------------------ property tests

years = st.integers(min_value=1, max_value=9998)


@st.composite
def points(draw):
    year = draw(years)
    precision = draw(st.sampled_from(dates.PRECISIONS))
    qualifier = draw(st.sampled_from(dates.QUALIFIERS))
    if precision == "year":
        return Point(year, qualifier=qualifier)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return Point(year, month, qualifier=qualifier)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if precision == "day":
        return Point(year, month, day, qualifier=qualifier)
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    second = draw(st.integers(0, 59)) if precision == "second" else None
    tz = draw(st.one_of(st.none(), st.integers(-14 * 60, 14 * 60)))
    return Point(year, month, day, hour, minute, second, tz, qualifier)


@st.composite
def whens(draw):
    first = draw(points())
    if not draw(st.booleans()):
        return When(first)
    second = draw(points())
    start, end = sorted((first, second), key=lambda p: p.earliest())
    if start.earliest() > end.latest():
        start, end = end, start
    if start.earliest() > end.latest():
        return When(first)
    kind = draw(st.sampled_from(("closed", "open_end", "open_start")))
    if kind == "open_end":
        return When(start, None, interval=True)
    if kind == "open_start":
        return When(None, end, interval=True)
    return When(start, end, interval=True)


@given(whens())
def test_parse_of_format_is_identity(when):
    assert dates.parse(when.edtf()) == when


@given(whens())
def test_earliest_is_not_after_latest(when):
    assert when.earliest <= when.latest


@given(st.lists(whens(), min_size=2, max_size=30))
def test_sort_order_agrees_with_earliest(values):
    ordered = sorted(values, key=When.sort_key)
    earliest = [w.earliest for w in ordered]
    assert earliest == sorted(earliest)
    texts = sorted((w.edtf() for w in values), key=lambda t: dates.parse(t).sort_key())
    assert [dates.parse(t).earliest for t in texts] == sorted(earliest)


@given(whens())
def test_human_rendering_never_fails_and_is_not_empty(when):
    assert when.human().strip()
