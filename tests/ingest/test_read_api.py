"""The readers' public surface and its promises."""

from __future__ import annotations

import ast
import dataclasses
import os
from pathlib import Path

import pytest

import ingest
from ingest import Article, ReadError, read, read_dropped
from ingest.readers import Limits

ROOT = Path(__file__).resolve().parents[2]


def test_public_names():
    assert ingest.read is read and ingest.read_dropped is read_dropped
    assert ingest.Article is Article and ingest.ReadError is ReadError
    assert [f.name for f in dataclasses.fields(Article)] == [
        "text",
        "title",
        "published",
        "author",
        "publisher",
        "url",
        "kind",
        "warnings",
        "file_name",
        "sha256",
    ]


def test_readers_import_no_qt_and_no_network_modules():
    banned = {"PySide6", "PyQt5", "PyQt6", "urllib.request", "http.client", "requests", "httpx"}
    files = [*(ROOT / "ingest" / "readers").glob("*.py"), ROOT / "ingest" / "safety.py"]
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not any(name == b or name.startswith(b + ".") for b in banned), (file, name)


def test_very_long_text_is_cut_with_a_warning(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 1000)
    article = read(path, in_process=True, limits=Limits(max_text_chars=100))
    assert 90 <= len(article.text) <= 100
    assert any("was cut to its first 100 characters" in w for w in article.warnings)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_named_like_an_article_is_refused(tmp_path):
    path = tmp_path / "stream.txt"
    os.mkfifo(path)
    with pytest.raises(ReadError) as info:
        read(path)
    assert str(info.value) == (
        "stream.txt is not an ordinary file (it is a device, pipe or socket); save the article "
        "as a file and read that."
    )


def test_only_whitespace_is_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t \n")
    with pytest.raises(ReadError) as info:
        read(path)
    assert str(info.value) == (
        "blank.txt contains no readable text; check that it is the article you meant."
    )
