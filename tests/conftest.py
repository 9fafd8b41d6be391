"""Shared fixtures: a trained NLU model, settings on a fresh SQLite file, the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.config import Settings
from tests.support.chat import RestChat
from tests.support.mongo_server import mongo_url  # noqa: F401  (the session's MongoDB)

# A test that leaves a socket, session, task, thread or process behind fails itself.
pytest_plugins = ["tests.support.leaks", "pytester"]


@pytest.fixture(scope="session")
def nlu_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local NLU trained once per test session."""
    from hotline.bot.nlu.training import train

    model_dir = tmp_path_factory.mktemp("nlu")
    train(model_dir)
    return model_dir


@pytest.fixture
def settings(tmp_path: Path, nlu_model_dir: Path) -> Settings:
    return Settings(
        store=f"sqlite:///{tmp_path}/hotline.db",
        nlu_model_dir=str(nlu_model_dir),
        faq_refresh_seconds=0.1,
    )


@pytest.fixture
async def client(aiohttp_client: Callable, settings: Settings) -> TestClient:
    from hotline.web.app import create_app

    return await aiohttp_client(create_app(settings))


@pytest.fixture
def chat(client: TestClient) -> RestChat:
    return RestChat(client, sender="citizen-1")
