"""The e-mail channel against real servers: Dovecot (IMAP) and aiosmtpd (SMTP) started here.

The citizen writes by putting mail into the hotline's Dovecot mailbox; the hotline's replies go
through SMTP, are recorded, and land in the citizen's own Dovecot mailbox.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from itertools import count
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.media import MediaStore
from hotline.bot.messages import ConversationKey
from hotline.channels.mail.channel import EmailChannel
from hotline.channels.mail.imap import Mailbox
from hotline.config import Settings
from hotline.web.app import create_app
from hotline.web.keys import CHANNELS, TAKEOVER
from tests.browser.widget import TICKET_CODE
from tests.support import images
from tests.support.hotline import hotline_of
from tests.support.mail_servers import (
    PASSWORD,
    Dovecot,
    Outgoing,
    SmtpRecorder,
    remove,
    smtp_server,
    start_dovecot,
)

HOTLINE = "1022@tongdai1022.test"
CITIZEN = "dan@example.vn"
JPEG = images.photo("JPEG")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
_mailboxes = count(1)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    yield server
    remove(server)


@dataclass
class Mail:
    """The test's side of the mail: the hotline's mailbox, the SMTP recorder, the app."""

    dovecot: Dovecot
    recorder: SmtpRecorder
    user: str
    settings: Settings

    async def send(self, raw: bytes) -> None:
        await self.dovecot.deliver(self.user, raw)

    async def replies(self, n: int) -> list[Outgoing]:
        return await self.recorder.wait_for(n)


@pytest.fixture
async def mail(dovecot: Dovecot, settings: Settings, tmp_path: Path) -> AsyncIterator[Mail]:
    recorder = SmtpRecorder(dovecot)
    user = f"hotline{next(_mailboxes)}@tongdai1022.test"
    async with smtp_server(recorder) as smtp_port:
        configured = replace(
            settings,
            media_dir=str(tmp_path / "media"),
            courier_poll_seconds=0.2,
            email_address=HOTLINE,
            email_imap_host=dovecot.host,
            email_imap_port=dovecot.port,
            email_imap_user=user,
            email_imap_password=PASSWORD,
            email_imap_tls="none",
            email_smtp_host="127.0.0.1",
            email_smtp_port=smtp_port,
            email_smtp_tls="none",
        )
        yield Mail(dovecot, recorder, user, configured)


@pytest.fixture
async def client(aiohttp_client: Callable[..., Awaitable[TestClient]], mail: Mail) -> TestClient:
    return await aiohttp_client(create_app(mail.settings))


def letter(
    subject: str,
    body: str,
    *,
    sender: str = CITIZEN,
    replying_to: Outgoing | None = None,
    root: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
) -> tuple[bytes, str]:
    """A citizen's mail as raw bytes, and its Message-ID."""
    msg = EmailMessage()
    msg["From"] = f"Nguyễn Văn Dân <{sender}>"
    msg["To"] = HOTLINE
    msg["Subject"] = subject
    msg["Date"] = formatdate()
    msg["Message-ID"] = make_msgid(domain="example.vn")
    if replying_to is not None:
        ours = replying_to.message["Message-ID"]
        msg["In-Reply-To"] = ours
        msg["References"] = f"{root} {ours}" if root else ours
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes(), str(msg["Message-ID"])


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def all_seen(mail: Mail) -> bool:
    return all("\\Seen" in flags for _, flags in await mail.dovecot.mail(mail.user))


def count_messages(settings: Settings, where: str) -> int:
    with sqlite3.connect(settings.store.removeprefix("sqlite:///")) as db:
        row = db.execute(f"SELECT count(*) FROM messages WHERE {where}").fetchone()
    return int(row[0])


def inbound_count(settings: Settings) -> int:
    return count_messages(settings, "direction = 'in'")


async def all_processed(settings: Settings) -> bool:
    return count_messages(settings, "direction = 'in' AND status != 'processed'") == 0


async def all_delivered(settings: Settings) -> bool:
    return count_messages(settings, "direction = 'out' AND status = 'pending'") == 0


async def test_a_question_is_answered_by_return_mail_in_its_thread(
    client: TestClient, mail: Mail
) -> None:
    raw, mid = letter("Hỏi về cách ly", "F1 phải cách ly bao nhiêu ngày?")
    await mail.send(raw)
    [reply] = await mail.replies(1)
    expected = hotline_of(client).faq.lookup("Hỏi về cách ly\nF1 phải cách ly bao nhiêu ngày?")
    assert expected.answer is not None and expected.answer.answer in reply.text
    assert reply.recipients == [CITIZEN]
    assert reply.message["Subject"] == "Re: Hỏi về cách ly"
    assert reply.message["In-Reply-To"] == mid
    assert reply.message["References"] == mid
    assert reply.message["Auto-Submitted"] == "auto-replied"
    await eventually(lambda: all_seen(mail))
    [(delivered, _)] = await mail.dovecot.mail(CITIZEN)  # it reached the citizen's mailbox
    assert b"Re: " in delivered


