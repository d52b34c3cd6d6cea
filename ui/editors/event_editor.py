"""The Details dock: edit the selected event (or several at once).

One event: title, date (validated as you type, human form beside it), location, confidence,
tags, description, actors with roles (type-ahead over names and aliases; an unknown name
creates the actor), and the sources it cites (activating one opens the source at its quote).
Several events: date, location, confidence and tags for all of them, as one undo step.

Each field commits when editing finishes (Enter or leaving the field), through the Document,
so every commit is one named undo step. An event deleted elsewhere shows a notice instead of
its fields; a refused value is shown in place with what to type instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models import operations as ops
from models import queries
from models.changes import Change
from models.errors import NotFound
from ui.commands import USER_ERRORS
from ui.document import Document
from ui.editors.widgets import CommitTextEdit, MessageLabel, TokenCompleter, WhenEdit

CONFIDENCE_CHOICES = (
    ("", "Not assessed"),
    ("low", "Low"),
    ("moderate", "Moderate"),
    ("high", "High"),
)
MIXED = "(several values)"


class EventEditor(QWidget):
    """Editor for the shared selection; see the module docstring."""

    sourceRequested = Signal(int, int, int)  # source id, quote start, quote end (-1 if none)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc: Document | None = None
        self._ids: list[int] = []
        self._event = None
        self._loading = False
        self._build()
        self._show_page(
            self.empty_page, "Select an event in the table or on the timeline to edit it."
        )

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.empty_page = QLabel()
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setMargin(12)
        self.stack.addWidget(self.empty_page)

        form_widget = QWidget()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.notice = MessageLabel()
        self.title = QLineEdit()
        self.title.setPlaceholderText("What happened, in a few words")
        self.when = WhenEdit()
        self.location = QLineEdit()
        self.location.setPlaceholderText("Place, if known")
        self.confidence = QComboBox()
        for value, label in CONFIDENCE_CHOICES:
            self.confidence.addItem(label, value)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Comma-separated, e.g. nuclear, diplomacy")
        self.tag_completer = TokenCompleter([], self.tags)
        self.tags.setCompleter(self.tag_completer)
        self.remove_tags = QLineEdit()
        self.remove_tags.setPlaceholderText("Tags to take off every selected event")
        self.description = CommitTextEdit()
        self.description.setPlaceholderText("Details, context, what the sources say")
        self.description.setMinimumHeight(80)

        self.actor_table = QTableWidget(0, 2)
        self.actor_table.setHorizontalHeaderLabels(["Actor", "Role"])
        self.actor_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actor_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.actor_table.verticalHeader().hide()
        self.actor_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actor_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.actor_table.setMinimumHeight(90)
        self.actor_table.setMaximumHeight(150)
        self.actor_table.setToolTip(
            "Double-click a role to change it; Delete removes the actor from this event."
        )
        self.actor_input = QLineEdit()
        self.actor_input.setPlaceholderText("Add actor: name or alias")
        self.actor_completer = QCompleter([], self.actor_input)
        self.actor_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.actor_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_input.setCompleter(self.actor_completer)
        self.actor_add = QPushButton("Add")
        self.actor_remove = QToolButton()
        self.actor_remove.setText("Remove")
        self.actor_remove.setToolTip("Remove the selected actor from this event")
        self.actor_message = MessageLabel()
        actor_row = QHBoxLayout()
        actor_row.addWidget(self.actor_input, 1)
        actor_row.addWidget(self.actor_add)
        actor_row.addWidget(self.actor_remove)
        actors_box = QVBoxLayout()
        actors_box.setSpacing(4)
        actors_box.addWidget(self.actor_table)
        actors_box.addLayout(actor_row)
        actors_box.addWidget(self.actor_message)
        self.actors_widget = QWidget()
        self.actors_widget.setLayout(actors_box)
        actors_box.setContentsMargins(0, 0, 0, 0)

        self.citations = QListWidget()
        self.citations.setWordWrap(True)
        self.citations.setMinimumHeight(60)
        self.citations.setMaximumHeight(160)
        self.citations.setToolTip(
            "Activate a citation (double-click or Enter) to open the source at the quote."
        )

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&Date", self.when)
        self.form.addRow("&Location", self.location)
        self.form.addRow("&Confidence", self.confidence)
        self.form.addRow("Ta&gs", self.tags)
        self.form.addRow("Remove tags", self.remove_tags)
        self.form.addRow("&Actors", self.actors_widget)
        self.form.addRow("D&escription", self.description)
        self.form.addRow("&Sources", self.citations)
        outer = QVBoxLayout(form_widget)
        outer.addWidget(self.heading)
        outer.addWidget(self.notice)
        outer.addLayout(self.form)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_widget)
        self.form_page = scroll
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.title.editingFinished.connect(self._commit_title)
        self.when.committed.connect(lambda text: self._commit(when=text))
        self.location.editingFinished.connect(self._commit_location)
        self.confidence.activated.connect(self._commit_confidence)
        self.tags.editingFinished.connect(self._commit_tags)
        self.remove_tags.editingFinished.connect(self._commit_remove_tags)
        self.description.committed.connect(lambda text: self._commit(description=text))
        self.actor_add.clicked.connect(self._add_actor)
        self.actor_input.returnPressed.connect(self._add_actor)
        self.actor_remove.clicked.connect(self._remove_actor)
        self.actor_table.itemChanged.connect(self._role_changed)
        self.citations.itemActivated.connect(self._open_citation)

    # ------------------------------------------------------------------ binding

    def set_document(self, doc: Document | None) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self._changed)
            self.doc.selectionChanged.disconnect(self.show_events)
            self.doc.summary.changed.disconnect(self._summary_changed)
        self.doc = doc
        self._ids = []
        if doc is None:
            self._show_page(self.empty_page, "No workspace is open.")
            return
        doc.changed.connect(self._changed)
        doc.selectionChanged.connect(self.show_events)
        doc.summary.changed.connect(self._summary_changed)
        self._refresh_completions()
        self.show_events(doc.selection)

    def shown_ids(self) -> list[int]:
        return list(self._ids)

    def show_events(self, ids: list[int]) -> None:
        """Show the editor for ``ids`` (none: a hint; one: all fields; several: shared fields)."""
        self._ids = list(ids)
        if self.doc is None:
            return
        if not ids:
            self._show_page(
                self.empty_page, "Select an event in the table or on the timeline to edit it."
            )
            return
        self._loading = True
        try:
            if len(ids) == 1:
                self._show_one(ids[0])
            else:
                self._show_many(ids)
        finally:
            self._loading = False

    def focus_first_field(self) -> None:
        """F2: put the cursor in the title (or the date for several events)."""
        if self.stack.currentWidget() is not self.form_page:
            return
        target = self.title if self.title.isVisible() else self.when.line
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def _show_page(self, page, text: str = "") -> None:
        if page is self.empty_page:
            self.empty_page.setText(text)
        self.stack.setCurrentWidget(page)

    def _show_one(self, event_id: int) -> None:
        try:
            event = queries.get_event(self.doc.ws, event_id)
        except NotFound:
            self._event = None
            self._show_page(
                self.empty_page,
                "This event is no longer in the workspace; it may have been deleted in another window.",
            )
            return
        self._event = event
        self.heading.setText(event.title)
        self.notice.clear_message()
        self._set_rows(single=True)
        self.title.setText(event.title)
        self.title.setCursorPosition(0)
        self.when.set_stored(event.when)
        self.location.setText(event.location)
        self.location.setCursorPosition(0)
        self.confidence.setCurrentIndex(self.confidence.findData(event.confidence))
        self.tags.setText(", ".join(event.tags))
        self.description.set_stored(event.description)
        self.actor_table.blockSignals(True)
        self.actor_table.setRowCount(len(event.actors))
        for row, actor in enumerate(event.actors):
            name = QTableWidgetItem(actor.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, actor.actor_id)
            name.setToolTip(f"{actor.name} ({actor.kind})")
            self.actor_table.setItem(row, 0, name)
            self.actor_table.setItem(row, 1, QTableWidgetItem(actor.role))
        self.actor_table.blockSignals(False)
        self.actor_message.clear_message()
        self.citations.clear()
        for citation in event.citations:
            text = citation.source_title or "(untitled source)"
            if citation.reliability or citation.credibility:
                text += f"  [{citation.reliability or '?'}{citation.credibility or '?'}]"
            if citation.quote:
                text += f"\n“{citation.quote}”"
            item = QListWidgetItem(text)
            item.setToolTip(
                f"Source reliability {citation.reliability or 'not graded'}, information "
                f"credibility {citation.credibility or 'not graded'}. Activate to open the source"
                + (" at the quote." if citation.char_start is not None else ".")
            )
            item.setData(
                Qt.ItemDataRole.UserRole,
                (citation.source_id, citation.char_start, citation.char_end),
            )
            self.citations.addItem(item)
        if not event.citations:
            item = QListWidgetItem("No sources cited yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.citations.addItem(item)
        self._apply_readonly()
        self._show_page(self.form_page)

    def _show_many(self, ids: list[int]) -> None:
        events = queries.get_events(self.doc.ws, ids, links=False)
        if not events:
            self._show_page(self.empty_page, "The selected events are no longer in the workspace.")
            return
        self._event = None
        missing = len(ids) - len(events)
        self.heading.setText(f"{len(events):,} events selected")
        self.notice.show_hint(
            "Changes here apply to every selected event, as one step you can undo."
            + (f" {missing} of the selected events no longer exist." if missing else "")
        )
        self._set_rows(single=False)

        def common(values):
            values = set(values)
            return (values.pop(), "") if len(values) == 1 else ("", MIXED)

        when, when_hint = common(e.when for e in events)
        self.when.set_stored(when, when_hint)
        location, location_hint = common(e.location for e in events)
        self.location.setText(location)
        self.location.setPlaceholderText(location_hint or "Place, if known")
        confidence, _ = common(e.confidence for e in events)
        self.confidence.setCurrentIndex(
            self.confidence.findData(confidence)
            if confidence or len({e.confidence for e in events}) == 1
            else -1
        )
        self.tags.clear()
        self.tags.setPlaceholderText("Tags to add to every selected event")
        self.remove_tags.clear()
        self._apply_readonly()
        self._show_page(self.form_page)

    def _set_rows(self, single: bool) -> None:
        for widget in (self.title, self.description, self.actors_widget, self.citations):
            self.form.setRowVisible(widget, single)
        self.form.setRowVisible(self.remove_tags, not single)
        if single:
            self.tags.setPlaceholderText("Comma-separated, e.g. nuclear, diplomacy")
            self.location.setPlaceholderText("Place, if known")

    def _apply_readonly(self) -> None:
        readonly = self.doc is not None and self.doc.ws.readonly
        for widget in (
            self.title,
            self.when.line,
            self.location,
            self.tags,
            self.remove_tags,
            self.actor_input,
        ):
            widget.setReadOnly(readonly)
        self.description.setReadOnly(readonly)
        for widget in (self.confidence, self.actor_add, self.actor_remove):
            widget.setEnabled(not readonly)
        if readonly:
            self.notice.show_hint(
                self.doc.ws.readonly_reason or "This workspace is open read-only."
            )

    def _refresh_completions(self) -> None:
        if self.doc is None:
            return
        summary = self.doc.summary
        self.tag_completer.set_words([tag for tag, _ in summary.tags])
        names = []
        for actor in summary.actors:
            names.append(actor.name)
            names.extend(f"{alias} ({actor.name})" for alias in actor.aliases)
        self.actor_completer.model().setStringList(names)

    def _summary_changed(self, parts: set) -> None:
        if parts & {"actors", "tags"}:
            self._refresh_completions()

    def _changed(self, change: Change) -> None:
        touched = set(change.touched("events"))
        for table in ("event_actors", "event_sources"):
            for images in (change.before.get(table, {}), change.after.get(table, {})):
                touched.update(row["event_id"] for row in images.values() if row)
        if touched & set(self._ids) or change.tables & {"actors", "sources"}:
            self.show_events(self._ids)

    # ------------------------------------------------------------------ commits

    def _commit(self, operation=None, *args, **fields) -> bool:
        """Run an edit for the shown events; show a refusal in place. True if it was applied."""
        if self._loading or self.doc is None or not self._ids:
            return False
        try:
            if operation is None:
                operation = ops.update_event if len(self._ids) == 1 else ops.update_events
                target = self._ids[0] if len(self._ids) == 1 else list(self._ids)
                self.doc.try_execute(operation, target, **fields)
            else:
                self.doc.try_execute(operation, *args, **fields)
        except NotFound:
            self._show_page(
                self.empty_page,
                "This event is no longer in the workspace; it may have been deleted in another window. Your edit was not saved.",
            )
            return False
        except USER_ERRORS as error:
            self.notice.show_error(str(error))
            return False
        self.notice.clear_message()
        return True

    def _commit_title(self) -> None:
        if self._event is not None and self.title.text().strip() != self._event.title:
            self._commit(title=self.title.text())

    def _commit_location(self) -> None:
        text = self.location.text().strip()
        if self._event is not None and text == self._event.location:
            return
        if self._event is None and not text:
            return  # several events, field left empty: nothing to set
        self._commit(location=text)

    def _commit_confidence(self) -> None:
        value = self.confidence.currentData()
        if self._event is not None and value == self._event.confidence:
            return
        self._commit(confidence=value or None)

    def _commit_tags(self) -> None:
        text = self.tags.text()
        if self._event is not None:
            if [t.strip() for t in text.split(",") if t.strip()] != self._event.tags:
                self._commit(tags=text)
            return
        tags = [t.strip() for t in text.split(",") if t.strip()]
        if tags and self._commit(ops.add_tags, list(self._ids), tags):
            self.tags.clear()

    def _commit_remove_tags(self) -> None:
        tags = [t.strip() for t in self.remove_tags.text().split(",") if t.strip()]
        if tags and self._ids and self._commit(ops.add_tags, list(self._ids), tags, remove=True):
            self.remove_tags.clear()

    # ------------------------------------------------------------------ actors

    def _current_actor_links(self) -> list[tuple[int, str]]:
        links = []
        for row in range(self.actor_table.rowCount()):
            actor_id = self.actor_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            role_item = self.actor_table.item(row, 1)
            links.append((int(actor_id), role_item.text().strip() if role_item else ""))
        return links

    def _add_actor(self) -> None:
        text = self.actor_input.text().strip()
        if not text or self._event is None or self.doc is None:
            return
        if text.endswith(")") and " (" in text:  # "Kyiv (Ukraine)" from the completer
            text = text[text.rindex(" (") + 2 : -1]
        actor = queries.find_actor(self.doc.ws, text)
        links = self._current_actor_links()
        event_id = self._event.id
        if actor is not None:
            if actor.id in [a for a, _ in links]:
                self.actor_message.show_hint(f"{actor.name} is already on this event.")
                return
            if self._commit(ops.set_event_actors, event_id, [*links, (actor.id, "")]):
                self.actor_input.clear()
            return
        stack = self.doc.undo_stack
        stack.beginMacro(f"Add new actor '{text}' to '{self._event.title}'")
        try:
            change = self.doc.try_execute(ops.add_actor, text, "other")
            actor_id = change.first_added("actors")
            self.doc.try_execute(ops.set_event_actors, event_id, [*links, (actor_id, "")])
        except USER_ERRORS as error:
            stack.endMacro()
            self.actor_message.show_error(str(error))
            return
        stack.endMacro()
        self.actor_input.clear()
        self.actor_message.show_hint(
            f"Created the actor '{text}' (kind: other); edit it in the Actors dock."
        )

    def _remove_actor(self) -> None:
        rows = sorted({index.row() for index in self.actor_table.selectedIndexes()})
        if not rows or self._event is None:
            return
        links = [link for row, link in enumerate(self._current_actor_links()) if row not in rows]
        self._commit(ops.set_event_actors, self._event.id, links)

    def _role_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self._event is None or item.column() != 1:
            return
        self._commit(ops.set_event_actors, self._event.id, self._current_actor_links())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.actor_table.hasFocus():
            self._remove_actor()
            return
        super().keyPressEvent(event)

    def _open_citation(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            source_id, start, end = data
            self.sourceRequested.emit(
                source_id, -1 if start is None else start, -1 if end is None else end
            )
