"""A question asking what an entry's answer never says is not answered by that entry, only
offered it; the same question of an entry whose answer says it is answered (issue 12). What is
asked: a kind of value (a cost, an hour, a paper made again: `hotline.faq.asks`), an exact detail
(a dose, a deadline, a number to call, who pays: `hotline.faq.details`) or a circumstance
(someone else collecting, a second time, a copy: `hotline.faq.circumstances`). Through the REST
channel, as the mobile app talks."""

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
async def test_an_entry_whose_answer_never_says_the_kind_asked_does_not_answer_it(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert entry not in await faq_answered(client, chat.last)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The pack's answer lists what it holds, never how much of each to take.
        ("túi thuốc F0 trạm y tế phát thì thuốc hạ sốt uống mấy viên một lần", "tui-thuoc-f0"),
        # The rent support entry gives amounts, not when applications close.
        (
            "hỗ trợ tiền thuê nhà cho người lao động hạn chót nộp hồ sơ là khi nào",
            "ho-tro-tien-thue-nha",
        ),
        # The F0 food support entry gives amounts and where to apply, not the last day.
        (
            "F0 được hỗ trợ tiền ăn thì hạn chót nộp hồ sơ là ngày nào",
            "ho-tro-f0-f1-tre-em",
        ),
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
async def test_a_detail_or_circumstance_never_said_is_offered_not_answered(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert entry not in await faq_answered(client, chat.last)
    # Still offered: the citizen may find there what is near the question.
    assert any(entry in b["payload"] for b in chat.buttons)


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
        # Its answer says to call 115.
        ("người nhà bất tỉnh thì gọi số nào", "khan-cap-goi-115"),
        # It says which tests are free and who pays for the others.
        ("công ty bắt xét nghiệm để đi làm thì ai trả tiền", "xet-nghiem-mien-phi"),
        # It gives the time limit: within 3 months of the contract's end.
        ("trợ cấp thất nghiệp nộp hồ sơ trễ có được không", "tro-cap-that-nghiep"),
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
async def test_an_entry_whose_answer_says_what_is_asked_answers_it(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert await faq_answered(client, chat.last) == [entry]
