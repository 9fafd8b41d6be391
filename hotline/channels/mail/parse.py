"""Reading a citizen's e-mail: headers decoded, the body as plain text, attachments, threading.

Mail arrives in every encoding a mail client has ever used: RFC 2047 subjects, quoted-printable
or base64 bodies in UTF-8 or a legacy charset (windows-1258 for Vietnamese), and HTML-only mail.
`read_letter` turns all of it into a `Letter`; `why_ignored` tells an auto-reply, a bounce or a
mail loop from a citizen writing, so the hotline never answers a machine.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message
from email.utils import parseaddr
from html.parser import HTMLParser

# More hops than this and the mail is going round in circles.
MAX_RECEIVED = 25
_AUTO_SUBJECT = re.compile(
    r"^\s*(auto(matic)?[ -]?(reply|response)|auto:|out of (the )?office|vacation|"
    r"trả lời tự động|tra loi tu dong|vắng mặt|delivery status notification|undeliver)",
    re.IGNORECASE,
)
# Where a reply's quoted earlier mail starts: everything from here on is history, not news.
_QUOTE_START = re.compile(
    r"^\s*(on\b.{0,200}\bwrote:|vào\b.{0,200}\bđã viết:|.{0,200}<[^>]+>\s*(đã\s+)?viết:|"
    r"-{2,}\s*(original message|thư gốc|forwarded message|tin nhắn gốc)\s*-{2,}|_{20,})\s*$",
    re.IGNORECASE,
)
_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class Part:
    """An attached file as it came: its name, declared type and bytes."""

    filename: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Letter:
    """One e-mail as the hotline reads it."""

    message_id: str
    sender: str  # the address, lower-cased
    sender_name: str
    subject: str
    text: str  # the new part of the body: quotes and signature cut off
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    attachments: tuple[Part, ...] = ()

    @property
    def is_reply(self) -> bool:
        return bool(self.references or self.in_reply_to)

    @property
    def thread_root(self) -> str:
        """The Message-ID that started the thread: the first reference, as clients keep it."""
        if self.references:
            return self.references[0]
        return self.in_reply_to or self.message_id

    @property
    def thread(self) -> str:
        """The conversation's sender id: one per thread and correspondent.

        The correspondent is part of it so that nobody can join a citizen's thread by quoting
        its Message-ID from another address.
        """
        digest = hashlib.sha256(f"{self.thread_root}\n{self.sender}".encode()).hexdigest()
        return "t" + digest[:20]

    def said(self, limit: int) -> str:
        """What goes to the NLU: the subject opens a new thread, a reply is its body alone."""
        text = self.text
        if not self.is_reply and self.subject:
            text = f"{self.subject}\n{text}".strip()
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        return text or self.subject


def _header(msg: Message, name: str) -> str:
    """A header as text; "" when it cannot be read as one (an encoded CR/LF in an address)."""
    try:
        return str(msg.get(name, ""))
    except ValueError:
        return ""


def read_letter(raw: bytes) -> Letter:
    """Parse a raw message (RFC 5322) into a Letter."""
    msg = message_from_bytes(raw, policy=policy.default)
    name, address = parseaddr(_header(msg, "From"))
    body = msg.get_body(preferencelist=("plain", "html")) if msg.is_multipart() else msg
    return Letter(
        message_id=_message_id(msg, raw),
        sender=address.strip().lower(),
        sender_name=" ".join(name.split()),  # a line break in a name would split a reply's To
        subject=" ".join(_header(msg, "Subject").split()),
        text=strip_quoted(_text_of(body)) if body is not None else "",
        in_reply_to=next(iter(_MSGID.findall(str(msg.get("In-Reply-To", "")))), None),
        references=tuple(_MSGID.findall(str(msg.get("References", "")))),
        attachments=tuple(_attachments(msg, body)),
    )


def _message_id(msg: Message, raw: bytes) -> str:
    found = _MSGID.findall(str(msg.get("Message-ID", "")))
    if found:
        return found[0]
    # No Message-ID: one made from the bytes, so a second fetch of the same mail is the same id.
    return f"<{hashlib.sha256(raw).hexdigest()[:32]}@no-message-id.invalid>"


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    text = _decode(data, part.get_content_charset())
    if part.get_content_type() == "text/html":
        return html_to_text(text)
    return text.replace("\r\n", "\n")


def _decode(data: bytes, charset: str | None) -> str:
    """Bytes in the declared charset; a wrong or unknown label falls back to UTF-8, then cp1258."""
    for name in (charset, "utf-8"):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1258", errors="replace")


def _attachments(msg: Message, body: Message | None) -> list[Part]:
    parts = []
    for part in msg.walk():
        if part.is_multipart() or part is body:
            continue
        filename = part.get_filename()
        if part.get_content_maintype() == "text" and not filename:
            continue  # the body's other alternative (the HTML beside the plain text)
        if part.get_content_maintype() == "message":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            parts.append(Part(filename, part.get_content_type(), payload))
    return parts


def why_ignored(raw: bytes, own_address: str) -> str | None:
    """Why this mail must not be answered (auto-reply, bounce, loop), or None for a citizen's."""
    msg = message_from_bytes(raw, policy=policy.default)
    own = own_address.strip().lower()
    auto = str(msg.get("Auto-Submitted", "")).strip().lower()
    if auto and auto != "no":
        return f"auto-submitted: {auto}"
    if msg.get("X-Autoreply") or msg.get("X-Autorespond") or msg.get("X-Auto-Reply"):
        return "auto-reply header"
    precedence = str(msg.get("Precedence", "")).strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"precedence: {precedence}"
    if msg.get("List-Id") or msg.get("List-Unsubscribe"):
        return "mailing list"
    if msg.get_content_type() == "multipart/report" or msg.get("X-Failed-Recipients"):
        return "delivery report"
    if str(msg.get("Return-Path", "")).strip() == "<>":
        return "bounce: empty Return-Path"
    sender = parseaddr(_header(msg, "From"))[1].strip().lower()
    if sender.split("@")[0] in ("mailer-daemon", "postmaster") or not sender:
        return f"bounce: from {sender or 'nobody'}"
    if own and sender == own:
        return "loop: from our own address"
    loops = " ".join(str(v) for v in msg.get_all("X-Loop", [])).lower()
    if own and own in loops:
        return "loop: X-Loop names us"
    if len(msg.get_all("Received", [])) > MAX_RECEIVED:
        return "loop: too many Received headers"
    if _AUTO_SUBJECT.match(str(msg.get("Subject", ""))):
        return "auto-reply subject"
    return None


def strip_quoted(text: str) -> str:
    """The new part of a reply: quoted lines, the quoted mail after 'On ... wrote:' and the
    signature after '-- ' are history the citizen did not just write."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _QUOTE_START.match(line) or line.rstrip() == "--":
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


class _TextOfHtml(HTMLParser):
    BLOCKS = frozenset(
        "p div br li tr h1 h2 h3 h4 h5 h6 blockquote section article header footer table".split()
    )
    HIDDEN = frozenset(("script", "style", "head", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.chunks.append("\n")
        if tag == "li":
            self.chunks.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chunks.append(data)


def html_to_text(html: str) -> str:
    """HTML mail as plain text: blocks become lines, scripts and styles vanish."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.chunks).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
