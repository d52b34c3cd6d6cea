"""Route a file to its reader and finish the Article (dateline, limits, empty text).

Everything here runs inside the worker process when :func:`ingest.readers.read` is used
as intended; :func:`read_checked` is the worker's entry point.
"""

from __future__ import annotations

import datetime as dt
import os

from ingest.readers import documents, htmlpage, mail, pdf, plaintext, rtf
from ingest.readers.article import Article
from ingest.readers.errors import ReadError
from ingest.readers.kinds import (
    EXTENSIONS,
    READABLE_NAMES,
    SUPPORTED,
    UNSUPPORTED_ADVICE,
    kind_for,
    sniff,
)
from ingest.readers.limits import Limits, check_size
from ingest.readers.published import find_dateline

_TEXT_KINDS = ("txt", "md", "html", "eml", "mhtml")


def preflight(path: str, limits: Limits) -> tuple[str, str]:
    """Cheap checks before any parsing: the file exists, its kind is known, its size is sane.

    Returns ``(file name, kind)``. Reads no content, so a 2 GB file is refused at once.
    """
    name = os.path.basename(path) or path
    kind = kind_for(name)
    if kind is None:
        extension = os.path.splitext(name)[1].lower()
        if extension in UNSUPPORTED_ADVICE:
            raise ReadError(f"{name} is {UNSUPPORTED_ADVICE[extension]}.")
        shown = f"{extension} files" if extension else "files without an extension"
        raise ReadError(
            f"{name} cannot be read: Annalist does not read {shown}; it reads {SUPPORTED} files."
        )
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"{name} was not found; it may have been moved or deleted.") from None
    except OSError as error:
        raise ReadError(f"{name} could not be opened ({error.strerror}); check the file.") from None
    if os.path.isdir(path):
        raise ReadError(f"{name} is a folder, not a file; drop the files inside it instead.")
    if not os.path.isfile(path):
        raise ReadError(
            f"{name} is not an ordinary file (it is a device, pipe or socket); save the article "
            f"as a file and read that."
        )
    check_size(name, stat.st_size, kind, limits)
    if stat.st_size == 0:
        raise ReadError(f"{name} is empty (0 bytes); check that it was saved completely.")
    if not os.access(path, os.R_OK):
        raise ReadError(f"{name} cannot be read (permission denied); check the file's permissions.")
    return name, kind


def read_checked(path: str, kind: str, limits: Limits) -> Article:
    """Read a file that passed :func:`preflight` (this is the worker's entry point)."""
    name = os.path.basename(path) or path
    warnings: list[str] = []
    kind = _confirm_kind(path, name, kind, limits, warnings)
    article = _read_kind(path, name, kind, limits)
    return finish(article, name, warnings, _file_date(path), limits)


def read_path(path: str, limits: Limits) -> Article:
    """Preflight and read in this process (no worker). For trusted files and tests."""
    name, kind = preflight(path, limits)
    return read_checked(path, kind, limits)


def _confirm_kind(path: str, name: str, kind: str, limits: Limits, warnings: list[str]) -> str:
    """Believe the file's content over its extension when they disagree."""
    try:
        sniffed, description = sniff(path)
    except OSError as error:
        raise ReadError(f"{name} could not be opened ({error.strerror}); check the file.") from None
    if sniffed and sniffed != kind and not (kind in ("md", "eml", "mhtml") and sniffed == "html"):
        check_size(name, os.path.getsize(path), sniffed, limits)
        warnings.append(f"{name} is really {READABLE_NAMES[sniffed]} and was read as one.")
        return sniffed
    if description and sniffed is None:
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if plaintext.looks_binary(head):
            expected = "text" if kind in _TEXT_KINDS else READABLE_NAMES.get(kind, kind)
            raise ReadError(
                f"{name} is really {description}, not {expected}; check that you dropped "
                f"the right file."
            )
    return kind


def _read_kind(path: str, name: str, kind: str, limits: Limits) -> Article:
    if kind == "pdf":
        return pdf.read_pdf(path, name, limits)
    if kind == "docx":
        return documents.read_docx(path, name, limits)
    if kind == "odt":
        return documents.read_odt(path, name, limits)
    with open(path, "rb") as handle:
        data = handle.read(limits.for_kind(kind) + 1)
    if kind in ("txt", "md"):
        return plaintext.read_plain(data, name, kind)
    if kind == "html":
        return htmlpage.read_html(data, name)
    if kind == "rtf":
        return rtf.read_rtf(data, name)
    if kind == "eml":
        return mail.read_eml(data, name)
    if kind == "mhtml":
        return mail.read_mhtml(data, name)
    raise ReadError(f"{name} cannot be read; Annalist reads {SUPPORTED} files.")


def finish(
    article: Article,
    name: str | None,
    warnings: list[str],
    reference: dt.date | None,
    limits: Limits,
    reference_name: str = "the file's date",
) -> Article:
    """Common last steps: file name, warnings, a dateline date, the text cap, empty text."""
    article.file_name = name
    article.warnings[:0] = warnings
    if len(article.text) > limits.max_text_chars:
        article.text = article.text[: limits.max_text_chars]
        article.warnings.append(
            f"The text was cut to its first {limits.max_text_chars:,} characters because it is "
            f"very long."
        )
        article.sha256 = ""
        article.__post_init__()
    if not article.text.strip():
        shown = name or "The dropped item"
        raise ReadError(
            f"{shown} contains no readable text; check that it is the article you meant."
        )
    if not article.published:
        article.published, found_warnings = find_dateline(article.text, reference, reference_name)
        article.warnings.extend(found_warnings)
    return article


def _file_date(path: str) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(os.path.getmtime(path))
    except (OSError, ValueError, OverflowError):
        return None


__all__ = ["EXTENSIONS", "finish", "preflight", "read_checked", "read_path"]
