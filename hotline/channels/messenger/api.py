"""Messenger's Send API, the 24-hour rule, and what Meta's errors mean.

POST {api}/{version}/me/messages?access_token=PAGE_TOKEN with {"recipient": {"id"},
"messaging_type", "message": {"text", "quick_replies"?}}; buttons become quick replies (at most
13, titles of at most 20 characters). Meta answers {"recipient_id", "message_id"} or
{"error": {"message", "code", "error_subcode"}}.

The 24-hour rule, and what the hotline sends after it (Meta's message tags):
- within 24 hours of the citizen's last message: anything, as RESPONSE;
- an agent's reply (the conversation is with an agent) within 7 days: MESSAGE_TAG HUMAN_AGENT,
  which Meta allows for replies written by people only;
- ticket news pushed by the hotline (a report's status changed) at any time: MESSAGE_TAG
  ACCOUNT_UPDATE, Meta's tag for a change to the recipient's application status;
- anything else (a bot answer delivered after the window, an agent's reply after 7 days): not
  sent, a permanent failure saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import aiohttp

from hotline.bot.messages import OutboundMessage
from hotline.channels.delivery import DeliveryFailed, RecipientGone
from hotline.channels.zalo.api import split_text

MAX_TEXT = 2000
MAX_QUICK_REPLIES = 13
MAX_QUICK_TITLE = 20
MAX_PAYLOAD = 1000
WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)

Purpose = Literal["answer", "agent", "news"]


@dataclass(frozen=True)
class Delivery:
    """How Meta allows this message to go: its messaging_type, and tag when one is needed."""

    messaging_type: str
    tag: str | None = None

    def fields(self) -> dict[str, str]:
        return {"messaging_type": self.messaging_type, **({"tag": self.tag} if self.tag else {})}


def delivery(purpose: Purpose, last_inbound: datetime | None, now: datetime) -> Delivery:
    """Apply the 24-hour rule; DeliveryFailed (permanent) when nothing allows the message."""
    age = now - last_inbound if last_inbound else None
    if age is not None and age <= WINDOW:
        return Delivery("RESPONSE")
    if purpose == "news":
        return Delivery("MESSAGE_TAG", "ACCOUNT_UPDATE")
    if purpose == "agent" and age is not None and age <= HUMAN_AGENT_WINDOW:
        return Delivery("MESSAGE_TAG", "HUMAN_AGENT")
    since = "never wrote to the page" if age is None else f"last wrote {age} ago"
    limit = "7 days (HUMAN_AGENT)" if purpose == "agent" else "24 hours"
    raise DeliveryFailed(
        f"Messenger 24-hour rule: the citizen {since}; an {purpose} reply"
        f" may only be sent within {limit}"
    )


def quick_title(title: str) -> str:
    """A button title cut to Meta's 20 characters at a word boundary, with an ellipsis."""
    if len(title) <= MAX_QUICK_TITLE:
        return title
    cut = title[: MAX_QUICK_TITLE - 1]
    if " " in cut[MAX_QUICK_TITLE // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def message_fields(message: OutboundMessage, text: str, with_buttons: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {"text": text}
    fits = len(message.buttons) <= MAX_QUICK_REPLIES and all(
        len(b.payload) <= MAX_PAYLOAD for b in message.buttons
    )
    if with_buttons and message.buttons and fits:
        fields["quick_replies"] = [
            {"content_type": "text", "title": quick_title(b.title), "payload": b.payload}
            for b in message.buttons
        ]
    return fields


def texts_of(message: OutboundMessage) -> list[str]:
    """The reply's text in pieces Meta accepts; buttons that cannot be quick replies are
    written out as numbered lines."""
    fits = len(message.buttons) <= MAX_QUICK_REPLIES and all(
        len(b.payload) <= MAX_PAYLOAD for b in message.buttons
    )
    return split_text(message.shown_text if fits else message.as_plain_text(), MAX_TEXT)


# Meta's error codes (developers.facebook.com, Messenger Platform "Error Codes").
RATE_LIMITED = frozenset({4, 32, 613})  # app, page and call-rate limits
TEMPORARY = frozenset({1, 2, 1200})  # unknown / temporary service errors
GONE = {551: "the person is not available right now (blocked the page or left Messenger)"}


def failure(
    status: int, answer: Any, retry_after: float | None, rate_limit_pause: float = 60.0
) -> DeliveryFailed:
    error = answer.get("error") if isinstance(answer, dict) else None
    error = error if isinstance(error, dict) else {}
    raw_code = error.get("code")
    code: int = raw_code if isinstance(raw_code, int) else -1
    sub = error.get("error_subcode")
    why = f"Messenger error {code}/{sub} (HTTP {status}): {error.get('message', '')}".strip()
    if code in GONE:
        return RecipientGone(f"{why} ({GONE[code]})")
    if code in RATE_LIMITED:
        return DeliveryFailed(why, retry_after if retry_after is not None else rate_limit_pause)
    if code in TEMPORARY or status >= 500 or status == 429:
        return DeliveryFailed(why, retry_after or 0.0)  # the courier's backoff decides
    if code == 190:  # the page token is invalid: replies wait until an admin fixes it
        return DeliveryFailed(f"{why} (check HOTLINE_MESSENGER_PAGE_TOKEN)", 15 * 60.0)
    # 10 (outside the allowed window), 200 (permission), 100 (bad request): retrying cannot help.
    return DeliveryFailed(why)


class MessengerApi:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_url: str,
        version: str,
        page_token: str,
        rate_limit_pause: float = 60.0,
    ) -> None:
        self._session = session
        self._url = f"{api_url.rstrip('/')}/{version.strip('/')}/me/messages"
        self._token = page_token
        # Meta's rate limits are counted over rolling windows and it names no retry time.
        self.rate_limit_pause = rate_limit_pause

    async def send(self, recipient: str, how: Delivery, message: dict[str, Any]) -> str:
        body = {"recipient": {"id": recipient}, **how.fields(), "message": message}
        try:
            async with self._session.post(
                self._url, params={"access_token": self._token}, json=body
            ) as resp:
                answer = await resp.json(content_type=None)
                if resp.status == 200 and isinstance(answer, dict) and "error" not in answer:
                    return str(answer.get("message_id", ""))
                raise failure(resp.status, answer, _retry_after(resp), self.rate_limit_pause)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise DeliveryFailed(f"Messenger unreachable: {error!r}", 0.0) from error
        except ValueError as error:
            raise DeliveryFailed(f"Messenger answered something not JSON: {error}", 0.0) from error


def _retry_after(resp: aiohttp.ClientResponse) -> float | None:
    try:
        value = resp.headers.get("Retry-After")
        return max(float(value), 0.0) if value else None
    except ValueError:
        return None
