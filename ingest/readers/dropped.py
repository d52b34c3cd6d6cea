"""Dragged or pasted content from a browser or another program, keyed by MIME type."""

from __future__ import annotations

import datetime as dt
import re

from ingest.readers.article import Article
from ingest.readers.errors import ReadError
from ingest.readers.htmlpage import article_from_html
from ingest.readers.limits import Limits, human_size
from ingest.readers.plaintext import decode_text, first_line_title

_NAME = "The dropped text"
_URL_ONLY = re.compile(r"^\s*(?:https?|ftp|file)://\S+\s*$", re.I)
_HTML_KEYS = ("text/html", "html")
_TEXT_KEYS = ("text/plain;charset=utf-8", "text/plain", "text", "utf8_string", "string")


def _get(mime: dict[str, bytes | str], keys) -> bytes | str | None:
    lowered = {str(key).lower().replace(" ", ""): value for key, value in mime.items()}
    for key in keys:
        value = lowered.get(key)
        if value:
            return value
    return None


def _as_text(value: bytes | str) -> str:
    if isinstance(value, str):
        return value
    if value.startswith((b"\xff\xfe", b"\xfe\xff")):
        return value.decode("utf-16")
    text, _ = decode_text(value, _NAME)
    return text


def preflight(mime: dict[str, bytes | str], limits: Limits) -> None:
    """Cheap checks: something usable was dropped, not just an address, and not too much."""
    if not isinstance(mime, dict) or not mime:
        raise ReadError("Nothing readable was dropped; drag text or a saved article file.")
    total = sum(len(v) for v in mime.values() if isinstance(v, (bytes, str)))
    limit = limits.for_kind("selection")
    if total > limit:
        raise ReadError(
            f"The dropped text is too large ({human_size(total)}; the limit is "
            f"{human_size(limit)}); save it as a file and read the file instead."
        )
    html = _get(mime, _HTML_KEYS)
    text = _get(mime, _TEXT_KEYS)
    uris = _get(mime, ("text/uri-list", "text/x-moz-url", "url"))
    plain = _as_text(text).strip() if text else ""
    if not html and (not plain or _URL_ONLY.match(plain)):
        address = plain
        if not address and uris:
            lines = _as_text(uris).strip().splitlines()
            address = lines[0].strip() if lines else ""
        if address:
            raise ReadError(
                f"Only a web address was dropped ({address[:80]}), and Annalist works offline and "
                f"cannot fetch pages; save the page (File > Save Page As) and drop the saved file."
            )
        raise ReadError("Nothing readable was dropped; drag text or a saved article file.")


def read_mime(mime: dict[str, bytes | str], limits: Limits) -> Article:
    """Read a drop: HTML (main text and metadata) when present, else plain text."""
    from ingest.readers.dispatch import finish

    preflight(mime, limits)
    html = _get(mime, _HTML_KEYS)
    text = _get(mime, _TEXT_KEYS)
    uris = _get(mime, ("text/uri-list", "text/x-moz-url"))
    source = None
    if uris:
        lines = [ln.strip() for ln in _as_text(uris).splitlines() if ln.strip()]
        lines = [ln for ln in lines if not ln.startswith("#")]
        source = lines[0] if lines and _URL_ONLY.match(lines[0]) else None
    if html:
        markup = _as_text(html)
        # Windows' CF_HTML wraps the fragment in a header (Version:, StartHTML:...).
        start = markup.find("<")
        markup = markup[start:] if start > 0 and markup.startswith("Version:") else markup
        article = article_from_html(markup, None, "selection", whole=True)
        plain = _as_text(text).strip() if text else ""
        if len(article.text) < 0.5 * len(plain):  # an HTML flavour that lost the text
            article = Article(text=plain, title=first_line_title(plain), kind="selection")
    else:
        plain = _as_text(text)
        article = Article(text=plain, title=first_line_title(plain), kind="selection")
    article.url = article.url or source
    return finish(article, None, [], dt.date.today(), limits, "today's date")
