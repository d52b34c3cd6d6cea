"""The review dialog's right-hand side: the proposed events of one article.

The table of proposals (:mod:`ui.import_table`) with Tick All / Tick None and the count above
it, and below it a hint, the line where refusals are explained, and the detail of the selected
proposal: its quote and, for a look-alike of an event already in the workspace, a button to
merge with it. The dialog wires ``add_button`` (it needs the article's selection).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.import_article import colour, elide, escape_html
from ui.import_prep import Prepared
from ui.import_table import (
    ACTORS,
    CREDIBILITY_COLUMN,
    DATE,
    MERGE,
    TICK,
    TITLE,
    ProposalDelegate,
    ProposalModel,
)


class ProposalPanel(QWidget):
    """Proposals of ``prepared``, with ``names`` offered when actors are typed; see the module
    docstring. Read-only (greyed by the dialog) when the article is a duplicate."""

    def __init__(self, prepared: Prepared, names: list[str], parent: QWidget):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.count_label = QLabel(self)
        header.addWidget(self.count_label, 1)
        for text, slot, tip in (
            ("Tick All", lambda: self.model.set_all_ticked(True), "Tick every proposal"),
            ("Tick None", lambda: self.model.set_all_ticked(False), "Untick every proposal"),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            header.addWidget(button)
        self.add_button = QPushButton("Add from Selection", self)
        self.add_button.setToolTip(
            "Select a passage in the article, then add it as an event the extraction missed"
        )
        self.add_button.setEnabled(False)
        header.addWidget(self.add_button)
        layout.addLayout(header)

        self.model = ProposalModel(prepared.is_new_actor, self)
        self.model.read_only = prepared.duplicate is not None
        self.delegate = ProposalDelegate(names, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(TICK, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(ACTORS, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(ACTORS, 180)
        head.setSectionResizeMode(CREDIBILITY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(MERGE, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(MERGE, 130)
        head.setMinimumSectionSize(28)
        tick = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        tick.setContext(Qt.ShortcutContext.WidgetShortcut)
        tick.activated.connect(self.toggle_current)
        layout.addWidget(self.table, 1)

        hint = QLabel(
            "Double-click a cell to edit it; Space ticks the selected row. "
            "Actor names in italics are new and will be added to the workspace.",
            self,
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {colour(parent, 'error').name()};")
        self.message.hide()
        layout.addWidget(self.message)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.merge_button = QPushButton(self)
        self.merge_button.hide()
        self.merge_button.clicked.connect(self.merge_current)
        box = QWidget(self)
        box.setMinimumHeight(120)  # room for a quote, a look-alike and the button: no jumping
        detail = QVBoxLayout(box)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.setSpacing(6)
        detail.addWidget(self.detail)
        detail.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail.addStretch(1)
        layout.addWidget(box)

        self.model.refused.connect(self.show_error)
        self.delegate.dateRefused.connect(self.show_error)

    def current_row(self) -> int:
        """The selected proposal's row (-1 when none is)."""
        return self.table.currentIndex().row()

    def show_detail(self, row: int) -> None:
        """Show the quote of the proposal in ``row`` and what importing it will do."""
        self.merge_button.hide()
        if row < 0 or row >= self.model.rowCount():
            self.detail.setText("")
            return
        proposal = self.model.proposal(row)
        parts = [f"<i>“{escape_html(proposal.quote)}”</i>"]
        target = proposal.merge_target()
        if target is not None:
            parts.append(
                f"This article will be cited for <b>{escape_html(target.title)}</b> "
                f"({target.human_when}); no new event is added."
            )
        elif proposal.similar:
            best = proposal.similar[0]
            who = f"; {', '.join(best.actors)}" if best.actors else ""
            parts.append(
                f"Looks like <b>{escape_html(best.title)}</b> ({best.human_when}{escape_html(who)}), "
                "already in the workspace."
            )
            self.merge_button.setText(f"Merge with ‘{elide(best.title, 40)}’")
            self.merge_button.setVisible(not self.model.read_only)
        self.detail.setText("<br>".join(parts))

    def toggle_current(self) -> None:
        """Tick or untick the selected proposal (Space)."""
        row = self.current_row()
        if row >= 0 and not self.model.read_only:
            index = self.model.index(row, TICK)
            ticked = self.model.proposal(row).ticked
            state = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
            self.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)

    def merge_current(self) -> None:
        """Merge the selected proposal into its closest look-alike."""
        row = self.current_row()
        if row >= 0 and self.model.proposal(row).similar:
            target = self.model.proposal(row).similar[0].id
            self.model.setData(self.model.index(row, MERGE), target)

    def show_count(self) -> None:
        """Say how many proposals there are and how many are ticked."""
        proposals = self.model.proposals
        if proposals:
            self.count_label.setText(
                f"<b>Proposed events</b> — {len(self.model.ticked())} of {len(proposals)} ticked"
            )
        else:
            self.count_label.setText(
                "<b>Proposed events</b> — none found; select a passage to add one"
            )

    def show_error(self, text: str) -> None:
        """Explain a refusal under the table."""
        self.message.setText(text)
        self.message.show()
