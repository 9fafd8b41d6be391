"""The back office's key in the aiohttp application."""

from __future__ import annotations

from aiohttp import web

from hotline.web.api.services import BackOffice

BACKOFFICE = web.AppKey("backoffice", BackOffice)
