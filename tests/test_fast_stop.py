"""A fast stop: `hotline serve` with 200 web chat sockets and an app's long poll open stops
within 5 s of SIGTERM; the sockets are closed with 1001 (going away) so the widgets reconnect,
and the long poll is answered rather than cut."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import aiohttp

from hotline.channels.rest import TOKEN_HEADER
from hotline.handoff.crypto import Cipher
from tests.support.mongo_server import free_port
from tests.support.serving import listening, serve, stop

SOCKETS = 200


async def test_a_stop_with_200_open_sockets_finishes_within_5_s(
    nlu_model_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "HOTLINE_STORE": f"sqlite:///{tmp_path}/hotline.db",
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU": "local",
        "HOTLINE_NLU_MODEL_DIR": str(nlu_model_dir),
        "HOTLINE_SECRET_KEY": Cipher.new_key(),
    }
    proc = serve(env, tmp_path, "serve.log")
    try:
        await listening(url, proc)
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            sockets = await asyncio.gather(
                *(session.ws_connect(f"{url}/webchat/ws?sender=tab-{n}") for n in range(SOCKETS))
            )
            # The app's first message hands it the secret that its fetches show.
            first = await session.post(
                f"{url}/webhooks/rest/webhook", json={"sender": "app", "message": "xin chào"}
            )
            secret = {"Authorization": f"Bearer {first.headers[TOKEN_HEADER]}"}
            first.release()
            poll = asyncio.create_task(
                session.get(
                    f"{url}/webhooks/rest/messages",
                    params={"sender": "app", "wait": 25},
                    headers=secret,
                )
            )
            await asyncio.sleep(0.5)  # the long poll is waiting in the server

            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            closes = await asyncio.gather(*(ws.receive(timeout=10) for ws in sockets))
            answer = await poll
            await asyncio.to_thread(proc.wait, 10)
            took = time.monotonic() - started
            for ws in sockets:
                await ws.close()
            assert answer.status == 200 and await answer.json() == []
            answer.release()
        print(f"stopped with {SOCKETS} open sockets in {took:.2f} s")
        assert took < 5.0
        assert proc.returncode == 0
        assert {c.type for c in closes} == {aiohttp.WSMsgType.CLOSE}
        assert {c.data for c in closes} == {aiohttp.WSCloseCode.GOING_AWAY}
    finally:
        stop(proc)
