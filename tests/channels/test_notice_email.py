"""Notices by e-mail: subscribed by letter, sent with a working unsubscribe link and the
List-Unsubscribe headers (RFC 2369, RFC 8058 one click)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from aiohttp.test_utils import TestClient

from hotline.bot.broadcasts import Target
from hotline.bot.dialogs import texts
from hotline.web.keys import BROADCASTS
from tests.channels import test_email as mailing
from tests.channels.test_email import Mail, letter
from tests.support.hotline import hotline_of
from tests.support.office import person

NOTICE = "Tỉnh chi hỗ trợ đợt 3 cho lao động tự do từ ngày 20/12 tại UBND phường."
# The e-mail tests' fixtures: Dovecot and an SMTP recorder, the app on them.
dovecot, mail, client = mailing.dovecot, mailing.mail, mailing.client


async def test_a_notice_mail_carries_a_one_click_unsubscribe_that_works(
    client: TestClient, mail: Mail
) -> None:
    raw, _ = letter("Đăng ký", "Tôi muốn đăng ký nhận thông báo toàn tỉnh")
    await mail.send(raw)
    [confirmed] = await mail.replies(1)
    assert "Đã đăng ký nhận thông báo của toàn tỉnh" in confirmed.text

    headers = await person(client, "chi-an", "supervisor")
    resp = await client.post("/api/broadcasts", json={"text": NOTICE}, headers=headers)
    assert resp.status == 201
    [_, notice] = await mail.replies(2)
    assert NOTICE in notice.text
    link = re.search(r"<(http[^>]+)>", notice.message["List-Unsubscribe"])
    assert link is not None
    assert notice.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link.group(1) in notice.text  # the link is in the body too
    path = urlsplit(link.group(1))
    target = f"{path.path}?{path.query}"

    page = await client.get(target)  # opening the link only shows the button
    assert page.status == 200 and "Hủy đăng ký" in await page.text()
    book = await hotline_of(client).storage.subscriptions()
    [subscription] = await book.everyone()
    assert subscription.key.channel == "email"
    forged = await client.post(target[:-2] + "xx", data={"List-Unsubscribe": "One-Click"})
    assert forged.status == 400 and len(await book.everyone()) == 1
    done = await client.post(target, data={"List-Unsubscribe": "One-Click"})
    assert done.status == 200 and texts.UNSUBSCRIBED in await done.text()
    assert await book.everyone() == []
    after = await client.app[BROADCASTS].preview(Target())  # type: ignore[index]
    assert after["subscribers"] == 0


async def test_a_letter_saying_huy_dang_ky_stops_the_notices(
    client: TestClient, mail: Mail
) -> None:
    raw, root = letter("Đăng ký", "đăng ký nhận thông báo thị xã Bến Cát")
    await mail.send(raw)
    [confirmed] = await mail.replies(1)
    assert "Đã đăng ký nhận thông báo của Bến Cát" in confirmed.text, confirmed.text
    # In the same thread: an e-mail conversation is one thread with one correspondent.
    raw, _ = letter("Re: Đăng ký", "hủy đăng ký", replying_to=confirmed, root=root)
    await mail.send(raw)
    [_, stopped] = await mail.replies(2)
    assert texts.UNSUBSCRIBED in stopped.text
    assert await (await hotline_of(client).storage.subscriptions()).everyone() == []
