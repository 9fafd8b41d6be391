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
