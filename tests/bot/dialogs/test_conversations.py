"""Each intent's dialog end to end through the REST channel, typed as citizens type."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def test_greeting_offers_the_menu(chat: RestChat) -> None:
    await chat.say("chào ad")
    assert "Tổng đài 1022" in chat.text
    titles = [b["title"] for b in chat.buttons]
    assert "Phản ánh vi phạm" in titles and "Gặp tổng đài viên" in titles


async def test_thanks_and_goodbye(chat: RestChat) -> None:
    await chat.say("cảm ơn nhiều nha")
    assert chat.text == texts.THANKS
    await chat.say("tạm biệt")
    assert chat.text == texts.GOODBYE


async def test_a_policy_question_is_answered_at_once(chat: RestChat, client: TestClient) -> None:
    await chat.say("F1 phải cách ly bao nhiêu ngày vậy?")
    hotline = hotline_of(client)
    expected = hotline.faq.lookup("F1 phải cách ly bao nhiêu ngày vậy?").answer
    assert expected is not None
    assert chat.text == expected.answer
    assert await hotline.desk.store.list() == []


async def test_the_same_question_without_diacritics_gets_the_same_answer(chat: RestChat) -> None:
    first = await chat.say("F1 phải cách ly bao nhiêu ngày?")
    second = await chat.say("f1 phai cach ly bao nhieu ngay")
    assert first[0]["text"] == second[0]["text"]


async def test_a_suggestion_button_answers_that_entry(chat: RestChat, client: TestClient) -> None:
    entry = (await hotline_of(client).faq.store.list(status="published"))[0]
    await chat.say(f'/ask_faq{{"faq_id":"{entry.id}"}}')
    assert chat.text == entry.answer


async def test_an_unclear_question_gets_suggestions_not_a_wrong_answer(chat: RestChat) -> None:
    await chat.say("hỗ trợ")
    if chat.buttons:  # either suggestions or a polite "please rephrase" with the menu
        assert all(b["payload"].startswith("/") for b in chat.buttons)
    assert "mã phản ánh" not in chat.text.lower()


async def test_out_of_scope_says_what_the_hotline_does(chat: RestChat) -> None:
    await chat.say("tối nay đội tuyển Việt Nam đá mấy giờ?")
    assert chat.text in (texts.OUT_OF_SCOPE, texts.NOT_UNDERSTOOD)
    assert chat.buttons


async def test_an_emergency_says_115_first_then_files_an_urgent_ticket(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("cứu với, bố tôi F0 đang khó thở, tím tái rồi")
    assert "115" in chat.last[0]["text"]
    code = chat.code()
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and ticket.category == "emergency" and ticket.priority == "urgent"
    await chat.say("số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456")
    assert "115" in chat.text
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and "Chánh Nghĩa" in ticket.description


async def test_a_person_is_asked_for(chat: RestChat, client: TestClient) -> None:
    await chat.say("cho tôi gặp tổng đài viên")
    assert "tổng đài viên" in chat.text and "mã phản ánh" in chat.text
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.category == "other"


async def test_status_lookup_only_for_the_reporter(chat: RestChat, client: TestClient) -> None:
    await chat.say("/request_human")
    code = chat.code()
    await chat.say(f"tra cứu phản ánh {code.lower()}")
    assert code in chat.text and texts.STATUS_NAMES["new"] in chat.text

    stranger = RestChat(client, sender="someone-else")
    await stranger.say(f"tra cứu mã {code}")
    assert texts.STATUS_NAMES["new"] not in stranger.text
    assert "Không tìm thấy" in stranger.text


async def test_status_lookup_offers_my_codes(chat: RestChat) -> None:
    await chat.say("/request_human")
    code = chat.code()
    await chat.say("/check_status")
    assert [b["title"] for b in chat.buttons] == [code]
    await chat.press(code)
    assert texts.STATUS_NAMES["new"] in chat.text


async def test_a_health_question_without_an_faq_answer_goes_to_a_consultant(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("con tôi 3 tuổi bị phát ban đỏ sau khi sốt, có cần đưa đi khám không")
    hotline = hotline_of(client)
    tickets = await hotline.desk.store.list()
    if tickets:
        assert tickets[0].category == "health" and "tư vấn viên y tế" in chat.text
    else:
        assert chat.text  # answered from the FAQ
