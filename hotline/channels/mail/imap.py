"""The hotline's mailbox over IMAP: every unseen mail handed over, then marked seen.

A mail is marked \\Seen only after `take` returns, and `take` returns once the mail is stored: a
stop at any point leaves it unseen on the server, and the next run reads it again; the store's
dedup by Message-ID makes that second reading harmless. The reader waits with IDLE where the
server offers it (new mail arrives within a second) and polls where it does not; a lost
connection is opened again with a growing pause.
"""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aioimaplib

log = logging.getLogger(__name__)

Take = Callable[[bytes, datetime | None], Awaitable[None]]
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')
_LOGIN_FAILED = "IMAP login refused"


class MailboxError(Exception):
    """The server said no (login, select, a command); the reader reconnects after a pause."""


@dataclass(frozen=True)
class Mailbox:
    """Where and how to read: TLS "ssl" (IMAPS, 993), "starttls" (143) or "none" (loopback)."""

    host: str
    user: str
    password: str
    port: int = 993
    tls: str = "ssl"
    folder: str = "INBOX"
    poll_seconds: float = 60.0
    idle_seconds: float = 300.0  # IDLE is renewed this often; servers drop it after 30 min
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = None

    def __post_init__(self) -> None:
        if self.tls not in ("ssl", "starttls", "none"):
            raise ValueError(f"IMAP TLS must be ssl, starttls or none, not {self.tls!r}")

    async def watch(self, take: Take, max_pause: float = 60.0) -> None:
        """Read new mail forever; reconnect after failures, pausing up to `max_pause`."""
        pause = 1.0
        while True:
            try:
                session = await self.open()
                pause = 1.0
                try:
                    await session.follow(take)
                finally:
                    await session.close()
            except (aioimaplib.AioImapException, MailboxError, OSError, TimeoutError) as exc:
                if _stopping():
                    # A stop arrived and the IDLE's DONE or the LOGOUT then timed out: that
                    # error replaced the cancellation, which must not be lost in a retry loop.
                    raise asyncio.CancelledError from exc
                log.warning("mailbox %s@%s: %s; again in %.0fs", self.user, self.host, exc, pause)
                await asyncio.sleep(pause)
                pause = min(max_pause, pause * 2)

    async def open(self) -> Session:
        """Connect, secure, log in and select the folder."""
        context = self.ssl_context or ssl.create_default_context()
        if self.tls == "ssl":
            imap: aioimaplib.IMAP4 = aioimaplib.IMAP4_SSL(
                self.host, self.port, timeout=self.timeout, ssl_context=context
            )
        else:
            imap = aioimaplib.IMAP4(self.host, self.port, timeout=self.timeout)
        try:
            await imap.wait_hello_from_server()
            if self.tls == "starttls":
                await _starttls(imap, context, self.host, self.timeout)
            response = await imap.login(self.user, self.password)
            if response.result != "OK":
                raise MailboxError(_LOGIN_FAILED)
            _ok(await imap.select(self.folder), f"SELECT {self.folder}")
        except BaseException:
            await _hang_up(imap)
            raise
        return Session(self, imap)


