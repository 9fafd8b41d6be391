"""The mailbox reader stops when asked, even when its IMAP server stops answering, and hangs up.

Dovecot always answers, so this uses a small IMAP server that answers up to IDLE and then goes
silent: neither the IDLE's DONE nor the LOGOUT gets a reply. A stop must still end the reader
(bounded by the mailbox timeout), and must not be swallowed by the timeouts it meets on the way.
The reader closes its connection itself: a server that never answers the LOGOUT, or that refused
the login, would otherwise keep it open for good.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime

import pytest

from hotline.channels.mail.imap import Mailbox, MailboxError


class SilentAfterIdle:
    """Answers the greeting, CAPABILITY, LOGIN, SELECT, SEARCH and IDLE; nothing after that."""

    def __init__(self) -> None:
        self.heard: list[str] = []
        self.idling = asyncio.Event()
        self.connections: list[asyncio.StreamWriter] = []
        self.handlers: list[asyncio.Task[object]] = []
        self.refuse_login = False
        self.ack_idle = True  # False: silent from the IDLE on, its "+ idling" included

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections.append(writer)
        handler = asyncio.current_task()
        if handler is not None:
            self.handlers.append(handler)
        writer.write(b"* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n")
        while line := await reader.readline():
            tag, _, command = line.decode().strip().partition(" ")
            self.heard.append(command.split(" ")[0].upper() if command else tag.upper())
            if self.idling.is_set():
                continue  # silent: DONE and LOGOUT are never answered
            word = command.split(" ")[0].upper()
            if word == "LOGIN" and self.refuse_login:
                writer.write(f"{tag} NO [AUTHENTICATIONFAILED] wrong password\r\n".encode())
                continue
            if word == "CAPABILITY":
                writer.write(b"* CAPABILITY IMAP4rev1 IDLE\r\n")
            elif word == "SELECT":
                writer.write(b"* 0 EXISTS\r\n* 0 RECENT\r\n")
            elif word == "UID":
                writer.write(b"* SEARCH\r\n")
            elif word == "IDLE":
                if self.ack_idle:
                    writer.write(b"+ idling\r\n")
                self.idling.set()
                continue
            writer.write(f"{tag} OK {word} done\r\n".encode())
            await writer.drain()
        writer.close()


@pytest.fixture
async def silent() -> AsyncIterator[tuple[SilentAfterIdle, int]]:
    server = SilentAfterIdle()
    listening = await asyncio.start_server(server.serve, "127.0.0.1", 0)
    try:
        yield server, int(listening.sockets[0].getsockname()[1])
    finally:
        listening.close()
        for writer in server.connections:
            writer.close()
        await listening.wait_closed()
        # Each handler ends on its closed connection; Python 3.11's wait_closed does not wait.
        await asyncio.gather(*server.handlers, return_exceptions=True)


async def test_a_stop_ends_the_reader_even_when_the_server_goes_silent(
    silent: tuple[SilentAfterIdle, int],
) -> None:
    server, port = silent
    mailbox = Mailbox(host="127.0.0.1", port=port, user="u", password="p", tls="none", timeout=0.5)

    async def take(raw: bytes, arrived: datetime | None) -> None:
        raise AssertionError("the mailbox is empty")

    reader = asyncio.create_task(mailbox.watch(take))
    await asyncio.wait_for(server.idling.wait(), 10)
    await asyncio.sleep(0.2)  # into its wait for pushes; a stop any earlier must end it too
    reader.cancel()
    # Not a speed limit: a reader that lost the stop retries forever and this never returns.
    done, _ = await asyncio.wait({reader}, timeout=15)
    assert done == {reader} and reader.cancelled()
    assert server.heard[:5] == ["CAPABILITY", "LOGIN", "SELECT", "UID", "IDLE"]
    # It hung up although the LOGOUT got no answer (else this waits for good).
    await asyncio.wait_for(asyncio.gather(*server.handlers), 15)


async def test_a_stop_as_the_idle_starts_ends_it(silent: tuple[SilentAfterIdle, int]) -> None:
    server, port = silent
    server.ack_idle = False  # the stop lands while the reader waits for the IDLE to start
    mailbox = Mailbox(host="127.0.0.1", port=port, user="u", password="p", tls="none", timeout=0.5)

    async def take(raw: bytes, arrived: datetime | None) -> None:
        raise AssertionError("the mailbox is empty")

    reader = asyncio.create_task(mailbox.watch(take))
    await asyncio.wait_for(server.idling.wait(), 10)
    reader.cancel()
    done, _ = await asyncio.wait({reader}, timeout=15)  # not a speed limit, as above
    assert done == {reader} and reader.cancelled()
    # It hung up; and the leak guard finds no IDLE of aioimaplib's still waiting.
    await asyncio.wait_for(asyncio.gather(*server.handlers), 15)


async def test_a_refused_login_hangs_up(silent: tuple[SilentAfterIdle, int]) -> None:
    server, port = silent
    server.refuse_login = True
    mailbox = Mailbox(host="127.0.0.1", port=port, user="u", password="p", tls="none", timeout=5)

    with pytest.raises(MailboxError, match="login"):
        await mailbox.open()
    # The server keeps the connection for another try; the reader must not (else this waits).
    await asyncio.wait_for(asyncio.gather(*server.handlers), 15)
