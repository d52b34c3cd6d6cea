"""Actors: canonical names from the gazetteer, patterns and the workspace."""

from dataclasses import dataclass, field

from ingest import extract


def actors(text, **kwargs):
    result = extract(text, published="2024-11-14", **kwargs).to_dict()
    return {
        actor["name"]: (actor["kind"], [text[s:e] for s, e in actor["mentions"]])
        for actor in result["actors"]
    }


def test_demonyms_resolve_to_the_state():
    found = actors("Ukrainian forces repelled Russian troops near Kharkiv.")
    assert found["Ukraine"] == ("state", ["Ukrainian"])
    assert found["Russia"] == ("state", ["Russian"])
    assert found["Kharkiv"][0] == "place"


def test_capital_in_a_political_sense_is_the_state_otherwise_the_city():
    found = actors("Kyiv said the strike was a provocation. Later, drones hit a school in Kyiv.")
    assert found["Ukraine"] == ("state", ["Kyiv"])
    assert found["Kyiv"] == ("place", ["Kyiv"])


def test_titled_leaders_resolve_to_their_full_names():
    found = actors("President Macron spoke with Mr. Zelensky and Putin.")
    assert found["Emmanuel Macron"] == ("person", ["Macron"])
    assert found["Volodymyr Zelensky"] == ("person", ["Zelensky"])
    assert found["Vladimir Putin"] == ("person", ["Putin"])


def test_un_forms_are_one_actor():
    found = actors("The UN called for calm. The United Nations sent envoys; the U.N. agreed.")
    assert found["United Nations"] == ("organisation", ["UN", "United Nations", "U.N."])
    assert set(found) == {"United Nations"}


def test_acronyms_of_international_organisations():
    found = actors("NATO, the IAEA, the ICC and the OSCE issued statements.")
    assert {
        "NATO",
        "International Atomic Energy Agency",
        "International Criminal Court",
        "Organization for Security and Co-operation in Europe",
    } <= set(found)


def test_armed_groups_are_groups():
    found = actors("Hamas and Hezbollah fired rockets; al-Qaeda claimed an attack.")
    assert found["Hamas"][0] == found["Hezbollah"][0] == found["al-Qaeda"][0] == "group"


def test_unknown_people_after_titles_and_surname_coreference():
    found = actors(
        "Spokeswoman Sandy Angers said the plan was delayed. Angers declined to comment."
    )
    assert found["Sandy Angers"] == ("person", ["Sandy Angers", "Angers"])


def test_a_common_word_after_a_title_is_not_a_person():
    found = actors("Gunmen ambushed a General Security patrol. General Petraeus resigned.")
    assert "Security" not in found
    assert found["Petraeus"][0] == "person"


def test_organisation_words_and_defined_acronyms():
    found = actors(
        "The Government Accountability Office (GAO) upheld the protest. The GAO said so. "
        "Northwind Logistics Ltd. won a contract."
    )
    assert found["Government Accountability Office"][1] == [
        "Government Accountability Office",
        "GAO",
        "GAO",
    ]
    assert found["Northwind Logistics"] == ("organisation", ["Northwind Logistics Ltd."])


def test_ministries_are_named_with_their_state():
    found = actors("Russia's Defence Ministry said its forces advanced.")
    assert "Ministry of Defence (Russia)" in found


def test_seats_of_government_and_compounds_resolve_to_states():
    found = actors("The Kremlin said the Saudi-led coalition and Iran-backed Houthis clashed.")
    assert found["Russia"] == ("state", ["Kremlin"])
    assert found["Saudi Arabia"] == ("state", ["Saudi"])
    assert found["Iran"] == ("state", ["Iran"])
    assert found["Houthis"][0] == "group"


def test_capitals_that_act_are_governments():
    found = actors("As Moscow pressed its offensive, Washington and Beijing traded accusations.")
    assert found["Russia"] == ("state", ["Moscow"])
    assert {"United States", "China"} <= set(found)


def test_market_indices_are_not_actors():
    assert actors("The Dow Jones Industrial Average fell 2% and the FTSE 100 slipped.") == {}


def test_places_named_after_village_of():
    found = actors("Russian troops captured the village of Kurakhove.")
    assert found["Kurakhove"][0] == "place"


def test_possessives_are_not_part_of_the_name():
    found = actors("Boeing's protest failed.")
    assert found["Boeing"] == ("organisation", ["Boeing"])


def test_sentence_initial_common_words_are_not_names():
    found = actors("However, fighting continued. Meanwhile Sudan's army advanced.")
    assert set(found) == {"Sudan"}


def test_products_after_a_maker_are_not_the_maker():
    assert actors("The Airbus A380 landed.") == {}


@dataclass
class WorkspaceActor:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


def test_workspace_actors_come_first_and_their_aliases_resolve():
    workspace = [
        WorkspaceActor("Armed Forces of Ukraine", "organisation", ["Ukrainian forces", "ZSU"]),
        {"name": "Northern Militia", "kind": "group", "aliases": ["the Militia of the North"]},
    ]
    found = actors("Ukrainian forces and the ZSU met the Militia of the North.", actors=workspace)
    assert found["Armed Forces of Ukraine"] == ("organisation", ["Ukrainian forces", "ZSU"])
    assert found["Northern Militia"][0] == "group"
    assert "Ukraine" not in found


def test_mentions_never_overlap():
    text = (
        "European Union foreign ministers met in Brussels with NATO Secretary General Mark Rutte."
    )
    result = extract(text).to_dict()
    spans = sorted(tuple(m) for a in result["actors"] for m in a["mentions"])
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2


def test_title_words_inside_names_and_chained_titles():
    found = actors(
        "General Electric and General Motors reported. Chief Executive Tim Cook said so. "
        "The Ministry of Foreign Affairs of Ukraine protested."
    )
    assert found["General Electric"][0] == "organisation"
    assert found["General Motors"][0] == "organisation"
    assert found["Tim Cook"] == ("person", ["Tim Cook"])
    assert "Ministry of Foreign Affairs (Ukraine)" in found
