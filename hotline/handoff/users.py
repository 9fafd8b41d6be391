"""The people on the hotline's side: agents, supervisors, admins and agencies' staff."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a person does on the hotline's side; the values are what stores and the API carry."""

    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    AGENCY = "agency"  # an agency's staff: sees only what was forwarded to their agency


ROLES: tuple[Role, ...] = tuple(Role)
STAFF: tuple[Role, ...] = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
SUPERVISING: tuple[Role, ...] = (Role.SUPERVISOR, Role.ADMIN)
# Who may see a reporter's identity besides the ticket's own agent.
SEE_REPORTERS: tuple[Role, ...] = SUPERVISING
DEFAULT_TEAMS = {Role.AGENT: "agents", Role.SUPERVISOR: "supervisors"}
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


class UserExists(Exception):
    pass


@dataclass(frozen=True)
class User:
    """`team` groups agents for routing; `agency` is set for (and only for) agency staff."""

    name: str
    role: Role
    password_hash: str
    team: str | None = None
    agency: str | None = None
    active: bool = True
    created_at: datetime | None = None
    # How citizens see this person ("Lan" → "Tổng đài viên Lan"); never the login.
    display_name: str | None = None

    def __post_init__(self) -> None:
        # Stores and forms give the plain string; the user holds the word's type.
        object.__setattr__(self, "role", Role(self.role))

    @classmethod
    def new(
        cls,
        name: str,
        role: str,
        password_hash: str,
        team: str | None = None,
        agency: str | None = None,
        created_at: datetime | None = None,
        display_name: str | None = None,
    ) -> User:
        """A checked new user; ValueError says what is wrong."""
        if not _NAME.match(name):
            raise ValueError("a user name is 2-64 letters, digits or . _ @ -")
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if (role == Role.AGENCY) != bool(agency):
            raise ValueError("agency staff need --agency, and only they may have one")
        team = team or DEFAULT_TEAMS.get(Role(role))
        shown = (display_name or "").strip()[:60] or None
        return cls(name, Role(role), password_hash, team, agency or None, True, created_at, shown)

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF

    def public(self) -> dict[str, Any]:
        """What others may see of a user (never the hash)."""
        return {
            "name": self.name,
            "role": self.role.value,
            "team": self.team,
            "agency": self.agency,
            "display_name": self.display_name,
        }

    def to_record(self) -> dict[str, Any]:
        """What a store keeps: the role as its plain word."""
        return {**self.__dict__, "role": self.role.value}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> User:
        return cls(
            name=record["name"],
            role=record["role"],
            password_hash=record["password_hash"],
            team=record.get("team"),
            agency=record.get("agency"),
            active=bool(record.get("active", True)),
            created_at=record["created_at"],
            display_name=record.get("display_name") or None,
        )


@dataclass(frozen=True)
class Session:
    """A console login. Only the digest of its cookie is stored; `csrf` guards its posts."""

    digest: str
    user: str
    csrf: str
    created_at: datetime
    expires_at: datetime

    def to_record(self) -> dict[str, Any]:
        """What a store keeps: the user under `name`, as every back end has it."""
        record = dict(self.__dict__)
        record["name"] = record.pop("user")
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Session:
        fields = ("digest", "csrf", "created_at", "expires_at")
        return cls(user=record["name"], **{k: record[k] for k in fields})


def new_secret(prefix: str = "") -> str:
    """A random bearer token or session id (256 bits)."""
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the store keeps of a token: random 256-bit secrets need no slow hash, only a one-way
    one, so a leaked database gives no usable token."""
    return hashlib.sha256(secret.encode()).hexdigest()
