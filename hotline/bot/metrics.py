"""Prometheus counters for `/metrics`."""

from __future__ import annotations

from prometheus_client import Counter

MESSAGES = Counter("hotline_messages_total", "Inbound messages received", ["channel"])
PARSED_INTENTS = Counter("hotline_intents_total", "Messages by recognised intent", ["intent"])
TICKETS = Counter("hotline_tickets_total", "Tickets filed by the bot", ["category"])
