from datetime import timedelta

import pytest

from hotline.handoff.accounts import Accounts, LoginPolicy
from hotline.handoff.users import UserExists, digest
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import Clock

PASSWORD = "mật-khẩu-đủ-dài"


@pytest.fixture
async def accounts(storage: SqliteStorage, clock: Clock) -> Accounts:
    policy = LoginPolicy(max_failures=3, window=timedelta(minutes=15))
    return Accounts(await storage.users(), policy, clock)


async def test_users_have_roles_and_hashed_passwords(accounts: Accounts) -> None:
    user = await accounts.add_user("lan", "agent", PASSWORD)
    assert user.team == "agents" and user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    agency = await accounts.add_user("ca-tdm", "agency", PASSWORD, agency="Công an Thủ Dầu Một")
    assert agency.agency == "Công an Thủ Dầu Một" and agency.team is None
    with pytest.raises(UserExists):
        await accounts.add_user("lan", "agent", PASSWORD)
    for bad in [
        ("x", "agent", PASSWORD, None),
        ("minh", "boss", PASSWORD, None),
        ("minh", "agent", "short", None),
        ("minh", "agency", PASSWORD, None),
        ("minh", "agent", PASSWORD, "UBND"),
    ]:
        with pytest.raises(ValueError):
            await accounts.add_user(bad[0], bad[1], bad[2], agency=bad[3])


async def test_a_login_opens_a_session_that_expires(accounts: Accounts, clock: Clock) -> None:
    await accounts.add_user("lan", "agent", PASSWORD)
    login = await accounts.log_in("lan", PASSWORD)
    assert login.refused is None and login.session_id and login.session
    assert login.session.digest == digest(login.session_id)  # the id itself is not stored
    found = await accounts.session(login.session_id)
    assert found is not None and found[1].name == "lan"
    clock.advance(hours=13)
    assert await accounts.session(login.session_id) is None


async def test_repeated_failures_lock_the_account_for_a_while(
    accounts: Accounts, clock: Clock
) -> None:
    await accounts.add_user("lan", "agent", PASSWORD)
    assert (await accounts.log_in("lan", "sai-mat-khau")).refused == "bad"
    assert (await accounts.log_in("lan", "sai-mat-khau")).refused == "bad"
    assert (await accounts.log_in("lan", "sai-mat-khau")).refused == "locked"
    assert (await accounts.log_in("lan", PASSWORD)).refused == "locked"  # even the right one
    clock.advance(minutes=16)
    assert (await accounts.log_in("lan", PASSWORD)).refused is None
    assert (await accounts.log_in("nobody", PASSWORD)).refused == "bad"


async def test_a_stranger_cannot_lock_a_known_account_out_for_everyone(
    accounts: Accounts, clock: Clock
) -> None:
    await accounts.add_user("admin", "admin", PASSWORD)
    for _ in range(3):
        await accounts.log_in("admin", "doan-bua", "203.0.113.66")
    assert (await accounts.log_in("admin", PASSWORD, "203.0.113.66")).refused == "locked"
    assert (await accounts.log_in("admin", PASSWORD, "10.1.2.3")).refused is None  # the admin


async def test_an_address_guessing_across_accounts_is_throttled(
    accounts: Accounts, clock: Clock
) -> None:
    accounts.policy = LoginPolicy(max_failures=3, max_failures_per_address=5)
    await accounts.add_user("lan", "agent", PASSWORD)
    for i in range(5):
        assert (await accounts.log_in(f"user{i}", "x", "198.51.100.7")).refused == "bad"
    assert (await accounts.log_in("lan", PASSWORD, "198.51.100.7")).refused == "locked"
    assert (await accounts.log_in("lan", PASSWORD, "198.51.100.8")).refused is None
    clock.advance(minutes=16)
    assert (await accounts.log_in("lan", PASSWORD, "198.51.100.7")).refused is None


async def test_bearer_tokens_are_stored_as_digests(
    accounts: Accounts, storage: SqliteStorage
) -> None:
    await accounts.add_user("lan", "agent", PASSWORD)
    token = await accounts.issue_token("lan")
    user = await accounts.user_for_token(token)
    assert user is not None and user.name == "lan"
    assert await accounts.user_for_token(token + "x") is None
    sql = "SELECT digest FROM user_tokens"
    stored = await storage.db.query(lambda c: c.execute(sql).fetchall())
    assert [r[0] for r in stored] == [digest(token)]
    with pytest.raises(KeyError):
        await accounts.issue_token("nobody")


async def test_tokens_expire_and_can_be_listed_and_revoked(
    accounts: Accounts, clock: Clock
) -> None:
    await accounts.add_user("ca", "agency", PASSWORD, agency="Công an")
    first, second = await accounts.issue_token("ca"), await accounts.issue_token("ca")
    listed = await accounts.tokens("ca")
    assert len(listed) == 2 and not any(t.expired for t in listed)
    assert all(first not in t.id and len(t.id) == 12 for t in listed)
    assert await accounts.revoke("ca", listed[0].id) == 1
    assert [await accounts.user_for_token(t) is not None for t in (first, second)].count(True) == 1
    clock.advance(days=91)
    assert (
        await accounts.user_for_token(second) is None
        and await accounts.user_for_token(first) is None
    )
    assert all(t.expired for t in await accounts.tokens("ca"))
    assert await accounts.revoke("ca") == 1 and await accounts.tokens("ca") == []


async def test_a_password_role_or_status_change_ends_sessions_and_tokens(
    accounts: Accounts,
) -> None:
    await accounts.add_user("lan", "agent", PASSWORD)
    password, new = PASSWORD, "mật-khẩu-mới-đủ-dài"
    for change in ("password", "role", "status"):
        login = await accounts.log_in("lan", password)
        token = await accounts.issue_token("lan")
        assert login.session_id and await accounts.session(login.session_id) is not None
        assert await accounts.user_for_token(token) is not None
        if change == "password":
            await accounts.change_password("lan", new)
            password = new
        elif change == "role":
            await accounts.change_role("lan", "supervisor")
        else:
            await accounts.set_active("lan", False)
        assert await accounts.session(login.session_id) is None, change
        assert await accounts.user_for_token(token) is None, change
    user = await accounts.store.get("lan")
    assert user is not None and user.role == "supervisor" and not user.active
    assert (await accounts.log_in("lan", new)).refused == "bad"
    await accounts.set_active("lan", True)
    assert (await accounts.log_in("lan", new)).user is not None
