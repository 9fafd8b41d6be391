"""One template engine for every HTML page: Jinja2 with autoescape on.

Templates live beside the pages that use them (`admin/templates`, `portal/templates`,
`api/templates`) and are named with that folder's prefix, e.g. "admin/faq_list.html". Whatever a
citizen or a member of staff typed is escaped wherever it lands; only markup written in a
template (or a macro's output) goes out as it is.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, PrefixLoader, StrictUndefined

HERE = Path(__file__).parent
FOLDERS = {
    "admin": HERE / "admin" / "templates",
    "portal": HERE / "portal" / "templates",
    "api": HERE / "api" / "templates",
}

ENVIRONMENT = Environment(
    loader=PrefixLoader({prefix: FileSystemLoader(path) for prefix, path in FOLDERS.items()}),
    autoescape=True,
    # A misspelt name fails the page (and its test) instead of rendering as nothing.
    undefined=StrictUndefined,
    finalize=lambda value: "" if value is None else value,  # an absent value shows as nothing
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # templates ship with the package; no stat per render
)


VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_time(moment: str | datetime | None) -> str:
    """A stored moment (ISO text or an aware datetime, UTC) as staff read it: "14:05 28/11/2026",
    Vietnam time, as on every other page."""
    if not moment:
        return ""
    try:
        at = moment if isinstance(moment, datetime) else datetime.fromisoformat(moment)
    except ValueError:
        return str(moment)
    if at.tzinfo is None:  # stored as UTC without its zone
        at = at.replace(tzinfo=ZoneInfo("UTC"))
    return at.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


ENVIRONMENT.filters["vietnam_time"] = vietnam_time


def render(name: str, /, **context: Any) -> str:
    """The template filled in, every value escaped unless the template marks it safe."""
    return ENVIRONMENT.get_template(name).render(context)


def html_response(
    name: str, /, *, status: int = 200, headers: dict[str, str] | None = None, **context: Any
) -> web.Response:
    return web.Response(
        text=render(name, **context), status=status, content_type="text/html", headers=headers
    )
