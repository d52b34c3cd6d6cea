"""The pack's sections as flowables: cover, contents, key judgments, timeline, chronology,
actor annex and sources. Every piece of user text goes through the typeface's escaping and
font fallback (``faces.markup`` for paragraphs, the light text engine for table cells).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from briefings import judgments
from briefings.bidi import isolate
from briefings.chart import ChartPainter
from briefings.data import BriefingData
from briefings.definition import TLP_MEANING, Pack, section_title
from briefings.document import ContentsEntry, ContentsList, Heading, accent_rule
from briefings.paragraph import Paragraph
from briefings.styles import ACCENT, PANEL, RULE, Geometry, Styles
from briefings.table import Column, Row, RowTable, number_column
from briefings.text import Piece, Wrapper
from models import dates, schema

ACTOR_EVENTS_MAX = 40
RELIABILITY = schema.RELIABILITY_MEANING
CREDIBILITY = schema.CREDIBILITY_MEANING
CONFIDENCE = {"high": "High", "moderate": "Mod.", "low": "Low", "": "–"}


@dataclass
class Context:
    """What every section needs to build its flowables."""

    pack: Pack
    styles: Styles
    wrapper: Wrapper
    geometry: Geometry
    day_text: str
    dtg: str
    multi: bool  # several briefings: they get their own heading level
    day: dt.date | None = None  # the pack's date (relative windows end on it)
    on_layout: object = None  # progress hook for big tables: (rows done, rows)
    step: object = None  # progress hook between parts: (message)

    @property
    def faces(self):
        return self.styles.faces

    def frame_height(self) -> float:
        return self.geometry.frame(self.geometry.portrait)[3]

    def frame_width(self, landscape: bool = False) -> float:
        size = self.geometry.landscape if landscape else self.geometry.portrait
        return self.geometry.frame(size)[2]


class AccentRule(Flowable):
    def __init__(self, width: float = 64.0, thickness: float = 2.4):
        super().__init__()
        self.width, self.height, self.thickness = width, thickness + 2, thickness

    def draw(self):
        accent_rule(self.canv, 0, 0, self.width, self.thickness)


def p(ctx: Context, text: str, style, variant: str = "regular") -> Paragraph:
    """A paragraph of user text: escaped, with fallback fonts."""
    return Paragraph(ctx.faces.markup(text, variant), style)


# ------------------------------------------------------------------------- front matter


def cover(ctx: Context, datas: list[BriefingData]) -> list:
    pack, styles = ctx.pack, ctx.styles
    out: list = [Spacer(1, 70)]
    if pack.organisation:
        out += [p(ctx, pack.organisation.upper(), styles.cover_org, "bold"), Spacer(1, 6)]
    out += [AccentRule(), Spacer(1, 22), p(ctx, pack.title, styles.cover_title, "bold")]
    if pack.subtitle:
        out.append(p(ctx, pack.subtitle, styles.cover_subtitle))
    out.append(Spacer(1, 30))
    events = sum(len(d.events) for d in datas)
    sources = sum(len(d.sources) for d in datas)
    rows = [
        ("Prepared by", pack.author),
        ("Organisation", pack.organisation),
        ("Date", ctx.day_text),
        ("DTG", ctx.dtg),
        ("Reference", pack.reference),
        ("Version", pack.version),
    ]
    if len(datas) == 1:
        rows.append(("Scope", datas[0].scope_text))
    else:
        rows.append(
            ("Briefings", "; ".join(d.briefing.title or f"Briefing {d.index}" for d in datas))
        )
    rows.append(("Holdings", f"{events:,} events from {sources:,} sources"))
    cells = [
        [p(ctx, label, styles.cover_label, "bold"), p(ctx, value, styles.cover_field)]
        for label, value in rows
        if value
    ]
    table = Table(cells, colWidths=[88, ctx.frame_width() - 88], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    out += [table, Spacer(1, 34)]
    meaning = TLP_MEANING.get(pack.marking.strip().upper())
    if meaning:
        box = Table(
            [
                [p(ctx, pack.marking.strip().upper(), styles.cover_label, "bold")],
                [p(ctx, meaning, styles.marking_note)],
            ],
            colWidths=[ctx.frame_width()],
            hAlign="LEFT",
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.4, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        out.append(box)
    return out


def contents(ctx: Context, entries: list[ContentsEntry]) -> list:
    return [Paragraph("Contents", ctx.styles.contents_title), ContentsList(entries, ctx.wrapper)]


def briefing_head(ctx: Context, data: BriefingData, entries: list[ContentsEntry]) -> list:
    """The briefing's own heading (packs of several) and its scope line."""
    out: list = []
    if ctx.multi:
        title = data.briefing.title or f"Briefing {data.index}"
        key = data.key("top")
        entries.append(ContentsEntry(0, title, key))
        out.append(
            Heading(ctx.faces.markup(title, "bold"), ctx.styles.h1, key=key, title=title, level=0)
        )
    count = f"{len(data.events):,} event{'s' if len(data.events) != 1 else ''}"
    srcs = f"{len(data.sources):,} source{'s' if len(data.sources) != 1 else ''}"
    out.append(
        Paragraph(
            f"<b>Scope:</b> {ctx.faces.markup(data.scope_text)}. {count}, {srcs}.", ctx.styles.scope
        )
    )
    return out


