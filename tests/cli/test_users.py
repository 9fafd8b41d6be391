"""`hotline user add` and `hotline user token`, run as the command they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hotline.handoff.accounts import Accounts
from hotline.storage.open import open_storage

ROOT = Path(__file__).resolve().parents[2]


def hotline(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOTLINE_STORE": f"sqlite:///{tmp_path}/hotline.db",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "hotline.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env of the checkout
        env=env,
        timeout=60,
    )


async def test_add_a_user_with_the_password_on_stdin_then_get_a_token(tmp_path: Path) -> None:
    added = hotline(
        tmp_path,
        "user",
        "add",
        "ca-tdm",
        "--role",
        "agency",
        "--agency",
        "Công an Thủ Dầu Một",
        stdin="mật-khẩu-đủ-dài\n",
    )
    assert added.returncode == 0, added.stderr
    assert "added ca-tdm (agency, agency Công an Thủ Dầu Một)" in added.stdout
    again = hotline(tmp_path, "user", "add", "ca-tdm", "--role", "agent", stdin="x" * 12)
    assert again.returncode == 1 and "exists" in again.stderr
    short = hotline(tmp_path, "user", "add", "lan", "--role", "agent", stdin="ngan\n")
    assert short.returncode == 1 and "8 characters" in short.stderr

    issued = hotline(tmp_path, "user", "token", "ca-tdm")
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    assert token.startswith("hl_") and len(token) > 40
    assert hotline(tmp_path, "user", "token", "nobody").returncode == 1

    storage = await open_storage(f"sqlite:///{tmp_path}/hotline.db")
    try:
        accounts = Accounts(await storage.users())
        user = await accounts.user_for_token(token)
        assert user is not None and user.role == "agency"
        assert (await accounts.log_in("ca-tdm", "mật-khẩu-đủ-dài")).user is not None
    finally:
        await storage.close()


async def test_tokens_listed_revoked_and_users_changed_from_the_command(tmp_path: Path) -> None:
    assert (
        hotline(tmp_path, "user", "add", "lan", "--role", "agent", stdin=PASSWORD).returncode == 0
    )
    token = hotline(tmp_path, "user", "token", "lan").stdout.strip()
    hotline(tmp_path, "user", "token", "lan")
    listed = hotline(tmp_path, "user", "tokens", "lan")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2
    assert token not in listed.stdout and "valid until" in listed.stdout
    first = listed.stdout.split()[0]
    revoked = hotline(tmp_path, "user", "revoke", "lan", "--token", first)
    assert "revoked 1 token(s)" in revoked.stdout
    assert "revoked 1 token(s)" in hotline(tmp_path, "user", "revoke", "lan").stdout
    assert hotline(tmp_path, "user", "role", "lan", "supervisor").returncode == 0
    assert hotline(tmp_path, "user", "deactivate", "lan").returncode == 0
    assert hotline(tmp_path, "user", "tokens", "nobody").returncode == 1
    storage = await open_storage(f"sqlite:///{tmp_path}/hotline.db")
    try:
        accounts = Accounts(await storage.users())
        assert await accounts.user_for_token(token) is None
        user = await accounts.store.get("lan")
        assert user is not None and user.role == "supervisor" and not user.active
        assert (await accounts.log_in("lan", PASSWORD)).refused == "bad"
    finally:
        await storage.close()
    assert hotline(tmp_path, "user", "activate", "lan").returncode == 0
    changed = hotline(tmp_path, "user", "password", "lan", stdin="mật-khẩu-mới-đủ-dài\n")
    assert changed.returncode == 0, changed.stderr


PASSWORD = "mật-khẩu-đủ-dài\n"
