"""Replies by mail: composed into the citizen's thread and handed to SMTP submission.

A reply carries In-Reply-To and References so the citizen's client shows it under their mail,
"Re: " and their subject, and a Message-ID made from the thread and the outbox item, so a reply
sent twice after a crash is recognisably one mail. Every mail we send says it is automatic
(Auto-Submitted, X-Loop): a citizen's out-of-office answer to it must not start a loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate

import aiosmtplib

from hotline.channels.delivery import DeliveryFailed, RecipientGone

SIGNATURE = (
    "\n\n--\nTổng đài 1022 – Bình Dương\n"
    "Trả lời thư này để bổ sung thông tin; thông tin người báo được giữ bí mật."
)
_RE = re.compile(r"^\s*(re|trả lời|tl|aw|sv)\s*:", re.IGNORECASE)
# References keep the thread's first id and the latest ones; clients cut long chains likewise.
MAX_REFERENCES = 20


@dataclass(frozen=True)
class Thread:
    """Where a reply goes: the citizen's address and the mail of theirs it answers."""

    to: str
    name: str
    subject: str
    message_id: str
    references: tuple[str, ...] = ()


def reply_subject(subject: str) -> str:
    subject = subject.strip() or "Tổng đài 1022"
    return subject if _RE.match(subject) else f"Re: {subject}"


def compose_reply(
    hotline: str,
    thread: Thread,
    text: str,
    message_id: str,
    display_name: str = "Tổng đài 1022",
    unsubscribe: str | None = None,
) -> EmailMessage:
    """The reply as a mail in the citizen's thread; with `unsubscribe` (a notice), the link
    that stops notices, as RFC 2369 and RFC 8058 (one click) headers."""
    chain = [*thread.references, thread.message_id]
    if len(chain) > MAX_REFERENCES:
        chain = [chain[0], *chain[-(MAX_REFERENCES - 1) :]]
    msg = EmailMessage()
    msg["From"] = formataddr((display_name, hotline))
    msg["To"] = formataddr((thread.name, thread.to)) if thread.name else thread.to
    msg["Subject"] = reply_subject(thread.subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = thread.message_id
    msg["References"] = " ".join(chain)
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Loop"] = hotline
    if unsubscribe:
        msg["List-Unsubscribe"] = f"<{unsubscribe}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(text + SIGNATURE, charset="utf-8")
    return msg


@dataclass(frozen=True)
class Submission:
    """An SMTP submission server: TLS "ssl" (port 465), "starttls" (587) or "none" (loopback)."""

    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    tls: str = "starttls"
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.tls not in ("ssl", "starttls", "none"):
            raise ValueError(f"SMTP TLS must be ssl, starttls or none, not {self.tls!r}")

    async def send(self, msg: EmailMessage, sender: str) -> None:
        """Submit a mail; DeliveryFailed says whether trying again later may help."""
        try:
            await aiosmtplib.send(
                msg,
                sender=sender,
                hostname=self.host,
                port=self.port,
                username=self.user or None,
                password=self.password or None,
                use_tls=self.tls == "ssl",
                start_tls=self.tls == "starttls",
                timeout=self.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise RecipientGone(f"mail server refused the address: {exc}") from exc
        except aiosmtplib.SMTPResponseException as exc:
            if 500 <= exc.code < 600:
                raise DeliveryFailed(f"SMTP {exc.code}: {exc.message}") from exc
            raise DeliveryFailed(f"SMTP {exc.code}: {exc.message}", retry_after=60.0) from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise DeliveryFailed(f"SMTP unreachable: {exc!r}", retry_after=30.0) from exc
