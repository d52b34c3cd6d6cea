"""Building a pack: read, assemble, lay out once, write atomically.

:func:`build_pack` is what the dialog (off the GUI thread), the command line and the benchmark
call. The PDF is written to a temporary file beside the target and renamed over it only when
complete, so a failed or cancelled build never leaves half a file, and an older pack of the
same name survives until the new one is whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak

from briefings import data as briefing_data
from briefings import judgments, sections
from briefings.definition import Pack, dtg, ordered_sections, section_title
from briefings.document import ContentsEntry, Furniture, PackCanvas, PackDocTemplate
from briefings.fonts import Typeface
from briefings.styles import Styles, geometry
from briefings.table import RowTable
from briefings.text import Wrapper
from models import dates
from models.errors import AnnalistError
from models.store import Workspace

Progress = Callable[[float, str], None]


class BuildCancelled(Exception):
    """The user stopped the build; nothing was written."""


class PackWriteError(AnnalistError):
    """The PDF could not be written where asked (folder missing, not writable, file in use)."""


@dataclass
class BuildResult:
    """What a build made."""

    path: Path
    pages: int
    events: int
    sources: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    per_briefing: list[int] = field(default_factory=list)


class _Reporter:
    """Progress in fractions of the whole build, and the cancellation check."""

    def __init__(self, progress: Progress | None, cancel):
        self.progress = progress
        if cancel is None:
            self.cancelled = lambda: False
        elif hasattr(cancel, "is_set"):
            self.cancelled = cancel.is_set
        else:
            self.cancelled = cancel
        self.total = 1
        self.done = 0
        self._last = 0.0
        self._message = ""

    def check(self) -> None:
        if self.cancelled():
            raise BuildCancelled("The briefing pack was not built: cancelled.")

    def say(self, fraction: float, message: str) -> None:
        self.check()
        fraction = max(fraction, self._last)  # never backwards
        news = message != self._message or fraction - self._last >= 0.005 or fraction >= 1.0
        if self.progress is not None and news:
            self._last, self._message = fraction, message
            self.progress(min(1.0, fraction), message)

    @property
    def message(self) -> str:
        return self._message

    def step(self, message: str) -> None:
        """News without progress (assembling parts whose share is not known yet)."""
        self.say(self._last, message)

    def advance(self, units: int, message: str) -> None:
        self.done += units
        self.say(0.12 + 0.78 * min(1.0, self.done / self.total), message)


def fixed_moment() -> dt.datetime:
    """The build time for reproducible output: ``SOURCE_DATE_EPOCH`` or 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else 946684800
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def build_pack(
    ws: Workspace,
    pack: Pack,
    output: str | os.PathLike,
    *,
    progress: Progress | None = None,
    cancel=None,
    invariant: bool = False,
    now: dt.datetime | None = None,
) -> BuildResult:
    """Build ``pack`` from ``ws`` into the PDF ``output``.

    ``progress(fraction, message)`` is called as the build goes; ``cancel`` is a
    ``threading.Event`` or a callable returning True to stop (raises :class:`BuildCancelled`).
    ``invariant`` makes the file byte-identical for identical input (fixed ids and dates; the
    build time then comes from :func:`fixed_moment` unless ``now`` is given). Raises
    :class:`PackWriteError` when the file cannot be written and the input errors of
    :meth:`Pack.check`; nothing is left behind on any failure.
    """
    started = time.perf_counter()
    reporter = _Reporter(progress, cancel)
    pack.check(ws)
    target = _target(Path(output))
    moment = now or (fixed_moment() if invariant else dt.datetime.now(dt.UTC))
    day = pack.day(moment)
    faces = Typeface()
    styles = Styles(faces)
    wrapper = Wrapper(faces)
    geo = geometry(pack.page_size)

    reporter.say(0.0, "Reading events")
    datas = []
    for index, briefing in enumerate(pack.briefings, 1):

        def tick(done, total, index=index):
            reporter.say(
                0.1 * (index - 1 + done / max(1, total)) / len(pack.briefings),
                f"Reading events ({done:,} of {total:,})",
            )

        datas.append(briefing_data.load(ws, briefing, index, day, tick))

    ctx = sections.Context(
        pack=pack,
        styles=styles,
        wrapper=wrapper,
        geometry=geo,
        day_text=dates.parse(day.isoformat()).human(),
        dtg=pack.dtg or ("" if pack.date else dtg(moment)),
        multi=len(datas) > 1,
        day=day,
    )
    ctx.on_layout = lambda done, total: reporter.advance(
        1 if done % 200 else 200, f"Laying out rows ({done:,} of {total:,})"
    )
    ctx.step = reporter.step
    reporter.say(0.1, "Assembling the pack")
    notes: list[str] = []
    story, units = _story(ctx, datas, notes)
    reporter.total = max(1, units)

    furniture = Furniture(
        faces=faces,
        marking=pack.marking.strip() or "TLP:CLEAR",
        short_title=pack.short_title or pack.title,
        right_header=" · ".join(x for x in (ctx.day_text, ctx.dtg) if x),
        footer=" · ".join(x for x in (pack.organisation, pack.reference) if x)
        or "Annalist briefing",
    )
    temporary = _temporary(target)
    canvas_box: dict = {}

    def make_canvas(*args, **kwargs):
        canvas = PackCanvas(*args, furniture=furniture, **kwargs)
        canvas.showOutline()
        canvas.on_save_page = lambda n, total: reporter.say(
            0.9 + 0.09 * n / total,
            f"Writing page {n} of {total}" if n < total else "Saving the file",
        )
        canvas_box["canvas"] = canvas
        return canvas

    def after_flowable(flowable):
        rows = getattr(flowable, "rows_drawn", 0) if isinstance(flowable, RowTable) else 0
        reporter.advance(rows if rows else 1, reporter.message or "Laying out pages")

    doc = PackDocTemplate(
        temporary,
        geo,
        after_flowable=after_flowable,
        after_page=lambda page: reporter.advance(0, f"Laying out page {page + 1}"),
        title=pack.title,
        author=pack.author or pack.organisation,
        subject=pack.subtitle or "Scope: " + "; ".join(d.scope_text for d in datas),
        keywords=_keywords(pack, datas),
        creator="Annalist",
        invariant=1 if invariant else 0,
        lang="en",
        displayDocTitle=1,
    )
    try:
        doc.build(story, canvasmaker=make_canvas)
        reporter.check()
        _replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    canvas = canvas_box["canvas"]
    warnings = list(faces.warnings) + notes
    missing = faces.missing_warning()
    if missing:
        warnings.append(missing)
    reporter.say(1.0, "Done")
    return BuildResult(
        path=target,
        pages=canvas.pages_written,
        events=sum(len(d.events) for d in datas),
        sources=sum(len(d.sources) for d in datas),
        seconds=time.perf_counter() - started,
        warnings=warnings,
        per_briefing=[len(d.events) for d in datas],
    )


