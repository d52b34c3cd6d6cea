"""Plain text and Markdown: encoding detection, binary refusal, a title from the first line."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ingest.readers.article import Article, tidy_line
from ingest.readers.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: C0 controls other than tab, LF, VT, FF, CR, ESC.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27})
_SAMPLE = 64 * 1024

# Friendlier names for the codecs charset-normalizer reports.
_ENCODING_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "koi8_r": "KOI8-R (Russian)",
    "koi8_u": "KOI8-U (Ukrainian)",
    "shift_jis": "Shift JIS (Japanese)",
    "cp932": "Shift JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "gb18030": "GB18030 (Chinese)",
    "gb2312": "GB2312 (Chinese)",
    "big5": "Big5 (Chinese)",
    "euc_kr": "EUC-KR (Korean)",
    "latin_1": "Latin-1 (Western European)",
    "iso8859_1": "Latin-1 (Western European)",
    "iso8859_2": "ISO 8859-2 (Central European)",
    "iso8859_5": "ISO 8859-5 (Cyrillic)",
    "iso8859_6": "ISO 8859-6 (Arabic)",
    "mac_cyrillic": "Mac Cyrillic",
}


def encoding_label(codec: str) -> str:
    """A human name for a Python codec name."""
    key = codecs.lookup(codec).name.replace("-", "_")
    return _ENCODING_NAMES.get(key, codec.upper().replace("_", "-"))


def looks_binary(data: bytes) -> bool:
    """True when a sample holds NUL bytes or many control bytes: not text in any encoding.

    Call it only after BOM and UTF-16/32 detection (those legitimately hold NULs).
    """
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for Latin-script text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode bytes of unknown encoding; return the text and any warnings.

    Order: a byte-order mark; UTF-16 without one; a ``declared`` encoding (from HTML meta
    or a mail header) if it decodes cleanly; strict UTF-8; then charset-normalizer's guess,
    with a warning saying which encoding was assumed. Binary data raises :class:`ReadError`.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _printable(data[len(bom) :].decode(codec, errors="replace"), name), []
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        return _printable(data.decode(utf16, errors="replace"), name), []
    if looks_binary(data):
        raise _not_text(name)
    if declared:
        try:
            return data.decode(_codec(declared) or "utf-8"), []
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def _not_text(name: str) -> ReadError:
    return ReadError(
        f"{name} is not text (it holds binary data, as a program, image or archive does); "
        f"check that you dropped the right file."
    )


def _printable(text: str, name: str) -> str:
    """Refuse a decode that produced mostly control, unassigned or private characters:
    binary data that happened to look like UTF-16 or to start with a byte-order mark."""
    sample = text[:8192]
    odd = sum(
        1
        for char in sample
        if char == "\ufffd"  # a byte sequence the codec could not decode
        or (char not in "\t\n\r\f" and unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs"))
    )
    if sample and odd / len(sample) > 0.05:
        raise _not_text(name)
    return text


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _guess(data: bytes, name: str) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    codec = best.encoding if best is not None else "cp1252"
    text = data.decode(codec, errors="replace")
    warning = (
        f"The text encoding of {name} was not stated and was guessed as {encoding_label(codec)}; "
        f"if the text looks garbled, save the file as UTF-8 and read it again."
    )
    return text, [warning]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images keep their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),
)


def read_plain(data: bytes, name: str, kind: str = "txt") -> Article:
    """Read a .txt or .md file's bytes into an Article (``kind`` is "txt" or "md")."""
    text, warnings = decode_text(data, name)
    meta: dict[str, str] = {}
    if kind == "md":
        text, meta = _markdown(text)
    title = meta.get("title") or first_line_title(text)
    return Article(
        text=text,
        title=title,
        author=meta.get("author"),
        publisher=meta.get("publisher") or meta.get("source"),
        url=meta.get("url") or meta.get("source_url"),
        published=meta.get("date") or meta.get("published"),
        kind=kind,
        warnings=warnings,
        file_name=name,
    )


def first_line_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, alone, not ending a sentence."""
    for line in text.lstrip().splitlines()[:1]:
        line = tidy_line(line)
        if 3 <= len(line) <= 200 and not line.endswith((".", ",", ";", ":")):
            return line
    return None


def _markdown(text: str) -> tuple[str, dict[str, str]]:
    """Markdown to plain paragraphs; YAML-style front matter gives title, date, author."""
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and value.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    text = _SETEXT.sub(r"\1", text)
    text = _HEADING.sub(lambda m: f"\n{m.group(1)}\n", text)
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text, flags=re.M)  # list markers
    return text, meta
