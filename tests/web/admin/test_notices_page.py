"""The notices admin page over HTTP: preview the audience, send, follow delivery; escaped."""

from __future__ import annotations

from datetime import timedelta

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.bot.subscriptions import Area
from hotline.web.admin.notice_figures import notices_sent, subscribers_by_district
from hotline.web.keys import BROADCASTS
from tests.support.hotline import hotline_of
from tests.support.office import login, person

TRICK = "Tiêm chủng <b>mũi 3</b> & nhắc nhở"


async def test_a_supervisor_previews_then_sends_and_follows_a_notice(client: TestClient) -> None:
    book = await hotline_of(client).storage.subscriptions()
    await book.follow(ConversationKey("rest", "a"), Area("Dĩ An", "Dĩ An"))
    await book.follow(ConversationKey("rest", "b"), Area("Bến Cát"))
    await person(client, "giamsat", "supervisor")
    csrf = await login(client, "giamsat")
    page = await client.get("/admin/notices")
    assert page.status == 200 and "Viết thông báo" in await page.text()

    form = {"csrf_token": csrf, "text": TRICK, "districts": "Dĩ An", "action": "preview"}
    preview = await client.post("/admin/notices", data=form)
    html = await preview.text()
    assert preview.status == 200
    assert "Người đăng ký: <strong>1</strong>" in html and "Ứng dụng di động: 1" in html
    assert "&lt;b&gt;mũi 3&lt;/b&gt; &amp; nhắc nhở" in html  # kept in the form, escaped
    assert await client.app[BROADCASTS].board.latest() == []  # type: ignore[index]

    sent = await client.post(
        "/admin/notices", data={**form, "action": "send"}, allow_redirects=False
    )
    assert sent.status == 303
    follow = await client.get(sent.headers["Location"])
    html = await follow.text()
    assert "Tình hình gửi" in html and "<b>mũi 3</b>" not in html
    (notice,) = await client.app[BROADCASTS].board.latest()  # type: ignore[index]
    assert notice.districts == ("Dĩ An",) and notice.author == "giamsat"


async def test_a_bad_ward_is_said_and_agents_may_not_open_the_page(client: TestClient) -> None:
    await person(client, "giamsat", "supervisor")
    csrf = await login(client, "giamsat")
    form = {"csrf_token": csrf, "text": "x", "wards": "Sao Hỏa", "action": "preview"}
    answer = await client.post("/admin/notices", data=form)
    assert answer.status == 400 and "Không có phường/xã này: Sao Hỏa" in await answer.text()
    await person(client, "lan", "agent")
    await client.post("/logout", data={"csrf_token": csrf})
    await login(client, "lan")
    assert (await client.get("/admin/notices")).status == 403


async def test_the_dashboard_shows_subscribers_by_district_and_notices_sent(
    client: TestClient,
) -> None:
    book = await hotline_of(client).storage.subscriptions()
    await book.follow(ConversationKey("rest", "a"), Area("Thủ Dầu Một", "Phú Cường"))
    await book.follow(ConversationKey("rest", "a"), Area("Thủ Dầu Một"))  # one person, once
    await book.follow(ConversationKey("rest", "b"), Area("Thủ Dầu Một", "Hiệp Thành"))
    await book.follow(ConversationKey("rest", "c"), Area())
    broadcasts = client.app[BROADCASTS]  # type: ignore[index]
    notice = await broadcasts.board.publish("Thông báo", "an", ("Thủ Dầu Một",), (), ())
    await broadcasts.broadcast(notice)
    await person(client, "giamsat", "supervisor")
    await login(client, "giamsat")
    html = await (await client.get("/admin/dashboard")).text()
    assert "Người đăng ký nhận thông báo theo địa bàn" in html
    assert "Thông báo trong kỳ: 1" in html
    assert await subscribers_by_district(broadcasts) == [("Thủ Dầu Một", 2), ("Toàn tỉnh", 1)]
    # an hour either side: a window cut at the day's hours missed a notice made after 23:00
    since, until = notice.created_at - timedelta(hours=1), notice.created_at + timedelta(hours=1)
    count, rows = await notices_sent(broadcasts, since, until)
    assert count == 1 and dict(rows)["Đang chờ mở ứng dụng, chat web"] == 3
