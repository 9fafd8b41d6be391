"""A question asking what an entry's answer never says (a cost, an hour, a paper made again) is
not answered by that entry, only offered it; the same question of an entry whose answer says it is
answered (issue 12, `hotline.faq.asks`). Through the REST channel, as the mobile app talks."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The 115 entry says how to call for an ambulance, never what it costs.
        ("gọi xe cấp cứu 115 chở người nhà đi viện có tính phí không", "khan-cap-goi-115"),
        ("xe 115 cho f0 di vien co ton tien ko", "khan-cap-goi-115"),
        # The entry on markets says which may open, never until what hour.
        ("siêu thị mở cửa tới mấy giờ", "cho-sieu-thi-mo-cua"),
        # The entry on the certificate says where to get it, not how to replace a lost one.
        ("lỡ làm mất giấy hoàn thành cách ly thì xin lại ở đâu", "giay-hoan-thanh-cach-ly"),
    ],
)
async def test_an_entry_whose_answer_never_says_what_is_asked_does_not_answer_it(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert entry not in await faq_answered(client, chat.last)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Its answer says which tests are free.
        ("xét nghiệm theo chỉ định của trạm y tế có mất phí không", "xet-nghiem-mien-phi"),
        # Its answer gives the hours; the hotline's says 24/7.
        ("mấy giờ thì không được ra đường", "gio-han-che-ra-duong"),
        ("tổng đài 1022 làm việc tới mấy giờ", "kenh-lien-he-1022"),
        # Its answer says a lost ticket is made again.
        ("mat phieu di cho thi xin lai duoc ko", "phieu-di-cho"),
    ],
)
async def test_an_entry_whose_answer_says_what_is_asked_answers_it(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert await faq_answered(client, chat.last) == [entry]
