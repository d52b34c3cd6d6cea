"""Run an untrusted parser in a separate process, with time and memory limits.

Parsers of hostile files can spin, balloon or crash. :func:`run_limited` runs one call in a
fresh worker process and waits for it, so the caller (a GUI thread pool or the CLI) never
freezes and never dies with it:

- time: the caller waits at most ``timeout`` seconds, then kills the worker
  (``RLIMIT_CPU`` in the worker is a second line of defence);
- memory: the worker's address space is capped with ``RLIMIT_AS`` where the platform has it;
- network: the worker's socket module refuses remote connections;
- cancellation: a ``threading.Event`` set by the caller kills the worker at once.

Workers start with the "forkserver" method where it exists (Linux, macOS): a clean server
process forks each worker with the readers already imported, so a worker starts in
milliseconds and never inherits the GUI's threads. Elsewhere (Windows) "spawn" is used.
Either way the program's main script is imported (not run) by the workers' parent, so its
entry point must be guarded by ``if __name__ == "__main__":``, as multiprocessing requires.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = [
    "WorkerCancelled",
    "WorkerCrashed",
    "WorkerError",
    "WorkerOutOfMemory",
    "WorkerTimeout",
    "run_limited",
]

# Modules the fork server imports once, so every worker starts with them loaded.
PRELOAD = ["ingest.readers.dispatch"]

_context_lock = threading.Lock()
_context: multiprocessing.context.BaseContext | None = None


class WorkerError(Exception):
    """The worker did not return a result."""


class WorkerTimeout(WorkerError):
    """The worker ran past its time limit and was killed."""


class WorkerCancelled(WorkerError):
    """The caller cancelled and the worker was killed."""


class WorkerOutOfMemory(WorkerError):
    """The worker hit its memory limit."""


class WorkerCrashed(WorkerError):
    """The worker died without answering (a crash in native code, or a kill from outside)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"worker exited with code {exitcode}")
        self.exitcode = exitcode


def _get_context() -> multiprocessing.context.BaseContext:
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(_preload())
            else:
                context = multiprocessing.get_context("spawn")
            _context = context
        return _context


def _preload() -> list[str]:
    """Modules for the fork server to import once.

    The program's main script is among them when it is a file: workers then inherit it
    instead of each re-running it (multiprocessing imports the main module in every child).
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path and os.path.isfile(path) and getattr(main, "__spec__", None) is None:
        return ["__main__", *PRELOAD]
    return list(PRELOAD)


def run_limited(
    func: Callable[..., Any],
    args: Sequence[Any] = (),
    *,
    timeout: float = 30.0,
    memory_bytes: int | None = None,
    cancel: threading.Event | None = None,
) -> Any:
    """Call ``func(*args)`` in a worker process and return its result.

    ``func`` must be a module-level function (it is pickled by reference) and its result
    and exceptions must pickle. An exception raised by ``func`` is re-raised here as is.
    Raises :class:`WorkerTimeout` after ``timeout`` seconds, :class:`WorkerCancelled` when
    ``cancel`` is set, :class:`WorkerOutOfMemory` when the worker exceeds ``memory_bytes``
    (address space, POSIX only) and :class:`WorkerCrashed` when it dies without answering.
    """
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_worker_main,
        args=(sender, func, tuple(args), memory_bytes, timeout),
        daemon=True,
        name="annalist-reader",
    )
    process.start()
    sender.close()
    try:
        outcome = _wait(process, receiver, timeout, cancel)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        if not process.is_alive():
            process.close()
    status, payload = outcome
    if status == "ok":
        return payload
    if status == "memory":
        raise WorkerOutOfMemory("worker ran out of memory")
    raise payload


def _wait(process, receiver, timeout: float, cancel: threading.Event | None):
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            process.kill()
            raise WorkerTimeout(f"worker took longer than {timeout:g} s")
        if cancel is not None and cancel.is_set():
            process.kill()
            raise WorkerCancelled("cancelled")
        step = min(remaining, 0.05) if cancel is not None else remaining
        if receiver.poll(step):
            try:
                return receiver.recv()
            except (EOFError, OSError):
                process.join(5)
                raise WorkerCrashed(process.exitcode) from None


def _worker_main(sender, func, args, memory_bytes, timeout) -> None:
    _apply_limits(memory_bytes, timeout)
    _refuse_network()
    try:
        outcome = ("ok", func(*args))
    except MemoryError:
        outcome = ("memory", None)
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the caller
        outcome = ("raised", error)
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as error:  # an unpicklable result or exception
        sender.send(("raised", WorkerError(f"{type(error).__name__}: {error}")))
    finally:
        sender.close()


def _apply_limits(memory_bytes: int | None, timeout: float) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the only limit
        return
    if memory_bytes:
        _lower_limit(resource, resource.RLIMIT_AS, int(memory_bytes))
    cpu = math.ceil(timeout) + 5
    _lower_limit(resource, resource.RLIMIT_CPU, cpu)


def _lower_limit(resource, which: int, value: int) -> None:
    soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    if soft != resource.RLIM_INFINITY and soft < value:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(which, (value, hard))


def _refuse_network() -> None:
    """Readers never need the network; make sure a library cannot reach it either."""

    def refuse(*args, **kwargs):
        raise OSError("network access is disabled while reading files")

    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if self.family != getattr(socket, "AF_UNIX", None):
            refuse()
        return original_connect(self, address)

    def connect_ex(self, address):
        if self.family != getattr(socket, "AF_UNIX", None):
            refuse()
        return original_connect_ex(self, address)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
