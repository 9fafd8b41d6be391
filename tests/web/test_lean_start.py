"""A SQLite hotline with no Telegram or Viber settings does not load their SDKs or pymongo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Builds `hotline serve`'s app, starts it, has a citizen ask one question over the REST
# channel, and prints which of the heavy libraries the process loaded.
SERVE_AND_ASK = """
import asyncio, json, sys
from aiohttp.test_utils import TestClient, TestServer
from hotline.config import Settings
from hotline.web.app import create_app

async def main():
    app = create_app(Settings.from_env())
    async with TestClient(TestServer(app)) as client:
        for _ in range(600):
            if (await client.get("/readyz")).status == 200:
                break
            await asyncio.sleep(0.1)
        body = {"sender": "lean", "message": "F1 phải cách ly bao nhiêu ngày?"}
        answer = await (await client.post("/webhooks/rest/webhook", json=body)).json()
    heavy = ("telegram", "viberbot", "pymongo", "bson")
    print(json.dumps({"answer": answer, "loaded": [m for m in heavy if m in sys.modules]}))

asyncio.run(main())
"""


def test_a_sqlite_hotline_without_telegram_or_viber_loads_neither_sdk_nor_pymongo(
    tmp_path: Path, nlu_model_dir: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    env |= {
        "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),  # this checkout
        "HOTLINE_STORE": f"sqlite:///{tmp_path}/hotline.db",
        "HOTLINE_NLU": "local",
        "HOTLINE_NLU_MODEL_DIR": str(nlu_model_dir),
        "HOTLINE_MEDIA_DIR": str(tmp_path / "media"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SERVE_AND_ASK],
        env=env,
        cwd=tmp_path,  # no .env file here
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["answer"] and found["answer"][0]["text"]
    assert found["loaded"] == []
