"""Complaints about the hotline's answers or service are feedback."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.complaints import COMPLAINT_CONFIDENCE, complained, complains


@pytest.mark.parametrize(
    "text",
    [
        "tổng đài trả lời vòng vo hoài, chán thật",
        "gọi mấy lần không có ai nghe, bực mình quá",
        "hỏi bao nhiêu lần rồi mà cái máy này cứ nói tào lao",
    ],
)
def test_a_mood_about_the_hotlines_answers_complains(text: str) -> None:
    assert complains(text)


@pytest.mark.parametrize(
    "text", ["hàng xóm hát karaoke bực mình quá", "ở nhà hoài chán thật", "F1 chờ kết quả mấy ngày"]
)
def test_a_mood_about_something_else_does_not(text: str) -> None:
    assert not complains(text)


def _parse(text: str, top: str, confidence: float = 0.5) -> ParseResult:
    ranking = (Intent(top, confidence), Intent("feedback", 0.3), Intent("greet", 0.2))
    if top == "feedback":
        ranking = (Intent(top, confidence), Intent("ask_faq", 0.3), Intent("greet", 0.2))
    return ParseResult(text, ranking[0], (), ranking)


def test_a_complaint_taken_for_a_question_is_feedback_surely() -> None:
    parse = complained(_parse("tổng đài trả lời vòng vo hoài, chán thật", "ask_faq"))
    assert parse.intent == Intent("feedback", COMPLAINT_CONFIDENCE)
    assert [i.name for i in parse.intent_ranking] == ["feedback", "ask_faq", "greet"]
    assert sum(i.confidence for i in parse.intent_ranking) == pytest.approx(1.0)


def test_an_unsure_feedback_complaint_is_made_sure() -> None:
    parse = complained(_parse("tổng đài trả lời vòng vo hoài, chán thật", "feedback", 0.4))
    assert parse.intent == Intent("feedback", COMPLAINT_CONFIDENCE)


def test_a_bare_mood_and_a_report_are_left_alone() -> None:
    bare = _parse("vô dụng", "out_of_scope")
    assert complained(bare) is bare
    report = _parse("trả lời vòng vo, quán nhậu vẫn mở", "report_violation")
    assert complained(report) is report


@pytest.mark.parametrize(
    "text",
    [
        "hỏi giờ giới nghiêm mà bot trả lời toàn chuyện không liên quan",
        "trả lời hay ghê, tuyệt vời ông mặt trời",  # sarcasm about an answer
        "gọi tổng đài cả sáng mà máy toàn bận",
        "em hỏi giấy đi đường chứ đâu có hỏi tiêm chủng",  # what was asked, not answered
        "làm ơn trả lời cho tử tế",
    ],
)
def test_irrelevant_answers_a_busy_line_and_the_wrong_topic_complain(text: str) -> None:
    assert complains(text)


@pytest.mark.parametrize(
    "text",
    [
        "nhà bên cạnh hát karaoke không liên quan gì tới tôi mà ồn quá",  # not the hotline
        "trả lời đúng không ad",  # asking whether an answer is right
        "tôi hỏi giùm mẹ chứ mẹ không biết nhắn tin",
    ],
)
def test_other_shapes_are_no_complaint(text: str) -> None:
    assert not complains(text)


@pytest.mark.parametrize(
    "text",
    [
        "em hỏi tiền hỗ trợ mà bot toàn trả lời chuyện cách ly",
        "lần nào tổng đài cũng nói chưa có thông tin, chán thật",
        "đọc kỹ câu hỏi rồi hãy trả lời chứ",
        "vậy lập cái bot ra để làm gì",
    ],
)
def test_answers_beside_the_point_are_complained_of(text: str) -> None:
    assert complains(text)


def test_asking_what_an_app_is_for_is_no_complaint() -> None:
    assert not complains("app PC-Covid dùng để làm gì")
    assert not complains("chưa có thông tin về lịch tiêm ở phường tôi à")


@pytest.mark.parametrize(
    "text",
    [
        "hỏi cả buổi mà tổng đài nói như không nói",
        "em hỏi giấy đi đường mà bot cứ bảo gọi 1022 hoài",
        "bot trả lời gọi cho phường hoài, phường có nghe đâu",
    ],
)
def test_saying_nothing_or_the_same_again_complains(text: str) -> None:
    assert complains(text)


def test_what_the_bot_said_quoted_before_a_question_is_no_complaint() -> None:
    assert not complains("bot nói F1 cách ly 7 ngày, vậy F0 thì mấy ngày")


@pytest.mark.parametrize(
    "text",
    [
        "bot trả lời y như máy, hỏi gì cũng không đúng",
        "hỏi giờ tiêm mà nói chuyện đâu đâu",
        "câu nào gửi lên cũng chỉ về ủy ban, lập tổng đài ra làm gì",
    ],
)
def test_answers_by_rote_elsewhere_or_nowhere_complain(text: str) -> None:
    assert complains(text)


@pytest.mark.parametrize(
    "text",
    [
        "bác sĩ nói đau đầu sau tiêm là bình thường phải không",
        "con tôi cứ nói đau đầu, có phải triệu chứng covid không",
        "ba toi noi dau dau tu sang, co can di kham khong",
    ],
)
def test_a_headache_told_is_no_answer_beside_the_point(text: str) -> None:
    # Folded, "đau đầu" (a headache) is "đâu đâu" (beside the point): only the marks tell.
    assert not complains(text)
