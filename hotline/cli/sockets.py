"""The sockets `hotline serve` listens on, made before anything heavy is imported.

A start is mostly Python importing the app (1.5-2 s on a quiet 2-core machine, several times that
under load). The port listens first, as with socket activation: a connection made meanwhile waits
in the kernel's backlog and is answered once the app runs, so a restart (after a crash, a deploy)
refuses nothing. Only the standard library is used here, on purpose.

A service manager may pass the sockets instead (systemd's `LISTEN_FDS`/`LISTEN_PID`, from fd 3):
they are taken as they are. With `--workers N` the parent makes the sockets once and every worker
accepts on them (the children inherit them across the fork).
"""

from __future__ import annotations

import errno
import os
import socket

BACKLOG = 4096  # connections waiting while the app starts (the kernel caps it at somaxconn)
SYSTEMD_FIRST_FD = 3


class ListenError(Exception):
    """The address cannot be listened on: one line that says why and what to do."""


def listening_sockets(host: str, port: int, backlog: int = BACKLOG) -> list[socket.socket]:
    """The service manager's sockets when it passed some, else host:port bound and listening
    (every address the host name resolves to, as aiohttp does)."""
    passed = _systemd_sockets()
    if passed:
        return passed
    if not 0 <= port <= 65535:
        raise ListenError(f"cannot listen on port {port}: a port is 0-65535")
    try:
        found = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        raise ListenError(f"cannot listen on {host}: unknown address ({exc.strerror})") from exc
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys(found):  # in order, once each
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart's TIME_WAIT
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(backlog)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        raise ListenError(_why(host, port, exc)) from exc
    return sockets


def _why(host: str, port: int, exc: OSError) -> str:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {where}: the address is in use (another hotline serve?);"
            " stop it or choose another --port / HOTLINE_PORT"
        )
    if exc.errno == errno.EACCES:
        return f"cannot listen on {where}: not allowed (a port below 1024 needs privileges)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: this machine has no such address (--host / HOTLINE_HOST)"
    return f"cannot listen on {where}: {exc.strerror or exc}"


def _systemd_sockets() -> list[socket.socket]:
    """The listening sockets systemd passed to this very process (sd_listen_fds(3))."""
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        return []
    count = int(os.environ.get("LISTEN_FDS", "0") or 0)
    for name in ("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"):  # not for our children
        os.environ.pop(name, None)
    sockets = [socket.socket(fileno=SYSTEMD_FIRST_FD + n) for n in range(count)]
    for sock in sockets:
        os.set_inheritable(sock.fileno(), False)
    return sockets
