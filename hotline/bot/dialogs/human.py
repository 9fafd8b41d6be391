"""'Let me talk to a person': a ticket for an agent, who replies in the same chat."""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due, file_ticket

# Said when someone is at the console: a person will pick the chat up in minutes.
HUMAN_SOON = (
    "Tôi đã chuyển yêu cầu tới tổng đài viên (mã phản ánh {code}). Tổng đài viên đang trực và "
    "sẽ trả lời bạn ngay tại đây trong ít phút. Xin bạn giữ cuộc trò chuyện này."
)
# Said when nobody is: the request waits in the queue, and the citizen learns the deadline.
HUMAN_QUEUED = (
    "Hiện chưa có tổng đài viên trực tuyến. Yêu cầu của bạn đã được xếp hàng chờ (mã phản ánh "
    "{code}) và sẽ được xử lý trước {due}. Tổng đài viên sẽ trả lời bạn ngay tại đây."
)


async def request_human(ctx: Context, state: ConversationState) -> Turn:
    description = ctx.message.text.strip() or texts.CATEGORY_NAMES["other"]
    ticket = await file_ticket(ctx, "other", description)
    said = HUMAN_SOON if ctx.services.agents.anyone_online() else HUMAN_QUEUED
    return Turn(state.finished(), (ctx.reply(said.format(code=ticket.code, due=due(ticket))),))
