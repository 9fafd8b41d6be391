"""The Users page: tokens, roles and deactivation cut the person off; refusals in Vietnamese;
the name citizens see is kept."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.web.keys import CASEWORK
from tests.support.hotline import hotline_of
from tests.support.office import PASSWORD, login, person


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


@pytest.mark.parametrize(
    ("form", "said"),
    [
        ({"name": "l", "role": "agent"}, "Tên đăng nhập gồm 2-64 chữ cái"),
        ({"name": "lan", "role": "boss"}, "Hãy chọn một vai trò"),
        ({"name": "lan", "role": "agent", "password": "ngan"}, "Mật khẩu cần ít nhất"),
        ({"name": "lan", "role": "agency"}, "Chỉ người của cơ quan chức năng"),
    ],
)
async def test_a_refusal_says_why_in_vietnamese(
    client: TestClient, form: dict[str, str], said: str
) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    refused = await client.post(
        "/admin/users", data={"csrf_token": csrf, "password": PASSWORD, **form}
    )
    page = await refused.text()
    assert refused.status == 400 and said in page
    for english in ("a user name is", "role must be", "a password has", "agency staff need"):
        assert english not in page


async def test_a_display_name_is_saved_and_listed(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    form = {"name": "nv.lan01", "role": "agent", "password": PASSWORD, "display_name": "Lan"}
    added = await client.post("/admin/users", data={"csrf_token": csrf, **form})
    assert "Đã thêm người dùng" in await added.text()
    user = await hotline_of(client).users.get("nv.lan01")
    assert user is not None and user.display_name == "Lan"
    assert "<td>Lan</td>" in await (await client.get("/admin/users")).text()
