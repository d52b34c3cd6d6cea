"""Size and shape limits for untrusted files, and the guarded zip and XML access built on them.

Every check here runs before the expensive work it protects: a file's size is judged from
``stat`` alone (a 2 GB file is refused without reading a byte), a zip member's declared size
and compression ratio before it is inflated, and an XML part's declarations before parsing.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from ingest.readers.errors import ReadError

MB = 1024 * 1024

_PER_KIND_DEFAULT = {
    "txt": 50 * MB,
    "md": 50 * MB,
    "html": 50 * MB,
    "rtf": 100 * MB,
    "mhtml": 150 * MB,
    "eml": 150 * MB,
    "docx": 150 * MB,
    "odt": 150 * MB,
    "pdf": 200 * MB,
    "selection": 50 * MB,
}


@dataclass(frozen=True)
class Limits:
    """How much an untrusted file may cost to read. The defaults suit a laptop.

    ``max_bytes`` caps every file; ``per_kind`` sets lower caps by kind (text formats are
    small; a PDF with images is not). Zip containers (.docx, .odt) may hold at most
    ``max_zip_members`` entries; a part that is read may inflate to at most
    ``max_part_bytes`` and by at most ``max_zip_ratio`` times its compressed size.
    ``memory_bytes`` is the worker's address-space limit, ``timeout`` its time limit (s).
    """

    max_bytes: int = 200 * MB
    per_kind: Mapping[str, int] = field(default_factory=lambda: dict(_PER_KIND_DEFAULT))
    max_zip_members: int = 20_000
    max_part_bytes: int = 100 * MB
    max_zip_ratio: float = 200.0
    max_text_chars: int = 50_000_000
    memory_bytes: int = 3 * 1024 * MB
    timeout: float = 30.0

    def for_kind(self, kind: str) -> int:
        """The byte limit for a file of ``kind``."""
        return min(self.max_bytes, self.per_kind.get(kind, self.max_bytes))


DEFAULT_LIMITS = Limits()
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def human_size(size: int) -> str:
    """``1.5 GB``, ``200 MB``, ``12 KB``: a size as people say it."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return (
                f"{value:.1f} {unit}".replace(".0 ", " ") if value < 10 else f"{value:.0f} {unit}"
            )
    return f"{size} bytes"


def check_size(name: str, size: int, kind: str, limits: Limits) -> None:
    """Refuse a file larger than its kind allows (one sentence naming the file and the limit)."""
    limit = limits.for_kind(kind)
    if size > limit:
        raise ReadError(
            f"{name} is too large to read ({human_size(size)}; the limit for this kind of "
            f"file is {human_size(limit)}); split it or save only the article you need."
        )


@dataclass(frozen=True)
class Container:
    """A zip-and-XML document format, for messages: "Word document", ".docx", "Word"."""

    noun: str
    extension: str
    app: str

    def damaged(self, name: str) -> str:
        return (
            f"{name} is not a valid {self.noun} (the file is damaged or not a {self.extension}); "
            f"open it in {self.app} and save it again."
        )


def _zip_entry_count(data_tail: bytes) -> int | None:
    """The entry count from a zip's end-of-central-directory record, if found."""
    at = data_tail.rfind(b"PK\x05\x06")
    if at < 0 or len(data_tail) - at < 22:
        return None
    return struct.unpack("<H", data_tail[at + 10 : at + 12])[0]


def open_zip(path: str, name: str, what: Container, limits: Limits) -> zipfile.ZipFile:
    """Open a zip container after checking it is one and has not absurdly many entries."""
    damaged = what.damaged(name)
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 65_557))
            count = _zip_entry_count(handle.read())
    except OSError as error:
        raise ReadError(f"{name} could not be opened ({error.strerror}); check the file.") from None
    if count is not None and count > limits.max_zip_members:
        raise ReadError(
            f"{name} holds {count} parts, far more than a genuine {what.noun} has; it was not read "
            f"because it may be built to exhaust memory."
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReadError(damaged) from None
    if len(archive.infolist()) > limits.max_zip_members:
        archive.close()
        raise ReadError(
            f"{name} holds too many parts for a genuine {what.noun}; it was not read "
            f"because it may be built to exhaust memory."
        )
    return archive


def read_zip_part(
    archive: zipfile.ZipFile, part: str, name: str, what: Container, limits: Limits
) -> bytes | None:
    """Inflate one part of a zip with its size and ratio checked first, or None if absent.

    The declared sizes are checked before inflating; the read itself is bounded too,
    since a forged header can understate the size.
    """
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    bomb = (
        f"{name} contains a part that inflates to an absurd size (a 'zip bomb'); it was not "
        f"read, so ask for a clean copy of the {what.noun}."
    )
    if info.file_size > limits.max_part_bytes:
        raise ReadError(bomb)
    if info.file_size > MB and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
        raise ReadError(bomb)
    chunks, total = [], 0
    damaged = what.damaged(name)
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(MB):
                total += len(chunk)
                if total > limits.max_part_bytes or total > info.file_size:
                    raise ReadError(bomb)
                chunks.append(chunk)
    except ReadError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise ReadError(damaged) from None
    except zlib.error:
        raise ReadError(damaged) from None
    return b"".join(chunks)


def parse_xml(data: bytes, name: str, what: Container):
    """Parse an XML part of an office document without entities, DTDs or network access.

    Office formats never declare a DTD or entities, so a part that does is refused
    outright (that is how a 'billion laughs' XML bomb is built); lxml also runs with
    entity resolution, DTD loading, network access and huge-tree mode off.
    """
    from lxml import etree

    if _DECLARATION.search(data):
        raise ReadError(
            f"{name} contains XML entity declarations, which a genuine {what.noun} never has; it "
            f"was not read because it may be built to exhaust memory (an 'XML bomb')."
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise ReadError(what.damaged(name)) from None
