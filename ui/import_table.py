"""The review dialog's proposals table: the model and its in-place editors.

Columns: tick, date, event title, actors, claim credibility (1–6), merge target. Dates are
checked as they are typed (``models.dates``, people's forms such as "14 Nov 2024" too) and a
date that does not parse is refused in place: the cell keeps its value and ``refused``
carries the message, which lists the accepted forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QRect,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
)

from models import dates
from ui.import_prep import CREDIBILITY, Proposal

TICK, DATE, TITLE, ACTORS, CREDIBILITY_COLUMN, MERGE = range(6)
HEADERS = ("", "Date", "Event", "Actors", "Credibility", "Merge with")
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(label, value)] for the combo-box editors
NEW_ACTORS_ROLE = Qt.ItemDataRole.UserRole + 2  # names the workspace does not know yet
NOT_RATED = "Not rated"
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_SPLIT_NAMES = re.compile(r"\s*[,;]\s*")


def parse_when(text: str) -> str:
    """The stored form of a date typed in a cell; raises DateError with the accepted forms."""
    return dates.parse_loose(text).edtf()


SHORT_CREDIBILITY = {
    1: "Confirmed",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Cannot judge",
}


def credibility_label(value: int | None, short: bool = False) -> str:
    if not value:
        return NOT_RATED
    return f"{value} · {(SHORT_CREDIBILITY if short else CREDIBILITY)[value]}"


class ProposalModel(QAbstractTableModel):
    """Proposals of one article, editable in place; ``refused`` says why an edit was not taken."""

    refused = Signal(str)
    edited = Signal()

    def __init__(self, is_new_actor: Callable[[str], bool] | None = None, parent=None):
        super().__init__(parent)
        self.proposals: list[Proposal] = []
        self._is_new = is_new_actor or (lambda name: False)
        self.read_only = False

    # ------------------------------------------------------------------ contents

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.beginResetModel()
        self.proposals = list(proposals)
        self.endResetModel()

    def proposal(self, row: int) -> Proposal:
        return self.proposals[row]

    def set_all_ticked(self, ticked: bool) -> None:
        for proposal in self.proposals:
            proposal.ticked = ticked
        if self.proposals:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.proposals) - 1, MERGE))
            self.edited.emit()

    def ticked(self) -> list[Proposal]:
        return [p for p in self.proposals if p.ticked]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.proposals)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "Tick the events to import",
                "When it happened (double-click to edit: 2024-11-14, 2024-11, 14 Nov 2024…)",
                "A short title saying what happened",
                "Actors involved, separated by commas; new names become new actors",
                "How credible this claim is (1 confirmed … 5 improbable, 6 cannot be judged)",
                "Cite this article for an event already in the workspace instead of adding one",
            )[section]
        return None

    # ------------------------------------------------------------------ display

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.read_only:
            return base
        column = index.column()
        proposal = self.proposals[index.row()]
        if column == TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column in (DATE, TITLE, ACTORS) and proposal.merge_into is not None:
            return base
        if column == MERGE and not proposal.similar:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        proposal = self.proposals[index.row()]
        column = index.column()
        target = proposal.merge_target()
        if role == Qt.ItemDataRole.CheckStateRole and column == TICK:
            return Qt.CheckState.Checked if proposal.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(proposal, column, target)
        if role == Qt.ItemDataRole.EditRole:
            return {
                DATE: proposal.when,
                TITLE: proposal.title,
                ACTORS: ", ".join(proposal.actors),
                CREDIBILITY_COLUMN: proposal.credibility,
                MERGE: proposal.merge_into,
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(proposal, column, target)
        if role == NEW_ACTORS_ROLE and column == ACTORS and target is None:
            return [n for n in proposal.actors if self._is_new(n)]
        if role == CHOICES_ROLE:
            if column == CREDIBILITY_COLUMN:
                return [(NOT_RATED, None)] + [(credibility_label(k), k) for k in CREDIBILITY]
            if column == MERGE:
                return [("New event", None)] + [
                    (f"{s.title} ({s.human_when})", s.id) for s in proposal.similar
                ]
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QGuiApplication.palette()
            if not proposal.ticked or (target is not None and column in (DATE, TITLE, ACTORS)):
                return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if column == DATE and not proposal.when:
                return QColor("#d9534f")
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == MERGE
            and proposal.ticked
            and proposal.similar
            and target is None
        ):
            return QColor(240, 173, 78, 70)  # amber wash: may duplicate an event
        if role == Qt.ItemDataRole.FontRole and target is not None and column in (DATE, TITLE):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, proposal: Proposal, column: int, target) -> str | None:
        if column == DATE:
            if target is not None:
                return target.human_when
            return proposal.human_when if proposal.when else "Date needed"
        if column == TITLE:
            return target.title if target is not None else proposal.title
        if column == ACTORS:
            if target is not None:
                return ", ".join(target.actors)
            return ", ".join(proposal.actors)
        if column == CREDIBILITY_COLUMN:
            return credibility_label(proposal.credibility, short=True)
        if column == MERGE:
            if target is not None:
                return f"Same as: {target.title}"
            if proposal.similar:
                count = len(proposal.similar)
                return "Possible duplicate" + (f" ({count})" if count > 1 else "")
            return ""
        return None

    def _tooltip(self, proposal: Proposal, column: int, target) -> str | None:
        if column == DATE:
            return f"{proposal.when}: {proposal.human_when}" if proposal.when else "Type a date"
        if column == ACTORS:
            new = [n for n in proposal.actors if self._is_new(n)]
            if new:
                return "New actors (in italics) will be added to the workspace: " + ", ".join(new)
            return None
        if column == MERGE and proposal.similar:
            lines = [
                f"{s.title} — {s.human_when}" + (f" — {', '.join(s.actors)}" if s.actors else "")
                for s in proposal.similar
            ]
            return "Events already in the workspace that look the same:\n" + "\n".join(lines)
        if column == TITLE:
            return proposal.quote
        return None

    # ------------------------------------------------------------------ editing

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        proposal = self.proposals[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == TICK:
            proposal.ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            left, right = self.index(index.row(), 0), self.index(index.row(), MERGE)
            self.dataChanged.emit(left, right)
            self.edited.emit()
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            changed = self._set(proposal, column, value)
        except dates.DateError as error:
            self.refused.emit(f"The date was not changed. {error}")
            return False
        except ValueError as error:
            self.refused.emit(str(error))
            return False
        if changed:
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), MERGE))
            self.edited.emit()
        return True

    def _set(self, proposal: Proposal, column: int, value) -> bool:
        if column == DATE:
            when = parse_when(str(value or ""))
            if when == proposal.when:
                return False
            proposal.when = when
            proposal.edited.add("when")
        elif column == TITLE:
            title = " ".join(str(value or "").split())
            if not title:
                raise ValueError("The title was not changed: an event needs a few words.")
            if title == proposal.title:
                return False
            proposal.title = title
            proposal.edited.add("title")
        elif column == ACTORS:
            names = []
            for name in _SPLIT_NAMES.split(str(value or "").strip()):
                name = " ".join(name.split())
                if name and name.casefold() not in (n.casefold() for n in names):
                    names.append(name)
            if names == proposal.actors:
                return False
            proposal.actors = names
            proposal.edited.add("actors")
        elif column == CREDIBILITY_COLUMN:
            value = int(value) if value not in (None, "", 0) else None
            if value is not None and value not in CREDIBILITY:
                raise ValueError("Credibility is a grade from 1 to 6.")
            proposal.credibility = value
        elif column == MERGE:
            value = int(value) if value not in (None, "") else None
            if value is not None and value not in {s.id for s in proposal.similar}:
                raise ValueError("That event is not among the possible duplicates.")
            proposal.merge_into = value
        else:
            return False
        return True


# ---------------------------------------------------------------------- editors


class DateEditor(QLineEdit):
    """A line edit showing, at its right end, the date as people read it; checked as typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText("2024-11-14, 2024-11, 14 Nov 2024…")
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.textChanged.connect(self._check)
        self.error = ""
        self._check("")

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.selectAll()
        self._check(text)

    def valid(self) -> bool:
        return not self.error

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_preview()

    def _place_preview(self) -> None:
        width = min(self.preview.sizeHint().width() + 8, self.width() // 2)
        self.preview.setGeometry(self.width() - width - 4, 0, width, self.height())
        self.setTextMargins(0, 0, width, 0)

    def _check(self, text: str) -> None:
        try:
            human = dates.parse_loose(text).human()
        except dates.DateError as error:
            self.error = str(error)
            self.preview.setText("not a date")
            self.preview.setStyleSheet("color: #d9534f;")
            self.setToolTip(self.error)
        else:
            self.error = ""
            self.preview.setText(f"→ {human}")
            self.preview.setStyleSheet("")
            self.setToolTip("")
        self._place_preview()


class _NamesCompleter(QCompleter):
    """Completes the name after the last comma, keeping the names before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [_SPLIT_NAMES.split(path)[-1].lstrip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802
        chosen = super().pathFromIndex(index)
        typed = self.widget().text() if self.widget() is not None else ""
        head = [p for p in _SPLIT_NAMES.split(typed)[:-1] if p.strip()]
        return ", ".join([*head, chosen])


class ProposalDelegate(QStyledItemDelegate):
    """In-place editors: date with preview, actor names with completion, combo boxes."""

    dateRefused = Signal(str)

    def __init__(self, names: list[str] | None = None, parent=None):
        super().__init__(parent)
        self._names = QStringListModel(names or [], self)

    def set_names(self, names: list[str]) -> None:
        self._names.setStringList(names)

    def paint(self, painter, option, index) -> None:
        """Actor cells show the names the workspace does not know yet in italics."""
        new = index.data(NEW_ACTORS_ROLE) if index.column() == ACTORS else None
        if not new:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        rect = rect.adjusted(3, 0, -3, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(option.palette.color(role))
        x = rect.left()
        names = text.split(", ")
        plain, italic = QFont(option.font), QFont(option.font)
        italic.setItalic(True)
        for position, name in enumerate(names):
            piece = name + (", " if position < len(names) - 1 else "")
            font = italic if name in new else plain
            painter.setFont(font)
            metrics = QFontMetrics(font)
            if x + metrics.horizontalAdvance(piece) > rect.right():
                painter.drawText(
                    QRect(x, rect.top(), rect.right() - x, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    metrics.elidedText(piece, Qt.TextElideMode.ElideRight, rect.right() - x),
                )
                break
            painter.drawText(
                QRect(x, rect.top(), rect.right() - x, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                piece,
            )
            x += metrics.horizontalAdvance(piece)
        painter.restore()

    def createEditor(self, parent, option, index):  # noqa: N802
        column = index.column()
        if column == DATE:
            return DateEditor(parent)
        if column in (CREDIBILITY_COLUMN, MERGE):
            combo = QComboBox(parent)
            for label, value in index.data(CHOICES_ROLE) or []:
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
            return combo
        editor = QLineEdit(parent)
        if column == ACTORS:
            completer = _NamesCompleter(self._names, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
            editor.setPlaceholderText("Names separated by commas")
        return editor

    def _commit_and_close(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEditor):
            editor.setText(value or "")
        elif isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
        else:
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, DateEditor):
            model.setData(index, editor.text())  # the model refuses a bad date, with reasons
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            model.setData(index, editor.text())

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802
        rect = QRect(option.rect)
        if isinstance(editor, DateEditor):
            rect.setWidth(max(rect.width(), 260))  # room for the human reading beside
        editor.setGeometry(rect)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter or Tab on a date that does not parse: keep editing and say why."""
        if (
            isinstance(watched, DateEditor)
            and not watched.valid()
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _COMMIT_KEYS
        ):
            self.dateRefused.emit(f"The date was not changed. {watched.error}")
            return True
        return super().eventFilter(watched, event)
