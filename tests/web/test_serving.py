"""How `hotline serve` runs: `--workers N` processes on one port and one SQLite file, the
event loop chosen, the collector tuned once the app has started."""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from hotline.config import Settings
from hotline.storage.open import open_storage
from hotline.web.serving import (
    GC_YOUNG_THRESHOLD,
    new_event_loop,
    tune_for_serving,
    worker_settings,
)
from tests.support import serving as support
from tests.support.mongo_server import free_port

START_SECONDS = 90


def serve(
    store: str, model_dir: Path, cwd: Path, port: int, *args: str, **env: str
) -> subprocess.Popen[bytes]:
    environ = {
        **os.environ,
        "HOTLINE_STORE": store,
        "HOTLINE_HOST": "127.0.0.1",
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU_MODEL_DIR": str(model_dir),
        "HOTLINE_NLU": "local",
        **env,
    }
    return support.serve(environ, cwd, "serve.log", *args)


def children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


async def forked(pid: int, count: int, within: float) -> list[int]:
    """The children of `pid` once there are `count` of them, or those there are at `within`."""
    for _ in range(int(within / 0.05)):
        if len(found := children(pid)) >= count:
            return found
        await asyncio.sleep(0.05)
    return children(pid)


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def listening_on(port: int, pid: int) -> int:
    """How many sockets listening on `port` process `pid` holds (Linux's /proc)."""
    listening = {
        fields[9]
        for table in ("tcp", "tcp6")
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        if (fields := line.split())[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port
    }
    held = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
    return len({f"socket:[{inode}]" for inode in listening} & held)


async def test_two_workers_share_the_port_and_the_store(
    nlu_model_dir: Path, tmp_path: Path
) -> None:
    store, port = f"sqlite:///{tmp_path}/shared.db", free_port()
    proc = serve(store, nlu_model_dir, tmp_path, port, "--workers", "2")
    url = f"http://127.0.0.1:{port}"
    try:
        await support.listening(url, proc, START_SECONDS, "/readyz")
        # The first worker answers as soon as it is up; the parent forks the second only then.
        workers = await forked(proc.pid, 2, START_SECONDS)
        assert len(workers) == 2
        # Each worker alone holds its socket: one that exits takes it out of the port's group.
        # (The parent closes a worker's set just after forking it: give it that moment.)
        held = [listening_on(port, pid) for pid in [proc.pid, *workers]]
        for _ in range(20):
            if held == [0, 1, 1]:
                break
            await asyncio.sleep(0.05)
            held = [listening_on(port, pid) for pid in [proc.pid, *workers]]
        assert held == [0, 1, 1]
        async with aiohttp.ClientSession() as session:

            async def say(n: int) -> list[dict[str, str]]:
                body = {"sender": f"c{n}", "message": "cách ly bao nhiêu ngày"}
                async with session.post(f"{url}/webhooks/rest/webhook", json=body) as resp:
                    assert resp.status == 200, await resp.text()
                    return list(await resp.json())

            answers = await asyncio.gather(*(say(n) for n in range(20)))
        assert all(replies and "ngày" in replies[0]["text"] for replies in answers)
    finally:
        support.stop(proc)  # SIGTERM, as a service manager stops it
    assert proc.returncode == 0
    assert not any(alive(pid) for pid in workers)
    async with await open_storage(store) as storage:
        conversations = await storage.conversations()
        stored = [r async for r in conversations.export("messages")]
    inbound = sorted(r["sender"] for r in stored if r["direction"] == "in")
    assert inbound == sorted(f"c{n}" for n in range(20))  # each message stored once


async def test_several_workers_refuse_sharing_turned_off(
    nlu_model_dir: Path, tmp_path: Path
) -> None:
    proc = serve(
        f"sqlite:///{tmp_path}/h.db",
        nlu_model_dir,
        tmp_path,
        free_port(),
        "--workers",
        "2",
        HOTLINE_SHARE_EVENTS="off",
    )
    assert proc.wait(timeout=START_SECONDS) == 2
    said = (tmp_path / "serve.log").read_text()
    assert "HOTLINE_SHARE_EVENTS" in said
    assert "Traceback" not in said


def test_workers_share_events_and_have_their_own_ids() -> None:
    settings = Settings(share_events="auto")
    one = worker_settings(settings, "host:8080", 1)
    assert (one.worker_id, one.share_events) == ("host:8080", "auto")
    several = worker_settings(settings, "host:8080:1", 2)
    assert (several.worker_id, several.share_events) == ("host:8080:1", "on")
    with pytest.raises(ValueError, match="HOTLINE_SHARE_EVENTS"):
        worker_settings(Settings(share_events="off"), "host:8080:0", 2)


def test_asyncio_loop_when_uvloop_is_not_wanted() -> None:
    loop = new_event_loop(use_uvloop=False)
    try:
        assert type(loop).__module__.startswith("asyncio")
        assert loop.run_until_complete(asyncio.sleep(0, "ran")) == "ran"
    finally:
        loop.close()


async def test_the_collector_leaves_what_start_up_made_alone() -> None:
    threshold = gc.get_threshold()
    app = web.Application()
    tune_for_serving(app)
    try:
        async with TestServer(app):
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
