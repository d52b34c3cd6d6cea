"""``python main.py brief``: build a pack from the command line.

    python main.py brief -w WS -o OUT.pdf [--title T] [--from D] [--to D] [--actor NAME]... [--marking M]

Dates are typed as anywhere else (``2024``, ``2024-03``, ``14 Nov 2024``); actors by name or
alias. Bad input raises an :class:`~models.errors.InputError` with one sentence (exit status 2);
the path of the written pack is printed on success.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from briefings.build import build_pack
from briefings.definition import BODY_SECTIONS, DEFAULT_MARKING, Briefing, Pack, Scope
from models import queries
from models.errors import InputError
from models.store import Workspace


class UnknownActor(InputError):
    """An actor name that is neither a name nor an alias in the workspace."""


class MissingWorkspace(InputError):
    """The workspace file given does not exist."""


def build_from_args(args) -> int:
    """Build the pack the ``brief`` subcommand describes; returns the exit status (0)."""
    path = Path(args.workspace)
    if not path.exists():
        raise MissingWorkspace(f"There is no workspace at {path}; check the file name.")
    with Workspace.open(path, create=False, readonly=True) as ws:
        actor_ids = [_actor_id(ws, name) for name in (args.actor or [])]
        scope = Scope(start=args.start or "", end=args.end or "", actor_ids=actor_ids)
        scope.window()  # a bad date stops here, with its own message
        pack = Pack(
            title=args.title or _default_title(ws, actor_ids),
            marking=args.marking if args.marking is not None else DEFAULT_MARKING,
            # The command line cannot take key judgments, so it leaves that section out.
            briefings=[Briefing(scope=scope, sections=list(BODY_SECTIONS[1:]))],
        )
        result = build_pack(ws, pack, args.output, progress=_progress_printer())
    for warning in result.warnings:
        print(f"annalist: warning: {warning}", file=sys.stderr)
    if not result.events:
        print("annalist: no events match; the pack is a one-page note.", file=sys.stderr)
    print(result.path)
    return 0


def _actor_id(ws: Workspace, name: str) -> int:
    actor = queries.find_actor(ws, name)
    if actor is not None:
        return actor.id
    names = [a.name for a in queries.list_actors(ws)]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = (
        f"did you mean {' or '.join(repr(n) for n in close)}?"
        if close
        else ("check the spelling or use an alias the workspace knows.")
    )
    raise UnknownActor(f"There is no actor called '{name}' in the workspace; {hint}")


def _default_title(ws: Workspace, actor_ids: list[int]) -> str:
    if actor_ids:
        return "Briefing: " + ", ".join(queries.get_actor(ws, a).name for a in actor_ids)
    return "Briefing pack"


def _progress_printer():
    """Progress on stderr for people at a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if percent != last[0]:
            last[0] = percent
            end = "\n" if fraction >= 1.0 else ""
            print(f"\r{percent:3d}% {message:<50}", end=end, file=sys.stderr, flush=True)

    return show
