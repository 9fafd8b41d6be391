"""The conversation store's tables in SQLite (conversations, messages, outbox claims) and
their upgrades, made in place when a store opens an older file; and the tables as flat
records, for export and restore. The store's statements are in conversations.py, outbox.py
and history.py."""

from __future__ import annotations

import sqlite3

from hotline.storage.shelf import Layout

# Idempotent: run on every open. A file made before gets what changed since, index by index;
# each statement commits by itself, so an interrupted upgrade finishes at the next open.
SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    message_id TEXT,
    reply_to INTEGER REFERENCES messages (id),
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT
);
-- A message id deduplicates per (channel, sender, id): two senders may use the same id.
-- Files made before keyed it on (channel, id) alone; that index goes, in place.
CREATE UNIQUE INDEX IF NOT EXISTS messages_sender_message_id
    ON messages (channel, sender, message_id) WHERE direction = 'in';
DROP INDEX IF EXISTS messages_platform_id;
CREATE INDEX IF NOT EXISTS messages_conversation ON messages (channel, sender, id);
-- The queues' indexes hold only the rows the queues look for, so most rows never enter them: a
-- message a turn stored processed, a reply handed over at once (each index a row enters is
-- another B-tree written in the turn's transaction). They replace messages_status (status, id)
-- and the first messages_outbox (status, channel, id), which held every row.
DROP INDEX IF EXISTS messages_status;
-- The sweep's unprocessed(): messages stored and never finished.
CREATE INDEX IF NOT EXISTS messages_received ON messages (id)
    WHERE direction = 'in' AND status = 'received';
-- The courier's due(): pending replies of its channels, not those waiting for the app. It keeps
-- the name of the index it replaces (`upgrades` drops that one first): a process of an earlier
-- version still running on the file asks for it by name (INDEXED BY), and finds it.
CREATE INDEX IF NOT EXISTS messages_outbox ON messages (channel, id)
    WHERE direction = 'out' AND status = 'pending';
-- What waits for one conversation (a REST answer hands it over, a long poll reads it): without
-- it, the courier's index was walked over every reply waiting for any app (20,000 after a
-- notice: 4.5 ms a message).
CREATE INDEX IF NOT EXISTS messages_waiting ON messages (channel, sender, id)
    WHERE direction = 'out' AND status = 'pending';
-- A redelivery's replies (`REPLIES`): without it, every redelivered message read the whole
-- table. Partial: only replies to a message enter it, not what the citizens wrote nor notices.
CREATE INDEX IF NOT EXISTS messages_reply_to ON messages (reply_to)
    WHERE reply_to IS NOT NULL;
CREATE TABLE IF NOT EXISTS outbox_claims (
    id INTEGER PRIMARY KEY REFERENCES messages (id),
    holder TEXT NOT NULL,
    until TEXT NOT NULL
);
"""


# messages_outbox as files made before have it, on every row (an earlier version's process may
# make it again when it opens the file: the next open here drops it again).
_FULL_OUTBOX = (
    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'messages_outbox'"
    " AND sql NOT LIKE '%WHERE%'"
)


def upgrades(conn: sqlite3.Connection) -> str:
    """What goes before SCHEMA on this file: the index it replaces under the same name. Each
    statement commits by itself, so the old index is gone for only as long as it takes to make
    the new one (an earlier version's courier asking for it in that moment gets an error)."""
    return "DROP INDEX IF EXISTS messages_outbox;" if conn.execute(_FULL_OUTBOX).fetchone() else ""


# The tables as flat records (a message's own record nested), for export and restore.
PORTABLE = {
    "conversations": Layout(
        "conversations",
        SCHEMA,
        key=("channel", "sender"),
        times=frozenset({"updated_at"}),
        documents=frozenset({"state"}),
        sqlite_columns={"state": "doc"},
    ),
    "messages": Layout(
        "messages",
        SCHEMA,
        key=("id",),
        times=frozenset({"created_at", "next_attempt_at"}),
        documents=frozenset({"record"}),
        sqlite_columns={"record": "doc"},
    ),
}
