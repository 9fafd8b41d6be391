"""What the asking clause of a question names (`hotline.faq.focus`), and the gate that answers
only with an entry whose answer says it."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.focus import focus
from hotline.faq.index import FaqIndex


def _as_typed(typed: list[str]) -> list[str]:
    return typed


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("thẻ bảo hiểm của bé màu gì", {"mau"}),
        ("kit test nhanh ở phường dùng hãng nào", {"hang"}),
        ("nộp đơn rồi bao lâu thì được duyệt", {"duyet"}),
        ("giấy tạm trú có cần công chứng không", {"cong", "chung"}),
        ("đi làm lại có cần giấy khám sức khỏe không", {"kham"}),  # the kind noun left out
    ],
)
def test_the_question_word_names_what_it_asks_about(question: str, named: set[str]) -> None:
    assert focus(question, words, _as_typed) == named


@pytest.mark.parametrize(
    "question",
    [
        "tiêm xong phải làm gì",  # "làm" names nothing
        "khi nào được về quê",  # a time: a kind of `hotline.faq.asks`
        "đăng ký như thế nào",
        "nhà tôi không có gạo gì hết, xin hỗ trợ",  # indefinite after a negation
        "chợ sáng nào cũng đông",  # "nào cũng": every
        "cần những giấy tờ gì",  # a kind whose instances an answer lists
        "tiêm mũi 3 thì hết bao nhiêu tiền",  # money is the cost kind's, said by an amount
    ],
)
def test_question_words_that_name_nothing(question: str) -> None:
    assert not focus(question, words, _as_typed)


def test_only_the_clauses_that_ask_name_what_is_asked() -> None:
    told = "hồ sơ của tôi nộp từ tháng trước cho phường, giấy hẹn màu xanh"
    assert focus(f"{told}, bao lâu thì được trả lời", words, _as_typed) == {"tra", "loi"}


def _entry(id: str, questions: tuple[str, ...], answer: str) -> FaqEntry:
    return FaqEntry(id, questions, answer, "quy_dinh", "published")


@pytest.fixture
def index() -> FaqIndex:
    index = FaqIndex(words)
    index.rebuild(
        [
            _entry(
                "the-ra-vao",
                ("Thẻ ra vào khu công nghiệp cấp ở đâu?", "the ra vao khu cong nghiep"),
                "Thẻ ra vào khu công nghiệp do ban quản lý cấp, công nhân nộp danh sách qua "
                "doanh nghiệp.",
            ),
            _entry(
                "the-xanh",
                ("Thẻ xanh tiêm chủng là gì?",),
                "Thẻ xanh tiêm chủng có màu xanh lá, hiện trên ứng dụng khi tiêm đủ hai mũi.",
            ),
        ]
    )
    return index


def test_an_entry_whose_answer_never_names_the_focus_is_offered_not_answered(
    index: FaqIndex,
) -> None:
    question = "thẻ ra vào khu công nghiệp màu gì"
    found = index.lookup(question)
    assert found.answer is None
    assert index.search(question)[0].unnamed
    assert found.suggestions[:1] == (index.get("the-ra-vao"),)


def test_an_entry_whose_answer_names_the_focus_answers(index: FaqIndex) -> None:
    found = index.lookup("thẻ xanh tiêm chủng màu gì")
    assert found.answer is not None and found.answer.id == "the-xanh"
    assert not index.search("thẻ xanh tiêm chủng màu gì")[0].unnamed
