"""The broadcasts API: admins and supervisors send a notice to its subscribers and follow it.

`POST /api/broadcasts/preview` and `POST /api/broadcasts` take `{"text", "districts"?, "wards"?,
"channels"?}` (no district and no ward: the whole province); the first only counts who would
be reached, the second keeps the notice and starts sending. `GET /api/broadcasts/{id}` says how
far it got: sent, waiting, failed, skipped with the reason.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from hotline.bot.broadcasts import Target
from hotline.bot.nlu.admin_units import AdminUnits
from hotline.handoff.users import SUPERVISING
from hotline.web.api.auth import requires, user_of
from hotline.web.api.ticket_queue import answers_errors
from hotline.web.api.views import BadRequest, json_body, text_field
from hotline.web.keys import BROADCASTS, HOTLINE

CHANNELS = ("telegram", "viber", "zalo", "messenger", "email", "webchat", "rest")
TEXT_LIMIT = 2000  # Zalo OA's text limit, the smallest of the platforms'


def _names(body: dict[str, Any], field: str) -> list[str]:
    value = body.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise BadRequest(f"{field}: cần một danh sách tên (list of names)")
    return [v.strip() for v in value]


def _ward(units: AdminUnits, typed: str) -> str:
    """ "Phú Cường", "Phú Cường, Thủ Dầu Một" or "Thủ Dầu Một/Phú Cường" as "district/ward"."""
    district_typed, sep, ward_typed = typed.partition("/")
    if not sep:
        ward_typed, _, district_typed = typed.partition(",")
    ward = units.ward(ward_typed.strip())
    if ward is None:
        raise BadRequest(f"Không có phường/xã này: {typed}")
    hint = units.district(district_typed.strip()) if district_typed.strip() else None
    district = units.district_of(ward, hint)
    if district is None:
        choices = ", ".join(units.districts_of(ward))
        raise BadRequest(f'Có nhiều phường/xã tên {ward} ({choices}): xin ghi "{ward}, tên huyện"')
    return f"{district}/{ward}"


def target_of(body: dict[str, Any], units: AdminUnits) -> Target:
    districts = []
    for typed in _names(body, "districts"):
        found = units.district(typed)
        if found is None:
            raise BadRequest(f"Không có thành phố/thị xã/huyện này: {typed}")
        districts.append(found)
    wards = [_ward(units, typed) for typed in _names(body, "wards")]
    channels = _names(body, "channels")
    unknown = sorted(set(channels) - set(CHANNELS))
    if unknown:
        known = ", ".join(CHANNELS)
        raise BadRequest(f"Không có kênh: {', '.join(unknown)} (các kênh: {known})")
    return Target(tuple(dict.fromkeys(districts)), tuple(dict.fromkeys(wards)), tuple(channels))


async def _read(request: web.Request) -> tuple[str, Target]:
    body = await json_body(request)
    text = text_field(body, "text", limit=TEXT_LIMIT)
    return text, target_of(body, request.app[HOTLINE].units)


@requires(*SUPERVISING)
@answers_errors
async def preview(request: web.Request) -> web.Response:
    _, target = await _read(request)
    return web.json_response(await request.app[BROADCASTS].preview(target))


@requires(*SUPERVISING)
@answers_errors
async def send(request: web.Request) -> web.Response:
    text, target = await _read(request)
    broadcasts = request.app[BROADCASTS]
    counts = await broadcasts.preview(target)
    notice = await broadcasts.publish(text, user_of(request).name, target)
    body = {"id": notice.id, "url": f"/api/broadcasts/{notice.id}", "audience": counts}
    return web.json_response(body, status=201)


@requires(*SUPERVISING)
async def show(request: web.Request) -> web.Response:
    broadcasts = request.app[BROADCASTS]
    try:
        notice = await broadcasts.board.get(int(request.match_info["id"]))
    except ValueError:
        notice = None
    if notice is None:
        return web.json_response({"error": "no such broadcast"}, status=404)
    return web.json_response(await broadcasts.report(notice))


@requires(*SUPERVISING)
async def listing(request: web.Request) -> web.Response:
    notices = await request.app[BROADCASTS].board.latest(100)
    rows = [
        {"id": n.id, "text": n.text, "author": n.author, "created_at": n.created_at.isoformat()}
        for n in notices
    ]
    return web.json_response({"broadcasts": rows})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.post("/api/broadcasts/preview", preview),
        web.post("/api/broadcasts", send),
        web.get("/api/broadcasts", listing),
        web.get(r"/api/broadcasts/{id:\d+}", show),
    ]
