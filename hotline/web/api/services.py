"""The casework: what staff work tickets with (accounts, lifecycle, assignment, forwarding,
the deadline watch, canned responses), built for the web app once the channels run."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Collection, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hotline.bot.dialogs import texts
from hotline.bot.events import Event, EventBus
from hotline.bot.messages import ConversationKey
from hotline.bot.takeover import Takeover
from hotline.bot.waits import background
from hotline.clock import utc_now
from hotline.config import Settings
from hotline.handoff.accounts import Accounts, LoginPolicy
from hotline.handoff.agency_directory import Place, places_of, seed_placeholders
from hotline.handoff.assignment import ActivityRoster, Assigner, Roster
from hotline.handoff.canned import CannedResponse
from hotline.handoff.forwarding import Forwarder
from hotline.handoff.lifecycle import Lifecycle
from hotline.handoff.mail import FolderSender, MailSender, SmtpSender, compose
from hotline.handoff.redact import redact
from hotline.handoff.rules import saved_canned
from hotline.handoff.sla import Alert, DeadlineWatcher, Notifier
from hotline.handoff.tickets import Ticket
from hotline.runtime import Hotline

log = logging.getLogger(__name__)


def ticket_event(ticket: Ticket) -> Event:
    """What the console hears when a ticket is filed or changes."""
    return Event(
        "ticket",
        {
            "code": ticket.code,
            "status": ticket.status,
            "assignee": ticket.assignee,
            "due_at": ticket.due_at.isoformat(),
            "category": ticket.category,
            "priority": ticket.priority,
        },
    )


def emergency_event(ticket: Ticket) -> Event:
    """The alert every open console hears for an emergency: where to go, never who called (the
    phone is behind the ticket's audited view; `reachable` says there is one)."""
    return Event(
        "emergency",
        {
            "code": ticket.code,
            "description": ticket.description,
            "ward": ticket.ward,
            "district": ticket.district,
            "address": ticket.address,
            "reachable": bool(ticket.reporter and ticket.reporter.phone),
            "due_at": ticket.due_at.isoformat(),
        },
    )


@dataclass(frozen=True)
class EmailNotifier:
    mail: MailSender
    sender: str
    to: tuple[str, ...]

    async def notify(self, subject: str, text: str) -> None:
        await self.mail.send(compose(self.sender, list(self.to), subject, text))


@dataclass(frozen=True)
class ChatNotifier:
    """Pushes the escalation into a conversation the hotline can reach (a supervisors' group)."""

    takeover: Takeover
    key: ConversationKey

    async def notify(self, subject: str, text: str) -> None:
        await self.takeover.notify(self.key, f"{subject}\n{text}")


@dataclass(frozen=True)
class AllNotifiers:
    notifiers: tuple[Notifier, ...]

    async def notify(self, subject: str, text: str) -> None:
        for notifier in self.notifiers:
            try:
                await notifier.notify(subject, text)
            except Exception:  # one unreachable mailbox must not silence the chat, or the reverse
                log.exception("supervisor notification through %r failed", notifier)


def mail_sender(settings: Settings) -> MailSender:
    if settings.smtp_host:
        return SmtpSender(
            settings.smtp_host,
            settings.smtp_port,
            settings.smtp_user,
            settings.smtp_password,
            bool(settings.smtp_starttls),
        )
    return FolderSender(Path(settings.mail_dir))


def supervisors(settings: Settings, mail: MailSender, takeover: Takeover) -> Notifier:
    found: list[Notifier] = []
    emails = tuple(a.strip() for a in settings.supervisors_email.split(",") if a.strip())
    if emails:
        found.append(EmailNotifier(mail, settings.mail_from, emails))
    channel, _, sender = settings.supervisors_chat.partition(":")
    if channel and sender:
        found.append(ChatNotifier(takeover, ConversationKey(channel, sender)))
    return AllNotifiers(tuple(found))


@dataclass
class Casework:
    hotline: Hotline
    accounts: Accounts
    lifecycle: Lifecycle
    assigner: Assigner
    forwarder: Forwarder
    watcher: DeadlineWatcher
    activity: ActivityRoster
    notifier: Notifier
    canned: list[CannedResponse]
    takeover: Takeover
    chats: frozenset[str] = frozenset()  # the channels a staff member can answer on
    places: list[Place] = field(default_factory=list)  # every district and ward, for routing
    clock: Callable[[], datetime] = utc_now
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def chat_of(self, ticket: Ticket) -> ConversationKey | None:
        """The citizen's conversation, if the ticket came from a channel we can answer on
        (a phone call, a portal report or an Open311 request has nobody to message)."""
        if ticket.channel not in self.chats:
            return None
        return ConversationKey(ticket.channel, ticket.sender)

    async def shown(self, name: str) -> str:
        """How citizens see this staff member: their display name under their title."""
        user = await self.hotline.users.get(name)
        if user is None:
            return texts.staff_shown("agent", None)
        return texts.staff_shown(user.role, user.display_name)

    async def join_chats(self, tickets: list[Ticket]) -> None:
        """Assigned tickets' chats go to their agents: the bot pauses, the citizen is told."""
        for ticket in tickets:
            key = self.chat_of(ticket)
            if key is not None and ticket.assignee and ticket.is_open:
                await self.takeover.take(key, ticket.assignee, await self.shown(ticket.assignee))

    def later(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run a coroutine in the background, tracked so it is not lost (or collected)."""
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)


@asynccontextmanager
async def running_casework(
    settings: Settings,
    hotline: Hotline,
    events: EventBus,
    takeover: Takeover,
    on_duty: Roster,
    chats: Collection[str] = (),
) -> AsyncIterator[Casework]:
    """The casework with its deadline watcher and automatic assignment running; on the way
    out they stop, and so does the work it started in the background."""
    casework = await build_casework(settings, hotline, events, takeover, on_duty, chats)
    try:
        async with (
            background(casework.watcher.run_forever(settings.deadline_check_seconds)),
            background(assign_forever(casework, settings.assign_every_seconds)),
        ):
            yield casework
    finally:
        for task in list(casework.tasks):
            task.cancel()


async def build_casework(
    settings: Settings,
    hotline: Hotline,
    events: EventBus,
    takeover: Takeover,
    on_duty: Roster,
    chats: Collection[str] = (),
) -> Casework:
    """`on_duty`: who has the console open, so assignment picks agents who are there."""
    lifecycle = Lifecycle(hotline.desk.store)
    mail = mail_sender(settings)
    notifier = supervisors(settings, mail, takeover)

    def publish_alert(alert: Alert) -> None:
        events.publish(Event(alert.kind, alert.to_data()))

    casework = Casework(
        hotline=hotline,
        accounts=Accounts(
            hotline.users,
            LoginPolicy(
                max_failures=settings.login_max_failures,
                window=timedelta(minutes=settings.login_lockout_minutes),
                max_failures_per_address=settings.login_failures_per_address,
                token_lifetime=timedelta(days=settings.token_days),
                session_length=timedelta(hours=settings.session_hours),
            ),
        ),
        lifecycle=lifecycle,
        assigner=Assigner(
            hotline.desk.store, lifecycle, hotline.users, on_duty, settings.agent_ticket_limit
        ),
        forwarder=Forwarder(lifecycle, hotline.routing, mail, settings.mail_from, hotline.users),
        watcher=DeadlineWatcher(
            hotline.desk.store,
            await hotline.storage.alerts(),
            utc_now,
            publish_alert,
            notifier,
        ),
        activity=ActivityRoster(),
        notifier=notifier,
        canned=await saved_canned(hotline.rules),
        takeover=takeover,
        chats=frozenset(chats),
        places=places_of((d, hotline.units.wards_of(d)) for d in hotline.units.districts),
    )
    # Every agency the rules name exists, flagged "chưa có địa chỉ" until an admin gives one.
    await seed_placeholders(hotline.routing, casework.places, hotline.units.province)

    def announce(ticket: Ticket) -> None:
        events.publish(ticket_event(ticket))

    def filed(ticket: Ticket) -> None:
        announce(ticket)
        if ticket.category == "emergency":  # every console and the supervisors hear at once
            events.publish(emergency_event(ticket))
            casework.later(
                notifier.notify(
                    f"[1022] Cấp cứu: {ticket.code}",
                    # It leaves the system (e-mail, a group chat): the reporter stays inside.
                    f"Phản ánh cấp cứu {ticket.code} vừa được tiếp nhận: "
                    f"{redact(ticket.description, ticket.reporter)}",
                )
            )

    def detailed(ticket: Ticket) -> None:
        announce(ticket)
        if ticket.category == "emergency":  # the address the responders need, as it comes
            events.publish(emergency_event(ticket))

    lifecycle.listeners.append(announce)
    hotline.desk.listeners.append(filed)
    hotline.desk.detail_listeners.append(detailed)
    return casework


async def assign_forever(casework: Casework, every: float) -> None:
    while True:
        try:
            await casework.join_chats(await casework.assigner.assign_waiting())
        except Exception:  # a busy database must not stop assignment for good
            log.exception("automatic assignment failed; trying again")
        await asyncio.sleep(every)
