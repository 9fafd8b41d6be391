"""`hotline user add` and `hotline user token`: people and API tokens on the configured store."""

from __future__ import annotations

import getpass
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TextIO

from hotline.config import Settings
from hotline.handoff.accounts import Accounts
from hotline.handoff.users import UserExists
from hotline.storage.open import open_storage


@asynccontextmanager
async def accounts(settings: Settings) -> AsyncIterator[Accounts]:
    async with await open_storage(settings.store) as storage:
        yield Accounts(await storage.users())


def read_password(stdin: TextIO = sys.stdin) -> str:
    """From stdin when it is not a terminal (scripts, pipes); else asked twice, unechoed."""
    if not stdin.isatty():
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValueError("the two passwords differ")
    return first


async def add_user(
    settings: Settings,
    name: str,
    role: str,
    team: str | None,
    agency: str | None,
    password: str,
    display_name: str | None = None,
) -> int:
    async with accounts(settings) as acc:
        try:
            user = await acc.add_user(name, role, password, team, agency, display_name)
        except (ValueError, UserExists) as exc:
            reason = f"user {name} exists already" if isinstance(exc, UserExists) else str(exc)
            print(f"cannot add {name}: {reason}", file=sys.stderr)
            return 1
    where = f", team {user.team}" if user.team else ""
    where += f", agency {user.agency}" if user.agency else ""
    print(f"added {user.name} ({user.role}{where})")
    return 0


async def issue_token(settings: Settings, name: str) -> int:
    async with accounts(settings) as acc:
        try:
            token = await acc.issue_token(name)
        except KeyError:
            print(f"no user {name}", file=sys.stderr)
            return 1
    print(token)
    return 0