def section_heading(
    ctx: Context, data: BriefingData, key: str, entries: list[ContentsEntry]
) -> Heading:
    title = section_title(key)
    level = 1 if ctx.multi else 0
    anchor = data.key(key)
    entries.append(ContentsEntry(level, title, anchor))
    return Heading(
        ctx.faces.markup(title, "bold"), ctx.styles.h2, key=anchor, title=title, level=level
    )


def empty_note(ctx: Context, data: BriefingData) -> Paragraph:
    return Paragraph(
        f"No events match the scope of this briefing ({ctx.faces.markup(data.scope_text)}). "
        "Widen the date window, choose other actors or tags, or lower the minimum confidence, "
        "then rebuild the pack.",
        ctx.styles.note,
    )


def empty_pack(ctx: Context, datas: list[BriefingData]) -> list:
    """The one-page note a pack with no events at all becomes."""
    styles = ctx.styles
    out: list = [p(ctx, ctx.pack.title, styles.h1, "bold"), Spacer(1, 6)]
    out.append(
        Paragraph(
            "<b>Nothing to brief.</b> No events in the workspace match this pack's scope, so the "
            "pack holds no timeline, chronology, actors or sources.",
            styles.body,
        )
    )
    for data in datas:
        name = data.briefing.title or (
            ctx.pack.title if len(datas) == 1 else f"Briefing {data.index}"
        )
        out.append(
            Paragraph(
                f"<b>{ctx.faces.markup(name, 'bold')}:</b> {ctx.faces.markup(data.scope_text)}.",
                styles.body,
            )
        )
    out.append(
        Paragraph(
            "Widen the date window, choose other actors or tags, or lower the minimum confidence, "
            "then rebuild the pack.",
            styles.note,
        )
    )
    return out


# ------------------------------------------------------------------------------ sections


def key_judgments(ctx: Context, data: BriefingData) -> list:
    text = data.briefing.key_judgments or ""
    body = judgments.flowables(text, ctx.styles)
    if not body:
        return [Paragraph("No key judgments were written for this briefing.", ctx.styles.note)]
    return [*body, Spacer(1, 10), judgments.estimative_key(ctx.styles, ctx.frame_width())]


def timeline(
    ctx: Context, data: BriefingData, heading: Heading, window, numbered: bool, lead: list
) -> list:
    """Landscape pages: ``lead`` (a briefing's own heading) and the heading on the first, then
    one drawing per time segment."""
    width = ctx.frame_width(landscape=True)
    height = ctx.geometry.frame(ctx.geometry.landscape)[3]
    above = 0.0
    for flowable in [*lead, heading]:
        above += (
            flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        )
    painter = ChartPainter(data, ctx.faces, numbered=numbered)
    tick = None
    if ctx.step is not None:

        def tick(done, total):
            ctx.step(f"Drawing the timeline ({done} of {total} pages)")

    drawings = painter.pages(width, height - above - 4, height - 2, window, tick)
    out: list = [NextPageTemplate("chart"), PageBreak(), *lead, heading]
    for index, drawing in enumerate(drawings):
        if index:
            out.append(PageBreak())
        out.append(drawing)
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def _grouping(data: BriefingData) -> str:
    """Group the chronology by month when months hold a few events each, else by year."""
    months = {(w.start.year, w.start.month) for w in data.whens.values() if w.start is not None}
    return "month" if len(data.events) >= 2 * max(1, len(months)) else "year"


