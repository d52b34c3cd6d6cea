"""The Pack tab of the briefing dialog: front matter, marking, page size and the optional pages.

:meth:`PackForm.show_pack` fills the form from a :class:`~briefings.Pack`; :meth:`PackForm.
read_into` writes it back (the briefings themselves are edited on the other tabs).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from briefings import TLP_MARKINGS, Pack
from briefings.definition import TLP_MEANING


class PackForm(QWidget):
    """Title, subtitle, running title, author, organisation, date, DTG, reference, version,
    marking (with what a TLP label means), page size, cover and contents pages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.title_edit, self.subtitle_edit, self.short_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.short_edit.setPlaceholderText("the title, on every page")
        self.author_edit, self.org_edit = QLineEdit(), QLineEdit()
        self.build_date_box = QCheckBox("The day it is built")
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.build_date_box.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        date_row = QHBoxLayout()
        date_row.addWidget(self.build_date_box)
        date_row.addWidget(self.date_edit, 1)
        self.dtg_edit = QLineEdit()
        self.dtg_edit.setPlaceholderText(
            "e.g. 141830Z NOV 24; empty: the build time (for packs dated the build day)"
        )
        self.ref_edit, self.version_edit = QLineEdit(), QLineEdit()
        self.version_edit.setPlaceholderText("e.g. Updated 14 Nov 2024")
        self.marking_combo = QComboBox(editable=True)
        self.marking_combo.addItems(TLP_MARKINGS)
        self.marking_combo.setToolTip("TLP 2.0 labels, or type your organisation's own marking")
        self.marking_note = QLabel(wordWrap=True)
        self.marking_combo.currentTextChanged.connect(
            lambda text: self.marking_note.setText(TLP_MEANING.get(text.strip().upper(), ""))
        )
        self.size_combo = QComboBox()
        self.size_combo.addItems(["A4", "Letter"])
        self.cover_box, self.contents_box = QCheckBox("Cover page"), QCheckBox("Contents page")
        for label, widget in (
            ("Title:", self.title_edit),
            ("Subtitle:", self.subtitle_edit),
            ("Running title:", self.short_edit),
            ("Author:", self.author_edit),
            ("Organisation:", self.org_edit),
            ("Date:", date_row),
            ("DTG:", self.dtg_edit),
            ("Reference:", self.ref_edit),
            ("Version:", self.version_edit),
            ("Marking:", self.marking_combo),
            ("", self.marking_note),
            ("Page size:", self.size_combo),
            ("", self.cover_box),
            ("", self.contents_box),
        ):
            form.addRow(label, widget)

    def show_pack(self, pack: Pack) -> None:
        """Fill the form from ``pack`` (an empty date means the day it is built)."""
        for edit, value in (
            (self.title_edit, pack.title),
            (self.subtitle_edit, pack.subtitle),
            (self.short_edit, pack.short_title),
            (self.author_edit, pack.author),
            (self.org_edit, pack.organisation),
            (self.dtg_edit, pack.dtg),
            (self.ref_edit, pack.reference),
            (self.version_edit, pack.version),
        ):
            edit.setText(value)
        self.build_date_box.setChecked(not pack.date)
        day = dt.date.fromisoformat(pack.date) if pack.date else dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.setEnabled(bool(pack.date))
        self.marking_combo.setCurrentText(pack.marking)
        self.marking_note.setText(TLP_MEANING.get(pack.marking.strip().upper(), ""))
        self.size_combo.setCurrentText(pack.page_size)
        self.cover_box.setChecked(pack.cover)
        self.contents_box.setChecked(pack.contents)

    def read_into(self, pack: Pack) -> None:
        """Write the form into ``pack`` (text trimmed)."""
        pack.title, pack.subtitle = (
            self.title_edit.text().strip(),
            self.subtitle_edit.text().strip(),
        )
        pack.short_title, pack.author = (
            self.short_edit.text().strip(),
            self.author_edit.text().strip(),
        )
        pack.organisation, pack.dtg = self.org_edit.text().strip(), self.dtg_edit.text().strip()
        pack.reference, pack.version = (
            self.ref_edit.text().strip(),
            self.version_edit.text().strip(),
        )
        pack.date = (
            "" if self.build_date_box.isChecked() else self.date_edit.date().toString("yyyy-MM-dd")
        )
        pack.marking = self.marking_combo.currentText().strip()
        pack.page_size = self.size_combo.currentText()
        pack.cover, pack.contents = self.cover_box.isChecked(), self.contents_box.isChecked()
