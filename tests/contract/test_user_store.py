"""The UserStore contract: users, tokens, sessions, failed logins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hotline.handoff.users import Session, User, UserExists
from hotline.storage.base import Storage

# The real clock: MongoDB's TTL index drops sessions whose expiry has passed by it.
NOW = datetime.now(UTC).replace(microsecond=0)


def user(name: str, active: bool = True) -> User:
    return User(name, "agent", "hash", team="agents", active=active, created_at=NOW)


async def test_users_tokens_sessions_and_failures(storage: Storage) -> None:
    users = await storage.users()
    await users.add(user("lan"))
    await users.add(User("an", "admin", "h2", created_at=NOW))
    with pytest.raises(UserExists):
        await users.add(user("lan"))
    assert await users.get("lan") == user("lan")
    assert [u.name for u in await users.list()] == ["an", "lan"]
    await users.set_password("lan", "new-hash")
    got = await users.get("lan")
    assert got is not None and got.password_hash == "new-hash"

    await users.add_token("lan", "digest-1", NOW)
    token_user = await users.user_for_token("digest-1")
    assert token_user is not None and token_user.name == "lan"
    assert await users.user_for_token("digest-2") is None

    session = Session("s1", "lan", "csrf", NOW, NOW + timedelta(hours=8))
    await users.add_session(session)
    assert await users.session("s1", NOW + timedelta(hours=1)) == session
    assert await users.session("s1", NOW + timedelta(hours=9)) is None
    await users.end_session("s1")
    assert await users.session("s1", NOW) is None

    for minutes in (1, 2, 3):
        await users.record_failure("lan", NOW + timedelta(minutes=minutes))
    assert await users.failures_since("lan", NOW + timedelta(minutes=2)) == 2
    await users.clear_failures("lan")
    assert await users.failures_since("lan", NOW) == 0


async def test_tokens_listed_and_revoked_sessions_ended_roles_and_status_changed(
    storage: Storage,
) -> None:
    users = await storage.users()
    await users.add(user("lan"))
    await users.add(user("binh"))
    await users.add_token("lan", "digest-a", NOW)
    await users.add_token("lan", "digest-b", NOW + timedelta(minutes=1))
    await users.add_token("binh", "digest-c", NOW)
    assert await users.token("digest-a") == ("lan", NOW)
    assert await users.token("nope") is None
    assert await users.tokens_of("lan") == [
        ("digest-a", NOW),
        ("digest-b", NOW + timedelta(minutes=1)),
    ]
    await users.revoke_tokens("lan", "digest-a")
    await users.revoke_tokens("lan", "digest-c")  # not hers: stays
    assert [d for d, _ in await users.tokens_of("lan")] == ["digest-b"]
    assert await users.user_for_token("digest-c") is not None
    await users.revoke_tokens("lan")
    assert await users.tokens_of("lan") == [] and await users.user_for_token("digest-b") is None

    for digest, name in (("s-lan-1", "lan"), ("s-lan-2", "lan"), ("s-binh", "binh")):
        await users.add_session(Session(digest, name, "csrf", NOW, NOW + timedelta(hours=8)))
    await users.end_sessions("lan")
    assert (
        await users.session("s-lan-1", NOW) is None and await users.session("s-lan-2", NOW) is None
    )
    assert await users.session("s-binh", NOW) is not None

    await users.update("lan", role="supervisor")
    await users.update("binh", active=False)
    lan, binh = await users.get("lan"), await users.get("binh")
    assert lan is not None and lan.role == "supervisor" and lan.active and lan.team == "agents"
    assert binh is not None and not binh.active and binh.role == "agent"


async def test_a_display_name_is_kept_for_citizens_to_see(storage: Storage) -> None:
    users = await storage.users()
    shown = User("nv.lan01", "agent", "h", team="agents", created_at=NOW, display_name="Lan")
    await users.add(shown)
    await users.add(user("an"))
    assert await users.get("nv.lan01") == shown
    got = await users.get("an")
    assert got is not None and got.display_name is None
