"""The REST channel: Rasa's contract, and bad input answered with a clear 4xx, never a 500."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from bot.messages import ConversationKey
from tests.support.hotline import hotline_of

URL = "/webhooks/rest/webhook"


async def test_rest_health(client: TestClient) -> None:
    resp = await client.get("/webhooks/rest/")
    assert resp.status == 200 and await resp.json() == {"status": "ok"}


async def test_replies_in_rasa_shape(client: TestClient) -> None:
    resp = await client.post(URL, json={"sender": "u1", "message": "xin chào"})
    assert resp.status == 200
    replies = await resp.json()
    assert replies and all(r["recipient_id"] == "u1" and r["text"] for r in replies)
    buttons = [b for r in replies for b in r.get("buttons", [])]
    assert buttons and set(buttons[0]) == {"title", "payload"}


async def _refused(client: TestClient, status: int, **kwargs: object) -> str:
    resp = await client.post(URL, **kwargs)  # type: ignore[arg-type]
    assert resp.status == status, await resp.text()
    return (await resp.json())["error"] if resp.content_type == "application/json" else ""


async def test_bad_input_is_refused_clearly_and_nothing_is_stored(client: TestClient) -> None:
    assert "JSON" in await _refused(
        client, 400, data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert await _refused(
        client,
        415,
        data=b"sender=u1&message=hi",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert "sender" in await _refused(client, 400, json={"message": "hi"})
    assert "sender" in await _refused(client, 400, json={"sender": "", "message": "hi"})
    assert "sender" in await _refused(client, 400, json={"sender": "x" * 200, "message": "hi"})
    assert "message" in await _refused(client, 400, json={"sender": "u2", "message": ""})
    assert "message" in await _refused(client, 400, json={"sender": "u2", "message": "   "})
    assert "message" in await _refused(
        client, 400, json={"sender": "u2", "message": {"text": "hi"}}
    )
    assert "message" in await _refused(client, 400, json={"sender": "u2"})
    assert "object" in await _refused(client, 400, json=["u2", "hi"])
    assert "metadata" in await _refused(
        client, 400, json={"sender": "u2", "message": "hi", "metadata": 5}
    )
    assert "body" in await _refused(
        client, 400, data="\xff\xfe".encode("latin-1"), headers={"Content-Type": "application/json"}
    )
    await _refused(client, 413, json={"sender": "u2", "message": "a" * 70_000})
    for sender in ("u2", "x" * 200, ""):
        transcript = await hotline_of(client).conversations.transcript(
            ConversationKey("rest", sender)
        )
        assert transcript == []


async def test_an_over_long_message_gets_a_polite_reply(client: TestClient) -> None:
    resp = await client.post(URL, json={"sender": "u3", "message": "dài " * 1200})
    assert resp.status == 200
    [reply] = await resp.json()
    assert "quá dài" in reply["text"]
    assert await hotline_of(client).desk.store.list() == []


async def test_a_payload_of_an_unknown_intent_is_not_an_error(client: TestClient) -> None:
    for message in ("/nonsense", '/ask_faq{"faq_id": "does-not-exist"}', "/ask_faq{broken"):
        resp = await client.post(URL, json={"sender": "u4", "message": message})
        assert resp.status == 200, message
        assert (await resp.json())[0]["text"]
