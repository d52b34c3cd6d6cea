"""TIMEX3 values mapped to Annalist ``when`` texts."""

import pytest

from ingest.extract.when import to_when
from models.dates import parse


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2024-11-14", "", "2024-11-14"),
        ("2024-11-14T06:30", "Z", "2024-11-14T06:30Z"),
        ("2024-11-14TNI", "", "2024-11-14"),
        ("2024-11", "", "2024-11"),
        ("2024", "", "2024"),
        ("2024-W46", "", "2024-11-11/2024-11-17"),
        ("2024-W46-WE", "", "2024-11-16/2024-11-17"),
        ("2024-Q1", "", "2024-01/2024-03"),
        ("2024-H2", "", "2024-07/2024-12"),
        ("2024-SU", "", "2024-06~/2024-08~"),
        ("2024-WI", "", "2024-12~/2025-02~"),
        ("199", "", "1990/1999"),
        ("2022", "MID", "2022-05~/2022-08~"),
        ("2022", "START", "2022-01~/2022-04~"),
        ("2023-09", "END", "2023-09-21~/2023-09-30~"),
        ("PRESENT_REF", "", None),
        ("PAST_REF", "", None),
        ("XXXX-XX-XX", "", None),
        ("P3Y", "", None),
    ],
)
def test_to_when(value, mod, expected):
    when = to_when(value, mod)
    assert when == expected
    if when is not None:
        parse(when)


def test_ranges_join_their_ends():
    assert to_when("2024-08-06", "", "2024-08-09") == "2024-08-06/2024-08-09"
