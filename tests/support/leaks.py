"""Each test answers for what it leaves behind (a pytest plugin, loaded by tests/conftest.py).

Left alone, a socket, transport, client session or file that a test forgot is closed by the
garbage collector whenever it next runs, and under `filterwarnings = error` its ResourceWarning
then fails whichever test happens to be running. So after a test's teardown, once its fixtures
are finalised, the guard collects garbage itself and fails that test's teardown with what was left
unclosed and where it was made; likewise for threads, child processes and file descriptors that
outlive the test, and for tasks still pending when its event loop is about to close
(asyncio.Runner would cancel them without a word).

Whatever a module-, class- or session-scoped fixture starts while it is set up (the MongoDB
stand-in, Dovecot, Rasa, Chromium) belongs to that fixture and may live as long as it does; so may
the connections and executor threads of an event loop that outlives the test.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections import Counter
from collections.abc import Generator
from typing import Any

import pytest

from tests.support import origins
from tests.support.leftovers import (
    Alive,
    Findings,
    alive,
    collect_garbage,
    process_line,
    thread_line,
)

# How long a thread the test stopped gets to end (an executor shut down without waiting).
THREAD_GRACE = 10.0


class LeakGuard:
    def __init__(self) -> None:
        self.before = Alive()
        # What wider fixtures started during this test's setup: theirs to keep.
        self.kept = Alive()
        # Event loops that outlive a test (module- or session-scoped runners).
        self.lasting: set[asyncio.AbstractEventLoop] = set()
        self.upstream: Counter[str] = Counter()

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_finish(self) -> None:
        # Modules and collected tests live as long as the session: leaving them out of every
        # later collection keeps the one after each test cheap.
        gc.collect()
        gc.freeze()

    def pytest_unconfigure(self) -> None:
        gc.unfreeze()

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        for bug, count in sorted(self.upstream.items()):
            terminalreporter.write_line(f"leak guard: closed {count} left by {bug}")

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, object, object]:
        self.kept = Alive()
        self.before = alive()
        return (yield)

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_fixture_setup(
        self, fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
    ) -> Generator[None, object, object]:
        wide = fixturedef.scope != "function"
        before = alive() if wide else None
        result = yield
        if before is not None:
            self.kept = self.kept | (alive() - before)
        if isinstance(result, asyncio.Runner):
            self._watch(result.get_loop(), fixturedef, wide)
        return result

    def _watch(
        self, loop: asyncio.AbstractEventLoop, fixturedef: pytest.FixtureDef[Any], wide: bool
    ) -> None:
        """Note where the loop's tasks are made; look at them just before the runner closes."""
        if loop.get_task_factory() is None:
            loop.set_task_factory(origins.task_factory)  # type: ignore[arg-type]
        if wide:
            self.lasting.add(loop)

        def closing() -> None:
            self.lasting.discard(loop)
            found = Findings()
            for task in asyncio.all_tasks(loop):
                cancelled = " (cancelled, never awaited)" if task.cancelling() else ""
                found.add(f"pending task{cancelled}: {task!r}", origins.describe_task(task))
            if found:
                scope = fixturedef.scope
                pytest.fail(
                    f"tasks pending as the {scope} event loop closes:\n{found}", pytrace=False
                )

        fixturedef.addfinalizer(closing)  # finalisers run last first: before the runner's own

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_teardown(
        self, item: pytest.Item, nextitem: pytest.Item | None
    ) -> Generator[None, object, object]:
        # The last test of a module (or of the session) answers for the wider fixtures too, and
        # for what an earlier test of the module left alive past its own teardown that became
        # garbage since: frozen out of the collections in between, it is collected only here.
        wider = nextitem is None or nextitem.path != item.path
        who = (
            f"{item.name} (or the fixtures of {item.path.name}, or an earlier test of it whose"
            " leftovers outlived its teardown)"
            if wider
            else item.name
        )
        try:
            result = yield
        except BaseException as exc:
            found = self.left_behind(item, wider)
            if found:
                exc.add_note(f"{who} also left behind:\n{found}")
            raise
        found = self.left_behind(item, wider)
        if found:
            pytest.fail(f"{who} left behind:\n{found}", pytrace=False)
        return result

    def left_behind(self, item: pytest.Item, wider: bool = True) -> Findings:
        # pytest lets go of the test's fixture values only after this hook; they are finished.
        if isinstance(item, pytest.Function):
            item.funcargs.clear()
        found = Findings()
        if wider:
            gc.unfreeze()  # what the module's wider fixtures made is garbage now, or theirs
        collect_garbage(found)
        # What outlives the test (caches, wider fixtures, modules imported late) is left out of
        # the next test's collection: a full one over the session's heap took seconds a test.
        gc.freeze()
        self.upstream.update(found.upstream)
        loop_threads, loop_fds = self._held_by_lasting_loops()
        spared = self.before | self.kept
        self._threads(spared.threads | loop_threads, found)
        now = alive() - spared
        for pid in sorted(now.children):
            found.add(process_line(pid), origins.describe(origins.site_of_pid(pid)))
        for fd, target in sorted(now.fds):
            if fd not in loop_fds:
                found.add(f"file descriptor {fd} open: {target}", origins.describe_fd(fd, target))
        return found

    def _threads(self, spared: frozenset[threading.Thread], found: Findings) -> None:
        deadline = time.monotonic() + THREAD_GRACE
        for thread in threading.enumerate():
            if thread in spared:
                continue
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                found.add(thread_line(thread), origins.describe(origins.site_of(thread)))

    def _held_by_lasting_loops(self) -> tuple[frozenset[threading.Thread], set[int]]:
        """The executor threads and the descriptors (connections) of loops outliving the test."""
        threads: set[threading.Thread] = set()
        fds: set[int] = set()
        for loop in self.lasting:
            executor = getattr(loop, "_default_executor", None)
            threads.update(getattr(executor, "_threads", ()))
            selector = getattr(loop, "_selector", None)
            if selector is not None:
                fds.update(selector.get_map())
            fds.update(getattr(loop, "_transports", {}))
        return frozenset(threads), fds


def pytest_configure(config: pytest.Config) -> None:
    origins.start_noting()
    config.pluginmanager.register(LeakGuard(), "hotline-leak-guard")
