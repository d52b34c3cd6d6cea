"""The main window: shared selection, filters and counts, editing with undo, files and drops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from models import operations as ops
from models import queries
from models.search import EventFilter
from models.store import Workspace
from tests.ui import sample
from ui import settings
from ui.main_window import MainWindow
from ui.models.events import EVENT_ID_ROLE
from ui.timeline.render_items import item_rect


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answer at once; what they said is kept."""
    said = []

    def box(kind, answer=None):
        def show(parent, title, text, *args, **kwargs):
            said.append((kind, title, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Yes))
    return said


@pytest.fixture
def window(qtbot, sample_path, answers):
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace(sample_path)
    win.show()
    yield win
    win.close()


def row_of_title(win, title):
    model = win.event_model
    return next(r for r in range(model.rowCount()) if model.index(r, 1).data() == title)


def select_title(win, title):
    row = row_of_title(win, title)
    win.table.selectRow(row)
    return win.event_model.index(row, 0).data(EVENT_ID_ROLE)


def test_selection_is_shared_by_table_timeline_and_editor(window):
    event_id = select_title(window, "Wagner mutiny")
    assert window.document.selection == [event_id]
    assert window.timeline.selected_ids() == [event_id]
    assert window.editor.title.text() == "Wagner mutiny"
    # and back: clicking an event on the timeline selects it in the table and the editor
    timeline = window.timeline
    timeline.fit_all()
    frame = timeline.current_frame()
    item = next(
        item
        for lane in frame.lanes
        for item in lane.items
        if item.kind != "context" and timeline.data.ids[item.slot] != event_id
    )
    other = int(timeline.data.ids[item.slot])
    QTest.mouseClick(
        timeline,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        item_rect(item).center().toPoint(),
    )
    assert window.document.selection == [other]
    assert window.table.selected_ids() == [other]
    assert window.editor.shown_ids() == [other]


def test_filter_counts_in_status_bar_and_everywhere(window):
    assert window.count_label.text() == "8 events"
    russia = queries.find_actor(window.ws, "Russia").id
    window.filter_bar.actors.set_checked((russia,))
    window.filter_bar.actors.changed.emit()
    assert window.count_label.text() == "6 of 8 events"
    assert window.timeline.matching_count() == 6
    window.filter_bar.search.setText("summit")
    window.filter_bar._emit()
    assert window.count_label.text() == "0 of 8 events"
    window.clear_filter()
    assert window.count_label.text() == "8 events"
    assert window.filter_bar.search.text() == ""
    assert window.filter_bar.actors.checked() == ()


def test_date_range_and_confidence_filters(window):
    window.filter_bar.start.setText("2023")
    window.filter_bar.end.setText("Dec 2023")
    window.filter_bar._emit()
    assert window.count_label.text() == "4 of 8 events"
    window.filter_bar.confidence.setCurrentIndex(window.filter_bar.confidence.findData(3))
    window.filter_bar._emit()
    assert window.count_label.text() == "1 of 8 events"
    window.filter_bar.start.setText("someday")
    window.filter_bar._emit()
    assert window.filter_bar.date_message.isVisibleTo(window.filter_bar)
    assert "2024-11-14" in window.filter_bar.date_message.toolTip()


def test_escape_clears_filter_and_ctrl_f_focuses_search(qtbot, window):
    window.set_filter(EventFilter(text="summit"))
    assert window.count_label.text() == "1 of 8 events"
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert window.document.filter.empty
    window.actions.by_name["find"].trigger()
    assert window.filter_bar.search.hasFocus() or window.focusWidget() is window.filter_bar.search


def test_edit_date_then_undo_with_named_action(window):
    event_id = select_title(window, "Vilnius summit")
    window.editor.when.line.setText("2023-07-11")
    window.editor.when.line.editingFinished.emit()
    assert queries.get_event(window.ws, event_id).when == "2023-07-11"
    assert (
        window.event_model.index(row_of_title(window, "Vilnius summit"), 0).data() == "11 Jul 2023"
    )
    undo = window.actions.by_name["undo"]
    assert undo.text() == "&Undo Edit date of 'Vilnius summit'"
    undo.trigger()
    assert queries.get_event(window.ws, event_id).when == "2023-07-11/2023-07-12"
    assert window.editor.when.text() == "2023-07-11/2023-07-12"
    assert window.actions.by_name["redo"].text() == "&Redo Edit date of 'Vilnius summit'"


