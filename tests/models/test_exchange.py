"""Export and load: exact round trips, ACLED, and bad files that change nothing."""

import json

import pytest

from models import exchange, operations, queries, search
from models.errors import InputError
from models.store import Workspace
from tests.helpers import file_digest, snapshot


def export_text(ws, fmt, path):
    exchange.export(ws, fmt, path)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_is_exact(demo_ws, tmp_path, fmt):
    operations.update_event(
        demo_ws, 3, description='Quotes "inside", commas, and\nnew lines; semi;colons'
    )
    operations.add_tags(demo_ws, [3, 4], ["R&D <draft>"])
    first = export_text(demo_ws, fmt, tmp_path / f"first.{fmt}")
    with Workspace.open(tmp_path / "copy.annalist") as copy:
        report = exchange.load(copy, tmp_path / f"first.{fmt}")
        assert report.events_added == 54
        second = export_text(copy, fmt, tmp_path / f"second.{fmt}")
    assert second == first


def test_json_round_trip_keeps_everything(demo_ws, tmp_path):
    operations.save_briefing(demo_ws, "Morning", {"title": "Morning brief", "sections": ["cover"]})
    operations.set_meta(demo_ws, "lane_order", "[1, 2]")
    path = tmp_path / "all.json"
    exchange.export(demo_ws, "json", path)
    data = json.loads(path.read_text())
    assert {"events", "actors", "sources", "periods", "briefings", "meta"} <= set(data)
    assert all("when" in e and "title" in e for e in data["events"])
    with Workspace.open(tmp_path / "copy.annalist") as copy:
        exchange.load(copy, path)
        original, loaded = snapshot(demo_ws), snapshot(copy)
        for table in (
            "actors",
            "events",
            "sources",
            "event_sources",
            "event_tags",
            "briefings",
            "periods",
            "events_fts",
        ):
            assert loaded[table] == original[table], table
        assert [r[1:] for r in loaded["event_actors"]] == [r[1:] for r in original["event_actors"]]


def test_loading_again_adds_nothing(demo_ws, tmp_path):
    path = tmp_path / "demo.json"
    exchange.export(demo_ws, "json", path)
    before = snapshot(demo_ws)
    report = exchange.load(demo_ws, path)
    assert report.events_added == 0 and report.events_skipped == 54
    assert "54 already in the workspace" in report.sentence()
    assert snapshot(demo_ws)["events"] == before["events"]


def test_load_into_a_workspace_with_data_matches_actors_by_alias(ws, tmp_path):
    operations.add_actor(ws, "Russia", "state", aliases=["Russian Federation"])
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            {
                "actors": [
                    {"id": 7, "name": "Russian Federation", "kind": "state"},
                    {"id": 8, "name": "Ukraine"},
                ],
                "events": [
                    {
                        "id": 3,
                        "when": "2022-02-24",
                        "title": "Invasion",
                        "actors": [{"actor": 7, "role": "initiator"}, {"actor": 8}],
                    }
                ],
            }
        )
    )
    report = exchange.load(ws, path)
    assert report.actors_added == 1
    event = queries.get_event(ws, search.filtered_ids(ws)[0])
    assert event.actor_names == ["Russia", "Ukraine"]


def test_csv_export_columns(demo_ws, tmp_path):
    text = export_text(demo_ws, "csv", tmp_path / "e.csv")
    header = text.splitlines()[0]
    assert (
        header
        == "id,when,title,description,location,confidence,tags,actors,roles,sources,ref,created,updated"
    )
    assert "2022-02-24,Russia launches full-scale invasion of Ukraine" in text


def test_timelinejs_export(demo_ws, tmp_path):
    data = json.loads(export_text(demo_ws, "timelinejs", tmp_path / "t.json"))
    events = {e["text"]["headline"]: e for e in data["events"]}
    kursk = events["Ukrainian offensive into Russia's Kursk region"]
    assert kursk["start_date"] == {"year": 2024, "month": 8, "day": 6}
    assert kursk["end_date"] == {"year": 2025, "month": 4}
    assert kursk["display_date"] == "6 Aug 2024 – c. Apr 2025"
    assert events["Wagner Group personnel reported deploying to Mali"]["start_date"] == {
        "year": 2021,
        "month": 12,
    }
    assert data["eras"]


ACLED = """event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
UKR1001,14 November 2024,2024,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),,State forces,Civilians (Ukraine),,Civilians,State forces-Civilians,Civilian targeting,804,Europe,Ukraine,Kharkivska,Kharkivskyi,Kharkivska,Kharkiv,49.99,36.23,1,Ukrinform; Kyiv Independent,National,"On 14 November 2024, Russian forces shelled Kharkiv city, injuring 3 civilians.",0,,1731900000
UKR1002,2024-11-16,2024,2,Political violence,Battles,Armed clash,Military Forces of Ukraine (2019-),,1,Military Forces of Russia (2000-),Wagner Group,1,11,,804,Europe,Ukraine,Donetska,Pokrovskyi,,Pokrovsk,48.28,37.18,1,Ukrainska Pravda,National,Clashes near Pokrovsk.,5,,1731900000
UKR1003,20-Nov-24,2024,3,Strategic developments,Strategic developments,Agreement,Government of Ukraine (2019-),,1,,,,,,804,Europe,Ukraine,Kyiv City,,,Kyiv,50.45,30.52,1,Reuters,International,Agreement reported during the month.,0,,1731900000
"""


