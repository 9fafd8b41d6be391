"""The Shelf on SQLite: one table whose columns are the records' fields.

Table and column names come from a store's Layout (constants in this package), never from
input, so they are spelled into the SQL; every value goes in as a parameter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from hotline.storage.portable import Record
from hotline.storage.shelf import Layout
from hotline.storage.sqlite.database import SqliteDatabase

QUICK_ROWS = 16  # added in one write on the loop's thread; more go to the SQLite thread


def iso(moment: datetime) -> str:
    """UTC ISO text: text order is time order whatever zone a clock used."""
    return moment.astimezone(UTC).isoformat()


class SqliteShelf:
    def __init__(self, db: SqliteDatabase, layout: Layout) -> None:
        self._db = db
        self.layout = layout
        self._table = layout.name

    @classmethod
    async def open(cls, db: SqliteDatabase, layout: Layout) -> SqliteShelf:
        await prepare(db, layout)
        return cls(db, layout)

    def _column(self, field: str) -> str:
        return self.layout.sqlite_columns.get(field, field)

    def _value(self, field: str, value: Any) -> Any:
        if value is None:
            return None
        if field in self.layout.times:
            return iso(value)
        if field in self.layout.documents:
            return json.dumps(value, ensure_ascii=False)
        return value

    def _row(self, record: Record) -> tuple[list[str], list[Any]]:
        columns = [self._column(f) for f in record]
        return columns, [self._value(f, v) for f, v in record.items()]

    def _record(self, row: Mapping[str, Any] | sqlite3.Row) -> Record:
        fields = {column: f for f, column in self.layout.sqlite_columns.items()}
        record: Record = {}
        for column in row.keys():  # a Row is not a mapping: no items()
            f, value = fields.get(column, column), row[column]
            if value is not None and f in self.layout.times:
                value = datetime.fromisoformat(value)
            elif value is not None and f in self.layout.documents:
                value = json.loads(value)
            record[f] = value
        return record

    def _insert(self, verb: str, record: Record) -> tuple[str, list[Any]]:
        columns, values = self._row(record)
        marks = ", ".join("?" * len(columns))
        sql = f"{verb} INTO {self._table} ({', '.join(columns)}) VALUES ({marks})"
        return sql, values

    def _order(self) -> list[str]:
        seq = self.layout.sequence
        return [self._column(seq)] if seq else [self._column(k) for k in self.layout.key]

    async def add(self, record: Record) -> Record | None:
        added = await self.add_many([record])
        return added[0] if added else None

    async def add_many(self, records: Sequence[Record]) -> list[Record]:
        seq = self.layout.sequence

        def run(conn: sqlite3.Connection) -> list[Record]:
            added = []
            for record in records:
                sql, values = self._insert("INSERT", record)
                # A taken key, and only that: NOT NULL still fails.
                cur = conn.execute(sql + " ON CONFLICT DO NOTHING", values)
                if cur.rowcount == 1:
                    added.append(
                        {**record, seq: cur.lastrowid} if seq and seq not in record else record
                    )
            return added

        # A few rows (a question logged, a record added) run on the loop's thread.
        quick = len(records) <= QUICK_ROWS
        return await self._db.transaction(run, quick=quick) if records else []

    async def put(self, record: Record) -> None:
        await self._db.transaction(lambda c: self.put_in(c, record), quick=True)

    def put_in(self, conn: sqlite3.Connection, record: Record) -> None:
        """`put` inside a transaction the caller holds (another store's)."""
        sql, values = self._insert("INSERT OR REPLACE", record)
        conn.execute(sql, values)

    def add_in(self, conn: sqlite3.Connection, record: Record) -> None:
        """A new record (its sequence numbered by SQLite) in a transaction the caller holds.

        A plain INSERT, unlike `add`'s ON CONFLICT DO NOTHING: a conflict raises, so the caller
        sees the failure (SQLite undoes the statement alone) instead of a row silently not
        written."""
        sql, values = self._insert("INSERT", record)
        conn.execute(sql, values)

    async def merge(self, record: Record, later: Collection[str]) -> None:
        sql, values = self._insert("INSERT", record)
        sets = []
        for f in record:
            if f in self.layout.key:
                continue
            c = self._column(f)
            # Times are UTC ISO text, so max() on the text is max() on the time.
            sets.append(
                f"{c} = max(coalesce({c}, ''), excluded.{c})"
                if f in later
                else f"{c} = excluded.{c}"
            )
        keys = ", ".join(self._column(k) for k in self.layout.key)
        sql += f" ON CONFLICT ({keys}) DO UPDATE SET {', '.join(sets)}"
        await self._db.transaction(lambda c: c.execute(sql, values), quick=True)

    def _where(self, equal: dict[str, Any]) -> tuple[str, list[Any]]:
        parts, args = ["1 = 1"], []
        for f, value in equal.items():
            if value is None:
                parts.append(f"{self._column(f)} IS NULL")
            else:
                parts.append(f"{self._column(f)} = ?")
                args.append(self._value(f, value))
        return " AND ".join(parts), args

    async def _select(self, sql: str, args: Sequence[Any]) -> list[Record]:
        rows = await self._db.query(lambda c: c.execute(sql, args).fetchall())
        return [self._record(r) for r in rows]

    async def get(self, *key: Any) -> Record | None:
        where, args = self._where(dict(zip(self.layout.key, key, strict=True)))
        found = await self._select(f"SELECT * FROM {self._table} WHERE {where}", args)
        return found[0] if found else None

    async def find(
        self, *, newest_first: bool = False, limit: int | None = None, **equal: Any
    ) -> list[Record]:
        where, args = self._where(equal)
        way = " DESC" if newest_first else ""
        order = ", ".join(c + way for c in self._order()) or "rowid"
        sql = f"SELECT * FROM {self._table} WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql, args = sql + " LIMIT ?", [*args, limit]
        return await self._select(sql, args)

    async def between(
        self, field: str, since: datetime, until: datetime | None = None, **equal: Any
    ) -> list[Record]:
        where, args = self._where(equal)
        column = self._column(field)
        where, args = f"{where} AND {column} >= ?", [*args, self._value(field, since)]
        if until is not None:
            where, args = f"{where} AND {column} < ?", [*args, self._value(field, until)]
        seq = self.layout.sequence
        order = f"{column}, {self._column(seq)}" if seq else column
        return await self._select(
            f"SELECT * FROM {self._table} WHERE {where} ORDER BY {order}", args
        )

    async def update(self, keys: Sequence[Any], **values: Any) -> None:
        (key,) = self.layout.key
        sets = ", ".join(f"{self._column(f)} = ?" for f in values)
        sql = f"UPDATE {self._table} SET {sets} WHERE {self._column(key)} = ?"
        row = [self._value(f, v) for f, v in values.items()]
        await self._db.transaction(lambda c: c.executemany(sql, [(*row, k) for k in keys]))

    async def update_each(self, values: Mapping[Any, Mapping[str, Any]]) -> None:
        (key,) = self.layout.key

        def run(conn: sqlite3.Connection) -> None:
            for k, fields in values.items():
                sets = ", ".join(f"{self._column(f)} = ?" for f in fields)
                row = [self._value(f, v) for f, v in fields.items()]
                sql = f"UPDATE {self._table} SET {sets} WHERE {self._column(key)} = ?"
                conn.execute(sql, [*row, k])

        if values:
            await self._db.transaction(run)

    async def delete(self, **equal: Any) -> None:
        where, args = self._where(equal)
        await self._db.transaction(
            lambda c: c.execute(f"DELETE FROM {self._table} WHERE {where}", args)
        )

    async def export(self) -> AsyncIterator[Record]:
        rows = self._keyed_rows() if without_rowid(self.layout.sqlite_schema) else None
        async for row in rows or self._db.rows(self._table):
            yield self._record(row)

    async def _keyed_rows(self, page: int = 1000) -> AsyncIterator[sqlite3.Row]:
        """A table WITHOUT ROWID's rows in its key's order, a page at a time."""
        columns = await self._db.query(partial(_all, f"PRAGMA table_info({self._table})", []))
        key = [c["name"] for c in sorted((c for c in columns if c["pk"]), key=lambda c: c["pk"])]
        order, marks = ", ".join(key), ", ".join("?" * len(key))
        sql, args = f"SELECT * FROM {self._table} ORDER BY {order} LIMIT ?", [page]
        while True:
            rows = await self._db.query(partial(_all, sql, args))
            for row in rows:
                yield row
            if len(rows) < page:
                return
            after = f"SELECT * FROM {self._table} WHERE ({order}) > ({marks})"
            sql, args = f"{after} ORDER BY {order} LIMIT ?", [*(rows[-1][k] for k in key), page]

    async def restore(self, records: Sequence[Record]) -> None:
        rows = [dict(zip(*self._row(r), strict=True)) for r in records]
        await self._db.replace_rows(self._table, rows)


async def prepare(db: SqliteDatabase, layout: Layout) -> None:
    """Make a layout's table, or bring a file's up to date: rebuilt WITHOUT ROWID when the
    layout's is and the file's is not, then given the columns added since."""
    if without_rowid(layout.sqlite_schema):
        await db.transaction(lambda conn: _rebuild_without_rowid(conn, layout))
    await db.migrate(layout.sqlite_schema)
    if layout.sqlite_added:
        await db.transaction(lambda conn: _add_columns(conn, layout))


def _all(sql: str, args: Sequence[Any], conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(sql, args).fetchall()


def without_rowid(sql: str) -> bool:
    return "WITHOUT ROWID" in " ".join(sql.upper().split())


def _rebuild_without_rowid(conn: sqlite3.Connection, layout: Layout) -> None:
    """A table a file made with a rowid, made again as the layout says, every row kept, in the
    caller's one transaction (an interrupted rebuild leaves the old table as it was)."""
    table = layout.name
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if found is None or without_rowid(found[0]):
        return  # a new file (the schema makes it), or rebuilt before
    kept = f"{table}_before_rebuild"
    indexes = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    for (index,) in indexes:  # their names are the new table's to take
        conn.execute(f"DROP INDEX {index}")
    conn.execute(f"ALTER TABLE {table} RENAME TO {kept}")
    for statement in _statements(layout.sqlite_schema):
        conn.execute(statement)
    _add_columns(conn, layout)
    new = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({kept})") if r[1] in new)
    conn.execute(f"INSERT OR REPLACE INTO {table} ({columns}) SELECT {columns} FROM {kept}")
    conn.execute(f"DROP TABLE {kept}")


def _statements(script: str) -> list[str]:
    """A script's statements one by one (executescript would commit the open transaction)."""
    statements, current = [], ""
    for line in script.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current)
            current = ""
    return statements


def _add_columns(conn: sqlite3.Connection, layout: Layout) -> None:
    """Bring an older file's table up to date: ALTER TABLE for each column it lacks."""
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({layout.name})")}
    for name, definition in layout.sqlite_added.items():
        if name not in present:
            conn.execute(f"ALTER TABLE {layout.name} ADD COLUMN {name} {definition}")