def test_invalid_date_is_refused_in_place(window):
    event_id = select_title(window, "Vilnius summit")
    window.editor.when.line.setText("14/11/2024")
    window.editor.when.line.textEdited.emit("14/11/2024")
    window.editor.when.line.editingFinished.emit()
    message = window.editor.when.message
    assert message.isVisibleTo(window.editor)
    assert "2024-11-14" in message.text() and "2023-09~" in message.text()  # accepted forms
    assert queries.get_event(window.ws, event_id).when == "2023-07-11/2023-07-12"
    assert window.document.undo_stack.count() == 0
    window.editor.when.line.setText("2023-07-12")
    window.editor.when.line.textEdited.emit("2023-07-12")
    assert not message.isVisibleTo(window.editor)
    assert window.editor.when.human.text() == "12 Jul 2023"


def test_editing_an_event_deleted_elsewhere_does_not_crash(window, sample_path):
    event_id = select_title(window, "Wagner mutiny")
    with Workspace.open(sample_path) as other:  # another window or program
        ops.delete_events(other, [event_id])
    window.editor.title.setText("Wagner rebellion")
    window.editor.title.editingFinished.emit()
    assert "no longer in the workspace" in window.editor.empty_page.text()
    assert window.document.undo_stack.count() == 0
    window.event_model.invalidate()
    assert window.event_model.index(row_of_title(window, "(deleted)"), 1).data() == "(deleted)"


def test_multi_event_edit_is_one_undo_step(window):
    ids = window.event_model.ids()[:3]
    window.document.set_selection(ids)
    assert window.table.selected_ids() == ids
    assert window.editor.heading.text() == "3 events selected"
    window.editor.confidence.setCurrentIndex(window.editor.confidence.findData("low"))
    window.editor.confidence.activated.emit(window.editor.confidence.currentIndex())
    assert {e.confidence for e in queries.get_events(window.ws, ids)} == {"low"}
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert {e.confidence for e in queries.get_events(window.ws, ids)} == {"high"}


def test_add_actor_inline_creates_it_and_undo_removes_both(window):
    event_id = select_title(window, "Vilnius summit")
    window.editor.actor_input.setText("Lithuania")
    window.editor._add_actor()
    assert "Lithuania" in [a.name for a in queries.get_event(window.ws, event_id).actors]
    assert window.document.undo_stack.count() == 1  # one macro
    window.document.undo_stack.undo()
    assert queries.find_actor(window.ws, "Lithuania") is None
    # an alias finds the existing actor
    window.editor.actor_input.setText("Moscow")
    window.editor._add_actor()
    assert "Russia" in [a.name for a in queries.get_event(window.ws, event_id).actors]


def test_delete_with_confirmation_and_undo(window, answers):
    select_title(window, "Wagner mutiny")
    window.delete_selected()
    assert answers[-1][0] == "question"
    assert window.count_label.text() == "7 events"
    window.document.undo_stack.undo()
    assert window.count_label.text() == "8 events"


def test_merge_actors_dialog(window):
    from ui.editors.actor_dialog import MergeActorsDialog

    russia, wagner = (
        queries.get_actor(window.ws, queries.find_actor(window.ws, n).id)
        for n in ("Russia", "Wagner Group")
    )
    dialog = MergeActorsDialog(window.document, [wagner, russia], window)
    assert dialog.keep_id() == russia.id  # the actor with more events is offered first
    dialog.accept()
    assert queries.find_actor(window.ws, "PMC Wagner").id == russia.id
    assert window.actors_panel.model.rowCount() == 4
    window.document.undo_stack.undo()
    assert window.actors_panel.model.rowCount() == 5


def test_actor_dialog_refuses_duplicate_name_in_place(window):
    from ui.editors.actor_dialog import ActorDialog

    nato = queries.find_actor(window.ws, "NATO")
    dialog = ActorDialog(window.document, nato, window)
    dialog.name.setText("Russia")
    dialog.accept()
    assert "already an actor" in dialog.message.text()
    assert dialog.result() == 0
    dialog.name.setText("NATO alliance")
    dialog.accept()
    assert queries.get_actor(window.ws, nato.id).name == "NATO alliance"


def test_citation_opens_source_at_quote(window):
    select_title(window, "Zaporizhzhia plant seized")
    item = window.editor.citations.item(0)
    window.editor.citations.itemActivated.emit(item)
    cursor = window.sources_panel.reader.textCursor()
    assert cursor.selectedText() == "troops seized the Zaporizhzhia nuclear power plant"


