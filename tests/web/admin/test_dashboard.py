"""Dashboard figures against a known set of contacts, questions and tickets in the real stores."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.faq.unanswered import AskedQuestion
from hotline.handoff.deadlines import VIETNAM
from hotline.handoff.store import TicketQuery
from hotline.handoff.tickets import Ticket, TicketEvent
from hotline.storage.open import open_storage
from hotline.web.admin.dashboard import Period, dashboard
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import login, person

PERIOD = Period(date(2021, 8, 2), date(2021, 8, 3))
NOW = datetime(2021, 8, 3, 12, 0, tzinfo=VIETNAM)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2021, 8, day, hour, minute, tzinfo=VIETNAM)


def ticket(
    code: str,
    category: str,
    sender: str,
    created: datetime,
    *events: TicketEvent,
    district: str | None = None,
    channel: str = "rest",
) -> Ticket:
    filed = TicketEvent(created, "bot", "filed", "new")
    return Ticket(
        code=code,
        category=category,
        priority="normal",
        status=events[-1].status if events else "new",
        description="mô tả",
        channel=channel,
        sender=sender,
        source_key=f"{channel}:{code}",
        created_at=created,
        due_at=created + timedelta(hours=5),
        district=district,
        history=(filed, *events),
    )


async def test_figures_from_known_contacts_questions_and_tickets(tmp_path: Path) -> None:
    storage = await open_storage(f"sqlite:///{tmp_path}/d.db")
    contacts, questions = await storage.contact_log(), await storage.questions()
    tickets = await storage.tickets()

    def msg(channel: str, sender: str, n: int, when: datetime) -> InboundMessage:
        return InboundMessage(
            ConversationKey(channel, sender), f"{sender}-{n}", "…", received_at=when
        )

    for message, intent, by in [
        (msg("rest", "A", 1, at(2, 9, 10)), "ask_faq", "bot"),
        (msg("rest", "A", 2, at(2, 9, 20)), "ask_faq", "bot"),
        (msg("zalo", "B", 1, at(2, 20, 5)), "request_human", "bot"),
        (
            msg("webchat", "C", 1, at(3, 6, 30)),
            "report_violation",
            "bot",
        ),  # 23:30 UTC the day before
        (msg("rest", "A", 3, at(3, 10)), "greet", "bot"),
        (msg("zalo", "B", 2, at(3, 10, 30)), None, "agent"),
        (msg("rest", "A", 4, at(5, 9)), "ask_faq", "bot"),  # after the period
    ]:
        await contacts.record(message, intent, by)
    await contacts.record(msg("rest", "A", 1, at(2, 9, 10)), "ask_faq", "bot")  # a redelivery

    for when, answered in [
        (at(2, 9, 10), "cach-ly"),
        (at(2, 9, 20), None),
        (at(3, 8), "tiem"),
        (at(4, 8), None),
    ]:
        await questions.record(
            AskedQuestion("rest", when, answered, 0.5, None if answered else "?")
        )

    await tickets.insert(
        ticket(
            "PA-1",
            "violation",
            "A",
            at(2, 9),
            TicketEvent(at(2, 9, 1), "auto", "assigned", "assigned"),
            TicketEvent(at(2, 9, 30), "lan", "in_progress", "in_progress"),
            TicketEvent(at(2, 12), "lan", "resolved", "resolved"),
            district="Thủ Dầu Một",
        )
    )
    await tickets.insert(
        ticket(
            "PA-2",
            "hardship",
            "D",
            at(2, 20),
            TicketEvent(at(2, 21), "minh", "in_progress", "in_progress"),
            TicketEvent(at(3, 2), "minh", "resolved", "resolved"),
            district="Dĩ An",
        )
    )
    await tickets.insert(ticket("PA-3", "other", "B", at(3, 10, 30), channel="zalo"))
    await tickets.insert(ticket("PA-4", "violation", "E", at(6, 9), district="Dĩ An"))

    board = dashboard(
        PERIOD,
        await contacts.between(PERIOD.since, PERIOD.until),
        await questions.between(PERIOD.since, PERIOD.until),
        await tickets.find(TicketQuery(limit=100)),
        NOW,
    )
    await storage.close()

    assert board.channels == ("rest", "webchat", "zalo")
    assert board.contacts_by_day == {"rest": (1, 1), "webchat": (0, 1), "zalo": (1, 1)}
    hours = {ch: {h: n for h, n in enumerate(v) if n} for ch, v in board.contacts_by_hour.items()}
    assert hours == {"rest": {9: 1, 10: 1}, "webchat": {6: 1}, "zalo": {20: 1, 10: 1}}
    assert board.contacts == 5 and board.messages == 6
    assert board.intents == (
        ("ask_faq", 2),
        ("greet", 1),
        ("report_violation", 1),
        ("request_human", 1),
    )
    assert board.tickets_by_category == (("hardship", 1), ("other", 1), ("violation", 1))
    assert board.tickets_by_district == (("(chưa rõ)", 1), ("Dĩ An", 1), ("Thủ Dầu Một", 1))
    d = board.deadlines
    assert (d.met, d.missed, d.open_on_time, d.open_overdue) == (1, 1, 1, 0)
    assert board.median_first_response == timedelta(minutes=45)
    assert board.median_resolution == timedelta(hours=4, minutes=30)
    assert (board.faq_asked, board.faq_answered, board.faq_answer_rate) == (3, 2, 2 / 3)
    # A asked for nothing but filed PA-1; B asked for a person; C only reported.
    assert (board.conversations, board.handed_to_people) == (3, 2)


async def test_the_page_and_csv_show_todays_chats(client: TestClient, chat: RestChat) -> None:
    await chat.say("xin chào")
    await chat.say("F1 cách ly mấy ngày")
    await chat.say("Đi câu cá ngoài sông có bị phạt không?")
    await person(client, "minh", "supervisor")
    await login(client, "minh")
    page = await client.get("/admin/dashboard")
    text = await page.text()
    assert page.status == 200 and "<svg" in text and "Ứng dụng di động" in text
    assert "câu hỏi FAQ được trả lời (1/2)" in text
    assert "Chào hỏi" in text and ">greet<" not in text  # intents by their Vietnamese names

    today = datetime.now(VIETNAM).date().isoformat()
    resp = await client.get(f"/admin/dashboard.csv?from={today}&to={today}")
    assert resp.headers["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO((await resp.text()).lstrip("\ufeff"))))
    assert rows[0] == ["figure", "label", "channel", "value"]
    assert ["contacts_by_day", today, "rest", "1"] in rows
    assert ["intent", "greet", "", "1"] in rows
    assert ["summary", "faq_asked", "", "2"] in rows

    bad = await (await client.get("/admin/dashboard?from=2021-13-01")).text()
    assert "Ngày không hợp lệ" in bad


async def test_the_page_counts_the_tickets_filed_in_its_period(client: TestClient) -> None:
    store = hotline_of(client).desk.store
    for code, category, created in [
        ("PA-1", "violation", at(1, 23, 30)),  # the evening before: 16:30 UTC on the 1st
        ("PA-2", "hardship", at(2, 0, 30)),  # 17:30 UTC on the 1st, but the 2nd in Vietnam
        ("PA-3", "violation", at(3, 23, 59)),
        ("PA-4", "feedback", at(4, 0, 0)),  # the first moment after the period
    ]:
        await store.insert(ticket(code, category, code, created))
    await person(client, "minh", "supervisor")
    await login(client, "minh")

    resp = await client.get("/admin/dashboard.csv?from=2021-08-02&to=2021-08-03")
    rows = list(csv.reader(io.StringIO((await resp.text()).lstrip("\ufeff"))))
    by_category = {r[1]: r[3] for r in rows if r[0] == "tickets_by_category"}
    assert by_category == {"hardship": "1", "violation": "1"}
