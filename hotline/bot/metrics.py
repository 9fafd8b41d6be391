"""Prometheus counters for `/metrics`."""

from __future__ import annotations

from functools import cache

from prometheus_client import Counter

from hotline.bot.nlu.base import INTENTS

MESSAGES = Counter("hotline_messages_total", "Inbound messages received", ["channel"])
PARSED_INTENTS = Counter("hotline_intents_total", "Messages by recognised intent", ["intent"])
TICKETS = Counter("hotline_tickets_total", "Tickets filed by the bot", ["category"])

# A counter's child per label, looked up once: `labels()` takes a lock and builds a key on
# every call (about 2 us against 0.7 a count, twice a message). The counters keep every child
# they made anyway, so the caches hold nothing more.
messages_of = cache(MESSAGES.labels)
_intent_counted = cache(PARSED_INTENTS.labels)
# A payload names its intent outright, and a citizen may type "/anything": a name outside the
# NLU's intents (a dialog's button, "/skip", or typed) counts as "payload", so the label set,
# and the cache above, stay as small as the intents are.
_COUNTED = frozenset(INTENTS)


def intents_of(name: str) -> Counter:
    """The intent counter's child for `name`, "payload" for a name no NLU gives."""
    return _intent_counted(name if name in _COUNTED else "payload")
