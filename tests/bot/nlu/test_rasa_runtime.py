"""HOTLINE_NLU=rasa in the app: a local Rasa server started beside the bot and stopped with it."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import pytest

from hotline.bot.nlu.config import NluConfig
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.rasa_client import RasaParseResult
from hotline.bot.nlu.rasa_runtime import rasa_nlu
from hotline.bot.nlu.rasa_server import free_port
from hotline.bot.nlu.rasa_training import TrainedModel
from hotline.cli.main import main
from hotline.config import Settings
from hotline.faq.store import FaqStore
from tests.support.rasa import rasa_env, rasa_model, rasa_work_dir, seeded_faq


async def test_local_rasa_runs_beside_the_bot_and_stops_with_it(
    rasa_env: Path,
    rasa_model: TrainedModel,
    rasa_work_dir: Path,
    nlu_model_dir: Path,
    seeded_faq: FaqStore,
) -> None:
    settings = Settings(nlu="rasa", rasa_url=f"http://127.0.0.1:{free_port()}")
    local = LocalNLU.load(nlu_model_dir)
    async with aiohttp.ClientSession() as session:
        async with rasa_nlu(
            NluConfig.of(settings), session, local, seeded_faq, work_dir=rasa_work_dir
        ) as nlu:
            # Rasa is still starting: the local NLU answers meanwhile.
            early = await nlu.parse("xin chào, tôi mới dùng lần đầu")
            deadline = time.monotonic() + 300  # a retrain if the data changed, then ~20 s start
            while not isinstance(
                answer := await nlu.parse("chào bạn mình mới vào"), RasaParseResult
            ):
                assert time.monotonic() < deadline, "the managed Rasa server never answered"
                nlu.breaker.reset_after = 1.0  # probe often while the test waits
                await asyncio.sleep(1.0)
            assert nlu.name == "rasa"
        stopped = not await nlu.rasa.is_ready()
    assert early.intent.name == "greet" and not isinstance(early, RasaParseResult)
    assert answer.intent.name == "greet"
    assert stopped


def test_nlu_train_trains_rasa_too_with_progress(
    rasa_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOTLINE_NLU", "rasa")
    monkeypatch.setenv("HOTLINE_STORE", f"sqlite:///{tmp_path}/hotline.db")
    monkeypatch.setenv("HOTLINE_NLU_MODEL_DIR", str(tmp_path / "nlu"))
    monkeypatch.setenv("HOTLINE_RASA_WORK_DIR", str(tmp_path / "rasa"))
    assert main(["nlu", "train"]) == 0
    first = capsys.readouterr().out
    assert main(["nlu", "train", "--if-stale"]) == 0
    again = capsys.readouterr().out
    model = next(line for line in first.splitlines() if line.startswith("Rasa model: "))
    assert "trained the local NLU" in first
    assert "Starting to train component 'FaqSelector'" in first  # Rasa's progress, as it goes
    assert Path(model.removeprefix("Rasa model: ")).is_file()
    # Nothing changed: both models are reused, nothing is trained again.
    assert "up to date" in again and model in again and "Starting to train" not in again
