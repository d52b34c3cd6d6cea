"""The shipped gazetteer: well-formed rows, unambiguous aliases, and actors from every region."""

import pytest

from ingest import extract
from ingest.extract import gazetteer


def _table(name: str, alias_column: int) -> list[tuple[str, list[str]]]:
    rows = gazetteer._rows(gazetteer.RESOURCES / name)
    return [(row[0].strip(), gazetteer._cells(row, alias_column)) for row in rows]


def test_organisation_rows_have_a_known_kind():
    for row in gazetteer._rows(gazetteer.RESOURCES / "organisations.tsv"):
        assert len(row) in (2, 3), row
        assert row[1].strip() in ("organisation", "group"), row


def test_every_alias_names_its_own_row():
    """An alias shared with another row, or repeating a name, would be silently lost."""
    builtin = gazetteer.builtin()
    tables = [("organisations.tsv", 2), ("people.tsv", 1)]
    for table, column in tables:
        for name, aliases in _table(table, column):
            for form in [name, *aliases]:
                entry = builtin.lookup(gazetteer._variants(gazetteer.normalise(form))[-1])
                assert entry is not None and entry.name == name, (table, form, entry)


def test_no_single_word_alias_is_a_common_word():
    """Forms are matched as written, so "WHO" and "LeT" are safe and "However" is not."""
    common = gazetteer.builtin().common_words
    common = common | {word.capitalize() for word in common}
    for table, column in [("organisations.tsv", 2), ("people.tsv", 1)]:
        for name, aliases in _table(table, column):
            for form in [name, *aliases]:
                assert form not in common, (table, form)


def names(text: str) -> dict[str, str]:
    result = extract(text, published="2025-03-01").to_dict()
    return {actor["name"]: actor["kind"] for actor in result["actors"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "JNIM and ISGS fighters clashed near Menaka, Assimi Goita said.",
            {"JNIM": "group", "Islamic State Sahel Province": "group", "Assimi Goita": "person"},
        ),
        (
            "CODECO attacked a camp in Ituri as the FDLR and Wazalendo fought the M23.",
            {
                "CODECO": "group",
                "Democratic Forces for the Liberation of Rwanda": "group",
                "Wazalendo": "group",
                "M23": "group",
            },
        ),
        (
            "The SPLM-IO accused Salva Kiir of arresting Riek Machar.",
            {
                "Sudan People's Liberation Movement-in-Opposition": "group",
                "Salva Kiir": "person",
                "Riek Machar": "person",
            },
        ),
        (
            "The MNDAA and the TNLA fought the PDF and the UWSA.",
            {
                "Myanmar National Democratic Alliance Army": "group",
                "Ta'ang National Liberation Army": "group",
                "People's Defence Force": "group",
                "United Wa State Army": "group",
            },
        ),
        (
            "Viv Ansanm and 400 Mawozo attacked the Haitian National Police.",
            {
                "Viv Ansanm": "group",
                "400 Mawozo": "group",
                "Haitian National Police": "organisation",
            },
        ),
        (
            "The Gulf Clan and Segunda Marquetalia rejected the talks.",
            {"Clan del Golfo": "group", "Segunda Marquetalia": "group"},
        ),
        (
            "UNAMA and the Norwegian Refugee Council said Amir Khan Muttaqi refused.",
            {
                "UN Assistance Mission in Afghanistan": "organisation",
                "Norwegian Refugee Council": "organisation",
                "Amir Khan Muttaqi": "person",
            },
        ),
    ],
)
def test_actors_from_every_region_are_named(text, expected):
    found = names(text)
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)


def test_a_title_word_inside_a_listed_name_does_not_split_it():
    """'Mayor' is a title, but 'Estado Mayor Central' is an armed group's name."""
    found = names("The Estado Mayor Central under Ivan Mordisco clashed with the army.")
    assert found.get("Estado Mayor Central") == "group"
    assert found.get("Ivan Mordisco") == "person"
    assert "Central" not in found
    found = names("Mayor Eric Adams met Governor Kathy Hochul.")
    assert found.get("Eric Adams") == "person"