def test_failed_open_keeps_the_current_workspace(window, tmp_path, answers):
    broken = tmp_path / "broken.annalist"
    broken.write_text("this is not a database")
    assert not window.open_workspace(broken)
    assert window.ws is not None and window.ws.path.name == "sample.annalist"
    assert answers[-1][0] == "warning"
    assert (
        "not an Annalist workspace" in answers[-1][2]
        and "sample.annalist is still open" in answers[-1][2]
    )
    assert window.count_label.text() == "8 events"


def test_open_recent_and_reopen_last(qtbot, window, tmp_path, answers):
    second = sample.build(tmp_path / "second.annalist")
    assert window.open_workspace(second)
    recent = settings.recent_workspaces()
    assert [Path(p).name for p in recent[:2]] == ["second.annalist", "sample.annalist"]
    menu_actions = [
        a for a in window.actions.recent_menu.actions() if a.toolTip().endswith(".annalist")
    ]
    assert [Path(a.toolTip()).name for a in menu_actions] == ["second.annalist", "sample.annalist"]
    menu_actions[1].trigger()
    assert window.ws.path.name == "sample.annalist"
    assert Path(settings.last_workspace()).name == "sample.annalist"

    from ui.app import create_window

    again = create_window()
    qtbot.addWidget(again)
    assert again.ws.path.name == "sample.annalist"
    again.close()


