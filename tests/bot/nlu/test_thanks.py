from __future__ import annotations

import pytest

from hotline.bot.nlu.rules import rule_parse
from hotline.bot.nlu.thanks import thanked, thanks_others


@pytest.mark.parametrize(
    "text",
    [
        "kamsahamida tổng đài",
        "merci beaucoup ad",
        "xie xie bạn bot nha",
        "Nam mô A Di Đà Phật, cảm tạ các anh chị",
        "con cám ơn cô chú, cầu Chúa ban phước cho tổng đài",
        "thank you so much, god bless you",
        "tạ ơn mấy bạn trực đêm nghen",
        "dạ vâng, cảm ơn, kính chúc tổng đài nhiều sức khỏe",
    ],
)
def test_thanks_in_other_words_or_with_a_blessing(text: str) -> None:
    assert thanked(text)


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn ad, để chiều tui ghé trạm y tế",
        "ok để mai mình lên phường",
        "dạ, thông tin hữu ích quá, em lưu lại",
    ],
)
def test_thanks_closed_by_a_plan_of_ones_own(text: str) -> None:
    assert thanked(text)


@pytest.mark.parametrize(
    "text",
    [
        "A Di Đà Phật",  # a blessing alone greets or says goodbye
        "chúc tổng đài ngủ ngon",
        "cảm ơn tổ covid ấp 3 đã đi chợ giùm nhà tôi",  # praise of others: feedback
        "cảm ơn, để em báo vụ quán karaoke mở cửa",  # a report follows
        "ok để tôi chở mẹ đi viện, mẹ tôi khó thở lắm",  # more told than a plan
        "cảm ơn, để mai em lên phường hỏi giấy tờ gì",  # asks
        "arigatou, còn vụ tiền hỗ trợ thì sao?",
        "bình an của Chúa ở cùng anh chị, cho con hỏi chút",
    ],
)
def test_what_says_more_than_thanks_is_left_to_the_model(text: str) -> None:
    assert not thanked(text)


def test_thanks_settled_by_rule() -> None:
    ruled = rule_parse("gracias tổng đài 1022")
    assert ruled is not None and ruled.intent.name == "thank"


def test_a_long_repeated_thanks_is_read_in_linear_time() -> None:
    assert not thanked("cảm ơn nhiều " * 400 + "x")


@pytest.mark.parametrize(
    "text",
    [
        "ok, thông tin rõ ràng ghê",  # an acknowledgement and praise
        "👌 chi tiết quá",
        "thế là rõ rồi, cảm ơn con nhé",  # the hotline called "con", "cháu"
        "dạ, cháu nghe rồi",
        "🫶",
    ],
)
def test_an_acknowledgement_with_praise_or_heard_is_thanks(text: str) -> None:
    ruled = rule_parse(text)
    assert ruled is not None and ruled.intent.name == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "hay quá",  # praise alone may be of anything
        "ok hay quá, mà phường vẫn chưa phát tiền",
        "nghe rồi mà vẫn chưa hiểu",
    ],
)
def test_praise_alone_or_with_more_is_no_thanks(text: str) -> None:
    assert not thanked(text)


@pytest.mark.parametrize(
    "text",
    [
        "xin cảm ơn đội phản ứng nhanh phường 3 đã chở mẹ tôi đi viện kịp lúc",
        "cảm ơn các cô chú công an khu vực vì đã giúp bà con trong hẻm",
        "gia đình tôi biết ơn trạm y tế xã đã xuống tiêm tận nhà",
    ],
)
def test_thanks_to_a_team_for_what_it_did_is_feedback(text: str) -> None:
    assert thanks_others(text)
    ruled = rule_parse(text)
    assert ruled is not None and ruled.intent.name == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn tổng đài đã hướng dẫn",  # the hotline thanked: thanks
        "cảm ơn tổ covid đã ghé, nhưng tới giờ nhà tôi vẫn chưa có thuốc",  # more than praise
        "cảm ơn trạm y tế đã tiêm, vậy bao lâu thì tiêm mũi 2",  # asks
    ],
)
def test_thanks_to_the_hotline_or_with_more_is_no_praise_of_others(text: str) -> None:
    assert not thanks_others(text)


@pytest.mark.parametrize(
    "text",
    [
        "thông tin rõ ràng, phản hồi nhanh quá",  # the answer praised, no thanks word
        "cảm ơn ad, em yên tâm rồi",  # relief after thanks
        "cám ơn nha vậy là tui đỡ lo",  # in one clause
        "à ra thế, em cứ tưởng phải ra tận tỉnh",  # a belief the answer corrected
        "tổng đài trả lời nhanh ghê",  # the answer praised, felt
    ],
)
def test_praise_relief_or_a_belief_corrected_is_thanks(text: str) -> None:
    assert thanked(text)


@pytest.mark.parametrize(
    "text",
    [
        "nhanh lên, hay quá",  # hurrying: no answer named
        "tôi tưởng phải lên huyện, vậy giờ nộp ở đâu",  # asked
        "tôi tưởng F1 phải cách ly 7 ngày",  # no acknowledgement before
        "trả lời nhanh giùm nha",  # asks to hurry
        "rep lẹ a",
        "trả lời cụ thể, rõ ràng nha",  # asks for a clear answer
        "vâng, tôi tưởng có tiền hỗ trợ rồi mà sao giờ vẫn chưa thấy",  # a complaint
    ],
)
def test_praise_without_the_answer_or_a_belief_alone_is_no_thanks(text: str) -> None:
    assert not thanked(text)
