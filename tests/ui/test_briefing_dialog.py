"""The Briefing > New Pack dialog under pytest-qt: real widgets, real workspace, real PDFs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from briefings import Pack, saved_packs
from models import dates, queries, search
from models.search import EventFilter
from models.store import Workspace
from tests.briefings import fixtures
from ui import briefing_dialog, settings
from ui.briefing_dialog import BriefingDialog

TIMEOUT = 60_000


@pytest.fixture
def ws(tmp_path):  # the realistic fixture (several scripts, every kind of date)
    with Workspace.open(tmp_path / "w.annalist") as workspace:
        fixtures.realistic(workspace)
        yield workspace


@pytest.fixture
def dialog(qtbot, ws):
    stack = QUndoStack()
    russia = queries.find_actor(ws, "Russia").id
    view = EventFilter(
        start=dates.parse("2023").earliest, end=dates.parse("2023").latest, actor_ids=(russia,)
    )
    dlg = BriefingDialog(ws, None, current_filter=view, undo_stack=stack)
    qtbot.addWidget(dlg)
    dlg.stack = stack
    dlg.show()
    return dlg


def test_defaults_come_from_preferences(qtbot, ws):
    settings.set_value(settings.AUTHOR, "J. Analyst")
    settings.set_value(settings.ORGANISATION, "Northern Analysis Cell")
    settings.set_value(settings.MARKING, "TLP:RED")
    dlg = BriefingDialog(ws)
    qtbot.addWidget(dlg)
    assert dlg.pack_form.author_edit.text() == "J. Analyst"
    assert dlg.pack_form.org_edit.text() == "Northern Analysis Cell"
    assert dlg.pack_form.marking_combo.currentText() == "TLP:RED"
    assert "eyes and ears of individual recipients" in dlg.pack_form.marking_note.text()
    assert not dlg.scope_editor.view_button.isEnabled()  # no view was offered


def test_marking_defaults_to_tlp_amber_and_takes_custom_text(dialog):
    assert dialog.pack_form.marking_combo.currentText() == "TLP:AMBER"
    dialog.pack_form.marking_combo.setCurrentText("ORG EYES ONLY")
    assert dialog._collect().marking == "ORG EYES ONLY"
    assert dialog.pack_form.marking_note.text() == ""


def test_what_the_timeline_shows_becomes_the_scope(qtbot, dialog):
    dialog.tabs.setCurrentIndex(1)
    dialog.scope_editor.view_button.click()
    assert (dialog.scope_editor.from_edit.text(), dialog.scope_editor.to_edit.text()) == (
        "2023-01-01",
        "2023-12-31",
    )
    scope = dialog._collect().briefings[0].scope
    assert scope.actor_ids == [queries.find_actor(dialog.ws, "Russia").id]
    qtbot.waitUntil(lambda: "events in this briefing" in dialog.scope_editor.count_label.text())
    assert "actors: Russia" in dialog.scope_editor.count_label.text()
    expected = search.count(dialog.ws, dialog.current_filter)
    assert expected == 5
    assert re.search(
        rf"\b{expected} events in this briefing", dialog.scope_editor.count_label.text()
    )


def test_a_bad_date_is_explained_in_place(qtbot, dialog):
    dialog.scope_editor.from_edit.setText("sometime")
    qtbot.waitUntil(lambda: "Cannot read the start" in dialog.scope_editor.count_label.text())


def test_preview_shows_the_pages(qtbot, dialog):
    dialog.pack_form.title_edit.setText("R&D <draft> pack")
    with qtbot.waitSignal(dialog.panel.finished, timeout=TIMEOUT) as blocker:
        dialog.tabs.setCurrentIndex(3)
    result = blocker.args[0]
    assert result is not None and result.pages > 5
    assert dialog.preview.shown_pages == result.pages
    assert dialog.preview.pdf_path.exists()
    assert f"{result.pages} pages" in dialog.preview.info.text()
    label = dialog.preview._labels[0]
    assert not label.pixmap().isNull() and label.pixmap().width() > 100


def test_build_pdf_then_open_the_folder(qtbot, dialog, tmp_path, monkeypatch):
    target = tmp_path / "out" / "pack.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    with qtbot.waitSignal(dialog.panel.finished, timeout=TIMEOUT) as blocker:
        dialog.build_button.click()
    assert blocker.args[0].path == target and target.read_bytes().startswith(b"%PDF")
    assert "Saved pack.pdf" in dialog.panel.status.text()
    assert dialog.panel.folder_button.isVisible() and dialog.panel.open_button.isVisible()
    dialog.panel.folder_button.click()
    dialog.panel.open_button.click()
    assert opened == [str(target.parent), str(target)]
    assert settings.store().value("briefing/folder") == str(target.parent)


def test_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    with Workspace.open(tmp_path / "big.annalist") as big:
        fixtures.synthetic(big, 4000)
        dlg = BriefingDialog(big)
        qtbot.addWidget(dlg)
        dlg.show()
        target = tmp_path / "big.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        with qtbot.waitSignal(dlg.panel.finished, timeout=TIMEOUT) as blocker:
            dlg.build_pdf()
            assert dlg.panel.cancel_button.isVisible()
            dlg.panel.cancel_button.click()
        assert blocker.args[0] is None
        assert "cancelled; nothing was written" in dlg.panel.status.text()
        assert list(tmp_path.glob("*.pdf*")) == []
        qtbot.waitUntil(lambda: not dlg.panel.running)


def test_failure_is_one_clear_message(qtbot, dialog, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    with qtbot.waitSignal(dialog.panel.finished, timeout=TIMEOUT) as blocker:
        dialog.build_pdf()
    assert blocker.args[0] is None
    assert shown == [
        "The folder " + str(target.parent) + " does not exist; create it or choose another place."
    ]
    assert not target.parent.exists()


def test_an_invalid_pack_is_refused_before_building(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog.pack_form.title_edit.setText("   ")
    dialog.build_pdf()
    assert shown == ["A briefing pack needs a title."]
    assert not dialog.panel.running


def test_save_undo_redo(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Morning pack", True))
    dialog.pack_form.title_edit.setText("Morning")
    assert dialog.save()
    assert [n for _, n, _ in saved_packs(dialog.ws)] == ["Morning pack"]
    assert dialog.saved_panel.saved_list.count() == 1
    dialog.stack.undo()
    assert saved_packs(dialog.ws) == [] and dialog.saved_panel.saved_list.count() == 0
    dialog.stack.redo()
    (row,) = saved_packs(dialog.ws)
    assert row[1] == "Morning pack" and row[2].title == "Morning"
    assert dialog.saved_panel.saved_list.count() == 1


def test_delete_undo_and_a_failed_undo_is_reported(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Morning pack", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert dialog.save()
    dialog.saved_panel.saved_list.setCurrentRow(0)
    dialog.saved_panel.delete_selected()
    assert saved_packs(dialog.ws) == [] and dialog.saved_panel.saved_list.count() == 0
    dialog.stack.undo()
    assert [n for _, n, _ in saved_packs(dialog.ws)] == ["Morning pack"]
    assert dialog.saved_panel.saved_list.count() == 1
    # Another program deletes it behind our back: redoing the delete cannot match the file.
    dialog.ws.conn.execute("DELETE FROM briefings")
    dialog.stack.redo()
    assert len(shown) == 1 and "failed" in shown[0]


def test_saved_definitions_load_and_rebuild_as_todays_edition(qtbot, dialog, tmp_path, monkeypatch):
    old = tmp_path / "Daily 2024-11-17.pdf"
    pack = Pack(title="Daily", date="2024-11-18", output=str(old))
    from briefings import save_pack

    save_pack(dialog.ws, "Daily", pack)
    dialog.saved_panel.reload()
    dialog.saved_panel.saved_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.panel.finished, timeout=TIMEOUT) as blocker:
        dialog.saved_panel.rebuild_button.click()
    assert dialog.pack_form.title_edit.text() == "Daily"
    assert blocker.args[0].path == tmp_path / "Daily 2024-11-18.pdf"
    assert (tmp_path / "Daily 2024-11-18.pdf").exists()


def test_key_judgments_editor_writes_the_markdown_subset(qtbot, dialog):
    dialog.tabs.setCurrentIndex(2)
    editor = dialog.kj_edit
    editor.setFocus()
    qtbot.keyClicks(editor, "Russia will ")
    menu = dialog.terms_button.menu()
    likely = next(a for a in menu.actions() if a.text().startswith("very likely"))
    likely.trigger()
    qtbot.keyClicks(editor, " strike. R&D <draft>")
    cursor = editor.textCursor()
    cursor.select(cursor.SelectionType.LineUnderCursor)
    editor.setTextCursor(cursor)
    dialog._toggle_bold()
    text = dialog._collect().briefings[0].key_judgments
    assert text.startswith("**Russia will very likely strike.")
    from briefings.fonts import Typeface
    from briefings.judgments import blocks, inline

    (block,) = blocks(text)
    assert (
        inline(block.text, Typeface())
        == "<b>Russia will very likely strike. R&amp;D &lt;draft&gt;</b>"
    )


def test_one_briefing_per_actor(qtbot, dialog):
    dialog.tabs.setCurrentIndex(1)
    for name in ("Russia", "Ukraine"):
        for i in range(dialog.scope_editor.actor_list.count()):
            item = dialog.scope_editor.actor_list.item(i)
            if item.text().startswith(name + " ("):
                item.setCheckState(Qt.CheckState.Checked)
    dialog._one_per_actor()
    pack = dialog._collect()
    assert [b.title for b in pack.briefings] == ["Russia", "Ukraine"]
    assert [len(b.scope.actor_ids) for b in pack.briefings] == [1, 1]
    assert dialog.briefing_list.count() == 2 and dialog.kj_briefing.count() == 2


def test_sections_can_be_dropped_and_reordered(qtbot, dialog):
    dialog.tabs.setCurrentIndex(1)
    sections = dialog.section_list
    sections.setCurrentRow(4)  # Sources
    dialog._move_section(-1)
    sections.item(0).setCheckState(Qt.CheckState.Unchecked)  # Key judgments
    assert dialog._collect().briefings[0].sections == [
        "timeline",
        "chronology",
        "sources",
        "actors",
    ]


def test_large_scope_offers_to_narrow(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(briefing_dialog, "LARGE_SCOPE", 5)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))

    def choose_narrow():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "22 events" in box.text()
        next(b for b in box.buttons() if b.text() == "Narrow the Scope").click()

    QTimer.singleShot(100, choose_narrow)
    dialog.build_pdf()
    assert asked == [] and dialog.tabs.currentIndex() == 1


def test_read_only_workspace_can_build_but_not_save(qtbot, ws, tmp_path):
    path = tmp_path / "copy.annalist"
    ws.backup_to(path)
    with Workspace.open(path, readonly=True) as readonly:
        dlg = BriefingDialog(readonly)
        qtbot.addWidget(dlg)
        assert not dlg.save_button.isEnabled() and not dlg.save_as_button.isEnabled()
        assert dlg.build_button.isEnabled()


def test_closing_during_a_build_stops_it(qtbot, tmp_path, monkeypatch):
    with Workspace.open(tmp_path / "big.annalist") as big:
        fixtures.synthetic(big, 4000)
        dlg = BriefingDialog(big)
        qtbot.addWidget(dlg)
        target = tmp_path / "big.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        dlg.build_pdf()
        assert dlg.panel.running
        dlg.reject()
        assert dlg.panel.thread is None or dlg.panel.thread.isFinished()
        assert not target.exists()


def test_preview_falls_back_to_pdftoppm(qtbot, dialog, monkeypatch):
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs poppler")
    from ui import briefing_preview

    monkeypatch.setattr(briefing_preview, "renderer_name", lambda: "pdftoppm")
    monkeypatch.setattr(briefing_preview, "PREVIEW_PAGES", 3)
    with qtbot.waitSignal(dialog.panel.finished, timeout=TIMEOUT):
        dialog.refresh_preview()
    assert dialog.preview.shown_pages >= 3
    assert Path(dialog.preview.pdf_path).exists()
