"""An agent takes a citizen's chat through the API, talks in it, resolves the ticket."""

from __future__ import annotations

import asyncio

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.web.keys import CASEWORK, EVENTS
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import person


async def test_the_agent_has_the_rest_chat_and_the_citizen_hears_the_answer(
    chat: RestChat, client: TestClient
) -> None:
    agent = await person(client, "lan")
    await chat.say("/request_human")
    code = chat.code()
    key = ConversationKey("rest", chat.sender)
    conversations = hotline_of(client).conversations

    async with client.app[EVENTS].subscribe() as events:
        resp = await client.post(f"/api/tickets/{code}/claim", headers=agent)
        assert resp.status == 200, await resp.text()
        assert (await resp.json())["ticket"]["assignee"] == "lan"
        assert (await conversations.load(key)).mode == "agent"

        # The citizen is told a staff member joined (by title, never the login); the bot is silent.
        joined = await chat.say("alo, có ai không?")
        assert [m["text"] for m in joined] == [
            "Tổng đài viên đã tham gia cuộc trò chuyện và sẽ trả lời anh/chị trực tiếp."
        ]
        assert all(m["staff"] == "Tổng đài viên" and "lan" not in m["text"] for m in joined)
        assert await chat.say("alo?") == []

        resp = await client.post(
            f"/api/tickets/{code}/messages", headers=agent, json={"text": "Chào bạn, tôi là Lan."}
        )
        assert resp.status == 200, await resp.text()
        pending = [i.message.text for i in await conversations.pending(key)]
        assert pending == ["Chào bạn, tôi là Lan."]  # the app fetches it from the outbox
        shown = await (await client.get(f"/api/tickets/{code}", headers=agent)).json()
        said = [(m.get("agent"), m["text"]) for m in shown["transcript"] if m["direction"] == "out"]
        assert said[-1] == ("lan", "Chào bạn, tôi là Lan.")  # the record says who wrote it
        assert all(who is None for who, _ in said[:-1])  # and that the bot wrote the rest

        resp = await client.post(
            f"/api/tickets/{code}/status",
            headers=agent,
            json={"status": "resolved", "note": "Đã chuyển UBND phường Phú Cường hỗ trợ gạo."},
        )
        assert resp.status == 200, await resp.text()
        kinds = []
        while not events.empty():
            event = events.get_nowait()
            kinds.append((event.kind, event.data.get("status")))
        assert ("ticket", "assigned") in kinds and ("ticket", "resolved") in kinds
        assert ("ticket", "in_progress") in kinds  # the first reply started the work

    *_, news, handed_back, survey = [i.message for i in await conversations.pending(key)]
    assert code in news.text and "Đã chuyển UBND phường Phú Cường hỗ trợ gạo." in news.text
    assert "trả cuộc trò chuyện lại cho trợ lý tự động" in handed_back.text
    assert code in survey.text and len(survey.buttons) == 3  # then the one-question survey
    assert (await conversations.load(key)).mode == "bot"  # resolved: the bot is back

    await chat.say(f"tra cứu {code}")
    assert "Đã chuyển UBND phường Phú Cường hỗ trợ gạo." in chat.text
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and ticket.history[-1].action == "answer"


async def test_agent_replies_reach_the_web_chat_socket_and_release_gives_it_back(
    client: TestClient,
) -> None:
    agent = await person(client, "lan")
    async with client.ws_connect("/webchat/ws?sender=web-77") as ws:
        await ws.send_json({"payload": "/request_human"})
        code = (await ws.receive_json(timeout=5))["text"].split("mã phản ánh ")[1][:12]
        assert (await client.post(f"/api/tickets/{code}/claim", headers=agent)).status == 200
        joined = await ws.receive_json(timeout=5)
        assert joined["staff"] == "Tổng đài viên" and "đã tham gia" in joined["text"]
        await ws.send_json({"message": "tôi cần hỗ trợ gấp"})
        # The bot stays silent, and says so to the widget (its typing dots stop).
        assert await ws.receive_json(timeout=5) == {"typing": False}
        await client.post(
            f"/api/tickets/{code}/messages", headers=agent, json={"text": "Tôi nghe đây ạ."}
        )
        said = await ws.receive_json(timeout=5)  # not the bot: labelled as from staff
        assert said == {"text": "Tôi nghe đây ạ.", "staff": "Tổng đài viên"}

        assert (await client.post(f"/api/tickets/{code}/release", headers=agent)).status == 200
        left = await ws.receive_json(timeout=5)
        assert "trợ lý tự động" in left["text"] and left["staff"] == "Tổng đài viên"
        await ws.send_json({"message": "xin chào"})
        answer = await ws.receive_json(timeout=5)
        assert "Tổng đài 1022" in answer["text"] and "staff" not in answer


async def test_two_agents_claiming_at_once_one_wins_and_only_the_holder_may_talk(
    chat: RestChat, client: TestClient
) -> None:
    lan = await person(client, "lan")
    minh = await person(client, "minh")
    await chat.say("/request_human")
    code = chat.code()
    answers = await asyncio.gather(
        client.post(f"/api/tickets/{code}/claim", headers=lan),
        client.post(f"/api/tickets/{code}/claim", headers=minh),
    )
    assert sorted(r.status for r in answers) == [200, 409]
    loser = next(r for r in answers if r.status == 409)
    winner = "lan" if answers[0].status == 200 else "minh"
    assert (await loser.json())["assignee"] == winner

    other = minh if winner == "lan" else lan
    said = await client.post(f"/api/tickets/{code}/messages", headers=other, json={"text": "hi"})
    assert said.status == 409
    moved = await client.post(
        f"/api/tickets/{code}/transfer",
        headers=lan if winner == "lan" else minh,
        json={"to": "minh" if winner == "lan" else "lan", "note": "đổi ca"},
    )
    assert moved.status == 200 and (await moved.json())["ticket"]["assignee"] != winner
    said = await client.post(f"/api/tickets/{code}/messages", headers=other, json={"text": "hi"})
    assert said.status == 200


async def test_new_tickets_go_to_an_agent_at_the_console(client: TestClient) -> None:
    """Automatic assignment: the next round gives a waiting ticket to the agent on duty."""
    from hotline.web.keys import PRESENCE

    await person(client, "lan")
    chat = RestChat(client, "citizen-auto")
    await chat.say("/request_human")
    casework = client.app[CASEWORK]
    with client.app[PRESENCE].on_duty("lan"):
        [ticket] = await casework.assigner.assign_waiting()
    assert ticket.code == chat.code() and ticket.assignee == "lan"
