"""What the `messages` table's indexes keyed on the sender cost a turn when sender ids are random.

A REST turn inserts two rows (the citizen's message, the reply). `messages_conversation`
(channel, sender, id) and `messages_sender_message_id` (channel, sender, message_id) put each
new row at its sender's place: with random sender ids (a real app's) every turn dirties pages of
its own in both B-trees, each written to the WAL at the commit and again at the checkpoint; with
"sender-N" ids (wrk's, store_turn.py's default) the turns of a commit share the last pages.

The schema is the store's own (`conversation_tables.SCHEMA`); only the two INSERTs run, 8 turns a
commit, a PASSIVE checkpoint every 100 commits (as `hotline serve` does, here on the same
thread), after `--stored` turns. The figure is the CPU time a turn takes, in microseconds, per
variant: the store's indexes (`base`), without one of the two, a larger page cache, or integer
keys (a hash of the sender, of the sender and the id) in place of the text ones.
Run: `.venv/bin/python benchmarks/message_indexes.py [--stored 100000] [VARIANT ...]`.
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import tempfile
import time

from hotline.storage.sqlite.conversation_tables import SCHEMA

VARIANTS = ("base", "no-conversation-index", "no-dedup-index", "cache-16mb", "integer-keys")
INSERT = (
    "INSERT INTO messages (channel, sender, direction, message_id, reply_to, status, doc,"
    " created_at, conv, dedup) VALUES ('rest', ?, ?, ?, ?, 'processed', ?, ?, ?, ?)"
)
DOC = '{"sealed": "' + "x" * 300 + '"}'  # about a sealed REST message's size
AT = "2026-12-08T00:00:00+00:00"


def opened(folder: str, variant: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{folder}/messages.db", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "temp_store=MEMORY"):
        conn.execute(f"PRAGMA {pragma}")
    if variant == "cache-16mb":
        conn.execute("PRAGMA cache_size=-16000")
    conn.executescript(SCHEMA)
    conn.execute("ALTER TABLE messages ADD COLUMN conv INTEGER")
    conn.execute("ALTER TABLE messages ADD COLUMN dedup INTEGER")
    if variant in ("no-conversation-index", "integer-keys"):
        conn.execute("DROP INDEX messages_conversation")
    if variant in ("no-dedup-index", "integer-keys"):
        conn.execute("DROP INDEX messages_sender_message_id")
    if variant == "integer-keys":
        conn.execute("CREATE INDEX messages_conv ON messages (conv, id)")
        conn.execute(
            "CREATE UNIQUE INDEX messages_dedup ON messages (dedup) WHERE direction = 'in'"
        )
    return conn


def per_turn_us(variant: str, random_senders: bool, stored: int, turns: int) -> float:
    senders = [
        secrets.token_hex(16) if random_senders else f"sender-{n}" for n in range(stored + turns)
    ]
    with tempfile.TemporaryDirectory() as folder:
        conn = opened(folder, variant)

        def commit(first: int) -> None:
            conn.execute("BEGIN IMMEDIATE")
            for n in range(first, first + 8):
                sender, message_id = senders[n], f"rest-{n}"
                conv, dedup = hash(("rest", sender)), hash(("rest", sender, message_id))
                row = (sender, "in", message_id, None, DOC, AT, conv, dedup)
                inbound = conn.execute(INSERT, row).lastrowid
                conn.execute(INSERT, (sender, "out", None, inbound, DOC, AT, conv, None))
            conn.execute("COMMIT")
            if first % 800 == 0:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

        for first in range(0, stored, 8):
            commit(first)
        started = time.process_time()
        for first in range(stored, stored + turns, 8):
            commit(first)
        spent = time.process_time() - started
        conn.close()
    return spent * 1e6 / turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("variants", nargs="*", help=f"some of {', '.join(VARIANTS)} (all)")
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--turns", type=int, default=6400)
    args = parser.parse_args()
    unknown = set(args.variants) - set(VARIANTS)
    if unknown:
        parser.error(f"no variant {', '.join(sorted(unknown))}; there are {', '.join(VARIANTS)}")
    for variant in args.variants or VARIANTS:
        random = per_turn_us(variant, True, args.stored, args.turns)
        sequential = per_turn_us(variant, False, args.stored, args.turns)
        print(f"{variant}: random senders {random:.1f} us a turn, 'sender-N' {sequential:.1f}")


if __name__ == "__main__":
    main()
