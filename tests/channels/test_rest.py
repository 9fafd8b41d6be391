"""The REST channel: Rasa's contract, and bad input answered with a clear 4xx, never a 500."""

from __future__ import annotations

import asyncio

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.channels.rest import TOKEN_HEADER
from hotline.web.keys import TAKEOVER
from tests.support.hotline import hotline_of

URL = "/webhooks/rest/webhook"
WAITING = "/webhooks/rest/messages"


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
    if resp.content_type != "application/json":
        return ""
    body = await resp.json()
    return f"{body['error']} {body.get('problem', '')}"  # Vietnamese, then the English key


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
    assert "invalid_utf8" in await _refused(
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


async def _agent_says(client: TestClient, sender: str, text: str) -> None:
    key = ConversationKey("rest", sender)
    await client.app[TAKEOVER].take(key, "lan")
    await client.app[TAKEOVER].say(key, "lan", text)


async def test_an_agent_reply_comes_first_in_the_answer_to_the_next_message(
    client: TestClient,
) -> None:
    await client.post(URL, json={"sender": "u5", "message": "tôi cần gặp người thật"})
    await _agent_says(client, "u5", "Chào anh, tôi là Lan, tổng đài viên.")
    resp = await client.post(URL, json={"sender": "u5", "message": "Chào chị Lan"})
    assert [r["text"] for r in await resp.json()] == ["Chào anh, tôi là Lan, tổng đài viên."]
    # The bot is silent while the agent has the chat: the reply came once and is now delivered.
    resp = await client.post(URL, json={"sender": "u5", "message": "chị còn đó không"})
    assert await resp.json() == []
    assert await hotline_of(client).conversations.pending(ConversationKey("rest", "u5")) == []


async def _first_message(client: TestClient, sender: str) -> dict[str, str]:
    """The app's first message; the headers that prove it is this sender when it fetches."""
    resp = await client.post(URL, json={"sender": sender, "message": "xin chào"})
    assert resp.status == 200
    return {"Authorization": f"Bearer {resp.headers[TOKEN_HEADER]}"}


async def test_the_app_fetches_what_waits_for_it_once(client: TestClient) -> None:
    proof = await _first_message(client, "u6")
    assert await (await client.get(WAITING, params={"sender": "u6"}, headers=proof)).json() == []
    await _agent_says(client, "u6", "Hồ sơ của anh đã được chuyển cho phường.")
    await _agent_says(client, "u6", "Anh cần gì thêm không?")
    resp = await client.get(WAITING, params={"sender": "u6"}, headers=proof)
    assert resp.status == 200
    got = await resp.json()
    assert [r["text"] for r in got] == [
        "Hồ sơ của anh đã được chuyển cho phường.",
        "Anh cần gì thêm không?",
    ]
    assert all(r["recipient_id"] == "u6" for r in got)
    assert await (await client.get(WAITING, params={"sender": "u6"}, headers=proof)).json() == []


async def test_a_fetch_without_the_senders_secret_gets_nothing_and_takes_nothing(
    client: TestClient,
) -> None:
    proof = await _first_message(client, "c1")
    other = await _first_message(client, "c2")
    again = await client.post(URL, json={"sender": "c1", "message": "alo"})
    assert TOKEN_HEADER not in again.headers, "only the first answer carries the secret"
    await _agent_says(client, "c1", "Chị Bích ơi, số 0987654321 đúng không ạ?")
    token = proof["Authorization"].split()[1]
    for refused in (
        {},
        other,  # another sender's secret
        {"Authorization": "Bearer " + "0" * len(token)},
        {"Authorization": f"Basic {token}"},
    ):
        resp = await client.get(WAITING, params={"sender": "c1"}, headers=refused)
        assert resp.status == 401, refused
        assert "0987654321" not in await resp.text()
    resp = await client.get(WAITING, params={"sender": "c1", "token": token})
    assert [r["text"] for r in await resp.json()] == ["Chị Bích ơi, số 0987654321 đúng không ạ?"]


async def test_of_two_first_messages_at_once_only_one_gets_the_secret(client: TestClient) -> None:
    """The app and someone who guessed its id write first at the same moment: one answer
    carries the secret, the other does not (each fetch with it would read the citizen's news)."""
    answers = await asyncio.gather(
        *(
            client.post(URL, json={"sender": "c3", "message": text})
            for text in ("xin chào", "alo", "cho hỏi")
        )
    )
    assert [a.status for a in answers] == [200, 200, 200]
    assert sum(TOKEN_HEADER in a.headers for a in answers) == 1


async def test_another_senders_message_id_is_a_message_of_its_own(client: TestClient) -> None:
    """A second citizen who sends the first one's message id is answered for themselves and
    never gets the first citizen's replies."""
    first = {"sender": "c1", "message": "/report_violation", "metadata": {"message_id": "m-1"}}
    mine = await (await client.post(URL, json=first)).json()
    copied = {"sender": "c2", "message": "xin chào", "metadata": {"message_id": "m-1"}}
    theirs = await (await client.post(URL, json=copied)).json()
    assert theirs and all(r["recipient_id"] == "c2" for r in theirs)
    assert [r["text"] for r in theirs] != [r["text"] for r in mine]
    again = await (await client.post(URL, json=first)).json()
    assert [r["text"] for r in again] == [r["text"] for r in mine]  # a retry: the same replies


async def test_a_waiting_fetch_is_answered_when_the_agent_writes(client: TestClient) -> None:
    proof = await _first_message(client, "u7")
    fetch = asyncio.create_task(
        client.get(WAITING, params={"sender": "u7", "wait": "25"}, headers=proof)
    )
    await _agent_says(client, "u7", "Tổng đài viên đây ạ.")
    # Not a speed limit: unwoken, the fetch would only return after its 25 seconds.
    done, _ = await asyncio.wait({fetch}, timeout=10)
    assert done == {fetch}
    assert [r["text"] for r in await fetch.result().json()] == ["Tổng đài viên đây ạ."]


async def test_bad_fetches_are_refused_clearly(client: TestClient) -> None:
    for params, word in (
        ({}, "sender"),
        ({"sender": "x" * 200}, "sender"),
        ({"sender": "u8", "wait": "soon"}, "wait"),
        ({"sender": "u8", "wait": "-1"}, "wait"),
        ({"sender": "u8", "wait": "3600"}, "wait"),
        ({"sender": "u8", "wait": "nan"}, "wait"),
    ):
        resp = await client.get(WAITING, params=params)
        assert resp.status == 400, params
        assert word in (await resp.json())["error"]
