"""The dashboard page and its CSV export, for supervisors and admins."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from aiohttp import web

from hotline.bot.dialogs.texts import CATEGORY_NAMES, INTENT_NAMES
from hotline.handoff.deadlines import VIETNAM
from hotline.handoff.store import TicketQuery
from hotline.handoff.users import SUPERVISING
from hotline.web.admin.charts import bars, columns
from hotline.web.admin.dashboard import Dashboard, Period, dashboard
from hotline.web.admin.guard import page_for, viewer
from hotline.web.admin.layout import page
from hotline.web.admin.notice_figures import notice_charts
from hotline.web.admin.opinion_figures import OpinionFigures, opinion_figures
from hotline.web.day_range import sane_day
from hotline.web.keys import ADMIN_TOOLS, BROADCASTS

DEFAULT_DAYS = 7
MAX_DAYS = 366
CHANNEL_NAMES = {
    "rest": "Ứng dụng di động",
    "webchat": "Cổng thông tin (web)",
    "zalo": "Zalo",
    "viber": "Viber",
    "telegram": "Telegram",
    "messenger": "Messenger",
    "phone": "Điện thoại",
    "email": "E-mail",
}


def period_of(query: dict[str, str], today: date) -> tuple[Period, str]:
    """The period asked for (`from`, `to` as YYYY-MM-DD), else the last week; and any problem."""
    default = Period(today - timedelta(days=DEFAULT_DAYS - 1), today)
    try:
        first = date.fromisoformat(query["from"]) if query.get("from") else default.first
        last = date.fromisoformat(query["to"]) if query.get("to") else default.last
    except ValueError:
        return default, "Ngày không hợp lệ; đang hiển thị 7 ngày gần nhất."
    first, last = sane_day(first), sane_day(last)
    if first > last:
        return default, "Ngày bắt đầu sau ngày kết thúc; đang hiển thị 7 ngày gần nhất."
    if (last - first).days >= MAX_DAYS:
        return Period(last - timedelta(days=MAX_DAYS - 1), last), "Tối đa 366 ngày."
    return Period(first, last), ""


async def figures_for(request: web.Request) -> tuple[Dashboard, str]:
    admin = request.app[ADMIN_TOOLS]
    now = datetime.now(VIETNAM)
    period, problem = period_of(dict(request.query), now.date())
    contacts = await admin.contacts.between(period.since, period.until)
    questions = await admin.questions.between(period.since, period.until)
    filed = TicketQuery(created_from=period.since, created_until=period.until, limit=1_000_000)
    tickets = await admin.hotline.desk.store.find(filed)
    return dashboard(period, contacts, questions, tickets, now), problem


async def opinions_for(request: web.Request, period: Period) -> OpinionFigures:
    log = request.app[ADMIN_TOOLS].hotline.opinions
    found = await log.between(period.since, period.until) if log is not None else []
    return opinion_figures(found)


@page_for(*SUPERVISING)
async def dashboard_page(request: web.Request) -> web.StreamResponse:
    board, problem = await figures_for(request)
    opinions = await opinions_for(request, board.period)
    p = board.period
    days = [d.strftime("%d/%m") for d in p.days]
    by_day = {CHANNEL_NAMES.get(c, c): v for c, v in board.contacts_by_day.items()}
    by_hour = {CHANNEL_NAMES.get(c, c): v for c, v in board.contacts_by_hour.items()}
    deadlines = board.deadlines
    sla = [
        ("Đúng hạn", deadlines.met),
        ("Trễ hạn", deadlines.missed),
        ("Đang xử lý, còn hạn", deadlines.open_on_time),
    ]
    categories = [(CATEGORY_NAMES.get(c, c), n) for c, n in board.tickets_by_category]
    done = deadlines.met + deadlines.missed
    kpis = (
        (board.contacts, "lượt liên hệ"),
        (board.messages, "tin nhắn"),
        (board.tickets, "phiếu phản ánh"),
        (
            _percent(board.faq_answer_rate),
            f"câu hỏi FAQ được trả lời ({board.faq_answered}/{board.faq_asked})",
        ),
        (_percent(board.share_handed), "cuộc trò chuyện chuyển cho người"),
        (_percent(deadlines.met_rate), f"xử lý đúng hạn ({deadlines.met}/{done})"),
        (_duration(board.median_first_response), "trung vị đến khi có người xử lý"),
        (_duration(board.median_resolution), "trung vị đến khi giải quyết xong"),
        (
            _percent(opinions.satisfied_rate),
            f"người dân hài lòng sau xử lý ({opinions.satisfied}/{opinions.surveyed})",
        ),
        (f"{opinions.helpful} 👍 · {opinions.not_helpful} 👎", "đánh giá câu trả lời FAQ"),
    )
    hours = [f"{h}h" for h in range(24)]
    intents = [(INTENT_NAMES.get(name, name), n) for name, n in board.intents[:12]]
    thin = max(1, len(days) // 12)
    charts = (
        ("Liên hệ theo ngày và kênh", columns(days, by_day, "Liên hệ theo ngày", thin)),
        ("Liên hệ theo giờ trong ngày", columns(hours, by_hour, "Liên hệ theo giờ", 3)),
        ("Ý định của tin nhắn", bars(intents, "Ý định")),
        ("Phiếu theo loại", bars(categories, "Phiếu theo loại")),
        ("Phiếu theo quận, huyện", bars(board.tickets_by_district[:12], "Phiếu theo địa bàn")),
        ("Thời hạn xử lý", bars(sla, "Thời hạn", ("#59a14f", "#e15759", "#76b7b2"))),
        *await notice_charts(request.app[BROADCASTS], p.since, p.until),
    )
    return page(
        viewer(request),
        "Bảng số liệu",
        "dashboard.html",
        active="/admin/dashboard",
        period=p,
        query=f"from={p.first.isoformat()}&to={p.last.isoformat()}",
        problem=problem,
        kpis=kpis,
        charts=charts,
    )


@page_for(*SUPERVISING)
async def dashboard_csv(request: web.Request) -> web.StreamResponse:
    board, _ = await figures_for(request)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("figure", "label", "channel", "value"))
    for channel, counts in board.contacts_by_day.items():
        for day, n in zip(board.period.days, counts, strict=True):
            writer.writerow(("contacts_by_day", day.isoformat(), channel, n))
    for channel, counts in board.contacts_by_hour.items():
        for hour, n in enumerate(counts):
            writer.writerow(("contacts_by_hour", hour, channel, n))
    for name, rows in (
        ("intent", board.intents),
        ("tickets_by_category", board.tickets_by_category),
        ("tickets_by_district", board.tickets_by_district),
    ):
        writer.writerows((name, label, "", n) for label, n in rows)
    d = board.deadlines
    for label, value in (
        ("deadlines_met", d.met),
        ("deadlines_missed", d.missed),
        ("open_on_time", d.open_on_time),
        ("open_overdue", d.open_overdue),
        ("faq_asked", board.faq_asked),
        ("faq_answered", board.faq_answered),
        ("conversations", board.conversations),
        ("handed_to_people", board.handed_to_people),
        ("median_first_response_seconds", _seconds(board.median_first_response)),
        ("median_resolution_seconds", _seconds(board.median_resolution)),
    ):
        writer.writerow(("summary", label, "", value))
    name = f"bang-so-lieu-1022-{board.period.first}-{board.period.last}.csv"
    return web.Response(
        text="\ufeff" + out.getvalue(),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _duration(value: timedelta | None) -> str:
    if value is None:
        return "—"
    minutes = round(value.total_seconds() / 60)
    return f"{minutes} phút" if minutes < 120 else f"{minutes / 60:.1f} giờ".replace(".", ",")


def _seconds(value: timedelta | None) -> str:
    return "" if value is None else str(round(value.total_seconds()))
