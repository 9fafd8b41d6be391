"""`hotline serve` listens before it imports the app: the sockets it makes (or the ones systemd
passed), and the one line it prints when the address cannot be listened on."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotline.cli.sockets import BACKLOG, ListenError, listening_sockets
from tests.support.serving import run_hotline


@pytest.fixture
def taken() -> Iterator[int]:
    """A port another socket listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def test_the_socket_listens_at_once_with_a_generous_backlog() -> None:
    [[sock]] = listening_sockets("127.0.0.1", 0)
    with sock, socket.create_connection(sock.getsockname(), timeout=5) as client:
        accepted, _ = sock.accept()  # the connection waited in the backlog, nothing served it
        with accepted:
            client.sendall(b"ping")
            assert accepted.recv(4) == b"ping"
    assert BACKLOG >= 1024


def test_each_worker_gets_a_socket_of_its_own_on_the_one_port() -> None:
    [[first]] = listening_sockets("127.0.0.1", 0)
    port = first.getsockname()[1]
    first.close()
    groups = listening_sockets("127.0.0.1", port, copies=2)  # SO_REUSEPORT: both bind
    try:
        assert [[s.getsockname()[1] for s in group] for group in groups] == [[port], [port]]
        assert groups[0][0] is not groups[1][0]
    finally:
        for group in groups:
            for sock in group:
                sock.close()


def test_a_port_in_use_is_one_line_that_says_what_to_do(taken: int) -> None:
    with pytest.raises(ListenError, match=r"in use.*--port"):
        listening_sockets("127.0.0.1", taken)


@pytest.mark.parametrize(
    ("host", "port", "said"),
    [("127.0.0.1", 70000, "0-65535"), ("no-such-host.invalid", 8080, "unknown")],
)
def test_a_bad_address_is_one_line(host: str, port: int, said: str) -> None:
    with pytest.raises(ListenError, match=said):
        listening_sockets(host, port)


def test_an_address_family_the_kernel_lacks_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """As with "localhost" on a machine with IPv6 off: its ::1 is skipped, 127.0.0.1 served."""
    found = socket.getaddrinfo("127.0.0.1", 0, type=socket.SOCK_STREAM)
    no_such_family = 255  # above any AF_*: socket() fails with EAFNOSUPPORT, as AF_INET6 would
    lacking = (no_such_family, socket.SOCK_STREAM, 0, "", ("::1", 0))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *_, **__: [lacking, *found])
    [[sock]] = listening_sockets("localhost", 0)
    with sock:
        assert sock.family == socket.AF_INET
    monkeypatch.setattr(socket, "getaddrinfo", lambda *_, **__: [lacking])
    with pytest.raises(ListenError, match="cannot listen on localhost:0: no address"):
        listening_sockets("localhost", 0)


def test_a_malformed_listen_fds_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LISTEN_PID", str(os.getpid()))
    monkeypatch.setenv("LISTEN_FDS", "two")
    with pytest.raises(ListenError, match="LISTEN_FDS='two' is not a number"):
        listening_sockets("127.0.0.1", 0)


# Run in a process of its own: fd 3, where systemd puts the first socket, is pytest's here.
PASSED_BY_SYSTEMD = """
import os, socket
from hotline.cli.sockets import listening_sockets
passed = socket.create_server(("127.0.0.1", 0))
os.dup2(passed.fileno(), 3)
os.environ.update(LISTEN_PID=str(os.getpid()), LISTEN_FDS="1")
[[sock]] = listening_sockets("127.0.0.1", 8080, copies=2)  # one set, shared
print(sock.fileno(), sock.getsockname() == passed.getsockname(), "LISTEN_FDS" in os.environ)
"""


def test_sockets_passed_by_systemd_are_taken_as_they_are() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PASSED_BY_SYSTEMD], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["3", "True", "False"], done.stderr  # not handed on either


PASSED_NO_SOCKET = """
import os, sys
from hotline.cli.sockets import ListenError, listening_sockets
os.dup2(os.open(sys.executable, os.O_RDONLY), 3)  # a file, not a socket
os.environ.update(LISTEN_PID=str(os.getpid()), LISTEN_FDS="1")
try:
    listening_sockets("127.0.0.1", 8080)
except ListenError as exc:
    print(exc)
"""


def test_a_passed_fd_that_is_no_socket_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PASSED_NO_SOCKET], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "the service manager's fd 3 (LISTEN_FDS=1) is no socket: " + (
        os.strerror(errno.ENOTSOCK)
    ), done.stderr


def test_hotline_serve_on_a_port_in_use_prints_one_line(taken: int, tmp_path: Path) -> None:
    env = {**os.environ, "HOTLINE_STORE": f"sqlite:///{tmp_path}/h.db"}
    done = run_hotline(env, tmp_path, "serve", "--port", str(taken), within=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"hotline: cannot listen on 127.0.0.1:{taken}: the address is in use (another hotline"
        " serve?); stop it or choose another --port / HOTLINE_PORT"
    ]
