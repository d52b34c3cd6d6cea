"""Importing dropped or chosen articles: read and extract off the GUI thread, then review.

The window calls one function::

    start_import(window, ws, undo_stack, mime_or_paths) -> ImportFlow

``mime_or_paths`` is what arrived: a ``QMimeData`` from a drop or the clipboard, a list of
file paths (File > Import Articles…), a ``str`` of pasted text, or a ``{mime type: data}``
dict. Progress shows at once ("Reading 3 of 12: report.pdf…", with Stop). One pool thread
reads the articles in order — each file is parsed in a worker process with time and memory
limits (``ingest.read``) — checks each against the workspace through its own read-only
connection and runs the extraction; the review dialogs open one after another as articles
become ready, while the next ones are read. Each accepted article is one undo step on
``undo_stack``; "Accept All Proposals" imports the rest without review and puts the whole
batch in one undo step. Failures (unreadable, hostile or duplicate files, a dropped web
address) are one line each in the import report shown at the end; the workspace is only
written when an article is accepted.

If ``window`` has a workbench ``document`` (``ui.document.Document``), every change is
published through ``document.changed`` so the views refresh, and the new events are
selected (``document.set_selection``) when the import ends; ``window.show_source(id)`` is
used for "Show Existing Source" when the window has it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import ingest
from ingest.readers import ReadCancelled
from models import intake, queries
from models.changes import Change
from models.store import Workspace
from ui import import_prep
from ui.commands import USER_ERRORS, OperationCommand
from ui.import_review import ACCEPT_ALL, IMPORTED, STOP, ImportReviewDialog

FILE_FILTER = (
    "Articles (*.txt *.md *.html *.htm *.mhtml *.mht *.pdf *.docx *.odt *.rtf *.eml);;All files (*)"
)
_ACTIVE: set[ImportFlow] = set()  # flows alive until they finish (Qt parents are not enough)
_MIME_FORMATS = ("text/html", "text/plain", "text/uri-list", "text/x-moz-url")


@dataclass
class ImportItem:
    """One thing to import: a file, or dropped/pasted content keyed by MIME type."""

    label: str
    path: Path | None = None
    mime: dict | None = None


@dataclass
class ReportLine:
    """One line of the import report."""

    label: str
    status: str  # "imported", "skipped", "duplicate", "failed", "stopped"
    text: str

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "skipped", "duplicate")


def items_from(source) -> list[ImportItem]:
    """What to import, from a QMimeData, paths, pasted text or a MIME dict."""
    if isinstance(source, QMimeData):
        return _items_from_mime(source)
    if isinstance(source, str):
        return [ImportItem("Pasted text", mime={"text/plain": source})]
    if isinstance(source, dict):
        return [ImportItem("Dropped text", mime=dict(source))]
    return [ImportItem(Path(p).name, path=Path(p)) for p in source]


def _items_from_mime(mime: QMimeData) -> list[ImportItem]:
    urls = mime.urls() if mime.hasUrls() else []
    files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if files:
        return [ImportItem(p.name, path=p) for p in files]
    data = {fmt: bytes(mime.data(fmt).data()) for fmt in _MIME_FORMATS if mime.hasFormat(fmt)}
    plain = mime.text().strip() if mime.hasText() else ""
    if urls and (not plain or plain in {u.toString() for u in urls}):
        # A dragged link: its HTML is only the anchor; let the readers say it cannot be fetched.
        data.pop("text/html", None)
    if "text/plain" not in data and plain:
        data["text/plain"] = plain
    if "text/uri-list" not in data and urls:
        data["text/uri-list"] = "\n".join(u.toString() for u in urls)
    return [ImportItem("Dropped text", mime=data)]


class _Relay(QObject):
    reading = Signal(int)
    ready = Signal(int, object)  # index, import_prep.Prepared
    failed = Signal(int, str)  # index, one sentence
    cancelled = Signal(int)
    done = Signal()


class _PrepareJob(QRunnable):
    """Reads, checks and extracts every item in order, on one pool thread."""

    def __init__(self, ws_path, items, published, cancel: threading.Event, relay: _Relay):
        super().__init__()
        self.ws_path, self.items, self.published = ws_path, list(items), published
        self.cancel, self.relay = cancel, relay

    def run(self) -> None:
        ws = None
        try:
            for index, item in enumerate(self.items):
                if self.cancel.is_set():
                    break
                self.relay.reading.emit(index)
                try:
                    article = _read(item, self.cancel)
                    if ws is None:  # SQLite connections belong to the thread that opens them
                        ws = Workspace.open(self.ws_path, create=False, readonly=True)
                    prepared = import_prep.prepare(ws, article, item.label, self.published)
                except ReadCancelled:
                    self.relay.cancelled.emit(index)
                    break
                except ingest.ReadError as error:
                    self.relay.failed.emit(index, str(error))
                    continue
                except USER_ERRORS as error:
                    self.relay.failed.emit(index, f"{item.label} could not be checked: {error}")
                    continue
                except Exception as error:  # one bad article must not stop the others
                    self.relay.failed.emit(
                        index,
                        f"{item.label} could not be prepared for review "
                        f"({type(error).__name__}: {error}).",
                    )
                    continue
                self.relay.ready.emit(index, prepared)
        finally:
            if ws is not None:
                ws.close()
            self.relay.done.emit()


def _read(item: ImportItem, cancel: threading.Event) -> ingest.Article:
    if item.path is not None:
        article = ingest.read(item.path, cancel=cancel)
        article.file_name = article.file_name or item.path.name
        return article
    return ingest.read_dropped(item.mime or {}, cancel=cancel)


class ImportFlow(QObject):
    """One import: the queue, its progress, the review dialogs and the report."""

    reviewOpened = Signal(object)  # the ImportReviewDialog now shown
    readingStarted = Signal(int)  # index of the item the pool thread is now reading
    finished = Signal()

    def __init__(
        self,
        window: QWidget,
        ws: Workspace,
        undo_stack,
        items: Sequence[ImportItem],
        *,
        published: str | None = None,
        publish: Callable[[Change], None] | None = None,
        show_source: Callable[[int], None] | None = None,
        select: Callable[[list[int]], None] | None = None,
    ):
        super().__init__(window)
        self.window, self.ws, self.undo_stack = window, ws, undo_stack
        self.items = list(items)
        self.published = published
        self.report: list[ReportLine] = []
        self.dialog: ImportReviewDialog | None = None
        self._publish = publish
        self._show_source = show_source
        self._select = select
        self.added_events: list[int] = []  # new events, selected in the window at the end
        self._results: dict[int, object] = {}
        self._next = 0
        self._reading = 0
        self._reader_done = False
        self._batch = False
        self._stopped = False
        self._batch_commands: list[OperationCommand] = []
        self._finished = False
        self._cancel = threading.Event()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # the reader job, and a re-extraction in review
        self._relay = _Relay()
        self._relay.reading.connect(self._on_reading)
        self._relay.ready.connect(self._on_result)
        self._relay.failed.connect(self._on_result)
        self._relay.cancelled.connect(self._on_cancelled)
        self._relay.done.connect(self._on_reader_done)
        self.progress = ProgressDialog(len(self.items), window)
        self.progress.stopped.connect(self.cancel)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)
        # A window closing takes this flow with it; stop the reader first so its pool
        # thread does not keep the shutdown waiting (a plain Event: safe at any moment).
        cancel = self._cancel
        window.destroyed.connect(lambda *_: cancel.set())

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        _ACTIVE.add(self)
        self._show_progress()
        job = _PrepareJob(self.ws.path, self.items, self.published, self._cancel, self._relay)
        self.pool.start(job)

    def cancel(self) -> None:
        """Stop: the file being read is abandoned and the rest are not read."""
        self._stopped = True
        self._cancel.set()
        if self.dialog is None:
            self._advance()

    @property
    def running(self) -> bool:
        return not self._finished

    def _on_reading(self, index: int) -> None:
        self._reading = index
        if self.dialog is None:
            self._show_progress()
        self.readingStarted.emit(index)

    def _on_cancelled(self, index: int) -> None:
        item = self.items[index]
        self._results[index] = ReportLine(
            item.label, "stopped", f"{item.label}: not read (stopped)."
        )
        self._advance()

    def _on_result(self, index: int, result) -> None:
        self._results[index] = result
        self._advance()

    def _on_reader_done(self) -> None:
        self._reader_done = True
        self._advance()

    def _advance(self) -> None:
        """Present the next ready article, or store it in batch mode, or finish."""
        while self.dialog is None and not self._finished:
            index = self._next
            if index >= len(self.items):
                self._finish()
                return
            if index not in self._results:
                if self._stopped and self._reader_done:
                    self._next += 1
                    item = self.items[index]
                    self.report.append(
                        ReportLine(item.label, "stopped", f"{item.label}: not read (stopped).")
                    )
                    continue
                self._show_progress()
                return
            result = self._results.pop(index)
            self._next += 1
            item = self.items[index]
            if isinstance(result, ReportLine):
                self.report.append(result)
                continue
            if isinstance(result, str):
                self.report.append(ReportLine(item.label, "failed", result))
                continue
            if self._stopped:
                self.report.append(
                    ReportLine(item.label, "stopped", f"{item.label}: not imported (stopped).")
                )
                continue
            self._recheck_duplicate(result)
            if self._batch:
                self._store_unreviewed(result)
                continue
            self._open_review(index, result)

    def _recheck_duplicate(self, prepared: import_prep.Prepared) -> None:
        """An article earlier in this queue (or imported meanwhile) may hold the same text."""
        if prepared.duplicate is None:
            existing = queries.find_source_by_text(
                self.ws, prepared.article.text, prepared.article.title
            )
            if existing is not None:
                prepared.duplicate = import_prep.Duplicate(
                    existing.id, existing.title or existing.file_name, existing.imported_at
                )

    def _show_progress(self) -> None:
        if self._finished:
            return
        total = len(self.items)
        position = min(max(self._reading, self._next), total - 1)
        verb = "Importing" if self._batch else "Reading"
        label = self.items[position].label
        self.progress.set_state(f"{verb} {position + 1} of {total}: {label}…", self._next)
        if not self.progress.isVisible():
            self.progress.show()

    # ------------------------------------------------------------------ review

    def _open_review(self, index: int, prepared: import_prep.Prepared) -> None:
        self.progress.hide()
        dialog = ImportReviewDialog(
            self.ws,
            prepared,
            self.window,
            commit=self._commit,
            undo_stack=self.undo_stack,
            publish=self._publish,
            position=(index + 1, len(self.items)),
            pool=self.pool,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.showSourceRequested.connect(self._show_existing)
        dialog.finished.connect(lambda _code, d=dialog, p=prepared: self._reviewed(d, p))
        self.dialog = dialog
        dialog.open()
        self.reviewOpened.emit(dialog)

    def _commit(self, source: dict, events: list[dict]) -> Change:
        command = OperationCommand(
            self.ws,
            intake.import_article,
            source,
            events,
            publish=self._publish,
            on_error=self._history_broken,
        )
        change = command.run()
        self.added_events.extend(change.added("events"))
        if self._batch:
            self._batch_commands.append(command)
        elif self.undo_stack is not None:
            self.undo_stack.push(command)
        return change

    def _reviewed(self, dialog: ImportReviewDialog, prepared: import_prep.Prepared) -> None:
        code = dialog.result_code
        label = prepared.label
        if code in (IMPORTED, ACCEPT_ALL) and dialog.change is not None:
            self.report.append(ReportLine(label, "imported", _imported_text(label, dialog.change)))
        elif prepared.duplicate is not None:
            self.report.append(_duplicate_line(prepared))
        else:
            self.report.append(ReportLine(label, "skipped", f"{label}: skipped."))
        if code == ACCEPT_ALL:
            self._batch = True
        if code == STOP:
            self.cancel()
        self.dialog = None
        self._advance()

    def _store_unreviewed(self, prepared: import_prep.Prepared) -> None:
        label = prepared.label
        if prepared.duplicate is not None:
            self.report.append(_duplicate_line(prepared))
            return
        self._show_progress()
        kinds = prepared.kinds
        events = [p.to_event(kinds) for p in prepared.proposals if p.ticked]
        try:
            change = self._commit(import_prep.source_values(prepared), events)
        except USER_ERRORS as error:
            self.report.append(ReportLine(label, "failed", f"{label}: not imported: {error}"))
            return
        self.report.append(ReportLine(label, "imported", _imported_text(label, change)))

    def _show_existing(self, source_id: int) -> None:
        if self._show_source is not None:
            self._show_source(source_id)

    def _history_broken(self, message: str) -> None:
        QMessageBox.warning(self.window, "Undo", message + " The undo history was cleared.")
        if self.undo_stack is not None:
            self.undo_stack.clear()

    # ------------------------------------------------------------------ the end

    def _finish(self) -> None:
        self._finished = True
        self._cancel.set()
        self.progress.hide()
        self.progress.deleteLater()
        commands, self._batch_commands = self._batch_commands, []
        if commands and self.undo_stack is not None:
            if len(commands) == 1:
                self.undo_stack.push(commands[0])
            else:
                self.undo_stack.beginMacro(f"Import {len(commands)} articles")
                try:
                    for command in commands:
                        self.undo_stack.push(command)
                finally:
                    self.undo_stack.endMacro()
        if self._select is not None and self.added_events:
            self._select(list(self.added_events))
        summary = report_summary(self.report)
        status = getattr(self.window, "statusBar", None)
        if callable(status) and summary:
            status().showMessage(summary, 10000)
        if self._needs_report():
            ReportDialog(self.report, self.window).open()
        _ACTIVE.discard(self)
        self.finished.emit()

    def _needs_report(self) -> bool:
        if len(self.report) > 1:
            return True
        return any(line.status in ("failed", "duplicate") for line in self.report)


def _imported_text(label: str, change: Change) -> str:
    events = len(change.added("events"))
    citations = len(change.added("event_sources")) - events
    actors = len(change.added("actors"))
    parts = []
    if events:
        parts.append(f"{events} event{'s' if events != 1 else ''}")
    if citations:
        parts.append(f"{citations} citation{'s' if citations != 1 else ''} of existing events")
    text = f"{label}: imported with " + " and ".join(parts) if parts else f"{label}: imported"
    if not parts:
        text += " as a source (no events)"
    if actors:
        text += f"; {actors} new actor{'s' if actors != 1 else ''}"
    return text + "."


def _duplicate_line(prepared: import_prep.Prepared) -> ReportLine:
    dup = prepared.duplicate
    return ReportLine(
        prepared.label,
        "duplicate",
        f"{prepared.label}: skipped — already imported on {dup.imported_on} as ‘{dup.title}’.",
    )


def report_summary(report: Sequence[ReportLine]) -> str:
    """One sentence: how many articles were imported, skipped and not read."""
    if not report:
        return ""
    count = {s: sum(1 for r in report if r.status == s) for s in ("imported", "failed")}
    skipped = sum(1 for r in report if r.status in ("skipped", "duplicate", "stopped"))
    total = len(report)
    text = f"Imported {count['imported']} of {total} article{'s' if total != 1 else ''}"
    extra = []
    if skipped:
        extra.append(f"{skipped} skipped")
    if count["failed"]:
        extra.append(f"{count['failed']} could not be read")
    return text + (f" ({', '.join(extra)})" if extra else "") + "."


class ProgressDialog(QDialog):
    """ "Reading 3 of 12: report.pdf…" with a bar and Stop; never spins an event loop itself
    (QProgressDialog.setValue does, when modal, which would re-enter the flow)."""

    stopped = Signal()

    def __init__(self, total: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import Articles")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.label = QLabel("Reading…", self)
        self.label.setMinimumWidth(420)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(total, 1))
        self.bar.setTextVisible(total > 1)
        self.bar.setFormat("%v of %m")
        buttons = QDialogButtonBox(self)
        self.stop_button = buttons.addButton("Stop", QDialogButtonBox.ButtonRole.RejectRole)
        self.stop_button.clicked.connect(self.reject)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)

    def set_state(self, text: str, done: int) -> None:
        self.label.setText(text)
        self.bar.setValue(done)

    def reject(self) -> None:  # Stop, Escape or the close button: the flow closes it
        if not self.isVisible():
            return
        self.stop_button.setEnabled(False)
        self.label.setText("Stopping…")
        self.stopped.emit()


class ReportDialog(QDialog):
    """The import report: one line per article."""

    def __init__(self, report: Sequence[ReportLine], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import Report")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        summary = QLabel(report_summary(report), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.lines = QListWidget(self)
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        style = self.style()
        icons = {
            "imported": QStyle.StandardPixmap.SP_DialogApplyButton,
            "skipped": QStyle.StandardPixmap.SP_ArrowRight,
            "duplicate": QStyle.StandardPixmap.SP_MessageBoxInformation,
            "stopped": QStyle.StandardPixmap.SP_MediaStop,
            "failed": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }
        for line in report:
            QListWidgetItem(style.standardIcon(icons[line.status]), line.text, self.lines)
        layout.addWidget(self.lines, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton("Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QApplication.clipboard().setText("\n".join(r.text for r in report))
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, min(140 + 28 * len(report), 520))


def start_import(window: QWidget, ws: Workspace, undo_stack, mime_or_paths) -> ImportFlow | None:
    """Import articles into ``ws`` with review; see the module docstring.

    Returns the running :class:`ImportFlow` (``reviewOpened``, ``finished``, ``report``),
    or ``None`` when there is nothing to import or the workspace cannot be changed (the
    user is told why).
    """
    items = items_from(mime_or_paths)
    if not items:
        return None
    if ws.readonly:
        QMessageBox.information(
            window,
            "Import Articles",
            f"Articles cannot be imported: {ws.readonly_reason or 'the workspace is read-only.'}",
        )
        return None
    document = getattr(window, "document", None)
    changed = getattr(document, "changed", None)
    flow = ImportFlow(
        window,
        ws,
        undo_stack,
        items,
        publish=changed.emit if changed is not None else None,
        show_source=getattr(window, "show_source", None),
        select=getattr(document, "set_selection", None),
    )
    flow.start()
    return flow
