"""Sending customer-service messages through the Zalo OA API v3, and what its errors mean.

POST {api}/v3.0/oa/message/cs with the access token in the `access_token` header. Zalo answers
HTTP 200 with {"error": 0, "data": {"message_id"}} or {"error": code, "message"}. A reply quotes
the citizen's message (`message.quote_message_id`) so it shows as an answer to it. Buttons are
`oa.query.hide` template buttons (at most 5): pressing one sends its payload back as the
citizen's text, unseen in the chat, so "/confirm" returns as a `user_send_text` "/confirm".
More than 5 choices are written out as numbered text; their titles can be typed.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from hotline.bot.messages import OutboundMessage
from hotline.channels.delivery import DeliveryFailed, RecipientGone
from hotline.channels.zalo.tokens import ZaloTokens

MAX_TEXT = 2000  # characters in one customer-service text
MAX_BUTTONS = 5
MAX_BUTTON_TITLE = 100
MAX_BUTTON_PAYLOAD = 1000

# Zalo's error codes (developers.zalo.me, "Mã lỗi" of the OA API).
TOKEN_REJECTED = frozenset({-216, -124})  # access token invalid / expired: refresh, send again
UNREACHABLE = {
    -213: "the citizen does not follow the OA (or unfollowed it)",
    -230: "the citizen has not written to the OA in the last 7 days",
    -233: "the citizen blocked messages from the OA",
}
QUOTA_USED_UP = -211  # the day's message quota: try again in an hour
RATE_LIMITED = -32  # the per-minute request limit
UNKNOWN_ERROR_RETRY = 300.0


def cs_bodies(user_id: str, message: OutboundMessage, quote: str | None) -> list[dict[str, Any]]:
    """The request bodies for one reply: long text split, the quote on the first part, buttons
    on the last."""
    fits = len(message.buttons) <= MAX_BUTTONS and all(
        len(b.payload) <= MAX_BUTTON_PAYLOAD for b in message.buttons
    )
    text = message.shown_text if fits else message.as_plain_text()
    parts = split_text(text, MAX_TEXT)
    bodies: list[dict[str, Any]] = []
    for i, part in enumerate(parts):
        body: dict[str, Any] = {"recipient": {"user_id": user_id}, "message": {"text": part}}
        if i == 0 and quote:
            body["message"]["quote_message_id"] = quote
        if i == len(parts) - 1 and fits and message.buttons:
            buttons = [
                {"title": b.title[:MAX_BUTTON_TITLE], "type": "oa.query.hide", "payload": b.payload}
                for b in message.buttons
            ]
            body["message"]["attachment"] = {"type": "template", "payload": {"buttons": buttons}}
        bodies.append(body)
    return bodies


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at line breaks or spaces where possible."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    parts.append(rest)
    return parts


class ZaloApi:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_url: str,
        tokens: ZaloTokens,
        rate_limit_pause: float = 60.0,
    ) -> None:
        self._session = session
        self._url = api_url.rstrip("/") + "/v3.0/oa/message/cs"
        self.tokens = tokens
        # Zalo's limit is per minute and it says no retry_after: wait out the minute.
        self.rate_limit_pause = rate_limit_pause

    async def send_cs(self, body: dict[str, Any]) -> str:
        """Send one message; its Zalo message id, or DeliveryFailed saying whether to retry."""
        token = await self.tokens.access_token()
        answer = await self._post(body, token)
        if answer.get("error") in TOKEN_REJECTED:
            token = await self.tokens.refresh(token)
            answer = await self._post(body, token)
        return _message_id(answer, self.rate_limit_pause)

    async def _post(self, body: dict[str, Any], token: str) -> dict[str, Any]:
        try:
            async with self._session.post(
                self._url, json=body, headers={"access_token": token}
            ) as resp:
                if resp.status == 429 or resp.status >= 500:
                    raise DeliveryFailed(
                        f"Zalo answered HTTP {resp.status}", _retry_after(resp, 0.0)
                    )
                if resp.status != 200:
                    raise DeliveryFailed(f"Zalo answered HTTP {resp.status}: {await resp.text()}")
                answer = await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise DeliveryFailed(f"Zalo unreachable: {error!r}", 0.0) from error
        except ValueError as error:
            raise DeliveryFailed(f"Zalo answered something not JSON: {error}", 0.0) from error
        if not isinstance(answer, dict):
            raise DeliveryFailed(f"Zalo answered {answer!r}", 0.0)
        return answer


def _message_id(answer: dict[str, Any], rate_limit_pause: float) -> str:
    code = answer.get("error")
    if code == 0:
        data = answer.get("data")
        return str(data.get("message_id", "")) if isinstance(data, dict) else ""
    why = f"Zalo error {code}: {answer.get('message', '')}"
    if code in UNREACHABLE:
        raise RecipientGone(f"{why} ({UNREACHABLE[code]})")
    if code == RATE_LIMITED:
        raise DeliveryFailed(why, rate_limit_pause)
    if code == QUOTA_USED_UP:
        raise DeliveryFailed(why, 3600.0)
    if code in TOKEN_REJECTED:
        raise DeliveryFailed(f"{why} (even after a token refresh)", UNKNOWN_ERROR_RETRY)
    if code == -201:
        raise DeliveryFailed(f"{why} (the request is invalid; not retried)")
    # An error we do not know is retried later, so a citizen's answer is not dropped on a guess.
    raise DeliveryFailed(why, UNKNOWN_ERROR_RETRY)


def _retry_after(resp: aiohttp.ClientResponse, default: float) -> float:
    try:
        return max(float(resp.headers.get("Retry-After", default)), 0.0)
    except ValueError:
        return default
