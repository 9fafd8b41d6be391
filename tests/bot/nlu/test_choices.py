"""A choice asked with "hay" (or) and no "thì" before it."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.choices import offers_choice
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question


@pytest.mark.parametrize(
    "text",
    [
        # The first answer asked yes or no, a second offered.
        "bây giờ F1 còn phải ở nhà không hay được đi làm",
        "tiệm tóc được mở lại chưa hay vẫn đóng",
        # A number against a number.
        "tụ tập đông người bị phạt 5 triệu hay 10 triệu",
        # An office, a channel, a way of paying, a camp or who does it.
        "con tôi tiêm mũi 2 ở trường hay trạm y tế",
        "tien ho tro gui qua tai khoan hay nhan tien mat",
        "F0 không triệu chứng cách ly tại nhà hay khu cách ly",
    ],
)
def test_a_choice_asks(text: str) -> None:
    assert offers_choice(words(text))
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        # "hay" as "often": a habit told.
        "quán karaoke đầu hẻm hay mở nhạc tới khuya",
        "tụi nó hay lên phường gây chuyện",
        "tôi hay đi chợ lúc sáng sớm",
        # "không hay" as "not good".
        "làm vậy không hay lắm",
    ],
)
def test_a_habit_or_a_judgement_asks_nothing(text: str) -> None:
    assert not offers_choice(words(text))
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        # Either way: the two said alike.
        "quán nhậu đầu hẻm tối nào cũng đông, báo phường hay xã cũng không ai xử lý",
        "tiệm net đó 7 ngày hay 14 ngày gì cũng mở",
        # Both denied.
        "công ty bắt công nhân F0 đi làm, không cho ở nhà hay cách ly tập trung",
    ],
)
def test_either_way_or_both_denied_asks_nothing(text: str) -> None:
    assert not offers_choice(words(text))
    assert not is_question(text)
