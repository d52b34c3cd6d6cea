"""RTF: a small tokenizer that keeps the text and the \\info metadata and skips the rest.

Handles code pages (``\\ansicpg``, per-font ``\\fcharset``), ``\\'hh`` bytes, ``\\uN``
Unicode with its ``\\ucN`` fallback count, ``\\binN`` data, ignorable ``{\\*...}``
destinations, fields (keeping the visible result) and pictures and objects (skipped).
Group nesting is tracked on a list, not the call stack, so deep nesting cannot overflow.
"""

from __future__ import annotations

import re

from ingest.readers.article import Article, tidy_text
from ingest.readers.documents import dated_by_creation
from ingest.readers.errors import ReadError
from ingest.readers.plaintext import first_line_title

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
_SKIP_DESTINATIONS = {
    b"fonttbl",
    b"colortbl",
    b"stylesheet",
    b"listtable",
    b"listoverridetable",
    b"revtbl",
    b"rsidtbl",
    b"generator",
    b"pict",
    b"object",
    b"objdata",
    b"header",
    b"headerl",
    b"headerr",
    b"headerf",
    b"footer",
    b"footerl",
    b"footerr",
    b"footerf",
    b"footnote",
    b"annotation",
    b"fldinst",
    b"themedata",
    b"colorschememapping",
    b"datastore",
    b"latentstyles",
    b"xmlnstbl",
    b"datafield",
    b"bkmkstart",
    b"bkmkend",
    b"shp",
    b"shpinst",
    b"nonshppict",
    b"private",
    b"pgdsctbl",
    b"mmathPr",
    b"filetbl",
    b"listtext",
    b"pntext",
    b"pntxta",
    b"pntxtb",
    b"txe",
    b"xe",
    b"tc",
    b"passwordhash",
    b"wgrffmtfilter",
}
_INFO_FIELDS = {b"title", b"author", b"subject", b"company"}
_SPECIAL = {
    b"par": "\n\n",
    b"sect": "\n\n",
    b"page": "\n\n",
    b"line": "\n",
    b"tab": "\t",
    b"cell": " ",
    b"row": "\n",
    b"emdash": "—",
    b"endash": "–",
    b"bullet": "•",
    b"lquote": "‘",
    b"rquote": "’",
    b"ldblquote": "“",
    b"rdblquote": "”",
    b"emspace": " ",
    b"enspace": " ",
    b"qmspace": " ",
    b"zwj": "",
    b"zwnj": "",
    b"~": "\u00a0",
    b"_": "\u2011",
    b"-": "",
}
_CHARSET_CODEPAGE = {
    0: "cp1252",
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    130: "johab",
    134: "gbk",
    136: "big5",
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
}
_MAX_DEPTH = 10_000


