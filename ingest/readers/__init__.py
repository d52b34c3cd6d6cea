"""Readers: turn files and dropped or pasted content into an :class:`Article`, safely.

Public API::

    read(path, *, timeout=None, in_process=False, limits=None, cancel=None) -> Article
    read_dropped(mime, *, timeout=None, in_process=False, limits=None, cancel=None) -> Article

Both raise :class:`ReadError` (one user-facing sentence). Parsing runs in a worker process
with time and memory limits (see :mod:`ingest.safety`). No Qt, no network.
"""

from ingest.readers.api import read, read_dropped
from ingest.readers.article import Article, fingerprint, normalise_for_fingerprint
from ingest.readers.errors import ReadCancelled, ReadError, ReadTimeout
from ingest.readers.kinds import EXTENSIONS, SUPPORTED
from ingest.readers.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "DEFAULT_LIMITS",
    "EXTENSIONS",
    "SUPPORTED",
    "Article",
    "Limits",
    "ReadCancelled",
    "ReadError",
    "ReadTimeout",
    "fingerprint",
    "normalise_for_fingerprint",
    "read",
    "read_dropped",
]
