"""No secret in any log line: a filter on the log handlers that hides tokens wherever they appear.

The HTTP client under python-telegram-bot (httpx) logs every request at INFO with its URL, and
Telegram's URLs carry the bot token (`/bot<id>:<secret>/sendMessage`); other clients and the access
log may show `access_token=`, `api_key=` or an `Authorization: Bearer` value. The filter rewrites
the line before any handler writes it.
"""

from __future__ import annotations

import logging
import re

HIDDEN = "<hidden>"
_PATTERNS = (
    (re.compile(r"(/bot)\d+:[A-Za-z0-9_-]+"), rf"\1{HIDDEN}"),
    (
        re.compile(
            r"(?i)\b(api_key|access_token|refresh_token|token|secret|secret_key|password|"
            r"app_secret|hub\.verify_token)=([^&\s\"']+)"
        ),
        rf"\1={HIDDEN}",
    ),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+"), rf"\1{HIDDEN}"),
)


def hide(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class HideSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed record is logging's own problem to report
        cleaned = hide(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def hide_secrets(handlers: list[logging.Handler] | None = None) -> None:
    """Put the filter on these handlers (the root logger's by default)."""
    for handler in logging.getLogger().handlers if handlers is None else handlers:
        if not any(isinstance(f, HideSecrets) for f in handler.filters):
            handler.addFilter(HideSecrets())
