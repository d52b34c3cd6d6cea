"""The core rooms know no screen: models/, ingest/ and briefings/ never import PySide6."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ("models", "ingest", "briefings")
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def core_files():
    for room in CORE:
        yield from sorted((ROOT / room).rglob("*.py"))


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", list(core_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_no_qt(path):
    bad = [m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN]
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_models_does_not_import_upper_rooms():
    for path in sorted((ROOT / "models").rglob("*.py")):
        bad = [
            m
            for m in imported_modules(path)
            if m.split(".")[0] in ("ui", "ingest", "briefings", "cli")
        ]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_the_scan_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in list(imported_modules(sample))
