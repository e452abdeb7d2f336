import socket
import urllib.request

import pytest

from app.core import network_guard


def test_guard_is_active_for_the_whole_run():
    assert network_guard.is_installed()


def test_tcp_connect_is_refused():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(network_guard.NetworkBlocked):
            sock.connect(("127.0.0.1", 9))
    finally:
        sock.close()


def test_name_lookups_and_urllib_are_refused():
    with pytest.raises(network_guard.NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(network_guard.NetworkBlocked):
        urllib.request.urlopen("http://127.0.0.1:9/")


def test_local_unix_sockets_still_work(tmp_path):
    path = str(tmp_path / "s")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(path)
    finally:
        client.close()
        server.close()
