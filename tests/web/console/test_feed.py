"""What each person at the console sees of the live events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.bot.events import Event
from hotline.bot.messages import ConversationKey
from hotline.handoff.confidentiality import Pseudonyms
from hotline.handoff.tickets import Reporter, Ticket
from hotline.storage.open import open_storage
from hotline.web.console.feed import ConsoleFeed, Viewer, conversation_key

AN = Viewer("an", "agent")
BINH = Viewer("binh", "agent")
BOSS = Viewer("lan", "supervisor")
NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def ticket(code: str, sender: str, assignee: str | None, status: str = "assigned") -> Ticket:
    return Ticket(
        code=code,
        category="other",
        priority="normal",
        status=status,
        description="cho gặp tổng đài viên",
        channel="webchat",
        sender=sender,
        source_key=f"webchat:{code}",
        created_at=NOW,
        due_at=NOW + timedelta(hours=5),
        reporter=Reporter(name="Nguyễn Văn A", phone="0912345678"),
        assignee=assignee,
    )


@pytest.fixture
async def feed(tmp_path: Path) -> AsyncIterator[ConsoleFeed]:
    async with await open_storage(f"sqlite:///{tmp_path}/feed.db") as storage:
        store = await storage.tickets()
        await store.insert(ticket("PA-AAAA-AAAA", "citizen:1", "an"))
        await store.insert(ticket("PA-BBBB-BBBB", "citizen-2", "binh"))
        await store.insert(ticket("PA-CCCC-CCCC", "citizen-3", None, status="new"))
        yield ConsoleFeed(store, Pseudonyms("test"))


def said(sender: str) -> Event:
    return Event("citizen_message", {"conversation": f"webchat:{sender}", "text": "alo"})


async def test_an_agent_sees_the_citizens_of_their_own_tickets_only(feed: ConsoleFeed) -> None:
    mine = await feed.frame(AN, said("citizen:1"))
    assert mine is not None and mine["text"] == "alo" and mine["tickets"] == ["PA-AAAA-AAAA"]
    assert await feed.frame(AN, said("citizen-2")) is None
    assert await feed.frame(AN, said("citizen-3")) is None  # nobody has taken that one


async def test_supervisors_see_every_conversation(feed: ConsoleFeed) -> None:
    frame = await feed.frame(BOSS, said("citizen-2"))
    assert frame is not None and frame["tickets"] == ["PA-BBBB-BBBB"]


async def test_the_agent_who_acted_sees_their_own_takeover(feed: ConsoleFeed) -> None:
    event = Event("takeover", {"conversation": "webchat:citizen-3", "agent": "an"})
    assert await feed.frame(AN, event) is not None
    assert await feed.frame(BINH, event) is None


async def test_ticket_events_show_the_queue_and_own_tickets(feed: ConsoleFeed) -> None:
    queued = Event("ticket", {"code": "PA-CCCC-CCCC", "assignee": None, "status": "new"})
    theirs = Event("ticket", {"ticket": {"code": "PA-BBBB-BBBB", "assignee": "binh"}})
    assert await feed.frame(AN, queued) == queued.to_frame()
    assert await feed.frame(AN, theirs) == {
        "kind": "ticket",
        "code": "PA-BBBB-BBBB",
        "visible": False,
    }
    assert await feed.frame(BINH, theirs) == theirs.to_frame()


async def test_a_ticket_event_without_the_assignee_is_looked_up(feed: ConsoleFeed) -> None:
    warning = Event("deadline_warning", {"code": "PA-BBBB-BBBB"})
    assert await feed.frame(AN, warning) is None
    assert await feed.frame(BINH, warning) == warning.to_frame()
    assert await feed.frame(BOSS, warning) == warning.to_frame()


async def test_no_frame_carries_the_reporter(feed: ConsoleFeed) -> None:
    leaky = Event(
        "ticket",
        {
            "ticket": {"code": "PA-AAAA-AAAA", "assignee": "an", "reporter": {"phone": "0912"}},
            "sender": "citizen:1",
        },
    )
    for viewer in (AN, BOSS):
        frame = await feed.frame(viewer, leaky)
        assert frame is not None and "0912" not in str(frame) and "sender" not in frame


async def test_other_kinds_go_to_supervisors_and_presence_to_everyone(feed: ConsoleFeed) -> None:
    odd = Event("routing_changed", {"by": "admin"})
    assert await feed.frame(AN, odd) is None
    assert await feed.frame(BOSS, odd) == odd.to_frame()
    online = Event("presence", {"online": ["an"]})
    assert await feed.frame(BINH, online) == online.to_frame()


async def test_frames_name_the_conversation_by_its_pseudonym_only(feed: ConsoleFeed) -> None:
    frame = await feed.frame(BOSS, said("citizen:1"))
    assert frame is not None and "citizen:1" not in str(frame)
    assert frame["conversation"] == Pseudonyms("test").of("webchat", "citizen:1")
    assert frame["conversation"].startswith("webchat:ẩn-")


def test_conversation_keys_keep_colons_in_the_sender() -> None:
    assert conversation_key("webchat:citizen:1") == ConversationKey("webchat", "citizen:1")
    assert conversation_key("nonsense") is None
