"""Routing rules and the agency directory in SQLite, seeded with the province's defaults once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Sequence

from hotline.handoff.routing import Agency, RoutingRule, load_defaults
from hotline.storage.portable import Record
from hotline.storage.sqlite.database import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS routing_rules (
    position INTEGER PRIMARY KEY,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS agencies (
    name TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS routing_seeded (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
"""


class SqliteRoutingStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteRoutingStore:
        await db.migrate(SCHEMA)
        store = cls(db)
        await store._seed()
        return store

    async def _seed(self) -> None:
        """The defaults, once: an admin who empties the rules keeps them empty."""
        rules, agencies = load_defaults()

        def run(conn: sqlite3.Connection) -> None:
            if conn.execute("INSERT OR IGNORE INTO routing_seeded VALUES (1)").rowcount == 0:
                return
            _write_rules(conn, rules)
            conn.executemany(
                "INSERT OR IGNORE INTO agencies VALUES (?, ?)",
                [(a.name, json.dumps(a.to_doc(), ensure_ascii=False)) for a in agencies],
            )

        await self._db.transaction(run)

    async def rules(self) -> list[RoutingRule]:
        rows = await self._db.query(
            lambda c: c.execute("SELECT doc FROM routing_rules ORDER BY position").fetchall(),
            quick=True,  # a few dozen rules
        )
        return [RoutingRule.from_doc(json.loads(r["doc"])) for r in rows]

    async def replace_rules(self, rules: list[RoutingRule]) -> None:
        await self._db.transaction(lambda c: _write_rules(c, rules))

    async def agencies(self) -> list[Agency]:
        rows = await self._db.query(
            lambda c: c.execute("SELECT doc FROM agencies ORDER BY name").fetchall()
        )
        return [Agency.from_doc(json.loads(r["doc"])) for r in rows]

    async def put_agency(self, agency: Agency) -> None:
        doc = json.dumps(agency.to_doc(), ensure_ascii=False)
        await self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO agencies VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET doc = ?",
                (agency.name, doc, doc),
            ),
            quick=True,
        )

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("routing_rules", "agencies")

    async def export(self, part: str) -> AsyncIterator[Record]:
        if part == "routing_rules":
            yield {"rules": [r.to_doc() for r in await self.rules()]}  # replaced whole
            return
        async for row in self._db.rows("agencies"):
            yield json.loads(row["doc"])

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if part == "routing_rules":
            for record in records:
                await self.replace_rules([RoutingRule.from_doc(d) for d in record["rules"]])
            return
        docs = [Agency.from_doc(r).to_doc() for r in records]
        rows = [{"name": d["name"], "doc": json.dumps(d, ensure_ascii=False)} for d in docs]
        await self._db.replace_rows("agencies", rows)


def _write_rules(conn: sqlite3.Connection, rules: list[RoutingRule]) -> None:
    conn.execute("DELETE FROM routing_rules")
    conn.executemany(
        "INSERT INTO routing_rules VALUES (?, ?)",
        [(i, json.dumps(r.to_doc(), ensure_ascii=False)) for i, r in enumerate(rules)],
    )
