"""Small talk told apart (issue 12), through the REST channel: an acknowledgement opened by an
interjection or by who understood gets the short reply; surprise, laughter and a bare particle
are small talk, neither an "ok" nor a question for the FAQ; a person asked for in English is
handed to an agent; an advert is told what the hotline does.
"""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.report_form import DIALOG as REPORT
from hotline.bot.dialogs.status_lookup import DIALOG as STATUS
from tests.support.chat import RestChat
from tests.support.hotline import dialog_of, hotline_of


@pytest.mark.parametrize(
    "text",
    ["vậy thì được, em hiểu rồi nhé", "à há, mình nắm rồi", "ok la", "ừm ừm", "got it, noted"],
)
async def test_an_acknowledgement_in_these_shapes_gets_the_short_reply(
    chat: RestChat, text: str
) -> None:
    await chat.say(text)
    assert chat.text == texts.ACKNOWLEDGED


@pytest.mark.parametrize("text", ["ủa", "hahaha", "kkkkk", "hả"])
async def test_surprise_laughter_and_a_bare_particle_are_small_talk(
    chat: RestChat, text: str
) -> None:
    await chat.say(text)
    assert texts.OUT_OF_SCOPE in chat.text
    assert texts.NO_ANSWER not in chat.text


async def test_a_person_asked_for_in_english_gets_a_ticket_for_an_agent(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("hi, can I talk to a real person please")
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["other"]


@pytest.mark.parametrize(
    "text", ["cảm ơn ad, mà F1 ở nhà mấy ngày vậy", "tạm biệt, à mà chợ mở lại chưa"]
)
async def test_a_question_said_with_thanks_or_goodbye_goes_the_faqs_way(
    chat: RestChat, text: str
) -> None:
    await chat.say(text)
    assert chat.text not in (texts.THANKS, texts.GOODBYE, texts.ACKNOWLEDGED)


@pytest.mark.parametrize(
    "text",
    [
        "nhận làm giấy xác nhận tiêm chủng trọn gói, lấy ngay, ib em",
        "thanh lý nhiệt kế điện tử giá rẻ, ai cần inbox",
    ],
)
async def test_an_advert_gets_what_the_hotline_does(chat: RestChat, text: str) -> None:
    await chat.say(text)
    assert texts.OUT_OF_SCOPE in chat.text


async def test_thinking_it_over_is_no_acknowledgement(chat: RestChat) -> None:
    await chat.say("hmmm")
    assert chat.text != texts.ACKNOWLEDGED


async def test_a_question_closed_as_a_letter_opens_no_feedback_form(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(
        "Thưa quý cơ quan, tôi xin phép hỏi hộ kinh doanh được hỗ trợ theo chính sách nào, "
        "để tôi báo lại cho các hộ trong chợ. Trân trọng cảm ơn."
    )
    tickets = await hotline_of(client).desk.store.list()
    assert not [t for t in tickets if t.category == "feedback"]
    assert texts.THANKS not in chat.text


async def test_formal_thanks_to_the_hotline_are_thanked(chat: RestChat) -> None:
    await chat.say("Chúng tôi xin chân thành cảm ơn quý Tổng đài đã hướng dẫn tận tình")
    assert chat.text == texts.THANKS


async def test_a_report_wished_for_in_english_starts_the_report_form(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("I would like to report a karaoke bar that is still open")
    assert await dialog_of(client, chat.sender) == REPORT


async def test_a_reports_progress_asked_without_its_code_asks_for_the_code(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("phản ánh hôm trước của em xử lý tới đâu rồi ạ")
    assert await dialog_of(client, chat.sender) == STATUS