def _group_label(when: dates.When, by: str) -> tuple[str, str]:
    start = when.start
    if start is None:
        return "open", "Open start"
    if by == "year" or start.precision == "year":
        return f"{start.year}", f"{start.year}"
    return f"{start.year}-{start.month:02d}", f"{calendar.month_name[start.month]} {start.year}"


def chronology(ctx: Context, data: BriefingData, anchors: bool, link_sources: bool) -> list:
    s = ctx.styles
    columns = [
        number_column("#", len(data.events), ctx.faces),
        Column("Date", 13.5),
        Column("Event", 48.5),
        Column("Actors", 15.5),
        Column("Conf.", 6.3),
        Column("Sources", 10.5),
    ]
    rows: list[Row] = []
    group = None
    by = _grouping(data)
    for index, event in enumerate(data.events):
        if ctx.step is not None and index and index % 2000 == 0:
            ctx.step(f"Assembling the chronology ({index:,} of {len(data.events):,})")
        key, label = _group_label(data.whens[event.id], by)
        if key != group:
            group = key
            rows.append(Row(group=label))
        what = [Piece(event.title, s.cell_bold)]
        if event.description.strip():
            what.append(Piece(" ".join(event.description.split()), s.cell_desc))
        if event.location:
            what.append(Piece(event.location, s.cell_place))
        actors = [
            Piece(isolate(a.name) + f" ({a.role})" if a.role else a.name, s.cell)
            for a in event.actors
        ]
        notes = [
            Piece(
                f"[{c.number}] {c.reliability or '–'}{c.credibility or '–'}",
                s.cell_link if link_sources else s.cell,
                link=data.key(f"src-{c.number}") if link_sources else None,
            )
            for c in data.citations.get(event.id, [])
        ]
        rows.append(
            Row(
                cells=[
                    [Piece(str(data.row_numbers[event.id]), s.cell_number)],
                    [Piece(event.human_when, s.cell)],
                    what,
                    actors or [Piece("–", s.cell_small)],
                    [Piece(CONFIDENCE.get(event.confidence, "–"), s.cell)],
                    notes or [Piece("none", s.cell_small)],
                ],
                anchor=data.key(f"ev-{event.id}") if anchors else None,
                shade=data.row_numbers[event.id] % 2 == 0,
            )
        )
    intro = Paragraph(
        "Events in date order, numbered as on the timeline. Dates keep their precision "
        "(<i>c.</i> marks an approximate date, <i>?</i> an uncertain one). Sources give the "
        "endnote number, then the source's reliability (A–F) and the information's credibility "
        "(1–6).",
        s.note,
    )
    table = RowTable(
        columns, rows, ctx.wrapper, s.look, max_height=ctx.frame_height(), on_layout=ctx.on_layout
    )
    return [intro, table]


