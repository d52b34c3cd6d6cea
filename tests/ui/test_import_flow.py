"""Dropping articles: every kind of file and a browser selection reach review; the queue,
batch acceptance, duplicates, hostile files and the GUI thread staying free."""

from __future__ import annotations

import multiprocessing
import threading
import zipfile

import pytest
from PySide6.QtCore import QMimeData, QTimer, QUrl
from PySide6.QtWidgets import QMessageBox

import ingest
from ingest.readers import api
from models import queries
from tests.helpers import file_digest, snapshot
from tests.ingest import read_hooks
from tests.ingest import readers_fixtures as F
from tests.ui import import_helpers
from tests.ui import import_samples as articles
from tests.ui.import_helpers import WAIT, begin, finish, run_to_report
from ui import import_flow
from ui.import_flow import ProgressDialog, ReportDialog, items_from, start_import

# Fixtures shared by the import tests (assigned, so pytest finds them here).
host = import_helpers.host

KINDS = ["txt", "html", "pdf", "docx", "eml", "odt", "rtf", "mhtml"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return articles.make_all(tmp_path_factory.mktemp("articles"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_file_dropped_opens_a_review(qtbot, host, ws, files, kind):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files[kind]))])
    flow, dialog = begin(qtbot, host, ws, mime)
    article = dialog.prepared.article
    assert article.kind == kind
    assert "Litani River" in dialog.text.toPlainText()
    assert dialog.title_edit.text() == articles.TITLE
    assert dialog.published_edit.text() == "2024-11-27"
    assert dialog.model.rowCount() >= 5
    assert any(p.when == "2024-11-26" and "yesterday" in p.quote for p in dialog.model.proposals)
    assert dialog.windowTitle() == f"Review Import — ceasefire.{kind}"
    dialog.reject()
    finish(qtbot, flow)
    assert [line.status for line in flow.report] == ["skipped"]


def test_a_browser_selection_opens_a_review(qtbot, host, ws):
    mime = QMimeData()
    mime.setHtml(articles.selection_html())
    mime.setText("\n\n".join(articles.PARAGRAPHS[:3]))
    flow, dialog = begin(qtbot, host, ws, mime)
    assert dialog.prepared.article.kind == "selection"
    assert dialog.prepared.label == "Dropped text"
    assert "BEIRUT, Nov 27 (Meridian)" in dialog.text.toPlainText()
    assert dialog.model.rowCount() >= 2
    dialog.import_button.click()
    finish(qtbot, flow)
    source = next(s for s in queries.list_sources(ws) if s.kind == "selection")
    assert source.title == articles.TITLE


def test_pasted_text_opens_a_review(qtbot, host, ws):
    flow, dialog = begin(qtbot, host, ws, articles.TEXT)
    assert dialog.prepared.label == "Pasted text"
    assert dialog.prepared.article.text == articles.TEXT
    dialog.reject()
    finish(qtbot, flow)


def test_a_dropped_web_address_gets_the_readers_message(qtbot, host, ws):
    before = file_digest(ws.path)
    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example.com/world/lebanon-ceasefire")])
    mime.setText("https://news.example.com/world/lebanon-ceasefire")
    mime.setHtml('<a href="https://news.example.com/world/lebanon-ceasefire">Ceasefire</a>')
    flow = run_to_report(qtbot, host, ws, mime)
    [line] = flow.report
    assert line.status == "failed"
    assert "cannot fetch pages" in line.text and "save the page" in line.text
    assert file_digest(ws.path) == before


def test_hostile_and_broken_files_are_one_line_each_and_leave_the_workspace_alone(
    qtbot, host, ws, tmp_path, monkeypatch
):
    window, stack = host
    bomb = tmp_path / "zipbomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    binary = tmp_path / "notes.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    broken = tmp_path / "report.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024 * 1024 * 1024)  # sparse
    missing = tmp_path / "gone.html"
    shown = []
    monkeypatch.setattr(ReportDialog, "open", lambda self: shown.append(self))
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, rows = file_digest(ws.path), snapshot(ws)

    flow = run_to_report(qtbot, host, ws, [bomb, binary, broken, huge, missing])

    assert [line.status for line in flow.report] == ["failed"] * 5
    for line, name in zip(
        flow.report,
        ["zipbomb.docx", "notes.txt", "report.pdf", "huge.pdf", "gone.html"],
        strict=True,
    ):
        assert name in line.text
        assert "\n" not in line.text and line.text.endswith(".")
        assert "Traceback" not in line.text
    assert "zip bomb" in flow.report[0].text
    assert "too large" in flow.report[3].text
    assert file_digest(ws.path) == before and snapshot(ws) == rows
    assert stack.count() == 0
    assert len(shown) == 1 and shown[0].lines.count() == 5


