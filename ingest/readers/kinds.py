"""Which files are which: kinds by extension, and sniffing what a file really is."""

from __future__ import annotations

import zipfile

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".eml": "eml",
}
SUPPORTED = ".txt, .md, .html, .htm, .mhtml, .pdf, .docx, .odt, .rtf and .eml"

# Kinds people drop that we cannot read, with what to do instead.
UNSUPPORTED_ADVICE = {
    ".doc": "an old Word 97–2003 document; open it in Word or LibreOffice and save it as .docx",
    ".msg": "an Outlook message; open it in Outlook and save it as .eml (or drag the text in)",
    ".webarchive": "a Safari web archive; in Safari use File > Save As with the format "
    "'Page Source', or export it as PDF",
    ".pages": "a Pages document; export it from Pages as Word (.docx) or PDF",
    ".odp": "a presentation; export it as PDF",
    ".pptx": "a presentation; export it as PDF",
    ".xlsx": "a spreadsheet; Annalist reads articles, not tables",
    ".csv": "a table; use File > Load for event tables exported from Annalist or ACLED",
}

# What binary content is, for messages about files with the wrong extension.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (97–2003) document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"ID3", "an audio file"),
)

READABLE_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "odt": "an OpenDocument text",
    "rtf": "an RTF document",
    "html": "a web page",
}


def kind_for(name: str) -> str | None:
    """The reader kind for a file name, from its extension; None if unsupported."""
    lower = name.lower()
    for extension, kind in EXTENSIONS.items():
        if lower.endswith(extension):
            return kind
    return None


def sniff(path: str) -> tuple[str | None, str | None]:
    """What the file's first bytes say it is: (readable kind or None, description or None).

    ``("pdf", None)`` for a PDF; ``(None, "a PNG image")`` for binary we cannot read;
    ``(None, None)`` when the bytes say nothing (text, HTML, mail...).
    """
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" in head:
        return "pdf", None
    if head.startswith(b"{\\rtf"):
        return "rtf", None
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path), None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html", None
    for signature, description in _SIGNATURES:
        if head.startswith(signature):
            return None, description
    return None, None


def _zip_kind(path: str) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:5000])
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
                if b"opendocument.text" in mimetype:
                    return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError, EOFError):
        return None
    return None
