"""The back office on the web: login, the tickets API, Open311, and its background work."""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from hotline.config import Settings


def setup_backoffice(app: web.Application, settings: Settings) -> None:
    """Mount the routes; build the back office once the hotline is open (append this after the
    hotline's own cleanup context), and run the deadline watcher and auto-assignment."""
    # Late imports: the handlers use the app's keys, and hotline.web.app calls this while it loads.
    from hotline.runtime import background
    from hotline.web.api import admin, auth, open311, ticket_actions, tickets
    from hotline.web.api.keys import BACKOFFICE
    from hotline.web.api.services import assign_forever, build_backoffice
    from hotline.web.app import EVENTS, HOTLINE, PRESENCE, TAKEOVER

    async def backoffice_ctx(app: web.Application) -> AsyncIterator[None]:
        office = await build_backoffice(
            settings, app[HOTLINE], app[EVENTS], app[TAKEOVER], app.get(PRESENCE)
        )
        app[BACKOFFICE] = office
        async with (
            background(office.watcher.run_forever(settings.deadline_check_seconds)),
            background(assign_forever(office.assigner, settings.assign_every_seconds)),
        ):
            yield
        for task in list(office.tasks):
            task.cancel()

    app.cleanup_ctx.append(backoffice_ctx)
    for module in (auth, tickets, ticket_actions, admin, open311):
        app.add_routes(module.routes())
