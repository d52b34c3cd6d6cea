import socket
import urllib.request

import pytest

from tests.conftest import NetworkBlocked


def test_tcp_connect_is_refused():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        sock.connect(("127.0.0.1", 9))
    sock.close()


def test_url_fetch_is_refused():
    with pytest.raises((NetworkBlocked, OSError)) as info:
        urllib.request.urlopen("http://example.com", timeout=1)
    assert "network access attempted" in str(info.value)


def test_unix_socketpair_still_works():
    left, right = socket.socketpair()
    left.sendall(b"ok")
    assert right.recv(2) == b"ok"
    left.close()
    right.close()
