"""A MongoDB server for the tests: a real mongod when HOTLINE_TEST_MONGODB_URL names one, else
mongoeco's MongoDB-wire-protocol server, started once per session in its own Python 3.13 venv
(scripts/mongoeco_env.sh) on a free loopback port and stopped at the end.

In CI (CI=true) a server that cannot start fails the tests that need it; on a laptop without
Python 3.13 they are skipped with the reason.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from pymongo import MongoClient
from pymongo.errors import PyMongoError

ROOT = Path(__file__).resolve().parents[2]
MAIN = Path(__file__).with_name("mongoeco_main.py")
START_SECONDS = 60


class MongoUnavailable(Exception):
    """No MongoDB server could be started or reached."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def with_database(url: str, name: str) -> str:
    """The same server URL with another database in its path."""
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{name}"))


def scratch_url(url: str) -> str:
    """A URL naming a fresh database on the test server."""
    return with_database(url, f"hotline_test_{uuid.uuid4().hex[:12]}")


def wait_until_it_answers(url: str, seconds: float) -> None:
    client: MongoClient[dict[str, object]] = MongoClient(
        url, serverSelectionTimeoutMS=seconds * 1000
    )
    try:
        client.admin.command("ping")
    except PyMongoError as exc:
        raise MongoUnavailable(f"{url} does not answer: {exc}") from exc
    finally:
        client.close()


def mongoeco_python() -> Path:
    script = ROOT / "scripts" / "mongoeco_env.sh"
    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise MongoUnavailable(f"scripts/mongoeco_env.sh failed ({done.returncode}): {done.stderr}")
    return Path(done.stdout.strip().splitlines()[-1]) / "bin" / "python"


def start_mongoeco() -> tuple[subprocess.Popen[str], str]:
    """mongoeco's wire server on a free port, and its URL once it answers a ping."""
    proc = subprocess.Popen(
        [str(mongoeco_python()), str(MAIN), str(free_port())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
        text=True,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    try:
        if not url.startswith("mongodb://"):
            raise MongoUnavailable(f"mongoeco did not start (exit {proc.poll()})")
        wait_until_it_answers(url, START_SECONDS)
    except BaseException:
        stop(proc)
        raise
    return proc, url


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.stdin:
        proc.stdin.close()  # its signal to stop
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout:
        proc.stdout.close()


@pytest.fixture(scope="session")
def mongo_url() -> Iterator[str]:
    """The URL of the session's MongoDB server (database path left to the test)."""
    real = os.environ.get("HOTLINE_TEST_MONGODB_URL")
    if real:
        wait_until_it_answers(real, 10)
        yield real
        return
    try:
        proc, url = start_mongoeco()
    except MongoUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            raise  # nothing MongoDB-backed may be skipped in CI
        pytest.skip(f"no MongoDB for the tests: {exc}")
    try:
        yield url
    finally:
        stop(proc)