def _story(
    ctx: sections.Context, datas: list[briefing_data.BriefingData], warnings: list[str]
) -> tuple[list, int]:
    """All flowables in order, and the work units progress counts them in."""
    pack = ctx.pack
    if all(d.empty for d in datas):
        return sections.empty_pack(ctx, datas), 1
    entries: list[ContentsEntry] = []
    body: list = []
    units = 0
    for data in datas:
        head = sections.briefing_head(ctx, data, entries)  # goes on the first section's page
        if data.empty:
            body += [*head, sections.empty_note(ctx, data), PageBreak()]
            continue
        keys = ordered_sections(data.briefing.sections)
        if "key_judgments" in keys and not judgments.blocks(data.briefing.key_judgments):
            keys.remove("key_judgments")
            name = data.briefing.title or pack.title
            warnings.append(f"'{name}' has no key judgments written, so that section was left out.")
        first = True
        for key in keys:
            if ctx.step is not None:
                ctx.step(f"Assembling the {section_title(key).lower()}")
            heading = sections.section_heading(ctx, data, key, entries)
            if key == "timeline":
                window = data.briefing.scope.window(ctx.day)
                body += sections.timeline(ctx, data, heading, window, "chronology" in keys, head)
                head, first = [], True
                units += 20
                continue
            if not first:
                body.append(PageBreak())
            first = False
            body += [*head, heading]
            head = []
            if key == "key_judgments":
                body += sections.key_judgments(ctx, data)
            elif key == "chronology":
                body += sections.chronology(
                    ctx, data, anchors="actors" in keys, link_sources="sources" in keys
                )
                units += 2 * len(data.events)
            elif key == "actors":
                body += sections.actors(ctx, data, linked="chronology" in keys)
                units += len(data.actors) * 4
            elif key == "sources":
                body += sections.sources(ctx, data)
                units += 2 * len(data.sources)
        if body and not isinstance(body[-1], PageBreak):
            body.append(PageBreak())
    while body and isinstance(body[-1], PageBreak | NextPageTemplate):
        body.pop()
    front: list = []
    if pack.cover:
        front += [
            NextPageTemplate("cover"),
            *sections.cover(ctx, datas),
            NextPageTemplate("body"),
            PageBreak(),
        ]
    if pack.contents and entries:
        front += [*sections.contents(ctx, entries), PageBreak()]
    return _tidy([NextPageTemplate("body"), *front, *body]), units + len(body)


def _tidy(story: list) -> list:
    """Drop a page break that would leave a blank page before a change of template."""
    out: list = []
    for flowable in story:
        if (
            isinstance(flowable, PageBreak)
            and len(out) >= 2
            and isinstance(out[-1], NextPageTemplate)
            and isinstance(out[-2], PageBreak)
        ):
            out.pop(-2)
        out.append(flowable)
    return out


def _keywords(pack: Pack, datas) -> str:
    words = [pack.marking.strip()]
    for data in datas:
        words += [a.name for a in data.actors[:8]]
        words += list(data.briefing.scope.tags)
    seen, out = set(), []
    for word in words:
        if word and word not in seen:
            seen.add(word)
            out.append(word)
    return ", ".join(out)


# ------------------------------------------------------------------------- writing


def _target(path: Path) -> Path:
    path = path.expanduser()
    if path.is_dir():
        raise PackWriteError(
            f"{path} is a folder; give a file name for the pack, e.g. {path / 'briefing.pdf'}."
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PackWriteError(
            f"The folder {folder} does not exist; create it or choose another place."
        )
    return path.absolute()


def _temporary(target: Path) -> str:
    """A new empty file beside ``target`` (created with the user's usual permissions)."""
    try:
        for _ in range(100):
            name = target.parent / f".{target.stem}-{secrets.token_hex(4)}.pdf.partial"
            try:
                _open_new(name)
                return str(name)
            except FileExistsError:
                continue
        raise FileExistsError(f"no free temporary name in {target.parent}")
    except OSError as error:
        raise PackWriteError(
            f"Cannot write in {target.parent} ({_why(error)}); choose a folder you can write to."
        ) from None


def _open_new(path: Path) -> None:
    with open(path, "xb"):
        pass


def _replace(temporary: str, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        raise PackWriteError(
            f"Cannot replace {target.name} ({_why(error)}); close it if it is open in another "
            "program, or choose another name."
        ) from None


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
