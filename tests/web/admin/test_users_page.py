"""Tokens, roles and deactivation on the admin users page: each change cuts the person off."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.web.keys import CASEWORK
from tests.support.office import login, person


async def test_an_admin_revokes_tokens_changes_a_role_and_deactivates(client: TestClient) -> None:
    await person(client, "an", "admin")
    agency = await person(client, "ca-tdm", "agency", agency="Công an Thủ Dầu Một")
    accounts = client.app[CASEWORK].accounts  # type: ignore[index]
    csrf = await login(client, "an")
    [issued] = await accounts.tokens("ca-tdm")
    page = await (await client.get("/admin/users")).text()
    assert issued.id in page and agency["Authorization"].split()[1] not in page
    assert (await client.get("/api/me", headers=agency)).status == 200

    revoked = await client.post(
        "/admin/users/ca-tdm/tokens/revoke", data={"csrf_token": csrf, "token": issued.id}
    )
    assert "Đã thu hồi" in await revoked.text()
    assert (await client.get("/api/me", headers=agency)).status == 401

    await person(client, "lan", "agent")
    lan = {"Authorization": f"Bearer {await accounts.issue_token('lan')}"}
    role = await client.post(
        "/admin/users/lan/role", data={"csrf_token": csrf, "role": "supervisor"}
    )
    assert "Đã đổi vai trò" in await role.text()
    assert (await client.get("/api/me", headers=lan)).status == 401  # cut off
    user = await accounts.store.get("lan")
    assert user is not None and user.role == "supervisor"

    lan = {"Authorization": f"Bearer {await accounts.issue_token('lan')}"}
    off = await client.post("/admin/users/lan/active", data={"csrf_token": csrf, "active": "0"})
    assert "Đã đổi trạng thái" in await off.text() and "Đã khóa" in await off.text()
    assert (await client.get("/api/me", headers=lan)).status == 401
    self_lock = await client.post(
        "/admin/users/an/active", data={"csrf_token": csrf, "active": "0"}
    )
    assert self_lock.status == 400
