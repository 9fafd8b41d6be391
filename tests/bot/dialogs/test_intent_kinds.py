"""Kinds of message taken for the wrong intent (issue 12), through the REST channel: questions
about rules in shapes the question cue missed never start a form, acknowledgements typed the way
chat types them get the short reply, and a wish to report in its usual shapes starts a report.
"""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.report_form import DIALOG as REPORT
from tests.support.chat import RestChat
from tests.support.hotline import dialog_of


@pytest.mark.parametrize(
    "question",
    [
        # What a rule consists of.
        "giấy đi đường phải ghi những gì",
        "ho so xin ho tro gom nhung gi vay ad",
        # "có ... không hay ...": open or not.
        "tiệm tạp hóa đầu ngõ có được bán không hay phải đóng",
        # Where to go, whom to reach.
        "muốn test nhanh thì đến đâu làm",
        "F0 khó thở ban đêm thì liên hệ ai",
        # A clause of its own asking who.
        "giấy chứng nhận tiêm của tôi ghi sai ngày sinh, ai sửa giúp",
        # A request for guidance, formally.
        "Đề nghị hướng dẫn thủ tục nhận hỗ trợ tiền thuê nhà cho công nhân",
        "xin cho biết điều kiện để F0 được cách ly tại nhà",
    ],
)
async def test_a_question_about_rules_in_other_shapes_starts_no_form(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert await dialog_of(client, chat.sender) != REPORT
    assert chat.text


@pytest.mark.parametrize(
    "text",
    ["okk", "okiii", "okeee ad", "oki nhaa", "vângg", "rồi rồi, rõ rồi", "xong rồi ạ", "k", "kk"],
)
async def test_an_acknowledgement_typed_as_chat_types_it_gets_the_short_reply(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert chat.text == texts.ACKNOWLEDGED
    assert await dialog_of(client, chat.sender) is None


async def test_a_bare_k_inside_a_form_is_read_by_the_form(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/report_violation")
    await chat.say("k")
    # The form still waits for what happened: the acknowledgement rule does not end it.
    assert await dialog_of(client, chat.sender) == REPORT
    assert chat.text != texts.ACKNOWLEDGED


@pytest.mark.parametrize(
    "text",
    [
        "em muốn báo một vụ",
        "tui cần tố cáo một trường hợp vi phạm",
        "cho tôi báo chuyện này ở xóm",
        "muon to giac 1 vu",
    ],
)
async def test_a_wish_to_report_in_its_usual_shapes_starts_a_report(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert texts.ASK_DESCRIBE["violation"] in chat.text
    assert await dialog_of(client, chat.sender) == REPORT
