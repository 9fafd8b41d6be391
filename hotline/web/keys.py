"""The application's keys: how a handler finds the running hotline's parts on `request.app`.

A leaf: it imports the parts' types only, and none of their modules imports it back, so every
handler can import it. `hotline.web.app` sets each key as it builds the part.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiohttp import web

from hotline.bot.broadcasts import Broadcaster
from hotline.bot.events import EventBus
from hotline.bot.outbox import Outbox
from hotline.bot.takeover import Takeover
from hotline.channels.base import Channel
from hotline.runtime import Hotline
from hotline.web.admin.services import AdminTools
from hotline.web.api.services import Casework
from hotline.web.console.presence import Presence
from hotline.web.store_health import StoreHealth

# Built when the app is.
EVENTS = web.AppKey("events", EventBus)
PRESENCE = web.AppKey("presence", Presence)
# Built in order once the app starts (see `create_app`).
HOTLINE = web.AppKey("hotline", Hotline)
STORE_HEALTH = web.AppKey("store_health", StoreHealth)  # the cached write probe of the store
CHANNELS = web.AppKey("channels", Mapping[str, Channel])
OUTBOX = web.AppKey("outbox", Outbox)
TAKEOVER = web.AppKey("takeover", Takeover)
CASEWORK = web.AppKey("casework", Casework)
ADMIN_TOOLS = web.AppKey("admin_tools", AdminTools)
BROADCASTS = web.AppKey("broadcasts", Broadcaster)