async def test_a_report_is_filed_at_once_and_the_answer_in_the_thread_completes_it(
    client: TestClient, mail: Mail
) -> None:
    body = "Quán cà phê đầu hẻm vẫn mở cửa cho khách ngồi tụ tập đông người, không đeo khẩu trang"
    raw, mid = letter("Phản ánh vi phạm", body)
    await mail.send(raw)
    [ack] = await mail.replies(1)
    found = TICKET_CODE.search(ack.text)
    assert found and "Mã phản ánh" in ack.text and "Hạn xử lý" in ack.text
    assert "phường/xã" in ack.text  # no place in the mail: the reply asks for it
    desk = hotline_of(client).desk
    ticket = await desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation" and ticket.channel == "email"
    assert ticket.reporter is not None and ticket.reporter.email == CITIZEN
    assert ticket.ward is None and body in ticket.description

    answer, answer_mid = letter(
        "Re: Phản ánh vi phạm",
        "Ở số 12 đường Lê Hồng Phong, phường Phú Lợi\n\n> Thư chưa nói rõ nơi xảy ra sự việc.",
        replying_to=ack,
        root=mid,
    )
    await mail.send(answer)
    _, added = await mail.replies(2)
    assert ticket.code in added.text and "bổ sung" in added.text
    assert added.message["In-Reply-To"] == answer_mid
    assert added.message["References"].split()[0] == mid  # still the citizen's thread
    completed = await desk.store.get(ticket.code)
    assert completed is not None and completed.ward == "Phú Lợi"
    assert completed.district == "Thủ Dầu Một"
    assert "Lê Hồng Phong" in completed.description
    assert "Thư chưa nói rõ" not in completed.description  # the quoted reply is not news


async def test_an_agent_reply_goes_out_threaded_and_the_answer_comes_back(
    client: TestClient, mail: Mail
) -> None:
    raw, mid = letter(
        "Phản ánh vi phạm", "Quán karaoke ở phường Phú Lợi mở cửa hát đến khuya, tụ tập rất đông"
    )
    await mail.send(raw)
    [ack] = await mail.replies(1)
    code = TICKET_CODE.search(ack.text)
    assert code is not None
    ticket = await hotline_of(client).desk.store.get(code.group(0))
    assert ticket is not None
    key = ConversationKey("email", ticket.sender)
    takeover = client.app[TAKEOVER]
    await takeover.take(key, "lan")
    await takeover.say(key, "lan", "Chào anh, quán mở cửa đến mấy giờ ạ?")
    sent = await mail.replies(2)
    agent = next(m for m in sent if "mấy giờ" in m.text)
    assert agent.recipients == [CITIZEN]
    assert agent.message["In-Reply-To"] == mid
    assert agent.message["References"] == mid
    assert agent.message["Subject"] == "Re: Phản ánh vi phạm"

    answer, _ = letter(
        "Re: Phản ánh vi phạm", "Quán mở tới 2 giờ sáng", replying_to=agent, root=mid
    )
    queued = count_messages(mail.settings, "direction = 'out'")
    await mail.send(answer)

    async def arrived() -> bool:
        transcript = await hotline_of(client).conversations.transcript(key)
        return any(e.get("text") == "Quán mở tới 2 giờ sáng" for e in transcript)

    await eventually(arrived)  # the same conversation, so the agent sees it under the ticket
    await eventually(lambda: all_processed(mail.settings))
    await client.close()  # nothing can be sent after this: the counts below are final
    assert len(mail.recorder.sent) == len(sent)  # an agent has the chat: the bot stays silent
    assert count_messages(mail.settings, "direction = 'out'") == queued


async def test_attachments_become_evidence_within_type_and_size_limits(
    client: TestClient, mail: Mail
) -> None:
    raw, _ = letter(
        "Phản ánh vi phạm",
        "Quán karaoke ở phường Phú Lợi mở cửa hát đến khuya, tụ tập rất đông người",
        attachments=(
            ("quan.jpg", "image/jpeg", JPEG),
            ("bien-ban.pdf", "application/pdf", PDF),
            ("anh.jpg", "image/jpeg", b"MZ\x90\x00 not a photo at all"),
        ),
    )
    await mail.send(raw)
    [ack] = await mail.replies(1)
    code = TICKET_CODE.search(ack.text)
    assert code is not None
    ticket = await hotline_of(client).desk.store.get(code.group(0))
    assert ticket is not None
    photo, document, refused = ticket.evidence
    assert photo["kind"] == "photo" and photo["caption"] == "quan.jpg"
    media = MediaStore(Path(mail.settings.media_dir))
    assert images.picture(media.path_of(photo["url"]).read_bytes()) == ("JPEG", (8, 6), False)
    assert document["kind"] == "file" and document["url"].startswith("document:")
    assert refused.get("url") is None and "không lưu" in refused["caption"]
    assert "ảnh chụp" not in ack.text  # it came with photos: not asked for them


