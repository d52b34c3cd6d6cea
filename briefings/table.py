"""A fast, splittable table of text rows (chronology, sources, actor event lists).

ReportLab's ``Table`` with ``Paragraph`` cells spends most of its time parsing cell markup and
recomputing row heights when it splits. :class:`RowTable` lays every row out once with the
light text engine, then splits by prefix sums: a page break costs nothing. The header row repeats
on every page; a row is only cut when it is taller than a whole page, and then between lines,
never through one; a group row ("November 2024") never ends a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from briefings.text import Line, Piece, TextStyle, Wrapper, draw_lines, lines_height

PAD_X = 3.5


def number_column(title: str, largest: int, faces, size: float = 7.8) -> Column:
    """A right-aligned column just wide enough for numbers up to ``largest`` (and its title)."""
    digits = faces.width("8" * len(str(max(1, largest))), "bold", size)
    head = faces.width(title, "bold", 7.6)
    return Column(title, 0, "right", fixed=max(digits, head) + 2 * PAD_X + 1)


PAD_Y = 2.6


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width left by fixed columns
    align: str = "left"
    fixed: float | None = None  # a width in points instead of a share


@dataclass
class Row:
    """One row: pieces per column, or a full-width ``group`` heading when that is set."""

    cells: Sequence[Sequence[Piece]] = ()
    anchor: str | None = None  # destination bound at the row's top edge
    group: str | None = None
    continued: bool = False  # the rest of a row cut at a page end
    shade: bool = False  # zebra stripe


@dataclass
class _Laid:
    row: Row
    cells: list[list[Line]]
    height: float


@dataclass
class TableLook:
    header: TextStyle
    group: TextStyle
    header_fill: Color
    group_fill: Color
    zebra_fill: Color
    rule: Color
    continued: TextStyle


@dataclass
class _Layout:
    width: float
    widths: list[float]
    rows: list[_Laid] = field(default_factory=list)
    header_lines: list[list[Line]] = field(default_factory=list)
    header_height: float = 0.0


class RowTable(Flowable):
    """Rows of wrapped text with a repeating header; see the module docstring.

    ``max_height`` is the tallest frame the table will meet: rows taller than that (less the
    header) are cut between lines. ``on_layout(done, total)`` is called while rows are laid
    out, for progress and cancellation (it may raise to stop the build).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        wrapper: Wrapper,
        look: TableLook,
        *,
        max_height: float,
        on_layout: Callable[[int, int], None] | None = None,
        _layout: _Layout | None = None,
        _laid: list[_Laid] | None = None,
        _total: float | None = None,
    ):
        super().__init__()
        self.columns = list(columns)
        self.rows = list(rows) if _laid is None else None  # parts keep only their laid rows
        self.wrapper = wrapper
        self.look = look
        self.max_height = max_height
        self.on_layout = on_layout
        self._layout = _layout
        self._laid = _laid
        self._total = _total  # height of the rows, known to parts made by split
        self.rows_drawn = 0

    # ----------------------------------------------------------------- layout

    def _lay_out(self, width: float) -> None:
        if (
            self._layout is not None
            and abs(self._layout.width - width) < 0.01
            and self._laid is not None
        ):
            return
        fixed = sum(c.fixed for c in self.columns if c.fixed)
        total = sum(c.weight for c in self.columns if not c.fixed) or 1.0
        widths = [c.fixed or (width - fixed) * c.weight / total for c in self.columns]
        layout = _Layout(width, widths)
        header = [
            self.wrapper.lines(Piece(col.title, self.look.header), w - 2 * PAD_X)
            for col, w in zip(self.columns, widths, strict=True)
        ]
        layout.header_lines = header
        layout.header_height = max(lines_height(lines) for lines in header) + 2 * PAD_Y
        laid = []
        count = len(self.rows)
        for index, row in enumerate(self.rows):
            laid.append(self._lay_row(row, widths, width))
            if self.on_layout is not None and (index % 200 == 199 or index == count - 1):
                self.on_layout(index + 1, count)
        self._layout, self._laid = layout, laid
        self._total = None

    def _lay_row(self, row: Row, widths: list[float], width: float) -> _Laid:
        if row.group is not None:
            lines = self.wrapper.lines(Piece(row.group, self.look.group), width - 2 * PAD_X)
            return _Laid(row, [lines], lines_height(lines) + 2 * PAD_Y)
        cells = []
        for pieces, w in zip(row.cells, widths, strict=True):
            lines: list[Line] = []
            for piece in pieces:
                if piece.text:
                    lines.extend(self.wrapper.lines(piece, w - 2 * PAD_X))
            cells.append(lines)
        height = max((lines_height(lines) for lines in cells), default=0.0) + 2 * PAD_Y
        return _Laid(row, cells, height)

    def wrap(self, availWidth, availHeight):
        self._lay_out(availWidth)
        self.width = availWidth
        if self._total is None:
            self._total = sum(r.height for r in self._laid)
        self.height = self._layout.header_height + self._total
        return self.width, self.height

    # ------------------------------------------------------------------ split

    def split(self, availWidth, availHeight):
        self._lay_out(availWidth)
        layout, laid = self._layout, self._laid
        room = availHeight - layout.header_height
        used, fit = 0.0, 0
        for item in laid:  # rows that fit; stops at the page end, so splitting stays cheap
            used += item.height
            if used > room + 1e-6:
                break
            fit += 1
        while fit > 0 and laid[fit - 1].row.group is not None:
            fit -= 1  # a group heading goes with its first row
        if len(laid) - fit == 1 and fit >= 3 and laid[fit - 1].row.group is None:
            fit -= 1  # no single row left alone on the next page
        if fit == 0:
            return self._split_row(room, availHeight)
        if fit >= len(laid):
            return [self]
        if self._total is None:
            self._total = sum(r.height for r in laid)
        head = sum(laid[i].height for i in range(fit))
        return [
            self._part(0, fit, total=head),
            self._part(fit, len(laid), total=self._total - head),
        ]

    def _part(
        self, start: int, end: int, laid: list[_Laid] | None = None, total: float | None = None
    ) -> RowTable:
        laid = self._laid[start:end] if laid is None else laid
        return RowTable(
            self.columns,
            (),
            self.wrapper,
            self.look,
            max_height=self.max_height,
            _layout=self._layout,
            _laid=laid,
            _total=total,
        )

    def _split_row(self, room: float, available: float) -> list:
        """Cut the first row between lines when it could never fit on any page.

        Group headings before it stay with its first part.
        """
        lead = 0
        while lead < len(self._laid) and self._laid[lead].row.group is not None:
            lead += 1
        if lead == len(self._laid):
            return []
        first = self._laid[lead]
        room -= sum(r.height for r in self._laid[:lead])
        too_tall = first.height > self.max_height - self._layout.header_height - 1
        if not too_tall or room < 3 * 12:
            return []
        inner = room - 2 * PAD_Y
        head_cells, tail_cells = [], []
        for lines in first.cells:
            used, cut = 0.0, 0
            for line in lines:
                if used + line.height > inner:
                    break
                used += line.height
                cut += 1
            head_cells.append(lines[:cut])
            tail_cells.append(lines[cut:])
        if not any(head_cells):
            return []
        widest = max(range(len(self.columns)), key=lambda i: self._layout.widths[i])
        note = self.wrapper.lines(
            Piece("(continued)", self.look.continued), self._layout.widths[widest] - 2 * PAD_X
        )
        tail_cells[widest] = note + tail_cells[widest]
        for index, lines in enumerate(tail_cells):
            if index != widest and not lines:
                tail_cells[index] = head_cells[index][:2]  # repeat the number and date
        head = _Laid(first.row, head_cells, max(lines_height(c) for c in head_cells) + 2 * PAD_Y)
        tail_row = Row(first.row.cells, None, None, continued=True, shade=first.row.shade)
        tail = _Laid(tail_row, tail_cells, max(lines_height(c) for c in tail_cells) + 2 * PAD_Y)
        rest = [tail, *self._laid[lead + 1 :]]
        return [self._part(0, 0, [*self._laid[:lead], head]), self._part(0, 0, rest)]

    # ------------------------------------------------------------------- draw

    def draw(self):
        canvas = self.canv
        layout = self._layout
        look = self.look
        widths = layout.widths
        y = self.height
        canvas.saveState()
        canvas.setFillColor(look.header_fill)
        canvas.rect(0, y - layout.header_height, self.width, layout.header_height, stroke=0, fill=1)
        text = canvas.beginText()  # every cell's text goes through this one object
        x = 0.0
        for col, w, lines in zip(self.columns, widths, layout.header_lines, strict=True):
            draw_lines(canvas, lines, x + PAD_X, y - PAD_Y, col.align, w - 2 * PAD_X, text)
            x += w
        y -= layout.header_height
        rules = []
        for laid in self._laid:
            top, bottom = y, y - laid.height
            row = laid.row
            if row.group is not None:
                canvas.setFillColor(look.group_fill)
                canvas.rect(0, bottom, self.width, laid.height, stroke=0, fill=1)
                draw_lines(canvas, laid.cells[0], PAD_X, top - PAD_Y, text=text)
            else:
                if row.shade:
                    canvas.setFillColor(look.zebra_fill)
                    canvas.rect(0, bottom, self.width, laid.height, stroke=0, fill=1)
                x = 0.0
                for col, w, lines in zip(self.columns, widths, laid.cells, strict=True):
                    if lines:
                        draw_lines(
                            canvas, lines, x + PAD_X, top - PAD_Y, col.align, w - 2 * PAD_X, text
                        )
                    x += w
            rules.append((0, bottom, self.width, bottom))
            if row.anchor:
                canvas.bookmarkHorizontal(row.anchor, 0, top)
            y = bottom
        canvas.setLineWidth(0.35)
        canvas.setStrokeColor(look.rule)
        canvas.lines(rules)
        canvas.drawText(text)
        canvas.restoreState()
        self.rows_drawn = sum(
            1 for laid in self._laid if laid.row.group is None and not laid.row.continued
        )
