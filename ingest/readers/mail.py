"""E-mail (.eml) and web archives (.mhtml): both are MIME messages, read with the stdlib.

Attachments are never decoded: their names and sizes go into a warning. The parser keeps
the raw message in memory, which the per-kind size limit bounds.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage

from ingest.readers.article import Article, tidy_line
from ingest.readers.errors import ReadError
from ingest.readers.htmlpage import article_from_html, declared_charset
from ingest.readers.limits import human_size
from ingest.readers.plaintext import decode_text
from ingest.readers.published import from_metadata

_REPLY_PREFIX = re.compile(r"^(?:(?:fwd?|fw|re|aw|wg|tr|rv)\s*:\s*)+", re.I)
_POLICY = email.policy.default.clone(max_line_length=None)


def _parse(data: bytes, name: str, what: str) -> EmailMessage:
    try:
        message = email.message_from_bytes(data, policy=_POLICY)
    except Exception:  # the parser is lenient; anything raised means the file is not mail
        message = None
    if message is None or not message.keys():
        raise ReadError(
            f"{name} is not a valid {what} (it has no message headers); save it again from "
            f"the program that made it."
        )
    return message


def _header(message: EmailMessage, key: str) -> str | None:
    try:
        value = message.get(key)
        return tidy_line(str(value)) if value else None
    except Exception:  # a malformed header must not lose the message
        return None


def _part_text(part: EmailMessage, name: str) -> tuple[str, list[str]]:
    """A text part's content, decoded by its declared charset or by detection."""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if part.get_content_type() == "text/html":
        charset = charset or declared_charset(payload)
    return decode_text(payload, name, charset)


def read_eml(data: bytes, name: str) -> Article:
    """Read a saved e-mail: Subject, From, Date and the body (plain text preferred)."""
    message = _parse(data, name, "e-mail message")
    body = message.get_body(preferencelist=("plain", "html"))
    warnings: list[str] = []
    if body is None:
        text = ""
    else:
        text, found = _part_text(body, name)
        warnings.extend(found)
        if body.get_content_type() == "text/html":
            text = article_from_html(text, name, "eml", whole=True).text
    attachments = []
    for part in message.iter_attachments():
        filename = part.get_filename() or part.get_content_type()
        raw = part.get_payload(decode=False)
        size = len(raw) * 3 // 4 if isinstance(raw, str) else 0
        attachments.append(f"{filename} ({human_size(size)})" if size else filename)
    if attachments:
        listed = ", ".join(attachments[:5]) + (" and others" if len(attachments) > 5 else "")
        warnings.append(
            f"Attachments were not read ({listed}); save them and read them separately if "
            f"they matter."
        )
    sender = _header(message, "From")
    author = None
    if sender:
        display, address = email.utils.parseaddr(sender)
        author = display or address or sender
    return Article(
        text=text,
        title=_REPLY_PREFIX.sub("", _header(message, "Subject") or "") or None,
        author=author,
        published=from_metadata(_header(message, "Date")),
        kind="eml",
        warnings=warnings,
        file_name=name,
    )


def read_mhtml(data: bytes, name: str) -> Article:
    """Read a web archive (.mhtml, .mht): the page's main HTML part, as a saved page."""
    message = _parse(data, name, "web archive (.mhtml)")
    page = None
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = part
            break
    if page is None:
        raise ReadError(
            f"{name} holds no web page (no HTML part was found); save the page again with "
            f"File > Save Page As."
        )
    html, warnings = _part_text(page, name)
    article = article_from_html(html, name, "mhtml", warnings)
    if not article.url:
        article.url = _header(message, "Snapshot-Content-Location") or _header(
            page, "Content-Location"
        )
    return article
