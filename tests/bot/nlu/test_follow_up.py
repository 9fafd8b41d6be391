from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.follow_up import asks_how_to_follow, followed
from hotline.bot.nlu.plain_requests import asks_progress


@pytest.mark.parametrize(
    "text",
    [
        "phản ánh xong thì theo dõi tiến độ trên app nào vậy",
        "gửi phản ánh rồi thì bằng cách nào biết bên phường nhận chưa",
        "mình làm hồ sơ hỗ trợ rồi mà chưa có tiền, coi danh sách ở chỗ nào",
        "phản ánh mà không ai xử lý thì người dân có được khiếu nại không",
    ],
)
def test_where_or_how_to_follow_a_report_asked(text: str) -> None:
    assert asks_how_to_follow(text)


@pytest.mark.parametrize(
    "text",
    [
        "phản ánh của em hôm qua tới đâu rồi",
        "PA-7K3Q-9X2M xem ở đâu vậy",  # a code given: looked up
        "tôi đã gửi yêu cầu hỗ trợ, giờ kiểm tra ở đâu",  # a request filed with the hotline
        "gửi phản ánh rồi, chờ tin",
    ],
)
def test_a_report_of_ones_own_looked_up_is_not(text: str) -> None:
    assert not asks_how_to_follow(text)


def test_a_status_check_asking_where_to_look_is_the_faqs() -> None:
    text = "gửi phản ánh xong thì coi tiến độ ở đâu"
    assert not asks_progress(text)
    top = Intent("check_status", 0.8)
    parse = ParseResult(text, top, (), (top, Intent("ask_faq", 0.1)))
    assert followed(parse).intent == Intent("ask_faq", 0.8)
    assert asks_progress("phản ánh hôm qua của em tiến độ tới đâu rồi")
