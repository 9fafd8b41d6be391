"""A question naming the epidemic's own terms is the FAQ's, not small talk."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.epidemic_terms import brought_back, names_epidemic


def _parse(text: str, top: str = "out_of_scope") -> ParseResult:
    ranking = (Intent(top, 0.9), Intent("ask_faq", 0.06), Intent("feedback", 0.04))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "nghi quyet 68 ap dung cho ai vay",
        "trạm y tế xã An Bình nằm ở đâu",
        "trung tam dich vu viec lam Thuan An lam viec may gio",
        "mũi thứ 3 cách mũi 2 bao lâu",
        "chi thi 16 cam nhung gi",
        "test nhanh ở nhà thì bao lâu có kết quả",
    ],
)
def test_the_epidemics_terms_asked_are_the_faqs(text: str) -> None:
    assert names_epidemic(text)
    moved = brought_back(_parse(text))
    assert moved.intent == Intent("ask_faq", 0.9)
    assert [i.name for i in moved.intent_ranking] == ["ask_faq", "out_of_scope", "feedback"]


@pytest.mark.parametrize(
    "text",
    [
        # Told, not asked.
        "tôi tiêm đủ 3 mũi rồi",
        "khu tôi còn phong tỏa tới cuối tháng",
        # Nothing of the epidemic.
        "hôm nay trời mưa không ad",
    ],
)
def test_a_statement_or_no_term_stays(text: str) -> None:
    assert not names_epidemic(text)
    parse = _parse(text)
    assert brought_back(parse) is parse


def test_only_small_talk_is_brought_back() -> None:
    parse = _parse("mũi 4 tiêm ở đâu", "request_human")
    assert brought_back(parse) is parse


@pytest.mark.parametrize(
    "text",
    [
        "giấy đi đường xin chỗ nào vậy",
        "xã mình giờ cấp độ mấy vậy",
        "xe chở rau có được đi luồng xanh không",
        "tối nay có phun khử khuẩn cả phường thật không",
    ],
)
def test_the_travel_paper_the_levels_and_disinfection_are_the_epidemics(text: str) -> None:
    assert names_epidemic(text)


def test_a_level_of_something_else_is_not() -> None:
    assert not names_epidemic("cấp độ bão số 5 là sao")
