"""Annalist: with no arguments, the desktop app; with a subcommand, the headless command line.

    python main.py [--workspace FILE]
    python main.py import FILE... -w WS [--published DATE] [--accept all|none]
    python main.py extract FILE [--published DATE]
    python main.py brief -w WS -o OUT.pdf [--title T] [--from D] [--to D] [--actor NAME]... [--marking M]
    python main.py export -w WS --format json|csv|timelinejs -o FILE
    python main.py load -w WS FILE

Errors are one sentence on stderr with exit status 2 (bad input) or 1 (failure).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from cli import COMMANDS, run_cli

    if argv and argv[0] in COMMANDS:
        return run_cli(argv)
    if argv and argv[0] in ("-h", "--help"):
        return run_cli(argv)
    return run_gui(argv)


def run_gui(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="annalist", description="Annalist, the analyst's workbench."
    )
    parser.add_argument("--workspace", "-w", help="workspace file (.annalist) to open")
    args, qt_args = parser.parse_known_args(argv)
    from ui.app import run

    return run(args.workspace, qt_args)


if __name__ == "__main__":
    sys.exit(main())
