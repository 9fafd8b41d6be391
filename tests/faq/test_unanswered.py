"""Unanswered questions: logged without identity, grouped by similarity, most asked first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.faq.index import Analyzer
from hotline.faq.unanswered import AskedQuestion, group_questions
from hotline.storage.base import Storage

T0 = datetime(2021, 8, 2, 9, 0, tzinfo=UTC)


def asked(text: str, minutes: int = 0, channel: str = "zalo") -> AskedQuestion:
    return AskedQuestion(channel, T0 + timedelta(minutes=minutes), None, 0.1, text)


QUESTIONS = [
    asked("Đăng ký kết hôn trong mùa dịch được không", 1),
    asked("dang ky ket hon mua dich duoc ko", 2, "rest"),
    asked("Đăng ký kết hôn trong mùa dịch được không", 3),
    asked("có được tổ chức đám cưới không", 4),
    asked("Nuôi chó mèo có bị lây covid không", 5),
    asked("thú cưng chó mèo có lây covid ko", 6),
    asked("đăng ký kết hôn ở phường nào", 7),
    asked("giá xăng hôm nay", 8),
    asked("Đi câu cá ngoài sông có bị phạt không?", 9),
    asked("Có được đi câu cá ở hồ không", 10),
]


def test_similar_questions_group_together_biggest_first(analyzer: Analyzer) -> None:
    groups = group_questions(QUESTIONS, analyzer)
    assert groups[0].count == 4  # the marriage registration questions, one asked twice
    assert groups[0].title == "Đăng ký kết hôn trong mùa dịch được không"
    assert "đăng ký kết hôn ở phường nào" in groups[0].texts
    assert set(groups[0].channels) == {"zalo", "rest"}
    pets = next(g for g in groups if "Nuôi chó mèo có bị lây covid không" in g.texts)
    assert pets.count == 2 and "thú cưng chó mèo có lây covid ko" in pets.texts
    fishing = next(g for g in groups if "Có được đi câu cá ở hồ không" in g.texts)
    assert fishing.texts == (
        "Có được đi câu cá ở hồ không",
        "Đi câu cá ngoài sông có bị phạt không?",
    )
    alone = next(g for g in groups if "giá xăng hôm nay" in g.texts)
    assert alone.count == 1 and len(alone.texts) == 1
    assert sum(g.count for g in groups) == len(QUESTIONS)
    assert group_questions([], analyzer) == []


async def test_the_log_keeps_text_only_of_unanswered_questions(storage: Storage) -> None:
    log = await storage.questions()
    await log.record(asked("đăng ký kết hôn được không", 0))
    await log.record(AskedQuestion("rest", T0 + timedelta(minutes=1), "cach-ly", 0.8, "f0 cách ly"))
    await log.record(asked("giá xăng hôm nay", 2))
    rows = await log.between(T0, T0 + timedelta(hours=1))
    assert [(q.answered, q.text) for q in rows] == [
        (None, "đăng ký kết hôn được không"),
        ("cach-ly", None),
        (None, "giá xăng hôm nay"),
    ]
    open_ones = await log.open_unanswered()
    assert [q.text for q in open_ones] == ["giá xăng hôm nay", "đăng ký kết hôn được không"]
    await log.resolve([q.id for q in open_ones if q.text and "kết hôn" in q.text], "ket-hon")
    assert [q.text for q in await log.open_unanswered()] == ["giá xăng hôm nay"]
    assert await log.between(T0 + timedelta(hours=1), T0 + timedelta(hours=2)) == []
