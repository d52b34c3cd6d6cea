"""Word (.docx) and OpenDocument (.odt) text: read straight from their XML, with limits.

Both are zip containers of XML parts. Only the parts needed are inflated (the body and
the document properties), each after its declared size and compression ratio are checked,
and each XML part is parsed with entities, DTDs and network access off
(:mod:`ingest.readers.limits`). Tracked deletions, field codes, comments and footnote
bodies are left out; text boxes become paragraphs of their own.
"""

from __future__ import annotations

import datetime as dt

from ingest.readers.article import Article
from ingest.readers.errors import ReadError
from ingest.readers.limits import Container, Limits, open_zip, parse_xml, read_zip_part
from ingest.readers.plaintext import first_line_title
from ingest.readers.published import find_dateline, from_metadata

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

_DOCX = Container("Word document", ".docx", "Word")
_ODT = Container("OpenDocument text", ".odt", "LibreOffice")


def read_docx(path: str, name: str, limits: Limits) -> Article:
    """Read a .docx: body paragraphs (tables and text boxes included) and core properties."""
    with open_zip(path, name, _DOCX, limits) as archive:
        body = read_zip_part(archive, "word/document.xml", name, _DOCX, limits)
        if body is None:
            raise ReadError(_DOCX.damaged(name))
        core = read_zip_part(archive, "docProps/core.xml", name, _DOCX, limits)
        root = parse_xml(body, name, _DOCX)
        props = parse_xml(core, name, _DOCX) if core else None
    paragraphs, styled_title = [], None
    skip = {f"{W}p", MC_FALLBACK, f"{W}del", f"{W}instrText"}
    for paragraph in root.iter(f"{W}p"):
        if _inside(paragraph, MC_FALLBACK):
            continue
        text = "".join(_docx_text(paragraph, skip)).strip()
        if not text:
            continue
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        style_name = (style.get(f"{W}val") or "").lower() if style is not None else ""
        if not paragraphs and style_name in ("title", "heading1", "heading 1"):
            styled_title = text
        paragraphs.append(text)
    info = _properties(props)
    return _article(paragraphs, info, styled_title, name, "docx", "document")


def _inside(element, tag: str) -> bool:
    return any(ancestor.tag == tag for ancestor in element.iterancestors())


def _docx_text(paragraph, skip: set[str]):
    """The paragraph's own text in order, not descending into nested paragraphs."""
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag in skip:
            continue
        if tag == f"{W}t":
            yield element.text or ""
        elif tag == f"{W}tab":
            yield "\t"
        elif tag in (f"{W}br", f"{W}cr"):
            yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        else:
            stack.extend(reversed(element))


def read_odt(path: str, name: str, limits: Limits) -> Article:
    """Read an .odt: body paragraphs and headings, and meta.xml properties."""
    with open_zip(path, name, _ODT, limits) as archive:
        content = read_zip_part(archive, "content.xml", name, _ODT, limits)
        if content is None:
            raise ReadError(_ODT.damaged(name))
        meta = read_zip_part(archive, "meta.xml", name, _ODT, limits)
        root = parse_xml(content, name, _ODT)
        props = parse_xml(meta, name, _ODT) if meta else None
    skip = {f"{TEXT}p", f"{TEXT}h", f"{TEXT}note", f"{OFFICE}annotation", f"{TEXT}tracked-changes"}
    paragraphs, heading = [], None
    for paragraph in root.iter(f"{TEXT}p", f"{TEXT}h"):
        if _inside(paragraph, f"{TEXT}note") or _inside(paragraph, f"{OFFICE}annotation"):
            continue
        if _inside(paragraph, f"{TEXT}tracked-changes"):
            continue
        text = "".join(_odt_text(paragraph, skip)).strip()
        if not text:
            continue
        if heading is None and not paragraphs and paragraph.tag == f"{TEXT}h":
            heading = text
        paragraphs.append(text)
    info = {}
    if props is not None:
        info = {
            "title": _find_text(props, f".//{DC}title"),
            "author": _find_text(props, f".//{DC}creator")
            or _find_text(props, f".//{META}initial-creator"),
            "created": from_metadata(_find_text(props, f".//{META}creation-date")),
        }
    return _article(paragraphs, info, heading, name, "odt", "document")


def _odt_text(paragraph, skip: set[str]):
    if paragraph.text:
        yield paragraph.text
    for child in paragraph:
        yield from _odt_child(child, skip)


def _odt_child(element, skip: set[str]):
    tag = element.tag
    if tag not in skip:
        if tag == f"{TEXT}s":
            yield " " * min(int(element.get(f"{TEXT}c", "1") or 1), 100)
        elif tag == f"{TEXT}tab":
            yield "\t"
        elif tag == f"{TEXT}line-break":
            yield "\n"
        else:
            if element.text:
                yield element.text
            for child in element:
                yield from _odt_child(child, skip)
    if element.tail:
        yield element.tail


def _find_text(root, path: str) -> str | None:
    element = root.find(path)
    if element is None or not (element.text or "").strip():
        return None
    return element.text.strip()


def _properties(props) -> dict:
    if props is None:
        return {}
    return {
        "title": _find_text(props, f"{DC}title"),
        "author": _find_text(props, f"{DC}creator"),
        "created": from_metadata(_find_text(props, f"{DCTERMS}created")),
    }


def _article(paragraphs, info, heading, name, kind, noun) -> Article:
    text = "\n\n".join(paragraphs)
    published, warnings = dated_by_creation(text, info.get("created"), noun)
    return Article(
        text=text,
        title=info.get("title") or heading or first_line_title(text),
        author=info.get("author"),
        published=published,
        kind=kind,
        warnings=warnings,
        file_name=name,
    )


def dated_by_creation(text: str, created: str | None, noun: str) -> tuple[str | None, list[str]]:
    """A publication date for a document with a creation date in its properties.

    A dateline in the text wins (a year-less one takes its year from the creation date);
    else the creation date is used, with a warning that it may not be the publication date.
    Without a creation date nothing is decided here (the file's date serves later).
    """
    if not created:
        return None, []
    reference = dt.date.fromisoformat(created[:10])
    published, warnings = find_dateline(text, reference, f"the {noun}'s creation date")
    if published:
        return published, warnings
    return created, [
        f"The publication date was taken from the {noun}'s creation date, which may be when "
        f"it was written or saved rather than published; check it."
    ]
