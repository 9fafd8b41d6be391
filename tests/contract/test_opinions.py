"""Contract of the opinion log: 👍/👎 and survey answers, one per (subject, about, by)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.opinions import Opinion, Subject, Verdict
from hotline.storage.base import Storage

NOW = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)


async def test_opinions_are_kept_once_and_read_by_time(storage: Storage) -> None:
    opinions = await storage.opinions()
    up = Opinion(Subject.ANSWER, "cach-ly-f1", Verdict.UP, "webchat", NOW, "webchat:m1")
    assert await opinions.record(up)
    assert not await opinions.record(up), "a redelivered press counts once"
    down = Opinion(
        Subject.ANSWER, "cach-ly-f1", Verdict.DOWN, "zalo", NOW + timedelta(minutes=1), "zalo:m2"
    )
    assert await opinions.record(down)
    survey = Opinion(
        Subject.TICKET, "PA-7K3Q-9X2M", Verdict.SATISFIED, "rest", NOW, by="PA-7K3Q-9X2M"
    )
    assert await opinions.record(survey)
    second = Opinion(
        Subject.TICKET, "PA-7K3Q-9X2M", Verdict.UNSATISFIED, "rest", NOW, by="PA-7K3Q-9X2M"
    )
    assert not await opinions.record(second), "the first survey answer stands"

    found = await opinions.between(NOW, NOW + timedelta(minutes=1))
    assert sorted((o.subject, o.verdict, o.channel) for o in found) == [
        (Subject.ANSWER, Verdict.UP, "webchat"),
        (Subject.TICKET, Verdict.SATISFIED, "rest"),
    ]
    assert all(o.at.tzinfo is not None for o in found)
    assert len(await opinions.between(NOW, NOW + timedelta(hours=1))) == 3
