"""Unsubscribe links for notices sent by e-mail: a signed token naming the conversation, so
whoever holds the mail (and only they) can stop its notices with one click."""

from __future__ import annotations

import base64
import hashlib
import hmac

from hotline.bot.messages import ConversationKey

PATH = "/notices/unsubscribe"


class UnsubscribeLinks:
    def __init__(self, secret: bytes, base_url: str) -> None:
        self._key = hashlib.sha256(b"hotline notice unsubscribe\n" + secret).digest()
        self.base_url = base_url.rstrip("/")

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._key, payload.encode(), hashlib.sha256).digest()[:18]
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def token(self, key: ConversationKey) -> str:
        payload = base64.urlsafe_b64encode(str(key).encode()).decode().rstrip("=")
        return f"{payload}.{self._mac(payload)}"

    def url(self, key: ConversationKey) -> str:
        return f"{self.base_url}{PATH}?t={self.token(key)}"

    def key_of(self, token: str) -> ConversationKey | None:
        """The conversation a token names, or None when it is not one of ours."""
        payload, _, mac = token.partition(".")
        if not payload or not hmac.compare_digest(mac, self._mac(payload)):
            return None
        try:
            text = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        return ConversationKey.parse(text)
