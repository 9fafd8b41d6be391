"""The log of deadline alerts already sent: one record per (ticket, kind)."""

from __future__ import annotations

from datetime import datetime

from hotline.storage.shelf import Layout, OnShelf

DEADLINE_ALERTS = Layout(
    "deadline_alerts",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS deadline_alerts (
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (code, kind)
);
""",
    key=("code", "kind"),
    times=frozenset({"at"}),
)


class AlertLogOnShelf(OnShelf):
    async def claim(self, code: str, kind: str, at: datetime) -> bool:
        """True for the one worker that gets to send this alert: the key makes it unique."""
        return await self._shelf.add({"code": code, "kind": kind, "at": at}) is not None
