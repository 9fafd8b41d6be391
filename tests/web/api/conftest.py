"""The app with automatic assignment slowed down, so each test decides who holds a ticket."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hotline.config import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, assign_every_seconds=3600.0, deadline_check_seconds=3600.0)