def read_rtf(data: bytes, name: str) -> Article:
    """Read an RTF document's text and its title, author and creation time."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError(
            f"{name} is not a valid RTF document (it does not start as RTF files do); open it "
            f"in a word processor and save it again as RTF or .docx."
        )
    text, info = _convert(data, name)
    published, warnings = dated_by_creation(tidy_text(text), info.get("creatim"), "document")
    title = info.get("title") or first_line_title(text)
    return Article(
        text=text,
        title=title,
        author=info.get("author"),
        publisher=info.get("company"),
        published=published,
        kind="rtf",
        warnings=warnings,
        file_name=name,
    )


class _Group:
    __slots__ = ("skip", "uc", "codepage", "info", "time")

    def __init__(self, skip=False, uc=1, codepage="cp1252", info=None, time=None):
        self.skip, self.uc, self.codepage, self.info, self.time = skip, uc, codepage, info, time


def _convert(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together so multibyte code pages work
    info: dict[str, str] = {}
    info_parts: dict[str, list[str]] = {}
    times: dict[str, dict[str, int]] = {}
    fonts: dict[int, str] = {}
    default_codepage = "cp1252"
    current_font: int | None = None
    group = _Group()
    stack: list[_Group] = []
    unicode_skip = 0
    destination_expected = False
    in_fonttbl_depth: int | None = None
    font_number: int | None = None

    def emit(text: str) -> None:
        flush_bytes()
        if group.info is not None:
            info_parts.setdefault(group.info, []).append(text)
        elif not group.skip:
            out.append(text)

    def flush_bytes() -> None:
        if pending:
            text = bytes(pending).decode(group.codepage, errors="replace")
            pending.clear()
            if group.info is not None:
                info_parts.setdefault(group.info, []).append(text)
            elif not group.skip:
                out.append(text)

    position, length = 0, len(data)
    while position < length:
        match = _TOKEN.match(data, position)
        if not match:
            position += 1
            continue
        position = match.end()
        word, argument, hexbyte, symbol, brace, literal = match.groups()
        if (
            word is None
            and hexbyte is None
            and symbol is None
            and brace is None
            and literal is None
        ):
            continue  # a raw line break, which RTF ignores
        if unicode_skip and (hexbyte or literal or symbol):
            # Skip the ANSI fallback that follows a \uN (one \'hh or one character counts 1).
            if literal:
                drop = min(unicode_skip, len(literal))
                unicode_skip -= drop
                literal = literal[drop:]
                if not literal:
                    continue
            else:
                unicode_skip -= 1
                continue
        if brace == b"{":
            flush_bytes()
            stack.append(group)
            if len(stack) > _MAX_DEPTH:
                raise ReadError(
                    f"{name} is nested far deeper than any real RTF document; it was not read "
                    f"because it may be damaged or malicious."
                )
            group = _Group(group.skip, group.uc, group.codepage, group.info, group.time)
            destination_expected = True
            continue
        if brace == b"}":
            flush_bytes()
            if in_fonttbl_depth is not None and len(stack) <= in_fonttbl_depth:
                in_fonttbl_depth = None
            group = stack.pop() if stack else group
            unicode_skip = 0
            destination_expected = False
            continue
        first_in_group = destination_expected
        destination_expected = False
        if word is not None:
            value = int(argument) if argument is not None else None
            if word == b"bin" and value:
                position += max(0, value)
                continue
            if first_in_group and word in _SKIP_DESTINATIONS:
                if word == b"fonttbl":
                    in_fonttbl_depth = len(stack)
                group.skip = True
                continue
            if first_in_group and word == b"info":
                group.skip = True
                continue
            if word in _INFO_FIELDS and first_in_group:
                group.info = word.decode()
                continue
            if word in (b"creatim", b"revtim", b"printim", b"buptim") and first_in_group:
                group.time = word.decode()
                times[group.time] = {}
                continue
            if group.time and word in (b"yr", b"mo", b"dy", b"hr", b"min"):
                times[group.time][word.decode()] = value or 0
                continue
            if word == b"ansicpg" and value:
                default_codepage = f"cp{value}"
                group.codepage = default_codepage
            elif word == b"f" and value is not None:
                if in_fonttbl_depth is not None:
                    font_number = value
                else:
                    current_font = value
                    group.codepage = fonts.get(current_font, default_codepage)
            elif word == b"fcharset" and in_fonttbl_depth is not None and font_number is not None:
                codepage = _CHARSET_CODEPAGE.get(value or 0)
                fonts[font_number] = codepage or default_codepage
            elif word == b"uc":
                group.uc = value or 0
            elif word == b"u" and value is not None:
                emit(chr(value % 65536 if value >= 0 else value + 65536))
                unicode_skip = group.uc
            elif word in _SPECIAL:
                emit(_SPECIAL[word])
            continue
        if symbol is not None:
            if symbol == b"*" and first_in_group:
                group.skip = True
            elif symbol in (b"\\", b"{", b"}"):
                emit(symbol.decode())
            elif symbol in _SPECIAL:
                emit(_SPECIAL[symbol])
            elif symbol in (b"\n", b"\r"):
                emit("\n\n")
            continue
        if hexbyte is not None:
            if group.info is not None or not group.skip:
                pending.append(int(hexbyte, 16))
            continue
        if literal is not None:
            emit(literal.decode(group.codepage, errors="replace"))
    flush_bytes()
    for key, parts in info_parts.items():
        value = " ".join("".join(parts).split())
        if value:
            info[key] = value
    created = times.get("creatim") or {}
    if created.get("yr") and created.get("mo") and created.get("dy"):
        try:
            import datetime as dt

            stamp = dt.datetime(
                created["yr"],
                created["mo"],
                created["dy"],
                created.get("hr", 0),
                created.get("min", 0),
            )
            info["creatim"] = (
                stamp.isoformat()
                if (created.get("hr") or created.get("min"))
                else stamp.date().isoformat()
            )
        except ValueError:
            pass
    return "".join(out), info
