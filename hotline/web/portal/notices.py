"""The province's notices for everyone: a page on the portal and an Atom feed.

A notice's text is shown as its author typed it, escaped (the page by the template engine, the
feed by the XML writer), so nothing typed into a notice runs in a reader's browser.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.bot.notices import Notice
from hotline.bot.unsubscribe import PATH
from hotline.clock import utc_now
from hotline.handoff.deadlines import local_time
from hotline.web.keys import BROADCASTS, HOTLINE
from hotline.web.render import html_response

ATOM = "http://www.w3.org/2005/Atom"
SHOWN = 100
WHOLE_PROVINCE = "Toàn tỉnh"
FEED_TITLE = "Thông báo của Tổng đài 1022 Bình Dương"
UNSUBSCRIBE_TITLE = "Hủy đăng ký nhận thông báo"
BAD_LINK = "Đường dẫn hủy đăng ký không đúng hoặc đã hỏng. Xin mở lại đường dẫn trong thư."


def area_of(notice: Notice) -> str:
    """Where a notice is for, in words: "Toàn tỉnh", or its districts and wards."""
    wards = [f"{w.partition('/')[2]} ({w.partition('/')[0]})" for w in notice.wards]
    parts = [*notice.districts, *wards]
    return ", ".join(parts) if parts else WHOLE_PROVINCE


def _base(request: web.Request) -> str:
    public = request.app[HOTLINE].settings.public_url.rstrip("/")
    return public or str(request.url.origin())


async def page(request: web.Request) -> web.Response:
    notices = await request.app[BROADCASTS].board.latest(SHOWN)
    shown = [
        {"id": n.id, "text": n.text, "area": area_of(n), "at": local_time(n.created_at)}
        for n in notices
    ]
    return html_response("portal/notices.html", title="Thông báo", notices=shown, script=False)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


async def feed(request: web.Request) -> web.Response:
    notices = await request.app[BROADCASTS].board.latest(SHOWN)
    base = _base(request)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(root, f"{{{ATOM}}}title").text = FEED_TITLE
    ET.SubElement(root, f"{{{ATOM}}}id").text = f"{base}/notices"
    ET.SubElement(root, f"{{{ATOM}}}link", href=f"{base}/notices.atom", rel="self")
    ET.SubElement(root, f"{{{ATOM}}}link", href=f"{base}/notices", rel="alternate")
    newest = notices[0].created_at if notices else utc_now()
    ET.SubElement(root, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Tổng đài 1022"
    for notice in notices:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        first_line = notice.text.strip().splitlines()[0] if notice.text.strip() else ""
        title = first_line if len(first_line) <= 80 else first_line[:79] + "…"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{area_of(notice)}: {title}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base}/notices#notice-{notice.id}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base}/notices#notice-{notice.id}")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(notice.created_at)
        ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = notice.text
        ET.SubElement(entry, f"{{{ATOM}}}category", term=area_of(notice))
    body = ET.tostring(root, encoding="unicode", xml_declaration=True)
    return web.Response(text=body, content_type="application/atom+xml", charset="utf-8")


def _message(heading: str, message: str, status: int = 200) -> web.Response:
    return html_response(
        "portal/message.html",
        status=status,
        title=heading,
        heading=heading,
        message=message,
        back="/notices",
        back_label="Xem các thông báo",
        script=False,
    )


async def unsubscribe_page(request: web.Request) -> web.Response:
    """What the mail's link opens: a button, since mail scanners open links by themselves."""
    token = request.query.get("t", "")
    links = request.app[BROADCASTS].links
    if links is None or links.key_of(token) is None:
        return _message(UNSUBSCRIBE_TITLE, BAD_LINK, 400)
    return html_response(
        "portal/unsubscribe.html", title=UNSUBSCRIBE_TITLE, token=token, script=False
    )


async def unsubscribe(request: web.Request) -> web.Response:
    """The button, or the mail program's one-click post (RFC 8058): the token is the proof."""
    form = await request.post()
    token = str(form.get("t") or request.query.get("t", ""))
    links = request.app[BROADCASTS].links
    key = links.key_of(token) if links is not None else None
    if key is None:
        return _message(UNSUBSCRIBE_TITLE, BAD_LINK, 400)
    await request.app[BROADCASTS].subscriptions.stop(key)
    return _message(UNSUBSCRIBE_TITLE, texts.UNSUBSCRIBED)


def routes() -> list[web.RouteDef]:
    return [
        web.get("/notices", page),
        web.get("/notices.atom", feed),
        web.get(PATH, unsubscribe_page),
        web.post(PATH, unsubscribe),
    ]
