"""TIMEX3 values for each supported kind of expression (published Thursday 2024-11-14)."""

import pytest

from ingest import extract

PUBLISHED = "2024-11-14"


def timexes(text, published=PUBLISHED):
    return [
        (t["text"], t["type"], t["value"])
        for t in extract(text, published=published).to_dict()["timexes"]
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It opened on 14 November 2024.", ("14 November 2024", "DATE", "2024-11-14")),
        ("It opened on November 14, 2024.", ("November 14, 2024", "DATE", "2024-11-14")),
        ("It opened on Nov. 3.", ("Nov. 3", "DATE", "2024-11-03")),
        ("Filed 2024-11-14T06:30Z.", ("2024-11-14T06:30Z", "TIME", "2024-11-14T06:30Z")),
        ("Filed 2024-11-14T06:30.", ("2024-11-14T06:30", "TIME", "2024-11-14T06:30")),
        ("It began at 06:30 GMT.", ("06:30 GMT", "TIME", "2024-11-14T06:30Z")),
        ("It happened in September 2023.", ("September 2023", "DATE", "2023-09")),
        ("It happened in 2019.", ("2019", "DATE", "2019")),
        ("It happened yesterday.", ("yesterday", "DATE", "2024-11-13")),
        ("It happens today.", ("today", "DATE", "2024-11-14")),
        ("It happened two days ago.", ("two days ago", "DATE", "2024-11-12")),
        ("It happened last week.", ("last week", "DATE", "2024-W45")),
        ("It happens this week.", ("this week", "DATE", "2024-W46")),
        ("It happened last month.", ("last month", "DATE", "2024-10")),
        ("It happened earlier this month.", ("earlier this month", "DATE", "2024-11")),
        ("It will happen next year.", ("next year", "DATE", "2025")),
        ("It happened last year.", ("last year", "DATE", "2023")),
        ("They met on Tuesday.", ("Tuesday", "DATE", "2024-11-12")),
        ("They will meet on Tuesday.", ("Tuesday", "DATE", "2024-11-19")),
        ("It began in mid-2022.", ("mid-2022", "DATE", "2022")),
        ("It began in late September.", ("late September", "DATE", "2024-09")),
        ("It began in the 1990s.", ("the 1990s", "DATE", "199")),
        (
            "Profits rose in the first quarter of 2024.",
            ("the first quarter of 2024", "DATE", "2024-Q1"),
        ),
        ("It happened last summer.", ("last summer", "DATE", "2024-SU")),
        ("It lasted three years.", ("three years", "DURATION", "P3Y")),
        ("It lasted two hours.", ("two hours", "DURATION", "PT2H")),
        ("It lasted several months.", ("several months", "DURATION", "PXM")),
        ("It is over now.", ("now", "DATE", "PRESENT_REF")),
        ("It changed recently.", ("recently", "DATE", "PAST_REF")),
        ("Inspections happen weekly.", ("weekly", "SET", "P1W")),
        ("They meet every Thursday.", ("every Thursday", "SET", "XXXX-WXX-4")),
        ("The blast came at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "2024-11-13T22:00")),
        ("Shelling began this morning.", ("this morning", "TIME", "2024-11-14TMO")),
        ("It happened in the 20th century.", ("the 20th century", "DATE", "19")),
        (
            "It happened in the year nineteen ninety-six.",
            ("the year nineteen ninety-six", "DATE", "1996"),
        ),
        ("It was nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
        ("It happened in the summer of 2022.", ("the summer of 2022", "DATE", "2022-SU")),
        ("Sales rose in H1 2024.", ("H1 2024", "DATE", "2024-H1")),
        ("Sales rose in Q3 2023.", ("Q3 2023", "DATE", "2023-Q3")),
        ("It happened in the second half of 2023.", ("the second half of 2023", "DATE", "2023-H2")),
        ("Troops arrived on the 3rd, officials said.", ("the 3rd", "DATE", "2024-11-03")),
        ("It happened on Christmas Day.", ("Christmas Day", "DATE", "2023-12-25")),
        ("Shelling began by mid afternoon.", ("mid afternoon", "TIME", "2024-11-14TAF")),
        (
            "Shelling began mid-afternoon yesterday.",
            ("mid-afternoon yesterday", "TIME", "2024-11-13TAF"),
        ),
        ("It is a years-long war.", ("years-long", "DURATION", "PXY")),
        ("It happened in the early 2000s.", ("the early 2000s", "DATE", "200")),
        ("It happened in the past decade.", ("the past decade", "DATE", "201")),
        ("Talks will resume at a later date.", ("a later date", "DATE", "FUTURE_REF")),
        ("They met on the following Friday.", ("the following Friday", "DATE", "2024-11-15")),
    ],
)
def test_values(sentence, expected):
    assert expected in timexes(sentence)


def test_range_from_day_to_day_month():
    assert timexes("Talks ran from 6 to 9 August.") == [
        ("6", "DATE", "2024-08-06"),
        ("9 August", "DATE", "2024-08-09"),
    ]


def test_anaphoric_following_day_counts_from_the_last_date():
    found = timexes("The attack came on 3 March 2022. The following day troops withdrew.")
    assert ("The following day", "DATE", "2022-03-04") in found


def test_last_month_name_without_year_is_in_the_past():
    assert ("January", "DATE", "2024-01") in timexes("Fighting resumed in January.")
    assert ("December", "DATE", "2023-12") in timexes("Fighting resumed in December.", "2024-02-10")


def test_may_the_verb_and_may_the_name_are_not_months():
    assert timexes("Talks may resume. Theresa May said so.") == []


def test_without_publication_date_a_passing_year_does_not_date_a_month():
    found = timexes("The war began in April 2023. In late January, aid stopped.", published=None)
    assert ("late January", "DATE", "XXXX-01") in found


def test_a_deadline_month_looks_forward():
    assert ("May", "DATE", "2025-05") in timexes("Talks should conclude by May.", "2024-11-14")


def test_counts_of_people_are_not_years():
    assert timexes("About 2000 troops crossed; resolution 1701 applies.") == []
