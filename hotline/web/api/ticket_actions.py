"""The tickets API, working side: claim, talk to the citizen, change status, release, transfer,
internal notes. Each is role-checked and written through the lifecycle's compare-and-set."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.rating import survey
from hotline.bot.messages import ConversationKey
from hotline.handoff.confidentiality import may_work
from hotline.handoff.lifecycle import NotAllowed, Refused
from hotline.handoff.tickets import STATUSES, Ticket, TicketStatus
from hotline.handoff.users import STAFF, Role
from hotline.web.api.auth import requires, user_of
from hotline.web.api.ticket_queue import answers_errors, visible_ticket
from hotline.web.api.views import BadRequest, json_body, summary, text_field
from hotline.web.keys import CASEWORK, TAKEOVER

# What agency staff may do to a ticket sent to them: take it up, and answer it.
AGENCY_STATUSES = (TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED)
# Whom a ticket may be transferred to.
TAKES_TRANSFERS = (Role.AGENT, Role.SUPERVISOR)
NO_CHAT = {
    "phone": "Phản ánh nhận qua điện thoại không có cuộc trò chuyện; hãy gọi lại người báo.",
    "portal": (
        "Phản ánh gửi qua cổng thông tin không có cuộc trò chuyện; người dân theo dõi kết quả"
        " bằng mã phản ánh. Hãy ghi kết quả khi chuyển trạng thái."
    ),
}
NO_CHAT_OTHER = "Phản ánh này không có cuộc trò chuyện để trả lời."


def _chat(request: web.Request, ticket: Ticket) -> ConversationKey | None:
    """The citizen's conversation, if the ticket came from a channel we can answer on."""
    return request.app[CASEWORK].chat_of(ticket)


async def _worked(request: web.Request) -> Ticket:
    ticket = await visible_ticket(request)
    if not may_work(user_of(request), ticket):
        raise NotAllowed("only the ticket's agent, a supervisor or an admin may do this")
    return ticket


@requires(*STAFF)
@answers_errors
async def claim(request: web.Request) -> web.Response:
    """Take the ticket (one of two simultaneous claims wins, the other gets 409) and its chat."""
    user = user_of(request)
    await visible_ticket(request)
    casework = request.app[CASEWORK]
    ticket = await casework.lifecycle.claim(request.match_info["code"], user.name)
    key = _chat(request, ticket)
    if key is not None:
        await request.app[TAKEOVER].take(key, user.name, await casework.shown(user.name))
    return _view(request, ticket)


@requires(*STAFF)
@answers_errors
async def message(request: web.Request) -> web.Response:
    """An agent's reply, delivered to the citizen on their channel."""
    user = user_of(request)
    body = await json_body(request)
    text = text_field(body, "text")
    ticket = await _worked(request)
    key = _chat(request, ticket)
    if key is None:
        raise Refused(NO_CHAT.get(ticket.channel, NO_CHAT_OTHER))
    casework = request.app[CASEWORK]
    if ticket.status == TicketStatus.ASSIGNED:
        ticket = await casework.lifecycle.set_status(
            ticket.code, TicketStatus.IN_PROGRESS, user.name
        )
    shown = await casework.shown(user.name)
    await request.app[TAKEOVER].take(key, user.name, shown)  # writing is joining: the bot pauses
    items = await request.app[TAKEOVER].say(key, user.name, text, shown)
    return web.json_response({"sent": [{"id": i.id, "text": i.message.text} for i in items]})


