"""The leak guard (tests/support/leaks.py): a test that leaves something open fails itself, with
what it left and where it was made, and the tests after it are not blamed."""

from __future__ import annotations

import socket
import warnings
from pathlib import Path
from types import CodeType

import pytest

from tests.support.leftovers import upstream_bug

ROOT = Path(__file__).resolve().parents[1]

INI = """
[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = function
filterwarnings = error
"""

CONFTEST = """
pytest_plugins = ["tests.support.leaks"]


def pytest_configure():
    from tests.support import leaks

    leaks.THREAD_GRACE = 0.2  # the forgotten thread never ends: no need to wait long for it
"""

LEAKY = """
import asyncio, socket, subprocess, sys, threading

import aiohttp
import pytest

KEPT = []


class Cycle:
    # Keeps itself alive: only the garbage collector frees it, at some later moment.
    def __init__(self, thing):
        self.thing, self.me = thing, self


@pytest.fixture(scope="module")
def server():
    # A module's server outlives each test that uses it: not a leak.
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    yield process
    process.stdin.close()
    process.wait()


def test_uses_a_module_server(server):
    assert server.poll() is None


def test_forgets_a_socket():
    Cycle(socket.socket())


async def test_forgets_a_client_session():
    Cycle(aiohttp.ClientSession())


def test_forgets_a_file(tmp_path):
    Cycle(open(tmp_path / "notes.txt", "w"))


async def test_forgets_a_task():
    asyncio.create_task(asyncio.sleep(60), name="forgotten")


def test_forgets_a_thread():
    stop = threading.Event()
    KEPT.append(stop)
    threading.Thread(target=stop.wait, name="forgotten").start()


def test_forgets_a_process():
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    KEPT.append(process)


def test_keeps_a_socket_somewhere():
    KEPT.append(socket.socket())


def test_after_them_all(server):
    for thing in KEPT:
        if isinstance(thing, threading.Event):
            thing.set()
        elif isinstance(thing, subprocess.Popen):
            thing.stdin.close()
            thing.wait()
        else:
            thing.close()
    for thread in threading.enumerate():
        if thread.name == "forgotten":
            thread.join()
"""

MODULE_FIXTURE = """
import socket

import pytest


@pytest.fixture(scope="module")
def forgetful():
    yield
    forgotten = [socket.socket()]
    forgotten.append(forgotten)  # a cycle: freed by the garbage collector only


def test_first(forgetful):
    pass


def test_last(forgetful):
    pass
"""


@pytest.fixture
def leaky(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest(CONFTEST)
    pytester.makeini(INI)
    pytester.makepyfile(test_leaky=LEAKY, test_leaky_module=MODULE_FIXTURE)
    return pytester


def test_each_leak_fails_the_test_that_leaked_it(leaky: pytest.Pytester) -> None:
    result = leaky.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=11, errors=8)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_forgets_a_socket*",
            "test_forgets_a_socket left behind:",
            "- ResourceWarning: unclosed <socket.socket *>",
            "      made at *test_leaky.py:* in test_forgets_a_socket",
            "*ERROR at teardown of test_forgets_a_client_session*",
            "- ResourceWarning: Unclosed client session *",
            "      made at *test_leaky.py:* in test_forgets_a_client_session",
            "*ERROR at teardown of test_forgets_a_file*",
            "- ResourceWarning: unclosed file *notes.txt*",
            "*ERROR at teardown of test_forgets_a_task*",
            "tasks pending as the function event loop closes:",
            "- pending task: <Task pending name='forgotten' coro=<sleep()*",
            "      made at *test_leaky.py:* in test_forgets_a_task",
            "*ERROR at teardown of test_forgets_a_thread*",
            "- thread 'forgotten' running Event.wait still alive",
            "      made at *test_leaky.py:* in test_forgets_a_thread",
            "*ERROR at teardown of test_forgets_a_process*",
            "- child process * still running: *python* -c import sys; sys.stdin.read()",
            "      made at *test_leaky.py:* in test_forgets_a_process",
            "*ERROR at teardown of test_keeps_a_socket_somewhere*",
            "- file descriptor * open: socket:*",
            "      made at *test_leaky.py:* in test_keeps_a_socket_somewhere",
            "*ERROR at teardown of test_last*",
            "test_last (or the fixtures of test_leaky_module.py, or an earlier test of it whose"
            " leftovers outlived its teardown) left behind:",
            "- ResourceWarning: unclosed <socket.socket *>",
            "      made at *test_leaky_module.py:* in forgetful",
        ]
    )
    # The module's server, and what the leaky tests left until the last test closed it, are no
    # one else's fault.
    result.stdout.no_fnmatch_line("*of test_uses_a_module_server*")
    result.stdout.no_fnmatch_line("*of test_after_them_all*")
    result.stdout.no_fnmatch_line("*of test_first*")


def test_only_pymongos_known_leak_is_forgiven() -> None:
    # PYTHON-5867: a never-connected socket made in pymongo's _async_create_connection.
    code = compile("def _async_create_connection(): pass", "/x/pymongo/pool_shared.py", "exec")
    maker = next(c for c in code.co_consts if isinstance(c, CodeType))
    elsewhere = compile("def connect(): pass", "/x/hotline/storage/mongo.py", "exec")
    ours = next(c for c in elsewhere.co_consts if isinstance(c, CodeType))
    with socket.socket() as sock:

        def leak(message: str) -> warnings.WarningMessage:
            return warnings.WarningMessage(message, ResourceWarning, "", 0, source=sock)

        unconnected = f"unclosed {sock!r}"
        assert upstream_bug(leak(unconnected), ((maker, 640),)) is not None
        assert upstream_bug(leak(f"unclosed {sock!r} raddr=..."), ((maker, 640),)) is None
        assert upstream_bug(leak(unconnected), ((ours, 51),)) is None
        assert upstream_bug(leak(unconnected), None) is None
