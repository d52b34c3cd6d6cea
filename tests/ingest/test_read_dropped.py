"""Drags and pastes: HTML or plain text from a browser, and bare web addresses."""

from __future__ import annotations

import pytest

from ingest import ReadError, read_dropped
from ingest.readers import Limits
from tests.ingest import readers_fixtures as F

SELECTION_HTML = (
    "<html><body><!--StartFragment--><h2>Kharkiv update</h2>"
    + "".join(f"<p>{p}</p>" for p in F.ARTICLE_PARAGRAPHS)
    + "<!--EndFragment--></body></html>"
)


def test_html_selection_keeps_everything_the_user_selected():
    article = read_dropped(
        {"text/html": SELECTION_HTML, "text/plain": F.ARTICLE_TEXT}, in_process=True
    )
    assert article.text.startswith("Kharkiv update\n\n")
    for paragraph in F.ARTICLE_PARAGRAPHS:
        assert paragraph in article.text
    assert article.kind == "selection"
    assert article.file_name is None
    assert article.published is not None  # from the "KYIV, Nov 14" dateline
    assert any("assumed from today's date" in w for w in article.warnings)


def test_html_as_utf16_bytes_with_the_source_address():
    mime = {
        "text/html": SELECTION_HTML.encode("utf-16"),
        "text/uri-list": b"https://news.example.com/world/kharkiv\r\n",
    }
    article = read_dropped(mime)  # through the worker, as the GUI does
    assert F.ARTICLE_PARAGRAPHS[1] in article.text
    assert article.url == "https://news.example.com/world/kharkiv"


def test_windows_clipboard_html_header_is_skipped():
    cf_html = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000300\r\n"
        "StartFragment:0000000141\r\nEndFragment:0000000264\r\n" + SELECTION_HTML
    )
    article = read_dropped({"text/html": cf_html}, in_process=True)
    assert "Version" not in article.text
    assert F.ARTICLE_PARAGRAPHS[0] in article.text


def test_plain_text_paste():
    article = read_dropped(
        {"text/plain": F.ARTICLE_TITLE + "\n\n" + F.ARTICLE_TEXT}, in_process=True
    )
    assert article.title == F.ARTICLE_TITLE
    assert article.sha256 == read_dropped({"text/plain": F.ARTICLE_TEXT}, in_process=True).sha256


@pytest.mark.parametrize(
    "mime",
    [
        {"text/uri-list": "https://www.reuters.com/world/europe/kharkiv-2024-11-14/\r\n"},
        {"text/plain": "  https://www.reuters.com/world/europe/kharkiv-2024-11-14/  "},
        {
            "text/uri-list": b"https://www.reuters.com/world/europe/kharkiv-2024-11-14/",
            "text/plain": b"https://www.reuters.com/world/europe/kharkiv-2024-11-14/",
        },
    ],
)
def test_a_bare_web_address_cannot_be_fetched_offline(mime):
    with pytest.raises(ReadError) as info:
        read_dropped(mime)
    assert str(info.value) == (
        "Only a web address was dropped (https://www.reuters.com/world/europe/kharkiv-2024-11-14/), "
        "and Annalist works offline and cannot fetch pages; save the page (File > Save Page As) "
        "and drop the saved file."
    )


@pytest.mark.parametrize(
    "mime", [{}, {"text/plain": "   "}, {"application/x-qt-image": b"\x89PNG"}]
)
def test_nothing_readable(mime):
    with pytest.raises(ReadError, match="Nothing readable was dropped"):
        read_dropped(mime)


def test_oversized_drop_is_refused():
    with pytest.raises(ReadError, match="The dropped text is too large"):
        read_dropped({"text/plain": "x" * 5000}, limits=Limits(per_kind={"selection": 1000}))
