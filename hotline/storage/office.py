"""The back office's stores and secrets, opened with the hotline on its database."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from hotline.config import Settings
from hotline.handoff.audit import AuditLog
from hotline.handoff.crypto import Cipher, load_or_create_key
from hotline.handoff.routing import RoutingStore
from hotline.handoff.user_store import UserStore
from hotline.storage import stores
from hotline.storage.open import Database
from hotline.storage.sqlite import sqlite_path


@dataclass(frozen=True)
class OfficeStores:
    users: UserStore
    audit: AuditLog
    routing: RoutingStore
    cipher: Cipher


def key_file(settings: Settings) -> Path:
    """Where the generated key lives: HOTLINE_SECRET_KEY_FILE, else beside the SQLite file."""
    if settings.secret_key_file:
        return Path(settings.secret_key_file)
    if settings.store.startswith("sqlite:"):
        return Path(sqlite_path(settings.store)).parent / "secret.key"
    return Path("var/secret.key")


async def open_cipher(settings: Settings) -> Cipher:
    key = await asyncio.to_thread(load_or_create_key, settings.secret_key, key_file(settings))
    return Cipher(key)


async def open_office_stores(db: Database, settings: Settings) -> OfficeStores:
    return OfficeStores(
        users=await stores.open_users(db),
        audit=await stores.open_audit(db),
        routing=await stores.open_routing(db),
        cipher=await open_cipher(settings),
    )
