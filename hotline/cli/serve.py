"""`hotline serve`: the app on sockets already listening, in one process or several
(`--workers N`: each child accepts on its own set of sockets, inherited across the fork)."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import Callable, Iterable, Sequence

from aiohttp import web
from aiohttp.log import access_logger

from hotline.cli.sockets import BACKLOG
from hotline.config import Settings
from hotline.storage.open import startup_error, store_name
from hotline.web.app import create_app  # imported before any fork: the workers share it
from hotline.web.serving import new_event_loop, serve_workers, tune_for_serving, worker_settings


def serve(
    settings: Settings, sockets: Sequence[Sequence[socket.socket]], port: int, workers: int
) -> int:
    """Serve the app on `sockets` (sets listening on `port`: one per worker, or one that all
    share), in `workers` processes when more than one."""
    if workers < 1:
        print("hotline: --workers must be at least 1", file=sys.stderr)
        return 2
    if workers == 1:
        # Restarted on the same address, the worker takes its own leases back at once.
        worker = settings.worker_id or f"{socket.gethostname()}:{port}"
        return _serve_one(worker_settings(settings, worker, 1), _own(sockets, 0))
    try:
        chosen = [
            worker_settings(
                settings, f"{settings.worker_id or socket.gethostname()}:{port}:{i}", workers
            )
            for i in range(workers)
        ]
    except ValueError as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        return 2

    def forked(index: int) -> None:
        # Each set now lives in its worker only. A set the workers share (systemd's) is closed
        # here once the last worker has it.
        if len(sockets) > 1 or index == workers - 1:
            _close(sockets[index % len(sockets)])

    try:
        return serve_workers(
            workers, lambda i, up: _serve_one(chosen[i], _own(sockets, i), up), forked=forked
        )
    finally:
        _close(s for group in sockets for s in group)  # the sets of workers never started


def _own(sockets: Sequence[Sequence[socket.socket]], index: int) -> Sequence[socket.socket]:
    """Worker `index`'s sockets; the other workers' are closed in its process, and its own in
    the parent's once it is forked, so a worker that exits leaves no socket behind that
    connections queue on with nobody to accept them. (The parent starts no worker again: one
    that exits stops them all, so the parent never needs a set back.)"""
    mine = sockets[index % len(sockets)]
    _close(s for group in sockets for s in group if s not in mine)
    return mine


def _close(sockets: Iterable[socket.socket]) -> None:
    for sock in sockets:
        sock.close()


def _serve_one(
    settings: Settings,
    sockets: Sequence[socket.socket],
    started: Callable[[], None] | None = None,
) -> int:
    loop = new_event_loop(bool(settings.uvloop))
    asyncio.set_event_loop(loop)
    try:
        app = create_app(settings)
        tune_for_serving(app, started)
        web.run_app(
            app,
            sock=sockets,
            backlog=BACKLOG,  # the backlog the sockets were made with, kept by aiohttp's listen()
            print=lambda _: None,
            shutdown_timeout=settings.shutdown_seconds,  # bounded: held connections go first
            keepalive_timeout=settings.keepalive_seconds,
            access_log=access_logger if settings.access_log else None,
            loop=loop,
        )
    except Exception as exc:
        line = startup_error(exc, store_name(settings.store))
        if line is None:
            raise
        print(line, file=sys.stderr)  # one line that names the store and the fix
        return 2
    return 0