def test_drop_of_a_workspace_file_opens_it(qtbot, window, tmp_path, answers):
    second = sample.build(tmp_path / "dropped.annalist")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    assert window.handle_drop(mime)
    assert window.ws.path.name == "dropped.annalist"
    article = tmp_path / "article.txt"
    article.write_text("Troops crossed the border on Tuesday.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    from ui.import_flow import ImportFlow

    assert window.handle_drop(mime)  # an article goes to import review
    flow = window.findChild(ImportFlow)
    with qtbot.waitSignal(flow.reviewOpened, timeout=30_000) as opened:
        pass
    assert opened.args[0].prepared.article.text == "Troops crossed the border on Tuesday."
    opened.args[0].reject()
    qtbot.waitUntil(lambda: not flow.running)
    assert window.ws.path.name == "dropped.annalist"


def test_new_close_and_save_a_copy(qtbot, window, tmp_path, answers):
    target = tmp_path / "copy.annalist"
    from ui.workers import save_copy

    relay = save_copy(window, window.ws.path, target)
    with qtbot.waitSignal(relay.done, timeout=10_000):
        pass
    with Workspace.open(target, create=False) as copy:
        assert queries.count_events(copy) == 8
    assert window.new_workspace(tmp_path / "fresh")
    assert window.ws.path.name == "fresh.annalist"
    assert window.count_label.text() == "0 events"
    assert not window.new_workspace(tmp_path / "fresh.annalist")
    assert "already exists" in answers[-1][2]
    window.close_workspace()
    assert window.ws is None and window.windowTitle() == "Annalist"
    assert not window.actions.by_name["new_event"].isEnabled()


def test_new_pack_needs_a_workspace(window):
    action = window.actions.by_name["new_pack"]
    assert action.isEnabled()
    window.close_workspace()
    assert not action.isEnabled()


def test_f2_moves_to_the_editor_and_new_event(qtbot, window):
    select_title(window, "Kursk incursion")
    window.actions.by_name["edit_event"].trigger()
    assert window.focusWidget() is window.editor.title or window.editor.title.hasFocus()
    window.actions.by_name["new_event"].trigger()
    assert window.count_label.text() == "9 events"
    assert window.editor.title.text() == "New event"
    assert window.document.undo_stack.undoText() == "Add event 'New event'"


def test_selection_does_not_leak_into_another_workspace(window, tmp_path):
    select_title(window, "Wagner mutiny")
    assert window.document.selection
    assert window.open_workspace(sample.build(tmp_path / "other.annalist"))
    assert window.document.selection == []
    assert window.table.selected_ids() == []
    assert window.editor.stack.currentWidget() is window.editor.empty_page


def test_status_bar_names_undo_and_redo(window):
    event_id = select_title(window, "Kursk incursion")
    window.document.execute(ops.update_event, event_id, location="Kursk oblast")
    assert window.statusBar().currentMessage() == "Edit location of 'Kursk incursion'"
    window.document.undo_stack.undo()
    assert window.statusBar().currentMessage() == "Undo Edit location of 'Kursk incursion'"
    window.document.undo_stack.redo()
    assert window.statusBar().currentMessage() == "Redo Edit location of 'Kursk incursion'"


def test_filter_does_not_leak_into_another_workspace(window, tmp_path):
    russia = queries.find_actor(window.ws, "Russia").id
    window.set_filter(EventFilter(actor_ids=(russia,), text="invasion"))
    assert window.count_label.text() == "1 of 8 events"
    other = tmp_path / "other.annalist"
    sample.build(other)
    with Workspace.open(other) as ws:
        ops.add_event(ws, "Extra event", "2025")
    assert window.open_workspace(other)
    assert window.document.filter.empty and window.event_model.filter.empty
    assert window.event_model.rowCount() == 9
    assert window.count_label.text() == "9 events"
    assert window.filter_bar.search.text() == ""


def test_another_workspace_opens_at_its_first_event(window, tmp_path):
    def build(name):
        path = sample.build(tmp_path / name)
        with Workspace.open(path) as ws:
            for day in range(1, 29):
                ops.add_event(ws, f"Filler {day}", f"2021-02-{day:02d}")
        return path

    assert window.open_workspace(build("first.annalist"))
    window.table.selectRow(30)
    window.table.scrollTo(window.event_model.index(30, 0))
    assert window.table.verticalScrollBar().value() > 0
    assert window.open_workspace(build("second.annalist"))
    assert window.table.verticalScrollBar().value() == 0
    assert window.table.selected_ids() == [] and window.document.selection == []


def test_every_pane_is_reachable_from_the_keyboard(window):
    window.actions.by_name["go_actors"].trigger()
    assert window.focusWidget() is window.actors_panel.view or window.actors_panel.view.hasFocus()
    window.docks["Events"].hide()
    window.actions.by_name["go_events"].trigger()
    assert window.docks["Events"].isVisible()
    assert window.actions.by_name["go_events"].shortcut().toString() == "Ctrl+1"
    for action in window.menuBar().actions():
        assert "&" in action.text()  # every menu has a mnemonic


def test_hidden_columns_are_remembered(qtbot, window, sample_path):
    tags = 5
    window.table.setColumnHidden(tags, True)
    window.close()
    from ui.app import create_window

    again = create_window(str(sample_path))
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(tags)
    menu = next(a.menu() for a in again.menuBar().actions() if a.text() == "&View")
    columns = next(a.menu() for a in menu.actions() if a.menu() and "Columns" in a.text())
    columns.aboutToShow.emit()
    assert [a.isChecked() for a in columns.actions()][tags] is False
    again.close()


def test_new_event_is_selected_when_rows_load_in_the_background(qtbot, window, monkeypatch):
    from ui import background

    monkeypatch.setattr(background, "SMALL_FILE_BYTES", 0)
    window.set_filter(EventFilter(text="summit"))
    qtbot.waitUntil(lambda: not window.event_model.loading, timeout=10_000)
    window.actions.by_name["new_event"].trigger()
    qtbot.waitUntil(
        lambda: not window.event_model.loading and window.event_model.rowCount() == 9,
        timeout=10_000,
    )
    new_id = window.document.selection[0]
    assert window.table.selected_ids() == [new_id]
    assert window.editor.title.text() == "New event"


def test_big_workspace_lists_fill_in_the_background(qtbot, sample_path, answers, monkeypatch):
    from ui import background

    monkeypatch.setattr(background, "SMALL_FILE_BYTES", 0)
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace(sample_path)
    assert win.document.summary.background
    qtbot.waitUntil(lambda: win.actors_panel.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: win.filter_bar.tags.list.count() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: win.event_model.rowCount() == 8, timeout=10_000)
    assert win.sources_panel.model.rowCount() == 1
    russia = queries.find_actor(win.ws, "Russia").id
    win.document.execute(ops.update_actor, russia, name="Russian Federation gov")
    qtbot.waitUntil(
        lambda: "Russian Federation gov" in [a.name for a in win.actors_panel.model.actors()],
        timeout=10_000,
    )
    win.close()


def test_briefing_and_import_dialogs_plug_in(qtbot, sample_path, answers, monkeypatch, tmp_path):
    import sys
    import types

    calls = []

    def fake(name):
        class Dialog:
            def __init__(self, ws, parent, **kwargs):
                calls.append((name, ws, parent, kwargs))

            def exec(self):
                return 1

            def deleteLater(self):
                calls.append((name, "deleted"))

        return Dialog

    briefing = types.ModuleType("ui.briefing_dialog")
    briefing.BriefingDialog = fake("briefing")
    flow = types.ModuleType("ui.import_flow")

    def start_import(window, ws, undo_stack, source):
        calls.append(("import", ws, window, {"undo_stack": undo_stack, "source": source}))
        return object()

    flow.start_import = start_import
    monkeypatch.setitem(sys.modules, "ui.briefing_dialog", briefing)
    monkeypatch.setitem(sys.modules, "ui.import_flow", flow)
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace(sample_path)
    win.set_filter(EventFilter(text="summit"))
    action = win.actions.by_name["new_pack"]
    assert action.isEnabled()
    action.trigger()
    assert calls[-1] == ("briefing", "deleted")  # the closed dialog is not kept
    name, ws, parent, kwargs = calls[-2]
    assert (name, ws, parent) == ("briefing", win.ws, win)
    assert kwargs["current_filter"] == EventFilter(text="summit")
    assert kwargs["undo_stack"] is win.document.undo_stack
    article = tmp_path / "article.txt"
    article.write_text("Troops crossed the border on Tuesday.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    assert win.handle_drop(mime)
    name, ws, parent, kwargs = calls[-1]
    assert (name, ws, parent) == ("import", win.ws, win)
    assert kwargs["source"] == [article] and kwargs["undo_stack"] is win.document.undo_stack
    text = QMimeData()
    text.setText("Pasted article text.")
    assert win.handle_drop(text)
    assert calls[-1][3]["source"] is text  # the whole drop: the import reads HTML or text
    win.close()


def test_changes_by_another_program_show_when_the_app_comes_back(window, sample_path, qtbot):
    shown = window.event_model.rowCount()
    assert not window.check_outside_changes()  # nothing happened yet
    with Workspace.open(sample_path) as other:
        ops.add_event(other, "Written by another program", "2024-12-01")
    assert window.check_outside_changes()
    qtbot.waitUntil(lambda: window.event_model.rowCount() == shown + 1, timeout=5000)
    assert "another program" in window.statusBar().currentMessage()
    assert not window.check_outside_changes()


def test_a_drag_on_the_timeline_updates_table_and_editor_and_undoes_as_one_step(window, qtbot):
    event_id = select_title(window, "Wagner mutiny")
    timeline = window.timeline
    when = window.ws.conn.execute('SELECT "when" FROM events WHERE id = ?', (event_id,)).fetchone()[
        0
    ]
    start, end = window.ws.conn.execute(
        "SELECT earliest, latest FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    timeline.set_visible_range(start - 60 * 86400, end + 60 * 86400)
    item = next(
        i
        for lane in timeline.current_frame().lanes
        for i in lane.items
        if i.kind != "context" and int(timeline.data.ids[i.slot]) == event_id
    )
    origin = item_rect(item).center().toPoint()
    shift = int(20 * 86400 / timeline.scale.spp)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=origin)
    for step in range(1, 5):
        qtbot.mouseMove(timeline, origin + QPoint(shift * step // 4, 0))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=origin + QPoint(shift, 0))
    moved = window.ws.conn.execute(
        'SELECT "when" FROM events WHERE id = ?', (event_id,)
    ).fetchone()[0]
    assert moved != when
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("Move 'Wagner mutiny'")
    qtbot.waitUntil(lambda: window.editor.when.line.text() == moved, timeout=3000)
    stack.undo()
    qtbot.waitUntil(lambda: window.editor.when.line.text() == when, timeout=3000)
    assert queries.get_event(window.ws, event_id).when == when


def test_a_pack_saved_in_a_closed_dialog_is_still_undoable(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QInputDialog

    from briefings import saved_packs
    from ui.briefing_dialog import BriefingDialog

    def save_and_close(dialog):
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Morning", True))
        assert dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BriefingDialog, "exec", save_and_close)
    window.open_briefing_dialog()
    qtbot.waitUntil(lambda: not window.findChildren(BriefingDialog))  # deleted after closing
    assert [name for _, name, _ in saved_packs(window.ws)] == ["Morning"]
    window.document.undo_stack.undo()
    assert saved_packs(window.ws) == []
    window.document.undo_stack.redo()
    assert [name for _, name, _ in saved_packs(window.ws)] == ["Morning"]