async def test_auto_replies_bounces_and_loops_are_never_answered(
    client: TestClient, mail: Mail
) -> None:
    machines = [
        letter(
            "Trả lời tự động: Vắng mặt",
            "Tôi đang nghỉ phép.",
            headers={"Auto-Submitted": "auto-replied"},
        ),
        letter("Out of Office", "Away until Monday", headers={"X-Autoreply": "yes"}),
        letter("Bản tin", "Khuyến mãi", headers={"Precedence": "bulk"}),
        letter(
            "Undelivered Mail Returned to Sender",
            "550 no such user",
            sender="MAILER-DAEMON@mx.example.vn",
        ),
        letter("Re: Hỏi về cách ly", "vòng lặp", headers={"X-Loop": HOTLINE}),
        letter("Hỏi về cách ly", "thư của chính mình", sender=HOTLINE),
    ]
    for raw, _ in machines:
        await mail.send(raw)
    question, mid = letter("Hỏi về cách ly", "F1 phải cách ly bao nhiêu ngày?")
    await mail.send(question)  # after them: once it is answered, they have all been read
    [reply] = await mail.replies(1)
    assert reply.message["In-Reply-To"] == mid
    await eventually(lambda: all_seen(mail))
    await client.close()  # the reader has seen everything; nothing is sent after this
    assert len(mail.recorder.sent) == 1
    assert inbound_count(mail.settings) == 1  # the machines' mail was not stored either


async def test_a_restart_in_the_middle_of_a_batch_loses_and_doubles_nothing(
    aiohttp_client: Callable[..., Awaitable[TestClient]], mail: Mail
) -> None:
    questions = [
        "F1 phải cách ly bao nhiêu ngày?",
        "Tiêm vắc xin ở đâu?",
        "Xin giấy đi đường ở đâu?",
    ]
    sent = [letter(f"Câu hỏi {i}", q) for i, q in enumerate(questions, 1)]
    for raw, _ in sent:
        await mail.send(raw)

    # First run: its own reader cannot reach the mailbox, so the test reads for it and stops
    # it right after the second mail was stored, before the server heard it was seen.
    first = await aiohttp_client(create_app(replace(mail.settings, email_imap_port=1)))
    channel = _email_channel(first)
    taken = 0

    async def take_then_stop(raw: bytes, arrived: datetime | None) -> None:
        nonlocal taken
        await channel.take(raw, arrived)
        taken += 1
        if taken == 2:
            raise asyncio.CancelledError  # the process stops here

    session = await replace(channel.mailbox, port=mail.dovecot.port).open()
    with pytest.raises(asyncio.CancelledError):
        await session.drain(take_then_stop)
    await session.close()
    await mail.replies(2)  # the first two were answered before the stop
    # The outbox is at-least-once: a stop between the server's 250 and the record that the
    # reply went would send it again (under the same Message-ID). That is not this case.
    await eventually(lambda: all_delivered(mail.settings))
    await first.close()
    flags = [f for _, f in await mail.dovecot.mail(mail.user)]
    assert ["\\Seen" in f for f in flags] == [True, False, False]

    # Second run: reads the stored-but-unseen mail again and the untouched one.
    second = await aiohttp_client(create_app(mail.settings))
    await eventually(lambda: all_seen(mail))
    await mail.replies(3)
    await eventually(lambda: all_processed(mail.settings))
    await eventually(lambda: all_delivered(mail.settings))
    await second.close()  # nothing can be sent after this: the counts below are final
    answered = sorted(r.message["In-Reply-To"] for r in mail.recorder.sent)
    assert answered == sorted(mid for _, mid in sent)  # each once: none lost, none doubled
    assert inbound_count(mail.settings) == 3
    assert count_messages(mail.settings, "direction = 'out'") == 3  # no second answer queued


def _email_channel(client: TestClient) -> EmailChannel:
    channel = client.app[CHANNELS]["email"]
    assert isinstance(channel, EmailChannel)
    return channel


async def test_a_mail_arriving_during_a_pass_is_read_without_waiting_for_idle(
    dovecot: Dovecot,
) -> None:
    # Its only notice comes in the answer to the pass's own commands; IDLE will not repeat it.
    user = f"race{next(_mailboxes)}@tongdai1022.test"
    mailbox = Mailbox(
        host=dovecot.host, port=dovecot.port, user=user, password=PASSWORD, tls="none"
    )
    first, _ = letter("Một", "thư thứ nhất")
    second, second_id = letter("Hai", "thư thứ hai, đến giữa chừng")
    await dovecot.deliver(user, first)
    taken: list[bytes] = []
    both = asyncio.Event()

    async def take(raw: bytes, arrived: datetime | None) -> None:
        if not taken:
            await dovecot.deliver(user, second)  # arrives while the first is being handled
            await asyncio.sleep(0.2)  # announced by the server before the pass marks it seen
        taken.append(raw)
        if len(taken) == 2:
            both.set()

    session = await mailbox.open()
    following = asyncio.create_task(session.follow(take))
    try:
        # Not a speed limit: without the fix the second mail waits for IDLE's 5-minute renewal.
        await asyncio.wait_for(both.wait(), 20)
    finally:
        following.cancel()
        with suppress(asyncio.CancelledError):
            await following
        await session.close()
    assert second_id.encode() in taken[1]
