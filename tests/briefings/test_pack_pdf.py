"""Packs built from fixture workspaces, read back with pypdf and pdftotext."""

from __future__ import annotations

import re

import pytest

from briefings import Briefing, Scope, build_pack
from models import queries
from tests.briefings.conftest import (
    NOW,
    layout_texts,
    needs_pdftotext,
    page_texts,
    reader,
    realistic_pack,
)

pytestmark = needs_pdftotext

SECTION_HEADINGS = ["Contents", "Key judgments", "Timeline", "Chronology", "Actors", "Sources"]


def _first_page_with(texts: list[str], heading: str) -> int:
    """1-based number of the first page with ``heading`` alone on a line (layout text)."""
    for number, text in enumerate(texts, 1):
        if heading in [line.strip() for line in text.splitlines()]:
            return number
    raise AssertionError(f"no page has the heading {heading!r}")


def _contents(texts: list[str]) -> dict[str, int]:
    """Contents entries (title -> page) from the contents page's layout text."""
    page = next(t for t in texts if "Contents" in t.splitlines()[:8] or "\nContents\n" in t)
    entries = {}
    for line in page.splitlines():
        match = re.match(r"^\s*(\S.*?)\s*(?:\. )+\.?\s+(\d+)\s*$", line)
        if match:
            entries[match[1].strip()] = int(match[2])
    return entries


def test_sections_present_and_in_order(realistic_pdf):
    path, result = realistic_pdf
    texts = layout_texts(path)
    pages = [_first_page_with(texts, heading) for heading in SECTION_HEADINGS]
    assert pages == sorted(pages)
    assert len(set(pages)) == len(pages)
    assert result.events == 22 and result.sources == 9


def test_sections_follow_the_chosen_order(realistic_ws, tmp_path):
    pack = realistic_pack()
    pack.briefings[0].sections = ["sources", "chronology", "key_judgments"]
    out = tmp_path / "order.pdf"
    build_pack(realistic_ws, pack, out, now=NOW)
    texts = layout_texts(out)
    order = [_first_page_with(texts, h) for h in ("Sources", "Chronology", "Key judgments")]
    assert order == sorted(order)
    flat = "\n".join(texts)
    assert "Timeline" not in [line.strip() for line in flat.splitlines()]
    assert "\nActors\n" not in flat


def test_page_count_and_page_x_of_y_agree(realistic_pdf):
    path, result = realistic_pdf
    count = len(reader(path).pages)
    assert count == result.pages
    texts = page_texts(path)
    assert len(texts) == count
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {count}" in text


def test_banners_top_and_bottom_of_every_page(realistic_pdf):
    path, _ = realistic_pdf
    for text in layout_texts(path):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == "TLP:AMBER"
        assert lines[-1] == "TLP:AMBER"


def test_contents_entries_point_to_the_right_pages(realistic_pdf):
    path, _ = realistic_pdf
    texts = layout_texts(path)
    entries = _contents(texts)
    assert list(entries) == SECTION_HEADINGS[1:]
    for title, page in entries.items():
        assert page == _first_page_with(texts, title), title
    pdf = reader(path)
    outline = {item.title: pdf.get_destination_page_number(item) + 1 for item in pdf.outline}
    assert outline == entries
    # the contents lines are links to the same pages
    contents_page = _first_page_with(texts, "Contents")
    targets = []
    for annot in pdf.pages[contents_page - 1].get("/Annots", []):
        dest = annot.get_object()["/Dest"]
        targets.append(pdf.get_page_number(dest[0].get_object()) + 1)
    assert targets == list(entries.values())


def test_every_chronology_endnote_exists_in_the_sources(realistic_pdf):
    path, result = realistic_pdf
    texts = layout_texts(path)
    chronology = _first_page_with(texts, "Chronology")
    actors = _first_page_with(texts, "Actors")
    sources = _first_page_with(texts, "Sources")
    cited = {
        int(n)
        for page in texts[chronology - 1 : actors - 1]
        for n in re.findall(r"\[(\d+)\]", page)
    }
    assert cited == set(range(1, result.sources + 1))
    listed = "\n".join(texts[sources - 1 :])
    numbers = {int(n) for n in re.findall(r"^\s*(\d+)\s+\S", listed, re.MULTILINE)}
    assert cited <= numbers
    # and each endnote is a link to a page of the sources section
    pdf = reader(path)
    for index in range(chronology - 1, actors - 1):
        for annot in pdf.pages[index].get("/Annots", []):
            dest = annot.get_object()["/Dest"]
            assert pdf.get_page_number(dest[0].get_object()) + 1 >= sources


def test_every_event_appears_once_in_the_chronology(realistic_pdf, realistic_ws):
    path, _ = realistic_pdf
    layout = layout_texts(path)
    chronology = _first_page_with(layout, "Chronology")
    actors = _first_page_with(layout, "Actors")
    body = "\n".join(page_texts(path)[chronology - 1 : actors - 1])
    for event in queries.get_events(realistic_ws, range(1, 23)):
        assert body.count(event.title) == 1, event.title


def test_scripts_extract_as_written(realistic_pdf):
    path, result = realistic_pdf
    text = "\n".join(page_texts(path))
    for written in (
        "крейсер «Москва»",
        "Евгений Пригожин",
        "김정은",
        "조선민주주의인민공화국",
        "习近平",
        "연합뉴스",
        "Türkiye",
    ):
        assert written in text, written
    assert not result.warnings


def test_user_text_prints_as_written(realistic_pdf):
    path, _ = realistic_pdf
    text = "\n".join(page_texts(path))
    assert "Black Sea & Korea: R&D <draft> watch" in text
    assert "R&D <draft> memo on energy strikes" in text
    assert "&amp;" not in text and "&lt;" not in text
    assert reader(path).metadata.title == "Black Sea & Korea: R&D <draft> watch"


