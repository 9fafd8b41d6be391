"""Subscribing to notices in chat, through the REST channel as the mobile app talks."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.bot.subscriptions import Area
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of

KEY = ConversationKey("rest", "citizen-1")


async def following(client: TestClient) -> list[Area]:
    book = await hotline_of(client).storage.subscriptions()
    return [s.area for s in await book.of(KEY)]


async def test_a_citizen_subscribes_to_a_ward_typed_without_diacritics(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("đăng ký nhận thông báo")
    assert chat.text == texts.SUBSCRIBE_ASK_AREA
    assert texts.WHOLE_PROVINCE in [b["title"] for b in chat.buttons]
    assert await following(client) == []  # asking is not subscribing
    await chat.say("phuong phu cuong")
    assert "Phú Cường (Thủ Dầu Một)" in chat.text
    assert await following(client) == [Area("Thủ Dầu Một", "Phú Cường")]


async def test_the_menu_button_and_several_areas_then_one_message_stops_all(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("chào")
    await chat.press(texts.SUBSCRIBE_BUTTON)
    assert chat.text == texts.SUBSCRIBE_ASK_AREA
    await chat.press(texts.WHOLE_PROVINCE)
    await chat.say("dang ky nhan thong bao thi xa Ben Cat")
    assert await following(client) == [Area(), Area("Bến Cát")]
    assert "toàn tỉnh, Bến Cát" in chat.text
    await chat.say("dang ky nhan thong bao ben cat")
    assert chat.text.startswith("Anh/chị đã đăng ký nhận thông báo của Bến Cát rồi")
    await chat.say("hủy đăng ký")
    assert chat.text == texts.UNSUBSCRIBED
    assert await following(client) == []
    await chat.say("huy dang ky")
    assert chat.text == texts.NOT_SUBSCRIBED


async def test_a_ward_name_several_districts_share_asks_which(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("đăng ký nhận thông báo")
    await chat.say("An Bình")
    assert chat.text == texts.SUBSCRIBE_WHICH_DISTRICT.format(ward="An Bình")
    districts = [b["title"] for b in chat.buttons]
    assert len(districts) >= 2
    await chat.press(districts[0])
    assert await following(client) == [Area(districts[0], "An Bình")]


async def test_an_unknown_place_is_asked_again_and_nothing_is_followed(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("đăng ký nhận thông báo")
    await chat.say("sao hỏa")
    assert chat.text == texts.SUBSCRIBE_NOT_FOUND.format(typed="sao hỏa")
    assert await following(client) == []
    await chat.say("Dĩ An")
    assert await following(client) == [Area("Dĩ An")]


async def test_cancelling_unrelated_things_is_not_unsubscribing(chat: RestChat) -> None:
    await chat.say("tôi muốn hủy đăng ký tiêm vắc xin cho con tôi ở trường")
    assert chat.text not in (texts.UNSUBSCRIBED, texts.NOT_SUBSCRIBED)


async def test_words_about_notices_that_ask_something_else_are_not_taken_for_it(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("tôi chưa nhận thông báo tiền hỗ trợ đợt 2")
    assert chat.text != texts.SUBSCRIBE_ASK_AREA
    await chat.say("/report_violation")
    await chat.say("quán karaoke đã đăng ký nhận thông báo mà vẫn mở cửa hát tới khuya")
    assert chat.text not in (texts.SUBSCRIBE_ASK_AREA, texts.UNSUBSCRIBED, texts.NOT_SUBSCRIBED)
    assert await following(client) == []
    await chat.say("nhận thông báo")  # short: asked for, even in the middle of a form
    assert chat.text == texts.SUBSCRIBE_ASK_AREA
