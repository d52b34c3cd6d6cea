"""The command line: same operations as the GUI, one clear sentence on errors, exit 2 / 1."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.store import Workspace
from tests.helpers import file_digest

ROOT = Path(__file__).resolve().parent.parent


def annalist(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_export_and_load_round_trip(demo_path, tmp_path):
    out = tmp_path / "demo.json"
    done = annalist("export", "-w", demo_path, "--format", "json", "-o", out)
    assert done.returncode == 0, done.stderr
    target = tmp_path / "new.annalist"
    done = annalist("load", "-w", target, out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Loaded 54 events, 35 new actors, 50 sources and 3 periods from demo.json."
    )
    again = tmp_path / "again.json"
    assert annalist("export", "-w", target, "--format", "json", "-o", again).returncode == 0
    assert again.read_text() == out.read_text()


@pytest.mark.parametrize("fmt", ["csv", "timelinejs"])
def test_other_export_formats(demo_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    done = annalist("export", "-w", demo_path, "--format", fmt, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000


def one_sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("when,title,dat\n2024,x,y\n", "bad.csv", "column 'dat'"),
        ("when,title\nyesterday,x\n", "bad.csv", "line 2"),
        ('{"events": [', "bad.json", "not valid JSON"),
    ],
)
def test_bad_load_exits_2_with_one_sentence_and_changes_nothing(
    demo_path, tmp_path, content, name, message
):
    bad = tmp_path / name
    bad.write_text(content)
    before = file_digest(demo_path)
    done = annalist("load", "-w", demo_path, bad)
    assert done.returncode == 2
    assert message in one_sentence(done.stderr)
    assert file_digest(demo_path) == before


def test_not_a_workspace_exits_2(tmp_path):
    fake = tmp_path / "fake.annalist"
    fake.write_text("hello")
    done = annalist("export", "-w", fake, "--format", "json", "-o", tmp_path / "x.json")
    assert done.returncode == 2
    assert "not an Annalist workspace" in one_sentence(done.stderr)
    assert fake.read_text() == "hello"


def test_missing_workspace_for_export(tmp_path):
    done = annalist(
        "export", "-w", tmp_path / "none.annalist", "--format", "json", "-o", tmp_path / "x.json"
    )
    assert done.returncode == 2
    assert "There is no workspace" in one_sentence(done.stderr)
    assert not (tmp_path / "none.annalist").exists()


def test_usage_mistake_is_one_sentence(tmp_path):
    done = annalist("export", "-w", tmp_path / "x.annalist", "--format", "xml", "-o", "y")
    assert done.returncode == 2
    assert "invalid choice" in one_sentence(done.stderr)


def test_unwritable_output_is_reported(demo_path, tmp_path):
    done = annalist("export", "-w", demo_path, "--format", "json", "-o", tmp_path / "no" / "x.json")
    assert done.returncode == 2
    assert "does not exist" in one_sentence(done.stderr)


def test_help_lists_the_commands():
    done = annalist("--help")
    assert done.returncode == 0
    for command in ("import", "extract", "brief", "export", "load"):
        assert command in done.stdout


def test_load_acled_through_the_cli(tmp_path):
    from tests.models.test_exchange import ACLED

    source = tmp_path / "acled.csv"
    source.write_text(ACLED)
    target = tmp_path / "acled.annalist"
    done = annalist("load", "-w", target, source)
    assert done.returncode == 0, done.stderr
    with Workspace.open(target) as ws:
        assert ws.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    out = tmp_path / "events.csv"
    assert annalist("export", "-w", target, "--format", "csv", "-o", out).returncode == 0
    assert "Shelling/artillery/missile attack in Kharkiv" in out.read_text()


def test_extract_prints_the_contract_json(tmp_path):
    import json

    article = tmp_path / "wire.txt"
    article.write_text(
        "KYIV, Nov 14 (Reuters) - Russian missiles struck the grid on Tuesday, Ukraine said.\n"
    )
    done = annalist("extract", article, "--published", "2024-11-14")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"text", "published", "timexes", "actors", "events"}
    assert {"text": "Tuesday", "value": "2024-11-12"}.items() <= next(
        t for t in data["timexes"] if t["text"] == "Tuesday"
    ).items()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "/nowhere/missing.txt"], "was not found"),
        (["extract", "{article}", "--published", "2024-13-01"], "no month 13"),
        (["extract", "{article}", "--published", "2024"], "needs a day"),
        (["import", "{article}", "-w", "{ws}", "--published", "14/11/2024"], "not a date"),
    ],
)
def test_extract_and_import_mistakes_are_one_sentence(tmp_path, args, message):
    article = tmp_path / "a.txt"
    article.write_text("Russian missiles struck the grid on Tuesday.\n")
    args = [a.format(article=article, ws=tmp_path / "w.annalist") for a in args]
    done = annalist(*args)
    assert done.returncode == 2
    assert message in one_sentence(done.stderr)
    assert not (tmp_path / "w.annalist").exists()
