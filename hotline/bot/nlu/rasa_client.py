"""The Rasa server seen through its HTTP API: parse, load a model, health and status."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from hotline.bot.nlu.base import INTENTS, Entity, FaqPick, Intent, ParseResult

EntityExtractor = Callable[[str], tuple[Entity, ...]]

# Rasa's retrieval intent for FAQ entries answers as our `ask_faq`.
_RASA_TO_BOT = {"faq": "ask_faq"}


class RasaError(Exception):
    """Rasa did not answer usefully; `reason` is a short label for logs and metrics."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class RasaParseResult(ParseResult):
    """A parse Rasa answered (its FAQ entry pick, if any, is in `faq`)."""


def _project_entities(text: str) -> tuple[Entity, ...]:
    # Our extractor returns canonical ward/district names; measured more exact than Rasa's.
    from hotline.bot.nlu.entities import extract_entities

    return extract_entities(text)


class RasaClient:
    """One Rasa server, reached through the shared ClientSession with a timeout on every call."""

    name = "rasa"

    def __init__(
        self,
        session: aiohttp.ClientSession,
        url: str,
        token: str = "",
        timeout: float = 2.0,
        entities: EntityExtractor = _project_entities,
    ) -> None:
        self._session = session
        self._url = url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self._entities = entities

    @property
    def url(self) -> str:
        return self._url

    async def parse(self, text: str) -> RasaParseResult:
        """POST /model/parse; raises RasaError on timeout, connection error or a bad answer."""
        return self.result(text, await self.parse_body(text))

    async def parse_body(self, text: str) -> dict[str, Any]:
        """Rasa's parse JSON for `text`, checked to carry an intent (what a cache can keep)."""
        body = await self._call("POST", "/model/parse", json={"text": text})
        if not isinstance(body, dict) or not isinstance(body.get("intent"), dict):
            raise RasaError("bad_response", "no intent in the parse result")
        return body

    async def parse_batch(self, texts: list[str]) -> list[dict[str, Any]]:
        """Rasa's parse JSON for each text in one request (hotline/bot/nlu/rasa_batch.py);
        RasaError("http_404") from a Rasa without that channel."""
        body = await self._call("POST", "/webhooks/batch/parse", json={"texts": texts})
        parses = body.get("parses") if isinstance(body, dict) else None
        if not isinstance(parses, list) or len(parses) != len(texts):
            raise RasaError("bad_response", "the batch answer does not match the texts")
        for parse in parses:
            if not isinstance(parse, dict) or not isinstance(parse.get("intent"), dict):
                raise RasaError("bad_response", "no intent in a batch parse")
        return parses

    def result(self, text: str, body: dict[str, Any]) -> RasaParseResult:
        """Rasa's parse JSON as our ParseResult, entities from `text`; RasaError if unusable."""
        # One reading of the ranking, checked before the entities are read from the text.
        ranking = _ranking(body)
        _check(ranking, body)
        return _parsed(text, body, ranking, self._entities(text))

    async def load_model(self, model_file: Path | str, seconds: float = 120.0) -> None:
        """PUT /model: the server swaps to the new model without dropping requests."""
        await self._call("PUT", "/model", json={"model_file": str(model_file)}, seconds=seconds)

    async def status(self) -> dict[str, Any]:
        """GET /status: the loaded model file and fingerprint."""
        body = await self._call("GET", "/status")
        if not isinstance(body, dict):
            raise RasaError("bad_response", "status is not an object")
        return body

    async def is_ready(self) -> bool:
        """True when the server answers and has a model loaded."""
        return await serving(self.status)

    async def _call(
        self, method: str, path: str, *, json: Any = None, seconds: float | None = None
    ) -> Any:
        params = {"token": self._token} if self._token else None
        limit = aiohttp.ClientTimeout(total=self._timeout if seconds is None else seconds)
        try:
            async with self._session.request(
                method, self._url + path, json=json, params=params, timeout=limit
            ) as response:
                if response.status >= 400:
                    raise RasaError(f"http_{response.status}", (await response.text())[:200])
                if response.status == 204:
                    return None
                return await response.json(content_type=None)
        except TimeoutError as exc:
            raise RasaError("timeout", f"{method} {path} after {limit.total} s") from exc
        except aiohttp.ClientError as exc:
            raise RasaError("connection", f"{method} {path}: {exc}") from exc
        except ValueError as exc:
            raise RasaError("bad_response", f"{method} {path}: {exc}") from exc


def to_parse_result(
    text: str, body: dict[str, Any], entities: tuple[Entity, ...] = ()
) -> RasaParseResult:
    """Rasa's parse JSON as our ParseResult: `faq` becomes `ask_faq`, the FAQ pick is kept."""
    return _parsed(text, body, _ranking(body), entities)


def check_usable(body: dict[str, Any]) -> None:
    """RasaError("no_intent") for a parse the bot cannot act on (what a cache must not keep);
    no entities are extracted."""
    _check(_ranking(body), body)


def _ranking(body: dict[str, Any]) -> tuple[Intent, ...]:
    """Rasa's ranking in our intents, best first; empty when it names none of them."""
    scores: dict[str, float] = {}
    for item in body.get("intent_ranking") or [body["intent"]]:
        name = _RASA_TO_BOT.get(str(item.get("name")), str(item.get("name")))
        if name in INTENTS:
            # `ask_faq` (general questions) and `faq` (one entry) are both our ask_faq.
            scores[name] = min(1.0, scores.get(name, 0.0) + float(item.get("confidence") or 0.0))
    return tuple(
        Intent(name, score) for name, score in sorted(scores.items(), key=lambda kv: -kv[1])
    )


def _check(ranking: tuple[Intent, ...], body: dict[str, Any]) -> None:
    if not ranking:
        # `{"intent": {}}` or only intents we do not know: a model that cannot classify.
        raise RasaError("no_intent", f"no usable intent in {str(body.get('intent'))[:80]}")


def _parsed(
    text: str, body: dict[str, Any], ranking: tuple[Intent, ...], entities: tuple[Entity, ...]
) -> RasaParseResult:
    top = ranking[0] if ranking else Intent("out_of_scope", 0.0)
    return RasaParseResult(
        text=text, intent=top, entities=entities, intent_ranking=ranking, faq=_faq_pick(body)
    )


def _faq_pick(body: dict[str, Any]) -> FaqPick | None:
    selector = (body.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    key = str(response.get("intent_response_key") or "")
    if not key.startswith("faq/"):
        return None
    return FaqPick(key.removeprefix("faq/"), float(response.get("confidence") or 0.0))


async def serving(status: Callable[[], Awaitable[dict[str, Any]]]) -> bool:
    """True when `status` answers with a model loaded: what "ready" means for a Rasa."""
    try:
        found = await status()
    except RasaError:
        return False
    return bool(found.get("model_file"))
