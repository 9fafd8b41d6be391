"""The Users page speaks Vietnamese when it refuses, and keeps the name citizens see."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.hotline import hotline_of
from tests.support.office import PASSWORD, login, person


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
