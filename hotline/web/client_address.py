"""Who is really asking: the client address and scheme as a trusted reverse proxy passed them on.

`X-Forwarded-For` is only a claim: anyone can send one. It is believed only when the connection
comes from an address in `HOTLINE_TRUSTED_PROXIES` (comma-separated addresses or networks), and
then the client is the right-most address that is not itself a trusted proxy: the left part of
the header is whatever the client wrote. With no trusted proxies the connecting address counts,
as before. The scheme is `https` when a trusted proxy says so, or when the public URL is https
(then session cookies are `Secure` however the proxy reaches us).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(spec: str) -> tuple[Network, ...]:
    """`HOTLINE_TRUSTED_PROXIES` read; a typo fails the start rather than trusting anyone."""
    return tuple(
        ipaddress.ip_network(p.strip(), strict=False) for p in spec.split(",") if p.strip()
    )


def _trusted(address: str | None, proxies: Sequence[Network]) -> bool:
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def client_of(remote: str | None, forwarded_for: str, proxies: Sequence[Network]) -> str | None:
    """The client's address: the connecting one unless a trusted proxy forwarded the request."""
    if not _trusted(remote, proxies):
        return remote
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a proxy we trust would not write this: count the proxy
    return hops[0] if hops else remote


def forwarded(proxies: Sequence[Network], public_https: bool) -> Middleware:
    """A middleware giving handlers the real client in `request.remote` and `request.scheme`."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        remote, scheme = request.remote, request.scheme
        if proxies and _trusted(request.remote, proxies):
            remote = client_of(remote, request.headers.get("X-Forwarded-For", ""), proxies)
            proto = request.headers.get("X-Forwarded-Proto", "").strip().lower()
            if proto in ("http", "https"):
                scheme = proto
        if public_https:
            scheme = "https"
        if (remote and remote != request.remote) or scheme != request.scheme:
            request = request.clone(remote=remote or request.remote or "", scheme=scheme)
        return await handler(request)

    return middleware