@requires(*STAFF, Role.AGENCY)
@answers_errors
async def change_status(request: web.Request) -> web.Response:
    """`{"status", "note"}`; "forwarded" sends it to the agencies (`"agencies"` to choose),
    "resolved" tells the citizen the answer in the note and hands the chat back to the bot."""
    user = user_of(request)
    body = await json_body(request)
    asked = text_field(body, "status", limit=20)
    note = text_field(body, "note", required=False) or None
    if asked not in STATUSES:
        raise BadRequest(f"Trạng thái phải là một trong: {', '.join(STATUSES)}")
    status = TicketStatus(asked)
    ticket = await visible_ticket(request)
    if user.role == Role.AGENCY:
        if status not in AGENCY_STATUSES:
            raise NotAllowed("an agency may only take up or resolve a ticket sent to it")
    elif not may_work(user, ticket):
        raise NotAllowed("only the ticket's agent, a supervisor or an admin may do this")
    casework = request.app[CASEWORK]
    if status == TicketStatus.FORWARDED:
        agencies = body.get("agencies") or []
        if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
            raise BadRequest("Danh sách cơ quan (agencies) phải là danh sách tên.")
        sent = await casework.forwarder.forward(ticket.code, user.name, tuple(agencies), note)
        key = _chat(request, sent.ticket)
        if key is not None:  # the citizen hears where it went, by kind, never a staff login
            kind = texts.agency_kind(sent.ticket.forwarded_to)
            said = texts.STAFF_FORWARDED.format(code=sent.ticket.code, agency_kind=kind)
            await request.app[TAKEOVER].notify(key, said)
        return _view(request, sent.ticket, emailed=list(sent.emailed))
    ticket = await casework.lifecycle.set_status(ticket.code, status, user.name, note)
    key = _chat(request, ticket)
    if key is not None and status == TicketStatus.RESOLVED:
        template = texts.TICKET_RESOLVED_ANSWER if note else texts.TICKET_RESOLVED
        said = template.format(code=ticket.code, answer=note) + texts.TICKET_THANKS
        await request.app[TAKEOVER].notify(key, said)
    if key is not None and not status.is_open:
        await _hand_back_if_taken(request, key, user.name)
    letters = request.app[CASEWORK].hotline.engine.router.services.letter_channels
    if key is not None and status == TicketStatus.RESOLVED and key.channel not in letters:
        # Last, so its buttons are what the citizen sees: one question, answered with a button.
        await request.app[TAKEOVER].outbox.push([survey(key, ticket.code)])
    return _view(request, ticket)


async def _hand_back_if_taken(request: web.Request, key: ConversationKey, agent: str) -> None:
    casework = request.app[CASEWORK]
    state = await casework.hotline.conversations.load(key)
    if state.bot_paused:
        await request.app[TAKEOVER].hand_back(key, agent, await casework.shown(agent))


@requires(*STAFF)
@answers_errors
async def release(request: web.Request) -> web.Response:
    """Hand the conversation back to the bot; the ticket stays with its agent."""
    ticket = await _worked(request)
    key = _chat(request, ticket)
    if key is None:
        raise Refused(NO_CHAT.get(ticket.channel, NO_CHAT_OTHER))
    name = user_of(request).name
    await request.app[TAKEOVER].hand_back(key, name, await request.app[CASEWORK].shown(name))
    return _view(request, ticket)


@requires(*STAFF)
@answers_errors
async def transfer(request: web.Request) -> web.Response:
    """`{"to": agent, "note"?}`: by the ticket's agent, a supervisor or an admin."""
    user = user_of(request)
    body = await json_body(request)
    to = text_field(body, "to", limit=64)
    note = text_field(body, "note", required=False) or None
    ticket = await _worked(request)
    casework = request.app[CASEWORK]
    target = await casework.hotline.users.get(to)
    if target is None or not target.active or target.role not in TAKES_TRANSFERS:
        raise BadRequest(f"{to} không phải tổng đài viên hay giám sát viên.")
    ticket = await casework.lifecycle.transfer(ticket.code, to, user.name, note)
    key = _chat(request, ticket)
    if key is not None and ticket.is_open:
        # The live chat goes with the ticket: the one who had it leaves, the new agent joins.
        state = await casework.hotline.conversations.load(key)
        if state.bot_paused and state.agent and state.agent != to:
            await request.app[TAKEOVER].leave(key, state.agent, await casework.shown(state.agent))
        await request.app[TAKEOVER].take(key, to, await casework.shown(to))
    return _view(request, ticket)


@requires(*STAFF)
@answers_errors
async def add_note(request: web.Request) -> web.Response:
    """An internal note: shown in the console, never to the citizen or an agency."""
    user = user_of(request)
    text = text_field(await json_body(request), "text")
    ticket = await visible_ticket(request)
    ticket = await request.app[CASEWORK].lifecycle.note(ticket.code, user.name, text)
    return _view(request, ticket)


def _view(request: web.Request, ticket: Ticket, **extra: Any) -> web.Response:
    casework = request.app[CASEWORK]
    row = summary(ticket, user_of(request), casework.clock(), casework.hotline.pseudonyms)
    body = {"ticket": row, **extra}
    return web.json_response(body)


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.post("/api/tickets/{code}/claim", claim),
        web.post("/api/tickets/{code}/messages", message),
        web.post("/api/tickets/{code}/status", change_status),
        web.post("/api/tickets/{code}/release", release),
        web.post("/api/tickets/{code}/transfer", transfer),
        web.post("/api/tickets/{code}/notes", add_note),
    ]
