"""An FAQ entry added: the local side answers at once, Rasa after the background retrain."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.rasa_client import RasaClient
from hotline.bot.nlu.rasa_retrainer import RasaRetrainer
from hotline.bot.nlu.rasa_server import RasaServer
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex
from hotline.faq.store import FaqStore
from tests.support.rasa import own_rasa_server, rasa_env, rasa_model, rasa_work_dir, seeded_faq

NEW = FaqEntry(
    id="xe-buyt-hoat-dong-lai",
    questions=(
        "Xe buýt liên tỉnh đã chạy lại chưa?",
        "xe buyt chay lai chua ad",
        "Khi nào xe buýt hoạt động trở lại",
        "tuyến xe buýt đi Thủ Dầu Một có chạy không",
        "xe buýt có hoạt động trong thời gian giãn cách không",
    ),
    answer="Theo thông báo của Sở Giao thông vận tải, các tuyến xe buýt nội tỉnh chạy lại từ 1/11.",
    topic="di_lai",
    status="published",
)


async def test_added_faq_entry_is_answered_by_rasa_after_retraining(
    own_rasa_server: RasaServer,
    rasa_env: Path,
    rasa_work_dir: Path,
    seeded_faq: FaqStore,
) -> None:
    question = "xe buyt chay lai chua ad"  # one of its variants: Rasa was trained on it
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, own_rasa_server.url, own_rasa_server.token, timeout=5.0)
        retrainer = RasaRetrainer(
            client, seeded_faq, env=rasa_env, work_dir=rasa_work_dir, interval=0.5
        )
        # The server already serves the model of exactly these entries: nothing to do.
        assert await retrainer.sync() is None
        before = (await client.parse(question)).faq

        await seeded_faq.put(NEW)
        index = FaqIndex(words)
        index.rebuild(await seeded_faq.list(status="published"))
        found = index.lookup(question).answer
        assert found is not None and found.id == NEW.id  # the local side knows it at once

        answers = 0
        deadline = time.monotonic() + 240
        async with retrainer:
            while retrainer.loaded_fingerprint == rasa_training.fingerprint_of(
                own_rasa_server.model
            ):
                assert time.monotonic() < deadline, "Rasa was not retrained in time"
                # Rasa keeps answering with its old model while the new one trains.
                assert (await client.parse("xin chào")).intent.name == "greet"
                answers += 1
                await asyncio.sleep(1.0)
        after = await client.parse(question)
        status = await client.status()
    assert before is None or before.entry_id != NEW.id
    assert answers > 3
    assert after.faq is not None and after.faq.entry_id == NEW.id
    assert rasa_training.fingerprint_of(str(status["model_file"])) == retrainer.loaded_fingerprint
