"""Key rotation (`hotline store rotate-key`) on both back ends: every sealed value opens with
the new key only, values stored clear before sealing are sealed, and a second run is harmless."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.cli.main import main
from hotline.handoff.crypto import Cipher, SecretUnreadable
from hotline.handoff.tickets import Reporter, Ticket
from hotline.storage.base import Storage
from hotline.storage.open import open_storage
from hotline.storage.reseal import reseal_all
from tests.support.stored_chat import StoredChat, chat_ticket

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
KEY = ConversationKey("rest", "c1")
OLD, NEW = Cipher(Cipher.new_key()), Cipher(Cipher.new_key())
TICKET = chat_ticket(
    KEY,
    "PA-ROTA-2345",
    NOW,
    category="violation",
    priority="normal",
    description="quán mở cửa",
    reporter=Reporter(name="Trần Thị Bích", phone="0987654321"),
)
CHAT = StoredChat(
    InboundMessage(key=KEY, message_id="m1", text="Trần Thị Bích 0987654321"),
    ConversationState(KEY).goto("report", "confirm", contact={"phone": "0987654321"}),
    "Người báo: Trần Thị Bích",
    TICKET,
)


async def test_rotation_reseals_everything_with_the_new_key(storage: Storage) -> None:
    clear = await storage.conversations()  # written before messages were sealed
    await clear.record_inbound(InboundMessage(key=KEY, message_id="m0", text="tin cũ 0987654321"))
    await CHAT.write(storage, OLD)

    for _ in range(2):  # a second run changes nothing
        await reseal_all(storage, OLD, NEW, lambda note: None)
        state, texts, ticket = await CHAT.read(storage, NEW)
        assert state == CHAT.state
        assert texts == ["tin cũ 0987654321", CHAT.message.text, "Người báo: Trần Thị Bích"]
        assert ticket == TICKET
    with pytest.raises(SecretUnreadable):
        await (await storage.conversations(OLD)).load(KEY)
    with pytest.raises(SecretUnreadable):
        await (await storage.tickets(OLD)).get(TICKET.code)
    stored = [r for part in clear.parts async for r in clear.export(part)]
    assert "0987654321" not in repr(stored), "the clear message was sealed on the way"


def test_the_command_rotates_the_kept_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/hotline.db"
    key_file = tmp_path / "secret.key"
    key_file.write_text(Cipher.new_key() + "\n", encoding="ascii")
    old = Cipher(key_file.read_text(encoding="ascii").strip())

    async def fill() -> None:
        async with await open_storage(url) as storage:
            await (await storage.tickets(old)).insert(TICKET)

    asyncio.run(fill())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOTLINE_STORE", url)
    monkeypatch.setenv("HOTLINE_SECRET_KEY_FILE", str(key_file))
    monkeypatch.delenv("HOTLINE_SECRET_KEY", raising=False)
    assert main(["store", "rotate-key"]) == 0
    assert "tickets: 1 sealed with the new key" in capsys.readouterr().out
    new = Cipher(key_file.read_text(encoding="ascii").strip())

    async def check() -> Ticket | None:
        async with await open_storage(url) as storage:
            return await (await storage.tickets(new)).get(TICKET.code)

    assert asyncio.run(check()) == TICKET
