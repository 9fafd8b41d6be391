"""Operations and NLU endpoints: /healthz, /readyz, /metrics, /model/parse."""

from __future__ import annotations

import hmac
import ipaddress

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from hotline import safe_json
from hotline.channels.base import json_error, json_response
from hotline.web.keys import HOTLINE, STORE_HEALTH

MAX_PARSE_CHARS = 4000


def metrics_allowed(request: web.Request, token: str) -> bool:
    """With HOTLINE_METRICS_TOKEN set: the bearer token only. Without: a scrape on this machine
    that no proxy forwarded (nginx always adds X-Forwarded-For; the shipped config also denies
    /metrics), so the figures never reach the public."""
    if token:
        scheme, _, sent = request.headers.get("Authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(sent.strip(), token)
    if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
        return False
    try:
        return ipaddress.ip_address((request.remote or "").split("%")[0]).is_loopback
    except ValueError:
        return False


def routes() -> list[web.AbstractRouteDef]:
    async def healthz(request: web.Request) -> web.Response:
        return json_response({"status": "ok"})

    async def readyz(request: web.Request) -> web.Response:
        hotline = request.app.get(HOTLINE)
        if hotline is None:
            return json_response({"status": "starting"}, status=503)
        health = request.app.get(STORE_HEALTH)  # the cached write probe: never waits on a lock
        checks = await hotline.ready(health.answer() if health else None)
        ok = bool(checks["store"] and checks["nlu_ready"] and checks["faq_ready"])
        return json_response(
            {"status": "ready" if ok else "unavailable", **checks}, status=200 if ok else 503
        )

    async def metrics(request: web.Request) -> web.Response:
        hotline = request.app.get(HOTLINE)
        if hotline is None or not metrics_allowed(request, hotline.settings.metrics_token):
            return json_error(404, "not found")  # as if there were nothing here
        body = generate_latest()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def parse(request: web.Request) -> web.Response:
        body = await safe_json.read_object(request, require_media_type=False)
        text = body.get("text")
        if not isinstance(text, str):
            return json_error(400, "text must be a string")
        if len(text) > MAX_PARSE_CHARS:
            return json_error(413, f"text is longer than {MAX_PARSE_CHARS} characters")
        result = await request.app[HOTLINE].nlu.parse(text)
        return json_response(result.to_rasa())

    return [
        web.get("/healthz", healthz),
        web.get("/readyz", readyz),
        web.get("/metrics", metrics),
        web.post("/model/parse", parse),
    ]
