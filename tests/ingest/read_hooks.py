"""Worker targets that misbehave on purpose, for the worker-process tests.

They live in their own module because the worker imports its target by name.
"""

from __future__ import annotations

import os
import signal
import socket


def spin(*args):
    """Never return, like a parser caught in a loop on a hostile file."""
    while True:
        pass


def balloon(*args):
    """Allocate far more memory than any real file needs."""
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))


def crash(*args):
    """Die as native code does on a bad pointer."""
    os.kill(os.getpid(), signal.SIGSEGV)


def phone_home(*args):
    """Try to reach the network; the worker must refuse."""
    try:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    except OSError as error:
        return str(error)
    return "connected"


def phone_home_raw(*args):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.connect(("192.0.2.1", 80))
    except OSError as error:
        return str(error)
    finally:
        sock.close()
    return "connected"


def echo(*args):
    return args