def test_a_queue_shows_progress_and_accept_all_imports_the_rest_as_one_step(
    qtbot, host, ws, files, tmp_path, monkeypatch
):
    window, stack = host
    kharkiv_txt = tmp_path / "kharkiv.txt"
    kharkiv_txt.write_text(F.ARTICLE_TITLE + "\n\n" + F.ARTICLE_TEXT, encoding="utf-8")
    kharkiv_docx = F.make_docx(tmp_path / "kharkiv.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    shown = []
    monkeypatch.setattr(ReportDialog, "open", lambda self: shown.append(self))
    queue = [files["html"], kharkiv_txt, kharkiv_docx, files["eml"], broken]

    flow, dialog = begin(qtbot, host, ws, queue)
    assert dialog.windowTitle() == "Review Import — ceasefire.html (1 of 5)"
    assert dialog.accept_all_button.isVisible() and dialog.stop_button.isVisible()
    assert dialog.skip_button.text() == "&Skip"
    dialog.accept_all_button.click()
    finish(qtbot, flow)

    assert [line.status for line in flow.report] == [
        "imported",
        "imported",
        "imported",
        "duplicate",  # the .eml holds the same article as the .html
        "failed",
    ]
    assert "already imported on" in flow.report[3].text
    assert flow.report[4].text.startswith("broken.docx")
    assert stack.count() == 2  # the reviewed article, then the batch
    assert stack.text(1) == "Import 2 articles"
    titles = {s.file_name for s in queries.list_sources(ws)}
    assert {"ceasefire.html", "kharkiv.txt", "kharkiv.docx"} <= titles
    stack.undo()
    titles = {s.file_name for s in queries.list_sources(ws)}
    assert "kharkiv.txt" not in titles and "kharkiv.docx" not in titles
    assert "ceasefire.html" in titles
    assert len(shown) == 1
    assert import_flow.report_summary(flow.report) == (
        "Imported 3 of 5 articles (1 skipped, 1 could not be read)."
    )


def test_a_queue_is_reviewed_in_turn_and_a_duplicate_in_it_is_caught(
    qtbot, host, ws, files, monkeypatch
):
    window, stack = host
    monkeypatch.setattr(ReportDialog, "open", lambda self: None)
    flow, first = begin(qtbot, host, ws, [files["html"], files["txt"]])
    requested = []
    with qtbot.waitSignal(flow.reviewOpened, timeout=WAIT) as second:
        first.import_button.click()
    dialog = second.args[0]
    assert dialog.windowTitle() == "Review Import — ceasefire.txt (2 of 2)"
    assert dialog.duplicate_banner is not None and dialog.duplicate_banner.isVisible()
    assert "already in the workspace: imported on" in dialog.duplicate_banner.label.text()
    assert not dialog.import_button.isVisible() and not dialog.proposals.isEnabled()
    dialog.showSourceRequested.connect(requested.append)
    show = next(
        b
        for b in dialog.duplicate_banner.findChildren(type(dialog.import_button))
        if b.text() == "Show Existing Source"
    )
    show.click()
    finish(qtbot, flow)
    source = next(s for s in queries.list_sources(ws) if s.file_name == "ceasefire.html")
    assert requested == [source.id]
    assert [line.status for line in flow.report] == ["imported", "duplicate"]
    assert stack.count() == 1


def test_an_article_imported_earlier_is_flagged_on_arrival(qtbot, host, ws, files):
    flow, dialog = begin(qtbot, host, ws, [files["html"]])
    dialog.import_button.click()
    finish(qtbot, flow)
    flow, dialog = begin(qtbot, host, ws, [files["mhtml"]])
    assert dialog.prepared.duplicate is not None
    assert dialog.prepared.duplicate.title == articles.TITLE
    dialog.skip_button.click()
    finish(qtbot, flow)
    assert flow.report[0].status == "duplicate"


def test_the_gui_thread_stays_free_while_an_article_is_prepared(
    qtbot, host, ws, files, monkeypatch
):
    """Extraction is held on its pool thread; the GUI thread keeps running timers and
    shows progress meanwhile."""
    release, entered = threading.Event(), threading.Event()
    gui_thread = threading.get_ident()
    threads = []

    def slow_extract(text, published=None, actors=None):
        threads.append(threading.get_ident())
        entered.set()
        release.wait(20)
        return real_extract(text, published, actors)

    real_extract = ingest.extract
    monkeypatch.setattr(ingest, "extract", slow_extract)
    window, stack = host
    flow = start_import(window, ws, stack, [files["html"]])
    opened = []
    flow.reviewOpened.connect(opened.append)
    qtbot.waitUntil(entered.is_set, timeout=WAIT)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop turns
    progress = window.findChild(ProgressDialog)
    assert progress is not None and progress.isVisible()
    assert progress.label.text() == "Reading 1 of 1: ceasefire.html…"
    assert not opened
    release.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    timer.stop()
    assert threads and threads[0] != gui_thread
    opened[0].reject()
    finish(qtbot, flow)


def test_stop_abandons_a_file_that_keeps_its_reader_busy(qtbot, host, ws, files, monkeypatch):
    monkeypatch.setattr(api, "_READ_TARGET", read_hooks.spin)
    monkeypatch.setattr(ReportDialog, "open", lambda self: None)
    window, stack = host
    before = file_digest(ws.path)
    flow = start_import(window, ws, stack, [files["txt"], files["html"]])
    progress = window.findChild(ProgressDialog)
    with qtbot.waitSignal(flow.readingStarted, timeout=WAIT):
        pass
    assert progress.isVisible()
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        progress.stop_button.click()
    assert [line.text for line in flow.report] == [
        "ceasefire.txt: not read (stopped).",
        "ceasefire.html: not read (stopped).",
    ]
    assert not [p for p in multiprocessing.active_children() if p.name == "annalist-reader"]
    assert file_digest(ws.path) == before


def test_items_from_mime_prefers_local_files(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.pdf")), QUrl("https://x.example/b")])
    mime.setText("ignored")
    items = items_from(mime)
    assert [(i.label, i.path) for i in items] == [("a.pdf", tmp_path / "a.pdf")]
    assert items_from("typed")[0].mime == {"text/plain": "typed"}
    assert items_from({"text/html": b"<p>x</p>"})[0].mime == {"text/html": b"<p>x</p>"}


def test_a_read_only_workspace_is_refused_before_anything_is_read(
    qtbot, host, ws_path, monkeypatch, files
):
    from PySide6.QtWidgets import QMessageBox

    from models.store import Workspace

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    window, stack = host
    with Workspace.open(ws_path, readonly=True) as readonly:
        assert start_import(window, readonly, stack, [files["html"]]) is None
    assert said and "cannot be imported" in said[0]


def test_dropped_on_the_main_window_an_article_is_one_undo_step_and_its_events_selected(
    qtbot, sample_path, files, monkeypatch
):
    from ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning: {a[2]}"))
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace(sample_path)
    win.show()
    qtbot.waitUntil(lambda: win.event_model.rowCount() == 8, timeout=10_000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["docx"]))])
    assert win.handle_drop(mime)
    flow = win.findChild(import_flow.ImportFlow)
    with qtbot.waitSignal(flow.reviewOpened, timeout=WAIT) as opened:
        pass
    opened.args[0].import_button.click()
    finish(qtbot, flow)
    added = flow.added_events
    assert len(added) >= 5
    assert win.document.undo_stack.count() == 1
    assert sorted(win.document.selection) == sorted(added)
    qtbot.waitUntil(lambda: win.event_model.rowCount() == 8 + len(added), timeout=10_000)
    assert win.sources_panel.model.rowCount() == 2
    win.document.undo_stack.undo()
    qtbot.waitUntil(lambda: win.event_model.rowCount() == 8, timeout=10_000)
    assert win.sources_panel.model.rowCount() == 1
    win.document.undo_stack.redo()
    qtbot.waitUntil(lambda: win.event_model.rowCount() == 8 + len(added), timeout=10_000)
    win.close()


def test_import_from_clipboard_reviews_a_copied_page_selection(qtbot, sample_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_workspace(sample_path)
    clip = QMimeData()
    clip.setHtml(articles.selection_html())
    clip.setText("\n\n".join(articles.PARAGRAPHS[:3]))
    QApplication.clipboard().setMimeData(clip)
    action = win.actions.by_name["import_clipboard"]
    assert action.isEnabled()
    action.trigger()
    flow = win.findChild(import_flow.ImportFlow)
    with qtbot.waitSignal(flow.reviewOpened, timeout=WAIT) as opened:
        pass
    dialog = opened.args[0]
    assert dialog.prepared.article.kind == "selection"
    assert dialog.title_edit.text() == articles.TITLE
    dialog.reject()
    finish(qtbot, flow)
    win.close()
