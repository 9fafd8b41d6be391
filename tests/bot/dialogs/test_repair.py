"""Conversation repair in the forms: leave, step back, a person, a question, at every step."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of

DESCRIPTION = "Gia đình 4 người mất việc 2 tháng nay, hết gạo rồi"
PLACE = "khu phố 3, phường Tân Định, Bến Cát"


async def _state(client: TestClient, chat: RestChat):  # type: ignore[no-untyped-def]
    return await hotline_of(client).conversations.load(ConversationKey("rest", chat.sender))


async def _to_step(chat: RestChat, step: str) -> None:
    """A hardship form ("Tôi cần hỗ trợ") walked up to `step`."""
    await chat.say("/request_support")
    if step == "describe":
        return
    await chat.say(DESCRIPTION)
    if step == "where":
        return
    await chat.say(PLACE)
    if step == "contact":
        return
    await chat.say("Trần Thị Hoa 0987654321")
    assert step == "confirm"


STEPS = ("describe", "where", "contact", "confirm")


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("said", ["thôi hủy", "không báo nữa", "thoi khong can nua"])
async def test_cancel_leaves_the_form_at_every_step(
    chat: RestChat, client: TestClient, step: str, said: str
) -> None:
    await _to_step(chat, step)
    await chat.say(said)
    assert chat.text == texts.CANCELLED
    assert (await _state(client, chat)).dialog is None
    assert await hotline_of(client).desk.store.list() == []


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize(
    "said", ["gặp người thật", "cho tôi nói chuyện với tổng đài viên", "/request_human"]
)
async def test_a_person_is_reached_from_every_step(
    chat: RestChat, client: TestClient, step: str, said: str
) -> None:
    await _to_step(chat, step)
    await chat.say(said)
    assert "tổng đài viên" in chat.text and "mã phản ánh" in chat.text
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["other"], "nothing taken as the form's answer"
    if step != "describe":  # what the form had collected goes with the request
        assert DESCRIPTION in tickets[0].description
    assert (await _state(client, chat)).dialog is None


@pytest.mark.parametrize("step", STEPS)
async def test_an_emergency_interrupts_every_step(
    chat: RestChat, client: TestClient, step: str
) -> None:
    await _to_step(chat, step)
    await chat.say("cứu với, mẹ tôi khó thở tím tái rồi")
    assert "115" in chat.text
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]


@pytest.mark.parametrize("step", ["describe", "where", "contact"])
async def test_a_question_mid_form_is_answered_and_the_form_resumes(
    chat: RestChat, client: TestClient, step: str
) -> None:
    await _to_step(chat, step)
    asked_before = chat.last[-1]["text"]
    question = "F1 phải cách ly bao nhiêu ngày vậy?"
    await chat.say(question)
    expected = hotline_of(client).faq.lookup(question).answer
    assert expected is not None
    assert chat.last[0]["text"] == expected.answer
    assert texts.FORM_RESUME in chat.last[-1]["text"]
    assert asked_before in chat.last[-1]["text"], "the same step is asked again"
    state = await _state(client, chat)
    assert state.dialog == "report" and state.step == step


async def test_the_form_goes_on_after_a_question(chat: RestChat, client: TestClient) -> None:
    await _to_step(chat, "where")
    await chat.say("tiêm vắc xin mũi 3 ở đâu?")
    await chat.say(PLACE)
    assert "số điện thoại" in chat.text
    await chat.say("Trần Thị Hoa 0987654321")
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.description == DESCRIPTION
    assert (ticket.ward, ticket.district) == ("Tân Định", "Bến Cát")


async def test_back_returns_to_the_step_before(chat: RestChat, client: TestClient) -> None:
    await _to_step(chat, "contact")
    await chat.say("quay lại")
    assert chat.text == texts.ASK_WHERE
    await chat.say("ấp 2, xã An Tây, Bến Cát")
    assert "số điện thoại" in chat.text
    await chat.say("quay lai")
    await chat.say("quay lai")
    assert texts.ASK_DESCRIBE["hardship"] in chat.text
    await chat.say("quay lại")
    assert texts.BACK_AT_START in chat.text
    await chat.say("Cụ bà 80 tuổi sống một mình, hết tiền mua thuốc")
    await chat.say("ấp 2, xã An Tây, Bến Cát")
    await chat.press("Gửi ẩn danh")
    await chat.press("Quay lại")
    assert "số điện thoại" in chat.text
    await chat.press("Gửi ẩn danh")
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.description.startswith("Cụ bà 80 tuổi")
    assert ticket.ward == "An Tây"


@pytest.mark.parametrize("said", ["xin chào", "ok", "alo alo"])
async def test_the_place_step_wants_a_place(chat: RestChat, client: TestClient, said: str) -> None:
    await _to_step(chat, "where")
    await chat.say(said)
    assert texts.NOT_AN_ADDRESS in chat.text
    state = await _state(client, chat)
    assert state.step == "where" and "address" not in state.slots


async def test_a_phone_in_the_address_goes_to_the_contact(
    chat: RestChat, client: TestClient
) -> None:
    await _to_step(chat, "where")
    await chat.say("số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456")
    assert "số điện thoại" not in chat.text, "the phone was given: no contact question"
    assert "0903123456" in chat.text and texts.CONFIRM_PROMPT in chat.text
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.reporter is not None
    assert ticket.reporter.phone == "0903123456"
    assert ticket.address == "số 12 đường 30/4, phường Chánh Nghĩa"
    assert (ticket.ward, ticket.district) == ("Chánh Nghĩa", "Thủ Dầu Một")


async def test_a_district_alone_asks_for_its_ward(chat: RestChat, client: TestClient) -> None:
    await _to_step(chat, "where")
    await chat.say("số 5 đường ĐT743, Dĩ An")
    assert texts.ASK_WARD.format(district="Dĩ An") in chat.text
    await chat.say("không biết nữa")
    assert texts.NOT_A_WARD.format(district="Dĩ An") in chat.text
    await chat.say("Đông Hòa")
    assert "số điện thoại" in chat.text
    state = await _state(client, chat)
    assert (state.slots["ward"], state.slots["district"]) == ("Đông Hòa", "Dĩ An")


async def test_the_time_step_wants_a_time(chat: RestChat) -> None:
    await chat.say("/report_violation")
    await chat.say("Quán karaoke Hoàng Gia vẫn mở cửa hát đến khuya, tụ tập rất đông người")
    await chat.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    await chat.say("ừm để xem")
    assert texts.NOT_A_TIME in chat.text
    await chat.say("tối qua lúc 10 giờ")
    assert "ẩn danh" in chat.text


async def test_a_greeting_is_no_description(chat: RestChat) -> None:
    await chat.say("/report_violation")
    await chat.say("xin chào")
    assert texts.NOT_A_DESCRIPTION in chat.text
