"""What the REST channel's "is this the sender's first message?" check costs on SQLite, before
and after the change: the old check read and opened (decrypted) the last 20 transcript lines;
the new one is one exists query (`said_before`) on the inbound-message index.

Conversations of 20 sealed lines (10 in, 10 out) in a fresh SQLite file; each check is timed in
CPU time of the process (`time.process_time`, all threads), in microseconds per check, both
checks alternated in the same run. "same cipher" reads with the cipher that sealed the lines (its
memo of the last 1,024 tokens sealed spares few decryptions at 20 lines x 300 senders), "other
worker" with a fresh cipher of the same key.
Run: `.venv/bin/python benchmarks/first_message_check.py [--checks N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.handoff.crypto import Cipher
from hotline.storage.sqlite.conversations import SqliteConversationStore
from hotline.storage.sqlite.database import SqliteDatabase

LOOK = 20  # the transcript lines the old check read


async def transcript_check(store: SqliteConversationStore, key: ConversationKey) -> bool:
    lines = await store.transcript(key, limit=LOOK)
    said = sum(1 for line in lines if line.get("direction") == "in")
    return said == 1 and len(lines) < LOOK


async def exists_check(store: SqliteConversationStore, key: ConversationKey) -> bool:
    return not await store.said_before(key, "m-0")


async def per_check_us(
    check: Callable[[SqliteConversationStore, ConversationKey], Awaitable[bool]],
    store: SqliteConversationStore,
    keys: list[ConversationKey],
) -> float:
    started = time.process_time()
    for key in keys:
        await check(store, key)
    return (time.process_time() - started) * 1e6 / len(keys)


async def main(checks: int) -> None:
    key_text = Cipher.new_key()
    sealing = Cipher(key_text)
    with tempfile.TemporaryDirectory() as tmp:
        db = await SqliteDatabase.from_url(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            store = await SqliteConversationStore.open(db, sealing)
            keys = [ConversationKey("rest", f"sender-{n}") for n in range(checks)]
            for key in keys:
                for i in range(LOOK // 2):
                    await store.record_inbound(
                        InboundMessage(key, f"m-{i}", text=f"Nguyễn Văn An 09123456{i:02d} hỏi")
                    )
                    await store.queue([OutboundMessage(key, "Dạ, tổng đài đã ghi nhận.")])
            other = SqliteConversationStore(db, Cipher(key_text))
            for name, reader in (("same cipher", store), ("other worker", other)):
                before = after = 0.0
                for _ in range(3):  # alternated, the best of three each
                    b = await per_check_us(transcript_check, reader, keys)
                    a = await per_check_us(exists_check, reader, keys)
                    before, after = min(before or b, b), min(after or a, a)
                print(
                    f"{name}: transcript of {LOOK} lines {before:.0f} us/check,"
                    f" exists query {after:.0f} us/check, ratio {before / after:.1f}x"
                )
        finally:
            await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", type=int, default=300)
    asyncio.run(main(parser.parse_args().checks))
