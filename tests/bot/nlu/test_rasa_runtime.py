"""HOTLINE_NLU=rasa in the app: a local Rasa server started beside the bot and stopped with it."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp

from bot.config import Settings
from bot.nlu.local import LocalNLU
from bot.nlu.rasa_client import RasaParseResult
from bot.nlu.rasa_retrainer import seed_entries
from bot.nlu.rasa_runtime import rasa_nlu
from bot.nlu.rasa_server import free_port
from bot.nlu.rasa_training import TrainedModel
from faq.sqlite_store import SqliteFaqStore
from store.sqlite import SqliteDatabase
from tests.support.rasa import rasa_env, rasa_model, rasa_work_dir


async def test_local_rasa_runs_beside_the_bot_and_stops_with_it(
    rasa_env: Path,
    rasa_model: TrainedModel,
    rasa_work_dir: Path,
    nlu_model_dir: Path,
    tmp_path: Path,
) -> None:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/hotline.db")
    store = await SqliteFaqStore.open(db)
    for entry in seed_entries():
        await store.put(entry)
    settings = Settings(nlu="rasa", rasa_url=f"http://127.0.0.1:{free_port()}")
    local = LocalNLU.load(nlu_model_dir)
    async with aiohttp.ClientSession() as session:
        async with rasa_nlu(settings, session, local, store, work_dir=rasa_work_dir) as nlu:
            # Rasa is still starting: the local NLU answers meanwhile.
            early = await nlu.parse("xin chào")
            deadline = time.monotonic() + 300  # a retrain if the data changed, then ~20 s start
            while not isinstance(answer := await nlu.parse("chào tổng đài"), RasaParseResult):
                assert time.monotonic() < deadline, "the managed Rasa server never answered"
                nlu.breaker.reset_after = 1.0  # probe often while the test waits
                await asyncio.sleep(1.0)
            assert nlu.name == "rasa"
        stopped = not await nlu.rasa.is_ready()
    await db.close()
    assert early.intent.name == "greet" and not isinstance(early, RasaParseResult)
    assert answer.intent.name == "greet"
    assert stopped
