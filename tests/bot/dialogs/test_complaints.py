"""A complaint about the hotline's answers, told and not asked, starts the feedback form when the
NLU leans to feedback (issue 12), through the REST channel: never the FAQ's suggestions."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs.report_form import DIALOG as REPORT
from hotline.bot.messages import ConversationKey
from hotline.bot.nlu.base import Intent, ParseResult
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


class LeaningToFeedback:
    """An NLU that is unsure between feedback and the FAQ, as on complaints it never saw."""

    name = "leaning"

    async def parse(self, text: str) -> ParseResult:
        ranking = (Intent("feedback", 0.42), Intent("ask_faq", 0.38), Intent("thank", 0.2))
        return ParseResult(text, ranking[0], (), ranking)

    async def is_ready(self) -> bool:
        return True


async def _dialog(client: TestClient, chat: RestChat) -> tuple[str | None, object]:
    state = await hotline_of(client).conversations.load(ConversationKey("rest", chat.sender))
    return state.dialog, state.slots.get("category")


async def test_a_complaint_told_starts_the_feedback_form(
    chat: RestChat, client: TestClient
) -> None:
    hotline_of(client).engine.nlu = LeaningToFeedback()
    await chat.say("hỏi gì cũng trả lời sai, tổng đài gì mà quá tệ")
    assert await _dialog(client, chat) == (REPORT, "feedback")


async def test_an_unsure_feedback_without_a_complaint_goes_the_faqs_way(
    chat: RestChat, client: TestClient
) -> None:
    hotline_of(client).engine.nlu = LeaningToFeedback()
    await chat.say("đăng ký làm tình nguyện viên chống dịch")
    assert (await _dialog(client, chat))[0] != REPORT


async def test_a_complaint_the_model_takes_for_a_question_starts_the_feedback_form(
    chat: RestChat, client: TestClient
) -> None:
    # The real NLU: the rule overlay (`complaints.complained`) makes it feedback, even put as
    # a question.
    await chat.say("nhắn hỏi ba bốn lần mà tổng đài cứ trả lời lòng vòng, chán ghê hả")
    assert await _dialog(client, chat) == (REPORT, "feedback")


async def test_a_mood_about_a_neighbour_is_no_complaint_about_the_hotline(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("nhà bên cạnh mở nhạc ầm ĩ cả đêm, bực mình quá")
    assert (await _dialog(client, chat))[1] != "feedback"
