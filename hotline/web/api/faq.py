"""The FAQ API for integrations: list, read, create, replace and delete entries (admins only).

An entry is `{"id", "questions": [str], "answer", "topic", "status": "draft"|"published"}`;
reads add `version` and `updated_at`. Every write is live for the bot at once and leaves a
version in the history (`GET /api/faq/{id}/versions`, `POST /api/faq/{id}/rollback`).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import STATUSES, FaqEntry, InvalidEntry
from hotline.faq.history import UnknownVersion
from hotline.faq.store import FaqStore
from hotline.handoff.users import Role
from hotline.web.api.auth import requires, user_of
from hotline.web.api.views import BadRequest, json_body
from hotline.web.keys import ADMIN_TOOLS

EDITORS = (Role.ADMIN,)


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status)


def _entry_from(body: dict[str, Any], entry_id: str | None = None) -> FaqEntry:
    if entry_id is not None:
        if body.get("id") not in (None, entry_id):
            raise InvalidEntry("id: khác với id trong đường dẫn (does not match the path)")
        body = {**body, "id": entry_id}
    # The version is the store's to count; a client's number is ignored, not trusted.
    return FaqEntry.from_dict({k: v for k, v in body.items() if k not in ("version", "updated_at")})


async def matching(store: FaqStore, query: dict[str, str]) -> list[FaqEntry]:
    """Entries filtered by `status`, `topic` and a search text `q` (words of any variant)."""
    status = query.get("status") or None
    if status is not None and status not in STATUSES:
        raise BadRequest(f"Trạng thái phải là một trong: {', '.join(STATUSES)}")
    entries = await store.list(status)
    if topic := query.get("topic"):
        entries = [e for e in entries if e.topic == topic]
    if text := (query.get("q") or "").strip():
        wanted = set(words(text))
        entries = [e for e in entries if wanted <= _words(e) or e.id == text]
    return entries


def _words(entry: FaqEntry) -> set[str]:
    text = " ".join((*entry.questions, entry.answer, entry.id.replace("-", " "), entry.topic))
    return set(words(text.replace("_", " ")))


@requires(*EDITORS)
async def list_entries(request: web.Request) -> web.Response:
    faq = request.app[ADMIN_TOOLS].hotline.faq
    try:
        entries = await matching(faq.store, dict(request.query))
    except BadRequest as exc:
        return _error(400, str(exc))
    return web.json_response({"entries": [e.to_dict() for e in entries]})


@requires(*EDITORS)
async def create_entry(request: web.Request) -> web.Response:
    admin = request.app[ADMIN_TOOLS]
    try:
        entry = _entry_from(await json_body(request))
    except BadRequest as exc:
        return _error(400, str(exc))
    except InvalidEntry as exc:
        return _error(400, "invalid entry", reasons=[exc.reason])
    if await admin.hotline.faq.store.get(entry.id) is not None:
        return _error(409, f"entry {entry.id} exists; PUT /api/faq/{entry.id} replaces it")
    stored = await admin.editor.save(entry, user_of(request).name)
    return web.json_response(stored.to_dict(), status=201)


@requires(*EDITORS)
async def show_entry(request: web.Request) -> web.Response:
    entry = await request.app[ADMIN_TOOLS].hotline.faq.store.get(request.match_info["id"])
    if entry is None:
        return _error(404, "no such entry")
    return web.json_response(entry.to_dict())


@requires(*EDITORS)
async def replace_entry(request: web.Request) -> web.Response:
    """Replace an entry (or create it under this id)."""
    admin = request.app[ADMIN_TOOLS]
    entry_id = request.match_info["id"]
    try:
        entry = _entry_from(await json_body(request), entry_id)
    except BadRequest as exc:
        return _error(400, str(exc))
    except InvalidEntry as exc:
        return _error(400, "invalid entry", reasons=[exc.reason])
    existed = await admin.hotline.faq.store.get(entry_id) is not None
    stored = await admin.editor.save(entry, user_of(request).name)
    return web.json_response(stored.to_dict(), status=200 if existed else 201)


@requires(*EDITORS)
async def delete_entry(request: web.Request) -> web.Response:
    deleted = await request.app[ADMIN_TOOLS].editor.delete(
        request.match_info["id"], user_of(request).name
    )
    if not deleted:
        return _error(404, "no such entry")
    return web.Response(status=204)


@requires(*EDITORS)
async def entry_versions(request: web.Request) -> web.Response:
    versions = await request.app[ADMIN_TOOLS].editor.versions(request.match_info["id"])
    if (
        not versions
        and await request.app[ADMIN_TOOLS].hotline.faq.store.get(request.match_info["id"]) is None
    ):
        return _error(404, "no such entry")
    return web.json_response({"versions": [v.to_dict() for v in versions]})


@requires(*EDITORS)
async def roll_back(request: web.Request) -> web.Response:
    """`{"version": n}`: save version n's content again, as a new version."""
    try:
        version = (await json_body(request)).get("version")
    except BadRequest as exc:
        return _error(400, str(exc))
    if isinstance(version, bool) or not isinstance(version, int):
        return _error(400, "version must be a whole number")
    try:
        stored = await request.app[ADMIN_TOOLS].editor.rollback(
            request.match_info["id"], version, user_of(request).name
        )
    except UnknownVersion:
        return _error(404, "no such entry or version")
    return web.json_response(stored.to_dict())


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/api/faq", list_entries),
        web.post("/api/faq", create_entry),
        web.get("/api/faq/{id}", show_entry),
        web.put("/api/faq/{id}", replace_entry),
        web.delete("/api/faq/{id}", delete_entry),
        web.get("/api/faq/{id}/versions", entry_versions),
        web.post("/api/faq/{id}/rollback", roll_back),
    ]
