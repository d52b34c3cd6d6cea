"""The article as the review dialog shows it: dates and actors highlighted at the
extraction's offsets, the selected event's quote marked, and tinted message banners."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from models import dates

# Highlight colours (light, dark): chosen to keep text at >= 7:1 contrast on both palettes.
COLOURS = {
    "date": ("#ffe08a", "#574300"),
    "actor": ("#cfe3ff", "#1f4a7a"),
    "quote": ("#d9f2d0", "#24502f"),
    "error": ("#b00020", "#ff8a80"),
    "warn": ("#fff3cd", "#4d3d00"),
}


def colour(widget: QWidget, name: str) -> QColor:
    dark = widget.palette().color(widget.backgroundRole()).lightness() < 128
    return QColor(COLOURS[name][1 if dark else 0])


class Utf16Map:
    """Python string offsets to Qt text positions (UTF-16: characters past U+FFFF count 2)."""

    def __init__(self, text: str):
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._wide, index)

    def from_qt(self, position: int) -> int:
        index = position
        while index > 0 and self.to_qt(index) > position:
            index -= 1
        return index


class Banner(QFrame):
    """A tinted strip with a message and optional buttons (duplicate, missing date, notes)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        tint = colour(self, "warn")
        self.setStyleSheet(
            f"QFrame#banner {{ background: {tint.name()}; border-radius: 4px; }}"
            f"QFrame#banner QLabel {{ color: palette(text); }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)

    def add_button(self, text: str, slot: Callable) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        self.layout().addWidget(button)
        return button


class ArticleView(QTextBrowser):
    """Read-only article text with the extraction's dates and actors highlighted."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlainText(text)
        self.document().setDocumentMargin(10)
        self._map = Utf16Map(text)
        self.found: dict = {}

    def offset(self, position: int) -> int:
        """The Python string offset of a Qt text position."""
        return self._map.from_qt(position)

    def set_extraction(self, found: dict) -> None:
        """Dates and actors as character formats at the extraction's offsets."""
        self.found = found
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        actor_format = QTextCharFormat()
        actor_format.setBackground(colour(self, "actor"))
        for actor in found.get("actors", ()):
            actor_format.setToolTip(f"{actor['name']} ({actor.get('kind') or 'actor'})")
            for start, end in actor.get("mentions", ()):
                self._select(cursor, start, end).mergeCharFormat(actor_format)
        date_format = QTextCharFormat()
        date_format.setBackground(colour(self, "date"))
        for timex in found.get("timexes", ()):
            date_format.setToolTip(_timex_tip(timex))
            self._select(cursor, timex["start"], timex["end"]).mergeCharFormat(date_format)
        cursor.endEditBlock()

    def _select(self, cursor: QTextCursor, start: int, end: int) -> QTextCursor:
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def show_quote(self, start: int | None, end: int | None) -> None:
        """Mark ``text[start:end]`` (the selected event's quote) and scroll it into view."""
        if start is None or end is None:
            self.setExtraSelections([])
            return
        spans = [("quote", start, end)]
        # Dates and actors inside the quote keep their colours, drawn on top of it.
        inside = [("date", t["start"], t["end"]) for t in self.found.get("timexes", ())]
        inside += [
            ("actor", s, e) for a in self.found.get("actors", ()) for s, e in a.get("mentions", ())
        ]
        spans += [span for span in inside if start <= span[1] and span[2] <= end]
        selections = []
        for kind, left, right in spans:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(colour(self, kind))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.cursor = self._select(QTextCursor(self.document()), left, right)
            selections.append(selection)
        self.setExtraSelections(selections)
        # Scroll the quote's paragraph to the upper third without moving the user's cursor.
        block = self.document().findBlock(self._map.to_qt(start))
        top = self.cursorRect(QTextCursor(block)).top()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - self.viewport().height() // 3)

    def quote_text(self) -> str:
        """The text currently marked as the selected event's quote ("" when none)."""
        selections = self.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""


def _timex_tip(timex: dict) -> str:
    value = timex.get("value", "")
    if "X" in value.split("T")[0] and timex.get("type") in ("DATE", "TIME"):
        return f"‘{timex['text']}’ → needs the publication date"
    human = dates.human(value) if timex.get("type") in ("DATE", "TIME") else ""
    kind = {"DURATION": "duration", "SET": "recurring", "TIME": "time"}.get(timex.get("type"), "")
    shown = human if human and human != value else value
    return f"‘{timex['text']}’ → {shown}" + (f" ({kind})" if kind else "")


def meta_line(prepared) -> str:
    """Publisher, author, kind, file and address of an article, for the line under its title."""
    article = prepared.article
    kinds = {
        "html": "saved web page",
        "mhtml": "web archive",
        "pdf": "PDF",
        "docx": "Word document",
        "odt": "OpenDocument text",
        "rtf": "RTF document",
        "eml": "e-mail",
        "txt": "text file",
        "md": "Markdown text",
        "selection": "dropped text",
    }
    parts = [article.publisher, article.author and f"by {article.author}"]
    parts.append(kinds.get(article.kind, article.kind))
    if article.file_name:
        parts.append(article.file_name)
    if article.url:
        parts.append(elide(article.url, 70))
    return " · ".join(p for p in parts if p)


def elide(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
