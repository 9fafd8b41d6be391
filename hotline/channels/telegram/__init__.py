"""Telegram. Whether it is on is decided here, apart from `channel.py`, so that the registry
can tell without loading python-telegram-bot."""

from __future__ import annotations

from hotline.config import Settings


def telegram_on(settings: Settings) -> bool:
    """Telegram is on when its bot token and webhook secret are set."""
    return bool(settings.telegram_token and settings.telegram_secret)
