"""Short texts drawn every frame (axis labels, lane names, counts), laid out once and reused.

``QStaticText`` keeps the glyph layout, so drawing the same label again costs a fraction of
``drawText``; the axis and lane headers repeat their labels from frame to frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QStaticText, QTransform

LIMIT = 20000


class TextCache:
    def __init__(self):
        self._texts: dict[tuple[str, int], QStaticText] = {}

    def get(self, text: str, font: QFont) -> QStaticText:
        key = (text, id(font))  # fonts come from style.font (cached): one object each
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) > LIMIT:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.PlainText)
            static.prepare(QTransform(), font)
            self._texts[key] = static
        return static

    def size(self, text: str, font: QFont) -> QSizeF:
        return self.get(text, font).size()

    def draw(self, painter: QPainter, x: float, top: float, text: str, font: QFont) -> None:
        """Draw ``text`` with its top-left corner at ``x, top`` (font must be the painter's)."""
        painter.drawStaticText(QPointF(x, top), self.get(text, font))

    def centred(self, painter: QPainter, x: float, y: float, text: str, font: QFont) -> None:
        """Draw ``text`` centred on ``x, y``."""
        static = self.get(text, font)
        size = static.size()
        painter.drawStaticText(QPointF(x - size.width() / 2, y - size.height() / 2), static)
