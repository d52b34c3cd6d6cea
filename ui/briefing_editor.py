"""The key judgments editor of the briefing dialog: paragraphs, bold and italic, bulleted and
numbered lists, and the ICD 203 estimative terms offered from a picker."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTextEdit, QToolButton, QVBoxLayout, QWidget

from briefings import ESTIMATIVE_TERMS


class KeyJudgmentsEditor(QWidget):
    """A formatting bar over a rich-text box (``edit``) for the analyst's judgments."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QTextEdit()
        self.edit.setAcceptRichText(False)
        self.edit.setPlaceholderText(
            "Bottom line up front: one judgment per paragraph, its first sentence the bottom line."
        )
        bar = QHBoxLayout()
        for text, tip, keys, slot in (
            ("Bold", "Bold", QKeySequence.StandardKey.Bold, self.toggle_bold),
            ("Italic", "Italic", QKeySequence.StandardKey.Italic, self.toggle_italic),
            (
                "• List",
                "Bulleted list",
                None,
                lambda: self.toggle_list(QTextListFormat.Style.ListDisc),
            ),
            (
                "1. List",
                "Numbered list",
                None,
                lambda: self.toggle_list(QTextListFormat.Style.ListDecimal),
            ),
        ):
            button = QToolButton(text=text, toolTip=tip)
            if keys is not None:
                button.setShortcut(QKeySequence(keys))
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.terms_button = QToolButton(text="Estimative Term")
        self.terms_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.terms_button)
        for term, share in ESTIMATIVE_TERMS:
            menu.addAction(f"{term}  ({share})", lambda term=term: self.edit.insertPlainText(term))
        menu.addSeparator()
        for level in ("low", "moderate", "high"):
            phrase = f"we assess with {level} confidence that"
            menu.addAction(phrase, lambda phrase=phrase: self.edit.insertPlainText(phrase))
        self.terms_button.setMenu(menu)
        self.terms_button.setToolTip("Insert a term from the ICD 203 probability scale")
        bar.addWidget(self.terms_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.edit, 1)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(700 if self.edit.fontWeight() < 600 else 400)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block = cursor.blockFormat()
            current.remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            cursor.createList(style)
