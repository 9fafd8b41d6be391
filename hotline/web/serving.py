"""How `hotline serve` runs the app: the event loop, the garbage collector, worker processes.

- **The event loop**: uvloop's when it is installed (`pip install uvloop`, optional), else
  asyncio's own; `HOTLINE_UVLOOP=0` keeps asyncio's. uvloop spends less of the interpreter's
  time per request in the loop and the transports.
- **The garbage collector**: once the app has started, everything alive then (modules, the FAQ
  index, the NLU model) is moved out of the collector's sight (`gc.freeze`), so a collection
  under load walks only what requests made, and the youngest generation is collected less
  often: both shorten the pauses that make the slowest answers.
- **Worker processes** (`hotline serve --workers N`): N processes listen on the same port, each
  on its own socket (`SO_REUSEPORT`: the kernel spreads the connections), made by the parent
  before it imported the app (`hotline/cli/sockets.py`), inherited across the fork and then
  closed in the parent (a worker that exits takes its socket out of the port), each with its
  own event loop and its own connection to the store. On one SQLite file they need what
  several `hotline serve` need: events shared through the store and conversations leased
  (`HOTLINE_SHARE_EVENTS=on`, set here when it is `auto`), each under its own worker id.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess

from aiohttp import web

from hotline.config import Settings

# The youngest generation is collected after this many more allocations than deallocations
# (Python's default is 700): a request allocates a few thousand objects, so the default
# collected several times per request.
GC_YOUNG_THRESHOLD = 20_000
PR_SET_PDEATHSIG = 1  # prctl(2)


def new_event_loop(use_uvloop: bool = True) -> asyncio.AbstractEventLoop:
    """uvloop's event loop when wanted and installed, else asyncio's."""
    if use_uvloop:
        try:
            import uvloop  # optional: a faster loop, same behaviour
        except ImportError:
            pass
        else:
            return uvloop.new_event_loop()
    return asyncio.new_event_loop()


async def _freeze_garbage(app: web.Application) -> None:
    """After start-up: what lives for the whole run is no longer walked by collections."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def tune_for_serving(app: web.Application, started: Started | None = None) -> None:
    """Run once the app has started (after every part in `cleanup_ctx`); then `started`."""
    app.on_startup.append(_freeze_garbage)
    if started is not None:

        async def tell(app: web.Application) -> None:
            started()

        app.on_startup.append(tell)


def worker_settings(settings: Settings, worker: str, workers: int) -> Settings:
    """A worker's settings: its own id, and with several on one store, events and leases
    shared through it (`HOTLINE_SHARE_EVENTS=auto` becomes `on`)."""
    shared = settings.share_events
    if workers > 1 and shared == "auto":
        shared = "on"
    if workers > 1 and shared == "off":
        raise ValueError("several workers need HOTLINE_SHARE_EVENTS=on (or auto), not off")
    return replace(settings, worker_id=worker, share_events=shared)


Started = Callable[[], None]


def serve_workers(
    workers: int,
    run_one: Callable[[int, Started], int],
    stop_seconds: float = 30.0,
    forked: Callable[[int], None] | None = None,
) -> int:
    """Run `run_one(i, started)` in `workers` processes; stop them all on SIGTERM/SIGINT or
    when one exits (a worker is never started again). Answers the first non-zero exit code,
    else 0. `forked(i)` runs in the parent right after worker `i` is forked.

    The first worker starts alone, and the others once it calls `started` (its app has
    started): what a first start creates (the key file, the schema, the seeded FAQ) is
    created once, not raced for."""
    # Forked before any event loop runs; the threads alive then are the numeric libraries' own
    # pools, which handle a fork themselves.
    context = multiprocessing.get_context("fork")
    first_up = context.Event()
    processes = [
        context.Process(
            target=_exit_with, args=(run_one, i, first_up.set), name=f"hotline-worker-{i}"
        )
        for i in range(workers)
    ]
    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.pid is not None and process.exitcode is None:
                os.kill(process.pid, signal.SIGTERM)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        _start(processes[0], 0, forked)
        while not stopping and processes[0].is_alive() and not first_up.wait(0.5):
            pass
        if first_up.is_set() and not stopping:
            for i, process in enumerate(processes[1:], start=1):
                _start(process, i, forked)
        processes = [p for p in processes if p.pid is not None]  # the first failed: alone
        code = _watch(processes, lambda: stopping)
        stop(signal.SIGTERM, None)
        for process in processes:
            process.join(stop_seconds)
            if process.exitcode is None:
                process.kill()
                process.join()
        return code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _start(process: BaseProcess, index: int, forked: Callable[[int], None] | None) -> None:
    process.start()
    if forked is not None:
        forked(index)


def _exit_with(run_one: Callable[[int, Started], int], index: int, started: Started) -> None:
    for sig in (signal.SIGTERM, signal.SIGINT):  # not the parent's handler: aiohttp's own
        signal.signal(sig, signal.SIG_DFL)
    _stop_with_parent()
    raise SystemExit(run_one(index, started))


def _stop_with_parent() -> None:
    """A worker whose parent is killed (SIGKILL, the OOM killer) gets SIGTERM instead of holding
    the port and the store on its own (Linux's `PR_SET_PDEATHSIG`; elsewhere nothing)."""
    parent = multiprocessing.parent_process()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent.pid:  # it died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)


def _watch(processes: Sequence[BaseProcess], stopping: Callable[[], bool]) -> int:
    """Wait until a worker exits or a stop is asked; the first non-zero exit code, else 0."""
    sentinels = [process.sentinel for process in processes]
    while not stopping() and not wait(sentinels, timeout=0.5):
        pass
    code = next((p.exitcode for p in processes if p.exitcode), 0) or 0
    return 128 - code if code < 0 else code  # killed by a signal: as a shell says it
