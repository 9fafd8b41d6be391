"""The public notices page and its Atom feed: every notice kept, newest first, escaped."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from aiohttp.test_utils import TestClient

from hotline.web.keys import BROADCASTS

ATOM = "{http://www.w3.org/2005/Atom}"
TRICK = 'Lịch tiêm <script>alert("x")</script> & "chợ" đêm'


async def keep(client: TestClient, text: str, districts: tuple[str, ...] = ()) -> int:
    board = client.app[BROADCASTS].board  # type: ignore[index]
    notice = await board.publish(text, "an", districts, ("Thủ Dầu Một/Phú Cường",), ())
    return int(notice.id)


async def test_the_page_lists_notices_newest_first_with_their_area_escaped(
    client: TestClient,
) -> None:
    resp = await client.get("/notices")
    assert resp.status == 200 and "Chưa có thông báo nào" in await resp.text()
    await keep(client, "Xét nghiệm toàn dân ngày 12/12")
    await keep(client, TRICK, ("Dĩ An",))
    html = await (await client.get("/notices")).text()
    assert "<script>alert" not in html
    assert "Lịch tiêm &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;chợ&#34;" in html
    assert html.index("Lịch tiêm") < html.index("Xét nghiệm toàn dân")
    assert "Dĩ An, Phú Cường (Thủ Dầu Một)" in html
    assert 'href="/notices.atom"' in html


async def test_the_atom_feed_has_an_entry_per_notice(client: TestClient) -> None:
    first = await keep(client, "Xét nghiệm toàn dân ngày 12/12")
    second = await keep(client, TRICK)
    resp = await client.get("/notices.atom")
    assert resp.status == 200
    assert resp.content_type == "application/atom+xml"
    feed = ET.fromstring(await resp.read())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Thông báo của Tổng đài 1022 Bình Dương"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}content") for e in entries] == [
        TRICK,
        "Xét nghiệm toàn dân ngày 12/12",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids[0].endswith(f"/notices#notice-{second}")  # type: ignore[union-attr]
    assert ids[1].endswith(f"/notices#notice-{first}")  # type: ignore[union-attr]
    assert all(e.findtext(f"{ATOM}updated") for e in entries)
