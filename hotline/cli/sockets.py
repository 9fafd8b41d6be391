"""The sockets `hotline serve` listens on, made before anything heavy is imported.

A start is mostly Python importing the app (1.5-2 s on a quiet 2-core machine, several times that
under load). The port listens first, as with socket activation: a connection made meanwhile waits
in the kernel's backlog and is answered once the app runs, so a restart (after a crash, a deploy)
refuses nothing. Only the standard library is used here, on purpose.

With `--workers N` the parent makes N sets with `SO_REUSEPORT`, one per worker (inherited across
the fork): the kernel spreads new connections over them. One shared socket would not do: asyncio
accepts up to its backlog at each wake, so the first worker awake takes a whole burst.
A service manager may pass the sockets instead (systemd's `LISTEN_FDS`/`LISTEN_PID`, from fd 3):
they are taken as they are, and shared by the workers.
"""

from __future__ import annotations

import errno
import os
import socket
from typing import Any

BACKLOG = 4096  # connections waiting while the app starts (the kernel caps it at somaxconn)
SYSTEMD_FIRST_FD = 3


class ListenError(Exception):
    """The address cannot be listened on: one line that says why and what to do."""


def listening_sockets(
    host: str, port: int, copies: int = 1, backlog: int = BACKLOG
) -> list[list[socket.socket]]:
    """The service manager's sockets when it passed some (one set), else `copies` sets of
    host:port bound and listening (every address the host name resolves to, as aiohttp does;
    with several, `SO_REUSEPORT` on each; port 0 gives each set a port of its own)."""
    passed = _systemd_sockets()
    if passed:
        return [passed]
    if not 0 <= port <= 65535:
        raise ListenError(f"cannot listen on port {port}: a port is 0-65535")
    try:
        found = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        raise ListenError(f"cannot listen on {host}: unknown address ({exc.strerror})") from exc
    addresses = list(dict.fromkeys(found))  # in order, once each
    made: list[list[socket.socket]] = []
    try:
        for _ in range(copies):
            made.append([])
            for family, kind, proto, _, address in addresses:
                try:
                    sock = socket.socket(family, kind, proto)
                except OSError as exc:
                    if exc.errno == errno.EAFNOSUPPORT:  # IPv6 off: "localhost" still has ::1
                        continue  # as asyncio's create_server skips it
                    raise
                made[-1].append(sock)
                _bind(sock, address, copies > 1, backlog)
            if not made[-1]:
                raise OSError(errno.EAFNOSUPPORT, "no address of it can be used here")
    except OSError as exc:
        _close(made)
        raise ListenError(_why(host, port, exc)) from exc
    return made


def _close(made: list[list[socket.socket]]) -> None:
    for sock in (s for group in made for s in group):
        sock.close()


def _bind(sock: socket.socket, address: tuple[Any, ...], shared: bool, backlog: int) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart's TIME_WAIT
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    if sock.family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    sock.bind(address)
    sock.listen(backlog)


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
    listed = os.environ.get("LISTEN_FDS", "")
    for name in ("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"):  # not for our children
        os.environ.pop(name, None)
    try:
        count = int(listed or 0)
    except ValueError:
        raise ListenError(f"LISTEN_FDS={listed!r} is not a number of sockets") from None
    sockets: list[socket.socket] = []
    for fd in range(SYSTEMD_FIRST_FD, SYSTEMD_FIRST_FD + count):
        try:
            sockets.append(socket.socket(fileno=fd))
        except OSError as exc:
            _close([sockets])
            raise ListenError(
                f"the service manager's fd {fd} (LISTEN_FDS={count}) is no socket:"
                f" {exc.strerror or exc}"
            ) from exc
        os.set_inheritable(fd, False)
    return sockets
