from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.remedies import asks_remedy, remedied


def _parse(text: str, name: str, confidence: float) -> ParseResult:
    top = Intent(name, confidence)
    return ParseResult(text, top, (), (top, Intent("health_consult", 0.1)))


@pytest.mark.parametrize(
    "text",
    [
        "nấu nước gừng với sả uống mỗi tối có đỡ covid không",
        "ngậm tỏi cả ngày thì có phòng được con virus không",
        "xông nồi lá tràm cho cả nhà có tốt không",
        "uong tra gung mat ong co giup mau am tinh ko",
        "ba tui ngam ruou thuoc bac uong moi toi, co ngua dich duoc khong",
        "ăn chanh nhiều có tăng đề kháng không",
    ],
)
def test_a_home_remedy_asked_about(text: str) -> None:
    assert asks_remedy(text)


@pytest.mark.parametrize(
    "text",
    [
        "tôi đến trạm y tế lúc mấy giờ thì được tiêm",  # "toi den" is no black garlic
        "tiem xong hoi met thi sao",  # "xong hoi": done, a little tired
        "nha nuoc dua nguoi toi cham F0 khong",  # "nuoc dua": the state sends
        "sân thể thao được mở lại chưa",
        "phường Chánh Nghĩa có mấy ca F0",
        "gói thuốc F0 có vitamin C không, nhận ở đâu",  # the supply of medicine
        "nhà tôi xông lá bưởi mỗi tối",  # told, not asked
    ],
)
def test_what_names_no_remedy_or_asks_for_one_is_not(text: str) -> None:
    assert not asks_remedy(text)


def test_a_remedy_question_goes_to_the_consultant() -> None:
    text = "uống nước chanh gừng có hết covid không"
    assert remedied(_parse(text, "ask_faq", 0.8)).intent == Intent("health_consult", 0.8)
    assert remedied(_parse(text, "request_human", 0.3)).intent.name == "health_consult"
    # Sure of another intent, or an emergency, it stays.
    assert remedied(_parse(text, "request_human", 0.9)).intent.name == "request_human"
    assert remedied(_parse(text, "emergency", 0.3)).intent.name == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hàng xóm bán Molnupiravir ship từ Ấn Độ, mình tự mua về cả nhà uống ngừa được không",
        "tui tự mua thuốc kháng virus để sẵn phòng khi cả nhà bị thì có nên không",
    ],
)
def test_an_antiviral_bought_to_take_on_ones_own_is_the_consultants(text: str) -> None:
    assert asks_remedy(text)


@pytest.mark.parametrize(
    "text",
    [
        "molnupiravir mua ở đâu",  # where to get it: the FAQ's
        "tôi mua thuốc kháng virus ở nhà thuốc Minh Châu không cần toa",  # told, not asked
    ],
)
def test_where_to_buy_an_antiviral_or_a_purchase_told_is_not(text: str) -> None:
    assert not asks_remedy(text)
