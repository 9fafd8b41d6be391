"""What a test can leave behind, seen from inside the process: threads, child processes, open
file descriptors, and garbage whose finalisers complain (ResourceWarning, errors ignored in
`__del__`, asyncio's "unclosed ..." and "task was destroyed" messages).
"""

from __future__ import annotations

import gc
import logging
import os
import socket
import sys
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import origins

PROC = Path("/proc")


@dataclass(frozen=True)
class Alive:
    """Threads, child processes and open file descriptors at one moment."""

    threads: frozenset[threading.Thread] = frozenset()
    children: frozenset[int] = frozenset()
    fds: frozenset[tuple[int, str]] = frozenset()  # (fd, what it points at)

    def __sub__(self, other: Alive) -> Alive:
        return Alive(
            self.threads - other.threads, self.children - other.children, self.fds - other.fds
        )

    def __or__(self, other: Alive) -> Alive:
        return Alive(
            self.threads | other.threads, self.children | other.children, self.fds | other.fds
        )


def alive() -> Alive:
    return Alive(frozenset(threading.enumerate()), frozenset(children()), frozenset(open_fds()))


def children() -> set[int]:
    """This process's child processes, zombies included (Linux; elsewhere none are seen)."""
    if not PROC.is_dir():
        return set()
    me, found = os.getpid(), set()
    with os.scandir(PROC) as entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                stat = Path(entry.path, "stat").read_bytes()
            except OSError:
                continue  # gone meanwhile
            if int(stat[stat.rindex(b")") + 2 :].split()[1]) == me:
                found.add(int(entry.name))
    return found


def open_fds() -> set[tuple[int, str]]:
    """This process's open file descriptors and what each points at (Linux)."""
    fd_dir = PROC / "self" / "fd"
    if not fd_dir.is_dir():
        return set()
    found = set()
    for entry in os.listdir(fd_dir):
        try:
            found.add((int(entry), os.readlink(fd_dir / entry)))
        except OSError:
            continue  # the listing's own descriptor, or one closed meanwhile
    return found


def process_line(pid: int) -> str:
    try:
        stat = (PROC / str(pid) / "stat").read_bytes()
        command = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").strip()
    except OSError:
        return f"child process {pid} (gone while reporting)"
    state = stat[stat.rindex(b")") + 2 :].split()[0]
    said = command.decode(errors="replace")[:160]
    if state == b"Z":
        return f"child process {pid} exited but was never waited for: {said}"
    return f"child process {pid} still running: {said}"


def thread_line(thread: threading.Thread) -> str:
    target = getattr(thread, "_target", None)
    running = f" running {getattr(target, '__qualname__', target)}" if target else ""
    return f"thread {thread.name!r}{running} still alive"


@dataclass
class Findings:
    """What one test left behind, as report lines."""

    lines: list[str] = field(default_factory=list)
    upstream: list[str] = field(default_factory=list)  # known library leaks, closed meanwhile

    def add(self, what: str, where: list[str] | None) -> None:
        self.lines.append(f"- {what}")
        if where is None:
            return
        if not where:
            self.lines.append("      made where nobody noted (PYTHONTRACEMALLOC=20 tells)")
        for i, line in enumerate(where):
            self.lines.append(f"      {'made at' if i == 0 else '       '} {line}")

    def __bool__(self) -> bool:
        return bool(self.lines)

    def __str__(self) -> str:
        return "\n".join(self.lines)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def collect_garbage(found: Findings) -> None:
    """Collect garbage, noting every ResourceWarning, finaliser error and asyncio complaint."""
    unraisable: list[sys.UnraisableHookArgs] = []
    records = _Records()
    asyncio_log = logging.getLogger("asyncio")
    previous = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    asyncio_log.addHandler(records)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            gc.collect()
            gc.collect()  # what the first round's finalisers let go
    finally:
        sys.unraisablehook = previous
        asyncio_log.removeHandler(records)
    said = []
    for warning in caught:
        said.append(str(warning.message).lower())
        site = origins.site_of(warning.source)
        bug = upstream_bug(warning, site)
        if bug is not None:
            found.upstream.append(bug)
            continue
        where = origins.describe(site, warning.source)
        found.add(f"{warning.category.__name__}: {warning.message}", where)
    for hook in unraisable:
        error = f"{getattr(hook.exc_type, '__name__', hook.exc_type)}: {hook.exc_value}"
        found.add(f"{hook.err_msg or 'Exception ignored in'} {hook.object!r}: {error}", None)
    for record in records.records:
        message = record.getMessage()
        first = message.splitlines()[0].lower()
        if not any(first in warned for warned in said):  # aiohttp says it both ways
            found.add(f"asyncio: {message}", None)


def upstream_bug(warning: warnings.WarningMessage, site: origins.Site | None) -> str | None:
    """The library bug a leak is, if it is one we cannot fix here (each as narrow as its
    symptom). The collection that found it has closed it, so it cannot fail a later test;
    the session's summary counts them. Drop an entry once a release with the fix is in use.
    """
    made_in = site[0][0] if site else None
    if made_in is None or not isinstance(warning.source, socket.socket):
        return None
    # A monitor task cancelled (by AsyncMongoClient.close) while it connects leaves its
    # never-connected socket open: https://jira.mongodb.org/browse/PYTHON-5867 (pymongo 4.20).
    if (
        made_in.co_name == "_async_create_connection"
        and Path(made_in.co_filename).parts[-2:] == ("pymongo", "pool_shared.py")
        and "raddr=" not in str(warning.message)
    ):
        return "pymongo PYTHON-5867: a monitor cancelled while it connects leaves its socket"
    return None
