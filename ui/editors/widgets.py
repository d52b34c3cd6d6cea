"""Small editing widgets shared by the editors: the date field, token completion, messages."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import dates


def error_colour(widget: QWidget) -> str:
    """A red that reads on the widget's background, light or dark."""
    dark = widget.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return "#ff8a80" if dark else "#b00020"


class MessageLabel(QLabel):
    """A wrapped one-sentence message under a field: an error (red) or a hint (muted)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(f"color: {error_colour(self)};")
        self.setText(text)
        self.setVisible(bool(text))

    def show_hint(self, text: str) -> None:
        self.setStyleSheet("")
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class WhenEdit(QWidget):
    """The ``when`` field: EDTF text with live validation and its human rendering beside it.

    Invalid text is refused in place: the field turns red and the accepted forms are shown
    under it; ``committed(text)`` fires only for valid text when editing finishes.
    Escape puts back the stored value.
    """

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("e.g. 2024-11-14, 2023-09~, 2024-08-06/..")
        self.line.setClearButtonEnabled(False)
        self.human = QLabel()
        self.human.setMinimumWidth(90)
        self.human.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message = MessageLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.human)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self._stored = ""
        self.line.textEdited.connect(self._validate)
        self.line.editingFinished.connect(self._finish)
        self.line.installEventFilter(self)

    def set_stored(self, text: str, placeholder: str = "") -> None:
        """Show the stored value (not a user edit)."""
        self._stored = text
        self.line.setText(text)
        self.line.setPlaceholderText(placeholder or "e.g. 2024-11-14, 2023-09~, 2024-08-06/..")
        self._validate(text)

    def text(self) -> str:
        return self.line.text()

    @property
    def valid(self) -> bool:
        return self._parse(self.line.text()) is not None

    def _parse(self, text: str):
        try:
            return dates.parse(text)
        except dates.DateError:
            return None

    def _validate(self, text: str) -> None:
        if not text.strip():
            self.human.setText("")
            self.line.setStyleSheet("")
            if self._stored:
                self.message.show_error(f"The date is empty. {dates.ACCEPTED_FORMS}")
            else:
                self.message.clear_message()
            return
        try:
            parsed = dates.parse(text)
        except dates.DateError as error:
            self.human.setText("")
            self.line.setStyleSheet(f"border: 1px solid {error_colour(self)};")
            self.message.show_error(str(error))
            return
        self.line.setStyleSheet("")
        self.human.setText(parsed.human())
        self.message.clear_message()

    def _finish(self) -> None:
        text = self.line.text().strip()
        if text == self._stored or not self.valid:
            return
        self.committed.emit(text)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        escape = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
        if watched is self.line and escape and self.line.text() != self._stored:
            self.set_stored(self._stored)
            return True
        return super().eventFilter(watched, event)


class TokenCompleter(QCompleter):
    """Completes the last item of a comma-separated list (tags)."""

    def __init__(self, words: list[str], parent=None):
        super().__init__(parent)
        self.setModel(QStringListModel(words, self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def set_words(self, words: list[str]) -> None:
        self.model().setStringList(words)

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        current = self.widget().text() if self.widget() else ""
        head = [part.strip() for part in current.split(",")[:-1] if part.strip()]
        return ", ".join([*head, index.data()])


class CommitTextEdit(QPlainTextEdit):
    """A plain text box that reports ``committed`` when it loses focus after a change."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stored = ""
        self.setTabChangesFocus(True)

    def set_stored(self, text: str) -> None:
        self._stored = text
        self.setPlainText(text)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._stored:
            self.committed.emit(self.toPlainText())
