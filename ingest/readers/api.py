"""The readers' public entry points: ``read`` a file, ``read_dropped`` a drag or paste."""

from __future__ import annotations

import os
import threading

from ingest import safety
from ingest.readers import dispatch, dropped
from ingest.readers.article import Article
from ingest.readers.errors import ReadCancelled, ReadError, ReadTimeout
from ingest.readers.limits import DEFAULT_LIMITS, Limits

# The functions the worker runs; tests swap in a hook that spins or balloons.
_READ_TARGET = dispatch.read_checked
_DROP_TARGET = dropped.read_mime


def read(
    path: str | os.PathLike,
    *,
    timeout: float | None = None,
    in_process: bool = False,
    limits: Limits | None = None,
    cancel: threading.Event | None = None,
) -> Article:
    """Read an article file (.txt .md .html .htm .mhtml .pdf .docx .odt .rtf .eml).

    Cheap checks (existence, kind, size) run here; parsing runs in a worker process with
    a time limit (``timeout`` seconds, default ``limits.timeout``), a memory limit and no
    network, so a hostile or broken file cannot freeze or crash the caller. Set ``cancel``
    to stop it early. ``in_process=True`` parses in this process instead: only for
    trusted input, tests and profiling.

    Raises :class:`ReadError` whose message is one sentence naming the file, saying what
    went wrong and what to do.
    """
    limits = limits or DEFAULT_LIMITS
    path = os.fspath(path)
    name, kind = dispatch.preflight(path, limits)
    if in_process:
        return _guarded_in_process(dispatch.read_checked, (path, kind, limits), name, kind)
    return _run(_READ_TARGET, (path, kind, limits), name, kind, timeout, limits, cancel)


def read_dropped(
    mime: dict[str, bytes | str],
    *,
    timeout: float | None = None,
    in_process: bool = False,
    limits: Limits | None = None,
    cancel: threading.Event | None = None,
) -> Article:
    """Read content dragged or pasted from another program, keyed by MIME type.

    Uses ``text/html`` when present (main text and metadata as for a saved page), else
    ``text/plain``; the kind is "selection". A bare web address (``text/uri-list`` or a
    URL as the only text) raises :class:`ReadError`: pages cannot be fetched offline, so
    the message asks the user to save the page and drop the file. Runs in a worker like
    :func:`read`.
    """
    limits = limits or DEFAULT_LIMITS
    dropped.preflight(mime, limits)
    args = (dict(mime), limits)
    if in_process:
        return _guarded_in_process(dropped.read_mime, args, "The dropped text", "selection")
    return _run(_DROP_TARGET, args, "The dropped text", "selection", timeout, limits, cancel)


def _run(target, args, name, kind, timeout, limits, cancel) -> Article:
    timeout = limits.timeout if timeout is None else timeout
    try:
        result = safety.run_limited(
            target, args, timeout=timeout, memory_bytes=limits.memory_bytes, cancel=cancel
        )
    except safety.WorkerTimeout:
        raise ReadTimeout(
            f"{name} took longer than {timeout:g} s to read and was stopped; the file may be "
            f"damaged or unusually complex, so try saving it again or exporting it as text."
        ) from None
    except safety.WorkerCancelled:
        raise ReadCancelled(f"Reading {name} was cancelled.") from None
    except safety.WorkerOutOfMemory:
        raise ReadError(
            f"{name} needed more memory than allowed and was not read; the file may be damaged "
            f"or built to exhaust memory, so ask for a clean copy."
        ) from None
    except safety.WorkerCrashed:
        raise ReadError(
            f"{name} made its reader crash and was not read; the file is probably damaged, "
            f"so open it in the program that made it and save it again."
        ) from None
    except ReadError:
        raise
    except (RecursionError, MemoryError, Exception) as error:
        raise _unexpected(name, kind, error) from None
    return result


def _guarded_in_process(func, args, name, kind) -> Article:
    try:
        return func(*args)
    except ReadError:
        raise
    except (RecursionError, MemoryError, Exception) as error:
        raise _unexpected(name, kind, error) from error


def _unexpected(name: str, kind: str, error: BaseException) -> ReadError:
    return ReadError(
        f"{name} could not be read because the {kind} reader failed on it "
        f"({type(error).__name__}); the file is probably damaged, so open it in the program "
        f"that made it and save it again."
    )
