"""A question on a covered topic asking a circumstance the entry's answer never says (someone
else collecting, a second time, a lost paper, a printed copy...) is offered the entry, not answered
by it (issue 12, `hotline.faq.circumstances`). Through the REST channel, as the mobile app talks."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The benefit entry says where to apply and how much, never whether a relative may collect.
        ("trợ cấp thất nghiệp của tôi vợ tôi đi nhận thay được không", "tro-cap-that-nghiep"),
        # The certificate entry says who issues it, not whether a copy is made.
        ("giấy xác nhận khỏi bệnh có xin thêm bản sao được không", "giay-hoan-thanh-cach-ly"),
        # It says how long one has to apply, not how long the payment takes.
        ("nộp đơn trợ cấp thất nghiệp xong mấy ngày thì được duyệt", "tro-cap-that-nghiep"),
        # It names a lump sum paid once, not whether a second closure brings another.
        (
            "hộ kinh doanh nhận tiền hỗ trợ rồi có được nhận thêm một đợt không",
            "ho-tro-ho-kinh-doanh",
        ),
    ],
)
async def test_a_circumstance_the_answer_never_says_is_not_answered(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert entry not in await faq_answered(client, chat.last)
    # Still offered: the citizen may find there what is near the question.
    assert any(entry in b["payload"] for b in chat.buttons)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Its answer says the community team goes to the market for people.
        ("tổ covid có đi chợ giúp nhà em không", "di-cho-ho"),
        # Its answer says a lost ticket is made again.
        ("lỡ làm mất phiếu đi chợ thì phải làm sao", "phieu-di-cho"),
        # It says a report is dealt with within 5 hours.
        ("gửi phản ánh cho tổng đài rồi bao lâu thì được xử lý", "theo-doi-phan-anh"),
        # Its answer speaks of the booster and its rounds.
        ("tiêm mũi nhắc lại rồi có phải tiêm thêm lần nữa không", "tiem-mui-nhac-lai"),
        # It says to tell the ward's health station.
        ("tự test nhanh ra 2 vạch thì có phải báo trạm y tế không", "tu-test-duong-tinh"),
        # It names 12 to 17 years.
        ("con em 14 tuổi khi nào được tiêm vắc xin covid", "tiem-cho-tre-em"),
        # It names the hotline's channels, Zalo among them.
        ("tổng đài 1022 có nhận phản ánh qua Zalo không", "kenh-lien-he-1022"),
    ],
)
async def test_a_circumstance_the_answer_says_is_answered(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert await faq_answered(client, chat.last) == [entry]
