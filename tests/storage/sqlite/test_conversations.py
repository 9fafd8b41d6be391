import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hotline.bot.contact_log import Contact
from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.faq.unanswered import AskedQuestion
from hotline.storage.shared.questions import FAQ_QUESTIONS, QuestionLogOnShelf
from hotline.storage.sqlite.conversation_tables import SCHEMA
from hotline.storage.sqlite.conversations import HANDING_OVER, REPLIES, SqliteConversationStore
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.history import TOLD_AT_MOST
from hotline.storage.sqlite.outbox import WAITING
from hotline.storage.sqlite.shelf import SqliteShelf

KEY = ConversationKey("rest", "u1")


@pytest.fixture
async def store(tmp_path: Path):
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/c.db")
    yield await SqliteConversationStore.open(db)
    await db.close()


def msg(mid: str, text: str = "xin chào") -> InboundMessage:
    return InboundMessage(key=KEY, message_id=mid, text=text)


async def test_a_message_is_stored_once_per_platform_id(store: SqliteConversationStore) -> None:
    assert await store.record_inbound(msg("m1"))
    assert not await store.record_inbound(msg("m1"))
    other_channel = InboundMessage(key=ConversationKey("webchat", "u1"), message_id="m1")
    assert await store.record_inbound(other_channel)


async def test_a_turn_saves_state_replies_and_progress_together(
    store: SqliteConversationStore,
) -> None:
    await store.record_inbound(msg("m1"))
    assert [m.message_id for m in await store.unprocessed()] == ["m1"]
    assert await store.replies_to(msg("m1")) is None
    state = ConversationState(KEY).goto("report", "where", category="violation")
    items = await store.commit_turn(msg("m1"), state, [OutboundMessage(KEY, "Ở đâu?")])
    assert await store.unprocessed() == []
    assert (await store.load(KEY)) == state
    again = await store.replies_to(msg("m1"))
    assert again is not None and [i.message.text for i in again] == ["Ở đâu?"]
    assert [i.id for i in await store.pending(KEY)] == [items[0].id]
    await store.mark_delivered([items[0].id])
    assert await store.pending(KEY) == []
    transcript = await store.transcript(KEY)
    assert [(t["direction"], t["text"]) for t in transcript] == [
        ("in", "xin chào"),
        ("out", "Ở đâu?"),
    ]


async def test_pushed_replies_are_retried_until_given_up(store: SqliteConversationStore) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    [item] = await store.queue([OutboundMessage(KEY, "Phản ánh đã được xử lý")])
    assert [i.id for i in await store.due(now, ["rest"])] == [item.id]
    assert await store.due(now, ["webchat"]) == []
    await store.mark_failed(item.id, "HTTP 429", retry_at=now + timedelta(seconds=30))
    assert await store.due(now, ["rest"]) == []
    [later] = await store.due(now + timedelta(seconds=31), ["rest"])
    assert later.attempts == 1
    await store.mark_failed(item.id, "blocked by user", retry_at=None)
    assert await store.due(now + timedelta(days=1), ["rest"]) == []
    assert await store.pending(KEY) == []


async def test_state_saved_outside_a_turn(store: SqliteConversationStore) -> None:
    await store.save_state(ConversationState(KEY, mode="agent"))
    assert (await store.load(KEY)).mode == "agent"


