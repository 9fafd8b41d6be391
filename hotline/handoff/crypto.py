"""Reporters' contact details encrypted at rest (Fernet: AES-128-CBC with an HMAC-SHA256 seal).

The key comes from HOTLINE_SECRET_KEY; a trial installation without one gets a key generated once
and kept in a file beside the database, so its tickets stay readable across restarts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

SEALED = "sealed"  # the document key under which an encrypted value is stored


class SecretUnreadable(Exception):
    """A sealed value does not open with this key (wrong key, or the data was tampered with)."""


class Cipher:
    def __init__(self, key: str | bytes) -> None:
        self._fernet = Fernet(key.encode() if isinstance(key, str) else key)

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    def seal(self, value: dict[str, Any]) -> dict[str, str]:
        """A JSON-able document as an opaque token: `{"sealed": "gAAAA..."}`."""
        data = json.dumps(value, ensure_ascii=False).encode()
        return {SEALED: self._fernet.encrypt(data).decode()}

    def open(self, sealed: dict[str, Any]) -> dict[str, Any]:
        try:
            data = self._fernet.decrypt(sealed[SEALED].encode())
        except (InvalidToken, KeyError) as exc:
            raise SecretUnreadable("reporter details cannot be decrypted with this key") from exc
        value = json.loads(data)
        if not isinstance(value, dict):
            raise SecretUnreadable("sealed value is not a document")
        return value


def is_sealed(value: object) -> bool:
    return isinstance(value, dict) and set(value) == {SEALED}


def load_or_create_key(configured: str, key_file: Path) -> str:
    """The configured key, else the one kept in `key_file`, else a new one written there (0600)."""
    if configured:
        return configured
    if key_file.is_file():
        return key_file.read_text(encoding="ascii").strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = Cipher.new_key()
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    return key
