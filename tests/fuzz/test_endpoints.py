"""Every public endpoint, the back-office APIs and the web chat socket fuzzed: never a 5xx, never
a dropped socket (issue 16). Bounded: a fixed number of examples per test and a time check."""

from __future__ import annotations

import time
from urllib.parse import quote

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient
from hypothesis import strategies as st

from tests.fuzz.inputs import KILLERS, PATH_PARTS, VALUES, bodies, dumps, examples, queries
from tests.support.office import login, person

SECONDS = 40  # what one fuzz test may take on a loaded 2-core machine
JSON = {"Content-Type": "application/json"}

PUBLIC_POSTS = {
    "/webhooks/rest/webhook": bodies("sender", "message", "metadata"),
    "/model/parse": bodies("text"),
    "/api/reports": bodies(
        "category", "description", "district", "ward", "address", "occurred_at", "contact"
    ),
    "/login": bodies("username", "password", "name"),
    "/open311/v2/requests.json": bodies("service_code", "description", "lat", "long"),
}
PUBLIC_GETS = {
    "/status": queries("code"),
    "/login": queries("next"),
    "/webhooks/rest/messages": queries("sender", "wait"),
    "/open311/v2/requests.json": queries("start_date", "end_date", "status", "api_key"),
    "/open311/v2/services.json": queries(),
    "/report": queries(),
    "/": queries(),
}
OFFICE_POSTS = {
    "/api/tickets": bodies("category", "description", "district", "ward", "reporter", "phone"),
    "/api/faq": bodies("id", "questions", "answer", "topic", "status"),
    "/open311/v2/requests.json": bodies(
        "service_code", "description", "lat", "long", "ward", "district", "email"
    ),
}
OFFICE_GETS = {
    "/api/tickets": queries("status", "category", "district", "assignee", "limit", "overdue"),
    "/api/sla": queries("from", "to"),
    "/admin/dashboard": queries("from", "to"),
    "/admin/dashboard.csv": queries("from", "to"),
    "/admin/faq": queries("q", "topic", "status", "thu"),
    "/open311/v2/requests.json": queries("start_date", "end_date", "status", "service_code"),
}


def _ok(status: int, what: str) -> None:
    assert status < 500, what


def _bounded(started: float) -> None:
    assert time.monotonic() - started < SECONDS, "the fuzz test ran out of its time budget"


async def test_public_endpoints_answer_4xx_never_5xx(client: TestClient) -> None:
    started = time.monotonic()
    posts = st.sampled_from(sorted(PUBLIC_POSTS)).flatmap(
        lambda p: st.tuples(st.just(p), PUBLIC_POSTS[p])
    )

    for path, body in examples(posts, 60):
        resp = await client.post(path, data=body, headers=JSON)
        _ok(resp.status, f"POST {path} {body[:80]!r}")

    gets = st.sampled_from(sorted(PUBLIC_GETS)).flatmap(
        lambda p: st.tuples(st.just(p), PUBLIC_GETS[p])
    )

    for (path, query), code in examples(st.tuples(gets, PATH_PARTS), 40):
        resp = await client.get(path, params=query)
        _ok(resp.status, f"GET {path} {query!r}")
        coded = f"/api/reports/{quote(code, safe='')}"
        _ok((await client.get(coded)).status, coded)
    _bounded(started)


async def test_back_office_apis_answer_4xx_never_5xx(client: TestClient) -> None:
    started = time.monotonic()
    admin = await person(client, "quan-tri", "admin")
    await login(client, "quan-tri")  # the cookie for the admin pages
    posts = st.sampled_from(sorted(OFFICE_POSTS)).flatmap(
        lambda p: st.tuples(st.just(p), OFFICE_POSTS[p])
    )

    for path, body in examples(posts, 50):
        resp = await client.post(path, data=body, headers={**JSON, **admin})
        _ok(resp.status, f"POST {path} {body[:80]!r}")

    gets = st.sampled_from(sorted(OFFICE_GETS)).flatmap(
        lambda p: st.tuples(st.just(p), OFFICE_GETS[p])
    )

    for path, query in examples(gets, 40):
        resp = await client.get(path, params=query, headers=admin)
        _ok(resp.status, f"GET {path} {query!r}")

    puts = st.one_of(
        st.tuples(st.just("/api/routing"), bodies("rules", "agencies")),
        st.tuples(PATH_PARTS.map(lambda p: f"/api/faq/{quote(p, safe='')}"), bodies("questions")),
    )
    actions = st.sampled_from(["claim", "messages", "status", "release", "transfer", "notes"])

    changes = st.tuples(
        puts, actions, PATH_PARTS, bodies("text", "status", "note", "to", "agencies")
    )
    for put, action, code, body in examples(changes, 30):
        resp = await client.put(put[0], data=put[1], headers={**JSON, **admin})
        _ok(resp.status, f"PUT {put[0]} {put[1][:80]!r}")
        path = f"/api/tickets/{quote(code, safe='')}/{action}"
        resp = await client.post(path, data=body, headers={**JSON, **admin})
        _ok(resp.status, f"POST {path} {body[:80]!r}")
    _bounded(started)


async def test_the_web_chat_socket_survives_any_frame(client: TestClient) -> None:
    started = time.monotonic()
    shaped = st.fixed_dictionaries({}, optional={k: VALUES for k in ("message", "payload", "id")})
    frames = st.one_of(
        shaped.map(lambda v: dumps(v).decode()),
        st.text(max_size=80),
        KILLERS.map(lambda b: b.decode("utf-8", "replace")),
        st.binary(max_size=40),
    )
    async with client.ws_connect("/webchat/ws?sender=fuzz-1") as ws:
        for frame in [*examples(frames, 40), '{"message": "\\ud800"}']:
            if isinstance(frame, bytes):
                await ws.send_bytes(frame)
            else:
                await ws.send_str(frame)
            while True:  # whatever the bot answers; the socket must stay open
                try:
                    answer = await ws.receive(timeout=0.2)
                except TimeoutError:
                    break
                assert answer.type == WSMsgType.TEXT, f"{frame!r} -> {answer}"
            assert not ws.closed, repr(frame)
        await ws.send_json({"message": "xin chào"})
        assert (await ws.receive(timeout=10)).type == WSMsgType.TEXT
    _bounded(started)
