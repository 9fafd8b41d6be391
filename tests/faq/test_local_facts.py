"""A value asked of one named place (`hotline.faq.local_facts`): a current local fact no entry
states, so the entry on its topic is offered, never given as the answer."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.focus import ONE_PLACE, focus
from hotline.faq.index import FaqIndex
from hotline.faq.local_facts import asks_of_one_place


@pytest.mark.parametrize(
    "clause",
    [
        "thị trấn Lái Thiêu hôm nay có bao nhiêu ca mắc mới",
        "ấp Cây Sao tuần này phát gạo vào thứ mấy",
        "tổ trưởng tổ dân phố 7 là ai",
        "xã Thanh An bao giờ hết phong tỏa",
        "nhà văn hóa khu phố 2 mấy giờ tiêm",
        "phường tôi đang ở cấp mấy",
        "quận Ba Đình phát phiếu đi chợ khi nào",
        "trạm y tế phường Hòa Lợi số điện thoại là bao nhieu",
        "trưởng ấp Suối Tre là ông nào",
    ],
)
def test_a_value_asked_of_one_named_place(clause: str) -> None:
    assert asks_of_one_place(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # No one place: the province's rule, any ward, a count told, a shop.
        "cấp độ dịch được công bố mấy ngày một lần",
        "trạm y tế phường nào cũng tiêm được không",
        "bị phường 15 ngày không cho mở cửa thì được hỗ trợ bao nhiêu",
        "quán tôi mở lại thì cần giấy gì",
        "ở xa Thủ Dầu Một thì xét nghiệm ở đâu",
        # A place named, but nothing asked of it, or a question word after a negation, or a
        # procedure asked ("cần mang theo gì").
        "tôi ở phường Phú Hòa muốn hỏi về hỗ trợ",
        "báo khu phố 3 rồi mà chưa thấy ai tới",
        "làm giấy ở phường Phú Thọ cần mang theo gì",
        "máy đo ở ấp Bình Nhâm có cho mượn không",
        # The place says where the asker lives; the value is asked of a person or a rule.
        "Em ở phường Phú Cường cho hỏi F0 cách ly mấy ngày",
        "Hẻm tôi có F0 thì cách ly mấy ngày",
        "ấp Bình Thuận có trẻ 5 tuổi thì tiêm mũi nào",
    ],
)
def test_no_value_asked_of_one_named_place(clause: str) -> None:
    assert not asks_of_one_place(clause)


def _as_typed(typed: list[str]) -> list[str]:
    return typed


def test_only_an_asking_clause_names_one_place() -> None:
    assert ONE_PLACE in focus("xin hỏi, xã Định An tuần này cấp độ mấy", words, _as_typed)
    assert ONE_PLACE not in focus("tôi ở xã Định An, cấp độ dịch chia mấy mức", words, _as_typed)


def test_an_entry_on_the_topic_is_offered_not_answered() -> None:
    index = FaqIndex(words)
    index.rebuild(
        [
            FaqEntry(
                "cap-do",
                ("Cấp độ dịch là gì?", "cap do dich chia may muc"),
                "Dịch có 4 cấp độ; cấp độ của từng phường, xã được Ủy ban tỉnh công bố hằng tuần.",
                "quy_dinh",
                "published",
            ),
            FaqEntry(
                "khau-trang",
                ("Không đeo khẩu trang bị phạt bao nhiêu?",),
                "Không đeo khẩu trang nơi công cộng bị phạt từ 1.000.000 đến 3.000.000 đồng.",
                "quy_dinh",
                "published",
            ),
        ]
    )
    asked = index.lookup("cấp độ dịch của xã Tân An là mấy")
    assert asked.answer is None
    assert asked.suggestions == (index.get("cap-do"),)
    assert index.lookup("cấp độ dịch chia mấy mức").answer == index.get("cap-do")
