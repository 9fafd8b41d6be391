"""A citizen talking to the hotline through the REST channel, as the mobile app does."""

from __future__ import annotations

import itertools
import re
from typing import Any

from aiohttp.test_utils import TestClient

CODE = re.compile(r"PA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")
_ids = itertools.count(1)


class RestChat:
    def __init__(self, client: TestClient, sender: str) -> None:
        self.client = client
        self.sender = sender
        self.last: list[dict[str, Any]] = []

    async def say(self, message: str, message_id: str | None = None) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"sender": self.sender, "message": message}
        body["metadata"] = {"message_id": message_id or f"{self.sender}-{next(_ids)}"}
        resp = await self.client.post("/webhooks/rest/webhook", json=body)
        assert resp.status == 200, await resp.text()
        self.last = await resp.json()
        return self.last

    @property
    def text(self) -> str:
        return "\n".join(r["text"] for r in self.last)

    @property
    def buttons(self) -> list[dict[str, str]]:
        return [b for r in self.last for b in r.get("buttons", [])]

    async def press(self, title: str) -> list[dict[str, Any]]:
        """Press the button with this title among the last replies' buttons."""
        payloads = [b["payload"] for b in self.buttons if b["title"] == title]
        assert payloads, f"no button {title!r} in {self.buttons}"
        return await self.say(payloads[0])

    def code(self) -> str:
        found = CODE.search(self.text)
        assert found, f"no ticket code in {self.text!r}"
        return found.group(0)
