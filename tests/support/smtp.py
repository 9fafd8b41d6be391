"""A tiny SMTP server on port 0 that keeps the raw bytes of every message it receives."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    host: str = "127.0.0.1"
    port: int = 0
    messages: list[bytes] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def say(line: str) -> None:
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await say("220 mailbox ready")
        to: list[str] = []
        while line := await reader.readline():
            verb = line.decode().strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                await say("250 mailbox")
            elif verb == "MAIL":
                to = []
                await say("250 ok")
            elif verb == "RCPT":
                to.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                await say("250 ok")
            elif verb == "DATA":
                await say("354 go on")
                data = await reader.readuntil(b"\r\n.\r\n")
                self.messages.append(data[: -len(b"\r\n.\r\n")])
                self.recipients.append(to)
                await say("250 kept")
            elif verb == "QUIT":
                await say("221 bye")
                break
            else:
                await say("250 ok")
        writer.close()


@asynccontextmanager
async def mailbox() -> AsyncIterator[Mailbox]:
    box = Mailbox()
    server = await asyncio.start_server(box._session, box.host, 0)
    box.port = server.sockets[0].getsockname()[1]
    try:
        yield box
    finally:
        server.close()
        await server.wait_closed()
