"""Fixtures for briefing tests: workspaces and packs built from them, read back as text."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from briefings import Briefing, Pack, Scope, build_pack
from models.store import Workspace
from tests.briefings import fixtures

NOW = dt.datetime(2024, 11, 18, 9, 30, tzinfo=dt.UTC)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext reads it (reading order, not layout)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def layout_texts(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def realistic_pack(**changes) -> Pack:
    pack = Pack(
        title="Black Sea & Korea: R&D <draft> watch",
        subtitle="Weekly pack for the Eastern Europe desk",
        author="J. Analyst",
        organisation="Northern Analysis Cell",
        reference="NAC-BRF-046",
        version="Updated 18 Nov 2024",
        marking="TLP:AMBER",
        date="2024-11-18",
        dtg="181200Z NOV 24",
        briefings=[Briefing(scope=Scope(), key_judgments=fixtures.KEY_JUDGMENTS)],
    )
    for key, value in changes.items():
        setattr(pack, key, value)
    return pack


@pytest.fixture(scope="session")
def realistic_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ws") / "realistic.annalist"
    with Workspace.open(path) as ws:
        fixtures.realistic(ws)
    return path


@pytest.fixture
def realistic_ws(realistic_path):
    with Workspace.open(realistic_path, readonly=True) as ws:
        yield ws


@pytest.fixture
def writable_ws(tmp_path):
    path = tmp_path / "w.annalist"
    with Workspace.open(path) as ws:
        fixtures.realistic(ws)
        yield ws


@pytest.fixture(scope="session")
def realistic_pdf(realistic_path, tmp_path_factory):
    """The full realistic pack, built once: (path, BuildResult)."""
    out = tmp_path_factory.mktemp("pdf") / "realistic.pdf"
    with Workspace.open(realistic_path, readonly=True) as ws:
        result = build_pack(ws, realistic_pack(), out, now=NOW)
    return out, result


def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(path))
