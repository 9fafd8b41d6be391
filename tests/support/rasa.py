"""Rasa for tests: a small fake Rasa (aiohttp app on port 0) and the real server as fixtures.

Real-server fixtures skip only when no Rasa environment exists and we are not in CI; with CI=true a
missing environment is installed by scripts/rasa_env.sh, and a failure there fails the tests.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.rasa_retrainer import seed_entries
from hotline.bot.nlu.rasa_server import RasaServer
from hotline.bot.nlu.rasa_training import TrainedModel
from hotline.config import Settings
from hotline.faq.store import FaqStore
from hotline.storage.open import open_storage
from hotline.web.app import create_app
from tests.support.fake_server import serving

FAKE_TOKEN = "fake-rasa-token"


@dataclass
class FakeRasa:
    """Answers like Rasa 3.6: `intents` maps a text to (intent, FAQ entry or None).

    `mode` changes its behaviour at run time: "ok", "slow" (sleeps `delay` s), "error" (500),
    "no_intent" (a parse answered with `{"intent": {}}`, as a model without a classifier does).
    """

    intents: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    mode: str = "ok"
    delay: float = 5.0
    model_file: str = "nlu-0000000000000000.tar.gz"
    parses: int = 0
    in_flight: int = 0
    max_in_flight: int = 0  # the most parse requests it was answering at once
    batch: bool = True  # serves /webhooks/batch/parse, as RasaServer's Rasa does
    batches: list[int] = field(default_factory=list)  # the size of each batch answered
    statuses: int = 0
    loads: list[str] = field(default_factory=list)
    pick_confidence: float = 0.8
    received: asyncio.Event = field(default_factory=asyncio.Event)  # set by a parse request

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/model/parse", self._parse)
        app.router.add_post("/webhooks/batch/parse", self._parse_batch)
        app.router.add_get("/status", self._status)
        app.router.add_put("/model", self._load)
        return app

    async def _misbehave(self, request: web.Request) -> None:
        if request.query.get("token") != FAKE_TOKEN:
            raise web.HTTPUnauthorized(text="bad token")
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        if self.mode == "error":
            raise web.HTTPInternalServerError(text="model exploded")

    async def _parse(self, request: web.Request) -> web.Response:
        self.received.set()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._answer(request)
        finally:
            self.in_flight -= 1

    async def _parse_batch(self, request: web.Request) -> web.Response:
        if not self.batch:
            raise web.HTTPNotFound(text="no such route")
        self.received.set()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await self._misbehave(request)
            texts = (await request.json())["texts"]
            self.batches.append(len(texts))
            self.parses += len(texts)
            return web.json_response({"parses": [self.body(text) for text in texts]})
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request) -> web.Response:
        await self._misbehave(request)
        self.parses += 1
        return web.json_response(self.body((await request.json())["text"]))

    def body(self, text: str) -> dict[str, object]:
        """Rasa's parse of `text` as this fake's `intents` and `mode` say."""
        if self.mode == "no_intent":
            return {"text": text, "intent": {}, "entities": []}
        intent, entry = self.intents.get(text, ("out_of_scope", None))
        rasa_intent = "faq" if entry else intent
        body: dict[str, object] = {
            "text": text,
            "intent": {"name": rasa_intent, "confidence": 0.9},
            "entities": [],
            "intent_ranking": [
                {"name": rasa_intent, "confidence": 0.9},
                {"name": "greet", "confidence": 0.06},
                {"name": "ask_faq" if entry else "goodbye", "confidence": 0.04},
            ],
        }
        if entry:
            key = f"faq/{entry}"
            body["response_selector"] = {
                "all_retrieval_intents": ["faq"],
                "faq": {
                    "response": {"intent_response_key": key, "confidence": self.pick_confidence}
                },
            }
        return body

    async def _status(self, request: web.Request) -> web.Response:
        self.statuses += 1
        await self._misbehave(request)
        return web.json_response({"model_file": self.model_file, "num_active_training_jobs": 0})

    async def _load(self, request: web.Request) -> web.Response:
        await self._misbehave(request)
        self.model_file = (await request.json())["model_file"]
        self.loads.append(self.model_file)
        return web.Response(status=204)


@pytest.fixture
async def fake_rasa() -> AsyncIterator[tuple[FakeRasa, str]]:
    """A FakeRasa and its base URL on 127.0.0.1, port 0."""
    fake = FakeRasa()
    async with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture
async def fake_rasa_bot(
    aiohttp_client: Callable,
    settings: Settings,
    fake_rasa: tuple[FakeRasa, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[FakeRasa, TestClient]:
    """The bot in front of the fake Rasa; no Rasa environment, so nothing is trained or started."""
    monkeypatch.setenv("HOTLINE_RASA_ENV", str(tmp_path / "no-rasa-here"))
    fake, url = fake_rasa
    rasa = replace(settings, nlu="rasa", rasa_url=url, rasa_token=FAKE_TOKEN)
    return fake, await aiohttp_client(create_app(rasa))


# ---- the real Rasa server ---------------------------------------------------------------------


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def rasa_env() -> Path:
    """The installed Rasa environment; in CI it is installed if missing, and never skipped."""
    env = rasa_training.find_rasa_env()
    if env is not None:
        return env
    if not in_ci():
        pytest.skip("no Rasa environment (run scripts/rasa_env.sh); CI installs and runs it")
    try:
        return rasa_training.ensure_rasa_env()
    except rasa_training.RasaUnavailable as exc:
        pytest.fail(f"CI must test the real Rasa server, but: {exc}")


@pytest.fixture(scope="session")
def rasa_work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rasa")


@pytest.fixture(scope="session")
def rasa_model(rasa_env: Path, rasa_work_dir: Path) -> TrainedModel:
    """A model trained from the project's NLU data and the FAQ seed (once per session)."""
    examples = rasa_training.training_examples(seed_entries())
    return asyncio.run(rasa_training.train(examples, env=rasa_env, work_dir=rasa_work_dir))


def start_server(env: Path, model: Path, work_dir: Path, port: int = 0) -> RasaServer:
    server = RasaServer(env, model, port=port, work_dir=work_dir)
    server.spawn()
    server.wait_ready()
    return server


@contextmanager
def running_server(env: Path, model: TrainedModel, work_dir: Path) -> Iterator[RasaServer]:
    """A real Rasa server serving `model` while the block runs."""
    server = start_server(env, model.path, work_dir)
    try:
        yield server
    finally:
        server.terminate()


@pytest.fixture(scope="session")
def rasa_server(
    rasa_env: Path, rasa_model: TrainedModel, rasa_work_dir: Path
) -> Iterator[RasaServer]:
    """One real Rasa server for the session; tests must not kill it or change its model."""
    with running_server(rasa_env, rasa_model, rasa_work_dir) as server:
        yield server


@pytest.fixture
def own_rasa_server(
    rasa_env: Path, rasa_model: TrainedModel, rasa_work_dir: Path
) -> Iterator[RasaServer]:
    """A real Rasa server of the test's own, to kill, restart or retrain."""
    with running_server(rasa_env, rasa_model, rasa_work_dir) as server:
        yield server


@pytest.fixture
async def seeded_faq(tmp_path: Path) -> AsyncIterator[FaqStore]:
    """An FAQ store on a SQLite file of the test's own, holding the seed entries (the ones
    `rasa_model` was trained on)."""
    storage = await open_storage(f"sqlite:///{tmp_path}/hotline.db")
    try:
        store = await storage.faq()
        for entry in seed_entries():
            await store.put(entry)
        yield store
    finally:
        await storage.close()
