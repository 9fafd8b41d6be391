"""`hotline user add|token|tokens|revoke|role|deactivate|activate|password`: people and API
tokens on the configured store. A password, role or status change ends that user's sessions
and tokens."""

from __future__ import annotations

import getpass
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import TextIO

from hotline.config import Settings
from hotline.handoff.accounts import Accounts, LoginPolicy
from hotline.handoff.users import UserExists
from hotline.storage.open import open_storage


@asynccontextmanager
async def accounts(settings: Settings) -> AsyncIterator[Accounts]:
    async with await open_storage(settings.store) as storage:
        policy = LoginPolicy(token_lifetime=timedelta(days=settings.token_days))
        yield Accounts(await storage.users(), policy)


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


async def manage(settings: Settings, action: str, name: str, value: str | None = None) -> int:
    """List or revoke a user's tokens, change their role, password or whether they may log in."""
    async with accounts(settings) as acc:
        if await acc.store.get(name) is None:
            print(f"no user {name}", file=sys.stderr)
            return 1
        try:
            if action == "tokens":
                for token in await acc.tokens(name):
                    state = "expired" if token.expired else "valid"
                    until = token.expires_at.isoformat(timespec="minutes")
                    print(f"{token.id}  issued {token.issued_at:%Y-%m-%d}  {state} until {until}")
            elif action == "revoke":
                print(f"revoked {await acc.revoke(name, value)} token(s) of {name}")
            elif action == "role":
                await acc.change_role(name, value or "")
                print(f"{name} is now {value}; their sessions and tokens ended")
            elif action in ("deactivate", "activate"):
                await acc.set_active(name, action == "activate")
                print(f"{name} {action}d; their sessions and tokens ended")
            elif action == "password":
                await acc.change_password(name, value or "")
                print(f"password of {name} changed; their sessions and tokens ended")
        except ValueError as exc:
            print(f"cannot {action} {name}: {exc}", file=sys.stderr)
            return 1
    return 0
