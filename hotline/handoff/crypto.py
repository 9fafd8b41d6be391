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

from hotline.lru import Lru

SEALED = "sealed"  # the document key under which an encrypted value is stored
# Tokens this process sealed lately, with their plaintext: a record read back soon after it was
# written (the replies a REST answer hands over, the transcript) opens without a decryption,
# which costs more than the rest of reading it. The plaintext was in memory a moment before.
RECENT_TOKENS = 1024


class SecretUnreadable(Exception):
    """A sealed value does not open with this key (wrong key, or the data was tampered with)."""


class Cipher:
    def __init__(self, key: str | bytes) -> None:
        self._fernet = Fernet(key.encode() if isinstance(key, str) else key)
        self._recent: Lru[str, bytes] = Lru(RECENT_TOKENS)

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    def seal(self, value: dict[str, Any]) -> dict[str, str]:
        """A JSON-able document as an opaque token: `{"sealed": "gAAAA..."}`."""
        data = json.dumps(value, ensure_ascii=False).encode()
        token = self._fernet.encrypt(data).decode()
        self._recent.put(token, data)
        return {SEALED: token}

    def open(self, sealed: dict[str, Any]) -> dict[str, Any]:
        try:
            token = sealed[SEALED]
            known = self._recent.find(token) if isinstance(token, str) else None
            data = known or self._fernet.decrypt(token.encode())
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
