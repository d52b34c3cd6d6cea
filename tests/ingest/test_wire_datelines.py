"""A wire dateline dates the story and is not part of it."""

from ingest import extract, read

STORY = (
    "GAZA/CAIRO, March 3, 2025 (AP) — Israel halted the entry of all goods and supplies "
    "into Gaza on Sunday, as the first phase of a ceasefire with Hamas expired.\n"
)


def test_a_dateline_with_two_places_and_a_year_dates_the_story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    article = read(path)
    assert article.published == "2025-03-03"
    [event] = extract(article.text, published=article.published).to_dict()["events"]
    assert event["date"] == "2025-03-02"
    assert "Associated Press" not in event["actors"]
    assert event["title"].startswith("Israel halts entry")


def test_a_long_dateline_is_not_part_of_the_story():
    found = extract(
        "GOMA, Democratic Republic of Congo, Jan 28, 2025 (AFP) - M23 fighters consolidated "
        "their hold on Goma on Tuesday.",
        published="2025-01-28",
    ).to_dict()["events"]
    assert [e["actors"] for e in found] == [["M23", "Goma"]]
