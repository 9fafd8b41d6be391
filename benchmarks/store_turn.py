"""What the SQLite store alone costs a REST turn: `begin`, then `commit_turn` with one reply
handed over, the contact-log row and one FAQ question logged, sealed as `hotline serve` seals
them, 32 turns at once (so their writes share a COMMIT, as under load), every turn a new sender.

No HTTP, no NLU, no dialog: the figure is the CPU time (every thread of the process) a turn
takes, in microseconds, after `--stored` turns already in the file (an index on a random key
costs more as its table grows). `--before CHECKOUT` runs the same in another checkout, in a
child process, alternating with this one `--rounds` times.
Run: `.venv/bin/python benchmarks/store_turn.py [--turns 6400] [--stored 20000] [--before DIR]
[--random-senders]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


async def per_turn_us(turns: int, stored: int, folder: str, random_senders: bool) -> float:
    # Imported here: the checkout under test is the one on PYTHONPATH (see --before).
    from hotline.bot.contact_log import Contact
    from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
    from hotline.faq.unanswered import AskedQuestion
    from hotline.handoff.crypto import Cipher
    from hotline.storage.sqlite.conversations import SqliteConversationStore
    from hotline.storage.sqlite.database import SqliteDatabase

    db = await SqliteDatabase.from_url(f"sqlite:///{folder}/store.db")
    store = await SqliteConversationStore.open(db, Cipher(Cipher.new_key()))
    answer = "Dạ, thời gian cách ly tập trung là 14 ngày kể từ ngày nhập cảnh. " * 3

    # A real app's sender ids are random (a device id, a UUID): each new one lands on a random
    # page of the indexes keyed on the sender; "sender-N" appends near the end of them.
    senders = [
        secrets.token_hex(16) if random_senders else f"sender-{n}" for n in range(stored + turns)
    ]

    async def turn(n: int) -> None:
        key = ConversationKey("rest", senders[n])
        now = datetime.now(UTC)
        text = "cách ly bao nhiêu ngày vậy ạ"
        message = InboundMessage(key=key, message_id=f"rest-{n}", text=text, received_at=now)
        await store.begin(message)
        asked = AskedQuestion("rest", now, answered="cach-ly", score=0.9)
        contact = Contact.of(message, "ask_faq", "bot")
        reply = [OutboundMessage(key, answer)]
        await store.commit_turn(message, None, reply, contact, True, [asked])

    async def turns_from(first: int, count: int) -> None:
        for start in range(first, first + count, 32):
            await asyncio.gather(*(turn(n) for n in range(start, start + 32)))

    await turns_from(0, stored)
    started = time.process_time()
    await turns_from(stored, turns)
    spent = time.process_time() - started
    await db.close()
    return spent * 1e6 / turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=6400)
    parser.add_argument("--stored", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to compare (its root)")
    parser.add_argument("--random-senders", action="store_true", help="random sender ids")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory() as folder:
            us = asyncio.run(per_turn_us(args.turns, args.stored, folder, args.random_senders))
        print(f"  {os.environ.get('STORE_TURN_NAME', 'this checkout')}: {us:.0f} us a turn")
        return
    checkouts = [("this checkout", HERE)]
    if args.before:
        checkouts.append(("before (--before)", args.before.resolve()))
    print(f"load before: {os.getloadavg()}")
    for round_ in range(args.rounds):
        for name, root in checkouts if round_ % 2 == 0 else checkouts[::-1]:
            command = [sys.executable, str(Path(__file__).resolve()), "--one"]
            command += ["--turns", str(args.turns), "--stored", str(args.stored)]
            command += ["--random-senders"] if args.random_senders else []
            env = {**os.environ, "PYTHONPATH": str(root), "STORE_TURN_NAME": name}
            subprocess.run(command, env=env, check=True, cwd=root)
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
