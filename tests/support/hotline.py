"""Reach the running hotline's parts from a test client."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from bot.app import HOTLINE
from bot.runtime import Hotline


def hotline_of(client: TestClient) -> Hotline:
    return client.app[HOTLINE]  # type: ignore[index]
