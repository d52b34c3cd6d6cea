"""The import review dialog: one article, its highlighted text and the proposed events.

The analyst ticks the proposals to keep, edits their dates, titles and actors in place,
merges look-alikes into events already in the workspace, grades the source (A–F) and each
claim (1–6), and corrects the publication date, which re-runs the extraction off the GUI
thread so relative dates ("yesterday") are dated again. Import stores the source, the
events, the actor links and the quotes as one undo step (``models.intake.import_article``
wrapped in the workbench's ``OperationCommand``). The article's text is on the left
(:class:`ui.import_article.ArticleView`), the proposals on the right
(:class:`ui.import_proposals.ProposalPanel`); ``model`` and ``table`` are that panel's.

The dialog ends with :attr:`result_code`: ``SKIPPED``, ``IMPORTED``, ``ACCEPT_ALL`` (this
one imported, and the rest of the queue should be imported as proposed) or ``STOP``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models import intake
from models.changes import Change
from models.store import Workspace
from ui import import_prep
from ui.commands import USER_ERRORS, OperationCommand
from ui.import_article import ArticleView, Banner, colour, meta_line
from ui.import_prep import RELIABILITY, Prepared
from ui.import_proposals import ProposalPanel
from ui.import_table import DATE

SKIPPED, IMPORTED, ACCEPT_ALL, STOP = range(4)


class _Relay(QObject):
    done = Signal(int, object, object)  # generation, (found, proposals) or None, error text


class _ReextractJob(QRunnable):
    """Extraction with another publication date, on a pool thread with its own connection."""

    def __init__(self, path, prepared: Prepared, anchor: str | None, generation: int, relay):
        super().__init__()
        self.path, self.prepared, self.anchor = path, prepared, anchor
        self.generation, self.relay = generation, relay

    def run(self) -> None:
        try:
            with Workspace.open(self.path, create=False, readonly=True) as ws:
                found, proposals = import_prep.reextract(ws, self.prepared, self.anchor, [])
        except Exception as error:  # reported in the dialog, never lost on a thread
            self.relay.done.emit(self.generation, None, f"Dates could not be re-read: {error}")
            return
        self.relay.done.emit(self.generation, (found, proposals), "")


class ImportReviewDialog(QDialog):
    """Review one prepared article; see the module docstring."""

    showSourceRequested = Signal(int)
    reextracted = Signal()

    def __init__(
        self,
        ws: Workspace,
        prepared: Prepared,
        parent: QWidget | None = None,
        *,
        commit: Callable[[dict, list[dict]], Change] | None = None,
        undo_stack=None,
        publish: Callable[[Change], None] | None = None,
        position: tuple[int, int] = (1, 1),
        pool: QThreadPool | None = None,
    ):
        super().__init__(parent)
        self.ws = ws
        self.prepared = prepared
        self.found = prepared.found
        self.anchor = prepared.anchor
        self.result_code = SKIPPED
        self.change: Change | None = None
        self._undo_stack = undo_stack
        self._publish = publish
        self._commit = commit or self._push_command
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._reextract_done)
        number, total = position
        self._remaining = total - number
        name = prepared.label
        self.setWindowTitle(
            f"Review Import — {name}" + (f" ({number} of {total})" if total > 1 else "")
        )
        self.setSizeGripEnabled(True)
        self._build(number, total)
        # No default button: Enter in the title or date field must not import (Ctrl+Enter does).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if prepared.duplicate is not None:
            self.skip_button.setDefault(True)
        self.model.set_proposals(prepared.proposals)
        self.text.set_extraction(self.found)
        self._update_counts()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._size_to_screen()

    # ------------------------------------------------------------------ building

    def _build(self, number: int, total: int) -> None:
        article = self.prepared.article
        outer = QVBoxLayout(self)
        outer.setSpacing(8)
        if self.prepared.duplicate is not None:
            dup = self.prepared.duplicate
            self.duplicate_banner = Banner(
                f"This article is already in the workspace: imported on {dup.imported_on} as "
                f"‘{dup.title}’. The same text cannot be imported twice.",
                self,
            )
            self.duplicate_banner.add_button("Show Existing Source", self._show_existing)
            outer.addWidget(self.duplicate_banner)
        else:
            self.duplicate_banner = None
        self.date_banner = Banner(
            "No publication date was found in this article. Enter it below so that "
            "relative dates such as ‘yesterday’ or ‘last week’ can be dated.",
            self,
        )
        self.date_banner.setVisible(self.anchor is None)
        outer.addWidget(self.date_banner)
        self.warnings_banner = None
        if article.warnings:  # e.g. a dateline year assumed: it moves every date, so say it
            self.warnings_banner = Banner("Check: " + " ".join(article.warnings), self)
            outer.addWidget(self.warnings_banner)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_edit = QLineEdit(
            article.title or import_prep.label_stem(self.prepared.label), self
        )
        self.title_edit.setPlaceholderText("Title of the article")
        form.addRow("&Title:", self.title_edit)
        row = QHBoxLayout()
        self.published_edit = QLineEdit(self.anchor or "", self)
        self.published_edit.setPlaceholderText("e.g. 2024-11-14 or 14 Nov 2024")
        self.published_edit.setMinimumWidth(170)
        self.published_edit.setMaximumWidth(220)
        self.published_human = QLabel(self)
        self.reliability = QComboBox(self)
        self.reliability.addItem("Not rated", "")
        for grade, meaning in RELIABILITY.items():
            self.reliability.addItem(f"{grade} – {meaning}", grade)
        if self.prepared.reliability:
            self.reliability.setCurrentIndex(self.reliability.findData(self.prepared.reliability))
            self.reliability.setToolTip(
                "Suggested from the last source by this publisher; change it if this one differs."
            )
        else:
            self.reliability.setToolTip("How reliable this source is, A (completely) to F")
        row.addWidget(self.published_edit)
        row.addWidget(self.published_human, 1)
        label = QLabel("Source &reliability:", self)
        label.setBuddy(self.reliability)
        row.addWidget(label)
        row.addWidget(self.reliability)
        published_label = QLabel("&Published:", self)
        published_label.setBuddy(self.published_edit)
        form.addRow(published_label, row)
        self.published_edit.textEdited.connect(self._published_edited)
        meta = meta_line(self.prepared)
        if meta:
            self.meta = QLabel(meta, self)
            self.meta.setForegroundRole(self.meta.foregroundRole())
            self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.meta.setEnabled(False)  # muted, still readable in both palettes
            form.addRow("", self.meta)
        outer.addLayout(form)
        self._published_checked(self.published_edit.text())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_text_side())
        self.proposals = ProposalPanel(self.prepared, self._completion_names(), self)
        self.model, self.table = self.proposals.model, self.proposals.table
        self.proposals.add_button.clicked.connect(self._add_from_selection)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.edited.connect(self._edited)
        splitter.addWidget(self.proposals)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.skip_button = QPushButton("&Skip" if total > 1 else "Cancel", self)
        self.skip_button.setToolTip("Do not import this article")
        self.skip_button.clicked.connect(lambda: self._finish(SKIPPED))
        buttons.addWidget(self.skip_button)
        self.stop_button = QPushButton("Stop &Importing", self)
        self.stop_button.setToolTip("Skip this article and the ones after it")
        self.stop_button.clicked.connect(lambda: self._finish(STOP))
        self.stop_button.setVisible(self._remaining > 0)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        self.accept_all_button = QPushButton("Accept &All Proposals", self)
        self.accept_all_button.setToolTip(
            f"Import this article as shown, and the {self._remaining} after it with all "
            f"their proposed events, without reviewing each"
        )
        self.accept_all_button.clicked.connect(lambda: self._accept(ACCEPT_ALL))
        self.accept_all_button.setVisible(self._remaining > 0)
        buttons.addWidget(self.accept_all_button)
        self.import_button = QPushButton(self)
        self.import_button.setToolTip("Store the source and the ticked events (Ctrl+Enter)")
        self.import_button.clicked.connect(lambda: self._accept(IMPORTED))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            accept = QShortcut(QKeySequence(keys), self)
            accept.activated.connect(self.import_button.click)
        buttons.addWidget(self.import_button)
        outer.addLayout(buttons)
        if self.prepared.duplicate is not None:
            # Nothing here can be imported: the proposals are shown greyed, for reference.
            self.import_button.hide()
            self.proposals.setEnabled(False)
            for field in (self.title_edit, self.published_edit, self.reliability):
                field.setEnabled(False)
            self.skip_button.setText("&Skip This Article")

    def _build_text_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        legend = QHBoxLayout()
        legend.addWidget(QLabel("<b>Article</b>", side))
        legend.addStretch(1)
        for key, text in (("date", "date"), ("actor", "actor"), ("quote", "selected event")):
            swatch = QLabel(f" {text} ", side)
            swatch.setStyleSheet(
                f"background: {colour(self, key).name()}; color: palette(text); "
                "border-radius: 3px; padding: 1px 4px;"
            )
            legend.addWidget(swatch)
        layout.addLayout(legend)
        self.text = ArticleView(self.prepared.article.text, side)
        self.text.cursorPositionChanged.connect(self._text_clicked)
        self.text.selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.text, 1)
        return side

    def _completion_names(self) -> list[str]:
        names = {n.casefold(): n for n in self.prepared.known_names}
        for actor in self.found.get("actors", ()):
            names.setdefault(actor["name"].casefold(), actor["name"])
        return sorted(names.values(), key=str.casefold)

    def _size_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1400, 820
        if area is not None:
            width, height = (
                min(width, int(area.width() * 0.92)),
                min(height, int(area.height() * 0.9)),
            )
        self.resize(width, height)

    # ------------------------------------------------------------------ the article text

    def _highlight_quote(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            proposal = self.model.proposal(row)
            self.text.show_quote(proposal.start, proposal.end)
        else:
            self.text.show_quote(None, None)

    def _text_clicked(self) -> None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            return
        position = self.text.offset(cursor.position())
        for row, proposal in enumerate(self.model.proposals):
            if proposal.start <= position < proposal.end:
                if row != self.table.currentIndex().row():
                    self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        self.proposals.add_button.setEnabled(
            self.text.textCursor().hasSelection() and not self.model.read_only
        )

    def _add_from_selection(self) -> None:
        cursor = self.text.textCursor()
        start = self.text.offset(cursor.selectionStart())
        end = self.text.offset(cursor.selectionEnd())
        if end <= start:
            return
        proposal = import_prep.manual_proposal(self.ws, self.found, start, end)
        proposals = sorted([*self.model.proposals, proposal], key=lambda p: (p.start, p.end))
        self.model.set_proposals(proposals)
        row = proposals.index(proposal)
        self.table.selectRow(row)
        self._update_counts()
        if not proposal.when:
            self._show_error("No date was found in the selection; type the event's date.")
            self.table.edit(self.model.index(row, DATE))

    # ------------------------------------------------------------------ proposals

    def _row_changed(self, current, _previous) -> None:
        self._highlight_quote()
        self.proposals.show_detail(current.row())

    def _edited(self) -> None:
        self.proposals.message.hide()
        self._update_counts()
        self.proposals.show_detail(self.table.currentIndex().row())

    def _update_counts(self) -> None:
        self.proposals.show_count()
        ticked = self.model.ticked()
        new = sum(1 for p in ticked if p.merge_into is None)
        parts = [
            f"{count} {noun}{'s' if count != 1 else ''}"
            for count, noun in ((new, "Event"), (len(ticked) - new, "Citation"))
            if count
        ]
        self.import_button.setText(
            "Import with " + " and ".join(parts) if parts else "Import Source Only"
        )

    def _show_error(self, text: str) -> None:
        self.proposals.show_error(text)

    # ------------------------------------------------------------------ publication date

    def _published_edited(self, text: str) -> None:
        anchor = self._published_checked(text)
        if anchor is not False and anchor != self.anchor:
            self.anchor = anchor
            self._generation += 1
            self.published_human.setText(self.published_human.text() + " — re-reading dates…")
            QTimer.singleShot(250, lambda g=self._generation: self._start_reextract(g))

    def _published_checked(self, text: str):
        """The anchor day for ``text`` (None when empty), or False when it is not a day."""
        self.published_edit.setStyleSheet("")
        if not text.strip():
            self.published_human.setText("needed to date ‘yesterday’, ‘last week’…")
            self.published_human.setStyleSheet(f"color: {colour(self, 'error').name()};")
            return None
        try:
            anchor = import_prep.parse_publication_date(text)
        except import_prep.dates.DateError as error:
            self.published_human.setText("not a day")
            self.published_human.setToolTip(str(error))
            self.published_human.setStyleSheet(f"color: {colour(self, 'error').name()};")
            return False
        self.published_human.setText(import_prep.dates.human(anchor))
        self.published_human.setToolTip("")
        self.published_human.setStyleSheet("")
        return anchor

    def _start_reextract(self, generation: int) -> None:
        if generation != self._generation:
            return  # typed on; a later timer will run
        job = _ReextractJob(self.ws.path, self.prepared, self.anchor, generation, self._relay)
        self._pool.start(job)

    def _reextract_done(self, generation: int, result, error: str) -> None:
        if generation != self._generation:
            return
        self._published_checked(self.published_edit.text())
        if result is None:
            self._show_error(error)
            return
        found, proposals = result
        row = self.table.currentIndex().row()
        self.found = found
        self.model.set_proposals(import_prep.carry_edits(self.model.proposals, proposals))
        self.date_banner.setVisible(self.anchor is None)
        self.text.set_extraction(found)
        self._highlight_quote()
        self._update_counts()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self.reextracted.emit()

    def reextracting(self) -> bool:
        """Whether a re-extraction for the current publication date is still running."""
        return self.found.get("published") != self.anchor

    # ------------------------------------------------------------------ finishing

    def source_values(self) -> dict:
        """The source as :func:`models.intake.import_article` takes it."""
        return import_prep.source_values(
            self.prepared,
            title=self.title_edit.text(),
            anchor=self.anchor,
            reliability=self.reliability.currentData() or "",
        )

    def event_values(self) -> list[dict]:
        kinds = self.prepared.kinds
        return [p.to_event(kinds) for p in self.model.ticked()]

    def _accept(self, code: int) -> None:
        if self.prepared.duplicate is not None:
            self._finish(ACCEPT_ALL if code == ACCEPT_ALL else SKIPPED)
            return
        if self._published_checked(self.published_edit.text()) is False:
            self._show_error("The publication date is not a day; correct it or clear it.")
            self.published_edit.setFocus()
            return
        for row, proposal in enumerate(self.model.proposals):
            if proposal.ticked and proposal.merge_into is None and not proposal.when:
                self.table.selectRow(row)
                self._show_error("A ticked event has no date; type its date or untick it.")
                return
        try:
            self.change = self._commit(self.source_values(), self.event_values())
        except USER_ERRORS as error:
            self._show_error(f"Nothing was imported: {error}")
            return
        self._finish(code)

    def _push_command(self, source: dict, events: list[dict]) -> Change:
        """Store through the host's undo stack as one command (standalone use)."""
        command = OperationCommand(
            self.ws, intake.import_article, source, events, publish=self._publish
        )
        change = command.run()
        if self._undo_stack is not None:
            self._undo_stack.push(command)
        return change

    def _show_existing(self) -> None:
        if self.prepared.duplicate is not None:
            self.showSourceRequested.emit(self.prepared.duplicate.source_id)
        self._finish(SKIPPED)

    def _finish(self, code: int) -> None:
        self.result_code = code
        self._generation += 1  # a re-extraction still running is no longer wanted
        self.done(QDialog.DialogCode.Accepted if code in (IMPORTED, ACCEPT_ALL) else 0)

    def reject(self) -> None:  # Escape and the window's close button skip the article
        self.result_code = SKIPPED
        self._generation += 1
        super().reject()


__all__ = ["ACCEPT_ALL", "IMPORTED", "SKIPPED", "STOP", "ImportReviewDialog"]
