"""Where a leaked thing was made: sockets, threads, processes, client sessions, connectors and
tasks note the frames of our own code that made them, so a leak report can point at the line.

Noting walks up the frame chain keeping frames outside the installed libraries (microseconds),
cheap enough for every socket and task of the suite; tracemalloc (PYTHONTRACEMALLOC=20) covers
the rest, files among them, at a cost we do not pay by default.
"""

from __future__ import annotations

import asyncio
import functools
import os
import subprocess
import sys
import sysconfig
import threading
import tracemalloc
from collections.abc import Callable, Coroutine
from pathlib import Path
from socket import socket
from types import CodeType
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
DEPTH = 6
# Frames in the interpreter's and the virtualenv's libraries are not ours, nor this module's.
_LIBRARIES = tuple(
    {sys.prefix, sys.base_prefix, sys.exec_prefix, *sysconfig.get_paths().values(), "<"}
)

Frame = tuple[CodeType | None, int]  # None: "in a task made at" what follows
Site = tuple[Frame, ...]

# id -> (the type made, where). An id is reused only once its object is gone, so the newest
# note under an id is about the object that has it now, and nothing needs forgetting: the
# tables stay as small as the addresses in use. Likewise for process ids and descriptors.
_sites: dict[int, tuple[type, Site]] = {}
_pids: dict[int, Site] = {}
_fds: dict[int, tuple[str, Site]] = {}  # a socket's descriptor -> its "socket:[inode]", where


def _is_ours(filename: str) -> bool:
    return not filename.startswith(_LIBRARIES) and filename != __file__


def here() -> Site:
    """The innermost frames of our code calling into here; if none, the library frames and
    where the task running them was made (a library's own background task, say)."""
    frame = sys._getframe(2)
    ours: list[Frame] = []
    theirs: list[Frame] = []
    while frame is not None and len(ours) < DEPTH:
        if _is_ours(frame.f_code.co_filename):
            ours.append((frame.f_code, frame.f_lineno))
        elif len(theirs) < 3 and frame.f_code.co_filename != __file__:
            theirs.append((frame.f_code, frame.f_lineno))
        frame = frame.f_back
    return tuple(ours) if ours else (*theirs, *_task_site())


def _task_site() -> Site:
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return ()  # no loop running
    site = site_of(task) if task is not None else None
    return ((None, 0), *site) if site else ()


def note(thing: object) -> None:
    _sites[id(thing)] = (type(thing), here())


def site_of(thing: object) -> Site | None:
    """Where `thing` (or the socket or process inside a transport) was made, if noted."""
    for candidate in (thing, getattr(thing, "_sock", None), getattr(thing, "_proc", None)):
        entry = _sites.get(id(candidate)) if candidate is not None else None
        if entry is not None and type(candidate) is entry[0]:
            return entry[1]
    return None


def site_of_pid(pid: int) -> Site | None:
    return _pids.get(pid)


def describe(site: Site | None, thing: object = None) -> list[str]:
    """Lines saying where something was made, innermost first; none if nobody noted it."""
    if site:
        return [_frame_line(code, line) for code, line in site]
    if thing is not None and tracemalloc.is_tracing():
        trace = tracemalloc.get_object_traceback(thing)
        if trace is not None:
            frames = [(f.filename, f.lineno) for f in reversed(trace)]
            ours = [(name, line) for name, line in frames if _is_ours(name)]
            return [f"{_relative(name)}:{line}" for name, line in (ours or frames[:3])[:DEPTH]]
    return []


def describe_task(task: asyncio.Task[Any]) -> list[str]:
    return describe(site_of(task))


def describe_fd(fd: int, target: str) -> list[str] | None:
    """Where the socket `target` on `fd` was made; None (nothing to say) for anything else."""
    noted = _fds.get(fd)
    return describe(noted[1]) if noted is not None and noted[0] == target else None


def _frame_line(code: CodeType | None, line: int) -> str:
    if code is None:
        return "in a task made at"
    return f"{_relative(code.co_filename)}:{line} in {code.co_name}"


def _relative(filename: str) -> str:
    path = Path(filename)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else filename


def task_factory(
    loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], **kwargs: Any
) -> asyncio.Task[Any]:
    """The default task, noted (an event loop's task factory)."""
    task = asyncio.Task(coro, loop=loop, **kwargs)
    note(task)
    return task


def _note_process(process: subprocess.Popen[Any]) -> None:
    note(process)
    _pids[process.pid] = _sites[id(process)][1]


def _note_socket(sock: socket) -> None:
    note(sock)
    if sock.fileno() >= 0:
        inode = os.fstat(sock.fileno()).st_ino
        _fds[sock.fileno()] = (f"socket:[{inode}]", _sites[id(sock)][1])


_NOTING: dict[type, Callable[[Any], None]] = {
    socket: _note_socket,
    subprocess.Popen: _note_process,
    threading.Thread: note,
    aiohttp.ClientSession: note,
    aiohttp.BaseConnector: note,
}


def start_noting() -> None:
    """Make every new socket, process, thread, client session and connector note its origin."""
    for cls, after in _NOTING.items():
        if not getattr(cls.__init__, "_notes_origin", False):  # type: ignore[misc]
            cls.__init__ = _noting(cls.__init__, after)  # type: ignore[misc]


def _noting(original: Callable[..., None], after: Callable[[Any], None]) -> Callable[..., None]:
    @functools.wraps(original)
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        after(self)

    init._notes_origin = True  # type: ignore[attr-defined]
    return init
