"""The extraction contract: shapes, offsets, JSON, published date forms."""

import datetime as dt
import json

import pytest

import ingest
from ingest import Extraction, extract
from models.dates import parse

ARTICLE = (
    "KYIV, Nov 14 (Reuters) - Ukrainian forces struck a Russian ammunition depot in Kursk on "
    "Tuesday, Kyiv said. President Macron met Volodymyr Zelensky in Paris on Wednesday. "
    "The parliament ratified the border treaty with Moldova on 12 November. "
    "Russia will hold talks next week."
)


def test_package_exports_extract():
    assert ingest.extract is extract
    assert isinstance(extract("Nothing here."), Extraction)


def test_to_dict_has_the_contract_keys_and_is_json():
    result = extract(ARTICLE, published="2024-11-14").to_dict()
    assert set(result) == {"text", "published", "timexes", "actors", "events"}
    assert result["text"] == ARTICLE
    assert result["published"] == "2024-11-14"
    for timex in result["timexes"]:
        assert set(timex) == {"start", "end", "text", "type", "value"}
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for actor in result["actors"]:
        assert set(actor) == {"name", "kind", "mentions"}
        assert actor["kind"] in {"state", "organisation", "person", "group", "place", "other"}
    for event in result["events"]:
        assert set(event) == {"date", "title", "sentence", "start", "end", "actors"}
    assert json.loads(json.dumps(result)) == result


def test_offsets_index_the_text_exactly():
    result = extract(ARTICLE, published="2024-11-14").to_dict()
    assert result["timexes"] and result["actors"] and result["events"]
    for timex in result["timexes"]:
        assert ARTICLE[timex["start"] : timex["end"]] == timex["text"]
    for actor in result["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(ARTICLE)
    for event in result["events"]:
        assert ARTICLE[event["start"] : event["end"]] == event["sentence"]
        parse(event["date"])


@pytest.mark.parametrize(
    "published",
    [
        "2024-11-14",
        "2024-11-14T09:30:00Z",
        "2024-11-14T09:30:00+02:00",
        dt.date(2024, 11, 14),
        dt.datetime(2024, 11, 14, 9, 30),
    ],
)
def test_published_accepts_dates_datetimes_and_iso_text(published):
    result = extract("It happened yesterday.", published=published).to_dict()
    assert result["published"] == "2024-11-14"
    assert result["timexes"][0]["value"] == "2024-11-13"


def test_without_published_relative_dates_are_unresolved():
    result = extract("It happened yesterday and on Tuesday.").to_dict()
    assert result["published"] is None
    values = [t["value"] for t in result["timexes"]]
    assert values == ["XXXX-XX-XX", "XXXX-WXX-2"]


def test_without_published_a_dateline_anchors_relative_dates():
    result = extract("14 November 2024. Troops withdrew yesterday.").to_dict()
    assert [t["value"] for t in result["timexes"]] == ["2024-11-14", "2024-11-13"]


def test_bad_published_says_what_to_type():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extract("text", published="last Tuesday")


def test_text_must_be_a_string():
    with pytest.raises(TypeError):
        extract(b"bytes")


def test_empty_text():
    result = extract("", published="2024-11-14").to_dict()
    assert result == {
        "text": "",
        "published": "2024-11-14",
        "timexes": [],
        "actors": [],
        "events": [],
    }
