"""The story around a question: the clauses of a long message that ask nothing."""

from __future__ import annotations

import time

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq import coverage as coverage_module
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.story import NO_STORY, asks, story


@pytest.mark.parametrize(
    "clause",
    [
        "xin giấy ở đâu",
        "tiêm mũi nhắc được chưa ạ",
        "có được nhận tiền không hay phải chờ",
        "nộp ở phường hay ở xã",
        "bao giờ mở lại",
        "có phải đi cách ly",
        "đề nghị hướng dẫn thủ tục",
        "hàng xóm dương tính thì mình có bị gì không",
        "không biết phải làm gì",  # not knowing asks
    ],
)
def test_a_clause_that_asks(clause: str) -> None:
    assert asks(words(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "tôi làm thợ hồ ở Thuận An",
        "mẹ tôi ở nhà một mình",
        "hai hôm nay không có gì ăn",  # nothing: "gì" after a negation
        "nhà không có ai",
        "không có giấy tờ gì hết",
    ],
)
def test_a_clause_that_tells(clause: str) -> None:
    assert not asks(words(clause))


def test_a_question_mark_asks() -> None:
    assert asks(words("tôi đi làm ca đêm được"), marked=True)


def test_the_story_before_the_question() -> None:
    text = "tôi làm thợ hồ ở xưởng gần nhà, tháng rồi xưởng đóng cửa, giờ xin trợ cấp ở đâu"
    found = story(text, words)
    assert {"tho", "xuong"} <= found.told
    assert not {"tro", "cap"} & found.told
    assert {"tro", "cap"} <= found.asked


def test_what_follows_hoi_is_asked() -> None:
    text = "chị hai tôi làm rẫy trên huyện muốn hỏi là trợ cấp nhận ở đâu cho tiện"
    found = story(text, words)
    assert {"ray", "huyen"} <= found.told
    assert "cap" in found.asked


@pytest.mark.parametrize(
    "text",
    [
        "trợ cấp nhận ở đâu",  # short: all question
        "tôi làm thợ hồ ở xưởng gần nhà, tháng rồi xưởng đóng cửa, tôi nghỉ ở nhà luôn",
        "trợ cấp nhận ở đâu, nộp hồ sơ ở phường hay xã, có mất phí không vậy",  # all asks
    ],
)
def test_no_story(text: str) -> None:
    assert story(text, words) == NO_STORY


def test_what_decides_the_answer_is_no_story() -> None:
    text = "mẹ tôi bị lupus ban đỏ, đang uống thuốc ức chế, giờ tiêm mũi nhắc được không"
    told = story(text, words).told
    assert not {"lupus", "ban", "uc", "che"} & told


@pytest.fixture
def coverage(monkeypatch: pytest.MonkeyPatch) -> Coverage:
    monkeypatch.setattr(coverage_module, "STORY_WEIGHT", 0.25)
    entries = [
        FaqEntry(
            "tro-cap",
            ("Trợ cấp nhận ở đâu?",),
            "Trợ cấp nhận tại ủy ban phường nơi cư trú.",
            "ho_tro",
            "published",
        ),
        FaqEntry(
            "xe-buyt",
            ("Xe buýt có chạy không?",),
            "Xe buýt chạy lại từ tuần sau, bến xe mở cửa.",
            "giao_thong",
            "published",
        ),
    ]
    return Coverage(entries, words)


def test_the_story_weighs_less_against_an_entry(coverage: Coverage) -> None:
    text = "tôi làm thợ hồ ở xưởng gần nhà, tháng rồi xưởng đóng cửa, giờ trợ cấp nhận ở đâu"
    plain = "tôi làm thợ hồ ở xưởng gần nhà xưởng đóng cửa trợ cấp nhận ở đâu"
    told = coverage.uncovered("tro-cap", words(text), text)
    assert told < coverage.uncovered("tro-cap", words(plain), plain)


def test_an_entry_that_answers_only_the_story_gains_nothing(coverage: Coverage) -> None:
    # The bus entry says the story's words, none of what is asked.
    text = "tôi ngủ ở bến xe buýt gần chợ mấy hôm nay, đói quá thì xin gạo ở đâu"
    unmarked = text.replace(",", "")
    uncovered = coverage.uncovered("xe-buyt", words(text), text)
    assert uncovered == pytest.approx(coverage.uncovered("xe-buyt", words(unmarked), unmarked))


def test_a_long_message_is_read_once() -> None:
    text = "không có gì " * 1500 + ", " + "tôi ở nhà, " * 300
    started = time.perf_counter()
    story(text, words)
    asks(words("không có gì " * 1500))
    assert time.perf_counter() - started < 0.5
