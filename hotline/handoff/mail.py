"""Sending e-mail: SMTP in a worker thread, or .eml files in a folder for a trial installation."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol


class MailSender(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class SmtpSender:
    """SMTP with STARTTLS when `starttls` (port 587), login when a user is set."""

    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    starttls: bool = True
    timeout: float = 20.0

    async def send(self, message: EmailMessage) -> None:
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self.user:
                smtp.login(self.user, self.password)
            smtp.send_message(message)


@dataclass(frozen=True)
class FolderSender:
    """Writes each message as an .eml file: what a laptop trial 'sends' without an SMTP server."""

    folder: Path

    async def send(self, message: EmailMessage) -> None:
        await asyncio.to_thread(self._write, message)

    def _write(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{uuid.uuid4().hex}.eml").write_bytes(message.as_bytes())


def compose(sender: str, to: list[str], subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="hotline1022.local")
    message.set_content(body)
    return message
