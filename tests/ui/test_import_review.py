"""The review dialog: highlights, in-place editing, merging, dates re-read, one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from models import dates, intake, queries
from models import operations as ops
from tests.helpers import snapshot
from tests.ui import import_helpers
from tests.ui import import_samples as articles
from tests.ui.import_helpers import begin, finish
from ui.import_table import ACTORS, CREDIBILITY_COLUMN, DATE, TICK, TITLE, DateEditor

# Fixtures shared by the import tests (assigned, so pytest finds them here).
host = import_helpers.host


def quoting(dialog, words: str) -> int:
    """Row of the proposal whose quote contains ``words``."""
    return next(row for row, p in enumerate(dialog.model.proposals) if words in p.quote)


def test_dates_and_actors_are_highlighted_at_the_extraction_offsets(qtbot, host, ws, tmp_path):
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    text = dialog.text.toPlainText()
    found = dialog.found
    assert text == dialog.prepared.article.text
    timex = next(t for t in found["timexes"] if t["text"] == "yesterday")
    actor = next(a for a in found["actors"] if a["name"] == "Hezbollah")
    cursor = QTextCursor(dialog.text.document())
    for start, end, expected in [
        (timex["start"], timex["end"], "date"),
        (*actor["mentions"][0], "actor"),
    ]:
        cursor.setPosition(start + 1)
        fmt = cursor.charFormat()
        assert text[start:end] in ("yesterday", "Hezbollah")
        assert fmt.background().color() == _colour(dialog, expected)
    cursor.setPosition(timex["start"] + 1)
    assert cursor.charFormat().toolTip() == "‘yesterday’ → 26 Nov 2024"
    # Plain words carry no highlight.
    plain = text.index("thousands of displaced")
    cursor.setPosition(plain + 1)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    # The selected proposal's quote is marked, and follows the selection.
    dialog.table.selectRow(quoting(dialog, "yesterday"))
    assert "yesterday" in dialog.text.quote_text()
    dialog.reject()
    finish(qtbot, flow)


def _colour(dialog, name):
    from ui.import_article import colour

    return colour(dialog.text, name)


def test_accept_is_one_undo_step_and_redo_restores_it(qtbot, host, ws, tmp_path):
    window, stack = host
    before = snapshot(ws)
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    proposals = dialog.model.proposals
    assert len(proposals) >= 5
    row = quoting(dialog, "yesterday")
    dialog.model.setData(dialog.model.index(row, TITLE), "Israeli jets pound Beirut suburbs")
    dialog.model.setData(dialog.model.index(row, CREDIBILITY_COLUMN), 2)
    dialog.model.setData(dialog.model.index(row, ACTORS), "Israel, Beirut, Dahiyeh residents")
    dialog.model.setData(
        dialog.model.index(0, TICK), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("B"))
    expected = len(proposals) - 1
    assert dialog.import_button.text() == f"Import with {expected} Events"
    dialog.import_button.click()
    finish(qtbot, flow)

    assert stack.count() == 1
    assert stack.undoText().startswith("Import 'Israel-Hezbollah ceasefire")
    after = snapshot(ws)
    sources = queries.list_sources(ws)
    imported = next(s for s in sources if s.title.startswith("Israel-Hezbollah"))
    imported = queries.get_source(ws, imported.id)
    assert imported.reliability == "B" and imported.published.startswith("2024-11-27")
    event_ids = queries.source_events(ws, imported.id)
    assert len(event_ids) == expected
    events = {e.title: e for e in queries.get_events(ws, event_ids)}
    jets = events["Israeli jets pound Beirut suburbs"]
    assert jets.when == "2024-11-26"
    assert jets.actor_names == ["Israel", "Beirut", "Dahiyeh residents"]
    citation = jets.citations[0]
    assert citation.credibility == 2
    assert imported.text[citation.char_start : citation.char_end] == citation.quote
    assert "yesterday" in citation.quote
    assert queries.find_actor(ws, "Hezbollah").kind == "group"  # kind from the extraction
    assert flow.report[0].status == "imported"

    stack.undo()  # source, events, new actors, links and quotes all go
    assert snapshot(ws) == before
    stack.redo()
    assert snapshot(ws) == after
    stack.undo()
    assert snapshot(ws) == before


def test_a_bad_date_is_refused_in_place_with_the_accepted_forms(qtbot, host, ws, tmp_path):
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    proposal = dialog.model.proposal(0)
    stored = proposal.when
    index = dialog.model.index(0, DATE)

    assert not dialog.model.setData(index, "31 Nov 2024")
    assert proposal.when == stored
    assert dialog.proposals.message.isVisible()
    assert "The date was not changed" in dialog.proposals.message.text()
    assert dates.ACCEPTED_FORMS in dialog.proposals.message.text()

    # Through the cell editor: Enter on a bad date keeps the editor open and says why.
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.findChild(DateEditor)
    assert editor is not None and editor.isVisible()
    editor.clear()
    qtbot.keyClicks(editor, "2024-13-40")
    assert editor.preview.text() == "not a date"
    dialog.proposals.message.hide()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and dialog.proposals.message.isVisible()
    assert dates.ACCEPTED_FORMS in dialog.proposals.message.text()
    assert proposal.when == stored

    # People's forms are read and stored in the strict form, the human one shown beside.
    editor.clear()
    qtbot.keyClicks(editor, "14 Nov 2024")
    assert editor.preview.text() == "→ 14 Nov 2024"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.findChild(DateEditor) is None or not editor.isVisible())
    assert proposal.when == "2024-11-14"
    assert index.data() == "14 Nov 2024"
    assert "when" in proposal.edited
    dialog.reject()
    finish(qtbot, flow)


def test_publication_date_re_reads_relative_dates(qtbot, host, ws, tmp_path):
    path = articles.make_txt(tmp_path / "undated.txt", articles.UNDATED, title=None)
    flow, dialog = begin(qtbot, host, ws, [path])
    assert dialog.anchor is None
    assert dialog.date_banner.isVisible()
    assert not any("yesterday" in p.quote for p in dialog.model.proposals)

    qtbot.keyClicks(dialog.published_edit, "2024-11-28")
    with qtbot.waitSignal(dialog.reextracted, timeout=10_000):
        pass
    assert not dialog.date_banner.isVisible()
    row = quoting(dialog, "yesterday")
    assert dialog.model.proposal(row).when == "2024-11-27"
    dialog.model.setData(dialog.model.index(row, TITLE), "Jets strike Beirut suburbs")

    dialog.published_edit.clear()
    qtbot.keyClicks(dialog.published_edit, "1 December 2024")  # people's form
    assert dialog.published_human.text().startswith("1 Dec 2024")
    with qtbot.waitSignal(dialog.reextracted, timeout=10_000):
        pass
    jets = dialog.model.proposal(quoting(dialog, "yesterday"))
    assert jets.when == "2024-11-30"  # re-resolved...
    assert jets.title == "Jets strike Beirut suburbs"  # ...and the analyst's edit kept
    dialog.import_button.click()
    finish(qtbot, flow)
    source = next(s for s in queries.list_sources(ws) if s.file_name == "undated.txt")
    assert source.published == "2024-12-01"


def test_a_publication_date_that_is_not_a_day_is_flagged_and_blocks_import(
    qtbot, host, ws, tmp_path
):
    path = articles.make_txt(tmp_path / "undated.txt", articles.UNDATED, title=None)
    flow, dialog = begin(qtbot, host, ws, [path])
    qtbot.keyClicks(dialog.published_edit, "November 2024")
    assert dialog.published_human.text() == "not a day"
    dialog.import_button.click()
    assert dialog.isVisible()
    assert "not a day" in dialog.proposals.message.text()
    dialog.reject()
    finish(qtbot, flow)
    assert [s.title for s in queries.list_sources(ws)] == ["Agency report on the plant"]


def test_a_look_alike_event_can_be_merged_instead_of_duplicated(qtbot, host, ws, tmp_path):
    window, stack = host
    existing = ops.add_event(ws, "Israeli jets strike Beirut southern suburbs", "2024-11-26")
    existing_id = existing.first_added("events")
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    row = quoting(dialog, "yesterday")
    proposal = dialog.model.proposal(row)
    assert [s.id for s in proposal.similar] == [existing_id]
    assert dialog.model.index(row, 5).data() == "Possible duplicate"
    dialog.table.selectRow(row)
    assert dialog.proposals.merge_button.isVisible()
    dialog.proposals.merge_button.click()
    assert proposal.merge_into == existing_id
    assert dialog.model.index(row, TITLE).data() == "Israeli jets strike Beirut southern suburbs"
    assert "1 Citation" in dialog.import_button.text()
    events_before = queries.count_events(ws)
    dialog.import_button.click()
    finish(qtbot, flow)
    ticked = len(dialog.model.proposals) - 1
    assert queries.count_events(ws) == events_before + ticked
    merged = queries.get_event(ws, existing_id)
    assert "yesterday" in merged.citations[0].quote
    stack.undo()
    assert queries.get_event(ws, existing_id).citations == []


def test_similar_events_need_overlapping_dates_and_a_similar_title_or_actors(ws):
    ukraine = queries.find_actor(ws, "Ukraine").id
    russia = queries.find_actor(ws, "Russia").id
    ops.add_event(ws, "Russian drones strike Kharkiv grid", "2024-11-13", actors=[russia])
    ops.add_event(ws, "Talks in Geneva", "2024-11-13", actors=[ukraine])
    found = intake.similar_events(ws, "2024-11-14", "Drones strike Kharkiv energy grid", [])
    assert [s.title for s in found] == ["Russian drones strike Kharkiv grid"]  # a day of slack
    assert intake.similar_events(ws, "2024-11-20", "Drones strike Kharkiv energy grid") == []
    by_actor = intake.similar_events(ws, "2024-11-13", "Moscow attacks Kharkiv", ["Moscow"])
    assert [s.title for s in by_actor] == ["Russian drones strike Kharkiv grid"]
    assert intake.similar_events(ws, "not a date", "x") == []
    # Mostly the same parties within the very dates, whatever the title says (the ongoing
    # "Kursk incursion" with the same parties is no duplicate of a month in it)...
    ops.add_event(ws, "Prisoner exchange", "2024-09-20", actors=[russia, ukraine])
    same_parties = intake.similar_events(ws, "2024-09", "It escalates", ["Russia", "Ukraine"])
    assert [s.title for s in same_parties] == ["Prisoner exchange"]
    # ...but not in the day of slack a similar title gets.
    assert intake.similar_events(ws, "2024-09-21", "It escalates", ["Russia", "Ukraine"]) == []


def test_a_passage_the_extraction_missed_can_be_added(qtbot, host, ws, tmp_path):
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    text = dialog.prepared.article.text
    passage = "Under the agreement, Israeli forces will withdraw from southern Lebanon over 60 days"
    start = text.index(passage)
    cursor = dialog.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    dialog.text.setTextCursor(cursor)
    assert dialog.proposals.add_button.isEnabled()
    count = dialog.model.rowCount()
    dialog.proposals.add_button.click()
    assert dialog.model.rowCount() == count + 1
    added = next(p for p in dialog.model.proposals if p.manual)
    assert added.quote == passage and added.when == ""  # "60 days" is a duration, not a date
    assert "Israel" in added.actors and "Lebanon" in added.actors
    assert "No date was found in the selection" in dialog.proposals.message.text()
    dialog.import_button.click()  # refused: a ticked event without a date
    assert dialog.isVisible() and "has no date" in dialog.proposals.message.text()
    row = dialog.model.proposals.index(added)
    assert dialog.model.setData(dialog.model.index(row, DATE), "2024-11-27/2025-01-26")
    dialog.import_button.click()
    finish(qtbot, flow)
    source = next(s for s in queries.list_sources(ws) if s.file_name == "a.html")
    titles = [e.title for e in queries.get_events(ws, queries.source_events(ws, source.id))]
    assert added.title in titles


def test_edits_carry_over_a_new_extraction_even_when_one_sentence_holds_two_events():
    from ui.import_prep import Proposal, carry_edits

    def two(when_a, when_b):
        return [
            Proposal("Escalation", when_a, ["Israel"], "It escalated...", 10, 90),
            Proposal("Ground offensive", when_b, ["Israel"], "It escalated...", 10, 90),
            Proposal("Strikes", "2024-11-26", [], "Jets struck...", 100, 140),
        ]

    old = two("2024-09", "2024-10-01")
    old[0].ticked = False
    old[1].title, old[1].edited = "Israel invades south Lebanon", {"title"}
    old[1].credibility = 2
    manual = Proposal("Added by hand", "2024-11-27", [], "Under the agreement", 50, 70, manual=True)
    new = carry_edits([*old, manual], two("2025-09", "2025-10-01"))
    assert [p.title for p in new] == [
        "Escalation",
        "Israel invades south Lebanon",
        "Added by hand",
        "Strikes",
    ]
    assert [p.when for p in new] == ["2025-09", "2025-10-01", "2024-11-27", "2024-11-26"]
    assert [p.ticked for p in new] == [False, True, True, True]
    assert new[1].credibility == 2


def test_enter_in_a_field_does_not_import_but_ctrl_enter_does(qtbot, host, ws, tmp_path):
    window, stack = host
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.published_edit, Qt.Key.Key_Enter)
    assert dialog.isVisible() and stack.count() == 0
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    finish(qtbot, flow)
    assert stack.count() == 1


def test_the_actor_editor_completes_the_name_after_the_last_comma(qtbot, host, ws, tmp_path):
    flow, dialog = begin(qtbot, host, ws, [articles.make_html(tmp_path / "a.html")])
    index = dialog.model.index(0, ACTORS)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.focusWidget()
    completer = editor.completer()
    assert completer.splitPath("Israel, Hezb") == ["Hezb"]
    editor.setText("Israel, Wag")
    completer.setCompletionPrefix("Wag")
    model = completer.completionModel()
    offered = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert offered == ["PMC Wagner", "Wagner Group"]  # the workspace's actor and its alias
    names = completer.model()
    chosen = names.index(names.stringList().index("Wagner Group"), 0)
    assert completer.pathFromIndex(chosen) == "Israel, Wagner Group"
    dialog.reject()
    finish(qtbot, flow)
