"""``python main.py import``: the headless import, its report lines, exit codes and messages."""

from __future__ import annotations

import zipfile

import pytest

import cli
import ingest
from models import queries
from models.store import Workspace
from tests.helpers import file_digest
from tests.test_cli import annalist
from tests.ui import import_samples as articles


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return articles.make_all(tmp_path_factory.mktemp("articles"))


def sources(path):
    with Workspace.open(path, create=False) as ws:
        return {s.file_name: queries.get_source(ws, s.id) for s in queries.list_sources(ws)}


def test_accept_none_stores_each_article_once_as_a_source(tmp_path, files):
    target = tmp_path / "case.annalist"
    order = ["html", "pdf", "docx", "txt", "eml", "odt", "rtf", "mhtml"]
    done = annalist("import", *[files[k] for k in order], "-w", target, "--accept", "none")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = [line for line in done.stdout.splitlines() if not line.startswith("  note:")]
    assert lines[0] == (
        "ceasefire.html: imported as a source (no events accepted; review them in the app)."
    )
    # The .txt, .eml, .odt, .rtf and .mhtml hold the same text as the page: skipped.
    for kind in ("txt", "eml", "odt", "rtf", "mhtml"):
        line = next(line for line in lines if line.startswith(f"ceasefire.{kind}:"))
        assert "already in the workspace as 'Israel-Hezbollah ceasefire" in line
        assert line.endswith("skipped.")
    stored = sources(target)
    assert set(stored) == {"ceasefire.html", "ceasefire.pdf", "ceasefire.docx"}
    page = stored["ceasefire.html"]
    assert page.published == "2024-11-27T06:10:00+00:00"
    assert page.publisher == "Meridian News" and page.kind == "html"
    assert "Litani River" in page.text
    with Workspace.open(target, create=False) as ws:
        assert queries.count_events(ws) == 0


def test_accept_all_stores_what_the_extraction_proposes(tmp_path, files):
    target = tmp_path / "case.annalist"
    done = annalist("import", files["html"], "-w", target, "--accept", "all")
    assert done.returncode == 0, done.stderr
    page = sources(target)["ceasefire.html"]
    proposed = ingest.extract(page.text, published="2024-11-27").to_dict()["events"]
    with Workspace.open(target, create=False) as ws:
        stored = queries.get_events(ws, queries.source_events(ws, page.id))
    assert len(stored) == len(proposed)
    assert done.stdout.startswith(
        f"ceasefire.html: imported with {len(proposed)} event{'s' if len(proposed) != 1 else ''}"
    )
    # Two happenings of one sentence quote it from the same place: order by title too.
    for event, proposal in zip(
        sorted(stored, key=lambda e: (e.citations[0].char_start, e.title)),
        sorted(proposed, key=lambda p: (p["start"], p["title"])),
        strict=True,
    ):
        assert event.when == proposal["date"] and event.title == proposal["title"]


def test_accept_all_in_process_stores_events_quotes_and_new_actors(
    tmp_path, files, monkeypatch, capsys
):
    """The same command in process, looking at what was stored for each proposal."""
    target = tmp_path / "case.annalist"
    status = cli.run_cli(["import", str(files["html"]), "-w", str(target), "--accept", "all"])
    out = capsys.readouterr()
    assert status == 0, out.err
    with Workspace.open(target, create=False) as ws:
        page = next(s for s in queries.list_sources(ws) if s.file_name == "ceasefire.html")
        text = queries.get_source(ws, page.id).text
        events = queries.get_events(ws, queries.source_events(ws, page.id))
        proposed = ingest.extract(text, published="2024-11-27").to_dict()
        assert len(events) == len(proposed["events"]) >= 5
        jets = next(e for e in events if "yesterday" in e.citations[0].quote)
        citation = jets.citations[0]
        assert jets.when == "2024-11-26"
        assert text[citation.char_start : citation.char_end] == citation.quote
        assert "Israel" in jets.actor_names
        assert queries.find_actor(ws, "Hezbollah").kind == "group"
        actors = len(queries.list_actors(ws))
    assert out.out.startswith(
        f"ceasefire.html: imported with {len(events)} events and {actors} new actors."
    )


def test_published_anchors_an_undated_article(tmp_path, capsys):
    path = articles.make_txt(tmp_path / "undated.txt", articles.UNDATED, title=None)
    target = tmp_path / "case.annalist"
    argv = ["import", str(path), "-w", str(target), "--accept", "all", "--published", "2024-11-28"]
    assert cli.run_cli(argv) == 0
    with Workspace.open(target, create=False) as ws:
        source = queries.list_sources(ws)[0]
        assert source.published == "2024-11-28"
        events = queries.get_events(ws, queries.source_events(ws, source.id))
        assert [e.when for e in events if "yesterday" in e.citations[0].quote] == ["2024-11-27"]

    again = tmp_path / "again.annalist"
    assert cli.run_cli(["import", str(path), "-w", str(again), "--accept", "all"]) == 0
    out = capsys.readouterr().out
    assert "no publication date found, so relative dates were not resolved" in out


def test_unreadable_files_fail_with_one_line_each_and_exit_status_2(tmp_path, files):
    bomb = tmp_path / "zipbomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    target = tmp_path / "case.annalist"
    done = annalist("import", bomb, files["html"], binary, tmp_path / "gone.pdf", "-w", target)
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 4 and all(line.startswith("annalist: ") for line in errors)
    assert "zipbomb.docx contains a part that inflates to an absurd size" in errors[0]
    assert "photo.txt" in errors[1]
    assert "gone.pdf" in errors[2]
    assert errors[3] == "annalist: 3 of 4 files could not be imported (see above)."
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("ceasefire.html: imported")
    assert set(sources(target)) == {"ceasefire.html"}  # the good one is kept


def test_a_bad_publication_date_is_refused_before_anything_is_touched(tmp_path, files):
    target = tmp_path / "case.annalist"
    done = annalist("import", files["html"], "-w", target, "--published", "27/11/2024")
    assert done.returncode == 2
    assert "'27/11/2024' is not a date" in done.stderr
    assert not target.exists()


def test_a_file_that_is_not_a_workspace_is_left_alone(tmp_path, files):
    notes = tmp_path / "notes.annalist"
    notes.write_text("just some notes\n")
    before = file_digest(notes)
    done = annalist("import", files["html"], "-w", notes)
    assert done.returncode == 2
    assert done.stderr.startswith("annalist: ") and len(done.stderr.splitlines()) == 1
    assert file_digest(notes) == before


def test_the_same_file_twice_in_one_command_is_skipped_the_second_time(tmp_path, files):
    target = tmp_path / "case.annalist"
    done = annalist("import", files["pdf"], files["pdf"], "-w", target)
    assert done.returncode == 0, done.stderr
    first, second = [line for line in done.stdout.splitlines() if not line.startswith("  ")]
    assert first.startswith("ceasefire.pdf: imported as a source")
    assert second.startswith("ceasefire.pdf: already in the workspace") and "skipped" in second
