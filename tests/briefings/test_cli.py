"""``python main.py brief``: the pack from the command line, and its errors as one sentence."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.cli import UnknownActor, build_from_args
from briefings.definition import ScopeError
from cli import run_cli
from models.errors import InputError
from tests.briefings.conftest import needs_pdftotext, page_texts

ROOT = Path(__file__).resolve().parents[2]


def _args(workspace, output, **kw) -> argparse.Namespace:
    values = dict(
        workspace=Path(workspace),
        output=Path(output),
        title=None,
        start=None,
        end=None,
        actor=[],
        marking=None,
    )
    values.update(kw)
    return argparse.Namespace(**values)


@needs_pdftotext
def test_brief_builds_the_asked_scope(realistic_path, tmp_path, capsys):
    out = tmp_path / "russia.pdf"
    status = run_cli(
        [
            "brief",
            "-w",
            str(realistic_path),
            "-o",
            str(out),
            "--title",
            "R&D <draft>",
            "--from",
            "2023",
            "--to",
            "30 Jun 2024",
            "--actor",
            "Россия",
            "--marking",
            "OFFICIAL-SENSITIVE",
        ]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.out.strip() == str(out)
    text = "\n".join(page_texts(out))
    assert "R&D <draft>" in text and "OFFICIAL-SENSITIVE" in text
    assert "2023 to 30 Jun 2024; actors: Russia" in text
    assert "Wagner mutiny" in text and "Full-scale invasion" not in text
    assert "Key judgments" not in text


def test_unknown_actor_is_bad_input(realistic_path, tmp_path, capsys):
    with pytest.raises(UnknownActor, match="no actor called 'Rusia'.*did you mean 'Russia'"):
        build_from_args(_args(realistic_path, tmp_path / "x.pdf", actor=["Rusia"]))
    assert issubclass(UnknownActor, InputError)
    status = run_cli(
        [
            "brief",
            "-w",
            str(realistic_path),
            "-o",
            str(tmp_path / "x.pdf"),
            "--actor",
            "Nobody at all",
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("annalist: There is no actor called 'Nobody at all'")
    assert err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2024-13", None, "no month 13"),
        ("2025", "2024", "swap the dates"),
    ],
)
def test_bad_dates_are_bad_input(realistic_path, tmp_path, start, end, words):
    with pytest.raises(ScopeError, match=words):
        build_from_args(_args(realistic_path, tmp_path / "x.pdf", start=start, end=end))
    assert list(tmp_path.iterdir()) == []


def test_missing_workspace_and_folder(tmp_path, realistic_path, capsys):
    assert (
        run_cli(["brief", "-w", str(tmp_path / "nope.annalist"), "-o", str(tmp_path / "x.pdf")])
        == 2
    )
    assert "There is no workspace at" in capsys.readouterr().err
    assert run_cli(["brief", "-w", str(realistic_path), "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nope.annalist").exists()


def test_empty_scope_still_writes_the_note(realistic_path, tmp_path, capsys):
    out = tmp_path / "empty.pdf"
    assert run_cli(["brief", "-w", str(realistic_path), "-o", str(out), "--to", "1990"]) == 0
    assert "one-page note" in capsys.readouterr().err
    assert out.exists()


def test_main_entry_point_runs_headless(realistic_path, tmp_path):
    out = tmp_path / "p.pdf"
    done = subprocess.run(
        [sys.executable, "main.py", "brief", "-w", str(realistic_path), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "none"},
    )
    assert done.returncode == 0, done.stderr
    assert "PySide6" not in done.stderr
    assert out.read_bytes().startswith(b"%PDF")
