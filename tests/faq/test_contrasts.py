"""The asker's own case set against the usual one, and the use asked of a paper
(`hotline.faq.contrasts`), as what a question names (`hotline.faq.focus`)."""

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
        # The case before "chứ không (phải)", in a clause that asks nothing itself.
        ("em ở ký túc xá chứ không phải nhà trọ, vậy em có được nhận hỗ trợ không", {"tuc", "xa"}),
        ("bệnh viện tư chứ không phải công lập thì tính tiền sao", {"tu"}),
        ("o nha nguoi quen chu khong phai nha minh thi sao", {"nguoi", "quen"}),
        ("lam xe om chu khong phai tai xe thi sao", {"xe", "om"}),
        # The use asked of a paper, past "đi" and "cho".
        ("thẻ xanh có dùng để đi tàu hỏa được không", {"tau", "hoa"}),
        ("giấy xác nhận có dùng thay cho sổ hộ khẩu không", {"so", "ho"}),
    ],
)
def test_the_asker_s_case_and_the_use_asked_are_named(question: str, named: set[str]) -> None:
    assert named <= focus(question, words, _as_typed)


@pytest.mark.parametrize(
    "question",
    [
        "mình muốn chứ không phải ai bắt thì có mất tiền không",  # a wish, not a case
        "ông chủ không trả lương thì báo ai",  # "chủ", the owner: no contrast
        "chữ không rõ thì làm sao",  # "chữ", a letter
        "đúng để làm gì vậy",  # "đúng", right: no use asked
        "thuốc này dùng đúng liều thì có sao không",  # "dùng" with no "để/thay/làm"
    ],
)
def test_words_that_only_look_like_a_contrast_or_a_use(question: str) -> None:
    assert not focus(question, words, _as_typed) & {"tra", "luong", "ro", "lam", "lieu"}


def _entry(id: str, questions: tuple[str, ...], answer: str) -> FaqEntry:
    return FaqEntry(id, questions, answer, "ho_tro", "published")


@pytest.fixture
def index() -> FaqIndex:
    index = FaqIndex(words)
    index.rebuild(
        [
            _entry(
                "ve-xe-khach",
                ("Vé xe khách liên tỉnh mua ở đâu?", "mua vé xe khách liên tỉnh"),
                "Vé xe khách liên tỉnh mua tại bến xe hoặc qua ứng dụng của nhà xe.",
            ),
            _entry(
                "the-thu-vien",
                ("Thẻ thư viện làm ở đâu?", "làm thẻ thư viện"),
                "Thẻ thư viện làm tại quầy thư viện tỉnh, dùng để mượn sách và vào phòng đọc.",
            ),
        ]
    )
    return index


def test_a_use_the_answer_never_names_is_offered_not_answered(index: FaqIndex) -> None:
    question = "thẻ thư viện có dùng để đi xe buýt được không"
    found = index.lookup(question)
    assert found.answer is None
    assert index.search(question)[0].unnamed


def test_a_use_the_answer_names_answers(index: FaqIndex) -> None:
    question = "thẻ thư viện có dùng để mượn sách không"
    assert not index.search(question)[0].unnamed
