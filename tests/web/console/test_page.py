"""The console page and its labels: staff only, strict about what the page may load."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from tests.web.console.conftest import LogIn


async def test_without_a_login_the_page_sends_you_to_log_in(client: TestClient) -> None:
    resp = await client.get("/console", allow_redirects=False)
    assert resp.status == 302
    assert resp.headers["Location"] == "/login?next=/console"


async def test_an_agent_gets_the_page_which_loads_only_our_own_files(
    client: TestClient, log_in: LogIn
) -> None:
    an = await log_in("an")
    resp = await client.get("/console", headers=an.headers)
    assert resp.status == 200
    page = await resp.text()
    assert '<html lang="vi">' in page and "Hàng chờ" in page
    policy = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    script = await client.get("/console/static/console.js")
    assert script.status == 200 and "LiveLine" in await script.text()


async def test_agency_staff_are_turned_away(client: TestClient, log_in: LogIn) -> None:
    agency = await log_in("cong-an-di-an", "agency", agency="Công an TP Dĩ An")
    resp = await client.get("/console", headers=agency.headers, allow_redirects=False)
    assert resp.status == 403
    assert "tổng đài viên" in await resp.text()


async def test_labels_name_categories_statuses_and_the_provinces_areas(
    client: TestClient, log_in: LogIn
) -> None:
    assert (await client.get("/console/labels")).status == 401
    an = await log_in("an")
    labels = await (await client.get("/console/labels", headers=an.headers)).json()
    categories = {c["code"]: c["name"] for c in labels["categories"]}
    assert categories["violation"] == "Phản ánh vi phạm" and len(categories) == 7
    assert {s["code"] for s in labels["statuses"]} >= {"new", "resolved", "closed"}
    districts = {d["name"]: d["wards"] for d in labels["districts"]}
    assert len(districts) == 9 and "Phú Cường" in districts["Thủ Dầu Một"]


def test_citizens_text_never_goes_in_as_markup() -> None:
    """The page's scripts build every node from text; none may parse strings as HTML."""
    from hotline.web.console.routes import STATIC

    for script in STATIC.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in source, f"{script.name} uses {sink}"
