"""Dialogs for actors (add or edit one; merge several) and sources (edit one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models import operations as ops
from models import palette, queries, schema
from models.queries import Actor, Source
from ui.commands import USER_ERRORS
from ui.document import Document
from ui.editors.widgets import MessageLabel
from ui.models.sources import RELIABILITY_TEXT


class ColourButton(QPushButton):
    """Shows a colour; clicking picks another. Empty means "automatic" (palette by id)."""

    def __init__(self, automatic: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._automatic = automatic
        self._colour = ""
        self.clicked.connect(self._pick)
        self._paint()

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        self._paint()

    def _paint(self) -> None:
        shown = self._colour or self._automatic
        text_colour = "#000000" if QColor(shown).lightness() > 140 else "#ffffff"
        self.setText(self._colour or f"Automatic ({self._automatic})")
        self.setStyleSheet(f"background: {shown}; color: {text_colour}; padding: 3px 8px;")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._colour or self._automatic), self, "Actor colour"
        )
        if chosen.isValid():
            self.set_colour(chosen.name())


class ActorDialog(QDialog):
    """Add an actor, or edit one: name, kind, aliases, country, colour, notes."""

    def __init__(self, doc: Document, actor: Actor | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.actor = actor
        self.actor_id: int | None = actor.id if actor else None
        self.setWindowTitle(f"Edit Actor — {actor.name}" if actor else "New Actor")
        self.name = QLineEdit(actor.name if actor else "")
        self.kind = QComboBox()
        for kind in schema.ACTOR_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.kind.setCurrentIndex(self.kind.findData(actor.kind if actor else "other"))
        self.aliases = QPlainTextEdit("\n".join(actor.aliases) if actor else "")
        self.aliases.setPlaceholderText("One other name per line (Kyiv, Ukrainian government, ...)")
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(80)
        self.country = QLineEdit(actor.country if actor else "")
        self.country.setPlaceholderText("Country code or name, if any")
        self.colour = ColourButton(palette.actor_colour(actor.id if actor else None, ""))
        self.colour.set_colour(actor.colour if actor else "")
        reset = QPushButton("Automatic")
        reset.setToolTip("Use the automatic colour for this actor")
        reset.clicked.connect(lambda: self.colour.set_colour(""))
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour, 1)
        colour_row.addWidget(reset)
        self.notes = QPlainTextEdit(actor.notes if actor else "")
        self.notes.setTabChangesFocus(True)
        self.message = MessageLabel()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Aliases", self.aliases)
        form.addRow("C&ountry", self.country)
        form.addRow("Co&lour", colour_row)
        form.addRow("N&otes", self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(440, 420)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "aliases": [line for line in self.aliases.toPlainText().splitlines() if line.strip()],
            "country": self.country.text(),
            "colour": self.colour.colour(),
            "notes": self.notes.toPlainText(),
        }

    def accept(self) -> None:
        """Save through the Document (one undo step); a refusal stays in the dialog."""
        values = self.values()
        try:
            if self.actor is None:
                name, kind = values.pop("name"), values.pop("kind")
                change = self.doc.try_execute(ops.add_actor, name, kind, **values)
                self.actor_id = change.first_added("actors")
            else:
                current = {
                    "name": self.actor.name,
                    "kind": self.actor.kind,
                    "aliases": self.actor.aliases,
                    "country": self.actor.country,
                    "colour": self.actor.colour,
                    "notes": self.actor.notes,
                }
                changed = {k: v for k, v in values.items() if v != current[k]}
                if changed:
                    self.doc.try_execute(ops.update_actor, self.actor.id, **changed)
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        super().accept()


class MergeActorsDialog(QDialog):
    """Merge two or more actors: pick the one to keep; the others become its aliases."""

    def __init__(self, doc: Document, actors: list[Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.actors = actors
        self.setWindowTitle("Merge Actors")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Keep one actor; the others' events move to it and their names become its aliases. "
            "You can undo the merge."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        ranked = sorted(actors, key=lambda a: -a.event_count)
        for actor in ranked:
            button = QRadioButton(f"Keep {actor.name} ({actor.kind}, {actor.event_count:,} events)")
            self.group.addButton(button, actor.id)
            layout.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def keep_id(self) -> int:
        return self.group.checkedId()

    def accept(self) -> None:
        keep = self.keep_id()
        others = [a.id for a in self.actors if a.id != keep]
        try:
            self.doc.try_execute(ops.merge_actors, keep, others)
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        super().accept()


class SourceDialog(QDialog):
    """Edit a source's description (its text stays as imported)."""

    FIELDS = (
        ("title", "&Title"),
        ("author", "&Author"),
        ("publisher", "&Publisher"),
        ("url", "&Address (URL)"),
        ("published", "Published (&date)"),
    )

    def __init__(self, doc: Document, source: Source, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.source = source
        self.setWindowTitle(f"Edit Source — {source.title or 'untitled'}")
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            edit = QLineEdit(getattr(source, key))
            self.edits[key] = edit
            form.addRow(label, edit)
        self.reliability = QComboBox()
        self.reliability.addItem("Not graded", "")
        for grade in schema.RELIABILITY:
            self.reliability.addItem(RELIABILITY_TEXT[grade], grade)
        self.reliability.setCurrentIndex(self.reliability.findData(source.reliability))
        form.addRow("&Reliability", self.reliability)
        self.notes = QPlainTextEdit(source.notes)
        self.notes.setTabChangesFocus(True)
        form.addRow("&Notes", self.notes)
        self.message = MessageLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, 380)

    def accept(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items()}
        values["reliability"] = self.reliability.currentData()
        values["notes"] = self.notes.toPlainText()
        changed = {k: v for k, v in values.items() if v != getattr(self.source, k)}
        try:
            if changed:
                self.doc.try_execute(ops.update_source, self.source.id, **changed)
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        super().accept()


def actor_by_id(doc: Document, actor_id: int) -> Actor | None:
    try:
        return queries.get_actor(doc.ws, actor_id)
    except USER_ERRORS:
        return None


__all__ = ["ActorDialog", "MergeActorsDialog", "SourceDialog", "actor_by_id", "Qt"]
