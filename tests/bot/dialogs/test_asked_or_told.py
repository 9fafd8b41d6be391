"""Asked or told (issue 12), through the REST channel: questions in shapes the question cue used
to miss ("X nào", a clause "có ... không" before the last, "thì X hay Y") never start a form; a
check that someone is on duty is greeted; a plea whose "ai" or "nào" is negated ("không còn hạt
gạo nào") is no question, so it is not sent the FAQ's way.
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
        "phòng khám nào cấp giấy xác nhận khỏi bệnh cho công nhân",
        "xưởng tôi có ca dương tính thì công ty làm hồ sơ hỗ trợ hay tụi tôi tự nộp",
        "ca F0 trong xóm đã được chở đi chưa, tui lo quá",
        "tôi muốn biết ai duyệt danh sách nhận tiền hỗ trợ ở khu phố",
    ],
)
async def test_a_question_in_these_shapes_starts_no_form(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert await dialog_of(client, chat.sender) != REPORT
    assert chat.text


@pytest.mark.parametrize(
    "question",
    [
        # The asker's own plan or business, with a report's words in it.
        "quán ăn của tôi muốn bán mang về cho công nhân, nhân viên giao hàng cần giấy gì",
        "khu trọ tui có hai người ho sốt, trung tâm y tế có xuống lấy mẫu không rứa",
        "bên em dự định cho 20 công nhân ở lại xưởng, như vậy có được không",
    ],
)
async def test_a_question_for_oneself_with_a_reports_words_starts_no_form(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert await dialog_of(client, chat.sender) != REPORT
    assert chat.text


async def test_a_check_that_someone_is_on_duty_now_is_greeted(chat: RestChat) -> None:
    await chat.say("giờ này tổng đài còn ai trực không vậy ta")
    assert texts.GREETING in chat.text


async def test_a_plea_with_a_negated_which_starts_the_hardship_form(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("xin hỗ trợ gạo, cả nhà mất việc 2 tháng rồi, không còn đồng nào")
    assert await dialog_of(client, chat.sender) == REPORT
