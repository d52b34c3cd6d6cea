"""Publication dates from metadata and datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.readers.published import find_dateline, from_metadata
from models import dates

REFERENCE = dt.date(2024, 11, 20)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KYIV, Nov 14 (Reuters) - Russian drones struck", "2024-11-14"),
        ("KYIV, 14 November (Reuters) - Russian drones", "2024-11-14"),
        ("PARIS, 14 nov (AFP) - Le ministère", "2024-11-14"),
        ("КИЕВ, 14 ноября (Рейтер) - Российские", "2024-11-14"),
        ("GAZA, Dec 30 (Reuters) - Late-year dateline before the file's date", "2023-12-30"),
        ("GAZA/CAIRO, March 3, 2025 (AP) — Israel halted", "2025-03-03"),
        ("BEIRUT, 5 January 2023 (AFP) - Lebanon's", "2023-01-05"),
        ("14 November 2024 — Russian forces advanced", "2024-11-14"),
        ("Thursday 14 November 2024 - The ministry said", "2024-11-14"),
        ("Published 14 Nov 2024 10:31 GMT\n\nBody text.", "2024-11-14"),
        ("Updated 3:14 PM EST, November 14, 2024\n\nWASHINGTON (AP) — The", "2024-11-14"),
        ("By Jane Doe\n\nNovember 14, 2024\n\nWASHINGTON (AP) — The", "2024-11-14"),
        ("14 листопада 2024\n\nЗбройні сили", "2024-11-14"),
        ("2024-11-14\n\nNotes from the field.", "2024-11-14"),
    ],
)
def test_datelines(text, expected):
    found, _ = find_dateline(text, REFERENCE)
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — The president said on Thursday",
        "Russia invaded Ukraine on 24 February 2022, and the war goes on.",
        "A long first paragraph " * 20 + "mentions 14 November 2024 deep inside.",
        "",
    ],
)
def test_no_dateline_means_no_date(text):
    assert find_dateline(text, REFERENCE) == (None, [])


def test_a_year_taken_from_the_reference_is_reported():
    found, warnings = find_dateline("KYIV, Nov 14 (Reuters) - x", REFERENCE)
    assert found == "2024-11-14"
    assert warnings == [
        "The dateline gives no year, so 2024 was assumed from the file's date; "
        "check the publication date."
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-11-14", "2024-11-14"),
        ("2024-11-14T06:30:00Z", "2024-11-14T06:30:00+00:00"),
        ("2024-11-14T06:30:00.123+0200", "2024-11-14T06:30:00+02:00"),
        ("2024-11-14 06:30", "2024-11-14T06:30:00"),
        ("20241114", "2024-11-14"),
        ("D:20241114063000+02'00'", "2024-11-14T06:30:00+02:00"),
        ("D:20241114", "2024-11-14"),
        ("Thu, 14 Nov 2024 06:30:00 GMT", "2024-11-14T06:30:00+00:00"),
        ("14 November 2024", "2024-11-14"),
        ("November 14, 2024", "2024-11-14"),
        ("2024-02-30", None),
        ("2024", None),
        ("soon", None),
        (None, None),
    ],
)
def test_metadata_dates(value, expected):
    assert from_metadata(value) == expected


@given(
    st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["", "Z", "+02:00", "-0530", "+01"]),
    st.booleans(),
)
def test_metadata_dates_always_parse_in_the_date_model(moment, zone, with_time):
    raw = moment.strftime("%Y-%m-%dT%H:%M:%S") + zone if with_time else moment.strftime("%Y-%m-%d")
    iso = from_metadata(raw)
    assert iso is not None
    assert dates.parse(iso)
    assert iso[:10] == moment.strftime("%Y-%m-%d")