async def test_a_file_that_deduplicated_by_id_alone_is_upgraded_in_place(tmp_path: Path) -> None:
    """Files made before keyed inbound messages on (channel, message_id); opening one keeps its
    messages and lets a second sender use the same id."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(
            SCHEMA.split("-- A message id")[0]
            + "CREATE UNIQUE INDEX messages_platform_id ON messages (channel, message_id)"
            " WHERE direction = 'in';"
        )
        old.execute(
            "INSERT INTO messages (channel, sender, direction, message_id, status, doc,"
            " created_at) VALUES ('rest', 'u1', 'in', 'm1', 'received', ?, '2021-08-01T00:00:00')",
            (json.dumps(msg("m1").to_record()),),
        )
    old.close()
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    try:
        store = await SqliteConversationStore.open(db)
        assert [m.message_id for m in await store.unprocessed()] == ["m1"]
        assert not await store.record_inbound(msg("m1"))
        other = InboundMessage(key=ConversationKey("rest", "u2"), message_id="m1", text="alo")
        assert await store.record_inbound(other)
        indexes = await db.query(
            lambda c: [r[1] for r in c.execute("PRAGMA index_list(messages)").fetchall()]
        )
        assert "messages_platform_id" not in indexes and "messages_sender_message_id" in indexes
    finally:
        await db.close()


async def test_what_waits_for_a_conversation_is_found_by_its_own_index(
    store: SqliteConversationStore,
) -> None:
    # Replies waiting for other apps (a notice to every subscriber) are not walked through.
    others = [OutboundMessage(ConversationKey("rest", f"app-{n}"), "Thông báo") for n in range(50)]
    await store.queue(others)
    [mine] = await store.queue([OutboundMessage(KEY, "Phản ánh đã được xử lý")])

    def plans(conn: sqlite3.Connection) -> list[str]:
        found = []
        for sql in (
            f"SELECT * FROM messages WHERE {WAITING} ORDER BY id",
            f"UPDATE messages SET status = 'delivered' WHERE {WAITING} RETURNING *",
        ):
            rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", ("rest", "u1")).fetchall()
            found.append(" ".join(str(r[3]) for r in rows))
        return found

    assert all("messages_waiting" in plan for plan in await store._db.query(plans))

    def handing_over(conn: sqlite3.Connection) -> str:
        asked = ("rest", "u1", "m1", "rest", "u1")
        rows = conn.execute(f"EXPLAIN QUERY PLAN {HANDING_OVER}", asked).fetchall()
        return " ".join(str(r[3]) for r in rows)

    # A turn's hand-over asks both in one statement, each by an index, none walks the queue.
    plan = await store._db.query(handing_over)
    assert "messages_sender_message_id" in plan and "messages_waiting" in plan
    assert "SCAN messages" not in plan
    assert "messages_outbox" not in plan
    assert await store.take_pending(KEY) == [mine]
    assert len(await store.pending(ConversationKey("rest", "app-7"))) == 1


async def test_the_first_message_check_after_a_turn_costs_no_statement(
    store: SqliteConversationStore,
) -> None:
    db = store._db
    await store.commit_turn(msg("m1"), ConversationState(KEY), [], hand_over=True)
    drains, trips = db.inline_drains, db.trips
    assert not await store.said_before(KEY, "m1")
    assert (db.inline_drains, db.trips) == (drains, trips), "answered from the turn's write"
    assert not await store.said_before(KEY, "m1"), "asked again: by a statement, the same"
    assert db.inline_drains == drains + 1


async def test_a_redelivery_never_gets_a_first_message_answer_its_first_turn_left(
    store: SqliteConversationStore,
) -> None:
    # The first turn commits, but its answer breaks off before asking.
    await store.commit_turn(msg("m1"), ConversationState(KEY), [], hand_over=True)
    await store.commit_turn(msg("m2"), ConversationState(KEY), [], hand_over=True)
    earlier, _ = await store.begin(msg("m1"))  # the app sends m1 again
    assert earlier is not None
    assert await store.said_before(KEY, "m1"), "m2 came after it: m1 is no longer the only one"


async def test_first_message_answers_never_asked_for_are_kept_only_so_many(
    store: SqliteConversationStore,
) -> None:
    for n in range(TOLD_AT_MOST + 1):
        store._tell(KEY, f"m{n}", False)
    assert len(store._told) == TOLD_AT_MOST
    assert ("rest", "u1", "m0") not in store._told, "the oldest goes"


# The courier's statement of the version before (its index by name), and that version's indexes.
EARLIER_DUE = (
    "SELECT * FROM messages INDEXED BY messages_outbox WHERE status = 'pending'"
    " AND direction = 'out' AND channel IN ('rest') ORDER BY id"
)
EARLIER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS messages_status ON messages (status, id);"
    " CREATE INDEX IF NOT EXISTS messages_outbox ON messages (status, channel, id);"
)


async def test_the_queues_indexes_hold_only_what_they_look_for(tmp_path: Path) -> None:
    """A file made with the indexes that held every row gets the partial ones in place: a
    message a turn stored processed and a reply handed over at once enter neither, while the
    sweep and the courier still find what they look for; a process of the version before,
    still on the file, finds the courier's index by its name."""
    path = tmp_path / "old.db"
    earlier = sqlite3.connect(path, isolation_level=None)
    earlier.executescript(SCHEMA.split("-- The queues' indexes")[0] + EARLIER_INDEXES)
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    try:
        store = await SqliteConversationStore.open(db)

        def indexes(conn: sqlite3.Connection) -> dict[str, str]:
            rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
            return {r[0]: r[1] for r in rows if r[1]}

        made = await db.query(indexes)
        assert "messages_status" not in made and "WHERE" in made["messages_outbox"]
        await store.commit_turn(
            msg("m1"), ConversationState(KEY), [OutboundMessage(KEY, "Dạ")], None, True
        )
        await store.record_inbound(msg("m2"))
        [waiting] = await store.queue([OutboundMessage(KEY, "Phản ánh đã được xử lý")])
        assert [r[0] for r in earlier.execute(EARLIER_DUE)] == [waiting.id]

        def entries(conn: sqlite3.Connection) -> dict[str, int]:
            return {
                name: conn.execute(
                    f"SELECT count(*) FROM messages INDEXED BY {name} WHERE " + where
                ).fetchone()[0]
                for name, where in (
                    ("messages_received", "direction = 'in' AND status = 'received'"),
                    ("messages_outbox", "direction = 'out' AND status = 'pending'"),
                )
            }

        assert await db.query(entries) == {"messages_received": 1, "messages_outbox": 1}
        assert [m.message_id for m in await store.unprocessed()] == ["m2"]
        [due] = await store.due(datetime.now(UTC), ["rest"])
        assert due.id == waiting.id
        # The earlier version opens the file again (its indexes made if missing), then this one.
        earlier.executescript(EARLIER_INDEXES)
        await SqliteConversationStore.open(db)
        assert await db.query(indexes) == made, "the same indexes, however often it opens"
    finally:
        earlier.close()
        await db.close()


