"""Test configuration shared by every room.

- Qt runs offscreen and in test mode, so tests never touch a screen or real settings.
- Network sockets are blocked for the whole suite: any code path that reaches for the network
  fails its test (Annalist is an offline tool).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from models import demo
from models.store import Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


class NetworkBlocked(RuntimeError):
    pass


_real_socket = socket.socket
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


class _GuardedSocket(_real_socket):
    """A socket that may exist (Qt and multiprocessing make local ones) but not reach a network."""

    def connect(self, address):
        _refuse_remote(self.family, address)
        return super().connect(address)

    def connect_ex(self, address):
        _refuse_remote(self.family, address)
        return super().connect_ex(address)


def _refuse_remote(family, address):
    if family == getattr(socket, "AF_UNIX", None):
        return
    raise NetworkBlocked(f"network access attempted during tests: {address!r}")


def _blocked(*args, **kwargs):
    raise NetworkBlocked(f"network access attempted during tests: {args!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    yield


# ---------------------------------------------------------------- workspaces


@pytest.fixture
def ws_path(tmp_path) -> Path:
    path = tmp_path / "case.annalist"
    Workspace.open(path).close()
    return path


@pytest.fixture
def ws(ws_path):
    workspace = Workspace.open(ws_path)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_ws(tmp_path):
    workspace = Workspace.open(tmp_path / "demo.annalist")
    demo.load_demo(workspace)
    yield workspace
    workspace.close()


@pytest.fixture
def demo_path(tmp_path) -> Path:
    """A closed workspace file with the demo content."""
    path = tmp_path / "demo.annalist"
    with Workspace.open(path) as workspace:
        demo.load_demo(workspace)
        workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
