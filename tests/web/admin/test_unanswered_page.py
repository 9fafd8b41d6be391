"""Unanswered questions: collected from real chats, grouped, and turned into an entry."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import login, person

FISHING = ["Đi câu cá ngoài sông có bị phạt không?", "đi câu cá ngoài sông có bị phạt ko"]


async def test_a_group_of_unanswered_questions_becomes_an_entry(
    client: TestClient, chat: RestChat
) -> None:
    for text in [*FISHING, FISHING[0]]:
        await chat.say(text)
    await chat.say("F1 cách ly mấy ngày")  # answered: not on the list
    stored = await hotline_of(client).questions.open_unanswered()  # type: ignore[union-attr]
    assert [q.text for q in stored] == [FISHING[0], FISHING[1], FISHING[0]]
    assert all(q.channel == "rest" for q in stored)

    await person(client, "an", "admin")
    csrf = await login(client, "an")
    page = await (await client.get("/admin/unanswered")).text()
    assert '<div class="count" aria-label="số lần hỏi">3</div>' in page
    link = re.search(r'href="(/admin/faq/new\?from=[0-9,]+)"', page).group(1)  # type: ignore[union-attr]

    form = await (await client.get(link)).text()  # click one: the form, filled in
    questions = re.search(r'<textarea name="questions"[^>]*>([^<]*)</textarea>', form).group(1)  # type: ignore[union-attr]
    assert questions.splitlines() == FISHING
    assert 'value="di-cau-ca-ngoai-song-co-bi-phat"' in form
    from_ids = re.search(r'name="from" value="([0-9,]+)"', form).group(1)  # type: ignore[union-attr]

    answer = "Theo Chỉ thị 16, đi câu cá chưa được phép; vi phạm có thể bị phạt."
    saved = await client.post(  # click two: publish
        "/admin/faq/new",
        data={
            "csrf_token": csrf,
            "from": from_ids,
            "id": "di-cau-ca-ngoai-song",
            "questions": questions,
            "answer": answer,
            "topic": "quy_dinh",
            "action": "publish",
        },
    )
    assert "Đã xuất bản" in await saved.text()
    assert "Chưa có câu hỏi nào" in await (await client.get("/admin/unanswered")).text()
    await chat.say(FISHING[1])
    assert chat.text == answer


async def test_a_group_is_dismissed_or_added_to_an_entry_in_one_click(
    client: TestClient, chat: RestChat
) -> None:
    for text in FISHING:
        await chat.say(text)
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    page = await (await client.get("/admin/unanswered")).text()
    [fishing, same] = re.findall(r'name="ids" value="([0-9,]+)"', page)  # two one-click forms
    assert fishing == same and len(fishing.split(",")) == 2
    entry = (await hotline_of(client).faq.store.list())[0]
    assert f'<option value="{entry.id}">' in page  # existing entries as a pick-list

    added = await client.post(
        "/admin/unanswered/variant", data={"csrf_token": csrf, "ids": fishing, "entry": entry.id}
    )
    assert f"Đã thêm các cách hỏi vào mục {entry.id}" in await added.text()
    saved = await hotline_of(client).faq.store.get(entry.id)
    assert saved is not None and sorted(saved.questions[-2:]) == sorted(FISHING)
    assert saved.questions[: len(entry.questions)] == entry.questions
    await chat.say(FISHING[1])
    assert chat.text == saved.answer  # live for the bot at once

    await chat.say(FISHING[0].replace("câu cá", "thả diều"))
    page = await (await client.get("/admin/unanswered")).text()
    [kite, _] = re.findall(r'name="ids" value="([0-9,]+)"', page)
    gone = await client.post("/admin/unanswered/dismiss", data={"csrf_token": csrf, "ids": kite})
    page = await gone.text()
    assert "Đã bỏ qua nhóm câu hỏi" in page and "Chưa có câu hỏi nào" in page
