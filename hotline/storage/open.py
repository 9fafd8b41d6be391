"""Open the storage that HOTLINE_STORE names: a SQLite file or a MongoDB deployment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from hotline.storage.base import Storage
from hotline.storage.sqlite.backend import SqliteStorage
from hotline.storage.sqlite.database import sqlite_path
from hotline.storage.trouble import RETRY_AFTER, Trouble, startup_error, trouble_of

__all__ = [
    "RETRY_AFTER",
    "Trouble",
    "backend",
    "data_folder",
    "open_storage",
    "startup_error",
    "store_name",
    "trouble_of",
]


def backend(url: str) -> str:
    """`sqlite` or `mongodb` for a store URL; ValueError for anything else."""
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("mongodb", "mongodb+srv"):
        return "mongodb"
    raise ValueError(f"HOTLINE_STORE must be a sqlite:/// or mongodb:// URL, not {url!r}")


def data_folder(url: str) -> Path:
    """Where files that belong with the data are kept (a generated secret key): the SQLite
    file's folder, else `var/`."""
    if backend(url) == "sqlite":
        return Path(sqlite_path(url)).parent
    return Path("var")


def store_name(url: str) -> str:
    """The store as an operator knows it: the SQLite file's full path, or the MongoDB hosts and
    database without the credentials."""
    if backend(url) == "sqlite":
        return str(Path(sqlite_path(url)).absolute())
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"


async def open_storage(url: str) -> Storage:
    """The storage for a store URL, its database connected; the caller closes it.

    The one place that chooses a back end: every store then comes from the storage.
    """
    if backend(url) == "sqlite":
        return await SqliteStorage.from_url(url)
    # Imported here so that a SQLite deployment never loads pymongo (7 MiB of RSS).
    from hotline.storage.mongo.backend import MongoStorage

    return await MongoStorage.from_url(url)
