"""The audit log: every showing of a reporter's identity, with who, when, which ticket and why."""

from __future__ import annotations

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


class AuditLog(Protocol):
    async def record(self, entry: AuditEntry) -> None: ...

    async def for_ticket(self, code: str) -> list[AuditEntry]:
        """Every recorded showing for a ticket, oldest first."""
        ...

    async def close(self) -> None: ...