async def test_a_redelivery_finds_its_replies_by_their_own_index(
    store: SqliteConversationStore,
) -> None:
    """A redelivered message's replies are looked up through messages_reply_to, never by a scan
    of every message; a notice (a reply to nothing) never enters it."""
    await store.queue(
        [OutboundMessage(ConversationKey("rest", f"app-{n}"), "Thông báo") for n in range(20)]
    )
    await store.commit_turn(msg("m1"), ConversationState(KEY), [OutboundMessage(KEY, "Dạ")])
    await store.commit_turn(msg("m2"), ConversationState(KEY), [OutboundMessage(KEY, "Vâng")])

    def looked(conn: sqlite3.Connection) -> tuple[str, int]:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {REPLIES}", (1,)).fetchall()
        entries = conn.execute(
            "SELECT count(*) FROM messages INDEXED BY messages_reply_to WHERE reply_to IS NOT NULL"
        ).fetchone()[0]
        return " ".join(str(r[3]) for r in plan), entries

    plan, entries = await store._db.query(looked)
    assert "messages_reply_to" in plan and "SCAN messages" not in plan
    assert entries == 2, "only the two turns' replies"
    [reply] = await store.replies_to(msg("m2")) or []
    assert reply.message.text == "Vâng"


async def test_only_open_unanswered_questions_enter_the_inbox_index(tmp_path: Path) -> None:
    """A file made before had faq_questions_open over every question: opening it drops that
    one; the inbox's index holds only questions nobody answered or resolved, and the inbox's
    query reads it."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(FAQ_QUESTIONS.sqlite_schema.split("-- The admins'")[0])
        conn.execute("CREATE INDEX faq_questions_open ON faq_questions (answered, resolved_by, id)")
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    store = await SqliteConversationStore.open(db)
    at = datetime.now(UTC)
    answered = AskedQuestion("rest", at, "f1-cach-ly", 0.9)
    asked = [AskedQuestion("rest", at, None, 0.1, f"hỏi {i}") for i in range(3)]
    await store.commit_turn(msg("m1"), None, [], None, False, [answered, *asked])
    log = QuestionLogOnShelf(SqliteShelf(db, FAQ_QUESTIONS))
    [first, *_] = await log.open_unanswered()
    await log.resolve([first.id or 0], "f1-cach-ly")

    def looked(conn: sqlite3.Connection) -> tuple[list[str], int, str]:
        names = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'faq_questions'"
        entries = conn.execute(
            "SELECT count(*) FROM faq_questions INDEXED BY faq_questions_unanswered"
            " WHERE answered IS NULL AND resolved_by IS NULL"
        ).fetchone()[0]
        inbox = (
            "SELECT * FROM faq_questions WHERE 1 = 1 AND answered IS NULL"
            " AND resolved_by IS NULL ORDER BY id DESC LIMIT ?"
        )
        plan = conn.execute(f"EXPLAIN QUERY PLAN {inbox}", (10,)).fetchall()
        return sorted(r[0] for r in conn.execute(names)), entries, " ".join(str(r[3]) for r in plan)

    names, entries, plan = await db.query(looked)
    assert names == ["faq_questions_at", "faq_questions_unanswered"]
    assert entries == 2, "neither the answered question nor the resolved one"
    assert "faq_questions_unanswered" in plan
    assert [q.text for q in await log.open_unanswered()] == ["hỏi 1", "hỏi 0"]
    await db.close()


async def test_a_log_statement_that_fails_is_undone_alone(store: SqliteConversationStore) -> None:
    """The contact's row goes in without a savepoint of its own: when its statement fails after
    writing (a trigger aborts it once the row is in), SQLite undoes that statement alone, and
    the turn's message, reply and question stay."""

    def break_contacts(conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TRIGGER broken AFTER INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'no'); END"
        )

    await store._db.transaction(break_contacts)
    message = msg("m1")
    question = AskedQuestion("rest", datetime.now(UTC), "f1-cach-ly", 0.9)
    contact = Contact.of(message, "ask_faq", "bot")
    await store.commit_turn(message, None, [OutboundMessage(KEY, "Dạ")], contact, False, [question])

    def counts(conn: sqlite3.Connection) -> tuple[int, ...]:
        tables = ("messages", "contacts", "faq_questions")
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)

    assert await store._db.query(counts) == (2, 0, 1)
    assert [i.message.text for i in await store.replies_to(message) or []] == ["Dạ"]
