"""Open the database that HOTLINE_STORE names: a SQLite file or a MongoDB deployment."""

from __future__ import annotations

from urllib.parse import urlparse

from hotline.storage.mongo import MongoDatabase
from hotline.storage.sqlite import SqliteDatabase

Database = SqliteDatabase | MongoDatabase


def backend(url: str) -> str:
    """`sqlite` or `mongodb` for a store URL; ValueError for anything else."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("mongodb", "mongodb+srv"):
        return "mongodb"
    raise ValueError(f"HOTLINE_STORE must be a sqlite:/// or mongodb:// URL, not {url!r}")


async def open_database(url: str) -> Database:
    """The database for a store URL, connected; the caller closes it."""
    if backend(url) == "sqlite":
        return await SqliteDatabase.from_url(url)
    return await MongoDatabase.from_url(url)