def test_metadata(realistic_pdf):
    path, _ = realistic_pdf
    meta = reader(path).metadata
    assert meta.author == "J. Analyst"
    assert meta.subject == "Weekly pack for the Eastern Europe desk"
    assert "TLP:AMBER" in meta["/Keywords"] and "Russia" in meta["/Keywords"]
    assert meta.creator == "Annalist"


def test_empty_scope_is_a_one_page_note(realistic_ws, tmp_path):
    pack = realistic_pack()
    pack.briefings[0].scope = Scope(start="1990", end="1991")
    out = tmp_path / "empty.pdf"
    result = build_pack(realistic_ws, pack, out, now=NOW)
    assert result.pages == 1 and result.events == 0
    (text,) = page_texts(out)
    assert "No events in the workspace match" in text
    assert "1990 to 1991" in text
    assert "Page 1 of 1" in text
    lines = [line.strip() for line in layout_texts(out)[0].splitlines() if line.strip()]
    assert lines[0] == lines[-1] == "TLP:AMBER"


def test_invariant_output_is_byte_stable(realistic_ws, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_pack(realistic_ws, realistic_pack(), first, invariant=True)
    build_pack(realistic_ws, realistic_pack(), second, invariant=True)
    assert first.read_bytes() == second.read_bytes()
    third = tmp_path / "c.pdf"
    build_pack(realistic_ws, realistic_pack(title="Another"), third, invariant=True)
    assert third.read_bytes() != first.read_bytes()


def test_several_briefings_share_one_contents_page(realistic_ws, tmp_path):
    russia = queries.find_actor(realistic_ws, "Russia").id
    korea = queries.find_actor(realistic_ws, "North Korea").id
    pack = realistic_pack(
        briefings=[
            Briefing(
                title="Russia", scope=Scope(actor_ids=[russia]), sections=["chronology", "sources"]
            ),
            Briefing(
                title="North Korea 조선",
                scope=Scope(actor_ids=[korea]),
                sections=["timeline", "chronology", "sources"],
            ),
        ]
    )
    out = tmp_path / "multi.pdf"
    result = build_pack(realistic_ws, pack, out, now=NOW)
    assert result.per_briefing == [15, 3]
    pdf = reader(out)
    top = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert top == ["Russia", "North Korea 조선"]
    nested = [item for item in pdf.outline if isinstance(item, list)]
    assert [[i.title for i in group] for group in nested] == [
        ["Chronology", "Sources"],
        ["Timeline", "Chronology", "Sources"],
    ]
    contents = "\n".join(layout_texts(out)[1].splitlines())
    assert "Russia" in contents and "North Korea 조선" in contents
    texts = page_texts(out)
    assert "Scope: actors: North Korea" in "\n".join(texts).replace("all dates; ", "")


def test_letter_pages_and_landscape_chart(realistic_ws, tmp_path):
    out = tmp_path / "letter.pdf"
    build_pack(realistic_ws, realistic_pack(page_size="Letter"), out, now=NOW)
    pdf = reader(out)
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(612, 792), (792, 612)}
    chart_page = _first_page_with(layout_texts(out), "Timeline")
    assert round(float(pdf.pages[chart_page - 1].mediabox.width)) == 792


def test_a4_default(realistic_pdf):
    path, _ = realistic_pdf
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in reader(path).pages
    }
    assert sizes == {(595, 842), (842, 595)}


def test_empty_key_judgments_leave_the_section_out_with_a_warning(realistic_ws, tmp_path):
    pack = realistic_pack()
    pack.briefings[0].key_judgments = "  \n"
    out = tmp_path / "nokj.pdf"
    result = build_pack(realistic_ws, pack, out, now=NOW)
    assert any("no key judgments" in w for w in result.warnings)
    assert "Key judgments" not in _contents(layout_texts(out))


def test_rows_taller_than_a_page_are_cut_between_lines(writable_ws, tmp_path):
    from models import operations as ops

    words = " ".join(f"word{i}" for i in range(2500))
    ops.add_event(writable_ws, "A very long entry", "2023-01-15", description=words)
    pack = realistic_pack()
    pack.briefings[0].sections = ["chronology"]
    out = tmp_path / "long.pdf"
    build_pack(writable_ws, pack, out, now=NOW)
    text = "\n".join(page_texts(out))
    assert "(continued)" in text
    found = re.findall(r"word(\d+)", text)
    assert [int(n) for n in found] == list(range(2500))


@pytest.mark.parametrize(
    "orders",
    [
        [["timeline", "chronology"]],
        [["key_judgments", "sources"], ["timeline", "actors"]],
        [["sources", "timeline"], ["timeline"], ["chronology"]],
    ],
)
def test_no_blank_pages(realistic_ws, tmp_path, orders):
    pack = realistic_pack(
        briefings=[
            Briefing(title=f"Part {i}", scope=Scope(), key_judgments="Likely.", sections=order)
            for i, order in enumerate(orders, 1)
        ]
    )
    out = tmp_path / "pages.pdf"
    build_pack(realistic_ws, pack, out, now=NOW)
    furniture = {
        "TLP:AMBER",
        "Black Sea & Korea: R&D <draft> watch",
        "18 Nov 2024 · 181200Z NOV 24",
        "Northern Analysis Cell · NAC-BRF-046",
    }
    for number, text in enumerate(page_texts(out), 1):
        body = [
            line
            for line in text.splitlines()
            if line.strip() and line.strip() not in furniture and not line.startswith("Page ")
        ]
        assert body, f"page {number} is blank"