def test_acled_csv_loads_with_honest_precision(ws, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    report = exchange.load(ws, path)
    assert report.events_added == 3 and report.sources_added == 1 and report.actors_added == 5
    events = queries.get_events(ws, search.filtered_ids(ws))
    assert [e.when for e in events] == ["2024-11", "2024-11-14", "2024-11-16~"]
    shelling = events[1]
    assert shelling.title == "Shelling/artillery/missile attack in Kharkiv"
    assert shelling.ref == "UKR1001"
    assert [(a.name, a.role, a.kind) for a in shelling.actors] == [
        ("Military Forces of Russia (2000-)", "actor 1", "state"),
        ("Civilians (Ukraine)", "actor 2", "other"),
    ]
    assert "Reported by: Ukrinform; Kyiv Independent." in shelling.description
    clash = events[2]
    assert "Reported fatalities: 5." in clash.description
    assert ("Wagner Group", "associated") in [(a.name, a.role) for a in clash.actors]
    assert shelling.citations[0].source_title == "ACLED data: acled.csv"
    # The same file again adds nothing.
    again = exchange.load(ws, path)
    assert again.events_added == 0 and again.events_skipped == 3 and again.sources_added == 0


def test_acled_csv_in_cp1252_needs_the_encoding_named(ws, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_bytes(ACLED.replace("Kharkiv city", "Kharkiv cité").encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8 text.*--encoding"):
        exchange.load(ws, path)
    report = exchange.load(ws, path, encoding="cp1252")
    assert report.events_added == 3
    assert "cité" in queries.get_event(ws, search.filtered_ids(ws)[1]).description


def test_utf16_with_bom_is_read(ws, tmp_path):
    path = tmp_path / "acled.csv"
    path.write_bytes(ACLED.encode("utf-16"))
    assert exchange.load(ws, path).events_added == 3


def test_semicolon_separated_csv_from_excel(ws, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "when;title;actors\n2024-11-14;Strike;Russia; Ukraine\n".replace(
            "Russia; Ukraine", '"Russia; Ukraine"'
        )
    )
    exchange.load(ws, path)
    assert queries.get_event(ws, 1).actor_names == ["Russia", "Ukraine"]


BAD_FILES = [
    ("wrong_column.csv", "when,title,dat\n2024,x,y\n", "column 'dat'"),
    ("no_columns.csv", "date,headline\n2024,x\n", "neither Annalist columns"),
    ("bad_date.csv", "when,title\n2024-01-05,ok\n14/11/2024,bad\n", "line 3"),
    ("bad_acled_date.csv", "event_date,actor1\n14 November 2024,A\n31 February 2024,B\n", "line 3"),
    ("duplicate_id.csv", "id,when,title\n1,2024,a\n1,2025,b\n", "appears twice"),
    ("extra_cells.csv", "when,title\n2024,a,b,c\n", "more cells than the header"),
    ("empty.csv", "", "empty"),
    ("acled_header_only.csv", "event_date,actor1\n", "no events"),
    ("binary.csv", "\x00\x01\x02PK\x03\x04", "binary"),
    ("broken.json", '{"events": [{"when": "2024", "title": "x"}', "not valid JSON"),
    ("not_annalist.json", "[1, 2, 3]", "needs one object"),
    ("missing_title.json", '{"events": [{"when": "2024"}]}', "needs both"),
    (
        "bad_date.json",
        '{"events": [{"when": "2024-02-30", "title": "Leap"}]}',
        "event 1 \\('Leap'\\)",
    ),
    (
        "unknown_field.json",
        '{"events": [{"when": "2024", "title": "x", "colour": "red"}]}',
        'field "colour"',
    ),
    (
        "duplicate_actor.json",
        '{"actors": [{"id": 1, "name": "Russia"}, {"id": 2, "name": "russia"}], "events": []}',
        "appears twice",
    ),
    (
        "dangling_actor.json",
        '{"actors": [], "events": [{"when": "2024", "title": "x", "actors": [{"actor": 9}]}]}',
        "not in the file",
    ),
    ("newer.json", '{"format": "annalist", "version": 99, "events": []}', "newer Annalist"),
    (
        "bad_kind.json",
        '{"actors": [{"id": 1, "name": "X", "kind": "alien"}], "events": []}',
        "actor 1",
    ),
    ("notes.pdf", "%PDF-1.4", "not a file Annalist can load"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_change_nothing(demo_path, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    before = file_digest(demo_path)
    with Workspace.open(demo_path) as ws, pytest.raises(InputError, match=message) as info:
        exchange.load(ws, path)
    text = str(info.value)
    assert "\n" not in text and text.endswith((".", "?")) and len(text) < 400
    assert file_digest(demo_path) == before


def test_a_failure_half_way_through_writing_rolls_everything_back(demo_path, tmp_path, monkeypatch):
    path = tmp_path / "ok.json"
    path.write_text(
        json.dumps(
            {
                "actors": [{"id": 1, "name": "New actor"}],
                "events": [{"when": "2025", "title": f"E{i}"} for i in range(50)],
            }
        )
    )
    before = file_digest(demo_path)

    def explode(*args, **kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr("models.bulk.insert_events", explode)
    with Workspace.open(demo_path) as ws:
        with pytest.raises(OSError):
            exchange.load(ws, path)
        assert (
            ws.conn.execute("SELECT count(*) FROM actors WHERE name = 'New actor'").fetchone()[0]
            == 0
        )
    assert file_digest(demo_path) == before


def test_export_to_a_missing_folder_is_a_clear_error(demo_ws, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        exchange.export(demo_ws, "json", tmp_path / "nope" / "x.json")
    assert not list(tmp_path.glob("**/*.partial"))
