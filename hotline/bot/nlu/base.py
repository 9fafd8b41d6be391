"""The NLU interface and Rasa's parse format, shared by the local and the Rasa back ends."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "ask_faq",
    "health_consult",
    "report_violation",
    "report_contact",
    "request_support",
    "emergency",
    "feedback",
    "request_human",
    "check_status",
    "out_of_scope",
)

ENTITY_TYPES: tuple[str, ...] = ("district", "ward", "phone", "ticket_code")


@dataclass(frozen=True)
class Intent:
    name: str
    confidence: float

    def to_rasa(self) -> dict[str, Any]:
        return {"name": self.name, "confidence": round(float(self.confidence), 6)}


@dataclass(frozen=True)
class Entity:
    """An entity found in the text; `value` is canonical (e.g. the official ward name)."""

    entity: str
    value: str
    start: int
    end: int
    text: str = ""
    extractor: str = "HotlineEntityExtractor"
    confidence: float = 1.0

    def to_rasa(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "confidence_entity": self.confidence,
            "extractor": self.extractor,
        }


@dataclass(frozen=True)
class FaqPick:
    """The FAQ entry an NLU picked for a question itself (Rasa's response selector does)."""

    entry_id: str
    confidence: float


@dataclass(frozen=True)
class ParseResult:
    text: str
    intent: Intent
    entities: tuple[Entity, ...] = ()
    intent_ranking: tuple[Intent, ...] = ()
    faq: FaqPick | None = None

    def entity(self, name: str) -> str | None:
        """The value of the first entity of that type, if any."""
        return next((e.value for e in self.entities if e.entity == name), None)

    def surely(self, name: str, confidence: float) -> ParseResult:
        """The parse with intent `name` first at `confidence`, what the rule overlays give an
        intent they are sure of; the other intents share the rest in their order and
        proportions."""
        others = [i for i in self.intent_ranking or (self.intent,) if i.name != name]
        share = sum(i.confidence for i in others) or 1.0
        rest = 1.0 - confidence
        ranked = (
            Intent(name, confidence),
            *(Intent(i.name, i.confidence / share * rest) for i in others),
        )
        return replace(self, intent=ranked[0], intent_ranking=ranked)

    def swapped(self, name: str) -> ParseResult:
        """The parse with intent `name` in the top intent's place, at its confidence, and the
        top intent where `name` was: what an overlay gives a question the model filed under a
        neighbouring intent (small talk for the FAQ's, a form for a letter that asks). Where
        `name` is not ranked (Rasa ranks its first ten), the top intent comes last, at 0."""
        top = self.intent
        moved = Intent(name, top.confidence)
        ranking = self.intent_ranking or (top,)
        if all(i.name != name for i in ranking):
            ranking = (*ranking, Intent(name, 0.0))
        rest = tuple(
            Intent(top.name, i.confidence) if i.name == name else i
            for i in ranking
            if i.name != top.name
        )
        return replace(self, intent=moved, intent_ranking=(moved, *rest))

    def to_rasa(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "intent": self.intent.to_rasa(),
            "entities": [e.to_rasa() for e in self.entities],
            "intent_ranking": [i.to_rasa() for i in self.intent_ranking],
        }
        if self.faq is not None:
            out["response_selector"] = {
                "faq": {
                    "response": {
                        "intent_response_key": f"faq/{self.faq.entry_id}",
                        "confidence": round(self.faq.confidence, 6),
                    }
                }
            }
        return out


class NLU(Protocol):
    """Anything that turns a citizen's text into an intent and entities."""

    @property
    def name(self) -> str:
        """The back end that answers (for /readyz and the metrics), e.g. "local" or "rasa"."""
        ...

    async def parse(self, text: str) -> ParseResult: ...

    async def is_ready(self) -> bool: ...