class Session:
    """One logged-in connection.

    A mail that arrives while a command runs is announced ("* N EXISTS") in that command's
    answer, and only then: IDLE will not announce it again. aioimaplib drops such lines when
    the command has no use for them (UID SEARCH, UID STORE), so the session notes them itself
    and reads again before it idles; otherwise that mail would wait for the next IDLE renewal.
    """

    def __init__(self, mailbox: Mailbox, imap: aioimaplib.IMAP4) -> None:
        self.mailbox = mailbox
        self.imap = imap
        self.news = False  # mail announced since the last pass began
        dropping = imap.protocol._untagged_response

        def noting(line: bytes) -> Any:
            command = dropping(line)
            if command is None and line.rstrip().endswith(b"EXISTS"):
                self.news = True
            return command

        imap.protocol._untagged_response = noting

    async def follow(self, take: Take) -> None:
        """Hand over what is unseen, then wait for more (IDLE or a poll), forever."""
        while True:
            if _stopping():
                raise asyncio.CancelledError  # a stop lost inside a library call: honour it
            self.news = False
            await self.drain(take)
            if self.news:
                continue  # mail came during the pass: read again rather than idle past it
            if self.imap.has_capability("IDLE"):
                await self._idle()
            else:
                await asyncio.sleep(self.mailbox.poll_seconds)

    async def drain(self, take: Take) -> int:
        """Hand over every unseen mail, oldest first, each marked seen once taken; how many."""
        found = _ok(await self.imap.uid_search("UNSEEN", charset=None), "UID SEARCH")
        uids = [u for u in found.lines[0].decode().split() if u.isdigit()] if found.lines else []
        taken = 0
        for uid in uids:
            fetched = await self.fetch(uid)
            if fetched is None:
                continue  # expunged meanwhile
            raw, arrived = fetched
            try:
                await take(raw, arrived)
            except Exception:
                # Left unseen: the next pass tries it again; the rest of the batch goes on.
                log.exception("mail uid %s could not be taken; it stays unseen", uid)
                continue
            _ok(await self.imap.uid("store", uid, "+FLAGS.SILENT", r"(\Seen)"), "UID STORE")
            taken += 1
        return taken

    async def fetch(self, uid: str) -> tuple[bytes, datetime | None] | None:
        """The raw mail and when the server received it; PEEK leaves it unseen."""
        response = _ok(await self.imap.uid("fetch", uid, "(INTERNALDATE BODY.PEEK[])"), "FETCH")
        raw = next((bytes(line) for line in response.lines if isinstance(line, bytearray)), None)
        if raw is None:
            return None
        arrived = None
        for line in response.lines:
            found = _INTERNALDATE.search(bytes(line)) if isinstance(line, bytes) else None
            if found:
                arrived = datetime.strptime(found.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
                break
        return raw, arrived

    async def _idle(self) -> None:
        idle = await self.imap.idle_start(timeout=self.mailbox.idle_seconds)
        try:
            # Any push (new mail, expunge, flags) or the renewal timeout ends this wait.
            await self.imap.wait_server_push(timeout=self.mailbox.idle_seconds + 5)
        except TimeoutError:
            pass
        finally:
            self.imap.idle_done()
            # Bounded also when a stop cancelled the wait above: DONE is answered at once.
            await asyncio.wait_for(idle, min(self.mailbox.timeout, 5.0))

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self.imap.logout(), min(self.mailbox.timeout, 5.0))
        except (aioimaplib.AioImapException, OSError, TimeoutError) as exc:
            log.debug("IMAP logout: %r", exc)  # the connection is going away either way
        finally:
            await _hang_up(self.imap)


async def _starttls(imap: aioimaplib.IMAP4, context: ssl.SSLContext, host: str, t: float) -> None:
    """Upgrade the plain connection (RFC 3501 STARTTLS); aioimaplib has no helper for it."""
    protocol = imap.protocol
    if "STARTTLS" not in protocol.capabilities:
        raise MailboxError("server offers no STARTTLS; refusing to log in in clear text")
    command = aioimaplib.Command("STARTTLS", protocol.new_tag(), loop=protocol.loop)
    _ok(await asyncio.wait_for(protocol.execute(command), t), "STARTTLS")
    loop = asyncio.get_running_loop()
    protocol.transport = await loop.start_tls(
        protocol.transport, protocol, context, server_hostname=host
    )
    await asyncio.wait_for(protocol.capability(), t)  # capabilities may change once secure


async def _hang_up(imap: aioimaplib.IMAP4) -> None:
    """Close the connection and end what aioimaplib still runs on it (an IDLE that a stop cut
    short as it started). aioimaplib leaves closing to the server, which closes after a LOGOUT
    but not after a refused login, and a silent server not at all."""
    transport = imap.protocol.transport
    if transport is not None:
        transport.close()
    unfinished = list(imap.tasks)
    for task in unfinished:
        task.cancel()
    await asyncio.gather(*unfinished, return_exceptions=True)


def _stopping() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _ok(response: aioimaplib.Response, what: str) -> aioimaplib.Response:
    if response.result != "OK":
        detail = b" ".join(bytes(x) for x in response.lines[-1:]).decode(errors="replace")
        raise MailboxError(f"{what} failed: {response.result} {detail}")
    return response
