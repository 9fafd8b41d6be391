"""Real mail servers for the e-mail channel's tests: Dovecot for IMAP, aiosmtpd for SMTP.

Dovecot runs as an unprivileged instance with its whole configuration, mail and sockets in one
temporary folder: plain IMAP on 127.0.0.1 and a free port, any user name with one password, a
maildir per user (`%u`). As root it runs as the `dovecot` account (Dovecot refuses to run its
login processes as root). A missing Dovecot is installed when we are root (as CI is), else the
test fails saying how to install it.

The SMTP server is aiosmtpd's protocol on our own event loop: it records every message and can
deliver each into the Dovecot mailbox of its recipient, so a citizen's mailbox really receives
the hotline's replies.
"""

from __future__ import annotations

import asyncio
import imaplib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

DOVECOT = Path("/usr/sbin/dovecot")
ENSURE = Path(__file__).resolve().parents[2] / "scripts" / "ensure_mail_servers.sh"
PASSWORD = "secret"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
first_valid_uid = {uid}
last_valid_uid = 0
default_login_user = {user}
default_internal_user = {user}
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def ensure_dovecot() -> None:
    """Install Dovecot when it is missing and we may; else fail with the way to install it."""
    if DOVECOT.exists():
        return
    if os.geteuid() != 0:
        raise RuntimeError(
            "the e-mail tests need Dovecot: sudo apt-get install -y dovecot-imapd "
            "(or run scripts/ensure_mail_servers.sh as root)"
        )
    subprocess.run(["bash", str(ENSURE)], check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    """A running Dovecot: log in as any user with PASSWORD."""

    port: int
    root: Path
    process: subprocess.Popen[bytes]
    host: str = "127.0.0.1"

    @contextmanager
    def login(self, user: str) -> Iterator[imaplib.IMAP4]:
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            imap.login(user, PASSWORD)
            imap.select("INBOX")
            yield imap
        finally:
            imap.logout()

    def _append(self, user: str, raw: bytes) -> None:
        with self.login(user) as imap:
            status, _ = imap.append("INBOX", None, None, raw)
            assert status == "OK"

    def _mail(self, user: str) -> list[tuple[bytes, set[str]]]:
        found = []
        with self.login(user) as imap:
            _, data = imap.uid("search", None, "ALL")  # type: ignore[arg-type]
            for uid in data[0].split():
                _, parts = imap.uid("fetch", uid.decode(), "(FLAGS BODY.PEEK[])")
                found.append(_fetched(parts))
        return found

    async def deliver(self, user: str, raw: bytes) -> None:
        """Put a mail into a user's INBOX (what the user's mail server does on arrival)."""
        await asyncio.to_thread(self._append, user, raw)

    async def mail(self, user: str) -> list[tuple[bytes, set[str]]]:
        """Every mail in a user's INBOX with its flags, oldest first."""
        return await asyncio.to_thread(self._mail, user)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()


def start_dovecot() -> Dovecot:
    ensure_dovecot()
    account = pwd.getpwnam("dovecot") if os.geteuid() == 0 else pwd.getpwuid(os.getuid())
    root = Path(tempfile.mkdtemp(prefix="hotline-dovecot-"))
    root.chmod(0o755)
    for sub in ("run", "state", "mail", "home"):
        (root / sub).mkdir()
    port = free_port()
    config = root / "dovecot.conf"
    config.write_text(
        CONFIG.format(
            root=root,
            port=port,
            uid=account.pw_uid,
            gid=account.pw_gid,
            user=account.pw_name,
            password=PASSWORD,
        )
    )
    if os.geteuid() == 0:
        for path in [root, *root.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
    process = subprocess.Popen(
        [str(DOVECOT), "-F", "-c", str(config)],
        user=account.pw_uid if os.geteuid() == 0 else None,
        group=account.pw_gid if os.geteuid() == 0 else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    dovecot = Dovecot(port, root, process)
    deadline = time.monotonic() + 15
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(100).startswith(b"* OK"):
                    return dovecot
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            err = (
                process.stderr.read().decode()
                if process.poll() is not None and process.stderr
                else ""
            )
            dovecot.stop()
            raise RuntimeError(f"Dovecot did not start: {err}\n{log}")
        time.sleep(0.05)


def _fetched(parts: list[Any]) -> tuple[bytes, set[str]]:
    """The mail and its flags from a FETCH answer.

    The answer may also carry untagged FETCH lines about flags another session (the hotline's
    reader) changed meanwhile: only the part with the literal is the mail asked for.
    """
    head, raw = next(p for p in parts if isinstance(p, tuple))
    flags = set(re.findall(rb"\\\w+", head.split(b"BODY")[0]))
    return raw, {f.decode() for f in flags}


def remove(dovecot: Dovecot) -> None:
    dovecot.stop()
    shutil.rmtree(dovecot.root, ignore_errors=True)


@dataclass
class Outgoing:
    """What the SMTP server received: envelope and the parsed message."""

    sender: str
    recipients: list[str]
    raw: bytes
    message: EmailMessage = field(init=False)

    def __post_init__(self) -> None:
        self.message = message_from_bytes(self.raw, policy=policy.default)  # type: ignore[assignment]

    @property
    def text(self) -> str:
        body = self.message.get_body(preferencelist=("plain",))
        return body.get_content() if body is not None else ""


class SmtpRecorder:
    """aiosmtpd handler: keeps every message, delivers it into Dovecot when asked to."""

    def __init__(self, dovecot: Dovecot | None = None) -> None:
        self.dovecot = dovecot
        self.sent: list[Outgoing] = []
        self.arrived = asyncio.Condition()
        self.refuse: set[str] = set()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        outgoing = Outgoing(str(envelope.mail_from), list(envelope.rcpt_tos), raw)
        if self.dovecot is not None:
            for rcpt in outgoing.recipients:
                await self.dovecot.deliver(rcpt, raw)
        async with self.arrived:
            self.sent.append(outgoing)
            self.arrived.notify_all()
        return "250 OK kept"

    async def wait_for(self, count: int, seconds: float = 15.0) -> list[Outgoing]:
        """Wait until at least `count` messages arrived; all of them."""
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: len(self.sent) >= count), seconds)
        return list(self.sent)


@asynccontextmanager
async def smtp_server(recorder: SmtpRecorder) -> AsyncIterator[int]:
    """aiosmtpd listening on 127.0.0.1 and a free port, in this event loop; yields the port."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(recorder, hostname="smtp.test", enable_SMTPUTF8=True), "127.0.0.1", 0
    )
    try:
        yield int(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        await server.wait_closed()
