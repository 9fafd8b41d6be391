"""The audit log: every showing of a reporter's identity, with who, when, which ticket and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    role: str
    code: str
    why: str
    what: str = "reporter"

    def to_doc(self) -> dict[str, Any]:
        return {**self.__dict__, "at": self.at.isoformat()}

    def to_record(self) -> dict[str, Any]:
        """What a store keeps (its back end numbers the entries in the order written)."""
        return dict(self.__dict__)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AuditEntry:
        fields = ("at", "who", "role", "code", "why", "what")
        return cls(**{k: record[k] for k in fields})


class AuditLog(Protocol):
    async def record(self, entry: AuditEntry) -> None: ...

    async def for_ticket(self, code: str) -> list[AuditEntry]:
        """Every recorded showing for a ticket, oldest first."""
        ...

    async def close(self) -> None: ...