def actors(ctx: Context, data: BriefingData, linked: bool) -> list:
    s = ctx.styles
    by_actor: dict[int, list] = {}
    for event in data.events:
        for a in event.actors:
            by_actor.setdefault(a.actor_id, []).append((event, a.role))
    out: list = []
    for actor in sorted(data.actors, key=lambda a: a.name.casefold()):
        events = by_actor.get(actor.id, [])
        colour = data.colours.get(actor.id, "#5f6b7a")
        head = Paragraph(
            f'<font color="{colour}">{ctx.faces.markup("■")}</font> '
            # An Arabic or Hebrew name heads its table as any other: on the left.
            f"{ctx.faces.markup(isolate(actor.name), 'bold')}",
            s.h3,
        )
        facts = [actor.kind.capitalize()]
        if actor.country:
            facts.append(f"country: {actor.country}")
        if actor.aliases:
            facts.append("also known as " + ", ".join(isolate(a) for a in actor.aliases))
        facts.append(f"{len(events)} event{'s' if len(events) != 1 else ''} in this briefing")
        block = [head, Paragraph(ctx.faces.markup(" · ".join(facts)), s.small)]
        if actor.notes.strip():
            block.append(Spacer(1, 3))
            block += [
                p(ctx, para.strip(), s.body) for para in actor.notes.split("\n\n") if para.strip()
            ]
        roles = any(role for _, role in events)
        rows = []
        for position, (event, role) in enumerate(events[:ACTOR_EVENTS_MAX]):
            number = data.row_numbers[event.id]
            link = data.key(f"ev-{event.id}") if linked else None
            cells = [
                [Piece(str(number), s.cell_link if linked else s.cell_number, link=link)],
                [Piece(event.human_when, s.cell)],
                [Piece(event.title, s.cell)],
            ]
            if roles:
                cells.append([Piece(role or "", s.cell_small)])
            rows.append(Row(cells=cells, shade=position % 2 == 1))
        columns = [
            number_column("#", len(data.events), ctx.faces),
            Column("Date", 17),
            Column("Event", 58),
        ]
        if roles:
            columns.append(Column("Role", 19.5))
        table = RowTable(columns, rows, ctx.wrapper, s.light_look, max_height=ctx.frame_height())
        block += [Spacer(1, 4)]
        out.append(CondPageBreak(120))
        out.append(KeepTogether(block))
        out.append(table)
        if len(events) > ACTOR_EVENTS_MAX:
            more = len(events) - ACTOR_EVENTS_MAX
            out.append(
                Paragraph(
                    f"… and {more:,} more event{'s' if more != 1 else ''}; "
                    "the chronology lists them all.",
                    s.small,
                )
            )
        out.append(Spacer(1, 10))
    if not out:
        out.append(Paragraph("No actors are linked to the events in this briefing.", s.note))
    return out


def sources(ctx: Context, data: BriefingData) -> list:
    s = ctx.styles
    out: list = [
        Paragraph(
            "Numbered in order of first citation in the chronology. <b>Source reliability</b> "
            "(Admiralty scale): "
            + "; ".join(f"{k} {v.lower()}" for k, v in RELIABILITY.items())
            + ". <b>Information credibility</b>, given per citation in the chronology: "
            + "; ".join(f"{k} {v.lower()}" for k, v in CREDIBILITY.items())
            + ".",
            s.note,
        )
    ]
    if not data.sources:
        out.append(Paragraph("None of the events in this briefing cites a source.", s.note))
        return out
    rows = []
    for source in data.sources:
        number = data.source_numbers[source.id]
        pieces = [Piece(source.title or source.file_name or "Untitled source", s.cell_bold)]
        byline = " · ".join(
            isolate(x) for x in (source.publisher, source.author, _published(source.published)) if x
        )
        if byline:
            pieces.append(Piece(byline, s.cell_desc))
        where = source.url or source.file_name
        if where:
            pieces.append(Piece(where, s.cell_place))
        cited = data.cited_by.get(source.id, [])
        refs = ", ".join(f"{row}" + (f" ({cred})" if cred else "") for row, cred in cited[:30])
        if len(cited) > 30:
            refs += f" and {len(cited) - 30} more"
        pieces.append(Piece(f"Cited by chronology entries {refs}", s.cell_small))
        grade = source.reliability
        rows.append(
            Row(
                cells=[
                    [Piece(str(number), s.cell_bold)],
                    pieces,
                    [
                        Piece(grade or "–", s.cell_bold),
                        Piece(RELIABILITY.get(grade, "Not graded"), s.cell_small),
                    ],
                ],
                anchor=data.key(f"src-{number}"),
                shade=number % 2 == 0,
            )
        )
    columns = [
        number_column("No.", len(data.sources), ctx.faces),
        Column("Source", 75),
        Column("Reliability", 20),
    ]
    out.append(
        RowTable(
            columns,
            rows,
            ctx.wrapper,
            s.look,
            max_height=ctx.frame_height(),
            on_layout=ctx.on_layout,
        )
    )
    return out


def _published(text: str) -> str:
    if not text:
        return ""
    day = text[:10]
    try:
        return dates.parse(day).human()
    except dates.DateError:
        return text
