"""A report opener starts a report, a greeting is greeted (issue 12), through the REST channel.

A message that opens with a report verb and what is reported ("phản ánh vụ ...", "phản ánh giúp
em chuyện ...", "cho phản ánh cái") starts the report form, never the FAQ entry on tracking a
report; questions about reporting stay questions. A greeting alone, with the words that address
the hotline, gets the greeting, never the FAQ entry on how to reach the hotline. With the local
NLU and in front of a fake Rasa that takes every one of them for the FAQ's.
"""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.report_form import DIALOG as REPORT
from hotline.bot.dialogs.status_lookup import DIALOG as STATUS
from hotline.bot.messages import ConversationKey
from tests.support.chat import RestChat
from tests.support.hotline import dialog_of, faq_answered, hotline_of
from tests.support.rasa import FakeRasa, fake_rasa, fake_rasa_bot

OPENERS = [
    "phản ánh vụ tiệm cầm đồ cho người ta tụ tập đánh bài",
    "phan anh giup em chuyen xuong may bat cong nhan o lai qua dem",
    "cho phản ánh cái",
    "cho phan anh cai",
    "phản ánh dùm em vụ này",
    "phản ánh giùm cái nè",
    "ad ơi phản ánh giúp mình việc này với",
    "em xin phản ánh về việc tổ trưởng thu tiền phát gạo",
    "báo vụ nhóm thanh niên nhậu ở bờ kè suốt đêm",
    # After a formal salutation; how to report, asked after a wish to; a bare one "here".
    "Kính gửi Tổng đài, tôi xin được phản ánh về việc chủ trọ gom rác đốt giữa khu dân cư",
    "mình muốn phản ánh chuyện xưởng gỗ cho công nhân ngủ lại thì làm sao",
    "tố cáo đây ad",
    # What there is to report first; presented as in a letter.
    "có một vụ sai phạm muốn báo với tổng đài",
    "Kính thưa Tổng đài, tôi xin trình bày một sự việc vi phạm giãn cách ở chợ phường",
]
QUESTIONS = [
    "phản ánh qua đâu",
    "phản ánh rồi thì bao lâu có kết quả",
    "phan anh xong bao lau thi co nguoi xu ly",
    "phản ánh có bị lộ tên không",
]
GREETINGS = [
    "chào ad",
    "chao ad a",
    "alo",
    "alo alo",
    "xin chào tổng đài",
    "hello",
    "alo đường dây nóng",
    "chào anh chị tổng đài 1022 ạ",
    "xin chao tong dai 1022",
    "hi 👋",
    "👋",
    "alo, có ai trực không ạ",
]


@pytest.fixture
def rasa_chat(
    fake_rasa_bot: tuple[FakeRasa, TestClient],
) -> tuple[FakeRasa, TestClient, RestChat]:
    """A citizen in front of a Rasa that takes openers for the entry on tracking a report and
    greetings for the entry on reaching the hotline."""
    fake, client = fake_rasa_bot
    fake.pick_confidence = 0.95
    fake.intents.update({text: ("ask_faq", "theo-doi-phan-anh") for text in OPENERS})
    fake.intents.update({text: ("ask_faq", "kenh-lien-he-1022") for text in GREETINGS})
    return fake, client, RestChat(client, sender="citizen-rasa")


@pytest.mark.parametrize("text", OPENERS)
async def test_a_report_opener_starts_a_report(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert await dialog_of(client, chat.sender) == REPORT
    assert not await faq_answered(client, chat.last)


@pytest.mark.parametrize("text", OPENERS)
async def test_a_report_opener_starts_a_report_whatever_rasa_picks(
    rasa_chat: tuple[FakeRasa, TestClient, RestChat], text: str
) -> None:
    _, client, chat = rasa_chat
    await chat.say(text)
    assert await dialog_of(client, chat.sender) == REPORT
    assert not await faq_answered(client, chat.last)


async def test_an_opener_that_tells_what_happened_keeps_it_as_the_description(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("phản ánh vụ quán nhậu đầu hẻm 12 mở tới khuya, khách không đeo khẩu trang")
    # What happened is told: the form goes on to where, never asks for it again.
    assert texts.ASK_DESCRIBE["violation"] not in chat.text
    assert await dialog_of(client, chat.sender) == REPORT


@pytest.mark.parametrize("question", QUESTIONS)
async def test_a_question_about_reporting_stays_a_question(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert await dialog_of(client, chat.sender) != REPORT
    assert chat.text


async def test_looking_up_a_report_stays_a_lookup(chat: RestChat, client: TestClient) -> None:
    await chat.say("tra cứu phản ánh")
    assert await dialog_of(client, chat.sender) == STATUS


@pytest.mark.parametrize("text", GREETINGS)
async def test_a_bare_greeting_gets_the_greeting(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert texts.GREETING in chat.text
    assert not await faq_answered(client, chat.last)


@pytest.mark.parametrize("text", GREETINGS)
async def test_a_bare_greeting_gets_the_greeting_whatever_rasa_picks(
    rasa_chat: tuple[FakeRasa, TestClient, RestChat], text: str
) -> None:
    _, client, chat = rasa_chat
    await chat.say(text)
    assert texts.GREETING in chat.text
    assert not await faq_answered(client, chat.last)


async def test_a_greeting_with_a_question_gets_the_question_seen_to(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("chào ad, F1 phải cách ly mấy ngày vậy")
    assert texts.GREETING not in chat.text
    offered = [b["payload"] for b in chat.buttons if "cach-ly-f1-bao-lau" in b["payload"]]
    assert offered or await faq_answered(client, chat.last) == ["cach-ly-f1-bao-lau"]
