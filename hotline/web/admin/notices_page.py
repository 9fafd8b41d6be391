"""Notices to subscribers on an admin page: write, preview the audience, send, follow delivery.

Admins and supervisors. The form is posted twice: "Xem trước" counts who would be reached (and
who the platforms' rules leave out), "Gửi thông báo" keeps the notice and starts sending it.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web
from multidict import MultiDictProxy

from hotline.handoff.users import SUPERVISING
from hotline.web.admin.guard import page_for, viewer
from hotline.web.admin.layout import page, see_other
from hotline.web.api.broadcasts import CHANNELS, TEXT_LIMIT, target_of
from hotline.web.api.views import BadRequest
from hotline.web.keys import BROADCASTS, HOTLINE
from hotline.web.portal.notices import area_of

CHANNEL_NAMES = {
    "telegram": "Telegram",
    "viber": "Viber",
    "zalo": "Zalo",
    "messenger": "Messenger",
    "email": "Thư điện tử",
    "webchat": "Khung chat trên web",
    "rest": "Ứng dụng di động",
}
SKIP_REASONS = {
    "messenger_outside_24h": "Messenger: quá 24 giờ kể từ tin nhắn cuối của người dân",
    "zalo_outside_48h": "Zalo OA: quá 48 giờ kể từ tin nhắn cuối của người dân",
    "channel_off": "Kênh chưa bật trên tổng đài",
}


def _form_body(form: MultiDictProxy[Any]) -> dict[str, Any]:
    """The form as the API's body: wards one per line ("Phú Cường" or "An Bình, Dĩ An")."""
    wards = [w.strip() for w in str(form.get("wards", "")).splitlines() if w.strip()]
    return {
        "text": str(form.get("text", "")),
        "districts": [str(d) for d in form.getall("districts", [])],
        "wards": wards,
        "channels": [str(c) for c in form.getall("channels", [])],
    }


@page_for(*SUPERVISING)
async def notices_page(request: web.Request) -> web.StreamResponse:
    return await _page(request, {"text": "", "districts": [], "wards": [], "channels": []})


@page_for(*SUPERVISING)
async def write_notice(request: web.Request) -> web.StreamResponse:
    body = _form_body(await request.post())
    broadcasts = request.app[BROADCASTS]
    try:
        if not body["text"].strip():
            raise BadRequest("Xin nhập nội dung thông báo.")
        if len(body["text"]) > TEXT_LIMIT:
            raise BadRequest(f"Thông báo dài quá {TEXT_LIMIT} ký tự.")
        target = target_of(body, request.app[HOTLINE].units)
    except BadRequest as exc:
        return await _page(request, body, error=str(exc), status=400)
    if (await request.post()).get("action") != "send":
        return await _page(request, body, preview=await broadcasts.preview(target))
    notice = await broadcasts.publish(body["text"].strip(), viewer(request).name, target)
    return see_other(f"/admin/notices/{notice.id}")


@page_for(*SUPERVISING)
async def notice_page(request: web.Request) -> web.StreamResponse:
    broadcasts = request.app[BROADCASTS]
    notice = await broadcasts.board.get(int(request.match_info["id"]))
    if notice is None:
        raise web.HTTPNotFound(text="không có thông báo này")
    report = await broadcasts.report(notice)
    return page(
        viewer(request),
        f"Thông báo số {notice.id}",
        "notice.html",
        active="/admin/notices",
        notice=notice,
        area=area_of(notice),
        report=report,
        reasons=SKIP_REASONS,
        channel_names=CHANNEL_NAMES,
    )


async def _page(
    request: web.Request,
    body: dict[str, Any],
    error: str = "",
    preview: dict[str, Any] | None = None,
    status: int = 200,
) -> web.Response:
    board = request.app[BROADCASTS].board
    notices = [(n, area_of(n)) for n in await board.latest(50)]
    return page(
        viewer(request),
        "Thông báo",
        "notices.html",
        status=status,
        active="/admin/notices",
        body=body,
        districts=request.app[HOTLINE].units.districts,
        channels=[(c, CHANNEL_NAMES[c]) for c in CHANNELS],
        error=error,
        preview=preview,
        reasons=SKIP_REASONS,
        channel_names=CHANNEL_NAMES,
        notices=notices,
        limit=TEXT_LIMIT,
    )
