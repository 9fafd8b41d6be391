"""Viber. Whether it is on is decided here, apart from `channel.py`, so that the registry can
tell without loading viberbot."""

from __future__ import annotations

from hotline.config import Settings


def viber_on(settings: Settings) -> bool:
    """Viber is on when its bot token is set."""
    return bool(settings.viber_token)
