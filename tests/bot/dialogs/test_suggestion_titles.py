"""A suggestion button's title is shortened only between words (the widget wraps long chips)."""

from __future__ import annotations

from hotline.bot.dialogs.faq_answer import _title

LONG = (
    "Người từ vùng dịch về Bình Dương có phải cách ly tập trung hay được cách ly tại nhà, "
    "và phải khai báo y tế ở đâu, trong bao lâu thì được đi làm lại"
)


def test_a_question_that_fits_is_kept_whole() -> None:
    assert _title("F1 cách ly bao nhiêu ngày?") == "F1 cách ly bao nhiêu ngày?"


def test_a_long_question_is_cut_between_words() -> None:
    title = _title(LONG)
    assert title.endswith("…") and len(title) <= 90
    kept = title.removesuffix("…").split()
    assert kept == LONG.split()[: len(kept)], "every kept word is whole"
