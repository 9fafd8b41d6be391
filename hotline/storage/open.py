"""Open the storage that HOTLINE_STORE names: a SQLite file or a MongoDB deployment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from hotline.storage.base import Storage
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.sqlite.backend import SqliteStorage
from hotline.storage.sqlite.database import sqlite_path


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


async def open_storage(url: str) -> Storage:
    """The storage for a store URL, its database connected; the caller closes it.

    The one place that chooses a back end: every store then comes from the storage.
    """
    if backend(url) == "sqlite":
        return await SqliteStorage.from_url(url)
    return await MongoStorage.from_url(url)
