"""PDF: the text layer (pypdf), rebuilt into paragraphs, without running heads and page numbers."""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter

from ingest.readers.article import Article
from ingest.readers.documents import dated_by_creation
from ingest.readers.errors import ReadError
from ingest.readers.limits import Limits
from ingest.readers.plaintext import first_line_title
from ingest.readers.published import from_metadata

_SENTENCE_END = (".", "!", "?", ":", '"', "”", "»", "’", ")")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+of\s+\d{1,4})?$", re.I)
_PRODUCER_TITLES = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled\b)", re.I)


def read_pdf(path: str, name: str, limits: Limits) -> Article:
    """Read a PDF's text layer and metadata; refuse scans and password-protected files."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair chatter is not for users
    damaged = (
        f"{name} is not a valid PDF (the file is damaged or not really a PDF); open it in a "
        f"PDF viewer and save or print it to PDF again."
    )
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                decrypted = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                decrypted = 0
            if not decrypted:
                raise ReadError(
                    f"{name} is protected with a password or encryption Annalist cannot open; "
                    f"open it in a PDF viewer and print it to a new, unprotected PDF."
                )
        pages = list(reader.pages)
    except ReadError:
        raise
    except (
        PdfReadError,
        PyPdfError,
        FileNotDecryptedError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        OSError,
        EOFError,
    ):
        raise ReadError(damaged) from None

    page_lines: list[list[str]] = []
    failed = 0
    for page in pages:
        try:
            text = page.extract_text() or ""
        except Exception:  # one bad page must not lose the rest of the document
            failed += 1
            text = ""
        page_lines.append([line.strip() for line in text.splitlines()])
    empty = sum(1 for lines in page_lines if sum(len(line) for line in lines) < 20)
    if not pages or empty == len(pages):
        raise ReadError(
            f"{name} has no text layer (it is a scan); run OCR first (for example with OCRmyPDF "
            f"or your scanner's software) and read the OCR'd PDF."
        )
    warnings = []
    if empty and empty > failed:
        warnings.append(
            f"{empty} of {len(pages)} pages of {name} have no text layer (they are scanned "
            f"images) and were skipped; run OCR on the file to read them too."
        )
    if failed:
        warnings.append(
            f"{failed} of {len(pages)} pages of {name} could not be read and were skipped."
        )
    _drop_running_lines(page_lines)
    text = "\n\n".join(p for lines in page_lines for p in paragraphs_from_lines(lines))

    info = _metadata(reader)
    title = info.get("title")
    if not title or _PRODUCER_TITLES.match(title) or re.search(r"\.\w{2,4}$", title):
        title = first_line_title(text) or None
    published, found = dated_by_creation(text, info.get("created"), "PDF")
    warnings.extend(found)
    return Article(
        text=text,
        title=title,
        author=info.get("author"),
        publisher=None,
        published=published,
        kind="pdf",
        warnings=warnings,
        file_name=name,
    )


def _metadata(reader) -> dict[str, str]:
    try:
        raw = reader.metadata or {}
        title = raw.get("/Title")
        author = raw.get("/Author")
        created = raw.get("/CreationDate")
    except Exception:  # broken Info dictionaries are common and never fatal
        return {}
    result = {}
    if title and str(title).strip():
        result["title"] = str(title).strip()
    if author and str(author).strip():
        result["author"] = str(author).strip()
    iso = from_metadata(str(created)) if created else None
    if iso:
        result["created"] = iso
    return result


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _drop_running_lines(page_lines: list[list[str]]) -> None:
    """Remove running heads/feet (the same line at the top or bottom of most pages) and
    bare page numbers."""
    edges = Counter()
    for lines in page_lines:
        content = [line for line in lines if line]
        for line in set(content[:2] + content[-2:]):
            edges[_shape(line)] += 1
    pages = len(page_lines)
    running = {
        shape
        for shape, count in edges.items()
        if pages >= 3 and count >= max(3, pages / 2) and len(shape) <= 80
    }
    for lines in page_lines:
        content_indexes = [i for i, line in enumerate(lines) if line]
        edge_indexes = set(content_indexes[:2] + content_indexes[-2:])
        for index in sorted(edge_indexes, reverse=True):
            line = lines[index]
            if _shape(line) in running or _PAGE_NUMBER.match(line):
                lines[index] = ""


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs.

    A paragraph ends at an empty line, or after a line that ends a sentence and is clearly
    shorter than the page's usual line; a short line without final punctuation followed by
    a capitalised line is a heading. Words hyphenated across lines are joined.
    """
    lengths = [len(line) for line in lines if len(line) > 20]
    typical = statistics.median(lengths) if lengths else 60
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif (
            current.endswith("-")
            and len(current) > 1
            and current[-2].isalpha()
            and line[:1].islower()
        ):
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        following = lines[index + 1] if index + 1 < len(lines) else ""
        short = len(line) < 0.8 * typical
        heading = (
            len(line) < 0.6 * typical
            and not line.endswith(_SENTENCE_END + (",", ";", "-"))
            and following[:1].isupper()
        )
        if (short and line.endswith(_SENTENCE_END)) or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
