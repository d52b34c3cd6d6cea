"""Light and dark appearance: follow the system's colour scheme, or the user's choice.

The Fusion style draws the same on every platform and honours the palette fully, so both
palettes are legible everywhere (the native styles of some platforms ignore parts of it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_BASE_FONT: QFont | None = None


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for long reading (text ~ 13:1 on base)."""
    p = QPalette()
    window, base, alt, text = (
        QColor("#2b2d31"),
        QColor("#1e1f22"),
        QColor("#26282c"),
        QColor("#e6e6e6"),
    )
    highlight = QColor("#3d6fb6")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, alt)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#33363b"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3d42"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9a9ea6"))
        p.setColor(group, QPalette.ColorRole.Highlight, highlight)
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#8ab4f8"))
        p.setColor(group, QPalette.ColorRole.Light, QColor("#45484e"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#3a3d42"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#2f3136"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#18191b"))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor("#000000"))
    disabled = QColor("#7d8188")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#2f3136"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#44474d"))
    return p


def system_is_dark(app: QGuiApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, choice: str = "system", font_size: int = 0) -> str:
    """Apply "system", "light" or "dark" and the font size (0 = system); returns the scheme used."""
    global _BASE_FONT
    if _BASE_FONT is None:
        _BASE_FONT = QFont(app.font())
    available = list(QStyleFactory.keys())
    if app.style().name().lower() != "fusion" and "Fusion" in available:
        app.setStyle("Fusion")
    dark = choice == "dark" or (choice == "system" and system_is_dark(app))
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    font = QFont(_BASE_FONT)
    if font_size and font_size > 0:
        font.setPointSize(int(font_size))
    app.setFont(font)
    return "dark" if dark else "light"


def is_dark(widget_palette: QPalette) -> bool:
    return widget_palette.color(QPalette.ColorRole.Window).lightness() < 128
