"""Button payloads in Rasa's shape: "/intent" or '/intent{"entity": "value"}'.

A payload is what a button sends back; it names the intent outright, so it is not classified
(like Rasa's RegexInterpreter): confidence 1.0, entities taken from the JSON object.
"""

from __future__ import annotations

import json
import re

from hotline.bot.nlu.base import INTENTS, Entity, Intent, ParseResult

_PAYLOAD = re.compile(
    r"^/(?P<intent>[A-Za-z_][\w-]*)(?:@(?P<confidence>[01](?:\.\d+)?))?(?P<entities>\{.*\})?$",
    re.DOTALL,
)


class PayloadError(ValueError):
    """A text that starts like a payload but whose entities are not a JSON object."""


def payload(intent: str, **entities: str | int) -> str:
    """The payload for a button: payload("check_status", ticket_code="PA-7K3Q-9X2M")."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def is_payload(text: str) -> bool:
    return _PAYLOAD.match(text.strip()) is not None


def parse_payload(text: str) -> ParseResult | None:
    """The parse result a payload stands for, or None when `text` is not a payload."""
    match = _PAYLOAD.match(text.strip())
    if match is None:
        return None
    name = match.group("intent")
    confidence = float(match.group("confidence") or 1.0)
    entities: list[Entity] = []
    if match.group("entities"):
        try:
            values = json.loads(match.group("entities"))
        except json.JSONDecodeError as error:
            raise PayloadError(f"entities of payload {text!r} are not JSON: {error}") from error
        if not isinstance(values, dict):
            raise PayloadError(f"entities of payload {text!r} are not a JSON object")
        offset = text.index(match.group("entities"))
        end = offset + len(match.group("entities"))
        for key, value in values.items():
            for item in value if isinstance(value, list) else [value]:
                entities.append(Entity(key, str(item), offset, end, extractor="payload"))
    intent = Intent(name, confidence)
    others = tuple(Intent(n, 0.0) for n in INTENTS if n != name)
    return ParseResult(text, intent, tuple(entities), (intent, *others))
