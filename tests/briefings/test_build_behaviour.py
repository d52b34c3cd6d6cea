"""Writing, failing, cancelling and reporting progress: nothing half-written, ever."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from briefings import BuildCancelled, PackWriteError, build_pack
from briefings import build as build_module
from briefings.definition import DefinitionError, ScopeError
from tests.briefings.conftest import NOW, realistic_pack

ROOT = Path(__file__).resolve().parents[2]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_missing_folder_is_a_clear_error(realistic_ws, tmp_path):
    target = tmp_path / "no such folder" / "pack.pdf"
    with pytest.raises(PackWriteError, match="does not exist"):
        build_pack(realistic_ws, realistic_pack(), target, now=NOW)
    assert not target.parent.exists()


def test_folder_as_output_is_a_clear_error(realistic_ws, tmp_path):
    with pytest.raises(PackWriteError, match="is a folder"):
        build_pack(realistic_ws, realistic_pack(), tmp_path, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_clear_error(realistic_ws, tmp_path, monkeypatch):
    # As root, chmod does not stop writes; refuse the temporary file the way the OS would.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(build_module, "_open_new", refuse)
    with pytest.raises(PackWriteError, match="Cannot write in .*permission denied"):
        build_pack(realistic_ws, realistic_pack(), tmp_path / "pack.pdf", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_file_in_use_keeps_the_old_pack_and_leaves_no_partial_file(
    realistic_ws, tmp_path, monkeypatch
):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"yesterday's pack")

    def in_use(source, destination):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(build_module.os, "replace", in_use)
    with pytest.raises(PackWriteError, match="close it if it is open"):
        build_pack(realistic_ws, realistic_pack(), target, now=NOW)
    assert target.read_bytes() == b"yesterday's pack"
    assert _leftovers(tmp_path) == []


def test_failure_during_layout_leaves_nothing(realistic_ws, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_module.PackCanvas, "save", broken)
    with pytest.raises(RuntimeError):
        build_pack(realistic_ws, realistic_pack(), tmp_path / "pack.pdf", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_written_file_has_ordinary_permissions(realistic_ws, tmp_path):
    target = tmp_path / "pack.pdf"
    build_pack(realistic_ws, realistic_pack(), target, now=NOW)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert target.read_bytes().startswith(b"%PDF-")


def test_progress_rises_to_one(realistic_ws, tmp_path):
    seen = []
    build_pack(
        realistic_ws,
        realistic_pack(),
        tmp_path / "p.pdf",
        now=NOW,
        progress=lambda fraction, message: seen.append((fraction, message)),
    )
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert any("Writing page" in m for _, m in seen)
    assert all(isinstance(m, str) and m for _, m in seen)


@pytest.mark.parametrize("when", [0.05, 0.5, 0.95])
def test_cancel_at_any_stage_writes_nothing(realistic_ws, tmp_path, when):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    stop = threading.Event()

    def progress(fraction, message):
        if fraction >= when:
            stop.set()

    with pytest.raises(BuildCancelled):
        build_pack(realistic_ws, realistic_pack(), target, now=NOW, progress=progress, cancel=stop)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_cancel_accepts_a_callable(realistic_ws, tmp_path):
    with pytest.raises(BuildCancelled):
        build_pack(realistic_ws, realistic_pack(), tmp_path / "p.pdf", now=NOW, cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"title": "  "}, DefinitionError, "needs a title"),
        ({"page_size": "A3"}, DefinitionError, "not A4 or Letter"),
        ({"marking": ""}, DefinitionError, "needs a marking"),
        ({"date": "18/11/2024"}, DefinitionError, "YYYY-MM-DD"),
    ],
)
def test_bad_definitions_are_refused_before_writing(realistic_ws, tmp_path, change, error, words):
    with pytest.raises(error, match=words):
        build_pack(realistic_ws, realistic_pack(**change), tmp_path / "p.pdf", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_bad_scope_is_refused(realistic_ws, tmp_path):
    pack = realistic_pack()
    pack.briefings[0].scope.start = "sometime"
    with pytest.raises(ScopeError, match="Cannot read the start of the window"):
        build_pack(realistic_ws, pack, tmp_path / "p.pdf", now=NOW)
    pack.briefings[0].scope.start = ""
    pack.briefings[0].scope.actor_ids = [999]
    with pytest.raises(ScopeError, match="Actor 999 .* no longer in the workspace"):
        build_pack(realistic_ws, pack, tmp_path / "p.pdf", now=NOW)


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_font_falls_back_with_a_warning(realistic_path, tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in (
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DroidSansFallbackFull.ttf",
    ):
        (fonts / name).symlink_to(ROOT / "resources" / "fonts" / name)
    out = tmp_path / "pack.pdf"
    done = _run(f"""
        from pathlib import Path
        import briefings.fonts as fonts
        fonts.FONT_DIR = Path({str(fonts)!r})
        from briefings import build_pack
        from models.store import Workspace
        from tests.briefings.conftest import realistic_pack, NOW
        with Workspace.open({str(realistic_path)!r}, readonly=True) as ws:
            result = build_pack(ws, realistic_pack(), {str(out)!r}, now=NOW)
        for w in result.warnings:
            print(w)
    """)
    assert done.returncode == 0, done.stderr
    assert "NanumSquareR.ttf could not be loaded (it is missing)" in done.stdout
    assert "Korean" in done.stdout
    assert out.exists()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Black Sea & Korea" in text


def test_characters_no_font_has_are_reported(writable_ws, tmp_path):
    from models import operations as ops

    ops.add_event(writable_ws, "Runes ᚠᚢᚦ and a private \ue000 sign", "2023-01-15")
    result = build_pack(writable_ws, realistic_pack(), tmp_path / "p.pdf", now=NOW)
    (warning,) = [w for w in result.warnings if "no glyph" in w]
    assert "\ue000" in warning and warning.endswith(".")
