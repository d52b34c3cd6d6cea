"""The headless command line: the same operations the GUI uses, errors as one sentence."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.errors import AnnalistError

COMMANDS = ("import", "extract", "brief", "export", "load")


class CliError(Exception):
    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one sentence with status 2."""

    def error(self, message: str):
        raise CliError(f"{message[0].upper()}{message[1:]}; see '{self.prog} --help'.")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="annalist", description="Annalist command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = commands.add_parser("import", help="read articles and store their proposed events")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("-w", "--workspace", required=True, type=Path)
    p.add_argument(
        "--published",
        help="publication date (YYYY-MM-DD) anchoring relative dates; overrides the articles' own",
    )
    p.add_argument(
        "--accept",
        choices=("all", "none"),
        default="none",
        help="store every proposed event (all) or only the source (none)",
    )

    p = commands.add_parser("extract", help="print the Extraction JSON of one article")
    p.add_argument("file", type=Path)
    p.add_argument("--published", help="publication date (YYYY-MM-DD) that anchors relative dates")

    p = commands.add_parser("brief", help="build a PDF briefing pack")
    p.add_argument("-w", "--workspace", required=True, type=Path)
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--title")
    p.add_argument("--from", dest="start", help="first date of the window")
    p.add_argument("--to", dest="end", help="last date of the window")
    p.add_argument("--actor", action="append", default=[], help="limit to this actor (repeatable)")
    p.add_argument("--marking", help="handling marking, e.g. TLP:AMBER")

    p = commands.add_parser("export", help="write the workspace as JSON, CSV or TimelineJS JSON")
    p.add_argument("-w", "--workspace", required=True, type=Path)
    p.add_argument("--format", required=True, choices=("json", "csv", "timelinejs"))
    p.add_argument("-o", "--output", required=True, type=Path)

    p = commands.add_parser("load", help="load JSON/CSV made by export, or an ACLED-style CSV")
    p.add_argument("-w", "--workspace", required=True, type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--encoding", help="text encoding of a CSV that is not UTF-8, e.g. cp1252")
    return parser


def run_cli(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = globals()[f"cmd_{args.command}"]
        return handler(args) or 0
    except SystemExit as done:  # --help
        return int(done.code or 0)
    except CliError as error:
        _say(str(error))
        return error.status
    except AnnalistError as error:
        _say(str(error))
        return error.exit_status
    except KeyboardInterrupt:
        _say("Stopped.")
        return 1
    except OSError as error:
        _say(f"{error.strerror or error} ({error.filename}).")
        return 1


def _say(message: str) -> None:
    print(f"annalist: {message}", file=sys.stderr)


def _open(path: Path, create: bool = False):
    from models.store import Workspace

    if not create and not path.exists():
        raise CliError(
            f"There is no workspace at {path}; check the name, or create one with 'load'."
        )
    return Workspace.open(path, create=create)


def cmd_export(args) -> int:
    from models import exchange

    with _open(args.workspace) as ws:
        exchange.export(ws, args.format, args.output)
    return 0


def cmd_load(args) -> int:
    from models import exchange

    with _open(args.workspace, create=True) as ws:
        report = exchange.load(ws, args.file, encoding=args.encoding)
    print(report.sentence())
    return 0


def cmd_extract(args) -> int:
    import ingest

    article = ingest.read(args.file)
    published = args.published or article.published
    result = ingest.extract(article.text, published=published)
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_import(args) -> int:
    from models import dates

    if args.published:
        dates.parse(args.published)  # a typo in the date is refused before any file is read
    failed = 0
    with _open(args.workspace, create=True) as ws:
        for path in args.files:  # one transaction per article: a failure loses nothing else
            ok, line = _import_one(ws, path, args.published, args.accept)
            if ok:
                print(line, flush=True)
            else:
                failed += 1
                _say(line)
    if failed:
        raise CliError(
            f"{failed} of {len(args.files)} file{'s' if len(args.files) != 1 else ''} "
            f"could not be imported (see above)."
        )
    return 0


def _import_one(ws, path: Path, published: str | None, accept: str) -> tuple[bool, str]:
    """Read, extract and store one article; returns (ok, one line for the report)."""
    import ingest
    from models import intake, queries
    from models.errors import DuplicateError

    try:
        article = ingest.read(path)
    except ingest.ReadError as error:
        return False, str(error)
    existing = queries.find_source_by_text(ws, article.text, article.title)
    if existing is not None:
        return True, (
            f"{path.name}: already in the workspace as '{existing.title or existing.file_name}' "
            f"(imported {existing.imported_at[:10]}), skipped."
        )
    anchor = published or article.published
    events = []
    if accept == "all":
        found = ingest.extract(article.text, published=anchor, actors=intake.workspace_actors(ws))
        events = intake.events_from_extraction(found.to_dict())  # the documented contract
    source = {
        "title": article.title or path.stem,
        "text": article.text,
        "author": article.author or "",
        "publisher": article.publisher or "",
        "url": article.url or "",
        "published": (anchor or "")[:25],
        "file_name": path.name,
        "kind": article.kind,
        "reliability": intake.suggested_reliability(ws, article.publisher),
    }
    try:
        change = intake.import_article(ws, source, events)
    except DuplicateError as error:
        return True, f"{path.name}: {error} Skipped."
    added = len(change.added("events"))
    added_actors = len(change.added("actors"))
    text = f"{path.name}: imported"
    if accept == "all":
        text += f" with {added} event{'s' if added != 1 else ''}"
        if added_actors:
            text += f" and {added_actors} new actor{'s' if added_actors != 1 else ''}"
    else:
        text += " as a source (no events accepted; review them in the app)"
    if not anchor:
        text += "; no publication date found, so relative dates were not resolved"
    text += "."
    for warning in article.warnings if not published else []:
        text += f"\n  note: {warning}"
    return True, text


def cmd_brief(args) -> int:
    from briefings.cli import build_from_args

    return build_from_args(args)
