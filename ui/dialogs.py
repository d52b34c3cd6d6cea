"""Preferences and About."""

from __future__ import annotations

import html
import importlib.metadata
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import settings

ROOT = Path(__file__).resolve().parent.parent
# TLP 2.0 first (the default scheme); the box is editable for an organisation's own marking.
MARKINGS = ("TLP:AMBER", "TLP:AMBER+STRICT", "TLP:GREEN", "TLP:CLEAR", "TLP:RED")
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


def app_version() -> str:
    """The version from the installed package, else from pyproject.toml."""
    try:
        return importlib.metadata.version("annalist")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        with open(ROOT / "pyproject.toml", "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, ValueError):
        return "unknown"


class PreferencesDialog(QDialog):
    """Briefing defaults (marking, author, organisation), theme and font size."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.marking.setCurrentText(settings.value(settings.MARKING))
        self.marking.setToolTip(
            "Printed at the top and bottom of every briefing page; type your own if needed."
        )
        self.author = QLineEdit(settings.value(settings.AUTHOR))
        self.author.setPlaceholderText("Your name, as it should appear on briefings")
        self.organisation = QLineEdit(settings.value(settings.ORGANISATION))
        self.organisation.setPlaceholderText("Team or organisation")
        self.theme = QComboBox()
        for key, label in THEMES:
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.value(settings.THEME))))
        self.font_size = QSpinBox()
        self.font_size.setRange(0, 24)
        self.font_size.setSpecialValueText("System default")
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.value(settings.FONT_SIZE))
        form = QFormLayout()
        form.addRow(_section("Briefing packs"))
        form.addRow("Default &marking", self.marking)
        form.addRow("&Author", self.author)
        form.addRow("&Organisation", self.organisation)
        form.addRow(_section("Appearance"))
        form.addRow("&Theme", self.theme)
        form.addRow("&Font size", self.font_size)
        note = QLabel(
            "Workspaces save every change as you make it; there is nothing to save on closing."
        )
        note.setWordWrap(True)
        note.setForegroundRole(note.foregroundRole())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def accept(self) -> None:
        settings.set_value(settings.MARKING, self.marking.currentText().strip())
        settings.set_value(settings.AUTHOR, self.author.text().strip())
        settings.set_value(settings.ORGANISATION, self.organisation.text().strip())
        settings.set_value(settings.THEME, self.theme.currentData())
        settings.set_value(settings.FONT_SIZE, self.font_size.value())
        super().accept()


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def licence_files() -> list[Path]:
    """Licence and notice files shipped under resources/ (fonts, demo data)."""
    folder = ROOT / "resources"
    if not folder.is_dir():
        return []
    names = ("licen", "notice", "copying", "ofl", "attribution", "sources")
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and any(n in p.name.lower() for n in names)
    )


def about_html(workspace_path: str | None) -> str:
    rows = [
        f"<h2>Annalist {app_version()}</h2>",
        "<p>An offline workbench for analysts following conflicts and geopolitics: "
        "events, actors, sources, timelines and briefing packs. Nothing leaves this computer.</p>",
        f"<p><b>Workspace:</b> {workspace_path or 'none open'}</p>",
        "<p>Every change is saved to the workspace file as you make it. "
        "Use Edit &gt; Undo to go back, and File &gt; Save a Copy As to keep a snapshot.</p>",
        "<h3>Built with</h3><ul>",
        f"<li>Qt {qVersion()} and PySide6 {pyside_version} (LGPL-3.0)</li>",
        f"<li>Python {sys.version.split()[0]} and SQLite (public domain)</li>",
        "<li>sqlite-utils (Apache-2.0), ReportLab (BSD), platformdirs (MIT)</li>",
        "</ul><h3>Bundled fonts and data</h3>",
    ]
    files = licence_files()
    if files:
        rows.append("<ul>")
        for path in files:
            rows.append(
                f"<li>{path.relative_to(ROOT / 'resources').as_posix()}: {_licence_line(path)}</li>"
            )
        rows.append("</ul><p>The full texts are in the resources folder beside the program.</p>")
    else:
        rows.append("<p>This build bundles no fonts or data with separate licences.</p>")
    return "\n".join(rows)


def _licence_line(path: Path) -> str:
    """The line that states the licence (else the first line), shortened."""
    try:
        lines = [
            line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        ]
    except OSError:
        return ""
    lines = [line for line in lines if line]
    for line in lines:
        if "licen" in line.lower() or "public domain" in line.lower():
            return html.escape(line.lstrip("#").strip()[:160])
    return html.escape(lines[0].lstrip("#").strip()[:160]) if lines else ""


class AboutDialog(QDialog):
    def __init__(self, workspace_path: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Annalist")
        text = QTextBrowser()
        text.setOpenExternalLinks(False)
        text.setHtml(about_html(workspace_path))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, 460)
